"""Everything below the GUI, wired together: the services over one database, and the jobs they run.

The desktop, the worker and the command line each build one ``Core`` and hand its
parts to whoever needs them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from scheduler.control import SchedulerControl
from scheduler.runner import BackgroundScheduler, JobSpec, SchedulerEvent, default_owner
from services import backup
from services.auth import OperatorService
from services.auto_topup import AutoTopUpService
from services.changes import Changes, Kind
from services.circuit import CircuitBreaker
from services.clock import Clock, SystemClock
from services.customer_outbox import CustomerNoticeService
from services.customers import CustomerService
from services.features import FeatureService
from services.gateway import FakeGateway
from services.invoices import InvoiceService
from services.mail import NoticeSender
from services.mail_delivery import Attachment, OutgoingNotice
from services.notifications import NotificationCenter
from services.payment_cards import PaymentCardService
from services.payments import PaymentService
from services.renewals import RenewalService
from services.retries import RetryManager
from services.secrets import SecretStore
from services.settings import SettingsStore
from services.sign_in_tokens import SignInTokens
from services.subscriptions import SubscriptionService

DEMO_GATEWAY_KEY = "sk_test_demo_not_secret"
# The scheduled jobs, in the order Core.jobs() lists them.
AttachmentsFor = Callable[[OutgoingNotice], list[Attachment]]
JOB_NAMES = ("janitor", "renewals", "retries", "reminders", "monitoring", "backups", "notices")


class _DemoAwareSecrets:
    """The secret store, plus a published test key for demo databases only."""

    def __init__(self, secrets: SecretStore, settings: SettingsStore) -> None:
        self._secrets, self._settings = secrets, settings

    def get(self, name: str) -> str | None:
        value = self._secrets.get(name)
        if value is None and name == "gateway_api_key" and self._settings.get("demo"):
            return DEMO_GATEWAY_KEY
        return value

    def __getattr__(self, name: str) -> Any:
        return getattr(self._secrets, name)


@dataclass
class Core:
    """Everything below the GUI, wired together."""

    clock: Clock
    settings: SettingsStore
    notifications: NotificationCenter
    secrets: SecretStore
    gateway: FakeGateway
    circuit: CircuitBreaker
    retries: RetryManager
    operators: OperatorService
    customers: CustomerService
    features: FeatureService
    subscriptions: SubscriptionService
    renewals: RenewalService
    payments: PaymentService
    invoices: InvoiceService
    sign_in_tokens: SignInTokens
    cards: PaymentCardService
    auto_topup: AutoTopUpService
    mail: NoticeSender
    owner: str = field(default_factory=default_owner)
    # Set when the scheduler is asked to stop: the renewal and retry passes end at their next batch or item.
    stopping: threading.Event = field(default_factory=threading.Event)
    # `worker --catch-up`: its next renewal pass pays every period due, past renewals.catch_up_periods.
    catch_up_next_pass: bool = False

    def __post_init__(self) -> None:
        self.renewals.should_stop = self.stopping.is_set
        self.retries.runner.should_stop = self.stopping.is_set

    def jobs(self) -> list[JobSpec]:
        retry_every = max(60, int(self.settings.get("retry_every_minutes")) * 60)
        # Money moving touches wallets and invoices, subscriptions (a credited wallet renews those waiting
        # for it) and the error queue (whatever fails is queued there).
        money = Changes.of(Kind.WALLET, Kind.INVOICE, Kind.SUBSCRIPTION, Kind.ERROR_ITEM)
        return [
            JobSpec(
                "janitor",
                self.run_janitor,
                every_seconds=3600,
                at_start=True,
                changes=money | Changes.of(Kind.AUDIT, Kind.NOTIFICATION),
            ),
            JobSpec(
                "renewals",
                self.run_renewals,
                daily_at=lambda: self.settings.get("renewal_time"),
                at_start=True,
                changes=money,
            ),
            JobSpec("retries", self.run_retries, every_seconds=retry_every, changes=money | Changes.of(Kind.AUDIT)),
            JobSpec(
                "reminders",
                self.run_reminders,
                every_seconds=3600,
                at_start=True,
                changes=money | Changes.of(Kind.CUSTOMER, Kind.AUDIT),
            ),
            # Reads the queue and the circuit; its alert arrives as a notification.
            JobSpec("monitoring", self.run_monitoring, every_seconds=300),
            # Half an hour before the renewal night: a copy of the books as they were before it.
            JobSpec("backups", self.run_backup, daily_at=self.backup_time),
            # Customer notices due by now go out over SMTP; a failed send lands in the error queue.
            JobSpec(
                "notices",
                self.run_notices,
                every_seconds=60,
                at_start=True,
                changes=Changes.of(Kind.CUSTOMER, Kind.ERROR_ITEM),
            ),
        ]

    @property
    def customer_notices(self) -> CustomerNoticeService:
        """What each customer was sent, and sending a notice again."""
        return CustomerNoticeService(self.clock)

    def run_renewals(self) -> dict:
        """The renewal pass; the first one after ``catch_up_next_pass`` was set pays every period due."""
        catch_up, self.catch_up_next_pass = self.catch_up_next_pass, False
        return self.renewals.renew_due_subscriptions(catch_up=catch_up)

    def backup_time(self) -> str:
        hours, minutes = map(int, str(self.settings.get("renewal_time")).split(":"))
        before = (hours * 60 + minutes - 30) % (24 * 60)
        return f"{before // 60:02d}:{before % 60:02d}"

    def run_backup(self) -> dict:
        return backup.daily_backup(self.clock.now(), int(self.settings.get("backups_kept")))

    def run_janitor(self) -> dict:
        """Settle what a crash left in flight, then move old read notifications to the archive."""
        reconciled = self.payments.reconcile_unsettled_payments()
        archived = self.notifications.archive_read(int(self.settings.get("notifications.archive_days")))
        return {**reconciled, "archived": archived} if archived else reconciled

    def run_retries(self) -> dict:
        """The reconciliation sweep, then one pass over the error queue (which takes what the sweep queued)."""
        swept = self.payments.reconcile_unsettled_payments()
        return {**self.retries.process_pending_retries(), "reconciled": swept}

    def run_reminders(self) -> dict:
        """Automatic top-ups first (a wallet they fill needs no reminder), then the expiry reminders."""
        swept = self.auto_topup.sweep()
        topped_up = {f"auto_topups_{name}": swept[name] for name in ("charged", "queued", "declined")}
        return {**self.renewals.send_expiry_reminders(), **topped_up}

    def run_notices(self) -> dict:
        return self.mail.send_due_notices(self.clock.now())

    def run_monitoring(self) -> dict:
        return {"alert": self.retries.check_alert_threshold(), "circuit": self.circuit.info().state}

    def build_scheduler(
        self,
        on_event: Callable[[SchedulerEvent], None] | None = None,
        *,
        attachments: AttachmentsFor | None = None,
    ) -> BackgroundScheduler:
        """The jobs on a background thread; ``attachments`` (when given) is what notices carry from now on."""
        if attachments is not None:
            self.mail.attachments = attachments
        return BackgroundScheduler(
            self.jobs(), self.clock, owner=self.owner, on_event=on_event, stop_event=self.stopping
        )

    def scheduler_control(self, scheduler: BackgroundScheduler | None = None) -> SchedulerControl:
        """Pause, resume and run-now for operators; ``scheduler`` is the one running in this process, if any."""
        return SchedulerControl(self.clock, scheduler or self.build_scheduler())


def build_core(
    clock: Clock | None = None,
    *,
    gateway_sleep: Callable[[float], None] | None = None,
    attachments: AttachmentsFor | None = None,
) -> Core:
    """Wire the services over the already initialised database.

    ``attachments(notice) -> [(file name, bytes, MIME type)]`` gives each customer notice its files
    (a receipt's invoice PDF); None sends notices without any.
    """
    clock = clock or SystemClock()
    settings = SettingsStore(clock)
    notifications = NotificationCenter(clock)
    secrets = SecretStore()
    gateway_kwargs: dict[str, Any] = {"sleep": gateway_sleep} if gateway_sleep is not None else {}
    gateway = FakeGateway(clock, settings, _DemoAwareSecrets(secrets, settings), **gateway_kwargs)
    circuit = CircuitBreaker(clock, notifications)
    retries = RetryManager(clock, notifications, circuit=circuit, settings=settings)
    features = FeatureService(clock)
    renewals = RenewalService(clock, notifications, usage_pricer=features.period_usage_lines, settings=settings)

    def queue_renewal_failure(sub_id: int, error: BaseException) -> None:
        retries.record_failure("renewal", "subscription", sub_id, error)

    renewals.on_error = queue_renewal_failure
    retries.register("renewal", lambda item: str(renewals.renew_one(item.subject_id)), uses_gateway=False)
    payments = PaymentService(clock, gateway, circuit, retries, notifications, renewals)
    subscriptions = SubscriptionService(clock, notifications, usage_pricer=features.period_usage_lines)
    mail = NoticeSender(clock, settings, secrets, retries, attachments=attachments)
    return Core(
        clock,
        settings,
        notifications,
        secrets,
        gateway,
        circuit,
        retries,
        OperatorService(clock),
        CustomerService(clock),
        features,
        subscriptions,
        renewals,
        payments,
        InvoiceService(clock),
        SignInTokens(clock, settings),
        PaymentCardService(clock, gateway, circuit),
        AutoTopUpService(clock, payments, notifications),
        mail,
    )
