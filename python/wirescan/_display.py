"""Notebook display of a Document, and spaCy's displaCy "manual" format.

All article text goes through ``html.escape``: a text containing ``<script>`` shows as text.
"""

from __future__ import annotations

import bisect
import html
import itertools
from typing import Any

from .errors import OptionError

KIND_COLOURS = {
    "person": "#f7c6c7",
    "org": "#c6dbf7",
    "place": "#c7ecc4",
}
OTHER_KIND = "#e8d9f2"
NUMBER_STYLE = "border-bottom:2px solid #e08a00;"
QUOTE_STYLE = "background:#fff7d6;"


def _kind_colour(kind: str) -> str:
    return KIND_COLOURS.get(kind, OTHER_KIND)


def document_html(doc: Any) -> str:
    text: str = doc.text
    ents = list(doc.entities)
    nums = list(doc.numbers)
    quotes = list(doc.quotes)
    # Cut the text at every span boundary, then style each piece by what covers it. One sweep
    # over the boundaries keeps the spans that cover the current piece (linear in the spans for
    # non-overlapping ones; an entity may overlap another only in overlapping mode).
    cuts = {0, len(text)}
    for x in (*ents, *nums, *quotes):
        cuts.update((x.start, x.end))
    bounds = sorted(cuts)
    starts: dict[int, list[tuple[int, int]]] = {}  # position -> (layer, index) starting there
    ends: dict[int, list[tuple[int, int]]] = {}
    for layer, items in enumerate((ents, nums, quotes)):
        for i, x in enumerate(items):
            if x.end > x.start:
                starts.setdefault(x.start, []).append((layer, i))
                ends.setdefault(x.end, []).append((layer, i))
    active: tuple[dict[int, Any], dict[int, Any], dict[int, Any]] = ({}, {}, {})
    quote_start = {q.start: q for q in quotes}
    out = [
        '<div class="wirescan-doc" style="line-height:1.9;white-space:pre-wrap;'
        'font-family:system-ui,sans-serif;font-size:14px">'
    ]
    for a, b in itertools.pairwise(bounds):
        for layer, i in ends.get(a, ()):
            active[layer].pop(i, None)
        for layer, i in starts.get(a, ()):
            active[layer][i] = (ents, nums, quotes)[layer][i]
        if a == b:
            continue
        if a in quote_start:
            q = quote_start[a]
            who = q.speaker_text or "no speaker"
            if q.speaker_name and q.speaker_name != q.speaker_text:
                who += f" = {q.speaker_name}"
            kind = "partial quote" if q.partial else "quote"
            out.append(
                f'<sup style="color:#8a6d00;font-size:10px" title="{kind}">'
                f"\u201c {html.escape(' '.join(who.split()))}</sup>"
            )
        style = ""
        if active[2]:
            style += QUOTE_STYLE
        ent = active[0][min(active[0])] if active[0] else None
        if ent is not None:
            style += f"background:{_kind_colour(ent.kind)};border-radius:3px;"
        num = active[1][min(active[1])] if active[1] else None
        if num is not None:
            style += NUMBER_STYLE
        piece = html.escape(text[a:b])
        if style:
            title = ""
            if ent is not None:
                title = f"{ent.name} ({ent.kind}, {ent.entity_id})"
            elif num is not None:
                title = num.kind if num.value is None else f"{num.kind} {num.value:g}"
                if num.change is not None:
                    title += f" ({num.change})"
                if num.source is not None:
                    title += f", per {' '.join(num.source.speaker_text.split())}"
            out.append(f'<span style="{style}" title="{html.escape(title)}">{piece}</span>')
        else:
            out.append(piece)
        if ent is not None and ent.end == b:
            out.append(f'<sub style="font-size:9px;color:#555">{html.escape(ent.kind)}</sub>')
    out.append("</div>")
    legend = ['<div style="font-size:12px;margin-top:6px">']
    for kind in sorted({m.kind for m in ents} | set(KIND_COLOURS)):
        legend.append(
            f'<span style="background:{_kind_colour(kind)};padding:1px 6px;border-radius:3px;'
            f'margin-right:6px">{html.escape(kind)}</span>'
        )
    legend.append(f'<span style="{NUMBER_STYLE}margin-right:6px">number</span>')
    legend.append(f'<span style="{QUOTE_STYLE}padding:1px 6px">\u201cquote\u201d speaker</span>')
    legend.append(
        f'<span style="color:#555;margin-left:10px">{len(ents)} entities, {len(nums)} numbers, '
        f"{len(quotes)} quotes</span></div>"
    )
    return "".join(out) + "".join(legend)


SPACY_LABELS = {"person": "PERSON", "org": "ORG", "place": "GPE"}


def to_displacy(doc: Any, labels: str = "wirescan") -> dict[str, Any]:
    """spaCy's manual format: ``displacy.render(doc.to_displacy(), style="ent", manual=True)``.

    Entities are labelled by kind in capitals (``labels="spacy"``: spaCy's ``PERSON``, ``ORG``,
    ``GPE``, so displaCy colours them as it colours spaCy's own); numbers that overlap no entity
    are ``NUMBER`` (spaCy: ``CARDINAL``). displaCy's manual mode needs spans that do not
    overlap: in overlapping mode the leftmost-longest layer is kept (the mentions the default
    mode would return)."""
    if labels not in ("wirescan", "spacy"):
        raise OptionError(f"labels must be 'wirescan' or 'spacy', not {labels!r}")
    spacy = labels == "spacy"

    def label(kind: str) -> str:
        return SPACY_LABELS.get(kind, kind.upper()) if spacy else kind.upper()

    # Leftmost-longest among the entities, then the numbers in the gaps between them.
    cands = sorted(
        ((m.start, m.end, label(m.kind)) for m in doc.entities if m.end > m.start),
        key=lambda x: (x[0], -(x[1] - x[0])),
    )
    spans: list[tuple[int, int, str]] = []
    for s, e, lab in cands:
        if not spans or s >= spans[-1][1]:
            spans.append((s, e, lab))
    ent_ends = [e for _, e, _ in spans]
    ent_starts = [s for s, _, _ in spans]
    num_label = "CARDINAL" if spacy else "NUMBER"
    numbers = []
    for n in doc.numbers:
        # The first entity that ends after the number starts must start at or after its end.
        k = bisect.bisect_right(ent_ends, n.start)
        if k == len(ent_ends) or ent_starts[k] >= n.end:
            numbers.append((n.start, n.end, num_label))
    spans = sorted(spans + numbers)
    kept: list[tuple[int, int, str]] = []
    for s, e, lab in spans:  # numbers never overlap each other, but be safe
        if not kept or s >= kept[-1][1]:
            kept.append((s, e, lab))
    return {
        "text": doc.text,
        "ents": [{"start": s, "end": e, "label": lab} for s, e, lab in kept],
        "title": None,
    }
