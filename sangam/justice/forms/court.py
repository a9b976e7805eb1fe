"""Every input about a trial: the trial itself (court, CNR, charges framed),
a hearing, a judgment per accused and charge, an appeal. Each refuses by
the field what the order of a trial does not allow (a hearing before the
charges were framed, a judgment on a section not charged, a next date
before the hearing), and carries the version of the trial it started from
(a stale one is a conflict, nothing saved)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.agencies.models import Agency, AgencyType
from sangam.core.access import SYSTEM
from sangam.core.forms import ModelForm
from sangam.geography.models import District
from sangam.justice.forms.cases import DAY, NOT_IN_FUTURE
from sangam.justice.models import (
    Accused,
    Appeal,
    ChargedSection,
    CriminalCase,
    Hearing,
    Judgment,
    Trial,
    normalise_cnr,
)


def _not_future_day(value):
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(NOT_IN_FUTURE)
    return value


class TrialForm(ModelForm):
    """The trial, and the prosecution office that conducts it (the case's
    ``prosecution``: its public prosecutors then read the case and write
    the trial)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    prosecution = forms.ModelChoiceField(
        label=CriminalCase._meta.get_field("prosecution").verbose_name,
        queryset=Agency.objects.none(),
        required=False,
    )
    cnr = forms.CharField(
        label=_("CNR number"),
        max_length=40,
        help_text=_("The 16-character eCourts case number, e.g. WBMD010012342025."),
    )

    class Meta:
        model = Trial
        fields = [
            "court",
            "court_kind",
            "court_district",
            "cnr",
            "charges_framed_on",
            "public_prosecutor",
        ]
        widgets = {"charges_framed_on": DAY}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.instance.case = case
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        station = case.police_station
        self.fields["court_district"].queryset = District.objects.filter(
            state=station.state_id
        ).order_by("name")
        self.fields["court_district"].initial = station.district_id
        self.fields["prosecution"].queryset = Agency.objects.filter(
            type=AgencyType.PROSECUTION, is_active=True, state=station.state_id
        ).order_by("name")
        self.fields["prosecution"].initial = case.prosecution_id

    def clean_cnr(self):
        return normalise_cnr(self.cleaned_data["cnr"])

    def clean_charges_framed_on(self):
        on = _not_future_day(self.cleaned_data.get("charges_framed_on"))
        if on and not self.case.chargesheet_on:
            raise forms.ValidationError(_("Charges are framed on a chargesheet: record it first."))
        if on and on < (self.case.cognizance_on or self.case.chargesheet_on):
            raise forms.ValidationError(_("This is before the court took cognizance."))
        return on


class TrialPartForm(ModelForm):
    """A record of a trial (a hearing, a judgment, an appeal): it carries the
    trial's version, as the case's forms carry the case's."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, trial, **kwargs):
        super().__init__(*args, **kwargs)
        self.trial = trial
        self.instance.trial = trial
        self.fields["version"].initial = trial.version


class HearingForm(TrialPartForm):
    # What the court hears before the charges are framed.
    BEFORE_CHARGES = (Hearing.Purpose.CHARGES, Hearing.Purpose.BAIL, Hearing.Purpose.OTHER)

    class Meta:
        model = Hearing
        fields = [
            "on",
            "purpose",
            "outcome",
            "asked_by",
            "adjournment_reason",
            "by_video",
            "witnesses_examined",
            "next_on",
            "she_testifies_next",
            "notes",
        ]
        widgets = {
            "on": DAY,
            "next_on": DAY,
            "adjournment_reason": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_on(self):
        return _not_future_day(self.cleaned_data.get("on"))

    def clean(self):
        data = super().clean()
        on, framed = data.get("on"), self.trial.charges_framed_on
        if on and data.get("purpose") not in self.BEFORE_CHARGES:
            if framed is None:
                self.add_error("on", _("Record when the charges were framed first."))
            elif on < framed:
                self.add_error("on", _("This is before the charges were framed."))
        if on and on < self.trial.case.fir_date:
            self.add_error("on", _("This is before the FIR was registered."))
        elif on and data.get("purpose") == Hearing.Purpose.CHARGES:
            start = self.trial.case.cognizance_on or self.trial.case.chargesheet_on
            if start is None or on < start:
                self.add_error("on", _("This is before the court took cognizance."))
        if data.get("next_on") and on and data["next_on"] <= on:
            self.add_error("next_on", _("The next date comes after this hearing."))
        if data.get("outcome") == Hearing.Outcome.ADJOURNED:
            if not data.get("asked_by"):
                self.add_error("asked_by", _("Say at whose request it was adjourned."))
            if not (data.get("adjournment_reason") or "").strip():
                self.add_error("adjournment_reason", _("Give the reason for the adjournment."))
            if not data.get("next_on"):
                self.add_error("next_on", _("An adjourned hearing has a next date."))
        elif data.get("asked_by"):
            self.add_error("asked_by", _("Only an adjourned hearing is asked for."))
        return data


class JudgmentForm(TrialPartForm):
    class Meta:
        model = Judgment
        fields = [
            "accused",
            "section",
            "on",
            "verdict",
            "sentence",
            "fine",
            "compensation_recommended",
            "acquittal_reason",
            "notes",
        ]
        widgets = {"on": DAY, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        case = self.trial.case
        # The form is the trial's writer's: police or prosecution of the case.
        self.fields["accused"].queryset = Accused.objects.restrict(SYSTEM).filter(case=case)
        self.fields["accused"].label_from_instance = str
        self.fields["section"].queryset = (
            ChargedSection.objects.restrict(SYSTEM).filter(case=case).select_related("offence")
        )
        self.fields["section"].label_from_instance = str

    def clean_on(self):
        return _not_future_day(self.cleaned_data.get("on"))

    def clean(self):
        data = super().clean()
        on, section = data.get("on"), data.get("section")
        framed = self.trial.charges_framed_on
        if on and framed is None and data.get("verdict") != Judgment.Verdict.DISCHARGED:
            self.add_error("on", _("Record when the charges were framed first."))
        elif on and framed and on < framed:
            self.add_error("on", _("This is before the charges were framed."))
        if section and (section.dropped_on and (on is None or section.dropped_on <= on)):
            self.add_error("section", _("This section is not charged in this case."))
        verdict = data.get("verdict")
        if verdict == Judgment.Verdict.ACQUITTED and not data.get("acquittal_reason"):
            self.add_error("acquittal_reason", _("Give the reason for the acquittal."))
        if verdict != Judgment.Verdict.ACQUITTED and data.get("acquittal_reason"):
            self.add_error("acquittal_reason", _("Only an acquittal has a reason here."))
        if verdict == Judgment.Verdict.CONVICTED and not (data.get("sentence") or "").strip():
            self.add_error("sentence", _("Give the sentence."))
        if verdict != Judgment.Verdict.CONVICTED and (data.get("sentence") or data.get("fine")):
            self.add_error("sentence", _("Only a conviction carries a sentence."))
        accused = data.get("accused")
        if accused and section:
            judged = Judgment.objects.restrict(SYSTEM).filter(accused=accused, section=section)
            if judged.exclude(pk=self.instance.pk).exists():
                self.add_error("section", _("This accused is already judged on this charge."))
        return data

    def validate_unique(self):
        """Checked in clean() with the reason by the field."""


class AppealForm(TrialPartForm):
    class Meta:
        model = Appeal
        fields = ["by", "court", "filed_on", "outcome", "decided_on"]
        widgets = {"filed_on": DAY, "decided_on": DAY}

    def clean_filed_on(self):
        return _not_future_day(self.cleaned_data.get("filed_on"))

    def clean_decided_on(self):
        return _not_future_day(self.cleaned_data.get("decided_on"))

    def clean(self):
        data = super().clean()
        filed, decided = data.get("filed_on"), data.get("decided_on")
        first = (
            Judgment.objects.restrict(SYSTEM)
            .filter(trial=self.trial)
            .order_by("on")
            .values_list("on", flat=True)
            .first()
        )
        if first is None:
            self.add_error(None, _("An appeal follows a judgment: record the judgment first."))
        elif filed and filed < first:
            self.add_error("filed_on", _("This is before the judgment."))
        pending = data.get("outcome") == Appeal.Outcome.PENDING
        if decided and pending:
            self.add_error("outcome", _("Give the outcome of the decided appeal."))
        elif not decided and data.get("outcome") and not pending:
            self.add_error("decided_on", _("Give the date it was decided."))
        elif decided and filed and decided < filed:
            self.add_error("decided_on", _("This is before the appeal was filed."))
        return data
