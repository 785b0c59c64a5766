"""The feed of what other desks and workers commit: published with the commit, heard by a listener thread."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from models.db import database
from models.tables import Customer
from services.auth import SYSTEM
from services.change_feed import EVERYTHING, ChangeListener, decode_message, encode_message, publish_changes
from services.changes import Changes, Kind
from tests.conftest import POSTGRES_URL

ROOT = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 30  # generous: only a failure waits this long

only_postgres = pytest.mark.skipif(
    not POSTGRES_URL,
    reason="LISTEN/NOTIFY is PostgreSQL's; SQLite desks poll data_version (tested below)",
)
only_sqlite = pytest.mark.skipif(
    bool(POSTGRES_URL),
    reason="SQLite's data_version polling; PostgreSQL desks LISTEN (tested above)",
)


class Heard:
    """Collects what a listener hands on (on its own thread) and lets a test wait for a condition."""

    def __init__(self) -> None:
        self.changes: list[Changes] = []
        self._changed = threading.Condition()

    def __call__(self, changes: Changes) -> None:
        with self._changed:
            self.changes.append(changes)
            self._changed.notify_all()

    def wait_for(self, kind: Kind) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: any(kind in c for c in self.changes), timeout=WAIT_SECONDS)

    def kinds(self) -> set[Kind]:
        with self._changed:
            return {kind for changes in self.changes for kind in changes.kinds}


def listening(**options) -> tuple[ChangeListener, Heard]:
    heard = Heard()
    listener = ChangeListener(poll_seconds=0.2, **options)
    listener.start(heard)
    assert listener.listening.wait(WAIT_SECONDS)
    return listener, heard


def other_process(db_url: str, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "SUBS_GATEWAY_KEY": "sk_test_other_process",
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", db_url, "--now", "2026-01-15T09:05:00", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def shop_with_gateway_down(db, clock):
    from scheduler.core import build_core
    from services.demo import create_demo

    core = build_core(clock, gateway_sleep=lambda seconds: None)
    create_demo(clock, customers=3, seed=5)
    core.settings.update(SYSTEM, {"gateway.outage": True}, "the gateway is down for this test")
    return Customer.select().order_by(Customer.id).first().email


def test_a_message_names_its_origin_and_the_kinds_touched():
    message = encode_message("desk-a", (Kind.WALLET, Kind.ERROR_ITEM, Kind.WALLET))
    assert message == "desk-a error_item,wallet"
    assert decode_message(message) == ("desk-a", Changes.of(Kind.WALLET, Kind.ERROR_ITEM))
    # A kind from a newer program is unknown here: reloading everything is the safe reading.
    assert decode_message("desk-b wallet,hologram") == ("desk-b", EVERYTHING)


@only_postgres
def test_an_error_item_recorded_by_another_process_is_heard_on_postgresql(shop_with_gateway_down, db_url):
    listener, heard = listening()
    try:
        done = other_process(db_url, "topup", shop_with_gateway_down, "25")
        assert "outage" in done.stdout + done.stderr, done.stdout + done.stderr
        assert heard.wait_for(Kind.ERROR_ITEM), heard.changes
        assert Kind.WALLET in heard.kinds()
    finally:
        assert listener.stop(timeout=5)


@only_postgres
def test_only_committed_changes_go_out_and_a_desk_skips_its_own(db):
    own, heard_own = listening()
    everyone, heard = listening(skip_origin=None)
    try:
        with pytest.raises(RuntimeError), database.atomic():
            publish_changes(Kind.WALLET)
            raise RuntimeError("rolled back")
        with database.atomic():
            publish_changes(Kind.PLAN, Kind.AUDIT)
        assert heard.wait_for(Kind.PLAN)
        assert heard.kinds() == {Kind.PLAN, Kind.AUDIT}  # the rolled back wallet change never went out
    finally:
        assert everyone.stop(timeout=5)
        assert own.stop(timeout=5)
    assert heard_own.changes == []  # this process's desk announced its own changes already


@only_sqlite
def test_a_commit_by_another_connection_is_heard_on_sqlite(shop_with_gateway_down, db_url):
    listener, heard = listening()
    try:
        done = other_process(db_url, "topup", shop_with_gateway_down, "25")
        assert "outage" in done.stdout + done.stderr, done.stdout + done.stderr
        # SQLite cannot tell what a commit touched: everything is announced.
        assert heard.wait_for(Kind.ERROR_ITEM)
        assert heard.changes[-1] == EVERYTHING
    finally:
        assert listener.stop(timeout=5)


@only_sqlite
def test_publishing_on_sqlite_writes_nothing(db):
    before = database.connection().total_changes
    with database.atomic():
        publish_changes(Kind.WALLET)
    assert database.connection().total_changes == before


def test_a_listener_stops_promptly_and_can_stop_twice(db):
    listener, _ = listening()
    assert listener.stop(timeout=5)
    assert not listener.listening.is_set()
    assert listener.stop(timeout=5)
