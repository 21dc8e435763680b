"""What the map draws, as data editors manage: layers (what each shows and how it looks), local ESS
economic poles, and the network of providers serving housing projects. The GeoJSON of each layer is
built from these and from the directory and sector pages (mapa/features.py)."""

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

import shapely

from core.fields import GeometryField
from core.icons import ICON_CHOICES
from core.language import in_language
from core.validators import COLOUR_VALIDATORS
from directori.models import District, EssFamily, Initiative, LayerTag, Neighbourhood, Sector
from mapa.forms import EconomicPoleForm, MapEmbedForm

SELECTION_SLUG = "seleccio"  # the address of the visitor's selection as a layer (mapa.features.SELECTION)


class Layer(models.Model):
    class Kind(models.TextChoices):
        INITIATIVES = "initiatives", _("Initiatives chosen by filter")
        POLES = "poles", _("Local economic poles")
        HOUSING = "housing", _("Housing-services network")
        PROJECTS = "projects", _("Tractor projects")
        DISTRICTS = "districts", _("District boundaries")
        NEIGHBOURHOODS = "neighbourhoods", _("Neighbourhood boundaries")
        CHOROPLETH = "choropleth", _("Initiatives per 1,000 inhabitants, by district")
        POSTS = "posts", _("Offers and needs of the bank of collaborations")

    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("Its address: /mapa/capes/<slug>.geojson.")
    )
    name = models.CharField(_("name (Catalan)"), max_length=120)
    name_es = models.CharField(_("name (Spanish)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#8a1538",
        validators=COLOUR_VALIDATORS,
    )
    icon = models.CharField(_("icon"), max_length=20, choices=ICON_CHOICES, blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=100, help_text=_("Lower numbers come first.")
    )
    shown_by_default = models.BooleanField(_("shown by default"), default=False)
    # What an "initiatives" or "housing" layer keeps: any of the chosen values of each, all of them if none.
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), blank=True, related_name="+")
    families = models.ManyToManyField(EssFamily, verbose_name=_("ESS families"), blank=True, related_name="+")
    tags = models.ManyToManyField(
        LayerTag,
        verbose_name=_("map layer tags"),
        blank=True,
        related_name="+",
        help_text=_(
            "For initiatives: their layer tags. For the housing network: the kinds of service shown."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("map layer")
        verbose_name_plural = _("map layers")
        ordering = ["order", "name"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return in_language(self, "name")

    def clean(self):
        if self.slug == SELECTION_SLUG:
            raise ValidationError({"slug": _("“seleccio” is the address of the visitor's selection.")})

    located_only = True  # an initiatives layer draws points; the selection layer lists every match

    def restrict(self, initiatives):
        """The initiatives this layer keeps: any of its chosen values of each of sectors, families
        and tags (all of them where none is chosen)."""
        for field, values in (
            ("sectors", self.sectors.all()),
            ("family", self.families.all()),
            ("tags", self.tags.all()),
        ):
            ids = [v.pk for v in values]
            if ids:
                initiatives = initiatives.filter(**{f"{field}__in": ids})
        return initiatives


class EconomicPole(models.Model):
    """An area of a district where ESS activity concentrates and is promoted (fita 4.3). Drawn as a
    polygon or given as a set of neighbourhoods. `suggest_poles` proposes some from the data; staff
    accept or dismiss them."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested by the data")
        ACCEPTED = "accepted", _("Accepted")
        DISMISSED = "dismissed", _("Dismissed")

    name = models.CharField(_("name"), max_length=160)
    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="+"
    )
    area = GeometryField(_("area"), null=True, blank=True, editable=False)
    neighbourhoods = models.ManyToManyField(
        Neighbourhood,
        verbose_name=_("neighbourhoods"),
        blank=True,
        related_name="+",
        help_text=_("The pole's area, when it has no drawn polygon."),
    )
    description = models.TextField(_("description"), blank=True)
    members = models.ManyToManyField(
        Initiative, verbose_name=_("member initiatives"), blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ACCEPTED)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("district"),
        FieldPanel("status"),
        FieldPanel("description"),
        FieldPanel("area_geojson"),
        FieldPanel("neighbourhoods", widget=forms.CheckboxSelectMultiple),
        # members are set by suggest_poles and the seed: a select of every initiative would not scale
    ]
    base_form_class = EconomicPoleForm

    class Meta:
        verbose_name = _("economic pole")
        verbose_name_plural = _("economic poles")
        ordering = ["district__code", "name"]

    def __str__(self):
        return self.name

    def shape(self):
        """The drawn area, or the union of its neighbourhoods; None when it has neither yet."""
        if self.area is not None:
            return self.area
        parts = [n.geometry for n in self.neighbourhoods.all()]
        return shapely.union_all(parts) if parts else None


class HousingServiceLink(models.Model):
    """A provider serving a housing project (co-operative housing, the Community Land Trust) with one
    kind of service: the housing network is these links, drawn as lines between the two points."""

    housing = models.ForeignKey(
        Initiative, verbose_name=_("housing initiative"), on_delete=models.CASCADE, related_name="+"
    )
    provider = models.ForeignKey(
        Initiative, verbose_name=_("provider"), on_delete=models.CASCADE, related_name="+"
    )
    service = models.ForeignKey(
        LayerTag,
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        limit_choices_to={"group": LayerTag.Group.HOUSING},
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("housing service link")
        verbose_name_plural = _("housing service links")
        constraints = [
            models.UniqueConstraint(fields=["housing", "provider", "service"], name="housing_link_unique")
        ]

    def __str__(self):
        return f"{self.provider} → {self.housing} ({self.service})"

    def clean(self):
        if self.housing_id and self.housing_id == self.provider_id:
            raise ValidationError({"provider": _("A provider cannot serve itself.")})


# /mapa/incrusta/codi/ is the builders' endpoint and /mapa/incrusta/imatge.png the picture of an
# ad-hoc embed: a saved embed of either slug would be shadowed (its page, or its picture).
RESERVED_SLUGS = ("codi", "imatge")


class MapEmbed(models.Model):
    """A saved embed with a stable address (/mapa/incrusta/<slug>/): a district office pastes the code
    once, and editors can change what it shows later without anyone touching the office's site."""

    LIST_MODES = [("costat", _("beside the map")), ("sota", _("under the map")), ("cap", _("none"))]
    # The fields that decide what the embed shows (not its name, slug or owner): the admin form's
    # order, the preview's form and the fields its script reads.
    VIEW_FIELDS = (
        "district",
        "neighbourhood",
        "layers",
        "text",
        "sectors",
        "families",
        "tags",
        "height",
        "list_mode",
        "controls",
        "lock",
        "min_zoom",
        "max_zoom",
    )

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("Its address: /mapa/incrusta/<slug>/.")
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    layers = models.ManyToManyField(
        Layer,
        verbose_name=_("layers"),
        blank=True,
        related_name="+",
        help_text=_("None: the layers shown by default."),
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), blank=True, related_name="+")
    families = models.ManyToManyField(EssFamily, verbose_name=_("ESS families"), blank=True, related_name="+")
    tags = models.ManyToManyField(LayerTag, verbose_name=_("map layer tags"), blank=True, related_name="+")
    text = models.CharField(
        _("what is needed"),
        max_length=200,
        blank=True,
        help_text=_("Words as a visitor would search them, e.g. “fruita ecològica”."),
    )
    height = models.PositiveSmallIntegerField(_("height in pixels"), default=520)
    list_mode = models.CharField(
        _("list of initiatives"), max_length=10, choices=LIST_MODES, default="costat"
    )
    controls = models.BooleanField(
        _("controls"), default=True, help_text=_("Zoom buttons and the layer control.")
    )
    lock = models.BooleanField(
        _("lock to the area"),
        default=True,
        help_text=_("Visitors cannot pan or zoom away from the district or neighbourhood."),
    )
    min_zoom = models.PositiveSmallIntegerField(
        _("minimum zoom"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(19)]
    )
    max_zoom = models.PositiveSmallIntegerField(
        _("maximum zoom"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(19)]
    )
    # The district office that keeps it (mapa.permissions); none: staff's own.
    owner = models.ForeignKey(
        Group,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    base_form_class = MapEmbedForm  # limited to what a district office keeps (mapa.permissions)

    class Meta:
        verbose_name = _("map embed")
        verbose_name_plural = _("map embeds")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.slug in RESERVED_SLUGS:  # addresses of mapa.urls beside the saved embeds'
            raise ValidationError(
                {
                    "slug": _("“%(slug)s” is an address the site uses for every embed; choose another slug.")
                    % {"slug": self.slug}
                }
            )
        if not 200 <= (self.height or 0) <= 2000:
            raise ValidationError({"height": _("The height must be between 200 and 2000 pixels.")})
        if self.min_zoom and self.max_zoom and self.min_zoom > self.max_zoom:
            raise ValidationError({"max_zoom": _("The maximum zoom cannot be below the minimum zoom.")})

    def options(self, language, related=None):
        """Its EmbedOptions. `related` gives the many-to-many values by field name (layers, sectors,
        families, tags) for an embed not saved yet, whose own relations cannot be read: the admin's
        preview of the form being edited."""
        from directori.selection import Selection

        from .embed import EmbedOptions

        def slugs(name):
            values = getattr(self, name).all() if related is None else related.get(name) or []
            return [value.slug for value in values]

        selection = Selection.of(
            districte=[self.district.slug] if self.district else [],
            barri=[self.neighbourhood.slug] if self.neighbourhood else [],
            sector=slugs("sectors"),
            familia=slugs("families"),
            capa=slugs("tags"),
        )
        selection.text = self.text
        return EmbedOptions(
            selection=selection,
            layers=slugs("layers"),
            height=self.height,
            list_mode=self.list_mode,
            controls=self.controls,
            lock=self.lock,
            min_zoom=self.min_zoom,
            max_zoom=self.max_zoom,
            language=language,
            preset=self.slug,
        )

    def address(self):
        from django.urls import reverse

        return reverse("mapa:embed_preset", kwargs={"slug": self.slug})

    address.short_description = _("address")


# --- Issue 15, points 5 and 6: district offices own embeds and see their usage (mapa.permissions,
# mapa.usage) ---


class DistrictOffice(models.Model):
    """A district's office as a Wagtail group: its members keep the saved embeds of that district
    only. A model rather than a naming rule, so renaming the group (or the district) never hands an
    office's embeds to another."""

    district = models.OneToOneField(
        District, verbose_name=_("district"), on_delete=models.CASCADE, related_name="+"
    )
    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="district_office"
    )

    class Meta:
        verbose_name = _("district office")
        verbose_name_plural = _("district offices")

    def __str__(self):
        return self.group.name


class EmbedUsage(models.Model):
    """How many times an embed was loaded from one site on one day: an aggregate counter and nothing
    else. No address, cookie, user agent or full URL is kept, only the host site's origin
    (scheme://host[:port], or "direct")."""

    embed = models.CharField(
        _("embed"), max_length=255, help_text=_("A saved embed's slug, or an ad-hoc embed's options.")
    )
    origin = models.CharField(_("host site"), max_length=255)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("loads"), default=0)

    class Meta:
        verbose_name = _("embed usage")
        verbose_name_plural = _("embed usage")
        constraints = [models.UniqueConstraint(fields=["embed", "origin", "day"], name="embed_usage_unique")]
        indexes = [models.Index(fields=["day"], name="embed_usage_day")]

    def __str__(self):
        return f"{self.embed} · {self.origin} · {self.day}: {self.count}"
