"""Compensation inputs: a claim's particulars, its steps (filing, interim
relief, the bank account, the award, payments, documents, a hand-over) and
a scheme version with its harms. Each form is used by the pages and the API."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from sangam.agencies.forms import VersionedForm
from sangam.agencies.models import Agency, AgencyType
from sangam.cases.models import Survivor
from sangam.compensation.models import (
    Beneficiary,
    BondedLabourCategory,
    BondedLabourRelease,
    Claim,
    ClaimDocument,
    ClaimPayment,
    DocumentKind,
    DocumentRecovery,
    EntitlementCatalogue,
    LegalAidApplication,
    SchemeHarm,
    SchemeVersion,
    VigilanceCommitteeMeeting,
)
from sangam.compensation.models.entitlements import entitlements_for
from sangam.compensation.queries import authorities, from_police_case, police_cases_of
from sangam.core.access import ADD, memberships_granted
from sangam.core.forms import Form, ModelForm
from sangam.geography.models import District

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _harm_label(harm):
    low = rupees(harm.min_amount)
    high = "…" if harm.max_amount is None else rupees(harm.max_amount)
    return f"{harm.label} — ₹{low}–{high} ({harm.version.title})"


class HarmChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return _harm_label(obj)


def rupees(amount):
    """An amount grouped the Indian way (1,23,45,678), as the templates print it."""
    return number_format(amount, force_grouping=True)


def _police_case_label(case):
    return _("FIR %(number)s of %(date)s, %(station)s") % {
        "number": case.fir_number,
        "date": date_format(case.fir_date),
        "station": case.police_station.name,
    }


def offer_police_cases(form, user, survivor_id):
    """The form's ``criminal_case`` offers her police cases ``user`` may see;
    the field is dropped when there are none. True when it is offered."""
    hers = police_cases_of(user, survivor_id) if user and survivor_id else None
    if hers is None or not hers.exists():
        del form.fields["criminal_case"]
        return False
    field = form.fields["criminal_case"]
    field.queryset = hers
    field.label_from_instance = _police_case_label
    field.error_messages["invalid_choice"] = _("Choose a police case of hers.")
    return True


class ClaimForm(VersionedForm):
    harms = HarmChoice(
        label=_("Harms (from the scheme's schedule)"),
        queryset=SchemeHarm.objects.filter(
            version__published_at__isnull=False, version__kind=SchemeVersion.Kind.VICTIM
        ).select_related("version"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Claim
        fields = [
            "route",
            "basis",
            "district",
            "criminal_case",
            "offence",
            "offence_date",
            "fir_number",
            "fir_date",
            "police_station",
            "sections",
            "age_at_application",
            "trafficking",
        ]
        widgets = {
            "offence": forms.Textarea(attrs={"rows": 2}),
            "offence_date": DATE,
            "fir_date": DATE,
        }

    def __init__(self, *args, user=None, survivor_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        survivor_id = survivor_id or self.instance.survivor_id
        self.fields["fir_number"].help_text = _(
            "Leave empty when there is no FIR: a claim does not depend on an FIR, a rescue "
            "or the accused being traced."
        )
        if offer_police_cases(self, user, survivor_id):
            self.fields["criminal_case"].help_text = _(
                "The FIR number, date, police station and sections come from it."
            )
            self.fields["fir_number"].help_text = _(
                "The FIR comes from her police case on Sangam: nothing to type."
            )
        self.fields["age_at_application"].widget.attrs.update(min=0, max=120)
        if self.instance.pk:
            self.initial["harms"] = [h.pk for h in self.instance.harms.all()]

    def clean(self):
        data = super().clean()
        if data.get("criminal_case") is not None:
            # Told once: what her police case records wins over anything typed.
            data.update(from_police_case(self.user, data["criminal_case"]))
        offence, fir = data.get("offence_date"), data.get("fir_date")
        if offence and fir and fir < offence:
            self.add_error("fir_date", _("The FIR cannot be before the offence."))
        return data


class ClaimCreateForm(ClaimForm):
    """A new claim also says who prepares it and which authority decides it
    (changed afterwards only by a hand-over)."""

    class Meta(ClaimForm.Meta):
        fields = ["serving_agency", "authority", *ClaimForm.Meta.fields]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["authority"].queryset = authorities()
        from sangam.agencies.models import Agency

        ids = [m.agency_id for m in memberships_granted(user, Claim, ADD)]
        self.fields["serving_agency"].queryset = Agency.objects.filter(pk__in=ids)
        self.fields["serving_agency"].empty_label = None


class TransitionForm(Form):
    to = forms.CharField(max_length=20)
    reason = forms.CharField(required=False, max_length=2000)
    version = forms.IntegerField()


class FileForm(Form):
    applied_on = forms.DateField(label=_("Application received on"), widget=DATE)
    version = forms.IntegerField(widget=forms.HiddenInput)


class InterimForm(VersionedForm):
    class Meta:
        model = Claim
        fields = [
            "interim_requested_on",
            "interim_certificate",
            "interim_ordered_on",
            "interim_order_number",
            "interim_amount",
        ]
        widgets = {"interim_requested_on": DATE, "interim_ordered_on": DATE}


class AccountForm(VersionedForm):
    class Meta:
        model = Claim
        fields = [
            "account_status",
            "account_applied_on",
            "account_opened_on",
            "account_pmjdy",
            "bank_name",
            "account_number",
        ]
        widgets = {"account_applied_on": DATE, "account_opened_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The stored number is never sent back to the browser: shown masked.
        self.fields["account_number"].widget = forms.TextInput(attrs={"autocomplete": "off"})
        self.initial["account_number"] = ""
        if self.instance.account_number:
            self.fields["account_number"].help_text = _(
                "Recorded: %(masked)s. Leave empty to keep it."
            ) % {"masked": self.instance.masked_account}

    def clean_account_number(self):
        value = (self.cleaned_data.get("account_number") or "").replace(" ", "")
        if value and not value.isdigit():
            raise forms.ValidationError(_("An account number has digits only."))
        return value or self.instance.account_number


class AwardForm(Form):
    award_amount = forms.IntegerField(label=_("Amount awarded (₹)"), min_value=1)
    award_order_number = forms.CharField(label=_("Order number"), max_length=60)
    award_order_date = forms.DateField(label=_("Order date"), widget=DATE)
    award_reason = forms.CharField(
        label=_("Reason, if the amount is outside the scheme's range"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class PaymentForm(ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = ClaimPayment
        fields = ["kind", "amount", "paid_on", "reference", "matures_on"]
        widgets = {"paid_on": DATE, "matures_on": DATE}


class DocumentForm(ModelForm):
    claim_version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = ClaimDocument
        fields = ["state", "on", "asked_whom"]
        widgets = {"on": DATE}


class HandoverForm(Form):
    to_authority = forms.ModelChoiceField(label=_("Hand over to"), queryset=authorities())
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)


class SchemeForm(VersionedForm):
    """A draft version of a state's scheme (a published one is never edited)."""

    class Meta:
        model = SchemeVersion
        fields = [
            "title",
            "source",
            "source_url",
            "in_force_from",
            "in_force_until",
            "sanctioned_by",
            "minor_age",
            "minor_uplift_percent",
            "interim_min",
            "interim_max",
            "interim_share_percent",
            "inquiry_days",
            "fixed_deposit_percent",
            "verified",
        ]
        widgets = {"in_force_from": DATE, "in_force_until": DATE, "source": forms.Textarea(
            attrs={"rows": 2})}  # fmt: skip


class HarmForm(ModelForm):
    # The draft's version the page was loaded at: a harm added to a draft
    # someone has changed since is refused, like any stale edit.
    draft_version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = SchemeHarm
        fields = ["code", "label", "min_amount", "max_amount", "order"]

    def __init__(self, *args, draft=None, **kwargs):
        super().__init__(*args, **kwargs)
        if draft is not None:
            self.fields["draft_version"].initial = draft.version


# Bonded labour and legal aid
# Bonded labour and legal aid

FUTURE = _("This date has not come yet.")


def agencies_for(user, model, types=None):
    """The user's agencies where the role may add ``model`` records."""
    ids = [m.agency_id for m in memberships_granted(user, model, ADD)]
    agencies = Agency.objects.filter(pk__in=ids, is_active=True)
    return agencies.filter(type__in=types) if types else agencies


class SurvivorChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} · {obj.name}"


def survivor_field(user):
    """The survivors ``user`` may see (her consent decides), by record number
    and name; the page that shows the list audits it."""
    return SurvivorChoice(
        label=_("Survivor"),
        queryset=Survivor.objects.restrict(user, "view").order_by("-pk"),
        error_messages={"invalid_choice": _("Choose a survivor whose record you may see.")},
    )


class DatedForm(ModelForm):
    """Dates in order: ``after`` maps a field to the fields it may not come
    before (on the form or already on the record), with the message."""

    after: dict = {}
    may_be_future: tuple = ()
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DATE
        if self.instance.pk and "version" in self.fields:
            self.fields["version"].initial = self.instance.version

    def _value(self, name):
        if name in self.cleaned_data:
            return self.cleaned_data[name]
        return getattr(self.instance, name, None)

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        for name, field in self.fields.items():
            value = cleaned.get(name)
            if name in self.may_be_future:
                continue
            if isinstance(field, forms.DateField) and value and value > today:
                self.add_error(name, FUTURE)
        for name, (earlier, message) in self.after.items():
            value = cleaned.get(name)
            if value is None or name in self.errors:
                continue
            for other in earlier:
                before = self._value(other)
                if before and value < before:
                    self.add_error(name, message)
                    break
        return cleaned


class ReleaseForm(DatedForm):
    class Meta:
        model = BondedLabourRelease
        fields = [
            "survivor",
            "agency",
            "identified_on",
            "inquiry_started_on",
            "place_of_work",
            "employer",
            "native_district",
            "conviction_status",
            "criminal_case_reference",
        ]
        widgets = {
            "place_of_work": forms.TextInput,
            "employer": forms.TextInput,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"] = survivor_field(user)
        self.fields["agency"].queryset = agencies_for(
            user, BondedLabourRelease, [AgencyType.DISTRICT_ADMINISTRATION]
        )
        self.fields["agency"].empty_label = None
        self.fields["native_district"].queryset = District.objects.select_related("state").order_by(
            "state__name", "name"
        )
        self.fields["native_district"].help_text = _(
            "Where she comes from. In another state, a letter goes to its district."
        )


class PrimaFacieForm(DatedForm):
    after = {
        "prima_facie_on": (
            ("identified_on", "inquiry_started_on"),
            _("The order cannot come before she was identified or the inquiry began."),
        )
    }

    class Meta:
        model = BondedLabourRelease
        fields = ["prima_facie_on", "prima_facie_order_number", "inquiry_summary"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("prima_facie_on", "prima_facie_order_number"):
            self.fields[name].required = True


class CertificateForm(DatedForm):
    after = {
        "certificate_issued_on": (
            ("prima_facie_on",),
            _("The certificate cannot come before the prima facie order."),
        )
    }

    class Meta:
        model = BondedLabourRelease
        fields = ["certificate_number", "certificate_issued_on", "certificate_officer"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields:
            self.fields[name].required = True


class ImmediateAssistanceForm(DatedForm):
    after = {
        "immediate_assistance_paid_on": (
            ("certificate_issued_on",),
            _("Immediate assistance is paid on or after the release certificate."),
        )
    }

    class Meta:
        model = BondedLabourRelease
        fields = ["immediate_assistance_amount", "immediate_assistance_paid_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields:
            self.fields[name].required = True
        limit = self.instance.scheme.immediate_assistance_limit
        self.fields["immediate_assistance_amount"].help_text = _(
            "Up to ₹%(limit)s under %(scheme)s."
        ) % {"limit": rupees(limit), "scheme": self.instance.scheme.title}

    def clean(self):
        cleaned = super().clean()
        if not self.instance.has_certificate:
            self.add_error(
                "immediate_assistance_paid_on",
                _("Record the release certificate before any payment."),
            )
        amount = cleaned.get("immediate_assistance_amount")
        limit = self.instance.scheme.immediate_assistance_limit
        if amount is not None and amount > limit:
            self.add_error(
                "immediate_assistance_amount",
                _("The scheme allows at most ₹%(limit)s of immediate assistance.")
                % {"limit": rupees(limit)},
            )
        if amount == 0:
            self.add_error("immediate_assistance_amount", _("Enter the amount paid."))
        return cleaned


class ProposalForm(DatedForm):
    after = {
        "proposed_on": (
            ("certificate_issued_on",),
            _("The proposal cannot come before the release certificate."),
        )
    }

    class Meta:
        model = BondedLabourRelease
        fields = [
            "category",
            "annuity_amount",
            "conviction_status",
            "criminal_case",
            "criminal_case_reference",
            "proposed_on",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_police_cases(self, self.user, self.instance.survivor_id)
        self.fields["category"].queryset = BondedLabourCategory.objects.filter(
            version=self.instance.scheme_id
        )
        self.fields["category"].required = True
        self.fields["category"].error_messages["invalid_choice"] = _(
            "Choose a category of this case's scheme version."
        )
        self.fields["proposed_on"].required = True
        self.fields["annuity_amount"].help_text = _(
            "Leave empty for the scheme's minimum; the rest goes by direct benefit transfer."
        )
        self.fields["conviction_status"].help_text = _(
            "Recorded only: a prima facie finding of bondage is enough for the proposal."
        )

    def clean(self):
        cleaned = super().clean()
        category = cleaned.get("category")
        if category is None:
            return cleaned
        annuity = cleaned.get("annuity_amount")
        if annuity is None:
            annuity = category.annuity_minimum
        if annuity < category.annuity_minimum:
            self.add_error(
                "annuity_amount",
                _("This category keeps at least ₹%(n)s in an annuity.")
                % {"n": rupees(category.annuity_minimum)},
            )
        elif annuity > category.amount:
            self.add_error(
                "annuity_amount",
                _("The annuity cannot be more than the ₹%(n)s of the category.")
                % {"n": rupees(category.amount)},
            )
        cleaned["annuity_amount"] = annuity
        # The amount is the version's, recorded on the case with its split.
        self.instance.assistance_amount = category.amount
        self.instance.dbt_amount = max(category.amount - annuity, 0)
        return cleaned


class SanctionForm(DatedForm):
    after = {
        "sanctioned_on": (("proposed_on",), _("The sanction cannot come before the proposal."))
    }

    class Meta:
        model = BondedLabourRelease
        fields = ["sanctioned_on", "sanction_order_number"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields:
            self.fields[name].required = True


class AssistancePaymentForm(DatedForm):
    after = {
        "dbt_paid_on": (("sanctioned_on",), _("Payment cannot come before the sanction.")),
        "annuity_deposited_on": (
            ("sanctioned_on",),
            _("The annuity cannot be deposited before the sanction."),
        ),
    }

    class Meta:
        model = BondedLabourRelease
        fields = ["dbt_paid_on", "annuity_deposited_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dbt_paid_on"].required = bool(self.instance.dbt_amount)
        self.fields["annuity_deposited_on"].required = bool(self.instance.annuity_amount)


class NativeLetterForm(DatedForm):
    after = {
        "native_letter_sent_on": (
            ("certificate_issued_on",),
            _("The letter goes with or after the release certificate."),
        )
    }

    class Meta:
        model = BondedLabourRelease
        fields = ["native_district", "native_letter_sent_on", "native_letter_reference"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["native_district"].required = True
        self.fields["native_district"].queryset = District.objects.select_related("state").order_by(
            "state__name", "name"
        )
        self.fields["native_letter_sent_on"].required = True

    def clean(self):
        cleaned = super().clean()
        if not self.instance.has_certificate:
            self.add_error(
                "native_letter_sent_on", _("Record the release certificate before the letter.")
            )
        district = cleaned.get("native_district")
        if district is not None and district.state_id == self.instance.agency.state_id:
            self.add_error(
                "native_district",
                _("The letter is for a native district in another state."),
            )
        return cleaned


class MeetingForm(DatedForm):
    class Meta:
        model = VigilanceCommitteeMeeting
        fields = [
            "agency",
            "level",
            "subdivision",
            "held_on",
            "members_present",
            "cases_reviewed",
            "decisions",
            "next_meeting_on",
        ]
        widgets = {"decisions": forms.Textarea(attrs={"rows": 3})}

    may_be_future = ("next_meeting_on",)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies_for(user, VigilanceCommitteeMeeting)
        self.fields["agency"].empty_label = None


class LegalAidForm(DatedForm):
    class Meta:
        model = LegalAidApplication
        fields = ["survivor", "agency", "authority", "ground", "matter", "details", "applied_on"]
        widgets = {"details": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"] = survivor_field(user)
        self.fields["agency"].queryset = agencies_for(user, LegalAidApplication)
        self.fields["agency"].empty_label = None
        self.fields["authority"].queryset = Agency.objects.filter(
            type__in=[AgencyType.DLSA, AgencyType.SLSA], is_active=True
        ).order_by("name")
        self.fields["authority"].error_messages["invalid_choice"] = _(
            "Choose a District or State Legal Services Authority."
        )


class LawyerForm(DatedForm):
    after = {
        "assigned_on": (
            ("applied_on",),
            _("A lawyer cannot be assigned before the application."),
        )
    }

    class Meta:
        model = LegalAidApplication
        fields = ["panel_lawyer", "panel_lawyer_phone", "assigned_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["panel_lawyer"].required = True
        self.fields["assigned_on"].required = True


class DocumentRecoveryForm(DatedForm):
    class Meta:
        model = DocumentRecovery
        fields = [
            "survivor",
            "agency",
            "kind",
            "other_kind",
            "entitlement",
            "for_whom",
            "relation",
            "office",
            "applied_on",
        ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"] = survivor_field(user)
        agencies = agencies_for(user, DocumentRecovery)
        self.fields["agency"].queryset = agencies
        self.fields["agency"].empty_label = None
        self.fields["applied_on"].help_text = _("Leave empty if she has not applied yet.")
        self.fields["for_whom"].required = False  # herself, unless said otherwise
        # The entitlements of the catalogues in force where her agencies work.
        choices = {}
        for state_id in sorted({a.state_id for a in agencies}):
            choices.update(entitlements_for(state_id))
        self.fields["entitlement"] = forms.ChoiceField(
            label=_("Entitlement"),
            choices=[("", "—"), *choices.items()],
            required=False,
            help_text=_("From the state's list of entitlements, when the kind is an entitlement."),
        )

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        cleaned["for_whom"] = cleaned.get("for_whom") or Beneficiary.HERSELF
        if kind == DocumentKind.OTHER and not cleaned.get("other_kind", "").strip():
            self.add_error("other_kind", _("Say which document."))
        family = cleaned.get("for_whom") == Beneficiary.FAMILY
        if family and not cleaned.get("relation", "").strip():
            self.add_error("relation", _("Say who in her family."))
        code, agency = cleaned.get("entitlement"), cleaned.get("agency")
        if kind != DocumentKind.ENTITLEMENT:
            cleaned["entitlement"] = ""
            self.instance.catalogue = None
        elif not code:
            self.add_error("entitlement", _("Choose the entitlement."))
        elif agency is not None:
            catalogue = EntitlementCatalogue.in_force_for(agency.state_id)
            if catalogue is None or not catalogue.items.filter(code=code).exists():
                self.add_error(
                    "entitlement", _("Not on the list of entitlements in force in that state.")
                )
            else:
                self.instance.catalogue = catalogue
        return cleaned


class DocumentAppliedForm(DatedForm):
    class Meta:
        model = DocumentRecovery
        fields = ["applied_on", "office"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applied_on"].required = True


class DocumentIssuedForm(DatedForm):
    after = {
        "issued_on": (("applied_on",), _("A document cannot be issued before it was applied for."))
    }

    class Meta:
        model = DocumentRecovery
        fields = ["issued_on", "number"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issued_on"].required = True
        self.fields["number"].help_text = _(
            "Kept encrypted; shown with all but the last four hidden."
        )
