"""Import initiatives from CSV, XLSX or GeoJSON with a TOML column mapping (see the README)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directori.importing import ImportFileError, Mapping, run_import


class Command(BaseCommand):
    help = "Import initiatives from FILE (CSV, XLSX, GeoJSON) as described by a TOML mapping."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--mapping", required=True, metavar="MAPPING.toml")
        parser.add_argument("--dry-run", action="store_true", help="Validate and report; write nothing.")
        parser.add_argument(
            "--partial", action="store_true", help="Import the valid rows even if some are rejected."
        )
        parser.add_argument(
            "--draft", action="store_true", help="Import as drafts instead of live initiatives."
        )
        parser.add_argument(
            "--report", metavar="REPORT.csv", help="Also write the rejected rows to this CSV."
        )

    def handle(self, *args, file, mapping, dry_run, partial, draft, report, **options):
        for path in (file, mapping):
            if not Path(path).is_file():
                raise CommandError(f"{path}: no such file")
        if report and not Path(report).resolve().parent.is_dir():  # checked before anything is written
            raise CommandError(f"--report {report}: its folder does not exist")
        try:
            parsed = Mapping.from_toml(Path(mapping).read_text(encoding="utf-8-sig"), default_source="")
            result = run_import(
                file, parsed, dry_run=dry_run, partial=partial, draft=draft, progress=self._progress
            )
        except UnicodeDecodeError:
            raise CommandError(f"{mapping}: the mapping must be UTF-8 text") from None
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        for rejection in result.rejections:
            self.stdout.write(str(rejection))
        if report:
            with open(report, "w", newline="", encoding="utf-8") as stream:
                result.write_csv(stream)
        self.stdout.write(result.summary())
        if partial and result.rows and not (result.created or result.updated or result.unchanged):
            raise CommandError("no row could be imported")
        if result.rejections and not partial:
            raise CommandError(
                f"{len(result.rejections)} problems in the file: nothing was imported "
                "(fix them, or use --partial to import the valid rows)"
            )

    def _progress(self, phase, done, total, width=30):
        """A text progress bar on stderr, per phase, for files of a thousand rows or more."""
        if total < 1000 or (done % max(total // 50, 1) and done != total):
            return
        filled = width * done // total
        end = "\n" if done == total else "\r"
        sys.stderr.write(f"{phase:<10} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}{end}")
        sys.stderr.flush()
