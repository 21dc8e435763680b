"""The map's data in the admin: layers, economic poles (suggested ones to accept or dismiss) and the
housing-services network."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import EconomicPole, HousingServiceLink, Layer, MapEmbed
from .panels import EmbedPreviewPanel


class LayerViewSet(SnippetViewSet):
    model = Layer
    icon = "site"
    list_display = ["name", "kind", "slug", "order", "shown_by_default"]
    list_filter = ["kind", "shown_by_default"]
    ordering = ["order", "name"]


class EconomicPoleViewSet(SnippetViewSet):
    model = EconomicPole
    icon = "pick"
    list_display = ["name", "district", "status", "updated_at"]
    list_filter = ["status", "district"]


class HousingServiceLinkViewSet(SnippetViewSet):
    model = HousingServiceLink
    icon = "link"
    list_display = ["provider", "service", "housing"]
    list_filter = ["service"]


class MapEmbedViewSet(SnippetViewSet):
    model = MapEmbed
    icon = "code"
    list_display = ["name", "address", "district", "neighbourhood"]
    panels = [
        *(
            FieldPanel(name)
            for name in (
                "name",
                "slug",
                "owner",
                "district",
                "neighbourhood",
                "layers",
                "text",
                "sectors",
                "families",
                "tags",
                "height",
                "list_mode",
                "controls",
                "lock",
                "min_zoom",
                "max_zoom",
            )
        ),
        EmbedPreviewPanel(heading=_("Preview and code")),
    ]


class MapGroup(SnippetViewSetGroup):
    menu_label = _("Map")
    menu_icon = "site"
    menu_order = 230
    items = (LayerViewSet, MapEmbedViewSet, EconomicPoleViewSet, HousingServiceLinkViewSet)


register_snippet(MapGroup)
