"""Moderators review the public's proposals (see 0003 for why permissions are created here)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("directori")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    moderators = apps.get_model("auth", "Group").objects.filter(name="Moderators").first()
    if moderators is not None:
        codenames = [f"{action}_proposal" for action in ("add", "change", "delete", "view")]
        moderators.permissions.add(*Permission.objects.filter(content_type__app_label="directori", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("directori", "0005_proposals"), ("directori", "0003_moderator_permissions")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
