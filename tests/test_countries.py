"""The countries pack: every UN member named, with its demonyms and capital, and the committed pack in step with
the tables it is generated from."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bilateral.annotate import Knowledge, load_knowledge
from bilateral.annotate.actors import country_of
from bilateral.annotate.knowledge import ActorKnowledge
from bilateral.extract.events import EventPatterns
from bilateral.knowledge import build_countries
from tests.conftest import events_reader, evidence_is_its_text

PACK = Path(build_countries.__file__).parent / "packs" / "countries.yaml"


@pytest.fixture(scope="module")
def actors() -> ActorKnowledge:
    return load_knowledge().actors


def test_countries_pack_is_the_output_of_its_generator() -> None:
    committed = yaml.safe_load(PACK.read_text(encoding="utf-8"))
    assert committed == build_countries.build(), "run `python -m bilateral.knowledge.build_countries`"


def test_every_un_member_has_a_demonym_and_a_capital() -> None:
    entries = {entry["code"]: entry for entry in build_countries.build()["countries"]}
    missing = []
    for code in (*build_countries.UN_MEMBERS, *build_countries.OBSERVERS):
        entry, omitted = entries[code], build_countries.OMITTED.get(code, "")
        if not entry.get("demonyms") and "demonym" not in omitted:
            missing.append(f"{code} demonym")
        if not entry.get("capitals") and "capital" not in omitted:
            missing.append(f"{code} capital")
    assert not missing
    assert len(build_countries.UN_MEMBERS) == len(set(build_countries.UN_MEMBERS)) == 193


@pytest.mark.parametrize(
    ("demonym", "code"),
    [("Guatemalan", "GTM"), ("Salvadoran", "SLV"), ("Honduran", "HND"), ("Venezuelan", "VEN"),
     ("Ecuadorian", "ECU"), ("Colombian", "COL"), ("Cuban", "CUB"), ("Nicaraguan", "NIC"), ("Haitian", "HTI"),
     ("Canadian", "CAN"), ("Chinese", "CHN"), ("Russian", "RUS"), ("Ukrainian", "UKR"), ("Israeli", "ISR"),
     ("Palestinian", "PSE"), ("Iranian", "IRN"), ("Saudi", "SAU"), ("Emirati", "ARE"), ("Qatari", "QAT"),
     ("Turkish", "TUR"), ("Filipino", "PHL"), ("Vietnamese", "VNM"), ("South Korean", "KOR"),
     ("North Korean", "PRK"), ("Taiwanese", "TWN"), ("Indian", "IND"), ("Pakistani", "PAK"), ("Afghan", "AFG"),
     ("Nigerian", "NGA"), ("Kenyan", "KEN"), ("Ethiopian", "ETH"), ("Egyptian", "EGY"), ("South African", "ZAF"),
     ("Brazilian", "BRA"), ("Argentine", "ARG"), ("Argentinian", "ARG"), ("Chilean", "CHL"), ("Peruvian", "PER"),
     ("Bolivian", "BOL"), ("Paraguayan", "PRY"), ("Uruguayan", "URY"), ("Azerbaijani", "AZE"),
     ("Bangladeshi", "BGD"), ("Ghanaian", "GHA"), ("Senegalese", "SEN"), ("Kazakh", "KAZ"), ("Nepali", "NPL")],
)  # fmt: skip
def test_common_demonyms_name_their_country(actors: ActorKnowledge, demonym: str, code: str) -> None:
    found = country_of(demonym, actors)
    assert found is not None and found.code == code


@pytest.mark.parametrize(
    ("name", "code"),
    [("Russia", "RUS"), ("South Korea", "KOR"), ("Turkey", "TUR"), ("Türkiye", "TUR"), ("Burma", "MMR"),
     ("Ivory Coast", "CIV"), ("DRC", "COD"), ("the Netherlands", "NLD"), ("Seoul", "KOR"), ("Abuja", "NGA"),
     ("Kyiv", "UKR"), ("Brasília", "BRA"), ("Canberra", "AUS"), ("Ontario", "CAN"), ("Oaxaca", "MEX")],
)  # fmt: skip
def test_short_names_capitals_and_provinces_name_their_country(actors: ActorKnowledge, name: str, code: str) -> None:
    found = country_of(name, actors)
    assert found is not None and found.code == code


def test_countries_are_named_as_people_say_them(actors: ActorKnowledge) -> None:
    names = {country.code: country.name for country in actors.countries.values()}
    assert (names["RUS"], names["KOR"], names["IRN"], names["VNM"], names["TWN"]) == (
        "Russia",
        "South Korea",
        "Iran",
        "Vietnam",
        "Taiwan",
    )


def test_a_state_iso_does_not_list_is_a_country_with_its_people_capital_and_office_holders(
    actors: ActorKnowledge,
) -> None:
    for name in ("Kosovo", "Kosovar", "Pristina"):
        found = country_of(name, actors)
        assert found is not None and found.code == "XKX", name
    world = (PACK.parent / "world_actors.yaml").read_text(encoding="utf-8")
    assert "|XKX GOV " in world and "|KSV " not in world  # the dictionaries' KSV read as XKX


def test_events_between_kosovo_and_its_neighbour_carry_both_countries(
    knowledge: Knowledge, patterns: EventPatterns
) -> None:
    read = events_reader(knowledge, patterns, "2022-08-01", evidence_is_its_text)
    found = read("Serbia accused Kosovo of violating the agreement on licence plates on Tuesday.")
    assert any(e.source_countries == ["SRB"] and e.target_countries == ["XKX"] for e in found)


def test_a_state_iso_does_not_list_is_named_in_pages_and_briefings() -> None:
    from bilateral.report.digest import country_names
    from bilateral.web.views import country_name

    assert country_name("XKX") == "Kosovo"
    events = [{"source_countries": ["XKX"], "target_countries": ["SRB"]}]
    assert country_names({"actors": [], "events": events}) == {"XKX": "Kosovo", "SRB": "Serbia"}
