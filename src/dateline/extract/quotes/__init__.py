"""Quotes and attribution (issue 3): who said what, through which cue, reported by whom.

The stage pairs quotation marks in the text (``marks``), finds attribution cues in the
parse (``cues``), joins them into quotes (``assemble``), and resolves each source to the
fullest name in the article (``dateline.resolve.speakers``). It fills ``ctx.quotes``,
adds pronoun, short-form and title mentions to ``ctx.entities``, and flags
``unclosed_quote`` and ``missing_source``.
"""

from __future__ import annotations

import bisect
import itertools

from dateline.context import Context
from dateline.extract.quotes.assemble import Assembler, Draft
from dateline.extract.quotes.cues import CueFinder
from dateline.extract.quotes.lexicon import cue_lexicon
from dateline.extract.quotes.marks import find_quotations
from dateline.extract.quotes.positions import Sentences
from dateline.records import Quote
from dateline.resolve.speakers import Speaker, SpeakerResolver

__all__ = ["extract_quotes"]


def extract_quotes(ctx: Context) -> None:
    """Fill ``ctx.quotes``; odd text yields fewer quotes and flags (a crash is the pipeline's
    ``StageError``: that article fails, the batch goes on)."""
    ctx.quotes = _quotes(ctx)


def _quotes(ctx: Context) -> list[Quote]:
    text = ctx.text
    groups = find_quotations(text)
    for g in groups:
        if g.unclosed:
            o0, o1 = g.outer
            ctx.flag(
                "unclosed_quote",
                "a quotation mark is never closed; the quote ends with its paragraph",
                (o0, o1),
            )
    closed = sorted(g.outer for g in groups if not g.unclosed)
    lex = cue_lexicon()
    sents = Sentences(ctx.doc)
    cues = CueFinder(lex, _inside(closed), _overlapping([(g.start, g.end) for g in groups]), sents).find(
        ctx.doc, text
    )
    drafts = Assembler(text, ctx.doc, groups, cues, sents).run()
    # a cue with no source is a quote only where a source was due ("..., reported.");
    # imperatives and loose participles ("Forget ...", "knowing ...") attribute nothing
    drafts = [d for d in drafts if d.cue is None or d.cue.source is not None or d.cue.missing_source]
    resolver = SpeakerResolver(ctx, lex.message_nouns, lex.message_prepositions, _inside(closed))
    quotes: list[Quote] = []
    resolved: dict[int, Speaker] = {}
    for n, draft in enumerate(drafts, start=1):
        quote, speaker = _quote(ctx, draft, n, resolver, resolved)
        resolved[id(draft)] = speaker
        quotes.append(quote)
    _nest(quotes)
    return quotes


def _inside(spans: list[tuple[int, int]]):
    starts = [s for s, _ in spans]

    def quoted(char: int) -> bool:
        k = bisect.bisect_right(starts, char) - 1
        return k >= 0 and spans[k][0] < char < spans[k][1] - 1

    return quoted


def _overlapping(spans: list[tuple[int, int]]):
    """The spans overlapping ``[start, end)``; ``spans`` are ordered and disjoint, so a
    binary search finds the first and the scan stops at the first one past ``end``."""
    ends = [e for _, e in spans]

    def over(start: int, end: int) -> list[tuple[int, int]]:
        out = []
        k = bisect.bisect_right(ends, start)
        while k < len(spans) and spans[k][0] < end:
            out.append(spans[k])
            k += 1
        return out

    return over


def _quote(
    ctx: Context, draft: Draft, n: int, resolver: SpeakerResolver, resolved: dict[int, Speaker]
) -> tuple[Quote, Speaker]:
    text = ctx.text
    s, e = draft.span
    content = _join(text, draft.pieces) if len(draft.pieces) > 1 else text[s:e]
    quote = Quote(id=f"q{n}", kind=draft.kind, content=content, span=(s, e), sentence=ctx.sentence_of(s))
    cue = draft.cue
    if cue is not None:
        quote.cue, quote.cue_span = cue.text, cue.span
        speaker = resolver.resolve(cue.source, cue.token, cue.relative)
        quote.reported_by = [resolver.name_of(t) for t in cue.reported_by]
        quote.via = speaker.via if speaker.name else None
    elif draft.follows is not None:
        prev = resolved.get(id(draft.follows))
        speaker = (
            Speaker(prev.name, prev.span, prev.entity, prev.role, "continuation")
            if prev
            else Speaker(None, None)
        )
        quote.via = "continuation" if speaker.name else None
    else:
        speaker = Speaker(None, None)
    quote.speaker, quote.speaker_span, quote.speaker_role = speaker.name, speaker.span, speaker.role
    quote.speaker_entity = speaker.entity.id if speaker.entity else None
    if draft.unclosed:
        quote.flags.append("unclosed_quote")
    if cue is not None and cue.source is None and cue.missing_source:
        quote.flags.append("missing_source")
        ctx.flag("missing_source", f"'{cue.text}' has no source for what it reports", cue.span)
    return quote, speaker


def _join(text: str, pieces: list[tuple[int, int]]) -> str:
    """The quoted words of a split or multi-paragraph quote, without the cue or the marks."""
    out = [text[pieces[0][0] : pieces[0][1]]]
    for (_, prev_end), (start, end) in itertools.pairwise(pieces):
        out.append(("\n\n" if "\n" in text[prev_end:start] else " ") + text[start:end])
    return "".join(out)


def _nest(quotes: list[Quote]) -> None:
    """A quote whose cue lies inside another quote's content is nested in it."""
    starts = [q.span[0] for q in quotes]  # quotes come sorted by span
    for q in quotes:
        if q.cue_span is None:
            continue
        k = bisect.bisect_right(starts, q.cue_span[0]) - 1
        for outer in quotes[max(0, k - 8) : k + 1][::-1]:
            if outer is not q and outer.span[0] <= q.cue_span[0] and q.cue_span[1] <= outer.span[1]:
                q.nested_in = outer.id
                break
