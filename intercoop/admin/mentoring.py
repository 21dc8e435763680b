"""The mentoring programme in the Wagtail admin ("Mentoria"), for staff and sector tables' dynamisation
teams: open requests with their suggested mentors (and why), "Make the pairing", and the pairings with
their status. A table member sees only what involves an initiative of their table's sector, and never a
meeting's notes (those are the pair's and staff's)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.catalan import in_catalan
from directori.models import Sector

from .. import mentoring
from ..models import MentoringRequest, MentorOffer, Pairing
from ..permissions import is_staff


def _allowed(user):
    if not mentoring.may_pair(user):
        raise Http404


def index(request):
    _allowed(request.user)
    requests = mentoring.in_scope(mentoring.open_requests(), request.user, "initiative").select_related(
        "initiative"
    )
    requests = requests.prefetch_related(Prefetch("initiative__sectors", queryset=Sector.objects.all()))
    mentors = list(mentoring.mentors_with_load())
    for asked in requests:
        asked.topic_labels = mentoring.topic_labels(asked.topics)
        asked.suggestions = mentoring.suggest(asked, mentors)
    pairings = mentoring.in_scope(
        Pairing.objects.select_related("mentor__initiative", "request__initiative").prefetch_related(
            "meetings"
        ),
        request.user,
        "mentor__initiative",
        "request__initiative",
    )
    context = {"requests": requests, "pairings": pairings, "show_notes": is_staff(request.user)}
    return render(request, "intercoop/admin/mentoring.html", context)


@require_POST
def make_pairing(request):
    _allowed(request.user)
    asked = get_object_or_404(
        mentoring.in_scope(MentoringRequest.objects.all(), request.user, "initiative"),
        pk=mentoring.posted_pk(request.POST.get("request")),
    )
    offer = get_object_or_404(MentorOffer, pk=mentoring.posted_pk(request.POST.get("mentor")))
    try:
        mentoring.make_pairing(asked, offer, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            in_catalan(
                _("Pairing proposed to %(mentor)s for %(mentee)s.")
                % {"mentor": offer.initiative.name, "mentee": asked.initiative.name}
            ),
        )
    return redirect("intercoop_mentoring")


@hooks.register("register_admin_urls")
def register_mentoring_urls():
    return [
        path("mentoria/", index, name="intercoop_mentoring"),
        path("mentoria/aparella/", make_pairing, name="intercoop_mentoring_pair"),
    ]


class MentoringMenuItem(MenuItem):
    def is_shown(self, request):
        return mentoring.may_pair(request.user)


@hooks.register("register_admin_menu_item")
def register_mentoring_menu_item():
    return MentoringMenuItem(
        gettext_lazy("Mentoring"), reverse("intercoop_mentoring"), icon_name="group", order=260
    )
