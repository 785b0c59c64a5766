"""A real SMTP server on 127.0.0.1 for the notice sender's tests (aiosmtpd), scriptable per message."""

from __future__ import annotations

import email
import email.policy
import socket
import threading
from collections import deque
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RecordingHandler:
    """Keeps every message it accepts; ``answers`` (e.g. ["451 4.3.0 try later"]) are given to the next
    DATA commands in turn, then "250" again; ``refuse`` maps an address to its RCPT answer."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.answers: deque[str] = deque()
        self.refuse: dict[str, str] = {}
        self.data_commands = 0
        self.connections: list[tuple] = []  # the client's (host, port) of each message: one per connection
        self._lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 - aiosmtpd's hook
        answer = self.refuse.get(address)
        if answer:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook
        with self._lock:
            self.data_commands += 1
            if session.peer not in self.connections:
                self.connections.append(session.peer)
            if self.answers:
                return self.answers.popleft()
            parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
            assert isinstance(parsed, EmailMessage)
            self.messages.append(parsed)
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


class SmtpServer:
    def __init__(self, **controller_options) -> None:
        self.handler = RecordingHandler()
        self.port = free_port()
        self.options = controller_options
        self.controller: Controller | None = None

    def start(self) -> SmtpServer:
        """Listen (again, after ``stop``) on the same port."""
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, **self.options)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[EmailMessage]:
        return self.handler.messages

    def settings(self) -> dict:
        """What Settings holds to send through this server."""
        return {
            "mail.host": "127.0.0.1",
            "mail.port": self.port,
            "mail.security": "none",
            "mail.from": "billing@northwind.example",
            "business.name": "Northwind Hosting",
            "business.address": "12 Harbour Street\nBristol BS1 4QA",
        }
