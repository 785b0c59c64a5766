"""What this database login may do: on PostgreSQL each desk or worker may connect with a login whose
grants (models/pg_roles.py) are narrower than the owner's. Here for the layers above models."""

from __future__ import annotations

from models.db import PERMISSION_DENIED_CODE, is_permission_denied
from models.pg_roles import login_can_write

__all__ = ["PERMISSION_DENIED_CODE", "is_permission_denied", "login_can_write"]
