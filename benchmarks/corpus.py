"""A generated corpus for speed benchmarks: many distinct articles, as HTML pages and plain-text captures.

Sentences are assembled from small vocabularies with a seeded random generator, so runs are repeatable and
no two documents are duplicates. Page furniture (menus, share bars, related links) mimics real captures.
"""

from __future__ import annotations

import random
from pathlib import Path

ACTORS = ["Mexico", "the United States", "President López Obrador", "President Biden", "the State Department",
          "Mexican officials", "the National Guard", "U.S. Customs and Border Protection", "migrant advocates",
          "Foreign Minister Marcelo Ebrard", "the Senate", "business groups", "the governor of Texas"]  # fmt: skip
VERBS = ["announced", "criticised", "agreed on", "rejected", "proposed", "promised", "discussed", "questioned",
         "welcomed", "postponed", "expanded", "suspended"]  # fmt: skip
OBJECTS = ["new tariffs on steel", "a plan to deploy 6,000 troops", "a $4 billion aid package",
           "the Remain in Mexico programme", "a review of the security agreement", "talks on energy investment",
           "vaccine shipments to the south", "stricter checks at the border", "the USMCA labour rules",
           "an extradition request", "a joint statement on fentanyl", "quotas for temporary work visas"]  # fmt: skip
TAILS = ["on Tuesday", "last week", "after months of talks", "despite objections from Congress",
         "in a statement", "according to officials", "during a visit to the capital", "in March"]  # fmt: skip


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}.".capitalize()


def paragraphs(rng: random.Random, n: int) -> list[str]:
    return [" ".join(sentence(rng) for _ in range(rng.randint(3, 6))) + f" (Ref. {rng.random():.8f})" for _ in range(n)]


def html_page(rng: random.Random, title: str, body: list[str]) -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in body)
    related = "".join(f'<li><a href="/a/{rng.randint(1, 10**6)}">{sentence(rng)}</a></li>' for _ in range(5))
    return (
        f"<!doctype html><html><head><title>{title} | The Example Post</title>"
        f'<meta property="og:title" content="{title}"><meta name="author" content="Dana Ortiz">'
        '<meta property="article:published_time" content="2021-03-19T10:00:00Z"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>'
        '<div class="cookie">We use cookies to improve your experience. Accept</div>'
        f"<article><h1>{title}</h1><p class='byline'>By Dana Ortiz</p>{paras}</article>"
        f'<aside><h3>Related</h3><ul>{related}</ul></aside><div class="share">Share on Facebook Twitter</div>'
        "<footer>© 2021 The Example Post. All rights reserved.</footer></body></html>"
    )


def text_capture(rng: random.Random, title: str, body: list[str]) -> str:
    related = "\n\n".join(f"{sentence(rng)}\n\nJordan Lee\n\nMarch {rng.randint(1, 28)}, 2021" for _ in range(3))
    return (
        "Home World Politics Opinion\n\n"
        + title
        + "\n\nDana Ortiz\n\nMarch 19, 2021\nFacebook Twitter Share\n\n"
        + "\n\n".join(body)
        + "\n\nFacebook Twitter Share\n\nRelated articles\n\n"
        + related
        + "\n"
    )


def generate(folder: Path, *, count: int, kind: str, seed: int = 7) -> int:
    """Write `count` documents of `kind` ("html" or "text") into folder; returns the number of body words."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(count):
        title = f"{sentence(rng)[:-1]} ({i})"
        body = paragraphs(rng, rng.randint(5, 10))
        words += sum(len(p.split()) for p in body)
        if kind == "html":
            (folder / f"doc{i:05d}.html").write_text(html_page(rng, title, body), encoding="utf-8")
        else:
            (folder / f"doc{i:05d}.txt").write_text(text_capture(rng, title, body), encoding="utf-8")
    return words
