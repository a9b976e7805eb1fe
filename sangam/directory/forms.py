from django import forms
from django.utils.translation import gettext_lazy as _

from sangam.agencies.forms import VersionedForm
from sangam.directory import search
from sangam.directory.models import Service, Sex, TaxonomyTerm
from sangam.geography.models import District, State

RADII = [("", _("Any distance")), ("10", "10 km"), ("25", "25 km"), ("50", "50 km")]
RADII += [("100", "100 km"), ("250", "250 km")]


class SearchForm(forms.Form):
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
        choices=[("", _("Anyone")), *[c for c in Sex.choices if c[0] != Sex.ANY]],
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
        if value and not search.language_codes(value):
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


class CapacityForm(forms.Form):
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
