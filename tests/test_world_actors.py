"""World actor knowledge (compiled Phoenix dictionaries, office-holder supplement) and dyad-neutral resolution,
on sentences written for these tests (other names, other countries than the dyad sets)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bilateral.annotate import analyse
from bilateral.annotate.knowledge import Knowledge, Role, build, role_at
from bilateral.annotate.nlp import load_nlp
from bilateral.knowledge import Packs, builtin_packs
from bilateral.knowledge.build_world import AGENTS_OUT, OUT, compile_agents, compile_world, country_codes
from bilateral.model import Analysis

SOURCES = Path(__file__).resolve().parents[2] / "shared" / "knowledge-sources" / "petrarch2"


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return build(builtin_packs())


@pytest.fixture(scope="module")
def without_dyad_pack() -> Knowledge:
    return build(Packs(tuple(pack for pack in builtin_packs().packs if pack.name != "us_mexico")))


def run(text: str, knowledge: Knowledge, published: str | None = "2019-06-12") -> Analysis:
    return analyse(load_nlp()(text), published=published, document="d", knowledge=knowledge)


def actor_of(analysis: Analysis, text: str) -> Any:
    ids = {m.actor for m in analysis.mentions if m.text == text}
    assert len(ids) == 1, (text, [(m.text, m.actor) for m in analysis.mentions])
    return analysis.actors[ids.pop()]


def test_world_pack_is_the_generators_output() -> None:
    if not SOURCES.is_dir():
        pytest.skip(f"knowledge sources {SOURCES} are absent (they live in ../shared beside the project)")
    assert compile_world(SOURCES, country_codes()) == OUT.read_text(encoding="utf-8")
    assert compile_agents(SOURCES) == AGENTS_OUT.read_text(encoding="utf-8")


def test_agent_nouns_type_an_organisation_by_its_head(knowledge: Knowledge) -> None:
    from bilateral.annotate.actors import _head_sector

    assert knowledge.actors.agents["ministry"] == "GOV" and knowledge.actors.agents["army"] == "MIL"
    assert _head_sector("Kestrel Steelmaker", knowledge.actors) == "BUS"


def test_world_pack_keeps_the_licence_and_a_compact_form() -> None:
    text = OUT.read_text(encoding="utf-8")
    assert "Copyright (c) 2014 Open Event Data Alliance" in text and "MIT" in text
    assert OUT.stat().st_size < 2_000_000


def test_role_at_the_date_of_the_text() -> None:
    roles = (Role("KEN", "ELI"), Role("KEN", "GOV", "20030101", "20071231"), Role("KEN", "MIL", "20100101", ""))
    assert role_at(roles, "2005-06-01") == ("KEN", "GOV")
    assert role_at(roles, "2012-01-01") == ("KEN", "MIL")
    assert role_at(roles, None) == ("KEN", "MIL")  # undated: the latest known role
    ended = (Role("PER", "GOV", "19900101", "19951231"),)
    assert role_at(ended, "2019-01-01") == ("PER", None)  # nationality kept outside the role period
    moved = (Role("EST", "GOV", "20110101", "20241130"), Role("IGO", "IGO", "20241201", ""))
    assert role_at(moved, "2020-05-05") == ("EST", "GOV") and role_at(moved, "2025-02-01") == ("IGO", "IGO")


def test_world_lookup_refuses_generic_names_and_shared_names(knowledge: Knowledge) -> None:
    actors = knowledge.actors
    assert actors.world_role("National Security Council", None) is None  # every country has one
    assert actors.world_role("Senate", None) is None
    assert actors.world_role("Penny Wong", "2023-03-01") == ("AUS", "GOV")
    assert actors.world_role("Panasonic Corp.", None) == ("JPN", "BUS")  # a corporate word is not the name


@pytest.mark.model
def test_office_holders_have_their_country_without_context(knowledge: Knowledge) -> None:
    found = run(
        "Narendra Modi welcomed Anthony Albanese, and Sergei Lavrov later joined them.", knowledge, "2023-03-09"
    )
    assert actor_of(found, "Narendra Modi").country == "IND"
    assert actor_of(found, "Anthony Albanese").country == "AUS"
    assert actor_of(found, "Sergei Lavrov").country == "RUS"


@pytest.mark.model
def test_hyphenated_and_family_name_first_names_stay_whole(knowledge: Knowledge) -> None:
    found = run("Vice Minister Park Min-jun of South Korea met Deputy Minister Tran Van Hung. Park said the talks "
                "were useful, and Tran agreed.", knowledge)  # fmt: skip
    park = actor_of(found, "Park Min-jun")
    assert actor_of(found, "Park") is park and park.country == "KOR"
    assert actor_of(found, "Tran") is actor_of(found, "Tran Van Hung")


@pytest.mark.model
def test_dyad_pack_bodies_stay_out_of_other_countries(knowledge: Knowledge) -> None:
    found = run("A senior Indian Foreign Ministry official said Delhi was ready. The Foreign Ministry later denied "
                "any talks.", knowledge)  # fmt: skip
    ministry = actor_of(found, "Indian Foreign Ministry")
    assert ministry.country == "IND" and actor_of(found, "Foreign Ministry") is ministry
    found = run("The chief of staff at the National Security Council in Ankara met Greek envoys.", knowledge)
    assert actor_of(found, "National Security Council").country != "USA"


@pytest.mark.model
def test_country_qualified_bodies_are_that_countrys(knowledge: Knowledge) -> None:
    found = run("Brazil's finance ministry said on Monday it would not act. The Finance Ministry gave no date.",
                knowledge)  # fmt: skip
    ministry = actor_of(found, "Brazil's finance ministry")
    assert ministry.country == "BRA" and actor_of(found, "Finance Ministry") is ministry
    found = run("The Kenyan Supreme Court ruled on Tuesday, and the top court's ruling stood.", knowledge)
    assert actor_of(found, "Kenyan Supreme Court").country == "KEN"


@pytest.mark.model
def test_a_body_in_the_title_gives_a_spokesperson_a_country(knowledge: Knowledge) -> None:
    found = run("White House press secretary Dana Whitfield said the offer stood.", knowledge)
    assert actor_of(found, "Dana Whitfield").country == "USA"


@pytest.mark.model
def test_outlets_that_report_are_media_actors_with_a_country(knowledge: Knowledge) -> None:
    found = run("Antara News Agency reported the vote, and Kyodo said Tokyo had been told.", knowledge)
    antara = actor_of(found, "Antara News Agency")
    assert (antara.country, antara.sector) == ("IDN", "MED")
    assert actor_of(found, "Kyodo").country == "JPN"


@pytest.mark.model
def test_company_name_variants_are_one_company(knowledge: Knowledge) -> None:
    found = run("Orvella Systems Co said Orvella Systems would appeal the fine.", knowledge)
    assert actor_of(found, "Orvella Systems Co") is actor_of(found, "Orvella Systems")


OTHER_PAIR = [
    "Thailand and Vietnam traded accusations on Monday. The Foreign Ministry in Bangkok summoned the envoy, and "
    "the National Security Council met. Prime Minister Somchai Ratanakorn said Congress had no role.",
    "Vietnamese Deputy Foreign Minister Le Thi Thu said Hanoi would respond. The Senate in Bangkok debated the "
    "National Guard's role at the border while the Defense Ministry stayed silent.",
]


@pytest.mark.model
def test_removing_the_dyad_pack_changes_nothing_for_another_pair(
    knowledge: Knowledge, without_dyad_pack: Knowledge
) -> None:
    for text in OTHER_PAIR:
        with_pack, without = run(text, knowledge), run(text, without_dyad_pack)
        assert with_pack.actors == without.actors
        assert with_pack.mentions == without.mentions


@pytest.mark.model
def test_removing_the_dyad_pack_changes_only_american_and_mexican_actors(
    knowledge: Knowledge, without_dyad_pack: Knowledge
) -> None:
    text = ("Washington and Beijing resumed talks. The Chinese Foreign Ministry said the Commerce Ministry would "
            "answer, while Congress in Washington threatened new duties and the White House said nothing.")  # fmt: skip
    with_pack, without = run(text, knowledge), run(text, without_dyad_pack)
    changed = {m.text for m in with_pack.mentions} ^ {m.text for m in without.mentions}
    changed |= {m.text for m in with_pack.mentions if with_pack.actors[m.actor].country in {"USA", "MEX"}}
    for mention in without.mentions:
        actor = without.actors[mention.actor]
        if mention.text not in changed:
            assert actor == with_pack.actors[actor_of(with_pack, mention.text).id], mention.text
    assert actor_of(with_pack, "Chinese Foreign Ministry").country == "CHN"


@pytest.mark.model
def test_bracketed_tags_and_full_datelines_are_not_actors(knowledge: Knowledge) -> None:
    found = run("QUITO, Ecuador, Feb. 9 (Wire) -- Ecuadorian officials met Peruvian envoys.\n(UPDATE) The talks "
                "went on. (BROADCAST) The minister spoke.", knowledge)  # fmt: skip
    assert {m.text for m in found.mentions} == {"Ecuadorian officials"}
    assert [p.text for p in found.places][:1] == ["QUITO"]


@pytest.mark.model
def test_treaties_are_not_actors(knowledge: Knowledge) -> None:
    found = run("Lima ended the Andean Fisheries Cooperation Agreement, and Quito said the pact mattered.", knowledge)
    assert all("Agreement" not in m.text for m in found.mentions)


def test_corpus_pass_joins_names_split_across_documents(knowledge: Knowledge) -> None:
    from bilateral.annotate.actors import corpus_merges
    from bilateral.model import Actor

    actors = [
        Actor("ann-marie-cole", "Ann Marie Cole", "person", "NZL", "GOV", []),
        Actor("ann-cole", "Ann Cole", "person", None, None, []),
        Actor("tanaka-hiroshi", "Tanaka Hiroshi", "person", "JPN", "GOV", []),
        Actor("tanaka", "Tanaka", "person", None, None, []),
        Actor("kim", "Kim", "person", None, None, []),  # two people of that name: left alone
        Actor("kim-min-su", "Kim Min-su", "person", "KOR", None, []),
        Actor("kim-ji-woo", "Kim Ji-woo", "person", "KOR", None, []),
        Actor("orvella", "Orvella", "organization", "FIN", "BUS", []),
        Actor("orvella-systems", "Orvella Systems", "organization", None, "BUS", []),
        Actor("PER-trade-ministry", "Peru's Trade Ministry", "organization", "PER", "GOV", []),
        Actor("trade-ministry", "Trade Ministry", "organization", None, "GOV", []),
        Actor("ministry-of-trade", "Ministry of Trade", "organization", None, "GOV", []),
    ]
    merges = corpus_merges(actors, knowledge.actors)
    assert merges == {
        "ann-cole": "ann-marie-cole",
        "tanaka": "tanaka-hiroshi",
        "orvella-systems": "orvella",
        "trade-ministry": "PER-trade-ministry",
        "ministry-of-trade": "PER-trade-ministry",
    }


def test_corpus_pass_leaves_bodies_of_several_countries_apart(knowledge: Knowledge) -> None:
    from bilateral.annotate.actors import corpus_merges
    from bilateral.model import Actor

    actors = [
        Actor("PER-trade-ministry", "Peru's Trade Ministry", "organization", "PER", "GOV", []),
        Actor("CHL-trade-ministry", "Chilean Trade Ministry", "organization", "CHL", "GOV", []),
        Actor("trade-ministry", "Trade Ministry", "organization", None, "GOV", []),
    ]
    assert corpus_merges(actors, knowledge.actors) == {}


@pytest.mark.model
def test_a_defined_acronym_of_another_countrys_body_is_not_the_dyad_packs(knowledge: Knowledge) -> None:
    found = run("Ankara and Athens traded notes. Turkish officials said the National Security Council (NSC) met in "
                "Ankara, and the NSC backed Greek talks.", knowledge)  # fmt: skip
    council = actor_of(found, "National Security Council")
    assert council.country != "USA" and actor_of(found, "NSC") is council


def test_corpus_pass_joins_one_countrys_body_named_several_ways(knowledge: Knowledge) -> None:
    from bilateral.annotate.actors import corpus_merges
    from bilateral.model import Actor

    actors = [
        Actor("ZAF-supreme-court", "South African Supreme Court", "organization", "ZAF", "JUD", []),
        Actor("ZAF-supreme-court-2", "South Africa's Top Court", "organization", "ZAF", "JUD", []),
        Actor("supreme-court", "Supreme Court", "organization", None, "JUD", []),
    ]
    assert corpus_merges(actors, knowledge.actors) == {
        "ZAF-supreme-court-2": "ZAF-supreme-court",
        "supreme-court": "ZAF-supreme-court",
    }


@pytest.mark.model
def test_initialisms_bodies_in_titles_and_names_cut_at_of(knowledge: Knowledge) -> None:
    found = run("The Ministry of Agriculture, Forestry and Fisheries acted. MAFF chief Shinjiro Koizumi said so, "
                "with Hiroshige Seko.", knowledge, "2025-11-01")  # fmt: skip
    ministry = actor_of(found, "Ministry of Agriculture, Forestry and Fisheries")
    assert actor_of(found, "MAFF") is ministry and ministry.country == "JPN"
    found = run("Nguyen, who sits on the Political Bureau of the Communist Party of Vietnam Central Committee, spoke.",
                knowledge)  # fmt: skip
    bureau = actor_of(found, "Political Bureau of the Communist Party of Vietnam Central Committee")
    assert bureau.country == "VNM"


@pytest.mark.model
def test_a_body_spacy_calls_a_facility_is_an_organisation_and_buildings_are_places(knowledge: Knowledge) -> None:
    found = run("Ana Ruiz, an analyst at the Institute for Andean Policy Studies, spoke at the Grand Lima Hotel.",
                knowledge)  # fmt: skip
    assert all("Hotel" not in m.text for m in found.mentions)
    assert any("Institute for Andean Policy Studies" in m.text for m in found.mentions)


@pytest.mark.model
def test_a_place_before_a_comma_is_not_coordinated_with_a_collective(knowledge: Knowledge) -> None:
    found = run("At a briefing in Hanoi, Vietnamese officials spoke. Thai, Lao and Cambodian officials met.", knowledge)
    assert all(m.text != "Hanoi" for m in found.mentions)
    assert actor_of(found, "Thai").id == "THA-GOV" and actor_of(found, "Lao").id == "LAO-GOV"


@pytest.mark.model
def test_a_country_name_spacy_calls_a_person_is_the_country(knowledge: Knowledge) -> None:
    from bilateral.annotate.actors import _place_named_as_person

    doc = load_nlp()("Officials said Türkiye would respond.")
    span = doc[2:3]
    assert _place_named_as_person(doc, span, knowledge.actors)


@pytest.mark.model
def test_a_capital_one_goes_to_is_a_place_and_a_named_deal_is_no_actor(knowledge: Knowledge) -> None:
    found = run("The Chilean delegation left Lima on Sunday. Santiago agreed a large Stage Two deal with Peru.",
                knowledge)  # fmt: skip
    assert all(m.text != "Lima" for m in found.mentions) and any(p.text == "Lima" for p in found.places)
    assert all("Stage Two" not in m.text for m in found.mentions)


DYADS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dyads"


@pytest.mark.model
@pytest.mark.parametrize("dyad", ["japan_korea", "us_china"])
def test_the_dyad_pack_leaves_other_pairs_real_articles_alone(
    dyad: str, knowledge: Knowledge, without_dyad_pack: Knowledge
) -> None:
    """On the real dyad articles (read at run time): without the US–Mexico pack nothing changes for Japan–Korea,
    and on US–China only mentions of American or Mexican actors do."""
    from bilateral.annotate.nlp import parse

    folder = DYADS / dyad / "docs"
    if not folder.is_dir():
        pytest.skip(f"dyad set {folder} is absent (it lives in ../shared/eval beside the project)")
    files = sorted(folder.glob("*.txt"))
    for path, doc in zip(files, parse(f.read_text(encoding="utf-8") for f in files), strict=True):
        with_pack = analyse(doc, published=None, document=path.name, knowledge=knowledge)
        without = analyse(doc, published=None, document=path.name, knowledge=without_dyad_pack)
        spans_with = {(m.start, m.end): with_pack.actors[m.actor] for m in with_pack.mentions}
        spans_without = {(m.start, m.end): without.actors[m.actor] for m in without.mentions}
        for span in set(spans_with) | set(spans_without):
            one, other = spans_with.get(span), spans_without.get(span)
            if one != other:
                countries = {actor.country for actor in (one, other) if actor is not None}
                assert dyad == "us_china" and countries & {"USA", "MEX"}, (path.name, doc.text[span[0] : span[1]])


@pytest.mark.model
def test_a_known_company_is_never_made_a_person(knowledge: Knowledge) -> None:
    found = run("Goldman Sachs advised the sale, and Narendra Modi welcomed it.", knowledge, "2020-02-02")
    assert actor_of(found, "Goldman Sachs").kind == "organization"
    assert actor_of(found, "Narendra Modi").kind == "person"


@pytest.mark.model
def test_names_of_areas_and_hyphenated_modifiers_are_not_actors(knowledge: Knowledge) -> None:
    found = run("The leaders met in the Xinqiao (Lakeside) area of Wuhan. Then the ASEAN-related talks began, and "
                "the Tongxin district council said nothing.", knowledge)  # fmt: skip
    assert all(m.text not in {"Xinqiao", "Lakeside", "ASEAN-"} for m in found.mentions)
