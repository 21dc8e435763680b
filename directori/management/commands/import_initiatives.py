"""Import initiatives from CSV, XLSX or GeoJSON with a TOML column mapping (see the README)."""

import sys
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.management.base import LocalizedCommand
from directori.importing import ImportFileError, Mapping, run_import

# The phases run_import reports, in the operator's language.
PHASES = {"validating": gettext_lazy("validating"), "writing": gettext_lazy("writing")}


class Command(LocalizedCommand):
    help = gettext_lazy("Import initiatives from FILE (CSV, XLSX, GeoJSON) as described by a TOML mapping.")

    def add_arguments(self, parser):
        parser.add_argument("file", metavar=_("FILE"), help=_("CSV, XLSX or GeoJSON."))
        parser.add_argument(
            "--mapping",
            required=True,
            metavar=_("MAPPING.toml"),
            help=_("A TOML file that says which column holds each field (see the README)."),
        )
        parser.add_argument("--dry-run", action="store_true", help=_("Validate and report; write nothing."))
        parser.add_argument(
            "--partial", action="store_true", help=_("Import the valid rows even if some are rejected.")
        )
        parser.add_argument(
            "--draft", action="store_true", help=_("Import as drafts instead of live initiatives.")
        )
        parser.add_argument(
            "--report", metavar=_("REPORT.csv"), help=_("Also write the rejected rows to this CSV.")
        )

    def handle(self, *args, file, mapping, dry_run, partial, draft, report, **options):
        for path in (file, mapping):
            if not Path(path).is_file():
                raise CommandError(_("%(path)s: no such file") % {"path": path})
        if report and not Path(report).resolve().parent.is_dir():  # checked before anything is written
            raise CommandError(_("--report %(path)s: its folder does not exist") % {"path": report})
        try:
            parsed = Mapping.from_toml(Path(mapping).read_text(encoding="utf-8-sig"), default_source="")
            result = run_import(
                file, parsed, dry_run=dry_run, partial=partial, draft=draft, progress=self._progress
            )
        except UnicodeDecodeError:
            raise CommandError(_("%(path)s: the mapping must be UTF-8 text") % {"path": mapping}) from None
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        for rejection in result.rejections:
            self.stdout.write(str(rejection))
        if report:
            with open(report, "w", newline="", encoding="utf-8") as stream:
                result.write_csv(stream)
        self.stdout.write(result.summary())
        if partial and result.rows and not (result.created or result.updated or result.unchanged):
            raise CommandError(_("no row could be imported"))
        if result.rejections and not partial:
            raise CommandError(
                _("%(rejected)s: nothing was imported (fix them, or use --partial to import the valid rows)")
                % {"rejected": result.rejected()}
            )

    def _progress(self, phase, done, total, width=30):
        """A text progress bar on stderr, per phase, for files of a thousand rows or more."""
        if total < 1000 or (done % max(total // 50, 1) and done != total):
            return
        filled = width * done // total
        end = "\n" if done == total else "\r"
        sys.stderr.write(
            f"{PHASES[phase]!s:<10} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}{end}"
        )
        sys.stderr.flush()
