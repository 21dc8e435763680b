"""The ESS Strategy's lines (L1..L8) and goals ("fites": 1.1, 1.2, ...). Projects and plan actions are
tagged with them, so the strategy page can count what serves each one."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.language import in_language


class StrategyTerm(models.Model):
    """A numbered item of the Strategy with its wording in Catalan and, optionally, Spanish and English."""

    title = models.TextField(_("wording (Catalan)"))
    title_es = models.TextField(_("wording (Spanish)"), blank=True)
    title_en = models.TextField(_("wording (English)"), blank=True)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} · {self.label}"

    @property
    def label(self):
        return in_language(self, "title")


class StrategyLine(StrategyTerm):
    code = models.CharField(
        _("code"),
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^L[1-9]$", _("Write L and the line's number, e.g. L1."))],
        help_text=_("L and the line's number, as in the Strategy: L1 … L8."),
    )

    class Meta(StrategyTerm.Meta):
        verbose_name = _("strategy line")
        verbose_name_plural = _("strategy lines")


class Goal(StrategyTerm):
    line = models.ForeignKey(
        StrategyLine,
        verbose_name=_("line"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="goals",
        help_text=_("The Strategy line this goal belongs to, if it is in the list."),
    )
    code = models.CharField(
        _("code"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^[1-9]\.[1-9][0-9]?$", _("Write the goal's number, e.g. 1.1."))],
        help_text=_("The goal's number in the Strategy, e.g. 1.1 or 4.3."),
    )

    class Meta(StrategyTerm.Meta):
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
