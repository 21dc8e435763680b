"""The base of every project command: output, errors and `--help` in the operator's language.

Django runs a command in whatever language happens to be active (the site's default, Catalan, when
nothing activated one) and offers no way to ask for another. Operators here speak Catalan, Spanish
or English, so each command takes `--language` and honours the `LANGUAGE` environment variable (the
GNU gettext one, e.g. `LANGUAGE=es` or `LANGUAGE=es_ES:en`), in that order; called from code with
neither, it keeps the caller's active language. The language is activated before the arguments are
parsed, so that `--help` and argument errors are translated too, and stays active until the command
returns, so that CommandError messages are written in it.
"""

import argparse
import os

from django.conf import settings
from django.core.management.base import BaseCommand, DjangoHelpFormatter
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def _supported(code):
    """The site language a code such as "es", "es_ES.UTF-8" or "en-GB" names, else None."""
    code = code.strip().lower()[:2]
    return code if code in dict(settings.LANGUAGES) else None


def environment_language():
    """The first site language in the `LANGUAGE` environment variable (a colon-separated list), else None."""
    for code in os.environ.get("LANGUAGE", "").split(":"):
        if language := _supported(code):
            return language
    return None


def command_language(requested=None):
    """`--language` if given, else `LANGUAGE`, else the active language (the site's default when none)."""
    return requested or environment_language() or translation.get_language() or settings.LANGUAGE_CODE


# The words argparse and Django write into every command's help, in English only (argparse's catalogue
# is not installed, Django's options have no translations): ours, by the option's dest.
STANDARD_HELP = {
    "help": gettext_lazy("Show this help message and exit."),
    "version": gettext_lazy("Show the program's version number and exit."),
    "verbosity": gettext_lazy(
        "Verbosity level: 0 minimal output, 1 normal output, 2 verbose output, 3 very verbose output."
    ),
    "settings": gettext_lazy(
        'The Python path to a settings module, e.g. "config.settings.production"; without it, the '
        "DJANGO_SETTINGS_MODULE environment variable is used."
    ),
    "pythonpath": gettext_lazy('A folder to add to the Python path, e.g. "/srv/ess".'),
    "traceback": gettext_lazy("Raise on CommandError exceptions (shows the traceback)."),
    "no_color": gettext_lazy("Don't colour the command's output."),
    "force_color": gettext_lazy("Colour the command's output always."),
    "skip_checks": gettext_lazy("Skip the system checks."),
}


class _HelpFormatter(DjangoHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix=_("usage: ") if prefix is None else prefix)


class LocalizedCommand(BaseCommand):
    """A BaseCommand whose `--help`, output and errors are in the language `command_language` picks.

    Subclasses write their `help` with gettext_lazy and their messages with gettext/ngettext, as
    anywhere else in the project.
    """

    def create_parser(self, prog_name, subcommand, **kwargs):
        self.help = str(self.help)  # argparse formats text, not lazy translations: the active language's
        parser = super().create_parser(prog_name, subcommand, formatter_class=_HelpFormatter, **kwargs)
        parser._positionals.title = _("positional arguments")
        parser._optionals.title = _("options")
        for action in parser._actions:
            if action.dest in STANDARD_HELP:
                action.help = str(STANDARD_HELP[action.dest])
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            help=_("Language of the messages (default: the LANGUAGE environment variable, else Catalan)."),
        )
        return parser

    def run_from_argv(self, argv):
        """From the command line: the language is found in argv before the full parser (and its
        help) is built."""
        early = argparse.ArgumentParser(add_help=False)
        early.add_argument("--language", type=_supported)
        requested = early.parse_known_args(argv[2:])[0].language
        with translation.override(command_language(requested)):
            super().run_from_argv(argv)

    def print_help(self, prog_name, subcommand):
        """`manage.py help <command>` builds the parser outside run_from_argv."""
        with translation.override(command_language()):
            super().print_help(prog_name, subcommand)

    def execute(self, *args, **options):
        with translation.override(command_language(options.get("language"))):
            return super().execute(*args, **options)
