"""StreamField blocks shared by every page type. Later apps extend `BaseStreamBlock` with their own
blocks (projects, initiatives) instead of redefining these."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Subsection heading (h3)"))],
        default="h2",
        help_text=_("Use h2 for sections and h3 inside them, so screen readers can jump between them."),
    )

    class Meta:
        icon = "title"
        template = "core/blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading, which also appears in the page outline for screen readers.")
        preview_value = {"text": "Economia social a cada barri", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote_block.html"
        label = _("Quote")
        description = _("A quotation with the name of the person or entity who said it.")
        preview_value = {
            "text": "Cooperar entre entitats de l'ESS ens fa més fortes.",
            "attribution": "Taula sectorial d'habitatge",
        }


class CallToActionBlock(blocks.StructBlock):
    """A button-like link; exactly one target (a page of this site or an external address)."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page of this site"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose either a page of this site or an external address, not both or neither.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)},
            )
        return value

    class Meta:
        icon = "link"
        template = "core/blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted box with a button that leads to a page or to another site.")
        preview_value = {
            "title": "Proposa una iniciativa",
            "text": "Coneixes una entitat de l'ESS que no hi és?",
            "button_label": "Proposa-la",
            "url": "https://example.org/",
        }


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul", "document-link"],
        template="core/blocks/paragraph_block.html",
        description=_("Text with bold, italics, lists and links."),
        preview_value="<p>Les taules sectorials acorden un pla de treball per als propers deu anys.</p>",
    )
    image = ImageBlock(
        label=_("Image"),
        template="core/blocks/image_block.html",
        description=_("An image with its text alternative for people who cannot see it."),
    )
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
