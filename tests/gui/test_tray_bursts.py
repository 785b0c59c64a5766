"""A burst of notifications pops up once, led by its most severe kind, with the count."""

from __future__ import annotations

import re

from services.auth import SYSTEM
from ui.tray import TrayController


def _post(core, kind: str, n: int, subject=None, params=None):
    return core.notifications.post(kind, f"{kind} {n}", "", dedup_key=f"t:{kind}:{n}", subject=subject, params=params)


def test_a_clock_jump_burst_pops_one_summary_led_by_the_failures(make_gui, keep_alive, qtbot):
    tray = TrayController(gather_ms=50, quiet_ms=200)
    keep_alive.append(tray)
    env = make_gui("admin", customers=10, tray=tray)
    shown: list[tuple[str, str]] = []
    tray.message_shown.connect(lambda title, body: shown.append((title, body)))
    core = env.core
    # What a clock jump posts: failures, a few info notices, and an info one last of all.
    for n in range(7):
        _post(core, "topup_failed", n, subject=("topup", 100 + n))
    for n in range(10):
        _post(core, "subscription_expiring", n, subject=("subscription", n + 1))
    _post(core, "renewals_paid", 0)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=3000)
    title, body = shown[0]
    assert re.fullmatch(r"7 top-up(s|\(s\)) failed within a minute", title)
    assert re.search(r"18 notification(s|\(s\)) in all", body) and "topup_failed 6" in body
    qtbot.wait(400)  # the quiet time passes with nothing new: no second popup
    assert len(shown) == 1
    tray.on_message_clicked()  # a click opens the newest of the leading failures
    assert env.window.stack.currentWidget() is env.window.page_named("ErrorQueuePage")


def test_a_single_notice_pops_up_as_itself_in_words_made_from_its_parameters(make_gui, keep_alive, qtbot):
    tray = TrayController(gather_ms=10, quiet_ms=50)
    keep_alive.append(tray)
    env = make_gui("admin", customers=5, tray=tray)
    shown: list[tuple[str, str]] = []
    tray.message_shown.connect(lambda title, body: shown.append((title, body)))
    env.core.settings.update(SYSTEM, {"gateway.outage": True}, action="gateway.configure")
    for _ in range(5):  # the breaker opens after five failures in a row
        env.core.circuit.record_failure()
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert shown[-1][0] == "Payment gateway outage"
    assert "5 calls to the payment gateway failed in a row" in shown[-1][1]


def test_the_tray_speaks_the_operators_language(make_gui, keep_alive, qtbot, qapp):
    from ui.language import install_translator

    installed = install_translator(qapp, "ru")
    assert installed
    try:
        tray = TrayController(gather_ms=10, quiet_ms=50)
        keep_alive.append(tray)
        env = make_gui("admin", customers=5, tray=tray)
        shown: list[tuple[str, str]] = []
        tray.message_shown.connect(lambda title, body: shown.append((title, body)))
        params = {"topup_id": 1, "wallet_id": 2, "amount_minor": 700, "currency": "USD", "retrying": True}
        for n in range(3):
            _post(env.core, "topup_failed", n, subject=("topup", n + 1), params={**params, "topup_id": n + 1})
        qtbot.waitUntil(lambda: bool(shown), timeout=3000)
        title, body = shown[0]
        assert title == "3 пополнения не прошли за минуту"
        assert body == "Последнее: Пополнение на 7,00\u00a0$ не прошло"  # money in the Russian locale
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
