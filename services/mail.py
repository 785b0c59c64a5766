"""Sending customer notices over SMTP: the outbox's due rows go out once, and a failed send is an error item.

**Claiming.** A pending notice whose ``due_at`` has come is claimed by a compare-and-set to
``sending`` (its row locked, its status checked and changed in one short write), so two desks or
workers running the sender at once never send one notice twice. The claim stamps the recipient and a
``Message-ID``; the message goes out outside any transaction; then the row is marked ``sent``.

**Failures.** A send that fails becomes an item of the error queue's ``email`` operation for that
notice, in the same write that marks the notice: a 4xx reply, a refused or dropped connection or a
timeout is transient (the queue retries it with its backoff, the notice reads ``retrying``); a 5xx
reply or an address mail cannot go to is permanent (the item waits for an operator, the notice reads
``failed``). From then on the queue owns the notice: its retry pass sends it again (``retry now``
included), and closing the item without sending leaves the notice ``failed`` with the reason.
``send_due_notices`` takes only ``pending`` rows, so a notice is never retried on two schedules; each
pass also brings a held notice's status in line with its item (an operator escalated it, or put it
back on a schedule).

**A sender that died mid-send.** A ``sending`` row older than ``STALE_SENDING`` (several times the SMTP
timeout) goes back to ``pending`` and is sent again *with the Message-ID it was first given*: whether
the server took the first copy cannot be known, so delivery is at least once, and a second copy
carries the same Message-ID, which mail systems treat as the same message.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from models.db import connection, for_update, run_write, write_transaction
from models.tables import Customer, CustomerNotice, ErrorItem
from services.audit import record_audit
from services.auth import Actor, require
from services.change_feed import publish_changes
from services.changes import Kind
from services.clock import Clock
from services.customer_notices import NO_EMAIL, load_params
from services.customers import clean_email
from services.error_items import ErrorItemInfo
from services.errors import DomainError, ValidationError
from services.mail_delivery import (
    Attachment,
    MailRefused,
    MailServer,
    MailSession,
    MailUnavailable,
    OutgoingNotice,
    TestMessageResult,
    address_problem,
    build_message,
    deliver,
    domain_of,
    mail_server,
)
from services.mail_templates import Business, render
from services.retry_handlers import AttemptFailed
from services.retry_policy import OPEN_STATUSES, classify_error, error_message
from services.secrets import MAIL_PASSWORD
from services.validation import clean_reason

log = logging.getLogger(__name__)

OPERATION = "email"  # the error queue's operation for a notice that could not be sent
SUBJECT_TYPE = "customer_notice"
STALE_SENDING = timedelta(minutes=10)
BATCH = 200


class NoticeSender:
    """Sends due customer notices, and retries the ones the error queue holds (operation ``email``)."""

    def __init__(
        self,
        clock: Clock,
        settings,
        secrets,
        retries,
        *,
        attachments: Callable[[OutgoingNotice], list[Attachment]] | None = None,
        ssl_context: ssl.SSLContext | None = None,
        stale_after: timedelta = STALE_SENDING,
    ) -> None:
        self.clock = clock
        self.settings = settings
        self.secrets = secrets
        self.retries = retries
        self.attachments = attachments
        self.ssl_context = ssl_context
        self.stale_after = stale_after
        retries.register(OPERATION, self._retry_email, uses_gateway=False, before_close=self._close_email)

    # --- the pass ----------------------------------------------------------------------

    def send_due_notices(self, now: datetime | None = None, *, limit: int = BATCH) -> dict:
        """Send every pending notice due by ``now`` (oldest first, at most ``limit``); counts of what came of them."""
        now = now or self.clock.now()
        with connection():
            recovered = self.recover_stale_sending(now)
            self.follow_the_queue(now)
            server = mail_server(self.settings, self.secrets)
            due = [
                row.id
                for row in CustomerNotice.select(CustomerNotice.id)
                .where((CustomerNotice.status == "pending") & (CustomerNotice.due_at <= now))
                .order_by(CustomerNotice.due_at, CustomerNotice.id)
                .limit(limit)
            ]
            counts = {"due": len(due), "sent": 0, "retrying": 0, "failed": 0, "suppressed": 0, "recovered": recovered}
            if server is None:
                return {**counts, "due": len(due), "mail_server_set": False}
            business = Business.from_settings(self.settings)
            with MailSession(server, self.ssl_context) as session:  # one connection for the pass
                for notice_id in due:
                    outcome = self._send_one(notice_id, ("pending",), session, business, now)
                    if outcome in counts:
                        counts[outcome] += 1
            return counts

    def follow_the_queue(self, now: datetime) -> int:
        """Notices the error queue holds read as their items do: ``retrying`` while the queue retries,
        ``failed`` while an operator must act (an item escalated, or put back on a schedule, by hand)."""
        wanted = {
            row.subject_id: "retrying" if row.status == "retrying" else "failed"
            for row in ErrorItem.select(ErrorItem.subject_id, ErrorItem.status).where(
                (ErrorItem.operation == OPERATION)
                & (ErrorItem.subject_type == SUBJECT_TYPE)
                & ErrorItem.status.in_(OPEN_STATUSES)
            )
        }
        if not wanted:
            return 0
        changes = [
            (row.id, wanted[row.id])
            for row in CustomerNotice.select(CustomerNotice.id, CustomerNotice.status).where(
                CustomerNotice.id.in_(list(wanted)) & CustomerNotice.status.in_(("retrying", "failed"))
            )
            if row.status != wanted[row.id]
        ]
        if not changes:
            return 0

        def work() -> None:
            publish_changes(Kind.CUSTOMER)
            for notice_id, status in changes:
                CustomerNotice.update(status=status, updated_at=now).where(
                    (CustomerNotice.id == notice_id) & CustomerNotice.status.in_(("retrying", "failed"))
                ).execute()

        run_write(work)
        return len(changes)

    def recover_stale_sending(self, now: datetime) -> int:
        """Put back ``sending`` rows whose sender died (older than ``stale_after``); they keep their Message-ID."""
        stale = (CustomerNotice.status == "sending") & (CustomerNotice.updated_at < now - self.stale_after)
        if not CustomerNotice.select().where(stale).exists():
            return 0  # the usual case: no write, so an idle pass commits nothing

        def work() -> int:
            publish_changes(Kind.CUSTOMER)
            return (
                CustomerNotice.update(
                    status="pending", reason="its sending was interrupted; it is sent again", updated_at=now
                )
                .where(stale)
                .execute()
            )

        count = run_write(work)
        if count:
            log.warning(
                "%d customer notice(s) left sending by a sender that stopped were put back to send again", count
            )
        return count

    # --- one notice ----------------------------------------------------------------------

    def _claim(
        self, notice_id: int, statuses: tuple[str, ...], server: MailServer, now: datetime
    ) -> OutgoingNotice | str:
        """Compare-and-set the notice from one of ``statuses`` to ``sending``; its status when it was not there."""

        def work() -> OutgoingNotice | str:
            publish_changes(Kind.CUSTOMER)
            row = for_update(CustomerNotice.select().where(CustomerNotice.id == notice_id)).first()
            if row is None:
                return "missing"
            if row.status not in statuses:
                return row.status
            customer = Customer.get_by_id(row.customer_id)
            if customer.no_email:
                row.status, row.reason, row.updated_at = "suppressed", NO_EMAIL, now
                row.save()
                return "suppressed"
            message_id = row.message_id or make_msgid(f"notice{row.id}", domain_of(server.from_address))
            changed = (
                CustomerNotice.update(
                    status="sending",
                    to_address=customer.email,
                    message_id=message_id,
                    attempts=CustomerNotice.attempts + 1,
                    updated_at=now,
                )
                .where((CustomerNotice.id == row.id) & (CustomerNotice.status == row.status))
                .execute()
            )
            if not changed:
                return "sending"
            return OutgoingNotice(
                row.id,
                customer.id,
                customer.name,
                customer.email,
                row.kind,
                row.language,
                load_params(row.params),
                row.subject_type,
                row.subject_id,
                message_id,
                row.attempts + 1,
            )

        return run_write(work)

    def _attempt(self, notice: OutgoingNotice, session: MailSession, business: Business, now: datetime) -> None:
        """Render and hand over one claimed notice; raises the typed error when it did not go."""
        problem = address_problem(notice.to_address)
        if problem is not None:
            raise problem
        try:
            files = list(self.attachments(notice)) if self.attachments is not None else []
            mail = render(
                notice.kind,
                notice.language,
                notice.params,
                notice.customer_name,
                business,
                attached=[name for name, _, _ in files],
            )
            message = build_message(notice, mail, session.server, business, now, files)
        except DomainError:
            raise
        except Exception as error:
            log.exception("customer notice #%d could not be written", notice.id)
            raise MailRefused(
                "the message could not be written ({detail}); nothing was sent", detail=error_message(error)[:200]
            ) from None
        session.send(message)

    def _send_one(
        self, notice_id: int, statuses: tuple[str, ...], session: MailSession, business: Business, now: datetime
    ) -> str:
        claimed = self._claim(notice_id, statuses, session.server, now)
        if isinstance(claimed, str):
            return "suppressed" if claimed == "suppressed" else "skipped"
        try:
            self._attempt(claimed, session, business, now)
        except DomainError as error:
            return self._record_first_failure(claimed, error)
        except Exception as error:  # a bug: logged, and the notice waits for an operator instead of resending
            log.exception("customer notice #%d: sending failed unexpectedly", claimed.id)
            failure = MailRefused("sending failed unexpectedly ({detail})", detail=error_message(error)[:200])
            return self._record_first_failure(claimed, failure)
        self._mark_sent(claimed)
        return "sent"

    def _mark_sent(self, notice: OutgoingNotice, *, settle_item: bool = True) -> None:
        sent_at = self.clock.now()

        def work() -> int:
            publish_changes(Kind.CUSTOMER)
            return (
                CustomerNotice.update(status="sent", sent_at=sent_at, reason=None, updated_at=sent_at)
                .where(
                    (CustomerNotice.id == notice.id)
                    & (CustomerNotice.status == "sending")
                    & (CustomerNotice.message_id == notice.message_id)
                )
                .execute()
            )

        if not run_write(work):
            log.warning("customer notice #%d was sent, but another sender had taken it back meanwhile", notice.id)
        if settle_item and notice.attempts > 1:  # an earlier attempt may have left an item open (a sender that died)
            self.retries.settle_subject(OPERATION, SUBJECT_TYPE, notice.id, f"sent to {notice.to_address}")

    def _record_first_failure(self, notice: OutgoingNotice, error: DomainError) -> str:
        """The notice and its new error item, in one write: no notice is left failing with no item to say so."""
        message = error_message(error)
        log.info("customer notice #%d was not sent: %s", notice.id, message)

        def work() -> str:
            publish_changes(Kind.CUSTOMER, Kind.ERROR_ITEM)
            item = self.retries.record_failure(
                OPERATION,
                SUBJECT_TYPE,
                notice.id,
                error,
                context={
                    "customer_id": notice.customer_id,
                    "to_address": notice.to_address,
                    "notice_kind": notice.kind,
                    "message_id": notice.message_id,
                },
            )
            status = "retrying" if item.status == "retrying" else "failed"
            CustomerNotice.update(status=status, reason=message[:2000], updated_at=self.clock.now()).where(
                (CustomerNotice.id == notice.id) & (CustomerNotice.status == "sending")
            ).execute()
            return status

        return run_write(work)

    # --- the error queue's side ------------------------------------------------------------

    def _retry_email(self, item: ErrorItemInfo) -> str:
        """Send the item's notice again (the queue's backoff, or an operator's "retry now")."""
        server = mail_server(self.settings, self.secrets)
        if server is None:
            raise MailUnavailable("no mail server is set: fill in the host and From address in Settings")
        now = self.clock.now()
        claimed = self._claim(item.subject_id, ("retrying", "failed", "pending"), server, now)
        if isinstance(claimed, str):
            if claimed == "sent":
                return "the notice had already been sent"
            if claimed == "suppressed":
                return "not sent: the customer asked for no email"
            if claimed == "missing":
                raise MailRefused("customer notice #{notice_id} no longer exists", notice_id=item.subject_id)
            raise MailUnavailable("customer notice #{notice_id} is being sent right now", notice_id=item.subject_id)
        try:
            with MailSession(server, self.ssl_context) as session:
                self._attempt(claimed, session, Business.from_settings(self.settings), now)
        except DomainError as error:
            # The queue counts this attempt; the notice reads as the item will: retried later, or an operator's.
            later = (
                classify_error(error) != "permanent"
                and item.status == "retrying"
                and item.attempts + 1 < item.max_attempts
            )
            self._set_status(claimed.id, "retrying" if later else "failed", error_message(error))
            raise AttemptFailed(error) from None
        self._mark_sent(claimed, settle_item=False)  # the runner resolves its item itself
        return f"sent to {claimed.to_address}"

    def _close_email(self, item: ErrorItemInfo) -> None:
        """An operator closes the item without a send: the notice stays unsent and says so."""
        self._set_status(
            item.subject_id, "failed", "closed in the error queue without being sent", only=("retrying", "failed")
        )

    def _set_status(self, notice_id: int, status: str, reason: str, only: tuple[str, ...] = ("sending",)) -> None:
        now = self.clock.now()

        def work() -> None:
            publish_changes(Kind.CUSTOMER)
            CustomerNotice.update(status=status, reason=reason[:2000], updated_at=now).where(
                (CustomerNotice.id == notice_id) & CustomerNotice.status.in_(only)
            ).execute()

        run_write(work)

    # --- a test message from Settings or the command line -------------------------------------

    def send_test_message(self, to_address: str) -> TestMessageResult:
        """A short message to ``to_address`` through the configured server; raises what went wrong, in words."""
        try:
            address = clean_email(str(to_address or ""))
        except ValidationError:
            raise ValidationError(
                "{address!r} is not an email address to send the test to", address=str(to_address or "")[:80]
            ) from None
        with connection():
            server = mail_server(self.settings, self.secrets)
            business = Business.from_settings(self.settings)
        if server is None:
            raise ValidationError("set the mail server's host and the From address first, and save them")
        now = self.clock.now()
        message = EmailMessage()
        name = business.name or "Subscriptions Admin"
        message["Subject"] = f"Test message from {name}"
        message["From"] = formataddr((business.name, server.from_address)) if business.name else server.from_address
        message["To"] = address
        message["Date"] = format_datetime(now.replace(tzinfo=UTC) if now.tzinfo is None else now)
        message["Message-ID"] = message_id = make_msgid("test", domain_of(server.from_address))
        message.set_content(
            f"This is a test message from {name}.\n\n"
            f"It went through {server.host}:{server.port} ({server.security}). "
            "Customer notices are sent the same way.\n"
        )
        deliver(server, message, ssl_context=self.ssl_context)
        log.info("test message sent to %s through %s:%d", address, server.host, server.port)
        return TestMessageResult(address, f"{server.host}:{server.port} ({server.security})", message_id)


# --- the mail server's password (the keyring's, never the database's) -------------------------

MAX_PASSWORD_LENGTH = 500


@dataclass(frozen=True)
class PasswordSaved:
    in_keyring: bool  # False: kept for this session only, gone when the app quits
    keyring_reason: str | None  # why the OS keyring could not take it


def mail_password_set(secrets) -> bool:
    """Whether a password is there to sign in to the mail server with (never the password)."""
    return secrets.get(MAIL_PASSWORD) is not None


def save_mail_password(secrets, clock: Clock, actor: Actor, password: str, reason: str = "") -> PasswordSaved:
    """Keep the mail server's password in the keyring and audit that it changed (an admin's action)."""
    require(actor, "settings.edit")
    if not isinstance(password, str) or not password:
        raise ValidationError("enter the mail server's password")
    if len(password) > MAX_PASSWORD_LENGTH or any(ch in password for ch in "\r\n"):
        raise ValidationError("a password is one line of at most {most} characters", most=MAX_PASSWORD_LENGTH)
    reason = clean_reason(reason)
    in_keyring = secrets.set(MAIL_PASSWORD, password)
    with connection(), write_transaction():
        record_audit(
            clock,
            actor.name,
            "mail.password",
            "secret",
            MAIL_PASSWORD,
            after={"stored_in": "system keyring" if in_keyring else "this session only"},
            reason=reason,
        )
    return PasswordSaved(in_keyring, None if in_keyring else secrets.unavailable_reason)
