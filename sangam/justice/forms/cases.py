"""Every input of the justice pages and API: the FIR and its sections, the
AHTU, the transfer of a Zero FIR, the chargesheet and the progress of the
case, the accused, the rescue, the persons rescued and their production.
Each refuses what the law's order of things does not allow, by the field."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.agencies.forms import VersionedForm
from sangam.agencies.models import Agency, AgencyType
from sangam.cases.models import Survivor
from sangam.core.access import ADD, SYSTEM, memberships_granted
from sangam.core.forms import Form
from sangam.core.pickers import Picker
from sangam.core.vocabulary import Sex
from sangam.justice.models import (
    Accused,
    ChargedSection,
    CriminalCase,
    Offence,
    Rescue,
    RescuedPerson,
)
from sangam.justice.pickers import POLICE_STATION
from sangam.justice.reference import offences_in_force

WHEN = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DAY = forms.DateInput(attrs={"type": "date"})
POLICE = (AgencyType.POLICE_STATION, AgencyType.AHTU)
NOT_IN_FUTURE = _("This cannot be in the future.")


def section_choices():
    """Every section of a published table, once ("BNS 143")."""
    rows = (
        Offence.objects.filter(version__published_at__isnull=False)
        .order_by("act", "section", "-version__in_force_from")
        .values_list("act", "section", "title")
    )
    seen, choices = set(), []
    for act, section, title in rows:
        code = f"{act} {section}"
        if code not in seen:
            seen.add(code)
            choices.append((code, f"{code} — {title}"))
    return choices


def resolve_sections(codes, on):
    """The offences ``codes`` name in the table in force on ``on``; a
    ValidationError naming those that were not in force then."""
    found = {f"{o.act} {o.section}": o for o in offences_in_force(on)}
    missing = [c for c in codes if c not in found]
    if missing:
        raise forms.ValidationError(
            _("Not in force on the FIR date (%(date)s): %(sections)s.")
            % {"date": on.strftime("%d %b %Y"), "sections": ", ".join(missing)}
        )
    return [found[c] for c in codes]


def _not_future(value):
    if value is not None and value > timezone.now():
        raise forms.ValidationError(NOT_IN_FUTURE)
    return value


def _not_future_day(value):
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(NOT_IN_FUTURE)
    return value


def writing_agencies(user, model, types):
    """Agencies of ``types`` where ``user`` may add a ``model`` record."""
    ids = [m.agency_id for m in memberships_granted(user, model, ADD)]
    return Agency.objects.filter(pk__in=ids, type__in=types, is_active=True)


class FIRForm(VersionedForm):
    sections = forms.MultipleChoiceField(
        label=_("Sections charged"),
        help_text=_("Trafficking is BNS 143 (IPC 370 before 1 July 2024)."),
    )
    victims = forms.ModelMultipleChoiceField(
        label=_("Victims"), queryset=Survivor.objects.none(), required=False
    )

    class Meta:
        model = CriminalCase
        fields = ["police_station", "fir_number", "fir_at", "zero_fir", "cctns_reference"]
        widgets = {"fir_at": WHEN}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["police_station"].queryset = writing_agencies(user, CriminalCase, POLICE)
        self.fields["sections"].choices = section_choices()
        self.fields["victims"].queryset = Survivor.objects.restrict(user, "view")
        self.fields["victims"].label_from_instance = str

    def clean_fir_at(self):
        return _not_future(self.cleaned_data["fir_at"])

    def clean(self):
        data = super().clean()
        if data.get("fir_at") and data.get("sections"):
            try:
                data["offences"] = resolve_sections(
                    data["sections"], timezone.localtime(data["fir_at"]).date()
                )
            except forms.ValidationError as exc:
                self.add_error("sections", exc)
        return data


def _charged(case):
    """The sections charged now (the form's case is one the user may change)."""
    return ChargedSection.objects.restrict(SYSTEM).filter(case=case, dropped_on__isnull=True)


class CaseForm(Form):
    """Forms about one case take it, to check dates against its FIR."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["version"].initial = case.version

    def _after_fir(self, field, on):
        if on is not None and on < self.case.fir_date:
            self.add_error(field, _("This is before the FIR was registered."))


class SectionForm(CaseForm):
    section = forms.ChoiceField(label=_("Section"))
    added_on = forms.DateField(label=_("Added on"), widget=DAY, validators=[_not_future_day])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = section_choices()

    def clean(self):
        data = super().clean()
        self._after_fir("added_on", data.get("added_on"))
        if data.get("section"):
            try:
                data["offence"] = resolve_sections([data["section"]], self.case.fir_date)[0]
            except forms.ValidationError as exc:
                self.add_error("section", exc)
            else:
                charged = _charged(self.case)
                if charged.filter(offence=data["offence"]).exists():
                    self.add_error("section", _("This section is already charged."))
        return data


class DropSectionForm(CaseForm):
    charged = forms.IntegerField(widget=forms.HiddenInput)
    dropped_on = forms.DateField(label=_("Dropped on"), widget=DAY, validators=[_not_future_day])
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        section = self.case.sections.filter(pk=data.get("charged"), dropped_on__isnull=True).first()
        if section is None:
            self.add_error(None, _("This section is not charged in this case."))
        elif data.get("dropped_on") and data["dropped_on"] < section.added_on:
            self.add_error("dropped_on", _("This is before the section was added."))
        data["section"] = section
        return data


class AHTUForm(CaseForm):
    ahtu = forms.ModelChoiceField(label=_("AHTU"), queryset=Agency.objects.none())
    sent_on = forms.DateField(label=_("Sent on"), widget=DAY, validators=[_not_future_day])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        station = self.case.police_station
        self.fields["ahtu"].queryset = Agency.objects.filter(
            type=AgencyType.AHTU, is_active=True, state=station.state_id
        ).order_by("name")

    def clean(self):
        data = super().clean()
        self._after_fir("sent_on", data.get("sent_on"))
        return data


def transfer_stations():
    """Where a Zero FIR may go: any active police station in India."""
    return Agency.objects.filter(type=AgencyType.POLICE_STATION, is_active=True)


class TransferForm(CaseForm):
    """A Zero FIR sent to the station with jurisdiction."""

    transferred_to = forms.ModelChoiceField(
        label=_("Police station with jurisdiction"), queryset=Agency.objects.none()
    )
    transferred_on = forms.DateField(
        label=_("Transferred on"), widget=DAY, validators=[_not_future_day]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["transferred_to"]
        field.queryset = transfer_stations().exclude(pk=self.case.police_station_id)
        field.widget = Picker(field, POLICE_STATION)

    def clean(self):
        data = super().clean()
        if not self.case.zero_fir:
            self.add_error(None, _("Only a Zero FIR is transferred."))
        self._after_fir("transferred_on", data.get("transferred_on"))
        return data


class ProgressForm(CaseForm):
    """What happened in the investigation: each date stops a clock."""

    chargesheet_on = forms.DateField(
        label=_("Chargesheet filed on"), widget=DAY, required=False, validators=[_not_future_day]
    )
    victim_informed_on = forms.DateField(
        label=_("Victim told of the progress on"),
        widget=DAY,
        required=False,
        validators=[_not_future_day],
    )
    pocso_reported_at = forms.DateTimeField(
        label=_("POCSO report sent to the CWC and the Special Court"),
        widget=WHEN,
        required=False,
        validators=[_not_future],
    )
    cognizance_on = forms.DateField(
        label=_("Cognizance taken on"), widget=DAY, required=False, validators=[_not_future_day]
    )
    child_evidence_on = forms.DateField(
        label=_("Child's evidence recorded on"),
        widget=DAY,
        required=False,
        validators=[_not_future_day],
    )
    FIELDS = (
        "chargesheet_on",
        "victim_informed_on",
        "pocso_reported_at",
        "cognizance_on",
        "child_evidence_on",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.FIELDS:
            self.fields[name].initial = getattr(self.case, name)

    def clean(self):
        data = super().clean()
        for name in ("chargesheet_on", "victim_informed_on", "cognizance_on"):
            self._after_fir(name, data.get(name))
        if data.get("pocso_reported_at") and data["pocso_reported_at"] < self.case.fir_at:
            self.add_error("pocso_reported_at", _("This is before the FIR was registered."))
        cognizance, evidence = data.get("cognizance_on"), data.get("child_evidence_on")
        if evidence and not cognizance:
            self.add_error("cognizance_on", _("The court takes cognizance before evidence."))
        elif evidence and evidence < cognizance:
            self.add_error("child_evidence_on", _("This is before the court took cognizance."))
        if cognizance and not data.get("chargesheet_on"):
            self.add_error("chargesheet_on", _("Cognizance is taken on a chargesheet."))
        elif cognizance and cognizance < data["chargesheet_on"]:
            self.add_error("cognizance_on", _("This is before the chargesheet was filed."))
        return data


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class AccusedForm(VersionedForm):
    aliases_text = forms.CharField(
        label=_("Other names or spellings"),
        required=False,
        help_text=_("One per line, in any script."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    phones_text = forms.CharField(
        label=_("Phone numbers"),
        required=False,
        help_text=_("One per line."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    vehicles_text = forms.CharField(
        label=_("Vehicles"),
        required=False,
        help_text=_("Registration numbers, one per line."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    places_text = forms.CharField(
        label=_("Places"),
        required=False,
        help_text=_("Where the accused lives, works or was seen, one per line."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    class Meta:
        model = Accused
        fields = ["name", "role", "arrested_at", "absconding", "bail_on", "bail"]
        widgets = {"arrested_at": WHEN, "bail_on": DAY, "name": forms.TextInput}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["name"].help_text = _("As recorded, in any script. Presumed innocent.")
        if self.instance.pk:
            self.initial["aliases_text"] = "\n".join(self.instance.aliases or [])
            self.initial["phones_text"] = "\n".join(self.instance.phones or [])
            self.initial["vehicles_text"] = "\n".join(self.instance.vehicles or [])
            self.initial["places_text"] = "\n".join(self.instance.places or [])

    def clean_arrested_at(self):
        return _not_future(self.cleaned_data.get("arrested_at"))

    def clean_bail_on(self):
        return _not_future_day(self.cleaned_data.get("bail_on"))

    def clean(self):
        data = super().clean()
        arrested, bail_on = data.get("arrested_at"), data.get("bail_on")
        if arrested and data.get("absconding"):
            self.add_error("absconding", _("An arrested person is not absconding."))
        if bail_on and not arrested:
            self.add_error("bail_on", _("Bail follows an arrest: enter the arrest first."))
        elif bail_on and bail_on < timezone.localtime(arrested).date():
            self.add_error("bail_on", _("This is before the arrest."))
        if bool(bail_on) != bool(data.get("bail")):
            self.add_error("bail", _("Give the date and the kind of bail together."))
        self.instance.aliases = _lines(data.get("aliases_text"))
        self.instance.phones = _lines(data.get("phones_text"))
        self.instance.vehicles = _lines(data.get("vehicles_text"))
        self.instance.places = _lines(data.get("places_text"))
        return data


class RescueForm(VersionedForm):
    class Meta:
        model = Rescue
        fields = [
            "lead_agency",
            "participants",
            "source",
            "source_note",
            "at",
            "district",
            "place",
            "witness_one",
            "witness_one_sex",
            "witness_two",
            "witness_two_sex",
        ]
        widgets = {
            "at": WHEN,
            "participants": forms.CheckboxSelectMultiple,
            "place": forms.Textarea(attrs={"rows": 2}),
            "source_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_agency"].queryset = writing_agencies(user, Rescue, POLICE)
        lead = self.fields["lead_agency"].queryset.first()
        self.fields["participants"].queryset = (
            Agency.objects.filter(is_active=True, district=lead.district_id).order_by("name")
            if lead
            else Agency.objects.none()
        )
        self.fields["participants"].required = False
        self.fields["lead_agency"].initial = lead.pk if lead else None
        self.fields["district"].initial = lead.district_id if lead else None

    def clean_at(self):
        return _not_future(self.cleaned_data["at"])

    def clean(self):
        data = super().clean()
        sexes = [data.get("witness_one_sex"), data.get("witness_two_sex")]
        if all(sexes) and Sex.FEMALE not in sexes:
            # ITPA s.15(2): at least one of the two witnesses is a woman.
            self.add_error(
                "witness_two_sex",
                _("At least one of the two witnesses must be a woman (ITPA s.15)."),
            )
        return data


class RescuedPersonForm(Form):
    """A person rescued: one already registered, or a new survivor registered
    (and her case opened) by the lead agency."""

    survivor = forms.ModelChoiceField(
        label=_("Already registered"), queryset=Survivor.objects.none(), required=False
    )
    name = forms.CharField(label=_("Name"), required=False, max_length=200)
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, initial=Sex.FEMALE)
    estimated_age = forms.IntegerField(label=_("Estimated age"), min_value=0, max_value=120)
    languages = forms.CharField(label=_("Languages"), required=False, max_length=100)

    def __init__(self, *args, user, rescue, **kwargs):
        super().__init__(*args, **kwargs)
        self.rescue = rescue
        self.fields["survivor"].queryset = Survivor.objects.restrict(user, "view")
        self.fields["survivor"].label_from_instance = str

    def clean(self):
        data = super().clean()
        if not data.get("survivor") and not (data.get("name") or "").strip():
            self.add_error("name", _("Give her name, or choose her record."))
        persons = RescuedPerson.objects.restrict(SYSTEM).filter(rescue=self.rescue)
        if data.get("survivor") and persons.filter(survivor=data["survivor"]).exists():
            self.add_error("survivor", _("She is already recorded in this rescue."))
        return data


class ProductionForm(VersionedForm):
    class Meta:
        model = RescuedPerson
        fields = [
            "produced_before_magistrate_at",
            "custody_ended_at",
            "cwc",
            "produced_before_cwc_at",
            "sir_on",
            "cwc_order_on",
        ]
        widgets = {
            "produced_before_magistrate_at": WHEN,
            "custody_ended_at": WHEN,
            "produced_before_cwc_at": WHEN,
            "sir_on": DAY,
            "cwc_order_on": DAY,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cwc"].queryset = Agency.objects.filter(type=AgencyType.CWC, is_active=True)

    def clean(self):
        data = super().clean()
        rescued_at = self.instance.rescue.at
        for name in ("produced_before_magistrate_at", "custody_ended_at", "produced_before_cwc_at"):
            value = data.get(name)
            if value and value < rescued_at:
                self.add_error(name, _("This is before the rescue."))
            elif value and value > timezone.now():
                self.add_error(name, NOT_IN_FUTURE)
        magistrate, ended = data.get("produced_before_magistrate_at"), data.get("custody_ended_at")
        if ended and not magistrate:
            self.add_error("custody_ended_at", _("Custody is ordered by the magistrate first."))
        elif ended and ended < magistrate:
            self.add_error("custody_ended_at", _("This is before she was produced."))
        produced = data.get("produced_before_cwc_at")
        if produced and not data.get("cwc"):
            self.add_error("cwc", _("Name the CWC she was produced before."))
        for name in ("sir_on", "cwc_order_on"):
            value = data.get(name)
            if value and not produced:
                self.add_error(name, _("She is produced before the CWC first."))
            elif value and value < timezone.localtime(produced).date():
                self.add_error(name, _("This is before she was produced before the CWC."))
            elif value and value > timezone.localdate():
                self.add_error(name, NOT_IN_FUTURE)
        return data


class ReviewForm(Form):
    """Closing a "booked as missing only" review: what the AHTU did."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.CharField(
        label=_("What was done"),
        help_text=_("The sections added to her case, or why none apply."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
