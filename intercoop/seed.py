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
]
# The claim journey: an example initiative in Sants-Montjuïc with a public e-mail and nobody acting for it.
CLAIMABLE_DISTRICT = "sants-montjuic"


def run(command):
    """Accounts first: posts, agreements and pairings belong to the initiatives they give a space."""
    seed_accounts(command)
    seed_agreements(command)
    seed_mentoring(command)


def demo_initiatives():
    return Initiative.objects.filter(source="demo", external_id__in={row[0] for row in DEMO_ACCOUNTS})


def claimable_initiative():
    """The first example in Sants-Montjuïc (by external id) with a public e-mail and no members."""
    return (
        Initiative.objects.live()
        .filter(source="demo", district__slug=CLAIMABLE_DISTRICT, memberships__isnull=True)
        .exclude(email="")
        .exclude(pk__in=demo_initiatives().values("pk"))
        .order_by("external_id")
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
