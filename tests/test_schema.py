"""The output schema is stated once (the core's field tables, read through ``_core.schema``):
the frames' columns, ``wirescan.schema``, the objects' ``to_dict()`` keys, their attributes and
the type stubs all agree with it, value for value."""

from __future__ import annotations

import ast
import math
from pathlib import Path
from typing import Any

import pytest

import wirescan
from wirescan import _core, schema

pd = pytest.importorskip("pandas")

STUBS = Path(wirescan.__file__).with_name("_core.pyi")
TEXTS = [
    '"We cut 1,200 jobs in Tarnby," Rosa Lind said on Monday. About 40 more may go.',
    "Nothing here.",
    'Mayor Lind: "Tarnby will rebuild." Officials counted 3 bridges, the council said.',
]
KINDS = {"entities": "Mention", "numbers": "Number", "quotes": "Quote"}


def extractor() -> wirescan.Extractor:
    g = wirescan.Gazetteer.from_records(
        [
            {"id": "p1", "name": "Rosa Lind", "kind": "person"},
            {"id": "t1", "name": "Tarnby", "kind": "place"},
        ]
    )
    return wirescan.Extractor(g)


def stub_attributes(cls: str) -> set[str]:
    tree = ast.parse(STUBS.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == cls:
            return {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
    raise AssertionError(f"no class {cls} in the stubs")


def test_python_schema_is_the_cores() -> None:
    for what in schema.WHAT:
        assert schema.columns(what) == _core.schema(what)
        assert schema.columns(what)[0][0] == "doc"
        assert {t for _, t in schema.columns(what)} <= {
            "int64",
            "Int64",
            "float64",
            "bool",
            "string",
        }
    with pytest.raises(wirescan.OptionError, match="what must be"):
        _core.schema("people")


def field_of(item: Any, column: str) -> Any:
    """The value a frame column should hold, read from the object the user gets."""
    if column.startswith("source_"):
        src = item.source
        if src is None:
            return None
        rest = column.removeprefix("source_")
        return getattr(src, rest if rest in ("verb", "quote") else f"speaker_{rest}")
    value = getattr(item, column)
    return len(value) if column == "paragraphs" else value


@pytest.mark.parametrize("what", schema.WHAT)
def test_frames_to_dict_attributes_and_stubs_agree(what: str) -> None:
    ex = extractor()
    docs = ex.extract_batch(TEXTS)
    frame = ex.frame(TEXTS, what)
    columns = [n for n, _ in schema.columns(what)]
    assert list(frame.columns) == columns
    cls = KINDS[what]
    attrs = stub_attributes(cls)
    items = [(i, x) for i, d in enumerate(docs) for x in getattr(d, what)]
    assert len(items) == len(frame) > 0
    for (i, item), row in zip(items, frame.itertuples(index=False)):
        keys = set(item.to_dict())
        assert keys <= attrs, f"{cls}.to_dict() keys missing from the stubs: {keys - attrs}"
        for column in columns[1:]:
            if not column.startswith("source_"):
                assert column in keys, f"{what} column {column} is not a {cls}.to_dict() key"
                assert column in attrs, f"{what} column {column} is not a {cls} attribute"
            want = field_of(item, column)
            got = getattr(row, column)
            if want is None:
                assert got is None or got is pd.NA or (isinstance(got, float) and math.isnan(got))
            else:
                assert got == want, (what, column, got, want)
        assert row.doc == i
    if what == "numbers":
        assert "source" in stub_attributes("Number")
        assert any(item.source is not None for _, item in items)
        assert set(stub_attributes("Source")) >= set(items[0][1].source.to_dict())


def test_every_bad_option_is_an_option_error() -> None:
    """Bad option values raise wirescan.OptionError (a ValueError), from the core's parsers and
    the Python layer alike."""
    ex = extractor()
    g = ex.gazetteer
    doc = ex.extract("Rosa Lind spoke.")
    calls = [
        lambda: ex.frame(["a"], "people"),  # type: ignore[arg-type]
        lambda: ex.frame(["a", "b"], ids=[1]),
        lambda: ex.frame(["a"], ids=[1, 2]),
        lambda: doc.to_displacy(labels="brat"),  # type: ignore[arg-type]
        lambda: g.merge(g, on_conflict="ignore"),
        lambda: schema.columns("people"),
        lambda: wirescan.to_frame([doc], "people"),  # type: ignore[arg-type]
        lambda: ex.extract_batch(["a"], n_threads=_core.max_threads() + 1),
    ]
    for call in calls:
        with pytest.raises(wirescan.OptionError):
            call()
