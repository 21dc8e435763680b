"""Staff import initiatives from the admin: upload, read the validation report of a dry run, then
commit, and undo a whole import later. The same importer as `manage.py import_initiatives`, so the
rules and the report are the same; each step runs as a background task (directori.tasks) and the job
page follows it with a progress bar.

The upload waits in a private folder (IMPORT_UPLOAD_DIR, never under /media/), shared by the web
processes and the task worker, and is removed once imported, failed or an hour old.
"""

from pathlib import Path

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from core.language import current_language

from .importing import ImportFileError, Mapping
from .models import ImportJob
from .tasks import check_import, commit_import, undo_whole_import

MAX_UPLOAD_BYTES = 50 * 1024 * 1024


def can_import(user):
    return user.has_perms(["directori.add_initiative", "directori.change_initiative"])


def can_undo(user):
    """Undoing changes published data back: for those who may publish."""
    return can_import(user) and user.has_perm("directori.publish_initiative")


class ImportForm(forms.Form):
    data_file = forms.FileField(label=_("File"), help_text=_("CSV, XLSX or GeoJSON."))
    mapping_file = forms.FileField(
        label=_("Mapping"),
        help_text=_("A TOML file that says which column holds each field (see the README)."),
    )
    draft = forms.BooleanField(label=_("Import as drafts"), required=False)
    partial = forms.BooleanField(label=_("Import the valid rows even if some are rejected"), required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_data_file(self):
        upload = self.cleaned_data["data_file"]
        if Path(upload.name).suffix.lower() not in (".csv", ".tsv", ".txt", ".xlsx", ".geojson", ".json"):
            raise forms.ValidationError(_("Upload a CSV, XLSX or GeoJSON file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        return upload

    def clean_mapping_file(self):
        raw = self.cleaned_data["mapping_file"].read()
        try:
            text = raw.decode("utf-8-sig")
            self.mapping = Mapping.from_toml(text)
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The mapping must be a UTF-8 text file.")) from None
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from None
        return text

    def clean_draft(self):
        draft = self.cleaned_data["draft"]
        if not draft and self.user is not None and not self.user.has_perm("directori.publish_initiative"):
            raise forms.ValidationError(_("You may import drafts only: publishing needs a moderator."))
        return draft


def import_initiatives(request):
    """The upload form and the latest imports; a valid upload becomes a job checked in the background."""
    if not can_import(request.user):
        raise PermissionDenied
    ImportJob.clean_up()
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["data_file"]
        job = ImportJob.objects.create(
            user=request.user,
            file_name=Path(upload.name).name[:255],
            source=form.mapping.source,
            mapping=form.cleaned_data["mapping_file"],
            draft=form.cleaned_data["draft"],
            partial=form.cleaned_data["partial"],
            language=current_language(),
        )
        job.folder.mkdir(parents=True, exist_ok=True)
        with open(job.data_path, "wb") as stored:
            for piece in upload.chunks():
                stored.write(piece)
        job.task_id = check_import.enqueue(str(job.pk)).id
        job.save(update_fields=["task_id"])
        return redirect("directori_import_job", job.pk)
    jobs = ImportJob.objects.select_related("user")[:20]
    return render(request, "directori/admin/import.html", {"form": form, "jobs": jobs})


def import_job(request, pk):
    """One import: progress while a step runs (the page refreshes itself), the dry run's report and
    the button to commit, then the result and the way to undo it."""
    if not can_import(request.user):
        raise PermissionDenied
    job = get_object_or_404(ImportJob, pk=pk)
    job.fail_if_interrupted()
    if request.method == "POST":
        if job.status != ImportJob.Status.CHECKED or not job.data_path.exists():
            error = _("That import was already committed or has expired; upload the file again.")
            return render(
                request, "directori/admin/import_job.html", {"job": job, "error": error}, status=409
            )
        # Queued and recorded in the request's one transaction: the worker sees both or neither.
        job.status, job.task_id = ImportJob.Status.IMPORTING, commit_import.enqueue(str(job.pk)).id
        job.save(update_fields=["status", "task_id"])
        return redirect("directori_import_job", job.pk)
    context = {"job": job, "progress": job.read_progress(), "can_undo": can_undo(request.user)}
    return render(request, "directori/admin/import_job.html", context)


def undo_import(request, pk):
    """Confirm, then undo a whole import in the background."""
    if not can_undo(request.user):
        raise PermissionDenied
    job = get_object_or_404(ImportJob, pk=pk)
    job.fail_if_interrupted()
    if job.status != ImportJob.Status.DONE:
        error = _("Only a finished import can be undone.")
        return render(request, "directori/admin/import_job.html", {"job": job, "error": error}, status=409)
    if request.method == "POST":
        job.status, job.error = ImportJob.Status.UNDOING, ""
        job.task_id = undo_whole_import.enqueue(str(job.pk)).id
        job.save(update_fields=["status", "error", "task_id"])
        return redirect("directori_import_job", job.pk)
    return render(request, "directori/admin/import_undo.html", {"job": job, "rows": job.rows.count()})
