import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from sangam.core.exports import safe_row
from sangam.directory.pdf import render_pdf
from sangam.prevention import mis


def _area(request):
    """The area asked for, or the user's first; PermissionDenied outside theirs."""
    kind = request.GET.get("area")
    raw = request.GET.get("id") or ""
    if kind in ("state", "district", "block") and raw.isdigit():
        area = (kind, int(raw))
    elif kind == "india":
        area = ("india", None)
    else:
        areas = mis.areas_for(request.user)
        if not areas:
            raise PermissionDenied
        area = areas[0]
    if not mis.may_see(request.user, *area):
        raise PermissionDenied
    return area


@login_required
def dashboard(request):
    kind, pk = _area(request)
    part_kind, rows, totals = mis.rollup(kind, pk)
    return render(
        request,
        "prevention/mis.html",
        {
            "kind": kind,
            "pk": pk,
            "name": mis.area_name(kind, pk),
            "part_kind": part_kind,
            "rows": [(part, [counts[f] for f, _l in mis.FIGURES]) for part, counts in rows],
            "totals": [totals[f] for f, _l in mis.FIGURES],
            "figures": mis.FIGURES,
            "drill": part_kind in ("state", "district", "block"),
        },
    )


@login_required
def export(request):
    from openpyxl import Workbook

    kind, pk = _area(request)
    part_kind, rows, totals = mis.rollup(kind, pk)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("MIS")[:31])
    # Area names are typed in the field (a village named "=HYPERLINK(…)"):
    # every row goes through safe_row; the figures stay numbers.
    sheet.append(safe_row([str(mis.area_name(kind, pk))]))
    sheet.append(safe_row([_("Area"), *[str(label) for _f, label in mis.FIGURES]]))
    for part, counts in rows:
        sheet.append(safe_row([str(part), *[counts[f] for f, _label in mis.FIGURES]]))
    sheet.append(safe_row([_("Total"), *[totals[f] for f, _label in mis.FIGURES]]))
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="sangam-mis-{kind}.xlsx"'
    return response


def _monthly_context(request):
    kind, pk = _area(request)
    first, following = mis.month_bounds(request.GET.get("month"))
    return {
        "kind": kind,
        "pk": pk,
        "name": mis.area_name(kind, pk),
        "month": first,
        "rows": mis.monthly(kind, pk, first, following),
    }


@login_required
def monthly(request):
    return render(request, "prevention/monthly.html", _monthly_context(request))


@login_required
def monthly_pdf(request):
    context = _monthly_context(request)
    response = HttpResponse(
        render_pdf("prevention/monthly_print.html", context), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="sangam-mis-{context["month"]:%Y-%m}.pdf"'
    return response
