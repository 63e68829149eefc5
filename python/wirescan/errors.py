"""Exceptions raised by wirescan. All derive from :class:`WirescanError`."""

from __future__ import annotations


class WirescanError(Exception):
    """Base class of every wirescan error."""


class GazetteerError(WirescanError, ValueError):
    """A gazetteer record or file is malformed, duplicated or conflicting.

    ``record`` is the 0-based index of the offending record when one is to blame; readers of
    files also set ``path`` and ``line`` (1-based) and name both in the message.
    """

    def __init__(
        self,
        message: str,
        record: int | None = None,
        path: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.record = record
        self.path = path
        self.line = line


class TextError(WirescanError, ValueError):
    """A text cannot be processed (for example, over 2 GiB in one string)."""


class OptionError(WirescanError, ValueError):
    """An option has a value outside its domain."""


class InternalError(WirescanError, RuntimeError):
    """A bug in wirescan (a Rust panic caught at the boundary). Please report it."""


__all__ = ["GazetteerError", "InternalError", "OptionError", "TextError", "WirescanError"]
