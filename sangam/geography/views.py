"""The gazetteer pages (states, districts, blocks) and the village list import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sangam.core.access import allowed_to_create
from sangam.core.imports import start_job
from sangam.core.pickers import kind_for, suggestions
from sangam.geography.forms import BlockForm, ImportForm, VillageForm
from sangam.geography.importer import allowed_districts
from sangam.geography.models import Block, District, GramPanchayat, State, Village


@login_required
def states(request):
    rows = State.objects.annotate(district_count=Count("districts"))
    return render(request, "geography/states.html", {"states": rows})


@login_required
def state(request, code):
    obj = get_object_or_404(State, code=code)
    districts = obj.districts.annotate(block_count=Count("blocks", distinct=True))
    return render(request, "geography/state.html", {"state": obj, "districts": districts})


@login_required
def district(request, pk):
    obj = get_object_or_404(District.objects.select_related("state"), pk=pk)
    can_add = allowed_to_create(request.user, Block, district=obj)
    form = BlockForm(request.POST or None)
    if request.method == "POST":
        if not can_add:
            raise PermissionDenied
        if form.is_valid():
            if Block.objects.filter(district=obj, name__iexact=form.cleaned_data["name"]).exists():
                form.add_error("name", _("This block is already listed in the district."))
            else:
                block = form.save(commit=False)
                block.district = obj
                block.save()
                messages.success(request, _("Block added."))
                return redirect("geography:district", pk=obj.pk)
    blocks = obj.blocks.annotate(village_count=Count("villages"))
    return render(
        request,
        "geography/district.html",
        {"district": obj, "blocks": blocks, "form": form, "can_add": can_add},
    )


@login_required
def block(request, pk):
    obj = get_object_or_404(Block.objects.select_related("district__state"), pk=pk)
    can_add = allowed_to_create(request.user, Village, district=obj.district)
    form = VillageForm(request.POST or None, block=obj)
    if request.method == "POST":
        if not can_add:
            raise PermissionDenied
        if form.is_valid():
            with transaction.atomic():
                village = form.save(commit=False)
                new_gp = form.cleaned_data.get("new_gram_panchayat")
                if new_gp:
                    village.gram_panchayat, _created = GramPanchayat.objects.get_or_create(
                        block=obj, name=new_gp
                    )
                village.block, village.district = obj, obj.district
                village.save()
            messages.success(request, _("Village added."))
            return redirect("geography:block", pk=obj.pk)
    villages = Village.objects.filter(block=obj).select_related("gram_panchayat")
    return render(
        request,
        "geography/block.html",
        {"block": obj, "villages": villages[:500], "form": form, "can_add": can_add},
    )


def _may_import(user):
    # Anyone who may add villages in at least one district may import.
    allowed = allowed_districts(user)
    return allowed is None or bool(allowed)


@login_required
def import_villages(request):
    if not _may_import(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        from sangam.geography.tasks import import_villages_job

        job = start_job(
            form.cleaned_data["file"],
            request.user,
            kind="geography.import_villages",
            title=_("Village import"),
            task=import_villages_job,
        )
        return redirect("jobs:detail", pk=job.pk)
    return render(request, "geography/import.html", {"form": form})


@login_required
@require_POST
def pick_district(request):
    """The districts whose name matches what she typed, as <option>s for a
    picker (core/pickers.py); the text comes by POST, out of URLs and logs."""
    names = suggestions(kind_for(District), District.objects.all(), request.POST.get("q", ""))
    return HttpResponse(format_html_join("", '<option value="{}">', ((n,) for n in names)))
