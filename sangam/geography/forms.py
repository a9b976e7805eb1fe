"""Gazetteer inputs: a block, a village, and the village list upload."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sangam.core.forms import ModelForm
from sangam.core.imports import UploadForm
from sangam.geography.models import Block, GramPanchayat, Village


class BlockForm(ModelForm):
    class Meta:
        model = Block
        fields = ["name", "lgd_code"]


class VillageForm(ModelForm):
    class Meta:
        model = Village
        fields = ["name", "gram_panchayat", "lgd_code"]

    def __init__(self, *args, block, **kwargs):
        super().__init__(*args, **kwargs)
        self.block = block
        self.fields["gram_panchayat"].queryset = GramPanchayat.objects.filter(block=block)
        self.fields["new_gram_panchayat"] = forms.CharField(
            label=_("or a new gram panchayat"), required=False, max_length=120
        )

    def clean(self):
        data = super().clean()
        name = data.get("name")
        gp = data.get("gram_panchayat")
        if name and not data.get("new_gram_panchayat"):
            clash = Village.objects.filter(block=self.block, gram_panchayat=gp, name__iexact=name)
            if clash.exists():
                self.add_error("name", _("This village is already listed here."))
        return data


class ImportForm(UploadForm):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: state, district, block, gram_panchayat, village, village_lgd_code. "
            "UTF-8, with a header row."
        ),
    )
