"""A table's tractor projects: who takes part and how, what they serve in the Strategy, where they
happen, and a dated timeline of updates."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from directori.models import District, Initiative

from ..blocks import PROJECT_STATUS_CHOICES, SectorStreamBlock
from .common import FactInlinePanel, FactPanel, OneSourceFacts, introduction_field, page_search_fields
from .strategy import Goal, StrategyLine


class TractorProjectPage(OneSourceFacts, Page):
    """A table's flagship project: who takes part and how, what it serves in the Strategy, where it
    happens, and a dated timeline of updates."""

    introduction = introduction_field.clone()
    body = StreamField(SectorStreamBlock(), verbose_name=_("body"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=PROJECT_STATUS_CHOICES, default="idea")
    completion = models.PositiveSmallIntegerField(
        _("completion (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_("How much of the project is done, from 0 to 100."),
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(
        _("end"), null=True, blank=True, help_text=_("Leave empty if it has no end date.")
    )
    districts = ParentalManyToManyField(
        District, verbose_name=_("districts involved"), blank=True, related_name="+"
    )
    lines = ParentalManyToManyField(
        StrategyLine, verbose_name=_("strategy lines"), blank=True, related_name="projects"
    )
    goals = ParentalManyToManyField(
        Goal, verbose_name=_("strategy goals"), blank=True, related_name="projects"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel([FactPanel("status"), FactPanel("completion")]),
                FieldRowPanel([FactPanel("start_date"), FactPanel("end_date")]),
            ],
            heading=_("State"),
        ),
        FieldPanel("body"),
        FactInlinePanel("participants", heading=_("Participating initiatives"), label=_("Participant")),
        MultiFieldPanel(
            [
                FactPanel("lines", widget=forms.CheckboxSelectMultiple),
                FactPanel("goals", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Strategy"),
        ),
        MultiFieldPanel(
            [
                FactPanel("districts", widget=forms.CheckboxSelectMultiple),
                FactInlinePanel("locations", label=_("Place")),
            ],
            heading=_("Where it happens"),
            help_text=_(
                "The districts involved and, if it has them, the places where it happens, for the map."
            ),
        ),
        InlinePanel("updates", heading=_("Updates"), label=_("Update")),
    ]
    search_fields = page_search_fields
    parent_page_types = ["sectors.SectorPage"]
    subpage_types = []
    fact_fields = (
        "status",
        "completion",
        "start_date",
        "end_date",
        "districts",
        "lines",
        "goals",
        "participants",
        "locations",
    )

    class Meta:
        verbose_name = _("tractor project")
        verbose_name_plural = _("tractor projects")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end cannot come before the start.")})

    @property
    def table(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            strategy_url=self.table.get_parent().specific.strategy_url(request),
            table=self.table,
            participants=[p for p in self.participants.select_related("initiative") if p.initiative.live],
            updates=sorted(self.updates.all(), key=lambda u: u.date, reverse=True),
            project_districts=self.districts.defer("geometry").order_by("code"),
        )
        return context


class ProjectParticipant(Orderable):
    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        PARTNER = "partner", _("Partner")

    page = ParentalKey(TractorProjectPage, on_delete=models.CASCADE, related_name="participants")
    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.PARTNER)

    panels = [FieldRowPanel([FieldPanel("initiative"), FieldPanel("role")])]


class ProjectLocation(Orderable):
    page = ParentalKey(TractorProjectPage, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("name of the place"), max_length=120)
    latitude = models.FloatField(_("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)])
    longitude = models.FloatField(
        _("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])]

    # Barcelona's municipal area with a margin: a point outside is a typo or swapped coordinates.
    AREA = {"latitude": (41.30, 41.48), "longitude": (2.04, 2.24)}

    def clean(self):
        errors = {
            field: _(
                "This point is outside Barcelona: check the number, and that latitude and longitude are not swapped."
            )
            for field, (low, high) in self.AREA.items()
            if getattr(self, field) is not None and not low <= getattr(self, field) <= high
        }
        if errors:
            raise ValidationError(errors)


class ProjectUpdate(Orderable):
    page = ParentalKey(TractorProjectPage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"), default=datetime.date.today)
    text = models.TextField(_("what happened"))

    panels = [FieldPanel("date"), FieldPanel("text")]
