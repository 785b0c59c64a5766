"""The catalogue: plans, features, and how a plan grants and prices each feature."""

from __future__ import annotations

import json

import pytest

from models.tables import AuditEntry, Plan, PlanFeature
from services.catalogue import PlanCatalogue, units, window_text
from services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from services.pricing import PriceTerms
from tests.unit.plan_setup import grant_one_of_each


@pytest.fixture
def catalogue(db, clock):
    return PlanCatalogue(clock)


@pytest.fixture
def pro(catalogue, admin):
    return grant_one_of_each(catalogue, admin)


# --- plans and features ----------------------------------------------------


def test_create_plan_returns_it_and_audits_it(catalogue, admin):
    plan = catalogue.create_plan(admin, "basic", "Basic", 500, currency="eur", interval_unit="year", grace_days=0)
    assert (plan.code, plan.price_minor, plan.currency, plan.interval_unit, plan.active) == (
        "basic",
        500,
        "EUR",
        "year",
        True,
    )
    assert catalogue.get_plan("basic") == plan
    audit = AuditEntry.get(AuditEntry.action == "plan.create")
    assert audit.actor == "alice" and json.loads(audit.after)["price_minor"] == 500


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(code="Pro Plan"),
        dict(code="x"),
        dict(currency="XYZ"),
        dict(interval_unit="fortnight"),
        dict(interval_count=0),
        dict(interval_count=37),
        dict(price_minor=-1),
        dict(price_minor=9.99),
        dict(grace_days=-1),
        dict(grace_days=91),
        dict(name="  "),
        dict(access_in_grace="yes"),
    ],
)
def test_create_plan_refuses_bad_input_and_writes_nothing(catalogue, admin, kwargs):
    args = dict(code="basic", name="Basic", price_minor=500) | kwargs
    with pytest.raises(ValidationError):
        catalogue.create_plan(admin, **args)
    assert Plan.select().count() == 0 and AuditEntry.select().count() == 0


def test_duplicate_plan_code_is_a_conflict(catalogue, admin):
    catalogue.create_plan(admin, "basic", "Basic", 500)
    with pytest.raises(Conflict, match="already exists"):
        catalogue.create_plan(admin, "basic", "Other", 900)
    assert catalogue.get_plan("basic").name == "Basic"


@pytest.mark.parametrize("who", ["operator", "viewer"])
def test_only_admins_edit_plans(catalogue, request, who):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        catalogue.create_plan(actor, "basic", "Basic", 500)
    with pytest.raises(PermissionDenied):
        catalogue.create_feature(actor, "sso", "SSO", "boolean")
    assert Plan.select().count() == 0


def test_update_plan_changes_fields_and_audits_before_and_after(catalogue, admin):
    catalogue.create_plan(admin, "basic", "Basic", 500)
    plan = catalogue.update_plan(admin, "basic", price_minor=700, active=False, reason="price rise")
    assert (plan.price_minor, plan.active) == (700, False)
    audit = AuditEntry.get(AuditEntry.action == "plan.edit")
    assert json.loads(audit.before) == {"price_minor": 500, "active": True}
    assert json.loads(audit.after) == {"price_minor": 700, "active": False}
    assert audit.reason == "price rise"
    assert [p.code for p in catalogue.list_plans(include_inactive=False)] == []
    assert [p.code for p in catalogue.list_plans()] == ["basic"]


def test_update_plan_refuses_unknown_plans_and_empty_changes(catalogue, admin):
    with pytest.raises(NotFound):
        catalogue.update_plan(admin, "nope", name="Nope")
    catalogue.create_plan(admin, "basic", "Basic", 500)
    with pytest.raises(ValidationError, match="nothing to change"):
        catalogue.update_plan(admin, "basic")
    with pytest.raises(NotFound):
        catalogue.get_plan("nope")


def test_create_feature_checks_type_and_duplicates(catalogue, admin):
    with pytest.raises(ValidationError, match="feature type"):
        catalogue.create_feature(admin, "sso", "SSO", "toggle")
    catalogue.create_feature(admin, "sso", "SSO", "boolean")
    with pytest.raises(Conflict):
        catalogue.create_feature(admin, "sso", "SSO again", "boolean")
    assert [f.code for f in catalogue.list_features()] == ["sso"]


# --- plan features ---------------------------------------------------------


def test_plan_features_lists_what_the_plan_grants(catalogue, pro):
    by_code = {pf.feature_code: pf for pf in catalogue.plan_features(pro)}
    assert set(by_code) == {"sso", "api_calls", "requests", "storage"}
    assert by_code["api_calls"].quota == 1000
    assert (by_code["requests"].rate_limit, by_code["requests"].rate_window_seconds) == (10, 60)
    assert by_code["storage"].terms == PriceTerms("flat", unit_price_minor=25)


@pytest.mark.parametrize(
    ("feature", "kwargs", "message"),
    [
        ("sso", dict(pricing="flat", unit_price_minor=5), "on/off feature"),
        ("sso", dict(quota=5), "only quota features"),
        ("api_calls", dict(), "give its quota"),
        ("api_calls", dict(quota=-1), "quota"),
        ("api_calls", dict(quota=100, rate_limit=5, rate_window_seconds=60), "only rate features"),
        ("api_calls", dict(quota=100, included=50, pricing="flat", unit_price_minor=1), "included units are its quota"),
        ("requests", dict(rate_limit=0, rate_window_seconds=60), "rate limit"),
        ("requests", dict(rate_limit=5, rate_window_seconds=0), "rate window"),
        ("requests", dict(rate_limit=5), "window"),
        ("storage", dict(pricing="tiered", tiers=[[100, 5], [50, 4], [None, 1]]), "strictly increase"),
        ("storage", dict(pricing="package", package_price_minor=100), "package size"),
        ("storage", dict(pricing="flat", unit_price_minor=-5), "negative"),
        ("storage", dict(enabled="yes"), "true or false"),
    ],
)
def test_set_plan_feature_refuses_settings_that_do_not_fit_the_feature(catalogue, admin, pro, feature, kwargs, message):
    before = [(pf.feature_code, pf) for pf in catalogue.plan_features(pro)]
    with pytest.raises(ValidationError, match=message):
        catalogue.set_plan_feature(admin, pro, feature, **kwargs)
    assert [(pf.feature_code, pf) for pf in catalogue.plan_features(pro)] == before


def test_set_plan_feature_updates_in_place_and_audits(catalogue, admin, pro):
    info = catalogue.set_plan_feature(
        admin, pro, "api_calls", quota=5000, pricing="flat", unit_price_minor=2, reason="bigger quota"
    )
    assert (info.quota, info.terms.included, info.terms.pricing) == (5000, 5000, "flat")
    assert PlanFeature.select().count() == 4
    audit = AuditEntry.select().where(AuditEntry.action == "plan.feature").order_by(AuditEntry.id.desc()).get()
    assert json.loads(audit.before)["quota"] == 1000 and json.loads(audit.after)["quota"] == 5000


def test_set_plan_feature_on_unknown_names_is_not_found(catalogue, admin, pro):
    with pytest.raises(NotFound, match="no plan"):
        catalogue.set_plan_feature(admin, "gold", "sso")
    with pytest.raises(NotFound, match="no feature"):
        catalogue.set_plan_feature(admin, pro, "telepathy")


def test_amounts_read_in_the_features_unit():
    assert units(1, "api call") == "1 api call" and units(1200, "api call") == "1,200 api calls"
    assert units(3, "GB") == "3 GBs" and units(2, "requests") == "2 requests"
    assert [window_text(s) for s in (60, 3600, 86400, 7200, 90, 45)] == [
        "minute",
        "hour",
        "day",
        "2 hours",
        "90 s",
        "45 s",
    ]
