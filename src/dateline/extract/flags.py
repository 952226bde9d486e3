"""Article-level flags that no single extractor owns."""

from __future__ import annotations

from dateline.context import Context


def final_flags(ctx: Context) -> None:
    if ctx.published is None:
        ctx.flag(
            "no_publication_date",
            "no publication date: relative dates are left unresolved",
        )
    ctx.flags.sort(key=lambda f: (f.span[0] if f.span else -1, f.code))
