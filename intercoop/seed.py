"""Demo content of the intercooperation tools, added by `manage.py seed_demo` after the directory's and
the sector tables' (INSTALLED_APPS order). Each part looks its objects up by stable keys, so a rerun
changes nothing."""


def run(command):
    """Accounts first: posts, agreements and pairings belong to the initiatives they give a space."""
    seed_posts(command)


# Part B: the bank of collaborations. (initiative slug, direction, kind, title, description, sector slugs,
# where: "" for the whole city, "districte:<slug>" or "barri:<slug>", days until it expires (below 8: a
# reminder is due; below 0: expired), quantity or frequency). Example initiatives of every sector and
# district, both directions, every kind. The offer "Sala per a tallers i formacions" (an association of
# the mobility sector in Sants) answers the final journey's need "espai per a tallers" in Sants, posted
# by an initiative of another sector and kind of organisation.
POSTS = [
    (
        "mou-te-sants",
        "offer",
        "space",
        "Sala per a tallers i formacions",
        "Sala de 45 m² amb cadires, projector i pissarra, a peu de carrer. La cedim a iniciatives de l'ESS per a tallers, formacions i assemblees.",
        ["mobilitat"],
        "barri:sants",
        120,
        "Dues tardes per setmana",
    ),
    (
        "bicitaller-la-font-de-la-guatlla",
        "offer",
        "knowledge",
        "Tallers de mecànica de bicicleta",
        "Ensenyem a reparar bicicletes a equips i persones usuàries d'altres iniciatives.",
        ["mobilitat"],
        "districte:sants-montjuic",
        90,
        "Un taller al mes",
    ),
    (
        "costura-viva-la-bordeta",
        "need",
        "equipment",
        "Màquines de cosir industrials",
        "Busquem dues màquines de cosir industrials, en préstec o de segona mà, per ampliar el taller d'inserció.",
        ["textil", "economia-circular"],
        "barri:la-bordeta",
        60,
        "2 màquines",
    ),
    (
        "el-deixalleter-el-poble-sec",
        "offer",
        "supply",
        "Mobiliari recuperat per a locals",
        "Taules, cadires i prestatgeries recuperades i reparades, per a locals d'entitats i cooperatives.",
        ["economia-circular"],
        "",
        150,
        "",
    ),
    (
        "terra-viva-la-bordeta",
        "offer",
        "supply",
        "Verdura de temporada per a menjadors",
        "Caixes de verdura agroecològica del Baix Llobregat per a menjadors socials i escoles.",
        ["agroecologia"],
        "",
        200,
        "30 caixes per setmana",
    ),
    (
        "cuidem-el-poble-sec",
        "need",
        "volunteering",
        "Voluntariat per acompanyar gent gran",
        "Persones voluntàries per a passejades i tràmits amb gent gran que viu sola.",
        ["cures"],
        "barri:el-poble-sec",
        5,
        "3 hores a la setmana",
    ),
    (
        "watts-veins-sants-badal",
        "offer",
        "services",
        "Estudis d'autoconsum solar per a locals",
        "Fem l'estudi d'autoconsum i la tramitació de plaques solars a locals d'entitats.",
        ["transicio-energetica"],
        "districte:sants-montjuic",
        180,
        "",
    ),
    (
        "fil-a-lagulla-el-raval",
        "offer",
        "services",
        "Confecció de samarretes i bosses",
        "Confeccionem samarretes, bosses i roba de feina amb teixits de proximitat.",
        ["textil"],
        "",
        100,
        "Comandes de 50 peces o més",
    ),
    (
        "reutilitza-el-raval",
        "need",
        "space",
        "Magatzem per a material recuperat",
        "Necessitem un magatzem de 80 m² o més, a la planta baixa, per guardar electrodomèstics abans de reparar-los.",
        ["economia-circular"],
        "districte:ciutat-vella",
        45,
        "80 m²",
    ),
    (
        "acompanya-sant-pere-santa-caterina-i-la-ribera",
        "need",
        "knowledge",
        "Assessorament en comptabilitat",
        "Volem aprendre a portar la comptabilitat de l'associació i a preparar el balanç social.",
        ["cures", "finances-etiques"],
        "",
        6,
        "Quatre sessions",
    ),
    (
        "llibreria-del-barri-sant-pere-santa-caterina-i-la-ribera",
        "offer",
        "space",
        "Espai de presentacions a la llibreria",
        "Cedim la sala del fons de la llibreria per a presentacions i clubs de lectura.",
        ["cultura"],
        "barri:sant-pere-santa-caterina-i-la-ribera",
        90,
        "Vespres de dilluns a dijous",
    ),
    (
        "pedals-la-sagrada-familia",
        "offer",
        "services",
        "Missatgeria en bicicleta",
        "Repartiment de comandes i documents en bicicleta de càrrega per tota la ciutat.",
        ["mobilitat"],
        "",
        240,
        "",
    ),
    (
        "escena-comuna-la-dreta-de-leixample",
        "need",
        "financing",
        "Finançament per a una gira pels barris",
        "Busquem finançament ètic o micromecenatge per portar l'obra a deu casals de barri.",
        ["cultura"],
        "districte:eixample",
        30,
        "6.000 €",
    ),
    (
        "la-bateria-la-sagrada-familia",
        "offer",
        "knowledge",
        "Formació en estalvi energètic",
        "Sessions per a equips d'entitats sobre factures, potència contractada i estalvi.",
        ["transicio-energetica"],
        "",
        120,
        "Una sessió de 2 hores",
    ),
    (
        "el-deixalleter-el-fort-pienc",
        "need",
        "equipment",
        "Furgoneta elèctrica compartida",
        "Volem compartir una furgoneta elèctrica amb altres cooperatives per a les recollides.",
        ["economia-circular", "mobilitat"],
        "barri:el-fort-pienc",
        4,
        "Dos dies per setmana",
    ),
    (
        "roda-lliure-pedralbes",
        "offer",
        "equipment",
        "Bicicletes de càrrega en préstec",
        "Prestem tres bicicletes de càrrega a iniciatives que les vulguin provar.",
        ["mobilitat"],
        "districte:les-corts",
        60,
        "3 bicicletes",
    ),
    (
        "caixa-solidaria-pedralbes",
        "offer",
        "financing",
        "Microcrèdits per a projectes que comencen",
        "Microcrèdits sense interessos per a cooperatives i associacions de menys de tres anys.",
        ["finances-etiques"],
        "",
        300,
        "Fins a 5.000 €",
    ),
    (
        "roba-amiga-sant-gervasi-galvany",
        "need",
        "supply",
        "Teixits sobrants de confecció",
        "Recollim retalls i teixits sobrants per als tallers de reutilització.",
        ["textil", "economia-circular"],
        "",
        90,
        "",
    ),
    (
        "energia-del-barri-el-putxet-i-el-farro",
        "need",
        "volunteering",
        "Voluntariat per a punts d'informació energètica",
        "Persones que vulguin atendre el punt d'informació sobre pobresa energètica.",
        ["transicio-energetica"],
        "districte:sarria-sant-gervasi",
        6,
        "Dimarts a la tarda",
    ),
    (
        "la-fabrica-de-contes-el-camp-den-grassot-i-gracia-nova",
        "offer",
        "volunteering",
        "Contacontes per a casals i escoles",
        "Fem sessions de contes a casals i escoles de barri que no poden pagar-les.",
        ["cultura"],
        "districte:gracia",
        150,
        "Una sessió al mes",
    ),
    (
        "estalvi-etic-el-camp-den-grassot-i-gracia-nova",
        "offer",
        "knowledge",
        "Assessorament en finances ètiques",
        "Ajudem entitats a preparar plans de finançament i a triar banca ètica.",
        ["finances-etiques"],
        "",
        180,
        "",
    ),
    (
        "cuidem-el-coll",
        "need",
        "space",
        "Sala per a grups de suport",
        "Necessitem una sala tranquil·la per a grups de suport a persones cuidadores.",
        ["cures"],
        "barri:el-coll",
        75,
        "Dijous al matí",
    ),
    (
        "escena-comuna-horta",
        "offer",
        "space",
        "Assajos a la sala polivalent",
        "Cedim la sala polivalent per a assajos i activitats de grups del districte.",
        ["cultura"],
        "districte:horta-guinardo",
        110,
        "Caps de setmana",
    ),
    (
        "fil-a-lagulla-el-carmel",
        "need",
        "services",
        "Disseny de la botiga en línia",
        "Busquem una cooperativa de serveis digitals per fer la botiga en línia del taller.",
        ["textil"],
        "",
        40,
        "",
    ),
    (
        "la-lleialtat-el-baix-guinardo",
        "need",
        "knowledge",
        "Acompanyament jurídic per a una cooperativa d'habitatge",
        "Busquem acompanyament en la cessió d'ús i els estatuts de la cooperativa.",
        ["habitatge"],
        "",
        2,
        "Unes 10 hores",
    ),
    (
        "el-deixalleter-ciutat-meridiana",
        "offer",
        "services",
        "Recollida d'electrodomèstics per reparar",
        "Recollim electrodomèstics d'entitats i veïnat per reparar-los i donar-los una segona vida.",
        ["economia-circular"],
        "districte:nou-barris",
        130,
        "Cada dimecres",
    ),
    (
        "entre-mans-la-prosperitat",
        "offer",
        "knowledge",
        "Formació en cures i acompanyament",
        "Compartim la formació de l'equip en acompanyament a persones grans amb altres entitats.",
        ["cures"],
        "districte:nou-barris",
        95,
        "Un curs de 12 hores",
    ),
    (
        "habitem-can-peguera",
        "need",
        "equipment",
        "Eines per a petites reparacions",
        "Necessitem eines (trepant, escales, caixa d'eines) per al grup de reparacions del barri.",
        ["habitatge"],
        "barri:can-peguera",
        50,
        "",
    ),
    (
        "espai-de-trobada-sant-andreu",
        "offer",
        "space",
        "Espai de trobada per a famílies",
        "Cedim l'espai de trobada per a activitats amb famílies, les tardes que no l'usem.",
        ["cures"],
        "barri:sant-andreu",
        140,
        "Tardes de dilluns i dimecres",
    ),
    (
        "la-teixidora-sant-andreu",
        "offer",
        "supply",
        "Bosses de roba per a comerços",
        "Fem bosses de roba reutilitzables amb teixit recuperat per a comerços i mercats.",
        ["textil", "consum"],
        "",
        160,
        "Des de 100 unitats",
    ),
    (
        "el-rebost-el-poblenou",
        "need",
        "space",
        "Local per a un punt de recollida de cistelles",
        "Busquem un local al Poblenou on repartir les cistelles del grup de consum un cop per setmana.",
        ["agroecologia", "consum"],
        "barri:el-poblenou",
        3,
        "Dijous de 18 a 20 h",
    ),
    (
        "la-bateria-sant-marti-de-provencals",
        "offer",
        "equipment",
        "Mesuradors de consum elèctric en préstec",
        "Prestem mesuradors perquè les entitats sàpiguen què gasta cada aparell.",
        ["transicio-energetica"],
        "districte:sant-marti",
        200,
        "10 mesuradors",
    ),
    (
        "estalvi-etic-el-poblenou",
        "need",
        "volunteering",
        "Persones per a la comissió de riscos",
        "Busquem persones sòcies d'altres cooperatives que vulguin participar en la comissió de riscos.",
        ["finances-etiques"],
        "",
        35,
        "Una reunió al mes",
    ),
    (
        "la-cistella-el-camp-de-larpa-del-clot",
        "offer",
        "supply",
        "Fruita de proximitat per a esdeveniments",
        "Servim fruita i berenars de proximitat per a jornades i esdeveniments d'entitats.",
        ["agroecologia"],
        "districte:sant-marti",
        20,
        "",
    ),
    (
        "cal-veinat-hostafrancs",
        "offer",
        "knowledge",
        "Taller de com fer una assemblea",
        "Un taller pràctic sobre facilitació d'assemblees i presa de decisions.",
        ["habitatge"],
        "",
        -3,
        "Un taller",
    ),  # expired: it shows in its space only
    (
        "la-botiga-justa-la-marina-de-port",
        "offer",
        "supply",
        "Venda de pisos a bon preu",
        "Un anunci que no és de l'economia social i solidària.",
        ["consum"],
        "",
        60,
        "",
    ),  # hidden by staff
]
HIDDEN = {"Venda de pisos a bon preu": "Anunci comercial, fora de l'objecte del banc de col·laboracions."}


def seed_posts(command):
    """The bank's demo offers and needs, keyed by initiative and title: a rerun changes nothing (dates
    stay those of the first run). One is hidden by staff, with its reason logged."""
    from datetime import timedelta

    from django.utils import timezone
    from django.utils.translation import ngettext

    from directori.models import District, Initiative, Neighbourhood, Sector

    from .models import ModerationAction, Post

    initiatives = Initiative.objects.in_bulk({row[0] for row in POSTS}, field_name="slug")
    sectors = Sector.objects.in_bulk(field_name="slug")
    districts = District.objects.defer("geometry").in_bulk(field_name="slug")
    neighbourhoods = Neighbourhood.objects.defer("geometry").in_bulk(field_name="slug")
    now, today = timezone.now(), timezone.localdate()
    created = 0
    for n, (slug, direction, kind, title, description, sector_slugs, where, days, quantity) in enumerate(
        POSTS
    ):
        initiative = initiatives.get(slug)
        if initiative is None:  # the directory's demo was seeded without boundaries
            continue
        area, _sep, area_slug = where.partition(":")
        post, new = Post.objects.get_or_create(
            initiative=initiative,
            title=title,
            defaults={
                "direction": direction,
                "kind": kind,
                "description": description,
                "district": districts.get(area_slug) if area == "districte" else None,
                "neighbourhood": neighbourhoods.get(area_slug) if area == "barri" else None,
                "valid_until": today + timedelta(days=days),
                "quantity": quantity,
                "created_at": now - timedelta(hours=n),
                "hidden_at": now if title in HIDDEN else None,
            },
        )
        if new:
            created += 1
            post.sectors.set([sectors[s] for s in sector_slugs])
            if title in HIDDEN:
                ModerationAction.objects.create(
                    action=ModerationAction.Action.HIDE_POST, reason=HIDDEN[title], post=post
                )
    command.stdout.write(
        ngettext(
            "intercoop: %(total)s offers and needs (%(count)s new)",
            "intercoop: %(total)s offers and needs (%(count)s new)",
            created,
        )
        % {"total": Post.objects.filter(initiative__is_example=True).count(), "count": created}
    )
