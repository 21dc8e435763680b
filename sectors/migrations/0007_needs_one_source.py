"""The coordinated table's urgent needs, like the work plans (0006), are kept once on the Catalan page
with a column per language for their texts: the Spanish and English texts of each translation's needs
move into the Catalan page's needs (matched by position), on the live page and its latest revision.
"""

import importlib

import wagtail.fields
from django.db import migrations

plan_migration = importlib.import_module("sectors.migrations.0006_plan_one_source")


def merge_needs(needs, translations):
    """Each translation's need texts into `needs` (raw data, changed in place), by position."""
    for n, need in enumerate(needs):
        for language, other in translations.items():
            if n < len(other):
                plan_migration.merge_fields(need["value"], other[n]["value"], language, ("title", "description"))
    return needs


def one_set_of_needs(apps, schema_editor):
    plan_migration.one_stream(apps, "coordinationtablepage", "needs", merge_needs)



class Migration(migrations.Migration):

    dependencies = [
        ('sectors', '0006_plan_one_source'),
    ]

    operations = [
        migrations.AlterField(
            model_name='coordinationtablepage',
            name='needs',
            field=wagtail.fields.StreamField([('need', 8)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Need (Catalan)', 'max_length': 200}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'Need (Spanish)', 'max_length': 200, 'required': False}), 2: ('wagtail.blocks.CharBlock', (), {'label': 'Need (English)', 'max_length': 200, 'required': False}), 3: ('wagtail.blocks.TextBlock', (), {'label': 'Description (Catalan)', 'required': False}), 4: ('wagtail.blocks.TextBlock', (), {'label': 'Description (Spanish)', 'required': False}), 5: ('wagtail.blocks.TextBlock', (), {'label': 'Description (English)', 'required': False}), 6: ('wagtail.snippets.blocks.SnippetChooserBlock', ('directori.Initiative',), {}), 7: ('wagtail.blocks.ListBlock', (6,), {'default': [], 'label': 'Initiatives responding'}), 8: ('wagtail.blocks.StructBlock', [[('title', 0), ('title_es', 1), ('title_en', 2), ('description', 3), ('description_es', 4), ('description_en', 5), ('initiatives', 7)]], {})}, help_text='What is needed now, and which initiatives of the directory answer each need.', verbose_name='urgent needs'),
        ),
        migrations.RunPython(one_set_of_needs, migrations.RunPython.noop),
    ]
