"""import_initiatives on messy, realistic files: every rejection reported by line, column and reason;
all-or-nothing unless --partial; upserts by (source, external id)."""

import csv
import json

from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation

import pytest
from pyproj import Transformer

from directori.models import EssFamily, Initiative, LayerTag, Sector

pytestmark = pytest.mark.django_db

MESSY_CSV = (
    "id,Nom,Descripció,CP,Latitud,Longitud,Correu,Web,Família,Sectors,Capes\n"
    'A1,Cooperativa La Teixidora,"Teixim <b>roba</b> al barri.",8012,41.4030,2.1570,hola@teixidora.example,'
    "teixidora.example,Cooperativa de treball,textil,mercat-social\n"
    "A2,,,08012,41.40,2.16,,,,,\n"
    "A3,Pedals,,8005,41.40,abc,,,,,\n"
    "A4,Mediem,,,41.3826,2.1770,no-es-un-correu,,associacio,cures,Mediació Familiar\n"
    "A1,Cooperativa La Teixidora,,,,,,,,economia circular,\n"
    "A5,Al mar,,,41.37,2.25,,,,,\n"
    "A6,\ufeffRoba Amiga,,08003,41.3826,2.1770,,,,,\n"
)
MESSY_MAPPING = """
[options]
source = "xarxa-test"

[columns]
external_id = "id"
name = "Nom"
description = "Descripció"
postcode = "CP"
lat = "Latitud"
lon = "Longitud"
email = "Correu"
website = "Web"
family = "Família"
sectors = "Sectors"
tags = "Capes"
"""
MESSY_REPORT = [
    "line 3, column 'Nom': missing name",
    "line 4, column 'Longitud': not a number: 'abc'",
    "line 5, column 'Correu': not a valid e-mail address: 'no-es-un-correu'",
]


@pytest.fixture
def taxonomy(db):
    EssFamily.objects.create(slug="cooperativa-de-treball", name="Cooperativa de treball")
    EssFamily.objects.create(slug="associacio", name="Associació", name_en="Association")
    for slug, name in (("textil", "Tèxtil"), ("cures", "Cures"), ("economia-circular", "Economia circular")):
        Sector.objects.create(slug=slug, name=name)


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def run(tmp_path, data_path, mapping=MESSY_MAPPING, language="en", **options):
    """Run the command as an English-speaking operator would (the report is in the active language)."""
    mapping_path = write(tmp_path, "mapping.toml", mapping)
    with translation.override(language):
        call_command("import_initiatives", str(data_path), mapping=str(mapping_path), **options)


def test_messy_file_is_rejected_whole_with_an_exact_report(taxonomy, boundaries, tmp_path, capsys):
    path = write(tmp_path, "entitats.csv", MESSY_CSV, encoding="utf-8-sig")  # with a BOM
    report = tmp_path / "report.csv"
    with pytest.raises(CommandError, match="3 rows rejected, 3 problems: nothing was imported"):
        run(tmp_path, path, report=str(report))
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == MESSY_REPORT
    assert out[3].startswith("7 rows read: 0 initiatives created")
    assert Initiative.objects.count() == 0  # atomic: one bad row, nothing written
    with report.open(newline="", encoding="utf-8") as stream:
        assert list(csv.reader(stream)) == [
            ["line", "column", "reason"],
            ["3", "Nom", "missing name"],
            ["4", "Longitud", "not a number: 'abc'"],
            ["5", "Correu", "not a valid e-mail address: 'no-es-un-correu'"],
        ]


def test_the_report_speaks_catalan_by_default(taxonomy, boundaries, tmp_path, capsys):
    with pytest.raises(CommandError):
        run(tmp_path, write(tmp_path, "entitats.csv", MESSY_CSV), language=settings.LANGUAGE_CODE)
    assert capsys.readouterr().out.splitlines()[:3] == [
        "línia 3, columna 'Nom': falta el nom",
        "línia 4, columna 'Longitud': no és un nombre: 'abc'",
        "línia 5, columna 'Correu': no és una adreça de correu vàlida: 'no-es-un-correu'",
    ]


# Row 2 has two problems (no name, a bad e-mail address), row 3 one: 2 rows rejected, 3 problems.
TWO_BAD_ROWS = "id,Nom,Correu\nB1,,no-es-un-correu\nB2,Pedals,tampoc\nB3,Bé,hola@be.example\n"
TWO_BAD_ROWS_MAPPING = (
    '[options]\nsource = "s"\n[columns]\nexternal_id = "id"\nname = "Nom"\nemail = "Correu"\n'
)


def import_two_bad_rows(tmp_path, capsys, **options):
    """call_command as code calls it: no language activated (the site's default is then active)."""
    data = write(tmp_path, "entitats.csv", TWO_BAD_ROWS)
    mapping = write(tmp_path, "mapping.toml", TWO_BAD_ROWS_MAPPING)
    translation.deactivate()
    with pytest.raises(CommandError) as error:
        call_command("import_initiatives", str(data), mapping=str(mapping), **options)
    return str(error.value), capsys.readouterr().out.splitlines()


def test_bad_input_is_reported_in_catalan_by_default_with_rows_and_problems_apart(
    taxonomy, tmp_path, capsys, monkeypatch
):
    monkeypatch.delenv("LANGUAGE", raising=False)
    error, out = import_two_bad_rows(tmp_path, capsys)
    assert out[:3] == [
        "línia 2, columna 'Nom': falta el nom",
        "línia 2, columna 'Correu': no és una adreça de correu vàlida: 'no-es-un-correu'",
        "línia 3, columna 'Correu': no és una adreça de correu vàlida: 'tampoc'",
    ]
    assert out[3] == (
        "3 files llegides: 0 iniciatives creades, 0 actualitzades, 0 sense canvis, 0 files fusionades amb una "
        "d'anterior amb el mateix identificador, 2 files rebutjades, 3 problemes, 0 fora de la ciutat "
        "(no s'ha desat res)"
    )
    assert error.startswith("2 files rebutjades, 3 problemes: no s'ha importat res")
    assert not Initiative.objects.exists()


def test_bad_input_is_reported_in_the_language_asked_for(taxonomy, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "es")
    error, out = import_two_bad_rows(tmp_path, capsys)
    assert out[0] == "línea 2, columna 'Nom': falta el nombre"
    assert "3 filas leídas: 0 iniciativas creadas," in out[3] and "2 filas rechazadas, 3 problemas" in out[3]
    assert error.startswith("2 filas rechazadas, 3 problemas: no se ha importado nada")
    error, out = import_two_bad_rows(tmp_path, capsys, language="en")  # the option wins over LANGUAGE
    assert out[0] == "line 2, column 'Nom': missing name"
    assert out[3].startswith("3 rows read: 0 initiatives created, 0 updated, 0 unchanged, 0 rows merged")
    assert error.startswith("2 rows rejected, 3 problems: nothing was imported")
    monkeypatch.delenv("LANGUAGE")
    with pytest.raises(CommandError, match="1 row rejected, 1 problem: nothing was imported"):
        run(tmp_path, write(tmp_path, "u.csv", "id,Nom,Correu\nB1,Bé,dolent\n"), TWO_BAD_ROWS_MAPPING)


def test_registry_postcodes_are_normalised_and_others_still_refused(taxonomy, tmp_path, capsys):
    rows = ["E-08014", "8014", "ES 08014", "08 014", "e08014", "E-0801X", "28001", "080140"]
    data = "id,Nom,CP\n" + "".join(f"P{i},Entitat {i},{code}\n" for i, code in enumerate(rows))
    mapping = '[options]\nsource = "s"\n[columns]\nexternal_id = "id"\nname = "Nom"\npostcode = "CP"\n'
    run(tmp_path, write(tmp_path, "registre.csv", data), mapping, partial=True)
    assert dict(Initiative.objects.values_list("external_id", "postcode")) == {
        f"P{i}": "08014" for i in range(5)
    }
    assert capsys.readouterr().out.splitlines()[:3] == [
        "line 7, column 'CP': not a postcode: 'E-0801X'",
        "line 8, column 'CP': not a postcode of the province of Barcelona (08…): '28001'",
        "line 9, column 'CP': not a postcode: '080140'",
    ]


def test_partial_import_keeps_the_valid_rows(taxonomy, boundaries, tmp_path, capsys):
    run(tmp_path, write(tmp_path, "entitats.csv", MESSY_CSV, encoding="utf-8-sig"), partial=True)
    assert capsys.readouterr().out.splitlines()[3] == (
        "7 rows read: 3 initiatives created, 0 updated, 0 unchanged, 1 row merged into an earlier row with "
        "the same id, 3 rows rejected, 3 problems, 1 outside the city (written)"
    )
    teixidora = Initiative.objects.get(external_id="A1")
    assert teixidora.live and teixidora.source == "xarxa-test"
    assert teixidora.postcode == "08012"  # the leading zero spreadsheets drop is restored
    assert teixidora.website == "https://teixidora.example"
    assert teixidora.family.slug == "cooperativa-de-treball"
    assert sorted(teixidora.sectors.values_list("slug", flat=True)) == ["economia-circular", "textil"]
    assert list(teixidora.tags.values_list("slug", flat=True)) == ["mercat-social"]
    assert teixidora.description == "<p>Teixim &lt;b&gt;roba&lt;/b&gt; al barri.</p>"
    assert teixidora.district.name == "Gràcia"
    sea = Initiative.objects.get(external_id="A5")
    assert (sea.outside_city, sea.district) == (True, None)
    assert Initiative.objects.get(external_id="A6").name == "Roba Amiga"  # stray BOM stripped
    assert [i.external_id for i in Initiative.objects.search("teixidora")] == ["A1"]  # indexed for search


def test_importing_again_updates_instead_of_duplicating(taxonomy, boundaries, tmp_path, capsys):
    run(tmp_path, write(tmp_path, "entitats.csv", MESSY_CSV), partial=True)
    run(
        tmp_path, write(tmp_path, "entitats-2.csv", MESSY_CSV.replace("Al mar", "Al mar obert")), partial=True
    )
    assert "0 initiatives created, 1 updated, 2 unchanged" in capsys.readouterr().out.splitlines()[-1]
    assert Initiative.objects.count() == 3
    assert Initiative.objects.get(external_id="A5").name == "Al mar obert"


def test_an_identical_import_changes_nothing(taxonomy, boundaries, tmp_path, capsys):
    """Every field, the point, sectors and tags compared: the same file again writes no revision."""
    path = write(tmp_path, "entitats.csv", MESSY_CSV)
    run(tmp_path, path, partial=True)
    revisions = {i.external_id: i.revisions.count() for i in Initiative.objects.all()}
    run(tmp_path, path, partial=True)
    summary = capsys.readouterr().out.splitlines()[-1]
    assert "0 initiatives created, 0 updated, 3 unchanged" in summary and "1 outside the city" in summary
    assert {i.external_id: i.revisions.count() for i in Initiative.objects.all()} == revisions


def test_dry_run_writes_nothing(taxonomy, boundaries, tmp_path, capsys):
    run(tmp_path, write(tmp_path, "entitats.csv", MESSY_CSV), partial=True, dry_run=True)
    summary = capsys.readouterr().out.splitlines()[-1]
    assert "3 initiatives created" in summary and summary.endswith("(nothing written)")
    assert Initiative.objects.count() == 0


def test_draft_import(taxonomy, boundaries, tmp_path):
    run(tmp_path, write(tmp_path, "entitats.csv", MESSY_CSV), partial=True, draft=True)
    assert not Initiative.objects.live().exists()
    assert Initiative.objects.count() == 3


LATIN1_MAPPING = """
[options]
source = "ajuntament"
decimal = ","

[columns]
external_id = "codi"
name = "nom"
lat = "lat"
lon = "lon"
family = "familia"
"""


def test_latin1_semicolons_and_decimal_commas(taxonomy, boundaries, tmp_path):
    text = "codi;nom;lat;lon;familia\nB1;Associació Veïnal del Poble-sec;41,3740;2,1620;ASSOCIACIÓ\n"
    run(tmp_path, write(tmp_path, "barris.csv", text, encoding="latin-1"), mapping=LATIN1_MAPPING)
    initiative = Initiative.objects.get()
    assert initiative.name == "Associació Veïnal del Poble-sec"
    assert (initiative.latitude, initiative.longitude) == (41.374, 2.162)
    assert initiative.family.slug == "associacio"
    assert initiative.district.name == "Sants-Montjuïc"


def test_utf16_tabs_and_etrs89_coordinates(taxonomy, boundaries, tmp_path):
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:25831", always_xy=True).transform(2.1744, 41.4036)
    text = f"ref\tnom\tx\ty\nC1\tSagrada Família Coop\t{x:.2f}\t{y:.2f}\n"
    mapping = """
[options]
source = "cartobcn"
encoding = "auto"
crs = "EPSG:25831"

[columns]
external_id = "ref"
name = "nom"
x = "x"
y = "y"
"""
    run(tmp_path, write(tmp_path, "utm.csv", text, encoding="utf-16"), mapping=mapping)
    initiative = Initiative.objects.get()
    assert initiative.longitude == pytest.approx(2.1744, abs=1e-5)
    assert initiative.latitude == pytest.approx(41.4036, abs=1e-5)
    assert initiative.neighbourhood.name == "la Sagrada Família"


def test_xlsx(taxonomy, boundaries, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["id", "Nom", "Latitud", "Longitud", "Correu"])
    sheet.append([1.0, "BiciTaller", 41.4010, 2.2010, "bici@example.org"])
    sheet.append(["X2", "Sense correu bo", 41.4010, 2.2010, "@@"])
    path = tmp_path / "entitats.xlsx"
    workbook.save(path)
    mapping = '[options]\nsource = "xlsx"\n[columns]\nexternal_id = "id"\nname = "Nom"\nlat = "Latitud"\nlon = "Longitud"\nemail = "Correu"\n'
    with pytest.raises(CommandError):
        run(tmp_path, path, mapping=mapping)
    run(tmp_path, path, mapping=mapping, partial=True)
    initiative = Initiative.objects.get()
    assert initiative.external_id == "1"  # not "1.0": spreadsheets store whole numbers as floats
    assert initiative.district.name == "Sant Martí"


def test_xlsx_dates_read_as_iso_dates(taxonomy, tmp_path):
    import datetime

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["id", "Nom"])
    workbook.active.append([datetime.datetime(2024, 1, 2), "Nascuda un dia"])
    path = tmp_path / "dates.xlsx"
    workbook.save(path)
    run(tmp_path, path, mapping=SIMPLE_MAPPING.split("lat =")[0])
    assert Initiative.objects.get().external_id == "2024-01-02"


def test_geojson_points(taxonomy, boundaries, tmp_path):
    features = [
        {
            "type": "Feature",
            "properties": {"id": 7, "title": "Cal Veïnat"},
            "geometry": {"type": "Point", "coordinates": [2.1896, 41.4356]},
        },
        {"type": "Feature", "properties": {"id": 8, "title": "Sense lloc"}, "geometry": None},
    ]
    path = write(tmp_path, "punts.geojson", json.dumps({"type": "FeatureCollection", "features": features}))
    run(tmp_path, path, mapping='[options]\nsource = "geo"\n[columns]\nexternal_id = "id"\nname = "title"\n')
    assert Initiative.objects.get(external_id="7").district.name == "Sant Andreu"
    assert Initiative.objects.get(external_id="8").latitude is None


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("[columns\n", "mapping: not valid TOML"),
        (
            '[options]\nsource = "s"\n[columns]\nexternal_id = "id"\nname = "Nom"\ncolour = "x"\n',
            "unknown keys columns.colour",
        ),
        (
            '[options]\nsource = "s"\ncrs = "EPSG:999999"\n[columns]\nexternal_id = "id"\nname = "Nom"\n',
            "is not a coordinate system",
        ),
        (
            '[options]\nsource = "s"\nencoding = "ebcdic"\n[columns]\nexternal_id = "id"\nname = "Nom"\n',
            "encoding = 'ebcdic'",
        ),
        ('[columns]\nexternal_id = "id"\nname = "Nom"\n', "source is required"),
        (
            '[options]\nsource = "s"\n[columns]\nexternal_id = "id"\nname = "Name"\n',
            "columns not in the file: 'Name'",
        ),
        (
            '[options]\nsource = "s"\n[columns]\nexternal_id = "id"\nname = "Nom"\nlat = "Latitud"\n',
            "lat and lon go together",
        ),
    ],
)
def test_bad_mappings_fail_in_one_line_and_write_nothing(taxonomy, tmp_path, mapping, message):
    with pytest.raises(CommandError, match=message) as error:
        run(tmp_path, write(tmp_path, "entitats.csv", MESSY_CSV), mapping=mapping)
    assert "\n" not in str(error.value)
    assert Initiative.objects.count() == 0


def test_unknown_terms_are_rejected_by_name(taxonomy, boundaries, tmp_path, capsys):
    text = (
        "id,Nom,Família,Sectors,Capes\nZ1,Nova,Cooperativa espacial,textil;astronomia,mercat-social|lluna\n"
    )
    mapping = '[options]\nsource = "s"\n[columns]\nexternal_id = "id"\nname = "Nom"\nfamily = "Família"\nsectors = "Sectors"\ntags = "Capes"\n'
    with pytest.raises(CommandError):
        run(tmp_path, write(tmp_path, "e.csv", text), mapping=mapping)
    assert capsys.readouterr().out.splitlines()[:3] == [
        "line 2, column 'Família': unknown ESS family 'Cooperativa espacial'",
        "line 2, column 'Sectors': unknown sector 'astronomia'",
        "line 2, column 'Capes': unknown layer tag 'lluna'",
    ]
    assert LayerTag.objects.filter(slug="mercat-social").exists()


def test_a_long_import_shows_a_progress_bar(taxonomy, boundaries, tmp_path, capsys):
    rows = "".join(f"P{i},Entitat {i},41.40,2.16\n" for i in range(1200))
    mapping = (
        '[options]\nsource = "p"\n[columns]\nexternal_id = "id"\nname = "Nom"\nlat = "lat"\nlon = "lon"\n'
    )
    run(tmp_path, write(tmp_path, "molts.csv", "id,Nom,lat,lon\n" + rows), mapping=mapping)
    err = capsys.readouterr().err
    assert "validating [##############################] 1200/1200\n" in err
    assert "writing    [##############################] 1200/1200\n" in err
    assert err.count("\r") >= 40  # the bar is redrawn in place as rows are validated
    assert Initiative.objects.count() == 1200


SIMPLE_MAPPING = (
    '[options]\nsource = "s"\n[columns]\nexternal_id = "id"\nname = "Nom"\nlat = "lat"\nlon = "lon"\n'
)


def test_a_narrower_mapping_leaves_unmapped_fields_alone(taxonomy, boundaries, tmp_path):
    run(tmp_path, write(tmp_path, "full.csv", MESSY_CSV), partial=True)
    rename = '[options]\nsource = "xarxa-test"\n[columns]\nexternal_id = "id"\nname = "Nom"\n'
    run(tmp_path, write(tmp_path, "names.csv", "id,Nom\nA1,La Teixidora SCCL\n"), mapping=rename)
    teixidora = Initiative.objects.get(external_id="A1")
    assert teixidora.name == "La Teixidora SCCL"
    assert teixidora.website == "https://teixidora.example" and teixidora.district.name == "Gràcia"
    assert teixidora.sectors.count() == 2 and teixidora.family is not None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("id,Nom,lat,lon\nL1,Nom,41.40,2.16,sobra\n", "line 2: 5 values where the header has 4 columns"),
        (f"id,Nom,lat,lon\nL1,{'x' * 201},41.40,2.16\n", "line 2, column 'Nom': longer than 200 characters"),
        (
            "id,Nom,lat,lon\nL1,Cal\x00Nul,2.16,41.40\n",
            "line 2, column 'lat': latitude and longitude look swapped",
        ),
        (
            'id,Nom,lat,lon\nL1,"Cooperativa\nen dues línies",41.40,2.16\nL2,,41.40,2.16\n',
            "line 4, column 'Nom': missing name",
        ),
    ],
    ids=["extra-value", "too-long", "nul-and-swapped", "multi-line-record"],
)
def test_row_problems_are_reported_not_crashed(taxonomy, boundaries, tmp_path, capsys, text, reason):
    with pytest.raises(CommandError, match="nothing was imported"):
        run(tmp_path, write(tmp_path, "e.csv", text), mapping=SIMPLE_MAPPING)
    assert capsys.readouterr().out.splitlines()[0] == reason
    assert Initiative.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "mapping", "message"),
    [
        (b"\x00i\x00d\x00", SIMPLE_MAPPING, "the file is not utf-16-be"),
        (b'id,Nom\nL1,"sense tancar\n', SIMPLE_MAPPING, "not valid CSV"),
        (
            ("id,Nom,lat,lon\nL1," + "x" * 200_000 + ",1,1\n").encode(),
            SIMPLE_MAPPING,
            "line 2: not valid CSV",
        ),
        (b"id,Nom,Nom,lat,lon\n", SIMPLE_MAPPING, "the header repeats columns: 'Nom'"),
        (
            b"id,Nom\n",
            '[options]\nsource = "s"\nencoding = ["x"]\n[columns]\nexternal_id = "id"\nname = "Nom"\n',
            "must be quoted text: options.encoding",
        ),
        (
            b"id,Nom\n",
            '[options]\nsource = "' + "s" * 81 + '"\n[columns]\nexternal_id = "id"\nname = "Nom"\n',
            "longer than 80 characters",
        ),
    ],
    ids=["odd-utf16", "unclosed-quote", "huge-cell", "repeated-header", "non-text-option", "long-source"],
)
def test_file_problems_fail_in_one_line(taxonomy, tmp_path, content, mapping, message):
    path = tmp_path / "e.csv"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message) as error:
        run(tmp_path, path, mapping=mapping)
    assert "\n" not in str(error.value)


def test_a_missing_report_folder_is_refused_before_writing(taxonomy, boundaries, tmp_path):
    with pytest.raises(CommandError, match="its folder does not exist"):
        run(
            tmp_path, write(tmp_path, "e.csv", MESSY_CSV), partial=True, report=str(tmp_path / "no" / "r.csv")
        )
    assert Initiative.objects.count() == 0


def test_windows_1252_and_quoted_delimiters(taxonomy, boundaries, tmp_path):
    text = 'id;Nom;lat;lon\nW1;"“La Rosa”, botiga de 5 €";41,40;2,16\n'
    mapping = SIMPLE_MAPPING.replace('source = "s"', 'source = "s"\ndecimal = ","')
    run(tmp_path, write(tmp_path, "excel.csv", text, encoding="cp1252"), mapping=mapping)
    assert Initiative.objects.get().name == "“La Rosa”, botiga de 5 €"


def test_geojson_non_point_geometry_is_rejected(taxonomy, boundaries, tmp_path, capsys):
    feature = {
        "type": "Feature",
        "properties": {"id": 1, "title": "Dos punts"},
        "geometry": {"type": "MultiPoint", "coordinates": [[2.1, 41.4]]},
    }
    path = write(
        tmp_path, "m.geojson", json.dumps({"type": "FeatureCollection", "features": [feature, "brossa"]})
    )
    with pytest.raises(CommandError):
        run(
            tmp_path, path, mapping='[options]\nsource = "g"\n[columns]\nexternal_id = "id"\nname = "title"\n'
        )
    assert capsys.readouterr().out.splitlines()[:2] == [
        "line 1: the geometry is a MultiPoint, not a Point",
        "line 2: not a GeoJSON feature",
    ]


def test_draft_import_over_a_live_initiative_keeps_the_public_version(taxonomy, boundaries, tmp_path):
    run(
        tmp_path,
        write(tmp_path, "e.csv", "id,Nom,lat,lon\nD1,Versió publicada,41.40,2.16\n"),
        mapping=SIMPLE_MAPPING,
    )
    live = Initiative.objects.get()
    assert live.live and live.first_published_at is not None
    run(
        tmp_path,
        write(tmp_path, "e.csv", "id,Nom,lat,lon\nD1,Versió esborrany,41.40,2.16\n"),
        mapping=SIMPLE_MAPPING,
        draft=True,
    )
    live.refresh_from_db()
    assert (live.live, live.name, live.has_unpublished_changes) == (True, "Versió publicada", True)
    assert live.latest_revision.as_object().name == "Versió esborrany"


def test_partial_import_where_every_row_is_rejected_fails(taxonomy, tmp_path):
    with pytest.raises(CommandError, match="no row could be imported"):
        run(
            tmp_path,
            write(tmp_path, "e.csv", "id,Nom\nZ1,\n"),
            mapping=SIMPLE_MAPPING.split("lat =")[0],
            partial=True,
        )


def test_many_initiatives_with_the_same_name_get_numbered_slugs(taxonomy, tmp_path):
    rows = "".join(f"N{i},Cooperativa\n" for i in range(300))
    run(tmp_path, write(tmp_path, "e.csv", "id,Nom\n" + rows), mapping=SIMPLE_MAPPING.split("lat =")[0])
    slugs = set(Initiative.objects.values_list("slug", flat=True))
    assert len(slugs) == 300 and {"cooperativa", "cooperativa-2", "cooperativa-300"} <= slugs


def test_control_characters_are_stripped(taxonomy, boundaries, tmp_path):
    """PostgreSQL refuses NUL in text; a stray one in a cell must not fail the import."""
    run(
        tmp_path,
        write(tmp_path, "e.csv", "id,Nom,lat,lon\nC1,Cal\x00 Nul\x07,41.40,2.16\n"),
        mapping=SIMPLE_MAPPING,
    )
    assert Initiative.objects.get().name == "Cal Nul"
