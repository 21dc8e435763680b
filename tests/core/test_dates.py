"""Dates read as each language writes them ("1 de març de 2024", "20 d'octubre de 2025", "1 March
2024"), from the formats in core/formats and the catalogue's elided months, on the pages that show
them; machine attributes stay ISO 8601."""

import datetime
import html
import re
from pathlib import Path

from django.conf import settings
from django.template import Context, Template
from django.utils import translation

import pytest

from core.catalan import in_catalan
from core.dates import MONTHS_WITH_PREPOSITION, long_date
from sectors.models import SectorNewsPage, TractorProjectPage

EXPECTED = {
    "ca": [
        "1 de març de 2024",
        "20 d'octubre de 2025",
        "30 de novembre de 2026",
        "3 d'abril de 2025",
        "9 d'agost de 2024",
    ],
    "es": [
        "1 de marzo de 2024",
        "20 de octubre de 2025",
        "30 de noviembre de 2026",
        "3 de abril de 2025",
        "9 de agosto de 2024",
    ],
    "en": ["1 March 2024", "20 October 2025", "30 November 2026", "3 April 2025", "9 August 2024"],
}
DAYS = [(2024, 3, 1), (2025, 10, 20), (2026, 11, 30), (2025, 4, 3), (2024, 8, 9)]


@pytest.mark.parametrize("language", EXPECTED)
def test_long_dates_in_each_language(language):
    with translation.override(language):
        assert [long_date(datetime.date(*day)) for day in DAYS] == EXPECTED[language]


def test_a_datetime_is_shown_on_barcelonas_day_and_nothing_for_no_date():
    late = datetime.datetime(2025, 10, 19, 23, 30, tzinfo=datetime.UTC)  # 01:30 on the 20th in Barcelona
    with translation.override("ca"):
        assert long_date(late) == "20 d'octubre de 2025"
        assert long_date(None) == ""


def test_every_catalan_month_has_its_preposition_elided_before_a_vowel():
    with translation.override("ca"):
        months = [str(month) for month in MONTHS_WITH_PREPOSITION]
        assert [long_date(datetime.date(2025, n, 1)) for n in range(1, 13)] == [
            f"1 {m} de 2025" for m in months
        ]
    assert months == [
        "de gener", "de febrer", "de març", "d'abril", "de maig", "de juny",
        "de juliol", "d'agost", "de setembre", "d'octubre", "de novembre", "de desembre",
    ]  # fmt: skip


def test_djangos_own_date_filter_and_wagtails_tooltips_read_the_same():
    """Wagtail's admin writes dates with `|date:"DATE_FORMAT"` and DATETIME_FORMAT: the formats module
    and the catalogue make them right too, not only our filter."""
    moment = datetime.datetime(2025, 10, 20, 9, 5)

    def render(source):
        return html.unescape(Template(source).render(Context({"d": moment})))

    with translation.override("ca"):
        assert render('{{ d|date:"DATE_FORMAT" }}') == "20 d'octubre de 2025"
        assert render('{{ d|date:"DATETIME_FORMAT" }}') == ("20 d'octubre de 2025, 09:05")
    with translation.override("en"):
        assert render('{{ d|date:"DATE_FORMAT" }}') == "20 October 2025"


def test_no_template_formats_a_date_for_people_by_itself():
    """Every date people read goes through `long_date`; a template's `|date:` may only write ISO 8601
    for machines (`<time datetime>`) or a bare year."""
    roots = [Path(settings.BASE_DIR) / app for app in ("directori", "mapa", "search", "sectors", "site")]
    found = []
    for root in roots:
        for template in root.rglob("*.html"):
            for fmt in re.findall(r"\|date:[\"']([^\"']*)[\"']", template.read_text()):
                if fmt not in {"Y-m-d", "Y", "c"}:
                    found.append(f"{template}: {fmt}")
    assert found == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", EXPECTED)
def test_sector_pages_show_long_dates_in_each_language(client, seeded, language):
    project = TractorProjectPage.objects.filter(locale__language_code="ca").first()
    TractorProjectPage.objects.filter(translation_key=project.translation_key).update(
        start_date=datetime.date(2024, 3, 1), end_date=datetime.date(2026, 11, 30)
    )
    news = SectorNewsPage.objects.filter(locale__language_code="ca").first()
    SectorNewsPage.objects.filter(translation_key=news.translation_key).update(
        date=datetime.date(2025, 10, 20)
    )
    first, october, november = EXPECTED[language][:3]

    page = TractorProjectPage.objects.get(
        translation_key=project.translation_key, locale__language_code=language
    )
    body = html.unescape(client.get(page.url).content.decode())
    assert f'<time datetime="2024-03-01">{first}</time>' in body
    assert f'<time datetime="2026-11-30">{november}</time>' in body

    page = SectorNewsPage.objects.get(translation_key=news.translation_key, locale__language_code=language)
    body = html.unescape(client.get(page.url).content.decode())
    assert f'<time datetime="2025-10-20">{october}</time>' in body
    table = html.unescape(client.get(page.get_parent().url).content.decode())
    assert f'<time datetime="2025-10-20">{october}</time>' in table


def test_the_article_before_the_day_1_or_11_elides_in_catalan_sentences():
    """Catalan writes "l'1", "a l'11", "de l'1" ("el 1 de gener" is a common fault); other days, and
    other languages, are left as the catalogue wrote them."""
    with translation.override("ca"):
        assert in_catalan("expirada el 1 de gener de 2021") == "expirada l'1 de gener de 2021"
        assert in_catalan("del 11 de maig al 1 de juny") == "de l'11 de maig a l'1 de juny"
        assert in_catalan("El 1 de març") == "L'1 de març"
        assert in_catalan("del 12 de maig al 21 de juny") == "del 12 de maig al 21 de juny"
    with translation.override("es"):
        assert in_catalan("del 1 de mayo al 11 de junio") == "del 1 de mayo al 11 de junio"
