"""Need words: what the public types ("fruita", "vivienda", "ethical finance") and what it means in the
directory's own terms (sectors, kinds of organisation, map layer tags). Staff edit them in the admin;
`directori.needs.interpret` reads them afresh whenever the table changes, so an edit works at once."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel

from core.text import fold

from .taxonomy import EssFamily, LayerTag, Sector


class NeedWordForm(WagtailAdminModelForm):
    """Field errors for what would make a useless or ambiguous word: one made of punctuation only,
    the same word twice in one language (accents and case aside), a word that points to nothing."""

    def clean_text(self):
        text = " ".join(self.cleaned_data["text"].split())
        if not fold(text):
            raise forms.ValidationError(_("Write a word or a few words, with letters or digits."))
        return text

    def clean(self):
        cleaned = super().clean()
        text, language = cleaned.get("text"), cleaned.get("language")
        if text and language:
            same = NeedWord.objects.filter(key=fold(text), language=language).exclude(pk=self.instance.pk)
            if same.exists():
                self.add_error("text", _("This word already exists in this language."))
        if not any(cleaned.get(name) for name in ("sectors", "families", "tags")):
            message = _("Choose at least one sector, kind of organisation or map layer.")
            for name in ("sectors", "families", "tags"):
                self.add_error(name, message)
        return cleaned


class NeedWord(models.Model):
    class Language(models.TextChoices):
        CATALAN = "ca", _("Catalan")
        SPANISH = "es", _("Spanish")
        ENGLISH = "en", _("English")

    text = models.CharField(
        _("word"),
        max_length=80,
        help_text=_('One word or a phrase read as one need, e.g. "fruita" or "plaques solars".'),
    )
    key = models.CharField(max_length=80, editable=False, db_index=True)  # folded text, for uniqueness
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default="ca")
    synonyms = models.CharField(
        _("synonyms"),
        max_length=300,
        blank=True,
        help_text=_("Other ways to say it in the same language, separated by commas."),
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), blank=True, related_name="+")
    families = models.ManyToManyField(
        EssFamily, verbose_name=_("kinds of organisation"), blank=True, related_name="+"
    )
    tags = models.ManyToManyField(LayerTag, verbose_name=_("map layers"), blank=True, related_name="+")
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    base_form_class = NeedWordForm
    panels = [
        FieldPanel("text"),
        FieldPanel("language"),
        FieldPanel("synonyms"),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("families", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("need word")
        verbose_name_plural = _("need words")
        ordering = ["key", "language"]
        constraints = [models.UniqueConstraint(fields=["key", "language"], name="unique_need_word")]

    def __str__(self):
        return self.text

    def save(self, *args, **kwargs):
        self.key = fold(self.text)
        super().save(*args, **kwargs)

    def phrases(self):
        """The word and its synonyms, as typed."""
        return [self.text, *(s.strip() for s in self.synonyms.split(",") if s.strip())]
