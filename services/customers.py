"""Customers and their wallets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import SQL, IntegrityError, NodeList

from models.db import contains_text, write_transaction
from models.tables import Customer, CustomerNote, Wallet
from services.audit import record_audit
from services.auth import Actor, require
from services.change_feed import publish_changes
from services.changes import Kind
from services.clock import Clock
from services.errors import Conflict, NotFound, ValidationError
from services.money import check_currency, check_language
from services.validation import check_id, check_text, row_id_in, storable

MAX_NOTE = 4000

_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)


def clean_email(email) -> str:
    if not isinstance(email, str):
        raise ValidationError("email must be text")
    email = email.strip()
    if len(email) > 254 or not _EMAIL.match(email) or ".." in email:
        raise ValidationError("{email!r} is not a valid email address", email=email[:60])
    local, _, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}"


def clean_name(name) -> str:
    if not isinstance(name, str):
        raise ValidationError("name must be text")
    name = " ".join(name.split())
    if not name:
        raise ValidationError("name must not be empty")
    if len(name) > 200:
        raise ValidationError("name is longer than 200 characters")
    if any(ord(c) < 32 for c in name):
        raise ValidationError("name contains control characters")
    if not storable(name):
        raise ValidationError("name contains characters that are not valid text")
    return name


@dataclass(frozen=True)
class CustomerInfo:
    id: int
    name: str
    email: str
    status: str
    created_at: datetime
    language: str = "en"  # the language of the customer's notices
    no_email: bool = False  # nothing is sent to them; their notices are kept as suppressed


@dataclass(frozen=True)
class WalletInfo:
    id: int
    customer_id: int
    currency: str
    balance_minor: int


@dataclass(frozen=True)
class NoteInfo:
    id: int
    customer_id: int
    author: str
    body: str
    created_at: datetime


def note_info(row: CustomerNote) -> NoteInfo:
    return NoteInfo(row.id, row.customer_id, row.author, row.body, row.created_at)


def customer_info(row: Customer) -> CustomerInfo:
    return CustomerInfo(row.id, row.name, row.email, row.status, row.created_at, row.language, bool(row.no_email))


def wallet_info(row: Wallet) -> WalletInfo:
    return WalletInfo(row.id, row.customer_id, row.currency, row.balance_minor)


def _flag(value, what: str) -> bool:
    if isinstance(value, bool):
        return value
    raise ValidationError("{what} must be on or off", what=what)


def like_text(column, text: str):
    """``column`` contains ``text``, with % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return NodeList((column, SQL("LIKE"), f"%{escaped}%", SQL("ESCAPE '\\'")))


def customers_containing(text: str) -> Any:
    """SQL: the ids of the customers whose name or email contains ``text``, for a table of their wallets or
    subscriptions to filter by (``Wallet.customer.in_(...)``): the customers are scanned once, not looked
    up row by row for every wallet or subscription."""
    matching = Customer.alias("matching")
    return matching.select(matching.id).where(contains_text(matching.name, text) | contains_text(matching.email, text))


def find_customer(email_or_id) -> Customer:
    """By email (case of the domain ignored) or numeric id."""
    text = str(email_or_id).strip()
    if text.isdigit():  # an id; digits that no id can have (too long, not ASCII) find nobody
        number = row_id_in(text)
        row = None if number is None else Customer.get_or_none(Customer.id == number)
    else:
        row = Customer.get_or_none(Customer.email == clean_email(text))
    if row is None:
        raise NotFound("no customer {text!r}", text=text[:60])
    return row


def get_or_create_wallet(customer_id: int, currency: str, clock: Clock) -> Wallet:
    """Inside a write transaction."""
    wallet = Wallet.get_or_none((Wallet.customer == customer_id) & (Wallet.currency == currency))
    if wallet is None:
        wallet = Wallet.create(customer=customer_id, currency=currency, balance_minor=0, created_at=clock.now())
    return wallet


class CustomerService:
    def __init__(self, clock: Clock):
        self.clock = clock

    def create_customer(
        self,
        actor: Actor,
        name: str,
        email: str,
        currency: str = "USD",
        reason: str = "",
        *,
        language: str = "en",
        no_email: bool = False,
    ) -> CustomerInfo:
        require(actor, "customer.create")
        name, email, currency = clean_name(name), clean_email(email), check_currency(currency)
        language, no_email = check_language(language), _flag(no_email, "no email")
        try:
            with write_transaction():
                if Customer.select().where(Customer.email == email).exists():
                    raise Conflict("a customer with email {email} already exists", email=email)
                row = Customer.create(
                    name=name,
                    email=email,
                    status="active",
                    created_at=self.clock.now(),
                    language=language,
                    no_email=no_email,
                )
                get_or_create_wallet(row.id, currency, self.clock)
                record_audit(
                    self.clock,
                    actor.name,
                    "customer.create",
                    "customer",
                    row.id,
                    after={"name": name, "email": email, "language": language, "no_email": no_email},
                    reason=reason,
                )
        except IntegrityError:
            raise Conflict("a customer with email {email} already exists", email=email) from None
        return customer_info(row)

    def update_customer(
        self,
        actor: Actor,
        customer_id: int,
        *,
        name: str | None = None,
        email: str | None = None,
        status: str | None = None,
        language: str | None = None,
        no_email: bool | None = None,
        reason: str = "",
    ) -> CustomerInfo:
        """Change what is given; ``language`` (en | ru) and ``no_email`` shape the customer's notices."""
        require(actor, "customer.edit")
        customer_id = check_id(customer_id, "customer")
        changes: dict[str, Any] = {}
        if name is not None:
            changes["name"] = clean_name(name)
        if email is not None:
            changes["email"] = clean_email(email)
        if status is not None:
            if status not in ("active", "disabled"):
                raise ValidationError("status must be active or disabled")
            changes["status"] = status
        if language is not None:
            changes["language"] = check_language(language)
        if no_email is not None:
            changes["no_email"] = _flag(no_email, "no email")
        if not changes:
            raise ValidationError("nothing to change")
        try:
            with write_transaction():
                row = Customer.get_or_none(Customer.id == customer_id)
                if row is None:
                    raise NotFound("no customer #{customer_id}", customer_id=customer_id)
                before = {k: bool(row.no_email) if k == "no_email" else getattr(row, k) for k in changes}
                if (
                    "email" in changes
                    and changes["email"] != row.email
                    and Customer.select().where(Customer.email == changes["email"]).exists()
                ):
                    raise Conflict("a customer with email {email} already exists", email=changes["email"])
                for key, value in changes.items():
                    setattr(row, key, value)
                row.save()
                record_audit(
                    self.clock,
                    actor.name,
                    "customer.edit",
                    "customer",
                    row.id,
                    before=before,
                    after=changes,
                    reason=reason,
                )
        except IntegrityError:
            raise Conflict("that email belongs to another customer") from None
        return customer_info(row)

    def set_language(self, actor: Actor, email_or_id, language: str, reason: str = "") -> CustomerInfo:
        """The language the customer's notices are written in from now on (en | ru)."""
        require(actor, "customer.edit")
        language = check_language(language)
        return self.update_customer(actor, find_customer(email_or_id).id, language=language, reason=reason)

    def set_no_email(self, actor: Actor, email_or_id, no_email: bool, reason: str = "") -> CustomerInfo:
        """On: nothing is sent to the customer from now on; their notices are kept, marked suppressed."""
        require(actor, "customer.edit")
        no_email = _flag(no_email, "no email")
        return self.update_customer(actor, find_customer(email_or_id).id, no_email=no_email, reason=reason)

    def add_note(self, actor: Actor, customer_id: int, body: str) -> NoteInfo:
        """Write down a note about a customer. Notes are kept as written: a correction is a new note."""
        require(actor, "customer.edit")
        customer_id = check_id(customer_id, "customer")
        body = check_text(body, "note", max_length=MAX_NOTE, required=True)
        with write_transaction():
            if not Customer.select().where(Customer.id == customer_id).exists():
                raise NotFound("no customer #{customer_id}", customer_id=customer_id)
            row = CustomerNote.create(customer=customer_id, author=actor.name, body=body, created_at=self.clock.now())
            record_audit(
                self.clock, actor.name, "customer.note", "customer", customer_id, after={"note": row.id, "body": body}
            )
            publish_changes(Kind.CUSTOMER)
        return note_info(row)

    def get(self, email_or_id) -> CustomerInfo:
        return customer_info(find_customer(email_or_id))

    def wallets(self, customer_id: int) -> list[WalletInfo]:
        return [wallet_info(w) for w in Wallet.select().where(Wallet.customer == customer_id).order_by(Wallet.id)]

    def search(self, text: str, limit: int = 50) -> list[CustomerInfo]:
        """Name or email containing ``text`` (wildcards are literal), or an exact id."""
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 10_000:
            raise ValidationError("a search lists from 1 to 10000 customers")
        if text is not None and not isinstance(text, str):
            raise ValidationError("the search text must be text")
        text = (text or "").strip()
        if not text or not storable(text):
            return []  # nothing stored can contain text that is not valid
        query: Any = Customer.select().where(contains_text(Customer.name, text) | contains_text(Customer.email, text))
        number = row_id_in(text)
        if number is not None:
            query = Customer.select().where(Customer.id == number) | query  # a UNION: the number first
        return [customer_info(r) for r in query.order_by(Customer.id).limit(limit)]
