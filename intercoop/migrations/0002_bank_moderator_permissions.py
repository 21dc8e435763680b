"""Moderators are the site's staff for the bank of collaborations: they see every post in the admin and
hide or show one again, which records a ModerationAction (the permission intercoop.permissions.is_staff
checks). Permissions are created here because post_migrate has not run yet (directori 0003 says why)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("intercoop")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    moderators = apps.get_model("auth", "Group").objects.filter(name="Moderators").first()
    if moderators is not None:
        codenames = ["view_post", "change_post", "add_moderationaction", "view_moderationaction"]
        moderators.permissions.add(
            *Permission.objects.filter(content_type__app_label="intercoop", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("intercoop", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
