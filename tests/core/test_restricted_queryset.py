import pytest

from sangam.accounts.models import User
from sangam.agencies.models import AgencyContact, Membership
from sangam.core.access import SYSTEM, UnrestrictedQuery

PERSONAL_MODELS = [AgencyContact, Membership, User]


@pytest.mark.parametrize("model", PERSONAL_MODELS)
@pytest.mark.parametrize(
    "use",
    [
        lambda qs: list(qs),
        lambda qs: qs.count(),
        lambda qs: qs.exists(),
        lambda qs: qs.first(),
        lambda qs: list(qs.values_list("pk", flat=True)),
        lambda qs: list(qs.iterator()),
        lambda qs: qs.filter(pk=1).update(pk=1),
        lambda qs: qs.delete(),
    ],
)
def test_it_refuses_unrestricted_use(two_districts, model, use):
    with pytest.raises(UnrestrictedQuery):
        use(model.objects.all())


def test_it_refuses_related_managers_too(two_districts):
    with pytest.raises(UnrestrictedQuery):
        list(two_districts["a"].contacts.all())


def test_it_keeps_the_restriction_through_chaining(two_districts):
    qs = AgencyContact.objects.restrict(two_districts["user_a"], "view")
    names = list(
        qs.filter(agency__name__icontains="agency").order_by("pk").values_list("name", flat=True)
    )
    assert names == ["Contact Alpha (synthetic)"]


def test_it_returns_nothing_for_anonymous_users(two_districts):
    from django.contrib.auth.models import AnonymousUser

    assert list(AgencyContact.objects.restrict(AnonymousUser(), "view")) == []


def test_it_lets_the_system_see_everything(two_districts):
    assert AgencyContact.objects.restrict(SYSTEM).count() == 2


def test_it_returns_nothing_for_a_user_without_memberships(two_districts):
    lonely = User.objects.create_user("lonely", password="x-very-long-pass")
    assert AgencyContact.objects.restrict(lonely, "view").count() == 0


def test_it_ignores_inactive_memberships(two_districts):
    user = two_districts["user_a"]
    Membership.objects.restrict(SYSTEM).filter(user=user).update(is_active=False)
    user = User.objects.restrict(SYSTEM).get(pk=user.pk)
    assert AgencyContact.objects.restrict(user, "view").count() == 0
