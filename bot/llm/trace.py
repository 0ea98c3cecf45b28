"""Cost and trace: one row per model call in SQLite (`<data_dir>/levier.db`, table `llm_calls`).

A row holds the model, backend, prompt id and version, tokens, latency, estimated cost and the
outcome; never message text, never an API key. `levier stats` summarises the table.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import math
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from bot.settings import Settings

log = logging.getLogger("levier.llm")

DB_NAME = "levier.db"

# USD per million tokens (input, output). Longest matching prefix wins; unknown models cost 0.
PRICES_PER_MTOK: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-5-nano": (0.05, 0.40),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5": (1.25, 10.00),
    "o4-mini": (1.10, 4.40),
    "text-embedding-3-small": (0.02, 0.0),
    "text-embedding-3-large": (0.13, 0.0),
}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS llm_calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts TEXT NOT NULL,
    backend TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_id TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    mode TEXT,
    language TEXT,
    streamed INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 1,
    tokens_in INTEGER NOT NULL DEFAULT 0,
    tokens_out INTEGER NOT NULL DEFAULT 0,
    usage_estimated INTEGER NOT NULL DEFAULT 0,
    latency_ms REAL NOT NULL DEFAULT 0,
    cost_usd REAL NOT NULL DEFAULT 0,
    cost_known INTEGER NOT NULL DEFAULT 1,
    outcome TEXT NOT NULL,
    error TEXT,
    invalid_citations INTEGER NOT NULL DEFAULT 0
)
"""


def price_of(model: str) -> tuple[float, float] | None:
    name = model.lower().rsplit("/", 1)[-1]
    for prefix in sorted(PRICES_PER_MTOK, key=len, reverse=True):
        if name == prefix or name.startswith(prefix + "-"):
            return PRICES_PER_MTOK[prefix]
    return None


def estimate_cost(model: str, tokens_in: int, tokens_out: int) -> tuple[float, bool]:
    """(cost in USD, whether the model's price is known). Unknown models cost 0."""
    price = price_of(model)
    if price is None:
        return 0.0, False
    return (tokens_in * price[0] + tokens_out * price[1]) / 1_000_000, True


@dataclass
class CallRecord:
    """What one answer (or extraction) cost; possibly several HTTP attempts."""

    backend: str
    model: str
    prompt_id: str
    prompt_version: str
    mode: str | None = None
    language: str | None = None
    streamed: bool = False
    attempts: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    usage_estimated: bool = False
    latency_ms: float = 0.0
    outcome: str = "ok"  # ok | fallback | error
    error: str | None = None  # an exception type or a short reason, never text from a message
    invalid_citations: int = 0
    ts: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))

    @property
    def cost(self) -> tuple[float, bool]:
        return estimate_cost(self.model, self.tokens_in, self.tokens_out)


def db_path(settings: Settings) -> Path:
    return settings.data_dir / DB_NAME


@contextlib.contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(str(path), timeout=10)
    try:
        with conn:  # commits, or rolls back on error
            yield conn
    finally:
        conn.close()


class TraceStore:
    """Appends call records; each write opens and closes its own connection (thread-safe)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def for_settings(cls, settings: Settings) -> TraceStore:
        return cls(db_path(settings))

    def record(self, call: CallRecord) -> None:
        cost, known = call.cost
        row = (
            call.ts,
            call.backend,
            call.model,
            call.prompt_id,
            call.prompt_version,
            call.mode,
            call.language,
            int(call.streamed),
            call.attempts,
            call.tokens_in,
            call.tokens_out,
            int(call.usage_estimated),
            round(call.latency_ms, 1),
            cost,
            int(known),
            call.outcome,
            call.error,
            call.invalid_citations,
        )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _connect(self.path) as conn:
                conn.execute(_SCHEMA)
                conn.execute(
                    "INSERT INTO llm_calls (ts, backend, model, prompt_id, prompt_version, mode, "
                    "language, streamed, attempts, tokens_in, tokens_out, usage_estimated, "
                    "latency_ms, cost_usd, cost_known, outcome, error, invalid_citations) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row,
                )
        except (OSError, sqlite3.Error) as exc:  # a trace must never break an answer
            log.warning("could not record the model call trace: %s", type(exc).__name__)


# ---- levier stats ------------------------------------------------------------------------------


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, math.ceil(q * len(ordered)))
    return ordered[rank - 1]


@dataclass
class _Group:
    calls: int = 0
    fallbacks: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    cost: float = 0.0
    unknown_price: bool = False
    latencies: list[float] = field(default_factory=list)


def print_stats(settings: Settings, out: TextIO) -> int:
    """`levier stats`: calls, tokens, cost and latency p50/p95 per model and prompt version."""
    path = db_path(settings)
    rows: list[tuple[str, str, str, int, int, float, int, str, float]] = []
    if path.exists():
        try:
            with _connect(path) as conn:
                conn.execute(_SCHEMA)
                rows = conn.execute(
                    "SELECT model, prompt_id, prompt_version, tokens_in, tokens_out, cost_usd, "
                    "cost_known, outcome, latency_ms FROM llm_calls"
                ).fetchall()
        except sqlite3.Error as exc:
            print(f"stats: cannot read {path}: {type(exc).__name__}", file=out)
            return 1
    if not rows:
        print(f"No language-model calls recorded yet ({path}).", file=out)
        return 0
    groups: dict[tuple[str, str], _Group] = {}
    for model, pid, version, t_in, t_out, cost, known, outcome, latency in rows:
        g = groups.setdefault((model, f"{pid}@{version}"), _Group())
        g.calls += 1
        g.fallbacks += outcome != "ok"
        g.tokens_in += t_in
        g.tokens_out += t_out
        g.cost += cost
        g.unknown_price |= not known
        g.latencies.append(latency)
    header = (
        f"{'model':<24} {'prompt':<16} {'calls':>6} {'fallb.':>6} {'tokens in':>10} "
        f"{'tokens out':>10} {'cost $':>10} {'p50 ms':>8} {'p95 ms':>8}"
    )
    print(header, file=out)
    print("-" * len(header), file=out)
    total = _Group()
    for (model, prompt), g in sorted(groups.items()):
        mark = "*" if g.unknown_price else ""
        print(
            f"{model[:24]:<24} {prompt[:16]:<16} {g.calls:>6} {g.fallbacks:>6} "
            f"{g.tokens_in:>10} {g.tokens_out:>10} {g.cost:>9.4f}{mark:1} "
            f"{_percentile(g.latencies, 0.5):>8.0f} {_percentile(g.latencies, 0.95):>8.0f}",
            file=out,
        )
        total.calls += g.calls
        total.fallbacks += g.fallbacks
        total.tokens_in += g.tokens_in
        total.tokens_out += g.tokens_out
        total.cost += g.cost
        total.unknown_price |= g.unknown_price
        total.latencies.extend(g.latencies)
    print("-" * len(header), file=out)
    print(
        f"{'total':<24} {'':<16} {total.calls:>6} {total.fallbacks:>6} {total.tokens_in:>10} "
        f"{total.tokens_out:>10} {total.cost:>9.4f}{'*' if total.unknown_price else '':1} "
        f"{_percentile(total.latencies, 0.5):>8.0f} {_percentile(total.latencies, 0.95):>8.0f}",
        file=out,
    )
    if total.unknown_price:
        print("* price unknown for some models (local or unlisted): counted as 0.", file=out)
    return 0
