from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapaConfig(AppConfig):
    """Map layers, GeoJSON endpoints and embeds; reads directori and sectors, nobody imports it."""

    name = "mapa"
    verbose_name = _("Map")
