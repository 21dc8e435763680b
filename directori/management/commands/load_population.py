"""Load the population of districts and neighbourhoods (Open Data BCN padró CSVs)."""

from django.core.management.base import CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.management.base import LocalizedCommand
from directori.boundaries import BoundaryError
from directori.models import District, Neighbourhood
from directori.population import read_population, save_population


class Command(LocalizedCommand):
    help = gettext_lazy(
        "Load population figures from Open Data BCN's pad_mdbas CSV (per census section) or from "
        "tables with a Poblacio column per district or barri. Run after load_boundaries."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar=_("FILE"))
        parser.add_argument(
            "--skip-if-loaded",
            action="store_true",
            help=_("Do nothing when every area has a population (make run)."),
        )

    def handle(self, *args, files, skip_if_loaded, **options):
        areas = [District.objects, Neighbourhood.objects]
        if skip_if_loaded and all(
            a.exists() and not a.filter(population__isnull=True).exists() for a in areas
        ):
            self.stdout.write(_("population already loaded"))
            return
        figures = {}
        try:
            for path in files:
                figures.update(read_population(path))
        except BoundaryError as error:
            raise CommandError(str(error)) from None
        with transaction.atomic():
            updated = save_population(figures)
        if not updated:
            raise CommandError(
                _("no loaded district or neighbourhood matches these figures (load boundaries first)")
            )
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "population stored for %(count)s district or neighbourhood",
                    "population stored for %(count)s districts and neighbourhoods",
                    updated,
                )
                % {"count": updated}
            )
        )
