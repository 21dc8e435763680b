"""Saving a page in the admin while other requests write (issue 16, point 9).

The admin's editor saves a page while its editing-session pings (and another tab, and the task worker)
write too. On SQLite's defaults that overlap answered 500 "database is locked" on the save and on the
ping: a request's transaction began deferred, read, then could not take the write lock another request
held. Each thread below is its own connection, as each of the web server's threads is."""

import re
import threading

from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.test import Client

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from core.models import HomePage, StandardPage

# serialized_rollback: the root page and the groups (migration data) are back after an earlier flush
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 6
ROUNDS = 4


@pytest.fixture
def page():
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Inici", slug="inici-concurrent", hero_title="Benvinguda")
    )
    return home.add_child(instance=StandardPage(title="Qui som", slug="qui-som", introduction="Abans."))


def edit_form(number):
    return nested_form_data(
        {
            "title": "Qui som",
            "slug": "qui-som",
            "introduction": f"Versió {number}.",
            "body": streamfield([("paragraph", rich_text(f"<p>Paràgraf {number}.</p>"))]),
        }
    )


def test_parallel_saves_and_pings_never_find_the_database_locked(page):
    editor = get_user_model().objects.create_superuser("editora", "editora@example.org", "x")
    edit_url = f"/admin/pages/{page.pk}/edit/"
    answers, errors = [], []

    def edit(number):
        try:
            client = Client(raise_request_exception=True)
            client.force_login(editor)
            for round_ in range(ROUNDS):
                opened = client.get(edit_url)  # opens an editing session: a write
                ping = re.search(r"/admin/editing-sessions/ping/[^\"']+", opened.content.decode()).group(0)
                saved = client.post(edit_url, edit_form(number * 100 + round_))
                pinged = client.post(ping, {"is_editing": "1"})
                answers.extend(r.status_code for r in (opened, saved, pinged))
        except Exception as error:  # noqa: BLE001  (the assertion below names it)
            errors.append(repr(error))
        finally:
            connections.close_all()  # this thread's connection, before the test database is flushed

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(set(answers)) == [200, 302], answers  # edit form and ping: 200; save: redirect
    assert page.revisions.count() == THREADS * ROUNDS


def test_sqlite_waits_for_the_write_lock_instead_of_failing():
    """WAL (readers beside the writer), immediate transactions and a 20 s wait, in dev and tests."""
    options = connection.settings_dict["OPTIONS"]
    if connection.vendor != "sqlite":  # PostgreSQL locks rows, not the database: none of this applies
        assert "transaction_mode" not in options and "init_command" not in options
        return
    assert (options["transaction_mode"], options["timeout"]) == ("IMMEDIATE", 20)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
