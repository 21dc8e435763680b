"""Matching speed (`manage.py bench --only intercoop`): `matches_for` on a bank of 1,000 and 10,000
synthetic posts spread over the demo's live initiatives, kinds and sectors, inside a transaction that is
rolled back (the posts never stay). Its cost should barely grow with the bank: one query, whose
candidates are capped at `MAX_CANDIDATES` before Python scores them."""

import statistics
import time
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import numpy as np

MAX_SIZE = 10_000  # of the sizes asked for (make bench: 1k to 1M), those up to this one
SAMPLE = 50


def run(command, sizes):
    from directori.models import Initiative, Sector

    from .matching import matches_for
    from .models import Post

    initiatives = list(Initiative.objects.filter(live=True).values_list("pk", flat=True)[:500])
    sectors = list(Sector.objects.values_list("pk", flat=True))
    if len(initiatives) < 2 or not sectors:
        command.stdout.write(_("matching: needs seed_demo's initiatives and sectors"))
        return
    command.stdout.write(_("matching: matches_for in ms (p50 / p95 of 50 posts)"))
    command.stdout.write(f"{'posts':>8} {'p50':>7} {'p95':>7}")
    rng = np.random.default_rng(17)
    with transaction.atomic():
        created = 0
        for size in sorted(s for s in sizes if s <= MAX_SIZE):
            _add_posts(Post, size - created, created, rng, initiatives, sectors)
            created = size
            with connection.cursor() as cursor:
                # Fresh planner statistics, as autovacuum would give a real bank (search/bench.py).
                cursor.execute("ANALYZE")
            sample = Post.objects.select_related("initiative__family").order_by("?")[:SAMPLE]
            times = []
            for post in sample:
                start = time.perf_counter()
                matches_for(post)
                times.append((time.perf_counter() - start) * 1000)
            p95 = statistics.quantiles(times, n=20)[-1]
            command.stdout.write(f"{size:>8} {statistics.median(times):>7.1f} {p95:>7.1f}")
        transaction.set_rollback(True)


def _add_posts(Post, count, start, rng, initiatives, sectors):
    kinds, directions = Post.Kind.values, Post.Direction.values
    until = timezone.localdate() + timedelta(days=60)
    posts = Post.objects.bulk_create(
        Post(
            initiative_id=int(rng.choice(initiatives)),
            direction=directions[int(rng.integers(2))],
            kind=kinds[int(rng.integers(len(kinds)))],
            title=f"Bench {start + i}",
            slug=f"bench-{start + i}",
            description="",
            valid_until=until,
        )
        for i in range(count)
    )
    through = Post.sectors.through
    through.objects.bulk_create(
        through(post_id=post.pk, sector_id=int(sector))
        for post in posts
        for sector in rng.choice(sectors, size=int(rng.integers(0, 3)), replace=False)
    )
