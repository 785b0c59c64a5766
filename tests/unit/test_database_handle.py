"""Binding the database and bringing its schema up to date are two steps, in two modules."""

from __future__ import annotations

import ast
from pathlib import Path

from models.db import database, init_database
from models.migrations import LATEST_VERSION, current_version, migrate

ROOT = Path(__file__).resolve().parents[2]
PROGRAM_PACKAGES = {"models", "services", "scheduler", "ui", "main"}


def test_the_database_module_imports_nothing_of_the_program():
    """models/db.py sits under everything, migrations included: importing back would be a cycle."""
    tree = ast.parse((ROOT / "models" / "db.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add("models" if node.level else (node.module or "").split(".")[0])
    assert imported & PROGRAM_PACKAGES == set()


def test_binding_leaves_the_schema_alone_and_migrate_brings_it_up(db_path):
    init_database(str(db_path))
    try:
        with database.connection_context():
            assert database.get_tables() == []
        assert migrate() == LATEST_VERSION
        assert database.is_closed(), "migrate closes the connection it opened"
        with database.connection_context():
            assert current_version() == LATEST_VERSION
            assert "subscription" in database.get_tables()
            assert migrate() == LATEST_VERSION  # inside an open connection it uses that one
            assert not database.is_closed()
    finally:
        database.close()
