"""The seeded demo site with real boundaries and example initiatives, built once per test class.

Seeding the whole site takes seconds, so the sector tests are Django TestCases sharing one seed per
class (`setUpTestData`; each test still runs in its own rolled-back transaction)."""

import functools
import os

from django.core.management import call_command
from django.test import TestCase

from directori.boundaries import read_sources, save_boundaries
from tests.conftest import OPEN_DATA_CSVS, require


@functools.cache
def boundary_data():
    return read_sources([str(p) for p in OPEN_DATA_CSVS])


class SeededSiteTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        require(
            all(p.exists() for p in OPEN_DATA_CSVS), "Open Data BCN boundaries not found beside the project"
        )
        save_boundaries(boundary_data())
        with open(os.devnull, "w") as quiet:
            call_command("seed_demo", force=True, stdout=quiet)
