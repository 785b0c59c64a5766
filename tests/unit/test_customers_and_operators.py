import pytest

from models.tables import AuditEntry, Customer, Operator, Wallet
from services.auth import OperatorService
from services.customers import CustomerService
from services.errors import AuthenticationFailed, Conflict, PermissionDenied, ValidationError


@pytest.fixture
def customers(db, clock):
    return CustomerService(clock)


def test_create_customer_makes_a_wallet_and_an_audit_row(customers, operator):
    info = customers.create_customer(operator, "  Grace   Hopper ", "Grace@Navy.MIL")
    assert (info.name, info.email) == ("Grace Hopper", "Grace@navy.mil")
    assert [w.currency for w in customers.wallets(info.id)] == ["USD"]
    audit = AuditEntry.get(AuditEntry.action == "customer.create")
    assert audit.actor == "oscar" and audit.target_id == str(info.id)


@pytest.mark.parametrize(
    ("name", "email"),
    [
        ("", "a@example.com"),
        ("x" * 201, "a@example.com"),
        ("Tab\tname\x07", "a@example.com"),
        ("Ok", "not-an-email"),
        ("Ok", "a@b"),
        ("Ok", "a..b@example.com"),
        ("Ok", "a@" + "x" * 260 + ".com"),
        ("Ok", None),
        (None, "a@example.com"),
    ],
)
def test_bad_customer_input_writes_nothing(customers, operator, name, email):
    with pytest.raises(ValidationError):
        customers.create_customer(operator, name, email)
    assert Customer.select().count() == 0 and Wallet.select().count() == 0


def test_duplicate_email_is_a_conflict(customers, operator):
    customers.create_customer(operator, "A", "a@example.com")
    with pytest.raises(Conflict):
        customers.create_customer(operator, "B", "a@EXAMPLE.com")
    assert Customer.select().count() == 1


def test_viewer_cannot_create_customers(customers, viewer):
    with pytest.raises(PermissionDenied):
        customers.create_customer(viewer, "A", "a@example.com")
    assert Customer.select().count() == 0


def test_search_treats_wildcards_as_text(customers, operator):
    customers.create_customer(operator, "Percy 100% Sure", "p@example.com")
    customers.create_customer(operator, "Under_score", "u@example.com")
    customers.create_customer(operator, "Plain", "plain@example.com")
    assert [c.name for c in customers.search("%")] == ["Percy 100% Sure"]
    assert [c.name for c in customers.search("_")] == ["Under_score"]
    assert [c.name for c in customers.search("' OR 1=1 --")] == []
    assert len(customers.search("example.com")) == 3


def test_passwords_are_hashed_and_checked(db, clock, admin):
    operators = OperatorService(clock)
    operators.create_first_admin("root", "correct horse")
    stored = Operator.get(Operator.username == "root").password_hash
    assert stored.startswith("scrypt$") and "correct horse" not in stored
    assert operators.authenticate("root", "correct horse").role == "admin"
    with pytest.raises(AuthenticationFailed):
        operators.authenticate("root", "wrong horse")
    with pytest.raises(AuthenticationFailed):
        operators.authenticate("nobody", "correct horse")
    with pytest.raises(Conflict):
        operators.create_first_admin("second", "another password")


def test_only_admins_manage_operators(db, clock, admin, operator):
    operators = OperatorService(clock)
    with pytest.raises(PermissionDenied):
        operators.create_operator(operator, "eve", "bob-and-eve-pass", "admin")
    made = operators.create_operator(admin, "bob", "bob-and-eve-pass", "viewer")
    assert made.role == "viewer"
    with pytest.raises(ValidationError):
        operators.create_operator(admin, "x", "short", "viewer")
