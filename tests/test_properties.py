"""Property tests (Hypothesis) of what reads untrusted input: the cleaners, the date resolver, names shown to a
person, gzip reading, long-text sections and the SSRF guard. `make test` runs a few examples each; `make fuzz`
runs many more (HYPOTHESIS_PROFILE=fuzz)."""

from __future__ import annotations

import gzip
import ipaddress
import os
import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.errors import UnreadableSource
from bilateral.model import RawDocument

settings.register_profile("default", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=3_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

MONTHS = ["January", "Feb", "March", "apr", "May", "June", "Jul", "August", "Sept", "October", "Nov", "December"]
WEEKDAYS = ["Monday", "tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WORDS = st.sampled_from(["the", "talks", "on", "in", "since", "last", "next", "this", "coming", "past", "of", ","])


@st.composite
def date_expressions(draw: st.DrawFn) -> str:
    """Date-like phrases as articles write them, valid or not ("31 February", "next Sept", "since 1999")."""
    day = str(draw(st.integers(0, 40)))
    year = str(draw(st.integers(0, 9999)))
    month = draw(st.sampled_from(MONTHS))
    which = draw(st.sampled_from(["last", "next", "this", "past", "coming", ""]))
    unit = draw(st.sampled_from(["week", "month", "year"]))
    pieces = [
        f"{day} {month} {year}", f"{month} {day}, {year}", f"{month} {day}",
        f"{year}-{draw(st.integers(0, 13)):02d}-{day}",
        f"{which} {unit}", f"{which} {month}", f"{month} {year}", f"in {year}",
        f"{which} {draw(st.sampled_from(WEEKDAYS))}", draw(st.sampled_from(["today", "yesterday", "Tomorrow"])),
        f"since {month}",
    ]  # fmt: skip
    noise = draw(st.lists(WORDS, max_size=3))
    return " ".join([*noise, draw(st.sampled_from(pieces)), *draw(st.lists(WORDS, max_size=2))])


@given(
    text=st.one_of(date_expressions(), st.text(max_size=60)),
    anchor=st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))),
    tense=st.sampled_from([None, "past", "future"]),
)
def test_the_date_resolver_gives_a_well_formed_value_or_none(text: str, anchor: date | None, tense: str | None) -> None:
    from bilateral.annotate.dates import resolve

    found = resolve(text, anchor, tense=tense)
    if found is None:
        return
    value, precision = found
    if precision == "year":
        assert re.fullmatch(r"\d{1,4}", value)
    elif precision == "month":
        year, month = value.split("-")
        assert 1 <= int(month) <= 12 and year.isdigit()
    else:
        assert precision in ("day", "week")
        date.fromisoformat(value)


# the years news is written about (the resolver reads four-digit years from 1900 on)
@given(day=st.integers(1, 28), month=st.integers(1, 12), year=st.integers(1900, 2099), anchor=st.dates())
def test_a_full_date_resolves_to_itself_whatever_the_anchor(day: int, month: int, year: int, anchor: date) -> None:
    from bilateral.annotate.dates import resolve

    text = f"on {day} {MONTHS[month - 1]} {year}"
    if MONTHS[month - 1] in ("Sept",):
        return
    assert resolve(text, anchor) == (date(year, month, day).isoformat(), "day")


TAGS = st.sampled_from(["p", "div", "span", "article", "section", "b", "i", "a", "li", "ul", "h1", "h2", "td", "br"])
TEXTS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)


def html_trees() -> st.SearchStrategy[str]:
    leaves = st.one_of(
        TEXTS.map(lambda text: text.replace("<", "&lt;")),
        st.sampled_from(
            ["&amp;", "&nbsp;", "&#0;", "&#x1F600;", "<!-- c -->", "<script>x()</script>", "<![CDATA[z]]>"]
        ),
        st.just("Talks between the two governments resumed in the capital on Monday after a long pause. " * 3),
    )
    return st.recursive(
        leaves,
        lambda inner: st.tuples(TAGS, st.lists(inner, max_size=4)).map(
            lambda node: f"<{node[0]}>{''.join(node[1])}</{node[0]}>"
        ),
        max_leaves=30,
    )


@given(body=html_trees(), wrap=st.booleans())
def test_the_html_cleaner_returns_an_article_or_a_reason_never_a_crash(body: str, wrap: bool) -> None:
    from bilateral.clean.article import clean

    page = f"<html><head><title>T</title></head><body>{body}</body></html>" if wrap else body
    try:
        article = clean(RawDocument(source="p.html", body=page.encode("utf-8"), kind="html"))
    except UnreadableSource:
        return
    assert article.text.strip() and "\x00" not in article.text


@given(body=st.binary(max_size=2_000), kind=st.sampled_from(["html", "text"]))
def test_the_cleaners_take_any_bytes(body: bytes, kind: str) -> None:
    from bilateral.clean.article import clean

    try:
        article = clean(RawDocument(source="x", body=body, kind=kind))
    except UnreadableSource:
        return
    assert isinstance(article.text, str) and article.text.strip()


@given(name=st.text(max_size=40), raw=st.binary(max_size=40))
def test_a_name_shown_to_a_person_is_one_printable_line(name: str, raw: bytes) -> None:
    from bilateral.ingest.sniff import printable

    for candidate in (name, os.fsdecode(raw)):
        shown = printable(candidate)
        assert "\n" not in shown and "\r" not in shown and "\x1b" not in shown
        shown.encode("utf-8")  # storable: no lone surrogates
        if candidate.isprintable():
            assert shown == candidate


@given(data=st.binary(max_size=5_000), members=st.integers(1, 3), junk=st.binary(max_size=50))
def test_gzip_reads_like_gzip_d(data: bytes, members: int, junk: bytes) -> None:
    from bilateral.ingest.files import GZIP_MAGIC, gunzip

    part = len(data) // members + 1
    stream = b"".join(gzip.compress(data[i : i + part]) for i in range(0, len(data), part)) or gzip.compress(b"")
    trailing = b"\x00" + junk if junk.startswith(GZIP_MAGIC) else junk
    assert gunzip(stream + trailing, max_bytes=10_000) == data


@given(text=st.text(max_size=3_000), size=st.integers(10, 500))
def test_sections_always_join_back_to_the_text(text: str, size: int) -> None:
    from bilateral.annotate.nlp import sections

    pieces = sections(text, size)
    assert "".join(pieces) == text and all(len(piece) <= size for piece in pieces)


PRIVATE = [ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8",
                                             "169.254.0.0/16", "100.64.0.0/10", "0.0.0.0/8")]  # fmt: skip


@given(network=st.sampled_from(PRIVATE), offset=st.integers(0, 2**24))
def test_the_guard_refuses_every_private_ipv4_address_in_every_spelling(
    network: ipaddress.IPv4Network, offset: int
) -> None:
    from bilateral.ingest.guard import why_private

    address = network[offset % network.num_addresses]
    assert isinstance(address, ipaddress.IPv4Address)
    assert why_private(address) is not None
    assert why_private(ipaddress.IPv6Address(f"::ffff:{address}")) is not None
    assert why_private(ipaddress.IPv6Address(f"64:ff9b::{address}")) is not None
