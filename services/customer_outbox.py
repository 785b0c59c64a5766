"""What a customer has been sent: their notices as operators read them, and sending one again.

The outbox rows themselves are written by ``customer_notices.stage_notices`` in their events'
transactions; this module reads them for the customer page and the ``notices`` command, and lets an
operator send one again. A resend is a new pending row pointing at the original (``resend_of``),
with a key of its own, so the original keeps its history and the sender treats the copy as any
other notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.db import for_update, write_transaction
from models.tables import Customer, CustomerNotice
from services.audit import record_audit
from services.auth import Actor, require
from services.change_feed import publish_changes
from services.changes import Kind
from services.clock import Clock
from services.customer_notices import NO_EMAIL, load_params
from services.customers import find_customer
from services.errors import NotFound, ValidationError
from services.validation import check_id, clean_reason

MAX_LISTED = 500
# Statuses an operator may ask to send again: a notice already on its way is left to the sender.
RESENDABLE = ("sent", "failed", "suppressed")


@dataclass(frozen=True)
class NoticeInfo:
    id: int
    customer_id: int
    kind: str
    language: str
    status: str  # pending | sending | sent | retrying | failed | suppressed
    reason: str | None  # why it is suppressed, or the last sending error
    to_address: str | None  # where it was sent (None until the sender has tried)
    created_at: datetime
    sent_at: datetime | None
    attempts: int
    resend_of: int | None
    subject_type: str | None
    subject_id: int | None
    params: dict


def notice_info(row: CustomerNotice) -> NoticeInfo:
    return NoticeInfo(
        row.id,
        row.customer_id,
        row.kind,
        row.language,
        row.status,
        row.reason,
        row.to_address,
        row.created_at,
        row.sent_at,
        row.attempts,
        row.resend_of,
        row.subject_type,
        row.subject_id,
        load_params(row.params),
    )


class CustomerNoticeService:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def for_customer(self, email_or_id, limit: int = MAX_LISTED) -> list[NoticeInfo]:
        """The customer's notices, newest first."""
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LISTED:
            raise ValidationError("a list of notices holds from 1 to {most}", most=MAX_LISTED)
        customer = find_customer(email_or_id)
        rows = (
            CustomerNotice.select()
            .where(CustomerNotice.customer == customer.id)
            .order_by(CustomerNotice.id.desc())
            .limit(limit)
        )
        return [notice_info(row) for row in rows]

    def resend(self, actor: Actor, notice_id, reason: str = "") -> NoticeInfo:
        """Queue a copy of a notice that was sent, failed or suppressed; the sender delivers it as any other.

        A customer marked "no email" gets the copy suppressed, like every notice written for them."""
        require(actor, "notice.resend")
        notice_id = check_id(notice_id, "notice")
        reason = clean_reason(reason)
        now = self.clock.now()
        with write_transaction():
            publish_changes(Kind.CUSTOMER)
            original = for_update(CustomerNotice.select().where(CustomerNotice.id == notice_id)).first()
            if original is None:
                raise NotFound("no customer notice #{notice_id}", notice_id=notice_id)
            if original.status not in RESENDABLE:
                raise ValidationError(
                    "notice #{notice_id} is {status}: it is still on its way and is not sent again",
                    notice_id=notice_id,
                    status=original.status,
                )
            customer = Customer.get_by_id(original.customer_id)
            copies = CustomerNotice.select().where(CustomerNotice.resend_of == original.id).count()
            suppressed = bool(customer.no_email)
            row = CustomerNotice.create(
                customer=original.customer_id,
                kind=original.kind,
                language=customer.language,
                params=original.params,
                dedup_key=f"resend:{original.id}:{copies + 1}",
                subject_type=original.subject_type,
                subject_id=original.subject_id,
                status="suppressed" if suppressed else "pending",
                reason=NO_EMAIL if suppressed else None,
                attempts=0,
                resend_of=original.id,
                created_at=now,
                due_at=now,
                updated_at=now,
            )
            record_audit(
                self.clock,
                actor.name,
                "notice.resend",
                "customer",
                original.customer_id,
                after={"notice": row.id, "resend_of": original.id, "kind": original.kind, "status": row.status},
                reason=reason,
            )
        return notice_info(row)
