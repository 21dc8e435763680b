"""A layer kind for the bank of collaborations' offers and needs (issue 17): mapa/seed.py adds the
layer "Ofertes i necessitats"; staff can add one of this kind in the admin."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("mapa", "0005_usage_offices_and_usage"),
    ]

    operations = [
        migrations.AlterField(
            model_name="layer",
            name="kind",
            field=models.CharField(
                choices=[
                    ("initiatives", "Initiatives chosen by filter"),
                    ("poles", "Local economic poles"),
                    ("housing", "Housing-services network"),
                    ("projects", "Tractor projects"),
                    ("districts", "District boundaries"),
                    ("neighbourhoods", "Neighbourhood boundaries"),
                    ("choropleth", "Initiatives per 1,000 inhabitants, by district"),
                    ("posts", "Offers and needs of the bank of collaborations"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
    ]
