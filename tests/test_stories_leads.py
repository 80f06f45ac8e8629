"""Stories from the leads of news reports: one happening told twice joins without a shared rare name, two
happenings of the same parties weeks apart stay apart, and a report with no date never bridges them."""

from __future__ import annotations

from pathlib import Path

from bilateral.compare.similarity import Weights, content_words, cosine, phrases, terms
from bilateral.compare.stories import EVENT_LINK, LEAD_DOCUMENTS, Item, find_stories, lead_terms, thread_names
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


# --- what ties two reports together, and what does not (sentences written for these tests) ---------------------

BRA_ARG = {"source_countries": ("BRA",), "target_countries": ("ARG",)}


def _events(texts: dict[str, list[tuple[str, str]]], weights: Weights, **fields: object) -> list[Item]:
    """One event per sentence (type, sentence), in the order of the document: the first two are its leads."""
    return [
        item("event", f"{d}:e{k}", d, text, weights, type=kind, start=100 * k, **fields)
        for d, sentences in texts.items()
        for k, (kind, text) in enumerate(sentences)
    ]


def _stories(texts: dict[str, list[tuple[str, str]]], **fields: object) -> set[tuple[str, ...]]:
    weights = corpus({d: [text for _, text in sentences] for d, sentences in texts.items()})
    return {tuple(s.documents) for s in find_stories(_events(texts, weights, **fields), weights)}


EXPORT_DUTIES = ("SANCTION", "Brazil raised export duties on farm inputs sold to Argentina, the trade office said.")
GROWERS = ("PROTEST", "Argentine growers complained that their costs would climb again this season.")
PELLETS = ("SANCTION", "The new duties cover potash granules and urea pellets shipped south by rail.")
IMPORTERS = ("SANCTION", "Importers in Argentina buy most of their urea pellets and potash granules abroad.")
ONE_PHRASE = ("SANCTION", "Importers in Argentina buy most of their potash granules from abroad.")
FILLER = ("CONSULT", "Farm groups in Argentina met the agriculture minister on the matter.")
OTHER_FILLER = ("CONSULT", "Customs staff held talks with hauliers at the river port.")


def test_two_reports_writing_two_rare_phrases_alike_join_when_one_leads_with_them() -> None:
    # neither lead shares a rare word with the other report; the things the duties are on are the thread
    found = _stories({"r": [EXPORT_DUTIES, PELLETS], "s": [GROWERS, FILLER, IMPORTERS]}, **BRA_ARG)
    assert found == {("r", "s")}


def test_one_rare_phrase_alone_or_two_passing_mentions_tie_no_reports() -> None:
    assert _stories({"r": [EXPORT_DUTIES, PELLETS], "s": [GROWERS, FILLER, ONE_PHRASE]}, **BRA_ARG) == set()
    # both reports name the goods only further down: what they lead with may be two happenings
    later = {"r": [EXPORT_DUTIES, OTHER_FILLER, PELLETS], "s": [GROWERS, FILLER, IMPORTERS]}
    assert _stories(later, **BRA_ARG) == set()


ENVOY = "Envoy Ilse Varga flew to Montevideo on Monday to open the river talks."
ENVOY_OTHER = "The river talks opened after Envoy Ilse Varga arrived on Monday, officials said."
LATER_SENTENCE = "On her way home Envoy Ilse Varga also spoke with reporters about the weather."


def test_a_rare_name_ties_what_a_report_leads_with_but_not_two_passing_mentions() -> None:
    lead = {"a": [("CONSULT", ENVOY)], "b": [("CONSULT", ENVOY_OTHER)]}
    assert _stories(lead) == {("a", "b")}
    passing = {
        "a": [("AGREE", EXPORT_DUTIES[1]), ("PROTEST", GROWERS[1]), ("CONSULT", ENVOY)],
        "b": [("CONSULT", FILLER[1]), ("REQUEST", PELLETS[1]), ("CONSULT", LATER_SENTENCE)],
    }
    assert _stories(passing) == set()


def test_a_leaders_title_and_name_a_generic_agent_and_a_countrys_body_are_no_threads() -> None:
    # the leader is named across most reports; "President Rosa Okafor" is written so in only two of them
    places = {"c": "Lira", "d": "Gulu", "e": "Mbale", "f": "Soroti", "g": "Arua"}
    texts = {d: [f"Rosa Okafor spoke about the harvest in {place} this week."] for d, place in places.items()}
    texts["a"] = ["Late on Monday, President Rosa Okafor signed a fisheries accord with the islands."]
    texts["b"] = ["A port levy was approved by President Rosa Okafor on Monday, the cabinet said."]
    weights = corpus(texts)
    thread = thread_names(weights, countries=["brazil"], generic={"investor", "cabinet"})
    assert weights.held_by("presidentrosaokafor") == 2 and weights.held_by("okafor") == 7
    assert not thread("presidentrosaokafor", "President Rosa Okafor")  # the last word is everywhere
    assert not thread("cabinet", "Cabinet") and not thread("investor", "Investors")
    assert not thread("@BRA-GOV", "Brazil (government)")  # a country's body says who, not which happening
    assert thread("ilsevarga", "Ilse Varga") or weights.held_by("ilsevarga") == 0  # unseen names stay rare
    dates = {"a": "2023-05-08", "b": "2023-06-02"}
    events = [item("event", f"{d}:e1", d, texts[d][0], weights, type="AGREE", date=dates[d]) for d in dates]
    assert find_stories(events, weights) == []  # two happenings of one leader, weeks apart, stay apart


BORDER = "Argentina shut the border to Brazilian trucks on Tuesday, officials said."
BORDER_OTHER = "Officials said trucks from Brazil were stopped at the shut border by Argentina."
AIRLINE = "An airline from Brazil was fined over late flights this week."
# the dispute's own words, in most documents: no thread, whatever two leads share of them
DISPUTE = [
    "Trucks queued for days at the shut border between Argentina and Brazil.",
    "Argentina says the border will stay shut to trucks until the row ends.",
    "Drivers of trucks stuck at the shut border asked Argentina for water.",
]


def _reports(second: str, date: str, **fields: object) -> set[tuple[str, ...]]:
    texts = {"u": [BORDER], "v": [second], **{f"x{k}": [text] for k, text in enumerate(DISPUTE)}}
    weights = corpus(texts)
    dates = {"u": "2024-02-06", "v": date}
    parties: dict[str, object] = {"source_countries": ("ARG",), "target_countries": ("BRA",), "mode": "restrict"}
    own = {"u": parties, "v": parties | fields}  # `fields` change the second report's event only
    events = [
        item("event", f"{d}:e1", d, texts[d][0], weights, type="COERCE", date=dates[d], **own[d]) for d in ("u", "v")
    ]
    return {tuple(s.documents) for s in find_stories(events, weights)}


def test_two_leads_reporting_the_same_event_within_days_join_without_a_rare_word() -> None:
    weights = corpus({"u": [BORDER], "v": [BORDER_OTHER], **{f"x{k}": [text] for k, text in enumerate(DISPUTE)}})
    few = lead_terms(weights)
    assert not {t for t in terms(BORDER) if few(t)} & {t for t in terms(BORDER_OTHER) if few(t)}
    assert _reports(BORDER_OTHER, "2024-02-07") == {("u", "v")}


def test_the_same_kind_of_event_days_apart_on_other_countries_or_in_other_words_stays_apart() -> None:
    assert _reports(BORDER_OTHER, "2024-02-10") == set()  # four days later: another happening
    assert _reports(BORDER_OTHER, "2024-02-07", target_countries=("URY",)) == set()  # on another country
    assert _reports(BORDER_OTHER, "2024-02-07", mode=None) == set()  # another kind of coercion
    weights = corpus({"u": [BORDER], "w": [AIRLINE], **{f"x{k}": [text] for k, text in enumerate(DISPUTE)}})
    assert cosine(weights.vector(terms(BORDER)), weights.vector(terms(AIRLINE))) < EVENT_LINK
    assert _reports(AIRLINE, "2024-02-06") == set()  # the same day, countries and type: another happening


def test_a_states_bodies_and_groups_are_never_threads_but_a_person_is(tmp_path: Path) -> None:
    from bilateral.model import Actor, Analysis, Event, Mention
    from bilateral.store.analysis import save_analysis
    from bilateral.store.corpus import load_items
    from bilateral.store.db import connect
    from bilateral.store.documents import save_article
    from tests.conftest import make_article
    from tests.test_stories import BACKGROUND

    # the reports name a ministry of Ghana (an office of the state), traders (a group) and a trader by name
    ministry = Actor("gha-trade-ministry", "Ghanaian Ministry of Trade", "organization", "GHA", "GOV", ["Trade Office"])
    traders = Actor("trader", "Trader", "group", None, "BUS")
    person = Actor("kojo-asante", "Kojo Asante", "person", "GHA", "BUS")
    outlet = Actor("med-gulf-courier", "Gulf Courier", "organization", "GHA", "MED", ["Courier"])
    reports = {
        "a": "On Monday the Trade Office of Ghana fined Kojo Asante, whose traders sell cement, Gulf Courier said.",
        "b": "Cement sold by traders of Kojo Asante drew a fine from the Trade Office in Accra.",
        "c": "Togo opened a new port in the east, officials said.",
    }
    db = connect(tmp_path / "store.db")
    for document, sentence in reports.items():
        save_article(db, make_article(sentence + " " + " ".join(BACKGROUND), id=document, published="2023-02-01"))
        mentions = [
            Mention(actor.id, written, at, at + len(written))
            for actor, written in (
                (ministry, "Trade Office"),
                (traders, "traders"),
                (person, "Kojo Asante"),
                (outlet, "Gulf Courier"),
            )
            if (at := sentence.find(written)) >= 0
        ]
        actors = {actor.id: actor for actor in (ministry, traders, person, outlet)} if document in "ab" else {}
        event = Event("SANCTION", [], [], sentence, 0, len(sentence), source_countries=["GHA"], date="2023-02")
        analysis = Analysis(document, sentences=[(0, len(sentence))], actors=actors, mentions=mentions, events=[event])
        save_analysis(db, analysis, knowledge="k1")
    items, _ = load_items(db)
    names = {name for item in items for name in item.names.values()}
    assert "Kojo Asante" in names
    assert not names & {"Ghanaian Ministry of Trade", "Trade Office", "Office", "Trader", "Gulf Courier", "Courier"}
    assert all("@gha-trade-ministry" in item.terms for item in items if item.document in "ab")  # still a term


def test_phrases_are_two_content_words_written_next_to_each_other() -> None:
    found = phrases("Exports of cobalt hydroxide, lithium carbonate and a new kind of steel cable resumed.")
    assert {"cobalt hydroxide", "lithium carbonate", "steel cable"} <= found
    assert "hydroxide lithium" not in found  # a comma parts them
    assert "kind steel" not in found  # so does a stop word
    assert content_words("Ghanaian ministries of Trade") == ["ghanaian", "ministry", "trade"]


FREED = "Late on Tuesday, a court freed Admiral Ferreyra after the charges were withdrawn."
FREED_OTHER = "His lawyers said Ferreyra walked out of the naval prison a free man on Tuesday."


def test_a_name_many_documents_hold_ties_two_reports_only_within_days() -> None:
    # the admiral is named in four documents of ten (two of them no reports of this happening): a theme of the
    # corpus, not a thread by itself; the second report names him only further down
    texts = {
        "a": [FREED],
        "b": ["Navy chiefs met in the capital.", "The budget vote was delayed again.", FREED_OTHER],
        "c": ["Ferreyra was detained in February at an airport, officials said."],
        "d": ["Analysts said Ferreyra kept his influence over the fleet."],
    }
    weights = corpus(texts)
    assert LEAD_DOCUMENTS * weights.documents < weights.held_by("ferreyra") <= weights.documents / 2

    def found(date: str | None) -> set[tuple[str, ...]]:
        events = [
            item("event", "a:e0", "a", FREED, weights, type="RETREAT", date="2023-03-07"),
            item("event", "b:e0", "b", texts["b"][0], weights, type="CONSULT", date=date),
            item("event", "b:e1", "b", texts["b"][1], weights, type="REJECT", date=date, start=100),
            item("event", "b:e2", "b", FREED_OTHER, weights, type="RETREAT", date=date, start=200),
        ]
        return {tuple(story.documents) for story in find_stories(events, weights)}

    assert found("2023-03-07") == {("a", "b")}
    assert found("2023-04-20") == set()  # six weeks later: another happening of the admiral's
    assert found(None) == set()  # an undated report cannot be placed within days


def test_two_leads_of_one_kind_of_event_naming_two_different_people_stay_apart() -> None:
    # the same day, countries and kind of act, but two detainees, each named by a later report too
    first = "Argentine police detained Ruben Okonjo of Brazil at the border."
    second = "Argentine police detained Marta Quiroga of Brazil at the border."
    texts = {
        "u": [first],
        "v": [second],
        "w": ["Lawyers for Ruben Okonjo asked for his release."],
        "x": ["The family of Marta Quiroga asked for consular help."],
        # the words of such detentions, in most documents
        **{f"y{k}": [f"Argentine police detained {who} of Brazil at the border."] for k, who in enumerate("ABCD")},
    }
    weights = corpus(texts)
    parties = {"source_countries": ("ARG",), "target_countries": ("BRA",), "mode": "restrict"}
    events = [
        item("event", f"{d}:e1", d, texts[d][0], weights, type="COERCE", date="2024-02-06", **parties)
        for d in ("u", "v")
    ]
    few = lead_terms(weights)
    assert not {t for t in events[0].terms if few(t)} & {t for t in events[1].terms if few(t)}
    assert cosine(events[0].terms, events[1].terms) >= EVENT_LINK  # worded alike: only the names tell them apart
    assert find_stories(events, weights) == []
