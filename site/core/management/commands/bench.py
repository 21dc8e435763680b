"""Benchmarks: each app's `bench` module with a `run(command, sizes)` function, in INSTALLED_APPS order.

Prints figures and ratios; it asserts nothing (targets are read by people, not by the test suite).
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.management.base import LocalizedCommand


class Command(LocalizedCommand):
    help = gettext_lazy("Run the project's benchmarks and print their figures.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes", default="1000,10000,100000,1000000", help=_("Comma-separated data sizes.")
        )
        parser.add_argument("--only", help=_("Run only this app's benchmark (e.g. directori)."))
        parser.add_argument(
            "--port",
            type=int,
            default=0,
            help=_("Loopback port of the load test's gunicorn (default: any free)."),
        )

    def handle(self, *args, sizes, only, port, **options):
        self.port = port
        sizes = [int(s) for s in sizes.split(",")]
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.bench"
            if (only in (None, app_config.label)) and find_spec(app_config.name) and find_spec(module_name):
                import_module(module_name).run(self, sizes)
