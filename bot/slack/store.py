"""The Slack app's durable state, in SQLite (`<data_dir>/levier.db`).

* `events`: ids of Slack events already handled, with an expiry, so a retry (or a redelivery
  after a restart) is answered once;
* `threads`: threads the bot answered, where follow-ups need no mention;
* `turns`: per-thread memory (question, brief, answer) passed back as `Request.history`;
* `answers` and `feedback`: each answer with its question and sources, and the 👍/👎 (and
  optional comment) people gave it — one vote per person per answer, the last one wins;
* `inbox`: Socket Mode events that may be questions, written (raw, a whole burst in one
  commit) before their ack and removed once bolt has handled them — which makes each a job;
  a restart hands the ones left over to bolt again (`bot.slack.socket_mode`);
* `jobs`: every accepted question, with its status
  (`queued` → `running` → `done` | `failed` | `abandoned`). A worker *claims* a job atomically,
  so two workers (or two processes on one data dir) never answer it twice; a restart puts back
  in the queue the jobs whose owner is gone (`reclaim`). Message text is stored here on
  purpose; it is never logged.

One connection, serialised by a lock: the writes are tiny and SQLite is fast at them.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.models import Brief, SourceRef, Turn

EVENT_TTL_S = 24 * 3600
MAX_TURNS = 6
PURGE_EVERY_S = 60.0
JOB_TTL_S = 7 * 24 * 3600  # finished jobs are kept this long (redeliveries stay deduplicated)
OPEN_STATUSES = ("queued", "running")
FINISHED_STATUSES = ("done", "failed", "abandoned")

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
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    owner TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    reply_ts TEXT,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status, created_at);
CREATE TABLE IF NOT EXISTS inbox (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    received_at REAL NOT NULL
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
        self._purged_at = 0.0

    def _purge(self, now: float) -> None:
        """Forget expired event ids and old finished jobs (at most once a minute; lock held)."""
        if now - self._purged_at < PURGE_EVERY_S:
            return
        self._purged_at = now
        self._db.execute("DELETE FROM events WHERE seen_at < ?", (now - self.event_ttl_s,))
        self._db.execute(
            "DELETE FROM jobs WHERE status IN ('done', 'failed', 'abandoned') AND updated_at < ?",
            (now - JOB_TTL_S,),
        )

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

    def event_state(self, event_id: str, now: float | None = None) -> tuple[str | None, bool]:
        """(the status of the job of `event_id` or None, whether the event was handled)."""
        now = time.time() if now is None else now
        with self._lock:
            row = self._db.execute(
                "SELECT (SELECT status FROM jobs WHERE id = ?), "
                "EXISTS (SELECT 1 FROM events WHERE event_id = ? AND seen_at >= ?)",
                (event_id, event_id, now - self.event_ttl_s),
            ).fetchone()
        return (str(row[0]) if row[0] is not None else None), bool(row[1])

    def seen(self, event_id: str, now: float | None = None) -> bool:
        """Whether `event_id` was handled already (and has not expired)."""
        return self.event_state(event_id, now)[1]

    def mark_seen(self, event_id: str, now: float | None = None) -> None:
        now = time.time() if now is None else now
        with self._lock:
            self._purge(now)
            # An event that became a job is deduplicated by its job: nothing more to write.
            self._db.execute(
                "INSERT OR REPLACE INTO events (event_id, seen_at) SELECT ?, ? "
                "WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE id = ?)",
                (event_id, now, event_id),
            )

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

    def add_feedback(self, answer_id: str, user_id: str | None, vote: int) -> tuple[int, bool]:
        """Store a vote (+1 / -1) with the question, answer and sources it is about.

        One vote per person per answer: a second click replaces the first (the last wins).
        Returns (the feedback row id, whether the vote is new or changed: a repeated click on
        the same button changes nothing, and asks for no second comment).
        """
        found = self.answer(answer_id) or {}
        with self._lock:
            row = None
            if user_id is not None:
                row = self._db.execute(
                    "SELECT id, vote FROM feedback WHERE answer_id = ? AND user_id = ? "
                    "ORDER BY id LIMIT 1",
                    (answer_id, user_id),
                ).fetchone()
            if row is not None:
                self._db.execute(
                    "UPDATE feedback SET vote = ?, created_at = ? WHERE id = ?",
                    (vote, time.time(), row[0]),
                )
                return int(row[0]), int(row[1]) != vote
            cur = self._db.execute(
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
            return int(cur.lastrowid or 0), True

    def add_comment(self, feedback_id: int, comment: str) -> None:
        self._exec("UPDATE feedback SET comment = ? WHERE id = ?", (comment, feedback_id))

    def feedback_rows(self) -> list[dict[str, Any]]:
        rows = self._all(
            "SELECT id, answer_id, user_id, vote, comment, question, answer, sources "
            "FROM feedback ORDER BY id"
        )
        keys = ("id", "answer_id", "user_id", "vote", "comment", "question", "answer", "sources")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    # ---- inbox (Socket Mode: saved before the ack, handed to bolt after it) ------------------

    def put_inbox(self, items: list[tuple[str, str]], now: float | None = None) -> None:
        """Save raw events `(id, body JSON)` in one transaction (one commit for a burst)."""
        now = time.time() if now is None else now
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._db.executemany(
                    "INSERT OR IGNORE INTO inbox (id, body, received_at) VALUES (?, ?, ?)",
                    [(item_id, body, now) for item_id, body in items],
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def inbox(self) -> list[tuple[str, dict[str, Any]]]:
        """Events saved but not handled yet (a previous run stopped first), oldest first."""
        rows = self._all("SELECT id, body FROM inbox ORDER BY received_at, rowid")
        return [(str(item_id), json.loads(body)) for item_id, body in rows]

    def drop_inbox(self, item_id: str) -> None:
        self._exec("DELETE FROM inbox WHERE id = ?", (item_id,))

    # ---- jobs (durable questions) ----------------------------------------------------------

    def put_job(
        self,
        job_id: str,
        payload: dict[str, Any],
        now: float | None = None,
        *,
        thread: tuple[str, str] | None = None,
    ) -> bool:
        """Persist an accepted question as `queued` (and remember its `thread`, in the same
        transaction: one commit per question); False when the job already exists."""
        now = time.time() if now is None else now
        with self._lock:
            self._purge(now)
            self._db.execute("BEGIN")
            try:
                if thread is not None:
                    self._db.execute(
                        "INSERT OR IGNORE INTO threads (channel, thread_ts, created_at) "
                        "VALUES (?, ?, ?)",
                        (thread[0], thread[1], now),
                    )
                cur = self._db.execute(
                    "INSERT OR IGNORE INTO jobs (id, payload, status, created_at, updated_at) "
                    "VALUES (?, ?, 'queued', ?, ?)",
                    (job_id, json.dumps(payload), now, now),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            return cur.rowcount == 1

    def job(self, job_id: str) -> dict[str, Any] | None:
        rows = self._all(
            "SELECT id, payload, status, owner, attempts, reply_ts, created_at FROM jobs "
            "WHERE id = ?",
            (job_id,),
        )
        return _job_row(rows[0]) if rows else None

    def job_status(self, job_id: str) -> str | None:
        rows = self._all("SELECT status FROM jobs WHERE id = ?", (job_id,))
        return str(rows[0][0]) if rows else None

    def claim_job(self, job_id: str, owner: str) -> dict[str, Any] | None:
        """Take a queued job for `owner` (atomic: one winner); None when it is not queued."""
        with self._lock:
            cur = self._db.execute(
                "UPDATE jobs SET status = 'running', owner = ?, attempts = attempts + 1, "
                "updated_at = ? WHERE id = ? AND status = 'queued'",
                (owner, time.time(), job_id),
            )
            if cur.rowcount != 1:
                return None
            row = self._db.execute(
                "SELECT id, payload, status, owner, attempts, reply_ts, created_at FROM jobs "
                "WHERE id = ?",
                (job_id,),
            ).fetchone()
        return _job_row(row) if row else None

    def update_job_payload(self, job_id: str, payload: dict[str, Any]) -> None:
        self._exec(
            "UPDATE jobs SET payload = ?, updated_at = ? WHERE id = ?",
            (json.dumps(payload), time.time(), job_id),
        )

    def set_reply_ts(self, job_id: str, reply_ts: str) -> None:
        """The bot message that holds (or will hold) the answer: a restart reuses it."""
        self._exec(
            "UPDATE jobs SET reply_ts = ?, updated_at = ? WHERE id = ?",
            (reply_ts, time.time(), job_id),
        )

    def finish_job(self, job_id: str, status: str = "done") -> None:
        assert status in FINISHED_STATUSES
        self._exec(
            "UPDATE jobs SET status = ?, updated_at = ? WHERE id = ?",
            (status, time.time(), job_id),
        )

    def release_job(self, job_id: str, owner: str) -> None:
        """Put a job this owner could not finish back in the queue (for the next start)."""
        self._exec(
            "UPDATE jobs SET status = 'queued', owner = NULL, updated_at = ? "
            "WHERE id = ? AND status = 'running' AND owner = ?",
            (time.time(), job_id, owner),
        )

    def reclaim(self, is_alive: Callable[[str], bool], job_id: str | None = None) -> int:
        """Requeue running jobs (or just `job_id`) whose owner is gone; returns how many."""
        with self._lock:
            if job_id is None:
                rows = self._db.execute(
                    "SELECT id, owner FROM jobs WHERE status = 'running'"
                ).fetchall()
            else:
                rows = self._db.execute(
                    "SELECT id, owner FROM jobs WHERE status = 'running' AND id = ?", (job_id,)
                ).fetchall()
            dead = [job_id for job_id, owner in rows if not owner or not is_alive(str(owner))]
            for job_id in dead:
                self._db.execute(
                    "UPDATE jobs SET status = 'queued', owner = NULL, updated_at = ? "
                    "WHERE id = ? AND status = 'running'",
                    (time.time(), job_id),
                )
            return len(dead)

    def queued_jobs(self) -> list[dict[str, Any]]:
        rows = self._all(
            "SELECT id, payload, status, owner, attempts, reply_ts, created_at FROM jobs "
            "WHERE status = 'queued' ORDER BY created_at"
        )
        return [_job_row(row) for row in rows]

    def job_counts(self) -> dict[str, int]:
        rows = self._all("SELECT status, COUNT(*) FROM jobs GROUP BY status")
        return {str(status): int(n) for status, n in rows}


def _job_row(row: tuple[Any, ...]) -> dict[str, Any]:
    keys = ("id", "payload", "status", "owner", "attempts", "reply_ts", "created_at")
    out = dict(zip(keys, row, strict=True))
    out["payload"] = json.loads(out["payload"])
    return out
