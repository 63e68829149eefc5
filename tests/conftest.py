"""Shared fixtures: the seed articles and a small gazetteer written for them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import wirescan

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"

# tools/test-wheel.sh runs the suite against an installed wheel: the package must not come
# from the source tree then.
if os.environ.get("WIRESCAN_TEST_INSTALLED") and Path(wirescan.__file__).is_relative_to(
    ROOT / "python"
):
    raise RuntimeError(f"testing the installed wheel, but wirescan comes from {wirescan.__file__}")


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """Seed articles by file stem prefix: '000' ... '004'."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_gazetteer() -> wirescan.Gazetteer:
    return wirescan.Gazetteer.from_jsonl(DATA / "seed_gazetteer.jsonl")


@pytest.fixture(scope="session")
def ex(seed_gazetteer: wirescan.Gazetteer) -> wirescan.Extractor:
    return wirescan.Extractor(gazetteer=seed_gazetteer)


def spans_ok(doc: wirescan.Document) -> None:
    """The offset contract: every span slices the caller's str to the surface."""
    for m in doc.entities:
        assert doc.text[m.start : m.end] == m.text, m
