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
