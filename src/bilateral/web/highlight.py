"""Highlighting spans in a document's text: overlapping and nested spans cut into flat, escaped segments.

Each segment carries the classes of every span covering it, so nesting never needs overlapping HTML elements;
anchors (`id="e-…"`) sit where spans start, so evidence links land on the exact place in the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """One thing found in the text: its kind is the CSS class, `anchor` an element id, `href` a link target."""

    start: int
    end: int
    kind: str  # entity | event | figure | linkage; an empty span (start == end) is only an anchor
    label: str = ""
    anchor: str | None = None
    href: str | None = None


@dataclass
class Segment:
    start: int
    end: int
    spans: list[Span] = field(default_factory=list)  # every span covering the whole segment
    anchors: list[str] = field(default_factory=list)  # ids of spans starting at this segment


def segments(length: int, spans: Sequence[Span]) -> list[Segment]:
    """Cut [0, length) at every span boundary; out-of-range spans are clipped, empty ones only place an anchor."""
    clipped = [s for s in spans if 0 <= s.start <= s.end]
    clipped = [s if s.end <= length else Span(s.start, length, s.kind, s.label, s.anchor, s.href) for s in clipped]
    clipped = [s for s in clipped if s.start < length]
    cuts = sorted({0, length, *(s.start for s in clipped), *(s.end for s in clipped)})
    starting: dict[int, list[Span]] = {}
    for span in sorted(clipped, key=lambda s: (s.start, -s.end, s.kind, s.anchor or "")):
        starting.setdefault(span.start, []).append(span)
    open_spans: list[Span] = []
    found = []
    for start, end in pairwise(cuts):
        new = starting.get(start, [])
        open_spans = [s for s in open_spans + new if s.end > start]
        found.append(Segment(start, end, list(open_spans), [s.anchor for s in new if s.anchor]))
    return found


def render(text: str, spans: Sequence[Span]) -> Markup:
    """The text as HTML: every character escaped, highlighted segments wrapped in classed, titled elements."""
    out: list[Markup] = []
    for segment in segments(len(text), spans):
        out.extend(Markup('<span id="{}" class="anchor"></span>').format(anchor) for anchor in segment.anchors)
        piece = escape(text[segment.start : segment.end])
        if not segment.spans:
            out.append(piece)
            continue
        kinds = " ".join(sorted({s.kind for s in segment.spans}))
        title = "; ".join(dict.fromkeys(s.label for s in segment.spans if s.label))
        link = next((s.href for s in segment.spans if s.href), None)
        if link:
            piece = Markup('<a href="{}">{}</a>').format(link, piece)
        titled = Markup(' title="{}"').format(title) if title else ""
        out.append(Markup('<span class="hl {}"{}>{}</span>').format(kinds, titled, piece))
    return Markup("").join(out)
