"""Admin imports as background jobs: what was uploaded, by whom, how far it got, what it wrote (so it
can be undone), and the lock that lets one import run per source at a time."""

import json
import shutil
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from django_tasks import TaskResultStatus, task_backends
from django_tasks.exceptions import TaskResultDoesNotExist

from .initiatives import Initiative


class ImportJob(models.Model):
    class Status(models.TextChoices):
        CHECKING = "checking", _("Checking the file")
        CHECKED = "checked", _("Checked: waiting for your decision")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")
        UNDOING = "undoing", _("Undoing")
        UNDONE = "undone", _("Undone")

    RUNNING = (Status.CHECKING, Status.IMPORTING, Status.UNDOING)
    # A worker writes a heartbeat every IMPORT_HEARTBEAT_SECONDS while a step runs; after this many
    # missed beats the step is taken for interrupted (the worker was killed, or restarted mid-step).
    MISSED_BEATS = 6

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file_name = models.CharField(_("file"), max_length=255)
    source = models.CharField(_("source"), max_length=80)
    mapping = models.TextField(_("mapping"))
    draft = models.BooleanField(_("import as drafts"), default=False)
    partial = models.BooleanField(_("import the valid rows"), default=False)
    language = models.CharField(max_length=10, default="ca")  # of the report's messages
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.CHECKING)
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # The django-tasks result of the step queued last: whether it waits, runs or ended tells a queued
    # job from an interrupted one.
    task_id = models.CharField(_("background task"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def folder(self):
        """Where the upload waits: a private folder (IMPORT_UPLOAD_DIR), never under MEDIA_ROOT."""
        return Path(settings.IMPORT_UPLOAD_DIR) / str(self.id)

    @property
    def data_path(self):
        return self.folder / f"data{Path(self.file_name).suffix.lower()}"

    @property
    def running(self):
        return self.status in self.RUNNING

    def write_progress(self, phase, done, total):
        """Progress goes to a file beside the upload, not to the database: the import writes in one
        transaction, which other connections cannot see into (and SQLite lets one writer at a time).
        Written when the percentage or the phase changes, not per row."""
        step = (phase, 100 * done // total if total else 0)
        if step == getattr(self, "_last_progress", None):
            return
        self._last_progress = step
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / "progress.tmp"
        temporary.write_text(json.dumps({"phase": phase, "done": done, "total": total}))
        temporary.replace(self.folder / "progress.json")

    def read_progress(self):
        """{"phase", "done", "total", "percent"} of the running step (zeros before it starts)."""
        try:
            progress = json.loads((self.folder / "progress.json").read_text())
        except (OSError, ValueError):
            progress = {"phase": "", "done": 0, "total": 0}
        progress["percent"] = 100 * progress["done"] // progress["total"] if progress["total"] else 0
        return progress

    def remove_upload(self):
        shutil.rmtree(self.folder, ignore_errors=True)

    @contextmanager
    def heartbeat(self):
        """While the block runs, a thread writes the time beside the upload every
        IMPORT_HEARTBEAT_SECONDS, whatever the step is doing (reading a large workbook writes no
        progress for a while). A worker killed mid-step (`kill -9`, systemd's TimeoutStopSec) stops
        beating, and its step is then seen as interrupted (`interrupted`)."""
        stop = threading.Event()

        def beat():
            while True:
                self.folder.mkdir(parents=True, exist_ok=True)
                temporary = self.folder / "heartbeat.tmp"
                temporary.write_text(str(time.time()))
                temporary.replace(self.folder / "heartbeat")
                if stop.wait(settings.IMPORT_HEARTBEAT_SECONDS):
                    return

        thread = threading.Thread(target=beat, name=f"import-{self.pk}-heartbeat", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()

    def last_heartbeat(self):
        """The time (seconds since the epoch) of the running step's last heartbeat, or None."""
        try:
            return float((self.folder / "heartbeat").read_text())
        except (OSError, ValueError):
            return None

    def interrupted(self):
        """Whether the running step will never finish: its task ended without recording an outcome,
        or it runs (as far as the queue knows) but its worker has not beaten for MISSED_BEATS beats.
        A step still waiting in the queue for a worker is not interrupted."""
        if not self.running:
            return False
        try:
            result = task_backends["imports"].get_result(self.task_id) if self.task_id else None
        except TaskResultDoesNotExist:
            result = None
        if result is not None and result.status == TaskResultStatus.READY:
            return False
        if result is not None and result.is_finished:
            return True
        last = self.last_heartbeat()
        if last is None and (result is None or result.started_at is None):
            return False  # no beat and no task known to have started (a job queued before task ids)
        if last is None:  # not beaten yet: count from when the worker took the task
            last = result.started_at.timestamp()
        return time.time() - last > self.MISSED_BEATS * settings.IMPORT_HEARTBEAT_SECONDS

    def fail_if_interrupted(self):
        """Record an interrupted step as such, so that the staff member can start again: nothing was
        written (each step is one transaction, rolled back when its worker died), a check or an
        import fails and its upload is removed, an undo leaves the import as it was, undoable again.
        Returns whether it did."""
        if not self.interrupted():
            return False
        with translation.override(self.language):
            status, error = {
                self.Status.CHECKING: (
                    self.Status.FAILED,
                    gettext("The check was interrupted: nothing was saved. Upload the file again."),
                ),
                self.Status.IMPORTING: (
                    self.Status.FAILED,
                    gettext(
                        "The import was interrupted: nothing was saved. Upload the file again to try again."
                    ),
                ),
                self.Status.UNDOING: (
                    self.Status.DONE,
                    gettext("Undoing was interrupted: nothing was changed. You can undo the import again."),
                ),
            }[self.status]
        # Only if the step has not finished meanwhile: a late outcome from its worker is the truth.
        if not ImportJob.objects.filter(pk=self.pk, status=self.status).update(
            status=status, error=error, finished_at=timezone.now()
        ):
            self.refresh_from_db()
            return False
        self.status, self.error = status, error
        self.remove_upload()
        return True

    @classmethod
    def clean_up(cls):
        """Interrupted steps are recorded as failed, and uploads checked but never committed are
        removed after IMPORT_PENDING_SECONDS. Run whenever the import pages are read: no command to
        remember."""
        for job in cls.objects.filter(status__in=cls.RUNNING):
            job.fail_if_interrupted()
        limit = timezone.now() - timezone.timedelta(seconds=settings.IMPORT_PENDING_SECONDS)
        for job in cls.objects.filter(status=cls.Status.CHECKED, created_at__lt=limit):
            job.remove_upload()
            job.status, job.error = cls.Status.FAILED, str(_("Expired before it was imported."))
            job.save(update_fields=["status", "error"])


class ImportedRow(models.Model):
    """One initiative an import created or changed, with its revisions before and after: what
    "undo this import" needs."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="rows")
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="+")
    created = models.BooleanField(default=False)
    drafted = models.BooleanField(default=False)  # a live one that got the values as a draft only
    was_live = models.BooleanField(default=False)
    previous_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return f"{self.job_id}: {self.initiative_id}"


class ImportLock(models.Model):
    """A row per source that an import writes first, on databases without advisory locks (SQLite),
    to take the database's write lock at once (see directori.importing.lock_source)."""

    source = models.CharField(max_length=80, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.source
