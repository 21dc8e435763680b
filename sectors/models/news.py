"""A table's news and meeting notes, dated, with attachments."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from modelcluster.fields import ParentalKey

from ..blocks import SectorStreamBlock
from .common import FactPanel, OneSourceFacts, introduction_field, page_search_fields


class SectorNewsPage(OneSourceFacts, Page):
    """News and meeting notes of a table, dated, with attachments."""

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        MINUTES = "minutes", _("Meeting notes")

    date = models.DateField(_("date"), default=datetime.date.today)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NEWS)
    introduction = introduction_field.clone()
    body = StreamField(SectorStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FactPanel("date"), FactPanel("kind")]),
        FieldPanel("introduction"),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
    ]
    search_fields = page_search_fields
    parent_page_types = ["sectors.SectorPage"]
    subpage_types = []
    fact_fields = ("date", "kind")

    class Meta:
        # One English word for one item and for many: the context gives Catalan and Spanish their
        # singular ("notícia de taula sectorial"), which the admin's "New …" title uses.
        verbose_name = pgettext_lazy("one item", "sector news")
        verbose_name_plural = _("sector news")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["table"] = self.get_parent().specific
        context["attachments"] = self.attachments.select_related("document")
        return context


class NewsAttachment(Orderable):
    page = ParentalKey(SectorNewsPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Leave empty to use the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]
