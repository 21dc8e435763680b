"""One work plan, and one set of facts, for every language (sectors.models.common).

The plan's texts gain a column per language: the Spanish and English texts of each translation's plan
move into the Catalan page's plan (objectives and actions matched by position, as the translations were
copies of it), on the live page and on its latest revision; a text left as the Catalan one stays empty,
so pages show it as Catalan. From now on every language reads the plan of the Catalan page. The other
facts of tables, projects and news (sector, colour, icon, members; status, completion, dates,
districts, lines, goals, participants; date, kind) are set on each translation from its Catalan page,
as publishing the Catalan page will do from now on. On a fresh database there is nothing to do.
"""

import json

import wagtail.fields
from django.db import migrations


DEFAULT_LANGUAGE = "ca"
OTHER_LANGUAGES = ("es", "en")
FACTS = {
    "sectorpage": (("sector_id", "colour", "icon"), (), (("sectormember", ("initiative_id",)),)),
    "tractorprojectpage": (
        ("status", "completion", "start_date", "end_date"),
        ("districts", "lines", "goals"),
        (("projectparticipant", ("initiative_id", "role")),),
    ),
    "sectornewspage": (("date", "kind"), (), ()),
}


def _items(items):
    """A ListBlock's raw items: {"type": "item", "value": …, "id": …} since Wagtail 2.16, bare before."""
    return [item["value"] if item.get("type") == "item" else item for item in items]


def merge_fields(ours, theirs, language, fields):
    """A translation's texts into a block's value (`ours`, changed in place) where they differ."""
    for field in fields:
        if theirs.get(field) and theirs[field] != ours.get(field):
            ours[f"{field}_{language}"] = theirs[field]


def _merge_texts(plan, translations):
    """Each translation's texts into `plan` (raw data, changed in place), objectives and actions by
    position."""
    for o, objective in enumerate(plan):
        for language, other in translations.items():
            if o >= len(other):
                continue
            theirs = other[o]["value"]
            merge_fields(objective["value"], theirs, language, ("title", "description"))
            for action, their_action in zip(_items(objective["value"]["actions"]), _items(theirs["actions"])):
                merge_fields(action, their_action, language, ("title",))
    return plan


def _raw(value):
    """Raw stream data as plain lists and dicts, from a field (a view over them) or a revision (text)."""
    return json.loads(value) if isinstance(value, str) else json.loads(json.dumps(list(value)))


def one_stream(apps, model_name, field, merge):
    """The translations' texts of a StreamField into the Catalan page's, on the live row and on its
    latest revision, with `merge(stream, {language: their stream})`."""
    model = apps.get_model("sectors", model_name)
    Revision = apps.get_model("wagtailcore", "Revision")
    for source in model.objects.filter(locale__language_code=DEFAULT_LANGUAGE):
        translations = {
            page.locale.language_code: _raw(getattr(page, field).raw_data)
            for page in model.objects.filter(
                translation_key=source.translation_key, locale__language_code__in=OTHER_LANGUAGES
            ).select_related("locale")
        }
        if not translations:
            continue
        setattr(source, field, merge(_raw(getattr(source, field).raw_data), translations))
        source.save(update_fields=[field])
        revision = Revision.objects.filter(pk=source.latest_revision_id).first()
        if revision and field in revision.content:
            merged = merge(_raw(revision.content[field]), translations)
            was_text = isinstance(revision.content[field], str)
            revision.content[field] = json.dumps(merged) if was_text else merged
            revision.save(update_fields=["content"])


def one_plan(apps, schema_editor):
    one_stream(apps, "sectorpage", "plan", _merge_texts)


def one_set_of_facts(apps, schema_editor):
    set_facts(apps, FACTS)


def set_facts(apps, facts):
    """Each translation's `facts` (as FACTS) set from its Catalan page (0008 reuses it for places)."""
    for model_name, (columns, many, children) in facts.items():
        model = apps.get_model("sectors", model_name)
        for source in model.objects.filter(locale__language_code=DEFAULT_LANGUAGE):
            translations = model.objects.filter(translation_key=source.translation_key).exclude(pk=source.pk)
            if columns:
                translations.update(**{column: getattr(source, column) for column in columns})
            for name in many:
                through = model._meta.get_field(name).remote_field.through
                own, other = through._meta.get_field(model_name).attname, _other(through, model_name)
                chosen = list(through.objects.filter(**{own: source.pk}).values_list(other, flat=True))
                for page in translations:
                    through.objects.filter(**{own: page.pk}).delete()
                    through.objects.bulk_create([through(**{own: page.pk, other: pk}) for pk in chosen])
            for child_name, fields in children:
                child = apps.get_model("sectors", child_name)
                rows = list(child.objects.filter(page_id=source.pk).order_by("sort_order"))
                for page in translations:
                    child.objects.filter(page_id=page.pk).delete()
                    child.objects.bulk_create(
                        [
                            child(page_id=page.pk, sort_order=row.sort_order, **{f: getattr(row, f) for f in fields})
                            for row in rows
                        ]
                    )


def _other(through, model_name):
    """The through table's column that points at the chosen object, not at the page."""
    return next(
        f.attname for f in through._meta.concrete_fields if f.is_relation and f.name != model_name
    )


class Migration(migrations.Migration):

    dependencies = [
        ('sectors', '0005_merge_orphan_table_groups'),
    ]

    operations = [
        migrations.AlterField(
            model_name='sectorpage',
            name='plan',
            field=wagtail.fields.StreamField([('objective', 19)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Objective (Catalan)', 'max_length': 200}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'Objective (Spanish)', 'max_length': 200, 'required': False}), 2: ('wagtail.blocks.CharBlock', (), {'label': 'Objective (English)', 'max_length': 200, 'required': False}), 3: ('wagtail.blocks.TextBlock', (), {'label': 'Description (Catalan)', 'required': False}), 4: ('wagtail.blocks.TextBlock', (), {'label': 'Description (Spanish)', 'required': False}), 5: ('wagtail.blocks.TextBlock', (), {'label': 'Description (English)', 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Action (Catalan)', 'max_length': 200}), 7: ('wagtail.blocks.CharBlock', (), {'label': 'Action (Spanish)', 'max_length': 200, 'required': False}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Action (English)', 'max_length': 200, 'required': False}), 9: ('wagtail.blocks.IntegerBlock', (), {'label': 'First year', 'max_value': 2100, 'min_value': 2000}), 10: ('wagtail.blocks.IntegerBlock', (), {'help_text': "Within the plan's ten years.", 'label': 'Last year', 'max_value': 2100, 'min_value': 2000}), 11: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('planned', 'Planned'), ('in_progress', 'Under way'), ('done', 'Done'), ('cancelled', 'Cancelled')], 'label': 'Status'}), 12: ('wagtail.blocks.IntegerBlock', (), {'help_text': 'Only for actions under way: how much is done, from 0 to 100.', 'label': 'Completion (%)', 'max_value': 100, 'min_value': 0, 'required': False}), 13: ('wagtail.snippets.blocks.SnippetChooserBlock', ('directori.Initiative',), {}), 14: ('wagtail.blocks.ListBlock', (13,), {'collapsed': True, 'default': [], 'label': 'Responsible initiatives'}), 15: ('wagtail.snippets.blocks.SnippetChooserBlock', ('sectors.Goal',), {}), 16: ('wagtail.blocks.ListBlock', (15,), {'collapsed': True, 'default': [], 'label': 'Strategy goals served'}), 17: ('wagtail.blocks.StructBlock', [[('title', 6), ('title_es', 7), ('title_en', 8), ('start_year', 9), ('end_year', 10), ('status', 11), ('completion', 12), ('responsible', 14), ('goals', 16)]], {}), 18: ('wagtail.blocks.ListBlock', (17,), {'label': 'Actions', 'min_num': 1}), 19: ('wagtail.blocks.StructBlock', [[('title', 0), ('title_es', 1), ('title_en', 2), ('description', 3), ('description_es', 4), ('description_en', 5), ('actions', 18)]], {})}, help_text="The plan's objectives, each with its actions, their years, status and goals.", verbose_name='work plan'),
        ),
        migrations.RunPython(one_plan, migrations.RunPython.noop),
        migrations.RunPython(one_set_of_facts, migrations.RunPython.noop),
    ]
