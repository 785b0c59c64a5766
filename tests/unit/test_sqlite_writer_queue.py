"""This process's SQLite writers queue on one lock before the file's: taken for a write, given back when it ends."""

from __future__ import annotations

import threading

import pytest

from models.db import database, write_transaction
from models.tables import Setting
from tests.conftest import POSTGRES_URL

pytestmark = pytest.mark.skipif(bool(POSTGRES_URL), reason="the writer queue is SQLite's")


def _writer_free() -> bool:
    lock = database.obj._writer
    if not lock.acquire(blocking=False):
        return False
    lock.release()
    return True


def test_the_writer_lock_is_held_for_a_transaction_and_given_back_at_its_end(db, clock):
    with write_transaction():
        assert not _writer_free()
        Setting.insert(key="a", value="1", updated_at=clock.now()).execute()
    assert _writer_free()
    with pytest.raises(RuntimeError, match="changed its mind"), write_transaction():
        Setting.insert(key="b", value="1", updated_at=clock.now()).execute()
        raise RuntimeError("the writer changed its mind")
    assert _writer_free() and not Setting.select().where(Setting.key == "b").exists()


def test_a_write_outside_a_transaction_and_a_deferred_ones_first_write_take_it_too(db, clock):
    Setting.insert(key="a", value="1", updated_at=clock.now()).execute()
    assert _writer_free()
    with database.atomic():
        Setting.select().count()  # a read takes nothing
        assert _writer_free()
        Setting.update(value="2").where(Setting.key == "a").execute()
        assert not _writer_free()  # kept to the commit
    assert _writer_free() and Setting.get(Setting.key == "a").value == "2"


def test_many_threads_writing_at_once_all_commit(db, clock):
    Setting.insert(key="count", value="0", updated_at=clock.now()).execute()
    errors: list[BaseException] = []
    start = threading.Barrier(16)

    def add_up() -> None:
        try:
            with database.connection_context():
                start.wait()
                for _ in range(25):
                    with write_transaction():
                        row = Setting.get(Setting.key == "count")  # a read, then a write
                        Setting.update(value=str(int(row.value) + 1)).where(Setting.key == "count").execute()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=add_up) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert Setting.get(Setting.key == "count").value == str(16 * 25)
    assert _writer_free()
