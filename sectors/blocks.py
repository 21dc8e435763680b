"""StreamField blocks of the sector tables: the work plan's objectives and actions, urgent needs, and
the body blocks that list projects and initiatives or embed outside media. Body streams extend the
shell's `BaseStreamBlock` (text, image, quote, call to action) rather than copy it."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds import embeds
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.exceptions import EmbedException
from wagtail.models import Locale
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import BaseStreamBlock
from core.collation import Collated
from core.embed_params import view_params
from directori.models import District
from directori.selection import Selection

from .plan import STATUS_CHOICES

PROJECT_STATUS_CHOICES = [
    ("idea", _("Idea")),
    ("design", _("Design")),
    ("running", _("Running")),
    ("consolidated", _("Consolidated")),
    ("paused", _("Paused")),
]


def in_three_languages(block_class, labels, required=True, **options):
    """A text kept once for every language: its Catalan block (required when `required`) and optional
    Spanish and English ones, named `<name>`, `<name>_es`, `<name>_en` by the caller. Pages read them
    through sectors.models.common.text_in."""
    catalan, spanish, english = labels
    return (
        block_class(label=catalan, **options, **({} if required else {"required": False})),
        block_class(label=spanish, required=False, **options),
        block_class(label=english, required=False, **options),
    )


class PlanActionBlock(blocks.StructBlock):
    """An action of the work plan. The plan is kept once, on the table's Catalan page, for every
    language (sectors.models.common): its texts are here in each language, its facts once."""

    title, title_es, title_en = in_three_languages(
        blocks.CharBlock,
        (_("Action (Catalan)"), _("Action (Spanish)"), _("Action (English)")),
        max_length=200,
    )
    start_year = blocks.IntegerBlock(label=_("First year"), min_value=2000, max_value=2100)
    end_year = blocks.IntegerBlock(
        label=_("Last year"), min_value=2000, max_value=2100, help_text=_("Within the plan's ten years.")
    )
    status = blocks.ChoiceBlock(label=_("Status"), choices=STATUS_CHOICES, default="planned")
    completion = blocks.IntegerBlock(
        label=_("Completion (%)"),
        required=False,
        min_value=0,
        max_value=100,
        help_text=_("Only for actions under way: how much is done, from 0 to 100."),
    )
    responsible = blocks.ListBlock(
        SnippetChooserBlock("directori.Initiative"),
        label=_("Responsible initiatives"),
        default=[],
        collapsed=True,
    )
    goals = blocks.ListBlock(
        SnippetChooserBlock("sectors.Goal"), label=_("Strategy goals served"), default=[], collapsed=True
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value["end_year"] < value["start_year"]:
            errors["end_year"] = ValidationError(_("The last year cannot come before the first."))
        if value["status"] == "in_progress" and value["completion"] is None:
            errors["completion"] = ValidationError(_("Say how much of an action under way is done."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "date"
        label = _("Action")


class ObjectiveBlock(blocks.StructBlock):
    """An objective of the work plan, with its texts in each language (see PlanActionBlock)."""

    title, title_es, title_en = in_three_languages(
        blocks.CharBlock,
        (_("Objective (Catalan)"), _("Objective (Spanish)"), _("Objective (English)")),
        max_length=200,
    )
    description, description_es, description_en = in_three_languages(
        blocks.TextBlock,
        (_("Description (Catalan)"), _("Description (Spanish)"), _("Description (English)")),
        required=False,
    )
    actions = blocks.ListBlock(PlanActionBlock(), label=_("Actions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Objective")
        description = _("An objective of the ten-year plan and the actions that reach it.")


class UrgentNeedBlock(blocks.StructBlock):
    """A need of the emergency, kept once on the coordinated table's Catalan page with its texts in each
    language and the initiatives answering it once (sectors.models.common)."""

    title, title_es, title_en = in_three_languages(
        blocks.CharBlock, (_("Need (Catalan)"), _("Need (Spanish)"), _("Need (English)")), max_length=200
    )
    description, description_es, description_en = in_three_languages(
        blocks.TextBlock,
        (_("Description (Catalan)"), _("Description (Spanish)"), _("Description (English)")),
        required=False,
    )
    initiatives = blocks.ListBlock(
        SnippetChooserBlock("directori.Initiative"), label=_("Initiatives responding"), default=[]
    )

    class Meta:
        icon = "warning"
        label = _("Urgent need")
        description = _("A need of the current emergency and the initiatives that answer it.")


class ProjectListBlock(blocks.StructBlock):
    """Live tractor projects in the visitor's language, of one table or all, optionally of one status.
    A list that keeps itself up to date: editors choose the filter, not the pages."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    table = blocks.PageChooserBlock(
        label=_("Sector table"),
        page_type="sectors.SectorPage",
        required=False,
        help_text=_("Leave empty to list the projects of every table."),
    )
    status = blocks.ChoiceBlock(
        label=_("Status"), choices=PROJECT_STATUS_CHOICES, required=False, help_text=_("Leave empty for any.")
    )
    limit = blocks.IntegerBlock(label=_("How many at most"), default=6, min_value=1, max_value=30)

    def get_context(self, value, parent_context=None):
        from .models import TractorProjectPage

        context = super().get_context(value, parent_context)
        projects = TractorProjectPage.objects.live().filter(locale=Locale.get_active())
        if value["table"]:
            table = value["table"].get_translation_or_none(Locale.get_active()) or value["table"]
            projects = projects.descendant_of(table)
        if value["status"]:
            projects = projects.filter(status=value["status"])
        context["projects"] = projects.order_by(Collated("title"))[: value["limit"]]
        return context

    class Meta:
        icon = "rocket"
        template = "sectors/blocks/project_list_block.html"
        label = _("List of tractor projects")
        description = _("Tractor projects of a table, or of all tables, kept up to date automatically.")
        preview_value = {"heading": "Projectes tractors", "limit": 6}


def district_choices():
    return [(d.slug, d.name) for d in District.objects.defer("geometry").order_by("code")]


class InitiativeListBlock(blocks.StructBlock):
    """Live initiatives of the directory chosen by the directory's own filters, with a link to the
    full listing with the same filters."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    sector = SnippetChooserBlock("directori.Sector", label=_("Sector"), required=False)
    family = SnippetChooserBlock("directori.EssFamily", label=_("Kind of organisation"), required=False)
    district = blocks.ChoiceBlock(label=_("District"), choices=district_choices, required=False)
    tag = SnippetChooserBlock("directori.LayerTag", label=_("Map layer"), required=False)
    limit = blocks.IntegerBlock(label=_("How many at most"), default=8, min_value=1, max_value=50)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        selection = Selection.of(
            sector=[value["sector"].slug] if value["sector"] else [],
            familia=[value["family"].slug] if value["family"] else [],
            capa=[value["tag"].slug] if value["tag"] else [],
            districte=[value["district"]] if value["district"] else [],
        )
        results = selection.results()
        context.update(
            initiatives=results[: value["limit"]],
            total=results.count(),
            directory_url=selection.directory_url,
        )
        return context

    class Meta:
        icon = "group"
        template = "sectors/blocks/initiative_list_block.html"
        label = _("List of initiatives")
        description = _("Initiatives of the directory chosen by sector, kind, district or map layer.")
        preview_value = {"heading": "Iniciatives de la taula", "limit": 8}


class ConsentEmbedBlock(EmbedBlock):
    """Media from another site (a video, a document). Pages load nothing remote on their own, so the
    page shows a link, and the player only after the visitor asks for it (sectors/embed.js)."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        try:
            context["embed"] = embeds.get_embed(value.url) if value else None
        except EmbedException:
            context["embed"] = None  # the provider cannot be reached: the link still works
        return context

    class Meta:
        icon = "media"
        template = "sectors/blocks/embed_block.html"
        label = _("Embed")
        description = _(
            "A video or document from another site, given by its address. Visitors see a link and "
            "load the player only if they choose to."
        )


def layer_choices():
    # By label, not by import: mapa reads sectors, so sectors never imports mapa.
    return [(layer.slug, layer.label) for layer in apps.get_model("mapa", "Layer").objects.all()]


class MapBlock(blocks.StructBlock):
    """The map embed with chosen layers and filters, the same view district offices frame."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    layers = blocks.MultipleChoiceBlock(
        label=_("Layers"),
        choices=layer_choices,
        required=False,
        help_text=_("None: the layers shown by default."),
    )
    district = blocks.ChoiceBlock(label=_("District"), choices=district_choices, required=False)
    sector = SnippetChooserBlock("directori.Sector", label=_("Sector"), required=False)
    height = blocks.IntegerBlock(label=_("Height in pixels"), default=480, min_value=200, max_value=1200)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        selection = Selection.of(
            districte=[value["district"]] if value["district"] else [],
            sector=[value["sector"].slug] if value["sector"] else [],
        )
        # the embed's own options, written as mapa.embed.EmbedOptions writes them (no app imports mapa)
        context.update(
            src=selection.url("mapa:embed", sort=False, extra=view_params(value["layers"], list_mode="sota")),
            full_map=selection.url("mapa:index", sort=False, extra=view_params(value["layers"])),
            # the embed fills its frame: the map takes 3/5 of it, the list under it the rest
            height=value["height"] + 320,
            title=value["heading"] or _("Map"),
        )
        return context

    class Meta:
        icon = "site"
        template = "sectors/blocks/map_block.html"
        label = _("Map")
        description = _("The map with the layers, district and sector you choose, and its list.")


class SectorStreamBlock(BaseStreamBlock):
    projects = ProjectListBlock()
    initiatives = InitiativeListBlock()
    embed = ConsentEmbedBlock(label=_("Embed"), help_text=_("The address of a video or document page."))
    map = MapBlock()
