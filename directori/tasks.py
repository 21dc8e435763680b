"""Admin imports run as tasks of Django's tasks API (the database queue that `manage.py db_worker
--backend imports` runs), never inside a web request: a 50k-row file or a hostile workbook cannot
hold a web worker. Each task works on an ImportJob and leaves its outcome there; the upload is removed when it is no
longer needed."""

import logging

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from django_tasks import task

from .importing import ImportFileError, Mapping, run_import, source_transaction, undo_import
from .models import ImportJob

MAX_REPORTED_REJECTIONS = 1000
logger = logging.getLogger(__name__)


@task(backend="imports")
def check_import(job_id):
    """The dry run: validate, write in a rolled-back transaction, report."""
    _run(job_id, dry_run=True)


@task(backend="imports")
def commit_import(job_id):
    _run(job_id, dry_run=False)


@task(backend="imports")
def undo_whole_import(job_id):
    job = ImportJob.objects.get(pk=job_id)
    with translation.override(job.language):
        try:
            with job.heartbeat(), source_transaction(job.source):
                job.report = {**job.report, "undo": undo_import(job, progress=job.write_progress)}
                job.status = ImportJob.Status.UNDONE
                _finish(job)  # with the undo's writes: a worker killed after them leaves no UNDOING job
        except ImportFileError as error:
            job.status, job.error = ImportJob.Status.DONE, str(error)
            _finish(job)
        except Exception:
            logger.exception("undoing import %s failed", job.pk)
            job.status, job.error = (
                ImportJob.Status.DONE,
                _("Undoing failed unexpectedly: nothing was changed."),
            )
            _finish(job)
        job.remove_upload()


def _run(job_id, dry_run):
    job = ImportJob.objects.get(pk=job_id)
    with translation.override(job.language):
        try:
            # The outcome is saved in the import's own transaction: a worker killed after the rows were
            # committed cannot leave a RUNNING job that would later be called interrupted and failed.
            with job.heartbeat(), source_transaction(job.source):
                report = run_import(
                    job.data_path,
                    Mapping.from_toml(job.mapping),
                    dry_run=dry_run,
                    partial=job.partial,
                    draft=job.draft,
                    progress=job.write_progress,
                    job=None if dry_run else job,
                )
                _record_outcome(job, report, dry_run)
                _finish(job)
        except ImportFileError as error:
            job.status, job.error = ImportJob.Status.FAILED, str(error)
            _finish(job)
        except Exception:
            logger.exception("import %s failed", job.pk)
            job.status, job.error = (
                ImportJob.Status.FAILED,
                _("The import failed unexpectedly: nothing was written."),
            )
            _finish(job)
        if job.status != ImportJob.Status.CHECKED:
            job.remove_upload()


def _record_outcome(job, report, dry_run):
    """The job's status and report from a finished run (not saved)."""
    job.report = {
        "summary": report.summary(),
        "rejected": len(report.rejections),
        "rejections": [[r.line, r.column, r.reason] for r in report.rejections[:MAX_REPORTED_REJECTIONS]],
        "committable": not report.rejections or job.partial,
    }
    if dry_run and job.report["committable"]:
        job.status = ImportJob.Status.CHECKED
    elif dry_run:
        job.status = ImportJob.Status.FAILED
        job.error = _(
            "Nothing will be imported: fix the rejected rows and upload again, or tick “Import the valid rows”."
        )
    else:
        job.status = ImportJob.Status.DONE if report.written else ImportJob.Status.FAILED


def _finish(job):
    """Save the step's outcome (status, report, error) with the time it ended."""
    job.finished_at = timezone.now()
    job.save(update_fields=["report", "status", "error", "finished_at"])
