"""Build the demo site: page tree in three languages, demo users per role.

Each app that has a `seed` module with a `run(command)` function adds its own demo content, in the
order of INSTALLED_APPS (core first), so this command never imports the domain apps by name.
Deterministic and idempotent: a second run creates nothing and changes no counts.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.management.base import LocalizedCommand


class Command(LocalizedCommand):
    help = gettext_lazy("Load the demo content and demo users (see the README's table of demo users).")

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help=_("Run even with DEBUG=False (the demo users share one known password)."),
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                _(
                    "seed_demo creates users with a shared, documented password; it refuses to run with "
                    "DEBUG=False. Pass --force if this really is a demo or test server."
                )
            )
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.seed"
                if find_spec(app_config.name) and find_spec(module_name):
                    import_module(module_name).run(self)
        self.stdout.write(self.style.SUCCESS(_("Demo content ready.")))
