"""A tractor project's places (the map's project points) are facts too, like its districts (0006): each
translation's places are set from its Catalan page, which alone edits them from now on."""

import importlib

from django.db import migrations

facts_migration = importlib.import_module("sectors.migrations.0006_plan_one_source")


def one_set_of_places(apps, schema_editor):
    facts_migration.set_facts(
        apps, {"tractorprojectpage": ((), (), (("projectlocation", ("name", "latitude", "longitude")),))}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("sectors", "0007_needs_one_source"),
    ]

    operations = [
        migrations.RunPython(one_set_of_places, migrations.RunPython.noop),
    ]
