"""Operator-changeable settings, stored as JSON values and validated on write."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from models.db import write_transaction
from models.tables import Setting
from services.audit import record_audit
from services.auth import Actor, require
from services.clock import Clock
from services.errors import ValidationError
from services.notice_events import (
    DEFAULT_DUE_SOON_DAYS,
    DUE_SOON_SETTING,
    LOW_BALANCE_SETTING,
    clean_low_balance_thresholds,
)


def _rate(value) -> float:
    try:
        rate = float(value)
    except (TypeError, ValueError):
        raise ValidationError("{value!r} is not a rate between 0 and 1", value=value) from None
    if not 0.0 <= rate <= 1.0:  # NaN fails both comparisons
        raise ValidationError("{value!r} is not a rate between 0 and 1", value=value)
    return rate


def _int_range(low: int, high: int):
    def check(value) -> int:
        if isinstance(value, bool):
            raise ValidationError("{value!r} is not a whole number", value=value)
        try:
            number = int(str(value).strip())
        except (TypeError, ValueError):
            raise ValidationError("{value!r} is not a whole number", value=value) from None
        if not low <= number <= high:
            raise ValidationError("{number} is outside {low}–{high}", number=number, low=low, high=high)
        return number

    return check


def _time_of_day(value) -> str:
    text = str(value).strip()
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", text):
        raise ValidationError("{text!r} is not a time of day like 02:00", text=text[:20])
    return text


def _boolean(value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("on", "true", "1", "yes"):
        return True
    if text in ("off", "false", "0", "no"):
        return False
    raise ValidationError("{value!r} is not on/off", value=value)


class SettingDefinition(NamedTuple):
    """What a setting holds until an operator changes it, and the check that cleans a new value
    (it returns the value to store or raises ValidationError)."""

    default: Any
    validate: Callable[[Any], Any]


def _text(limit: int, *, lines: bool = False):
    def check(value) -> str:
        text = "" if value is None else str(value).strip()
        if len(text) > limit:
            raise ValidationError("{length} characters is more than {limit}", length=len(text), limit=limit)
        if any(ord(char) < 32 and not (lines and char == "\n") for char in text):
            raise ValidationError("control characters are not allowed here")
        return text

    return check


def _choice(*choices: str):
    def check(value) -> str:
        text = str(value).strip().lower()
        if text not in choices:
            shown = str(value)[:40]
            raise ValidationError("{value!r} is not one of {choices}", value=shown, choices=", ".join(choices))
        return text

    return check


def _optional_email(value) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        return ""
    from services.customers import clean_email

    return clean_email(text)


def _optional_seed(value: Any) -> int | None:
    return None if value is None else _int_range(0, 2**31)(value)


SETTINGS: dict[str, SettingDefinition] = {
    "renewal_time": SettingDefinition("02:00", _time_of_day),
    "reminder_days": SettingDefinition(3, _int_range(0, 60)),
    "default_grace_days": SettingDefinition(3, _int_range(0, 90)),
    "alert_threshold": SettingDefinition(25, _int_range(1, 1_000_000)),
    "retry_every_minutes": SettingDefinition(2, _int_range(1, 1440)),
    "backups_kept": SettingDefinition(7, _int_range(0, 365)),
    # the most periods one renewal pass pays per subscription unprompted; past it the subscription is held
    # until an operator allows the catch-up (a clock moved a year ahead must not charge a year at once).
    # 5: a month away still renews weekly plans (up to five weeks end in 31 days) without asking.
    "renewals.catch_up_periods": SettingDefinition(5, _int_range(1, 1000)),
    # read notifications older than this move to the archive (the panel still shows them under "Archived")
    "notifications.archive_days": SettingDefinition(90, _int_range(1, 3650)),
    # how long a computer's "Remember me" signs its operator in without the password (renewed at each use)
    "remember_me_days": SettingDefinition(30, _int_range(1, 365)),
    "gateway.latency_min_ms": SettingDefinition(5, _int_range(0, 60_000)),
    "gateway.latency_max_ms": SettingDefinition(40, _int_range(0, 60_000)),
    "gateway.error_rate": SettingDefinition(0.0, _rate),
    "gateway.timeout_rate": SettingDefinition(0.0, _rate),
    "gateway.decline_rate": SettingDefinition(0.0, _rate),
    "gateway.outage": SettingDefinition(False, _boolean),
    "demo": SettingDefinition(False, _boolean),
    # The mail server customer notices go through (its password lives in the keyring, never here).
    "mail.host": SettingDefinition("", _text(253)),
    "mail.port": SettingDefinition(587, _int_range(1, 65535)),
    "mail.security": SettingDefinition("starttls", _choice("starttls", "tls", "none")),
    "mail.user": SettingDefinition("", _text(254)),
    "mail.from": SettingDefinition("", _optional_email),
    # Who the business is, on documents and in messages to customers.
    "business.name": SettingDefinition("", _text(200)),
    "business.address": SettingDefinition("", _text(1000, lines=True)),
    "gateway.seed": SettingDefinition(None, _optional_seed),
    # Customer notices: how many days before a renewal a customer whose wallet cannot pay it is told,
    # and the balance per currency (minor units, e.g. {"USD": 500}) under which they are told it is low.
    DUE_SOON_SETTING: SettingDefinition(DEFAULT_DUE_SOON_DAYS, _int_range(1, 60)),
    LOW_BALANCE_SETTING: SettingDefinition({}, clean_low_balance_thresholds),
}

# The permissions a settings change may be checked against (and audited as).
SETTINGS_ACTIONS = ("settings.edit", "gateway.configure")


def latency_in_order(values: dict) -> bool:
    """The simulated gateway's latency range reads from its minimum up to its maximum."""
    return values["gateway.latency_min_ms"] <= values["gateway.latency_max_ms"]


class SettingsStore:
    def __init__(self, clock: Clock):
        self.clock = clock

    def get(self, name: str) -> Any:
        definition = SETTINGS[name]
        row = Setting.get_or_none(Setting.key == name)
        return definition.default if row is None else json.loads(row.value)

    def get_many(self, prefix: str = "") -> dict[str, Any]:
        values = {name: definition.default for name, definition in SETTINGS.items() if name.startswith(prefix)}
        for row in Setting.select().where(Setting.key.startswith(prefix) if prefix else True):
            if row.key in values:
                values[row.key] = json.loads(row.value)
        return values

    def update(self, actor: Actor, changes: dict, reason: str = "", action: str = "settings.edit") -> dict:
        if action not in SETTINGS_ACTIONS:
            raise ValueError(f"settings are changed under {' or '.join(SETTINGS_ACTIONS)}, not {action!r}")
        require(actor, action)
        if not isinstance(changes, dict) or not changes:
            raise ValidationError("name the settings to change and their new values")
        clean = {}
        for name, value in changes.items():
            if name not in SETTINGS:
                raise ValidationError("unknown setting {name!r}", name=name)
            clean[name] = SETTINGS[name].validate(value)
        merged = {**self.get_many("gateway."), **{k: v for k, v in clean.items() if k.startswith("gateway.")}}
        if not latency_in_order(merged):
            raise ValidationError("gateway latency: the minimum is above the maximum")
        with write_transaction():
            before = {name: self.get(name) for name in clean}
            for name, value in clean.items():
                Setting.insert(key=name, value=json.dumps(value), updated_at=self.clock.now()).on_conflict(
                    conflict_target=[Setting.key],
                    update={Setting.value: json.dumps(value), Setting.updated_at: self.clock.now()},
                ).execute()
            record_audit(
                self.clock,
                actor.name,
                action,
                "settings",
                _audit_target(clean),
                before=before,
                after=clean,
                reason=reason,
            )
        return clean


def _audit_target(names: Iterable[str]) -> str:
    """The settings an audit entry names: all of them when they fit its 64 characters, else their group."""
    names = sorted(names)
    joined = ",".join(names)
    if len(joined) <= 64:
        return joined
    groups = {name.split(".", 1)[0] for name in names}
    group = f"{groups.pop()}.*" if len(groups) == 1 else "settings"
    return f"{group} ({len(names)})"
