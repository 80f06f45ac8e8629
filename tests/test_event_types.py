"""The type and status of an event by kind of language (issue 12, judged precision): a danger called a "threat" is no
act of threatening; talk and accords are CONSULT and AGREE, and what an accord is signed for is promised, not done;
opposing measures and lodging a protest are complaints (ACCUSE), a dismissed case is dropped (CONCEDE); what was
averted, what a rule bars and what there is only talk of did not happen. Every sentence is written for these tests
and varies names, countries and wording; each kind also has the act that is reported, which must still be found
with its type, so that a test fails if the rule swallows real acts.
"""

from __future__ import annotations

import pytest

from bilateral.annotate import Knowledge
from bilateral.extract.events import EventPatterns
from tests.conftest import Extract, events_reader, occurred, of_type


@pytest.fixture(scope="module")
def events_in(patterns: EventPatterns, knowledge: Knowledge) -> Extract:
    return events_reader(knowledge, patterns, "2022-06-10")


# --- a "threat" that is a danger, not an act of threatening ------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Nigerian officials described the insurgents as a threat to regional stability.",
        "The minister said the Russian trawler fleet posed a threat to Norway's fisheries.",
        "The threat of higher duties weighed on exporters in Santiago.",
        "Officials in Hanoi have long called the militia boats a threat.",
        "Warsaw sees the pipeline as a serious threat to its energy security.",
    ],
)
def test_a_threat_nobody_makes_is_no_threatening(events_in: Extract, text: str) -> None:
    assert not of_type(events_in(text), "THREATEN")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Argentina's threat to cut gas exports alarmed Chile.", "ARG"),
        ("Egypt threatened to expel the Ethiopian ambassador.", "EGY"),
        ("Rwanda issued a threat to close the border with Burundi.", "RWA"),
    ],
)
def test_a_threat_somebody_makes_is_still_threatening(events_in: Extract, text: str, source: str) -> None:
    threats = of_type(events_in(text), "THREATEN")
    assert threats and source in threats[0].source_countries


# --- talk and accords are verbal; what an accord is signed for is promised ---------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministers of Peru and Bolivia exchanged views on the drought in the Andes.",
        "Seoul and Canberra exchanged opinions about the security of shipping lanes.",
    ],
)
def test_exchanging_views_is_consultation(events_in: Extract, text: str) -> None:
    events = events_in(text)
    assert occurred(events, "CONSULT")
    assert not of_type(events, "COOPERATE")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Togo signed a memorandum of understanding to cooperate on customs checks.",
        "Colombia and Ecuador signed an agreement to work together against fuel smuggling.",
        "Portugal and Angola concluded a pact to cooperate on offshore patrols.",
    ],
)
def test_what_an_accord_is_signed_for_is_promised(events_in: Extract, text: str) -> None:
    events = events_in(text)
    assert not occurred(events, "COOPERATE")
    assert occurred(events, "SUPPORT", "AGREE")  # the signing itself is reported


@pytest.mark.model
def test_cooperation_carried_out_still_occurs(events_in: Extract) -> None:
    events = events_in("Thailand and Malaysia expanded cooperation on border patrols last year.")
    assert occurred(events, "COOPERATE")


@pytest.mark.model
def test_the_status_of_an_accord_described_by_a_participle_is_its_own(events_in: Extract) -> None:
    # the participle says when the truce was signed; it is not what the truce promises
    events = events_in("Both armies have broken the truce agreement signed in May, monitors in Juba said.")
    assert not [e for e in events if e.status == "promised"]


# --- criticism and dropped cases are not rejection --------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Beijing firmly opposes other governments imposing tariffs on its carmakers, a ministry spokeswoman said.",
        "Ankara strongly opposed the sanctions on Iranian banks.",
    ],
)
def test_opposing_measures_is_disapproval(events_in: Extract, text: str) -> None:
    events = events_in(text)
    assert [e for e in occurred(events, "ACCUSE") if e.mode == "disapprove"]
    assert not occurred(events, "REJECT")


@pytest.mark.model
def test_opposing_a_proposal_still_rejects_it(events_in: Extract) -> None:
    events = events_in("Kenya opposed the Ugandan proposal for a joint border force.")
    assert occurred(events, "REJECT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Indonesian foreign ministry lodged a strong protest with the Australian embassy.",
        "Vice Minister Tanaka lodged solemn representations with the Chinese ambassador.",
    ],
)
def test_a_protest_lodged_is_a_complaint(events_in: Extract, text: str) -> None:
    events = events_in(text)
    assert occurred(events, "ACCUSE")
    assert not of_type(events, "PROTEST")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A federal judge dismissed the bribery charges against the former Brazilian governor.",
        "The judge in Lyon dismissed all charges against the two Nepali workers on Tuesday.",
    ],
)
def test_dismissed_charges_are_dropped_not_rejected(events_in: Extract, text: str) -> None:
    events = events_in(text)
    assert occurred(events, "CONCEDE")
    assert not of_type(events, "REJECT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Manila dismissed the Chinese accusations as baseless.",
        "A court in Osaka dismissed the lawsuit that Filipino laborers had filed against the shipyard.",
    ],
)
def test_dismissing_an_accusation_or_a_claim_still_rejects_it(events_in: Extract, text: str) -> None:
    assert occurred(events_in(text), "REJECT")


# --- what was averted, barred or only talked of did not happen --------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Morocco avoided the new European tariffs by cutting its steel exports.", "SANCTION"),
        ("The last-minute accord averted sanctions on Serbian banks.", "SANCTION"),
        ("Uruguay narrowly avoided imposing duties on Brazilian rice.", "COERCE"),
        ("Quick diplomacy staved off a trade war between Canada and India.", "ASSAULT"),
    ],
)
def test_what_was_averted_did_not_happen(events_in: Extract, text: str, kind: str) -> None:
    assert not occurred(events_in(text), kind)


@pytest.mark.model
def test_sanctions_imposed_still_occur(events_in: Extract) -> None:
    assert occurred(events_in("Brussels imposed sanctions on Serbian banks on Monday."), "SANCTION")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A new law that bars detaining migrant children took effect in Chile this month.",
        "A statute which forbids arresting journalists was passed in Kenya.",
    ],
)
def test_what_a_rule_bars_is_not_done(events_in: Extract, text: str) -> None:
    assert not occurred(events_in(text), "COERCE")


@pytest.mark.model
def test_children_detained_are_still_detained(events_in: Extract) -> None:
    assert occurred(events_in("Chilean police detained six migrant children at the border."), "COERCE")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("There was talk in Kampala of expelling the Kenyan envoy.", "SANCTION"),
        ("Talk of a merger between the two state airlines has faded.", "CONSULT"),
    ],
)
def test_talk_of_an_act_is_no_act(events_in: Extract, text: str, kind: str) -> None:
    events = events_in(text)
    assert not occurred(events, kind)
    assert not occurred(events, "CONSULT")


@pytest.mark.model
def test_talks_held_are_still_consultation(events_in: Extract) -> None:
    assert occurred(events_in("Ethiopia and Sudan held talks on the border dispute in Khartoum."), "CONSULT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Under the new code, every charity is required to send aid through the ministry.",
        "The statute obliges importers to seize counterfeit goods at the port.",
    ],
)
def test_what_a_rule_requires_is_not_done(events_in: Extract, text: str) -> None:
    assert not occurred(events_in(text), "AID", "COERCE")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("She said the cost of ignoring Peruvian interests had risen sharply.", "REJECT"),
        ("The idea of expelling the Nicaraguan diplomats divided the cabinet in San José.", "SANCTION"),
    ],
)
def test_a_gerund_that_completes_a_notion_is_no_act(events_in: Extract, text: str, kind: str) -> None:
    assert not occurred(events_in(text), kind)


@pytest.mark.model
def test_a_gerund_after_its_own_doer_is_still_an_act(events_in: Extract) -> None:
    assert occurred(events_in("Panama was accused of ignoring the Colombian request."), "ACCUSE")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The two trade ministers agreed to stop the imposition of new duties on timber.",
        "Jakarta and Canberra decided to shelve the introduction of fresh tariffs on cattle.",
        "Quito abandoned the introduction of new levies on Peruvian fruit.",
    ],
)
def test_a_measure_whose_making_is_called_off_is_not_made(events_in: Extract, text: str) -> None:
    measures = of_type(events_in(text), "SANCTION", "COERCE")
    assert not [e for e in measures if e.status in {"occurred", "promised", "threatened"}]


@pytest.mark.model
def test_a_measure_whose_making_is_announced_is_still_made(events_in: Extract) -> None:
    events = events_in("Quito announced the introduction of new tariffs on Peruvian fruit.")
    assert of_type(events, "SANCTION", "COERCE")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The report lands as closer cooperation is needed to fight piracy off Somalia.",
        "Broader cooperation between Fiji and Samoa is required to protect the tuna stocks.",
    ],
)
def test_cooperation_that_is_needed_has_not_happened(events_in: Extract, text: str) -> None:
    assert not occurred(events_in(text), "COOPERATE", "ASSAULT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian president chaired an emergency cabinet meeting in Accra on Monday.",
        "The Croatian foreign minister gave a press conference in Zagreb after the vote.",
        "Peru's president is to hold an urgent emergency cabinet meeting on Sunday.",
    ],
)
def test_a_meeting_within_one_body_is_no_consultation(events_in: Extract, text: str) -> None:
    events = events_in(text)
    assert not of_type(events, "CONSULT")
    assert not of_type(events, "THREATEN", "COERCE")  # nor do its modifiers name one ("emergency")


@pytest.mark.model
def test_a_meeting_between_two_states_is_still_consultation(events_in: Extract) -> None:
    events = events_in("The Ghanaian president held a meeting with the Ivorian prime minister in Accra.")
    assert occurred(events, "CONSULT")


# --- changes that act on nobody, asides, and what a negated telling is about --------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("For Bolivia, the new route removed a costly obstacle to its exports.", "SANCTION"),
        ("Car sales slumped as assembly plants in both countries shut down to slow the outbreak.", "COERCE"),
        ("Each visa would be valid for two years, as opposed to five years for a work permit.", "REJECT"),
    ],
)
def test_a_change_or_an_aside_is_no_act(events_in: Extract, text: str, kind: str) -> None:
    assert not of_type(events_in(text), kind)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Niger removed Benin from its list of approved suppliers.", "SANCTION"),
        ("Israel shut down the Erez crossing on Sunday.", "COERCE"),
    ],
)
def test_a_removal_or_a_closure_acting_on_someone_is_still_an_act(events_in: Extract, text: str, kind: str) -> None:
    assert occurred(events_in(text), kind)


@pytest.mark.model
def test_what_a_hoped_for_deal_would_do_has_not_happened(events_in: Extract) -> None:
    events = events_in("Hopes for an accord to end the salmon war were dashed after Oslo and Reykjavik traded barbs.")
    assert not occurred(events, "RETREAT", "CONCEDE")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Senegalese officials said they had not been told about the investigation beforehand.", "ACCUSE"),
        ("The Latvian embassy said it had not been informed of the arrest until Friday.", "COERCE"),
    ],
)
def test_what_a_negated_telling_is_about_is_not_denied(events_in: Extract, text: str, kind: str) -> None:
    assert not [e for e in of_type(events_in(text), kind) if e.status == "denied"]


@pytest.mark.model
def test_a_negated_act_on_its_object_is_still_denied(events_in: Extract) -> None:
    events = events_in("Hungary did not impose sanctions on Serbia.")
    assert not occurred(events, "SANCTION", "COERCE")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "What Norway has done gravely violates the rights of our fishermen, the Russian minister said.",
        "Exporters argued that the decree would breach Chile's commitments under the trade pact.",
        "The decision defies the spirit of the accord, officials in Dhaka said.",
    ],
)
def test_a_charge_that_a_measure_breaks_a_rule_is_no_rejection(events_in: Extract, text: str) -> None:
    assert not of_type(events_in(text), "REJECT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Azerbaijan violated the ceasefire agreement on Monday, Armenian officials said.",
        "Kabul's decision defies the spirit of the accord, Islamabad said.",
    ],
)
def test_a_party_that_breaks_a_rule_still_rejects_it(events_in: Extract, text: str) -> None:
    assert occurred(events_in(text), "REJECT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Ankara released a statement condemning the raid on its consulate.",
        "The Brazilian ministry released a video of the flooded border town.",
        "What was left out of the accord was any promise on fishing quotas.",
    ],
)
def test_publishing_or_omitting_frees_and_withdraws_nothing(events_in: Extract, text: str) -> None:
    assert not of_type(events_in(text), "RETREAT")


@pytest.mark.model
def test_captives_released_are_still_released(events_in: Extract) -> None:
    released = occurred(events_in("Colombian rebels released two Ecuadorian soldiers on Friday."), "RETREAT")
    assert released and released[0].mode == "release"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On how to compensate the Filipino workers, the two leaders agreed to keep talking.", "RETREAT"),
        ("Officials in Hanoi are still debating whether to retaliate against the new Chinese duties.", "SANCTION"),
    ],
)
def test_an_infinitive_opened_by_a_question_word_is_no_act(events_in: Extract, text: str, kind: str) -> None:
    assert not occurred(events_in(text), kind)


@pytest.mark.model
def test_a_retaliation_told_is_still_an_act(events_in: Extract) -> None:
    assert occurred(events_in("Hanoi retaliated against the new Chinese duties on Monday."), "SANCTION", "COERCE")


# --- a measure a government announces is its decision; approving a proposal endorses it ---------------------------


@pytest.mark.model
def test_a_restriction_a_government_announces_is_a_decision_not_a_threat(events_in: Extract) -> None:
    text = "On Monday the Chilean government announced that it would restrict crossings at its border with Bolivia."
    events = events_in(text)
    assert [e for e in of_type(events, "COERCE") if e.status == "promised"]
    assert not of_type(events, "THREATEN")


@pytest.mark.model
def test_a_measure_announced_unless_a_demand_is_met_is_still_a_threat(events_in: Extract) -> None:
    text = "Beijing announced it would impose tariffs on Australian barley unless Canberra dropped its probe."
    assert of_type(events_in(text), "THREATEN")


@pytest.mark.model
@pytest.mark.parametrize(
    "text, kind",
    [
        ("The Peruvian cabinet approved a proposal to remove Ecuador from its list of trusted suppliers.", "SANCTION"),
        ("The Hungarian cabinet signed off on the scheme to impose duties on Slovak steel.", "SANCTION"),
        ("Lawmakers in Oslo voted for a proposal to send medical aid to Moldova.", "AID"),
    ],
)
def test_approving_a_plan_to_act_is_that_act_decided(events_in: Extract, text: str, kind: str) -> None:
    # the plan's act is what was decided, not an endorsement of one's own proposal
    events = events_in(text)
    assert occurred(events, kind)
    assert not of_type(events, "SUPPORT", "AGREE")


@pytest.mark.model
def test_approving_an_accord_still_endorses_it(events_in: Extract) -> None:
    assert occurred(events_in("The Chilean senate approved the fisheries accord with Argentina."), "SUPPORT")


# --- a court reviews laws and runs trials; it concedes or asks nothing of a party by that ---------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Federal judges suspended most of the new mining law after Canadian investors sued.", ("CONCEDE",)),
        ("A court in Manila ordered a retrial of the case.", ("REQUEST",)),
        ("The high court in Nairobi quashed the earlier verdicts and ordered a new trial.", ("REQUEST", "CONCEDE")),
    ],
)
def test_a_courts_review_or_procedure_is_no_concession_nor_request(
    events_in: Extract, text: str, kinds: tuple[str, ...]
) -> None:
    assert not of_type(events_in(text), *kinds)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The constitutional court in Vilnius cancelled restrictions on Polish-language schools.", "CONCEDE"),
        ("The Thai court ordered a Dutch shipping firm to compensate two Indonesian sailors.", "REQUEST"),
    ],
)
def test_a_court_easing_curbs_or_ordering_a_party_still_acts(events_in: Extract, text: str, kind: str) -> None:
    assert occurred(events_in(text), kind)


# --- a warning of what a text would do is criticism; a duty is no act; a fact suggested is no request -------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Colombian chamber of commerce warned that the reform would only help smugglers.",
        "Exporters in Ecuador warn that the new rule would wreck existing contracts.",
        "A few economists cautioned that the tariffs might backfire and hurt Peruvian exporters.",
        "Conservatives in Oslo warned that the changes would encourage more migrants to make the journey.",
    ],
)
def test_a_warning_of_what_a_text_would_do_is_no_threat(events_in: Extract, text: str) -> None:
    assert not of_type(events_in(text), "THREATEN")


@pytest.mark.model
def test_a_warning_of_what_the_police_will_do_is_a_threat(events_in: Extract) -> None:
    text = "Peru's interior minister warned that police would break up any rally near the embassy."
    assert of_type(events_in(text), "THREATEN")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        ("Canada does not have to impose sanctions on Norway this week.", "SANCTION", "hypothetical"),
        ("Rabat has to lift the duties on Spanish tomatoes, the Spanish minister said.", "CONCEDE", "proposed"),
        ("Japan had to withdraw its troops from the border zone.", "RETREAT", "occurred"),
    ],
)
def test_what_someone_has_to_do_is_a_duty_not_an_act(events_in: Extract, text: str, kind: str, status: str) -> None:
    assert [e.status for e in of_type(events_in(text), kind)] == [status]


@pytest.mark.model
def test_a_fact_suggested_is_no_request(events_in: Extract) -> None:
    events = events_in("Officials in Quito have suggested the migrants were caught in a clash between two gangs.")
    assert not of_type(events, "REQUEST", "AGREE")
    assert all(e.status == "occurred" for e in events)
    assert of_type(events_in("Lima suggested that the accord be revised."), "REQUEST")


@pytest.mark.model
def test_leaving_a_city_for_another_is_a_trip_not_a_withdrawal(events_in: Extract) -> None:
    assert not of_type(events_in("The Chilean president left Buenos Aires for Santiago after the summit."), "RETREAT")
    assert of_type(events_in("Ghana withdrew its troops from the Togolese border."), "RETREAT")


# --- a state brought about is no withdrawal; a person carried somewhere pays no visit ---------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The botched raid has left Colombian police officers distrustful.", "RETREAT"),
        ("The reform would guarantee the state utility half of the market, leaving private generators to compete "
         "for the rest.", "RETREAT"),
        ("The decision will be Lima's second retaliatory step against a Chilean court ruling that forces Peruvian "
         "firms to compensate Chilean workers.", "RETREAT"),
        ("The cartel paid to have a Peruvian doctor kidnapped in Lima and flown to Bolivia for trial.", "CONSULT"),
    ],
)  # fmt: skip
def test_leaving_someone_in_a_state_or_flying_a_captive_is_no_act_of_theirs(
    events_in: Extract, text: str, kind: str
) -> None:
    assert not of_type(events_in(text), kind)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Chile withdrew its troops and left the border area for good.", "RETREAT"),
        ("The Peruvian minister flew to Bolivia for talks.", "CONSULT"),
    ],
)
def test_leaving_and_flying_to_still_act(events_in: Extract, text: str, kind: str) -> None:
    assert occurred(events_in(text), kind)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        ("The decision will be Lima's second retaliatory step against a Chilean court ruling.", "SANCTION",
         "threatened"),
        ("Kenya vowed swift retaliation against Uganda.", "THREATEN", "threatened"),
        ("Protests forced the Peruvian minister to resign.", "RETREAT", "occurred"),
    ],
)  # fmt: skip
def test_retaliation_penalises_and_what_was_forced_happened(
    events_in: Extract, text: str, kind: str, status: str
) -> None:
    assert [e.status for e in of_type(events_in(text), kind)] == [status]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Kenya criticised the move, a fresh strain on ties as the two neighbours clash over trade.",
        "Peru and Chile clashed over fishing quotas at the summit.",
        "Peru recorded more than 3,000 murder victims in 2021, according to official figures.",
    ],
)
def test_a_quarrel_over_an_issue_or_a_count_of_victims_is_no_assault(events_in: Extract, text: str) -> None:
    assert not of_type(events_in(text), "ASSAULT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Protesters clashed with police over the new law in Quito.",
        "Rival gangs clashed over drug routes near the border.",
        "Gunmen murdered three Peruvian farmers in 2021.",
    ],
)
def test_fighting_over_a_place_or_with_police_and_a_murder_are_assaults(events_in: Extract, text: str) -> None:
    assert occurred(events_in(text), "ASSAULT")


# --- a breach others say a thing commits is their charge; what anybody does is no party's act ------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Importers in Chile argue that it breaches the trade agreement with Peru.",
        "The president wants to amend the constitution, a plan Canadian firms say would violate the trade agreement.",
        "The remark drew criticism from some senators, who said it ignored the right to seek asylum.",
    ],
)
def test_a_breach_a_speaker_charges_a_thing_with_is_no_rejection(events_in: Extract, text: str) -> None:
    assert not of_type(events_in(text), "REJECT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["Chile said Peru violated the fisheries treaty.", "Peru said it would defy the ruling of the court."]
)
def test_a_party_breaching_or_defying_still_rejects(events_in: Extract, text: str) -> None:
    assert of_type(events_in(text), "REJECT")


@pytest.mark.model
def test_what_any_official_must_do_is_no_meeting(events_in: Extract) -> None:
    assert not of_type(events_in("Any Peruvian official who meets them must report the meeting."), "CONSULT")
    assert of_type(events_in("A Peruvian official who met them reported the meeting."), "CONSULT")


@pytest.mark.parametrize(
    "text, kind, mode",
    [
        ("Supermarkets in Hanoi have been removing Chinese fruit from their shelves.", "PROTEST", "boycott"),
        ("Retailers in Seoul have excluded Japanese sake from their promotions.", "PROTEST", "boycott"),
        # twins: a state or a body shunning the same goods takes a measure
        ("Peru excluded Chilean wine from its tariff cuts.", "SANCTION", None),
        ("The ministry removed Thai rice from the list of approved imports.", "SANCTION", "discontinue"),
    ],
)
def test_shops_shunning_a_countrys_goods_boycott_them(
    events_in: Extract, text: str, kind: str, mode: str | None
) -> None:
    found = events_in(text)
    assert [e for e in found if e.type == kind and e.mode == mode]
    assert not of_type(found, *({"PROTEST", "SANCTION", "COERCE"} - {kind}))


@pytest.mark.parametrize(
    "text, status",
    [
        ("The banker is wanted in Bolivia on charges of fraud.", "occurred"),
        ("A smuggler wanted in Ecuador on bribery charges was caught in Lima.", "occurred"),
        # twin: what a party wants is what it proposes
        ("Ecuador wants charges against the smuggler.", "proposed"),
    ],
)
def test_wanted_on_charges_names_charges_brought_not_wished(events_in: Extract, text: str, status: str) -> None:
    charges = of_type(events_in(text), "ACCUSE")
    assert charges and all(e.status == status for e in charges)
