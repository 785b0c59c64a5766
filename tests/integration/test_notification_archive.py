"""Read notifications past their keeping time leave the hot table for the archive, and nothing is lost."""

from models.tables import Notification, NotificationArchive


def post(core, n: int, kind: str = "payment_failed"):
    return core.notifications.post(kind, f"Notice {n}", f"Body {n}", dedup_key=f"archive-test:{n}")


def test_only_read_notifications_older_than_the_setting_move_with_their_ids_and_text(core, clock, admin, monkeypatch):
    old = [post(core, n) for n in range(5)]
    clock.advance(days=100)
    recent = [post(core, n) for n in range(5, 8)]
    core.notifications.mark_read(admin, [info.id for info in old[:3] + recent[:1]])
    monkeypatch.setattr("services.notifications.ARCHIVE_BATCH", 2)  # three batches for the three rows

    result = core.run_janitor()

    assert result["archived"] == 3
    archived = list(NotificationArchive.select().order_by(NotificationArchive.id))
    assert [(row.id, row.title, row.body) for row in archived] == [(i.id, i.title, i.body) for i in old[:3]]
    assert all(row.read_at is not None and row.archived_at == clock.now() for row in archived)
    # Unread old ones and read recent ones stay; the unread count does not change.
    assert sorted(row.id for row in Notification.select()) == sorted(i.id for i in old[3:] + recent)
    assert core.notifications.unread_count() == 4
    assert "archived" not in core.run_janitor()  # nothing left to move


def test_the_keeping_time_is_a_setting_and_an_archived_key_is_never_posted_again(core, clock, admin):
    first = post(core, 1)
    core.notifications.mark_read(admin, [first.id])
    clock.advance(days=10)
    assert "archived" not in core.run_janitor()  # 90 days by default
    core.settings.update(admin, {"notifications.archive_days": 7})
    assert core.run_janitor()["archived"] == 1

    # A replayed event finds its notice in the archive: neither path writes it twice.
    assert post(core, 1) is None
    from models.db import write_transaction
    from services.notifications import Draft

    with write_transaction():
        assert core.notifications.store([Draft("payment_failed", "Notice 1", "", "archive-test:1")]) == []
    assert Notification.select().count() == 0 and NotificationArchive.select().count() == 1


def test_a_bad_keeping_time_is_refused(core, admin):
    import pytest

    from services.errors import ValidationError

    for bad in (0, -5, "ninety", 4000):
        with pytest.raises(ValidationError):
            core.settings.update(admin, {"notifications.archive_days": bad})
    assert core.settings.get("notifications.archive_days") == 90
