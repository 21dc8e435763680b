"""Demo content of the intercooperation tools, added by `manage.py seed_demo` after the directory's and
the sector tables' (INSTALLED_APPS order). Each part looks its objects up by stable keys, so a rerun
changes nothing."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from core.seed import demo_user
from directori.models import Initiative

from .models import Agreement, Membership, Space
from .models.accounts import Role

# Accounts of example initiatives (directori.seed's stable external ids: demo-001 to demo-005 follow its
# first five profiles, so five sectors, and a mix of families):
# (external id, username, the person's first name, role, trusted space).
DEMO_ACCOUNTS = [
    ("demo-001", "iniciativa-agroecologia", "Laia", Role.OWNER, False),
    ("demo-002", "iniciativa-consum", "Jordi", Role.OWNER, True),
    ("demo-003", "iniciativa-habitatge", "Fatima", Role.OWNER, False),
    ("demo-004", "iniciativa-textil", "Marta", Role.OWNER, False),
    ("demo-005", "iniciativa-energia", "Pau", Role.OWNER, False),
    ("demo-001", "iniciativa-agroecologia-editora", "Joan", Role.EDITOR, False),
    # Mou-te Sants (an association of the mobility table, in Sants) offers the bank's "Sala per a tallers
    # i formacions": it answers the claim journey's need.
    ("demo-237", "iniciativa-mobilitat", "Núria", Role.OWNER, False),
]
# The claim journey: Cuidem Sants, a workers' co-operative of the care table in Sants with a public e-mail,
# nobody acting for it and nothing in the other demos, claims its entry and posts the need "espai per a
# tallers" that Mou-te Sants answers (another table, another kind of organisation).
CLAIMABLE = "demo-018"


def run(command):
    """Accounts first: posts, agreements and pairings belong to the initiatives they give a space."""
    seed_accounts(command)
    seed_posts(command)
    seed_agreements(command)
    seed_mentoring(command)


def demo_initiatives():
    return Initiative.objects.filter(source="demo", external_id__in={row[0] for row in DEMO_ACCOUNTS})


def claimable_initiative():
    """The journey's entry to claim, while nobody acts for it."""
    return (
        Initiative.objects.live()
        .filter(source="demo", external_id=CLAIMABLE, memberships__isnull=True)
        .first()
    )


def seed_accounts(command):
    examples = {i.external_id: i for i in demo_initiatives()}
    if not examples:
        command.stdout.write(
            _("intercoop: no example initiatives (no boundaries loaded), so no initiative accounts")
        )
        return
    for external_id, username, first_name, role, trusted in DEMO_ACCOUNTS:
        initiative = examples[external_id]
        user = demo_user(username, first_name)
        space, _created = Space.objects.get_or_create(initiative=initiative)
        if trusted and not space.trusted:
            space.trusted = True
            space.save(update_fields=["trusted"])
        Membership.objects.get_or_create(user=user, initiative=initiative, defaults={"role": role})
    claimable = claimable_initiative()
    command.stdout.write(
        _("intercoop: %(count)s initiative accounts; to claim in Sants-Montjuïc: %(name)s")
        % {"count": len(DEMO_ACCOUNTS), "name": claimable.name if claimable else "-"}
    )


# Part D. (proposer slug, partner slug, what, start, status, hours, euros, confirmed, proposer consents,
# partner consents): example initiatives of different sectors and districts, so that goal 3.2, the
# agroecology and housing tables' pages and Ciutat Vella's and the Eixample's pages count some.
AGREEMENTS = [
    (
        "terra-viva-el-raval",
        "energia-del-barri-el-fort-pienc",
        "Plaques solars a l'obrador compartit",
        "2026-02-02",
        "agreed",
        "40",
        None,
        True,
        True,
        True,
    ),
    (
        "punt-de-consum-el-barri-gotic",
        "el-rebost-la-marina-del-prat-vermell",
        "Cistelles de verdura de proximitat cada setmana",
        "2026-01-12",
        "done",
        None,
        "1200",
        True,
        True,
        False,
    ),
    (
        "caixa-solidaria-la-nova-esquerra-de-leixample",
        "sostre-comu-la-barceloneta",
        "Préstec per a la rehabilitació de l'edifici",
        "2025-11-03",
        "done",
        None,
        "5000",
        True,
        True,
        True,
    ),
    (
        "roba-amiga-sant-pere-santa-caterina-i-la-ribera",
        "entre-mans-la-dreta-de-leixample",
        "Tallers de costura per a persones cuidadores",
        "2026-03-09",
        "agreed",
        "12",
        None,
        True,
        False,
        False,
    ),
    (
        "pedals-la-sagrada-familia",
        "el-deixalleter-el-poble-sec",
        "Repartiment en bicicleta del material recuperat",
        "2026-04-06",
        "proposed",
        None,
        None,
        False,
        True,
        False,
    ),
]


def seed_agreements(command):
    """Five agreements between example initiatives (four confirmed, one waiting), found by slug: a
    rerun finds them by their parties and what they agreed, and changes nothing."""
    slugs = {slug for row in AGREEMENTS for slug in row[:2]}
    initiatives = Initiative.objects.in_bulk(slugs, field_name="slug")
    new = 0
    for proposer, partner, what, start, status, hours, euros, confirmed, *consents in AGREEMENTS:
        if proposer not in initiatives or partner not in initiatives:
            continue  # no example initiatives (boundaries not loaded)
        start = datetime.date.fromisoformat(start)
        confirmed_at = (
            timezone.make_aware(datetime.datetime.combine(start, datetime.time(12))) if confirmed else None
        )
        _agreement, created = Agreement.objects.get_or_create(
            proposer=initiatives[proposer],
            partner=initiatives[partner],
            what=what,
            defaults={
                "start": start,
                "status": status,
                "value_hours": hours,
                "value_euros": euros,
                "confirmed_at": confirmed_at,
                "proposer_consents": consents[0],
                "partner_consents": consents[1],
            },
        )
        new += created
    command.stdout.write(
        _("intercoop: %(count)s example agreements (%(new)s new)") % {"count": len(AGREEMENTS), "new": new}
    )


# Mentoring: six example initiatives mentor, six others ask; four pairings, one in each status. The
# examples carry no founding year, so the ones asking say they are starting (as the form requires).
MENTORS = [  # (example id, topics, how many at once, listed)
    ("demo-001", ["governance", "finances"], 2, True),
    ("demo-002", ["tenders", "legal_form"], 1, True),
    ("demo-003", ["communication", "digital"], 2, True),
    ("demo-004", ["finances", "tenders"], 3, False),
    ("demo-005", ["governance", "legal_form"], 1, True),
    ("demo-006", ["digital", "finances"], 2, False),
]
REQUESTS = [  # (example id, topics, goals)
    ("demo-041", ["finances"], "Fer un pla de tresoreria per al primer any."),
    ("demo-042", ["tenders"], "Presentar-nos a la primera licitació pública amb clàusules socials."),
    ("demo-043", ["communication"], "Explicar el projecte al barri i trobar les primeres sòcies."),
    ("demo-044", ["governance", "legal_form"], "Triar entre associació i cooperativa, i com decidir juntes."),
    ("demo-045", ["digital"], "Passar de fulls de càlcul a eines lliures compartides."),
    ("demo-046", ["finances", "governance"], "Ordenar les quotes i l'assemblea anual."),
]
PAIRINGS = [  # (mentor index, request index, status, meetings as (date, topic, notes), survey)
    (0, 0, "requested", [], None),
    (1, 1, "paired", [], None),
    (
        2,
        2,
        "under_way",
        [(datetime.date(2026, 10, 6), "communication", "Primer esborrany del pla de comunicació.")],
        None,
    ),
    (
        4,
        3,
        "closed",
        [
            (
                datetime.date(2026, 5, 12),
                "legal_form",
                "Comparades les formes jurídiques; en parlen a l'assemblea.",
            ),
            (datetime.date(2026, 6, 16), "governance", "Esborrany d'estatuts revisat."),
        ],
        (5, "Ens ha ajudat a decidir la forma jurídica i a fer la primera assemblea."),
    ),
]


def seed_mentoring(command):
    """The demo's mentors, requests and pairings, found by the examples' stable ids (directori.seed)."""
    from directori.models import Initiative

    from .models import Meeting, MentoringRequest, MentorOffer, Pairing

    ids = [key for key, *_ in MENTORS + REQUESTS]
    examples = {i.external_id: i for i in Initiative.objects.filter(source="demo", external_id__in=ids)}
    if len(examples) < len(ids):
        command.stdout.write(
            _("intercoop: no mentoring demo (the directory's example initiatives are missing)")
        )
        return
    mentors = [
        MentorOffer.objects.get_or_create(
            initiative=examples[key], defaults={"topics": topics, "capacity": capacity, "listed": listed}
        )[0]
        for key, topics, capacity, listed in MENTORS
    ]
    requests = [
        MentoringRequest.objects.get_or_create(
            initiative=examples[key], goals=goals, defaults={"topics": topics, "says_starting": True}
        )[0]
        for key, topics, goals in REQUESTS
    ]
    for mentor, request, status, meetings, survey in PAIRINGS:
        score, text = survey or (None, "")
        pairing, created = Pairing.objects.get_or_create(
            mentor=mentors[mentor],
            request=requests[request],
            defaults={"status": status, "survey_score": score, "survey_text": text},
        )
        if created and status == "closed":
            pairing.closed_at = datetime.datetime.combine(
                meetings[-1][0], datetime.time(18), tzinfo=datetime.UTC
            )
            pairing.save(update_fields=["closed_at"])
        for day, topic, notes in meetings:
            Meeting.objects.get_or_create(pairing=pairing, date=day, topic=topic, defaults={"notes": notes})
    command.stdout.write(
        _("intercoop: mentoring, %(mentors)s mentors, %(requests)s requests, %(pairings)s pairings")
        % {"mentors": len(mentors), "requests": len(requests), "pairings": len(PAIRINGS)}
    )


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
