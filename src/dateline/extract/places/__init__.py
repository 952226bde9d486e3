"""Toponyms and geocoding (issue 5): find every place an article names and where it is.

Mentions come from the NER and from a gazetteer pass over names the NER mislabels
(see ``mentions``); each is resolved against the offline GeoNames gazetteer with the
article's own context (see ``dateline.resolve.geocode``). Entities get their countries
here too, since this stage owns the country tables: GPE entities from their resolved
place, NORP entities from their demonym, people from their roles ("Syrian Culture
Minister" -> SYR).
"""

from __future__ import annotations

from dateline.context import Context
from dateline.extract.places.output import assign_entity_countries, retype_place_entities
from dateline.extract.places.stage import find_places

__all__ = ["extract_places"]


def extract_places(ctx: Context) -> None:
    """Fill ``ctx.places`` and entities' types and countries (a crash is the pipeline's
    ``StageError``: that article fails, the batch goes on)."""
    ctx.places = find_places(ctx)
    retype_place_entities(ctx)
    assign_entity_countries(ctx)
