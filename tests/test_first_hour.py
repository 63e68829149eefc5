"""What a new user meets in the first hour: fixes found by trying the package as one."""

from __future__ import annotations

import pytest

import wirescan


@pytest.fixture(scope="module")
def ex() -> wirescan.Extractor:
    return wirescan.Extractor()


def test_an_alias_written_with_its_article_is_reported_without_it(ex: wirescan.Extractor) -> None:
    doc = ex.extract("Markets fell after the Fed spoke. The Hague hosted talks.")
    assert [m.text for m in doc.entities] == ["Fed", "The Hague"]


def test_a_quarter_point_is_percentage_points(ex: wirescan.Extractor) -> None:
    (n,) = ex.extract("The bank cut rates by a quarter point.").numbers
    assert (n.text, n.kind, n.value, n.unit) == (
        "a quarter point",
        "percent",
        0.25,
        "percentage point",
    )
    (n,) = ex.extract("Yields rose half a percentage point.").numbers
    assert (n.kind, n.value, n.unit) == ("percent", 0.5, "percentage point")


def test_a_participle_after_a_vague_number_is_no_object(ex: wirescan.Extractor) -> None:
    (n,) = ex.extract("Dozens injured as the roof fell.").numbers
    assert n.vague and n.object is None
    (n,) = ex.extract("Dozens of workers left.").numbers
    assert n.object == "workers"


def test_sources_familiar_with_the_matter(ex: wirescan.Extractor) -> None:
    (n,) = ex.extract("The firm will cut 300 jobs, citing people familiar with the plan.").numbers
    assert n.source is not None
    assert n.source.speaker_text == "people familiar with the plan"


def test_his_office_speaks_for_the_person_named_before() -> None:
    g = wirescan.Gazetteer.from_records([{"id": "p", "name": "Omar Diaz", "kind": "person"}])
    doc = wirescan.Extractor(g).extract(
        'Omar Diaz left early. "He will not run again," according to his office.'
    )
    (q,) = doc.quotes
    assert q.speaker_text == "his office" and q.speaker_id == "p"


def test_a_surname_links_alone_only_after_a_title() -> None:
    g = wirescan.Gazetteer.from_records(
        [{"id": "r", "name": "Carla Ruiz", "kind": "person", "role": "Senator"}]
    )
    x = wirescan.Extractor(g)
    assert x.extract('"No," Senator Ruiz said.').quotes[0].speaker_id == "r"
    # Another given name is another person, whatever the surname.
    # (a person the gazetteer does not know: the document's own).
    assert x.extract('"No," Senator Jane Ruiz said.').quotes[0].speaker_id == "local:jane-ruiz"


def test_displacy_with_spacy_labels(ex: wirescan.Extractor) -> None:
    d = ex.extract("Kim Jong Un met officials in Seoul with 1,500 troops.").to_displacy(
        labels="spacy"
    )
    assert [e["label"] for e in d["ents"]] == ["PERSON", "GPE", "CARDINAL"]
    with pytest.raises(ValueError, match="labels must be"):
        ex.extract("Seoul.").to_displacy(labels="nope")  # type: ignore[arg-type]


def test_one_version_shown_with_the_default_gazetteers() -> None:
    """The version is stated once (Cargo.toml; pyproject.toml reads it), and the CLI and
    show_versions() give it with the default gazetteer's version."""
    import re
    import subprocess
    import sys
    from importlib import metadata
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    cargo = (root / "Cargo.toml").read_text(encoding="utf-8")
    stated = re.search(r'^version = "([^"]+)"', cargo, re.M)
    assert stated is not None
    assert wirescan.__version__ == stated.group(1) == metadata.version("wirescan")
    assert 'dynamic = ["version"]' in (root / "pyproject.toml").read_text(encoding="utf-8")
    gaz = wirescan.default_gazetteer_info()["version"]
    out = subprocess.run(
        [sys.executable, "-m", "wirescan", "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == f"wirescan {wirescan.__version__} (default gazetteer {gaz})"
    versions = wirescan.show_versions(as_dict=True)
    assert versions is not None
    assert versions["wirescan"] == wirescan.__version__
    assert versions["default gazetteer"] == gaz
    assert set(versions) >= {"python", "platform", "pandas", "pyarrow"}
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {wirescan.__version__}" in changelog
