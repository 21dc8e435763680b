"""Demo content of the intercooperation tools, added by `manage.py seed_demo` after the directory's and
the sector tables' (INSTALLED_APPS order). Each part looks its objects up by stable keys, so a rerun
changes nothing."""

from django.utils.translation import gettext as _

from core.seed import demo_user
from directori.models import Initiative

from .models import Membership, Space
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
