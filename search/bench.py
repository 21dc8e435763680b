"""Search latency at 1k, 10k and 100k live initiatives beside the seeded pages, in ms (p50 / p95):
the search page and the autocomplete endpoint as the public calls them, then the backend alone, ours
against the stock Wagtail backend on the same index, for a common word (in 65% of initiatives) and a
rare one (1 in 1,000), and need queries read through the vocabulary of need words (a need widened to
its sector, a need with a neighbourhood, a Spanish phrase). Runs inside a transaction that is rolled
back."""

import time
from urllib.parse import urlencode

from django.db import connection, transaction
from django.test import Client
from django.utils.translation import gettext as _

from wagtail.search.backends import get_search_backend

import numpy as np

from directori.bench import add_synthetic, timings
from directori.importing import update_search_index
from directori.models import District, EssFamily, Initiative, Sector
from directori.vocabulary import seed_need_words

COMMON, RARE = "cooperativa", "xarxaire"
# (label, query): need words, as the public types them; the search page reads them with the vocabulary.
NEED_QUERIES = [("need", "fruita"), ("place", "fruita Sants"), ("es", "finanzas éticas")]
STOCK_REQUESTS = 3
STOCK_LIMIT = 10_000  # the stock SQLite backend is quadratic in matches: minutes beyond this


def _stock_backend():
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend({})
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return PostgresSearchBackend({"SEARCH_CONFIG": "catalan_unaccent"})


def _backend_timings(backend, query, requests, autocomplete=False):
    """p50 / p95 ms of the first 20 results and the count, through the backend alone."""
    run = backend.autocomplete if autocomplete else backend.search
    times = []
    for _request in range(requests + 1):
        start = time.perf_counter()
        results = run(query, Initiative.objects.live())
        list(results[:20])
        results.count()
        times.append((time.perf_counter() - start) * 1000)
    times = times[1:]  # warm-up
    return float(np.percentile(times, 50)), float(np.percentile(times, 95))


def _describe(ids):
    """Give the synthetic initiatives text: the common word in 65%, the rare one in 1 of 1,000."""
    objects = list(Initiative.objects.filter(pk__in=ids).only("pk", "description"))
    for n, initiative in enumerate(objects):
        words = ["Iniciativa", "de", "barri"]
        if n % 20 < 13:
            words.append(COMMON)
        if n % 1000 == 7:
            words.append(RARE)
        initiative.description = f"<p>{' '.join(words)}</p>"
    Initiative.objects.bulk_update(objects, ["description"], batch_size=2000)
    for start in range(0, len(ids), 5000):
        update_search_index(ids[start : start + 5000])


def run(command, sizes):
    if not District.objects.exists() or not EssFamily.objects.exists():
        command.stdout.write(_("search: needs boundaries and seed_demo's families and sectors"))
        return
    client = Client(HTTP_HOST="127.0.0.1")
    ours, stock = get_search_backend(), _stock_backend()
    command.stdout.write(
        _(
            "search on %(vendor)s: ms p50 / p95; page = /ca/cerca/ with facets, suggest = /ca/cerca/suggeriments/"
        )
        % {"vendor": connection.vendor}
    )
    command.stdout.write(
        f"{'initiatives':>11} {'term':>6} {'page':>13} {'backend':>13} {'stock backend':>15} {'stock/ours':>10}"
    )
    rng = np.random.default_rng(7)
    families, sectors = list(EssFamily.objects.all()), list(Sector.objects.all())
    with transaction.atomic():
        seed_need_words()  # the vocabulary the page reads (already there after seed_demo)
        for size in sorted(s for s in sizes if s <= 100_000):
            before = set(Initiative.objects.filter(source="bench").values_list("pk", flat=True))
            add_synthetic(
                Initiative, max(size - Initiative.objects.live().count(), 0), rng, families, sectors
            )
            new = sorted(set(Initiative.objects.filter(source="bench").values_list("pk", flat=True)) - before)
            _describe(new)
            with connection.cursor() as cursor:
                # Fresh planner statistics, as autovacuum would give a real import (PostgreSQL plans
                # the rolled-back synthetic rows badly without them).
                cursor.execute("ANALYZE")
            for label, query, autocomplete in (
                ("common", COMMON, False),
                ("rare", RARE, False),
                ("suggest", COMMON[:5], True),
                *((label, query, False) for label, query in NEED_QUERIES),
            ):
                url = "/ca/cerca/suggeriments/" if autocomplete else "/ca/cerca/"
                page = timings(client, f"{url}?{urlencode({'q': query})}", 20)
                mine = _backend_timings(ours, query, 20, autocomplete)
                if size <= STOCK_LIMIT:
                    theirs = _backend_timings(stock, query, STOCK_REQUESTS, autocomplete)
                    stock_text = f"{theirs[0]:>7.1f}/{theirs[1]:<7.1f}"
                    ratio = f"{theirs[0] / mine[0]:>10.1f}"
                else:
                    stock_text, ratio = f"{'(skipped)':>15}", f"{'':>10}"
                command.stdout.write(
                    f"{size:>11} {label:>6} {page[0]:>6.1f}/{page[1]:<6.1f} {mine[0]:>6.1f}/{mine[1]:<6.1f} "
                    f"{stock_text} {ratio}"
                )
        transaction.set_rollback(True)
    command.stdout.write(
        _(
            "(the seeded live initiatives and pages count towards each size; the stock backend is not run "
            "beyond %(limit)s initiatives)"
        )
        % {"limit": f"{STOCK_LIMIT:,}"}
    )
