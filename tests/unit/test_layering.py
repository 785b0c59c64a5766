"""Dependencies point one way: models <- services <- scheduler <- ui <- main."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {
    "models": {"PySide6", "shiboken6", "services", "scheduler", "ui", "main"},
    "services": {"PySide6", "shiboken6", "scheduler", "ui", "main"},
    "scheduler": {"PySide6", "shiboken6", "ui", "main"},
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_lower_layers_do_not_import_upper_ones(package):
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"{package}/ has no modules"
    offenders = {str(f.relative_to(ROOT)): sorted(imported_roots(f) & FORBIDDEN[package]) for f in files}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_itself_sees_a_qt_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n")
    assert "PySide6" in imported_roots(sample)


# --- ui/ formats what the services answer ------------------------------------------------

# Names whose use means a module does a service's job: a transaction, an audit write, a permission rule.
SERVICE_WORK = {
    "write_transaction": "opens a transaction",
    "atomic": "opens a transaction",
    "for_update": "locks rows",
    "record_audit": "writes the audit log",
    "require": "enforces a permission",
    "PERMISSIONS": "reads the permission table",
}
# The only ui/ modules that reach below the services (peewee, models), and what each may import there.
BASE_QUERY = frozenset({"peewee", "models.tables"})  # hands a base query to a paged model (ui/sql_model.py)
DATABASE_IN_UI = {
    "ui/pages/audit.py": BASE_QUERY,
    "ui/pages/customers_models.py": BASE_QUERY,
    "ui/pages/error_queue_models.py": BASE_QUERY,
    "ui/pages/notifications.py": BASE_QUERY,
    "ui/pages/plans_models.py": BASE_QUERY,
    "ui/pages/subscriptions_models.py": BASE_QUERY,
    "ui/pages/wallets_models.py": BASE_QUERY,
    "ui/sql_model.py": frozenset({"peewee"}),  # pages through a base query
    "ui/tasks.py": frozenset({"models.db"}),  # a connection per worker thread
    "ui/errors.py": frozenset({"peewee"}),  # recognises the database's own errors
}
DATABASE_PACKAGES = ("peewee", "playhouse", "models")


def database_imports(path: Path) -> set[str]:
    """What a module imports from below the services: "peewee", "playhouse", or a module of models/."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # ``from models import tables`` imports the module models.tables
            modules = [
                f"{node.module}.{alias.name}" if node.module == "models" else node.module for alias in node.names
            ]
        else:
            continue
        for module in modules:
            root, _, rest = module.partition(".")
            if root in DATABASE_PACKAGES:
                found.add(f"models.{rest.split('.')[0]}" if root == "models" and rest else root)
    return found


def service_work(path: Path) -> list[str]:
    """Where a module opens a transaction, writes audit or decides a permission itself (line: what)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names: list[str] = []
        if isinstance(node, ast.Name):
            names = [node.id]
        elif isinstance(node, ast.Attribute):
            names = [node.attr]
        elif isinstance(node, ast.ImportFrom):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(isinstance(operand, ast.Attribute) and operand.attr == "role" for operand in operands):
                found.append(f"{node.lineno}: compares a role")
        found += [f"{node.lineno}: {SERVICE_WORK[name]} ({name})" for name in names if name in SERVICE_WORK]
    return found


def builds_base_queries(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return any(isinstance(node, ast.FunctionDef) and node.name == "base_query" for node in ast.walk(tree))


def test_ui_holds_no_transaction_audit_write_or_permission_rule():
    offenders = {str(f.relative_to(ROOT)): service_work(f) for f in sorted((ROOT / "ui").rglob("*.py"))}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_ui_reaches_the_database_only_to_build_base_queries_run_tasks_and_name_errors():
    reached = {str(f.relative_to(ROOT)): database_imports(f) for f in sorted((ROOT / "ui").rglob("*.py"))}
    beyond = {name: sorted(found - DATABASE_IN_UI.get(name, frozenset())) for name, found in reached.items()}
    assert {name: found for name, found in beyond.items() if found} == {}
    base_query_modules = [name for name, allowed in DATABASE_IN_UI.items() if allowed == BASE_QUERY]
    assert all(builds_base_queries(ROOT / name) for name in base_query_modules), "a listed module builds no base query"


def test_the_check_itself_sees_service_work(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from models.db import write_transaction\n"
        "from services.auth import PERMISSIONS\n"
        "def save(core, actor):\n"
        "    if actor.role == 'admin' or 'refund' in PERMISSIONS[actor.role]:\n"
        "        core.db.atomic()\n"
        "    with write_transaction():\n"
        "        services.audit.record_audit(core.clock, actor.name, 'x')\n"
        "    require(actor, 'settings.edit')\n"
    )
    found = "\n".join(service_work(sample))
    for what in (
        "1: opens a transaction",
        "2: reads the permission table",
        "4: compares a role",
        "5: opens a transaction (atomic)",
        "6: opens a transaction",
        "7: writes the audit log",
        "8: enforces a permission",
    ):
        assert what in found, what


def test_the_check_itself_lets_a_page_ask_the_services(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from services.permissions import subscription_refusal\n"
        "def on_selection(self, record, now):\n"
        "    reason = self.refusal_reason('subscription.cancel') or subscription_refusal(\n"
        "        self.ctx.actor, 'cancel', record, now)\n"
        "    self.label.setText(self.tr('Your role (%s) may not do this.') % self.ctx.actor.role)\n"
        "    return self.ctx.can('refund'), reason\n"
    )
    assert service_work(sample) == []


def test_the_check_itself_sees_a_base_query(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from peewee import fn\nclass Model:\n    def base_query(self):\n        return fn.COUNT(1)\n")
    assert "peewee" in imported_roots(sample) and builds_base_queries(sample)
    sample.write_text("from peewee import fn\ndef load(ids):\n    return fn.COUNT(ids)\n")
    assert not builds_base_queries(sample)


def test_the_check_itself_sees_every_way_to_import_the_tables(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import peewee\nfrom models import tables\nfrom models.db import connection\n"
        "def load():\n    from models.tables import Customer\n    import models.migrations\n"
    )
    assert database_imports(sample) == {"peewee", "models.tables", "models.db", "models.migrations"}
    sample.write_text("from services.customer_detail import customer_detail\nimport modelsx\n")
    assert database_imports(sample) == set()
