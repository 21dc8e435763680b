"""Production's static files storage: a vendored file's missing source map does not stop
collectstatic (it did: every page then answered 500); any other missing reference still does."""

from django.core.files.storage import FileSystemStorage

from core.storage import ManifestStaticFilesStorage


def post_process(tmp_path, files):
    source = tmp_path / "source"
    source.mkdir()
    for name, text in files.items():
        (source / name).write_text(text)
    storage = ManifestStaticFilesStorage(location=tmp_path / "static", base_url="/static/")
    found = FileSystemStorage(location=source)
    for name in files:
        with found.open(name) as content:
            storage.save(name, content)
    return storage, list(storage.post_process({name: (found, name) for name in files}))


def test_a_missing_source_map_keeps_its_plain_name(tmp_path):
    storage, results = post_process(
        tmp_path,
        {"lib.js": "var x = 1;\n//# sourceMappingURL=lib.js.map\n", "site.css": "a { color: red }\n"},
    )
    assert not [r for r in results if isinstance(r[2], Exception)]
    hashed = storage.stored_name("lib.js")
    assert hashed != "lib.js"
    assert "//# sourceMappingURL=lib.js.map" in storage.open(hashed).read().decode()


def test_a_missing_image_still_fails(tmp_path):
    _, results = post_process(tmp_path, {"site.css": "body { background: url(missing.png) }\n"})
    errors = [r[2] for r in results if isinstance(r[2], Exception)]
    assert errors and "missing.png" in str(errors[0])
