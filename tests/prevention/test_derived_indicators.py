"""A household's indicators and score do not depend on how it was entered:
on the household, member and migration pages, or imported from the
registers. And the explanation a CRP reads adds up to the score."""

import io
from datetime import date
from itertools import count

from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sangam.core.access import SYSTEM
from sangam.geography.models import State
from sangam.prevention import index
from sangam.prevention.imports import import_register
from sangam.prevention.indicators import INDICATORS
from sangam.prevention.models import Household, Schooling

PLACE = "Sisai (synthetic),Kotam (synthetic)"
CODES = list(INDICATORS)
serial = count(1)

ticked = st.fixed_dictionaries({code: st.booleans() for code in CODES})
members = st.lists(
    st.tuples(st.integers(0, 60), st.sampled_from(["", *Schooling.values])), min_size=1, max_size=3
)
migrations = st.lists(st.tuples(st.integers(0, 2), st.booleans()), max_size=3)


@st.composite
def configurations(draw):
    weights = draw(st.lists(st.integers(0, 7), min_size=len(CODES) - 1, max_size=len(CODES) - 1))
    weights.append(100 - sum(weights))
    medium = draw(st.integers(1, 98))
    high = draw(st.integers(medium + 1, 100))
    return dict(zip(CODES, weights, strict=True)), medium, high


def enter_on_pages(client, village, code, flags, people, moves):
    state = State.objects.get(code="IN-DL").pk
    form = {"village": village.pk, "code": code, "head_name": "Head (synthetic)"}
    form |= {"surveyed_on": date.today().isoformat()}
    form |= {c: "on" for c, on in flags.items() if on}
    assert client.post("/prevention/households/new/", form).status_code == 302
    household = Household.objects.restrict(SYSTEM).get(village=village, code=code)
    for n, (age, schooling) in enumerate(people, 1):
        client.post(
            f"/prevention/households/{household.pk}/members/",
            {"name": f"Person {n} (synthetic)", "relation": "head" if n == 1 else "son",
             "sex": "male", "age": str(age), "schooling": schooling},
        )  # fmt: skip
    member_pks = list(
        household.members.restrict(SYSTEM).order_by("serial").values_list("pk", flat=True)
    )
    for n, (who, agent) in enumerate(moves, 1):
        response = client.post(
            f"/prevention/households/{household.pk}/left/",
            {"member": member_pks[who % len(member_pks)], "register_no": f"{code}-M{n}",
             "left_on": timezone.localdate().isoformat(), "destination_state": state,
             "destination_place": "Delhi", "agent_name": "Agent (synthetic)" if agent else "",
             "checkin_every_days": "30"},
        )  # fmt: skip
        assert response.status_code == 302, response.content.decode()
    return Household.objects.restrict(SYSTEM).get(pk=household.pk)


def csv(*lines):
    return io.BytesIO(("\n".join(lines) + "\n").encode())


def import_files(user, code, flags, people, moves):
    yes = {True: "yes", False: "no"}
    households = csv(
        "block,village,code,head_name," + ",".join(CODES),
        f"{PLACE},{code},Head (synthetic)," + ",".join(yes[flags[c]] for c in CODES),
    )
    rows = [
        f"{PLACE},{code},{n},Person {n} (synthetic),{'head' if n == 1 else 'son'},male,{age},"
        f"{schooling}"
        for n, (age, schooling) in enumerate(people, 1)
    ]
    members = csv("block,village,household_code,serial,name,relation,sex,age,schooling", *rows)
    rows = [
        f"{PLACE},{code}-M{n},{code},{who % len(people) + 1},{timezone.localdate().isoformat()},"
        f"IN-DL,Delhi,{'Agent (synthetic)' if agent else ''}"
        for n, (who, agent) in enumerate(moves, 1)
    ]
    migrations = csv(
        "block,village,register_no,household_code,member_serial,left_on,destination_state,"
        "destination_place,agent_name",
        *rows,
    )
    for register, data in (("households", households), ("members", members),
                           ("migrations", migrations)):  # fmt: skip
        report = import_register(register, data, f"{register}.csv", user)
        assert report.committed, report.errors
    return Household.objects.restrict(SYSTEM).get(code=code)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(flags=ticked, people=members, moves=migrations, configuration=configurations())
def test_the_same_household_gets_the_same_indicators_and_score_on_the_page_and_imported(
    client, jharkhand, flags, people, moves, configuration
):
    weights, medium, high = configuration
    state = State.objects.get(code="IN-JH")
    index.publish(state, weights, medium, high)
    config = index.active(state.pk)
    client.force_login(jharkhand["crp"])
    n = next(serial)
    on_page = enter_on_pages(client, jharkhand["village"], f"P-{n}", flags, people, moves)
    imported = import_files(jharkhand["crp"], f"I-{n}", flags, people, moves)

    assert {c: getattr(imported, c) for c in CODES} == {c: getattr(on_page, c) for c in CODES}
    assert (imported.score, imported.risk_level) == (on_page.score, on_page.risk_level)
    for household in (on_page, imported):
        parts, total = index.explain(household, config)
        assert sum(points for _code, _label, points in parts) == total == household.score
