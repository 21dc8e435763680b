"""A sector table's page: its sector, colour and icon, its 10-year work plan, its dynamisation team and
member initiatives. The initiatives are directory records chosen from the directory, never copies."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core.collation import Collated, sorted_by_name
from core.icons import ICON_CHOICES
from core.validators import COLOUR_VALIDATORS
from directori.models import Initiative, Sector

from ..blocks import ObjectiveBlock, SectorStreamBlock
from ..plan import WEIGHTING_RULE, Action, Objective, WorkPlan
from .common import (
    FactInlinePanel,
    FactPanel,
    OneSourceFacts,
    SourcePanel,
    introduction_field,
    page_search_fields,
)
from .news import SectorNewsPage
from .projects import TractorProjectPage


class SectorPage(OneSourceFacts, Page):
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The directory's sector this table works on; its code (AGRO, HABIT…) is shown with the name."
        ),
    )
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#35557a",
        validators=COLOUR_VALIDATORS,
        help_text=_(
            "The table's colour on the site and the map, as #RRGGBB. White text must be readable on it."
        ),
    )
    icon = models.CharField(_("icon"), max_length=20, choices=ICON_CHOICES, default="leaf")
    introduction = introduction_field.clone()
    body = StreamField(SectorStreamBlock(), verbose_name=_("body"), blank=True)
    plan_start_year = models.PositiveSmallIntegerField(
        _("first year of the plan"),
        default=2025,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("The work plan covers ten years from this one."),
    )
    plan = StreamField(
        [("objective", ObjectiveBlock())],
        verbose_name=_("work plan"),
        blank=True,
        help_text=_("The plan's objectives, each with its actions, their years, status and goals."),
    )
    # The table's editors; kept the same on every translation (see sectors.permissions).
    editor_group = models.ForeignKey(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FactPanel("sector"), FactPanel("colour"), FactPanel("icon")]),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    plan_panels = [
        FactPanel("plan_start_year"),
        SourcePanel(
            "plan",
            note=_(
                "The work plan is written once, on the table's Catalan page, with its texts in every "
                "language: its years, status, progress and responsible initiatives are the same in every "
                "language."
            ),
        ),
    ]
    team_panels = [
        InlinePanel("contacts", heading=_("Dynamisation team"), label=_("Contact")),
        FactInlinePanel("members", heading=_("Member initiatives"), label=_("Member")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(plan_panels, heading=_("Work plan")),
            ObjectList(team_panels, heading=_("Team and members")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )
    search_fields = [*page_search_fields, index.SearchField("plan_text")]
    fact_fields = ("sector", "colour", "icon", "members")
    # Lists of tables follow their sectors' names as the visitor reads them ("Tèxtil" before
    # "Transició energètica"), not their titles, whose articles ("d'", "de", "del") would decide.
    TABLE_ORDER = (Collated("sector__name", translated=True), Collated("title"))
    source_fields = ("plan_start_year", "plan")
    parent_page_types = ["sectors.SectorIndexPage"]
    subpage_types = ["sectors.TractorProjectPage", "sectors.SectorNewsPage"]
    # A copy is another table: it gets a group of its own (sectors.permissions), never this one's.
    exclude_fields_in_copy = ["editor_group"]

    class Meta:
        verbose_name = _("sector table")
        verbose_name_plural = _("sector tables")

    def with_content_json(self, content):
        """The group is who may edit the table, not its content: publishing or reverting to a revision
        (which may hold an empty or an older group) keeps the group the table has now."""
        page = super().with_content_json(content)
        page.editor_group_id = self.editor_group_id
        return page

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.sector_id
            and SectorPage.objects.filter(sector_id=self.sector_id, locale_id=self.locale_id)
            .exclude(translation_key=self.translation_key)
            .exists()
        ):
            errors["sector"] = _("Another sector table already works on this sector.")
        plan = self.work_plan()
        problems = [
            f"«{a.title}» ({a.start}–{a.end}): {plan.outside(a)}" for a in plan.actions if plan.outside(a)
        ]
        if problems:
            errors["plan"] = _(
                "Some actions do not fit the plan's years %(first)s–%(last)s: %(problems)s."
            ) % {
                "first": plan.start_year,
                "last": plan.end_year,
                "problems": "; ".join(problems),
            }
        if errors:
            raise ValidationError(errors)

    def work_plan(self):
        """The plan of the table's source page (one for every language), in this page's language."""
        source = self.fact_source()
        texts = self.source_texts(source)
        objectives = [
            Objective(
                **texts(block.value, "title"),
                **texts(block.value, "description"),
                actions=[
                    Action(
                        **texts(a, "title"),
                        start=a["start_year"],
                        end=a["end_year"],
                        status=a["status"],
                        completion=a["completion"],
                        responsible=[i for i in a["responsible"] if i is not None and i.live],
                        goals=[g for g in a["goals"] if g is not None],
                    )
                    for a in block.value["actions"]
                ],
            )
            for block in source.plan
        ]
        return WorkPlan(start_year=source.plan_start_year or 2025, objectives=objectives)

    def plan_text(self):
        """The plan's texts in this page's language, for the search index."""
        plan = self.work_plan()
        return "\n".join(
            [text for o in plan.objectives for text in (o.title, o.description)]
            + [a.title for a in plan.actions]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().specific()
        context.update(
            strategy_url=self.get_parent().specific.strategy_url(request),
            plan=self.work_plan(),
            weighting_rule=WEIGHTING_RULE,
            projects=sorted_by_name(
                (p for p in children if isinstance(p, TractorProjectPage)), key=lambda p: p.title
            ),
            news=sorted(
                (p for p in children if isinstance(p, SectorNewsPage)), key=lambda p: p.date, reverse=True
            ),
            members=[m.initiative for m in self.members.select_related("initiative") if m.initiative.live],
        )
        return context


class SectorContact(Orderable):
    page = ParentalKey(SectorPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True, help_text=_("E.g. dynamisation team."))
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]


class SectorMember(Orderable):
    page = ParentalKey(SectorPage, on_delete=models.CASCADE, related_name="members")
    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="+"
    )
    panels = [FieldPanel("initiative")]
