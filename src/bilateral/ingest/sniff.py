"""Cheap looks at the first bytes of an input (HTML? a feed? binary? nothing at all?) and the skip reasons.

Shared by the readers (to skip or classify a file) and by decoding (to refuse binary content), so that every
reader words the same failure the same way.
"""

from __future__ import annotations

import codecs
import gzip
import re

SAMPLE = 8192  # git's binary test looks at about this much; enough to see a header and some body

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
# an XML declaration and comments may come before the doctype or <html>
_HTML_START = re.compile(
    rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.I | re.S,
)
_HTML_TAGS = re.compile(rb"<(?:head|body|title|meta|div|p|article)[\s>]", re.I)
# the root element, after any XML declaration, stylesheet instruction or comment
_FEED_ROOT = re.compile(rb"^(?:<\?[^>]*>\s*|<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.S)


def _head(body: bytes) -> bytes:
    return body[:SAMPLE].lstrip(codecs.BOM_UTF8 + b" \t\r\n")


def looks_like_html(body: bytes) -> bool:
    """True when the bytes clearly are an HTML document, not text that happens to mention a tag."""
    head = _head(body)
    if _HTML_START.match(head):
        return True
    if _FEED_ROOT.match(head):
        return False  # feeds carry <title> and escaped <p> too
    # Fragments saved without <html>: a page still opens with markup and has several distinct tags closed.
    return head.startswith(b"<") and len(set(_HTML_TAGS.findall(head.lower()))) >= 2 and b"</" in head


def looks_like_feed(body: bytes) -> bool:
    """True when the bytes open like an RSS, RDF or Atom document."""
    return _FEED_ROOT.match(_head(body)) is not None


def utf16_without_bom(body: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when the NUL bytes fall on every other byte, as in UTF-16 ASCII text."""
    sample = body[:SAMPLE]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) > len(zeros) * 0.7 and other.count(0) < len(other) * 0.05:
            return codec
    return None


def binary_reason(body: bytes) -> str | None:
    """Why the bytes are not text ("binary content (NUL bytes)"), or None when they may well be text."""
    sample = body[:SAMPLE]
    if sample.startswith(_UTF16_BOMS) or utf16_without_bom(sample):
        return None
    if b"\x00" in sample:
        return "binary content (NUL bytes)"
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    if controls > len(sample) * 0.05:
        return "binary content (mostly control characters)"
    return None


def is_blank(body: bytes) -> bool:
    return not body.strip(codecs.BOM_UTF8 + b" \t\r\n\x0b\x0c")


def size_limit_reason(max_bytes: int) -> str:
    """The skip reason for an input over the cap, with the cap as a person would write it."""
    if max_bytes >= 1_000_000:
        limit = f"{max_bytes / 1_000_000:g} MB"
    elif max_bytes >= 1_000:
        limit = f"{max_bytes / 1_000:g} kB"
    else:
        limit = f"{max_bytes} byte"
    return f"larger than the {limit} limit (use --max-bytes)"


# C0 and C1 control characters and DEL: in a name they move the cursor, ring, recolour or split a line.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(name: str) -> str:
    """A file name, URL or reason safe to store and print on one line: bytes that are not UTF-8 (a file name from
    `os.fsdecode` carries them as surrogates) and control characters are written as escapes (`\\xff`, `\\n`)."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROLS.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def gzip_reason(error: Exception) -> str:
    """A one-line reason for a damaged gzip stream, in words rather than zlib's."""
    if isinstance(error, EOFError):
        return "gzip stream truncated"
    if isinstance(error, gzip.BadGzipFile):
        message = str(error)
        if message.startswith("Not a gzipped file"):
            return "not a gzip file (the name ends in .gz but the content is not compressed)"
        return f"gzip stream damaged ({message})"
    return "gzip stream damaged (invalid compressed data)"
