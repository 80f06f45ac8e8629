"""Build examples/us-mexico/archive.warc.gz from the two pages in examples/warc-pages/.

The archive exercises the WARC reader: one request record and two HTTP 200 text/html responses. Dates and
record ids are fixed so that the same pages always give a byte-identical file (run with --check to verify).
"""

from __future__ import annotations

import argparse
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
PAGES = HERE / "warc-pages"
TARGET = HERE / "us-mexico" / "archive.warc.gz"


@dataclass(frozen=True)
class Capture:
    """One page as a crawler fetched it; `request_id` set means the GET request is archived too."""

    page: str
    url: str
    warc_date: str
    http_date: str
    response_id: str
    request_id: str | None = None


CAPTURES = (
    Capture(
        page="binational-dialogue_2021-09-09_hled-relaunch.html",
        url="https://binational-dialogue.example.org/press/2021/09/09/hled-relaunch",
        warc_date="2021-09-10T08:15:02Z",
        http_date="Fri, 10 Sep 2021 08:15:02 GMT",
        response_id="<urn:uuid:6f1d2a3e-0b7c-4c4e-9a51-2d0e8f3b9a01>",
        request_id="<urn:uuid:6f1d2a3e-0b7c-4c4e-9a51-2d0e8f3b9a00>",
    ),
    Capture(
        page="sonoran-public-media_2021-01-21_mpp-suspended.html",
        url="https://sonoranpublicmedia.example.org/border/2021/01/21/remain-in-mexico-enrollments-halted",
        warc_date="2021-01-22T15:40:37Z",
        http_date="Fri, 22 Jan 2021 15:40:37 GMT",
        response_id="<urn:uuid:b3c0e6d4-71a2-4f0b-8d36-5e9c1a7f2b02>",
    ),
)


def _request_record(writer: WARCWriter, capture: Capture) -> object:
    assert capture.request_id is not None
    host = capture.url.split("/")[2]
    path = "/" + capture.url.split("/", 3)[3]
    headers = StatusAndHeaders(
        f"GET {path} HTTP/1.1",
        [
            ("Host", host),
            ("User-Agent", "bilateral-example-crawler/1.0 (+https://example.org/bot)"),
            ("Accept", "text/html,application/xhtml+xml"),
            ("Accept-Encoding", "identity"),
        ],
        is_http_request=True,
    )
    return writer.create_warc_record(
        capture.url,
        "request",
        http_headers=headers,
        warc_headers_dict={
            "WARC-Record-ID": capture.request_id,
            "WARC-Date": capture.warc_date,
            "WARC-Concurrent-To": capture.response_id,
        },
    )


def _response_record(writer: WARCWriter, capture: Capture) -> object:
    body = (PAGES / capture.page).read_bytes()
    headers = StatusAndHeaders(
        "200 OK",
        [
            ("Date", capture.http_date),
            ("Server", "nginx"),
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "max-age=300"),
        ],
        protocol="HTTP/1.1",
    )
    return writer.create_warc_record(
        capture.url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Record-ID": capture.response_id, "WARC-Date": capture.warc_date},
    )


def build() -> bytes:
    """The archive's bytes: for each capture its request (when kept) and then its response."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True, warc_version="WARC/1.0")
    for capture in CAPTURES:
        if capture.request_id is not None:
            writer.write_record(_request_record(writer, capture))
        writer.write_record(_response_record(writer, capture))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the committed archive")
    args = parser.parse_args(argv)
    data = build()
    if args.check:
        same = TARGET.exists() and TARGET.read_bytes() == data
        print(f"{TARGET.name}: {'up to date' if same else 'differs from the pages; re-run without --check'}")
        return 0 if same else 1
    TARGET.write_bytes(data)
    print(f"wrote {TARGET} ({len(data)} bytes, {sum(1 + (c.request_id is not None) for c in CAPTURES)} records)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
