"""HTML pages: the main text of an article page and its metadata (title, authors, date, outlet).

trafilatura finds the main text in one pass (fast mode: its fallback extractors cost time and, on news pages,
F1); what it gets wrong on real news sites is put right before and after that pass, never by running it twice.
Metadata comes from meta tags, JSON-LD and the visible byline; the date from htmldate (publication, not update).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import Any

from bilateral.clean.capture_meta import outlet_case, title_site
from bilateral.errors import UnreadableSource
from bilateral.model import Cleaned

MIN_WORDS = 5  # fewer than this is a navigation stub or an error page, not an article
MIN_GAIN = 1.3  # sibling containers must add this much text to be trusted as the rest of the article
MIN_COVERED = 0.5  # … and hold at least this much of what trafilatura found
LINK_SHARE = 0.5  # a short line mostly made of link text points elsewhere ("SEE MORE: …", related headlines)
LINK_LINE_WORDS = 15
HEADLINE_WORDS = 30  # a longer line is a paragraph that happens to repeat the headline
HEADLINE_WITHIN = 5  # how far from the top the headline may stand in the extracted lines
REMOVED_LIMIT = 500  # enough for a document view; some pages have thousands of menu lines

_SPACE = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_EMBEDDED_POSTS = "//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')]"
_EMBED_WRAPPER = re.compile(r"embed|social|tweet|twitter|instagram", re.IGNORECASE)
_EMBED_DEPTH = 3  # wrappers around an embedded post sit right above it
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " « ", " » ")

# Tags that start a new line: trafilatura's output vocabulary, then HTML's.
_XML_BREAKS = frozenset({"p", "head", "item", "list", "row", "table", "quote", "lb", "code", "div", "body"})
_HTML_BREAKS = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br", "tr", "td", "th", "table", "section",
        "article", "header", "footer", "nav", "aside", "blockquote", "figure", "figcaption", "main", "form", "dd",
        "dt", "dl", "pre", "hr", "button", "label", "body", "center", "address", "details", "summary", "option",
    }
)  # fmt: skip
_HEADINGS = frozenset({"head", "h1", "h2", "h3", "h4", "h5", "h6"})
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "select"})
# Inline tags: they stay inside the paragraph that a text run separated by <br> becomes.
_INLINE = frozenset(
    {
        "a", "em", "strong", "b", "i", "u", "span", "sup", "sub", "small", "abbr", "cite", "q", "time", "mark",
        "font", "s", "del", "ins", "code", "kbd", "var", "dfn", "bdi", "bdo",
    }
)  # fmt: skip
# The blocks of a split article worth putting back: what trafilatura would have kept, not captions or widgets.
_ARTICLE_BLOCKS = frozenset({"p", "h2", "h3", "h4", "blockquote", "li"})


@dataclass(frozen=True)
class _Line:
    """One line of text (a paragraph, a heading, a list item) and what share of its characters are links."""

    text: str
    block: str  # the innermost block element the line sits in
    link_share: float

    @property
    def heading(self) -> bool:
        return self.block in _HEADINGS


def _lines(root: Any, *, breaks: frozenset[str], link: str, skip: frozenset[str] = frozenset()) -> list[_Line]:
    """The text of a tree cut into lines at block elements, walked without recursion (pages nest deeply)."""
    from lxml import etree

    lines: list[_Line] = []
    parts: list[str] = []
    linked = 0  # characters of link text in `parts`
    blocks = ["body"]
    in_link = 0

    def flush() -> None:
        nonlocal linked
        text = _SPACE.sub(" ", "".join(parts)).strip()
        if text:
            lines.append(_Line(text, blocks[-1], min(1.0, linked / len(text))))
        parts.clear()
        linked = 0

    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        tag = element.tag
        if event == "start":
            if tag in skip:
                walker.skip_subtree()
                continue
            if tag in breaks:
                if parts:
                    flush()
                blocks.append(tag)
            if tag == link:
                in_link += 1
            text = element.text
        else:
            if event == "end" and tag not in skip:
                if tag == link:
                    in_link -= 1
                if tag in breaks:
                    if parts:
                        flush()
                    blocks.pop()
            text = element.tail  # after a comment or a skipped element, its tail is still visible text
        # indentation between blocks would only open empty lines
        if text and (parts or not text.isspace()):
            parts.append(text)
            if in_link:
                linked += len(text.strip())
    if parts:
        flush()
    return lines


_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _parse(html: str) -> Any:
    import lxml.html
    from lxml.etree import ParserError

    if not html.strip():
        raise UnreadableSource("<html>", "the page is empty")
    # huge_tree: libxml2 otherwise drops everything nested deeper than 255 elements
    parser = lxml.html.HTMLParser(huge_tree=True)
    # control characters XML forbids: lxml parses them but refuses them when text is moved between elements
    html = _XML_FORBIDDEN.sub(" ", html)
    try:
        try:
            return lxml.html.document_fromstring(html, parser=parser)
        except ValueError:
            # lxml refuses a str that declares its own encoding; the text is already decoded, so drop the claim
            return lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1), parser=parser)
    except (ParserError, ValueError) as e:
        raise UnreadableSource("<html>", f"malformed HTML that cannot be parsed ({e})") from e


def _paragraphs_from_breaks(tree: Any) -> None:
    """Make paragraphs of the text runs of a container that separates them with <br>.

    `<div class="content">First paragraph…<br><br>Second…</div>`: depending on the frame trafilatura picks, it
    drops the text before the first child (often the lede) or the whole container. Paragraphs it reads well.
    """
    from lxml.html import Element

    for container in list(tree.iter("div", "section", "article", "td")):
        if container.find("br") is None or not _has_own_text(container):
            continue
        children = list(container)
        paragraph = Element("p")
        paragraph.text, container.text = container.text, None
        for child in children:
            if child.tag in _INLINE or not isinstance(child.tag, str):
                paragraph.append(child)  # moves it, and its tail, into the paragraph
                continue
            if len(paragraph) or _has_own_text(paragraph):
                child.addprevious(paragraph)
            paragraph = Element("p")
            paragraph.text, child.tail = child.tail, None
            if child.tag == "br":
                container.remove(child)
        if len(paragraph) or _has_own_text(paragraph):
            container.append(paragraph)


def _has_own_text(container: Any) -> bool:
    """Text directly in the container, not only inside its children."""
    if container.text and container.text.strip():
        return True
    return any(child.tail and child.tail.strip() for child in container)


def _unwrap_embeds(tree: Any) -> None:
    """Let embedded posts (a tweet quoted in the story) through as quotations.

    Their standard markup is a <blockquote> holding the post's text, in a wrapper whose class says "embed" or
    "social", which trafilatura prunes as a share bar. An official's post is often the news itself.
    """
    for quote in tree.xpath(_EMBEDDED_POSTS):
        quote.attrib.pop("class", None)
        for wrapper in list(quote.iterancestors())[:_EMBED_DEPTH]:
            if _EMBED_WRAPPER.search(f"{wrapper.get('class', '')} {wrapper.get('id', '')}"):
                wrapper.attrib.pop("class", None)
                wrapper.attrib.pop("id", None)


def _container(tree: Any, first_line: str) -> Any | None:
    """The nearest ancestor with a class attribute of the element holding the first long extracted line."""
    probe = first_line[:60]
    # small elements first: the line is nearly always a <p>, and a div is expensive to match on all its text
    for path in ("//p|//li|//blockquote", "//div|//section"):
        found = tree.xpath(f"({path})[starts-with(normalize-space(.), $probe)]", probe=probe)
        if found:
            node = found[-1].getparent()  # the last in document order is the deepest of nested matches
            while node is not None and not node.get("class"):
                node = node.getparent()
            return node
    return None


def _split_article(tree: Any, lines: list[_Line]) -> list[_Line] | None:
    """The lines of all sibling containers of the same tag and class, when trafilatura kept only the first.

    Sites split one article into several containers between ads or "read more" boxes; trafilatura keeps one.
    """
    first = next((line.text for line in lines if len(line.text.split()) >= 8), None)
    container = _container(tree, first) if first else None
    if container is None:
        return None
    same = tree.xpath(f"//{container.tag}[@class=$name]", name=container.get("class"))
    if len(same) < 2:
        return None
    found = {
        line.text: line
        for part in same
        for line in _lines(part, breaks=_HTML_BREAKS, link="a", skip=_INVISIBLE)
        if line.block in _ARTICLE_BLOCKS and (len(line.text.split()) >= 4 or line.heading)
    }
    extracted = sum(len(line.text.split()) for line in lines)
    found_keys = {_key(text) for text in found}
    # the siblings must hold what trafilatura kept: a list of teasers sharing a class is not the article's rest
    covered = sum(len(line.text.split()) for line in lines if _key(line.text) in found_keys)
    if covered < MIN_COVERED * extracted or sum(len(text.split()) for text in found) < MIN_GAIN * extracted:
        return None
    return list(found.values())


def _key(text: str) -> str:
    """Text compared without its spacing: trafilatura and the page space inline elements differently."""
    return "".join(text.split())


def _letters(text: str) -> str:
    """A headline compared by its letters and digits: pages quote and punctuate titles differently."""
    return "".join(filter(str.isalnum, text.casefold()))


def _is_headline(line: _Line, headlines: list[str]) -> bool:
    """The headline as the page shows it or as metadata states it ("Headline - Site", "Opinion | Headline")."""
    key = _letters(line.text)
    if not key or len(line.text.split()) > HEADLINE_WORDS:
        return False
    # a line inside the stated title must be most of it: "Meth. We're on it" is not the headline of a story on it
    return any(key == headline or (2 * len(key) >= len(headline) and key in headline) for headline in headlines)


def _without_headline(lines: list[_Line], headlines: list[str]) -> list[_Line]:
    """The lines after the headline and the standfirst under it; above the headline is page furniture."""
    at = next((i for i, line in enumerate(lines[:HEADLINE_WITHIN]) if _is_headline(line, headlines)), None)
    if at is None:
        return lines
    rest = lines[at + 1 :]
    while rest and rest[0].heading:
        rest = rest[1:]  # a standfirst (dek) restates the story; trafilatura marks it as a heading
    return rest


def _points_elsewhere(line: _Line, page_links: dict[str, float]) -> bool:
    # trafilatura's lines carry no links: how much of the same line on the page was link text says it
    share = max(line.link_share, page_links.get(_key(line.text), 0.0))
    return share >= LINK_SHARE and len(line.text.split()) <= LINK_LINE_WORDS


def _tidy_title(title: str | None, h1s: list[str], outlet: str | None) -> str | None:
    """The headline without the site's name or section around it, preferring the page's own <h1>."""
    if not title:
        return h1s[0] if len(h1s) == 1 else None
    stated = _letters(title)
    for h1 in h1s:
        if (shown := _letters(h1)) and 2 * len(shown) >= len(stated) and shown in stated:
            return h1
    if outlet:
        for separator in _TITLE_SEPARATORS:
            head, _, tail = title.rpartition(separator)
            if head and _letters(tail) == _letters(outlet):
                return head.strip()
    return title


def _metadata(tree: Any, url: str | None) -> tuple[str | None, list[str], str | None, str | None]:
    """(title, authors, published, outlet): meta tags and JSON-LD first, the visible page as a fallback."""
    from htmldate import find_date
    from trafilatura.metadata import (
        examine_meta,
        extract_author,
        extract_meta_json,
        extract_sitename,
        extract_title,
    )

    # trafilatura's own extract_metadata also reads categories, tags and licences: a third of its time, unused
    found = examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # a single word is a login ("admin"), not a byline
    with contextlib.suppress(Exception):  # broken JSON-LD is common; the meta tags found so far still stand
        found = extract_meta_json(tree, found)
    title = found.title or extract_title(tree)
    author = found.author or extract_author(tree)
    outlet = (found.sitename or extract_sitename(tree) or "").lstrip("@") or None
    # htmldate's best configuration (extensive search): as right as the quick search on the AEB pages nobody tuned
    # on and more often right on held-out news pages (benchmarks/aeb.py reports both on the same pages)
    published = find_date(tree, original_date=True, extensive_search=True, url=url)
    authors = [name.strip() for name in (author or "").split(";") if name.strip()]
    return title or None, authors, published or None, outlet


def clean_html(html: str, *, url: str | None = None) -> Cleaned:
    """Main text (paragraphs joined by a blank line), metadata, and the lines of the page that were cut.

    Raises UnreadableSource when the page cannot be parsed or holds no main text at all.
    """
    import trafilatura

    tree = _parse(html)
    _paragraphs_from_breaks(tree)
    _unwrap_embeds(tree)
    # bare_extraction works on its own copy of the tree, so ours stays whole for the checks below
    document: Any = trafilatura.bare_extraction(tree, url=url, fast=True, include_comments=False, with_metadata=False)
    lines = _lines(document.body, breaks=_XML_BREAKS, link="ref") if document is not None else []
    if sum(len(line.text.split()) for line in lines) < MIN_WORDS:
        raise UnreadableSource("<html>", f"no main text found in the page (fewer than {MIN_WORDS} words)")
    lines = _split_article(tree, lines) or lines
    body = tree.find("body")
    page = _lines(body if body is not None else tree, breaks=_HTML_BREAKS, link="a", skip=_INVISIBLE)
    page_links = {_key(line.text): line.link_share for line in page if line.link_share}

    title, authors, published, outlet = _metadata(tree, url)
    h1s = [text for h1 in tree.iter("h1") if (text := _SPACE.sub(" ", h1.text_content()).strip())]
    headlines = [_letters(text) for text in ([title] if title else []) + h1s]
    kept = [line.text for line in _without_headline(lines, headlines) if not _points_elsewhere(line, page_links)]
    text = "\n\n".join(kept)

    kept_keys = {_key(line) for line in kept}
    removed: list[str] = []
    for line in dict.fromkeys(line.text for line in page):
        if len(removed) == REMOVED_LIMIT:
            break
        if _key(line) not in kept_keys and line not in text:
            removed.append(line)
    headline = _tidy_title(title, h1s, outlet)
    if headline and outlet is None:
        headline, outlet = title_site(headline)  # "Headline | Site Name" names the site when no meta tag does
    return Cleaned(
        text=text,
        title=headline,
        authors=authors,
        published=published,
        outlet=outlet_case(outlet) if outlet else None,
        removed=removed,
    )
