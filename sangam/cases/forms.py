"""Every input of the case pages and API: the survivor, her account and
consent, and a case's care plan (goals, actions, follow-ups, services),
WHO-5 check-ins, risk flags, counselling notes, transfers and status."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.agencies.forms import VersionedForm
from sangam.agencies.models import Agency, AgencyType
from sangam.cases import htcds
from sangam.cases.audio import is_audio
from sangam.cases.models import (
    DOCUMENTS,
    Action,
    Case,
    Category,
    Consent,
    CounsellingNote,
    FollowUp,
    Goal,
    Intake,
    RiskFlag,
    ServiceDelivered,
    Survivor,
    WellbeingCheckIn,
)
from sangam.core.access import SYSTEM
from sangam.core.forms import Form, ModelForm
from sangam.core.vocabulary import editable_language_names, language_list, normalise_language


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
        # One line each (the model's encrypted text fields would draw boxes).
        widgets = {
            "date_of_birth": forms.DateInput(attrs={"type": "date"}),
            "name": forms.TextInput,
            "origin_village": forms.TextInput,
            "safe_contact": forms.TextInput,
            "cwc_order": forms.TextInput,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].help_text = _("Separate with commas: Bengali, Hindi")
        if self.instance.pk:
            # Stored as codes ("ben,hin"), shown as names ("Bengali, Hindi").
            self.initial["languages"] = editable_language_names(self.instance.languages)
            self.initial["aliases_text"] = "\n".join(self.instance.aliases or [])
            self.initial["documents_held"] = [
                k for k, v in (self.instance.documents or {}).items() if v == "held"
            ]

    def clean_languages(self):
        return ",".join(language_list(self.cleaned_data["languages"]))

    def save(self, commit=True):
        survivor = super().save(commit=False)
        survivor.aliases = [
            a.strip() for a in self.cleaned_data["aliases_text"].splitlines() if a.strip()
        ]
        held = set(self.cleaned_data["documents_held"])
        survivor.documents = {k: ("held" if k in held else "missing") for k, _ in DOCUMENTS}
        if survivor.estimated_age is not None and survivor.age_recorded_on is None:
            survivor.age_recorded_on = timezone.localdate()
        if commit:
            survivor.save()
        return survivor


class ConsentForm(ModelForm):
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
        fields = ["given_by", "manner", "purpose", "valid_until", "language", "witness"]
        widgets = {"valid_until": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Blank in the model only for consents recorded before it was asked.
        self.fields["manner"].required = True

    def clean_language(self):
        code = normalise_language(self.cleaned_data["language"])
        if not code:
            raise forms.ValidationError(_("Unknown language. Try a name such as Bengali."))
        return code


class IntakeForm(ModelForm):
    """The account told once, its language, its HTCDS coding and the route."""

    narrative = forms.CharField(
        label=_("Account, in the survivor's words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Recorded once; agencies she consents to read it instead of asking again."),
    )
    narrative_language = forms.CharField(label=_("Language it was given in"), required=False)

    exploitation_types = forms.MultipleChoiceField(
        label=_("Type of exploitation"),
        choices=htcds.EXPLOITATION_TYPES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    methods_of_control = forms.MultipleChoiceField(
        label=_("Methods of control"),
        choices=htcds.METHODS_OF_CONTROL,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Intake
        fields = [
            "audio",
            "trafficking_status",
            "exploitation_types",
            "methods_of_control",
            "labour_industry",
            "recruitment_method",
            "recruiter_relationship",
            "recruited_in",
            "transit",
            "exploited_in",
            "exploitation_place",
        ]

    def clean_audio(self):
        audio = self.cleaned_data.get("audio")
        if audio:
            if audio.size > settings.SANGAM_MAX_AUDIO_BYTES:
                raise forms.ValidationError(_("The recording is too large (at most 50 MB)."))
            if not is_audio(audio):
                raise forms.ValidationError(_("This file is not an audio recording."))
        return audio

    def clean(self):
        data = super().clean()
        has_content = data.get("narrative") or data.get("audio")
        if has_content:
            code = normalise_language(data.get("narrative_language") or "")
            if not code:
                self.add_error("narrative_language", _("Which language was the account given in?"))
            data["narrative_language"] = code
        return data


class GoalForm(ModelForm):
    class Meta:
        model = Goal
        fields = ["domain", "need", "goal"]
        widgets = {"need": forms.Textarea(attrs={"rows": 2})}


class ActionForm(ModelForm):
    class Meta:
        model = Action
        fields = ["goal", "description", "responsible_agency", "due_on"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.restrict(SYSTEM).filter(case=case)


class FollowUpForm(ModelForm):
    class Meta:
        model = FollowUp
        fields = ["due_on", "note"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"})}

    def clean_due_on(self):
        due = self.cleaned_data["due_on"]
        if due < timezone.localdate():
            raise forms.ValidationError(_("A follow-up is scheduled for today or later."))
        return due


class ServiceForm(ModelForm):
    class Meta:
        model = ServiceDelivered
        fields = ["domain", "description", "delivered_on"]
        widgets = {"delivered_on": forms.DateInput(attrs={"type": "date"})}

    def clean_delivered_on(self):
        day = self.cleaned_data["delivered_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("A service delivered cannot be in the future."))
        return day


WHO5_ITEMS = [
    _("I have felt cheerful and in good spirits"),
    _("I have felt calm and relaxed"),
    _("I have felt active and vigorous"),
    _("I woke up feeling fresh and rested"),
    _("My daily life has been filled with things that interest me"),
]
WHO5_SCALE = [
    (5, _("All of the time")),
    (4, _("Most of the time")),
    (3, _("More than half of the time")),
    (2, _("Less than half of the time")),
    (1, _("Some of the time")),
    (0, _("At no time")),
]


class WellbeingForm(ModelForm):
    """WHO-5, "over the last two weeks" (WHO Collaborating Centre, 1998)."""

    class Meta:
        model = WellbeingCheckIn
        fields = ["taken_on", "item1", "item2", "item3", "item4", "item5", "distress"]
        widgets = {"taken_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i, text in enumerate(WHO5_ITEMS, 1):
            self.fields[f"item{i}"] = forms.TypedChoiceField(
                label=text, choices=WHO5_SCALE, coerce=int, widget=forms.RadioSelect
            )

    def clean_taken_on(self):
        day = self.cleaned_data["taken_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("A check-in cannot be in the future."))
        return day


class RiskFlagForm(ModelForm):
    class Meta:
        model = RiskFlag
        fields = ["kind", "reason", "review_on"]
        widgets = {
            "review_on": forms.DateInput(attrs={"type": "date"}),
            "reason": forms.Textarea(attrs={"rows": 2}),
        }


class CounsellingNoteForm(ModelForm):
    class Meta:
        model = CounsellingNote
        fields = ["note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 4})}


class TransferForm(Form):
    to_agency = forms.ModelChoiceField(
        label=_("Transfer to"), queryset=Agency.objects.filter(is_active=True)
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class StatusForm(Form):
    status = forms.ChoiceField(label=_("Status"), choices=Case.Status.choices)
    outcome = forms.ChoiceField(
        label=_("Outcome (when closing)"),
        choices=[("", "—"), *Case.Outcome.choices],
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
