"""Notebook display of a Document, and spaCy's displaCy "manual" format.

All article text goes through ``html.escape``: a text containing ``<script>`` shows as text.
"""

from __future__ import annotations

import html
import itertools
from typing import Any

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
    # Cut the text at every span boundary, then style each piece by what covers it.
    cuts = {0, len(text)}
    for x in (*ents, *nums, *quotes):
        cuts.update((x.start, x.end))
    bounds = sorted(cuts)
    ent_at: dict[int, Any] = {}
    for m in ents:
        ent_at.setdefault(m.start, m)
    ent_end = {m.end: m for m in ents}
    quote_start = {q.start: q for q in quotes}
    out = [
        '<div class="wirescan-doc" style="line-height:1.9;white-space:pre-wrap;'
        'font-family:system-ui,sans-serif;font-size:14px">'
    ]
    for a, b in itertools.pairwise(bounds):
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
        if any(q.start <= a and b <= q.end for q in quotes):
            style += QUOTE_STYLE
        ent = next((m for m in ents if m.start <= a and b <= m.end), None)
        if ent is not None:
            style += f"background:{_kind_colour(ent.kind)};border-radius:3px;"
        num = next((n for n in nums if n.start <= a and b <= n.end), None)
        if num is not None:
            style += NUMBER_STYLE
        piece = html.escape(text[a:b])
        if style:
            title = ""
            if ent is not None:
                title = f"{ent.name} ({ent.kind}, {ent.entity_id})"
            elif num is not None:
                title = f"{num.kind} {num.value:g}"
                if num.source is not None:
                    title += f", per {' '.join(num.source.speaker_text.split())}"
            out.append(f'<span style="{style}" title="{html.escape(title)}">{piece}</span>')
        else:
            out.append(piece)
        if b in ent_end and ent is not None and ent.end == b:
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


def to_displacy(doc: Any) -> dict[str, Any]:
    """spaCy's manual format: ``displacy.render(doc.to_displacy(), style="ent", manual=True)``.
    Entities are labelled by kind in capitals; numbers that overlap no entity are ``NUMBER``."""
    spans = [(m.start, m.end, m.kind.upper()) for m in doc.entities]
    taken = sorted((s, e) for s, e, _ in spans)
    for n in doc.numbers:
        if not any(s < n.end and n.start < e for s, e in taken):
            spans.append((n.start, n.end, "NUMBER"))
    spans.sort()
    return {
        "text": doc.text,
        "ents": [{"start": s, "end": e, "label": lab} for s, e, lab in spans],
        "title": None,
    }
