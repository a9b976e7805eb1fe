"""Inputs of the prevention registers: households and their members,
migrations and check-ins, marriages, missing persons, village profiles,
recruiters and complaints, the job-offer check and the vulnerability
index configuration."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.agencies.forms import VersionedForm
from sangam.core.access import SYSTEM
from sangam.core.forms import Form, ModelForm
from sangam.core.imports import UploadForm
from sangam.core.vocabulary import editable_language_name, normalise_language
from sangam.geography.models import State
from sangam.prevention import jobcheck
from sangam.prevention.indicators import INDICATORS
from sangam.prevention.models import (
    Household,
    Marriage,
    Member,
    Migration,
    MissingPerson,
    Recruiter,
    RecruiterComplaint,
    VillageProfile,
)
from sangam.prevention.queries import villages_for

DATE = forms.DateInput(attrs={"type": "date"})


def _not_future(value, label=None):
    if value and value > timezone.localdate():
        raise forms.ValidationError(_("This date is in the future."))
    return value


class VillageChoiceMixin:
    """Limits the village to the user's jurisdiction (others are refused as
    an invalid choice, never saved)."""

    label = "prevention.household"

    def limit_villages(self, user):
        field = self.fields["village"]
        field.queryset = (
            villages_for(user, "add", self.label).select_related("block").order_by("name")
        )
        field.label_from_instance = lambda v: f"{v.name} ({v.block.name})"


class HouseholdForm(VillageChoiceMixin, VersionedForm):
    class Meta:
        model = Household
        fields = ["village", "code", "head_name", "hamlet", "phone", "surveyed_on", *INDICATORS]
        widgets = {"surveyed_on": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_villages(user)
        self.fields["code"].help_text = _("As written in the paper register.")

    def clean_surveyed_on(self):
        return _not_future(self.cleaned_data.get("surveyed_on"))

    @property
    def indicator_fields(self):
        return [self[code] for code in INDICATORS]

    @property
    def detail_fields(self):
        return [f for f in self.visible_fields() if f.name not in INDICATORS]


class MemberForm(VersionedForm):
    age = forms.IntegerField(label=_("Age (years)"), min_value=0, max_value=110)

    class Meta:
        model = Member
        fields = ["name", "relation", "sex", "age", "schooling", "work", "is_away"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["age"].initial = self.instance.age

    def save(self, commit=True):
        self.instance.birth_year = timezone.localdate().year - self.cleaned_data["age"]
        return super().save(commit)


class MigrationForm(ModelForm):
    class Meta:
        model = Migration
        fields = [
            "member",
            "register_no",
            "left_on",
            "destination_state",
            "destination_place",
            "work",
            "employer",
            "recruiter",
            "agent_name",
            "agent_phone",
            "migrant_phone",
            "contact_name",
            "contact_phone",
            "checkin_every_days",
        ]
        widgets = {"left_on": DATE}

    def __init__(self, *args, household, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.household = household
        self.fields["member"].queryset = Member.objects.restrict(user, "view").filter(
            household=household
        )
        self.fields["recruiter"].queryset = Recruiter.objects.restrict(user, "view").order_by(
            "firm", "pk"
        )
        self.fields["checkin_every_days"].min_value = 1
        self.fields["checkin_every_days"].widget.attrs["min"] = 1

    def clean_left_on(self):
        return _not_future(self.cleaned_data.get("left_on"))

    def clean_checkin_every_days(self):
        days = self.cleaned_data["checkin_every_days"]
        if not 1 <= days <= 180:
            raise forms.ValidationError(_("Check in at least every 180 days."))
        return days

    def clean(self):
        data = super().clean()
        member, left_on = data.get("member"), data.get("left_on")
        if member and left_on and left_on.year < member.birth_year:
            self.add_error("left_on", _("This is before the person was born."))
        register_no = data.get("register_no")
        if register_no and (
            Migration.objects.restrict(SYSTEM)
            .filter(village_id=self.household.village_id, register_no=register_no)
            .exists()
        ):
            self.add_error("register_no", _("This register number is already used in the village."))
        return data

    def save(self, commit=True):
        self.instance.household = self.household
        self.instance.village_id = self.household.village_id
        return super().save(commit)


class CheckInForm(Form):
    reached = forms.TypedChoiceField(
        label=_("Did you reach them?"),
        choices=[("yes", _("Yes, spoke to them")), ("no", _("Not reachable"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    on = forms.DateField(label=_("Date"), widget=DATE, initial=timezone.localdate)
    note = forms.CharField(label=_("What they said"), required=False, max_length=300)

    def clean_on(self):
        return _not_future(self.cleaned_data.get("on"))


class MarriageForm(VillageChoiceMixin, VersionedForm):
    label = "prevention.marriage"

    class Meta:
        model = Marriage
        fields = [
            "village",
            "register_no",
            "bride_name",
            "bride_age",
            "groom_name",
            "groom_age",
            "groom_place",
            "groom_state",
            "married_on",
            "groom_unknown",
            "through_intermediary",
            "payment_to_family",
        ]
        widgets = {"married_on": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_villages(user)
        self.fields["married_on"].help_text = _("A planned marriage may be up to a year ahead.")

    def clean(self):
        data = super().clean()
        married_on = data.get("married_on")
        if married_on and married_on > timezone.localdate() + timedelta(days=366):
            self.add_error("married_on", _("More than a year ahead."))
        if data.get("bride_age") is not None and not 5 <= data["bride_age"] <= 90:
            self.add_error("bride_age", _("Give an age between 5 and 90."))
        if data.get("groom_age") is not None and not 10 <= data["groom_age"] <= 100:
            self.add_error("groom_age", _("Give an age between 10 and 100."))
        return data


class MissingPersonForm(VillageChoiceMixin, VersionedForm):
    label = "prevention.missingperson"

    class Meta:
        model = MissingPerson
        fields = [
            "village",
            "register_no",
            "name",
            "sex",
            "age",
            "date_missing",
            "father_name",
            "language",
            "circumstances",
            "complaint_filed",
            "police_station",
            "fir_gd_number",
            "complaint_date",
            "status",
        ]
        widgets = {
            "date_missing": DATE,
            "complaint_date": DATE,
            "circumstances": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_villages(user)
        if self.instance.pk:
            # A report stays in its village (one made from an alert, too).
            del self.fields["village"]
        # Stored as a code of the one language vocabulary, shown by its name.
        self.fields["language"].help_text = _("For example Bengali, Hindi, Odia.")
        if self.instance.language:
            self.initial["language"] = editable_language_name(self.instance.language)

    def clean_language(self):
        text = self.cleaned_data["language"].strip()
        if text and not normalise_language(text):
            raise forms.ValidationError(_("Unknown language. Try a name such as Bengali."))
        return normalise_language(text)

    def clean_complaint_date(self):
        return _not_future(self.cleaned_data.get("complaint_date"))


class VillageProfileForm(VersionedForm):
    class Meta:
        model = VillageProfile
        exclude = ["village", "score", "created_at", "updated_at", "version"]

    def clean_last_calamity_year(self):
        year = self.cleaned_data.get("last_calamity_year")
        if year and not 1900 <= year <= timezone.localdate().year:
            raise forms.ValidationError(_("Give a year from 1900 to this year."))
        return year

    def clean(self):
        data = super().clean()
        people = (data.get("population_female") or 0) + (data.get("population_male") or 0)
        if (data.get("out_migrants") or 0) > people:
            self.add_error("out_migrants", _("More people away than live in the village."))
        if (data.get("households") or 0) > people and people:
            self.add_error("households", _("More households than people."))
        return data


class RecruiterForm(VersionedForm):
    class Meta:
        model = Recruiter
        fields = [
            "name",
            "firm",
            "licence_number",
            "licence_valid_until",
            "phone",
            "address",
            "state",
            "verified_by",
            "verified_on",
        ]
        widgets = {"licence_valid_until": DATE, "verified_on": DATE}

    def __init__(self, *args, states, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].queryset = states

    def clean_verified_on(self):
        return _not_future(self.cleaned_data.get("verified_on"))


class ComplaintForm(ModelForm):
    class Meta:
        model = RecruiterComplaint
        fields = ["received_on", "summary"]
        widgets = {"received_on": DATE, "summary": forms.Textarea(attrs={"rows": 3})}

    def clean_received_on(self):
        return _not_future(self.cleaned_data.get("received_on"))


class JobOfferForm(Form):
    village = forms.ModelChoiceField(label=_("Village"), queryset=None)
    offer = forms.CharField(label=_("The offer (work, place, wage)"), max_length=300)
    recruiter = forms.ModelChoiceField(
        label=_("Recruiter in the registry"), queryset=None, required=False
    )
    red_flags = forms.MultipleChoiceField(
        label=_("What is true of this offer?"),
        choices=list(jobcheck.RED_FLAGS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = villages_for(user, label="prevention.joboffercheck")
        self.fields["recruiter"].queryset = Recruiter.objects.restrict(user, "view")


class IndexConfigurationForm(Form):
    state = forms.ModelChoiceField(label=_("State"), queryset=State.objects.none())
    medium_from = forms.IntegerField(label=_("Medium risk from score"), min_value=1, max_value=100)
    high_from = forms.IntegerField(label=_("High risk from score"), min_value=1, max_value=100)
    note = forms.CharField(label=_("Why this version"), max_length=300, required=False)

    def __init__(self, *args, states, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].queryset = states
        for code, label in INDICATORS.items():
            self.fields[f"w_{code}"] = forms.IntegerField(
                label=label, min_value=0, max_value=100, initial=0
            )

    @property
    def weight_fields(self):
        return [self[f"w_{code}"] for code in INDICATORS]

    def weights(self):
        return {code: self.cleaned_data[f"w_{code}"] for code in INDICATORS}


class RegisterUploadForm(UploadForm):
    """A register file to import (the size limit and kinds of every upload)."""

    extensions = (".csv", ".xlsx")
    wrong_kind = _("Choose a CSV or XLSX file.")
    register = forms.CharField(required=False)
    file = forms.FileField(required=False)
    field_order = ["register", "file"]

    def clean_register(self):
        from sangam.prevention.imports import REGISTERS

        register = self.cleaned_data["register"]
        if register not in REGISTERS:
            raise forms.ValidationError(_("Choose a register."))
        return register
