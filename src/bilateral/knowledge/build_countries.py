"""Generate `packs/countries.yaml`: every ISO 3166 country (pycountry) with demonyms, capitals and key places.

Run `python -m bilateral.knowledge.build_countries` after editing the tables below; the output is committed.
Demonyms, short names, capitals and sub-national places are facts written down for this project.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# Demonyms (adjective and plural) and common short names, by ISO alpha-3.
DEMONYMS: dict[str, list[str]] = {
    "USA": ["American", "Americans", "U.S.", "US", "U.S.A.", "USA", "America", "United States", "the States"],
    "MEX": ["Mexican", "Mexicans"], "CAN": ["Canadian", "Canadians"], "GTM": ["Guatemalan", "Guatemalans"],
    "HND": ["Honduran", "Hondurans"], "SLV": ["Salvadoran", "Salvadorans", "Salvadorian"],
    "NIC": ["Nicaraguan", "Nicaraguans"], "CRI": ["Costa Rican", "Costa Ricans"], "PAN": ["Panamanian", "Panamanians"],
    "CUB": ["Cuban", "Cubans"], "HTI": ["Haitian", "Haitians"], "DOM": ["Dominican", "Dominicans"],
    "VEN": ["Venezuelan", "Venezuelans"], "COL": ["Colombian", "Colombians"], "ECU": ["Ecuadorian", "Ecuadorians"],
    "PER": ["Peruvian", "Peruvians"], "BOL": ["Bolivian", "Bolivians"], "CHL": ["Chilean", "Chileans"],
    "ARG": ["Argentine", "Argentinian", "Argentines", "Argentinians"], "BRA": ["Brazilian", "Brazilians"],
    "URY": ["Uruguayan", "Uruguayans"], "PRY": ["Paraguayan", "Paraguayans"], "BLZ": ["Belizean", "Belizeans"],
    "JAM": ["Jamaican", "Jamaicans"], "GBR": ["British", "Briton", "Britons", "UK", "U.K.", "Britain", "English"],
    "IRL": ["Irish"], "FRA": ["French"], "DEU": ["German", "Germans"], "ITA": ["Italian", "Italians"],
    "ESP": ["Spanish", "Spaniard", "Spaniards"], "PRT": ["Portuguese"], "NLD": ["Dutch"], "BEL": ["Belgian", "Belgians"],
    "CHE": ["Swiss"], "AUT": ["Austrian", "Austrians"], "SWE": ["Swedish", "Swede", "Swedes"],
    "NOR": ["Norwegian", "Norwegians"], "DNK": ["Danish", "Dane", "Danes"], "FIN": ["Finnish", "Finn", "Finns"],
    "POL": ["Polish", "Pole", "Poles"], "CZE": ["Czech", "Czechs"], "HUN": ["Hungarian", "Hungarians"],
    "ROU": ["Romanian", "Romanians"], "BGR": ["Bulgarian", "Bulgarians"], "GRC": ["Greek", "Greeks"],
    "TUR": ["Turkish", "Turk", "Turks", "Turkey"], "RUS": ["Russian", "Russians", "Russia"],
    "UKR": ["Ukrainian", "Ukrainians"], "BLR": ["Belarusian", "Belarusians"], "SRB": ["Serbian", "Serb", "Serbs"],
    "HRV": ["Croatian", "Croat", "Croats"], "BIH": ["Bosnian", "Bosnians"], "ALB": ["Albanian", "Albanians"],
    "CHN": ["Chinese", "China"], "JPN": ["Japanese"], "KOR": ["South Korean", "South Koreans", "South Korea"],
    "PRK": ["North Korean", "North Koreans", "North Korea"], "TWN": ["Taiwanese", "Taiwan"], "IND": ["Indian", "Indians"],
    "PAK": ["Pakistani", "Pakistanis"], "AFG": ["Afghan", "Afghans"], "IRN": ["Iranian", "Iranians", "Iran"],
    "IRQ": ["Iraqi", "Iraqis"], "SYR": ["Syrian", "Syrians", "Syria"], "ISR": ["Israeli", "Israelis"],
    "PSE": ["Palestinian", "Palestinians"], "LBN": ["Lebanese"], "JOR": ["Jordanian", "Jordanians"],
    "SAU": ["Saudi", "Saudis"], "EGY": ["Egyptian", "Egyptians"], "LBY": ["Libyan", "Libyans"],
    "TUN": ["Tunisian", "Tunisians"], "DZA": ["Algerian", "Algerians"], "MAR": ["Moroccan", "Moroccans"],
    "NGA": ["Nigerian", "Nigerians"], "ZAF": ["South African", "South Africans"], "KEN": ["Kenyan", "Kenyans"],
    "ETH": ["Ethiopian", "Ethiopians"], "SOM": ["Somali", "Somalis"], "SDN": ["Sudanese"], "VNM": ["Vietnamese", "Vietnam"],
    "THA": ["Thai"], "IDN": ["Indonesian", "Indonesians"], "PHL": ["Filipino", "Filipinos", "Philippine"],
    "MYS": ["Malaysian", "Malaysians"], "AUS": ["Australian", "Australians"], "NZL": ["New Zealander", "New Zealanders"],
    "QAT": ["Qatari", "Qataris"], "ARE": ["Emirati", "Emiratis", "UAE"], "YEM": ["Yemeni", "Yemenis"],
}  # fmt: skip
# Capitals (and seats of government) used as names for a government: "Washington said …".
CAPITALS: dict[str, list[str]] = {
    "USA": ["Washington"], "MEX": [], "CAN": ["Ottawa"], "GBR": ["London", "Downing Street"], "FRA": ["Paris", "Élysée"],
    "DEU": ["Berlin"], "RUS": ["Moscow", "Kremlin", "the Kremlin"], "CHN": ["Beijing"], "JPN": ["Tokyo"],
    "IND": ["New Delhi"], "ISR": ["Jerusalem"], "IRN": ["Tehran"], "UKR": ["Kyiv", "Kiev"], "TUR": ["Ankara"],
    "GTM": [], "HND": ["Tegucigalpa"], "SLV": ["San Salvador"], "CUB": ["Havana"], "VEN": ["Caracas"],
    "COL": ["Bogotá", "Bogota"], "BRA": ["Brasília", "Brasilia"], "ARG": ["Buenos Aires"], "KOR": ["Seoul"],
    "PRK": ["Pyongyang"], "SAU": ["Riyadh"], "EGY": ["Cairo"], "PAK": ["Islamabad"], "AFG": ["Kabul"],
}  # fmt: skip
# Sub-national places that matter for the packs shipped (states, border cities), mapped to their country.
PLACES: dict[str, list[str]] = {
    "USA": ["Texas", "California", "Arizona", "New Mexico", "Florida", "New York", "Los Angeles", "El Paso",
            "San Diego", "Laredo", "Chicago", "Houston", "Miami", "San Antonio", "Brooklyn", "Rio Grande Valley",
            "Puerto Rico", "Washington, D.C.", "Del Rio", "Yuma", "Nogales, Arizona"],
    "MEX": ["Mexico City", "Jalisco", "Sinaloa", "Chihuahua", "Sonora", "Tamaulipas", "Baja California",
            "Coahuila", "Nuevo León", "Nuevo Leon", "Michoacán", "Michoacan", "Guerrero", "Oaxaca", "Chiapas",
            "Veracruz", "Guanajuato", "Zacatecas", "Tabasco", "Quintana Roo", "Yucatán", "Yucatan", "Puebla",
            "Durango", "Tijuana", "Ciudad Juárez", "Ciudad Juarez", "Juárez", "Juarez", "Culiacán", "Culiacan",
            "Guadalajara", "Monterrey", "Matamoros", "Reynosa", "Nuevo Laredo", "Tapachula", "Acapulco",
            "Cancún", "Cancun", "Bavispe", "Nogales"],
    "GTM": ["Guatemala City"], "HND": ["San Pedro Sula"],
}  # fmt: skip


def build() -> dict[str, Any]:
    import pycountry

    countries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = country.alpha_3
        names = [country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)]
        aliases = [name for name in dict.fromkeys(names) if name]
        entry: dict[str, Any] = {"code": code, "name": getattr(country, "common_name", None) or country.name}
        entry["aliases"] = aliases
        if DEMONYMS.get(code):
            entry["demonyms"] = DEMONYMS[code]
        if CAPITALS.get(code):
            entry["capitals"] = CAPITALS[code]
        if PLACES.get(code):
            entry["places"] = PLACES[code]
        countries.append(entry)
    return {
        "pack": "countries",
        "kind": "countries",
        "description": "ISO 3166 countries (pycountry) with demonyms, seats of government and key places.",
        "countries": countries,
    }


def main() -> None:
    path = Path(__file__).parent / "packs" / "countries.yaml"
    header = "# Generated by `python -m bilateral.knowledge.build_countries`; edit the tables there, not this file.\n"
    path.write_text(header + yaml.safe_dump(build(), allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
