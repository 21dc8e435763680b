"""What an import did, row by row: the rejections (file line, column, reason) and the counts the
command, the admin's report and the rejections' CSV show."""

import csv
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass
class Rejection:
    line: int
    column: str
    reason: str

    def __str__(self):
        if self.column:
            return _("line %(line)s, column %(column)r: %(reason)s") % vars(self)
        return _("line %(line)s: %(reason)s") % vars(self)


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    merged: int = 0
    outside_city: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    written: bool = False

    @property
    def rejected_rows(self):
        """Rows rejected, each counted once however many problems it has."""
        return len({rejection.line for rejection in self.rejections})

    def rejected(self):
        """Rejected rows and problems, counted apart ("2 rows rejected, 5 problems"): one row can
        have several problems, and the operator fixes problems but re-imports rows."""
        rows = ngettext("%(count)s row rejected", "%(count)s rows rejected", self.rejected_rows)
        problems = ngettext("%(count)s problem", "%(count)s problems", len(self.rejections))
        return f"{rows % {'count': self.rejected_rows}}, {problems % {'count': len(self.rejections)}}"

    def summary(self):
        """One line for the command and the admin's report: every count, each with its plural."""
        parts = [
            ngettext("%(count)s row read", "%(count)s rows read", self.rows) % {"count": self.rows},
            ngettext("%(count)s initiative created", "%(count)s initiatives created", self.created)
            % {"count": self.created},
            ngettext("%(count)s updated", "%(count)s updated", self.updated) % {"count": self.updated},
            ngettext("%(count)s unchanged", "%(count)s unchanged", self.unchanged)
            % {"count": self.unchanged},
            ngettext(
                "%(count)s row merged into an earlier row with the same id",
                "%(count)s rows merged into an earlier row with the same id",
                self.merged,
            )
            % {"count": self.merged},
            self.rejected(),
            ngettext("%(count)s outside the city", "%(count)s outside the city", self.outside_city)
            % {"count": self.outside_city},
        ]
        state = _("written") if self.written else _("nothing written")
        return _("%(read)s: %(counts)s (%(state)s)") % {
            "read": parts[0],
            "counts": ", ".join(parts[1:]),
            "state": state,
        }

    def write_csv(self, stream):
        writer = csv.writer(stream)
        writer.writerow([_("line"), _("column"), _("reason")])
        for rejection in self.rejections:
            writer.writerow([rejection.line, rejection.column, rejection.reason])
