"""Areas never import each other (docs/case-kernel.md, "Contributing to another area").

Every module of every area app is parsed and its imports read; an import of another area
app fails this test. Cross-area interplay goes through the kernel's registries
(``cases.contrib``, ``cases.standing``, ``cases.registry``). ``ALLOWED`` lists the imports
still to be moved, each with its reason; it may only shrink.
"""

import ast
from pathlib import Path

import waishi

ROOT = Path(waishi.__file__).parent
SHARED = {
    "core",
    "accounts",
    "audit",
    "registers",
    "cases",
    "notifications",
    "api",
    "portal",
    "applicants",
    "settings",
}

# (importing module, imported area module) pairs not yet moved onto the kernel.
ALLOWED: set[tuple[str, str]] = {
    # The demo data builds missions to hand passports out for; the demo moves to a
    # project-level command that may name every area.
    ("waishi.passports.demo", "waishi.missions.constants"),
    ("waishi.passports.demo", "waishi.missions.models"),
    # Passports' tests build approved missions to hand documents out for, and check that a
    # suspended agency may not open a mission; they move to the project-level tests/ with
    # the shared factories.
    ("waishi.passports.tests.factories", "waishi.missions.models"),
    ("waishi.passports.tests.test_checks", "waishi.missions.models"),
    ("waishi.passports.tests.test_custody", "waishi.missions.mission_actions"),
}


def area_apps() -> set[str]:
    return {
        path.name
        for path in ROOT.iterdir()
        if path.is_dir() and (path / "__init__.py").exists() and path.name not in SHARED
    }


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imported_modules(path: Path, module: str) -> set[str]:
    """Every absolute module name ``path`` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.count(".") >= 2:
                found.add(target)
            else:
                # ``from waishi import missions`` names the area in the alias.
                found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def area_of(module: str, areas: set[str]) -> str | None:
    parts = module.split(".")
    if len(parts) >= 2 and parts[0] == "waishi" and parts[1] in areas:
        return parts[1]
    return None


def crossings() -> set[tuple[str, str]]:
    areas = area_apps()
    found: set[tuple[str, str]] = set()
    for area in sorted(areas):
        for path in sorted((ROOT / area).rglob("*.py")):
            module = module_name(path)
            for target in imported_modules(path, module):
                other = area_of(target, areas)
                if other is not None and other != area:
                    # One entry per imported module (``from x.models import A`` and the alias
                    # ``x.models.A`` are the same crossing).
                    parts = target.split(".")
                    found.add((module, ".".join(parts[: min(len(parts), 3)])))
    return found


def test_the_area_apps_are_found() -> None:
    assert {"missions", "passports"} <= area_apps()
    assert not SHARED & area_apps()


def test_no_area_app_imports_another() -> None:
    unexpected = sorted(crossings() - ALLOWED)
    assert unexpected == [], "Areas never import each other; use a kernel registry: " + ", ".join(
        f"{a} -> {b}" for a, b in unexpected
    )


def test_the_allowed_list_only_shrinks() -> None:
    """An entry no longer needed must be removed, so the list cannot hide a new import."""
    stale = sorted(ALLOWED - crossings())
    assert stale == [], "Remove from ALLOWED: " + ", ".join(f"{a} -> {b}" for a, b in stale)


def test_a_crossing_is_caught(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text(
        "from waishi.missions.models import Mission\n"
        "import waishi.passports.checks\n"
        "from ..missions import workflow\n",
        encoding="utf-8",
    )
    found = imported_modules(source, "waishi.visitors.sample")
    areas = {"missions", "passports", "visitors"}
    assert {area_of(m, areas) for m in found} >= {"missions", "passports"}
