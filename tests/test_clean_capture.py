from __future__ import annotations

from typing import Any

import pytest
import yaml

from bilateral.clean.capture import clean_capture, parse_date
from bilateral.clean.capture_meta import byline_names, date_line, is_name
from tests.conftest import SEEDS, eval_path

P1 = "The two governments agreed on Friday to expand cooperation on migration along the shared border, officials said."
P2 = (
    "Critics argued that the agreement traded protection for asylum seekers against relief from the threatened tariffs."
)
P3 = "Business groups on both sides welcomed the deal, but warned that new disputes over energy rules were likely soon."
P4 = "Negotiators will meet again in March to review progress on the joint commission and on the pending energy case."
BODY = [P1, P2, P3, P4]
NAMES = list(enumerate(["Ana Ruiz", "Tom Lee", "Kim Park", "Raúl Soto", "Li Wei", "Omar Haddad", "Eva Novak"], 1))


def joined(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


CAPTURE = f"""Home World Politics Opinion

Border deal reshapes the bilateral agenda

Jane Q. Public

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

Jane Q. Public

Jane is a reporter who covers the border.

Related

Another story about something else entirely with a long teaser sentence that goes on and on here.

John Other

March 1, 2021
"""


def test_body_and_subheadings_stay_furniture_goes() -> None:
    cleaned = clean_capture(CAPTURE)
    assert cleaned.text == joined(P1, "A New Phase", P2, P3)
    assert cleaned.title == "Border deal reshapes the bilateral agenda"
    assert cleaned.authors == ["Jane Q. Public"]
    assert cleaned.published == "2021-03-19"
    assert "Photo: Some Photographer/ AP" in cleaned.removed
    assert "Migrants wait at the crossing in Ciudad Juárez" in cleaned.removed


def test_removed_lines_are_every_cut_line_in_order() -> None:
    cleaned = clean_capture(CAPTURE)
    lines = [line.strip() for line in CAPTURE.splitlines() if line.strip()]
    kept = set(cleaned.text.split("\n\n")) | {cleaned.title}
    assert cleaned.removed == [line for line in lines if line not in kept]


def test_by_line_and_dateline_with_outlet() -> None:
    header = "A headline about the border deal\n\nBy Ana Ruiz and Tom Lee\n\nGlobal Research, January 28, 2021"
    cleaned = clean_capture(f"{header}\n\n{P1}\n\n{P2}\n")
    assert cleaned.authors == ["Ana Ruiz", "Tom Lee"]
    assert cleaned.published == "2021-01-28" and cleaned.outlet == "Global Research"
    assert cleaned.title == "A headline about the border deal"
    assert cleaned.text == joined(P1, P2)


def test_reposting_site_with_labels_notes_and_copyright_footer() -> None:
    capture = f"""Mexico and the Tariff Threat: What the Deal Really Means

By Carlos Méndez

Global Research, June 10, 2019

Region: Latin America & Caribbean, USA

Theme: Global Economy

All Global Research articles can be read in 51 languages by activating the Translate Website menu on our home page.

{P1}

{P2}

{P3}

*

Note to readers: please click the share buttons above or below. Feel free to repost and share widely.

Carlos Méndez is a regular contributor to Global Research.

The original source of this article is Global Research

Copyright © Carlos Méndez, Global Research, 2019
"""
    cleaned = clean_capture(capture)
    assert cleaned.text == joined(P1, P2, P3)
    assert cleaned.title == "Mexico and the Tariff Threat: What the Deal Really Means"
    assert cleaned.authors == ["Carlos Méndez"]
    assert cleaned.published == "2019-06-10" and cleaned.outlet == "Global Research"


def test_news_site_with_menus_caption_read_more_and_related_box() -> None:
    capture = f"""Skip to main content
Menu
Search
News | Politics | World | Business | Opinion
Home > World > Americas
Trade tensions ease as US and Mexico seal migration pact
Negotiators spent three days in Washington before the tariff deadline.
By Maria Lopez | Example Daily
Updated: June 8, 2019 at 10:15 a.m.
Published June 7, 2019
Share this article
Mexican Foreign Minister Marcelo Ebrard speaks to reporters (Photo: Jane Roe/Example Daily)
{P1}
Read more: Tariffs on Mexican goods explained
{P2}
Related articles
How the tariff threat began
What the migration pact says
{P3}
{P4}
Tags: trade, migration, Mexico
Subscribe to our newsletter for the latest news from the region.
© 2019 Example Daily. All rights reserved.
"""
    cleaned = clean_capture(capture)
    assert cleaned.text == joined(*BODY)
    assert cleaned.title == "Trade tensions ease as US and Mexico seal migration pact"
    assert cleaned.authors == ["Maria Lopez"]
    assert cleaned.published == "2019-06-07"  # the publication, not the update
    assert cleaned.outlet == "Example Daily"


def test_blog_with_posted_on_byline_and_a_long_comment_thread() -> None:
    comment = (
        "I could not disagree more with this post, because the agreement will only push the problem further south"
        " and nobody in either capital seems to care about the people caught in the middle of all of it."
    )
    thread = "\n\n".join(f"{name}\n\nJune {n}, 2019 at 9:0{n} am\n\n{comment}\n\nReply" for n, name in NAMES)
    capture = f"""My Border Blog

What the migration pact means for asylum seekers

Posted on June 9, 2019 by Sam Porter

{P1}

{P2}

{P3}

Leave a Reply

{thread}
"""
    cleaned = clean_capture(capture)
    assert cleaned.text == joined(P1, P2, P3)
    assert cleaned.title == "What the migration pact means for asylum seekers"
    assert cleaned.authors == ["Sam Porter"]
    assert cleaned.published == "2019-06-09"


def test_dated_teaser_list_after_the_article_is_cut() -> None:
    teasers = "\n\n".join(
        f"Story number {n} about something else\n\n"
        f"A teaser for story number {n} that runs long enough to look like a paragraph of real prose.\n\n"
        f"{name}\n\nFebruary {n}, 2024"
        for n, name in NAMES[:4]
    )
    cleaned = clean_capture(f"{P1}\n\n{P2}\n\n{P3}\n\n{P4}\n\n{teasers}")
    assert cleaned.text == joined(*BODY)


def test_list_introduced_by_a_colon_stays_with_the_article() -> None:
    items = ["June 9 -- Monterrey, Nuevo León", "June 12 -- Chicago, Illinois", "June 15 -- El Paso, Texas"]
    intro = "The delegation announced the following stops on its tour of border and industrial cities:"
    cleaned = clean_capture(joined(P1, P2, intro, *items, "Follow us on Twitter"))
    assert cleaned.text == joined(P1, P2, intro, *items)


def test_text_without_boilerplate_comes_through_whole() -> None:
    text = joined(P1, P2, "A subheading", P3, "That is all.")
    cleaned = clean_capture(text)
    assert cleaned.text == text and cleaned.removed == [] and cleaned.title is None


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    words = (P1 + " " + P2).split()
    wrapped = "\n".join(" ".join(words[i : i + 9]) for i in range(0, len(words), 9))
    cleaned = clean_capture(wrapped + "\n\n" + wrapped)
    assert cleaned.text.split("\n\n")[0] == P1 + " " + P2


def test_one_paragraph_per_line_without_blank_lines_is_not_joined() -> None:
    capture = "\n".join(["Border deal reshapes the agenda", "Jane Roe", "March 19, 2021", *BODY])
    cleaned = clean_capture(capture)
    assert cleaned.text == joined(*BODY) and cleaned.title == "Border deal reshapes the agenda"


def test_a_short_sentence_opening_with_by_is_body_not_byline() -> None:
    text = joined(P1, "By Tuesday, Mexico had agreed.", P2, P3)
    assert clean_capture(text).text == text


@pytest.mark.parametrize(
    ("byline", "authors"),
    [("Jane Roe, Example Daily", ["Jane Roe"]), ("March 19, 2021 | Jane Roe", ["Jane Roe"]),
     ("By Jane Roe and Ana Ruiz", ["Jane Roe", "Ana Ruiz"]), ("By Staff Reports", [])],
)  # fmt: skip
def test_authors_from_byline_forms(byline: str, authors: list[str]) -> None:
    cleaned = clean_capture(joined("Border deal reshapes the agenda", byline, "March 19, 2021", *BODY))
    assert cleaned.authors == authors and cleaned.text == joined(*BODY)


def test_a_line_running_on_from_an_unfinished_one_is_joined() -> None:
    capture = f"{P1}\n\nThe minister said the talks were productive,\nbut the deadline stays in place for now.\n\n{P2}"
    cleaned = clean_capture(capture)
    assert "The minister said the talks were productive, but the deadline stays in place for now." in cleaned.text


def test_comment_prompts_and_about_blocks_end_the_article() -> None:
    cleaned = clean_capture(joined(P1, P2, P3, "About this publication", "Be the first to comment", "Leave a Reply"))
    assert cleaned.text == joined(P1, P2, P3)


def test_title_ending_in_a_question_mark() -> None:
    cleaned = clean_capture(joined("Is the border deal working at all?", P1, P2, P3))
    assert cleaned.title == "Is the border deal working at all?"
    assert cleaned.text == joined(P1, P2, P3)


def test_only_a_credit_dates_the_piece() -> None:
    cleaned = clean_capture(joined("A headline", P1, P2, "Originally published on May 3, 2020 in Somewhere"))
    assert cleaned.published == "2020-05-03"


def test_no_date_and_no_author_when_none_is_stated() -> None:
    cleaned = clean_capture(joined("A headline for the piece", P1, P2, "The 2018 compact was signed by 164 states."))
    assert cleaned.published is None and cleaned.authors == []


def test_short_capture_without_prose_keeps_what_is_not_furniture() -> None:
    cleaned = clean_capture("Facebook Twitter Share\n\nBorder talks resume today\n\nSubscribe")
    assert cleaned.text == "Border talks resume today"


def test_empty_capture() -> None:
    cleaned = clean_capture("")
    assert cleaned.text == "" and cleaned.title is None and cleaned.removed == []
    assert clean_capture("  \n\n \n").text == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [("April 24, 2021", "2021-04-24"), ("24 April 2021", "2021-04-24"), ("2021-04-24", "2021-04-24"),
     ("Sept. 3, 2020", "2020-09-03"), ("February 30, 2021", None), ("no date here", None),
     ("November 20th, 2019", "2019-11-20"), ("11/20/19 6:38 AM", "2019-11-20"), ("25/12/2020", "2020-12-25"),
     ("2019-11-18T23:30:00Z", "2019-11-18"), ("19 NOV 2019", "2019-11-19"), ("version 1.2.3", None)],
)  # fmt: skip
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("line", "is_date"),
    [("April 24, 2021", True), ("Global Research, January 28, 2021", True),
     ("PUBLISHED: 10:48, Tue, Nov 19, 2019", True), ("Updated on: November 19, 2019 / 10:07 AM", True),
     ("Posted on March 30, 2015 by Admin", True),
     ("On April 24, 2021 the two presidents met in Washington to discuss the border.", False),
     ("The talks resumed in Mexico City on April 24, 2021.", False)],
)  # fmt: skip
def test_date_line(line: str, is_date: bool) -> None:
    assert (date_line(line) is not None) == is_date


def test_byline_names_and_outlet() -> None:
    assert byline_names("By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER") == (
        ["Lisa Mascaro", "Mary Clare Jalonick", "Eric Tucker"],
        None,
    )
    assert byline_names("By Andy Sahadeo | Fox News") == (["Andy Sahadeo"], "Fox News")
    assert byline_names("By Sandee LaMotte, CNN")[0] == ["Sandee LaMotte"]
    assert is_name("María de la Luz Pérez") and not is_name("Staff Reports") and not is_name("The end.")


def seed_documents() -> list[tuple[dict[str, Any], list[str]]]:
    gold = yaml.safe_load(eval_path("seeds_dev_gold.yaml").read_text(encoding="utf-8"))
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
        first, last = document["body_lines"]
        skip = set(document.get("boilerplate_lines", [])) | set(document.get("either_lines", []))
        for number in range(first, last + 1):
            line = lines[number - 1].strip()
            if line and number not in skip:
                total += len(line)
                kept += len(line) * (line in paragraphs)
        for number in document.get("boilerplate_lines", []):
            assert lines[number - 1].strip() not in paragraphs, (document["file"], number)
        assert cleaned.title == document["title"], document["file"]
        assert cleaned.authors == document["authors"], document["file"]
        assert cleaned.published == document["published"], document["file"]
    assert kept / total >= 0.98


def test_a_site_name_alone_on_the_first_line_is_the_outlet() -> None:
    from bilateral.clean.capture_meta import masthead

    assert masthead("AMERICAN VANTAGE") == "American Vantage"
    assert masthead("Pacific Crossroads Daily") == "Pacific Crossroads Daily"
    assert masthead("BAVISPE, Mexico (Meridian Press Agency) — Gunmen killed three women") is None
    assert masthead("international analysis and commentary") is None
    assert masthead("Posted on 12 May 2021") is None


# Metadata kinds: each capture is written here, with made-up outlets, people and places.
@pytest.mark.parametrize(
    ("opening", "published", "place"),
    [
        ("NAIROBI, 14 February 2022 — ", "2022-02-14", "NAIROBI"),
        ("LIMA, Peru, March 3, 2021 (Andes Wire) - ", "2021-03-03", "LIMA"),
        ("date 2020-06-30 ", "2020-06-30", None),
        ("Published: 4 May 2021 ", "2021-05-04", None),
    ],
)
def test_a_date_opening_the_text_dates_it_and_a_dateline_place_leaves_the_body(
    opening: str, published: str, place: str | None
) -> None:
    cleaned = clean_capture(joined("Border talks resume after long pause", opening + P1, P2, P3, P4))
    assert cleaned.published == published
    assert cleaned.text.startswith(P1)
    assert place is None or place not in cleaned.text


@pytest.mark.parametrize(
    ("line", "iso"),
    [("Updated: Mar 9,2021 08:15 AM   Andes Wire", "2021-03-09"), ("Posted on : 2020-11-02 09:40 KST", "2020-11-02")],
)
def test_date_lines_with_tight_commas_and_asian_time_zones(line: str, iso: str) -> None:
    parsed = date_line(line)
    assert parsed is not None and parsed.iso == iso


@pytest.mark.parametrize(
    "headline",
    [
        "S. Korea and Chile agree to hold vice-ministerial talks over fishing quotas in May",
        "Finance minister arrives in Seoul for trade talks",
        "U.S. Envoy Says Talks With Hanoi Will Resume; Ministers to Meet in March",
        "(LEAD) N. Korea fires missile as envoys meet in Beijing",
    ],
)
def test_headlines_with_initials_or_a_caption_verb_are_titles(headline: str) -> None:
    assert clean_capture(joined("Skip to main content", headline, P1, P2, P3, P4)).title == headline


@pytest.mark.parametrize(
    "furniture",
    [
        "Industry type: Shipbuilding",
        "Location: Chile",
        "  • Video report by Regional Correspondent Ana Ruiz in Quito",
        "Gift this article",
        "Share full article",
        "Download the Harbour Times app",
        "Leaders shake hands before their meeting in Osaka. (Reuters)",
    ],
)
def test_furniture_between_headline_and_body_is_neither_title_nor_body(furniture: str) -> None:
    headline = "Border talks resume after long pause"
    cleaned = clean_capture(joined(headline, furniture, P1, P2, P3, P4))
    assert cleaned.title == headline
    assert furniture.strip() not in cleaned.text


def test_markdown_level_one_heading_is_the_title() -> None:
    cleaned = clean_capture(joined("# Port deal signed in Valparaíso", P1, "## What comes next", P2, P3, P4))
    assert cleaned.title == "Port deal signed in Valparaíso"
    assert "What comes next" in cleaned.text and "#" not in cleaned.text


def test_site_name_after_a_bar_in_the_headline_is_the_outlet() -> None:
    cleaned = clean_capture(joined("Port deal signed in Valparaíso | THE HARBOUR TIMES", P1, P2, P3, P4))
    assert (cleaned.title, cleaned.outlet) == ("Port deal signed in Valparaíso", "The Harbour Times")


@pytest.mark.parametrize(
    ("written", "usual"),
    [
        ("THE MERIDIAN HERALD", "The Meridian Herald"),
        ("BBC NEWS", "BBC News"),
        ("NEWS OF THE WORLD", "News of the World"),
        ("The Andes Post", "The Andes Post"),
    ],
)
def test_masthead_casing(written: str, usual: str) -> None:
    from bilateral.clean.capture_meta import outlet_case

    assert outlet_case(written) == usual


def test_headline_above_its_standfirst_is_the_title() -> None:
    headline = "Lima recalls envoy over fishing dispute"
    standfirst = "Foreign ministry demands an apology from the coast guard, as talks on quotas stall again"
    cleaned = clean_capture(joined("Icon Facebook Icon Mail", "World", headline, standfirst, P1, P2, P3, P4))
    assert cleaned.title == headline


def test_a_bulleted_point_under_the_headline_is_not_the_title() -> None:
    cleaned = clean_capture(
        joined("Port deal signed in Valparaíso", "■ Says the new berths will double exports", P1, P2, P3, P4)
    )
    assert cleaned.title == "Port deal signed in Valparaíso"
    assert clean_capture(joined("■ Says the new berths will double exports", P1, P2, P3, P4)).title is None


def test_a_last_paragraph_cut_off_mid_sentence_is_kept() -> None:
    cut = "To reach that goal, the ministry has committed to buying more grain every year over the next"
    cleaned = clean_capture(joined("Border talks resume after long pause", P1, P2, P3, P4, cut))
    assert cleaned.text.endswith(cut)


def test_a_month_label_and_a_credited_caption_are_neither_date_nor_title() -> None:
    caption = "The foreign minister at the palace with the visiting envoy PHOTO: HARBOUR TIMES"
    cleaned = clean_capture(joined("date 2021-10 " + caption, P1, P2, P3, P4))
    assert cleaned.title is None and cleaned.published is None
    assert cleaned.text.startswith(P1)
