"""The apps depend on each other one way (README, "Architecture"): read from the source with `ast`, so
an import that breaks the rule fails here instead of surfacing later as an import cycle or as an app
that cannot be lifted out. Imports inside functions count too: they are edges all the same."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Where each app's package lives; `core` (site/core) is the shared code any app may import.
APPS = {
    "core": "site/core",
    "directori": "directori",
    "sectors": "sectors",
    "intercoop": "intercoop",
    "mapa": "mapa",
    "search": "search",
}

# The one list of allowed edges: which apps each app's modules may import. `directori` imports no
# other app; `sectors` may use `directori` (who takes part in a project); `intercoop` (accounts, offers
# and needs, agreements, mentoring) uses both, and the pages of `directori` and `sectors` show its counts
# through Wagtail hooks (core.sections); `mapa` draws all three; `search` reads everything; nothing
# imports `mapa` or `search`. `core` reads `directori` for the site menu's
# sectors (navigation) and the bench's synthetic rows; the core modules the apps import do not.
MAY_IMPORT = {
    "core": {"directori"},
    "directori": {"core"},
    "sectors": {"core", "directori"},
    "intercoop": {"core", "directori", "sectors"},
    "mapa": {"core", "directori", "sectors", "intercoop"},
    "search": {"core", "directori", "sectors", "intercoop"},
}
# Narrower for a schema: mapa's tables refer to directori's rows only. It reads sector pages when it
# draws a layer, but a change in `sectors` must never need a migration of `mapa`.
MODELS_MAY_IMPORT = {"mapa": {"core", "directori"}}


def module_name(app, folder, path):
    parts = [app, *path.relative_to(folder).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(root):
    """(importing module, imported module) for every absolute import of another app under `root`."""
    for app, folder in APPS.items():
        for path in sorted((root / folder).rglob("*.py")):
            importer = module_name(app, root / folder, path)
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    if name.split(".")[0] in APPS and name.split(".")[0] != app:
                        yield importer, name


def is_model_module(module):
    return module.split(".")[1:2] == ["models"]


def broken_rules(root):
    """The edges that break MAY_IMPORT or MODELS_MAY_IMPORT, known exceptions included."""
    broken = []
    for importer, imported in imports(root):
        app, target = importer.split(".")[0], imported.split(".")[0]
        allowed = MAY_IMPORT[app]
        if is_model_module(importer):
            allowed = MODELS_MAY_IMPORT.get(app, allowed)
        if target not in allowed:
            broken.append((importer, imported))
    return broken


def test_the_apps_import_each_other_one_way():
    assert broken_rules(ROOT) == []


def test_the_walk_reads_the_real_edges():
    """The rule holds because the edges were read, not because none were found."""
    edges = set(imports(ROOT))
    assert ("mapa.features", "directori.models") in edges
    assert ("directori.models.geography", "core.fields") in edges


def write(root, path, text):
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text)


def test_a_forbidden_import_is_reported(tmp_path):
    for folder in APPS.values():
        write(tmp_path, f"{folder}/__init__.py", "")
    write(tmp_path, "directori/views.py", "def f():\n    from mapa.models import Layer\n")
    write(tmp_path, "sectors/blocks.py", "import search.engine\nfrom . import models\n")
    write(tmp_path, "mapa/models/__init__.py", "from sectors.models import SectorPage\n")
    write(tmp_path, "mapa/features.py", "from sectors.models import TractorProjectPage\n")
    write(tmp_path, "search/engine.py", "from directori.models import Initiative\n")
    assert sorted(broken_rules(tmp_path)) == [
        ("directori.views", "mapa.models"),
        ("mapa.models", "sectors.models"),
        ("sectors.blocks", "search.engine"),
    ]
