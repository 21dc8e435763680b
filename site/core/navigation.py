"""The site's main sections, in one place: the header navigation and the home page cards read this,
and the home page's need shortcuts and list of sector tables.

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

from directori.models import Sector
from directori.selection import Selection


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
    Section(
        _("Collaborations"),
        _("Offers and needs between initiatives: space, services, knowledge."),
        url_name="intercoop:posts",
    ),
    Section(_("Search"), _("Search the whole site."), url_name="search:index"),
)


def sector_tables():
    """The live sector tables in the visitor's language, in the order of their sectors' names (titles
    such as "Taula d'habitatge", "Taula del tèxtil" would sort by their articles). The home page lists
    them from here, so a table added in the admin (Cultura) is listed without editing any text. By
    label, as sections name their pages: the shell does not import the apps."""
    model = apps.get_model("sectors.SectorPage")
    return model.objects.live().filter(locale=Locale.get_active()).order_by(*model.TABLE_ORDER)


def sections():
    """(section, url) pairs of the sections that exist in the visitor's language."""
    return [(section, url) for section in SECTIONS if (url := section.url)]


@dataclass(frozen=True)
class Shortcut:
    """A need as people say it ("Food"), leading to the directory filtered by the sector that answers it."""

    label: Promise
    sector: str  # the sector's slug


SHORTCUTS = (
    Shortcut(_("Food"), "agroecologia"),
    Shortcut(_("Housing"), "habitatge"),
    Shortcut(_("Ethical finance"), "finances-etiques"),
    Shortcut(_("Care"), "cures"),
    Shortcut(_("Energy"), "transicio-energetica"),
    Shortcut(_("Mobility"), "mobilitat"),
)


def shortcuts():
    """(label, directory URL) of the shortcuts whose sector exists: staff may remove a sector, and a
    shortcut to it would only lead to an error notice. The URL is written by the directory's selection."""
    existing = set(
        Sector.objects.filter(slug__in=[s.sector for s in SHORTCUTS]).values_list("slug", flat=True)
    )
    return [
        (s.label, Selection.of(sector=[s.sector]).directory_url) for s in SHORTCUTS if s.sector in existing
    ]
