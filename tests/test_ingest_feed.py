"""The feed reader: full text from the entry when it has it, the page otherwise; feed metadata on each
document; a bad feed is one skip and a bad entry does not stop the others."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bilateral.ingest import read_sources
from bilateral.ingest.feed import entry_date, read_feed
from bilateral.ingest.url import make_client
from bilateral.model import RawDocument, Skipped

PAGE = b"<html><head><title>T</title></head><body><p>%s</p></body></html>" % (b"Border talks went on. " * 40)
# 168 words: over the full-text threshold
LONG = "Mexico and the United States agreed to cooperate on migration enforcement at the border. " * 12
SHORT = "Mexico and the United States agreed to talk."


def rss(items: str, *, title: str = "Border Daily") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>{title}</title><link>https://example.org/</link>{items}</channel></rss>"
    ).encode()


RSS = rss(
    "<item><title>Full &amp; long</title><link>https://example.org/full</link>"
    "<dc:creator>Ana Ruiz</dc:creator><pubDate>Fri, 07 Jun 2019 22:30:00 -0500</pubDate>"
    f"<content:encoded><![CDATA[<p>{LONG}</p>]]></content:encoded></item>"
    "<item><title>Teaser</title><link>https://example.org/teaser</link>"
    "<author>desk@example.org (Tom Lee)</author><pubDate>Sat, 08 Jun 2019 09:00:00 GMT</pubDate>"
    f"<description>{SHORT}</description><content:encoded><![CDATA[<p>{SHORT}</p>]]></content:encoded></item>"
    "<item><title>Gone</title><link>https://example.org/gone</link></item>"
    "<item><title>Relative</title><link>/teaser</link></item>"
)

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Frontera Analítica</title><id>urn:x</id>
<updated>2021-10-12T09:00:00Z</updated>
<entry><title>Bicentennial framework</title><id>urn:1</id><link href="https://example.org/frame"/>
<author><name>Lucía Ortega</name></author><author><name>Sam Hill</name></author>
<published>2021-10-11T21:00:00-06:00</published><updated>2021-10-12T08:00:00Z</updated>
<content type="html">&lt;p&gt;{LONG}&lt;/p&gt;</content></entry>
<entry><title>Plain</title><id>urn:2</id><link href="https://example.org/plain"/>
<updated>2021-10-13T08:00:00Z</updated><content type="text">{LONG}</content></entry>
</feed>""".encode()


def handler(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    xml = {"content-type": "application/rss+xml"}
    routes: dict[str, httpx.Response] = {
        "/feed.rss": httpx.Response(200, content=RSS, headers=xml),
        "/news/feed": httpx.Response(200, content=ATOM, headers={"content-type": "application/atom+xml"}),
        "/latest": httpx.Response(200, content=RSS, headers={"content-type": "text/xml; charset=utf-8"}),
        "/empty.xml": httpx.Response(200, content=rss(""), headers=xml),
        "/page.rss": httpx.Response(200, content=PAGE, headers={"content-type": "text/html"}),
        "/teaser": httpx.Response(200, content=PAGE, headers={"content-type": "text/html; charset=utf-8"}),
    }
    return routes.get(path, httpx.Response(404))


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with make_client(transport=httpx.MockTransport(handler)) as mock:
        yield mock


def test_rss_entries_full_text_fetched_pages_and_failures(client: httpx.Client) -> None:
    full, teaser, gone, relative = read_sources(["https://example.org/feed.rss"], client=client)
    assert isinstance(full, RawDocument)
    assert (full.source, full.url, full.kind) == (
        "https://example.org/feed.rss#https://example.org/full",
        "https://example.org/full",
        "html",
    )
    assert (full.title, full.outlet, full.authors) == ("Full & long", "Border Daily", ("Ana Ruiz",))
    assert full.published == "2019-06-07"  # as the outlet wrote it, not moved to the UTC day
    assert LONG.strip().encode() in full.body and b"<title>Full &amp; long</title>" in full.body
    # a short content:encoded is a teaser: the page is fetched, and the entry's metadata rides along
    assert isinstance(teaser, RawDocument) and teaser.body == PAGE and teaser.encoding == "utf-8"
    assert (teaser.source, teaser.title, teaser.authors, teaser.published) == (
        "https://example.org/teaser",
        "Teaser",
        ("Tom Lee",),
        "2019-06-08",
    )
    assert gone == Skipped("https://example.org/gone", "HTTP 404 Not Found")
    # relative links are resolved against the feed's URL
    assert isinstance(relative, RawDocument) and relative.url == "https://example.org/teaser"


def test_atom_by_content_type_with_authors_and_text_content(client: httpx.Client) -> None:
    frame, plain = read_sources(["https://example.org/news/feed"], client=client)
    assert isinstance(frame, RawDocument) and isinstance(plain, RawDocument)
    assert (frame.outlet, frame.authors, frame.published) == (
        "Frontera Analítica",
        ("Lucía Ortega", "Sam Hill"),
        "2021-10-11",
    )
    assert frame.kind == "html" and plain.kind == "text" and plain.body == LONG.strip().encode()
    assert plain.published == "2021-10-13"


def test_generic_xml_is_sniffed_as_a_feed(client: httpx.Client) -> None:
    items = list(read_sources(["https://example.org/latest"], client=client))
    assert len(items) == 4 and isinstance(items[0], RawDocument) and items[0].outlet == "Border Daily"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://example.org/gone.rss", "HTTP 404 Not Found"),
        ("https://example.org/empty.xml", "the feed has no entries"),
        ("https://example.org/page.rss", "not an RSS or Atom feed"),
    ],
)
def test_a_bad_feed_is_one_skip(client: httpx.Client, url: str, reason: str) -> None:
    items = list(read_sources([url], client=client))
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert items[0].source == url and items[0].reason.startswith(reason)


def test_read_feed_takes_a_plain_client(client: httpx.Client) -> None:
    items = list(read_feed("https://example.org/feed.rss", client=client, max_bytes=10**6))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument", "Skipped", "RawDocument"]


def test_feed_file_entries_without_a_usable_link(tmp_path: Path) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_bytes(
        rss(
            f"<item><title>Own text</title><content:encoded><![CDATA[{LONG}]]></content:encoded></item>"
            f"<item><title>Long summary</title><description>{LONG}</description></item>"
            f"<item><title>Nothing</title><description>{SHORT}</description></item>"
            "<item><title>Local</title><link>story.html</link></item>"
        )
    )
    own, summary, nothing, local = read_sources([str(feed)])
    assert isinstance(own, RawDocument) and own.source == f"{feed}#1" and own.url is None
    assert isinstance(summary, RawDocument) and summary.title == "Long summary"
    assert nothing == Skipped(f"{feed}#3", "entry 3 has neither full text nor a link to fetch")
    assert local == Skipped(f"{feed}#story.html", "entry 4 links to 'story.html', not an http(s) URL")


def test_feed_file_fetches_its_pages_with_a_client_made_on_demand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[httpx.Client] = []

    def mock_client() -> httpx.Client:
        made.append(make_client(transport=httpx.MockTransport(handler)))
        return made[-1]

    monkeypatch.setattr("bilateral.ingest.url.make_client", mock_client)
    item = "<item><title>T</title><link>https://example.org/teaser</link></item>"
    (tmp_path / "feed.xml").write_bytes(rss(item))
    items = list(read_sources([str(tmp_path)]))
    assert len(items) == 1 and isinstance(items[0], RawDocument) and items[0].body == PAGE
    assert len(made) == 1 and made[0].is_closed


def test_a_file_that_is_not_a_feed(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text("<?xml version='1.0'?><urlset><url><loc>x</loc></url></urlset>")
    items = list(read_sources([str(tmp_path / "sitemap.xml")]))
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert items[0].reason.startswith(("not an RSS or Atom feed", "the feed has no entries"))


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"published": "Fri, 07 Jun 2019 23:30:00 -0500"}, "2019-06-07"),
        ({"published": "2021-10-11T21:00:00-06:00"}, "2021-10-11"),
        ({"updated": "2021-10-12T08:00:00Z"}, "2021-10-12"),
        (
            {"published": "sometime last week", "published_parsed": (2020, 1, 2, 0, 0, 0, 3, 2, 0)},
            "2020-01-02",
        ),
        ({"published": "sometime last week"}, None),
        ({}, None),
    ],
)
def test_entry_dates(entry: dict[str, object], expected: str | None) -> None:
    assert entry_date(entry) == expected
