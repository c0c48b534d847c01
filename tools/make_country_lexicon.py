#!/usr/bin/env python3
"""Generate lexicon/countries.tsv and check the shipped actor lexicon.

Usage:
  python3 tools/make_country_lexicon.py            # regenerate lexicon/countries.tsv
  python3 tools/make_country_lexicon.py --check    # validate countries.tsv + organizations.tsv

Inputs (offline, standard library only):
  * Debian's iso-codes package: /usr/share/iso-codes/json/iso_3166-1.json
    (alpha_3, name, common_name, official_name), LGPL-2.1+.
  * SUPPLEMENT below: news labels, extra aliases, demonyms, capitals and
    Wikidata ids per ISO3 code, written by hand for polgraph.

Output is deterministic: rows sorted by ISO3, no timestamps.
See lexicon/README.md for the file formats.
"""

import argparse
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
COUNTRIES_TSV = os.path.join(ROOT, "lexicon", "countries.tsv")
ORGANIZATIONS_TSV = os.path.join(ROOT, "lexicon", "organizations.tsv")

COUNTRY_HEADER = ["iso3", "label", "wikidata", "aliases", "demonyms", "capitals"]
ORG_HEADER = ["label", "type", "country", "wikidata", "aliases", "note"]
ORG_TYPES = {"Organization", "Group", "Location"}

# Territories not (yet) in ISO 3166-1 that news treats as countries.
# iso3 -> (name, official_name)
EXTRA_COUNTRIES = {
    "XKX": ("Kosovo", "Republic of Kosovo"),
}

# ISO names never used as aliases (ambiguous in news text).
DROP_NAMES = {
    "Congo",  # news "Congo" means either COD or COG
    "Micronesia",  # also the Pacific region
}

# iso3: (label, wikidata, extra aliases, demonyms, capitals)
#   label      "" = ISO common_name, else ISO name.
#   aliases    '|'-separated; ISO name/official/common names are added automatically
#              (except inverted "X, Republic of" forms and names with parentheses).
#   demonyms   '|'-separated; a trailing '+' also adds the plural with 's'
#              ("Kenyan+" -> "Kenyan|Kenyans").
#   capitals   '|'-separated capital city names (a capital equal to the country
#              name, as for city states, is left out).
# Wikidata ids are given only where known with certainty; empty otherwise.
SUPPLEMENT = {
    # --- Europe ---
    "ALA": ("Åland Islands", "Q5689", "Aland Islands|Åland", "", "Mariehamn"),
    "ALB": ("", "Q222", "", "Albanian+", "Tirana"),
    "AND": ("", "Q228", "Principality of Andorra", "Andorran+", "Andorra la Vella"),
    "AUT": ("", "Q40", "", "Austrian+", "Vienna"),
    "BEL": ("", "Q31", "", "Belgian+", "Brussels"),
    "BGR": ("", "Q219", "", "Bulgarian+", "Sofia"),
    "BIH": ("", "Q225", "Bosnia|Bosnia-Herzegovina", "Bosnian+", "Sarajevo"),
    "BLR": ("", "Q184", "", "Belarusian+", "Minsk"),
    "CHE": ("", "Q39", "Swiss Confederation", "Swiss", "Bern|Berne"),
    "CYP": ("", "Q229", "", "Cypriot+", "Nicosia"),
    "CZE": ("Czech Republic", "Q213", "", "Czech+", "Prague"),
    "DEU": ("", "Q183", "", "German+", "Berlin"),
    "DNK": ("", "Q35", "", "Danish|Danes", "Copenhagen"),
    "ESP": ("", "Q29", "Kingdom of Spain", "Spanish|Spaniard+", "Madrid"),
    "EST": ("", "Q191", "", "Estonian+", "Tallinn"),
    "FIN": ("", "Q33", "", "Finnish|Finns", "Helsinki"),
    "FRA": ("", "Q142", "",
            "French|Frenchman|Frenchmen|Frenchwoman|Frenchwomen", "Paris"),
    "FRO": ("", "Q4628", "Faeroe Islands", "Faroese", "Tórshavn|Torshavn"),
    "GBR": ("", "Q145", "UK|U.K.|Britain|Great Britain",
            "British|Briton+|Brit+", "London"),
    "GGY": ("", "Q25230", "", "", "St Peter Port"),
    "GIB": ("", "Q1410", "", "Gibraltarian+", ""),
    "GRC": ("", "Q41", "Hellenic Republic", "Greek+", "Athens"),
    "HRV": ("", "Q224", "", "Croatian+|Croat+", "Zagreb"),
    "HUN": ("", "Q28", "", "Hungarian+", "Budapest"),
    "IMN": ("", "Q9676", "", "Manx", ""),
    "IRL": ("", "Q27", "Republic of Ireland", "Irish", "Dublin"),
    "ISL": ("", "Q189", "", "Icelandic|Icelander+", "Reykjavik|Reykjavík"),
    "ITA": ("", "Q38", "", "Italian+", "Rome"),
    "JEY": ("", "Q785", "", "", "St Helier"),
    "LIE": ("", "Q347", "", "Liechtensteiner+", "Vaduz"),
    "LTU": ("", "Q37", "", "Lithuanian+", "Vilnius"),
    "LUX": ("", "Q32", "Grand Duchy of Luxembourg",
            "Luxembourger+|Luxembourgish", ""),
    "LVA": ("", "Q211", "", "Latvian+", "Riga"),
    "MCO": ("", "Q235", "", "Monegasque+", ""),
    "MDA": ("", "Q217", "", "Moldovan+", "Chisinau|Chișinău"),
    "MKD": ("", "Q221",
            "Macedonia|Former Yugoslav Republic of Macedonia|FYROM",
            "North Macedonian+|Macedonian+", "Skopje"),
    "MLT": ("", "Q233", "", "Maltese", "Valletta"),
    "MNE": ("", "Q236", "", "Montenegrin+", "Podgorica"),
    "NLD": ("", "Q55", "", "Dutch|Dutchman|Dutchmen|Dutchwoman", "Amsterdam"),
    "NOR": ("", "Q20", "", "Norwegian+", "Oslo"),
    "POL": ("", "Q36", "", "Polish|Poles", "Warsaw"),
    "PRT": ("", "Q45", "", "Portuguese", "Lisbon"),
    "ROU": ("", "Q218", "", "Romanian+", "Bucharest"),
    "RUS": ("Russia", "Q159", "", "Russian+", "Moscow"),
    "SJM": ("", "", "", "", "Longyearbyen"),
    "SMR": ("", "Q238", "", "Sammarinese", ""),
    "SRB": ("", "Q403", "", "Serbian+|Serb+", "Belgrade"),
    "SVK": ("", "Q214", "", "Slovak+", "Bratislava"),
    "SVN": ("", "Q215", "", "Slovenian+|Slovene+", "Ljubljana"),
    "SWE": ("", "Q34", "", "Swedish|Swede+", "Stockholm"),
    "UKR": ("", "Q212", "", "Ukrainian+", "Kyiv|Kiev"),
    "VAT": ("Vatican", "Q237", "Holy See|Vatican City|Vatican City State", "", ""),
    "XKX": ("", "Q1246", "", "Kosovar+|Kosovan+", "Pristina|Prishtina"),
    # --- Caucasus, Central Asia, Turkey ---
    "ARM": ("", "Q399", "", "Armenian+", "Yerevan"),
    "AZE": ("", "Q227", "", "Azerbaijani+|Azeri+", "Baku"),
    "GEO": ("", "Q230", "", "Georgian+", "Tbilisi"),
    "KAZ": ("", "Q232", "", "Kazakh+|Kazakhstani+", "Astana|Nur-Sultan"),
    "KGZ": ("", "Q813", "", "Kyrgyz", "Bishkek"),
    "TJK": ("", "Q863", "", "Tajik+", "Dushanbe"),
    "TKM": ("", "Q874", "", "Turkmen", "Ashgabat"),
    "TUR": ("Turkey", "Q43", "Türkiye|Turkiye|Republic of Turkey",
            "Turkish|Turk+", "Ankara"),
    "UZB": ("", "Q265", "", "Uzbek+", "Tashkent"),
    # --- Middle East and North Africa ---
    "ARE": ("", "Q878", "UAE|U.A.E.", "Emirati+", "Abu Dhabi"),
    "BHR": ("", "Q398", "Kingdom of Bahrain", "Bahraini+", "Manama"),
    "DZA": ("", "Q262", "", "Algerian+", "Algiers"),
    "EGY": ("", "Q79", "", "Egyptian+", "Cairo"),
    "ESH": ("", "Q6250", "", "Sahrawi+", "Laayoune"),
    "IRN": ("", "Q794", "", "Iranian+", "Tehran|Teheran"),
    "IRQ": ("", "Q796", "Republic of Iraq", "Iraqi+", "Baghdad"),
    "ISR": ("", "Q801", "State of Israel", "Israeli+", "Jerusalem"),
    "JOR": ("", "Q810", "Hashemite Kingdom of Jordan", "Jordanian+", "Amman"),
    "KWT": ("", "Q817", "", "Kuwaiti+", "Kuwait City"),
    "LBN": ("", "Q822", "", "Lebanese", "Beirut"),
    "LBY": ("", "Q1016", "", "Libyan+", "Tripoli"),
    "MAR": ("", "Q1028", "Kingdom of Morocco", "Moroccan+", "Rabat"),
    "OMN": ("", "Q842", "Sultanate of Oman", "Omani+", "Muscat"),
    "PSE": ("Palestine", "Q219060",
            "Palestinian territories|Occupied Palestinian Territories",
            "Palestinian+", "Ramallah"),
    "QAT": ("", "Q846", "", "Qatari+", "Doha"),
    "SAU": ("", "Q851", "Kingdom of Saudi Arabia", "Saudi+", "Riyadh"),
    "SYR": ("", "Q858", "", "Syrian+", "Damascus"),
    "TUN": ("", "Q948", "", "Tunisian+", "Tunis"),
    "YEM": ("", "Q805", "", "Yemeni+", "Sanaa|Sana'a"),
    # --- Sub-Saharan Africa ---
    "AGO": ("", "Q916", "", "Angolan+", "Luanda"),
    "BDI": ("", "Q967", "", "Burundian+", "Gitega|Bujumbura"),
    "BEN": ("", "Q962", "", "Beninese", "Porto-Novo|Cotonou"),
    "BFA": ("", "Q965", "", "Burkinabe|Burkinabè", "Ouagadougou"),
    "BWA": ("", "Q963", "", "Botswanan+", "Gaborone"),
    "CAF": ("", "Q929", "", "", "Bangui"),
    "CIV": ("Ivory Coast", "Q1008", "Cote d'Ivoire", "Ivorian+",
            "Yamoussoukro|Abidjan"),
    "CMR": ("", "Q1009", "", "Cameroonian+", "Yaoundé|Yaounde"),
    "COD": ("Democratic Republic of the Congo", "Q974",
            "Democratic Republic of Congo|DR Congo|DRC|Congo-Kinshasa", "",
            "Kinshasa"),
    "COG": ("Republic of the Congo", "Q971",
            "Republic of Congo|Congo-Brazzaville", "", "Brazzaville"),
    "COM": ("", "Q970", "Union of the Comoros", "Comorian+", "Moroni"),
    "CPV": ("Cape Verde", "Q1011", "", "Cape Verdean+", "Praia"),
    "DJI": ("", "Q977", "", "Djiboutian+", ""),
    "ERI": ("", "Q986", "", "Eritrean+", "Asmara"),
    "ETH": ("", "Q115", "", "Ethiopian+", "Addis Ababa"),
    "GAB": ("", "Q1000", "Gabonese Republic", "Gabonese", "Libreville"),
    "GHA": ("", "Q117", "", "Ghanaian+", "Accra"),
    "GIN": ("", "Q1006", "", "Guinean+", "Conakry"),
    "GMB": ("", "Q1005", "", "Gambian+", "Banjul"),
    "GNB": ("", "Q1007", "", "Bissau-Guinean+", "Bissau"),
    "GNQ": ("", "Q983", "", "Equatoguinean+", "Malabo"),
    "KEN": ("", "Q114", "", "Kenyan+", "Nairobi"),
    "LBR": ("", "Q1014", "", "Liberian+", "Monrovia"),
    "LSO": ("", "Q1013", "Kingdom of Lesotho", "Basotho", "Maseru"),
    "MDG": ("", "Q1019", "", "Malagasy", "Antananarivo"),
    "MLI": ("", "Q912", "", "Malian+", "Bamako"),
    "MOZ": ("", "Q1029", "", "Mozambican+", "Maputo"),
    "MRT": ("", "Q1025", "", "Mauritanian+", "Nouakchott"),
    "MUS": ("", "Q1027", "", "Mauritian+", "Port Louis"),
    "MWI": ("", "Q1020", "", "Malawian+", "Lilongwe"),
    "NAM": ("", "Q1030", "", "Namibian+", "Windhoek"),
    "NER": ("", "Q1032", "", "Nigerien+", "Niamey"),
    "NGA": ("", "Q1033", "", "Nigerian+", "Abuja"),
    "RWA": ("", "Q1037", "", "Rwandan+", "Kigali"),
    "SDN": ("", "Q1049", "", "Sudanese", "Khartoum"),
    "SEN": ("", "Q1041", "", "Senegalese", "Dakar"),
    "SLE": ("", "Q1044", "", "Sierra Leonean+", "Freetown"),
    "SOM": ("", "Q1045", "", "Somali+", "Mogadishu"),
    "SSD": ("", "Q958", "", "South Sudanese", "Juba"),
    "STP": ("São Tomé and Príncipe", "Q1039", "Sao Tome and Principe", "",
            "São Tomé"),
    "SWZ": ("", "Q1050", "Swaziland", "Swazi+", "Mbabane|Lobamba"),
    "SYC": ("", "Q1042", "", "Seychellois", ""),
    "TCD": ("", "Q657", "", "Chadian+", "N'Djamena"),
    "TGO": ("", "Q945", "", "Togolese", "Lomé|Lome"),
    "TZA": ("", "Q924", "", "Tanzanian+", "Dodoma"),
    "UGA": ("", "Q1036", "", "Ugandan+", "Kampala"),
    "ZAF": ("", "Q258", "", "South African+", "Pretoria|Cape Town|Bloemfontein"),
    "ZMB": ("", "Q953", "", "Zambian+", "Lusaka"),
    "ZWE": ("", "Q954", "", "Zimbabwean+", "Harare"),
    # --- South and East Asia ---
    "AFG": ("", "Q889", "Islamic Emirate of Afghanistan", "Afghan+", "Kabul"),
    "BGD": ("", "Q902", "", "Bangladeshi+", "Dhaka"),
    "BRN": ("Brunei", "Q921", "Brunei Darussalam", "Bruneian+",
            "Bandar Seri Begawan"),
    "BTN": ("", "Q917", "", "Bhutanese", "Thimphu"),
    "CHN": ("", "Q148", "PRC|mainland China", "Chinese", "Beijing"),
    "HKG": ("", "Q8646", "Hong Kong SAR", "Hong Konger+", ""),
    "IDN": ("", "Q252", "", "Indonesian+", "Jakarta"),
    "IND": ("", "Q668", "Republic of India", "Indian+", "New Delhi"),
    "JPN": ("", "Q17", "", "Japanese", "Tokyo"),
    "KHM": ("", "Q424", "Kingdom of Cambodia", "Cambodian+", "Phnom Penh"),
    "KOR": ("", "Q884", "Republic of Korea", "South Korean+", "Seoul"),
    "LAO": ("", "Q819", "Lao PDR", "Laotian+", "Vientiane"),
    "LKA": ("", "Q854", "", "Sri Lankan+", "Colombo|Sri Jayawardenepura Kotte"),
    "MAC": ("Macau", "Q14773", "Macao SAR", "Macanese", ""),
    "MDV": ("", "Q826", "", "Maldivian+", "Malé"),
    "MMR": ("", "Q836", "Burma|Republic of the Union of Myanmar", "Burmese",
            "Naypyidaw|Nay Pyi Taw"),
    "MNG": ("", "Q711", "", "Mongolian+", "Ulaanbaatar|Ulan Bator"),
    "MYS": ("", "Q833", "", "Malaysian+", "Kuala Lumpur|Putrajaya"),
    "NPL": ("", "Q837", "", "Nepali+|Nepalese", "Kathmandu"),
    "PAK": ("", "Q843", "Islamic Republic of Pakistan", "Pakistani+", "Islamabad"),
    "PHL": ("", "Q928", "", "Filipino+|Philippine", "Manila"),
    "PRK": ("", "Q423", "DPRK", "North Korean+", "Pyongyang"),
    "SGP": ("", "Q334", "", "Singaporean+", ""),
    "THA": ("", "Q869", "Kingdom of Thailand", "Thai+", "Bangkok"),
    "TLS": ("East Timor", "Q574", "", "Timorese|East Timorese", "Dili"),
    "TWN": ("", "Q865", "Republic of China|Chinese Taipei", "Taiwanese",
            "Taipei"),
    "VNM": ("", "Q881", "Socialist Republic of Vietnam", "Vietnamese", "Hanoi"),
    # --- Americas ---
    "ABW": ("", "Q21203", "", "Aruban+", "Oranjestad"),
    "AIA": ("", "Q25228", "", "", ""),
    "ARG": ("", "Q414", "Argentine Republic",
            "Argentine+|Argentinian+", "Buenos Aires"),
    "ATG": ("", "Q781", "Antigua", "", ""),
    "BES": ("Caribbean Netherlands", "Q27561",
            "Bonaire, Sint Eustatius and Saba|BES Islands", "", "Kralendijk"),
    "BHS": ("", "Q778", "", "Bahamian+", ""),
    "BLM": ("", "Q25362", "Saint Barthelemy|St Barts", "", "Gustavia"),
    "BLZ": ("", "Q242", "", "Belizean+", "Belmopan"),
    "BMU": ("", "Q23635", "", "Bermudian+", ""),
    "BOL": ("", "Q750", "", "Bolivian+", "La Paz"),
    "BRA": ("", "Q155", "Federative Republic of Brazil", "Brazilian+",
            "Brasília|Brasilia"),
    "BRB": ("", "Q244", "", "Barbadian+", "Bridgetown"),
    "CAN": ("", "Q16", "", "Canadian+", "Ottawa"),
    "CHL": ("", "Q298", "", "Chilean+", "Santiago"),
    "COL": ("", "Q739", "", "Colombian+", "Bogotá|Bogota"),
    "CRI": ("", "Q800", "", "Costa Rican+", ""),
    "CUB": ("", "Q241", "", "Cuban+", "Havana"),
    "CUW": ("", "Q25279", "Curacao", "", "Willemstad"),
    "CYM": ("", "Q5785", "", "Caymanian+", ""),
    "DMA": ("", "Q784", "", "", "Roseau"),
    "DOM": ("", "Q786", "", "Dominican+", "Santo Domingo"),
    "ECU": ("", "Q736", "", "Ecuadorian+|Ecuadorean+", "Quito"),
    "FLK": ("Falkland Islands", "Q9648", "Falklands|Malvinas|Islas Malvinas",
            "Falkland Islander+", ""),
    "GLP": ("", "Q17012", "", "", ""),
    "GRD": ("", "Q769", "", "Grenadian+", ""),
    "GRL": ("", "Q223", "", "Greenlandic|Greenlander+", "Nuuk"),
    "GTM": ("", "Q774", "", "Guatemalan+", "Guatemala City"),
    "GUF": ("", "Q3769", "", "", ""),
    "GUY": ("", "Q734", "", "Guyanese", ""),
    "HND": ("", "Q783", "", "Honduran+", "Tegucigalpa"),
    "HTI": ("", "Q790", "", "Haitian+", "Port-au-Prince"),
    "JAM": ("", "Q766", "", "Jamaican+", ""),
    "KNA": ("", "Q763", "St Kitts and Nevis|St. Kitts and Nevis", "",
            "Basseterre"),
    "LCA": ("", "Q760", "St Lucia|St. Lucia", "", "Castries"),
    "MAF": ("Saint Martin", "Q126125", "Collectivity of Saint Martin", "",
            "Marigot"),
    "MEX": ("", "Q96", "United Mexican States", "Mexican+", "Mexico City"),
    "MSR": ("", "Q13353", "", "", ""),
    "MTQ": ("", "Q17054", "", "", "Fort-de-France"),
    "NIC": ("", "Q811", "", "Nicaraguan+", "Managua"),
    "PAN": ("", "Q804", "", "Panamanian+", "Panama City"),
    "PER": ("", "Q419", "", "Peruvian+", "Lima"),
    "PRI": ("", "Q1183", "", "Puerto Rican+", ""),
    "PRY": ("", "Q733", "", "Paraguayan+", "Asunción|Asuncion"),
    "SLV": ("", "Q792", "", "Salvadoran+|Salvadorean+", "San Salvador"),
    "SPM": ("", "Q34617", "", "", ""),
    "SUR": ("", "Q730", "", "Surinamese", "Paramaribo"),
    "SXM": ("Sint Maarten", "Q26273", "", "", "Philipsburg"),
    "TCA": ("", "Q18221", "", "", "Cockburn Town"),
    "TTO": ("", "Q754", "Trinidad", "Trinidadian+", "Port of Spain"),
    "URY": ("", "Q77", "", "Uruguayan+", "Montevideo"),
    "USA": ("", "Q30", "US|U.S.|USA|U.S.A.|America",
            "American+", "Washington"),
    "VCT": ("", "Q757", "St Vincent and the Grenadines", "", "Kingstown"),
    "VEN": ("", "Q717", "", "Venezuelan+", "Caracas"),
    "VGB": ("British Virgin Islands", "Q25305", "", "", "Road Town"),
    "VIR": ("US Virgin Islands", "Q11703",
            "U.S. Virgin Islands|United States Virgin Islands", "",
            "Charlotte Amalie"),
    # --- Oceania ---
    "ASM": ("", "Q16641", "", "", "Pago Pago"),
    "AUS": ("", "Q408", "Commonwealth of Australia", "Australian+", "Canberra"),
    "COK": ("", "Q26988", "", "", "Avarua"),
    "FJI": ("", "Q712", "", "Fijian+", "Suva"),
    "FSM": ("Federated States of Micronesia", "Q702", "", "", "Palikir"),
    "GUM": ("", "Q16635", "", "Guamanian+", "Hagåtña|Hagatna"),
    "KIR": ("", "Q710", "", "I-Kiribati", "South Tarawa"),
    "MHL": ("", "Q709", "", "Marshallese", "Majuro"),
    "MNP": ("", "Q16644", "", "", "Saipan"),
    "NCL": ("", "Q33788", "", "New Caledonian+", "Nouméa|Noumea"),
    "NFK": ("", "Q31057", "", "", ""),
    "NIU": ("", "Q34020", "", "", "Alofi"),
    "NRU": ("", "Q697", "", "Nauruan+", ""),
    "NZL": ("", "Q664", "", "New Zealander+", "Wellington"),
    "PLW": ("", "Q695", "", "Palauan+", "Ngerulmud"),
    "PNG": ("", "Q691", "", "Papua New Guinean+", "Port Moresby"),
    "PYF": ("", "Q30971", "", "", "Papeete"),
    "SLB": ("", "Q685", "", "Solomon Islander+", "Honiara"),
    "TON": ("", "Q678", "Kingdom of Tonga", "Tongan+", "Nuku'alofa"),
    "TUV": ("", "Q672", "", "Tuvaluan+", "Funafuti"),
    "VUT": ("", "Q686", "", "Ni-Vanuatu", "Port Vila"),
    "WSM": ("", "Q683", "", "Samoan+", "Apia"),
    # --- Other territories ---
    "CCK": ("Cocos Islands", "", "Cocos (Keeling) Islands|Keeling Islands", "",
            ""),
    "IOT": ("", "", "", "", ""),
    "MYT": ("", "Q17063", "", "", "Mamoudzou"),
    "REU": ("", "Q17070", "", "", ""),
    "SHN": ("Saint Helena, Ascension and Tristan da Cunha", "", "Saint Helena",
            "", ""),
    "SGS": ("", "", "South Georgia", "", ""),
    "WLF": ("", "", "", "", "Mata-Utu"),
}

_LEADING_ARTICLE = re.compile(r"^(the|The)\s+")


def split_list(field):
    return [x for x in field.split("|") if x] if field else []


def expand_demonyms(field):
    out = []
    for tok in split_list(field):
        if tok.endswith("+"):
            out += [tok[:-1], tok[:-1] + "s"]
        else:
            out.append(tok)
    return out


def usable_iso_name(name):
    return bool(name) and "," not in name and "(" not in name and name not in DROP_NAMES


def dedupe(items, exclude=()):
    """Drops exact repeats; spelling variants ("US", "U.S.") are kept on purpose."""
    seen = {unicodedata.normalize("NFC", x) for x in exclude}
    out = []
    for x in items:
        key = unicodedata.normalize("NFC", x.strip())
        if key and key not in seen:
            seen.add(key)
            out.append(x)
    return out


def normalize(surface):
    """Approximates the matcher: leading 'the' dropped, case and punctuation ignored."""
    s = unicodedata.normalize("NFC", surface.strip())
    s = _LEADING_ARTICLE.sub("", s)
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def load_iso(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)["3166-1"]
    out = {}
    for c in data:
        out[c["alpha_3"]] = (c["name"], c.get("common_name", ""), c.get("official_name", ""))
    for iso3, (name, official) in EXTRA_COUNTRIES.items():
        if iso3 in out:
            raise SystemExit(f"{iso3} is now in iso-codes; drop it from EXTRA_COUNTRIES")
        out[iso3] = (name, "", official)
    return out


def build_rows(iso):
    unknown = sorted(set(SUPPLEMENT) - set(iso))
    if unknown:
        raise SystemExit(f"SUPPLEMENT has codes not in ISO 3166-1: {unknown}")
    rows = []
    for iso3 in sorted(iso):
        name, common, official = iso[iso3]
        label, qid, aliases, demonyms, capitals = SUPPLEMENT.get(iso3, ("", "", "", "", ""))
        if not label:
            label = common or name
        names = [n for n in (name, common, official) if usable_iso_name(n)]
        names = [_LEADING_ARTICLE.sub("", n) for n in names + split_list(aliases)]
        alias_list = dedupe(names, exclude=[label])
        dem_list = dedupe(expand_demonyms(demonyms), exclude=[label] + alias_list)
        cap_list = dedupe(split_list(capitals), exclude=[label] + alias_list + dem_list)
        rows.append([iso3, label, qid, "|".join(alias_list), "|".join(dem_list),
                     "|".join(cap_list)])
    return rows


def write_countries(rows, path):
    lines = ["#" + "\t".join(COUNTRY_HEADER)]
    lines += ["\t".join(r) for r in rows]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------- check mode

def read_tsv(path, header, errors):
    rows = []
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        errors.append(f"{path}: {e}")
        return rows
    name = os.path.relpath(path, ROOT)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        errors.append(f"{name}: not UTF-8: {e}")
        return rows
    if text.startswith("\ufeff"):
        errors.append(f"{name}: has a byte-order mark")
    if "\r" in text:
        errors.append(f"{name}: has carriage returns")
    if not text.endswith("\n"):
        errors.append(f"{name}: does not end with a newline")
    lines = text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")
    if not lines or not lines[0].startswith("#"):
        errors.append(f"{name}:1: first line must be a '#' header")
        return rows
    if lines[0].lstrip("#").split("\t") != header:
        errors.append(f"{name}:1: header must name the columns {header}")
    for n, line in enumerate(lines[1:], start=2):
        where = f"{name}:{n}"
        if line == "":
            errors.append(f"{where}: empty line")
            continue
        if line.startswith("#"):
            errors.append(f"{where}: comment line after the header")
            continue
        # An empty last column legitimately leaves a final tab; anything else is stray.
        if line.rstrip("\t") != line.rstrip("\t").rstrip():
            errors.append(f"{where}: trailing whitespace")
        cols = line.split("\t")
        if len(cols) != len(header):
            errors.append(f"{where}: {len(cols)} columns, want {len(header)}")
            continue
        for col, value in zip(header, cols):
            if value != value.strip() or "  " in value:
                errors.append(f"{where}: stray spaces in {col}")
            if col in ("aliases", "demonyms", "capitals"):
                items = value.split("|") if value else []
                if any(i != i.strip() or not i for i in items):
                    errors.append(f"{where}: empty or padded item in {col}")
                if len(set(items)) != len(items):
                    errors.append(f"{where}: repeated item in {col}")
        rows.append((where, dict(zip(header, cols))))
    return rows


def check(countries_path, orgs_path):
    errors = []
    countries = read_tsv(countries_path, COUNTRY_HEADER, errors)
    orgs = read_tsv(orgs_path, ORG_HEADER, errors)

    iso3s = set()
    for where, r in countries:
        if not re.fullmatch(r"[A-Z]{3}", r["iso3"]):
            errors.append(f"{where}: bad iso3 {r['iso3']!r}")
        if r["iso3"] in iso3s:
            errors.append(f"{where}: duplicate iso3 {r['iso3']}")
        iso3s.add(r["iso3"])
    prev = ""
    for where, r in countries:
        if r["iso3"] < prev:
            errors.append(f"{where}: rows not sorted by iso3")
        prev = r["iso3"]

    for where, r in orgs:
        if r["type"] not in ORG_TYPES:
            errors.append(f"{where}: unknown type {r['type']!r}")
        if r["country"] and r["country"] not in iso3s:
            errors.append(f"{where}: unknown country {r['country']!r}")

    surface_owner = {}  # normalized surface form -> (where, label, surface)
    qid_owner = {}
    for kind, rows, cols in (
        ("country", countries, ("label", "aliases", "demonyms", "capitals")),
        ("organization", orgs, ("label", "aliases")),
    ):
        for where, r in rows:
            if not r["label"]:
                errors.append(f"{where}: empty label")
            qid = r["wikidata"]
            if qid:
                if not re.fullmatch(r"Q[1-9][0-9]*", qid):
                    errors.append(f"{where}: bad wikidata id {qid!r}")
                elif qid in qid_owner:
                    errors.append(f"{where}: wikidata {qid} also used at {qid_owner[qid]}")
                else:
                    qid_owner[qid] = where
            for col in cols[1:]:
                for item in split_list(r[col]):
                    if _LEADING_ARTICLE.match(item):
                        errors.append(f"{where}: {item!r} in {col} starts with an article")
            forms = []
            for col in cols:
                forms += [r[col]] if col == "label" else split_list(r[col])
            for form in forms:
                key = normalize(form)
                if not key:
                    errors.append(f"{where}: surface form {form!r} is empty once normalized")
                    continue
                owner = surface_owner.get(key)
                if owner and owner[0] != where:
                    errors.append(f"{where}: {form!r} ({r['label']}) clashes with "
                                  f"{owner[2]!r} ({owner[1]}) at {owner[0]}")
                elif not owner:
                    surface_owner[key] = (where, r["label"], form)

    for e in errors:
        print("error: " + e, file=sys.stderr)
    print(f"{os.path.relpath(countries_path, ROOT)}: {len(countries)} rows; "
          f"{os.path.relpath(orgs_path, ROOT)}: {len(orgs)} rows; "
          f"{len(surface_owner)} distinct surface forms; {len(errors)} errors")
    return 1 if errors else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="validate lexicon/countries.tsv and lexicon/organizations.tsv")
    ap.add_argument("--iso-json", default=ISO_JSON, help="iso-codes iso_3166-1.json")
    ap.add_argument("--output", default=COUNTRIES_TSV, help="countries.tsv to write")
    ap.add_argument("--organizations", default=ORGANIZATIONS_TSV,
                    help="organizations.tsv to check")
    args = ap.parse_args()
    if args.check:
        return check(args.output, args.organizations)
    rows = build_rows(load_iso(args.iso_json))
    write_countries(rows, args.output)
    print(f"wrote {len(rows)} rows to {os.path.relpath(args.output, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
