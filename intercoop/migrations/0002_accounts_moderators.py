"""Wagtail's Moderators group moderates the intercooperation tools: every intercoop permission, so that
`intercoop.permissions.is_staff` holds for its members (spaces, memberships, suspending accounts, the
moderation log). Permissions are normally created after all migrations have run; they are created here
first so the grant works on a fresh database (as directori's 0003 does)."""

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
        moderators.permissions.add(*Permission.objects.filter(content_type__app_label="intercoop"))


class Migration(migrations.Migration):
    dependencies = [
        ("intercoop", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
