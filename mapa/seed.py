"""Demo map data: the layers of the brief (boundaries, economic poles, the social market, the housing
network, tractor projects, one layer per sector, the choropleth), three economic poles made of
neighbourhoods, and links from example housing co-operatives to the nearest provider of each housing
service, and a saved embed per district, owned by that district's office (a group, with its demo user
`districte-<slug>`). Idempotent: layers and embeds by slug, poles by name, links by their three keys,
offices by district."""

import math

from django.utils.translation import gettext as _

from core.catalan import contract
from core.seed import demo_user
from directori.models import District, Initiative, LayerTag, Neighbourhood, Sector
from sectors.models import SectorPage

from .models import EconomicPole, HousingServiceLink, Layer, MapEmbed
from .permissions import sync_office_group

K = Layer.Kind
# Not the sector's name ("Consum conscient i mercat social"), whose layer sits in the same control:
# this layer is the places that sell, the sector's layer is every initiative of the sector.
MARKET_NAMES = (
    "Botigues i mercats de consum conscient",
    "Tiendas y mercados de consumo consciente",
    "Conscious-consumption shops and markets",
)
LAYERS = [
    # slug, (ca, es, en), kind, colour, icon, order, shown, tag slugs
    ("districtes", ("Districtes", "Distritos", "Districts"), K.DISTRICTS, "#35557a", "", 10, True, []),
    ("barris", ("Barris", "Barrios", "Neighbourhoods"), K.NEIGHBOURHOODS, "#4a4a55", "", 20, False, []),
    (
        "pols-economics",
        ("Pols econòmics locals", "Polos económicos locales", "Local economic poles"),
        K.POLES,
        "#6a1b9a",
        "",
        30,
        True,
        [],
    ),
    (
        "mercat-social",
        MARKET_NAMES,
        K.INITIATIVES,
        "#8a1538",
        "basket",
        40,
        True,
        ["mercat-social"],
    ),
    (
        "xarxa-habitatge",
        ("Xarxa de serveis a l'habitatge", "Red de servicios a la vivienda", "Housing-services network"),
        K.HOUSING,
        "#1d5e8c",
        "house",
        50,
        False,
        [],
    ),
    (
        "projectes-tractors",
        ("Projectes tractors", "Proyectos tractores", "Tractor projects"),
        K.PROJECTS,
        "#8a5a00",
        "",
        60,
        False,
        [],
    ),
    (
        "iniciatives-per-habitant",
        (
            "Iniciatives per 1.000 habitants",
            "Iniciativas por 1.000 habitantes",
            "Initiatives per 1,000 inhabitants",
        ),
        K.CHOROPLETH,
        "#2f7d32",
        "",
        90,
        False,
        [],
    ),
    (
        # the bank of collaborations (intercoop): a need is drawn as a ring, an offer as a dot
        "ofertes-i-necessitats",
        ("Ofertes i necessitats", "Ofertas y necesidades", "Offers and needs"),
        K.POSTS,
        "#c2185b",
        "",
        45,
        False,
        [],
    ),
]
POLES = [
    (
        "Poblenou cooperatiu",
        "10",
        ["66", "68"],
        "Cooperatives de treball, ateneus i botigues de consum conscient al voltant de la Rambla del Poblenou.",
    ),
    (
        "Sants, economia de barri",
        "03",
        ["18"],
        "Comerç de proximitat, cooperatives de consum i entitats veïnals al llarg del carrer de Sants.",
    ),
    (
        "Gràcia comunitària",
        "06",
        ["31"],
        "Espais comunitaris, grups de consum i cooperatives de serveis a la Vila de Gràcia.",
    ),
]
HOUSING_SAMPLE = 8


def run(command):
    for slug, names, kind, colour, icon, order, shown, tags in LAYERS:
        _layer(slug, names, kind, colour, icon, order, shown, tags)
    for order, sector in enumerate(Sector.objects.order_by("name"), start=100):
        table = SectorPage.objects.filter(sector=sector).first()
        layer = _layer(
            f"sector-{sector.slug}",
            (sector.name, sector.name_es or sector.name, sector.name_en or sector.name),
            K.INITIATIVES,
            table.colour if table else "#4a4a55",
            table.icon if table else "",
            order,
            False,
            [],
        )
        layer.sectors.add(sector)
    poles = _poles()
    links = _housing_links()
    embeds = _district_embeds()
    command.stdout.write(
        _(
            "mapa: %(layers)s layers, %(poles)s economic poles, %(links)s housing-service links, %(embeds)s saved district embeds"
        )
        % {"layers": Layer.objects.count(), "poles": poles, "links": links, "embeds": embeds}
    )


def _layer(slug, names, kind, colour, icon, order, shown, tags):
    layer, created = Layer.objects.get_or_create(
        slug=slug,
        defaults={
            "name": names[0],
            "name_es": names[1],
            "name_en": names[2],
            "kind": kind,
            "colour": colour,
            "icon": icon,
            "order": order,
            "shown_by_default": shown,
        },
    )
    if created and tags:
        layer.tags.set(LayerTag.objects.filter(slug__in=tags))
    return layer


def _poles():
    if not District.objects.exists():
        return 0
    for name, district, neighbourhoods, description in POLES:
        pole, created = EconomicPole.objects.get_or_create(
            name=name, defaults={"district": District.objects.get(code=district), "description": description}
        )
        if created:
            pole.neighbourhoods.set(Neighbourhood.objects.filter(code__in=neighbourhoods))
            pole.members.set(Initiative.objects.live().filter(neighbourhood__code__in=neighbourhoods)[:12])
    return EconomicPole.objects.count()


def _housing_links():
    """Each of a few example housing co-operatives gets the nearest provider of each housing service."""
    housing = list(
        Initiative.objects.live()
        .filter(family__slug="cooperativa-d-habitatge", is_example=True)
        .exclude(latitude=None)
        .order_by("name")[:HOUSING_SAMPLE]
    )
    for service in LayerTag.objects.filter(group=LayerTag.Group.HOUSING):
        providers = list(Initiative.objects.live().filter(tags=service).exclude(latitude=None).order_by("pk"))
        for home in housing:
            nearest = min(
                (p for p in providers if p.pk != home.pk),
                key=lambda p: math.dist((p.latitude, p.longitude), (home.latitude, home.longitude)),
                default=None,
            )
            if nearest:
                HousingServiceLink.objects.get_or_create(housing=home, provider=nearest, service=service)
    return HousingServiceLink.objects.count()


def _district_embeds():
    """A saved embed per district (its boundary, the social market and the poles), owned by the
    district's office, whose demo user `districte-<slug>` keeps it."""
    shown = list(Layer.objects.filter(slug__in=["mercat-social", "pols-economics", "districtes"]))
    for district in District.objects.defer("geometry"):
        office = sync_office_group(district)
        demo_user(f"districte-{district.slug}", f"Oficina {district.name}", office)
        embed, created = MapEmbed.objects.get_or_create(
            slug=f"districte-{district.slug}",
            defaults={
                "name": contract(f"Districte de {district.name}"),
                "district": district,
                "owner": office,
            },
        )
        if created:
            embed.layers.set(shown)
        elif embed.owner_id is None:  # seeded before embeds had owners
            MapEmbed.objects.filter(pk=embed.pk).update(owner=office)
    return MapEmbed.objects.count()
