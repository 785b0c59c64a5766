"""What a customer reads: the subject, plain text and HTML of each kind of notice, in their language.

A template is a subject, a headline, paragraphs and a short table of facts, with ``{names}`` filled
from the notice's parameters once they are formatted for the customer: money with
``services.money.customer_money`` ("$1,234.56" / "1 234,56 $"), dates with ``customer_date``
("5 March 2026" / "05.03.2026"). The HTML escapes every value it is given (a customer's name, a plan's
name and the business's own name are data, not markup); the plain text is the same words. An admin
previews any kind in either language with ``preview`` and a sample customer.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from services.customer_notices import NOTICE_KINDS
from services.errors import ValidationError
from services.money import check_language, customer_date, customer_money

# Parameters that hold a date (ISO text in the notice's JSON) and are shown as the customer reads dates.
DATE_PARAMS = ("period_start", "period_end", "renews_on", "grace_until", "expired_on")


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class Business:
    """Who writes to the customer: the name signs every message, the address ends the HTML."""

    name: str = ""
    address: str = ""

    @classmethod
    def from_settings(cls, settings) -> Business:
        return cls(str(settings.get("business.name") or ""), str(settings.get("business.address") or ""))


@dataclass(frozen=True)
class _Template:
    subject: str
    headline: str
    paragraphs: tuple[str, ...]
    facts: tuple[tuple[str, str], ...] = ()


# --- the words, per language ------------------------------------------------------------

_COMMON = {
    "en": {
        "greeting": "Hello {customer_name},",
        "greeting_anonymous": "Hello,",
        "closing": "Thank you,",
        "signature_fallback": "Your billing team",
        "attached": "Attached: {names}.",
        "footer": "You receive this message because you hold an account with {business}.",
        "footer_anonymous": "You receive this message because you hold an account with us.",
    },
    "ru": {
        "greeting": "Здравствуйте, {customer_name}!",
        "greeting_anonymous": "Здравствуйте!",
        "closing": "С уважением,",
        "signature_fallback": "Служба оплаты",
        "attached": "Во вложении: {names}.",
        "footer": "Вы получили это письмо, потому что вы клиент «{business}».",
        "footer_anonymous": "Вы получили это письмо, потому что вы наш клиент.",
    },
}

_TEMPLATES: dict[str, dict[str, _Template]] = {
    "receipt": {
        "en": _Template(
            "Receipt {invoice_number}: {plan_name}",
            "Payment received",
            (
                "Your {plan_name} subscription is paid for {period_start} – {period_end}.",
                "{owed_sentence}",
            ),
            (
                ("Invoice", "{invoice_number}"),
                ("Plan", "{plan_name}"),
                ("Period", "{period_start} – {period_end}"),
                ("Total", "{total}"),
                ("Paid from your wallet", "{paid}"),
                ("Wallet balance now", "{balance}"),
            ),
        ),
        "ru": _Template(
            "Квитанция {invoice_number}: {plan_name}",
            "Оплата получена",
            (
                "Подписка «{plan_name}» оплачена на период {period_start} – {period_end}.",
                "{owed_sentence}",
            ),
            (
                ("Счёт", "{invoice_number}"),
                ("Тариф", "{plan_name}"),
                ("Период", "{period_start} – {period_end}"),
                ("Итого", "{total}"),
                ("Оплачено с кошелька", "{paid}"),
                ("Остаток на кошельке", "{balance}"),
            ),
        ),
    },
    "renewal_due_soon": {
        "en": _Template(
            "Top up by {renews_on} to renew {plan_name}",
            "Your renewal is coming up",
            (
                "Your {plan_name} subscription renews on {renews_on} ({in_days}). It costs {price}, "
                "and your wallet holds {balance}.",
                "Please top up at least {shortfall} so that it renews without a break.",
            ),
            (
                ("Renews on", "{renews_on}"),
                ("Price", "{price}"),
                ("In your wallet", "{balance}"),
                ("To top up", "{shortfall}"),
            ),
        ),
        "ru": _Template(
            "Пополните кошелёк до {renews_on}, чтобы продлить «{plan_name}»",
            "Скоро продление подписки",
            (
                "Подписка «{plan_name}» продлевается {renews_on} ({in_days}). Продление стоит {price}, "
                "а на кошельке {balance}.",
                "Пополните кошелёк хотя бы на {shortfall}, чтобы подписка продлилась без перерыва.",
            ),
            (
                ("Дата продления", "{renews_on}"),
                ("Стоимость", "{price}"),
                ("На кошельке", "{balance}"),
                ("Пополнить на", "{shortfall}"),
            ),
        ),
    },
    "renewal_waiting": {
        "en": _Template(
            "Your {plan_name} subscription is waiting for payment",
            "We could not renew your subscription",
            (
                "Your {plan_name} subscription costs {price} and your wallet holds {balance}, so it could not renew.",
                "Top up at least {shortfall} by {grace_until} and it renews at once; after that date it ends.",
            ),
            (
                ("Price", "{price}"),
                ("In your wallet", "{balance}"),
                ("To top up", "{shortfall}"),
                ("Top up by", "{grace_until}"),
            ),
        ),
        "ru": _Template(
            "Подписка «{plan_name}» ждёт оплаты",
            "Не удалось продлить подписку",
            (
                "Подписка «{plan_name}» стоит {price}, а на кошельке {balance}, поэтому она не продлилась.",
                "Пополните кошелёк хотя бы на {shortfall} до {grace_until} — и подписка сразу продлится; "
                "после этой даты она закончится.",
            ),
            (
                ("Стоимость", "{price}"),
                ("На кошельке", "{balance}"),
                ("Пополнить на", "{shortfall}"),
                ("Пополнить до", "{grace_until}"),
            ),
        ),
    },
    "subscription_expired": {
        "en": _Template(
            "Your {plan_name} subscription has ended",
            "Your subscription has ended",
            (
                "Your {plan_name} subscription ended on {expired_on}.",
                "You can subscribe again at any time: top up your wallet and write to us.",
            ),
            (("Plan", "{plan_name}"), ("Ended on", "{expired_on}")),
        ),
        "ru": _Template(
            "Подписка «{plan_name}» закончилась",
            "Подписка закончилась",
            (
                "Подписка «{plan_name}» закончилась {expired_on}.",
                "Её можно возобновить в любой момент: пополните кошелёк и напишите нам.",
            ),
            (("Тариф", "{plan_name}"), ("Дата окончания", "{expired_on}")),
        ),
    },
    "topup_credited": {
        "en": _Template(
            "{amount} added to your wallet",
            "Your wallet is topped up",
            ("{how_sentence}",),
            (("Added", "{amount}"), ("Wallet balance now", "{balance}")),
        ),
        "ru": _Template(
            "Кошелёк пополнен на {amount}",
            "Кошелёк пополнен",
            ("{how_sentence}",),
            (("Зачислено", "{amount}"), ("Остаток на кошельке", "{balance}")),
        ),
    },
    "refund_sent": {
        "en": _Template(
            "Refund of {amount}",
            "We have refunded you",
            ("{where_sentence}",),
            (("Refunded", "{amount}"), ("Credit note", "{credit_note_number}")),
        ),
        "ru": _Template(
            "Возврат {amount}",
            "Мы вернули вам деньги",
            ("{where_sentence}",),
            (("Возвращено", "{amount}"), ("Кредит-нота", "{credit_note_number}")),
        ),
    },
    "low_balance": {
        "en": _Template(
            "Your wallet balance is low: {balance}",
            "Your wallet is running low",
            (
                "Your wallet holds {balance}, less than {threshold}.",
                "Top up to keep your subscriptions renewing without a break.",
            ),
            (("In your wallet", "{balance}"), ("Reminder below", "{threshold}")),
        ),
        "ru": _Template(
            "На кошельке мало средств: {balance}",
            "На кошельке заканчиваются деньги",
            (
                "На вашем кошельке {balance} — меньше, чем {threshold}.",
                "Пополните его, чтобы подписки продлевались без перерыва.",
            ),
            (("На кошельке", "{balance}"), ("Напоминаем при остатке ниже", "{threshold}")),
        ),
    },
    "auto_topup_declined": {
        "en": _Template(
            "Automatic top-up of {amount} was declined",
            "Your card was declined",
            (
                "Your card ending in {card_last4} declined the automatic top-up of {amount} ({decline}).",
                "Automatic top-up is now off. Top up by hand, or update your card and ask us to turn it back on.",
            ),
            (("Amount", "{amount}"), ("Card", "•••• {card_last4}"), ("Reason", "{decline}")),
        ),
        "ru": _Template(
            "Автопополнение на {amount} отклонено",
            "Карта отклонила платёж",
            (
                "Карта, оканчивающаяся на {card_last4}, отклонила автоматическое пополнение на {amount} ({decline}).",
                "Автопополнение отключено. Пополните кошелёк вручную или обновите карту и попросите нас "
                "включить его снова.",
            ),
            (("Сумма", "{amount}"), ("Карта", "•••• {card_last4}"), ("Причина", "{decline}")),
        ),
    },
}

_DECLINES = {
    "en": {
        "card_declined": "the card was declined",
        "insufficient_funds": "not enough funds on the card",
        "expired_card": "the card has expired",
        "declined": "the card was declined",
    },
    "ru": {
        "card_declined": "карта отклонена",
        "insufficient_funds": "на карте недостаточно средств",
        "expired_card": "срок действия карты истёк",
        "declined": "карта отклонена",
    },
}


def _in_days(days: int, language: str) -> str:
    if language == "ru":
        if days <= 0:
            return "сегодня"
        if days % 10 == 1 and days % 100 != 11:
            word = "день"
        elif days % 10 in (2, 3, 4) and days % 100 not in (12, 13, 14):
            word = "дня"
        else:
            word = "дней"
        return f"через {days} {word}"
    if days <= 0:
        return "today"
    return "in 1 day" if days == 1 else f"in {days} days"


def _as_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return date.fromisoformat(text[:10])


def _values(kind: str, language: str, params: dict) -> dict[str, str]:
    """The notice's parameters as the customer reads them, plus the sentences that depend on them."""
    currency = str(params.get("currency") or "USD")
    values: dict[str, str] = {}
    for name, value in params.items():
        if name.endswith("_minor") and isinstance(value, int) and not isinstance(value, bool):
            values[name.removesuffix("_minor")] = customer_money(value, currency, language)
        elif name in DATE_PARAMS and value not in (None, ""):
            values[name] = customer_date(_as_date(value), language)
        else:
            values[name] = "" if value is None else str(value)
    ru = language == "ru"
    if kind == "receipt":
        owed = int(params.get("total_minor") or 0) - int(params.get("paid_minor") or 0)
        owed_text = customer_money(owed, currency, language)
        if owed > 0:
            values["owed_sentence"] = (
                f"Остаток {owed_text} будет списан с кошелька при следующем пополнении."
                if ru
                else f"The remaining {owed_text} is taken from your wallet when you next top up."
            )
        else:
            values["owed_sentence"] = "Спасибо, что вы с нами!" if ru else "Thank you for staying with us!"
    elif kind == "renewal_due_soon":
        values["in_days"] = _in_days(int(params.get("days") or 0), language)
    elif kind == "topup_credited":
        automatic = params.get("automatic") in (True, 1, "true", "True")
        amount = values.get("amount", "")
        if automatic:
            values["how_sentence"] = (
                f"Мы автоматически пополнили кошелёк с сохранённой карты на {amount}."
                if ru
                else f"We topped up your wallet automatically from your saved card: {amount} was added."
            )
        else:
            values["how_sentence"] = (
                f"Пополнение на {amount} зачислено на ваш кошелёк."
                if ru
                else f"Your top-up of {amount} has been credited to your wallet."
            )
    elif kind == "refund_sent":
        amount = values.get("amount", "")
        if params.get("destination") == "wallet":
            values["where_sentence"] = (
                f"Мы вернули {amount} на ваш кошелёк." if ru else f"We have refunded {amount} to your wallet."
            )
        else:
            values["where_sentence"] = (
                f"Мы вернули {amount} на вашу карту. В зависимости от банка деньги могут поступить через "
                "несколько дней."
                if ru
                else f"We have sent a refund of {amount} to your card. Depending on your bank it may take a "
                "few days to appear."
            )
    elif kind == "auto_topup_declined":
        code = str(params.get("decline_code") or "declined")
        values["decline"] = _DECLINES[language].get(code, code.replace("_", " "))
    return values


def _fill(template: str, values: dict[str, str]) -> str:
    return template.format_map(values)


def render(
    notice_kind: str,
    language: str,
    params: dict,
    customer_name: str,
    business: Business,
    *,
    attached: Sequence[str] = (),
) -> RenderedMail:
    """The message for one notice; ``attached`` names the files that go with it (said in the text)."""
    try:
        template = _TEMPLATES[notice_kind][language]
    except KeyError:
        raise ValidationError(
            "no template for a {kind!r} notice in {language!r}", kind=str(notice_kind)[:40], language=str(language)[:8]
        ) from None
    common = _COMMON[language]
    values = _values(notice_kind, language, params)
    values["customer_name"] = str(customer_name or "").strip()
    signature = business.name.strip() or common["signature_fallback"]
    # A header is one line; the no-break spaces inside amounts ("50,00 $") stay.
    subject = re.sub(r"[ \t\r\n]+", " ", _fill(template.subject, values)).strip()
    headline = _fill(template.headline, values)
    greeting = _fill(common["greeting"], values) if values["customer_name"] else common["greeting_anonymous"]
    paragraphs = [p for p in (_fill(p, values) for p in template.paragraphs) if p.strip()]
    if attached:
        paragraphs.append(common["attached"].format(names=", ".join(attached)))
    facts = [(label, _fill(value, values)) for label, value in template.facts]
    facts = [(label, value) for label, value in facts if value.strip()]
    footer = (
        common["footer"].format(business=business.name.strip()) if business.name.strip() else common["footer_anonymous"]
    )

    width = max((len(label) for label, _ in facts), default=0)
    text_lines = [greeting, ""]
    for paragraph in paragraphs:
        text_lines += [paragraph, ""]
    if facts:
        text_lines += [f"  {label + ':':<{width + 1}}  {value}" for label, value in facts]
        text_lines.append("")
    text_lines += [common["closing"], signature]
    if business.address.strip():
        text_lines += [business.address.strip()]
    text_lines += ["", "--", footer]
    text = "\n".join(text_lines) + "\n"
    return RenderedMail(
        subject, text, _html(headline, greeting, paragraphs, facts, common, signature, business, footer, language)
    )


def _html(
    headline: str,
    greeting: str,
    paragraphs: list[str],
    facts: list[tuple[str, str]],
    common: dict[str, str],
    signature: str,
    business: Business,
    footer: str,
    language: str,
) -> str:
    """Table layout with attributes, which mail clients (and Qt's rich text) render the same way."""
    esc = html.escape
    font = "font-family:Helvetica,Arial,sans-serif;"
    rows = "".join(
        f"<tr><td style='{font}color:#5f6b7a;font-size:14px;padding:6px 0;'>{esc(label)}</td>"
        f"<td align='right' style='{font}color:#1d2733;font-size:14px;font-weight:bold;padding:6px 0;'>"
        f"{esc(value)}</td></tr>"
        for label, value in facts
    )
    facts_table = (
        "<table width='100%' cellpadding='0' cellspacing='0' "
        f"style='border-top:1px solid #e3e7ec;border-bottom:1px solid #e3e7ec;margin:8px 0 18px 0;'>{rows}</table>"
        if facts
        else ""
    )
    body = "".join(f"<p style='{font}color:#1d2733;font-size:15px;line-height:1.5;'>{esc(p)}</p>" for p in paragraphs)
    address = "<br>".join(esc(line) for line in business.address.strip().splitlines() if line.strip())
    return (
        f"<!DOCTYPE html><html lang='{esc(language)}'><head><meta charset='utf-8'>"
        f"<title>{esc(headline)}</title></head>"
        "<body style='margin:0;padding:0;background-color:#f1f3f6;'>"
        "<table width='100%' cellpadding='24' cellspacing='0' bgcolor='#f1f3f6'><tr><td align='center'>"
        "<table width='560' cellpadding='0' cellspacing='0' bgcolor='#ffffff' style='border:1px solid #e3e7ec;'>"
        f"<tr><td bgcolor='#1f4e79' style='{font}padding:18px 28px;color:#ffffff;font-size:18px;font-weight:bold;'>"
        f"{esc(signature)}</td></tr>"
        f"<tr><td style='padding:24px 28px 8px 28px;'>"
        f"<h1 style='{font}color:#1f4e79;font-size:22px;margin:0 0 16px 0;'>{esc(headline)}</h1>"
        f"<p style='{font}color:#1d2733;font-size:15px;'>{esc(greeting)}</p>"
        f"{body}{facts_table}"
        f"<p style='{font}color:#1d2733;font-size:15px;'>{esc(common['closing'])}<br><b>{esc(signature)}</b></p>"
        "</td></tr>"
        f"<tr><td bgcolor='#f7f8fa' style='{font}padding:14px 28px;color:#7a8594;font-size:12px;'>"
        + (f"{address}<br>" if address else "")
        + f"{esc(footer)}</td></tr>"
        "</table></td></tr></table></body></html>"
    )


# --- previews ----------------------------------------------------------------------------

SAMPLE_CUSTOMERS = {"en": "Ada Lovelace", "ru": "Анна Павлова"}

_SAMPLES: dict[str, dict] = {
    "receipt": {
        "invoice_id": 42,
        "invoice_number": "INV-2026-000042",
        "plan_name": "Pro monthly",
        "period_start": "2026-03-05",
        "period_end": "2026-04-05",
        "total_minor": 2900,
        "paid_minor": 2900,
        "currency": "USD",
        "balance_minor": 123456,
    },
    "renewal_due_soon": {
        "subscription_id": 7,
        "plan_name": "Pro monthly",
        "renews_on": "2026-04-05",
        "days": 3,
        "price_minor": 2900,
        "balance_minor": 1250,
        "shortfall_minor": 1650,
        "currency": "USD",
    },
    "renewal_waiting": {
        "subscription_id": 7,
        "plan_name": "Pro monthly",
        "price_minor": 2900,
        "balance_minor": 1250,
        "shortfall_minor": 1650,
        "currency": "USD",
        "grace_until": "2026-04-12",
    },
    "subscription_expired": {"subscription_id": 7, "plan_name": "Pro monthly", "expired_on": "2026-04-12"},
    "topup_credited": {
        "topup_id": 11,
        "amount_minor": 5000,
        "balance_minor": 6250,
        "currency": "USD",
        "automatic": False,
    },
    "refund_sent": {
        "refund_id": 3,
        "amount_minor": 1450,
        "currency": "USD",
        "destination": "card",
        "credit_note_number": "CN-2026-000003",
    },
    "low_balance": {"wallet_id": 5, "balance_minor": 480, "threshold_minor": 1000, "currency": "USD"},
    "auto_topup_declined": {
        "rule_id": 2,
        "amount_minor": 3000,
        "currency": "USD",
        "card_last4": "4242",
        "decline_code": "insufficient_funds",
    },
}


def sample_params(kind: str) -> dict:
    """Parameters of a made-up notice of ``kind``, for previews and tests."""
    if kind not in NOTICE_KINDS:
        raise ValidationError(
            "unknown kind of notice {kind!r}; known: {known}", kind=str(kind)[:40], known=", ".join(NOTICE_KINDS)
        )
    return dict(_SAMPLES[kind])


def preview(kind: str, language: str, business: Business, customer_name: str | None = None) -> RenderedMail:
    """``kind`` in ``language`` as a sample customer would get it."""
    language = check_language(language)
    return render(kind, language, sample_params(kind), customer_name or SAMPLE_CUSTOMERS[language], business)
