"""Matching decisions: confirm or reject a candidate match, record a family
restoration, merge two records of one survivor."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sangam.agencies.forms import VersionedForm
from sangam.core.forms import Form
from sangam.matching.models import Restoration


class DecisionForm(Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("confirm", _("Same person")), ("reject", _("Not the same person"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why"),
        max_length=300,
        help_text=_("What you checked: a photograph, the family, a document, a call."),
    )


class RestorationForm(VersionedForm):
    class Meta:
        model = Restoration
        fields = [*Restoration.STEPS, "cwc_order_reference"]
        widgets = {step: forms.DateInput(attrs={"type": "date"}) for step in Restoration.STEPS}

    def clean(self):
        data = super().clean()
        from django.utils import timezone

        today = timezone.localdate()
        previous = None
        for step in Restoration.STEPS:
            day = data.get(step)
            if day and day > today:
                self.add_error(step, _("This date is in the future."))
            elif day and previous and day < previous[1]:
                self.add_error(step, _("This step cannot come before an earlier one."))
            if day:
                previous = (step, day)
        return data


class MergeForm(Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("merge", _("Same person: merge")), ("apart", _("Different people"))],
        widget=forms.RadioSelect,
    )
    keep = forms.ChoiceField(
        label=_("Keep which record"),
        choices=[("first", _("The first")), ("second", _("The second"))],
        initial="first",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Why"), max_length=300)
