"""Admin imports as background tasks (the database queue of Django's tasks API), their limits, the
lock per source, revisions, undoing a whole import, and archiving instead of deleting."""

import os
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.utils import translation
from django.utils.html import escape

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from directori.importing import ImportFileError, Mapping, lock_source, reading, run_import
from directori.models import ImportJob, Initiative
from directori.slugs import FreeSlugs

MAPPING = '[options]\nsource = "xes"\n[columns]\nexternal_id = "id"\nname = "Nom"\n'


def upload(name, text):
    return SimpleUploadedFile(name, text.encode())


def run_queued_tasks():
    """Run what the views queued, as `manage.py db_worker` does, in this test's transaction."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="imports",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    ran = 0
    while (result := DBTaskResult.objects.ready().filter(backend_name="imports").first()) is not None:
        result.claim("test")
        worker.run_task(result)
        ran += 1
    return ran


def make_user(username, *codenames, superuser=False):
    user = get_user_model().objects.create_user(username, password="x", is_superuser=superuser)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    return user


@pytest.fixture
def moderator(client, db):
    client.force_login(
        make_user("mod", "add_initiative", "change_initiative", "publish_initiative", "delete_initiative")
    )
    return client


@pytest.mark.django_db
def test_the_admin_report_counts_rejected_rows_and_problems_apart(moderator):
    """The same importer, the same counts as the command: one row with two problems, one with one."""
    mapping = MAPPING + 'email = "Correu"\n'
    moderator.post(
        "/admin/directori/import/",
        {
            "data_file": upload("e.csv", "id,Nom,Correu\nA1,,dolent\nA2,Bé,tampoc\nA3,Bo,\n"),
            "mapping_file": upload("m.toml", mapping),
        },
    )
    assert run_queued_tasks() == 1
    job = ImportJob.objects.get()
    assert job.status == "failed" and job.report["rejected"] == 3
    page = moderator.get(f"/admin/directori/import/{job.pk}/").content.decode()
    assert "2 files rebutjades, 3 problemes" in page


@pytest.mark.django_db
def test_admin_import_checks_then_commits_in_the_background_then_undoes(moderator):
    before = Initiative.objects.create(name="Nom antic", source="xes", external_id="A1")
    response = moderator.post(
        "/admin/directori/import/",
        {
            "data_file": upload("e.csv", "id,Nom\nA1,Nom nou\nA2,Nova\n"),
            "mapping_file": upload("m.toml", MAPPING),
        },
    )
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == f"/admin/directori/import/{job.pk}/"
    assert job.data_path.is_file() and Path(settings.IMPORT_UPLOAD_DIR) in job.data_path.parents
    assert not str(job.data_path).startswith(str(settings.MEDIA_ROOT))
    page = moderator.get(response.url).content.decode()
    assert '<progress id="import-progress"' in page and 'http-equiv="refresh"' in page
    assert 'aria-live="polite"' in page and "<script" not in page.split('<div class="nice-padding">')[1]

    assert run_queued_tasks() == 1
    job.refresh_from_db()
    assert job.status == "checked" and Initiative.objects.count() == 1, "the check is a dry run"
    page = moderator.get(response.url).content.decode()
    assert "Importa ara" in page  # the commit button, in the admin's language
    assert "<progress" not in page

    moderator.post(response.url)
    assert run_queued_tasks() == 1
    job.refresh_from_db()
    assert job.status == "done", job.error
    assert not job.folder.exists(), "the upload is removed once imported"
    before.refresh_from_db()
    assert before.name == "Nom nou"
    assert before.revisions.count() == 2  # its state before the import, and the import's
    created = Initiative.objects.get(external_id="A2")
    assert created.live and created.revisions.count() == 1
    assert created.live_revision_id == created.latest_revision_id
    assert job.rows.count() == 2

    assert moderator.get(f"/admin/directori/import/{job.pk}/undo/").status_code == 200  # confirmation
    moderator.post(f"/admin/directori/import/{job.pk}/undo/")
    assert run_queued_tasks() == 1
    job.refresh_from_db()
    assert job.status == "undone" and job.report["undo"] == {"restored": 1, "archived": 1, "skipped": 0}
    before.refresh_from_db()
    created.refresh_from_db()
    assert before.name == "Nom antic" and before.revisions.count() == 3
    assert created.archived_at is not None and not Initiative.objects.live().filter(pk=created.pk).exists()
    assert "Desfet: 1 iniciatives tornades" in moderator.get(response.url).content.decode()


@pytest.mark.django_db
def test_undo_leaves_initiatives_edited_since_the_import(moderator, tmp_path):
    path = tmp_path / "e.csv"
    path.write_text("id,Nom\nA1,Primera\n")
    run_import(path, Mapping.from_toml(MAPPING))
    initiative = Initiative.objects.get()
    initiative.name = "Editada a mà"
    initiative.save_revision().publish()
    job = ImportJob.objects.get()
    moderator.post(f"/admin/directori/import/{job.pk}/undo/")
    run_queued_tasks()
    initiative.refresh_from_db()
    assert initiative.name == "Editada a mà" and initiative.archived_at is None
    job.refresh_from_db()
    assert job.report["undo"]["skipped"] == 1


@pytest.mark.django_db
def test_undoing_a_draft_import_drops_its_drafts_and_keeps_earlier_states(moderator, tmp_path):
    public = Initiative.objects.create(name="Pública", source="xes", external_id="A1")
    public.save_revision().publish()
    draft = Initiative.objects.create(name="Esborrany", source="xes", external_id="A2", live=False)
    path = tmp_path / "e.csv"
    path.write_text("id,Nom\nA1,Canvi proposat\nA2,Esborrany canviat\n")
    run_import(path, Mapping.from_toml(MAPPING), draft=True)
    public.refresh_from_db()
    assert public.name == "Pública" and public.has_unpublished_changes  # a draft revision waits
    job = ImportJob.objects.get()
    moderator.post(f"/admin/directori/import/{job.pk}/undo/")
    run_queued_tasks()
    public.refresh_from_db()
    draft.refresh_from_db()
    assert public.name == "Pública" and not public.has_unpublished_changes
    assert public.latest_revision_id == public.live_revision_id
    assert draft.name == "Esborrany" and not draft.live and draft.archived_at is None


@pytest.mark.django_db
def test_undo_unpublishes_what_the_import_published(moderator, tmp_path):
    proposed = Initiative.objects.create(name="Proposta", source="xes", external_id="A1", live=False)
    path = tmp_path / "e.csv"
    path.write_text("id,Nom\nA1,Publicada per la importació\n")
    run_import(path, Mapping.from_toml(MAPPING))
    proposed.refresh_from_db()
    assert proposed.live
    moderator.post(f"/admin/directori/import/{ImportJob.objects.get().pk}/undo/")
    run_queued_tasks()
    proposed.refresh_from_db()
    assert proposed.name == "Proposta" and not proposed.live


@pytest.mark.django_db
def test_a_row_reimported_unchanged_is_no_edit_after_the_first_import(moderator, tmp_path):
    """Import A, then B of the same source with one row as A left it: B reports it unchanged and
    writes no revision of it, so undoing A still restores it (and leaves the two B changed)."""
    for n in (1, 2, 3):
        Initiative.objects.create(name=f"Original {n}", source="xes", external_id=f"A{n}")
    path_a, path_b = tmp_path / "a.csv", tmp_path / "b.csv"
    path_a.write_text("id,Nom\nA1,Primera\nA2,Segona\nA3,Tercera\n")
    path_b.write_text("id,Nom\nA1,Primera bis\nA2,Segona bis\nA3,Tercera\n")
    run_import(path_a, Mapping.from_toml(MAPPING))
    third = Initiative.objects.get(external_id="A3")
    revisions = third.revisions.count()
    with translation.override("ca"):
        summary = run_import(path_b, Mapping.from_toml(MAPPING)).summary()
    assert "0 iniciatives creades, 2 actualitzades, 1 sense canvis" in summary
    assert third.revisions.count() == revisions

    job_a = ImportJob.objects.order_by("created_at").first()
    moderator.post(f"/admin/directori/import/{job_a.pk}/undo/")
    assert run_queued_tasks() == 1
    job_a.refresh_from_db()
    assert job_a.report["undo"] == {"restored": 1, "archived": 0, "skipped": 2}
    third.refresh_from_db()
    assert third.name == "Original 3"
    assert Initiative.objects.get(external_id="A1").name == "Primera bis"


@pytest.mark.django_db
def test_who_may_undo_an_import(client, tmp_path):
    path = tmp_path / "e.csv"
    path.write_text("id,Nom\nA1,Primera\n")
    run_import(path, Mapping.from_toml(MAPPING))
    job = ImportJob.objects.get()
    client.force_login(make_user("editora", "add_initiative", "change_initiative"))  # no publish right
    assert client.post(f"/admin/directori/import/{job.pk}/undo/").status_code in (302, 403)  # refused
    client.force_login(make_user("membre"))  # a table member: no import rights at all
    assert client.get(f"/admin/directori/import/{job.pk}/").status_code in (302, 403)
    assert not DBTaskResult.objects.exists()
    job.refresh_from_db()
    assert job.status == "done"


@pytest.mark.django_db
def test_a_committed_job_cannot_be_committed_twice(moderator, tmp_path):
    job = ImportJob.objects.create(file_name="e.csv", source="xes", mapping=MAPPING, status="done")
    response = moderator.post(f"/admin/directori/import/{job.pk}/")
    assert response.status_code == 409
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_a_file_problem_fails_the_job_with_its_message(moderator):
    mapping = '[options]\nsource = "s"\n[columns]\nexternal_id = "id"\nname = "Name"\n'
    moderator.post(
        "/admin/directori/import/",
        {"data_file": upload("e.csv", "id,Nom\nA1,x\n"), "mapping_file": upload("m.toml", mapping)},
    )
    run_queued_tasks()
    job = ImportJob.objects.get()
    assert job.status == "failed" and job.error.startswith("columnes que no són al fitxer: 'Name'")
    assert not job.folder.exists()


def xlsx(path, sheet_xml):
    """A minimal workbook whose first sheet is `sheet_xml` (enough for the size checks)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return path


@pytest.fixture
def english():
    """The command's messages as an English-speaking operator reads them."""
    with translation.override("en"):
        yield


@pytest.mark.django_db
def test_a_zip_bomb_is_refused_before_reading(tmp_path, english):
    bomb = xlsx(tmp_path / "bomb.xlsx", "<c><v>" + "0" * 20_000_000 + "</v></c>")
    with pytest.raises(ImportFileError, match="xl/worksheets/sheet1.xml is compressed"):
        run_import(bomb, Mapping.from_toml(MAPPING))


@pytest.mark.django_db
def test_an_oversized_sheet_is_refused_before_reading(tmp_path, monkeypatch, english):
    monkeypatch.setattr(reading, "XLSX_MAX_READ_BYTES", 1000)
    sheet = xlsx(tmp_path / "big.xlsx", "".join(f"<c><v>{i}</v></c>" for i in range(500)))
    with pytest.raises(ImportFileError, match="too large to read safely"):
        run_import(sheet, Mapping.from_toml(MAPPING))


SPREADSHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def workbook(path, texts, rows):
    """A readable workbook as Excel writes it: `rows` of indices into `texts`, its shared strings."""
    rels = f'<Relationships xmlns="{PACKAGE}/relationships">{{}}</Relationships>'
    link = '<Relationship Id="{}" Type="' + RELATIONSHIPS + '/{}" Target="{}"/>'
    cells = "".join("<row>" + "".join(f'<c t="s"><v>{i}</v></c>' for i in row) + "</row>" for row in rows)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{PACKAGE}/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{OFFICE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/sheet.xml" ContentType="{OFFICE}.worksheet+xml"/>'
            f'<Override PartName="/xl/texts.xml" ContentType="{OFFICE}.sharedStrings+xml"/></Types>',
        )
        archive.writestr("_rels/.rels", rels.format(link.format("r1", "officeDocument", "xl/workbook.xml")))
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{SPREADSHEET}" xmlns:r="{RELATIONSHIPS}"><sheets>'
            '<sheet name="Full" sheetId="1" r:id="r1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            rels.format(
                link.format("r1", "worksheet", "sheet.xml") + link.format("r2", "sharedStrings", "texts.xml")
            ),
        )
        archive.writestr(
            "xl/sheet.xml", f'<worksheet xmlns="{SPREADSHEET}"><sheetData>{cells}</sheetData></worksheet>'
        )
        strings = "".join(f"<si><t>{text}</t></si>" for text in texts)
        archive.writestr("xl/texts.xml", f'<sst xmlns="{SPREADSHEET}">{strings}</sst>')
    return path


@pytest.mark.django_db
def test_the_parts_of_a_workbook_are_capped_together_its_texts_weighing_most(tmp_path, monkeypatch, english):
    """Each part under any per-part cap, together too much: a 250 MB shared text and a 250 MB cell
    took the worker to 1 GB. Here in small: the texts (read whole, many short ones costing 7 times
    their size) count for more than the sheet's cells, which are read row by row."""
    texts = ["id", "Nom", *(f"A{i}" for i in range(300)), *(f"Iniciativa {i}" for i in range(300))]
    path = workbook(tmp_path / "e.xlsx", texts, [(0, 1), *((2 + i, 302 + i) for i in range(300))])
    with zipfile.ZipFile(path) as archive:  # the texts' part, found by its content type whatever its name
        texts = archive.getinfo("xl/texts.xml").file_size
        total = sum(member.file_size for member in archive.infolist())
    monkeypatch.setattr(reading, "XLSX_MAX_READ_BYTES", 2 * total + 5 * texts)
    assert run_import(path, Mapping.from_toml(MAPPING)).created == 300  # just fits
    monkeypatch.setattr(reading, "XLSX_MAX_READ_BYTES", 2 * total + 5 * texts - 1)
    with pytest.raises(
        ImportFileError, match=r"e.xlsx: the workbook is too large to read safely \(it unpacks"
    ):
        run_import(path, Mapping.from_toml(MAPPING))


@pytest.mark.django_db
def test_a_cell_longer_than_a_spreadsheet_allows_is_refused(tmp_path, english):
    """Excel's limit is 32,767 characters: the longest a real cell holds, refused before any copy."""
    path = workbook(
        tmp_path / "e.xlsx", ["id", "Nom", "A1", "x" * 32_767, "A2", "y" * 32_768], [(0, 1), (2, 3), (4, 5)]
    )
    with pytest.raises(ImportFileError, match="line 3: a cell holds more than 32767 characters"):
        run_import(path, Mapping.from_toml(MAPPING))
    assert not Initiative.objects.exists()


@pytest.mark.django_db
def test_the_row_cap(tmp_path, settings, english):
    settings.IMPORT_MAX_ROWS = 3
    path = tmp_path / "e.csv"
    path.write_text("id,Nom\n" + "".join(f"A{i},N{i}\n" for i in range(4)))
    with pytest.raises(ImportFileError, match="more than 3 rows"):
        run_import(path, Mapping.from_toml(MAPPING))
    assert not Initiative.objects.exists()


def test_free_slugs_number_equal_names_in_order():
    slugs = FreeSlugs(["casal", "casal-3"])
    assert [slugs.take("Casal") for _ in range(4)] == ["casal-2", "casal-4", "casal-5", "casal-6"]
    assert slugs.take("Altre") == "altre"


@pytest.mark.django_db
def test_an_initiative_saved_alone_numbers_its_slug_as_the_importer_does():
    """One numbering: a slug the importer would skip (taken) is skipped by a single save too, and a
    gap is filled the same way."""
    for slug in ("casal", "casal-3"):
        Initiative.objects.create(name="Casal", slug=slug)
    saved = [Initiative.objects.create(name="Casal").slug for _ in range(2)]
    assert saved == ["casal-2", "casal-4"]
    assert Initiative.objects.create(name="¿?").slug == "iniciativa"


@pytest.mark.django_db(transaction=True)
def test_one_import_per_source_at_a_time(tmp_path, english):
    """A second import of a source while the first holds its lock gets a clear message."""
    # Content type ids cached by an earlier test can name rows that a transactional test's flush has
    # deleted (seen in the whole suite on both databases: the search index insert failed its foreign
    # key); read them again from this test's database.
    ContentType.objects.clear_cache()
    holding, release = threading.Event(), threading.Event()

    def first():
        with transaction.atomic():
            lock_source("xes")
            holding.set()
            release.wait(30)
        connection.close()

    thread = threading.Thread(target=first)
    thread.start()
    holding.wait(30)
    path = tmp_path / "e.csv"
    path.write_text("id,Nom\nA1,x\n")
    try:
        with pytest.raises(ImportFileError, match="another import of the source 'xes' is running"):
            run_import(path, Mapping.from_toml(MAPPING))
    finally:
        release.set()
        thread.join()
    ContentType.objects.clear_cache()
    run_import(path, Mapping.from_toml(MAPPING))  # free again
    assert Initiative.objects.count() == 1


def worker_command(*options):
    return [sys.executable, "manage.py", "db_worker", "--backend", "imports", *options]


def worker_options():
    """How to start `manage.py db_worker` in its own process on this test's database."""
    db = connection.settings_dict
    url = (
        f"sqlite:///{db['NAME']}"
        if connection.vendor == "sqlite"
        else f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    )
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "IMPORT_UPLOAD_DIR": str(settings.IMPORT_UPLOAD_DIR),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    return {"cwd": settings.BASE_DIR, "env": env}


@pytest.mark.django_db(transaction=True)
def test_the_real_worker_runs_a_queued_import(moderator, tmp_path):
    """`manage.py db_worker` in its own process picks the queued check up from the database."""
    moderator.post(
        "/admin/directori/import/",
        {"data_file": upload("e.csv", "id,Nom\nA1,Una\n"), "mapping_file": upload("m.toml", MAPPING)},
    )
    subprocess.run(worker_command("--batch"), **worker_options(), check=True, timeout=120)
    job = ImportJob.objects.get()
    assert job.status == "checked", job.error
    assert job.report["committable"] and job.report["rejected"] == 0


@pytest.mark.django_db(transaction=True)
def test_an_import_whose_worker_was_killed_fails_and_can_be_started_again(moderator, settings):
    """`kill -9` of the worker mid-import (or systemd's TimeoutStopSec on a restart): once its
    heartbeat is stale, reading the import pages records the job as failed, with its reason, and
    removes the upload; nothing was saved, and the staff member uploads the file again."""
    ContentType.objects.clear_cache()  # see test_one_import_per_source_at_a_time
    rows = 8_000
    job = ImportJob.objects.create(file_name="e.csv", source="xes", mapping=MAPPING, status="checked")
    job.folder.mkdir(parents=True)
    job.data_path.write_text("id,Nom\n" + "".join(f"A{i},Iniciativa {i}\n" for i in range(rows)))
    moderator.post(f"/admin/directori/import/{job.pk}/")
    worker = subprocess.Popen(worker_command(), **worker_options())
    try:
        deadline = time.monotonic() + 120
        while job.read_progress()["phase"] != "writing" and worker.poll() is None:
            assert time.monotonic() < deadline, "the worker never started writing"
            time.sleep(0.05)
    finally:
        worker.kill()  # SIGKILL: no clean-up of any kind
        worker.wait()
    job.refresh_from_db()
    assert job.status == "importing" and job.read_progress()["done"] < rows, "killed mid-import"

    page = moderator.get(f"/admin/directori/import/{job.pk}/").content.decode()
    assert 'http-equiv="refresh"' in page, "a heartbeat within the last minute: still running"

    settings.IMPORT_HEARTBEAT_SECONDS = 0.05  # six missed beats: 0.3 s
    time.sleep(0.5)
    moderator.get("/admin/directori/import/")  # the import page notices, no command needed
    job.refresh_from_db()
    assert job.status == "failed" and job.error == (
        "S'ha interromput la importació: no s'ha desat res. Torna a pujar el fitxer per tornar-ho a provar."
    )
    assert not job.folder.exists(), "the upload is removed"
    assert not Initiative.objects.exists(), "its transaction was rolled back"
    page = moderator.get(f"/admin/directori/import/{job.pk}/").content.decode()
    assert escape(job.error) in page and 'http-equiv="refresh"' not in page and "<progress" not in page

    response = moderator.post(
        "/admin/directori/import/",
        {"data_file": upload("e.csv", "id,Nom\nA1,Una\n"), "mapping_file": upload("m.toml", MAPPING)},
    )
    assert response.status_code == 302 and run_queued_tasks() == 1
    assert ImportJob.objects.get(pk=response.url.split("/")[-2]).status == "checked"


@pytest.mark.django_db
def test_a_queued_step_waits_for_a_worker_however_long(moderator, settings, tmp_path):
    """No worker running is not an interruption: the job waits in the queue, its page refreshing."""
    settings.IMPORT_HEARTBEAT_SECONDS = 0.01
    moderator.post(
        "/admin/directori/import/",
        {"data_file": upload("e.csv", "id,Nom\nA1,Una\n"), "mapping_file": upload("m.toml", MAPPING)},
    )
    time.sleep(0.1)
    job = ImportJob.objects.get()
    page = moderator.get(f"/admin/directori/import/{job.pk}/").content.decode()
    job.refresh_from_db()
    assert job.status == "checking" and 'http-equiv="refresh"' in page and job.data_path.exists()


@pytest.mark.django_db
def test_an_interrupted_undo_can_be_undone_again(moderator, settings, tmp_path):
    """An undo whose worker died left the import as it was: it is done again, and undoable."""
    path = tmp_path / "e.csv"
    path.write_text("id,Nom\nA1,Primera\n")
    run_import(path, Mapping.from_toml(MAPPING))
    job = ImportJob.objects.get()
    moderator.post(f"/admin/directori/import/{job.pk}/undo/")
    result = DBTaskResult.objects.get()
    result.claim("killed-worker")  # a worker took it, then died without a word
    settings.IMPORT_HEARTBEAT_SECONDS = 0.01
    time.sleep(0.1)
    response = moderator.get(f"/admin/directori/import/{job.pk}/undo/")
    assert response.status_code == 200, "confirmation, not 409"
    job.refresh_from_db()
    assert job.status == "done" and job.error.startswith("Desfer s'ha interromput")
    moderator.post(f"/admin/directori/import/{job.pk}/undo/")
    assert run_queued_tasks() == 1
    job.refresh_from_db()
    assert job.status == "undone" and not job.error
    assert Initiative.objects.get().archived_at is not None


@pytest.fixture
def archived(client, db):
    initiative = Initiative.objects.create(name="Cooperativa Arxivada", live=True)
    initiative.save_revision().publish()
    return initiative


def public_pages_mention(client, initiative):
    """Which public outputs show the initiative: directory, its page, API, export, search."""
    found = {
        "directory": initiative.name in client.get("/ca/directori/").content.decode(),
        "page": client.get(f"/ca/directori/iniciativa/{initiative.slug}/").status_code == 200,
        "api": client.get(f"/api/v1/initiatives/{initiative.slug}").status_code == 200,
        "export": initiative.name
        in b"".join(client.get("/ca/directori/export.csv").streaming_content).decode(),
        "search": initiative.name in client.get("/ca/cerca/", {"q": "Arxivada"}).content.decode(),
    }
    return {name for name, shown in found.items() if shown}


@pytest.mark.django_db
def test_deleting_archives_then_staff_restore(client, archived):
    assert public_pages_mention(client, archived) == {"directory", "page", "api", "export", "search"}
    moderator = make_user("mod", "change_initiative", "delete_initiative")
    client.force_login(moderator)
    delete_url = f"/admin/snippets/directori/initiative/delete/{archived.pk}/"
    assert "Arxiva" in client.get(delete_url).content.decode() or client.get(delete_url).status_code == 200
    client.post(delete_url)
    archived.refresh_from_db()
    assert archived.archived_at is not None and archived.revisions.count() == 1, "kept, with its history"
    client.logout()
    assert public_pages_mention(client, archived) == set()

    client.force_login(moderator)
    assert client.post(delete_url).status_code in (302, 403)  # deleting for good is not theirs
    assert Initiative.objects.filter(pk=archived.pk).exists()
    client.post(f"/admin/directori/initiative/{archived.pk}/restore/")
    archived.refresh_from_db()
    assert archived.archived_at is None and archived.live
    client.logout()
    assert public_pages_mention(client, archived) == {"directory", "page", "api", "export", "search"}


@pytest.mark.django_db
def test_strategy_staff_delete_an_archived_initiative_for_good(client, archived):
    archived.archive()
    client.force_login(make_user("admin", superuser=True))
    response = client.post(f"/admin/snippets/directori/initiative/delete/{archived.pk}/")
    assert response.status_code == 302
    assert not Initiative.objects.filter(pk=archived.pk).exists()


@pytest.mark.django_db
def test_a_table_member_can_neither_archive_nor_restore(client, archived):
    client.force_login(make_user("membre"))
    client.post(f"/admin/snippets/directori/initiative/delete/{archived.pk}/")
    archived.refresh_from_db()
    assert archived.archived_at is None
    archived.archive()
    assert client.post(f"/admin/directori/initiative/{archived.pk}/restore/").status_code in (302, 403)
    archived.refresh_from_db()
    assert archived.archived_at is not None


@pytest.mark.django_db
def test_bulk_delete_in_the_listing_archives(client, archived):
    client.force_login(make_user("mod", "change_initiative", "delete_initiative"))
    url = "/admin/bulk/directori/initiative/delete/"
    client.post(f"{url}?id={archived.pk}&next=/admin/")
    archived.refresh_from_db()
    assert archived.archived_at is not None
