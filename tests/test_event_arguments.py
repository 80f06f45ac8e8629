"""Who acts in an event (issue 12, arguments): kinds of phrase that name the source without a plain subject — a
time after "agreed on", a measure called off by its holder, an act announced by officials, "his country", "I"
in a quote, "the countries" — each tested with sentences written for these tests, varying names and countries.
A source is never made up: where the text names none, none is coded, and no actor acts on itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilateral.annotate import Knowledge, analyse
from bilateral.annotate.nlp import load_nlp
from bilateral.extract.events import EventPatterns
from tests.conftest import Extract, events_reader, evidence_is_its_text, no_self_loop, of_type


@pytest.fixture(scope="module")
def events_in(patterns: EventPatterns, knowledge: Knowledge) -> Extract:
    return events_reader(knowledge, patterns, "2020-05-06", evidence_is_its_text, no_self_loop)


@pytest.mark.parametrize(
    "text, countries",
    [
        ("Peru and Chile agreed on Friday to resume their talks on the border.", {"PER", "CHL"}),
        ("Kenya and Ethiopia agreed on 3 March to hold talks on the dam.", {"KEN", "ETH"}),
    ],
)
def test_a_date_after_agreed_on_is_no_party(events_in: Extract, text: str, countries: set[str]) -> None:
    talks = of_type(events_in(text), "CONSULT")
    assert talks and all(countries <= set(e.source_countries) for e in talks)


@pytest.mark.parametrize(
    "text, country",
    [
        ("Brazil halted the tariffs on Argentine wheat last week.", "BRA"),
        ("India halted the tariffs on Chinese steel in March.", "IND"),
    ],
)
def test_who_calls_off_a_measure_is_its_holder(events_in: Extract, text: str, country: str) -> None:
    measures = of_type(events_in(text), "SANCTION", "COERCE", "CONCEDE")  # halting a measure concedes (i12g)
    assert measures and all(e.source_countries[:1] == [country] for e in measures)


@pytest.mark.parametrize(
    "text, country",
    [
        ("Colombian officials said 2,000 soldiers would be sent to the border with Venezuela.", "COL"),
        ("Indian officials said more troops will be deployed along the frontier with China.", "IND"),
    ],
)
def test_an_announced_deployment_is_the_announcers(events_in: Extract, text: str, country: str) -> None:
    moves = of_type(events_in(text), "MOBILIZE")
    assert moves and moves[0].status != "occurred" and moves[0].source_countries[:1] == [country]


def test_a_deployment_reported_as_done_is_not_the_reporters(events_in: Extract) -> None:
    moves = of_type(events_in("Colombian officials said 2,000 soldiers were sent to the border last week."), "MOBILIZE")
    assert all(not e.source for e in moves)


@pytest.mark.parametrize(
    "text, country",
    [
        ("Peru's trade minister said his country would impose duties on Bolivian sugar.", "PER"),
        ("Ghana's foreign minister said her country would expel the Nigerian envoy.", "GHA"),
    ],
)
def test_his_country_is_the_speakers_state(events_in: Extract, text: str, country: str) -> None:
    events = [e for e in events_in(text) if e.type in {"SANCTION", "COERCE", "REJECT"}]
    assert events and all(e.source_countries[:1] == [country] and e.source for e in events)


@pytest.mark.parametrize(
    "text, person",
    [
        ("\u201cI will impose new tariffs on Canadian lumber,\u201d Donald Trump said.", "donald-trump"),
        ("\u201cI want to hold talks with Cuba soon,\u201d Joe Biden told reporters.", "joe-biden"),
    ],
)
def test_i_in_a_quote_is_its_speaker(events_in: Extract, text: str, person: str) -> None:
    events = [e for e in events_in(text) if e.type in {"SANCTION", "COERCE", "CONSULT", "THREATEN"}]
    assert events and all(person in e.source for e in events)


def test_i_without_a_speaker_is_nobody(events_in: Extract) -> None:
    text = "Chile and Peru met in Lima on Monday. \u201cI will impose new tariffs on Peruvian fish.\u201d"
    events = [e for e in events_in(text) if e.type in {"SANCTION", "COERCE", "THREATEN"}]
    assert events and all(not e.source for e in events)


def test_the_countries_are_two_not_the_last_one(events_in: Extract) -> None:
    text = (
        "Egypt and Sudan held a new round of talks on the Nile on Tuesday. "
        "The round ended when the countries could not settle their dispute."
    )
    failed = [e for e in of_type(events_in(text), "AGREE") if e.status == "denied"]
    assert failed and all(set(e.source_countries) in ({"EGY", "SDN"}, set()) for e in failed)


# --- dates: which anchor counts for a weekday, and a date's own clause ------------------------------------------


def test_a_weekday_after_a_caption_date_is_the_nearest_one(knowledge: Knowledge) -> None:
    text = (
        "Trade row deepens\n\nA container ship docks at the port of Valparaiso on March 4, 2020.\n\n"
        "Chile imposed new duties on Peruvian cement on Friday."
    )
    doc = load_nlp()(text)
    dates = analyse(doc, published=None, document="d", knowledge=knowledge).dates
    friday = [d for d in dates if d.text == "Friday"]
    assert friday and friday[0].value == "2020-03-06"  # the caption (a Wednesday) bounds the writing date from below


def test_a_weekday_after_a_dateline_date_is_the_one_before_it(knowledge: Knowledge) -> None:
    text = "QUITO, 4 March 2020 \u2014 Ecuador imposed new duties on Colombian rice on Friday."
    doc = load_nlp()(text)
    dates = analyse(doc, published=None, document="d", knowledge=knowledge).dates
    friday = [d for d in dates if d.text == "Friday"]
    assert friday and friday[0].value == "2020-02-28"  # the dateline is when it was written: the Friday before


@pytest.mark.parametrize(
    "text, value",
    [
        ("Seoul said Tokyo should return to the rules before March 3, when Japan tightened its export controls.",
         "2020-03"),
        ("Ankara wants to go back to the quotas of April 9, when Turkey lifted its duties on Greek fruit.", "2020-04"),
    ],
)  # fmt: skip
def test_a_date_with_its_own_past_clause_is_past(knowledge: Knowledge, text: str, value: str) -> None:
    doc = load_nlp()(text)
    dates = analyse(doc, published="2020-12-10", document="d", knowledge=knowledge).dates
    assert dates and dates[0].value.startswith(value)


@pytest.mark.parametrize(
    "text",
    [
        "\u201cI would say retreating from pledges already made,\u201d Joe Biden told reporters in Havana.",
        "\u201cI would say withdrawing from the deal they signed,\u201d Donald Trump said of Iran.",
    ],
)
def test_a_gerund_a_speaker_names_is_not_the_speakers_act(events_in: Extract, text: str) -> None:
    person = {"joe-biden", "donald-trump"}
    retreats = of_type(events_in(text), "RETREAT", "REJECT")  # withdrawing from a deal is rejecting it
    assert retreats and all(not person & set(e.source) for e in retreats)


@pytest.mark.parametrize(
    "text, countries",
    [
        ("Kenya's president is expected to travel to Addis Ababa next week for talks on the dam.", {"KEN"}),
        ("The Chilean minister was scheduled to meet Peruvian officials on Monday.", {"CHL"}),
    ],
)
def test_who_is_expected_or_scheduled_to_act_acts(events_in: Extract, text: str, countries: set[str]) -> None:
    talks = of_type(events_in(text), "CONSULT")
    assert talks and all(countries <= set(e.source_countries) for e in talks)


def test_parties_who_came_for_talks_are_their_parties(events_in: Extract) -> None:
    text = "The Argentine and Uruguayan presidents were in Montevideo for talks with the Paraguayan president."
    talks = of_type(events_in(text), "CONSULT")
    assert talks and all({"ARG", "URY", "PRY"} <= set(e.source_countries) for e in talks)


def test_they_met_is_the_last_two_parties(events_in: Extract) -> None:
    text = "Egypt accused Ethiopia of delaying the dam talks. They had been due to meet in Cairo on Sunday."
    talks = of_type(events_in(text), "CONSULT")
    assert talks and all(set(e.source_countries) == {"EGY", "ETH"} for e in talks)


def test_a_move_that_does_something_is_its_clauses_act(events_in: Extract) -> None:
    text = "The Australian trade ministry said it was adding four Chinese firms to its export blacklist in a move that bans them from buying Australian uranium."  # noqa: E501
    bans = [e for e in events_in(text) if e.type in {"SANCTION", "COERCE"}]
    assert bans and all("AUS" in e.source_countries and e.source for e in bans)


@pytest.mark.parametrize(
    "text, country",
    [
        ("Vietnam needs cheaper grain. Officials in Vietnam have agreed to buy more Thai rice.", "VNM"),
        ("Ecuador wants a new border deal. Officials from Ecuador rejected the Peruvian offer on Monday.", "ECU"),
    ],
)
def test_officials_in_a_country_act_for_its_state(events_in: Extract, text: str, country: str) -> None:
    # the state is an actor only where the document names it acting (in a single "in Vietnam" it is a place)
    acts = [e for e in events_in(text) if e.type in {"AGREE", "REJECT"}]
    assert acts and all(e.source and e.source_countries[:1] == [country] for e in acts)


@pytest.mark.parametrize(
    "text, countries",
    [
        ("Joe Biden met Justin Trudeau in Ottawa on Monday.", {"USA", "CAN"}),
        ("Brazil's president met Argentina's president in Buenos Aires.", {"BRA", "ARG"}),
    ],
)
def test_a_meeting_with_its_object_is_a_joint_act(events_in: Extract, text: str, countries: set[str]) -> None:
    meetings = of_type(events_in(text), "CONSULT")
    assert meetings and all(set(e.source_countries) == set(e.target_countries) == countries for e in meetings)


@pytest.mark.parametrize(
    "text, actor, kind",
    [
        ("The Chinese Commerce Ministry criticised the tariffs on Monday. The ministry said it would impose duties"
         " on American soybeans.", "chinese-commerce-ministry", "SANCTION"),
        ("Japan's Foreign Ministry summoned the Korean envoy. The ministry also lodged a protest with Seoul.",
         "JPN-foreign-ministry", "ACCUSE"),
    ],
)  # fmt: skip
def test_the_ministry_is_the_ministry_named_before(events_in: Extract, text: str, actor: str, kind: str) -> None:
    acts = of_type(events_in(text), kind)
    assert acts and all(e.source == [actor] for e in acts)


def test_the_government_is_not_a_ministry_named_before(events_in: Extract) -> None:
    text = "Japan's Foreign Ministry summoned the Korean envoy. The government also lodged a protest with Seoul."
    # a protest lodged is a complaint (ACCUSE); the summons in the first sentence is the ministry's own
    protests = [e for e in of_type(events_in(text), "PROTEST", "ACCUSE") if "protest" in e.evidence]
    assert protests and all("JPN-foreign-ministry" not in e.source for e in protests)


def test_what_two_parties_sign_is_no_third_party(events_in: Extract) -> None:
    text = "Chile and Peru signed the accord in May 2015 to share intelligence on the smuggling rings of Bolivia."
    signed = [e for e in events_in(text) if e.type in {"AGREE", "SUPPORT", "COOPERATE"}]
    assert signed and all("BOL" not in e.source_countries for e in signed)


@pytest.mark.parametrize(
    "text, source, target",
    [
        # a credit glued between a caption and the next sentence: neither the agency nor the caption's city acts
        ("Fishermen protest in Dakar. (Photo by Awa Diop / AFP) Senegal banned fish exports to Gambia on Monday.",
         "SEN", None),
        ("Crowds gather near the port of Callao (Reuters/Ana Soto) Chile expelled two Bolivian envoys.", "CHL", "BOL"),
        # a credit inside the sentence or closing it: the subject still acts, the agency is no target
        ("Norway expelled the Iranian ambassador (file photo) on Tuesday.", "NOR", "IRN"),
        ("Finland imposed new sanctions on Belarus (Reuters).", "FIN", "BLR"),
    ],
)  # fmt: skip
def test_a_photo_credit_or_its_caption_is_never_a_party(
    events_in: Extract, text: str, source: str, target: str | None
) -> None:
    found = of_type(events_in(text), "SANCTION")
    assert found
    for event in found:
        assert not {"FRA", "GBR", "PER"} & set(event.source_countries + event.target_countries)
        assert not [a for a in event.source + event.target if a.startswith("med-")]
    assert source in found[0].source_countries
    if target:
        assert target in found[0].target_countries


@pytest.mark.parametrize(
    "text",
    [
        "Delegates from both sides (ENGLISH) agreed to resume talks with Uruguay.",
        '(SOUNDBITE) (FRENCH) SPOKESWOMAN FOR THE PALACE SAYING: "Rabat will expel the envoys."',
        "(TRANSLATED) (GERMAN) Officials of the union agreed to hold talks with Serbia.",
    ],
)
def test_a_transcript_mark_names_no_country(events_in: Extract, text: str) -> None:
    found = events_in(text)
    assert found
    for event in found:
        assert not {"GBR", "FRA", "DEU"} & set(event.source_countries + event.target_countries)


def test_a_demonym_in_capitals_inside_a_sentence_still_names_its_state(events_in: Extract) -> None:
    found = of_type(events_in("The INDONESIAN government expelled two Malaysian diplomats on Friday."), "SANCTION")
    assert found and "IDN" in found[0].source_countries


@pytest.mark.parametrize(
    "text, country",
    [
        ("CANBERRA — The government on Tuesday expelled two Chinese diplomats over spying claims.", "AUS"),
        ("NAIROBI, May 4 (Reuters) -- The government said on Monday it would ban sugar imports from Uganda.", "KEN"),
        ("OSLO — The ministry on Friday expelled a Russian attaché.", "NOR"),
        # an agency alone on its byline line: its own government
        ("• Anadolu Agency\n\nThe government on Tuesday expelled two Greek diplomats over spying claims.", "TUR"),
        ("— Yonhap\n\nThe ministry on Monday expelled two Vietnamese diplomats.", "KOR"),
    ],
)
def test_a_body_with_no_state_named_before_is_the_dateline_country_s(
    events_in: Extract, text: str, country: str
) -> None:
    found = of_type(events_in(text, published=None), "SANCTION")
    assert found and found[0].source_countries == [country]


@pytest.mark.parametrize(
    "text, country",
    [
        # no dateline: no source is made up
        ("The government on Tuesday expelled two Chinese diplomats over spying claims.", None),
        # a place named before the body: not the agency's home (this dateline, not opening the text, goes unread)
        ("Anadolu Agency\n\nATHENS — The government on Tuesday expelled two Turkish diplomats.", None),
        # an agency named inside a sentence or after "By" is no byline alone on its line
        ("By Yonhap\n\nThe ministry on Monday expelled two Vietnamese diplomats.", None),
        ("Anadolu Agency said the government on Tuesday expelled two Greek diplomats.", None),
        # a state named before wins over the dateline's
        ("OSLO — Sweden's foreign ministry summoned the Russian envoy. The government said it would expel him.",
         "SWE"),
    ],
)  # fmt: skip
def test_the_dateline_country_never_overrides_a_named_state(events_in: Extract, text: str, country: str | None) -> None:
    found = of_type(events_in(text, published=None), "SANCTION")
    assert found and found[-1].source_countries == ([country] if country else [])


@pytest.mark.parametrize(
    "text, country",
    [
        ("Chilean officials said they would impose new duties on Peruvian fruit.", "CHL"),
        ("Norwegian authorities expelled two Russian diplomats on Tuesday.", "NOR"),
        ("MONTEVIDEO — Brazilian officials on Monday expelled two Uruguayan attachés.", "BRA"),
    ],
)
def test_a_demonym_before_officials_names_their_state_over_the_dateline(
    events_in: Extract, text: str, country: str
) -> None:
    found = of_type(events_in(text, published=None), "SANCTION")
    assert found and found[0].source_countries[0] == country


# --- a measure's maker, a demonym on the act, co-arguments, object control, "the two governments" ----------------


@pytest.mark.parametrize(
    "text, kinds, country",
    [
        ("Poland unveiled a package that restricts imports of Ukrainian grain.", {"COERCE", "SANCTION"}, "POL"),
        ("Hungary adopted a decree that bans imports of Slovak poultry.", {"COERCE", "SANCTION"}, "HUN"),
        ("The United States and Peru cooled their dispute on Friday, announcing an agreement that reduces some US"
         " tariffs.", {"CONCEDE", "RETREAT"}, "PER"),
    ],
)  # fmt: skip
def test_what_a_measure_does_is_done_by_who_made_it(
    events_in: Extract, text: str, kinds: set[str], country: str
) -> None:
    acts = [e for e in events_in(text) if e.type in kinds]
    assert acts and all(country in e.source_countries and e.source for e in acts)


def test_who_condemns_a_measure_does_not_make_it(events_in: Extract) -> None:
    acts = of_type(events_in("Australia criticised a rule that bars Australian wine from Chinese shops."), "SANCTION")
    assert acts and all("AUS" not in e.source_countries for e in acts)


@pytest.mark.parametrize(
    "text, kinds, country",
    [
        ("China is Vietnam's biggest market. The Chinese import curbs hurt Vietnamese farmers.", {"COERCE"}, "CHN"),
        ("Indonesia halted nickel sales in May. The Indonesian export ban angered Japan.", {"SANCTION"}, "IDN"),
    ],
)
def test_a_demonym_on_a_measure_names_its_state(events_in: Extract, text: str, kinds: set[str], country: str) -> None:
    acts = [e for e in events_in(text) if e.type in kinds]
    assert acts and all(e.source == [country] for e in acts)


def test_a_demonym_deeper_in_the_phrase_is_no_doer(events_in: Extract) -> None:
    # the duties are on Egyptian cotton, not Egypt's: Turkey lifts them
    lifted = of_type(events_in("Egypt sells cotton to Turkey. Turkey lifted the Egyptian cotton duties."), "CONCEDE")
    assert lifted and all(e.source == ["TUR"] for e in lifted)


@pytest.mark.parametrize(
    "text, restrictor, country",
    [
        ("Peru was angry. Last year it pushed Quito into dropping the charges against its former minister, and in"
         " May it passed a law that restricts the work of Ecuadorian police on its soil.", "PER", "ECU"),
        ("Kenya was tired of waiting. In March it pressed Kampala into lifting the ban on its milk, and in June it"
         " imposed new curbs on Ugandan sugar.", "KEN", "UGA"),
    ],
)  # fmt: skip
def test_a_party_it_acts_on_is_not_what_it_stands_for(
    events_in: Extract, text: str, restrictor: str, country: str
) -> None:
    found = events_in(text)
    curbs = of_type(found, "COERCE", "SANCTION")
    assert curbs and all(e.source_countries == [restrictor] for e in curbs)
    # and whoever is pushed into dropping or lifting something is the one who drops or lifts it
    dropped = of_type(found, "CONCEDE", "RETREAT")
    assert dropped and all(e.source_countries == [country] for e in dropped)


@pytest.mark.parametrize(
    "text, countries",
    [
        ("Peruvian President Ana Ruiz met Bolivian President Carlos Soto in La Paz on Tuesday. The two governments"
         " signed a memorandum to cooperate on water.", {"PER", "BOL"}),
        ("Norwegian Prime Minister Lena Berg met Swedish Prime Minister Jonas Lind in Oslo. Both governments agreed"
         " to reopen the border.", {"NOR", "SWE"}),
    ],
)  # fmt: skip
def test_the_two_governments_after_two_leaders_are_theirs(events_in: Extract, text: str, countries: set[str]) -> None:
    acts = [e for e in events_in(text) if e.type in {"AGREE", "SUPPORT", "COOPERATE"}]
    assert acts and all(set(e.source_countries) == countries for e in acts)


def test_the_two_governments_with_one_party_named_is_nobody(events_in: Extract) -> None:
    text = "Peruvian President Ana Ruiz spoke to the press on Tuesday. The two governments signed a pact on water."
    acts = [e for e in events_in(text) if e.type in {"AGREE", "SUPPORT", "COOPERATE"}]
    assert acts and all(not e.source for e in acts)


@pytest.mark.parametrize(
    "text, country",
    [
        ("Japan sells chips to Vietnam. Hanoi was reacting to Japan's launch of a tariff row with Vietnam with"
         " harsher export curbs on chips.", "JPN"),
        ("Vietnam buys chips from Japan. Japan's adoption of tougher export curbs on chips angered Hanoi.", "JPN"),
    ],
)  # fmt: skip
def test_an_act_in_an_enacting_nouns_phrase_is_its_owners(events_in: Extract, text: str, country: str) -> None:
    curbs = of_type(events_in(text), "COERCE", "SANCTION")
    assert curbs and all(e.source == [country] for e in curbs)


def test_an_act_in_another_nouns_phrase_is_not_its_owners(events_in: Extract) -> None:
    text = "Vietnam buys chips from Japan. Vietnam's view of the export curbs is dim."
    curbs = of_type(events_in(text), "COERCE", "SANCTION")
    assert all("VNM" not in e.source_countries for e in curbs)


@pytest.mark.parametrize(
    "text, country",
    [
        ("Kenya was angry. The ministry defended its decision to impose the curbs on Ugandan milk.", "KEN"),
        ("Norway stood firm. The government explained its decision to expel the Russian attaché.", "NOR"),
    ],
)
def test_its_decision_to_act_is_its_act(events_in: Extract, text: str, country: str) -> None:
    acts = of_type(events_in(text), "COERCE", "SANCTION")
    assert acts and all(e.source == [country] for e in acts)


@pytest.mark.parametrize(
    "text, countries",
    [
        ("Norway and Russia share a sea. The accord signed between Norway and Russia in 2010 settled the border.",
         {"NOR", "RUS"}),
        ("Laos and Thailand share a river. The pact signed between Laos and Thailand last year shares its water.",
         {"LAO", "THA"}),
    ],
)  # fmt: skip
def test_an_accord_signed_between_two_parties_is_theirs(events_in: Extract, text: str, countries: set[str]) -> None:
    signed = of_type(events_in(text), "SUPPORT", "AGREE")
    signed = [e for e in signed if e.source]
    assert signed and all(set(e.source_countries) == set(e.target_countries) == countries for e in signed)
    assert all(len(e.source) == 2 for e in signed)


def test_the_leaders_of_two_states_are_both_states(events_in: Extract) -> None:
    talks = of_type(
        events_in("Kenya and Uganda trade milk. The leaders of Kenya and Uganda agreed to hold talks."), "CONSULT"
    )
    assert talks and all(set(e.source) == {"KEN", "UGA"} for e in talks)


@pytest.mark.parametrize(
    "text, country",
    [
        ("India agreed to cut some duties on Nepali goods, but will keep in place 30% tariffs on Nepali tea.", "IND"),
        ("Brazil said it would maintain the 20% tariffs on Argentine wheat until June.", "BRA"),
    ],
)
def test_who_keeps_a_measure_holds_it(events_in: Extract, text: str, country: str) -> None:
    kept = of_type(events_in(text), "SANCTION", "COERCE")
    assert kept and all(e.source == [country] for e in kept)


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Hanoi said the decision to scrap the accord by the Thai government was a mistake.", "THA-GOV"),
        ("Jakarta said the plan to scrap the treaty by the Malaysian government was an error.", "MYS-GOV"),
    ],
)
def test_a_decision_to_act_by_a_party_is_its_act(events_in: Extract, text: str, actor: str) -> None:
    # the speaker's verdict is a complaint of its own (ACCUSE, test_event_reactions.py): the act is the party's
    acts = [e for e in events_in(text) if e.source and e.type != "ACCUSE"]
    assert acts and all(e.source == [actor] for e in acts)


def test_a_decision_to_act_by_a_date_names_no_doer(events_in: Extract) -> None:
    # a plan told as news of its own (a plan nobody's judgement is about: see test_event_reactions.py)
    acts = [e for e in events_in("A plan to end the pact by March was unveiled on Monday.") if e.type != "ACCUSE"]
    assert acts and all(not e.source for e in acts)


@pytest.mark.parametrize(
    "text, kinds, actor",
    [
        ("Federal judges sentenced two former mayors to prison after a long trial.", {"SANCTION"}, "judge"),
        ("In Quito, opposition senators questioned whether the government had given away too much.", {"ACCUSE"},
         "senator"),
        ("Prosecutors had asked the court to drop the case against the Bolivian general.", {"REQUEST"}, "prosecutor"),
        ("Within hours masked gunmen had attacked a remote police post.", {"ASSAULT"}, "gunman"),
    ],
)  # fmt: skip
def test_people_named_by_their_role_alone_act(events_in: Extract, text: str, kinds: set[str], actor: str) -> None:
    acts = [e for e in events_in(text) if e.type in kinds]
    assert acts and all(e.source == [actor] for e in acts)
    assert all(not e.source_countries for e in acts)  # no country is made up for them


def test_people_named_by_role_and_demonym_act_for_their_state(events_in: Extract) -> None:
    acts = of_type(events_in("Colombian soldiers detained a son of the smuggling boss on Monday."), "COERCE")
    assert acts and all(e.source == ["COL-MIL"] and e.source_countries == ["COL"] for e in acts)


@pytest.mark.parametrize(
    "text, countries",
    [
        ("Thailand and Cambodia met in May. In Bangkok on Friday, Thai aides noted that both neighbours were moving"
         " ahead in their border talks.", {"THA", "KHM"}),
        ("Kenya and Somalia met in March. Kenyan officials said the two neighbours had made progress in their"
         " maritime talks.", {"KEN", "SOM"}),
    ],
)  # fmt: skip
def test_their_talks_are_the_talks_of_their_clauses_subject(events_in: Extract, text: str, countries: set[str]) -> None:
    talks = of_type(events_in(text), "CONSULT")
    assert len(talks) == 2 and all(set(e.source_countries) == countries for e in talks)


def test_they_said_their_is_the_speakers(events_in: Extract) -> None:
    acts = of_type(
        events_in("Peru and Bolivia met. Bolivian officials said they would reopen their border posts."), "RETREAT"
    )
    assert acts and all(e.source == ["BOL-GOV"] for e in acts)


@pytest.mark.parametrize(
    "text, countries",
    [
        ("Peruvian President Ana Ruiz met Bolivian President Carlos Soto in La Paz. At their previous meeting,"
         " Soto said, the region was calmer.", {"PER", "BOL"}),
        ("Peru and Bolivia met on Monday. A senior Peruvian official said the talks had focused on gas.",
         {"PER", "BOL"}),
    ],
)  # fmt: skip
def test_the_talks_told_before_are_the_two_parties(events_in: Extract, text: str, countries: set[str]) -> None:
    talks = of_type(events_in(text), "CONSULT")
    assert len(talks) == 2 and all(set(e.source_countries) == set(e.target_countries) == countries for e in talks)


@pytest.mark.parametrize(
    "text",
    [
        "Peru and Bolivia met on Monday. Ruiz later attended the G20 summit in Osaka.",  # the summit names its own
        "Peru and Bolivia met on Monday. Ruiz later held talks with Chilean officials.",  # a partner of its own
    ],
)
def test_talks_with_their_own_parties_are_no_back_reference(events_in: Extract, text: str) -> None:
    later = of_type(events_in(text), "CONSULT")[1:]
    assert later and all({"PER", "BOL"} != set(e.source_countries) for e in later)


def test_both_parties_are_no_un_body_named_before(events_in: Extract) -> None:
    text = "Brazil and Argentina met on the sidelines of the UN General Assembly. Both parties agreed to resume talks."
    agreed = of_type(events_in(text), "AGREE")
    assert agreed and all(set(e.source_countries) == {"BRA", "ARG"} for e in agreed)


@pytest.mark.parametrize(
    "text, leader",
    [
        ("Peruvian President Ana Ruiz met Bolivian President Carlos Soto in La Paz after the arrest of the smuggler"
         " Juan Quispe.", "ana-ruiz"),
        ("Kenyan President Ruth Wanjiru flew to Kampala during the detention of the Ugandan journalist Paul Okello.",
         "ruth-wanjiru"),
    ],
)  # fmt: skip
def test_a_happening_in_a_time_adjunct_is_not_the_clauses_subjects(events_in: Extract, text: str, leader: str) -> None:
    arrests = of_type(events_in(text), "COERCE")
    assert arrests and all(leader not in e.source for e in arrests)


@pytest.mark.parametrize(
    "text, kind, actor, country",
    [
        ("Masked gunmen opened fire on a bus in Lagos on Sunday.", "ASSAULT", "gunman", "NGA"),
        ("Protesters marched through Santiago on Monday.", "PROTEST", "protester", "CHL"),
    ],
)
def test_people_named_by_role_alone_act_where_it_happened(
    events_in: Extract, text: str, kind: str, actor: str, country: str
) -> None:
    acts = of_type(events_in(text), kind)
    assert acts and all(e.source == [actor] and e.source_countries == [country] for e in acts)


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("China and Vietnam trade metals. Vietnam was hit by China's new export curbs on rare earths.", "CHN", "VNM"),
        ("Peru and Bolivia trade gas. Bolivia was hit by Peru's new sanctions on gas firms.", "PER", "BOL"),
    ],
)
def test_who_is_hit_by_a_measure_is_its_target(events_in: Extract, text: str, source: str, target: str) -> None:
    measures = of_type(events_in(text), "COERCE", "SANCTION")
    assert measures and all(e.source == [source] and target in e.target for e in measures)


@pytest.mark.parametrize(
    "text, country",
    [
        ("Ecuador closed its border with Peru on Friday. The authorities said they would reopen it on Monday.", "ECU"),
        ("Kenya shut its border with Somalia in May. The police said they would reopen it in June.", "KEN"),
    ],
)
def test_the_authorities_are_one_states_not_two_parties(events_in: Extract, text: str, country: str) -> None:
    reopened = of_type(events_in(text), "RETREAT")
    assert reopened and all(e.source_countries == [country] for e in reopened)


def test_the_governments_after_two_states_are_both(events_in: Extract) -> None:
    text = "Ecuador and Peru closed their border on Friday. The governments said they would reopen it on Monday."
    reopened = of_type(events_in(text), "RETREAT")
    assert reopened and all(set(e.source_countries) == {"ECU", "PER"} for e in reopened)


def test_days_of_talks_told_before_are_the_two_parties(events_in: Extract) -> None:
    text = (
        "Peru and Bolivia met in Lima in May. The declaration, released on June 7 after three days of talks at the"
        " foreign ministry, commits Bolivia to more patrols."
    )
    talks = of_type(events_in(text), "CONSULT")
    assert len(talks) == 2 and set(talks[1].source_countries) == {"PER", "BOL"}


@pytest.mark.parametrize(
    "text, donor, receiver",
    [
        ("Canada has long backed Haiti. Haiti received aid from Canada after the storm.", "CAN", "HTI"),
        ("Japan is a big donor to Vietnam. Vietnam obtained new aid from Japan in May.", "JPN", "VNM"),
    ],
)
def test_who_receives_aid_is_its_target_and_the_giver_its_source(
    events_in: Extract, text: str, donor: str, receiver: str
) -> None:
    aid = of_type(events_in(text), "AID")
    assert aid and all(e.source_countries == [donor] and e.target_countries == [receiver] for e in aid)


def test_aid_received_from_nobody_named_has_no_source(events_in: Extract) -> None:
    aid = of_type(events_in("Cuba received fresh aid on Monday."), "AID")
    assert aid and all(not e.source and e.target == ["CUB"] for e in aid)


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("Colombia and Venezuela met. The government said it would reopen the border.", {"RETREAT", "AGREE"}),
        ("Colombia and Venezuela met. The security forces arrested two smugglers near the border.", {"COERCE"}),
    ],
)
def test_a_body_after_two_states_named_together_is_nobodys(events_in: Extract, text: str, kinds: set[str]) -> None:
    acts = [e for e in events_in(text) if e.type in kinds]
    assert acts and all(not e.source for e in acts)


def test_the_forces_after_one_state_are_its(events_in: Extract) -> None:
    text = "Mexico sent troops to Culiacan on Thursday. The forces involved later decided to withdraw."
    withdrawn = of_type(events_in(text), "RETREAT")
    assert withdrawn and all(e.source == ["MEX"] for e in withdrawn)


# --- a state named only by a demonym, a place or one of its bodies ------------------------------------------------


@pytest.mark.parametrize(
    "text, kind, country",
    [
        ("A Chilean trade ministry spokesman told reporters the government welcomed the offer.", "SUPPORT", "CHL"),
        (
            "An Egyptian interior ministry spokeswoman said on Sunday that the government rejected the proposal.",
            "REJECT",
            "EGY",
        ),
        ("HANOI — The government on Tuesday expelled two Cambodian diplomats over spying claims.", "SANCTION", "VNM"),
    ],
)
def test_the_government_of_a_state_named_by_a_demonym_is_its_state(
    events_in: Extract, text: str, kind: str, country: str
) -> None:
    found = of_type(events_in(text, published=None), kind)
    assert found and found[0].source == [country] and found[0].source_countries == [country]


@pytest.mark.parametrize(
    "text, kind",
    [
        # a place where it happened is no doer
        ("Two tourists were attacked on a road in northern Chile on Monday.", "ASSAULT"),
        # nor is a state no word of the text gives
        ("The government welcomed the offer.", "SUPPORT"),
    ],
)
def test_a_state_no_phrase_names_as_the_doer_is_no_source(events_in: Extract, text: str, kind: str) -> None:
    found = of_type(events_in(text, published=None), kind)
    assert found and all(not e.source for e in found)


def test_a_joint_act_with_the_source_under_another_name_is_no_joint_act(events_in: Extract) -> None:
    # "the incoming cabinet" is not the government that speaks: no party acts with itself
    text = (
        "A Bolivian energy ministry spokesman told reporters the government would coordinate closely with the"
        " incoming cabinet."
    )
    found = of_type(events_in(text), "COOPERATE")
    assert found and all(e.source == ["BOL"] and "BOL" not in e.target for e in found)


@pytest.mark.model
def test_a_state_that_acts_unmentioned_stays_in_the_stored_actors(tmp_path: Path) -> None:
    from bilateral.pipeline import analyze, ingest
    from bilateral.store.analysis import stored_actors
    from bilateral.store.db import connect

    text = "A Chilean trade ministry spokesman told reporters the government welcomed the offer."
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "a1", "text": text, "published": "2022-03-07"}) + "\n", encoding="utf-8")
    db = connect(tmp_path / "x.db")
    try:
        ingest(db, [str(articles)])
        analyze(db)
        parties = {p for row in db.execute("SELECT source FROM events") for p in json.loads(row["source"])}
        assert "CHL" in parties and parties <= {actor.id for actor in stored_actors(db)}
    finally:
        db.close()


# --- "drew criticism from X": the one it comes from acts on the subject -------------------------------------------


@pytest.mark.parametrize(
    "text, kind, source, target",
    [
        ("The plan drew criticism from Chilean senators on Monday.", "ACCUSE", "CHL", None),
        ("The proposal attracted sharp condemnation from the Kenyan foreign ministry.", "ACCUSE", "KEN", None),
        ("Peru earned praise from Ecuador for the rescue.", "SUPPORT", "ECU", "PER"),
        ("Mongolia drew an offer of aid from Japan after the floods.", "AGREE", "JPN", "MNG"),
    ],
)
def test_what_a_subject_draws_from_someone_is_that_ones_act(
    events_in: Extract, text: str, kind: str, source: str, target: str | None
) -> None:
    found = of_type(events_in(text), kind)
    assert found and all(e.source_countries == [source] and e.source for e in found)
    assert all(e.target_countries == ([target] if target else []) for e in found)


@pytest.mark.parametrize(
    "text",
    [
        # no one named after "from": nobody is made the doer, the subject least of all
        "The decision drew criticism in both countries.",
        "Uruguay's new tariff drew criticism on Monday.",
    ],
)
def test_criticism_drawn_from_nobody_named_has_no_source(events_in: Extract, text: str) -> None:
    found = of_type(events_in(text), "ACCUSE")
    assert found and all(not e.source for e in found)


def test_what_a_relative_clause_draws_has_no_target_from_elsewhere(events_in: Extract) -> None:
    text = (
        "Gunmen killed two farmers near the border of Peru on Monday, Peruvian officials said, in an attack that"
        " drew an offer of police help from President Gabriel Boric."
    )
    offers = [e for e in events_in(text) if e.source == ["gabriel-boric"]]
    assert offers and all(not e.target for e in offers)


# --- "officials of the government": people who speak for a body named by a definite description -----------------


@pytest.mark.parametrize(
    "text, kind, source",
    [
        ("Chile recalled its envoy on Monday. Officials of the government had warned Lima that the deal put"
         " cooperation at risk.", "THREATEN", "CHL"),
        ("The Peruvian trade ministry said on Monday it was studying the offer. An official of the ministry later"
         " rejected it.", "REJECT", "PER-trade-ministry"),
    ],
)  # fmt: skip
def test_officials_of_the_body_act_for_the_body_named_before(
    events_in: Extract, text: str, kind: str, source: str
) -> None:
    found = of_type(events_in(text), kind)
    assert found and all(e.source == [source] for e in found)


@pytest.mark.parametrize(
    "text, kind",
    [
        # no state named before, or two: whose government is not said
        ("Officials of the government had warned Lima that the deal put cooperation at risk.", "THREATEN"),
        ("Kenya and Uganda met on Monday. Officials of the government later rejected the plan.", "REJECT"),
    ],
)
def test_officials_of_a_body_nobody_named_before_act_for_nobody(events_in: Extract, text: str, kind: str) -> None:
    found = of_type(events_in(text), kind)
    assert found and all(not e.source for e in found)
