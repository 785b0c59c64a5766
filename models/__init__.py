"""Tables, the database handle and migrations. No Qt, no domain rules."""

from models.db import database, for_update, init_database, write_transaction
from models.tables import *  # noqa: F403

__all__ = ["database", "for_update", "init_database", "write_transaction"]
