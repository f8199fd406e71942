"""Who is acting, for log entries written far from the request (signals, services)."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Actor:
    user: Any = None
    ip: str | None = None


current: ContextVar[Actor] = ContextVar("gongkai_actor", default=Actor())  # noqa: B039 — Actor is frozen
