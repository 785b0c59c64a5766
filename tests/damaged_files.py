"""Real damage to real SQLite files, as a failing disk or a stray write leaves it."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def _checkpointed(path: Path) -> int:
    """Fold the WAL into the file, so the bytes changed below are the ones SQLite reads; the page size."""
    connection = sqlite3.connect(str(path))
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    return page_size


def damage_table_page(path: Path, table: str) -> None:
    """Scramble the cell pointers of ``table``'s root page: its rows point outside the page."""
    page_size = _checkpointed(path)
    connection = sqlite3.connect(str(path))
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    connection.close()
    start = (root - 1) * page_size + (100 if root == 1 else 0)
    data = bytearray(path.read_bytes())
    header = 12 if data[start] in (2, 5) else 8  # interior pages carry a right-child pointer
    for offset in range(start + header, start + header + 24):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def damage_text(path: Path, stored: bytes) -> None:
    """Turn one byte of a stored text value into one that is not UTF-8; the page structure stays sound."""
    _checkpointed(path)
    data = bytearray(path.read_bytes())
    at = data.find(stored)
    assert at >= 0, f"{stored!r} is stored in the file"
    data[at + len(stored) - 1] = 0xFF
    path.write_bytes(bytes(data))


def damage_header(path: Path) -> None:
    """Overwrite the file's first bytes: SQLite no longer recognises it as a database."""
    _checkpointed(path)
    data = bytearray(path.read_bytes())
    data[:16] = b"not a database!!"
    path.write_bytes(bytes(data))
