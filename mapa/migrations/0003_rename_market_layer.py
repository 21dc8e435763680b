"""The demo's social-market layer was named "Mercat social i consum conscient", next to the sector
layer "Consum conscient i mercat social" in the same layer control: rename it (only where it still
has the seeded names, so an editor's own name stays)."""

from django.db import migrations

OLD = (
    "Mercat social i consum conscient",
    "Mercado social y consumo consciente",
    "Social market and conscious consumption",
)
NEW = (
    "Botigues i mercats de consum conscient",
    "Tiendas y mercados de consumo consciente",
    "Conscious-consumption shops and markets",
)


def rename(apps, schema_editor, old=OLD, new=NEW):
    Layer = apps.get_model("mapa", "Layer")
    Layer.objects.filter(slug="mercat-social", name=old[0], name_es=old[1], name_en=old[2]).update(
        name=new[0], name_es=new[1], name_en=new[2]
    )


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [("mapa", "0002_map_embeds")]

    operations = [migrations.RunPython(rename, rename_back)]
