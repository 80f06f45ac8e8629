"""Stories from the leads of news reports: one happening told twice joins without a shared rare name, two
happenings of the same parties weeks apart stay apart, and a report with no date never bridges them."""

from __future__ import annotations

from bilateral.compare.similarity import Weights
from bilateral.compare.stories import Item, find_stories
from tests.test_stories import corpus, item

KENYA_UGANDA = {"source_countries": ("KEN",), "target_countries": ("UGA",)}

# one happening (a border reopened to trucks), told by a dated report and by one with no date; the words of the
# happening recur in many of their sentences, so none is rare among sentences, and the reports share no name
REOPEN_LEAD = "Kenya and Uganda agreed on Friday to reopen their border crossings to cargo trucks after a closure."
REOPEN_MORE = [
    "Cargo trucks had queued for weeks at the border crossings between Kenya and Uganda during the closure.",
    "Traders in Kenya and Uganda agreed the plan to reopen the crossings was overdue.",
    "Drivers of cargo trucks said they would reopen their routes across the border after the closure.",
]
REOPEN_OTHER = (
    "Uganda has agreed with Kenya to reopen the border crossings to cargo trucks after the closure, its ministry said."
)
REOPEN_OTHER_MORE = [
    "Kenya says cargo trucks will cross the border again once the crossings reopen after the closure.",
    "Uganda and Kenya agreed that after the closure the crossings reopen under the old rules.",
]
# another happening of the same two countries four weeks later, whose reports share words with the first one
ACCORD_LEAD = (
    "Kenya and Uganda agreed on Friday a customs accord on fees for cargo trucks, Uganda's ministry announced."
)
ACCORD_OTHER = "The customs accord Uganda agreed with Kenya cuts the fees cargo trucks pay at the border crossings."


def reports(accord_dates: tuple[str | None, str | None]) -> tuple[list[Item], Weights]:
    """The four reports' lead events (the accord's two dated `accord_dates`) and their corpus weights."""
    texts = {
        "a": [REOPEN_LEAD, *REOPEN_MORE],
        "b": [REOPEN_OTHER, *REOPEN_OTHER_MORE],
        "c": [ACCORD_LEAD],
        "d": [ACCORD_OTHER],
    }
    weights = corpus(texts)
    dates = {"a": "2023-03-10", "b": None, "c": accord_dates[0], "d": accord_dates[1]}
    events = [
        item("event", f"{d}:e1", d, texts[d][0], weights, date=dates[d], type="AGREE", **KENYA_UGANDA) for d in texts
    ]
    return events, weights


def test_two_reports_of_one_happening_join_by_their_leads_without_a_rare_name() -> None:
    events, weights = reports(("2023-04-07", "2023-04-08"))
    stories = {tuple(story.documents) for story in find_stories(events, weights)}
    assert ("a", "b") in stories


def test_two_happenings_of_the_same_parties_weeks_apart_stay_apart() -> None:
    events, weights = reports(("2023-04-07", "2023-04-08"))
    stories = {tuple(story.documents) for story in find_stories(events, weights)}
    assert stories == {("a", "b"), ("c", "d")}


def test_a_report_with_no_date_joins_one_happening_and_bridges_none() -> None:
    # the accord's first report has no date either: each undated report goes with the happening it reads closest
    # to, and the one dated accord report, weeks after the reopening, is never tied to it through them
    events, weights = reports((None, "2023-04-08"))
    stories = [set(story.documents) for story in find_stories(events, weights)]
    assert not any({"a", "d"} <= documents for documents in stories)
    assert any({"a", "b"} <= documents for documents in stories)


DUTIES = "Ghana imposed new duties on cement from Togo on Monday, the finance ministry said."
LEVIES = "Togolese cement makers face higher Ghanaian levies from this week, exporters complained."
UNDATED = "Ghana's new duties on Togolese cement will hurt its makers, exporters complained."


def test_a_report_with_no_date_bridges_reports_of_one_happening_days_apart_only() -> None:
    texts = {"e": [DUTIES], "f": [LEVIES], "g": [UNDATED]}
    weights = corpus(texts)
    parties = {"source_countries": ("GHA",), "target_countries": ("TGO",)}

    def found(levies_date: str) -> set[tuple[str, ...]]:
        dates = {"e": "2023-06-05", "f": levies_date, "g": None}
        events = [
            item("event", f"{d}:e1", d, texts[d][0], weights, date=dates[d], type="SANCTION", **parties) for d in texts
        ]
        return {tuple(story.documents) for story in find_stories(events, weights)}

    assert found("2023-06-09") == {("e", "f", "g")}  # four days apart: one happening, told three times
    # weeks apart: two happenings; the undated report goes only with the lead it reads closer to (the levies')
    assert found("2023-06-30") == {("f", "g")}
