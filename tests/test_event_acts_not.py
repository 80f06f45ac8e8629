"""Remarks, rules, demands and announcements that are no acts of the kind their words name (issue 12, judged
precision, fourth round): cooperation put in question is a threat to end it, a demanded act is the demand's, an
official's vow to protest is a complaint with no restriction threatened, denying a claim rejects nothing, a
contrast ("to tourists, not to traders") negates no act, a rule's exemptions grant nothing, a law described by what
it does is no act, talks announced have not happened and an aim is not an accord. Every sentence is written for
these tests and varies names, countries and wording; each kind has a twin whose act is reported and must still be
found with its type.
"""

from __future__ import annotations

import pytest

from bilateral.annotate import Knowledge
from bilateral.extract.events import EventPatterns
from tests.conftest import Extract, events_reader, evidence_is_its_text, no_self_loop, occurred, of_type


@pytest.fixture(scope="module")
def events_in(patterns: EventPatterns, knowledge: Knowledge) -> Extract:
    return events_reader(knowledge, patterns, "2024-02-06", evidence_is_its_text, no_self_loop)


# --- cooperation put in question is a warning that it may end -------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Lima said on Tuesday that it might reconsider extending its fisheries accord with Quito.", "PER", "ECU"),
        ("Ankara will review its participation in the talks with Athens if the drilling goes on.", "TUR", "GRC"),
        ("Oslo signalled it might rethink extending the energy partnership with Warsaw.", "NOR", "POL"),
    ],
)
def test_cooperation_reconsidered_is_a_threat_to_end_it(
    events_in: Extract, text: str, source: str, target: str
) -> None:
    events = events_in(text)
    assert not of_type(events, "AGREE", "CONSULT", "COOPERATE")
    threats = [e for e in of_type(events, "THREATEN") if e.mode == "relations" and e.status == "threatened"]
    assert threats and threats[0].source_countries == [source] and target in threats[0].target_countries


@pytest.mark.model
def test_cooperation_announced_is_still_an_accord(events_in: Extract) -> None:
    events = events_in("On Tuesday Lima said that it would renew its fisheries accord with Quito.")
    assert of_type(events, "AGREE") and not of_type(events, "THREATEN")


@pytest.mark.model
def test_a_concession_reconsidered_is_no_threat(events_in: Extract) -> None:
    events = events_in("Seoul said it would reconsider lifting the duties on Vietnamese shrimp.")
    assert not of_type(events, "THREATEN")
    assert not [e for e in events if e.status == "promised"]


# --- the act a request asks for is the request's content -------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "target", "content"),
    [
        ("The agency quoted Mora as calling the raid unlawful and demanded that Bogota withdraw the warrant.", None,
         "COL", "RETREAT"),
        ("Hanoi urged Manila to release the two fishermen it seized last week.", "VNM", "PHL", "RETREAT"),
        ("Nairobi said Kampala must lift its ban on Kenyan milk.", "KEN", "UGA", "CONCEDE"),
        ("Ankara suggested that Athens drop the charges against the crew.", "TUR", "GRC", "CONCEDE"),
    ],
)  # fmt: skip
def test_the_act_a_request_asks_for_is_no_act_of_who_is_asked(
    events_in: Extract, text: str, source: str | None, target: str, content: str
) -> None:
    events = events_in(text)
    asked = of_type(events, "REQUEST")
    assert asked and target in asked[0].target_countries
    if source is not None:
        assert asked[0].source_countries == [source]
    assert not [e for e in of_type(events, content) if target in e.source_countries]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("Manila released the two fishermen after Hanoi urged it to.", "PHL", "RETREAT"),
        ("Kampala pledged to lift its ban on Kenyan milk.", "UGA", "CONCEDE"),
        ("Kenya pressed Kampala into lifting the ban on its milk.", "UGA", "CONCEDE"),
    ],
)
def test_an_act_done_or_promised_after_a_request_is_still_coded(
    events_in: Extract, text: str, source: str, content: str
) -> None:
    assert [e for e in of_type(events_in(text), content) if e.source_countries == [source]]


# --- an official's vow to protest is a complaint, no threat -----------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        '"We reject these claims and we shall protest firmly to the Lao government," Thai Foreign Minister'
        " Anan Wong said.",
        "The foreign ministry said Hanoi would protest against Beijing over the drilling.",
    ],
)
def test_a_vow_to_protest_by_a_government_is_a_complaint_not_a_threat(events_in: Extract, text: str) -> None:
    events = events_in(text)
    assert not of_type(events, "THREATEN", "PROTEST")
    complaints = [e for e in of_type(events, "ACCUSE") if e.mode == "disapprove" and e.target_countries]
    assert complaints and complaints[0].status == "promised"


@pytest.mark.model
def test_a_protest_lodged_is_still_a_complaint_and_a_crowd_still_protests(events_in: Extract) -> None:
    lodged = of_type(events_in("Hanoi protested strongly to Beijing over the drilling."), "ACCUSE")
    assert [(e.mode, e.status) for e in lodged] == [("disapprove", "occurred")]
    assert of_type(events_in("Thousands of farmers protested in Lima against the new duties."), "PROTEST")


# --- denying a claim rejects nothing ----------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Both ministries denied any quid pro quo, but the timing raised eyebrows.",
        "Kigali denied any involvement in the ambush.",
        "The embassy denied the reports that it had paid the kidnappers.",
        "Minsk flatly denied the allegations.",
    ],
)
def test_denying_a_claim_is_no_rejection(events_in: Extract, text: str) -> None:
    assert not of_type(events_in(text), "REJECT", "SANCTION")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Warsaw denied the request for extradition.", "REJECT"),
        ("Athens denied permission for the flight.", "REJECT"),
        ("Oslo denied visas to the Russian delegation.", "SANCTION"),
    ],
)
def test_denying_a_request_or_a_permission_still_refuses(events_in: Extract, text: str, kind: str) -> None:
    assert occurred(events_in(text), kind)


# --- a contrast negates a phrase, not the act -------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('"Quito closed the bridge to traders, not to hunger," said a pastor who runs a clinic in Tulcan.', "COERCE"),
        ('"Lima closed the frontier to visitors, not to misery," said a nun who runs a soup kitchen in Tacna.',
         "COERCE"),
        ("Rabat imposed the new duties on Spanish steel, not on grain.", "SANCTION"),
    ],
)  # fmt: skip
def test_a_contrast_after_the_verb_does_not_deny_the_act(events_in: Extract, text: str, kind: str) -> None:
    assert occurred(events_in(text), kind)
    assert not [e for e in events_in(text) if e.status == "denied"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Rabat did not impose duties on Spanish steel.",
        "Rabat has never imposed duties on Spanish steel.",
    ],
)
def test_a_negation_before_the_verb_still_denies_it(events_in: Extract, text: str) -> None:
    assert [e.status for e in of_type(events_in(text), "SANCTION")] == ["denied"]


# --- a rule's exemptions kept grant nothing -------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Chilean officials said students and truck drivers would still be allowed through.",
        "Quito will continue to let cargo trucks cross the bridge.",
    ],
)
def test_what_is_still_allowed_is_no_concession(events_in: Extract, text: str) -> None:
    assert not of_type(events_in(text), "CONCEDE", "AGREE")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Chilean officials said students and truck drivers would be allowed through from Monday.",
        "Quito will let cargo trucks cross the bridge again.",
    ],
)
def test_what_is_newly_allowed_is_a_concession(events_in: Extract, text: str) -> None:
    assert of_type(events_in(text), "CONCEDE")


# --- a plural event noun the tagger took for a verb ----------------------------------------------------------


@pytest.mark.model
def test_talks_announced_in_a_clause_whose_noun_looks_like_a_verb_have_not_happened(events_in: Extract) -> None:
    text = (
        "Ruto wrote shortly afterwards that the levies on Kenyan tea would be dropped, and talks on a second accord"
        " would begin at once."
    )
    talks = of_type(events_in(text), "CONSULT")
    assert talks and all(e.status != "occurred" for e in talks)


@pytest.mark.model
def test_talks_that_began_are_held(events_in: Extract) -> None:
    assert occurred(events_in("Talks on the fisheries accord began in Lima on Monday."), "CONSULT")


# --- a text described by what it does is no act ---------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Second, the March decree restricting foreign charities and the dropped case against a former army chief"
        " have left Dutch prosecutors wary.",
        "The decree, which restricts foreign charities, took effect on Monday.",
    ],
)
def test_a_text_described_by_what_it_does_is_no_act(events_in: Extract, text: str) -> None:
    assert not of_type(events_in(text), "COERCE", "SANCTION")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "In March, the Dutch parliament passed a decree restricting foreign charities.",
        "Nairobi unveiled a decree that restricts imports of Ugandan sugar.",
    ],
)
def test_a_text_made_in_the_sentence_reports_its_act(events_in: Extract, text: str) -> None:
    assert occurred(events_in(text), "COERCE", "SANCTION")


# --- an aim is not an accord; a role removed is no sanction -------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        '"The premier has focused on concluding a first-stage accord that brings real change," Kenyan Trade'
        " Secretary Ann Mwangi said in a statement.",
        "Delhi is working toward signing a trade deal with Dhaka.",
    ],
)
def test_an_accord_worked_toward_is_not_concluded(events_in: Extract, text: str) -> None:
    accords = of_type(events_in(text), "AGREE", "SUPPORT")
    assert accords and all(e.status == "proposed" for e in accords)


@pytest.mark.model
def test_an_accord_concluded_is_agreed(events_in: Extract) -> None:
    assert occurred(events_in("Delhi and Dhaka concluded a first-stage trade accord on Friday."), "AGREE")


@pytest.mark.model
def test_removing_a_role_is_no_sanction_but_removing_an_envoy_is(events_in: Extract) -> None:
    assert not of_type(events_in("The new rule did not remove Guatemala's role as the main transit route."), "SANCTION")
    assert occurred(events_in("Quito removed the Peruvian ambassador."), "SANCTION")


# --- "the only way is for X to …", reported, asks X ---------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Peruvian President Ana Ruiz said Peru does not want a spiral of reprisals, adding the only way to end it is"
        " for Ecuador to lift the new duties as soon as possible.",
        "The only solution is for Ecuador to lift the duties, the Peruvian minister said.",
    ],
)
def test_the_only_way_for_another_to_act_is_a_request_of_it(events_in: Extract, text: str) -> None:
    events = events_in(text)
    assert [(e.source_countries, e.target_countries) for e in of_type(events, "REQUEST")] == [(["PER"], ["ECU"])]
    assert not of_type(events, "CONCEDE")


@pytest.mark.model
def test_an_act_reported_by_a_minister_is_still_the_act(events_in: Extract) -> None:
    events = events_in("Ecuador lifted the duties last week, the Peruvian minister said.")
    assert occurred(events, "CONCEDE") and not of_type(events, "REQUEST")


# --- what a request asks for gives its mode -----------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Hanoi urged Manila to release the two fishermen.", "yield"),
        ("Nairobi said Kampala must lift its ban on Kenyan milk.", "yield"),
        ("Seoul called on Tokyo to hold talks on the dispute.", "meet"),
        ("Lima asked Quito for emergency aid.", "assist"),
        ("Ottawa urged Delhi to impose sanctions on Colombo.", None),
        ("Athens bluntly demanded that its EU partners refuse to recognise the new republic.", None),
        ("Seoul demanded that Tokyo hurry to lift the new export curbs.", "yield"),
        ("Seoul stressed that Tokyo should retract the unfair export curbs.", "yield"),
        ("Washington urged Bogota to accept the offer of help.", None),
        ("Hanoi called for a quick rethink of the new rice quotas at a summit in Vientiane.", None),
    ],
)
def test_what_a_request_asks_for_gives_its_mode(events_in: Extract, text: str, mode: str | None) -> None:
    assert [e.mode for e in of_type(events_in(text), "REQUEST")] == [mode]


@pytest.mark.model
def test_a_word_in_a_list_of_things_is_no_act(events_in: Extract) -> None:
    text = (
        "The three chemicals are ammonia, which is used to etch chips; polyimide, used in screens; and resist, a"
        " coating."
    )
    assert not of_type(events_in(text), "REJECT")


@pytest.mark.model
def test_what_pressure_brought_about_happened(events_in: Extract) -> None:
    events = events_in("Last year Nairobi pressed Kampala into dropping the charges against the two Kenyan traders.")
    assert [e.source_countries for e in occurred(events, "CONCEDE")] == [["UGA"]]
