"""The site's main sections, in one place: the header navigation and the home page cards read this.

A section is either a Django view (`url_name`) or a Wagtail page that editors own (`page_type`,
as "app.Model"): the page of that type in the visitor's language, so its translated slug is used.
A section whose page does not exist yet is left out rather than linked to a 404.
"""

from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale


@dataclass(frozen=True)
class Section:
    label: Promise
    summary: Promise
    url_name: str = ""
    page_type: str = ""

    @property
    def url(self):
        if not self.page_type:
            return reverse(self.url_name)
        model = apps.get_model(self.page_type)
        page = model.objects.live().filter(locale=Locale.get_active()).first()
        return page.get_url() if page else None


SECTIONS = (
    Section(
        _("Directory"), _("Find co-operatives, associations, shops and services."), url_name="directori:index"
    ),
    Section(
        _("Map"), _("See the initiatives, economic poles and services on the map."), url_name="mapa:index"
    ),
    Section(
        _("Sectors"),
        _("Sector tables, their work plans and tractor projects."),
        page_type="sectors.SectorIndexPage",
    ),
    Section(_("Search"), _("Search the whole site."), url_name="search:index"),
)


def sections():
    """(section, url) pairs of the sections that exist in the visitor's language."""
    return [(section, url) for section in SECTIONS if (url := section.url)]
