"""The directory in the Wagtail admin: initiatives (drafts, revisions, filters), the taxonomies, and
the import view."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import EssFamily, Initiative, LayerTag, NeedWord, Proposal, Sector


def can_delete_for_good(user):
    """Removing an initiative with its revisions and proposals cannot be undone: strategy staff only."""
    return user.is_superuser


class InitiativeDeleteView(DeleteView):
    """ "Delete" archives: the initiative leaves every public place and can be restored. An archived
    one can then be deleted for good, by strategy staff only."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.object.archived_at and not can_delete_for_good(request.user):
            raise PermissionDenied

    @property
    def page_title(self):
        return _("Delete for good") if self.object.archived_at else _("Archive")

    @property
    def confirmation_message(self):
        if self.object.archived_at:
            return _(
                "Delete this archived initiative for good, with its history and proposals? This cannot be undone."
            )
        return _(
            "Archive this initiative? It disappears from the directory, the map, search and open data; staff can restore it."
        )

    def get_success_message(self):
        message = (
            _("Initiative '%(object)s' deleted for good.")
            if self.object.archived_at
            else _("Initiative '%(object)s' archived.")
        )
        return message % {"object": self.object}

    def delete_action(self):
        if self.object.archived_at:
            super().delete_action()
        else:
            self.object.archive()


class ArchivedColumn(Column):
    cell_template_name = "directori/admin/archived_cell.html"


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
        ArchivedColumn("archived_at", label=_("Archived")),
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
    delete_view_class = InitiativeDeleteView

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


class NeedWordViewSet(SnippetViewSet):
    """The need words the search box, the directory and the map understand; an edit works at once."""

    model = NeedWord
    icon = "search"
    list_display = ["text", "language", "synonyms", "updated_at"]
    list_filter = ["language", "sectors", "families", "tags"]
    search_fields = ["text", "synonyms"]
    ordering = ["key", "language"]


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
    items = (
        InitiativeViewSet,
        ProposalViewSet,
        FamilyViewSet,
        SectorViewSet,
        LayerTagViewSet,
        NeedWordViewSet,
    )


register_snippet(DirectoryGroup)


@hooks.register("register_admin_urls")
def register_import_url():
    return [
        path("directori/import/", admin_views.import_initiatives, name="directori_import"),
        path("directori/import/<uuid:pk>/", admin_views.import_job, name="directori_import_job"),
        path("directori/import/<uuid:pk>/undo/", admin_views.undo_import, name="directori_import_undo"),
        path(
            "directori/initiative/<int:pk>/restore/", restore_initiative, name="directori_initiative_restore"
        ),
    ]


def restore_initiative(request, pk):
    """Bring an archived initiative back (live again if it was live), after a confirmation."""
    if not request.user.has_perm("directori.delete_initiative"):
        raise PermissionDenied
    initiative = get_object_or_404(Initiative, pk=pk, archived_at__isnull=False)
    if request.method == "POST":
        initiative.restore()
        messages.success(request, gettext_now("Initiative '%(object)s' restored.") % {"object": initiative})
        return redirect("wagtailsnippets_directori_initiative:list")
    return render(request, "directori/admin/restore.html", {"initiative": initiative})


@hooks.register("before_bulk_action")
def archive_instead_of_bulk_delete(request, action_type, objects, action_class_instance):
    """The listing's bulk "delete" archives initiatives too (permanent deletion is one at a time)."""
    if action_type == "delete" and objects and isinstance(objects[0], Initiative):
        for initiative in objects:
            initiative.archive()
        messages.success(request, gettext_now("%(count)s initiatives archived.") % {"count": len(objects)})
        return redirect("wagtailsnippets_directori_initiative:list")


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import initiatives"), reverse("directori_import"), icon_name="upload", order=210)
