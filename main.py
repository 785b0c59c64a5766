"""Subscriptions Admin: the composition root and the command line.

Builds the database, services and scheduler, hands each what it needs, and
tears them down in reverse. Every command prints one JSON object; bad
arguments print one line on stderr and exit 2, and so does a desktop that
cannot start here (no display, a missing library).
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import re
import shutil
import signal
import sys
import sysconfig
import threading
from collections.abc import Callable, Mapping
from datetime import timedelta
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn, TextIO

from models.db import (
    DatabaseUrlError,
    connection,
    default_database_path,
    init_database,
    is_database_locked,
    on_waiting_for_writer,
    private_sqlite_file,
    redact,
    set_write_gate,
    sqlite_file,
)
from models.migrations import migrate
from scheduler.core import JOB_NAMES, Core, build_core
from scheduler.health import DEFAULT_GRACE, workers_health
from services import backup, reports
from services.auth import Actor
from services.clock import Clock, FixedClock, OffsetClock, SystemClock, parse_instant, utc_now
from services.demo import create_demo
from services.errors import DomainError, ValidationError
from services.file_check import DamagedDatabase, FileCheck, is_damage
from services.logfiles import setup_logging
from services.metering import UsageResult
from services.money import format_minor
from services.secrets import PG_PASSWORD, SecretStore
from services.subscriptions import SubscriptionInfo

__version__ = "0.1.0"

log = logging.getLogger("subscriptions")

DISTRIBUTION = "subscriptions-admin"
DESKTOP_LAUNCHER = "subscriptions-admin-desktop"  # pyproject's gui-scripts entry


def cli_actor_name() -> str:
    """``cli:<OS user>``: the audit names who ran a command. Never fails: an unknown user is told by uid."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no USER/LOGNAME and no password entry (a container's bare uid)
        user = f"uid{os.getuid()}" if hasattr(os, "getuid") else "unknown"
    user = "".join(ch for ch in user if ch.isprintable() and not ch.isspace()) or "unknown"
    return f"cli:{user}"[:64]


CLI_ACTOR = Actor(cli_actor_name(), "system")


# --- the command line ------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse quotes the offending argument as typed: keep the message one printable line.
        message = message.encode("utf-8", "backslashreplace").decode("utf-8")
        raise ValidationError(f"{self.prog}: {message}".replace("\r", "\\r").replace("\n", "\\n"))


EXIT_STATUS = """\
exit status:
  0  done
  1  done, with a "no": check found a violation, access refused, a top-up or job failed
  2  bad input, or something to fix here (the database, a missing library, no display)
  3  an unexpected failure: the message names the log file with the details
"""


def _command(commands: argparse._SubParsersAction[_Parser], name: str, summary: str, *examples: str) -> _Parser:
    """A sub-command whose --help states what it does and ends with examples of its use."""
    lines = [f"  %(prog)s {example}".rstrip() for example in examples]
    return commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog="\n".join(["examples:", *lines]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def build_parser() -> argparse.ArgumentParser:
    """The command line; --help names the program as it was invoked and shows examples."""
    parser = _Parser(
        description="Subscriptions Admin: back office for a subscription business.\n"
        "With no command it opens the desktop; each command prints one JSON object.",
        epilog="examples:\n"
        "  %(prog)s --demo                       open the desktop on a demo database\n"
        "  %(prog)s --db books.sqlite3 report    a command on another database: options go first\n"
        "  %(prog)s --db postgresql://subs@localhost/subs worker\n"
        "  %(prog)s topup --help                 one command's arguments, with examples\n\n" + EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db", metavar="URL", help="database: a file path, sqlite:///PATH or postgresql://… (default: user data dir)"
    )
    parser.add_argument(
        "--now", metavar="ISO", help="run as if it were this UTC moment (ISO 8601), for demos and tests"
    )
    parser.add_argument("--demo", action="store_true", help="open the GUI on a demo database, created on first use")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details to stderr")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    demo = _command(
        commands, "demo", "fill the database with a realistic demo business", "", "--customers 2000 --seed 11"
    )
    demo.add_argument("--customers", type=int, default=500, metavar="N", help="how many customers (default 500)")
    demo.add_argument("--seed", type=int, default=7, help="the same seed makes the same business (default 7)")
    worker = _command(
        commands,
        "worker",
        "run the scheduler headless until SIGINT/SIGTERM; or, with --status, report on the workers",
        "",
        "--status",
        "--status --grace-minutes 60",
    )
    worker.add_argument(
        "--status",
        action="store_true",
        help="print one JSON line on the jobs' leases and last runs; exit 1 when a job is overdue or its "
        "holder on this host has died",
    )
    worker.add_argument(
        "--grace-minutes",
        type=int,
        default=int(DEFAULT_GRACE.total_seconds() // 60),
        metavar="N",
        help="a job is overdue N minutes after its planned run (default %(default)s)",
    )
    renew = _command(
        commands,
        "renew",
        "one renewal pass; a subscription that would pay more than the renewals.catch_up_periods setting "
        "(5 by default) periods at once is held, and the pass exits 1 saying what it held",
        "",
        "--catch-up",
    )
    worker.add_argument("--catch-up", action="store_true", help=CATCH_UP_HELP + " (its first renewal pass)")
    renew.add_argument("--catch-up", action="store_true", help=CATCH_UP_HELP)
    _command(commands, "retry", "one retry pass", "")
    _command(commands, "report", "subscriptions, errors and wallets in numbers", "")
    _command(commands, "check", "integrity check; exit 1 on a violation", "")
    backup = _command(
        commands,
        "backup",
        "a consistent copy of the database while desks and workers go on (SQLite's online backup, checked "
        "page by page; pg_dump on PostgreSQL)",
        "",
        "/media/usb/",
        "/media/usb/books-before-migration.sqlite3",
    )
    backup.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="a new file, or a folder to name one in (default: a backups folder beside the database)",
    )
    restore = _command(
        commands,
        "restore",
        "put a backup in place of the database file (SQLite); close the desktop and stop the workers first. "
        "The file it replaces is kept beside it",
        "backups/subscriptions-20260301-013000.sqlite3",
    )
    restore.add_argument("file", type=Path, help="the backup to restore")
    invoice = _command(
        commands,
        "invoice",
        "one invoice with its lines, payments and credit notes; with --pdf, the invoice as the customer "
        "receives it, written to a PDF file (with --language alone: that document as text)",
        "INV-2026-000042",
        "42",
        "INV-2026-000042 --pdf INV-2026-000042.pdf",
        "INV-2026-000042 --pdf invoice.pdf --language ru",
    )
    invoice.add_argument("number", help="the invoice number (INV-2026-000042) or id")
    credit_note = _command(
        commands,
        "credit-note",
        "one credit note as the customer receives it, as text; with --pdf, written to a PDF file",
        "CN-2026-000007",
        "CN-2026-000007 --pdf CN-2026-000007.pdf --language en",
    )
    credit_note.add_argument("number", help="the credit note number (CN-2026-000007) or id")
    for document in (invoice, credit_note):
        document.add_argument(
            "--pdf", type=Path, metavar="FILE", help="write the document to this PDF file (readable by you alone)"
        )
        document.add_argument(
            "--language", choices=("en", "ru"), help="the document's language (default: the customer's)"
        )
    topup = _command(
        commands,
        "topup",
        "charge the card and credit the wallet",
        "ada@example.com 25.00",
        "ada@example.com 25.00 --currency EUR --key order-1187",
    )
    topup.add_argument("email", help="the customer's email or id")
    topup.add_argument("amount", help="in major units: 25 or 25.00")
    topup.add_argument("--currency", help="the wallet's currency (default: the customer's first wallet's)")
    topup.add_argument("--key", help="idempotency key: the same key never charges twice")
    for name, text in (
        ("subscribe", "start a subscription"),
        ("cancel", "turn auto-renew off"),
        ("reinstate", "turn auto-renew back on"),
    ):
        sub = _command(commands, name, text, "ada@example.com pro", "ada@example.com pro --reason 'asked by phone'")
        sub.add_argument("email", help="the customer's email or id")
        sub.add_argument("plan", help="the plan's code")
        sub.add_argument("--reason", default="", help="kept in the audit log")
    pause = _command(
        commands,
        "pause",
        "pause every scheduled job, in every desk and worker on the database",
        "--reason 'gateway maintenance'",
    )
    pause.add_argument("--reason", required=True, help="kept in the audit log and shown to every desk")
    resume = _command(
        commands, "resume", "let the scheduled jobs run on their timers again", "", "--reason 'maintenance over'"
    )
    resume.add_argument("--reason", default="", help="kept in the audit log")
    run_job = _command(
        commands,
        "run",
        "run one scheduled job now, through its lease",
        "renewals",
        "retries --reason 'after the outage'",
    )
    run_job.add_argument("job", choices=JOB_NAMES, metavar="JOB", help="one of: %(choices)s")
    run_job.add_argument("--reason", default="", help="kept in the audit log")
    usage = _command(
        commands,
        "usage",
        "record usage of a feature",
        "ada@example.com api_calls 120",
        "ada@example.com api_calls 120 --key batch-2026-03-01",
    )
    usage.add_argument("email", help="the customer's email or id")
    usage.add_argument("feature", help="the feature's code")
    usage.add_argument("qty", help="a positive whole number")
    usage.add_argument("--key", help="idempotency key: the same key never counts twice")
    access = _command(
        commands, "access", "may this customer use this feature now? exit 1 if not", "ada@example.com api_calls"
    )
    access.add_argument("email", help="the customer's email or id")
    access.add_argument("feature", help="the feature's code")
    gateway = _command(
        commands,
        "gateway",
        "show or change the simulated gateway's behaviour",
        "",
        "--error-rate 0.2 --latency-ms 50-400",
        "--outage on",
    )
    gateway.add_argument("--error-rate", metavar="RATE", help="share of calls that fail with a server error, 0 to 1")
    gateway.add_argument("--timeout-rate", metavar="RATE", help="share of calls that time out, 0 to 1")
    gateway.add_argument("--decline-rate", metavar="RATE", help="share of charges the card declines, 0 to 1")
    gateway.add_argument("--latency-ms", metavar="A-B", help="each call takes A to B milliseconds")
    gateway.add_argument(
        "--outage", choices=("on", "off"), help="while on, every call fails and nothing reaches the processor"
    )
    gateway.add_argument("--seed", help="the same seed makes the same failures")
    _command(
        commands,
        "db-password",
        "keep the PostgreSQL password in the system keyring, read from standard input; the URL itself never "
        "holds a password (without the keyring, libpq reads PGPASSWORD or ~/.pgpass)",
        "",
    )
    _command(
        commands,
        "install-desktop",
        "add the desktop to a Linux desktop's application menu (an entry and its icon, for this user)",
        "",
    )
    return parser


CATCH_UP_HELP = "pay every period due, however many: after a long downtime or a clock moved ahead on purpose"


def held_message(held: Mapping[str, Any], *, worker: bool = False) -> str:
    """What a pass held, for the person at the terminal, with how to let it pay."""
    amounts = ", ".join(
        f"{format_minor(amount, currency)} {currency}" for currency, amount in sorted(held["amounts_minor"].items())
    )
    how = "start the worker with --catch-up" if worker else "run `renew --catch-up`"
    return (
        f"held {held['subscriptions']:,} subscription(s): paying them up to now takes {held['periods']:,} "
        f"period(s), {amounts}, more than {held['limit']} period(s) each; nothing was charged for them. "
        f"If the clock is right, {how} to charge them all"
    )


def _gateway_changes(args: argparse.Namespace) -> dict:
    changes: dict[str, str] = {}
    for option, key in (
        ("error_rate", "gateway.error_rate"),
        ("timeout_rate", "gateway.timeout_rate"),
        ("decline_rate", "gateway.decline_rate"),
        ("outage", "gateway.outage"),
        ("seed", "gateway.seed"),
    ):
        value = getattr(args, option)
        if value is not None:
            changes[key] = value
    if args.latency_ms is not None:
        low, sep, high = args.latency_ms.partition("-")
        if not sep:
            low = high = args.latency_ms
        changes["gateway.latency_min_ms"], changes["gateway.latency_max_ms"] = low, high
    # Validate everything before anything is written.
    from services.settings import SETTINGS

    for key, value in changes.items():
        SETTINGS[key][1](value)
    return changes


def _check_quantity(text: str) -> int:
    digits = text.strip().removeprefix("+")
    if not (digits.isascii() and digits.isdigit()):
        raise ValidationError(f"quantity must be a positive whole number, not {text[:30]!r}")
    if len(digits) > 18:
        raise ValidationError(f"quantity {text[:30]!r}… is too large")
    return int(digits)


def run_command(args: argparse.Namespace, core: Core) -> tuple[dict | str, int]:
    command = args.command
    if command == "demo":
        return create_demo(core.clock, customers=args.customers, seed=args.seed), 0
    if command == "renew":
        summary = core.renewals.renew_due_subscriptions(CLI_ACTOR, catch_up=args.catch_up)
        if "held" in summary:
            print(f"error: {held_message(summary['held'])}", file=sys.stderr)
            return summary, 1
        return summary, 0
    if command == "retry":
        return core.run_retries(), 0
    if command == "invoice" and args.pdf is None and args.language is None:
        return _plain(core.invoices.get(args.number)), 0
    if command in ("invoice", "credit-note"):
        return document_command(args)
    if command == "report":
        return reports.summary_report(core.retries), 0
    if command == "backup":
        return backup.back_up(args.file, utc_now()).as_dict(), 0
    if command == "check":
        result = reports.integrity_check(core.clock.now())
        return result, 0 if result["ok"] else 1
    if command == "topup":
        info = core.payments.top_up(CLI_ACTOR, args.email, args.amount, args.currency, idempotency_key=args.key)
        subs = core.subscriptions.for_customer(args.email)
        return {"topup": _plain(info), "subscriptions": [_plain(s) for s in subs]}, 0 if info.status != "failed" else 1
    if command == "subscribe":
        return _plain(core.subscriptions.subscribe(CLI_ACTOR, args.email, args.plan, args.reason)), 0
    if command in ("cancel", "reinstate"):
        row = core.subscriptions.find_open(args.email, args.plan)
        action = core.subscriptions.cancel if command == "cancel" else core.subscriptions.reinstate
        return _plain(action(CLI_ACTOR, row.id, args.reason)), 0
    if command == "usage":
        qty = _check_quantity(args.qty)
        subs = [s for s in core.subscriptions.for_customer(args.email) if s.status != "expired"]
        return _plain(_usage_via_subscription(core, subs, args, qty)), 0
    if command == "access":
        decision = core.features.check_access(args.email, args.feature)
        return _plain(decision), 0 if decision.allowed else 1
    if command in ("pause", "resume"):
        control = core.scheduler_control()
        (control.pause if command == "pause" else control.resume)(CLI_ACTOR, args.reason)
        return {"paused": control.is_paused()}, 0
    if command == "run":
        state = core.scheduler_control().run_now(CLI_ACTOR, args.job, args.reason)
        held = (state.last_result or {}).get("held") if state is not None and args.job == "renewals" else None
        if held:
            print(f"error: {held_message(held)}", file=sys.stderr)
        return _plain(state), 0 if state is not None and not state.last_error and not held else 1
    if command == "gateway":
        changes = _gateway_changes(args)
        if changes:
            core.settings.update(CLI_ACTOR, changes, reason="command line", action="gateway.configure")
        return {"gateway": core.settings.get_many("gateway."), "circuit": _plain(core.circuit.info())}, 0
    raise ValidationError(f"unknown command {command!r}")


def check_pdf_target(path: Path | None) -> None:
    """Refuse, before anything is read or written, a --pdf FILE that cannot be written there."""
    if path is None:
        return
    if path.is_dir():
        raise ValidationError(f"--pdf {str(path)[:200]!r} is a folder; name a file in it")
    folder = path.parent
    if not folder.is_dir():
        raise ValidationError(f"--pdf: the folder {str(folder)[:200]!r} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValidationError(f"--pdf: the folder {str(folder)[:200]!r} cannot be written to")


def document_command(args: argparse.Namespace) -> tuple[dict | str, int]:
    """``invoice N --pdf FILE`` and ``credit-note N [--pdf FILE]``: the customer's document, as a PDF or as text."""
    from services.files import write_private_file
    from services.invoice_documents import DocumentKind, document_text, load_document

    kind = DocumentKind.INVOICE if args.command == "invoice" else DocumentKind.CREDIT_NOTE
    document = load_document(kind, args.number, args.language)
    if args.pdf is None:
        return document_text(document), 0
    from ui.pdf import document_pdf, ensure_gui_application

    ensure_gui_application()
    pdf = document_pdf(document)
    try:
        write_private_file(args.pdf, pdf)
    except OSError as error:
        raise ValidationError(f"cannot write {str(args.pdf)[:200]!r}: {error.strerror or error}") from None
    return {"pdf": str(args.pdf), "number": document.number, "language": document.language, "bytes": len(pdf)}, 0


def _usage_via_subscription(
    core: Core, subs: list[SubscriptionInfo], args: argparse.Namespace, qty: int
) -> UsageResult:
    """Record usage on the customer's subscription whose plan includes the feature."""
    from models.tables import Feature, PlanFeature
    from services.validation import storable

    feature = Feature.get_or_none(Feature.code == args.feature) if storable(args.feature) else None
    if feature is None:
        raise ValidationError(f"no feature {args.feature[:64]!r}")
    plan_ids = {r.plan_id for r in PlanFeature.select().where(PlanFeature.feature == feature.id)}
    for sub in subs:
        if sub.plan_id in plan_ids:
            return core.features.record_usage(CLI_ACTOR, sub.id, args.feature, qty, idempotency_key=args.key)
    raise ValidationError(f"{args.email} has no open subscription that includes {args.feature}")


def _plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(getattr(value, k)) for k in value.__dataclass_fields__}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _print_json(payload: object) -> None:
    print(json.dumps(payload, default=str, indent=2, ensure_ascii=False))


def _make_clock(args: argparse.Namespace, command: str | None) -> Clock:
    if not args.now:
        # A demo desk may jump its clock forward to watch renewals happen.
        return OffsetClock() if (args.demo and command is None) else SystemClock()
    moment = parse_instant(args.now)
    if command in ("worker", None):
        return OffsetClock(moment - utc_now())
    return FixedClock(moment)


# A worker is gone within two seconds of SIGTERM: the passes stop at their next batch or item.
WORKER_STOP_SECONDS = 1.5


def _on_worker_event(event: Any) -> None:
    log.info("%s %s %s", event.kind, event.job or "", event.error or event.result or "")
    held = (event.result or {}).get("held") if event.job == "renewals" and isinstance(event.result, dict) else None
    if held:
        print(json.dumps({"renewals_held": held}), flush=True)
        print(f"error: {held_message(held, worker=True)}", file=sys.stderr, flush=True)


def run_worker(core: Core, catch_up: bool = False) -> int:
    stop = threading.Event()
    core.catch_up_next_pass = catch_up

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %s: stopping", signum)
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    scheduler = core.build_scheduler(on_event=_on_worker_event)
    scheduler.start()
    if catch_up:  # now, not at the next renewal time: the pass that held ran earlier today
        scheduler.run_now("renewals")
    print(json.dumps({"worker": "started", "owner": core.owner}), flush=True)
    while not stop.wait(0.5):
        pass
    stopped = scheduler.stop(timeout=WORKER_STOP_SECONDS)
    print(json.dumps({"worker": "stopped", "clean": stopped}), flush=True)
    if not stopped:  # a call still in flight: leave it to the reconciliation sweep of the next start
        log.warning("stopped with work still running; payments left in flight are reconciled at the next start")
        logging.shutdown()
        os._exit(1)
    return 0


def report_workers_health(core: Core, grace_minutes: int) -> int:
    """One JSON line on every job's lease and last run; 1 when one is overdue or held by a dead process."""
    with connection():
        health = workers_health(JOB_NAMES, core.clock.now(), grace=timedelta(minutes=grace_minutes))
    print(json.dumps(health.as_json(), default=str, ensure_ascii=False), flush=True)
    return 0 if health.ok else 1


def refuse_demo_over_real_data() -> None:
    """The demo adds administrators with published passwords: never next to real operators or customers."""
    from models.db import database
    from models.tables import Customer, Operator

    with connection():
        # Before the migrations run (which would write): a table that does not exist yet holds nobody.
        taken = any(
            database.table_exists(model._meta.table_name) and model.select().exists() for model in (Operator, Customer)
        )
    if taken:
        raise ValidationError(
            "this database already has operators or customers; the demo fills only a new, empty database "
            "(without --db it uses the demo database, the one --demo opens)"
        )


def demo_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("subscriptions-admin", appauthor=False) / "demo.sqlite3"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command == "usage":
            _check_quantity(args.qty)
        if args.command == "gateway":
            _gateway_changes(args)
        if args.command in ("invoice", "credit-note"):
            check_pdf_target(args.pdf)
        if args.command == "worker" and args.status and args.catch_up:
            raise ValidationError("--catch-up lets a running worker's renewal pass pay every period; not with --status")
        if args.command == "worker" and not 0 <= args.grace_minutes <= 100_000:
            raise ValidationError("--grace-minutes must be from 0 to 100,000")
        if args.command == "demo" and not 1 <= args.customers <= 1_000_000:
            raise ValidationError("--customers must be from 1 to 1,000,000")
        clock = _make_clock(args, args.command)
    except ValidationError as error:
        print(f"error: {redact(error)}", file=sys.stderr)
        return 2
    log_file = setup_logging(_log_role(args), args.verbose)
    log.info("subscriptions-admin %s, %s, pid %d", __version__, args.command or "desktop", os.getpid())
    if args.command == "install-desktop":
        return install_desktop()
    if args.command == "db-password":
        return store_database_password(sys.stdin)
    if args.command == "restore":  # before the database opens: it may be the damaged file being replaced
        return restore_database(args)
    if args.command is None:
        reason = desktop_unavailable_reason(os.environ, sys.platform)
        if reason:
            print(f"error: {reason}", file=sys.stderr)
            return 2
    if args.command not in (None, "worker"):
        on_waiting_for_writer(_say_waiting_once())
    db_url = args.db
    if (args.demo or args.command == "demo") and not db_url:
        db_url = str(demo_database_path())  # never the default (real) database
        private_sqlite_file(Path(db_url), own_folder=True)
    try:
        init_database(db_url, password=database_password)
        if args.command == "demo":
            refuse_demo_over_real_data()
        migrate()
    except (DatabaseUrlError, DomainError) as error:
        print(f"error: {redact(error)}", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - a database that cannot open is the user's problem to fix
        if is_database_locked(error):
            log.info("the database stayed locked", exc_info=True)  # the file only: the cause is known
            print(f"error: {STILL_LOCKED}", file=sys.stderr)
            return 2
        if is_damage(error):
            return refuse_damaged_file(args, DamagedDatabase(redact(db_url or default_database_path()), [str(error)]))
        log.exception("cannot open the database")  # the log's formatter redacts passwords
        print(f"error: cannot open the database: {redact(error)}", file=sys.stderr)
        return 2
    file_check = None
    path = sqlite_file()
    if path is not None and (args.command is None or (args.command == "worker" and not args.status)):
        # A damaged file is never written to. The worker checks before it starts; the desktop checks on
        # a thread of its own while the operator signs in, and every write waits for the verdict.
        file_check = FileCheck(path).start()
        if args.command == "worker" and (damage := file_check.verdict()) is not None:
            return refuse_damaged_file(args, damage)
        set_write_gate(file_check)
    if args.demo and args.command is None and not args.now:
        from services.demo_clock import demo_clock

        clock = demo_clock()  # goes on from where the last demo desk's clock had travelled
    core = build_core(clock)
    if args.command is None:
        return run_gui(core, args, file_check)
    if args.command == "worker":
        return report_workers_health(core, args.grace_minutes) if args.status else run_worker(core, args.catch_up)
    try:
        payload, code = run_command(args, core)
    except DomainError as error:
        print(f"error: {redact(error)}", file=sys.stderr)
        return error.exit_code
    except Exception as error:  # noqa: BLE001
        if is_database_locked(error):
            log.info("command %s found the database locked", args.command, exc_info=True)
            print(f"error: {STILL_LOCKED}", file=sys.stderr)
            return 2
        log.exception("command %s failed", args.command)
        where = f"details are in {log_file}" if log_file else "details are in the log"
        print(f"error: unexpected failure; {where}", file=sys.stderr)
        return 3
    if isinstance(payload, str):  # a document shown as text
        print(payload, end="")
    else:
        _print_json(payload)
    return code


STILL_LOCKED = "another program kept the database locked for writing for 15 seconds; nothing was written, try again"


def _say_waiting_once() -> Callable[[], None]:
    """Tell the person at the terminal, once, why the command is not finishing yet."""
    told = False

    def say() -> None:
        nonlocal told
        if not told:
            told = True
            print("waiting for another program to finish writing to the database…", file=sys.stderr, flush=True)

    return say


def restore_database(args: argparse.Namespace) -> int:
    url = str(args.db) if args.db else str(default_database_path())
    if url.startswith(("postgresql://", "postgres://")):
        print("error: restore a PostgreSQL dump with pg_restore --clean --dbname=… FILE", file=sys.stderr)
        return 2
    path = Path(url.removeprefix("sqlite:///")).expanduser()
    try:
        result = backup.restore(args.file, path, utc_now())
    except DomainError as error:
        print(f"error: {redact(error)}", file=sys.stderr)
        return error.exit_code
    _print_json(result)
    return 0


def refuse_damaged_file(args: argparse.Namespace, damage: DamagedDatabase) -> int:
    """Say that the file is damaged and what to do; `check` reports it as its violation (exit 1)."""
    log.info("refused a damaged database file: %s", damage)  # the file only: stderr gets one line
    # A file SQLite does not recognise at all may be the wrong file, not a damaged one: that is bad
    # input (exit 2, one line), as it has always been.
    if args.command == "check" and not any("file is not a database" in p for p in damage.problems):
        _print_json({"ok": False, "violations": [reports.damage_violation(damage.problems)]})
        return 1
    if args.command is None:
        from ui.errors import show_start_failure

        show_start_failure(str(damage))
    print(f"error: {damage}", file=sys.stderr)
    return 2


def run_gui(core: Core, args: argparse.Namespace, file_check: FileCheck | None = None) -> int:
    if args.demo:
        from models.tables import Customer

        if not Customer.select().exists():
            from services.demo import stage_demo_activity

            print("Creating the demo database (a few seconds, once)…", file=sys.stderr, flush=True)

            create_demo(core.clock, customers=500, seed=7, overdue_share=0.08)
            stage_demo_activity(core.payments, core.settings, CLI_ACTOR)
    from ui.app import run_application  # desktop_unavailable_reason() has proven it imports

    return run_application(core, args, file_check)


def _log_role(args: argparse.Namespace) -> str:
    if args.command is None:
        return "desktop"
    # A status check is a short command, not a worker: it gets a command line's log.
    return "worker" if args.command == "worker" and not args.status else "cli"


# --- starting the desktop --------------------------------------------------------

DISPLAY_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd")  # where Qt needs an X11 or Wayland display


def desktop_unavailable_reason(environ: Mapping[str, str], platform: str) -> str | None:
    """Why the desktop cannot start here, in one line, or None when it can.

    Checked before the database opens, so a server without a display or a broken install gets a
    sentence and exit 2, not Qt's abort. A QT_QPA_PLATFORM the user set (offscreen, vnc…) is
    taken as their decision.
    """
    if (
        platform.startswith(DISPLAY_PLATFORMS)
        and not environ.get("QT_QPA_PLATFORM")
        and not environ.get("DISPLAY")
        and not environ.get("WAYLAND_DISPLAY")
    ):
        return (
            "no display to open the desktop on (neither DISPLAY nor WAYLAND_DISPLAY is set): start it in a "
            "graphical session, or run a command instead (see --help)"
        )
    try:
        from importlib.util import find_spec

        import ui.app  # noqa: F401 - loads Qt, which is what may fail

        if find_spec("pyqtgraph") is None:  # the dashboard's charts import it once the desk is up
            raise ModuleNotFoundError("No module named 'pyqtgraph'", name="pyqtgraph")
    except ModuleNotFoundError as error:
        log.info("the desktop cannot import a module", exc_info=True)
        missing = error.name or str(error)
        requirement = _declared_requirement(missing.partition(".")[0]) or missing.partition(".")[0]
        return (
            f"the desktop needs the Python module {missing}, which is not installed; install it with: "
            f"{sys.executable} -m pip install '{requirement}'"
        )
    except ImportError as error:
        log.info("the desktop cannot load a library", exc_info=True)
        return (
            f"the desktop cannot load a library Qt needs ({error}); install Qt's system libraries "
            f"(on Debian: apt-get install libegl1 libgl1 libfontconfig1 libxkbcommon0)"
        )
    return None


def _declared_requirement(module: str) -> str | None:
    """The app's own dependency line that provides a top-level module (PySide6 -> PySide6-Essentials>=…)."""
    from importlib.metadata import PackageNotFoundError, requires  # only on this error path: slow to import

    try:
        declared = requires(DISTRIBUTION) or []
    except PackageNotFoundError:  # a checkout that was never installed
        return None
    wanted = module.lower()
    for requirement in declared:
        if ";" in requirement:  # an extra's dependency, not the desktop's
            continue
        name = re.split(r"[\s<>=!~\[(]", requirement, maxsplit=1)[0].lower().replace("-", "_")
        if name == wanted or name.startswith(f"{wanted}_"):
            return requirement.replace(" ", "")
    return None


def desktop_main() -> int:
    """pyproject's gui-scripts entry: on Windows it starts with no console, so stdout and stderr are None."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
    return main()


# --- the desktop entry (Linux menus) ----------------------------------------------


def desktop_command() -> list[str]:
    """How a menu starts the desktop: the launcher installed beside this Python, else this file run by this Python."""
    search = os.pathsep.join((sysconfig.get_path("scripts"), os.environ.get("PATH", "")))
    launcher = shutil.which(DESKTOP_LAUNCHER, path=search)
    return [os.path.abspath(launcher)] if launcher else [sys.executable, str(Path(__file__).resolve())]


def database_password() -> str | None:
    """The PostgreSQL password from the keyring (or SUBS_PG_PASSWORD); None lets libpq try PGPASSWORD and ~/.pgpass."""
    try:
        return SecretStore().get(PG_PASSWORD)
    except Exception:  # noqa: BLE001 - no keyring is not an error: libpq has its own sources
        log.warning("could not read the database password from the keyring", exc_info=True)
        return None


def store_database_password(stream: TextIO) -> int:
    """Keep the first line of ``stream`` as the PostgreSQL password in the system keyring."""
    password = stream.readline().rstrip("\r\n")
    if not password:
        print("error: give the password on standard input", file=sys.stderr)
        return 2
    if not SecretStore().set(PG_PASSWORD, password):
        print("error: no system keyring here: put the password in PGPASSWORD or ~/.pgpass instead", file=sys.stderr)
        return 2
    _print_json({"db_password": "kept in the system keyring"})
    return 0


def install_desktop() -> int:
    from platformdirs import user_data_path

    from resources.desktop_entry import install_desktop_entry

    if not sys.platform.startswith(DISPLAY_PLATFORMS):
        print("error: install-desktop writes a freedesktop.org menu entry, for Linux and BSD desktops", file=sys.stderr)
        return 2
    command = desktop_command()
    try:
        installed = install_desktop_entry(user_data_path(), command)
    except OSError as error:
        print(f"error: cannot install the desktop entry: {error}", file=sys.stderr)
        return 2
    _print_json({"desktop_entry": str(installed.entry), "icon": str(installed.icon), "exec": command})
    return 0


if __name__ == "__main__":
    sys.exit(main())
