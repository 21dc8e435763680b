"""Staff import initiatives from the admin: upload, read the validation report of a dry run, then
commit. The same importer as `manage.py import_initiatives`, so the rules and the report are the same.

Between the preview and the commit the upload waits in the cache for an hour, under a random token
and the uploader's id: private (never under /media/), gone by itself, and shared by every process
when REDIS_URL is set (with the per-process default cache, run one process or upload again).
"""

import tempfile
import uuid
from pathlib import Path

from django import forms
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from .importing import ImportFileError, Mapping, run_import

PENDING_SECONDS = 3600
MAX_UPLOAD_BYTES = 50 * 1024 * 1024


def can_import(user):
    return user.has_perms(["directori.add_initiative", "directori.change_initiative"])


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
            Mapping.from_toml(text)
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
    if not can_import(request.user):
        raise PermissionDenied
    token = request.POST.get("token")
    if request.method == "POST" and token:
        key = f"directori-import:{request.user.pk}:{token}"
        job = cache.get(key)
        cache.delete(key)
        if job is None:
            error = _("That import was already committed or has expired; upload the file again.")
            return render(request, "directori/admin/import.html", {"form": ImportForm(), "error": error})
        report, error = _run(job, dry_run=False)
        context = {"report": report, "error": error, "committed": True, "job": job}
        return render(request, "directori/admin/import.html", context)

    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["data_file"]
        job = {
            "name": upload.name,
            "data": upload.read(),
            "mapping": form.cleaned_data["mapping_file"],
            "draft": form.cleaned_data["draft"],
            "partial": form.cleaned_data["partial"],
        }
        report, error = _run(job, dry_run=True)
        token = None
        if report is not None and (not report.rejections or job["partial"]):
            token = uuid.uuid4().hex
            cache.set(f"directori-import:{request.user.pk}:{token}", job, PENDING_SECONDS)
        context = {"form": form, "report": report, "error": error, "token": token, "job": job}
        return render(request, "directori/admin/import.html", context)
    return render(request, "directori/admin/import.html", {"form": form})


def _run(job, dry_run):
    """Run the importer on a temporary copy of the upload: (report, None) or (None, error)."""
    with tempfile.NamedTemporaryFile(suffix=Path(job["name"]).suffix.lower()) as local:
        local.write(job["data"])
        local.flush()
        try:
            mapping = Mapping.from_toml(job["mapping"])
            return run_import(
                local.name, mapping, dry_run=dry_run, partial=job["partial"], draft=job["draft"]
            ), None
        except ImportFileError as error:
            return None, str(error)
