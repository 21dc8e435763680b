"""The map's data in the admin: layers, economic poles (suggested ones to accept or dismiss) and the
housing-services network."""

from urllib.parse import urlencode

from django import forms
from django.shortcuts import get_list_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import usage
from .models import EconomicPole, HousingServiceLink, Layer, MapEmbed
from .panels import EmbedPreviewPanel
from .permissions import EmbedPermissionPolicy, OwnEmbedsOnly, visible_embeds


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


register_permission_policy(MapEmbed, EmbedPermissionPolicy(MapEmbed))


class DeleteVisibleEmbeds(DeleteBulkAction):
    """The bulk delete of saved embeds, over the embeds the user may see only: Wagtail's own lists
    every id asked for, naming the refused ones, so an office could read other offices' embeds'
    names by trying ids. Registered after Wagtail's (order=1), which it replaces for MapEmbed."""

    models = [MapEmbed]

    def get_queryset(self, model, object_ids):
        return get_list_or_404(visible_embeds(self.request.user), pk__in=object_ids)

    def get_all_objects_in_listing_query(self, parent_id):
        return visible_embeds(self.request.user).values_list("pk", flat=True)


hooks.register("register_bulk_action", DeleteVisibleEmbeds, order=1)


class VisibleEmbeds:
    """For the chooser's views: the embeds the user may see (mapa.permissions), nothing else."""

    def get_object_list(self):
        return visible_embeds(self.request.user)

    def get_object(self, pk):
        return visible_embeds(self.request.user).get(pk=pk)

    def get_objects(self, pks):
        return visible_embeds(self.request.user).filter(pk__in=pks)


class MapEmbedChooserViewSet(chooser_views.SnippetChooserViewSet):
    choose_view_class = type("ChooseView", (VisibleEmbeds, chooser_views.ChooseView), {})
    choose_results_view_class = type(
        "ChooseResultsView", (VisibleEmbeds, chooser_views.ChooseResultsView), {}
    )
    chosen_view_class = type("ChosenView", (VisibleEmbeds, chooser_views.SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "ChosenMultipleView", (VisibleEmbeds, chooser_views.SnippetChosenMultipleView), {}
    )


CHECKBOXES = {"layers", "sectors", "families", "tags"}


class MapEmbedViewSet(SnippetViewSet):
    """Saved embeds; a district office's members see and keep their office's only (mapa.permissions)."""

    model = MapEmbed
    icon = "code"
    list_display = [
        "name",
        "address",
        "district",
        "neighbourhood",
        Column(
            "usage",
            label=_("Usage"),
            accessor=lambda embed: format_html(
                '<a href="{}?{}">{}</a>',
                reverse("mapa_usage"),
                urlencode({"incrustacio": embed.slug}),
                _("Loads in the last 90 days"),
            ),
        ),
    ]
    panels = [
        *(
            # the many-to-many choices as checkboxes: a multiple select needs Ctrl-click, which
            # office staff rarely know
            FieldPanel(name, widget=forms.CheckboxSelectMultiple if name in CHECKBOXES else None)
            for name in ("name", "slug", "owner", *MapEmbed.VIEW_FIELDS)
        ),
        EmbedPreviewPanel(heading=_("Preview and code")),
    ]
    edit_view_class = type("EditView", (OwnEmbedsOnly, snippet_views.EditView), {})
    delete_view_class = type("DeleteView", (OwnEmbedsOnly, snippet_views.DeleteView), {})
    copy_view_class = type("CopyView", (OwnEmbedsOnly, snippet_views.CopyView), {})
    history_view_class = type("HistoryView", (OwnEmbedsOnly, snippet_views.HistoryView), {})
    usage_view_class = type("UsageView", (OwnEmbedsOnly, snippet_views.UsageView), {})
    inspect_view_class = type("InspectView", (OwnEmbedsOnly, snippet_views.InspectView), {})
    chooser_viewset_class = MapEmbedChooserViewSet

    def get_queryset(self, request):
        return visible_embeds(request.user)


class MapGroup(SnippetViewSetGroup):
    menu_label = _("Map")
    menu_icon = "site"
    menu_order = 230
    items = (LayerViewSet, MapEmbedViewSet, EconomicPoleViewSet, HousingServiceLinkViewSet)


register_snippet(MapGroup)


@hooks.register("register_admin_urls")
def register_usage_urls():
    return [
        path("mapa/us/", usage.report, name="mapa_usage"),
        path("mapa/us.csv", usage.report_csv, name="mapa_usage_csv"),
    ]


class UsageMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("mapa.view_mapembed")


@hooks.register("register_admin_menu_item")
def register_usage_menu_item():
    return UsageMenuItem(_("Embed usage"), reverse("mapa_usage"), icon_name="view", order=231)
