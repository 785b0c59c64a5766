"""Every kind of notice reads right in English and Russian, and nothing a person typed becomes markup."""

import pytest

from services.customer_notices import NOTICE_KINDS
from services.errors import ValidationError
from services.mail_templates import Business, preview, render, sample_params

BUSINESS = Business("Northwind Hosting", "12 Harbour Street\nBristol")


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("kind", list(NOTICE_KINDS))
def test_every_kind_renders_in_both_languages_with_nothing_left_unfilled(kind, language):
    mail = preview(kind, language, BUSINESS)
    assert set(sample_params(kind)) == set(NOTICE_KINDS[kind])
    for part in (mail.subject, mail.text, mail.html):
        assert "{" not in part and "}" not in part and "None" not in part
    assert "\n" not in mail.subject and mail.subject
    assert "Northwind Hosting" in mail.text and "Northwind Hosting" in mail.html
    cyrillic = any("а" <= ch <= "я" for ch in mail.text.lower())
    assert cyrillic == (language == "ru")


@pytest.mark.parametrize(
    "days, english, russian",
    [(0, "today", "сегодня"), (1, "in 1 day", "через 1 день"), (3, "in 3 days", "через 3 дня"),
     (5, "in 5 days", "через 5 дней"), (11, "in 11 days", "через 11 дней"), (21, "in 21 days", "через 21 день")],
)  # fmt: skip
def test_days_until_a_renewal_read_as_a_person_says_them(days, english, russian):
    params = {**sample_params("renewal_due_soon"), "days": days}
    assert f"({english})" in render("renewal_due_soon", "en", params, "Ada", BUSINESS).text
    assert f"({russian})" in render("renewal_due_soon", "ru", params, "Анна", BUSINESS).text


def test_amounts_and_dates_follow_the_customers_language():
    params = {**sample_params("receipt"), "total_minor": 123456, "paid_minor": 100000}
    english = render("receipt", "en", params, "Ada", BUSINESS).text
    russian = render("receipt", "ru", params, "Анна", BUSINESS).text
    assert "$1,234.56" in english and "5 March 2026 – 5 April 2026" in english and "$234.56" in english
    assert "1\u202f234,56\u00a0$" in russian and "05.03.2026 – 05.04.2026" in russian and "234,56\u00a0$" in russian


def test_what_people_typed_is_escaped_in_the_html():
    hostile = "<img src=x onerror=alert(1)>"
    params = {**sample_params("subscription_expired"), "plan_name": f"Pro {hostile}"}
    mail = render("subscription_expired", "en", params, f"Eve {hostile}", Business(f"Shop {hostile}", hostile))
    assert "<img" not in mail.html and mail.html.count("&lt;img src=x onerror=alert(1)&gt;") >= 3
    assert f"Hello Eve {hostile}," in mail.text  # the plain text shows it as typed


def test_a_refund_says_where_the_money_went_and_a_missing_credit_note_is_left_out():
    card = render("refund_sent", "en", sample_params("refund_sent"), "Ada", BUSINESS).text
    wallet_params = {**sample_params("refund_sent"), "destination": "wallet", "credit_note_number": None}
    wallet = render("refund_sent", "en", wallet_params, "Ada", BUSINESS).text
    assert "to your card" in card and "CN-2026-000003" in card
    assert "to your wallet" in wallet and "Credit note" not in wallet


def test_unknown_kinds_and_languages_are_refused():
    with pytest.raises(ValidationError, match="unknown kind of notice"):
        sample_params("invoice_overdue")
    with pytest.raises(ValidationError, match="unknown language"):
        preview("receipt", "de", BUSINESS)
