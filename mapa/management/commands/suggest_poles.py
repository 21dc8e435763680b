"""Propose local ESS economic poles from the data: groups of at least --min live initiatives, each
within --radius metres of another of the group (single linkage), measured in EPSG:25831 (metres).

Each proposal is an EconomicPole with status "suggested", its area the union of --radius/2 buffers
around its members, for staff to accept or dismiss in the admin (Mapa › Pols econòmics). A run
replaces the previous suggestions, and never proposes again an area that overlaps an accepted or
dismissed pole by half or more.
"""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

import geopandas as gpd
import shapely

from directori.models import District, Initiative, Neighbourhood
from mapa.models import EconomicPole

METRES = "EPSG:25831"
OVERLAP = 0.5


class Command(BaseCommand):
    help = "Suggest economic poles: clusters of at least --min initiatives within --radius metres."

    def add_arguments(self, parser):
        parser.add_argument("--min", type=int, default=8, help="Initiatives a cluster needs (default 8).")
        parser.add_argument(
            "--radius", type=float, default=250, help="Metres between neighbours (default 250)."
        )

    def handle(self, *args, min, radius, **options):
        if min < 2:
            raise CommandError("--min must be 2 or more: a pole gathers several initiatives")
        if not 10 <= radius <= 5000:
            raise CommandError("--radius must be between 10 and 5000 metres")
        rows = list(
            Initiative.objects.live()
            .exclude(latitude=None)
            .exclude(longitude=None)
            .values_list("pk", "longitude", "latitude", "district_id", "neighbourhood_id")
        )
        if not rows:
            raise CommandError("no live initiatives with a position: nothing to cluster")
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
        self.stdout.write(
            f"{len(suggestions)} poles suggested (clusters of {min} or more initiatives within {radius:g} m); "
            f"{skipped} left out because an accepted or dismissed pole covers them"
        )

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
