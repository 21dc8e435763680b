"""Barcelona's official districts (10) and neighbourhoods (73), with their WGS84 boundaries.

They are loaded from Open Data BCN by `manage.py load_boundaries`, never typed in: codes are the
official ones ("01".."10", "01".."73") and are the keys every import and export uses.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import GeometryField


class Area(models.Model):
    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    geometry = GeometryField(_("boundary"), editable=False)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True, editable=False)
    population_date = models.DateField(_("population as of"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return self.name

    def per_thousand(self, count):
        """Initiatives per 1,000 inhabitants, or None when the population is not loaded."""
        return round(1000 * count / self.population, 2) if self.population else None


class District(Area):
    class Meta(Area.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class Neighbourhood(Area):
    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="neighbourhoods"
    )

    class Meta(Area.Meta):
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
