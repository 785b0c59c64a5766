"""Finds every message template and domain word that services/ and scheduler/ can show, so that
pyside6-lupdate (which reads only ui/) can offer them to the translators.

A domain error is raised as ``NotFound("no wallet #{wallet_id}", wallet_id=7)``: the first argument
is a literal template. A word of the domain's vocabulary is ``Term("plan")``, or a literal passed to
a parameter that its function shows as ``Term(parameter)`` (``check_id(value, "invoice")``).
``python -m ui.message_catalog`` writes ui/domain_messages.py; resources/translations/update.sh runs
it before lupdate, and a test fails when the written list is stale.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("services", "scheduler")
GENERATED = ROOT / "ui" / "domain_messages.py"
BASE_ERROR = "DomainError"
TERM = "Term"


@dataclass
class Catalog:
    templates: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)
    # "file:line Class" of a domain error built from something other than a literal template
    not_literal: list[str] = field(default_factory=list)


def _sources(root: Path) -> dict[Path, ast.Module]:
    paths = sorted(p for folder in SCANNED for p in (root / folder).rglob("*.py"))
    return {p: ast.parse(p.read_text(encoding="utf-8"), filename=str(p)) for p in paths}


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """DomainError and every class that derives from it, however far down."""
    found = {BASE_ERROR}
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.ClassDef)
                    and node.name not in found
                    and any(isinstance(base, ast.Name) and base.id in found for base in node.bases)
                ):
                    found.add(node.name)
                    grew = True
    return found


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _term_parameters(trees: dict[Path, ast.Module]) -> dict[str, tuple[int, str]]:
    """Functions that show one of their parameters as a Term: name -> (position, parameter name)."""
    found: dict[str, tuple[int, str]] = {}
    for tree in trees.values():
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            names = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
            if names[:1] in (["self"], ["cls"]):
                names = names[1:]  # the call site does not pass it
            for call in ast.walk(function):
                if (
                    isinstance(call, ast.Call)
                    and _called_name(call) == TERM
                    and call.args
                    and isinstance(call.args[0], ast.Name)
                    and call.args[0].id in names
                ):
                    name = call.args[0].id
                    found[function.name] = (names.index(name), name)
    return found


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def scan(root: Path = ROOT) -> Catalog:
    trees = _sources(root)
    classes = _error_classes(trees)
    term_parameters = _term_parameters(trees)
    catalog = Catalog()
    for path, tree in trees.items():
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            name = _called_name(call)
            if name in classes and isinstance(call.func, ast.Name) and call.args:
                template = _literal(call.args[0])
                if template is None:
                    catalog.not_literal.append(f"{path.relative_to(root).as_posix()}:{call.lineno} {name}")
                else:
                    catalog.templates.add(template)
            elif name == TERM and call.args:
                word = _literal(call.args[0])
                if word is not None:
                    catalog.terms.add(word)
            elif name in term_parameters:
                position, keyword = term_parameters[name]
                given = [k.value for k in call.keywords if k.arg == keyword]
                if len(call.args) > position:
                    given.append(call.args[position])
                for node in given:
                    word = _literal(node)
                    if word is not None:
                        catalog.terms.add(word)
    return catalog


def render(catalog: Catalog) -> str:
    lines = [
        "# ruff: noqa: E501",
        "# fmt: off",
        '"""Every message template and domain word that services/ and scheduler/ can show, for the translators.',
        "",
        "Written by ``python -m ui.message_catalog`` (resources/translations/update.sh runs it); do not edit.",
        '"""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "TEMPLATES = (",
        *(f'    QT_TRANSLATE_NOOP("DomainMessages", {_quoted(t)}),' for t in sorted(catalog.templates)),
        ")",
        "",
        "TERMS = (",
        *(f'    QT_TRANSLATE_NOOP("DomainTerms", {_quoted(t)}),' for t in sorted(catalog.terms)),
        ")",
        "",
    ]
    return "\n".join(lines)


def _quoted(text: str) -> str:
    """A double-quoted Python literal (ruff's style), one line however long."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> int:
    catalog = scan()
    GENERATED.write_text(render(catalog), encoding="utf-8")
    print(f"{GENERATED.relative_to(ROOT)}: {len(catalog.templates)} templates, {len(catalog.terms)} terms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
