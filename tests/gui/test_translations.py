"""The shipped translations: complete, faithful to their placeholders, compiled, and used by the window."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from models.tables import Customer
from resources import translation_file
from ui.language import install_translator

# The sources (.ts) stay in the checkout; the compiled files (.qm) ship in the package.
SOURCES = Path(__file__).resolve().parents[2] / "resources" / "translations"

# language -> how many plural forms Qt expects for it
FILES = {"ru": 3, "en": 2}

PRINTF = re.compile(r"%(?:%|[-+ #0]*\d*(?:\.\d+)?[sdfi])")  # order matters: Python's % fills them in turn
NUMBERED = re.compile(r"%[1-9n]")  # Qt-style markers, any order
BRACED = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
ACCELERATOR = re.compile(r"&(?=[^&\s])")


def messages(language: str) -> list[tuple[str, ET.Element]]:
    root = ET.parse(SOURCES / f"subscriptions_{language}.ts").getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def qt_tool(name: str) -> str:
    """pyside6-lrelease or pyside6-lupdate: on the path, else the copy that ships inside PySide6."""
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    bundled = Path(PySide6.__file__).parent / (f"{name}.exe" if sys.platform == "win32" else name)
    assert bundled.exists(), f"pyside6-{name} is missing; it ships with PySide6"
    return str(bundled)


def lrelease() -> str:
    return qt_tool("lrelease")


@pytest.fixture(autouse=True)
def english_afterwards():
    """Other tests read English source strings: no translator may outlive a test here."""
    yield
    assert QCoreApplication.translate("MainWindow", "Scheduler: off") == "Scheduler: off"
    assert QCoreApplication.translate("RowCounts", "%n row(s)", "", 2) == "2 row(s)"


@pytest.fixture
def translated(qapp):
    """translated(language) installs the app's translators; they are removed after the windows are gone."""
    installed = []

    def install(language: str):
        installed.extend(install_translator(qapp, language))
        assert installed, language

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)


# --- the .ts files ------------------------------------------------------------------------


@pytest.mark.parametrize("language", FILES)
def test_every_message_is_finished(language):
    found = messages(language)
    assert found, language
    for context, message in found:
        source = message.findtext("source")
        assert context, f"empty context for {source!r}: lupdate cannot see which class looks it up"
        translation = message.find("translation")
        assert translation.get("type") is None, f"{language} {context}: {source!r} is {translation.get('type')}"
        texts = forms(message)
        if message.get("numerus") == "yes":
            assert len(texts) == FILES[language], f"{language} {context}: {source!r} has {len(texts)} plural forms"
        assert all(text.strip() for text in texts), f"{language} {context}: {source!r} has an empty translation"


def test_every_count_marker_is_a_plural_message():
    """A "%n" message that lupdate did not mark as plural fails at run time in Russian for n ≥ 2."""
    for context, message in messages("ru"):
        if "%n" in message.findtext("source"):
            assert message.get("numerus") == "yes", f"{context}: {message.findtext('source')!r}"


def test_english_file_holds_every_plural_message_and_nothing_else():
    plural = {(c, m.findtext("source")) for c, m in messages("ru") if m.get("numerus") == "yes"}
    english = {(c, m.findtext("source")) for c, m in messages("en")}
    assert english == plural
    assert all(m.get("numerus") == "yes" for _c, m in messages("en"))


@pytest.mark.parametrize("language", FILES)
def test_translations_keep_every_placeholder(language):
    problems = []
    for context, message in messages(language):
        source = message.findtext("source")
        for text in forms(message):
            where = f"{language} {context}: {source!r} -> {text!r}"
            if PRINTF.findall(text) != PRINTF.findall(source):
                problems.append(f"printf placeholders differ in {where}")
            if set(NUMBERED.findall(text)) != set(NUMBERED.findall(source)):
                problems.append(f"%1/%n markers differ in {where}")
            if Counter(BRACED.findall(text)) != Counter(BRACED.findall(source)):
                problems.append(f"{{name}} fields differ in {where}")
            if Counter(TAG.findall(text)) != Counter(TAG.findall(source)):
                problems.append(f"HTML tags differ in {where}")
            if len(ACCELERATOR.findall(text)) != len(ACCELERATOR.findall(source)):
                problems.append(f"keyboard accelerators differ in {where}")
            if source.endswith("…") != text.endswith("…"):
                problems.append(f"the trailing ellipsis differs in {where}")
            if (source[:1].isspace(), source[-1:].isspace()) != (text[:1].isspace(), text[-1:].isspace()):
                problems.append(f"surrounding spaces differ in {where} (the fragment is joined to others)")
    assert not problems, "\n".join(problems)


def test_no_translation_call_hides_inside_an_f_string():
    """lupdate does not look inside f-strings: a tr() there is never extracted, so never translated."""
    hidden = []
    for path in sorted((Path(__file__).resolve().parents[2] / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    if (
                        isinstance(call, ast.Call)
                        and getattr(call.func, "attr", getattr(call.func, "id", "")) in ("tr", "translate")
                        and any(isinstance(arg, ast.Constant) for arg in call.args[:2])
                    ):
                        hidden.append(f"{path.name}:{call.lineno}")  # a literal lupdate would have to find
    assert not hidden, hidden


def test_placeholder_check_catches_a_dropped_marker():
    assert PRINTF.findall("Привет") != PRINTF.findall("Hello %s")
    assert PRINTF.findall("%d из %s") != PRINTF.findall("%s of %d")
    assert set(NUMBERED.findall("%1 из")) != set(NUMBERED.findall("%1 of %2"))


@pytest.mark.parametrize("language", FILES)
def test_compiled_files_match_their_sources(tmp_path, language):
    source = SOURCES / f"subscriptions_{language}.ts"
    compiled = tmp_path / f"subscriptions_{language}.qm"
    result = subprocess.run(
        [lrelease(), "-silent", str(source), "-qm", str(compiled)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    shipped = translation_file(language)
    assert shipped.read_bytes() == compiled.read_bytes(), (
        f"{shipped.name} is stale: run resources/translations/update.sh"
    )


@pytest.mark.parametrize("language", FILES)
def test_sources_hold_every_string_the_ui_asks_for(tmp_path, language):
    """A string added to ui/ without running update.sh shows in English to every other language."""
    ui = SOURCES.parents[1] / "ui"
    fresh = tmp_path / f"subscriptions_{language}.ts"
    options = ["-no-obsolete"] + (["-pluralonly"] if language == "en" else [])
    result = subprocess.run(
        [qt_tool("lupdate"), *sorted(str(p) for p in ui.rglob("*.py")), *options, "-ts", str(fresh)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr

    def keys(path: Path) -> set[tuple[str, str, str | None]]:
        root = ET.parse(path).getroot()
        return {
            (context.findtext("name") or "", message.findtext("source") or "", message.get("numerus"))
            for context in root.iter("context")
            for message in context.iter("message")
        }

    shipped = keys(SOURCES / f"subscriptions_{language}.ts")
    asked = keys(fresh)
    assert sorted(asked - shipped) == [], "not in the translation sources: run resources/translations/update.sh"
    assert sorted(shipped - asked) == [], "no longer asked for by ui/: run resources/translations/update.sh"


# --- the running window -------------------------------------------------------------------


def test_russian_window_speaks_russian(translated, make_gui):
    translated("ru")
    gui = make_gui("admin")
    titles = [gui.window.nav.item(i).text() for i in range(gui.window.nav.count())]
    assert titles[:5] == ["Сводка", "Клиенты", "Кошельки и журнал", "Подписки", "Тарифы и функции"]

    customers = gui.page("CustomersPage")
    assert customers.count_label.text() == "60 строк"
    customers.select_id(Customer.select().first().id)
    detail = customers.detail.toPlainText()
    assert "Кошельки" in detail and "Последние пополнения" in detail  # strings of a module-level helper

    subscriptions = gui.page("SubscriptionsPage")
    statuses = {
        subscriptions.model.data(subscriptions.model.index(row, 3)) for row in range(subscriptions.model.rowCount())
    }
    assert statuses and statuses <= {"активна", "ожидает продления", "отменена", "истекла"}


def test_qt_standard_buttons_follow_the_language(translated, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    translated("ru")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"


def test_english_window_uses_plural_forms(translated, make_gui):
    translated("en")
    gui = make_gui("admin")
    customers = gui.page("CustomersPage")
    assert customers.count_label.text() == "60 rows"
    only = Customer.select().first()
    customers.search.setText(only.email)
    customers.on_search_settled()
    assert customers.count_label.text() == "1 row"
    assert QCoreApplication.translate("WalletsPage", "Exported %n ledger entry(s)", "", 1) == "Exported 1 ledger entry"
    assert (
        QCoreApplication.translate("WalletsPage", "Exported %n ledger entry(s)", "", 2) == "Exported 2 ledger entries"
    )


def test_russian_invoices_and_money_dialogs(translated, make_gui, answer_dialogs):
    from models.tables import Wallet

    translated("ru")
    gui = make_gui("admin")
    customers = gui.page("CustomersPage")
    wallet = Wallet.select().order_by(Wallet.balance_minor.desc()).first()
    customers.select_id(wallet.customer_id)
    assert customers.detail_tabs.tabText(0) == "Обзор"
    assert customers.detail_tabs.tabText(1).startswith("Счета (")
    assert customers.owed_label.text() == "Долгов нет."
    kinds = set(customers.invoice_table.texts("kind"))
    assert kinds and kinds <= {"первый период", "продление", "использование", "смена тарифа"}
    shown = answer_dialogs(cancel=True)
    customers.on_topup_clicked()
    assert shown[0].buttons.button(shown[0].buttons.StandardButton.Ok).text() == "Списать с карты"
    assert QCoreApplication.translate("WalletsPage", "plan-change credit") == "зачёт при смене тарифа"
    assert (
        QCoreApplication.translate("RenewalPassDialog", "%n invoice(s) issued by the renewal pass of %s.", "", 5)
        == "5 счетов выставлено прогоном продлений %s."
    )


def test_stored_states_and_plan_intervals_are_words_of_the_language(translated, make_gui):
    from ui.pages.words import interval_text, payment_status_text, price_text

    translated("ru")
    gui = make_gui("admin")
    customers = gui.page("CustomersPage")
    customer = Customer.select().where(Customer.status == "active").first()
    customers.select_id(customer.id)
    overview = customers.detail.toPlainText()
    assert " · активен · " in overview and "active" not in overview
    monthly = {"price_minor": 900, "currency": "USD", "interval_count": 1, "interval_unit": "month"}
    assert price_text(monthly) == "9,00\u00a0$ / месяц"  # money in the Russian locale
    assert interval_text({**monthly, "interval_count": 3}) == "3 месяца"
    assert interval_text({**monthly, "interval_count": 5, "interval_unit": "year"}) == "5 лет"
    assert payment_status_text("succeeded") == "успешно"


def test_english_plan_intervals_use_plural_forms(translated, qapp):
    from ui.pages.words import interval_text, price_text

    translated("en")
    weekly = {"price_minor": 300, "currency": "USD", "interval_count": 1, "interval_unit": "week"}
    assert price_text(weekly) == "$3.00 / week"
    assert interval_text(weekly) == "1 week"
    assert price_text({**weekly, "interval_count": 2}) == "$3.00 / 2 weeks"


def test_known_failures_read_in_russian(translated, qapp):
    import errno

    import peewee

    from ui.errors import describe

    translated("ru")
    assert describe(peewee.OperationalError("database is locked")).startswith("База данных занята")
    assert describe(OSError(errno.ENOSPC, "No space left on device")).startswith("Диск заполнен")
    assert describe(peewee.InterfaceError("connection already closed")).startswith("Соединение с сервером")


# --- domain messages, words of the domain, the operator's locale ------------------------------------


def test_the_list_of_domain_messages_is_current():
    """ui/domain_messages.py lists every template services/ and scheduler/ raise: lupdate reads only ui/."""
    from ui.message_catalog import GENERATED, render, scan

    assert GENERATED.read_text(encoding="utf-8") == render(scan()), "stale: run resources/translations/update.sh"


def test_domain_errors_are_raised_with_a_literal_template():
    """An f-string message is English for ever: the template must be a literal with named values."""
    from ui.message_catalog import scan

    catalog = scan()
    # The one exception: a contradiction report quotes the settled outcome and the gateway's answer verbatim.
    assert [entry.split(" ")[1] for entry in catalog.not_literal] == ["ContradictingOutcome"], catalog.not_literal
    assert "no wallet #{wallet_id}" in catalog.templates
    assert "plan code" in catalog.terms  # a literal passed to a parameter its function shows as a Term


def test_the_scan_sees_an_f_string_message(tmp_path):
    from ui.message_catalog import scan

    (tmp_path / "services").mkdir()
    (tmp_path / "scheduler").mkdir()
    (tmp_path / "services" / "errors.py").write_text(
        "class DomainError(Exception): ...\nclass Refused(DomainError): ...\n"
    )
    (tmp_path / "services" / "work.py").write_text(
        "from services.errors import Refused\n"
        "def go(n):\n"
        "    raise Refused(f'no wallet #{n}')\n"
        "def ok(n):\n"
        "    raise Refused('no wallet #{n}', n=n)\n"
    )
    catalog = scan(tmp_path)
    assert catalog.not_literal == ["services/work.py:3 Refused"]
    assert catalog.templates == {"no wallet #{n}"}


def test_a_domain_error_keeps_its_english_sentence():
    from services.errors import Amount, InsufficientFunds, Term, ValidationError

    error = InsufficientFunds(
        "wallet #{wallet_id} holds {balance}; {needed} is needed",
        wallet_id=7,
        balance=Amount(123456, "USD"),
        needed=Amount(500000, "USD"),
    )
    assert str(error) == error.message == "wallet #7 holds 1234.56 USD; 5000.00 USD is needed"
    assert str(ValidationError("a {what} is required", what=Term("reason"))) == "a reason is required"
    assert str(ValidationError("literal {braces} stay when nothing fills them")) == (
        "literal {braces} stay when nothing fills them"
    )


def test_domain_messages_read_in_russian_with_money_in_the_locale(translated, qapp):
    from services.errors import Amount, Conflict, InsufficientFunds, ValidationError
    from ui.errors import describe, domain_message

    translated("ru")
    funds = InsufficientFunds(
        "wallet #{wallet_id} holds {balance}; {needed} is needed",
        wallet_id=7,
        balance=Amount(123456, "USD"),
        needed=Amount(500000, "USD"),
    )
    assert domain_message(funds) == "в кошельке #7 1\u00a0234,56\u00a0$; нужно 5\u00a0000,00\u00a0$"
    # Shown on its own, the message is a sentence.
    assert describe(funds) == "В кошельке #7 1\u00a0234,56\u00a0$; нужно 5\u00a0000,00\u00a0$."
    assert domain_message(ValidationError("password is too long")) == "пароль слишком длинный"
    nested = Conflict(
        "cannot confirm with the gateway whether top-up #{row_id} was charged ({error}); "
        "the item stays open, try again later",
        row_id=5,
        error=ValidationError("the gateway key must be text"),
    )
    assert domain_message(nested) == (
        "шлюз не подтвердил, было ли списание по пополнению #5 (ключ шлюза должен быть текстом); "
        "ошибка остаётся открытой, попробуйте позже"
    )


def test_a_refusal_from_a_service_reads_in_russian(translated, make_gui):
    from services.customers import find_customer
    from services.errors import DomainError
    from ui.errors import describe

    translated("ru")
    make_gui("admin", customers=3)
    with pytest.raises(DomainError) as refused:
        find_customer("nobody@example.com")
    assert str(refused.value) == "no customer 'nobody@example.com'"  # the CLI and the log
    assert describe(refused.value) == "Нет клиента 'nobody@example.com'."


def test_words_of_the_domain_inside_a_message_are_translated(translated, qapp):
    from services.errors import Conflict, DomainError, InvalidTransition, Term, ValidationError
    from services.lifecycle import next_status
    from ui.errors import domain_message

    translated("ru")
    with pytest.raises(InvalidTransition) as refused:
        next_status("expired", "cancel")
    assert domain_message(refused.value) == "действие «cancel» невозможно для подписки в состоянии «истекла»"
    error = ValidationError("{what} must lie between {low:,} and {high:,}", what=Term("quota"), low=0, high=1000000)
    assert domain_message(error) == "квота: значение от 0 до 1\u00a0000\u00a0000"
    closed = Conflict(
        "error item #{item_id} is {status}; only {allowed} items can be {verb}",
        item_id=4,
        status=Term("resolved"),
        allowed=Term("retrying or manual"),
        verb=Term("retried"),
    )
    assert str(closed) == "error item #4 is resolved; only retrying or manual items can be retried"
    from services.auth import require
    from tests.gui.conftest import ROLES

    with pytest.raises(DomainError) as denied:
        require(ROLES["viewer"], "subscription.cancel")
    assert str(denied.value) == "viewer (viewer) may not subscription cancel"
    assert domain_message(denied.value) == "viewer (наблюдатель) не может: отменять подписки"
    assert (
        domain_message(closed)
        == "ошибка #4 в состоянии «закрыта»; быть повторена может только ошибка в состоянии: повторяется или вручную"
    )


def test_messages_stored_in_english_are_shown_in_russian(translated, qapp):
    from ui.errors import stored_message_text

    translated("ru")
    assert stored_message_text("the payment gateway is down (outage); nothing was sent") == (
        "платёжный шлюз недоступен (сбой); ничего не отправлено"
    )
    assert stored_message_text("no wallet #12") == "нет кошелька #12"
    assert stored_message_text(
        "cannot confirm with the gateway whether refund #3 was sent "
        "(the payment gateway is down (outage); nothing was sent); the item stays open, try again later"
    ) == (
        "шлюз не подтвердил, был ли отправлен возврат #3 (платёжный шлюз недоступен (сбой); ничего не отправлено); "
        "ошибка остаётся открытой, попробуйте позже"
    )
    assert stored_message_text("a note nobody templated") == "a note nobody templated"


def test_money_numbers_and_dates_follow_the_language(translated, qapp):
    from datetime import date, datetime

    from ui.formatting import date_text, minute_text, money_text, number_text

    moment = datetime(2026, 3, 5, 14, 30, 9)
    assert money_text(-123456, "USD") == "-$1,234.56"
    assert money_text(1234, "JPY") == "¥1,234"
    assert (date_text(moment), minute_text(moment), number_text(12345)) == ("2026-03-05", "2026-03-05 14:30", "12,345")
    translated("ru")
    assert money_text(-123456, "USD") == "-1\u00a0234,56\u00a0$"
    assert money_text(5, "EUR") == "0,05\u00a0€"
    assert (date_text(date(2026, 3, 5)), minute_text(moment)) == ("05.03.2026", "05.03.2026 14:30")
    assert number_text(12345) == "12\u00a0345"


def test_chart_months_roles_and_scheduler_jobs_are_russian(translated, make_gui):
    from datetime import date

    from scheduler import JobStateInfo
    from ui.charts import day_labels
    from ui.pages.scheduler_jobs import SchedulerJobsModel, summarize_result

    assert day_labels([date(2026, 3, 5)]) == ["5 Mar"]
    translated("ru")
    assert day_labels([date(2026, 3, 5), date(2026, 12, 1)]) == ["5 мар.", "1 дек."]
    gui = make_gui("admin", customers=3)
    assert gui.window.operator_button.text() == "admin · администратор ▾"
    dashboard = gui.page("DashboardPage")
    assert all(re.fullmatch(r"\d{1,2} [а-я]+\.?", label) for label in dashboard.revenue_chart.labels)
    assert summarize_result({"due": 3, "renewed": 2, "errors": 0, "charged_minor": 119700}) == (
        "к выполнению: 3 · продлено: 2 · списано 1\u00a0197,00\u00a0$"
    )
    model = SchedulerJobsModel()
    model.set_jobs(
        [JobStateInfo("renewals", None, None, {"alert": True, "circuit": "open"}, None, None, False, False, None)]
    )
    assert model.text(model.jobs[0], 0) == "продления"
    assert model.text(model.jobs[0], 2) == "поднята тревога · шлюз недоступен"
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole) == "тревога: да\nшлюз: сбой"
