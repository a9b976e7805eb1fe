from django.core.management import call_command

from sangam.geography.models import District, State


def test_it_loads_every_state_and_union_territory(reference):
    assert State.objects.count() == 36
    assert State.objects.filter(is_union_territory=True).count() == 8
    wb = State.objects.get(code="IN-WB")
    assert (wb.lgd_code, wb.name, wb.name_hi) == (19, "West Bengal", "पश्चिम बंगाल")


def test_it_loads_districts_with_codes(reference):
    assert District.objects.count() > 700
    assert all(State.objects.get(code=c).districts.exists() for c in ("IN-DL", "IN-LA", "IN-DH"))
    malda = District.objects.get(code="IN-WB-MALDA")
    assert (malda.state.code, malda.lgd_code) == ("IN-WB", 316)
    # Same name in two states, different LGD codes.
    hamirpur = dict(District.objects.filter(name="Hamirpur").values_list("state__code", "lgd_code"))
    assert hamirpur == {"IN-HP": 17, "IN-UP": 149}


def test_loading_twice_changes_nothing(reference):
    before = list(District.objects.order_by("pk").values_list("pk", "code", "lgd_code"))
    call_command("geography", "load")
    assert list(District.objects.order_by("pk").values_list("pk", "code", "lgd_code")) == before


def test_every_district_has_its_current_lgd_code(reference):
    assert not District.objects.filter(lgd_code__isnull=True).exists()
    codes = dict(District.objects.values_list("code", "lgd_code"))
    # Districts made after the 2011 census, which the census-based list lacked.
    assert codes["IN-PB-MALERKOTLA"] == 737 and codes["IN-TS-HANUMAKONDA"] == 686
    # Renamed districts keep their code and show their current name.
    sribhumi = District.objects.get(lgd_code=293)
    assert (sribhumi.state.code, sribhumi.name) == ("IN-AS", "Sribhumi")
    assert District.objects.get(lgd_code=469).name == "Chhatrapati Sambhajinagar"
    # Corrections of the census-based list: Mahe and Yanam were swapped, and
    # Chhattisgarh's Balrampur had Uttar Pradesh's code.
    assert (codes["IN-PY-MAHE"], codes["IN-PY-YANAM"]) == (599, 601)
    balrampur = dict(
        District.objects.filter(name="Balrampur").values_list("state__code", "lgd_code")
    )
    assert balrampur == {"IN-CG": 649, "IN-UP": 127}


def test_loading_over_an_older_list_moves_corrected_codes(reference):
    District.objects.filter(code__in=["IN-PY-MAHE", "IN-PY-YANAM"]).update(lgd_code=None)
    District.objects.filter(code="IN-PY-MAHE").update(lgd_code=601)
    District.objects.filter(code="IN-PY-YANAM").update(lgd_code=599)
    call_command("geography", "load")
    codes = dict(District.objects.values_list("code", "lgd_code"))
    assert (codes["IN-PY-MAHE"], codes["IN-PY-YANAM"]) == (599, 601)
