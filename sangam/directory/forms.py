"""Service directory inputs: the public search, a service's entry, its bed
capacity, and a new service with its organisation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sangam.agencies.forms import VersionedForm
from sangam.core.forms import Form
from sangam.core.vocabulary import Takes, language_codes, language_list
from sangam.directory import search
from sangam.directory.models import Service, TaxonomyTerm
from sangam.geography.models import District, State

RADII = [("", _("Any distance")), ("10", "10 km"), ("25", "25 km"), ("50", "50 km")]
RADII += [("100", "100 km"), ("250", "250 km")]


class SearchForm(Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    term = forms.ChoiceField(label=_("Service type"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    district = forms.TypedChoiceField(label=_("District"), required=False, coerce=int)
    near = forms.CharField(
        label=_("Near (village, district or lat,lon)"), required=False, max_length=100
    )
    radius = forms.TypedChoiceField(
        label=_("Within"), choices=RADII, required=False, coerce=float, empty_value=None
    )
    sex = forms.ChoiceField(
        label=_("For"),
        required=False,
        choices=[("", _("Anyone")), *[c for c in Takes.choices if c[0] != Takes.ANY]],
    )
    age = forms.IntegerField(label=_("Age"), required=False, min_value=0, max_value=120)
    language = forms.CharField(label=_("Language spoken"), required=False, max_length=40)
    has_bed = forms.BooleanField(label=_("Has a free bed today"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        terms = TaxonomyTerm.objects.filter(taxonomy__isnull=False).exclude(code="")
        self.fields["term"].choices = [("", _("All services"))] + [
            (t.code, ("— " if t.parent_id else "") + t.local_name) for t in terms.order_by("code")
        ]
        self.fields["state"].choices = [("", _("All states"))] + [
            (s.code, s.local_name) for s in State.objects.all()
        ]
        state = self.data.get("state") if self.is_bound else None
        districts = District.objects.filter(state__code=state) if state else District.objects.none()
        self.fields["district"].choices = [("", _("All districts"))] + [
            (d.pk, d.name) for d in districts
        ]

    def clean_language(self):
        value = self.cleaned_data["language"].strip()
        if value and not language_codes(value):
            raise forms.ValidationError(_("Unknown language. Try a name such as Bengali."))
        return value

    def clean(self):
        data = super().clean()
        near = (data.get("near") or "").strip()
        data["point"] = None
        if near:
            place = search.resolve_place(near)
            if place is None:
                self.add_error("near", _("We could not find that place."))
            else:
                data["place_label"], data["point"] = place
        return data

    def query(self):
        d = self.cleaned_data
        return search.Query(
            text=d.get("q") or "",
            state=d.get("state") or "",
            district=d.get("district"),
            term=d.get("term") or "",
            sex=d.get("sex") or "",
            age=d.get("age"),
            language=d.get("language") or "",
            near=d.get("point"),
            radius_km=d.get("radius") if d.get("point") else None,
            has_bed=bool(d.get("has_bed")),
        )


class ServiceForm(VersionedForm):
    class Meta:
        model = Service
        fields = [
            "name",
            "alternate_name",
            "description",
            "status",
            "eligibility_description",
            "sex",
            "minimum_age",
            "maximum_age",
            "application_process",
            "fees_description",
            "alert",
            "url",
            "email",
        ]
        widgets = {
            f: forms.Textarea(attrs={"rows": 3})
            for f in ("description", "eligibility_description", "application_process", "alert")
        }

    def clean(self):
        data = super().clean()
        lo, hi = data.get("minimum_age"), data.get("maximum_age")
        if lo is not None and hi is not None and lo > hi:
            self.add_error("maximum_age", _("The maximum age is below the minimum age."))
        return data


class CapacityForm(Form):
    available = forms.IntegerField(label=_("Beds free today"), min_value=0, max_value=10000)
    maximum = forms.IntegerField(
        label=_("Beds in all"), min_value=0, max_value=10000, required=False
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("maximum") is not None
            and data.get("available") is not None
            and data["available"] > data["maximum"]
        ):
            self.add_error("available", _("More beds free than beds in all."))
        return data


class NewServiceForm(Form):
    """A service not yet in the directory, with its organization and place."""

    organization = forms.CharField(label=_("Organisation"), max_length=250)
    agency = forms.ModelChoiceField(
        label=_("Agency on Sangam"),
        queryset=None,
        required=False,
        help_text=_("If this organisation uses Sangam, referrals to it arrive there."),
    )
    name = forms.CharField(label=_("Service name"), max_length=250)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    terms = forms.MultipleChoiceField(label=_("Services"), widget=forms.CheckboxSelectMultiple)
    sex = forms.ChoiceField(label=_("Takes"), choices=Takes.choices, initial=Takes.ANY)
    minimum_age = forms.IntegerField(label=_("Minimum age"), required=False, min_value=0)
    maximum_age = forms.IntegerField(label=_("Maximum age"), required=False, max_value=120)
    languages = forms.CharField(
        label=_("Languages spoken"), help_text=_("Separate with commas: Hindi, Bengali")
    )
    phone = forms.CharField(label=_("Phone"), max_length=40)
    district = forms.ModelChoiceField(
        label=_("District"), queryset=District.objects.select_related("state")
    )
    address = forms.CharField(label=_("Address"), max_length=250)
    postal_code = forms.RegexField(label=_("PIN code"), regex=r"^\d{6}$")
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180
    )
    beds = forms.IntegerField(label=_("Beds in all"), required=False, min_value=0)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["terms"].choices = [
            (t.code, t.local_name)
            for t in TaxonomyTerm.objects.filter(taxonomy__isnull=False).exclude(code="")
        ]

    def clean_languages(self):
        return language_list(self.cleaned_data["languages"])

    def clean(self):
        data = super().clean()
        lo, hi = data.get("minimum_age"), data.get("maximum_age")
        if lo is not None and hi is not None and lo > hi:
            self.add_error("maximum_age", _("The maximum age is below the minimum age."))
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("longitude", _("Give both latitude and longitude, or neither."))
        return data
