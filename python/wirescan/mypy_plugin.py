"""A mypy plugin that makes the pandas accessor ``Series.wirescan`` known to mypy.

pandas-stubs types an attribute it does not know (``s.wirescan``) through ``Series.__getattr__``,
so ``s.wirescan.entities()`` fails to type-check. With this plugin it is
:class:`wirescan._pandas.SeriesAccessor`, and its frames are ``pandas.DataFrame``. Enable it in
the mypy configuration::

    [tool.mypy]
    plugins = ["wirescan.mypy_plugin"]

It is imported by mypy only; wirescan never imports it (nor mypy) at run time.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import MypyFile
from mypy.plugin import AttributeContext, Plugin
from mypy.types import Type

ACCESSOR = "wirescan._pandas.SeriesAccessor"


def _accessor(ctx: AttributeContext) -> Type:
    return ctx.api.named_generic_type(ACCESSOR, [])


class WirescanPlugin(Plugin):
    def get_attribute_hook(self, fullname: str) -> Callable[[AttributeContext], Type] | None:
        if fullname.endswith("Series.wirescan"):
            return _accessor
        return None

    def get_additional_deps(self, file: MypyFile) -> list[tuple[int, str, int]]:
        # The accessor's class must be loaded wherever `s.wirescan` may be read.
        if file.fullname.split(".")[0] in ("wirescan", "pandas", "builtins", "typing"):
            return []
        return [(10, "wirescan._pandas", -1)]


def plugin(version: str) -> type[Plugin]:
    return WirescanPlugin
