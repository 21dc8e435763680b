"""The site's main sections, in one place: the header navigation and the home page cards read this."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    url_name: str
    label: Promise
    summary: Promise

    @property
    def url(self):
        return reverse(self.url_name)


SECTIONS = (
    Section("directori:index", _("Directory"), _("Find co-operatives, associations, shops and services.")),
    Section("mapa:index", _("Map"), _("See the initiatives, economic poles and services on the map.")),
    Section("sectors:index", _("Sectors"), _("Sector tables, their work plans and tractor projects.")),
    Section("search:index", _("Search"), _("Search the whole site.")),
)
