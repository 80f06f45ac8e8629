"""Generate `packs/countries.yaml`: every ISO 3166 country (pycountry) with demonyms, capitals and key places.

Run `python -m bilateral.knowledge.build_countries` after editing the tables below; the output is committed.
Short names, demonyms, capitals and sub-national places are facts written down for this project. Every UN member
and observer has its common demonyms and its capital; `tests/test_countries.py` checks that none is missing.
Names that mislead more often than they help are left out on purpose: a capital shared with a better-known place
("San José", "Georgetown", "Victoria", "Panama City"), one that is an English word ("Malé"), "Brussels" (in the
news it means the European Union), and demonyms two countries share ("Korean", "Congolese" for the Republic of
the Congo, "Dominican" for Dominica, "Central African", a region as much as a country).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# Display names where pycountry's is a list entry ("Korea, Republic of") or not the usual English one.
DISPLAY: dict[str, str] = {
    "BOL": "Bolivia", "BRN": "Brunei", "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "FSM": "Micronesia", "IRN": "Iran", "KOR": "South Korea", "LAO": "Laos", "MDA": "Moldova", "PRK": "North Korea",
    "PSE": "Palestine", "RUS": "Russia", "SYR": "Syria", "TUR": "Turkey", "TWN": "Taiwan", "TZA": "Tanzania",
    "VAT": "Holy See", "VEN": "Venezuela", "VGB": "British Virgin Islands", "VIR": "U.S. Virgin Islands",
    "VNM": "Vietnam", "FLK": "Falkland Islands", "MAF": "Saint Martin", "SXM": "Sint Maarten",
    "CCK": "Cocos Islands",
}  # fmt: skip
# Other names for the country itself (short forms, former and informal names, abbreviations).
NAMES: dict[str, list[str]] = {
    "USA": ["U.S.", "US", "U.S.A.", "USA", "America", "United States"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain"], "ARE": ["UAE", "U.A.E."],
    "RUS": ["Russia"], "TUR": ["Turkey", "Türkiye", "Turkiye"], "CHN": ["China", "PRC"],
    "KOR": ["South Korea", "Republic of Korea", "ROK"], "PRK": ["North Korea", "DPRK"], "TWN": ["Taiwan"],
    "IRN": ["Iran"], "SYR": ["Syria"], "VNM": ["Vietnam"], "LAO": ["Laos"], "BRN": ["Brunei"],
    "MMR": ["Burma"], "CZE": ["Czech Republic"], "SVK": ["Slovak Republic"], "CIV": ["Ivory Coast", "Cote d'Ivoire"],
    "CPV": ["Cape Verde"], "SWZ": ["Swaziland"], "MKD": ["Macedonia"], "TLS": ["East Timor"],
    "COD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Democratic Republic of the Congo", "Congo-Kinshasa"],
    "COG": ["Congo-Brazzaville", "Republic of Congo", "Republic of the Congo"],
    "NLD": ["Netherlands", "the Netherlands", "Holland"], "PHL": ["Philippines", "the Philippines"],
    "GMB": ["Gambia", "The Gambia"], "BHS": ["Bahamas", "The Bahamas"], "VAT": ["Vatican", "Holy See", "Vatican City"],
    "PSE": ["Palestine", "Palestinian territories", "State of Palestine"], "FSM": ["Micronesia"],
    "MDA": ["Moldova"], "TZA": ["Tanzania"], "BOL": ["Bolivia"], "VEN": ["Venezuela"],
    "KNA": ["St. Kitts and Nevis", "St Kitts and Nevis"], "LCA": ["St. Lucia", "St Lucia"],
    "VCT": ["St. Vincent and the Grenadines", "St Vincent and the Grenadines"],
    "STP": ["São Tomé and Príncipe", "Sao Tome and Principe"], "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "TTO": ["Trinidad"], "PNG": ["Papua New Guinea"], "DEU": ["Germany"],
    "HKG": ["Hong Kong"], "MAC": ["Macau", "Macao"], "FLK": ["Falklands", "Falkland Islands"],
}  # fmt: skip
# Demonyms: the adjective and the plural noun (a singular noun where it differs), by ISO alpha-3.
DEMONYMS: dict[str, list[str]] = {
    "AFG": ["Afghan", "Afghans"], "ALB": ["Albanian", "Albanians"], "DZA": ["Algerian", "Algerians"],
    "AND": ["Andorran", "Andorrans"], "AGO": ["Angolan", "Angolans"], "ATG": ["Antiguan", "Antiguans"],
    "ARG": ["Argentine", "Argentinian", "Argentines", "Argentinians"], "ARM": ["Armenian", "Armenians"],
    "AUS": ["Australian", "Australians"], "AUT": ["Austrian", "Austrians"],
    "AZE": ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"], "BHS": ["Bahamian", "Bahamians"],
    "BHR": ["Bahraini", "Bahrainis"], "BGD": ["Bangladeshi", "Bangladeshis"],
    "BRB": ["Barbadian", "Barbadians", "Bajan", "Bajans"], "BLR": ["Belarusian", "Belarusians"],
    "BEL": ["Belgian", "Belgians"], "BLZ": ["Belizean", "Belizeans"], "BEN": ["Beninese"], "BTN": ["Bhutanese"],
    "BOL": ["Bolivian", "Bolivians"], "BIH": ["Bosnian", "Bosnians"], "BWA": ["Botswanan", "Batswana", "Motswana"],
    "BRA": ["Brazilian", "Brazilians"], "BRN": ["Bruneian", "Bruneians"], "BGR": ["Bulgarian", "Bulgarians"],
    "BFA": ["Burkinabe", "Burkinabè"], "BDI": ["Burundian", "Burundians"],
    "CPV": ["Cape Verdean", "Cape Verdeans", "Cabo Verdean", "Cabo Verdeans"], "KHM": ["Cambodian", "Cambodians"],
    "CMR": ["Cameroonian", "Cameroonians"], "CAN": ["Canadian", "Canadians"], "TCD": ["Chadian", "Chadians"],
    "CHL": ["Chilean", "Chileans"], "CHN": ["Chinese"], "COL": ["Colombian", "Colombians"],
    "COM": ["Comorian", "Comorians"], "COD": ["Congolese"], "CRI": ["Costa Rican", "Costa Ricans"],
    "CIV": ["Ivorian", "Ivorians"], "HRV": ["Croatian", "Croatians", "Croat", "Croats"], "CUB": ["Cuban", "Cubans"],
    "CYP": ["Cypriot", "Cypriots"], "CZE": ["Czech", "Czechs"], "DNK": ["Danish", "Dane", "Danes"],
    "DJI": ["Djiboutian", "Djiboutians"], "DOM": ["Dominican", "Dominicans"],
    "ECU": ["Ecuadorian", "Ecuadorians", "Ecuadorean", "Ecuadoreans"], "EGY": ["Egyptian", "Egyptians"],
    "SLV": ["Salvadoran", "Salvadorans", "Salvadorian", "Salvadorians"],
    "GNQ": ["Equatorial Guinean", "Equatorial Guineans", "Equatoguinean", "Equatoguineans"],
    "ERI": ["Eritrean", "Eritreans"], "EST": ["Estonian", "Estonians"], "SWZ": ["Swazi", "Swazis"],
    "ETH": ["Ethiopian", "Ethiopians"], "FJI": ["Fijian", "Fijians"], "FIN": ["Finnish", "Finn", "Finns"],
    "FRA": ["French", "Frenchman", "Frenchwoman"], "GAB": ["Gabonese"], "GMB": ["Gambian", "Gambians"],
    "GEO": ["Georgian", "Georgians"], "DEU": ["German", "Germans"], "GHA": ["Ghanaian", "Ghanaians"],
    "GRC": ["Greek", "Greeks"], "GRD": ["Grenadian", "Grenadians"], "GTM": ["Guatemalan", "Guatemalans"],
    "GIN": ["Guinean", "Guineans"], "GNB": ["Bissau-Guinean", "Bissau-Guineans"], "GUY": ["Guyanese"],
    "HTI": ["Haitian", "Haitians"], "HND": ["Honduran", "Hondurans"], "HUN": ["Hungarian", "Hungarians"],
    "ISL": ["Icelandic", "Icelander", "Icelanders"], "IND": ["Indian", "Indians"],
    "IDN": ["Indonesian", "Indonesians"], "IRN": ["Iranian", "Iranians"], "IRQ": ["Iraqi", "Iraqis"],
    "IRL": ["Irish"], "ISR": ["Israeli", "Israelis"], "ITA": ["Italian", "Italians"],
    "JAM": ["Jamaican", "Jamaicans"], "JPN": ["Japanese"], "JOR": ["Jordanian", "Jordanians"],
    "KAZ": ["Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis"], "KEN": ["Kenyan", "Kenyans"],
    "KIR": ["I-Kiribati"], "PRK": ["North Korean", "North Koreans"], "KOR": ["South Korean", "South Koreans"],
    "KWT": ["Kuwaiti", "Kuwaitis"], "KGZ": ["Kyrgyz", "Kyrgyzstani", "Kyrgyzstanis"],
    "LAO": ["Lao", "Laotian", "Laotians"], "LVA": ["Latvian", "Latvians"], "LBN": ["Lebanese"],
    "LSO": ["Basotho", "Mosotho"], "LBR": ["Liberian", "Liberians"], "LBY": ["Libyan", "Libyans"],
    "LIE": ["Liechtensteiner", "Liechtensteiners"], "LTU": ["Lithuanian", "Lithuanians"],
    "LUX": ["Luxembourgish", "Luxembourger", "Luxembourgers"], "MDG": ["Malagasy"],
    "MWI": ["Malawian", "Malawians"], "MYS": ["Malaysian", "Malaysians"], "MDV": ["Maldivian", "Maldivians"],
    "MLI": ["Malian", "Malians"], "MLT": ["Maltese"], "MHL": ["Marshallese"],
    "MRT": ["Mauritanian", "Mauritanians"], "MUS": ["Mauritian", "Mauritians"], "MEX": ["Mexican", "Mexicans"],
    "FSM": ["Micronesian", "Micronesians"], "MDA": ["Moldovan", "Moldovans"], "MCO": ["Monegasque", "Monégasque"],
    "MNG": ["Mongolian", "Mongolians"], "MNE": ["Montenegrin", "Montenegrins"], "MAR": ["Moroccan", "Moroccans"],
    "MOZ": ["Mozambican", "Mozambicans"], "MMR": ["Burmese", "Myanmarese"], "NAM": ["Namibian", "Namibians"],
    "NRU": ["Nauruan", "Nauruans"], "NPL": ["Nepali", "Nepalis", "Nepalese"], "NLD": ["Dutch", "Dutchman"],
    "NZL": ["New Zealander", "New Zealanders"], "NIC": ["Nicaraguan", "Nicaraguans"],
    "NER": ["Nigerien", "Nigeriens"], "NGA": ["Nigerian", "Nigerians"],
    "MKD": ["Macedonian", "Macedonians", "North Macedonian", "North Macedonians"],
    "NOR": ["Norwegian", "Norwegians"], "OMN": ["Omani", "Omanis"], "PAK": ["Pakistani", "Pakistanis"],
    "PLW": ["Palauan", "Palauans"], "PAN": ["Panamanian", "Panamanians"],
    "PNG": ["Papua New Guinean", "Papua New Guineans"], "PRY": ["Paraguayan", "Paraguayans"],
    "PER": ["Peruvian", "Peruvians"], "PHL": ["Filipino", "Filipinos", "Filipina", "Filipinas", "Philippine"],
    "POL": ["Polish", "Pole", "Poles"], "PRT": ["Portuguese"], "QAT": ["Qatari", "Qataris"],
    "ROU": ["Romanian", "Romanians"], "RUS": ["Russian", "Russians"], "RWA": ["Rwandan", "Rwandans"],
    "KNA": ["Kittitian", "Kittitians", "Nevisian", "Nevisians"], "LCA": ["Saint Lucian", "Saint Lucians"],
    "VCT": ["Vincentian", "Vincentians"], "WSM": ["Samoan", "Samoans"], "SMR": ["Sammarinese"],
    "STP": ["São Toméan", "Sao Tomean"], "SAU": ["Saudi", "Saudis", "Saudi Arabian", "Saudi Arabians"],
    "SEN": ["Senegalese"], "SRB": ["Serbian", "Serbians", "Serb", "Serbs"], "SYC": ["Seychellois"],
    "SLE": ["Sierra Leonean", "Sierra Leoneans"], "SGP": ["Singaporean", "Singaporeans"],
    "SVK": ["Slovak", "Slovaks", "Slovakian"], "SVN": ["Slovenian", "Slovenians", "Slovene", "Slovenes"],
    "SLB": ["Solomon Islander", "Solomon Islanders"], "SOM": ["Somali", "Somalis"],
    "ZAF": ["South African", "South Africans"], "SSD": ["South Sudanese"],
    "ESP": ["Spanish", "Spaniard", "Spaniards"], "LKA": ["Sri Lankan", "Sri Lankans"], "SDN": ["Sudanese"],
    "SUR": ["Surinamese"], "SWE": ["Swedish", "Swede", "Swedes"], "CHE": ["Swiss"],
    "SYR": ["Syrian", "Syrians"], "TJK": ["Tajik", "Tajiks", "Tajikistani"], "TZA": ["Tanzanian", "Tanzanians"],
    "THA": ["Thai", "Thais"], "TLS": ["Timorese", "East Timorese"], "TGO": ["Togolese"],
    "TON": ["Tongan", "Tongans"], "TTO": ["Trinidadian", "Trinidadians", "Tobagonian", "Tobagonians"],
    "TUN": ["Tunisian", "Tunisians"], "TUR": ["Turkish", "Turk", "Turks"],
    "TKM": ["Turkmen", "Turkmens", "Turkmenistani"], "TUV": ["Tuvaluan", "Tuvaluans"],
    "UGA": ["Ugandan", "Ugandans"], "UKR": ["Ukrainian", "Ukrainians"], "ARE": ["Emirati", "Emiratis"],
    "GBR": ["British", "Briton", "Britons", "English"], "USA": ["American", "Americans"],
    "URY": ["Uruguayan", "Uruguayans"], "UZB": ["Uzbek", "Uzbeks", "Uzbekistani"], "VUT": ["Ni-Vanuatu"],
    "VEN": ["Venezuelan", "Venezuelans"], "VNM": ["Vietnamese"], "YEM": ["Yemeni", "Yemenis"],
    "ZMB": ["Zambian", "Zambians"], "ZWE": ["Zimbabwean", "Zimbabweans"],
    # observers and territories often in the news
    "PSE": ["Palestinian", "Palestinians"], "TWN": ["Taiwanese"], "HKG": ["Hong Konger", "Hong Kongers"],
    "MAC": ["Macanese"], "PRI": ["Puerto Rican", "Puerto Ricans"], "GRL": ["Greenlander", "Greenlanders"],
}  # fmt: skip
# Capitals (and seats of government) used as names for a government: "Washington said …".
CAPITALS: dict[str, list[str]] = {
    "AFG": ["Kabul"], "ALB": ["Tirana"], "DZA": ["Algiers"], "AND": ["Andorra la Vella"], "AGO": ["Luanda"],
    "ARG": ["Buenos Aires", "Casa Rosada"], "ARM": ["Yerevan"], "AUS": ["Canberra"], "AUT": ["Vienna"],
    "AZE": ["Baku"], "BHS": ["Nassau"], "BHR": ["Manama"], "BGD": ["Dhaka"], "BRB": ["Bridgetown"],
    "BLR": ["Minsk"], "BLZ": ["Belmopan"], "BEN": ["Porto-Novo", "Cotonou"], "BTN": ["Thimphu"],
    "BOL": ["La Paz", "Sucre"], "BIH": ["Sarajevo"], "BWA": ["Gaborone"], "BRA": ["Brasília", "Brasilia", "Planalto"],
    "BRN": ["Bandar Seri Begawan"], "BGR": ["Sofia"], "BFA": ["Ouagadougou"], "BDI": ["Gitega"], "CPV": ["Praia"],
    "KHM": ["Phnom Penh"], "CMR": ["Yaoundé", "Yaounde"], "CAN": ["Ottawa"], "CAF": ["Bangui"],
    "TCD": ["N'Djamena", "Ndjamena"], "CHL": ["Santiago"], "CHN": ["Beijing", "Zhongnanhai"],
    "COL": ["Bogotá", "Bogota"], "COM": ["Moroni"], "COD": ["Kinshasa"], "COG": ["Brazzaville"],
    "CIV": ["Yamoussoukro", "Abidjan"], "HRV": ["Zagreb"], "CUB": ["Havana"], "CYP": ["Nicosia"], "CZE": ["Prague"],
    "DNK": ["Copenhagen"], "DMA": ["Roseau"], "DOM": ["Santo Domingo"], "ECU": ["Quito"], "EGY": ["Cairo"],
    "SLV": ["San Salvador"], "GNQ": ["Malabo"], "ERI": ["Asmara"], "EST": ["Tallinn"], "SWZ": ["Mbabane"],
    "ETH": ["Addis Ababa"], "FJI": ["Suva"], "FIN": ["Helsinki"], "FRA": ["Paris", "Élysée", "Elysee"],
    "GAB": ["Libreville"], "GMB": ["Banjul"], "GEO": ["Tbilisi"], "DEU": ["Berlin"], "GHA": ["Accra"],
    "GRC": ["Athens"], "GIN": ["Conakry"], "GNB": ["Bissau"], "HTI": ["Port-au-Prince"],
    "HND": ["Tegucigalpa"], "HUN": ["Budapest"], "ISL": ["Reykjavik", "Reykjavík"], "IND": ["New Delhi"],
    "IDN": ["Jakarta"], "IRN": ["Tehran"], "IRQ": ["Baghdad"], "IRL": ["Dublin"], "ISR": ["Jerusalem"],
    "ITA": ["Rome"], "JAM": ["Kingston"], "JPN": ["Tokyo"], "JOR": ["Amman"], "KAZ": ["Astana"], "KEN": ["Nairobi"],
    "KIR": ["Tarawa"], "PRK": ["Pyongyang"], "KOR": ["Seoul"], "KWT": ["Kuwait City"], "KGZ": ["Bishkek"],
    "LAO": ["Vientiane"], "LVA": ["Riga"], "LBN": ["Beirut"], "LSO": ["Maseru"], "LBR": ["Monrovia"],
    "LBY": ["Tripoli"], "LIE": ["Vaduz"], "LTU": ["Vilnius"], "MDG": ["Antananarivo"], "MWI": ["Lilongwe"],
    "MYS": ["Kuala Lumpur", "Putrajaya"], "MLI": ["Bamako"], "MLT": ["Valletta"], "MHL": ["Majuro"],
    "MRT": ["Nouakchott"], "MUS": ["Port Louis"], "FSM": ["Palikir"], "MDA": ["Chișinău", "Chisinau"],
    "MNG": ["Ulaanbaatar", "Ulan Bator"], "MNE": ["Podgorica"], "MAR": ["Rabat"], "MOZ": ["Maputo"],
    "MMR": ["Naypyidaw", "Naypyitaw"], "NAM": ["Windhoek"], "NRU": ["Yaren"], "NPL": ["Kathmandu"],
    "NLD": ["Amsterdam", "The Hague"], "NZL": ["Wellington"], "NIC": ["Managua"], "NER": ["Niamey"],
    "NGA": ["Abuja"], "MKD": ["Skopje"], "NOR": ["Oslo"], "OMN": ["Muscat"], "PAK": ["Islamabad"],
    "PLW": ["Ngerulmud"], "PNG": ["Port Moresby"], "PRY": ["Asunción", "Asuncion"], "PER": ["Lima"],
    "PHL": ["Manila", "Malacañang", "Malacanang"], "POL": ["Warsaw"], "PRT": ["Lisbon"], "QAT": ["Doha"],
    "ROU": ["Bucharest"], "RUS": ["Moscow", "Kremlin", "the Kremlin"], "RWA": ["Kigali"], "KNA": ["Basseterre"],
    "LCA": ["Castries"], "VCT": ["Kingstown"], "WSM": ["Apia"], "STP": ["São Tomé", "Sao Tome"],
    "SAU": ["Riyadh"], "SEN": ["Dakar"], "SRB": ["Belgrade"], "SLE": ["Freetown"], "SVK": ["Bratislava"],
    "SVN": ["Ljubljana"], "SLB": ["Honiara"], "SOM": ["Mogadishu"], "ZAF": ["Pretoria"], "SSD": ["Juba"],
    "ESP": ["Madrid", "Moncloa"], "LKA": ["Colombo"], "SDN": ["Khartoum"], "SUR": ["Paramaribo"],
    "SWE": ["Stockholm"], "CHE": ["Bern", "Berne"], "SYR": ["Damascus"], "TJK": ["Dushanbe"],
    "TZA": ["Dodoma"], "THA": ["Bangkok"], "TLS": ["Dili"], "TGO": ["Lomé", "Lome"], "TON": ["Nuku'alofa"],
    "TTO": ["Port of Spain"], "TUN": ["Tunis"], "TUR": ["Ankara"], "TKM": ["Ashgabat"], "TUV": ["Funafuti"],
    "UGA": ["Kampala"], "UKR": ["Kyiv", "Kiev"], "ARE": ["Abu Dhabi"],
    "GBR": ["London", "Downing Street", "Whitehall"], "USA": ["Washington"], "URY": ["Montevideo"],
    "UZB": ["Tashkent"], "VUT": ["Port Vila"], "VEN": ["Caracas", "Miraflores"], "VNM": ["Hanoi"],
    "YEM": ["Sanaa", "Sana'a"], "ZMB": ["Lusaka"], "ZWE": ["Harare"],
    "PSE": ["Ramallah"], "TWN": ["Taipei"], "GRL": ["Nuuk"],
}  # fmt: skip
# Sub-national places, mapped to their country: states and provinces of the larger federations, and cities and
# regions that news names as locations rather than as governments.
PLACES: dict[str, list[str]] = {
    "USA": ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
            "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
            "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
            "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota",
            "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota",
            "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming",
            "Washington, D.C.", "Washington state", "Los Angeles", "El Paso", "San Diego", "Laredo", "Chicago",
            "Houston", "Miami", "San Antonio", "Brooklyn", "Rio Grande Valley", "Del Rio", "Yuma",
            "Nogales, Arizona", "New York City", "San Francisco", "Seattle", "Boston", "Philadelphia", "Atlanta",
            "Dallas", "Phoenix", "Detroit"],
    "MEX": ["Mexico City", "Aguascalientes", "Baja California", "Baja California Sur", "Campeche", "Chiapas",
            "Chihuahua", "Coahuila", "Colima", "Durango", "Guanajuato", "Guerrero", "Hidalgo", "Jalisco", "Michoacán",
            "Michoacan", "Morelos", "Nayarit", "Nuevo León", "Nuevo Leon", "Oaxaca", "Puebla", "Querétaro",
            "Queretaro", "Quintana Roo", "San Luis Potosí", "San Luis Potosi", "Sinaloa", "Sonora", "Tabasco",
            "Tamaulipas", "Tlaxcala", "Veracruz", "Yucatán", "Yucatan", "Zacatecas", "State of Mexico",
            "Estado de México", "Tijuana", "Ciudad Juárez", "Ciudad Juarez", "Juárez", "Juarez", "Culiacán",
            "Culiacan", "Guadalajara", "Monterrey", "Matamoros", "Reynosa", "Nuevo Laredo", "Tapachula",
            "Acapulco", "Cancún", "Cancun", "Bavispe", "Nogales", "Mexicali", "Piedras Negras", "Ciudad Acuña"],
    "CAN": ["Ontario", "Quebec", "Québec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia",
            "New Brunswick", "Newfoundland", "Prince Edward Island", "Yukon", "Nunavut", "Northwest Territories",
            "Toronto", "Montreal", "Montréal", "Vancouver", "Calgary"],
    "GBR": ["England", "Scotland", "Wales", "Northern Ireland", "Edinburgh", "Manchester", "Belfast"],
    "GTM": ["Guatemala City"], "HND": ["San Pedro Sula"], "PAN": ["Panama City", "Darién", "Darien"],
    "BRA": ["São Paulo", "Sao Paulo", "Rio de Janeiro"], "COL": ["Medellín", "Medellin", "Cali"],
    "VEN": ["Maracaibo"], "CHN": ["Shanghai", "Xinjiang", "Tibet", "Guangzhou", "Shenzhen", "Wuhan"],
    "IND": ["Mumbai", "Delhi", "Kolkata", "Bangalore", "Chennai"], "PAK": ["Karachi", "Lahore"],
    "NGA": ["Lagos"], "TUR": ["Istanbul"], "ARE": ["Dubai"], "AUS": ["Sydney", "Melbourne"],
    "CHE": ["Geneva", "Zurich", "Davos"], "BEL": ["Brussels", "Antwerp"], "DEU": ["Munich", "Frankfurt", "Hamburg"],
    "RUS": ["St. Petersburg", "Saint Petersburg", "Siberia", "Chechnya"], "UKR": ["Kharkiv", "Odesa", "Odessa",
            "Donbas", "Donbass", "Donetsk", "Luhansk", "Crimea", "Mariupol"],
    "PSE": ["Gaza", "Gaza Strip", "West Bank"], "ISR": ["Tel Aviv", "Haifa"], "SAU": ["Jeddah", "Mecca"],
    "JPN": ["Osaka", "Okinawa"], "ZAF": ["Johannesburg", "Cape Town", "Durban"], "EGY": ["Alexandria"],
    "ESP": ["Barcelona", "Catalonia"], "ITA": ["Milan", "Naples"], "FRA": ["Marseille", "Lyon"],
    "IRQ": ["Mosul", "Basra"], "SYR": ["Aleppo", "Idlib"], "AFG": ["Kandahar", "Helmand"],
    "KEN": ["Mombasa"], "ETH": ["Tigray"], "LBY": ["Benghazi"], "YEM": ["Aden"],
    "ECU": ["Guayaquil"], "CUB": ["Santiago de Cuba"], "VNM": ["Ho Chi Minh City", "Saigon"],
}  # fmt: skip
# Left out on purpose (see the module docstring): every other UN member and observer has a demonym and a capital.
OMITTED: dict[str, str] = {
    "CAF": "demonym 'Central African' (a region as much as a country)",
    "DMA": "demonym 'Dominican' (taken for the Dominican Republic)",
    "COG": "demonym 'Congolese' (taken for the Democratic Republic of the Congo)",
    "VAT": "demonym (none in use); capital (the country's own name)",
    "CRI": "capital San José (also San Jose, California)",
    "GUY": "capital Georgetown (also a university and a district of Washington)",
    "SYC": "capital Victoria (a given name and several states and cities)",
    "MDV": "capital Malé (folds to the English word 'male')",
    "ATG": "capital St. John's (also Newfoundland's capital)",
    "GRD": "capital St. George's (a common place and school name)",
    "DJI": "capital (the country's own name)", "LUX": "capital (the country's own name)",
    "MCO": "capital (the country's own name)", "SMR": "capital (the country's own name)",
    "SGP": "capital (the country's own name)",
    "MEX": "capital Mexico City (in PLACES: mostly a location)", "GTM": "capital Guatemala City (in PLACES)",
    "PAN": "capital Panama City (in PLACES)", "BEL": "capital Brussels (in PLACES: in the news it means the EU)",
}  # fmt: skip
# UN members and observers: the countries whose demonyms and capitals must be here (checked by the tests).
UN_MEMBERS = (
    "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR", "BGD", "BRB", "BLR",
    "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR", "BFA", "BDI", "CPV", "KHM", "CMR", "CAN",
    "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG", "COD", "CRI", "CIV", "HRV", "CUB", "CYP", "CZE", "DNK", "DJI",
    "DMA", "DOM", "ECU", "EGY", "SLV", "GNQ", "ERI", "EST", "SWZ", "ETH", "FJI", "FIN", "FRA", "GAB", "GMB", "GEO",
    "DEU", "GHA", "GRC", "GRD", "GTM", "GIN", "GNB", "GUY", "HTI", "HND", "HUN", "ISL", "IND", "IDN", "IRN", "IRQ",
    "IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KIR", "PRK", "KOR", "KWT", "KGZ", "LAO", "LVA", "LBN",
    "LSO", "LBR", "LBY", "LIE", "LTU", "LUX", "MDG", "MWI", "MYS", "MDV", "MLI", "MLT", "MHL", "MRT", "MUS", "MEX",
    "FSM", "MDA", "MCO", "MNG", "MNE", "MAR", "MOZ", "MMR", "NAM", "NRU", "NPL", "NLD", "NZL", "NIC", "NER", "NGA",
    "MKD", "NOR", "OMN", "PAK", "PLW", "PAN", "PNG", "PRY", "PER", "PHL", "POL", "PRT", "QAT", "ROU", "RUS", "RWA",
    "KNA", "LCA", "VCT", "WSM", "SMR", "STP", "SAU", "SEN", "SRB", "SYC", "SLE", "SGP", "SVK", "SVN", "SLB", "SOM",
    "ZAF", "SSD", "ESP", "LKA", "SDN", "SUR", "SWE", "CHE", "SYR", "TJK", "TZA", "THA", "TLS", "TGO", "TON", "TTO",
    "TUN", "TUR", "TKM", "TUV", "UGA", "UKR", "ARE", "GBR", "USA", "URY", "UZB", "VUT", "VEN", "VNM", "YEM", "ZMB",
    "ZWE",
)  # fmt: skip
OBSERVERS = ("PSE", "VAT")


def build() -> dict[str, Any]:
    import pycountry

    countries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = country.alpha_3
        common = getattr(country, "common_name", None)
        names = [country.name, common, getattr(country, "official_name", None), *NAMES.get(code, [])]
        entry: dict[str, Any] = {"code": code, "name": DISPLAY.get(code) or common or country.name}
        entry["aliases"] = [name for name in dict.fromkeys([entry["name"], *names]) if name]
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
