"""The agency and contact-person forms, and ``VersionedForm``, the base of
every form that edits a record under a version check."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sangam.agencies.models import Agency, AgencyContact
from sangam.core.forms import ModelForm
from sangam.geography.models import Block, District


class VersionedForm(ModelForm):
    """Carries the version the edit started from, for conflict detection."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class AgencyForm(VersionedForm):
    class Meta:
        model = Agency
        fields = [
            "name",
            "type",
            "jurisdiction_level",
            "state",
            "district",
            "block",
            "address",
            "phone",
            "email",
            "is_active",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        state_id = self.data.get("state") or self.initial.get("state") or self.instance.state_id
        district_id = (
            self.data.get("district") or self.initial.get("district") or self.instance.district_id
        )
        # Keep the choice lists short on a phone: only the chosen state's districts.
        self.fields["district"].queryset = (
            District.objects.filter(state_id=state_id) if state_id else District.objects.none()
        )
        self.fields["block"].queryset = (
            Block.objects.filter(district_id=district_id) if district_id else Block.objects.none()
        )

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not all(c.isdigit() or c in "+- " for c in phone):
            raise forms.ValidationError(_("Use digits, spaces, + and - only."))
        return phone


class AgencyContactForm(VersionedForm):
    class Meta:
        model = AgencyContact
        fields = ["name", "designation", "phone", "email"]

    clean_phone = AgencyForm.clean_phone
