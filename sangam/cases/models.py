"""Survivors, their consent, and each agency's episode of care (case).

A survivor is one person record shared across agencies. Identifying fields
are encrypted at rest (core/crypto.py); names are found through a keyed
blind index (SurvivorNameToken), so a database dump alone reveals no name.
An agency sees a survivor through its own case; any other agency only with
the survivor's consent for that kind of agency and that category of data.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.agencies.models import AgencyType
from sangam.cases import htcds
from sangam.core.access import AccessPaths
from sangam.core.crypto import (
    EncryptedCharField,
    EncryptedDateField,
    EncryptedField,
    EncryptedJSONField,
    name_tokens,
    token_digest,
)
from sangam.core.models import PersonalDataModel
from sangam.core.vocabulary import Sex
from sangam.core.workflow import StatusEvent

ADULT_AGE = 18


class Category(models.TextChoices):
    """Categories of survivor data a consent covers."""

    IDENTITY = "identity", _("Identity (names, age, origin, documents)")
    CONTACT = "contact", _("Safe contact")
    ACCOUNT = "account", _("Account of what happened")
    HEALTH = "health", _("Health")
    COUNSELLING = "counselling", _("Counselling notes")
    LEGAL = "legal", _("Legal")


# The identity documents a survivor may hold (Survivor.documents: key -> held/missing).
DOCUMENTS = [
    ("aadhaar", _("Aadhaar")),
    ("ration_card", _("Ration card")),
    ("voter_id", _("Voter ID")),
    ("birth_certificate", _("Birth certificate")),
    ("bank_account", _("Bank account")),
    ("school_certificate", _("School certificate")),
]


class Survivor(PersonalDataModel):
    name = EncryptedField(_("name"), help_text=_("As the person gives it, in any script."))
    aliases = EncryptedJSONField(_("other names"), default=list, blank=True)
    sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices)
    date_of_birth = EncryptedDateField(_("date of birth"), null=True, blank=True)
    estimated_age = models.PositiveSmallIntegerField(_("estimated age"), null=True, blank=True)
    age_uncertainty = models.PositiveSmallIntegerField(
        _("give or take (years)"), null=True, blank=True
    )
    age_recorded_on = models.DateField(_("age estimated on"), null=True, blank=True)
    languages = models.CharField(_("languages"), max_length=100, blank=True)  # ISO 639-3, comma
    origin_state = models.ForeignKey(
        "geography.State", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    origin_district = models.ForeignKey(
        "geography.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district of origin"),
    )
    origin_village = EncryptedField(_("village of origin"), blank=True, default="")
    documents = EncryptedJSONField(_("identity documents"), default=dict, blank=True)
    safe_contact = EncryptedField(
        _("safe way to reach"),
        blank=True,
        default="",
        help_text=_("Only a channel the person says is safe."),
    )
    cwc_involved = models.BooleanField(_("CWC involved"), default=False)
    cwc_order = EncryptedField(_("CWC order reference"), blank=True, default="")

    access_paths = AccessPaths(
        owner="created_by",
        agency="cases__agency",
        district="cases__agency__district",
        state="cases__agency__state",
        assignment="cases__owner",
        survivor_data=True,
        # An agency she is referred to sees what she consented to share with
        # its kind of agency, before it opens a case of its own.
        involvement="referrals__receiver_agency",
        through_many=True,
    )
    consent_category = Category.IDENTITY
    survivor_path = "pk"

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"S-{self.pk}"

    def documents_by_state(self):
        """The documents' names (never their keys), held and missing."""
        names = dict(DOCUMENTS)
        held = [
            str(names[k]) for k, v in (self.documents or {}).items() if v == "held" and k in names
        ]
        missing = [
            str(names[k]) for k, v in (self.documents or {}).items() if v != "held" and k in names
        ]
        return {"held": held, "missing": missing}

    def age_on(self, day=None):
        day = day or timezone.localdate()
        if self.date_of_birth:
            dob = self.date_of_birth
            return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))
        if self.estimated_age is not None and self.age_recorded_on:
            return self.estimated_age + (day - self.age_recorded_on).days // 365
        return self.estimated_age

    @property
    def is_minor(self):
        age = self.age_on()
        return age is not None and age < ADULT_AGE

    def clean(self):
        errors = {}
        today = timezone.localdate()
        if self.date_of_birth and self.date_of_birth > today:
            errors["date_of_birth"] = _("A date of birth cannot be in the future.")
        if self.date_of_birth and today.year - self.date_of_birth.year > 120:
            errors["date_of_birth"] = _("That would make the person older than 120.")
        if self.estimated_age is not None and self.estimated_age > 120:
            errors["estimated_age"] = _("Enter an age between 0 and 120.")
        if self.origin_district_id and self.origin_state_id:
            if self.origin_district.state_id != self.origin_state_id:
                errors["origin_district"] = _("This district is not in the chosen state.")
        if not (self.name or "").strip():
            errors["name"] = _("A name is needed, in any script.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.index_names()

    def index_names(self):
        tokens = set(name_tokens(self.name))
        for alias in self.aliases or []:
            tokens.update(name_tokens(alias))
        SurvivorNameToken.objects.filter(survivor=self).delete()
        SurvivorNameToken.objects.bulk_create(
            SurvivorNameToken(survivor=self, digest=token_digest(t)) for t in sorted(tokens)
        )

    def get_absolute_url(self):
        return reverse("cases:survivor", args=[self.pk])


class SurvivorNameToken(models.Model):
    """Keyed digest of one normalised name token: searchable, not reversible."""

    survivor = models.ForeignKey(Survivor, on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=32, db_index=True)


class Consent(PersonalDataModel):
    """What the survivor (or guardian / CWC for a child) agreed to share,
    with which kinds of agency, for what, until when, who gave it and how.
    Recorded and revoked only by the agency whose case of her is open, or the
    CWC for a child in its care (cases/permissions.py). Revocable."""

    class GivenBy(models.TextChoices):
        SURVIVOR = "survivor", _("The survivor")
        GUARDIAN = "guardian", _("Parent or guardian")
        CWC_ORDER = "cwc_order", _("CWC order (child)")

    class Manner(models.TextChoices):
        IN_PERSON = "in_person", _("Spoken, in person")
        WRITTEN = "written", _("Written form, signed or thumb-printed")
        INTERPRETER = "interpreter", _("Spoken, in person, through an interpreter")
        PHONE = "phone", _("Spoken, by phone or video call")
        ORDER = "order", _("Written order of the CWC")

    survivor = models.ForeignKey(Survivor, on_delete=models.CASCADE, related_name="consents")
    given_by = models.CharField(_("given by"), max_length=12, choices=GivenBy.choices)
    # Blank only for consents recorded before Sangam asked how.
    manner = models.CharField(_("given how"), max_length=12, choices=Manner.choices, blank=True)
    purpose = models.CharField(_("purpose"), max_length=250)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    language = models.CharField(_("language of the conversation"), max_length=10)
    witness = models.CharField(_("witness"), max_length=150, blank=True)
    recorded_by_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # Seen by whoever may see her identity; written per the grants' scopes.
    access_paths = AccessPaths(
        owner="created_by",
        agency="survivor__cases__agency",
        district="survivor__cases__agency__district",
        state="survivor__cases__agency__state",
        survivor_data=True,
        involvement="survivor__referrals__receiver_agency",
        through_many=True,
    )
    consent_category = Category.IDENTITY
    survivor_path = "survivor"

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Consent {self.pk}"

    @property
    def is_active(self):
        if self.revoked_at:
            return False
        return self.valid_until is None or self.valid_until >= timezone.localdate()

    def clean(self):
        if self.valid_until and self.valid_until < timezone.localdate():
            raise ValidationError(
                {"valid_until": _("This date has passed: an expired consent cannot be recorded.")}
            )

    # No page of its own: shown on its survivor's page (the contract tests probe that).
    shown_on = "survivor"


class ConsentGrant(models.Model):
    """One line of a consent: this kind of agency may see this category."""

    consent = models.ForeignKey(Consent, on_delete=models.CASCADE, related_name="grants")
    agency_type = models.CharField(max_length=40, choices=AgencyType.choices)
    category = models.CharField(max_length=20, choices=Category.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consent", "agency_type", "category"], name="consent_grant_once"
            )
        ]
        indexes = [models.Index(fields=["agency_type", "category"])]


class Case(PersonalDataModel):
    """One agency's episode of care for a survivor."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ACTIVE = "active", _("Active")
        ON_HOLD = "on_hold", _("On hold")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        REINTEGRATED_FAMILY = "family", _("Reintegrated with family")
        REINTEGRATED_COMMUNITY = "community", _("Reintegrated in the community")
        INDEPENDENT = "independent", _("Living independently")
        TRANSFERRED = "transferred", _("Transferred to another agency")
        REPATRIATED = "repatriated", _("Repatriated")
        LOST_CONTACT = "lost_contact", _("Contact lost")
        OTHER = "other", _("Other")

    survivor = models.ForeignKey(Survivor, on_delete=models.PROTECT, related_name="cases")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="cases")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_cases",
        verbose_name=_("case owner"),
    )
    team = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    outcome = models.CharField(_("outcome"), max_length=15, choices=Outcome.choices, blank=True)
    opened_on = models.DateField(_("opened on"), default=timezone.localdate)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    access_paths = AccessPaths(
        owner="created_by",
        agency="agency",
        district="agency__district",
        state="agency__state",
        assignment="owner",
        survivor_data=True,
        involvement="survivor__cases__agency",
        through_many=True,
    )
    consent_category = Category.IDENTITY
    survivor_path = "survivor"

    class Meta:
        ordering = ["-opened_on", "-pk"]
        indexes = [models.Index(fields=["agency", "status"])]

    def __str__(self):
        return f"C-{self.pk}"

    def get_absolute_url(self):
        return reverse("cases:case", args=[self.pk])


class Intake(PersonalDataModel):
    """The survivor's account, told once and read by every agency she consents to."""

    survivor = models.OneToOneField(Survivor, on_delete=models.CASCADE, related_name="intake")
    narrative = EncryptedField(_("account, in the survivor's words"), blank=True)
    language = models.CharField(_("language it was given in"), max_length=10)
    recorded_by_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="+"
    )
    recorded_on = models.DateField(_("recorded on"), default=timezone.localdate)
    audio = models.FileField(_("audio recording"), upload_to="intake-audio/", blank=True)
    # HTCDS 2.0 vocabulary (cases/htcds.py)
    trafficking_status = models.CharField(
        _("trafficking status"), max_length=12, choices=htcds.TRAFFICKING_STATUS, blank=True
    )
    exploitation_types = models.JSONField(_("type of exploitation"), default=list, blank=True)
    methods_of_control = models.JSONField(_("methods of control"), default=list, blank=True)
    labour_industry = models.CharField(
        _("sector of labour"), max_length=60, choices=htcds.LABOUR_INDUSTRY, blank=True
    )
    recruitment_method = models.CharField(
        _("method of recruitment"), max_length=20, choices=htcds.RECRUITMENT_METHODS, blank=True
    )
    recruiter_relationship = models.CharField(
        _("recruiter was"), max_length=20, choices=htcds.RECRUITER_RELATIONSHIPS, blank=True
    )
    # Route: origin → transit → destination (places as told).
    recruited_in = models.ForeignKey(
        "geography.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recruited in (district)"),
    )
    transit = EncryptedCharField(_("through (places, in order)"), max_length=250, blank=True)
    exploited_in = models.ForeignKey(
        "geography.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("exploited in (district)"),
    )
    exploitation_place = EncryptedField(_("place of exploitation"), blank=True, default="")

    # Only the recording agency reads it without consent; every other agency,
    # including one the case is transferred to, needs consent to "account".
    access_paths = AccessPaths(
        owner="created_by",
        agency="recorded_by_agency",
        district="recorded_by_agency__district",
        state="recorded_by_agency__state",
        survivor_data=True,
        involvement=("survivor__cases__agency", "survivor__referrals__receiver_agency"),
        through_many=True,
    )
    consent_category = Category.ACCOUNT
    survivor_path = "survivor"

    def __str__(self):
        return f"Intake of {self.survivor_id}"

    # No page of its own: shown on its survivor's page (the contract tests probe that).
    shown_on = "survivor"


def _through_case():
    """Access paths of a record that belongs to one case."""
    return AccessPaths(
        owner="created_by",
        agency="case__agency",
        district="case__agency__district",
        state="case__agency__state",
        assignment="case__owner",
        survivor_data=True,
        involvement="case__survivor__cases__agency",
        through_many=True,
    )


class CaseRecord(PersonalDataModel):
    """Base of what is recorded in a case: its history moves with the survivor."""

    survivor_path = "case__survivor"
    consent_category = Category.IDENTITY

    class Meta:
        abstract = True

    # No page of its own: shown on its case's page (the contract tests probe that).
    shown_on = "case"


class CaseEvent(CaseRecord, StatusEvent):
    """A change of a case's status, kept with who and when."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10)
    # Its reason column predates StatusEvent and is shorter; kept as it is.
    reason = None
    note = EncryptedCharField(max_length=250, blank=True)
    reason_field = "note"

    access_paths = _through_case()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.case_id}: {self.to_status}"


class Domain(models.TextChoices):
    SAFETY = "safety", _("Safety")
    SHELTER = "shelter", _("Shelter")
    MEDICAL = "medical", _("Medical")
    MENTAL_HEALTH = "mental_health", _("Mental health and psychosocial support")
    LEGAL = "legal", _("Legal aid")
    COMPENSATION = "compensation", _("Victim compensation")
    ENTITLEMENTS = "entitlements", _("Entitlements and documents")
    EDUCATION = "education", _("Education")
    LIVELIHOOD = "livelihood", _("Skills and livelihood")
    REINTEGRATION = "reintegration", _("Family and community reintegration")
    REPATRIATION = "repatriation", _("Repatriation")


class PlanStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("No longer needed")


class Goal(CaseRecord):
    """A goal of the care plan, in one domain, from the needs assessment."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="goals")
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    need = EncryptedField(_("need assessed"))
    goal = EncryptedCharField(_("goal"), max_length=250)
    status = models.CharField(
        _("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.PLANNED
    )

    access_paths = _through_case()

    class Meta:
        ordering = ["domain", "pk"]

    def __str__(self):
        return self.goal


class Action(CaseRecord):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    description = EncryptedCharField(_("action"), max_length=250)
    responsible_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible agency"),
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.PLANNED
    )
    referral = models.ForeignKey(
        "referrals.Referral", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    access_paths = _through_case()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.description


class FollowUp(CaseRecord):
    """A scheduled contact with the survivor; overdue ones show on lists."""

    class Kind(models.TextChoices):
        ROUTINE = "routine", _("Routine follow-up")
        POST_REINTEGRATION = "post_reintegration", _("Post-reintegration follow-up")
        COUNSELLOR_TASK = "counsellor_task", _("Counsellor to see the survivor")
        # Before a hearing at which she gives evidence (justice): a court
        # visit, what to expect, travel, a support person, in her language.
        COURT_PREPARATION = (
            "court_preparation",
            _("Prepare her for court: a court visit, what to expect, travel, a support person"),
        )
        # After a "threats from traffickers" flag, while she is a victim in a
        # police case (justice): to decide with her whether to apply.
        WITNESS_PROTECTION = (
            "witness_protection",
            _("Threats: consider applying with her for witness protection"),
        )

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_ups")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ROUTINE)
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = EncryptedCharField(_("note"), max_length=250, blank=True)
    assigned_role = models.CharField(max_length=30, blank=True)

    access_paths = _through_case()

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["done_on", "due_on"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.due_on}"

    @property
    def is_overdue(self):
        return self.done_on is None and self.due_on < timezone.localdate()


class ServiceDelivered(CaseRecord):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="services")
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    description = EncryptedCharField(_("service"), max_length=250)
    delivered_on = models.DateField(_("delivered on"), default=timezone.localdate)

    access_paths = _through_case()

    class Meta:
        ordering = ["-delivered_on", "-pk"]

    def __str__(self):
        return self.description


class WellbeingCheckIn(CaseRecord):
    """WHO-5 Wellbeing Index: five items scored 0–5; 0–25 raw, ×4 for 0–100.

    A raw score below 13 (percentage ≤ 50) suggests poor wellbeing and
    screening for depression (WHO, 1998); Sangam then asks the counsellor
    to see the survivor, as it does when she says she is in distress.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="wellbeing")
    taken_on = models.DateField(_("date"), default=timezone.localdate)
    language = models.CharField(_("language"), max_length=10, blank=True)
    item1 = models.PositiveSmallIntegerField()
    item2 = models.PositiveSmallIntegerField()
    item3 = models.PositiveSmallIntegerField()
    item4 = models.PositiveSmallIntegerField()
    item5 = models.PositiveSmallIntegerField()
    distress = models.BooleanField(_("says she/he is in distress now"), default=False)

    access_paths = _through_case()
    consent_category = Category.HEALTH

    LOW_RAW = 13

    class Meta:
        ordering = ["taken_on", "pk"]

    def __str__(self):
        return f"WHO-5 {self.taken_on}"

    @property
    def raw_score(self):
        return self.item1 + self.item2 + self.item3 + self.item4 + self.item5

    @property
    def percentage(self):
        return self.raw_score * 4

    @property
    def is_low(self):
        return self.raw_score < self.LOW_RAW

    def clean(self):
        for i in range(1, 6):
            value = getattr(self, f"item{i}")
            if value is not None and not 0 <= value <= 5:
                raise ValidationError({f"item{i}": _("Each answer is scored 0 to 5.")})


class CounsellingNote(CaseRecord):
    """Seen by counsellors only (grants), and elsewhere only with consent."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="counselling_notes")
    note = EncryptedField(_("note"))
    written_on = models.DateField(_("date"), default=timezone.localdate)

    access_paths = _through_case()
    consent_category = Category.COUNSELLING

    class Meta:
        ordering = ["-written_on", "-pk"]

    def __str__(self):
        return f"Counselling note {self.pk}"


class RiskFlag(CaseRecord):
    class Kind(models.TextChoices):
        RE_TRAFFICKING = "re_trafficking", _("Risk of re-trafficking")
        THREATS = "threats", _("Threats from traffickers")
        FAMILY_INVOLVED = (
            "family_involved",
            _("Family involved in trafficking (return home unsafe)"),
        )

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="risk_flags")
    kind = models.CharField(_("risk"), max_length=20, choices=Kind.choices)
    reason = EncryptedField(_("reason"))
    review_on = models.DateField(_("review by"))
    cleared_on = models.DateField(_("cleared on"), null=True, blank=True)

    access_paths = _through_case()

    class Meta:
        ordering = ["review_on", "pk"]

    def __str__(self):
        return self.get_kind_display()


class Transfer(CaseRecord):
    """A case handed to another agency (another state, too)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transfers")
    to_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="transfers_in",
        verbose_name=_("to agency"),
    )
    reason = EncryptedField(_("reason"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = EncryptedCharField(max_length=250, blank=True)
    new_case = models.ForeignKey(
        Case, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # The receiving agency sees the request (not the survivor) until it accepts.
    access_paths = AccessPaths(
        owner="created_by",
        agency=("case__agency", "to_agency"),
        district=("case__agency__district", "to_agency__district"),
        state=("case__agency__state", "to_agency__state"),
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Transfer {self.pk}"
