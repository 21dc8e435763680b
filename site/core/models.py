"""Pages every part of the site shares: the home page of each language and plain content pages.

Page-tree rules live on both sides (`parent_page_types` and `subpage_types`) so editors are only
offered page types that fit where they are; tests/core/test_page_tree.py checks them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BaseStreamBlock
from .navigation import sections, sector_tables, shortcuts


class HomePage(Page):
    """The site root, one per language (translations of each other)."""

    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.TextField(
        _("hero text"), blank=True, help_text=_("One or two sentences under the title.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Decorative: the title and text must say everything on their own."),
    )
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    # Named by string: each section app offers its own index page type here.
    subpage_types = ["core.StandardPage", "sectors.SectorIndexPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections()
        context["shortcuts"] = shortcuts()
        context["tables"] = sector_tables()
        return context

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(Page):
    """A plain content page: about, accessibility statement, open data, legal notes."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("A short summary shown under the title and in search.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
