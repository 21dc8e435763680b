"""Load or update Barcelona's districts and neighbourhoods, then re-place every initiative."""

from django.conf import settings
from django.core.management.base import CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.management.base import LocalizedCommand
from directori.boundaries import (
    EXPECTED,
    KINDS,
    BoundaryError,
    default_sources,
    read_sources,
    save_boundaries,
)
from directori.importing import update_search_index
from directori.models import District, Initiative, Neighbourhood
from directori.placement import place_initiatives


class Command(LocalizedCommand):
    help = gettext_lazy(
        "Load district and neighbourhood boundaries (Open Data BCN CSV, GeoJSON, Shapefile, GeoPackage; "
        "paths or http(s) URLs; any CRS). Without SOURCE: the folder in ESS_BOUNDARIES_DIR, else the "
        "official Open Data BCN files. Upserts by official code."
    )

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="*", metavar=_("SOURCE"))
        parser.add_argument(
            "--allow-partial",
            action="store_true",
            help=_("Accept fewer than %(districts)s districts and %(neighbourhoods)s neighbourhoods.")
            % EXPECTED,
        )
        parser.add_argument("--crs", help=_("CRS of sources that do not state one, e.g. EPSG:25831."))
        parser.add_argument(
            "--skip-if-loaded",
            action="store_true",
            help=_("Do nothing when all districts and neighbourhoods are already loaded (make run uses it)."),
        )

    def handle(self, *args, sources, allow_partial, crs, skip_if_loaded, **options):
        loaded = {"districts": District.objects.count(), "neighbourhoods": Neighbourhood.objects.count()}
        if skip_if_loaded and loaded == EXPECTED:
            self.stdout.write(
                _("boundaries already loaded: %(districts)s districts and %(neighbourhoods)s neighbourhoods")
                % EXPECTED
            )
            return
        try:
            sources = sources or default_sources(settings.ESS_BOUNDARIES_DIR)
            boundaries = read_sources(sources, crs=crs)
        except BoundaryError as error:
            raise CommandError(str(error)) from None
        for message in boundaries.messages:
            self.stdout.write(message)
        if not allow_partial:
            for kind, expected in EXPECTED.items():
                frame = getattr(boundaries, kind)
                found = 0 if frame is None else len(frame)
                if found != expected:
                    raise CommandError(
                        _(
                            "expected %(expected)s %(kind)s, the sources hold %(found)s: nothing was changed "
                            "(use --allow-partial to load them anyway)"
                        )
                        % {"expected": expected, "kind": KINDS[kind], "found": found}
                    )
        try:
            with transaction.atomic():
                counts = save_boundaries(boundaries)
                replaced = place_initiatives()
                if replaced:  # the search index holds each initiative's neighbourhood name
                    update_search_index(
                        list(
                            Initiative.objects.filter(neighbourhood__isnull=False).values_list(
                                "pk", flat=True
                            )
                        )
                    )
        except BoundaryError as error:
            raise CommandError(str(error)) from None
        loaded = ", ".join(
            [
                ngettext("%(count)s district loaded", "%(count)s districts loaded", counts["districts"])
                % {"count": counts["districts"]},
                ngettext(
                    "%(count)s neighbourhood loaded",
                    "%(count)s neighbourhoods loaded",
                    counts["neighbourhoods"],
                )
                % {"count": counts["neighbourhoods"]},
                ngettext("%(count)s initiative re-placed", "%(count)s initiatives re-placed", replaced)
                % {"count": replaced},
            ]
        )
        self.stdout.write(self.style.SUCCESS(loaded))
