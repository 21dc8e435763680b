"""Wagtail creates the moderation workflow with an English name ("Moderators approval"), which editors
read in the admin's buttons ("Submit to …"). Give it, and its task, a Catalan name."""

from django.db import migrations

OLD, NEW = "Moderators approval", "Aprovació de moderació"


def rename(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=OLD).update(name=NEW)
    apps.get_model("wagtailcore", "Task").objects.filter(name=OLD).update(name=NEW)


def restore(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=NEW).update(name=OLD)
    apps.get_model("wagtailcore", "Task").objects.filter(name=NEW).update(name=OLD)


class Migration(migrations.Migration):
    dependencies = [("sectors", "0001_initial"), ("wagtailcore", "0048_add_default_workflows")]
    operations = [migrations.RunPython(rename, restore)]
