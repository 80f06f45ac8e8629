"""HTML pages: main text and metadata via trafilatura, plus the one thing it misses on real news sites.

Many sites split one article into several sibling containers (between ads or "read more" boxes); trafilatura
keeps the first. When the container it chose has siblings of the same kind, their paragraphs are added back.
Dates come from htmldate (the original publication date, not the last update).
"""

from __future__ import annotations

import re
from typing import Any

from bilateral.errors import UnreadableSource
from bilateral.model import Cleaned

BLOCKS = ("p", "h2", "h3", "h4", "blockquote", "li")
_SPACE = re.compile(r"\s+")
MIN_WORDS = 5  # fewer than this is a navigation stub or an error page, not an article
MIN_GAIN = 1.3  # sibling containers must add this much text to be trusted as the rest of the article


def _text(element: Any) -> str:
    return _SPACE.sub(" ", element.text_content()).strip()


def _container(tree: Any, first_paragraph: str) -> Any | None:
    """The nearest ancestor with a class attribute of the element holding the first extracted paragraph."""
    probe = first_paragraph[:60]
    # the deepest element holding the paragraph: outer wrappers also start with its text
    for element in reversed(list(tree.iter("p", "div", "li", "blockquote", "section"))):
        if _text(element).startswith(probe):
            node = element.getparent()
            while node is not None and not node.get("class"):
                node = node.getparent()
            return node
    return None


def _split_article(tree: Any, text: str) -> str | None:
    """The paragraphs of all sibling containers of the same tag and class, when that adds the missing parts."""
    first = next((line for line in text.split("\n") if len(line.split()) >= 8), None)
    if first is None:
        return None
    container = _container(tree, first)
    if container is None:
        return None
    same = tree.xpath(f"//{container.tag}[@class=$name]", name=container.get("class"))
    if len(same) < 2:
        return None
    paragraphs: list[str] = []
    for part in same:
        for block in part.iter(*BLOCKS):
            # nested blocks (a <p> in an <li>) would repeat text: keep outermost ones only
            if any(ancestor.tag in BLOCKS for ancestor in block.iterancestors()):
                continue
            value = _text(block)
            if value and (len(value.split()) >= 4 or block.tag in ("h2", "h3", "h4")):
                paragraphs.append(value)
    combined = "\n".join(dict.fromkeys(paragraphs))
    return combined if len(combined.split()) >= MIN_GAIN * len(text.split()) else None


def clean_html(html: str, *, url: str | None = None) -> Cleaned:
    import lxml.html
    import trafilatura
    from htmldate import find_date
    from lxml.etree import ParserError

    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError) as e:
        raise UnreadableSource("<html>", f"malformed HTML that cannot be parsed ({e})") from e
    document: Any = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, fast=True, with_metadata=True, as_dict=False
    )
    text = (document.text or "") if document is not None else ""
    if document is None or len(text.split()) < MIN_WORDS:
        raise UnreadableSource("<html>", f"no main text found in the page (fewer than {MIN_WORDS} words)")
    # bare_extraction prunes the tree it is given; the checks below need the whole page
    page = lxml.html.document_fromstring(html)
    text = _split_article(page, text) or text
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if paragraphs and document.title and paragraphs[0] == document.title.strip():
        paragraphs = paragraphs[1:]  # the headline is metadata, not the first paragraph
    kept = set(paragraphs)
    for junk in page.iter("script", "style", "noscript", "template"):
        junk.drop_tree()
    visible = [_SPACE.sub(" ", line).strip() for line in page.text_content().split("\n")]
    removed = [line for line in dict.fromkeys(visible) if line and line not in kept]
    published = find_date(html, original_date=True, extensive_search=False, url=url) if html else None
    authors = [name.strip() for name in re.split(r";|,|\band\b", document.author or "") if name.strip()]
    return Cleaned(
        text="\n\n".join(paragraphs),
        title=(document.title or None),
        authors=authors,
        published=published or (document.date or None),
        outlet=document.sitename or None,
        removed=removed[:500],
    )
