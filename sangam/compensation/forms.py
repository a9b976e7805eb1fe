"""Compensation inputs: a claim's particulars, its steps (filing, interim
relief, the bank account, the award, payments, documents, a hand-over) and
a scheme version with its harms. Each form is used by the pages and the API."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sangam.agencies.forms import VersionedForm
from sangam.compensation.models import (
    Claim,
    ClaimDocument,
    ClaimPayment,
    SchemeHarm,
    SchemeVersion,
)
from sangam.compensation.queries import authorities
from sangam.core.access import ADD, memberships_granted
from sangam.core.forms import Form, ModelForm

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _harm_label(harm):
    return f"{harm.label} — ₹{harm.min_amount:,}–{harm.max_amount or 0:,} ({harm.version.title})"


class HarmChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return _harm_label(obj)


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
            "offence",
            "offence_date",
            "fir_number",
            "fir_date",
            "police_station",
            "age_at_application",
            "trafficking",
        ]
        widgets = {
            "offence": forms.Textarea(attrs={"rows": 2}),
            "offence_date": DATE,
            "fir_date": DATE,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fir_number"].help_text = _(
            "Leave empty when there is no FIR: a claim does not depend on an FIR, a rescue "
            "or the accused being traced."
        )
        self.fields["age_at_application"].widget.attrs.update(min=0, max=120)
        if self.instance.pk:
            self.initial["harms"] = [h.pk for h in self.instance.harms.all()]

    def clean(self):
        data = super().clean()
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
        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = authorities()
        from sangam.agencies.models import Agency

        ids = [m.agency_id for m in memberships_granted(user, Claim, ADD)]
        self.fields["serving_agency"].queryset = Agency.objects.filter(pk__in=ids)
        self.fields["serving_agency"].empty_label = None


class TransitionForm(Form):
    to = forms.CharField()
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


class SchemeForm(ModelForm):
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
    class Meta:
        model = SchemeHarm
        fields = ["code", "label", "min_amount", "max_amount", "order"]
