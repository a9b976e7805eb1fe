"""Village vulnerability mapping, the household register and the migration,
marriage and missing persons registers, the recruiter registry and the
vulnerability index configuration.

Register rows keep their village's block and district (set on save and by
imports) so that a CRP's jurisdiction and the MIS roll-ups are one indexed
equality, not a join chain."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.core.access import AccessPaths, ScopedManager
from sangam.core.crypto import EncryptedCharField, EncryptedField, name_tokens, token_digest
from sangam.core.models import ChangeLoggedModel, PersonalDataModel, VersionedModel
from sangam.core.vocabulary import Sex
from sangam.prevention.indicators import INDICATORS

VILLAGE_PATHS = AccessPaths(
    owner="created_by", district="district", state="district__state", block="block"
)


class RiskLevel(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class VillageRecord(PersonalDataModel):
    """A register row of one village, carrying its block and district."""

    village = models.ForeignKey(
        "geography.Village", on_delete=models.PROTECT, related_name="+", verbose_name=_("village")
    )
    block = models.ForeignKey("geography.Block", on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey("geography.District", on_delete=models.PROTECT, related_name="+")

    access_paths = VILLAGE_PATHS

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.village_id:
            self.block_id = self.village.block_id
            self.district_id = self.village.district_id
        super().save(*args, **kwargs)


class VillageProfile(ChangeLoggedModel, VersionedModel):
    """What makes a village vulnerable, as mapped by its community groups."""

    village = models.OneToOneField(
        "geography.Village", on_delete=models.CASCADE, related_name="profile"
    )
    households = models.PositiveIntegerField(_("households"), default=0)
    population_female = models.PositiveIntegerField(_("women and girls"), default=0)
    population_male = models.PositiveIntegerField(_("men and boys"), default=0)
    out_migrants = models.PositiveIntegerField(_("people working away"), default=0)
    flood = models.BooleanField(_("floods"), default=False)
    drought = models.BooleanField(_("droughts"), default=False)
    cyclone = models.BooleanField(_("cyclones"), default=False)
    last_calamity_year = models.PositiveSmallIntegerField(
        _("year of the last calamity"), null=True, blank=True
    )
    child_marriage_common = models.BooleanField(_("child marriage is common"), default=False)
    dowry_demands = models.BooleanField(_("dowry demands"), default=False)
    bride_trafficking_known = models.BooleanField(_("brides taken away for payment"), default=False)
    customary_sex_work = models.BooleanField(
        _("a practice that feeds prostitution (e.g. customary sex work)"), default=False
    )
    has_shg = models.BooleanField(_("has SHGs"), default=False)
    has_vo = models.BooleanField(_("has a village organisation"), default=False)
    has_clf = models.BooleanField(_("covered by a cluster federation"), default=False)
    km_to_police = models.PositiveSmallIntegerField(_("km to the police station"), default=0)
    km_to_health = models.PositiveSmallIntegerField(_("km to a health centre"), default=0)
    score = models.PositiveSmallIntegerField(_("vulnerability score"), default=0)

    objects = ScopedManager()
    access_paths = AccessPaths(
        district="village__district", state="village__district__state", block="village__block"
    )

    def __str__(self):
        return str(self.village)

    @property
    def sex_ratio(self):
        """Women per 1,000 men, as the Census states it."""
        if not self.population_male:
            return None
        return round(1000 * self.population_female / self.population_male)


class IndexConfiguration(ChangeLoggedModel):
    """One version of a state mission's vulnerability index: weights per
    indicator (adding up to 100) and the scores from which a household is
    medium or high risk. Versions are never edited; a change is a new one,
    and the audit trail records who published it."""

    state = models.ForeignKey("geography.State", on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField()
    weights = models.JSONField()
    medium_from = models.PositiveSmallIntegerField(_("medium risk from score"))
    high_from = models.PositiveSmallIntegerField(_("high risk from score"))
    note = models.CharField(_("why this version"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["state", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["state", "version"], name="index_version_unique")
        ]

    def __str__(self):
        return f"{self.state} v{self.version}"


def _flag(code):
    return models.BooleanField(INDICATORS[code], default=False)


class Household(VillageRecord):
    code = models.CharField(_("household number"), max_length=40)
    head_name = EncryptedCharField(_("head of household"), max_length=150)
    hamlet = EncryptedCharField(_("hamlet or ward"), max_length=120, blank=True)
    phone = EncryptedCharField(_("phone"), max_length=20, blank=True)
    surveyed_on = models.DateField(_("surveyed on"), default=timezone.localdate)

    extreme_poverty = _flag("extreme_poverty")
    landless = _flag("landless")
    in_debt = _flag("in_debt")
    breadwinner_lost = _flag("breadwinner_lost")
    crop_failure = _flag("crop_failure")
    disaster_loss = _flag("disaster_loss")
    frequent_migration = _flag("frequent_migration")
    alcoholism = _flag("alcoholism")
    domestic_violence = _flag("domestic_violence")
    female_headed = _flag("female_headed")
    child_out_of_school = _flag("child_out_of_school")
    child_marriage_in_family = _flag("child_marriage_in_family")
    member_missing = _flag("member_missing")
    member_left_with_agent = _flag("member_left_with_agent")

    # Written by the index (sangam.prevention.index), never by forms.
    score = models.PositiveSmallIntegerField(null=True, editable=False)
    risk_level = models.CharField(max_length=6, choices=RiskLevel.choices, blank=True)
    index_version = models.PositiveIntegerField(null=True, editable=False)

    class Meta:
        ordering = ["village", "code"]
        constraints = [
            models.UniqueConstraint(fields=["village", "code"], name="household_code_in_village")
        ]
        indexes = [
            models.Index(fields=["block", "risk_level"]),
            models.Index(fields=["district", "risk_level"]),
        ]

    def __str__(self):
        return f"{self.code} – {self.head_name}"

    def get_absolute_url(self):
        return reverse("prevention:household", args=[self.pk])


class Relation(models.TextChoices):
    HEAD = "head", _("Head")
    SPOUSE = "spouse", _("Wife or husband")
    DAUGHTER = "daughter", _("Daughter")
    SON = "son", _("Son")
    DAUGHTER_IN_LAW = "daughter_in_law", _("Daughter-in-law")
    GRANDCHILD = "grandchild", _("Grandchild")
    PARENT = "parent", _("Mother or father")
    SIBLING = "sibling", _("Sister or brother")
    OTHER = "other", _("Other")


class Schooling(models.TextChoices):
    NOT_OF_AGE = "not_of_age", _("Not of school age")
    IN_SCHOOL = "in_school", _("In school")
    DROPPED_OUT = "dropped_out", _("Dropped out")
    NEVER = "never", _("Never went")
    COMPLETED = "completed", _("Completed school")


class Member(PersonalDataModel):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    # The member's line in the paper household register (1, 2, ...).
    serial = models.PositiveSmallIntegerField(_("line in the register"))
    name = EncryptedCharField(_("name"), max_length=150)
    relation = models.CharField(_("relation to the head"), max_length=20, choices=Relation.choices)
    sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"))
    schooling = models.CharField(
        _("schooling"), max_length=12, choices=Schooling.choices, blank=True
    )
    work = EncryptedCharField(_("work"), max_length=120, blank=True)
    is_away = models.BooleanField(_("living away now"), default=False)

    access_paths = AccessPaths(
        owner="created_by",
        district="household__district",
        state="household__district__state",
        block="household__block",
    )

    class Meta:
        ordering = ["household", "serial"]
        constraints = [
            models.UniqueConstraint(fields=["household", "serial"], name="member_serial_unique")
        ]

    def __str__(self):
        return self.name

    @property
    def age(self):
        return timezone.localdate().year - self.birth_year

    def get_absolute_url(self):
        return reverse("prevention:member_edit", args=[self.pk])


class Entitlement(PersonalDataModel):
    class Status(models.TextChoices):
        NOT_APPLIED = "not_applied", _("Not applied")
        APPLIED = "applied", _("Applied")
        RECEIVED = "received", _("Received")
        REJECTED = "rejected", _("Rejected")

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="entitlements")
    # A code of the entitlement catalogue in force for the household's state
    # (compensation.EntitlementCatalogue: versioned reference data).
    kind = models.CharField(_("entitlement"), max_length=20)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NOT_APPLIED
    )
    applied_on = models.DateField(_("applied on"), null=True, blank=True)
    decided_on = models.DateField(_("received or rejected on"), null=True, blank=True)
    days_worked = models.PositiveSmallIntegerField(
        _("MGNREGS days worked this year"), null=True, blank=True
    )

    access_paths = Member.access_paths

    class Meta:
        ordering = ["household", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["household", "kind"], name="entitlement_once")
        ]

    # No page of its own: shown on its household's page (the contract tests probe that).
    shown_on = "household"


class Recruiter(PersonalDataModel):
    """A placement agent or agency people leave with: the safe migration
    centre's registry, consulted before anyone goes."""

    # The agent's own name, phone and address are encrypted (found by the
    # keyed name index, RecruiterNameToken); the firm and its licence are
    # what a registry is searched and sorted by in SQL.
    name = EncryptedCharField(_("name"), max_length=150)
    firm = models.CharField(_("firm or placement agency"), max_length=200, blank=True)
    licence_number = models.CharField(_("licence number"), max_length=60, blank=True)
    licence_valid_until = models.DateField(_("licence valid until"), null=True, blank=True)
    phone = EncryptedCharField(_("phone"), max_length=20, blank=True)
    address = EncryptedCharField(_("address"), max_length=300, blank=True)
    state = models.ForeignKey(
        "geography.State", on_delete=models.PROTECT, related_name="+", verbose_name=_("state")
    )
    verified_by = models.CharField(_("verified by"), max_length=150, blank=True)
    verified_on = models.DateField(_("verified on"), null=True, blank=True)

    access_paths = AccessPaths(owner="created_by", state="state")

    class Meta:
        ordering = ["firm", "pk"]

    def __str__(self):
        return self.firm and f"{self.name} ({self.firm})" or self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.index_names()

    def index_names(self):
        RecruiterNameToken.objects.filter(recruiter=self).delete()
        RecruiterNameToken.objects.bulk_create(
            RecruiterNameToken(recruiter=self, digest=token_digest(t))
            for t in name_tokens(self.name)
        )

    @property
    def licensed(self):
        return bool(
            self.licence_number
            and self.licence_valid_until
            and self.licence_valid_until >= timezone.localdate()
        )

    def get_absolute_url(self):
        return reverse("prevention:recruiter", args=[self.pk])


class RecruiterNameToken(models.Model):
    """Keyed digest of one normalised token of a recruiter's name: searchable,
    not reversible."""

    recruiter = models.ForeignKey(Recruiter, on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=32, db_index=True)

    def __str__(self):
        return self.digest


class RecruiterComplaint(PersonalDataModel):
    recruiter = models.ForeignKey(Recruiter, on_delete=models.CASCADE, related_name="complaints")
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    summary = EncryptedField(_("what happened"))
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    access_paths = AccessPaths(owner="created_by", state="recruiter__state")

    class Meta:
        ordering = ["-received_on"]

    # No page of its own: shown on its recruiter's page (the contract tests probe that).
    shown_on = "recruiter"


class MigrationStatus(models.TextChoices):
    AWAY = "away", _("Away, in touch")
    NOT_REACHABLE = "not_reachable", _("Not reachable")
    RETURNED = "returned", _("Returned")
    MISSING = "missing", _("Reported missing")


class Migration(VillageRecord):
    """Someone who left the village for work: where, with whom, who to call,
    and when the CRP next checks on them."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="migrations")
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="migrations", verbose_name=_("who left")
    )
    register_no = models.CharField(_("register number"), max_length=40)
    left_on = models.DateField(_("left on"))
    destination_state = models.ForeignKey(
        "geography.State",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("destination state"),
    )
    destination_place = EncryptedCharField(_("destination town or city"), max_length=150)
    work = EncryptedCharField(_("work promised"), max_length=150, blank=True)
    employer = EncryptedCharField(_("employer"), max_length=200, blank=True)
    recruiter = models.ForeignKey(
        Recruiter,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="migrations",
        verbose_name=_("recruiter in the registry"),
    )
    agent_name = EncryptedCharField(_("agent who took them"), max_length=150, blank=True)
    agent_phone = EncryptedCharField(_("agent's phone"), max_length=20, blank=True)
    migrant_phone = EncryptedCharField(_("their phone"), max_length=20, blank=True)
    contact_name = EncryptedCharField(_("who to call"), max_length=150, blank=True)
    contact_phone = EncryptedCharField(_("that person's phone"), max_length=20, blank=True)
    checkin_every_days = models.PositiveSmallIntegerField(_("check in every (days)"), default=30)
    next_checkin_due = models.DateField(_("next check-in due"))
    last_contact_on = models.DateField(_("last contact"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=14, choices=MigrationStatus.choices, default=MigrationStatus.AWAY
    )

    class Meta:
        ordering = ["next_checkin_due"]
        constraints = [
            models.UniqueConstraint(
                fields=["village", "register_no"], name="migration_register_no_in_village"
            )
        ]
        indexes = [models.Index(fields=["status", "next_checkin_due"])]

    def __str__(self):
        return f"{self.register_no}"

    def schedule_next(self, from_date):
        self.next_checkin_due = from_date + timedelta(days=self.checkin_every_days)

    def get_absolute_url(self):
        return reverse("prevention:migration", args=[self.pk])


class CheckIn(PersonalDataModel):
    migration = models.ForeignKey(Migration, on_delete=models.CASCADE, related_name="checkins")
    on = models.DateField(_("date"), default=timezone.localdate)
    reached = models.BooleanField(_("reached them"))
    note = EncryptedCharField(_("what they said"), max_length=300, blank=True)

    access_paths = AccessPaths(
        owner="created_by",
        district="migration__district",
        state="migration__district__state",
        block="migration__block",
    )

    class Meta:
        ordering = ["-on", "-pk"]

    # No page of its own: shown on its migration's page (the contract tests probe that).
    shown_on = "migration"


class AlertLevel(models.TextChoices):
    CRP = "crp", _("CRP")
    BLOCK = "block", _("Block")
    AHTU = "ahtu", _("AHTU")


class Alert(VillageRecord):
    class Reason(models.TextChoices):
        MISSED_CHECKIN = "missed_checkin", _("Check-in missed")
        NOT_REACHABLE = "not_reachable", _("Not reachable")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved: back in touch")
        REPORTED_MISSING = "reported_missing", _("Reported missing")

    migration = models.ForeignKey(Migration, on_delete=models.CASCADE, related_name="alerts")
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    raised_on = models.DateField(_("raised on"), default=timezone.localdate)
    level = models.CharField(
        _("escalated to"), max_length=6, choices=AlertLevel.choices, default=AlertLevel.CRP
    )
    escalated_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    missing_person = models.ForeignKey(
        "prevention.MissingPerson", null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["-raised_on", "-pk"]
        constraints = [
            # One open alert per migration: the daily run does not pile them up.
            models.UniqueConstraint(
                fields=["migration"],
                condition=models.Q(status="open"),
                name="one_open_alert_per_migration",
            )
        ]

    # No page of its own: shown on its migration's page (the contract tests probe that).
    shown_on = "migration"


class Marriage(VillageRecord):
    register_no = models.CharField(_("register number"), max_length=40)
    household = models.ForeignKey(
        Household, null=True, blank=True, on_delete=models.SET_NULL, related_name="marriages"
    )
    bride_name = EncryptedCharField(_("bride's name"), max_length=150)
    bride_age = models.PositiveSmallIntegerField(_("bride's age at marriage"))
    groom_name = EncryptedCharField(_("groom's name"), max_length=150, blank=True)
    groom_age = models.PositiveSmallIntegerField(_("groom's age"), null=True, blank=True)
    groom_place = EncryptedCharField(_("groom's village or town"), max_length=150, blank=True)
    groom_state = models.ForeignKey(
        "geography.State",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("groom's state"),
    )
    married_on = models.DateField(_("date of marriage"))
    groom_unknown = models.BooleanField(
        _("the family does not know the groom's family or address"), default=False
    )
    through_intermediary = models.BooleanField(_("arranged through an intermediary"), default=False)
    payment_to_family = models.BooleanField(_("money paid to the bride's family"), default=False)

    class Meta:
        ordering = ["-married_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["village", "register_no"], name="marriage_register_no_in_village"
            )
        ]

    def __str__(self):
        return self.register_no

    @property
    def flags(self):
        """Why this marriage needs attention (the framework's warning signs)."""
        found = []
        if self.bride_age < 18:
            found.append(_("bride under 18"))
        if self.groom_unknown or not self.groom_place:
            found.append(_("groom unknown"))
        elif self.groom_state_id and self.groom_state_id != self.district.state_id:
            found.append(_("groom from another state"))
        if self.through_intermediary:
            found.append(_("arranged through an intermediary"))
        if self.payment_to_family:
            found.append(_("payment to the bride's family"))
        return found

    # No page of its own: listed only through restricted lists (the village's marriages).
    shown_on = None


class MissingPerson(VillageRecord):
    class Status(models.TextChoices):
        MISSING = "missing", _("Missing")
        TRACED = "traced", _("Traced")
        RETURNED = "returned", _("Returned home")

    register_no = models.CharField(_("register number"), max_length=40)
    household = models.ForeignKey(
        Household, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    migration = models.ForeignKey(
        Migration, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = EncryptedCharField(_("name"), max_length=150)
    sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices)
    age = models.PositiveSmallIntegerField(_("age when missing"), null=True, blank=True)
    date_missing = models.DateField(_("missing since"))
    father_name = EncryptedCharField(_("father's or mother's name"), max_length=150, blank=True)
    language = models.CharField(_("language"), max_length=40, blank=True)
    circumstances = EncryptedField(_("circumstances"), blank=True)
    complaint_filed = models.BooleanField(_("police complaint filed"), default=False)
    police_station = models.CharField(_("police station"), max_length=150, blank=True)
    fir_gd_number = EncryptedCharField(_("FIR or GD number"), max_length=60, blank=True)
    complaint_date = models.DateField(_("complaint date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.MISSING
    )

    class Meta:
        ordering = ["-date_missing"]
        verbose_name = _("missing person")
        constraints = [
            models.UniqueConstraint(
                fields=["village", "register_no"], name="missing_register_no_in_village"
            )
        ]

    def __str__(self):
        return self.register_no

    def clean(self):
        errors = {}
        today = timezone.localdate()
        if self.date_missing and self.date_missing > today:
            errors["date_missing"] = _("This date is in the future.")
        if self.complaint_date and self.date_missing and self.complaint_date < self.date_missing:
            errors["complaint_date"] = _("The complaint cannot be before the person went missing.")
        if self.complaint_filed and not (self.police_station and self.complaint_date):
            errors["police_station"] = _("Give the police station and date of the complaint.")
        if self.age is not None and self.age > 110:
            errors["age"] = _("Give an age between 0 and 110.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("prevention:missing_edit", args=[self.pk])


class JobOfferCheck(VillageRecord):
    """A job offer walked through at the safe migration centre, and the
    advice given."""

    member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recruiter = models.ForeignKey(
        Recruiter, null=True, blank=True, on_delete=models.SET_NULL, related_name="checks"
    )
    offer = EncryptedCharField(_("the offer (work, place, wage)"), max_length=300)
    red_flags = models.JSONField(default=list)
    advice = models.CharField(max_length=12)
    checked_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["-checked_on", "-pk"]

    # No page of its own: listed only through restricted lists (the safe migration centre's checks).
    shown_on = None
