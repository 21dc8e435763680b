"""Agreements in an initiative's space (recording one, confirming or declining the other party's,
updating either) and the bank's open data."""

from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from directori.exporting import LICENCE_URL
from directori.models import Initiative

from .. import limits, mail, open_data
from ..forms.agreements import (
    AgreementForm,
    AgreementUpdateForm,
    partner_choices,
    partner_label,
    prefill_post,
)
from ..models import Agreement
from ..permissions import space_view

OPEN_DATA_MAX_AGE = 300  # seconds: agreements change seldom, and a confirmation shows within minutes


def _agreements_of(initiative):
    return Agreement.objects.filter(Q(proposer=initiative) | Q(partner=initiative)).select_related(
        "proposer", "partner", "post"
    )


@space_view()
def agreements(request, initiative):
    """The initiative's agreements; those it is asked to confirm first."""
    found = list(_agreements_of(initiative))
    pending, others = [], []
    for agreement in found:
        (pending if agreement.awaits(initiative) else others).append(agreement)
    return render(
        request,
        "intercoop/space/agreements.html",
        {"initiative": initiative, "section": "agreements", "pending": pending, "agreements": others},
    )


@space_view()
def agreement_new(request, initiative):
    """Record an agreement: the other party's people get an e-mail to confirm it. More than
    limits.AGREEMENTS_PER_DAY a day from one account answers 429 (each one sends e-mails)."""
    if request.method == "POST" and limits.over_limit(
        Agreement.objects, "created_by", request.user, limits.AGREEMENTS_PER_DAY, limits.DAY
    ):
        context = {"initiative": initiative, "section": "agreements", "limit": limits.AGREEMENTS_PER_DAY}
        return render(request, "intercoop/space/agreement_limit.html", context, status=429)
    post = prefill_post(request.GET.get("publicacio") or request.POST.get("publicacio"))
    initial = {}
    if (slug := request.GET.get("amb")) and (partner := _live_partner(slug, initiative)):
        initial["partner_name"] = partner_label(partner)
    if post:
        initial.setdefault("what", post.title)
    form = AgreementForm(request.POST or None, initial=initial, initiative=initiative, post=post)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            agreement = form.save(request.user)
            _ask_to_confirm(agreement)
            messages.success(
                request, _("Agreement recorded. The other initiative will be asked to confirm it.")
            )
            return redirect("intercoop:agreement", slug=initiative.slug, pk=agreement.pk)
        status = 400
    return render(
        request,
        "intercoop/space/agreement_new.html",
        {
            "initiative": initiative,
            "section": "agreements",
            "form": form,
            "post": post,
            "choices": partner_choices(initiative),
        },
        status=status,
    )


def _live_partner(slug, initiative):
    return Initiative.objects.live().exclude(pk=initiative.pk).filter(slug=slug).first()


def _ask_to_confirm(agreement, changed=False):
    """E-mail the people of the party that must confirm (`Agreement.confirming_side`) in its space's
    language; with no people yet, its public e-mail (the link then leads to claiming the entry first).
    `changed`: the other party changed what was agreed after confirmation."""
    side = agreement.confirming_side
    partner = getattr(agreement, side)
    other = agreement.proposer if side == "partner" else agreement.partner
    language = mail.language_of(partner)
    recipients = mail.people_of(partner)
    claim = not recipients  # nobody acts for it yet: the link is to claim the entry, then confirm
    if claim and partner.email:
        recipients = [partner.email]
    if not recipients:
        return
    with translation.override(language):
        if claim:
            link = mail.absolute(reverse("intercoop:claim", kwargs={"slug": partner.slug}))
        else:
            link = mail.absolute(
                reverse("intercoop:agreement", kwargs={"slug": partner.slug, "pk": agreement.pk})
            )
    context = {"agreement": agreement, "by": other, "changed": changed, "link": link, "claim": claim}
    mail.send(recipients, language, "agreement_recorded", context)


@space_view()
def agreement_detail(request, initiative, pk):
    """Either party updates it and its own consent; only the party asked (`Agreement.awaits`: the
    other party, or the recorder after the other party changed it) confirms or declines, and only while
    unconfirmed."""
    agreement = get_object_or_404(_agreements_of(initiative), pk=pk)
    side = "proposer" if agreement.proposer_id == initiative.pk else "partner"
    may_confirm = agreement.awaits(initiative)
    form = AgreementUpdateForm(instance=agreement, side=side)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "update")
        if action in ("confirm", "decline"):
            if not may_confirm:
                return HttpResponseBadRequest(
                    _("Only the other initiative confirms or declines an agreement, once."),
                    content_type="text/plain; charset=utf-8",
                )
            if action == "confirm":
                agreement.confirmed_at = timezone.now()
                if request.POST.get("consents"):
                    setattr(agreement, f"{side}_consents", True)
                agreement.save()
                messages.success(request, _("Agreement confirmed. It now counts in the public figures."))
            else:
                agreement.status = Agreement.Status.CANCELLED
                agreement.save()
                messages.success(request, _("Agreement declined."))
            return redirect("intercoop:agreement", slug=initiative.slug, pk=agreement.pk)
        if action != "update":
            return HttpResponseBadRequest(_("Unknown action."), content_type="text/plain; charset=utf-8")
        form = AgreementUpdateForm(request.POST, instance=agreement, side=side)
        if form.is_valid():
            if form.save():
                _ask_to_confirm(agreement, changed=True)
                messages.success(
                    request, _("Agreement updated. The other initiative will be asked to confirm it again.")
                )
            else:
                messages.success(request, _("Agreement updated."))
            return redirect("intercoop:agreement", slug=initiative.slug, pk=agreement.pk)
        status = 400
    return render(
        request,
        "intercoop/space/agreement_detail.html",
        {
            "initiative": initiative,
            "section": "agreements",
            "agreement": agreement,
            "side": side,
            "other": agreement.partner if side == "proposer" else agreement.proposer,
            "may_confirm": may_confirm,
            "form": form,
        },
        status=status,
    )


def _open_data_headers():
    return {
        "Cache-Control": f"public, max-age={OPEN_DATA_MAX_AGE}",
        "Link": f'<{LICENCE_URL}>; rel="license"',
    }


@require_GET
def agreements_csv(request):
    response = HttpResponse(
        open_data.agreements_csv(), content_type="text/csv; charset=utf-8", headers=_open_data_headers()
    )
    response["Content-Disposition"] = 'attachment; filename="acords.csv"'
    return response


def _json(data, content_type):
    return HttpResponse(open_data.dumps(data), content_type=content_type, headers=_open_data_headers())


@require_GET
def agreements_jsonld(request):
    return _json(
        open_data.agreements_jsonld(request.build_absolute_uri), "application/ld+json; charset=utf-8"
    )


@require_GET
def murmurations(request):
    return _json(open_data.murmurations(request.build_absolute_uri), "application/json; charset=utf-8")


@require_GET
def valueflows(request):
    return _json(open_data.valueflows(request.build_absolute_uri), "application/ld+json; charset=utf-8")
