"""The admin for the sector tables: the Strategy's lines and goals (staff keep them; tables tag projects
and actions with them), and a dashboard panel that takes each table member straight to their pages."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Goal, SectorPage, StrategyLine


class StrategyLineViewSet(SnippetViewSet):
    model = StrategyLine
    icon = "list-ol"
    list_display = ["code", "title"]
    ordering = ["code"]


class GoalViewSet(SnippetViewSet):
    model = Goal
    icon = "success"
    list_display = ["code", "title", "line"]
    ordering = ["code"]


class StrategyGroup(SnippetViewSetGroup):
    menu_label = _("Strategy")
    menu_icon = "list-ol"
    menu_order = 220
    items = (StrategyLineViewSet, GoalViewSet)


register_snippet(StrategyGroup)


class MyTablesPanel(Component):
    """On a table member's dashboard: their table's pages in each language, ready to edit, and where
    to add a project or news. The page explorer starts at the root for them; this is the short way."""

    name = "my_tables"
    order = 40
    template_name = "sectors/admin/my_tables_panel.html"

    def __init__(self, tables):
        self.tables = tables

    def get_context_data(self, parent_context):
        return {"tables": self.tables}


@hooks.register("construct_homepage_panels")
def add_my_tables_panel(request, panels):
    languages = [code for code, _ in settings.LANGUAGES]
    tables = sorted(
        SectorPage.objects.filter(editor_group__in=request.user.groups.all()).select_related("locale"),
        key=lambda p: (str(p.translation_key), languages.index(p.locale.language_code)),
    )
    if tables:
        panels.append(MyTablesPanel(tables))


@hooks.register("before_copy_page")
def tables_are_not_copied(request, page):
    """One sector has one table, and the copy form cannot change the sector, so a copied table could
    never be saved: say so, rather than fail. A new table for another sector is added instead."""
    if issubclass(page.specific_class, SectorPage):
        messages.error(
            request,
            gettext(
                "A sector table cannot be copied: each sector has one table. "
                "Add a new table for another sector instead."
            ),
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
