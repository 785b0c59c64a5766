"""Access decisions: whether a customer may use a feature now, what is left, and why."""

from __future__ import annotations

import pytest

from models.tables import Customer, Subscription
from services.access import FeatureAccess
from services.catalogue import PlanCatalogue
from services.errors import NotFound
from tests.unit.plan_setup import PERIOD_START, grant_one_of_each, subscribe


@pytest.fixture
def catalogue(db, clock):
    return PlanCatalogue(clock)


@pytest.fixture
def access(db, clock):
    return FeatureAccess(clock)


@pytest.fixture
def pro(catalogue, admin):
    return grant_one_of_each(catalogue, admin)


def test_check_access_refuses_unknown_names_and_customers_without_the_feature(access, pro):
    with pytest.raises(NotFound):
        access.check_access("ann@example.com", "telepathy")
    with pytest.raises(NotFound):
        access.check_access("nobody@example.com", "sso")
    Customer.create(name="Bob", email="bob@example.com", created_at=PERIOD_START)
    decision = access.check_access("bob@example.com", "sso")
    assert (decision.allowed, decision.reason) == (False, "no subscription includes this feature")


def test_check_access_uses_any_subscription_that_grants_and_explains_expiry(access, catalogue, admin, pro):
    catalogue.create_plan(admin, "team", "Team", 4999)
    catalogue.set_plan_feature(admin, "team", "api_calls", quota=50)
    old = subscribe(pro, status="expired")
    customer_id = Subscription.get_by_id(old).customer_id
    assert access.check_access(customer_id, "api_calls") == access.check_access("ann@example.com", "api_calls")
    assert access.check_access("ann@example.com", "api_calls").reason == "subscription expired"
    subscribe("team")
    decision = access.check_access("ann@example.com", "api_calls")
    assert (decision.allowed, decision.remaining) == (True, 50)


def test_each_feature_type_explains_what_it_grants(access, catalogue, admin, pro):
    subscribe(pro)
    assert access.check_access("ann@example.com", "sso").reason == "included in plan pro"
    assert access.check_access("ann@example.com", "storage").reason == "always allowed; usage is charged"
    catalogue.set_plan_feature(admin, pro, "storage")
    assert access.check_access("ann@example.com", "storage").reason == "always allowed"
    quota = access.check_access("ann@example.com", "api_calls")
    assert (quota.allowed, quota.remaining, quota.reason) == (True, 1000, "1,000 of 1,000 api calls left this period")
    rate = access.check_access("ann@example.com", "requests")
    assert (rate.allowed, rate.remaining, rate.reason) == (True, 10, "10 of 10 requests per minute left")
