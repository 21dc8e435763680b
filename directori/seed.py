"""Demo content of the directory: the ESS families and the sectors of the city's tables, and about 300 example
initiatives spread over all 73 neighbourhoods. Deterministic (a fixed random seed), idempotent (keyed
by source "demo" and external id), and every example is flagged `is_example`.
"""

import datetime
import random

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import shapely

from core.catalan import contract

from .importing import update_search_index
from .models import EssFamily, Evaluation, Initiative, LayerTag, Neighbourhood, Sector
from .placement import place_initiatives
from .vocabulary import seed_need_words

FAMILIES = [
    ("cooperativa-de-treball", "Cooperativa de treball", "Cooperativa de trabajo", "Worker co-operative"),
    ("cooperativa-de-consum", "Cooperativa de consum", "Cooperativa de consumo", "Consumer co-operative"),
    ("cooperativa-d-habitatge", "Cooperativa d'habitatge", "Cooperativa de vivienda", "Housing co-operative"),
    ("cooperativa-de-serveis", "Cooperativa de serveis", "Cooperativa de servicios", "Services co-operative"),
    ("cooperativa-agraria", "Cooperativa agrària", "Cooperativa agraria", "Agricultural co-operative"),
    ("cooperativa-integral", "Cooperativa integral", "Cooperativa integral", "Integral co-operative"),
    ("associacio", "Associació", "Asociación", "Association"),
    ("fundacio", "Fundació", "Fundación", "Foundation"),
    ("mutualitat", "Mutualitat", "Mutualidad", "Mutual society"),
    ("societat-laboral", "Societat laboral", "Sociedad laboral", "Employee-owned company"),
    (
        "empresa-d-insercio",
        "Empresa d'inserció",
        "Empresa de inserción",
        "Work integration social enterprise",
    ),
    (
        "centre-especial-de-treball",
        "Centre especial de treball",
        "Centro especial de empleo",
        "Sheltered employment centre",
    ),
    (
        "iniciativa-comunitaria",
        "Iniciativa comunitària / procomú",
        "Iniciativa comunitaria / procomún",
        "Community initiative / commons",
    ),
    (
        "finances-etiques",
        "Entitat de finances ètiques",
        "Entidad de finanzas éticas",
        "Ethical finance organisation",
    ),
    ("moneda-social", "Moneda social", "Moneda social", "Social currency"),
    ("grup-de-consum", "Grup de consum", "Grupo de consumo", "Consumer group"),
]

SECTORS = [
    (
        "agroecologia",
        "AGRO",
        "Agroecologia i alimentació",
        "Agroecología y alimentación",
        "Agroecology and food",
    ),
    (
        "consum",
        "CONSUM",
        "Consum conscient i mercat social",
        "Consumo consciente y mercado social",
        "Conscious consumption and social market",
    ),
    ("habitatge", "HABIT", "Habitatge", "Vivienda", "Housing"),
    ("textil", "TÈXTIL", "Tèxtil", "Textil", "Textiles"),
    ("transicio-energetica", "TRANS", "Transició energètica", "Transición energética", "Energy transition"),
    ("mobilitat", "MOB", "Mobilitat", "Movilidad", "Mobility"),
    ("cures", "CURES", "Cures", "Cuidados", "Care"),
    ("finances-etiques", "FIN", "Finances ètiques", "Finanzas éticas", "Ethical finance"),
    ("cultura", "CULT", "Cultura", "Cultura", "Culture"),
    ("economia-circular", "CIRC", "Economia circular", "Economía circular", "Circular economy"),
]

# (sector slug, family slugs, name stems, layer tags) for plausible example initiatives
PROFILES = [
    (
        "agroecologia",
        ["cooperativa-de-consum", "grup-de-consum", "cooperativa-agraria"],
        ["L'Hortet", "La Cistella", "Terra Viva", "El Rebost"],
        ["mercat-social", "habitatge-alimentacio"],
    ),
    (
        "consum",
        ["cooperativa-de-consum", "associacio"],
        ["La Botiga Justa", "Mercat Solidari", "El Celler Comú", "Punt de Consum"],
        ["mercat-social"],
    ),
    (
        "habitatge",
        ["cooperativa-d-habitatge", "associacio"],
        ["Sostre Comú", "La Lleialtat", "Cal Veïnat", "Habitem"],
        [],
    ),
    (
        "textil",
        ["cooperativa-de-treball", "empresa-d-insercio"],
        ["Fil a l'Agulla", "La Teixidora", "Roba Amiga", "Costura Viva"],
        ["mercat-social"],
    ),
    (
        "transicio-energetica",
        ["cooperativa-de-serveis", "cooperativa-de-consum"],
        ["Energia del Barri", "Sol Comú", "Watts Veïns", "La Bateria"],
        ["habitatge-energia"],
    ),
    (
        "mobilitat",
        ["cooperativa-de-treball", "associacio"],
        ["BiciTaller", "Roda Lliure", "Pedals", "Mou-te"],
        ["habitatge-mobilitat"],
    ),
    (
        "cures",
        ["cooperativa-de-treball", "fundacio", "associacio"],
        ["Cuidem", "La Xarxa de Cures", "Acompanya", "Entre Mans"],
        ["habitatge-cures"],
    ),
    (
        "cures",
        ["associacio", "cooperativa-de-serveis"],
        ["Mediem", "Pont Familiar", "Diàleg", "Espai de Trobada"],
        ["habitatge-mediacio-familiar"],
    ),
    (
        "finances-etiques",
        ["finances-etiques", "mutualitat", "moneda-social"],
        ["Estalvi Ètic", "La Guardiola", "Moneda del Barri", "Caixa Solidària"],
        [],
    ),
    (
        "cultura",
        ["cooperativa-de-treball", "associacio"],
        ["L'Ateneu", "La Fàbrica de Contes", "Escena Comuna", "Llibreria del Barri"],
        ["mercat-social"],
    ),
    (
        "economia-circular",
        ["empresa-d-insercio", "cooperativa-de-treball"],
        ["Reutilitza", "Segona Vida", "Repara", "El Deixalleter"],
        ["mercat-social"],
    ),
]
EXAMPLE_COUNT = 300
SOURCE = "demo"


def seed_vocabularies():
    """The domain's ESS families and sectors, and the need words that point to them (idempotent:
    existing rows are left as staff edited them). Returns how many need words were new."""
    for slug, name, name_es, name_en in FAMILIES:
        EssFamily.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_es": name_es, "name_en": name_en}
        )
    for slug, code, name, name_es, name_en in SECTORS:
        Sector.objects.get_or_create(
            slug=slug, defaults={"code": code, "name": name, "name_es": name_es, "name_en": name_en}
        )
    return seed_need_words()


def run(command):
    words = seed_vocabularies()
    command.stdout.write(
        ngettext("directori: need words (%(count)s new)", "directori: need words (%(count)s new)", words)
        % {"count": words}
    )
    neighbourhoods = list(Neighbourhood.objects.order_by("code"))
    if not neighbourhoods:
        command.stdout.write(
            _(
                "directori: families and sectors; no boundaries loaded, so no example initiatives "
                "(run `manage.py load_boundaries` first)"
            )
        )
        return
    created = _examples(neighbourhoods)
    command.stdout.write(
        _(
            "directori: %(families)s families, %(sectors)s sectors, %(examples)s example initiatives (%(new)s) "
            "over %(neighbourhoods)s neighbourhoods"
        )
        % {
            "families": len(FAMILIES),
            "sectors": len(SECTORS),
            "examples": EXAMPLE_COUNT,
            "new": ngettext("%(count)s new", "%(count)s new", created) % {"count": created},
            "neighbourhoods": len(neighbourhoods),
        }
    )


def _examples(neighbourhoods):
    rng = random.Random(2026)  # noqa: S311  (demo data, not security)
    families = {f.slug: f for f in EssFamily.objects.all()}
    sectors = {s.slug: s for s in Sector.objects.all()}
    tags = {t.slug: t for t in LayerTag.objects.all()}
    existing = set(Initiative.objects.filter(source=SOURCE).values_list("external_id", flat=True))
    new_ids = []
    for i in range(EXAMPLE_COUNT):
        # Draw every value even for existing rows, so the sequence (and each example) never changes.
        neighbourhood = neighbourhoods[i % len(neighbourhoods)]
        sector_slug, family_slugs, stems, tag_slugs = PROFILES[i % len(PROFILES)]
        family = families[rng.choice(family_slugs)]
        stem = rng.choice(stems)
        lon, lat = _point_in(neighbourhood.geometry, rng)
        evaluated, expired = rng.random() < 0.2, rng.random() < 0.3
        external_id = f"demo-{i + 1:03d}"
        if external_id in existing:
            continue
        initiative = Initiative(
            name=f"{stem} {neighbourhood.name}",
            description=contract(
                f"<p>Iniciativa d'exemple de {sectors[sector_slug].name.lower()} a {neighbourhood.name}.</p>"
            ),
            family=family,
            address=f"Carrer d'exemple, {i + 1}",
            latitude=round(lat, 6),
            longitude=round(lon, 6),
            email=f"hola@exemple-{i + 1:03d}.example.org",
            source=SOURCE,
            external_id=external_id,
            is_example=True,
            live=True,
        )
        initiative.sectors.set([sectors[sector_slug]])
        initiative.tags.set([tags[t] for t in tag_slugs])
        if evaluated:
            day = datetime.date(2023, 1, 1) + datetime.timedelta(days=i)
            initiative.evaluations.add(
                Evaluation(
                    issuer="Balanç Social (XES)" if i % 2 else "Pam a Pam",
                    date=day,
                    valid_until=day + datetime.timedelta(days=365 if expired else 365 * 5),
                )
            )
        initiative.save(place=False)
        new_ids.append(initiative.pk)
    place_initiatives(Initiative.objects.filter(pk__in=new_ids))
    update_search_index(new_ids)  # with the neighbourhoods just placed
    return len(new_ids)


def _point_in(polygon, rng):
    min_x, min_y, max_x, max_y = polygon.bounds
    while True:
        x, y = rng.uniform(min_x, max_x), rng.uniform(min_y, max_y)
        if polygon.contains(shapely.Point(x, y)):
            return x, y
