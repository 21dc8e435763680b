"""Running an import: read, validate, then write chunk by chunk in one transaction, one import of a
source at a time; every initiative written gets a revision recorded for `undo_import`."""

import hashlib
from collections.abc import Callable
from contextlib import ExitStack, contextmanager
from pathlib import Path

from django.db import OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ImportedRow, ImportJob, ImportLock, Initiative
from ..placement import place_initiatives
from ..slugs import FreeSlugs
from .bulk import BATCH, CHUNK, save_revisions, update_indexes, update_rows, with_relations
from .mapping import LIST_FIELDS, SCALAR_FIELDS, ImportFileError
from .reading import check_file, read_rows
from .report import ImportReport
from .validation import RowValidator, merge_repeated_ids, to_wgs84


def run_import(
    path, mapping, *, dry_run=False, partial=False, draft=False, progress: Callable | None = None, job=None
):
    """Read, validate, then write in chunks inside one transaction (all or nothing). Unless a dry
    run, every initiative written gets a revision, and `job` (an ImportJob, made here when None)
    records each one with its revision before, so the whole import can be undone."""
    check_file(path)
    header, rows = read_rows(path, mapping)
    missing = [column for name, column in mapping.columns.items() if column not in header]
    if missing:
        raise ImportFileError(
            _("columns not in the file: %(missing)s; it has %(header)s")
            % {"missing": ", ".join(map(repr, missing)), "header": ", ".join(map(repr, header))}
        )

    report = ImportReport(rows=len(rows))
    validate = RowValidator(mapping)
    clean_rows = []
    for done, (line, row) in enumerate(rows, start=1):
        result = validate(line, row)
        if isinstance(result, list):
            report.rejections.extend(result)
        else:
            clean_rows.append(result)
        if progress:
            progress("validating", done, len(rows))
    del rows
    to_wgs84(clean_rows, mapping, report)
    report.rejections.sort(key=lambda rejection: rejection.line)
    if report.rejections and not partial:
        return report
    merged = merge_repeated_ids(clean_rows, report)
    del clean_rows

    with source_transaction(mapping.source):
        if job is None and not dry_run:
            job = ImportJob.objects.create(  # from the command line: seen (and undoable) once committed
                file_name=Path(path).name,
                source=mapping.source,
                draft=draft,
                partial=partial,
                status=ImportJob.Status.DONE,
                finished_at=timezone.now(),
            )
        writer = _Writer(mapping, mapping.writes_points(path), draft, report, None if dry_run else job)
        for start in range(0, len(merged), CHUNK):
            writer.write(merged[start : start + CHUNK])
            if progress:
                progress("writing", min(start + CHUNK, len(merged)), len(merged))
        if dry_run:
            transaction.set_rollback(True)
        else:
            report.written = True
    return report


def _source_busy(source):
    return ImportFileError(
        _("another import of the source %(source)r is running; try again when it has finished")
        % {"source": source}
    )


@contextmanager
def source_transaction(source):
    """The transaction of one import (or undo) of `source`, holding its lock (`lock_source`).

    On SQLite the settings begin every transaction IMMEDIATE: BEGIN itself takes the database's write
    lock, so a second import waits there (SQLite's timeout, 20 s) rather than at its first write, and
    gets the same message as from `lock_source`."""
    with ExitStack() as stack:
        try:
            stack.enter_context(transaction.atomic())
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            raise _source_busy(source) from None
        lock_source(source)
        yield


def lock_source(source):
    """One import (or undo) of a source at a time; call it first inside the import's transaction.

    PostgreSQL: a transaction-level advisory lock on the source, released by the commit or rollback
    (or by the server when the process dies). SQLite: the first write of the transaction, to the
    source's ImportLock row, takes SQLite's database-wide write lock (when the transaction did not
    take it as it began: `source_transaction`), which a second import waits for and then gets the
    same message: no stale lock survives a crash.
    """
    busy = _source_busy(source)
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        key = int.from_bytes(hashlib.blake2b(source.encode(), digest_size=8).digest(), "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [key])
            if not cursor.fetchone()[0]:
                raise busy
        return
    try:
        with transaction.atomic():
            ImportLock.objects.update_or_create(source=source, defaults={"created_at": timezone.now()})
    except OperationalError as error:
        if "locked" not in str(error):
            raise
        raise busy from None


class _Writer:
    """Creates or updates initiatives chunk by chunk with a constant number of queries per chunk:
    bulk inserts and updates, relation rows, placement, the search and reference indexes, and the
    revisions, all in bulk (per-object saves cost ~15 ms each, and kept every object in memory).

    With `draft`, new initiatives are created unpublished and a live one gets the imported values as
    a new draft revision (its public version is untouched); without it, the values are published.

    A row whose values are those already stored (compared with the initiatives the chunk reads
    anyway: no query more) is unchanged: nothing is written for it, not even a revision, so that
    re-importing the same file changes nothing and leaves an earlier import undoable.
    """

    def __init__(self, mapping, writes_points, draft, report, job):
        self.mapping, self.writes_points, self.draft = mapping, writes_points, draft
        self.report, self.job, self.user = report, job, job.user if job else None
        self.slugs = FreeSlugs(Initiative.objects.values_list("slug", flat=True))

    def write(self, rows):
        mapping, draft, now = self.mapping, self.draft, timezone.now()
        existing = {
            i.external_id: i
            for i in with_relations(
                Initiative.objects.filter(
                    source=mapping.source, external_id__in=[r.values["external_id"] for r in rows]
                )
            )
        }
        changes, unchanged = [], []
        for row in rows:
            values = dict(row.values)
            terms = {name: values.pop(name) for name in LIST_FIELDS if name in values}
            initiative = existing.get(values["external_id"])
            if initiative is not None and self.is_unchanged(initiative, values, terms, row):
                unchanged.append(initiative.pk)
            else:
                changes.append((row, initiative, values, terms))
        self.report.unchanged += len(unchanged)
        changed = [initiative for _, initiative, _, _ in changes if initiative is not None]
        previous, was_live = {}, {i.pk: i.live for i in changed}
        if self.job:  # the state before the import, as a revision, where the latest one is not it
            unrevised = [
                i
                for i in changed
                if not (draft and i.live) and (i.latest_revision_id is None or i.has_unpublished_changes)
            ]
            for initiative, revision in zip(unrevised, save_revisions(unrevised, None), strict=True):
                initiative.latest_revision_id = revision.pk
            previous = {i.pk: i.latest_revision_id for i in changed}
        new, updated, drafted, relations = [], [], [], []
        for row, initiative, values, terms in changes:
            if initiative is None:
                initiative = Initiative(source=mapping.source, live=not draft, has_unpublished_changes=draft)
                new.append(initiative)
            elif draft and initiative.live:
                drafted.append(initiative)
            else:
                updated.append(initiative)
            for name, value in values.items():
                setattr(initiative, name, value)
            if self.writes_points:
                initiative.longitude, initiative.latitude = row.x, row.y
            if not draft:
                initiative.live, initiative.has_unpublished_changes = True, False
                initiative.first_published_at = initiative.first_published_at or now
                initiative.last_published_at = now
            initiative.updated_at = now
            initiative.refresh_search_text()
            if not initiative.slug:
                initiative.slug = self.slugs.take(initiative.name)
            relations.append((initiative, terms))
        self.report.created += len(new)
        self.report.updated += len(updated) + len(drafted)

        Initiative.objects.bulk_create(new, batch_size=BATCH)
        fields = [name for name in SCALAR_FIELDS if name in mapping.columns]
        fields += ["latitude", "longitude"] if self.writes_points else []
        fields += ["live", "has_unpublished_changes", "first_published_at", "last_published_at", "updated_at"]
        update_rows(updated, [*fields, "search_text"])
        drafted_ids = {i.pk for i in drafted}
        for initiative, terms in relations:
            if initiative.pk in drafted_ids:
                for name, chosen in terms.items():
                    getattr(initiative, name).set(chosen)  # kept in the revision only
                initiative.save_revision(user=self.user, clean=False)

        written = [(i, terms) for i, terms in relations if i.pk not in drafted_ids]
        for name, through, column in (
            ("sectors", Initiative.sectors.through, "sector_id"),
            ("tags", Initiative.tags.through, "layertag_id"),
        ):
            if name not in mapping.columns:
                continue
            through.objects.filter(initiative_id__in=[i.pk for i, _ in written]).delete()
            links = [
                through(initiative_id=i.pk, **{column: term.pk})
                for i, terms in written
                for term in terms[name]
            ]
            through.objects.bulk_create(links, batch_size=BATCH)

        touched = [i.pk for i, _ in written]
        place_initiatives(Initiative.objects.filter(pk__in=touched))
        self.report.outside_city += Initiative.objects.filter(
            pk__in=touched + unchanged, outside_city=True
        ).count()
        if self.job is None:  # a dry run: rolled back, nothing to index or revise
            return
        objects = update_indexes(touched)
        revisions = save_revisions(objects, self.user, publish=not draft)
        new_ids = {i.pk for i in new}
        ImportedRow.objects.bulk_create(
            [
                ImportedRow(
                    job=self.job,
                    initiative_id=i.pk,
                    created=i.pk in new_ids,
                    was_live=was_live.get(i.pk, False),
                    previous_revision_id=previous.get(i.pk),
                    revision_id=r.pk,
                )
                for i, r in zip(objects, revisions, strict=True)
            ]
            + [
                ImportedRow(
                    job=self.job,
                    initiative_id=i.pk,
                    drafted=True,
                    was_live=True,
                    previous_revision_id=previous.get(i.pk),
                    revision_id=i.latest_revision_id,
                )
                for i in drafted
            ],
            batch_size=BATCH,
        )

    def is_unchanged(self, initiative, values, terms, row):
        """Whether writing the row would store what the initiative already is: the same values, point,
        sectors and tags, and already published (or, for a draft import, with no draft pending)."""
        if self.draft and not initiative.live:
            pass  # stays a draft either way
        elif not initiative.live or initiative.has_unpublished_changes:
            return False  # publishing it, or replacing a pending draft, is a change
        for name, value in values.items():
            stored = initiative.family_id if name == "family" else getattr(initiative, name)
            if stored != (value.pk if name == "family" and value else value):
                return False
        if self.writes_points and (initiative.longitude, initiative.latitude) != (row.x, row.y):
            return False
        return all(  # the prefetched relations: no query
            {term.pk for term in getattr(initiative, name).all()} == {term.pk for term in chosen}
            for name, chosen in terms.items()
        )
