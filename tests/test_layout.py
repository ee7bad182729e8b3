"""The folders show the design: the core imports neither MkDocs, nor click, nor the editor's tools; only
mkdocs_plugin/ imports MkDocs; the importer's heavy dependencies stay in its own package; pieces stay small."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
MODULES = sorted(PACKAGE.rglob("*.py"))
CORE = [m for m in MODULES if m.relative_to(PACKAGE).parts[0] not in ("mkdocs_plugin", "editor")]
MAX_MODULE_LINES = 250
MAX_FUNCTION_LINES = 45  # of code, not counting the docstring


def dotted(module: Path) -> str:
    return ".".join(("generator", *module.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")


def imports(module: Path) -> set[str]:
    """Every module this one imports, relative imports resolved to absolute names."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    package = dotted(module).rsplit(".", 1)[0] if module.name != "__init__.py" else dotted(module)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package if node.level else ""
            name = ".".join(part for part in (base, node.module or "") if part)
            found.add(name)
            found |= {f"{name}.{alias.name}" for alias in node.names}
    return found


def importing(prefixes: tuple[str, ...], modules: list[Path]) -> list[str]:
    return [
        f"{m.relative_to(PACKAGE.parent)} imports {name}"
        for m in modules
        for name in sorted(imports(m))
        if any(name == p or name.startswith(p + ".") for p in prefixes)
    ]


def test_the_core_imports_neither_mkdocs_nor_click_nor_the_editor_nor_the_plugin():
    assert CORE, "no core modules found"
    assert importing(("mkdocs", "click", "generator.editor", "generator.mkdocs_plugin"), CORE) == []


def test_only_the_plugin_package_imports_mkdocs():
    outside = [m for m in MODULES if "mkdocs_plugin" not in m.relative_to(PACKAGE).parts]
    assert importing(("mkdocs",), outside) == []
    assert importing(("mkdocs",), [m for m in MODULES if m not in outside]), (
        "the plugin package imports no mkdocs: test is looking in the wrong place"
    )


def test_the_importers_heavy_dependencies_stay_in_the_importer():
    outside = [m for m in MODULES if "importer" not in m.relative_to(PACKAGE).parts]
    assert importing(("py3langid", "pysbd", "sentencex", "numpy", "stop_words"), outside) == []


@pytest.mark.parametrize("module", MODULES, ids=lambda m: str(m.relative_to(PACKAGE)))
def test_modules_and_functions_stay_small(module):
    source = module.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES, f"{module.name} has grown past {MAX_MODULE_LINES} lines: split it by idea"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body[1:] if ast.get_docstring(node) is not None else node.body
            length = body[-1].end_lineno - body[0].lineno + 1 if body else 0
            assert length <= MAX_FUNCTION_LINES, f"{module.name}: {node.name} has {length} lines of code: split it"
