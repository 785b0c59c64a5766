"""One cleaner for the idempotency keys callers hand in, whatever they key: payments or metered usage."""

from __future__ import annotations

import pytest

from services.errors import ValidationError
from services.validation import clean_idempotency_key


def test_a_key_is_kept_stripped_and_no_key_stays_none():
    assert clean_idempotency_key("  evt-1 ", max_length=120) == "evt-1"
    assert clean_idempotency_key("k" * 120, max_length=120) == "k" * 120
    assert clean_idempotency_key(None, max_length=120) is None


@pytest.mark.parametrize("key", ["", "   ", "k" * 121, 42, b"evt-1", "evt-\ud800"])
def test_a_key_that_cannot_be_stored_is_refused_with_the_callers_limit(key):
    with pytest.raises(ValidationError, match="an idempotency key is 1–120 characters of text"):
        clean_idempotency_key(key, max_length=120)


def test_the_limit_is_the_callers():
    assert clean_idempotency_key("k" * 200, max_length=200) == "k" * 200
    with pytest.raises(ValidationError, match="1–200 characters"):
        clean_idempotency_key("k" * 201, max_length=200)
