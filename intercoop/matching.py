"""Which listed posts could answer a post: a need's offers, an offer's needs (issue 17, point 3).

The candidates are prefiltered in SQL, in one query whatever their number: the other direction, listed,
from another initiative, and of the same kind or sharing a sector with the post; at most
`MAX_CANDIDATES` of them, those of the same kind and with the most shared sectors first. They are then
scored in Python, where the distance and the families are cheap to weigh, and the best `SHOWN` are kept.

The weights, and why:

- `SAME_KIND` (8): a need for a space is answered by an offer of a space. It is the strongest reason,
  and still only one of several: a same-sector offer of another kind may be the better partner.
- `PER_SHARED_SECTOR` (3, counted up to `MAX_SHARED_SECTORS`): initiatives of the same sector speak the
  same language, and a sector table can follow their collaboration.
- `NEARBY` (up to 4): close initiatives collaborate more easily. With both initiatives' points it falls
  linearly from 4 at 0 m to 0 at `FAR` (8 km, across the city); without them, the posts' areas:
  same neighbourhood 3, same district 2, one of them for the whole city 1, different districts 0.
- `DIVERSITY` (4): initiatives of different ESS families (a co-operative with an association) is the
  intercooperation the strategy asks for (goal 3.2), so it weighs as much as being next door.

Each match carries its reason in words, in the active language ("mateix sector, 800 m, cooperativa ↔
associació").
"""

import math
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext, ngettext

from directori.selection import distance_label

from .models import Post

SAME_KIND = 8
PER_SHARED_SECTOR = 3
MAX_SHARED_SECTORS = 3
NEARBY = 4
DIVERSITY = 4
FAR = 8000  # metres
SAME_NEIGHBOURHOOD, SAME_DISTRICT, WHOLE_CITY = 3, 2, 1

MAX_CANDIDATES = 200
SHOWN = 10
EARTH_RADIUS = 6_371_000  # metres


@dataclass
class Match:
    post: Post
    score: float
    reason: str


def haversine(lat1, lon1, lat2, lon2):
    """Metres between two points on the Earth's surface (WGS84 degrees)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS * math.asin(math.sqrt(a))


def candidates(post):
    """The listed posts that could answer `post`, in one query: the other direction, another
    initiative, the same kind or a shared sector; each with `shared_sectors` (a count), best first."""
    through = Post.sectors.through
    own_sectors = through.objects.filter(post_id=post.pk).values("sector_id")
    shared = (
        through.objects.filter(post_id=OuterRef("pk"), sector_id__in=own_sectors)
        .values("post_id")
        .annotate(n=Count("*"))
        .values("n")
    )
    opposite = Post.Direction.NEED if post.direction == Post.Direction.OFFER else Post.Direction.OFFER
    return (
        Post.objects.listed()
        .filter(direction=opposite)
        .exclude(initiative_id=post.initiative_id)
        .filter(
            Q(kind=post.kind) | Q(pk__in=through.objects.filter(sector_id__in=own_sectors).values("post_id"))
        )
        .annotate(
            shared_sectors=Coalesce(Subquery(shared, output_field=IntegerField()), Value(0)),
            same_kind=Case(
                When(kind=post.kind, then=Value(1)), default=Value(0), output_field=IntegerField()
            ),
        )
        .select_related("initiative__family")
        .only(
            "slug",
            "title",
            "kind",
            "direction",
            "district_id",
            "neighbourhood_id",
            "initiative__slug",
            "initiative__name",
            "initiative__latitude",
            "initiative__longitude",
            "initiative__family__name",
            "initiative__family__name_es",
            "initiative__family__name_en",
        )
        .order_by("-same_kind", "-shared_sectors", "-created_at", "pk")[:MAX_CANDIDATES]
    )


def matches_for(post, limit=SHOWN):
    """The best `limit` answers to `post` (a listed post whose initiative and family are loaded), each
    a `Match` with its score and its reason in the active language; ties go to the newest."""
    scored = [_score(post, candidate) for candidate in candidates(post)]
    scored.sort(key=lambda match: -match.score)  # stable: the SQL order breaks ties
    return scored[:limit]


def _score(post, candidate):
    score, reasons = 0.0, []
    if candidate.kind == post.kind:
        score += SAME_KIND
    shared = candidate.shared_sectors
    if shared:
        score += PER_SHARED_SECTOR * min(shared, MAX_SHARED_SECTORS)
        if shared == 1:
            reasons.append(gettext("same sector"))
        else:
            reasons.append(
                ngettext("%(count)d sector in common", "%(count)d sectors in common", shared)
                % {"count": shared}
            )
    nearby, where = _nearness(post, candidate)
    score += nearby
    if where:
        reasons.append(where)
    mine, theirs = post.initiative.family, candidate.initiative.family
    if mine and theirs and mine.pk != theirs.pk:
        score += DIVERSITY
        reasons.append(f"{_lower_first(mine.label)} ↔ {_lower_first(theirs.label)}")
    if not reasons:
        reasons.append(gettext("same kind"))
    return Match(candidate, score, ", ".join(reasons))


def _nearness(post, candidate):
    """Points for being near, and how near in words: the initiatives' distance when both have a point,
    else how the posts' areas relate."""
    one, other = post.initiative, candidate.initiative
    if one.has_point and other.has_point:
        metres = haversine(one.latitude, one.longitude, other.latitude, other.longitude)
        return NEARBY * max(0.0, 1 - metres / FAR), distance_label(metres)
    if post.neighbourhood_id and post.neighbourhood_id == candidate.neighbourhood_id:
        return SAME_NEIGHBOURHOOD, gettext("same neighbourhood")
    if post.district_id and post.district_id == candidate.district_id:
        return SAME_DISTRICT, gettext("same district")
    if not post.district_id or not candidate.district_id:
        return WHOLE_CITY, gettext("whole city")
    return 0, ""


def _lower_first(label):
    """ "Cooperativa de treball" reads "cooperativa de treball" inside a sentence."""
    return label[:1].lower() + label[1:]
