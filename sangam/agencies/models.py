from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sangam.core.access import AccessPaths, ScopedManager
from sangam.core.crypto import EncryptedCharField, EncryptedEmailField
from sangam.core.models import ChangeLoggedModel, PersonalDataModel, VersionedModel
from sangam.core.roles import Role


class AgencyType(models.TextChoices):
    NGO = "ngo", _("NGO")
    SHELTER_SHAKTI_SADAN = "shelter_shakti_sadan", _("Shelter home – Shakti Sadan")
    SHELTER_CCI = "shelter_cci", _("Shelter home – Child Care Institution")
    ONE_STOP_CENTRE = "one_stop_centre", _("One Stop Centre")
    SHELTER_OTHER = "shelter_other", _("Shelter home – other")
    POLICE_STATION = "police_station", _("Police station")
    AHTU = "ahtu", _("Anti Human Trafficking Unit (AHTU)")
    STATE_AHT_BUREAU = "state_aht_bureau", _("State anti human trafficking bureau")
    CWC = "cwc", _("Child Welfare Committee (CWC)")
    DCPU = "dcpu", _("District Child Protection Unit (DCPU)")
    DLSA = "dlsa", _("District Legal Services Authority (DLSA)")
    SLSA = "slsa", _("State Legal Services Authority (SLSA)")
    SRLM_UNIT = "srlm_unit", _("State Rural Livelihoods Mission unit")
    SHG = "shg", _("Self-help group (SHG)")
    VO = "vo", _("Village organisation (VO)")
    CLF = "clf", _("Cluster-level federation (CLF)")
    DISTRICT_ADMINISTRATION = "district_administration", _("District administration")
    HEALTH_DMHP = "health_dmhp", _("Health / District Mental Health Programme")
    LABOUR_DEPARTMENT = "labour_department", _("Labour department")
    PROSECUTION = "prosecution", _("Prosecution (public prosecutor's office)")
    PROTECTION_COMMITTEE = (
        "protection_committee",
        _("Witness protection committee (district standing committee)"),
    )
    OTHER = "other", _("Other")


class JurisdictionLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    STATE = "state", _("State")
    DISTRICT = "district", _("District")
    BLOCK = "block", _("Block")


class Agency(ChangeLoggedModel, VersionedModel):
    name = models.CharField(_("name"), max_length=200)
    type = models.CharField(_("type"), max_length=40, choices=AgencyType.choices)
    jurisdiction_level = models.CharField(
        _("jurisdiction"), max_length=10, choices=JurisdictionLevel.choices
    )
    state = models.ForeignKey(
        "geography.State", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("state")
    )
    district = models.ForeignKey(
        "geography.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("district"),
    )
    block = models.ForeignKey(
        "geography.Block", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("block")
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("office phone"), max_length=20, blank=True)
    email = models.EmailField(_("office e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = ScopedManager()
    access_paths = AccessPaths(agency="pk", district="district", state="state")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("agencies")
        indexes = [models.Index(fields=["state", "district"])]

    def __str__(self):
        return self.name

    def clean(self):
        needs = {
            JurisdictionLevel.STATE: ["state"],
            JurisdictionLevel.DISTRICT: ["state", "district"],
            JurisdictionLevel.BLOCK: ["state", "district", "block"],
        }.get(self.jurisdiction_level, [])
        errors = {
            f: _("Required for this jurisdiction.") for f in needs if not getattr(self, f"{f}_id")
        }
        if self.district_id and self.state_id and self.district.state_id != self.state_id:
            errors["district"] = _("This district is not in the chosen state.")
        if self.block_id and self.district_id and self.block.district_id != self.district_id:
            errors["block"] = _("This block is not in the chosen district.")
        if errors:
            raise ValidationError(errors)


class AgencyContact(PersonalDataModel):
    """A named person to contact at an agency (personal data of staff)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="contacts")
    name = EncryptedCharField(_("name"), max_length=150)
    designation = models.CharField(_("designation"), max_length=150, blank=True)
    phone = EncryptedCharField(_("phone"), max_length=20, blank=True)
    email = EncryptedEmailField(_("e-mail"), max_length=254, blank=True)

    access_paths = AccessPaths(
        owner="created_by", agency="agency", district="agency__district", state="agency__state"
    )

    class Meta:
        # Names are ciphertext in the table: pages sort by name in Python.
        ordering = ["pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("agencies:contact_edit", args=[self.pk])


def by_name(contacts):
    """Contacts as a list sorted by name (in Python: the table holds ciphertext)."""
    return sorted(contacts, key=lambda contact: contact.name.casefold())


class Membership(PersonalDataModel):
    """A person's role in an agency. One user may hold several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=40, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)

    access_paths = AccessPaths(
        owner="user", agency="agency", district="agency__district", state="agency__state"
    )

    class Meta:
        ordering = ["agency__name", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="membership_unique")
        ]

    def __str__(self):
        return f"{self.get_role_display()} – {self.agency}"

    # No page of its own: listed only through restricted lists (an agency's people).
    shown_on = None
