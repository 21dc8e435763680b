"""Demo content of the sector tables: the Strategy's lines and goals, the tables index, one page per
table with its work plan, its tractor projects and news, the coordinated table, and per table a group
and a demo member `membre-<sector slug>`. The text lives in the data file `data/demo.json` (`CONTENT`);
this module only builds it.

Idempotent like every seed: pages are found by slug under their parent, terms by code, users by name.
Participants are the directory's example initiatives of the table's sector (none if no boundaries
were loaded, since the directory seed then makes no examples).
"""

import datetime
import itertools
import json
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.documents.models import Document
from wagtail.models import Locale, Page, Site

from core.seed import demo_user, page_in_every_language
from directori.models import District, Initiative, Sector

from .models import (
    CoordinationTablePage,
    Goal,
    NewsAttachment,
    ProjectLocation,
    ProjectParticipant,
    ProjectUpdate,
    SectorContact,
    SectorIndexPage,
    SectorMember,
    SectorNewsPage,
    SectorPage,
    StrategyLine,
    TractorProjectPage,
)

INDEX = {
    "ca": {
        "title": "Sectors",
        "slug": "sectors",
        "introduction": "Les taules sectorials reuneixen entitats de diverses famílies de l'ESS que acorden "
        "un pla de treball a deu anys i impulsen projectes tractors.",
    },
    "es": {
        "title": "Sectores",
        "slug": "sectores",
        "introduction": "Las mesas sectoriales reúnen entidades de diversas familias de la ESS que acuerdan "
        "un plan de trabajo a diez años e impulsan proyectos tractores.",
    },
    "en": {
        "title": "Sectors",
        "slug": "sectors",
        "introduction": "Sector tables bring together organisations of several kinds of social economy "
        "entity that agree a ten-year work plan and drive tractor projects.",
    },
}
CONTENT = Path(__file__).parent / "data" / "demo.json"
MEMBERS_PER_TABLE = 6
PARTICIPANTS_PER_PROJECT = 3


def content():
    """The demo content: lines and goals by code, tables, the coordinated table, the plans' first year."""
    return json.loads(CONTENT.read_text(encoding="utf-8"))


def run(command):
    data = content()
    pages_before = Page.objects.count()
    locales = {code: Locale.objects.get(language_code=code) for code, _ in settings.LANGUAGES}
    lines = {code: _term(StrategyLine, code, text) for code, text in data["lines"].items()}
    goals = {
        code: _term(Goal, code, text, line=lines.get(f"L{code.split('.')[0]}"))
        for code, text in data["goals"].items()
    }
    home = Site.objects.get(is_default_site=True).root_page
    index = page_in_every_language(home, SectorIndexPage, INDEX, locales)
    for table in data["tables"]:
        _table(index, table, data["plan_start_year"], lines, goals, locales)
    _coordination(index, data["coordination"], locales)
    new = Page.objects.count() - pages_before
    command.stdout.write(
        _(
            "sectors: %(lines)s strategy lines, %(goals)s goals, %(tables)s tables with their members (%(new)s)"
        )
        % {
            "lines": len(lines),
            "goals": len(goals),
            "tables": len(data["tables"]),
            "new": ngettext("%(count)s new page", "%(count)s new pages", new) % {"count": new},
        }
    )


def _term(model, code, text, **extra):
    term, _ = model.objects.get_or_create(
        code=code, defaults={"title": text["ca"], "title_es": text["es"], "title_en": text["en"], **extra}
    )
    return term


def _by_language(fields):
    """{"title": {"ca": …}, "slug": {…}, "colour": "#…"} → {"ca": {"title": …, "colour": …}, …}"""
    return {
        code: {name: value[code] if isinstance(value, dict) else value for name, value in fields.items()}
        for code, _ in settings.LANGUAGES
    }


def _texts(spec, *fields):
    """{"title": {"ca": …, "es": …}} → {"title": ca, "title_es": es, "title_en": en}: a text of a plan
    or a need in its block's column per language."""
    return {
        name if code == settings.LANGUAGE_CODE else f"{name}_{code}": spec[name][code]
        for name in fields
        for code, _ in settings.LANGUAGES
    }


def _table(index, table, plan_start_year, lines, goals, locales):
    sector = Sector.objects.get(slug=table["sector"])
    examples = list(
        Initiative.objects.live()
        .filter(sectors=sector, is_example=True)
        .select_related("district")
        .defer("district__geometry")
        .order_by("name")
    )
    initiatives = examples[:: max(1, len(examples) // MEMBERS_PER_TABLE)][:MEMBERS_PER_TABLE]  # spread out
    rotation = itertools.cycle(initiatives or [None])
    responsible = [[next(rotation) for _ in objective["actions"]] for objective in table["plan"]]
    # One plan for every language, on the Catalan page: its texts in each language, its facts once.
    plan = [
        {
            "type": "objective",
            "value": {
                **_texts(objective, "title", "description"),
                "actions": [  # ListBlock items as plain values: Wagtail gives them ids on save
                    {
                        **_texts(action, "title"),
                        "start_year": action["start"],
                        "end_year": action["end"],
                        "status": action["status"],
                        "completion": action["completion"],
                        "responsible": [i.pk for i in [responsible[o][a]] if i],
                        "goals": [goals[g].pk for g in action["goals"]],
                    }
                    for a, action in enumerate(objective["actions"])
                ],
            },
        }
        for o, objective in enumerate(table["plan"])
    ]
    translations = _by_language(
        {
            "title": table["title"],
            "slug": table["slug"],
            "introduction": table["introduction"],
            "sector": sector,
            "colour": table["colour"],
            "icon": table["icon"],
            "plan_start_year": plan_start_year,
        }
    )
    translations[settings.LANGUAGE_CODE]["plan"] = plan
    for code, fields in translations.items():
        fields["contacts"] = [
            SectorContact(name=name, role=role[code], email=email, phone=phone)
            for name, role, email, phone in table["contacts"]
        ]
        fields["members"] = [SectorMember(initiative=i) for i in initiatives]
    page = page_in_every_language(index, SectorPage, translations, locales)
    group = page.editor_group  # given when the page was created (sectors.permissions)
    demo_user(f"membre-{sector.slug}", f"Membre {sector.code}", group)

    for project in table["projects"]:
        _project(page, project, examples, lines, goals, locales)
    for news in table["news"]:
        fields = _by_language({k: news[k] for k in ("title", "slug", "introduction", "kind")})
        for code, values in fields.items():
            values["date"] = datetime.date.fromisoformat(news["date"])
            if news["kind"] == "minutes":
                values["attachments"] = [NewsAttachment(document=_minutes_document(news, code))]
        page_in_every_language(page, SectorNewsPage, fields, locales)


def _minutes_document(news, language):
    """A small text file standing in for the signed minutes (found by title, so a rerun adds none)."""
    title = news["title"][language]
    document = Document.objects.filter(title=title).first()
    if document is None:
        text = f"{title}\n\n{news['introduction'][language]}\n"
        document = Document.objects.create(
            title=title, file=ContentFile(text.encode(), name=f"{news['slug'][language]}.txt")
        )
    return document


def _project(table_page, project, examples, lines, goals, locales):
    """Participants are examples of the table's sector, those in the project's districts first."""
    local = [i for i in examples if i.district and i.district.code in project["districts"]]
    participants = (local + [i for i in examples if i not in local])[:PARTICIPANTS_PER_PROJECT]
    translations = _by_language(
        {
            "title": project["title"],
            "slug": project["slug"],
            "introduction": project["introduction"],
            "status": project["status"],
            "completion": project["completion"],
        }
    )
    for code, fields in translations.items():
        fields.update(
            start_date=datetime.date.fromisoformat(project["start"]),
            end_date=datetime.date.fromisoformat(project["end"]) if project["end"] else None,
            districts=list(District.objects.filter(code__in=project["districts"])),
            lines=[lines[c] for c in project["lines"]],
            goals=[goals[c] for c in project["goals"]],
            participants=[
                ProjectParticipant(initiative=i, role="lead" if n == 0 else "partner")
                for n, i in enumerate(participants)
            ],
            locations=[
                ProjectLocation(name=name[code], latitude=lat, longitude=lon)
                for name, lat, lon in project["locations"]
            ],
            updates=[
                ProjectUpdate(date=datetime.date.fromisoformat(day), text=text[code])
                for day, text in project["updates"]
            ],
        )
    page_in_every_language(table_page, TractorProjectPage, translations, locales)


def _coordination(index, spec, locales):
    translations = _by_language(
        {k: spec[k] for k in ("title", "slug", "introduction", "crisis_title", "crisis_message")}
    )
    # The needs, like a plan, once on the Catalan page: their texts in each language, their answers once.
    translations[settings.LANGUAGE_CODE]["needs"] = [
        {
            "type": "need",
            "value": {
                **_texts(need, "title", "description"),
                "initiatives": list(
                    Initiative.objects.live()
                    .filter(sectors__slug__in=need["sectors"], is_example=True)
                    .order_by("name")
                    .values_list("pk", flat=True)[:4]
                ),
            },
        }
        for need in spec["needs"]
    ]
    page_in_every_language(index, CoordinationTablePage, translations, locales)
