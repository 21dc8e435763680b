"""/sectors/: the index of the tables, and the Strategy page (a route of the index)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page

from ..blocks import SectorStreamBlock
from .common import introduction_field, page_search_fields
from .coordination import CoordinationTablePage
from .table import SectorPage


class SectorIndexPage(RoutablePageMixin, Page):
    """/sectors/: every table, the coordinated table, and the Strategy page (a route of this page)."""

    introduction = introduction_field.clone()
    body = StreamField(SectorStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = page_search_fields
    parent_page_types = ["core.HomePage"]
    subpage_types = ["sectors.SectorPage", "sectors.CoordinationTablePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("sector tables index")
        verbose_name_plural = _("sector tables indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tables"] = (
            SectorPage.objects.child_of(self)
            .live()
            .select_related("sector")
            .order_by(*SectorPage.TABLE_ORDER)
        )
        context["coordination"] = CoordinationTablePage.objects.child_of(self).live().first()
        context["strategy_url"] = self.strategy_url(request)
        return context

    def strategy_url(self, request=None):
        url = self.get_url(request)  # None in a preview of a page outside any site
        return url and url + self.reverse_subpage("strategy")

    @path("")
    def index(self, request):
        return self.render(request)

    @path("estrategia/", name="strategy")
    def strategy(self, request):
        """Projects and plan actions by strategy line and goal, with counts."""
        from ..overview import strategy_overview

        overview = strategy_overview(self)
        groups = [(_("Strategy lines"), overview["lines"], "linia"), (_("Goals"), overview["goals"], "fita")]
        return self.render(
            request,
            template="sectors/strategy.html",
            # the language switcher keeps the route on the translated index pages
            context_overrides={"groups": groups, "subpage_route": self.reverse_subpage("strategy")},
        )
