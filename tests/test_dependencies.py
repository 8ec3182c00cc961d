"""Which way the project's imports point.

- core knows no app;
- the apps form a ladder, each using only those below it: core, newsletter, events,
  workgroups (registration subscribes a delegate to the newsletter; a working group's
  meetings are written with the events' calendar);
- an app never imports another app's views, forms or feeds, only its models and domain;
- a rule (a module under `domain/`) imports no view, form or feed, even of its own app;
- there is no import cycle between modules of different apps.

Where a lower layer must know something of a higher one (what the page cache resets on,
a new site's sections, the demo, the network calendar, the agenda's meetings, what a
newsletter reports), the higher one answers a hook in core/extensions.py. Read from the
source with `ast`, so an import inside a function counts as much as one at the top."""

import ast

from tests.shared import ROOT

CORE = ROOT / "site" / "core"
#: Lowest first: an app may import those before it, never those after it.
LADDER = ("core", "newsletter", "events", "workgroups")
APPS = LADDER[1:]
#: What an app keeps to itself, its interface (core's is for every app).
INTERFACE = {"views", "registration_views", "admin_views", "forms", "feeds", "wagtail_hooks"}
#: Imports inside functions when the layering issue began (2026-12-07).
INSIDE_FUNCTIONS_BEFORE = 336


def packages(root=ROOT):
    return {"core": root / "site" / "core", **{app: root / app for app in APPS}}


def modules(packages):
    """{dotted name: path} of every module of the packages, migrations left out (frozen
    history, which names no app's interface)."""
    found = {}
    for name, folder in packages.items():
        for path in sorted(folder.rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = [name, *path.relative_to(folder).with_suffix("").parts]
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imports(path):
    """(line, [imported modules], inside a function) of every import statement in a file:
    for `from a import b, c`, the candidates a.b, a.c and a (graph keeps the modules)."""
    tree = ast.parse(path.read_text(), str(path))
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            inside.update(id(child) for child in ast.walk(node) if child is not node)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        else:
            continue
        yield node.lineno, names, id(node) in inside


def graph(packages):
    """{module: {imported project module: first line}} over the packages' modules."""
    found = modules(packages)
    edges = {}
    for module, path in found.items():
        edges[module] = {}
        for line, names, _inside in imports(path):
            submodules = [name for name in names[:-1] if name in found]
            for name in submodules or names[-1:]:
                if name in found and name != module:
                    edges[module].setdefault(name, line)
    return edges


def app_of(module):
    return module.split(".")[0]


def wrong_way(root=ROOT, ladder=LADDER):
    """Imports that point up the ladder or into another app's interface."""
    found = []
    paths = modules(packages(root))
    for module, targets in graph(packages(root)).items():
        for target, line in targets.items():
            here, there = app_of(module), app_of(target)
            where = f"{paths[module].relative_to(root)}:{line}"
            if "domain" in module.split(".") and set(target.split(".")[1:]) & INTERFACE:
                found.append(f"{where} imports {target}: a rule asks no view, form or feed")
                continue
            if here == there:
                continue
            if ladder.index(there) > ladder.index(here):
                found.append(f"{where} imports {target}, above {here}")
            elif there != "core" and set(target.split(".")[1:]) & INTERFACE:
                found.append(f"{where} imports {target}, another app's interface")
    return found


def cycles_across_apps(root=ROOT):
    """Strongly connected groups of modules (Tarjan) that hold more than one app."""
    edges = graph(packages(root))
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in edges[module]:
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len({app_of(member) for member in group}) > 1:
                groups.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return groups


def inside_functions(root=ROOT):
    """How many import statements are written inside functions."""
    return sum(
        1
        for path in modules(packages(root)).values()
        for _line, _name, in_function in imports(path)
        if in_function
    )


def test_imports_point_one_way():
    """Before the layering issue, core imported the apps in 14 places; events imported
    workgroups (the agenda, the network feed) and newsletter imported events and
    workgroups (an issue's 'published since' and 'coming up'); workgroups and newsletter
    imported events' registration views for the privacy notice."""
    assert wrong_way() == []


def test_no_import_cycle_between_apps():
    """The same history made one cycle of 44 modules across the four packages."""
    assert cycles_across_apps() == []


def unexplained_imports_inside_functions(root=ROOT):
    """Imports inside functions without a comment on the line above (or above the block
    of imports they open)."""
    found = []
    for path in modules(packages(root)).values():
        source = path.read_text()
        lines = source.splitlines()
        tree = ast.parse(source)
        inside = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                inside.update(id(child) for child in ast.walk(node) if child is not node)
        nodes = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom) and id(node) in inside
        ]
        ends = {node.end_lineno for node in nodes}
        for node in nodes:
            above = node.lineno - 1
            if above not in ends and not lines[above - 1].strip().startswith("#"):
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_imports_inside_functions_are_the_exception():
    """Most were written to dodge the cycles above. Those left say why in a comment
    (Django's app loading, a cycle inside one app)."""
    count = inside_functions()
    print(f"\nimports inside functions: {count} (were {INSIDE_FUNCTIONS_BEFORE})")
    assert count <= INSIDE_FUNCTIONS_BEFORE // 4
    assert unexplained_imports_inside_functions() == []


def write(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_a_deliberate_wrong_way_import_and_cycle_are_caught(tmp_path):
    """The checks themselves, on a made-up project: core importing an app inside a
    function, events importing workgroups' feed and newsletter's views, and a cycle
    between events and workgroups."""
    write(
        tmp_path,
        {
            "site/core/__init__.py": "",
            "site/core/cache.py": "def f():\n    from events.models import Room\n",
            "site/core/mail.py": "def f():\n    # a cycle.\n    import core.tasks\n",
            "newsletter/__init__.py": "",
            "newsletter/views.py": "",
            "events/__init__.py": "",
            "events/models.py": "from workgroups import feeds\n",
            "events/domain/__init__.py": "",
            "events/domain/agenda.py": "import newsletter.views\nfrom core import cache\n",
            "events/domain/mail.py": "from events.feeds import items\n",
            "events/feeds.py": "",
            "workgroups/__init__.py": "",
            "workgroups/feeds.py": "from events.models import Room\n",
        },
    )
    assert wrong_way(tmp_path) == [
        "site/core/cache.py:2 imports events.models, above core",
        "events/domain/agenda.py:1 imports newsletter.views: a rule asks no view, form or feed",
        "events/domain/mail.py:1 imports events.feeds: a rule asks no view, form or feed",
        "events/models.py:1 imports workgroups.feeds, above events",
    ]
    assert cycles_across_apps(tmp_path) == [["events.models", "workgroups.feeds"]]
    assert unexplained_imports_inside_functions(tmp_path) == ["site/core/cache.py:2"]
