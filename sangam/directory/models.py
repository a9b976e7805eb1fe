"""The service directory, shaped as Open Referral HSDS 3.0.

Model and field names follow HSDS so that the API, export and import map
one to one (see directory/hsds.py). Sangam adds what search needs: a
denormalised state/district and search text on each service, the population
a service takes (sex), and live capacity as in the HSDS 3.1 service_capacity
draft. The directory is public information about services; it holds no data
about the people who use them.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sangam.core.access import AccessPaths, ScopedManager
from sangam.core.models import ChangeLoggedModel, VersionedModel
from sangam.core.vocabulary import Takes


def _id():
    return uuid.uuid4()


class Taxonomy(models.Model):
    id = models.UUIDField(primary_key=True, default=_id)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    uri = models.URLField(blank=True)
    version = models.CharField(max_length=50, blank=True)

    class Meta:
        verbose_name_plural = "taxonomies"

    def __str__(self):
        return self.name


class TaxonomyTerm(models.Model):
    id = models.UUIDField(primary_key=True, default=_id)
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.CASCADE, null=True, blank=True)
    code = models.CharField(max_length=100, blank=True)
    name = models.CharField(max_length=200)
    name_hi = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    language = models.CharField(max_length=10, blank=True)
    term_uri = models.URLField(blank=True)

    class Meta:
        ordering = ["code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["taxonomy", "code"],
                condition=~models.Q(code=""),
                name="term_code_unique_in_taxonomy",
            )
        ]

    def __str__(self):
        return self.local_name

    @property
    def local_name(self):
        return self.name_hi if get_language() == "hi" and self.name_hi else self.name


class Organization(ChangeLoggedModel, VersionedModel):
    id = models.UUIDField(primary_key=True, default=_id)
    name = models.CharField(_("name"), max_length=250)
    alternate_name = models.CharField(_("other name"), max_length=250, blank=True)
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    year_incorporated = models.PositiveIntegerField(null=True, blank=True)
    legal_status = models.CharField(max_length=100, blank=True)
    uri = models.URLField(blank=True)
    # The Sangam agency this organization is, when it is on the platform.
    agency = models.OneToOneField(
        "agencies.Agency",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organization",
        verbose_name=_("agency on Sangam"),
    )

    objects = ScopedManager()
    access_paths = AccessPaths(agency="agency", district="agency__district", state="agency__state")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Location(models.Model):
    class Type(models.TextChoices):
        PHYSICAL = "physical", _("Physical")
        POSTAL = "postal", _("Postal")
        VIRTUAL = "virtual", _("Virtual")

    id = models.UUIDField(primary_key=True, default=_id)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, null=True, blank=True, related_name="locations"
    )
    location_type = models.CharField(max_length=10, choices=Type.choices, default=Type.PHYSICAL)
    url = models.URLField(blank=True)
    name = models.CharField(max_length=250, blank=True)
    alternate_name = models.CharField(max_length=250, blank=True)
    description = models.TextField(blank=True)
    transportation = models.TextField(blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    external_identifier = models.CharField(max_length=100, blank=True)
    external_identifier_type = models.CharField(max_length=100, blank=True)
    state = models.ForeignKey(
        "geography.State", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    district = models.ForeignKey(
        "geography.District", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self):
        return self.name or str(self.id)


class Address(models.Model):
    id = models.UUIDField(primary_key=True, default=_id)
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="addresses")
    attention = models.CharField(max_length=250, blank=True)
    address_1 = models.CharField(max_length=250)
    address_2 = models.CharField(max_length=250, blank=True)
    city = models.CharField(max_length=120)
    region = models.CharField(max_length=120, blank=True)
    state_province = models.CharField(max_length=120)
    postal_code = models.CharField(max_length=20)
    country = models.CharField(max_length=2, default="IN")
    address_type = models.CharField(max_length=20, default="physical")

    class Meta:
        ordering = ["id"]


class Service(ChangeLoggedModel, VersionedModel):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")
        DEFUNCT = "defunct", _("Closed permanently")
        TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")

    id = models.UUIDField(primary_key=True, default=_id)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="services"
    )
    name = models.CharField(_("name"), max_length=250)
    alternate_name = models.CharField(_("other name"), max_length=250, blank=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    interpretation_services = models.TextField(blank=True)
    application_process = models.TextField(_("how to apply"), blank=True)
    fees_description = models.TextField(_("fees"), blank=True)
    wait_time = models.CharField(max_length=200, blank=True)
    eligibility_description = models.TextField(_("who it is for"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    sex = models.CharField(_("takes"), max_length=12, choices=Takes.choices, default=Takes.ANY)
    alert = models.TextField(_("alert"), blank=True)
    # HSDS assured_date / assurer_email: when the entry was last verified and by whom.
    assured_date = models.DateField(_("last verified"), null=True, blank=True)
    assurer_email = models.EmailField(blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    terms = models.ManyToManyField(TaxonomyTerm, through="Attribute", related_name="services")
    state = models.ForeignKey(
        "geography.State", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    district = models.ForeignKey(
        "geography.District", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Lower-cased names, description, organization and term names in English
    # and Hindi, place names: what free-text search looks in.
    search_text = models.TextField(editable=False, default="")

    objects = ScopedManager()
    access_paths = AccessPaths(agency="organization__agency", district="district", state="state")

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["state", "district", "status"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:service", args=[self.pk])

    @property
    def is_stale(self):
        days = settings.SANGAM_DIRECTORY_STALE_DAYS
        return self.assured_date is None or self.assured_date < (
            timezone.localdate() - timedelta(days=days)
        )

    @property
    def accepts_referrals(self):
        return self.status == self.Status.ACTIVE


class Attribute(models.Model):
    """HSDS attribute: links a service to a taxonomy term."""

    id = models.UUIDField(primary_key=True, default=_id)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="attributes")
    taxonomy_term = models.ForeignKey(TaxonomyTerm, on_delete=models.PROTECT)
    link_type = models.CharField(max_length=50, blank=True)
    value = models.CharField(max_length=250, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["service", "taxonomy_term"], name="attribute_once")
        ]


class ServiceAtLocation(models.Model):
    id = models.UUIDField(primary_key=True, default=_id)
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]


class Phone(models.Model):
    id = models.UUIDField(primary_key=True, default=_id)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, null=True, blank=True, related_name="phones"
    )
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, null=True, blank=True, related_name="phones"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, null=True, blank=True, related_name="phones"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation, on_delete=models.CASCADE, null=True, blank=True, related_name="phones"
    )
    number = models.CharField(max_length=40)
    extension = models.CharField(max_length=20, blank=True)
    type = models.CharField(max_length=20, blank=True)
    description = models.CharField(max_length=250, blank=True)

    class Meta:
        ordering = ["id"]


class Schedule(models.Model):
    id = models.UUIDField(primary_key=True, default=_id)
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, null=True, blank=True, related_name="schedules"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, null=True, blank=True, related_name="schedules"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="schedules",
    )
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    freq = models.CharField(max_length=10, blank=True)  # WEEKLY / MONTHLY (RFC 5545)
    wkst = models.CharField(max_length=2, blank=True)
    byday = models.CharField(max_length=40, blank=True)  # MO,TU,WE
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    description = models.TextField(blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]


class Language(models.Model):
    id = models.UUIDField(primary_key=True, default=_id)
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, null=True, blank=True, related_name="languages"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, null=True, blank=True, related_name="languages"
    )
    phone = models.ForeignKey(
        Phone, on_delete=models.CASCADE, null=True, blank=True, related_name="languages"
    )
    name = models.CharField(max_length=100, blank=True)
    code = models.CharField(max_length=10, blank=True)  # ISO 639 (ben, hin, eng)
    note = models.CharField(max_length=250, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["code", "service"])]


class ServiceArea(models.Model):
    id = models.UUIDField(primary_key=True, default=_id)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_areas")
    name = models.CharField(max_length=250, blank=True)
    description = models.TextField(blank=True)
    extent = models.TextField(blank=True)
    extent_type = models.CharField(max_length=20, blank=True)
    uri = models.URLField(blank=True)

    class Meta:
        ordering = ["id"]


class ServiceCapacity(models.Model):
    """Live capacity (HSDS 3.1 draft): e.g. beds free today."""

    class Unit(models.TextChoices):
        BED = "bed", _("beds")
        PLACE = "place", _("places")
        APPOINTMENT = "appointment", _("appointments")

    id = models.UUIDField(primary_key=True, default=_id)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="capacities")
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.BED)
    available = models.PositiveIntegerField(_("available"))
    maximum = models.PositiveIntegerField(_("maximum"), null=True, blank=True)
    description = models.CharField(max_length=250, blank=True)
    updated = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["service", "unit"], name="capacity_unit")]

    @property
    def is_current(self):
        """Reported recently enough to count as today's figure."""
        return self.updated >= timezone.now() - timedelta(
            hours=settings.SANGAM_CAPACITY_FRESH_HOURS
        )
