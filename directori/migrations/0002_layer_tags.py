"""The map's thematic layers are a fixed vocabulary the code and the importer refer to by slug."""

from django.db import migrations

LAYER_TAGS = [
    ("mercat-social", "market", "Mercat social i consum conscient", "Mercado social y consumo consciente", "Social market and conscious consumption"),
    ("habitatge-energia", "housing", "Energia", "Energía", "Energy"),
    ("habitatge-alimentacio", "housing", "Alimentació", "Alimentación", "Food"),
    ("habitatge-mobilitat", "housing", "Mobilitat", "Movilidad", "Mobility"),
    ("habitatge-cures", "housing", "Cures", "Cuidados", "Care"),
    ("habitatge-mediacio-familiar", "housing", "Mediació familiar", "Mediación familiar", "Family mediation"),
]


def create(apps, schema_editor):
    LayerTag = apps.get_model("directori", "LayerTag")
    for slug, group, name, name_es, name_en in LAYER_TAGS:
        LayerTag.objects.update_or_create(
            slug=slug, defaults={"group": group, "name": name, "name_es": name_es, "name_en": name_en}
        )


class Migration(migrations.Migration):
    dependencies = [("directori", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
