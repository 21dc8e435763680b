"""Demo content of the intercooperation tools, added by `manage.py seed_demo` after the directory's and
the sector tables' (INSTALLED_APPS order). Each part looks its objects up by stable keys, so a rerun
changes nothing."""

from datetime import UTC, date, datetime, time

from django.utils.translation import gettext as _


def run(command):
    """Accounts first: posts, agreements and pairings belong to the initiatives they give a space."""
    seed_mentoring(command)


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
        [(date(2026, 10, 6), "communication", "Primer esborrany del pla de comunicació.")],
        None,
    ),
    (
        4,
        3,
        "closed",
        [
            (date(2026, 5, 12), "legal_form", "Comparades les formes jurídiques; en parlen a l'assemblea."),
            (date(2026, 6, 16), "governance", "Esborrany d'estatuts revisat."),
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
            pairing.closed_at = datetime.combine(meetings[-1][0], time(18), tzinfo=UTC)
            pairing.save(update_fields=["closed_at"])
        for day, topic, notes in meetings:
            Meeting.objects.get_or_create(pairing=pairing, date=day, topic=topic, defaults={"notes": notes})
    command.stdout.write(
        _("intercoop: mentoring, %(mentors)s mentors, %(requests)s requests, %(pairings)s pairings")
        % {"mentors": len(mentors), "requests": len(requests), "pairings": len(PAIRINGS)}
    )
