"""The seeded demo site with real boundaries and example initiatives, built once per test class.

Seeding the whole site takes seconds, so the sector tests are Django TestCases sharing one seed per
class (`setUpTestData`; each test still runs in its own rolled-back transaction)."""

from django.test import TestCase

from directori.boundaries import save_boundaries
from tests.conftest import open_data_boundaries, seed_demo


class SeededSiteTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        save_boundaries(open_data_boundaries())
        seed_demo()
