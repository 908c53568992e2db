"""Taking SQLite's write lock fairly between programs.

A write starts with BEGIN IMMEDIATE, so it waits for the lock instead of being
refused when it upgrades a read (DESIGN.md). It waits by trying again every
millisecond rather than through SQLite's busy handler, which sleeps up to
100 ms between tries: with that handler, a window's label key loses the lock
again and again to an import that commits and begins anew within a
millisecond (seen: 8.8 s for one label). Bulk writers pause briefly after each
commit (YIELD_SECONDS), which is then always long enough for a waiter to get in.
"""
from __future__ import annotations

import sqlite3
import time

BUSY_TIMEOUT_MS = 10_000  # how long any statement, and a write waiting for the lock, may wait
POLL_SECONDS = 0.001
YIELD_SECONDS = 0.004  # a bulk writer's pause after each commit: a few of the waiters' polls


def begin_immediate(conn: sqlite3.Connection, timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    """Begin a write transaction holding the write lock; raises OperationalError once `timeout_ms` passed."""
    deadline = time.monotonic() + timeout_ms / 1000
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as e:
                if getattr(e, "sqlite_errorcode", sqlite3.SQLITE_BUSY) != sqlite3.SQLITE_BUSY \
                        or time.monotonic() >= deadline:
                    raise
                time.sleep(POLL_SECONDS)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {timeout_ms}")
