"""The mentoring programme's rules, in one place for the space, the admin, the public page and the seed:
who may volunteer or ask, a mentor's free capacity, the suggested mentors for a request (with the reason
in words), and the pairing's status transitions with the e-mails both sides get.

"Complementary" sectors are an explicit small table (COMPLEMENTARY_SECTORS, by sector slug): pairs of
sectors whose initiatives serve each other in the strategy's own networks (housing and its associated
services, food from field to shop, textiles in the circular economy, energy and mobility, ethical
finance for housing). A table of pairs is easy to read and to change; deriving it from shared tractor
projects would make a suggestion depend on how editors filled in pages.
"""

import math
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directori.models import District, Sector
from directori.selection import METRES_PER_DEGREE, distance_label

from . import mail
from .models import MentoringRequest, MentorOffer, Pairing, Topic
from .models.mentoring import is_starting
from .permissions import is_staff, table_sectors

COMPLEMENTARY_SECTORS = {
    frozenset(pair)
    for pair in [
        ("habitatge", "transicio-energetica"),
        ("habitatge", "cures"),
        ("habitatge", "finances-etiques"),
        ("agroecologia", "consum"),
        ("textil", "economia-circular"),
        ("consum", "economia-circular"),
        ("transicio-energetica", "mobilitat"),
    ]
}

# A suggestion's score: what matters most first. Topics are what a mentee asked for; sector and
# distance make meeting and understanding each other easier.
TOPIC_POINTS, SAME_SECTOR_POINTS, COMPLEMENTARY_POINTS = 3, 2, 1
NEAR_METRES, NEAR_POINTS, CLOSE_METRES, CLOSE_POINTS = 1000, 2, 3000, 1

OPEN_STATUSES = (Pairing.Status.REQUESTED, Pairing.Status.PAIRED, Pairing.Status.UNDER_WAY)


def is_consolidated(initiative):
    """Not founded in the last three years (or with no year): such an initiative may mentor, and asks
    for a mentor only by saying it is starting."""
    return not is_starting(initiative)


def topic_labels(topics):
    labels = dict(Topic.choices)
    return [str(labels[t]) for t in topics if t in labels]


def metres_between(a, b):
    """Metres between two initiatives' points (the directory's flat measure), None without both."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    across = METRES_PER_DEGREE * math.cos(math.radians((a.latitude + b.latitude) / 2))
    return math.hypot((a.latitude - b.latitude) * METRES_PER_DEGREE, (a.longitude - b.longitude) * across)


def mentors_with_load():
    """Available mentors, each with `load` (pairings not closed) and their initiative's sectors."""
    return (
        MentorOffer.objects.filter(active=True, initiative__archived_at__isnull=True)
        .select_related("initiative")
        .prefetch_related(Prefetch("initiative__sectors", queryset=Sector.objects.all()))
        .annotate(load=Count("pairings", filter=Q(pairings__status__in=OPEN_STATUSES)))
    )


def free_capacity(offer):
    """How many more mentees `offer` can take now."""
    load = getattr(offer, "load", None)
    if load is None:
        load = offer.pairings.filter(status__in=OPEN_STATUSES).count()
    return max(offer.capacity - load, 0)


@dataclass
class Suggestion:
    mentor: MentorOffer
    score: int
    distance: float | None
    free: int
    reasons: list = field(default_factory=list)

    @property
    def reason(self):
        return "; ".join(self.reasons)


def suggest(request, mentors):
    """The mentors of `mentors` (from `mentors_with_load`) that could take `request`, best first:
    by score (topics in common, same or complementary sector, distance), then more free places, then
    nearer. Full mentors and the request's own initiative are left out."""
    mentee = request.initiative
    mentee_sectors = {s.slug: s for s in mentee.sectors.all()}
    suggestions = []
    for offer in mentors:
        free = free_capacity(offer)
        if free == 0 or offer.initiative_id == mentee.pk:
            continue
        score, reasons = 0, []
        common = [t for t in request.topics if t in offer.topics]
        if common:
            score += TOPIC_POINTS * len(common)
            reasons.append(
                ngettext(
                    "%(count)s topic in common: %(topics)s",
                    "%(count)s topics in common: %(topics)s",
                    len(common),
                )
                % {"count": len(common), "topics": ", ".join(topic_labels(common))}
            )
        mentor_sectors = {s.slug: s for s in offer.initiative.sectors.all()}
        same = [mentee_sectors[slug] for slug in mentee_sectors if slug in mentor_sectors]
        pairs = [
            (mentor_sectors[m], mentee_sectors[s])
            for m in mentor_sectors
            for s in mentee_sectors
            if frozenset((m, s)) in COMPLEMENTARY_SECTORS
        ]
        if same:
            score += SAME_SECTOR_POINTS
            reasons.append(_("same sector: %(sectors)s") % {"sectors": ", ".join(s.label for s in same)})
        elif pairs:
            score += COMPLEMENTARY_POINTS
            reasons.append(
                _("complementary sectors: %(pairs)s")
                % {"pairs": ", ".join(f"{a.label} ↔ {b.label}" for a, b in pairs)}
            )
        distance = metres_between(offer.initiative, mentee)
        if distance is not None:
            score += (
                NEAR_POINTS if distance <= NEAR_METRES else CLOSE_POINTS if distance <= CLOSE_METRES else 0
            )
            reasons.append(_("%(distance)s away") % {"distance": distance_label(distance)})
        reasons.append(ngettext("%(count)s free place", "%(count)s free places", free) % {"count": free})
        suggestions.append(Suggestion(offer, score, distance, free, reasons))
    suggestions.sort(
        key=lambda s: (-s.score, -s.free, s.distance if s.distance is not None else math.inf, s.mentor.pk)
    )
    return suggestions


def posted_pk(value):
    """A posted id, or 0 (which matches nothing: a 404) when it is not a number."""
    return int(value) if value and value.isdigit() else 0


def open_requests():
    """Requests not withdrawn and not yet paired (a declined pairing leaves its request open again)."""
    return MentoringRequest.objects.filter(
        withdrawn_at__isnull=True, initiative__archived_at__isnull=True, pairings__isnull=True
    )


def may_pair(user):
    """Staff, and a sector table's members (for their table's sector)."""
    return user.is_authenticated and user.is_active and (is_staff(user) or table_sectors(user).exists())


def in_scope(queryset, user, *initiative_paths):
    """`queryset` narrowed to what `user` may see in the admin: everything for staff; for a table
    member, the rows where any of the initiatives at `initiative_paths` is in their table's sector."""
    if is_staff(user):
        return queryset
    sectors = table_sectors(user)
    condition = Q()
    for path in initiative_paths:
        condition |= Q(**{f"{path}__sectors__in": sectors})
    return queryset.filter(condition).distinct()


def sides(pairing, initiative):
    """Which side `initiative` is on in `pairing`: "mentor", "mentee" or None."""
    if pairing.mentor.initiative_id == initiative.pk:
        return "mentor"
    if pairing.request.initiative_id == initiative.pk:
        return "mentee"
    return None


def pairings_of(initiative):
    """The pairings `initiative` is in, on either side, with what the space shows."""
    return (
        Pairing.objects.filter(Q(mentor__initiative=initiative) | Q(request__initiative=initiative))
        .select_related("mentor__initiative", "request__initiative")
        .prefetch_related("meetings")
    )


@transaction.atomic
def make_pairing(request, offer, user):
    """A pairing proposed to the mentor by staff or a table member (status "requested")."""
    request = MentoringRequest.objects.select_for_update().get(pk=request.pk)
    if request.withdrawn_at or request.pairings.exists():
        raise ValidationError(_("This request is no longer open."))
    if offer.initiative_id == request.initiative_id:
        raise ValidationError(_("An initiative cannot mentor itself."))
    if not offer.active or free_capacity(offer) == 0:
        raise ValidationError(_("This mentor has no free places."))
    pairing = Pairing.objects.create(mentor=offer, request=request, paired_by=user)
    notify(pairing)
    return pairing


@transaction.atomic
def accept(pairing):
    _move(pairing, Pairing.Status.REQUESTED, Pairing.Status.PAIRED)


@transaction.atomic
def decline(pairing):
    """The mentor says no: the pairing goes, and the request is open for another mentor."""
    if pairing.status != Pairing.Status.REQUESTED:
        raise ValidationError(_("Only a proposed pairing can be declined."))
    notify(pairing, declined=True)
    pairing.delete()


@transaction.atomic
def log_meeting(pairing, meeting):
    """Save `meeting` (unsaved, of `pairing`); the first one puts a paired pairing under way."""
    if pairing.status not in (Pairing.Status.PAIRED, Pairing.Status.UNDER_WAY):
        raise ValidationError(_("Meetings are logged once the mentor has accepted, until it closes."))
    meeting.pairing = pairing
    meeting.save()
    if pairing.status == Pairing.Status.PAIRED:
        _move(pairing, Pairing.Status.PAIRED, Pairing.Status.UNDER_WAY)


@transaction.atomic
def close(pairing, score, text):
    if pairing.status != Pairing.Status.UNDER_WAY:
        raise ValidationError(_("A pairing closes once it is under way."))
    pairing.survey_score, pairing.survey_text, pairing.closed_at = score, text, timezone.now()
    _move(pairing, Pairing.Status.UNDER_WAY, Pairing.Status.CLOSED)


def _move(pairing, source, target):
    if pairing.status != source:
        raise ValidationError(_("This pairing has already changed; reload the page."))
    pairing.status = target
    pairing.save()
    notify(pairing)


def notify(pairing, declined=False):
    """Both sides' people, each side in its space's language, learn where the pairing stands."""
    for initiative, side in ((pairing.mentor.initiative, "mentor"), (pairing.request.initiative, "mentee")):
        addresses = mail.people_of(initiative)
        if not addresses:
            continue
        language = mail.language_of(initiative)
        with translation.override(language):
            space_url = mail.absolute(reverse("intercoop:space_mentoring", args=[initiative.slug]))
        context = {"pairing": pairing, "side": side, "declined": declined, "space_url": space_url}
        mail.send(addresses, language, "mentoring_status", context)


def public_counts():
    """Per sector and per district: requests (not withdrawn), pairings under way, closed pairings, as
    rows (term, requests, under_way, closed) sorted by name; terms with nothing are left out."""
    from core.collation import sorted_by_name

    tables = {}
    for key, label_path in (("sector", "initiative__sectors"), ("district", "initiative__district")):
        counts = {}
        requests = MentoringRequest.objects.filter(
            withdrawn_at__isnull=True, initiative__archived_at__isnull=True
        )
        for row in requests.values(label_path).annotate(n=Count("pk", distinct=True)):
            counts.setdefault(row[label_path], [0, 0, 0])[0] = row["n"]
        pairings = Pairing.objects.filter(status__in=(Pairing.Status.UNDER_WAY, Pairing.Status.CLOSED))
        for row in pairings.values(f"request__{label_path}", "status").annotate(n=Count("pk", distinct=True)):
            column = 1 if row["status"] == Pairing.Status.UNDER_WAY else 2
            counts.setdefault(row[f"request__{label_path}"], [0, 0, 0])[column] = row["n"]
        terms = (Sector.objects if key == "sector" else District.objects.defer("geometry")).in_bulk(
            [pk for pk in counts if pk is not None]
        )
        rows = [(terms[pk], *counts[pk]) for pk in terms]
        tables[key] = sorted_by_name(rows, key=lambda row: row[0].label)
    return tables
