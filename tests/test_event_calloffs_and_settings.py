"""The type and status of an event by kind of language, second round (issue 12, judged precision): a measure called
off is a concession, not a sanction denied; releasing a person is a retreat; armed men blocking roads coerce; steps a
party agrees to take are no threat; and the setting of a sentence ("amid a trade war", "after months of sanctions",
"instead of under the threat of duties"), what is put at risk, a kind of act ("what we demand") and a practice held
since a year are no acts. Third round: pledging, deciding or refusing not to act is one decision (CONCEDE for a
measure forgone, REJECT for cooperation refused); stopping an enrolment stops nobody; "despite" settings, a speaker's
past in a relative clause, a date of making, an "accused of" label and harm done by a measure are no acts. Every
sentence is written for these tests and varies names, countries and wording; each kind also has the act that is
reported, which must still be found with its type.
"""

from __future__ import annotations

import pytest

from bilateral.annotate import Knowledge
from bilateral.extract.events import EventPatterns
from tests.conftest import Extract, events_reader, evidence_is_its_text, occurred, of_type


@pytest.fixture(scope="module")
def events_in(patterns: EventPatterns, knowledge: Knowledge) -> Extract:
    return events_reader(knowledge, patterns, "2023-03-14", evidence_is_its_text)


# --- a coercive measure called off is a concession by whoever called it off -------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Seoul shelved its plan to impose quotas on Japanese steel.", "KOR"),
        ("Brazil has abandoned plans to slap levies on a further $20 billion of Argentine goods.", "BRA"),
        ("Ankara halted the imposition of new duties on Greek olive oil last week.", "TUR"),
        ("Nairobi scrapped its plan to restrict Ugandan milk imports.", "KEN"),
    ],
)
def test_a_measure_called_off_is_a_concession(events_in: Extract, text: str, source: str) -> None:
    events = events_in(text)
    assert not of_type(events, "SANCTION", "COERCE")
    conceded = occurred(events, "CONCEDE")
    assert conceded and source in conceded[0].source_countries


@pytest.mark.model
def test_stopping_new_duties_agreed_to_is_a_promised_concession(events_in: Extract) -> None:
    events = events_in(
        "Hanoi and Canberra agreed to halt the introduction of fresh levies while their envoys negotiate."
    )
    assert of_type(events, "AGREE")
    assert [e for e in of_type(events, "CONCEDE") if e.status == "promised"]
    assert not of_type(events, "SANCTION")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The government did not impose tariffs on Chilean wine.",
        "Rabat never restricted Spanish fishing boats.",
    ],
)
def test_a_measure_merely_not_taken_is_no_concession(events_in: Extract, text: str) -> None:
    events = events_in(text)
    assert not of_type(events, "CONCEDE")
    assert not occurred(events, "SANCTION", "COERCE")


@pytest.mark.model
def test_a_measure_imposed_is_still_a_measure(events_in: Extract) -> None:
    events = events_in("Tokyo imposed export curbs on Taiwanese chipmakers on Friday.")
    assert occurred(events, "COERCE", "SANCTION")
    assert not of_type(events, "CONCEDE")


# --- letting a person go frees them -------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The government let the smuggler go.",
        "Authorities in Quito let the two Colombian fishermen go on Friday.",
    ],
)
def test_letting_someone_go_is_a_release(events_in: Extract, text: str) -> None:
    events = events_in(text)
    assert [e for e in occurred(events, "RETREAT") if e.mode == "release"]
    assert not of_type(events, "CONCEDE")


@pytest.mark.model
def test_letting_a_state_do_something_is_still_a_concession(events_in: Extract) -> None:
    assert occurred(events_in("Lima let Santiago join the fisheries talks."), "CONCEDE")


# --- armed men blocking roads coerce; civilians blocking roads protest ---------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Dozens of gunmen blocked roads with burning trucks in Culiacan.",
        "Armed men blocked the highway to Tijuana on Sunday.",
        "Rebels blocked the main road into Goma.",
    ],
)
def test_armed_men_blocking_roads_coerce(events_in: Extract, text: str) -> None:
    events = events_in(text)
    assert not of_type(events, "PROTEST")
    assert [e for e in occurred(events, "COERCE") if e.mode == "restrict"]


@pytest.mark.model
def test_farmers_blocking_a_highway_still_protest(events_in: Extract) -> None:
    assert occurred(events_in("Farmers blocked the highway to Warsaw with their tractors."), "PROTEST")


# --- unnamed steps a party agrees to take are what it agrees to, no threat ------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Lima agreed to take firm steps to curb smuggling.",
        "The Guatemalan president said his country had agreed to take strong measures against people smugglers.",
    ],
)
def test_steps_agreed_to_are_no_threat(events_in: Extract, text: str) -> None:
    events = events_in(text)
    assert of_type(events, "AGREE")
    assert not of_type(events, "THREATEN")


@pytest.mark.model
def test_unnamed_steps_announced_against_a_rival_are_still_a_threat(events_in: Extract) -> None:
    assert of_type(events_in("Lima will take firm steps if Quito does not act."), "THREATEN")


# --- the setting of a sentence is no act it reports --------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Chile signed the fisheries accord amid a trade war between Peru and Bolivia.", "SANCTION"),
        ("After 18 months of sanctions, Caracas released two American contractors.", "SANCTION"),
        ("Following two years of talks, Oslo and Nairobi opened a joint office.", "CONSULT"),
        ("Mexico now stops the caravans in exchange for vaccines instead of under the threat of tariffs.", "THREATEN"),
        ("Canada signed a timber accord with Peru rather than imposing duties.", "SANCTION"),
    ],
)
def test_the_setting_of_a_sentence_is_no_act(events_in: Extract, text: str, kind: str) -> None:
    assert not of_type(events_in(text), kind)


@pytest.mark.model
def test_the_act_told_amid_a_setting_is_still_found(events_in: Extract) -> None:
    events = events_in("After 18 months of sanctions, Caracas released two American contractors.")
    assert [e for e in occurred(events, "RETREAT") if "VEN" in e.source_countries]


@pytest.mark.model
def test_talks_of_a_few_days_before_an_act_are_still_talks(events_in: Extract) -> None:
    events = events_in(
        "The accord, published on May 3 after four days of talks in Nairobi, commits Kenya to open two ports."
    )
    assert occurred(events, "CONSULT")


@pytest.mark.model
def test_a_trade_war_reported_as_begun_is_still_an_act(events_in: Extract) -> None:
    assert occurred(events_in("Peru imposed sanctions on Bolivia amid the dispute."), "SANCTION", "COERCE")


# --- what is put at risk is at stake, not done ---------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Officials told Ottawa that the raid put cooperation with Canadian police at risk.", "COOPERATE"),
        ("Diplomats in Geneva said the shelling had jeopardised the ceasefire between the two militias.", "RETREAT"),
        ("The leak left the Indonesian aid to Fiji in doubt.", "AID"),
    ],
)
def test_what_is_put_at_risk_is_no_act(events_in: Extract, text: str, kind: str) -> None:
    assert not of_type(events_in(text), kind)


@pytest.mark.model
def test_cooperation_told_is_still_an_act(events_in: Extract) -> None:
    assert occurred(events_in("The Chilean navy cooperated with Peruvian police in the raid."), "COOPERATE")


# --- a kind of act ("what we demand") and a practice held since a year are no acts -----------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The envoy said the visit was about what we build together, not what we demand.", "REQUEST"),
        ("Since 2006, the Peruvian trade ministry had waived licence applications for exports to Chile.", "CONCEDE"),
        ("Havana has kept its embargo on Dominican sugar since 1998.", "SANCTION"),
    ],
)
def test_a_kind_of_act_or_a_standing_practice_is_no_act(events_in: Extract, text: str, kind: str) -> None:
    assert not occurred(events_in(text), kind)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Lima rejected what Santiago had demanded.", "REJECT"),
        ("Peru has waived licence fees for Chilean exporters since Monday.", "CONCEDE"),
    ],
)
def test_an_act_told_with_a_relative_or_a_recent_start_is_still_an_act(
    events_in: Extract, text: str, kind: str
) -> None:
    assert occurred(events_in(text), kind)


# --- backing one's own decision, wishes, and halting one's own intake -----------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Ankara defended its decision to close the border with Syria.",
        "The Danish cabinet justified its move to expel the Iranian envoy.",
    ],
)
def test_backing_ones_own_decision_is_no_support(events_in: Extract, text: str) -> None:
    assert not of_type(events_in(text), "SUPPORT")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ankara backed Baghdad's decision to close the border with Syria.", "IRQ"),
        ("Ghana ratified its trade agreement with Togo.", "TGO"),
    ],
)
def test_backing_anothers_decision_or_a_pact_is_still_support(events_in: Extract, text: str, target: str) -> None:
    supports = occurred(events_in(text), "SUPPORT")
    assert supports and target in supports[0].target_countries


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Nairobi wants a prompt opening of negotiations with Kampala.", "CONSULT"),
        ("Quito seeks a quick return to negotiations with Lima.", "CONSULT"),
    ],
)
def test_what_is_wanted_is_not_done(events_in: Extract, text: str, kind: str) -> None:
    assert not occurred(events_in(text), kind)


@pytest.mark.model
def test_a_hope_that_two_states_can_settle_is_no_accord(events_in: Extract) -> None:
    text = "The minister said the international community hopes Kenya and Uganda can settle their differences properly."
    assert not of_type(events_in(text), "AGREE")


@pytest.mark.model
def test_states_that_settle_their_differences_agree(events_in: Extract) -> None:
    assert occurred(events_in("Kenya and Uganda settled their differences at talks in Arusha."), "AGREE")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Canadian immigration ministry suspended new enrolments in its migrant return programme.",
        "Rome halted the registration of new asylum seekers under the Libyan scheme.",
    ],
)
def test_halting_ones_own_intake_is_a_retreat(events_in: Extract, text: str) -> None:
    events = events_in(text)
    assert occurred(events, "RETREAT")
    assert not of_type(events, "SANCTION")


@pytest.mark.model
def test_suspending_aid_to_a_state_is_still_a_sanction(events_in: Extract) -> None:
    assert occurred(events_in("Brussels suspended budget aid to Mali."), "SANCTION")


@pytest.mark.model
def test_a_return_trip_is_no_visit(events_in: Extract) -> None:
    text = "The Ghanaian leader spoke to journalists on his plane during the homeward trip from Lome."
    assert not [e for e in of_type(events_in(text), "CONSULT") if e.mode == "visit"]


# --- what a rule's act is about, a measure kept in force, and where one comes back from are no acts ---------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The protocol adds a mechanism that lets either government bring a complaint against a single mill "
            "accused of blocking unions.",
            "ACCUSE",
        ),
        ("Once the pact is signed, Canadian levies on Peruvian copper will nonetheless stay in force.",
         "SANCTION"),
        ('"It will be a fine accord," the Kenyan leader said on his plane during the return journey from the Addis '
         'Ababa summit.', "CONSULT"),
    ],
)  # fmt: skip
def test_a_rules_content_a_kept_measure_or_a_trip_home_is_no_act(events_in: Extract, text: str, kind: str) -> None:
    assert not of_type(events_in(text), kind)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Peru accused a Chilean mill of blocking unions.", "ACCUSE"),
        ("Canada imposed duties on Peruvian copper that will stay in place until May.", "SANCTION"),
        ("The Kenyan president flew to Addis Ababa for the summit.", "CONSULT"),
    ],
)
def test_the_act_itself_is_still_found(events_in: Extract, text: str, kind: str) -> None:
    assert occurred(events_in(text), kind)


# --- a list after a heading of advice ------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Our recommendations: Washington restores aid to Honduras and Mexico deploys troops to the south.",
         ("AID", "MOBILIZE")),
        ("What we recommend: an immediate return to talks with Tehran.", ("CONSULT",)),
    ],
)  # fmt: skip
def test_advice_after_a_heading_is_no_act(events_in: Extract, text: str, kinds: tuple[str, ...]) -> None:
    assert not of_type(events_in(text), *kinds)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The proposal was clear: Ottawa sent inspectors to the mines on Monday.", "ACCUSE"),
    ],
)
def test_acts_after_a_sentence_with_a_colon_are_found(events_in: Extract, text: str, kind: str) -> None:
    assert occurred(events_in(text), kind)


@pytest.mark.model
def test_a_sentence_opening_with_a_colon_is_read_without_a_lead_in(events_in: Extract) -> None:
    assert occurred(events_in(": Peru imposed sanctions on Chile on Tuesday."), "SANCTION")  # once raised E1002


# --- deciding, pledging or refusing not to act is one decision, not a denied act ----------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Peru pledged not to raise tariffs on Chilean fruit this year.", "PER"),
        ("Ottawa will not impose duties on Mexican steel, the minister said.", "CAN"),
        ("Kenya chose not to retaliate against Uganda.", "KEN"),
    ],
)
def test_forgoing_a_measure_is_a_concession_not_a_sanction(events_in: Extract, text: str, source: str) -> None:
    events = events_in(text)
    assert not of_type(events, "SANCTION", "COERCE", "REJECT")
    conceded = of_type(events, "CONCEDE")
    assert conceded and all(e.status == "promised" and e.source_countries == [source] for e in conceded)


@pytest.mark.model
def test_pledging_a_measure_is_no_concession(events_in: Extract) -> None:
    events = events_in("Canada pledged to raise tariffs on Peruvian steel by Friday.")
    assert of_type(events, "SANCTION") and not of_type(events, "CONCEDE")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Ottawa will never accept any action that violates its sovereignty.", "CAN"),
        ("Seoul announced its plan not to extend the intelligence pact with Tokyo.", "KOR"),
        ("Nepal decided not to renew the trade pact with India.", "NPL"),
    ],
)
def test_refusing_to_cooperate_is_one_rejection(events_in: Extract, text: str, source: str) -> None:
    events = events_in(text)
    assert not of_type(events, "AGREE", "SUPPORT")  # not also an accord "denied", nor a joint one
    rejected = occurred(events, "REJECT")
    assert rejected and all(e.source_countries == [source] for e in rejected)


@pytest.mark.model
def test_a_cooperation_decided_is_still_an_accord(events_in: Extract) -> None:
    assert of_type(events_in("Nepal decided to renew the trade pact with India."), "AGREE")


@pytest.mark.model
def test_failing_to_agree_keeps_the_accord_that_did_not_happen(events_in: Extract) -> None:
    events = events_in("Peru and Chile failed to strike a deal at their latest round of talks.")
    assert [e.status for e in of_type(events, "AGREE")] == ["denied"]


# --- stopping an enrolment ends it; it stops nobody it would have enrolled -------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Ghana's interior ministry stopped enrolling new asylum seekers in the border programme.",
        "The Chilean agency will stop admitting new applicants to the detention scheme from Monday.",
    ],
)
def test_stopping_an_enrolment_restricts_nobody(events_in: Extract, text: str) -> None:
    assert not of_type(events_in(text), "COERCE", "THREATEN", "RETREAT")


@pytest.mark.model
def test_stopping_migrants_still_restricts_them(events_in: Extract) -> None:
    assert occurred(events_in("Peruvian border guards stopped the migrants at the river."), "COERCE")


# --- what a sentence sets aside: a background, a speaker's past, a date of making, a label, harm by a measure -----


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Despite a vow to raise duties before the month was out, Canada kept talking with Peru.",
         ("SANCTION", "COERCE", "THREATEN")),
        ("Despite sanctions imposed by Washington, Caracas kept exporting crude to Cuba.", ("SANCTION", "COERCE")),
        ("In spite of the embargo, Iran kept selling oil to India.", ("SANCTION",)),
        ("But critics like Senator Ana Ruiz of Chile - who in rare unity backed a trade deal with Peru - said the "
         "accord fails to settle the fishing dispute.", ("SUPPORT",)),
        ("The pact, signed in 2016, lets Tokyo and Seoul share intelligence.", ("SUPPORT", "AGREE")),
        ("The Bolivian government and firms accused of fraud have denied wrongdoing.", ("ACCUSE",)),
        ("Peru and Chile signed the fisheries accord on Monday after two years of insults and embargoes that harmed "
         "fishermen on both sides.", ("ASSAULT",)),
        ("The new tariffs have hurt Argentine farmers, which angered Buenos Aires.", ("ASSAULT",)),
        ("Anyone who reached the Chilean border and claimed asylum was released into the country.", ("RETREAT",)),
        ("It removes a provision that would have given Peruvian mining firms ten years of tax breaks, a change "
         "Chilean unions had sought.", ("SANCTION", "AID", "REQUEST")),
        ("Anyone who reached the Bolivian border and claimed asylum received shelter.", ("AID",)),
        ("A Peruvian rights group counted more than 900 reported cases of kidnapping, rape and torture against "
         "people sent back under the program.", ("ASSAULT",)),
        ("Ecuador said the tariffs it had threatened to impose on Peruvian goods were suspended indefinitely.",
         ("THREATEN",)),
        ("Such tariffs could well impede Canadian efforts to pressure Venezuela into holding elections.", ("REQUEST",)),
    ],
)  # fmt: skip
def test_a_setting_or_a_description_is_no_act(events_in: Extract, text: str, kinds: tuple[str, ...]) -> None:
    assert not of_type(events_in(text), *kinds)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Canada pledged to raise tariffs on Peruvian steel by Friday.", "SANCTION"),
        ("Senator Ana Ruiz of Chile backed a trade deal with Peru.", "SUPPORT"),
        ("The treaty signed between Peru and Chile in 1929 settled the dispute.", "SUPPORT"),
        ("Bolivia accused two Chilean firms of fraud.", "ACCUSE"),
        ("Rebels hurt three soldiers in an ambush near the border.", "ASSAULT"),
        ("Chile released two Peruvian fishermen on Monday.", "RETREAT"),
        ("Ecuador removes two Colombian diplomats.", "SANCTION"),
        ("Rebels kidnapped two Peruvian engineers near the mine.", "ASSAULT"),
        ("Ecuador threatened to impose tariffs on Peruvian goods.", "THREATEN"),
        ("Canada pressed Venezuela to hold elections.", "REQUEST"),
    ],
)
def test_the_same_acts_told_as_news_are_found(events_in: Extract, text: str, kind: str) -> None:
    assert of_type(events_in(text), kind)


@pytest.mark.model
def test_the_frame_of_a_negated_act_still_goes_on(events_in: Extract) -> None:
    text = "A sign in a Lima grocery states that the shop does not stock Chilean wine as part of a boycott."
    assert [e.status for e in of_type(events_in(text), "PROTEST")] == ["occurred"]
    assert not occurred(events_in("Chile did not impose the boycott of Peruvian pisco."), "PROTEST")
