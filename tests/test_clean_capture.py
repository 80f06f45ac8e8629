from __future__ import annotations

import pytest
import yaml

from bilateral.clean.capture import clean_capture, parse_date
from tests.conftest import SEEDS, eval_path

P1 = "The two governments agreed on Friday to expand cooperation on migration along the shared border, officials said."
P2 = (
    "Critics argued that the agreement traded protection for asylum seekers against relief from the threatened tariffs."
)
P3 = "Business groups on both sides welcomed the deal, but warned that new disputes over energy rules were likely soon."

CAPTURE = f"""Home World Politics Opinion

Border deal reshapes the bilateral agenda

Jane Q. Writer

March 19, 2021
Facebook Twitter Share
Photo: Some Photographer/ AP

{P1}

A New Phase

{P2}

Migrants wait at the crossing in Ciudad Juárez

{P3}

Originally published on March 12, 2021 in Another Outlet

Facebook Twitter Share

Jane Q. Writer

Jane is a reporter who covers the border.

Related

Another story about something else entirely with a long teaser sentence that goes on and on here.

John Other

March 1, 2021
"""


def test_body_and_subheadings_stay_furniture_goes() -> None:
    cleaned = clean_capture(CAPTURE)
    assert cleaned.text == "\n\n".join([P1, "A New Phase", P2, P3])
    assert cleaned.title == "Border deal reshapes the bilateral agenda"
    assert cleaned.authors == ["Jane Q. Writer"]
    assert cleaned.published == "2021-03-19"
    assert "Photo: Some Photographer/ AP" in cleaned.removed
    assert "Migrants wait at the crossing in Ciudad Juárez" in cleaned.removed


def test_by_line_and_dateline_with_outlet() -> None:
    header = "A headline about the border deal\n\nBy Ana Ruiz and Tom Lee\n\nGlobal Research, January 28, 2021"
    text = f"{header}\n\n{P1}\n\n{P2}\n"
    cleaned = clean_capture(text)
    assert cleaned.authors == ["Ana Ruiz", "Tom Lee"]
    assert cleaned.published == "2021-01-28" and cleaned.outlet == "Global Research"
    assert cleaned.text == f"{P1}\n\n{P2}"


def test_text_without_boilerplate_comes_through_whole() -> None:
    text = f"{P1}\n\n{P2}\n\n{P3}"
    cleaned = clean_capture(text)
    assert cleaned.text == text and cleaned.removed == [] and cleaned.title is None


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    words = (P1 + " " + P2).split()
    wrapped = "\n".join(" ".join(words[i : i + 9]) for i in range(0, len(words), 9))
    cleaned = clean_capture(wrapped + "\n\n" + wrapped)
    assert cleaned.text.split("\n\n")[0] == P1 + " " + P2


def test_comment_prompts_and_about_blocks_end_the_article() -> None:
    cleaned = clean_capture(
        f"{P1}\n\n{P2}\n\n{P3}\n\nAbout this publication\n\nBe the first to comment\n\nLeave a Reply"
    )
    assert cleaned.text == f"{P1}\n\n{P2}\n\n{P3}"


def test_empty_capture() -> None:
    assert clean_capture("").text == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [("April 24, 2021", "2021-04-24"), ("24 April 2021", "2021-04-24"), ("2021-04-24", "2021-04-24"),
     ("Sept. 3, 2020", "2020-09-03"), ("February 30, 2021", None), ("no date here", None)],
)  # fmt: skip
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def seed_documents() -> list[tuple[dict[str, object], list[str]]]:
    gold = yaml.safe_load(eval_path("seeds_dev_gold.yaml").read_text())
    return [
        (document, (SEEDS / str(document["file"])).read_text(encoding="utf-8").splitlines())
        for document in gold["documents"].values()
    ]


@pytest.mark.eval
def test_seed_gold_body_kept_boilerplate_gone_metadata_found() -> None:
    kept = total = 0
    for document, lines in seed_documents():
        cleaned = clean_capture("\n".join(lines))
        paragraphs = set(cleaned.text.split("\n\n"))
        first, last = document["body_lines"]  # type: ignore[misc]
        skip = set(document.get("boilerplate_lines", [])) | set(document.get("either_lines", []))  # type: ignore[attr-defined]
        for number in range(first, last + 1):
            line = lines[number - 1].strip()
            if line and number not in skip:
                total += len(line)
                kept += len(line) * (line in paragraphs)
        for number in document.get("boilerplate_lines", []):  # type: ignore[attr-defined]
            assert lines[number - 1].strip() not in paragraphs, (document["file"], number)
        assert cleaned.title == document["title"]
        assert cleaned.authors == document["authors"]
        assert cleaned.published == document["published"]
    assert kept / total >= 0.98
