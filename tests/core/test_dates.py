"""Dates read as each language writes them ("1 de març de 2024", "20 d'octubre de 2025", "1 March
2024"), from the formats in core/formats and Catalan's elision, on the pages that show them; machine
attributes stay ISO 8601."""

import datetime
import html
import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

import pytest

from core.dates import elide, long_date
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


def test_elision_is_catalan_only_and_only_before_a_vowel_or_h():
    assert elide("1 de octubre de 2024 de hivern", "ca") == "1 d'octubre de 2024 d'hivern"
    assert elide("1 de març de 2024", "ca") == "1 de març de 2024"
    assert elide("1 de octubre de 2024", "es") == "1 de octubre de 2024"


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
