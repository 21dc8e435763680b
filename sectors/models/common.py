"""What every page of the sector tables shares: the introduction field, the search fields, and the rule
that a table's facts have one source for every language.

Pages are translated as copies, one per language (wagtail.contrib.simple_translation). Texts belong to
each copy; facts do not: a work plan's status and progress, a project's dates or participants, a news
item's date. Those are written once, on the page in the default language (Catalan, the source of the
translations), and every language shows them from there:

- `source_fields` are kept on the source page only and read from it (the work plan, whose actions carry
  their texts in every language: `table.SectorPage.work_plan`);
- `fact_fields` are written on the source page only and, when it is published, copied onto its
  translations, because queries in each language filter on them (projects by status, the Strategy by
  goals, the map's project points).

On a translation the admin form leaves both out (`FactsForm`) and shows them read-only (`FactPanel`,
`FactInlinePanel`), and publishing one of its revisions keeps the facts it has now
(`with_content_json`), so no language can contradict another.
"""

import functools

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel
from wagtail.models import Locale, Page
from wagtail.search import index

from core.page_forms import WholeListPageForm

introduction_field = models.TextField(
    _("introduction"),
    blank=True,
    help_text=_("One or two sentences shown under the title, in lists and in search."),
)
page_search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]

SAME_IN_EVERY_LANGUAGE = _("The same in every language: change it on the Catalan page.")


class FactsForm(WholeListPageForm):
    """The page form without the fields a translation does not write (see the module's docstring);
    its inline lists are whole lists (a re-sent save does not repeat their rows: WholeListPageForm)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.is_fact_source():
            for name in self.instance.kept_fields():
                self.fields.pop(name, None)
                self.formsets.pop(name, None)


class OneSourceFacts(models.Model):
    """Mixin of the sector tables' pages: `fact_fields` and `source_fields` have one source, the page in
    the default language (see the module's docstring)."""

    fact_fields = ()
    source_fields = ()
    base_form_class = FactsForm

    class Meta:
        abstract = True

    @classmethod
    def kept_fields(cls):
        return (*cls.fact_fields, *cls.source_fields)

    def fact_source(self):
        """The page in the default language, or this page when it is that page or has no such
        translation (a table written first in another language is its own source until then)."""
        if self.locale_id is None or self.locale_id == Locale.get_default().pk:
            return self
        return self.get_translation_or_none(Locale.get_default()) or self

    def is_fact_source(self):
        return self.fact_source().pk == self.pk

    def source_texts(self, source):
        """`texts(block_value, field)` → {field: text, field_lang: lang} in this page's language, for
        blocks kept on `source` (this page's `fact_source()`, which the caller has already looked up)
        with a column per language (`text_in`)."""
        return functools.partial(
            text_in, language=self.locale.language_code, written_in=source.locale.language_code
        )

    def with_content_json(self, content):
        """A translation's revision brings its texts, never older facts: the page keeps the facts it
        has now (copied from the source when the source was published)."""
        page = super().with_content_json(content)
        if not self.is_fact_source():
            _copy_fields(self, page, self.kept_fields())
        return page

    def copy_facts_to_translations(self):
        """Called when the source page is published: its `fact_fields` onto every translation."""
        for translation in self.get_translations():
            _copy_fields(self, translation, self.fact_fields)
            translation.save(clean=False)


def text_in(value, field, language, written_in):
    """{field: text, field_lang: lang} of a block's text in `language`. The block's `field` is written
    in the source page's language (`written_in`) and `field_<code>` in the others; a text not yet
    written in `language` is given in the source's, with its language for the template's lang
    attribute (WCAG 3.1.2)."""
    translated = "" if language == written_in else value.get(f"{field}_{language}")
    if translated or language == written_in:
        return {field: translated or value[field], f"{field}_lang": ""}
    return {field: value[field], f"{field}_lang": written_in}


def _copy_fields(source, target, names):
    for name in names:
        field = source._meta.get_field(name)
        if field.one_to_many:  # a cluster's rows (members, participants): new rows with the same values
            setattr(target, name, [_copy_row(row) for row in getattr(source, name).all()])
        elif field.many_to_many:
            setattr(target, name, list(getattr(source, name).all()))
        else:
            setattr(target, field.attname, getattr(source, field.attname))


def _copy_row(row):
    skip = {row._meta.pk.name, "page", "sort_order"}
    return type(row)(
        **{f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields if f.name not in skip},
        sort_order=row.sort_order,
    )


def copy_facts(sender, instance, **kwargs):
    """`page_published` of the tables' pages: a published source page sets its translations' facts."""
    if instance.is_fact_source():
        instance.copy_facts_to_translations()


class FactPanel(FieldPanel):
    """A fact's field: editable on the source page; on a translation, whose form leaves it out, its
    value shown read-only with where to change it."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is not None and self.bound_field is None:
                self.read_only = True
                self.heading = self.panel.heading or capfirst(self.panel.db_field.verbose_name)
                self.help_text = SAME_IN_EVERY_LANGUAGE


class NoteOnTranslation:
    """Panel mixin: on a translation, whose form leaves the field or rows out, a note under the same
    heading says where they are changed."""

    note = SAME_IN_EVERY_LANGUAGE

    def get_bound_panel(self, instance=None, request=None, form=None, prefix="panel"):
        name = getattr(self, "relation_name", None) or self.field_name
        if form is not None and name not in form.fields and name not in form.formsets:
            heading = self.heading or capfirst(self.db_field.verbose_name)
            note = HelpPanel(content=self.note, heading=heading).bind_to_model(self.model)
            return note.get_bound_panel(instance=instance, request=request, form=form, prefix=prefix)
        return super().get_bound_panel(instance=instance, request=request, form=form, prefix=prefix)


class FactInlinePanel(NoteOnTranslation, InlinePanel):
    """A cluster of fact rows (members, participants), editable on the source page only."""


class SourcePanel(NoteOnTranslation, FieldPanel):
    """A field kept on the source page only (the work plan, the urgent needs), with its own `note`."""

    def __init__(self, *args, note=SAME_IN_EVERY_LANGUAGE, **kwargs):
        super().__init__(*args, **kwargs)
        self.note = note

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "note": self.note}
