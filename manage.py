#!/usr/bin/env python
"""Django's command-line entry point. `site/` is a plain folder (the standard library owns the name
`site`), so it is put on the import path here, before Django looks for `config`."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
