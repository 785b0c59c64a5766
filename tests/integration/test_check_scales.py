"""`check` stays linear in the data: none of its queries scans one table once per row of another.

A join on an expression of the inner table's column (``'topup:' || key``) cannot use that
column's index, so SQLite scanned every top-up for every gateway charge: 30 s of a 31 s `check` on
a 20,000-customer demo. The test reads SQLite's own plan for every query `check` runs.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from services.demo import create_demo
from services.reports import integrity_check
from tests.conftest import POSTGRES_URL

pytestmark = pytest.mark.skipif(bool(POSTGRES_URL), reason="reads SQLite's query plans")


def _quadratic_steps(plan: list[tuple]) -> list[str]:
    """The plan's steps that scan a table once per row of an outer loop, or once per outer row in a
    correlated subquery; an empty list for a plan whose every loop but the outermost is an index search."""
    children: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for node, parent, _, detail in plan:
        children[parent].append((node, detail))
    found: list[str] = []

    def walk(parent: int, correlated: bool) -> None:
        scans = [detail for _, detail in children[parent] if detail.startswith("SCAN ")]
        if correlated and scans:
            found.extend(scans)
        elif len(scans) > 1:
            found.extend(scans[1:])
        for node, detail in children[parent]:
            walk(node, correlated or detail.startswith("CORRELATED"))

    walk(0, False)
    return found


def test_no_query_of_check_scans_a_table_once_per_row_of_another(db, clock):
    create_demo(clock, customers=40, seed=3)
    statements: list[str] = []
    connection = db.connection()
    connection.set_trace_callback(statements.append)
    try:
        report = integrity_check()
    finally:
        connection.set_trace_callback(None)
    assert report["ok"], report["violations"]
    selects = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert len(selects) > 10, "check ran its queries"
    quadratic = {}
    for statement in selects:
        steps = _quadratic_steps(connection.execute("EXPLAIN QUERY PLAN " + statement).fetchall())
        if steps:
            quadratic[statement[:160]] = steps
    assert quadratic == {}


def test_the_plan_reader_finds_a_scan_nested_in_a_scan(db):
    plan = db.connection().execute(
        "EXPLAIN QUERY PLAN SELECT * FROM gateway_charge g LEFT JOIN top_up t "
        "ON g.idempotency_key = 'topup:' || t.idempotency_key"
    )
    assert _quadratic_steps(plan.fetchall()) != []
