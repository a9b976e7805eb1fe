from django import forms
from django.utils.translation import gettext_lazy as _

from sangam.agencies.forms import VersionedForm
from sangam.agencies.models import AgencyType
from sangam.cases.models import Category, Consent, Survivor
from sangam.directory.search import normalise_language

DOCUMENTS = [
    ("aadhaar", _("Aadhaar")),
    ("ration_card", _("Ration card")),
    ("voter_id", _("Voter ID")),
    ("birth_certificate", _("Birth certificate")),
    ("bank_account", _("Bank account")),
    ("school_certificate", _("School certificate")),
]


def _language_codes(text):
    codes = []
    for part in (text or "").split(","):
        if part.strip():
            code = normalise_language(part)
            if not code:
                raise forms.ValidationError(
                    _("Unknown language: %(name)s") % {"name": part.strip()}
                )
            codes.append(code)
    return ",".join(sorted(set(codes)))


class SurvivorForm(VersionedForm):
    aliases_text = forms.CharField(
        label=_("Other names or spellings"),
        required=False,
        help_text=_("One per line, in any script."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    documents_held = forms.MultipleChoiceField(
        label=_("Documents the person has"),
        choices=DOCUMENTS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Survivor
        fields = [
            "name",
            "sex",
            "date_of_birth",
            "estimated_age",
            "age_uncertainty",
            "languages",
            "origin_state",
            "origin_district",
            "origin_village",
            "safe_contact",
            "cwc_involved",
            "cwc_order",
        ]
        widgets = {"date_of_birth": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].help_text = _("Separate with commas: Bengali, Hindi")
        if self.instance.pk:
            self.initial["aliases_text"] = "\n".join(self.instance.aliases or [])
            self.initial["documents_held"] = [
                k for k, v in (self.instance.documents or {}).items() if v == "held"
            ]

    def clean_languages(self):
        return _language_codes(self.cleaned_data["languages"])

    def save(self, commit=True):
        survivor = super().save(commit=False)
        survivor.aliases = [
            a.strip() for a in self.cleaned_data["aliases_text"].splitlines() if a.strip()
        ]
        held = set(self.cleaned_data["documents_held"])
        survivor.documents = {k: ("held" if k in held else "missing") for k, _ in DOCUMENTS}
        if survivor.estimated_age is not None and survivor.age_recorded_on is None:
            from django.utils import timezone

            survivor.age_recorded_on = timezone.localdate()
        if commit:
            survivor.save()
        return survivor


class IntakeForm(forms.Form):
    narrative = forms.CharField(
        label=_("Account, in the survivor's words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Recorded once; agencies she consents to read it instead of asking again."),
    )
    narrative_language = forms.CharField(label=_("Language it was given in"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("narrative"):
            code = normalise_language(data.get("narrative_language") or "")
            if not code:
                self.add_error("narrative_language", _("Which language was the account given in?"))
            data["narrative_language"] = code
        return data


class ConsentForm(forms.ModelForm):
    agency_types = forms.MultipleChoiceField(
        label=_("Kinds of agency that may see it"),
        choices=AgencyType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    categories = forms.MultipleChoiceField(
        label=_("What they may see"), choices=Category.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Consent
        fields = ["given_by", "purpose", "valid_until", "language", "witness"]
        widgets = {"valid_until": forms.DateInput(attrs={"type": "date"})}

    def clean_language(self):
        code = normalise_language(self.cleaned_data["language"])
        if not code:
            raise forms.ValidationError(_("Unknown language. Try a name such as Bengali."))
        return code
