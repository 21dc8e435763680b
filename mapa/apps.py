from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapaConfig(AppConfig):
    """Map layers, economic poles, GeoJSON endpoints, folium maps, embeds; reads directori and sectors."""

    name = "mapa"
    verbose_name = _("Map")

    def ready(self):
        from .maps import use_local_assets

        use_local_assets()
