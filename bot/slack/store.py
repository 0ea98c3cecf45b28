"""The Slack app's durable state, in SQLite (`<data_dir>/levier.db`).

* `events`: ids of Slack events already handled, with an expiry, so a retry (or a redelivery
  after a restart) is answered once;
* `threads`: threads the bot answered, where follow-ups need no mention;
* `turns`: per-thread memory (question, brief, answer) passed back as `Request.history`;
* `answers` and `feedback`: each answer with its question and sources, and the 👍/👎 (and
  optional comment) people gave it. Message text is stored here on purpose; it is never logged.

One connection, serialised by a lock: the writes are tiny and SQLite is fast at them.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from bot.models import Brief, SourceRef, Turn

EVENT_TTL_S = 24 * 3600
MAX_TURNS = 6

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    seen_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS events_seen ON events (seen_at);
CREATE TABLE IF NOT EXISTS threads (
    channel TEXT NOT NULL,
    thread_ts TEXT NOT NULL,
    created_at REAL NOT NULL,
    PRIMARY KEY (channel, thread_ts)
);
CREATE TABLE IF NOT EXISTS turns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL,
    thread_ts TEXT NOT NULL,
    question TEXT NOT NULL,
    brief TEXT,
    answer TEXT,
    created_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS turns_thread ON turns (channel, thread_ts, id);
CREATE TABLE IF NOT EXISTS answers (
    id TEXT PRIMARY KEY,
    channel TEXT NOT NULL,
    thread_ts TEXT,
    user_id TEXT,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    sources TEXT NOT NULL,
    language TEXT NOT NULL,
    created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id TEXT NOT NULL,
    user_id TEXT,
    vote INTEGER NOT NULL,
    comment TEXT,
    question TEXT,
    answer TEXT,
    sources TEXT,
    created_at REAL NOT NULL
);
"""


class SlackStore:
    def __init__(self, path: Path, *, event_ttl_s: float = EVENT_TTL_S) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.event_ttl_s = event_ttl_s
        self._lock = threading.Lock()
        self._db = sqlite3.connect(
            str(path), check_same_thread=False, isolation_level=None, timeout=30
        )
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self._closed = False

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._db.close()

    def _exec(self, sql: str, args: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        with self._lock:
            return self._db.execute(sql, args)

    def _all(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    # ---- retries ---------------------------------------------------------------------------

    def first_time(self, event_id: str, now: float | None = None) -> bool:
        """Record `event_id`; False when it was already seen (and has not expired)."""
        now = time.time() if now is None else now
        with self._lock:
            self._db.execute("DELETE FROM events WHERE seen_at < ?", (now - self.event_ttl_s,))
            cur = self._db.execute(
                "INSERT OR IGNORE INTO events (event_id, seen_at) VALUES (?, ?)", (event_id, now)
            )
            return cur.rowcount == 1

    # ---- threads and memory ----------------------------------------------------------------

    def remember_thread(self, channel: str, thread_ts: str) -> None:
        self._exec(
            "INSERT OR IGNORE INTO threads (channel, thread_ts, created_at) VALUES (?, ?, ?)",
            (channel, thread_ts, time.time()),
        )

    def is_bot_thread(self, channel: str, thread_ts: str) -> bool:
        rows = self._all(
            "SELECT 1 FROM threads WHERE channel = ? AND thread_ts = ?", (channel, thread_ts)
        )
        return bool(rows)

    def add_turn(
        self, channel: str, thread_ts: str, question: str, brief: Brief | None, answer: str | None
    ) -> None:
        self._exec(
            "INSERT INTO turns (channel, thread_ts, question, brief, answer, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                channel,
                thread_ts,
                question,
                brief.model_dump_json() if brief else None,
                answer,
                time.time(),
            ),
        )

    def history(self, channel: str, thread_ts: str, limit: int = MAX_TURNS) -> list[Turn]:
        rows = self._all(
            "SELECT question, brief, answer FROM turns WHERE channel = ? AND thread_ts = ? "
            "ORDER BY id DESC LIMIT ?",
            (channel, thread_ts, limit),
        )
        turns = [
            Turn(question=q, brief=Brief.model_validate_json(b) if b else None, answer=a)
            for q, b, a in rows
        ]
        return list(reversed(turns))

    # ---- answers and feedback --------------------------------------------------------------

    def add_answer(
        self,
        *,
        channel: str,
        thread_ts: str | None,
        user_id: str | None,
        question: str,
        answer: str,
        sources: list[SourceRef],
        language: str,
    ) -> str:
        answer_id = uuid.uuid4().hex[:16]
        self._exec(
            "INSERT INTO answers (id, channel, thread_ts, user_id, question, answer, sources, "
            "language, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                answer_id,
                channel,
                thread_ts,
                user_id,
                question,
                answer,
                json.dumps([src.model_dump(mode="json") for src in sources], ensure_ascii=False),
                language,
                time.time(),
            ),
        )
        return answer_id

    def answer(self, answer_id: str) -> dict[str, Any] | None:
        rows = self._all(
            "SELECT id, channel, thread_ts, user_id, question, answer, sources, language "
            "FROM answers WHERE id = ?",
            (answer_id,),
        )
        if not rows:
            return None
        keys = (
            "id",
            "channel",
            "thread_ts",
            "user_id",
            "question",
            "answer",
            "sources",
            "language",
        )
        return dict(zip(keys, rows[0], strict=True))

    def add_feedback(self, answer_id: str, user_id: str | None, vote: int) -> int:
        """Store a vote (+1 / -1) with the question, answer and sources it is about."""
        found = self.answer(answer_id) or {}
        cur = self._exec(
            "INSERT INTO feedback (answer_id, user_id, vote, question, answer, sources, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                answer_id,
                user_id,
                vote,
                found.get("question"),
                found.get("answer"),
                found.get("sources"),
                time.time(),
            ),
        )
        return int(cur.lastrowid or 0)

    def add_comment(self, feedback_id: int, comment: str) -> None:
        self._exec("UPDATE feedback SET comment = ? WHERE id = ?", (comment, feedback_id))

    def feedback_rows(self) -> list[dict[str, Any]]:
        rows = self._all(
            "SELECT id, answer_id, user_id, vote, comment, question, answer, sources "
            "FROM feedback ORDER BY id"
        )
        keys = ("id", "answer_id", "user_id", "vote", "comment", "question", "answer", "sources")
        return [dict(zip(keys, row, strict=True)) for row in rows]
