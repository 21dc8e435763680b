"""Staff import initiatives from the admin: upload, read the validation report of a dry run, then
commit. The same importer as `manage.py import_initiatives`, so the rules and the report are the same."""

import tempfile
import uuid
from pathlib import Path

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.shortcuts import render
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from .importing import ImportFileError, Mapping, run_import

SESSION_KEY = "directori_pending_imports"


class ImportForm(forms.Form):
    data_file = forms.FileField(label=_("File"), help_text=_("CSV, XLSX or GeoJSON."))
    mapping_file = forms.FileField(
        label=_("Mapping"),
        help_text=_("A TOML file that says which column holds each field (see the README)."),
    )
    draft = forms.BooleanField(label=_("Import as drafts"), required=False)
    partial = forms.BooleanField(label=_("Import the valid rows even if some are rejected"), required=False)

    def clean_data_file(self):
        upload = self.cleaned_data["data_file"]
        if Path(upload.name).suffix.lower() not in (".csv", ".tsv", ".txt", ".xlsx", ".geojson", ".json"):
            raise forms.ValidationError(_("Upload a CSV, XLSX or GeoJSON file."))
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


def import_initiatives(request):
    if not request.user.has_perm("directori.add_initiative"):
        raise PermissionDenied
    pending = request.session.get(SESSION_KEY, {})
    token = request.POST.get("token")
    if request.method == "POST" and token:
        job = pending.pop(token, None)
        request.session[SESSION_KEY] = pending
        if job is None:
            error = _("That import was already committed or has expired; upload the file again.")
            return render(request, "directori/admin/import.html", {"form": ImportForm(), "error": error})
        report, error = _run(job, dry_run=False)
        default_storage.delete(job["stored_as"])
        context = {"report": report, "error": error, "committed": True, "job": job}
        return render(request, "directori/admin/import.html", context)

    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["data_file"]
        token = uuid.uuid4().hex
        job = {
            "stored_as": default_storage.save(f"imports/{token}/{get_valid_filename(upload.name)}", upload),
            "name": upload.name,
            "mapping": form.cleaned_data["mapping_file"],
            "draft": form.cleaned_data["draft"],
            "partial": form.cleaned_data["partial"],
        }
        report, error = _run(job, dry_run=True)
        if report is not None and (not report.rejections or job["partial"]):
            pending[token] = job
            request.session[SESSION_KEY] = pending
        else:
            token = None
            default_storage.delete(job["stored_as"])
        context = {"form": form, "report": report, "error": error, "token": token, "job": job}
        return render(request, "directori/admin/import.html", context)
    return render(request, "directori/admin/import.html", {"form": form})


def _run(job, dry_run):
    """Run the importer on a temporary local copy of the stored upload: (report, None) or (None, error)."""
    suffix = Path(job["stored_as"]).suffix
    with (
        tempfile.NamedTemporaryFile(suffix=suffix) as local,
        default_storage.open(job["stored_as"]) as stored,
    ):
        local.write(stored.read())
        local.flush()
        try:
            mapping = Mapping.from_toml(job["mapping"])
            return run_import(
                local.name, mapping, dry_run=dry_run, partial=job["partial"], draft=job["draft"]
            ), None
        except ImportFileError as error:
            return None, str(error)
