"""Subscriptions Admin: the composition root and the command line.

Builds the database, services and scheduler, hands each what it needs, and
tears them down in reverse. Every command prints one JSON object; bad
arguments print one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import logging.handlers
import signal
import sys
import threading
from pathlib import Path

from models.db import DatabaseUrlError, init_database
from models.migrations import migrate
from scheduler.core import JOB_NAMES, Core, build_core
from services import reports
from services.auth import Actor
from services.clock import FixedClock, OffsetClock, SystemClock, parse_instant, utc_now
from services.demo import create_demo
from services.errors import DomainError, ValidationError

log = logging.getLogger("subscriptions")

CLI_ACTOR = Actor("cli", "system")


# --- logging -------------------------------------------------------------------


def log_path() -> Path:
    from platformdirs import user_log_path

    return user_log_path("subscriptions-admin", appauthor=False) / "subscriptions-admin.log"


def setup_logging(verbose: bool = False) -> None:
    root = logging.getLogger()
    if root.handlers:
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(console)
    try:
        path = log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=5_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
        root.addHandler(handler)
    except OSError as error:
        root.warning("cannot write the log file: %s", error)


# --- the command line ------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        # argparse quotes the offending argument as typed: keep the message one printable line.
        message = message.encode("utf-8", "backslashreplace").decode("utf-8")
        raise ValidationError(f"{self.prog}: {message}".replace("\r", "\\r").replace("\n", "\\n"))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="Subscriptions Admin: back office for a subscription business.")
    parser.add_argument("--db", help="database: a file path, sqlite:///PATH or postgresql://… (default: user data dir)")
    parser.add_argument("--now", help="run as if it were this UTC moment (ISO 8601), for demos and tests")
    parser.add_argument("--demo", action="store_true", help="open the GUI on a demo database, created on first use")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details to stderr")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    demo = commands.add_parser("demo", help="fill the database with a realistic demo business")
    demo.add_argument("--customers", type=int, default=500)
    demo.add_argument("--seed", type=int, default=7)
    commands.add_parser("worker", help="run the scheduler headless until SIGINT/SIGTERM")
    commands.add_parser("renew", help="one renewal pass")
    commands.add_parser("retry", help="one retry pass")
    commands.add_parser("report", help="subscriptions, errors and wallets in numbers")
    commands.add_parser("check", help="integrity check; exit 1 on a violation")
    invoice = commands.add_parser("invoice", help="one invoice with its lines, payments and credit notes")
    invoice.add_argument("number", help="the invoice number (INV-2026-000042) or id")
    topup = commands.add_parser("topup", help="charge the card and credit the wallet")
    topup.add_argument("email")
    topup.add_argument("amount")
    topup.add_argument("--currency")
    topup.add_argument("--key", help="idempotency key: the same key never charges twice")
    for name, text in (("subscribe", "start a subscription"), ("cancel", "turn auto-renew off"),
                       ("reinstate", "turn auto-renew back on")):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("email")
        sub.add_argument("plan")
        sub.add_argument("--reason", default="")
    pause = commands.add_parser("pause", help="pause every scheduled job, in every desk and worker on the database")
    pause.add_argument("--reason", required=True)
    resume = commands.add_parser("resume", help="let the scheduled jobs run on their timers again")
    resume.add_argument("--reason", default="")
    run_job = commands.add_parser("run", help="run one scheduled job now, through its lease")
    run_job.add_argument("job", choices=JOB_NAMES)
    run_job.add_argument("--reason", default="")
    usage = commands.add_parser("usage", help="record usage of a feature")
    usage.add_argument("email")
    usage.add_argument("feature")
    usage.add_argument("qty")
    usage.add_argument("--key")
    access = commands.add_parser("access", help="may this customer use this feature now?")
    access.add_argument("email")
    access.add_argument("feature")
    gateway = commands.add_parser("gateway", help="show or change the simulated gateway's behaviour")
    gateway.add_argument("--error-rate")
    gateway.add_argument("--timeout-rate")
    gateway.add_argument("--decline-rate")
    gateway.add_argument("--latency-ms", help="A-B milliseconds")
    gateway.add_argument("--outage", choices=("on", "off"))
    gateway.add_argument("--seed")
    return parser


def _gateway_changes(args) -> dict:
    changes = {}
    for option, key in (("error_rate", "gateway.error_rate"), ("timeout_rate", "gateway.timeout_rate"),
                        ("decline_rate", "gateway.decline_rate"), ("outage", "gateway.outage"),
                        ("seed", "gateway.seed")):
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


def run_command(args, core: Core) -> tuple[dict, int]:
    command = args.command
    if command == "demo":
        return create_demo(core.clock, customers=args.customers, seed=args.seed), 0
    if command == "renew":
        return core.renewals.renew_due_subscriptions(CLI_ACTOR), 0
    if command == "retry":
        return core.run_retries(), 0
    if command == "invoice":
        return _plain(core.invoices.get(args.number)), 0
    if command == "report":
        return reports.summary_report(core.retries), 0
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
        return _plain(state), 0 if state is not None and not state.last_error else 1
    if command == "gateway":
        changes = _gateway_changes(args)
        if changes:
            core.settings.update(CLI_ACTOR, changes, reason="command line", action="gateway.configure")
        return {"gateway": core.settings.get_many("gateway."), "circuit": _plain(core.circuit.info())}, 0
    raise ValidationError(f"unknown command {command!r}")


def _usage_via_subscription(core: Core, subs, args, qty: int):
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


def _plain(value):
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(getattr(value, k)) for k in value.__dataclass_fields__}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _print_json(payload) -> None:
    print(json.dumps(payload, default=str, indent=2, ensure_ascii=False))


def _make_clock(args, command: str | None):
    if not args.now:
        # A demo desk may jump its clock forward to watch renewals happen.
        return OffsetClock() if (args.demo and command is None) else SystemClock()
    moment = parse_instant(args.now)
    if command in ("worker", None):
        return OffsetClock(moment - utc_now())
    return FixedClock(moment)


def run_worker(core: Core) -> int:
    stop = threading.Event()

    def on_signal(signum, _frame):
        log.info("signal %s: stopping", signum)
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    scheduler = core.build_scheduler(
        on_event=lambda e: log.info("%s %s %s", e.kind, e.job or "", e.error or e.result or ""))
    scheduler.start()
    print(json.dumps({"worker": "started", "owner": core.owner}), flush=True)
    while not stop.wait(0.5):
        pass
    stopped = scheduler.stop(timeout=30)
    print(json.dumps({"worker": "stopped", "clean": stopped}), flush=True)
    return 0 if stopped else 1


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
        if args.command == "demo" and not 1 <= args.customers <= 1_000_000:
            raise ValidationError("--customers must be from 1 to 1,000,000")
        clock = _make_clock(args, args.command)
    except ValidationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    setup_logging(args.verbose)
    db_url = args.db
    if args.demo and not db_url:
        db_url = str(demo_database_path())
        Path(db_url).parent.mkdir(parents=True, exist_ok=True)
    try:
        init_database(db_url)
        migrate()
    except (DatabaseUrlError, DomainError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - a database that cannot open is the user's problem to fix
        log.exception("cannot open the database")
        print(f"error: cannot open the database: {error}", file=sys.stderr)
        return 2
    core = build_core(clock)
    if args.command is None:
        return run_gui(core, args)
    if args.command == "worker":
        return run_worker(core)
    try:
        payload, code = run_command(args, core)
    except DomainError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    except Exception:  # noqa: BLE001
        log.exception("command %s failed", args.command)
        print(f"error: unexpected failure; details are in {log_path()}", file=sys.stderr)
        return 3
    _print_json(payload)
    return code


def run_gui(core: Core, args) -> int:
    if args.demo:
        from models.tables import Customer

        if not Customer.select().exists():
            from services.demo import stage_demo_activity

            print("Creating the demo database (a few seconds, once)…", file=sys.stderr, flush=True)

            create_demo(core.clock, customers=500, seed=7, overdue_share=0.08)
            stage_demo_activity(core.payments, core.settings, CLI_ACTOR)
    try:
        from ui.app import run_application
    except ImportError:
        _print_json({"report": reports.summary_report(core.retries), "check": reports.integrity_check()})
        return 0
    return run_application(core, args)


if __name__ == "__main__":
    sys.exit(main())
