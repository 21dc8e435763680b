"""Editable vocabularies of the directory: ESS families, sectors and the map's layer tags.

Names are kept in Catalan with optional Spanish and English versions; `label` gives the one for the
visitor's language, falling back to Catalan.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.language import fallback_lang, in_language


class Term(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name (Catalan)"), max_length=120)
    name_es = models.CharField(_("name (Spanish)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return in_language(self, "name")

    @property
    def label_lang(self):
        """ "ca" when `label` fell back to the Catalan name (see `fallback_lang`)."""
        return fallback_lang(self, "name")


class EssFamily(Term):
    """The kind of organisation: co-operative, association, foundation..."""

    class Meta(Term.Meta):
        verbose_name = _("ESS family")
        verbose_name_plural = _("ESS families")


class Sector(Term):
    """A strategic sector of activity (AGRO, CONSUM, HABIT...); sector tables are built on them."""

    code = models.CharField(_("code"), max_length=12, blank=True, help_text=_("Short code, e.g. AGRO."))

    class Meta(Term.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class LayerTag(Term):
    """Which thematic map layer an initiative belongs to: the conscious-consumption market, or one kind
    of housing-related service. The importer and the map refer to these by slug."""

    class Group(models.TextChoices):
        MARKET = "market", _("Social market and conscious consumption")
        HOUSING = "housing", _("Housing-related services")

    group = models.CharField(_("group"), max_length=20, choices=Group.choices)

    class Meta(Term.Meta):
        verbose_name = _("layer tag")
        verbose_name_plural = _("layer tags")
        ordering = ["group", "name"]
