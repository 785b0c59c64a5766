"""Talking to the mail server: its settings, the message a notice becomes, and what a failure means.

Every failure is typed for the error queue by what happened, never by its words: a 4xx reply, a
refused or dropped connection or a timeout is ``MailUnavailable`` (transient, retried with backoff);
a 5xx reply, a refused sign-in, a failed certificate check or an address mail cannot go to is
``MailRefused`` (permanent, an operator's). The password comes from the keyring (``MAIL_PASSWORD``).
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from services.customers import clean_email
from services.errors import DomainError, ValidationError
from services.mail_templates import Business, RenderedMail
from services.secrets import MAIL_PASSWORD

SMTP_TIMEOUT_SECONDS = 30

Attachment = tuple[str, bytes, str]  # file name, content, MIME type ("application/pdf")


class MailUnavailable(DomainError):
    """The mail server could not take the message now (4xx, refused or dropped connection, timeout)."""

    error_class = "transient"


class MailRefused(DomainError):
    """The mail server refused the message for good (5xx), or the address cannot take mail."""

    error_class = "permanent"


@dataclass(frozen=True)
class MailServer:
    host: str
    port: int
    security: str  # none | starttls | tls
    user: str
    from_address: str
    password: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class OutgoingNotice:
    """A claimed notice, as the attachments callable and the message builder see it."""

    id: int
    customer_id: int
    customer_name: str
    to_address: str
    kind: str
    language: str
    params: dict
    subject_type: str | None
    subject_id: int | None
    message_id: str
    attempts: int


@dataclass(frozen=True)
class TestMessageResult:
    to_address: str
    server: str  # host:port and how it was secured
    message_id: str


def mail_server(settings, secrets) -> MailServer | None:
    """The configured server, or None while its host or From address is not set."""
    values = settings.get_many("mail.")
    host, sender = str(values["mail.host"] or "").strip(), str(values["mail.from"] or "").strip()
    if not host or not sender:
        return None
    user = str(values["mail.user"] or "").strip()
    return MailServer(
        host, int(values["mail.port"]), str(values["mail.security"]), user, sender, secrets.get(MAIL_PASSWORD)
    )


def _reply(error: smtplib.SMTPResponseException) -> str:
    text = error.smtp_error.decode("utf-8", "replace") if isinstance(error.smtp_error, bytes) else str(error.smtp_error)
    return f"{error.smtp_code} {' '.join(text.split())}"[:300]


def typed_mail_error(error: BaseException, server: MailServer) -> DomainError:
    """What went wrong talking to the server, as the error queue classes it (never by its words)."""
    where = f"{server.host}:{server.port}"
    if isinstance(error, DomainError):
        return error
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        detail = "; ".join(f"{address}: {code} {_text(reply)}" for address, (code, reply) in error.recipients.items())
        if codes and all(400 <= code < 500 for code in codes):
            return MailUnavailable(
                "the mail server {where} could not take the recipient now ({reply})", where=where, reply=detail[:300]
            )
        return MailRefused("the mail server {where} refused the recipient ({reply})", where=where, reply=detail[:300])
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return MailRefused(
            "the mail server {where} refused the user name or password ({reply})", where=where, reply=_reply(error)
        )
    if isinstance(error, smtplib.SMTPResponseException):
        if 400 <= error.smtp_code < 500:
            return MailUnavailable(
                "the mail server {where} could not take the message now ({reply})", where=where, reply=_reply(error)
            )
        return MailRefused("the mail server {where} refused the message ({reply})", where=where, reply=_reply(error))
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return MailRefused(
            "the mail server {where} does not offer what the settings ask for ({detail})",
            where=where,
            detail=str(error)[:200],
        )
    if isinstance(error, ssl.SSLError | ssl.CertificateError):
        return MailRefused(
            "the secure connection to the mail server {where} failed ({detail})", where=where, detail=str(error)[:200]
        )
    if isinstance(error, TimeoutError | socket.timeout):
        return MailUnavailable("the mail server {where} did not answer in time", where=where)
    if isinstance(error, ConnectionRefusedError):
        return MailUnavailable("the mail server {where} refused the connection", where=where)
    if isinstance(error, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError | OSError):
        return MailUnavailable(
            "could not talk to the mail server {where} ({detail})",
            where=where,
            detail=(str(error) or type(error).__name__)[:200],
        )
    if isinstance(error, smtplib.SMTPException):
        return MailRefused("the mail server {where} failed: {detail}", where=where, detail=str(error)[:200])
    raise error


def _text(reply: object) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return " ".join(text.split())


def _connect(server: MailServer, context: ssl.SSLContext) -> smtplib.SMTP:
    smtp: smtplib.SMTP
    if server.security == "tls":
        smtp = smtplib.SMTP_SSL(server.host, server.port, timeout=SMTP_TIMEOUT_SECONDS, context=context)
    else:
        smtp = smtplib.SMTP(server.host, server.port, timeout=SMTP_TIMEOUT_SECONDS)
    try:
        smtp.ehlo()
        if server.security == "starttls":
            smtp.starttls(context=context)
            smtp.ehlo()
        if server.user:
            smtp.login(server.user, server.password or "")
    except BaseException:
        smtp.close()
        raise
    return smtp


class MailSession:
    """One connection to the server for a run of messages, opened at the first and closed at the end.

    A failed message closes it (the next one opens a fresh connection); a kept connection is checked
    with NOOP before it carries the next message, so a server that dropped it meanwhile costs a
    reconnect, not a failed notice.
    """

    def __init__(self, server: MailServer, ssl_context: ssl.SSLContext | None = None) -> None:
        self.server = server
        self._context = ssl_context or ssl.create_default_context()
        self._smtp: smtplib.SMTP | None = None

    def send(self, message: EmailMessage) -> None:
        """Hand ``message`` to the server; raises ``MailUnavailable`` or ``MailRefused``."""
        try:
            if self._smtp is not None and not self._alive(self._smtp):
                self.close()
            if self._smtp is None:
                self._smtp = _connect(self.server, self._context)
            self._smtp.send_message(message)
        except Exception as error:  # noqa: BLE001 - every failure is typed for the queue; a bug re-raises
            self.close()
            raise typed_mail_error(error, self.server) from None

    @staticmethod
    def _alive(smtp: smtplib.SMTP) -> bool:
        try:
            return smtp.noop()[0] == 250
        except (smtplib.SMTPException, OSError):
            return False

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()

    def __enter__(self) -> MailSession:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def deliver(server: MailServer, message: EmailMessage, *, ssl_context: ssl.SSLContext | None = None) -> None:
    """Hand one message to the server on a connection of its own; raises ``MailUnavailable`` or ``MailRefused``."""
    with MailSession(server, ssl_context) as session:
        session.send(message)


def build_message(
    notice: OutgoingNotice,
    mail: RenderedMail,
    server: MailServer,
    business: Business,
    now: datetime,
    attachments: Sequence[Attachment] = (),
) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = mail.subject
    message["From"] = formataddr((business.name, server.from_address)) if business.name else server.from_address
    message["To"] = formataddr((notice.customer_name, notice.to_address))
    message["Date"] = format_datetime(now.replace(tzinfo=UTC) if now.tzinfo is None else now)
    message["Message-ID"] = notice.message_id
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(mail.text)
    message.add_alternative(mail.html, subtype="html")
    for filename, data, mimetype in attachments:
        maintype, _, subtype = mimetype.partition("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype or "octet-stream", filename=filename)
    # Last: making the message multipart moves every Content-* header down into its first part.
    message["Content-Language"] = notice.language
    return message


def address_problem(address: str) -> MailRefused | None:
    try:
        clean_email(address)
    except ValidationError:
        return MailRefused("{address!r} is not an address mail can be sent to", address=str(address)[:80])
    return None


def domain_of(address: str) -> str:
    return address.rpartition("@")[2] or "localhost"
