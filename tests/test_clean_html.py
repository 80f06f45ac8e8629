from __future__ import annotations

import gzip
import json

import pytest

from bilateral.clean.html import clean_html
from bilateral.clean.quality import shingle_f1
from bilateral.errors import UnreadableSource
from tests.conftest import eval_path

BODY = [
    "Mexico agreed on Friday to deploy thousands of National Guard troops to its southern border, officials said.",
    "The announcement came a week after Washington threatened tariffs on every Mexican import unless crossings fell.",
    "Business groups in both countries welcomed the deal, while migrant advocates warned of harm to asylum seekers.",
    "Talks are to resume within ninety days to review whether the measures have reduced the number of crossings.",
]
PAGE = f"""<!doctype html><html><head><title>Mexico sends troops south | The Example Post</title>
<meta property="og:title" content="Mexico sends troops south">
<meta property="og:site_name" content="The Example Post">
<meta name="author" content="Dana Ortiz">
<meta property="article:published_time" content="2019-06-08T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<article><h1>Mexico sends troops south</h1><p class="byline">By Dana Ortiz</p>
{"".join(f"<p>{p}</p>" for p in BODY)}
<div class="share">Share on Facebook · Share on Twitter</div></article>
<aside><h3>Related</h3><ul><li><a href="/a/1">Ten things to know about tariffs</a></li></ul></aside>
<section class="comments"><h3>Comments</h3><p>Great article! Totally agree with the author here.</p></section>
<footer>© 2019 The Example Post. All rights reserved.</footer></body></html>"""


def test_main_text_and_metadata() -> None:
    cleaned = clean_html(PAGE)
    assert cleaned.text == "\n\n".join(BODY)
    assert cleaned.title == "Mexico sends troops south"
    assert cleaned.authors == ["Dana Ortiz"]
    assert cleaned.published == "2019-06-08"
    assert cleaned.outlet == "The Example Post"
    assert any("cookies" in line for line in cleaned.removed)


def test_article_split_across_sibling_containers_is_put_back_together() -> None:
    first = "".join(f"<p>{p}</p>" for p in BODY[:2])
    second = "".join(f"<p>{p} It continued at length in a second part of the page.</p>" for p in BODY[2:] * 3)
    page = (
        f"<html><body><article><div class='article__body'>{first}</div><div class='ad'>Advertisement</div>"
        f"<div class='article__body'>{second}</div></article></body></html>"
    )
    cleaned = clean_html(page)
    assert BODY[0] in cleaned.text and "second part of the page" in cleaned.text
    assert "Advertisement" not in cleaned.text


def test_malformed_html_still_yields_text() -> None:
    broken = "<html><body><div><p>" + "</p><p>".join(BODY) + "<p><b>unclosed <i>tags everywhere"
    assert BODY[1] in clean_html(broken).text


@pytest.mark.parametrize("page", ["", "<html></html>", "<html><body><nav>Home</nav></body></html>"])
def test_pages_without_text_are_unreadable(page: str) -> None:
    with pytest.raises(UnreadableSource):
        clean_html(page)


def test_shingle_f1() -> None:
    assert shingle_f1("a b c d e", "a b c d e") == (1.0, 1.0, 1.0)
    assert shingle_f1("", "") == (1.0, 1.0, 1.0)
    assert shingle_f1("a b c d", "w x y z")[0] == 0.0


@pytest.mark.eval
def test_article_extraction_benchmark_f1() -> None:
    truth = json.loads(eval_path("aeb", "ground-truth.json").read_text())
    scores = []
    for key, gold in truth.items():
        html = gzip.decompress(eval_path("aeb", "html", f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        try:
            text = clean_html(html).text
        except UnreadableSource:
            text = ""
        scores.append(shingle_f1(text, gold["articleBody"])[0])
    assert sum(scores) / len(scores) >= 0.95
