"""STARTTLS with a self-signed certificate, and the password from the keyring to sign in with."""

from __future__ import annotations

import shutil
import ssl
import subprocess

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword

from models.db import write_transaction
from models.tables import Customer, CustomerNotice, ErrorItem
from scheduler.core import build_core
from services.auth import Actor
from services.customer_notices import NoticeDraft, stage_notices
from services.mail_templates import sample_params
from services.secrets import MAIL_PASSWORD
from tests.smtp_server import SmtpServer

ADMIN = Actor("alice", "admin", 1)
PASSWORD = "correct horse battery staple"


@pytest.fixture
def certificate(tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def tls_smtp(certificate):
    cert, key = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            b"billing",
            PASSWORD.encode(),
        )
        return AuthResult(success=ok, handled=False)  # a refusal answers 535

    server = SmtpServer(
        tls_context=context, require_starttls=True, authenticator=authenticator, auth_required=True
    ).start()
    yield server
    server.stop()


@pytest.fixture
def core(db, clock, tls_smtp):
    core = build_core(clock, gateway_sleep=lambda seconds: None)
    core.settings.update(ADMIN, {**tls_smtp.settings(), "mail.security": "starttls", "mail.user": "billing"})
    core.secrets.set(MAIL_PASSWORD, PASSWORD)
    return core


def stage_one(clock) -> int:
    ada = Customer.create(name="Ada Lovelace", email="ada@example.com", created_at=clock.now())
    with write_transaction():
        stage_notices([NoticeDraft(ada.id, "low_balance", "low:1", sample_params("low_balance"))], clock.now())
    return CustomerNotice.get().id


def test_starttls_and_the_keyring_password_get_the_notice_through(core, clock, tls_smtp, certificate):
    core.mail.ssl_context = ssl.create_default_context(cafile=str(certificate[0]))
    notice_id = stage_one(clock)
    assert core.mail.send_due_notices(clock.now())["sent"] == 1
    assert len(tls_smtp.messages) == 1 and CustomerNotice.get_by_id(notice_id).status == "sent"


def test_an_untrusted_certificate_waits_for_an_operator(core, clock, tls_smtp):
    notice_id = stage_one(clock)  # the default context does not trust a self-signed certificate
    assert core.mail.send_due_notices(clock.now())["failed"] == 1
    (item,) = ErrorItem.select().where(ErrorItem.operation == "email")
    assert item.status == "manual" and "secure connection to the mail server" in item.message
    assert CustomerNotice.get_by_id(notice_id).status == "failed" and tls_smtp.messages == []


def test_a_wrong_password_waits_for_an_operator(core, clock, tls_smtp, certificate):
    core.mail.ssl_context = ssl.create_default_context(cafile=str(certificate[0]))
    core.secrets.set(MAIL_PASSWORD, "wrong")
    stage_one(clock)
    assert core.mail.send_due_notices(clock.now())["failed"] == 1
    (item,) = ErrorItem.select().where(ErrorItem.operation == "email")
    assert item.status == "manual" and "refused the user name or password" in item.message
    assert "wrong" not in item.message and tls_smtp.messages == []
