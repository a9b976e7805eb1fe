"""The network of a case, deciding a proposed link, and proceeds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sangam.audit import log
from sangam.core.editing import EDIT_CONFLICT, EditConflict
from sangam.justice import networks, queries, workflow
from sangam.justice.forms import LinkDecisionForm, ProceedsForm
from sangam.justice.models import Accused, AccusedLink
from sangam.justice.views.page import edit_on_page
from sangam.matching.models import Review


@login_required
def network(request, pk):
    """The AHTU's page: who is linked to this case's accused, the cases and
    recruiters they lead to, places and proceeds. Police and prosecution
    only (404 for anyone else, as for the accused)."""
    if not queries.may_see_accused(request.user):
        raise Http404
    case = queries.get_case_for_user(request.user, pk)
    found = networks.network(request.user, case)
    log.record_view(case, purpose="network")
    seen = [a.pk for a in found["accused"]] + [a.pk for a, named in found["others"] if named]
    if seen:
        log.record_list(Accused, seen, purpose="network")
    return render(request, "justice/network.html", {"case": case, **found})


def link_rows(user, accused):
    """The accused's proposed and decided links, each with the far side as
    the user may see it and, for a pending link she may decide, a form."""
    links = list(networks.links_of(user, [accused.pk]))
    far_ids = {(lk.other_id if lk.accused_id == accused.pk else lk.accused_id) for lk in links}
    readable = set(
        Accused.objects.restrict(user, "view").filter(pk__in=far_ids).values_list("pk", flat=True)
    )
    deciding = set(
        AccusedLink.objects.restrict(user, "change")
        .filter(pk__in=[lk.pk for lk in links], status=Review.PENDING)
        .values_list("pk", flat=True)
    )
    rows = []
    for link in links:
        far = link.other if link.accused_id == accused.pk else link.accused
        form = LinkDecisionForm(prefix=f"link{link.pk}") if link.pk in deciding else None
        rows.append((link, far, far is not None and far.pk in readable, form))
    return rows


@login_required
@require_POST
def link_decide(request, pk):
    link = queries.get_link_for_user(request.user, pk)
    if not AccusedLink.objects.restrict(request.user, "change").filter(pk=pk).exists():
        raise PermissionDenied
    form = LinkDecisionForm(request.POST, prefix=f"link{link.pk}")
    back = request.POST.get("accused")
    accused_pk = link.other_id if back == str(link.other_id) else link.accused_id
    if form.is_valid():
        try:
            networks.decide(
                request.user,
                link,
                form.cleaned_data["decision"] == "confirm",
                form.cleaned_data["reason"],
            )
        except EditConflict:
            messages.error(request, EDIT_CONFLICT)
        else:
            messages.success(request, _("Decision saved."))
    else:
        messages.error(request, _("Choose linked or not linked, and say why."))
    return redirect("justice:accused", accused_pk)


@login_required
def proceeds_detail(request, pk):
    proceeds = queries.get_proceeds_for_user(request.user, pk)
    log.record_view(proceeds)
    may_change = queries.proceeds_of(request.user, proceeds.case, "change").filter(pk=pk).exists()
    form, saved = edit_on_page(
        request,
        proceeds.case,
        ProceedsForm(request.POST or None, instance=proceeds, case=proceeds.case)
        if may_change
        else None,
        lambda record, version: workflow.save_proceeds(
            request.user, proceeds.case, record, expected_version=version
        ),
    )
    return saved or render(request, "justice/proceeds.html", {"proceeds": proceeds, "form": form})
