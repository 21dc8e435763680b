"""ESS initiatives: the providers the public looks for. A model, not a page: there are thousands, they
arrive in bulk, and sector pages, the directory and the map all present the same records."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from core.language import fallback_lang, in_language
from core.text import fold, plain_text

from ..panels import PointPreviewPanel
from ..slugs import FreeSlugs, slug_base
from .geography import District, Neighbourhood
from .taxonomy import EssFamily, LayerTag, Sector

percentage = [MinValueValidator(0), MaxValueValidator(100)]
DESCRIPTION_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class InitiativeQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def live(self):
        """What the public may see: published, not archived. Every public output starts here (and
        archiving also unpublishes, so code that checks `live=True` directly follows too)."""
        return self.filter(live=True, archived_at__isnull=True)


class Initiative(DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    description = RichTextField(_("description"), blank=True, features=DESCRIPTION_FEATURES)
    # Optional: the public page shows the visitor's language and falls back to Catalan (marked
    # lang="ca"); search reads all three, so a Spanish or English word finds the initiative.
    description_es = RichTextField(_("description (Spanish)"), blank=True, features=DESCRIPTION_FEATURES)
    description_en = RichTextField(_("description (English)"), blank=True, features=DESCRIPTION_FEATURES)
    family = models.ForeignKey(
        EssFamily, verbose_name=_("ESS family"), null=True, blank=True, on_delete=models.PROTECT
    )
    sectors = ParentalManyToManyField(
        Sector, verbose_name=_("sectors"), blank=True, related_name="initiatives"
    )
    tags = ParentalManyToManyField(
        LayerTag,
        verbose_name=_("map layers"),
        blank=True,
        related_name="initiatives",
        help_text=_("Social market, or the kinds of housing-related service it offers."),
    )

    address = models.CharField(_("address"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    # Assigned from the point by directori.placement, never typed.
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="initiatives",
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="initiatives",
    )
    outside_city = models.BooleanField(
        _("outside the city"),
        default=False,
        editable=False,
        help_text=_("The point falls outside Barcelona's boundaries: kept, but in no district."),
    )

    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    legal_form = models.CharField(_("legal form"), max_length=120, blank=True)
    workforce = models.PositiveIntegerField(
        _("workforce"), null=True, blank=True, help_text=_("People working.")
    )
    women_workforce_share = models.PositiveSmallIntegerField(
        _("women in the workforce (%)"), null=True, blank=True, validators=percentage
    )
    women_governance_share = models.PositiveSmallIntegerField(
        _("women in governance bodies (%)"), null=True, blank=True, validators=percentage
    )

    source = models.CharField(
        _("source"), max_length=80, blank=True, help_text=_("Where the record comes from, e.g. an import.")
    )
    external_id = models.CharField(_("external id"), max_length=120, blank=True)
    is_example = models.BooleanField(
        _("example data"), default=False, help_text=_("Made up for the demo site, not a real initiative.")
    )
    # Name, address and the descriptions in every language, folded (no accents, lower case): the
    # directory's text filter matches words against it the same way on SQLite and PostgreSQL.
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Deleting from the admin archives: hidden from every public place, restorable by staff.
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True, editable=False)
    live_before_archive = models.BooleanField(default=False, editable=False)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="initiative")

    objects = InitiativeQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("description_es"), FieldPanel("description_en")],
            heading=_("Translations"),
            help_text=_("Optional. Left empty, visitors reading Spanish or English see the Catalan text."),
            classname="collapsed",
        ),
        FieldRowPanel([FieldPanel("family"), FieldPanel("legal_form"), FieldPanel("year_founded")]),
        FieldPanel("sectors"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                PointPreviewPanel(heading=_("Saved position")),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone"), FieldPanel("opening_hours")],
            heading=_("Contact"),
        ),
        InlinePanel("links", label=_("Social links")),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("workforce"),
                FieldRowPanel([FieldPanel("women_workforce_share"), FieldPanel("women_governance_share")]),
            ],
            heading=_("People"),
        ),
        InlinePanel("evaluations", label=_("Evaluations")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("source"), FieldPanel("external_id")]), FieldPanel("is_example")],
            heading=_("Origin of the data"),
        ),
    ]

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("description_es"),
        index.SearchField("description_en"),
        index.SearchField("address"),
        # What the public types is often a kind of place or service, not a name: "cooperativa",
        # "mediació familiar", "Sagrada Família".
        index.RelatedFields("family", [index.SearchField("name")]),
        index.RelatedFields("sectors", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("neighbourhood", [index.SearchField("name")]),
        index.FilterField("id"),
        index.FilterField("live"),
        index.FilterField("archived_at"),
        index.FilterField("district_id"),
        index.FilterField("neighbourhood_id"),
        index.FilterField("family_id"),
    ]

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~models.Q(external_id=""),
                name="initiative_unique_source_external_id",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("directori:initiative", kwargs={"slug": self.slug})

    @property
    def revisions(self):
        return self._revisions

    @property
    def title(self):
        """The name, under the field name search backends weight as a title (SQLite's index keeps
        only fields called "title" in its title column)."""
        return self.name

    @property
    def has_point(self):
        return self.latitude is not None and self.longitude is not None

    def save(self, *args, place=True, **kwargs):
        """Give the initiative a unique slug, and its district and neighbourhood from its point.

        Bulk writers (the importer, a boundary reload) pass place=False and place everything at once
        with `directori.placement.place_initiatives` afterwards.
        """
        if not self.slug:
            self.slug = self._unique_slug()
        if self.archived_at is not None:  # publishing an archived one does not bring it back: restore does
            self.live = False
        self.refresh_search_text()
        if place:
            from ..placement import place_initiative  # the placement module imports these models

            place_initiative(self)
        super().save(*args, **kwargs)

    def archive(self):
        """Hide the initiative everywhere public without losing it (nor its revisions or proposals):
        unpublished, and flagged so that publishing a draft by mistake does not bring it back."""
        if self.archived_at is None:
            self.live_before_archive, self.live = self.live, False
            self.archived_at = timezone.now()
            self.save(place=False, update_fields=["archived_at", "live_before_archive", "live", "updated_at"])

    def restore(self):
        """Undo `archive`: back to live if it was live when archived, else back to a draft."""
        if self.archived_at is not None:
            self.live, self.archived_at = self.live_before_archive, None
            self.save(place=False, update_fields=["archived_at", "live", "updated_at"])

    @property
    def description_in_language(self):
        """The description for the visitor's language, else the Catalan one."""
        return in_language(self, "description")

    @property
    def description_lang(self):
        """ "ca" when `description_in_language` fell back to Catalan in Spanish or English."""
        return fallback_lang(self, "description")

    def refresh_search_text(self):
        descriptions = (plain_text(d) for d in (self.description, self.description_es, self.description_en))
        self.search_text = fold(" ".join((self.name, *descriptions, self.address)))

    def _unique_slug(self):
        """The name's slug, numbered after those already taken (one query, whatever the count)."""
        taken = (
            Initiative.objects.filter(slug__startswith=slug_base(self.name))
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        return FreeSlugs(taken).take(self.name)


class Evaluation(Orderable):
    """An assessment of the initiative's ESS practice by a third party (Balanç Social, Pam a Pam...)."""

    initiative = ParentalKey(Initiative, on_delete=models.CASCADE, related_name="evaluations")
    issuer = models.CharField(
        _("issuer"), max_length=120, help_text=_("E.g. Balanç Social (XES), Pam a Pam.")
    )
    date = models.DateField(_("date"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    link = models.URLField(_("link"), blank=True)

    panels = [
        FieldPanel("issuer"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("valid_until")]),
        FieldPanel("link"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.valid_until and self.date and self.valid_until < self.date:
            raise ValidationError({"valid_until": _("The end of validity cannot come before the date.")})

    @property
    def expired(self):
        return self.valid_until is not None and self.valid_until < timezone.localdate()


class InitiativeLink(Orderable):
    class Platform(models.TextChoices):
        MASTODON = "mastodon", "Mastodon"
        BLUESKY = "bluesky", "Bluesky"
        INSTAGRAM = "instagram", "Instagram"
        FACEBOOK = "facebook", "Facebook"
        X = "x", "X"
        LINKEDIN = "linkedin", "LinkedIn"
        YOUTUBE = "youtube", "YouTube"
        TELEGRAM = "telegram", "Telegram"
        OTHER = "other", _("Other")

    initiative = ParentalKey(Initiative, on_delete=models.CASCADE, related_name="links")
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    url = models.URLField(_("address"))

    panels = [FieldRowPanel([FieldPanel("platform"), FieldPanel("url")])]

    class Meta(Orderable.Meta):
        verbose_name = _("social link")
        verbose_name_plural = _("social links")
