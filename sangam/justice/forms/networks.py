"""Deciding a proposed link between accused; recording proceeds attached."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.agencies.forms import VersionedForm
from sangam.core.access import SYSTEM
from sangam.core.forms import Form
from sangam.justice.forms.cases import DAY, _not_future_day
from sangam.justice.models import Accused, Proceeds


class LinkDecisionForm(Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("confirm", _("Linked: the same person or network")), ("reject", _("Not linked"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why"),
        max_length=300,
        help_text=_("What you checked: call records, a photograph, the other station."),
    )


class ProceedsForm(VersionedForm):
    class Meta:
        model = Proceeds
        fields = ["kind", "accused", "description", "value", "attached_on", "order", "status"]
        widgets = {"attached_on": DAY, "description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["accused"].queryset = Accused.objects.restrict(SYSTEM).filter(case=case)
        self.fields["accused"].required = False
        self.fields["accused"].label_from_instance = lambda a: a.name

    def clean_attached_on(self):
        day = _not_future_day(self.cleaned_data.get("attached_on"))
        if day and day < timezone.localtime(self.case.fir_at).date():
            raise forms.ValidationError(_("This is before the FIR."))
        return day

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if self.instance.pk and status != self.instance.status:
            self.instance.status_on = timezone.localdate()
        elif not self.instance.pk:
            self.instance.status_on = data.get("attached_on")
        return data
