"""Mentoring on the public side: an initiative's space page (volunteer, ask, withdraw, its pairings and
their meetings) and the programme's public page (counts and listed mentors, nothing private)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.collation import sorted_by_name

from .. import mentoring
from ..forms.mentoring import MeetingForm, MentoringRequestForm, MentorOfferForm, SurveyForm
from ..models import MentoringRequest, MentorOffer
from ..permissions import space_view

ACTIONS = ("volunteer", "stop", "ask", "withdraw", "accept", "decline", "meeting", "close")


@require_http_methods(["GET", "POST"])
@space_view()
def space_mentoring(request, initiative):
    """One page, one form per action (the POST's `action`); a form with errors is shown again in place,
    the others as they were."""
    offer = MentorOffer.objects.filter(initiative=initiative).first()
    bound = {}
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in ACTIONS:
            return HttpResponseBadRequest(_("Unknown action."), content_type="text/plain; charset=utf-8")
        try:
            done = _act(request, initiative, offer, action, bound)
        except ValidationError as error:  # a rule refused it (e.g. the pairing changed meanwhile)
            done, bound["refused"] = None, " ".join(error.messages)
        if done:
            messages.success(request, done)
            return redirect("intercoop:space_mentoring", initiative.slug)
    pairings = list(mentoring.pairings_of(initiative))
    for pairing in pairings:
        pairing.side = mentoring.sides(pairing, initiative)
        pairing.topic_labels = mentoring.topic_labels(pairing.request.topics)
        pairing.meeting_form = bound.get(("meeting", pairing.pk)) or MeetingForm(
            prefix=f"meeting-{pairing.pk}"
        )
        pairing.survey_form = bound.get(("close", pairing.pk)) or SurveyForm(prefix=f"close-{pairing.pk}")
    context = {
        "initiative": initiative,
        "section": "mentoring",
        "offer": offer,
        "offer_form": bound.get("volunteer")
        or MentorOfferForm(instance=offer if offer and offer.active else None, initiative=initiative),
        "may_volunteer": mentoring.is_consolidated(initiative),
        "free": mentoring.free_capacity(offer) if offer else 0,
        "requests": initiative.mentoring_requests.filter(withdrawn_at__isnull=True).prefetch_related(
            "pairings"
        ),
        "request_form": bound.get("ask") or MentoringRequestForm(initiative=initiative),
        "must_say_starting": mentoring.is_consolidated(initiative),
        "pairings": pairings,
        "refused": bound.get("refused"),
    }
    status = 400 if bound else 200
    return render(request, "intercoop/space/mentoring.html", context, status=status)


def _act(request, initiative, offer, action, bound):
    """Do `action`; the success message, or None with the failed form in `bound`."""
    data = request.POST
    if action == "volunteer":
        form = MentorOfferForm(data, instance=offer, initiative=initiative)
        if form.is_valid():
            form.instance.initiative, form.instance.active = initiative, True
            form.save()
            return _("Your initiative is a mentor of the programme.")
        bound["volunteer"] = form
        return None
    if action == "stop":
        if offer is None or not offer.active:
            raise Http404
        offer.active = False
        offer.save(update_fields=["active"])
        return _("Your initiative is no longer offered as a mentor. Its pairings go on until they close.")
    if action == "ask":
        form = MentoringRequestForm(data, initiative=initiative)
        if form.is_valid() and mentoring.open_requests().filter(initiative=initiative).exists():
            form.add_error(None, _("Your initiative already has an open request: withdraw it to ask again."))
        elif form.is_valid():
            form.instance.initiative = initiative
            form.save()
            return _("Your request has been sent. The programme's team will propose a mentor.")
        bound["ask"] = form
        return None
    if action == "withdraw":
        asked = get_object_or_404(
            MentoringRequest,
            pk=mentoring.posted_pk(data.get("request")),
            initiative=initiative,
            withdrawn_at__isnull=True,
        )
        if asked.pairings.exists():
            raise ValidationError(
                _("A request with a pairing cannot be withdrawn: close the pairing instead.")
            )
        asked.withdrawn_at = timezone.now()
        asked.save(update_fields=["withdrawn_at"])
        return _("Your request has been withdrawn.")
    pairing = get_object_or_404(
        mentoring.pairings_of(initiative), pk=mentoring.posted_pk(data.get("pairing"))
    )
    side = mentoring.sides(pairing, initiative)
    if action in ("accept", "decline"):
        if side != "mentor":
            raise Http404
        if action == "accept":
            mentoring.accept(pairing)
            return _("You have accepted the pairing.")
        mentoring.decline(pairing)
        return _("You have declined the pairing.")
    if action == "meeting":
        form = MeetingForm(data, prefix=f"meeting-{pairing.pk}")
        if form.is_valid():
            mentoring.log_meeting(pairing, form.instance)
            return _("The meeting has been logged.")
        bound[("meeting", pairing.pk)] = form
        return None
    form = SurveyForm(data, prefix=f"close-{pairing.pk}")
    if form.is_valid():
        mentoring.close(pairing, form.cleaned_data["score"], form.cleaned_data["text"])
        return _("The pairing is closed. Thank you for your answers.")
    bound[("close", pairing.pk)] = form
    return None


def public_mentoring(request):
    """The programme: what it is, counts per sector and district, and the mentors who chose to be
    listed. Never a note, a survey answer, or an unlisted mentor."""
    listed = sorted_by_name(
        MentorOffer.objects.filter(
            listed=True, active=True, initiative__live=True, initiative__archived_at__isnull=True
        ).select_related("initiative"),
        key=lambda offer: offer.initiative.name,
    )
    for offer in listed:
        offer.topic_labels = mentoring.topic_labels(offer.topics)
    counts = mentoring.public_counts()
    return render(
        request,
        "intercoop/mentoring.html",
        {
            "mentors": listed,
            "tables": [
                (
                    _("By sector"),
                    _("Sector"),
                    counts["sector"],
                    _("Mentoring per sector of the initiative asking"),
                ),
                (
                    _("By district"),
                    _("District"),
                    counts["district"],
                    _("Mentoring per district of the initiative asking"),
                ),
            ],
        },
    )
