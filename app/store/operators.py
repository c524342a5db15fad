"""SQL of station metadata and operators."""

from __future__ import annotations

from typing import Any

from app.store.db import Database


def get_meta(db: Database, key: str, default: str | None = None) -> str | None:
    value = db.scalar("SELECT value FROM meta WHERE key = ?", (key,))
    return default if value is None else str(value)


def set_meta(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def all_meta(db: Database) -> dict[str, str]:
    return {r[0]: r[1] for r in db.all("SELECT key, value FROM meta")}


_OP = ("login", "display_name", "role", "active", "created_at")


def insert_operator(db: Database, *, login: str, display_name: str, role: str, created_at: str) -> None:
    db.execute(
        "INSERT INTO operators (login, display_name, role, active, created_at) VALUES (?,?,?,1,?)",
        (login, display_name, role, created_at),
    )


def get_operator(db: Database, login: str) -> dict[str, Any] | None:
    row = db.one(f"SELECT {', '.join(_OP)} FROM operators WHERE login = ?", (login,))
    return None if row is None else dict(zip(_OP, row, strict=True))


def list_operators(db: Database) -> list[dict[str, Any]]:
    return [dict(zip(_OP, r, strict=True)) for r in db.all(f"SELECT {', '.join(_OP)} FROM operators ORDER BY login")]


def set_active(db: Database, login: str, active: bool) -> None:
    db.execute("UPDATE operators SET active = ? WHERE login = ?", (int(active), login))


def count_active_admins(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM operators WHERE role = 'admin' AND active = 1", default=0))
