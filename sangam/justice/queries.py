"""Restricted look-ups of justice records shared by the pages and the API:
unknown and forbidden alike are 404."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from sangam.core.access import can
from sangam.justice.models import (
    Accused,
    AccusedLink,
    Appeal,
    ChargedSection,
    Clock,
    CriminalCase,
    Hearing,
    Judgment,
    Proceeds,
    ProtectionApplication,
    ProtectionIncident,
    Rescue,
    RescuedPerson,
    SectionReview,
    Trial,
)

CASE_RELATED = ("police_station", "ahtu", "transferred_to", "prosecution", "investigating_officer")


def cases(user, action="view"):
    return CriminalCase.objects.restrict(user, action).select_related(*CASE_RELATED)


def victim_cases(user, survivor_id):
    """The police cases ``user`` may see in which she is a victim."""
    return cases(user).filter(victims=survivor_id).order_by("fir_at", "pk")


def get_case_for_user(user, pk, action="view"):
    """The case with its sections (as the user may see them) or 404."""
    sections = ChargedSection.objects.restrict(user, "view").select_related(
        "offence", "offence__version"
    )
    return get_object_or_404(
        cases(user, action).prefetch_related(Prefetch("sections", queryset=sections)), pk=pk
    )


def accused_of(user, case, action="view"):
    """The case's accused the user may see: none for anyone but police and
    prosecution (no grant)."""
    return Accused.objects.restrict(user, action).filter(case=case)


def get_accused_for_user(user, pk, action="view"):
    return get_object_or_404(
        Accused.objects.restrict(user, action).select_related("case", "case__police_station"),
        pk=pk,
    )


def proceeds_of(user, case, action="view"):
    return Proceeds.objects.restrict(user, action).filter(case=case).select_related("accused")


def get_proceeds_for_user(user, pk, action="view"):
    return get_object_or_404(
        Proceeds.objects.restrict(user, action).select_related("case", "accused"), pk=pk
    )


def get_link_for_user(user, pk, action="view"):
    return get_object_or_404(
        AccusedLink.objects.restrict(user, action).select_related(
            "accused__case__police_station__district",
            "other__case__police_station__district",
            "recruiter",
        ),
        pk=pk,
    )


def may_see_accused(user):
    return can(user, Accused, "view")


def clocks_of(user, **subject):
    return (
        Clock.objects.restrict(user, "view")
        .filter(**subject)
        .select_related("responsible", "rule", "accused")
    )


# What a list of clocks shows of an accused is his number ("A-12"), and of a
# person rescued the link to her rescue: joined, without the encrypted
# fields (a list of 50 clocks was 50 more queries, one per accused).
CLOCK_SUBJECTS = ("accused", "rescued")
UNSHOWN = ("accused__name", "accused__aliases", "accused__phones")


def due_for(user, agency_ids):
    """Open clocks the user's agencies must meet, soonest first."""
    return (
        Clock.objects.restrict(user, "view")
        .filter(responsible__in=agency_ids, met_at__isnull=True)
        .select_related("responsible", "rule", *CLOCK_SUBJECTS)
        .defer(*UNSHOWN)
        .order_by("due_at")
    )


def rescues(user, action="view"):
    return Rescue.objects.restrict(user, action).select_related("lead_agency", "district")


def get_rescue_for_user(user, pk, action="view"):
    return get_object_or_404(rescues(user, action), pk=pk)


def persons_of(user, rescue, action="view"):
    return (
        RescuedPerson.objects.restrict(user, action)
        .filter(rescue=rescue)
        .select_related("survivor", "cwc")
    )


def get_rescued_for_user(user, pk, action="view"):
    return get_object_or_404(
        RescuedPerson.objects.restrict(user, action).select_related("rescue", "cwc"), pk=pk
    )


def my_agency_ids(user):
    return [m.agency_id for m in user.active_memberships()]


def open_reviews(user):
    return SectionReview.objects.restrict(user, "view").filter(reviewed_at__isnull=True)


def get_review_for_user(user, pk, action="view"):
    return get_object_or_404(
        SectionReview.objects.restrict(user, action).select_related(
            "home_ahtu", "found_ahtu", "case", "match__missing_person"
        ),
        pk=pk,
    )


# --- Court ------------------------------------------------------------------


def trial_of(user, case, action="view"):
    return Trial.objects.restrict(user, action).filter(case=case).first()


def get_trial_for_user(user, pk, action="view"):
    """The trial with its case (as the user may see it) or 404."""
    trial = get_object_or_404(Trial.objects.restrict(user, action), pk=pk)
    trial.case = get_case_for_user(user, trial.case_id)
    return trial


def hearings_of(user, trial):
    return Hearing.objects.restrict(user, "view").filter(trial=trial)


def judgments_of(user, trial):
    return (
        Judgment.objects.restrict(user, "view")
        .filter(trial=trial)
        .select_related("section", "section__offence")
    )


def appeals_of(user, trial):
    return Appeal.objects.restrict(user, "view").filter(trial=trial)


# --- Witness protection -----------------------------------------------------

APPLICATION_RELATED = ("committee", "police_unit", "filed_by", "case", "case__police_station")


def applications(user, action="view"):
    return ProtectionApplication.objects.restrict(user, action).select_related(*APPLICATION_RELATED)


def get_application_for_user(user, pk, action="view"):
    return get_object_or_404(applications(user, action), pk=pk)


def applications_of_case(user, case):
    return applications(user).filter(case=case)


def incidents_of(user, application):
    return ProtectionIncident.objects.restrict(user, "view").filter(application=application)
