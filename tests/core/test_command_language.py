"""Every project command speaks the operator's language: Catalan by default, `--language` or the
`LANGUAGE` environment variable otherwise, in its output, its errors and its `--help`
(core.management.base.LocalizedCommand)."""

from django.core.management import get_commands, load_command_class
from django.utils import translation

import pytest

from core.management.base import LocalizedCommand, command_language
from tests.core.test_settings import manage

PROJECT_APPS = ("core", "directori", "mapa", "sectors", "search")
COMMANDS = sorted(name for name, app in get_commands().items() if app in PROJECT_APPS)
# Options every Django command has: their help is Django's, in English only.
DJANGO_OPTIONS = {
    "help",
    "version",
    "verbosity",
    "settings",
    "pythonpath",
    "traceback",
    "no_color",
    "force_color",
    "skip_checks",
}


def test_the_project_commands_are_all_found():
    assert {"bench", "export_initiatives", "import_initiatives", "load_boundaries", "load_population"} <= set(
        COMMANDS
    )
    assert {"seed_demo", "suggest_poles"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_and_argument_is_described_in_each_language(name):
    command = load_command_class(get_commands()[name], name)
    assert isinstance(command, LocalizedCommand), f"{name} must activate the operator's language"
    texts = {}
    for language in ("ca", "es", "en"):
        with translation.override(language):
            parser = load_command_class(get_commands()[name], name).create_parser("manage.py", name)
            texts[language] = [str(parser.description)] + [
                str(action.help)
                for action in parser._actions
                if action.dest not in DJANGO_OPTIONS and action.help
            ]
    assert len(texts["ca"]) > 1
    for catalan, spanish, english in zip(texts["ca"], texts["es"], texts["en"], strict=True):
        assert catalan != english and spanish != english, english


def test_language_option_then_environment_then_the_active_language(monkeypatch):
    monkeypatch.delenv("LANGUAGE", raising=False)
    with translation.override("en"):
        assert command_language() == "en"  # called from code: the caller's language
    translation.deactivate()
    assert command_language() == "ca"  # nothing asked: the site's default
    monkeypatch.setenv("LANGUAGE", "fr_FR:es_ES.UTF-8:en")  # gettext's list: the first one we speak
    assert command_language() == "es"
    assert command_language("en") == "en"
    monkeypatch.setenv("LANGUAGE", "de")
    assert command_language() == "ca"


def run(*args, **env):
    clean = {"LANGUAGE": "", **env}
    return manage(*args, **clean)


def test_help_is_catalan_by_default():
    result = run("import_initiatives", "--help")
    assert result.returncode == 0, result.stderr
    assert "Importa iniciatives de FITXER (CSV, XLSX, GeoJSON)" in result.stdout
    assert "--dry-run             Valida i informa; no desa res." in result.stdout
    assert "Import initiatives from FILE" not in result.stdout
    # argparse's and Django's own words too: no English line in a Catalan help
    assert result.stdout.startswith("ús: manage.py import_initiatives")
    assert "\narguments posicionals:\n" in result.stdout and "\nopcions:\n" in result.stdout
    assert "-h, --help            Mostra aquesta ajuda i surt." in result.stdout
    assert "Omet les comprovacions del sistema." in result.stdout
    for english in (
        "usage:",
        "positional arguments",
        "show this help",
        "Skip system checks",
        "Verbosity level",
    ):
        assert english not in result.stdout


def test_help_follows_the_language_option_and_the_environment():
    spanish = run("import_initiatives", "--help", LANGUAGE="es")
    assert "Importa iniciativas de FICHERO" in spanish.stdout, spanish.stderr
    english = run("import_initiatives", "--help", "--language", "en", LANGUAGE="es")
    assert "Import initiatives from FILE" in english.stdout, english.stderr
    assert english.stdout.startswith("usage: ") and "uso: " in spanish.stdout
    helped = run("help", "load_population", LANGUAGE="es")
    assert "Carga las cifras de población" in helped.stdout, helped.stderr


def test_errors_are_catalan_by_default_and_english_on_request(tmp_path):
    missing = tmp_path / "no-hi-es.csv"
    result = run("import_initiatives", str(missing), "--mapping", str(missing))
    assert result.returncode == 1
    assert f"{missing}: no existeix aquest fitxer" in result.stderr
    result = run("suggest_poles", "--min", "1", "--language=en")
    assert "--min must be 2 or more" in result.stderr
    result = run("suggest_poles", "--min", "1", LANGUAGE="es")
    assert "--min debe ser 2 o más" in result.stderr


def test_an_unknown_language_is_refused_with_the_choices():
    result = run("seed_demo", "--language", "fr")
    assert result.returncode == 2 and "{ca,es,en}" in result.stderr
