"""The seeded demo site with real boundaries and example initiatives, built once per test class.

Seeding the whole site takes seconds, so the sector tests are Django TestCases sharing one seed per
class (`setUpTestData`; each test still runs in its own rolled-back transaction)."""

from django.test import TestCase

from tests.conftest import seed_demo


class SeededSiteTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        seed_demo(boundaries=True)
