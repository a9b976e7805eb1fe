"""Referral inputs: a new referral (from the agencies a user may send from) and
a step in its life (the status it moves to, a reason, an outcome)."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from sangam.agencies.models import Agency
from sangam.core.access import ADD, memberships_granted
from sangam.core.forms import Form, ModelForm
from sangam.core.vocabulary import normalise_language
from sangam.directory.models import Service, TaxonomyTerm
from sangam.geography.models import District
from sangam.referrals.models import Referral

# A case reference is a code such as "NGO/2026/0142", never a name.
REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.\-]{1,39}$")


def sending_agencies(user):
    ids = [m.agency_id for m in memberships_granted(user, Referral, ADD)]
    return Agency.objects.filter(pk__in=ids)


class ReferralForm(ModelForm):
    service = forms.ModelChoiceField(
        queryset=Service.objects.select_related("organization"),
        widget=forms.HiddenInput,
        error_messages={"required": _("Choose a service from the suggestions or the directory.")},
    )
    district = forms.ModelChoiceField(
        label=_("Where the person is (district)"),
        queryset=District.objects.filter(latitude__isnull=False),
        required=False,
    )

    class Meta:
        model = Referral
        fields = [
            "sender_agency",
            "person_reference",
            "need",
            "person_age",
            "person_sex",
            "person_language",
            "urgent",
            "need_summary",
            "service",
        ]
        widgets = {"need_summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sender_agency"].queryset = sending_agencies(user)
        self.fields["sender_agency"].empty_label = None
        self.fields["need"].queryset = TaxonomyTerm.objects.filter(taxonomy__isnull=False)
        # "Language" alone would clash with the page's own language switch.
        self.fields["person_language"].label = _("Language the person speaks")
        self.fields["person_language"].help_text = _("For example Bengali, Hindi, Odia.")
        self.fields["person_age"].widget.attrs.update(min=0, max=120)

    def clean_person_reference(self):
        value = self.cleaned_data["person_reference"].strip()
        if not REFERENCE.match(value) or " " in value:
            raise forms.ValidationError(
                _("Use your case number (letters, digits, / - _ .), not the person's name.")
            )
        return value

    def clean_person_language(self):
        value = self.cleaned_data["person_language"].strip()
        if not value:
            return ""
        code = normalise_language(value)
        if not code:
            raise forms.ValidationError(_("Unknown language. Try a name such as Bengali."))
        return code

    def clean_person_age(self):
        age = self.cleaned_data["person_age"]
        if age is not None and age > 120:
            raise forms.ValidationError(_("Enter an age between 0 and 120."))
        return age


class TransitionForm(Form):
    to = forms.CharField()
    reason = forms.CharField(required=False, max_length=2000)
    outcome = forms.CharField(required=False, max_length=2000)
    version = forms.IntegerField()
