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
    is_permission_denied,
    on_waiting_for_writer,
    private_sqlite_file,
    redact,
    set_write_gate,
    sqlite_file,
)
from models.migrations import MigrationNeedsOwner, current_version, migrate
from models.pg_roles import DEFAULT_PREFIX, GROUPS, RolesError, apply_grants, grant_login
from scheduler.core import JOB_NAMES, Core, build_core
from scheduler.health import DEFAULT_GRACE, workers_health
from services import backup, reports
from services.auth import Actor
from services.clock import Clock, FixedClock, OffsetClock, SystemClock, parse_instant, utc_now
from services.customer_notices import NOTICE_KINDS
from services.demo import create_demo
from services.errors import DomainError, StorageFailure, ValidationError
from services.file_check import DamagedDatabase, FileCheck, is_damage
from services.logfiles import setup_logging
from services.mail_templates import Business
from services.mail_templates import preview as preview_notice
from services.metering import UsageResult
from services.money import CUSTOMER_LANGUAGES, format_minor
from services.secrets import MAIL_PASSWORD, PG_PASSWORD, SecretStore
from services.storage_health import storage_problem
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
    _auto_topup_commands(commands)
    # --- customer notices by email -------------------------------------------------------
    _command(commands, "send-notices", "send the customer notices that are due now, through the mail server", "")
    mail_test = _command(
        commands,
        "mail-test",
        "send a test message through the mail server in the settings",
        "admin@example.com",
    )
    mail_test.add_argument("address", help="where to send the test message")
    preview = _command(
        commands,
        "notice-preview",
        "a kind of customer notice as a sample customer would get it: subject and plain text (or HTML)",
        "receipt",
        "renewal_due_soon --language ru --html",
    )
    preview.add_argument("kind", help="one of: " + ", ".join(NOTICE_KINDS))
    preview.add_argument("--language", default="en", help="en or ru (default en)")
    preview.add_argument("--html", action="store_true", help="the HTML part instead of the plain text")
    mail = _command(
        commands,
        "mail",
        "show or change the mail server customer notices go through (the password: mail-password)",
        "",
        "--host smtp.example.com --port 587 --security starttls --user billing --from billing@example.com",
    )
    mail.add_argument("--host", help="the SMTP server's name or address")
    mail.add_argument("--port", help="its port (587 for STARTTLS, 465 for TLS, 25 without)")
    mail.add_argument("--security", choices=("starttls", "tls", "none"), help="how the connection is secured")
    mail.add_argument("--user", help="the user name to sign in with (empty: no sign-in)")
    mail.add_argument("--from", dest="from_address", metavar="ADDRESS", help="the From address of every notice")
    _command(
        commands,
        "mail-password",
        "keep the mail server's password in the system keyring, read from standard input "
        "(a worker without a keyring reads SUBS_MAIL_PASSWORD)",
        "",
    )
    _command(
        commands,
        "db-password",
        "keep the PostgreSQL password in the system keyring, read from standard input; the URL itself never "
        "holds a password (without the keyring, libpq reads PGPASSWORD or ~/.pgpass)",
        "",
    )
    _add_customer_notice_commands(commands)
    db_roles = _command(
        commands,
        "db-roles",
        "PostgreSQL: create or update the group roles PREFIX_viewer, PREFIX_operator and PREFIX_admin and their "
        "grants (run it with the login that owns the tables); with --grant-login, make an existing login a member "
        "of one of them",
        "",
        "--grant-login ana_desk --as viewer",
        "--prefix acme --grant-login acme_worker --as operator",
    )
    db_roles.add_argument(
        "--prefix", default=DEFAULT_PREFIX, help="the roles' names start with it (default %(default)s)"
    )
    db_roles.add_argument("--grant-login", metavar="NAME", help="an existing database login (CREATE ROLE … LOGIN)")
    db_roles.add_argument("--as", dest="as_group", choices=GROUPS, help="the group the login joins (alone)")
    _command(commands, "migrate", "bring the schema up to date (every command does so first); print its version", "")
    _command(
        commands,
        "install-desktop",
        "add the desktop to a Linux desktop's application menu (an entry and its icon, for this user)",
        "",
    )
    return parser


# --- customer notices: the customer's language and "no email", what they were sent, sending one again ---


def _add_customer_notice_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    language = _command(
        commands,
        "customer-language",
        "the language the customer's notices are written in",
        "ada@example.com ru",
        "ada@example.com en --reason 'asked by phone'",
    )
    language.add_argument("email", help="the customer's email or id")
    language.add_argument("language", choices=CUSTOMER_LANGUAGES, metavar="LANGUAGE", help="one of: %(choices)s")
    language.add_argument("--reason", default="", help="kept in the audit log")
    no_email = _command(
        commands,
        "customer-no-email",
        "on: send the customer nothing (their notices are kept, marked suppressed); off: send again",
        "ada@example.com on --reason 'asked not to be emailed'",
    )
    no_email.add_argument("email", help="the customer's email or id")
    no_email.add_argument("state", choices=("on", "off"), metavar="on|off", help="on: no email; off: email again")
    no_email.add_argument("--reason", default="", help="kept in the audit log")
    listed = _command(commands, "notices", "every notice sent to a customer, newest first", "ada@example.com")
    listed.add_argument("email", help="the customer's email or id")
    resend = _command(
        commands,
        "notice-resend",
        "send a customer notice again: a new pending copy of it",
        "42 --reason 'lost in their spam folder'",
    )
    resend.add_argument("id", help="the notice's number, as `notices` lists it")
    resend.add_argument("--reason", default="", help="kept in the audit log")


def _run_customer_notice_command(args: argparse.Namespace, core: Core) -> tuple[dict, int] | None:
    """The command's answer, or None when it is not one of these."""
    if args.command == "customer-language":
        return _plain(core.customers.set_language(CLI_ACTOR, args.email, args.language, args.reason)), 0
    if args.command == "customer-no-email":
        info = core.customers.set_no_email(CLI_ACTOR, args.email, args.state == "on", args.reason)
        return _plain(info), 0
    if args.command == "notices":
        return {"notices": _plain(core.customer_notices.for_customer(args.email))}, 0
    if args.command == "notice-resend":
        from services.validation import row_id_in

        notice_id = row_id_in(args.id)
        if notice_id is None:
            raise ValidationError(f"a notice is named by its number, not {args.id[:30]!r}")
        return _plain(core.customer_notices.resend(CLI_ACTOR, notice_id, args.reason)), 0
    return None


# --- saved cards and automatic top-up ------------------------------------------------


def _auto_topup_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    from services.gateway import TEST_CARDS

    card = _command(
        commands,
        "card",
        "a customer's saved cards for automatic top-up: add, list, remove",
        "add ada@example.com pm_card_visa",
        "list ada@example.com",
        "remove 7 --reason 'card lost'",
    )
    card_commands = card.add_subparsers(
        dest="card_command", parser_class=_Parser, metavar="ACTION", required=True, help="add, list or remove"
    )
    add = card_commands.add_parser("add", help="save a card reference the gateway knows")
    add.add_argument("email", help="the customer's email or id")
    add.add_argument("token", help="the gateway's card reference; test cards: " + ", ".join(TEST_CARDS))
    add.add_argument("--reason", default="", help="kept in the audit log")
    listed = card_commands.add_parser("list", help="the customer's saved cards")
    listed.add_argument("email", help="the customer's email or id")
    listed.add_argument("--all", action="store_true", help="removed cards too")
    remove = card_commands.add_parser("remove", help="forget a saved card; a rule charging it is turned off")
    remove.add_argument("card_id", help="the card's id (card list shows it)")
    remove.add_argument("--reason", default="", help="kept in the audit log")

    rule = _command(
        commands,
        "autotopup",
        "a customer's automatic top-up: set it or turn it off",
        "set ada@example.com --before-renewal-days 3 --round-to 10.00",
        "set ada@example.com --below 5.00 --amount 20.00 --card pm_card_visa",
        "off ada@example.com --reason 'asked by phone'",
    )
    rule_commands = rule.add_subparsers(
        dest="autotopup_command", parser_class=_Parser, metavar="ACTION", required=True, help="set or off"
    )
    set_rule = rule_commands.add_parser(
        "set",
        help="charge a saved card N days before a renewal the wallet cannot pay (the shortfall rounded up to X), "
        "or whenever the balance is below T (Y each time)",
    )
    set_rule.add_argument("email", help="the customer's email or id")
    set_rule.add_argument("--before-renewal-days", type=int, metavar="N", help="days before the renewal, 1 to 60")
    set_rule.add_argument("--round-to", metavar="X", help="charge the shortfall rounded up to a multiple of X")
    set_rule.add_argument("--below", metavar="T", help="top up when the balance is below T")
    set_rule.add_argument("--amount", metavar="Y", help="how much to top up each time the balance is below T")
    set_rule.add_argument("--card", help="the saved card's id or reference (default: the customer's only card)")
    set_rule.add_argument("--currency", help="the wallet's currency (default: the customer's first wallet's)")
    set_rule.add_argument("--reason", default="", help="kept in the audit log")
    off = rule_commands.add_parser("off", help="turn the customer's automatic top-up off")
    off.add_argument("email", help="the customer's email or id")
    off.add_argument("--currency", help="only the wallet in this currency")
    off.add_argument("--reason", default="", help="kept in the audit log")
    _command(
        commands,
        "autotopup-sweep",
        "charge every automatic top-up that is due now (the reminders job does this every hour)",
        "",
    )


def _rule_kind(args: argparse.Namespace) -> str:
    before = args.before_renewal_days is not None or args.round_to is not None
    below = args.below is not None or args.amount is not None
    if before == below:
        raise ValidationError("give --before-renewal-days N --round-to X, or --below T --amount Y")
    return "before_renewal" if before else "below_balance"


def _chosen_card(core: Core, email: str, card: str | None) -> int:
    """The card ``--card`` names (an id or a gateway reference), or the customer's only saved card."""
    from services.validation import row_id_in

    cards = core.cards.cards(email)
    if card is None:
        if len(cards) != 1:
            raise ValidationError(
                f"the customer has {len(cards)} saved cards; name one with --card (card list shows them)"
            )
        return cards[0].id
    text = card.strip()
    card_id = row_id_in(text)
    if card_id is not None:
        return card_id
    found = [c.id for c in cards if c.token == text]
    if not found:
        raise ValidationError(f"the customer has no saved card {text[:64]!r}; add it with card add")
    return found[0]


def run_auto_topup_command(args: argparse.Namespace, core: Core) -> tuple[dict, int]:
    from services.validation import row_id_in

    service, cards = core.auto_topup, core.cards
    if args.command == "card":
        if args.card_command == "add":
            return {"card": _plain(cards.add_card(CLI_ACTOR, args.email, args.token, args.reason))}, 0
        if args.card_command == "list":
            return {"cards": [_plain(c) for c in cards.cards(args.email, include_removed=args.all)]}, 0
        card_id = row_id_in(args.card_id.strip())
        if card_id is None:
            raise ValidationError(f"no saved card {args.card_id[:30]!r}; card list shows their ids")
        return {"card": _plain(cards.remove_card(CLI_ACTOR, card_id, args.reason))}, 0
    if args.command == "autotopup":
        if args.autotopup_command == "off":
            rules = service.turn_off(CLI_ACTOR, args.email, args.currency, args.reason)
            return {"rules": [_plain(r) for r in rules]}, 0
        kind = _rule_kind(args)
        info = service.set_rule(
            CLI_ACTOR,
            args.email,
            kind,
            card_id=_chosen_card(core, args.email, args.card),
            currency=args.currency,
            days_before=args.before_renewal_days,
            round_to=args.round_to,
            threshold=args.below,
            amount=args.amount,
            reason=args.reason,
        )
        from services.auto_topup import describe_rule

        return {"rule": _plain(info), "says": describe_rule(info)}, 0
    return {"auto_topup": service.sweep()}, 0


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


def _mail_changes(args: argparse.Namespace) -> dict:
    """The mail settings given on the command line, each checked before anything is written."""
    from services.settings import SETTINGS

    changes = {
        key: value
        for key, value in (
            ("mail.host", args.host),
            ("mail.port", args.port),
            ("mail.security", args.security),
            ("mail.user", args.user),
            ("mail.from", args.from_address),
        )
        if value is not None
    }
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
    notice_answer = _run_customer_notice_command(args, core)
    if notice_answer is not None:
        return notice_answer
    if command in ("card", "autotopup", "autotopup-sweep"):
        return run_auto_topup_command(args, core)
    if command == "mail":
        changes = _mail_changes(args)
        if changes:
            core.settings.update(CLI_ACTOR, changes, reason="command line")
        return {"mail": core.settings.get_many("mail."), "password_set": core.secrets.get(MAIL_PASSWORD) is not None}, 0
    if command == "send-notices":
        return core.mail.send_due_notices(core.clock.now()), 0
    if command == "mail-test":
        sent = core.mail.send_test_message(args.address)
        return {"sent_to": sent.to_address, "server": sent.server, "message_id": sent.message_id}, 0
    if command == "notice-preview":
        rendered = preview_notice(args.kind, args.language, Business.from_settings(core.settings))
        body = {"html": rendered.html} if args.html else {"text": rendered.text}
        return {"subject": rendered.subject, **body}, 0
    if command == "db-roles":
        return database_roles(args), 0
    if command == "migrate":
        with connection():
            return {"schema_version": current_version()}, 0
    if command == "gateway":
        changes = _gateway_changes(args)
        if changes:
            core.settings.update(CLI_ACTOR, changes, reason="command line", action="gateway.configure")
        return {"gateway": core.settings.get_many("gateway."), "circuit": _plain(core.circuit.info())}, 0
    raise ValidationError(f"unknown command {command!r}")


def receipt_pdfs(*, desktop: bool) -> Callable[[Any], list[tuple[str, bytes, str]]] | None:
    """What a receipt's email attaches: its invoice as a PDF, drawn by Qt. Qt needs its application object,
    made on this (the main) thread: the desktop makes its own, a worker or a command gets an offscreen one.
    Where Qt cannot load, receipts go without the PDF, and the log says so."""
    try:
        from ui.pdf import ensure_gui_application, receipt_attachments

        if not desktop:
            ensure_gui_application()
    except Exception:  # noqa: BLE001 - a machine without Qt's libraries still sends the notices
        log.warning("Qt cannot draw documents here; receipts are sent without their PDF", exc_info=True)
        return None
    return receipt_attachments


def database_roles(args: argparse.Namespace) -> dict:
    """``db-roles``: the group roles and their grants, then a login's membership when asked."""
    try:
        with connection():
            applied = apply_grants(args.prefix)
            if args.grant_login:
                grant_login(args.grant_login, args.as_group, args.prefix)
    except RolesError as error:
        raise ValidationError(str(error)) from None
    result: dict[str, Any] = {"prefix": applied.prefix, "roles": applied.roles, "created": applied.created}
    result["tables"] = applied.tables
    if args.grant_login:
        result["login"] = {"name": args.grant_login, "role": applied.roles[args.as_group]}
    return result


def check_database_roles_args(args: argparse.Namespace) -> None:
    if args.command == "db-roles" and bool(args.grant_login) != bool(args.as_group):
        raise ValidationError("--grant-login NAME and --as viewer|operator|admin go together")


def worker_login_may_write() -> bool:
    """A worker renews, retries and sends: on a viewer's read-only PostgreSQL login it refuses to start."""
    from models.pg_roles import login_can_write

    with connection():
        return login_can_write()


def refused_by_database_text() -> str:
    """What the command line says when PostgreSQL refused a statement for the login's grants."""
    from models.pg_roles import current_login, login_can_write

    try:
        with connection():
            login, read_only = current_login(), not login_can_write()
    except Exception:  # noqa: BLE001 - the refusal itself is what matters
        login, read_only = "", False
    who = f" ({login})" if login else ""
    if read_only:
        return (
            f"this database login{who} can only read; nothing was written. Run it with a login that may write "
            "(an operator's or an admin's: see the db-roles command)"
        )
    return (
        f"the database refused this change: its login{who} may not make it (the catalogue, the settings and "
        "the operator accounts need an admin's login); nothing was written"
    )


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
        if args.command == "autotopup" and args.autotopup_command == "set":
            _rule_kind(args)
        if args.command == "mail":
            _mail_changes(args)
        check_database_roles_args(args)
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
    if args.command == "mail-password":
        return store_mail_password(sys.stdin)
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
    except MigrationNeedsOwner as error:
        log.info("not migrated: %s", error)
        if args.command is None:
            from ui.errors import KnownFailure, show_start_failure

            show_start_failure(redact(error), KnownFailure.SCHEMA_NEEDS_OWNER)
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
    sends_mail = args.command in (None, "send-notices") or (args.command == "worker" and not args.status)
    core = build_core(clock, attachments=receipt_pdfs(desktop=args.command is None) if sends_mail else None)
    if args.command is None:
        return run_gui(core, args, file_check)
    if args.command == "worker":
        if not args.status and not worker_login_may_write():
            print(f"error: {refused_by_database_text()}", file=sys.stderr)
            return 2
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
        if (problem := storage_problem(error)) is not None:
            log.error("command %s could not write", args.command, exc_info=True)
            print(f"error: {StorageFailure.of(problem)}", file=sys.stderr)
            return StorageFailure.exit_code
        if is_permission_denied(error):
            log.info("command %s was refused by the database's grants", args.command, exc_info=True)
            print(f"error: {refused_by_database_text()}", file=sys.stderr)
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


def store_mail_password(stream: TextIO) -> int:
    """Keep the first line of ``stream`` as the mail server's password in the system keyring."""
    password = stream.readline().rstrip("\r\n")
    if not password:
        print("error: give the password on standard input", file=sys.stderr)
        return 2
    if not SecretStore().set(MAIL_PASSWORD, password):
        print("error: no system keyring here: a worker reads the password from SUBS_MAIL_PASSWORD", file=sys.stderr)
        return 2
    _print_json({"mail_password": "kept in the system keyring"})
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
