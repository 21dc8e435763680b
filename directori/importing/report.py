"""What an import did, row by row: the rejections (file line, column, reason) and the counts the
command, the admin's report and the rejections' CSV show."""

import csv
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


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

    def summary(self):
        state = _("written") if self.written else _("nothing written")
        return _(
            "%(rows)s rows read: %(created)s initiatives created, %(updated)s updated, %(unchanged)s unchanged, "
            "%(merged)s rows merged into an earlier row with the same id, %(rejected)s rejected, "
            "%(outside)s outside the city (%(state)s)"
        ) % {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "merged": self.merged,
            "rejected": len(self.rejections),
            "outside": self.outside_city,
            "state": state,
        }

    def write_csv(self, stream):
        writer = csv.writer(stream)
        writer.writerow(["line", "column", "reason"])
        for rejection in self.rejections:
            writer.writerow([rejection.line, rejection.column, rejection.reason])
