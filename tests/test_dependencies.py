"""Which way the project's imports point: core knows no app.

The apps (events, workgroups, newsletter, and the sections to come) may use core;
where core must know something of them (what the page cache resets on, a new site's
sections, the demo, the network calendar), they tell it through the hooks in
core/extensions.py. Read from the source with `ast`, so an import inside a function
counts as much as one at the top."""

import ast

from tests.shared import ROOT

CORE = ROOT / "site" / "core"
APPS = ("events", "workgroups", "newsletter")


def imports(path):
    """(line, imported module, inside a function) of every import in a file."""
    tree = ast.parse(path.read_text(), str(path))
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            inside.update(id(child) for child in ast.walk(node) if child is not node)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            yield node.lineno, name, id(node) in inside


def core_imports_of_apps(core=CORE, apps=APPS):
    found = []
    for path in sorted(core.rglob("*.py")):
        if "migrations" in path.parts:
            continue  # a migration is frozen history, and names no app anyway
        for line, name, _inside in imports(path):
            if name.split(".")[0] in apps:
                found.append(f"{path.relative_to(core.parent)}:{line} imports {name}")
    return found


def inside_functions():
    """How many imports are written inside functions: most dodge import cycles between
    the apps, which the layering issue removes. Printed, for the next person."""
    packages = [CORE, *(ROOT / app for app in APPS)]
    return sum(
        1
        for package in packages
        for path in package.rglob("*.py")
        if "migrations" not in path.parts
        for _line, _name, in_function in imports(path)
        if in_function
    )


def test_core_imports_no_app():
    """Before core/extensions.py, core imported the apps in 14 places (the page cache,
    start_site's sections, the demo, search, the API, the network feed, the outbox
    backend)."""
    print(f"\nimports inside functions: {inside_functions()}")
    assert core_imports_of_apps() == []


def test_a_deliberate_import_of_an_app_from_core_is_caught(tmp_path):
    """The check itself: a core module that imports an app, at the top or inside a
    function, is named with its line."""
    core = tmp_path / "core"
    (core / "domain").mkdir(parents=True)
    (core / "domain" / "cache.py").write_text(
        "from django.conf import settings\n\n\ndef f():\n    from events.models import Room\n"
    )
    (core / "views.py").write_text("import workgroups.feeds\n")
    assert core_imports_of_apps(core) == [
        "core/domain/cache.py:5 imports events.models",
        "core/views.py:1 imports workgroups.feeds",
    ]
