"""Propose local ESS economic poles from the data: groups of at least --min live initiatives, each
within --radius metres of another of the group (single linkage), measured in EPSG:25831 (metres).

Each proposal is an EconomicPole with status "suggested", its area the union of --radius/2 buffers
around its members, for staff to accept or dismiss in the admin (Mapa › Pols econòmics). A run
replaces the previous suggestions, and never proposes again an area that overlaps an accepted or
dismissed pole by half or more.
"""

from collections import Counter

from django.core.management.base import CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

import geopandas as gpd
import shapely

from core.management.base import LocalizedCommand
from directori.models import District, Initiative, Neighbourhood
from mapa.models import EconomicPole

METRES = "EPSG:25831"
OVERLAP = 0.5


class Command(LocalizedCommand):
    help = gettext_lazy(
        "Suggest economic poles: clusters of at least --min initiatives within --radius metres."
    )

    def add_arguments(self, parser):
        parser.add_argument("--min", type=int, default=8, help=_("Initiatives a cluster needs (default 8)."))
        parser.add_argument(
            "--radius", type=float, default=250, help=_("Metres between neighbours (default 250).")
        )

    def handle(self, *args, min, radius, **options):
        if min < 2:
            raise CommandError(_("--min must be 2 or more: a pole gathers several initiatives"))
        if not 10 <= radius <= 5000:
            raise CommandError(_("--radius must be between 10 and 5000 metres"))
        rows = list(
            Initiative.objects.live()
            .exclude(latitude=None)
            .exclude(longitude=None)
            .values_list("pk", "longitude", "latitude", "district_id", "neighbourhood_id")
        )
        if not rows:
            raise CommandError(_("no live initiatives with a position: nothing to cluster"))
        points = gpd.GeoSeries(
            gpd.points_from_xy([r[1] for r in rows], [r[2] for r in rows]), crs="EPSG:4326"
        )
        metric = points.to_crs(METRES)
        blobs = shapely.get_parts(shapely.union_all(metric.buffer(radius / 2).values))
        tree = shapely.STRtree(metric.values)
        kept = gpd.GeoSeries(
            [
                s
                for p in EconomicPole.objects.exclude(status=EconomicPole.Status.SUGGESTED)
                if (s := p.shape()) is not None
            ],
            crs="EPSG:4326",
        ).to_crs(METRES)
        suggestions, skipped = [], 0
        for blob in blobs:
            members = tree.query(blob, predicate="contains")
            if len(members) < min:
                continue
            if any(blob.intersection(other).area >= OVERLAP * blob.area for other in kept.values):
                skipped += 1
                continue
            suggestions.append((blob, [rows[i] for i in members]))
        with transaction.atomic():
            EconomicPole.objects.filter(status=EconomicPole.Status.SUGGESTED).delete()
            for blob, members in suggestions:
                self._save(blob, members, radius)
        suggested = ngettext(
            "%(count)s pole suggested (clusters of %(min)s or more initiatives within %(radius)s m)",
            "%(count)s poles suggested (clusters of %(min)s or more initiatives within %(radius)s m)",
            len(suggestions),
        ) % {"count": len(suggestions), "min": min, "radius": f"{radius:g}"}
        left_out = ngettext(
            "%(count)s left out because an accepted or dismissed pole covers it",
            "%(count)s left out because an accepted or dismissed pole covers them",
            skipped,
        ) % {"count": skipped}
        self.stdout.write(f"{suggested}; {left_out}")

    def _save(self, blob, members, radius):
        district_id = Counter(m[3] for m in members if m[3]).most_common(1)
        neighbourhood_id = Counter(m[4] for m in members if m[4]).most_common(1)
        if not district_id:
            return  # a cluster outside the city's districts
        place = (
            Neighbourhood.objects.filter(pk=neighbourhood_id[0][0]).values_list("name", flat=True).first()
            if neighbourhood_id
            else None
        )
        area = gpd.GeoSeries([blob], crs=METRES).to_crs("EPSG:4326").iloc[0]
        pole = EconomicPole.objects.create(
            name=f"Pol suggerit: {place or District.objects.get(pk=district_id[0][0]).name}",
            district_id=district_id[0][0],
            area=area,
            status=EconomicPole.Status.SUGGESTED,
            description=f"{len(members)} iniciatives a menys de {radius:g} m l'una de l'altra.",
        )
        pole.members.set([m[0] for m in members])
