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
