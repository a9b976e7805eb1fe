"""India's administrative hierarchy: state/UT → district → block → gram
panchayat → village. States and districts are reference data shipped with
Sangam (see geography/reference.py); blocks, gram panchayats and villages are
created by users or imported from CSV."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sangam.core.access import AccessPaths, ScopedManager
from sangam.core.models import ChangeLoggedModel


class State(models.Model):
    code = models.CharField(_("ISO 3166-2 code"), max_length=6, unique=True)  # e.g. IN-WB
    lgd_code = models.PositiveIntegerField(_("LGD code"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_hi = models.CharField(_("name in Hindi"), max_length=100, blank=True)
    is_union_territory = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.local_name

    @property
    def local_name(self):
        return self.name_hi if get_language() == "hi" and self.name_hi else self.name


class District(models.Model):
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="districts")
    code = models.CharField(_("code"), max_length=80, unique=True)  # IN-WB-MALDA
    lgd_code = models.PositiveIntegerField(_("LGD code"), null=True, blank=True, unique=True)
    name = models.CharField(_("name"), max_length=100)
    # A representative point (median post office) for distances when a
    # village or service has no coordinates of its own.
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        ordering = ["state__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["state", "name"], name="district_unique_in_state")
        ]

    def __str__(self):
        return self.name


class Block(ChangeLoggedModel):
    objects = ScopedManager()
    access_paths = AccessPaths(district="district", state="district__state")

    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="blocks")
    name = models.CharField(_("name"), max_length=120)
    lgd_code = models.PositiveIntegerField(_("LGD code"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["district", "name"], name="block_unique_in_district")
        ]

    def __str__(self):
        return self.name


class GramPanchayat(ChangeLoggedModel):
    objects = ScopedManager()
    access_paths = AccessPaths(district="block__district", state="block__district__state")

    block = models.ForeignKey(Block, on_delete=models.PROTECT, related_name="gram_panchayats")
    name = models.CharField(_("name"), max_length=120)
    lgd_code = models.PositiveIntegerField(_("LGD code"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("gram panchayat")
        constraints = [models.UniqueConstraint(fields=["block", "name"], name="gp_unique_in_block")]

    def __str__(self):
        return self.name


class Village(ChangeLoggedModel):
    objects = ScopedManager()
    access_paths = AccessPaths(district="district", state="district__state")

    # district and block are kept on the village (not only through the GP) so
    # that jurisdiction filters are one indexed equality, not a join chain.
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="villages")
    block = models.ForeignKey(Block, on_delete=models.PROTECT, related_name="villages")
    gram_panchayat = models.ForeignKey(
        GramPanchayat, on_delete=models.PROTECT, null=True, blank=True, related_name="villages"
    )
    name = models.CharField(_("name"), max_length=120)
    lgd_code = models.PositiveIntegerField(_("LGD code"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["gram_panchayat", "name"],
                condition=models.Q(gram_panchayat__isnull=False),
                name="village_unique_in_gp",
            ),
            # Villages of states without gram panchayats hang off the block.
            models.UniqueConstraint(
                fields=["block", "name"],
                condition=models.Q(gram_panchayat__isnull=True),
                name="village_unique_in_block",
            ),
            models.UniqueConstraint(
                fields=["lgd_code"],
                condition=models.Q(lgd_code__isnull=False),
                name="village_lgd_code_unique",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def point(self):
        """(lat, lon) of the village, else its district's centre, else None."""
        if self.latitude is not None and self.longitude is not None:
            return (self.latitude, self.longitude)
        if self.district.latitude is not None:
            return (self.district.latitude, self.district.longitude)
        return None
