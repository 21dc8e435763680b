"""The directory in the Wagtail admin: initiatives (drafts, revisions, filters), the taxonomies, and
the import view."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import EssFamily, Initiative, LayerTag, Proposal, Sector


class InitiativeViewSet(SnippetViewSet):
    model = Initiative
    icon = "site"
    menu_label = _("Initiatives")
    list_display = [
        "name",
        "family",
        "district",
        "neighbourhood",
        BooleanColumn("outside_city", label=_("Outside the city")),
        "updated_at",
    ]
    list_filter = [
        "district",
        "neighbourhood",
        "sectors",
        "family",
        "tags",
        "live",
        "outside_city",
        "is_example",
    ]
    list_per_page = 50
    ordering = ["name"]
    copy_view_enabled = False

    def get_queryset(self, request):
        """One query for the listing's columns; the areas' boundaries are not needed there."""
        return Initiative.objects.select_related("family", "district", "neighbourhood").defer(
            "district__geometry", "neighbourhood__geometry"
        )


class TermViewSet(SnippetViewSet):
    list_display = ["name", "name_es", "name_en", "slug"]
    icon = "tag"


class FamilyViewSet(TermViewSet):
    model = EssFamily


class SectorViewSet(TermViewSet):
    model = Sector
    list_display = ["name", "code", "slug"]


class LayerTagViewSet(TermViewSet):
    model = LayerTag
    list_display = ["name", "group", "slug"]


class DuplicatesColumn(Column):
    """Live initiatives the proposal may repeat (similar name, close by): a moderator checks these
    before publishing the draft."""

    cell_template_name = "directori/admin/duplicates_cell.html"

    def get_value(self, instance):
        return instance.possible_duplicates()


class ProposalViewSet(SnippetViewSet):
    model = Proposal
    icon = "mail"
    menu_label = _("Proposals")
    list_display = [
        "initiative",
        "kind",
        "status",
        DuplicatesColumn("duplicates", label=_("Possible duplicates")),
        "created_at",
    ]
    list_filter = ["status", "kind"]
    ordering = ["-created_at"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return Proposal.objects.select_related("initiative")


class PendingProposalsPanel(Component):
    """On the admin dashboard: how many proposals wait for a moderator."""

    name = "pending_proposals"
    order = 50
    template_name = "directori/admin/pending_proposals_panel.html"

    def get_context_data(self, parent_context):
        return {"count": Proposal.objects.filter(status=Proposal.Status.PENDING).count()}


@hooks.register("construct_homepage_panels")
def add_pending_proposals_panel(request, panels):
    if request.user.has_perm("directori.change_proposal"):
        panels.append(PendingProposalsPanel())


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "site"
    menu_order = 200
    items = (InitiativeViewSet, ProposalViewSet, FamilyViewSet, SectorViewSet, LayerTagViewSet)


register_snippet(DirectoryGroup)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("directori/import/", admin_views.import_initiatives, name="directori_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import initiatives"), reverse("directori_import"), icon_name="upload", order=210)
