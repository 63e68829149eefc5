"""wirescan: entities, numbers and quotes from news text, with a Rust core.

>>> import wirescan
>>> g = wirescan.Gazetteer.from_records([
...     {"id": "Q3505", "name": "Lloyd Austin", "kind": "person", "aliases": ["Lloyd J. Austin"]},
... ])
>>> doc = wirescan.Extractor(gazetteer=g).extract("US Defence Secretary LLoyd Austin said")
>>> [(m.text, m.entity_id, m.form) for m in doc.entities]
[('LLoyd Austin', 'Q3505', 'name')]
"""

from __future__ import annotations

import functools
import gzip
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from . import _core, _display, _frames, errors, schema
from ._core import Document, Mention, Number, Quote, Source
from ._gazetteer_io import build_with_lines, read_csv, read_jsonl
from .errors import (
    GazetteerError,
    InternalError,
    OptionError,
    TextError,
    WirescanError,
)

if TYPE_CHECKING:  # the extras, for annotations only (never imported at run time here)
    import pandas as pd
    import pyarrow as pa

#: What a frame or table lists: one row per entity mention, number or quote.
What = Literal["entities", "numbers", "quotes"]

# The extension maps core errors to these classes and renders notebooks with _display: handed
# in once here, so it never imports back into the package.
_core._connect(errors, _display)

__version__: str = _core.__version__

#: Version of the pickled form of Gazetteer and Extractor.
PICKLE_FORMAT = 1

_DEFAULT_DATA = "default_gazetteer.json.gz"


class Gazetteer:
    """Entities (people, organisations, places, or any kind of yours) and their aliases.

    Build one with :meth:`from_records`, :meth:`from_csv`, :meth:`from_jsonl` or
    :meth:`default`; combine with ``+`` / :meth:`merge`, trim with :meth:`exclude`. The automaton
    is compiled on first use (or by :meth:`compile`). A gazetteer pickles by definition; the
    default one, and one made from it with ``+``, :meth:`merge` or :meth:`exclude`, pickle as a
    reference to the bundled data plus the change.
    """

    __slots__ = ("_core", "_is_default", "_recipe")

    def __init__(
        self,
        _core_gazetteer: _core.Gazetteer,
        _is_default: bool = False,
        _recipe: tuple[Any, ...] | None = None,
    ) -> None:
        if not isinstance(_core_gazetteer, _core.Gazetteer):
            raise TypeError(
                "use Gazetteer.from_records, from_csv, from_jsonl or default to build a gazetteer"
            )
        self._core = _core_gazetteer
        self._is_default = _is_default
        # How it was made from the default gazetteer, for pickling (None: by definition): the
        # operations applied to the default, in order, so no intermediate gazetteer is kept.
        self._recipe = _recipe

    def _from_default(self) -> bool:
        return self._is_default or self._recipe is not None

    # -- constructors -----------------------------------------------------------------------
    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        *,
        strip_diacritics: bool = True,
        auto_surnames: bool = True,
    ) -> Gazetteer:
        """From mappings with ``id``, ``name``, ``kind`` and optional ``aliases``.

        ``aliases`` (also ``acronyms``, ``demonyms``, ``surnames``) is a list of strings or of
        alias dicts ``{"text", "form", "case"}``, or one ``|``-separated string. ``priority``
        (int) ranks entities that share an alias. Every other key is an attribute.
        """
        return cls(
            _core.Gazetteer.from_records(
                records, strip_diacritics=strip_diacritics, auto_surnames=auto_surnames
            )
        )

    @classmethod
    def from_csv(
        cls,
        path: str | os.PathLike[str],
        *,
        encoding: str = "utf-8",
        delimiter: str = ",",
        strip_diacritics: bool = True,
        auto_surnames: bool = True,
    ) -> Gazetteer:
        """From a CSV file (``.gz`` too) with columns id, name, kind, aliases (``|``-separated);
        every other column is an attribute, numeric cells become numbers, empty cells are
        omitted. Errors name the file and line."""
        records, lines = read_csv(path, encoding=encoding, delimiter=delimiter)
        return cls._from_file_records(path, records, lines, strip_diacritics, auto_surnames)

    @classmethod
    def from_jsonl(
        cls,
        path: str | os.PathLike[str],
        *,
        encoding: str = "utf-8",
        strip_diacritics: bool = True,
        auto_surnames: bool = True,
    ) -> Gazetteer:
        """From a JSON Lines file (``.gz`` too), one record object per line. Errors name the
        file and line."""
        records, lines = read_jsonl(path, encoding=encoding)
        return cls._from_file_records(path, records, lines, strip_diacritics, auto_surnames)

    @classmethod
    def _from_file_records(
        cls,
        path: str | os.PathLike[str],
        records: list[dict[str, Any]],
        lines: list[int],
        strip_diacritics: bool,
        auto_surnames: bool,
    ) -> Gazetteer:
        """Builds from records read from a file; a record error names the file and line."""
        return build_with_lines(
            lambda r: cls.from_records(
                r, strip_diacritics=strip_diacritics, auto_surnames=auto_surnames
            ),
            records,
            lines,
            os.fspath(path),
        )

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], **options: Any) -> Gazetteer:
        """From a ``.csv`` or ``.jsonl``/``.ndjson`` file (optionally ``.gz``), by extension."""
        p = os.fspath(path)
        low = p.lower()
        base = low[:-3] if low.endswith(".gz") else low
        if base.endswith((".jsonl", ".ndjson")):
            return cls.from_jsonl(p, **options)
        if base.endswith((".csv", ".tsv")):
            if base.endswith(".tsv"):
                options.setdefault("delimiter", "\t")
            return cls.from_csv(p, **options)
        raise GazetteerError(f"{p}: unknown gazetteer format (use .csv, .tsv or .jsonl)", path=p)

    @classmethod
    def default(cls) -> Gazetteer:
        """The bundled default gazetteer (loaded once per process)."""
        return _load_default()

    # -- combining --------------------------------------------------------------------------
    def merge(self, other: Gazetteer, on_conflict: str = "error") -> Gazetteer:
        """Both gazetteers in one; ``on_conflict`` is ``"error"``, ``"replace"`` or ``"keep"``
        for ids defined by both."""
        if not isinstance(other, Gazetteer):
            raise TypeError(f"can only merge a Gazetteer, not {type(other).__name__}")
        recipe = None
        if self._from_default():
            recipe = (*self._ops(), ("merge", other, on_conflict))
        elif other._from_default():
            recipe = (*other._ops(), ("merged_into", self, on_conflict))
        return Gazetteer(self._core.merge(other._core, on_conflict), _recipe=recipe)

    def _ops(self) -> tuple[Any, ...]:
        return self._recipe or ()

    def __add__(self, other: Gazetteer) -> Gazetteer:
        if not isinstance(other, Gazetteer):
            return NotImplemented
        return self.merge(other)

    def exclude(self, ids: str | Iterable[str] = (), kinds: str | Iterable[str] = ()) -> Gazetteer:
        """A copy without these entity ids and kinds (one string is one id or one kind)."""
        id_list, kind_list = _str_list(ids, "ids"), _str_list(kinds, "kinds")
        recipe = (*self._ops(), ("exclude", id_list, kind_list)) if self._from_default() else None
        return Gazetteer(self._core.exclude(id_list, kind_list), _recipe=recipe)

    # -- inspection -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._core)

    def __contains__(self, entity_id: object) -> bool:
        return isinstance(entity_id, str) and entity_id in self._core

    def ids(self) -> list[str]:
        """Entity ids in definition order."""
        return self._core.ids()

    def get(self, entity_id: str) -> dict[str, Any] | None:
        """One entity as a record dict, or None. An id the entity had in an earlier version of
        its data (its ``former_id``: the default gazetteer's ``iso:KP`` is now ``Q423``) finds
        it too."""
        return self._core.get(entity_id)

    def records(self) -> list[dict[str, Any]]:
        """Every entity as a record dict (reads back with :meth:`from_records`)."""
        return json.loads(self._core.to_json())

    @property
    def alias_count(self) -> int:
        """Number of aliases (names and surnames included)."""
        return self._core.alias_count()

    @property
    def options(self) -> dict[str, bool]:
        """The normalisation options the gazetteer was built with."""
        return self._core.options

    def ambiguities(self) -> list[tuple[str, list[str]]]:
        """Normalised aliases that several entities claim, with their ids in priority order."""
        return self._core.ambiguities()

    def compile(self) -> Gazetteer:
        """Builds the automaton now instead of on first use; returns self."""
        self._core.compile()
        return self

    @property
    def automaton_memory(self) -> int:
        """Heap bytes of the compiled automaton and tables (0 before compiling)."""
        return self._core.automaton_memory()

    def __repr__(self) -> str:
        tag = " (default)" if self._is_default else ""
        n, a = len(self), self.alias_count
        return (
            f"<Gazetteer{tag} {n:,} {'entity' if n == 1 else 'entities'}, "
            f"{a:,} {'alias' if a == 1 else 'aliases'}>"
        )

    # -- pickling by definition ---------------------------------------------------------------
    def __reduce__(self) -> tuple[Any, ...]:
        if self._is_default:
            return (_load_default, ())
        if self._recipe is not None:
            return (_replay_gazetteer, (PICKLE_FORMAT, self._recipe))
        return (_restore_gazetteer, (PICKLE_FORMAT, self._core.to_json(), self.options))


def _replay_gazetteer(fmt: int, recipe: tuple[Any, ...]) -> Gazetteer:
    """Rebuilds a gazetteer made from the default one (its parts were unpickled first)."""
    if fmt != PICKLE_FORMAT:
        raise GazetteerError(
            f"pickled gazetteer has format {fmt}; this wirescan reads {PICKLE_FORMAT}"
        )
    g = Gazetteer.default()
    for op, *args in recipe:
        if op == "merge":
            g = g.merge(args[0], on_conflict=args[1])
        elif op == "merged_into":
            g = args[0].merge(g, on_conflict=args[1])
        elif op == "exclude":
            g = g.exclude(ids=args[0], kinds=args[1])
        else:
            raise GazetteerError(f"pickled gazetteer has an unknown operation {op!r}")
    return g


def _restore_gazetteer(fmt: int, data: str, options: dict[str, bool]) -> Gazetteer:
    if fmt != PICKLE_FORMAT:
        raise GazetteerError(
            f"pickled gazetteer has format {fmt}; this wirescan reads {PICKLE_FORMAT}"
        )
    return Gazetteer(_core.Gazetteer.from_json(data.encode("utf-8"), **options))


@functools.lru_cache(maxsize=1)
def _load_default() -> Gazetteer:
    try:
        raw = resources.files("wirescan").joinpath("data", _DEFAULT_DATA).read_bytes()
    except FileNotFoundError:
        raise GazetteerError(
            "the bundled default gazetteer is missing from this installation; "
            "pass gazetteer=... or reinstall wirescan"
        ) from None
    payload = gzip.decompress(raw)
    return Gazetteer(_core.Gazetteer.from_json(payload), _is_default=True)


def default_gazetteer_info() -> dict[str, Any]:
    """Version, build date, sources and licences of the bundled default gazetteer."""
    raw = resources.files("wirescan").joinpath("data", "default_gazetteer.meta.json").read_text()
    return json.loads(raw)


def show_versions(*, as_dict: bool = False) -> dict[str, str | None] | None:
    """The versions a bug report needs: wirescan's, the bundled default gazetteer's, Python's,
    the platform, and those of the optional extras that are installed (read from their
    metadata, never imported). Prints them, or returns them with ``as_dict=True``."""
    import platform
    from importlib import metadata

    out: dict[str, str | None] = {
        "wirescan": __version__,
        "default gazetteer": str(default_gazetteer_info().get("version")),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    for dist in ("pandas", "pyarrow", "polars", "dask", "pyspark", "tqdm"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = None
    if as_dict:
        return out
    for k, v in out.items():
        print(f"{k:>18}: {v if v is not None else '-'}")
    return None


class Extractor:
    """Finds entities, numbers and quotes in texts.

    ``gazetteer=None`` uses the bundled default. ``overlapping=True`` returns every entity
    match, overlapping ones included, instead of leftmost-longest. ``numbers=False`` skips
    number extraction; ``include_non_counts=True`` also returns dates, years, times and codes
    as numbers of their own kinds. ``quotes=False`` skips quotes, speakers and number sources.
    ``people=False`` skips the people the gazetteer does not know (found from titles, given
    names, speech verbs and appositions) and the organisations and places it does not know
    (found by the head word of their name, ``Goteborg University``): ``known=False`` mentions
    with a ``local:`` id.
    An extractor is thread-safe, and pickles as its gazetteer definition and options; the
    automaton is rebuilt on first use.
    """

    __slots__ = ("_core", "_gazetteer")

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        overlapping: bool = False,
        numbers: bool = True,
        include_non_counts: bool = False,
        quotes: bool = True,
        people: bool = True,
    ) -> None:
        if gazetteer is None:
            gazetteer = Gazetteer.default()
        if not isinstance(gazetteer, Gazetteer):
            raise TypeError(
                f"gazetteer must be a wirescan.Gazetteer, not {type(gazetteer).__name__}"
            )
        self._gazetteer = gazetteer
        self._core = _core.Extractor(
            gazetteer._core,
            overlapping=bool(overlapping),
            numbers=bool(numbers),
            include_non_counts=bool(include_non_counts),
            quotes=bool(quotes),
            people=bool(people),
        )

    @property
    def gazetteer(self) -> Gazetteer:
        return self._gazetteer

    @property
    def overlapping(self) -> bool:
        return self._core.overlapping

    @property
    def options(self) -> dict[str, bool]:
        """The extractor's options, as keyword arguments."""
        return {
            "overlapping": self._core.overlapping,
            "numbers": self._core.numbers,
            "include_non_counts": self._core.include_non_counts,
            "quotes": self._core.quotes,
            "people": self._core.people,
        }

    def extract(self, text: str) -> Document:
        """Extracts one text. Offsets index ``text``: ``text[m.start:m.end] == m.text``."""
        return self._core.extract(text)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """The gazetteer's matches of :meth:`extract` (without the people the gazetteer does
        not know), as ``(start, end, entity_id)`` tuples: the lightest way from a ``str`` to
        spans and ids when Mention objects are not needed."""
        return self._core.spans(text)

    def extract_batch(
        self,
        texts: Iterable[str],
        n_threads: int | None = None,
        *,
        progress: bool | None = None,
    ) -> list[Document]:
        """Extracts many texts in one call into the core, the GIL released, on ``n_threads``
        threads (default: ``WIRESCAN_NUM_THREADS`` or the number of cores). Ctrl-C stops it
        within a fraction of a second (the texts in flight finish, the rest are skipped, and
        KeyboardInterrupt is raised). A tqdm bar shows on long inputs when tqdm is installed
        (``progress=False`` silences it, ``True`` insists)."""
        _check_threads(n_threads)
        if isinstance(texts, str):
            raise TypeError("texts must be a sequence of str, not a single str (use extract)")
        items = texts if isinstance(texts, (list, tuple)) else list(texts)
        bar = _frames.progress_bar(len(items), progress, "wirescan")
        if bar is None:
            return self._core.extract_batch(items, n_threads)
        try:
            return self._core.extract_batch(items, n_threads, lambda done: bar.update(done - bar.n))
        finally:
            bar.close()

    def _columns(
        self, texts: list[str], whats: list[str], n_threads: int | None = None
    ) -> list[tuple[int, list[tuple[str, str, bytes, bytes | None, bytes | None]]]]:
        """Package-internal: one extraction of ``texts`` as the Arrow-layout columns of each
        frame in ``whats`` (what :mod:`wirescan._frames` and the CLI wrap into tables)."""
        return self._core.columns_many(texts, whats, n_threads)

    def frame(
        self,
        texts: Iterable[Any],
        what: What = "entities",
        ids: Iterable[Any] | None = None,
        *,
        chunk_size: int = _frames.DEFAULT_CHUNK,
        progress: bool | None = None,
        n_threads: int | None = None,
    ) -> pd.DataFrame:
        """A tidy pandas DataFrame with one row per entity mention, number or quote
        (``what``), keyed by ``doc``: the text's position, or its item of ``ids``. Columns and
        dtypes are fixed (:mod:`wirescan.schema`). Built from Arrow columns that the core
        returns chunk by chunk, never an object per match. None/NaN texts give no rows; any
        other non-str raises TypeError naming the row. Needs ``wirescan[pandas]``."""
        _check_threads(n_threads)
        return _frames.frame(
            self, texts, what, ids, chunk_size=chunk_size, progress=progress, n_threads=n_threads
        )

    def table(
        self,
        texts: Iterable[Any],
        what: What = "entities",
        ids: Iterable[Any] | None = None,
        *,
        chunk_size: int = _frames.DEFAULT_CHUNK,
        progress: bool | None = None,
        n_threads: int | None = None,
    ) -> pa.Table:
        """As :meth:`frame`, as a ``pyarrow.Table`` (``polars.from_arrow`` takes it as is).
        Needs ``wirescan[arrow]``."""
        _check_threads(n_threads)
        return _frames.table(
            self, texts, what, ids, chunk_size=chunk_size, progress=progress, n_threads=n_threads
        )

    def record_batches(
        self,
        texts: Iterable[Any],
        what: What = "entities",
        ids: Iterable[Any] | None = None,
        *,
        chunk_size: int = _frames.DEFAULT_CHUNK,
        n_threads: int | None = None,
    ) -> Iterator[pa.RecordBatch]:
        """The rows of :meth:`table` as ``pyarrow.RecordBatch`` es, one per chunk of texts,
        for streaming over inputs larger than memory."""
        _check_threads(n_threads)
        return _frames.record_batches(
            self, texts, what, ids, chunk_size=chunk_size, progress=False, n_threads=n_threads
        )

    def __repr__(self) -> str:
        opts = " ".join(f"{k}={v}" for k, v in self.options.items())
        return f"<Extractor gazetteer={self._gazetteer!r} {opts}>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore_extractor, (PICKLE_FORMAT, self._gazetteer, self.options))


def to_frame(
    docs: Iterable[Document], what: What = "entities", ids: Iterable[Any] | None = None
) -> pd.DataFrame:
    """The frame of :meth:`Extractor.frame` for documents already extracted (one gazetteer),
    built in Rust from the documents' data."""
    return _frames.documents_frame(docs, what, ids)


def to_table(
    docs: Iterable[Document], what: What = "entities", ids: Iterable[Any] | None = None
) -> pa.Table:
    """As :func:`to_frame`, as a ``pyarrow.Table``."""
    return _frames.documents_table(docs, what, ids)


def _str_list(values: str | Iterable[str], name: str) -> list[str]:
    if isinstance(values, str):
        return [values]
    out = list(values)
    bad = [v for v in out if not isinstance(v, str)]
    if bad:
        raise TypeError(f"{name} must be a str or an iterable of str, not {type(bad[0]).__name__}")
    return out


def _check_threads(n_threads: object) -> None:
    if n_threads is None:
        return
    top = _core.max_threads()
    if isinstance(n_threads, bool) or not isinstance(n_threads, int) or not 1 <= n_threads <= top:
        raise OptionError(
            f"n_threads must be an int between 1 and {top} (4 per core, at least 32) or None, "
            f"not {n_threads!r}"
        )


def _restore_extractor(fmt: int, gazetteer: Gazetteer, options: Any) -> Extractor:
    if fmt != PICKLE_FORMAT:
        raise WirescanError(
            f"pickled extractor has format {fmt}; this wirescan reads {PICKLE_FORMAT}"
        )
    if isinstance(options, bool):  # format 1 as first written: overlapping only
        options = {"overlapping": options}
    return Extractor(gazetteer, **options)


from . import _pandas  # noqa: E402

_pandas.install(Extractor)

__all__ = [
    "Document",
    "Extractor",
    "Gazetteer",
    "GazetteerError",
    "InternalError",
    "Mention",
    "Number",
    "OptionError",
    "Quote",
    "Source",
    "TextError",
    "What",
    "WirescanError",
    "__version__",
    "default_gazetteer_info",
    "schema",
    "show_versions",
    "to_frame",
    "to_table",
]
