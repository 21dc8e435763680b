"""The pages sector tables write: the index of tables, one page per table with its 10-year work plan,
its tractor projects and news, and the multisector table that responds to emergencies.

Tables are pages (editors write them, with revisions, previews, translations and moderation);
the initiatives that take part are directory records chosen from the directory, never copies.
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from core.validators import COLOUR_VALIDATORS
from directori.models import District, Initiative, Sector

from ..blocks import PROJECT_STATUS_CHOICES, ObjectiveBlock, SectorStreamBlock, UrgentNeedBlock
from ..plan import WEIGHTING_RULE, Action, Objective, WorkPlan
from .strategy import Goal, StrategyLine

ICON_CHOICES = [
    ("leaf", _("Leaf")),
    ("basket", _("Basket")),
    ("house", _("House")),
    ("shirt", _("Shirt")),
    ("bolt", _("Lightning bolt")),
    ("bicycle", _("Bicycle")),
    ("heart", _("Heart")),
    ("coins", _("Coins")),
    ("palette", _("Palette")),
    ("alert", _("Alert")),
]

introduction_field = models.TextField(
    _("introduction"),
    blank=True,
    help_text=_("One or two sentences shown under the title, in lists and in search."),
)
page_search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]


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
            SectorPage.objects.child_of(self).live().select_related("sector").order_by("title")
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


class SectorPage(Page):
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
        FieldRowPanel([FieldPanel("sector"), FieldPanel("colour"), FieldPanel("icon")]),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    plan_panels = [FieldPanel("plan_start_year"), FieldPanel("plan")]
    team_panels = [
        InlinePanel("contacts", heading=_("Dynamisation team"), label=_("Contact")),
        InlinePanel("members", heading=_("Member initiatives"), label=_("Member")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(plan_panels, heading=_("Work plan")),
            ObjectList(team_panels, heading=_("Team and members")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )
    search_fields = [*page_search_fields, index.SearchField("plan")]
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
        objectives = [
            Objective(
                title=block.value["title"],
                description=block.value["description"],
                actions=[
                    Action(
                        title=a["title"],
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
            for block in self.plan
        ]
        return WorkPlan(start_year=self.plan_start_year or 2025, objectives=objectives)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().specific()
        context.update(
            strategy_url=self.get_parent().specific.strategy_url(request),
            plan=self.work_plan(),
            weighting_rule=WEIGHTING_RULE,
            projects=sorted(
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


class TractorProjectPage(Page):
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
                FieldRowPanel([FieldPanel("status"), FieldPanel("completion")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("State"),
        ),
        FieldPanel("body"),
        InlinePanel("participants", heading=_("Participating initiatives"), label=_("Participant")),
        MultiFieldPanel(
            [
                FieldPanel("lines", widget=forms.CheckboxSelectMultiple),
                FieldPanel("goals", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Strategy"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
                InlinePanel("locations", label=_("Place")),
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


class SectorNewsPage(Page):
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
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldPanel("introduction"),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
    ]
    search_fields = page_search_fields
    parent_page_types = ["sectors.SectorPage"]
    subpage_types = []

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


class CoordinationTablePage(Page):
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
                FieldPanel("crisis_mode"),
                FieldPanel("crisis_title"),
                FieldPanel("crisis_message"),
                FieldPanel("needs"),
            ],
            heading=_("Crisis response"),
        ),
        FieldPanel("body"),
    ]
    search_fields = page_search_fields
    parent_page_types = ["sectors.SectorIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("coordinated multisector table")
        verbose_name_plural = _("coordinated multisector tables")

    def clean(self):
        super().clean()
        if self.crisis_mode and not self.crisis_title:
            raise ValidationError({"crisis_title": _("Give the crisis a title: the banner shows it.")})

    @property
    def crisis_active(self):
        """One switch for every language: the live page in the default language (the translations'
        source) decides, so no translation can contradict the banner."""
        source = self.get_translation_or_none(Locale.objects.get(language_code=settings.LANGUAGE_CODE))
        source = source or self
        return source.live and source.specific.crisis_mode

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["urgent_needs"] = [
            {
                "title": block.value["title"],
                "description": block.value["description"],
                "initiatives": [i for i in block.value["initiatives"] if i is not None and i.live],
            }
            for block in self.needs
        ]
        return context
