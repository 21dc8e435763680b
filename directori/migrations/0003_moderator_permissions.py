"""Wagtail's Moderators group manages the directory: initiatives (publish included) and taxonomies.

Permissions are normally created after all migrations have run; they are created here first so the
grant works on a fresh database (get_or_create: the later automatic pass finds them).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ("initiative", "essfamily", "sector", "layertag", "evaluation", "initiativelink")
ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    app_config = apps.get_app_config("directori")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    initiative_type = ContentType.objects.get(app_label="directori", model="initiative")
    Permission.objects.get_or_create(
        content_type=initiative_type, codename="publish_initiative", defaults={"name": "Can publish initiative"}
    )
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    codenames = [f"{action}_{model}" for model in MODELS for action in ACTIONS] + ["publish_initiative"]
    moderators.permissions.add(
        *Permission.objects.filter(content_type__app_label="directori", codename__in=codenames)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("directori", "0002_layer_tags"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
