"""The inputs of witness protection: the application, the threat report,
interim protection, the decision, a review, the end of an order, an
incident and the relocated address. Each refuses, by the field, what the
scheme's order of things does not allow."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.agencies.models import AgencyType
from sangam.cases.models import Survivor
from sangam.core.forms import Form, ModelForm
from sangam.justice.forms.cases import DAY, _not_future_day, writing_agencies
from sangam.justice.models import (
    CriminalCase,
    Measure,
    ProtectionApplication,
    ProtectionIncident,
    Relocation,
)
from sangam.justice.queries import victim_cases

FILERS = (
    AgencyType.NGO,
    AgencyType.SHELTER_SHAKTI_SADAN,
    AgencyType.SHELTER_CCI,
    AgencyType.ONE_STOP_CENTRE,
    AgencyType.SHELTER_OTHER,
    AgencyType.POLICE_STATION,
    AgencyType.AHTU,
    AgencyType.DLSA,
    AgencyType.PROSECUTION,
)
BEFORE_APPLICATION = _("This cannot be before the application.")


def filing_agencies(user, case):
    """Agencies ``user`` may file for on the police case ``case``: those
    that hold it (its stations, AHTU and prosecution). The agency caring
    for a victim files from her care case (``care``), where it files for
    her alone; an agency that only sees the police case through her
    consent does not file: the consent lets it read, not act."""
    holders = [case.police_station_id, case.transferred_to_id, case.ahtu_id, case.prosecution_id]
    return writing_agencies(user, ProtectionApplication, FILERS).filter(
        pk__in=[h for h in holders if h]
    )


def _measures(label, required=True):
    return forms.MultipleChoiceField(
        label=label,
        choices=Measure.choices,
        widget=forms.CheckboxSelectMultiple,
        required=required,
    )


class ApplicationForm(ModelForm):
    """An application for one witness in a police case; the committee is the
    case's district's and the police unit the case's investigating one.

    Filed from the police case (``case``) by its holders, for any of its
    victims; or from a survivor's care case (``care``) by the agency caring
    for her, for her, choosing the police case among hers."""

    measures_sought = _measures(_("Measures sought"), required=False)
    police_case = forms.ModelChoiceField(
        label=_("Police case"), queryset=CriminalCase.objects.none(), empty_label=None
    )

    class Meta:
        model = ProtectionApplication
        fields = [
            "survivor",
            "witness",
            "witness_name",
            "relation",
            "filed_by",
            "through",
            "applied_on",
            "category_sought",
            "measures_sought",
        ]
        widgets = {"applied_on": DAY}

    def __init__(self, *args, user, case=None, care=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.case, self.care = case, care
        if care is None:
            del self.fields["police_case"]
            self.fields["survivor"].queryset = Survivor.objects.restrict(user, "view").filter(
                criminal_cases=case
            )
            self.fields["survivor"].label_from_instance = str
            self.fields["survivor"].label = _("Victim in the case")
            filers = filing_agencies(user, case)
        else:
            del self.fields["survivor"]
            self.instance.survivor_id = care.survivor_id
            hers = victim_cases(user, care.survivor_id).select_related("police_station")
            self.fields["police_case"].queryset = hers
            self.fields["police_case"].label_from_instance = lambda c: f"{c} · {c.police_station}"
            filers = writing_agencies(user, ProtectionApplication, FILERS).filter(pk=care.agency_id)
            self.order_fields(["police_case"])
        self.fields["witness_name"].required = True
        self.fields["witness_name"].help_text = _("As on the application.")
        self.fields["filed_by"].queryset = filers
        self.fields["filed_by"].empty_label = None

    def clean_applied_on(self):
        return _not_future_day(self.cleaned_data["applied_on"])

    def clean(self):
        data = super().clean()
        if self.care is not None:
            self.case = data.get("police_case")
        on = data.get("applied_on")
        if self.case is not None and on and on < self.case.fir_date:
            self.add_error("applied_on", _("A witness applies once there is a police case."))
        if data.get("witness") == ProtectionApplication.Witness.FAMILY and not data.get("relation"):
            self.add_error("relation", _("Say how the witness is related to her."))
        return data


class ThreatReportForm(ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = ProtectionApplication
        fields = ["threat_report_on", "category_found", "threat_report"]
        widgets = {"threat_report_on": DAY, "threat_report": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields:
            self.fields[name].required = True
        self.fields["version"].initial = self.instance.version

    def clean_threat_report_on(self):
        on = _not_future_day(self.cleaned_data["threat_report_on"])
        if on < self.instance.applied_on:
            raise forms.ValidationError(BEFORE_APPLICATION)
        return on


class InterimForm(ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    interim_measures = _measures(_("Interim measures"))

    class Meta:
        model = ProtectionApplication
        fields = ["interim_on", "interim_measures"]
        widgets = {"interim_on": DAY}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interim_on"].required = True
        self.fields["version"].initial = self.instance.version

    def clean_interim_on(self):
        on = _not_future_day(self.cleaned_data["interim_on"])
        if on < self.instance.applied_on:
            raise forms.ValidationError(BEFORE_APPLICATION)
        return on


class DecisionForm(ModelForm):
    GRANT, REFUSE = "grant", "refuse"

    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(GRANT, _("Order protection")), (REFUSE, _("Refuse"))],
        widget=forms.RadioSelect,
    )
    measures = _measures(_("Measures ordered"), required=False)
    reason = forms.CharField(
        label=_("Reasons for refusing"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = ProtectionApplication
        fields = ["decided_on", "order_reference", "measures", "review_on"]
        widgets = {"decided_on": DAY, "review_on": DAY}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decided_on"].required = True
        self.fields["version"].initial = self.instance.version

    def clean_decided_on(self):
        on = _not_future_day(self.cleaned_data["decided_on"])
        report = self.instance.threat_report_on
        if report and on < report:
            raise forms.ValidationError(_("The committee decides after the threat report."))
        return on

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.GRANT:
            if not data.get("measures"):
                self.add_error("measures", _("Choose at least one measure."))
            if not data.get("order_reference"):
                self.add_error("order_reference", _("Enter the order's number."))
            on, review = data.get("decided_on"), data.get("review_on")
            if not review:
                self.add_error("review_on", _("An order is reviewed periodically: give a date."))
            elif on and review <= on:
                self.add_error("review_on", _("The review comes after the order."))
        elif data.get("decision") == self.REFUSE and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Please give a reason."))
        return data


class OrderReviewForm(ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    measures = _measures(_("Measures ordered"))
    note = forms.CharField(
        label=_("What the review found"), widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = ProtectionApplication
        fields = ["measures", "review_on"]
        widgets = {"review_on": DAY}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review_on"].required = True
        self.fields["version"].initial = self.instance.version

    def clean_review_on(self):
        on = self.cleaned_data["review_on"]
        if on <= timezone.localdate():
            raise forms.ValidationError(_("The next review is a later day."))
        return on


class EndForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Why it ends"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class IncidentForm(ModelForm):
    class Meta:
        model = ProtectionIncident
        fields = ["kind", "occurred_on", "details"]
        widgets = {"occurred_on": DAY, "details": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application

    def clean_occurred_on(self):
        return _not_future_day(self.cleaned_data["occurred_on"])


class RelocationForm(ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Relocation
        fields = ["address", "since"]
        widgets = {"since": DAY, "address": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean_since(self):
        return _not_future_day(self.cleaned_data["since"])
