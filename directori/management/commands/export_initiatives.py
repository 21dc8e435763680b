"""Write every live initiative as CSV or GeoJSON (the contract other tools rely on)."""

import io

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.management.base import LocalizedCommand
from directori.exporting import write_csv, write_geojson
from directori.models import Initiative


class Command(LocalizedCommand):
    help = gettext_lazy("Export every live initiative (drafts never) as CSV or GeoJSON.")

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "geojson"], default="csv")
        parser.add_argument("--out", metavar=_("FILE"), help=_("Write here instead of standard output."))

    def handle(self, *args, format, out, **options):
        queryset = Initiative.objects.live()
        writer = write_csv if format == "csv" else write_geojson
        if out:
            with open(out, "w", newline="", encoding="utf-8") as stream:
                count = writer(queryset, stream)
            self.stderr.write(
                ngettext(
                    "%(count)s initiative written to %(path)s",
                    "%(count)s initiatives written to %(path)s",
                    count,
                )
                % {"count": count, "path": out}
            )
        else:
            buffer = io.StringIO()
            writer(queryset, buffer)
            self.stdout.write(buffer.getvalue(), ending="")
