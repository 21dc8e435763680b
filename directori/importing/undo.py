"""Undoing an import: every initiative it wrote is put back as it was, from the revisions recorded."""

from django.db import models
from django.utils import timezone

from wagtail.models import Revision

from ..models import Initiative
from ..placement import place_initiatives
from .bulk import BATCH, CHUNK, save_revisions, update_indexes, update_rows, update_search_index
from .mapping import SCALAR_FIELDS
from .writing import lock_source

# What an import may have changed, put back from the revision before it: every field it writes but
# the external id (with the source, the key it found the initiative by), the point, and live.
UNDONE_FIELDS = (*(name for name in SCALAR_FIELDS if name != "external_id"), "latitude", "longitude", "live")


def undo_import(job, progress=None):
    """Put every initiative an import wrote back as it was: those it created are archived, those it
    changed get their revision from before it back (as data, and as a new revision), drafts it added
    are dropped. A row edited after the import is left alone and counted. Returns the counts."""
    counts = {"restored": 0, "archived": 0, "skipped": 0}
    lock_source(job.source)
    rows = list(
        job.rows.values_list(
            "initiative_id", "created", "drafted", "was_live", "previous_revision_id", "revision_id"
        )
    )
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        current = Initiative.objects.in_bulk([r[0] for r in chunk])
        previous = Revision.objects.in_bulk([r[4] for r in chunk if r[4]])
        created, restored, dropped_drafts = [], [], []
        for initiative_id, was_created, drafted, was_live, previous_id, revision_id in chunk:
            initiative = current.get(initiative_id)
            if initiative is None or initiative.latest_revision_id != revision_id:
                counts["skipped"] += 1
            elif was_created:
                created.append(initiative_id)
            elif drafted:
                dropped_drafts.append(initiative)
            elif previous_id in previous:
                restored.append(initiative.with_content_json(previous[previous_id].content))
                restored[-1].live = was_live
            else:
                counts["skipped"] += 1
        now = timezone.now()
        Initiative.objects.filter(pk__in=created, archived_at=None).update(
            live_before_archive=models.F("live"), live=False, archived_at=now, updated_at=now
        )
        for initiative in restored:
            initiative.updated_at = now
            initiative.refresh_search_text()
        update_rows(restored, [*UNDONE_FIELDS, "updated_at", "search_text"])
        for name, through, column in (
            ("sectors", Initiative.sectors.through, "sector_id"),
            ("tags", Initiative.tags.through, "layertag_id"),
        ):
            through.objects.filter(initiative_id__in=[i.pk for i in restored]).delete()
            through.objects.bulk_create(
                [
                    through(initiative_id=i.pk, **{column: pk})
                    for i in restored
                    for pk in (term.pk for term in getattr(i, name).all())
                ],
                batch_size=BATCH,
            )
        previous_of = {r[0]: r[4] for r in chunk}
        for initiative in dropped_drafts:  # the public version was never touched: drop the draft
            initiative.latest_revision_id = previous_of[initiative.pk]
            initiative.has_unpublished_changes = initiative.latest_revision_id not in (
                None,
                initiative.live_revision_id,
            )
        update_rows(dropped_drafts, ["latest_revision", "has_unpublished_changes"])
        ids = [i.pk for i in restored]
        place_initiatives(Initiative.objects.filter(pk__in=ids))
        update_search_index(created)
        save_revisions(update_indexes(ids), job.user, publish=True)
        counts["restored"] += len(restored) + len(dropped_drafts)
        counts["archived"] += len(created)
        if progress:
            progress("undoing", start + len(chunk), len(rows))
    return counts
