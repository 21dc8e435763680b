"""The multisector table that responds to emergencies, and its crisis mode."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from ..blocks import SectorStreamBlock, UrgentNeedBlock
from .common import FactPanel, OneSourceFacts, SourcePanel, introduction_field, page_search_fields


class CoordinationTablePage(OneSourceFacts, Page):
    """The multisector table that responds to emergencies. In crisis mode, every public page carries a
    banner that links here, where the urgent needs are listed with the initiatives answering each."""

    introduction = introduction_field.clone()
    body = StreamField(SectorStreamBlock(), verbose_name=_("body"), blank=True)
    crisis_mode = models.BooleanField(
        _("crisis mode"),
        default=False,
        help_text=_(
            "When on and published, every public page shows a banner that links to the urgent needs. "
            "The Catalan page's switch counts for every language."
        ),
    )
    crisis_title = models.CharField(_("crisis title"), max_length=120, blank=True)
    crisis_message = models.CharField(
        _("banner message"), max_length=255, blank=True, help_text=_("One sentence shown in the banner.")
    )
    needs = StreamField(
        [("need", UrgentNeedBlock())],
        verbose_name=_("urgent needs"),
        blank=True,
        help_text=_("What is needed now, and which initiatives of the directory answer each need."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FactPanel("crisis_mode"),
                FieldPanel("crisis_title"),
                FieldPanel("crisis_message"),
                SourcePanel(
                    "needs",
                    note=_(
                        "The urgent needs are written once, on the Catalan page, with their texts in every "
                        "language: the initiatives answering them are the same in every language."
                    ),
                ),
            ],
            heading=_("Crisis response"),
        ),
        FieldPanel("body"),
    ]
    search_fields = page_search_fields
    parent_page_types = ["sectors.SectorIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    source_fields = ("crisis_mode", "needs")

    class Meta:
        verbose_name = _("coordinated multisector table")
        verbose_name_plural = _("coordinated multisector tables")

    def clean(self):
        super().clean()
        if self.fact_source().crisis_mode and not self.crisis_title:
            raise ValidationError({"crisis_title": _("Give the crisis a title: the banner shows it.")})

    @property
    def crisis_active(self):
        """One switch for every language: the live page in the default language (the translations'
        source) decides, so no translation can contradict the banner."""
        source = self.fact_source()
        return source.live and source.specific.crisis_mode

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = self.fact_source()
        texts = self.source_texts(source)
        context["urgent_needs"] = [
            {
                **texts(block.value, "title"),
                **texts(block.value, "description"),
                "initiatives": [i for i in block.value["initiatives"] if i is not None and i.live],
            }
            for block in source.needs
        ]
        return context
