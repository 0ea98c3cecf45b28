"""One deadline per answer: a single budget for every model call of one `advise()`.

`advise()` opens `answer_deadline(settings.answer_deadline_s)`; the brief extraction, the
follow-up rewrite and the writer (with its regeneration and the client's retries) all run inside
`call_within`, which gives up — `DeadlineExceeded` — when the budget is spent, whatever the
model is doing (a hung server, slow retries with backoff). The caller then keeps the offline
answer. The call itself goes on in a daemon thread until its own HTTP timeout, harmlessly: a
streaming consumer is cut off first (`DeltaGate`), so nothing reaches the user after the
deadline.

The budget lives in a context variable: each answer (each worker thread) has its own, and
nested `answer_deadline` blocks keep the earliest deadline.
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "levier_answer_deadline", default=None
)


class DeadlineExceeded(TimeoutError):
    """The answer's model budget is spent."""


@contextmanager
def answer_deadline(seconds: float | None) -> Iterator[None]:
    """Model calls inside this block share `seconds` (None or <= 0: no deadline)."""
    current = _DEADLINE.get()
    deadline = time.monotonic() + seconds if seconds and seconds > 0 else None
    if current is not None and (deadline is None or current < deadline):
        deadline = current
    token = _DEADLINE.set(deadline)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def remaining() -> float | None:
    """Seconds left in the current answer's budget (None: no deadline)."""
    deadline = _DEADLINE.get()
    return None if deadline is None else deadline - time.monotonic()


class DeltaGate:
    """Passes streamed text on until `close()`; after it returns, nothing more gets through."""

    def __init__(self, on_delta: Callable[[str], None]) -> None:
        self._on_delta = on_delta
        self._lock = threading.Lock()
        self._open = True

    def __call__(self, delta: str) -> None:
        with self._lock:
            if self._open:
                self._on_delta(delta)

    def close(self) -> None:
        with self._lock:
            self._open = False


def call_within(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`fn(*args, **kwargs)`, or `DeadlineExceeded` once the answer's budget is spent."""
    left = remaining()
    if left is None:
        return fn(*args, **kwargs)
    if left <= 0:
        raise DeadlineExceeded("the answer's model budget is spent")
    context = contextvars.copy_context()
    box: dict[str, Any] = {}
    done = threading.Event()

    def run() -> None:
        try:
            box["value"] = context.run(fn, *args, **kwargs)
        except BaseException as exc:  # handed to the caller
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=run, name="levier-llm-call", daemon=True).start()
    if not done.wait(left):
        raise DeadlineExceeded("the answer's model budget is spent")
    if "error" in box:
        raise box["error"]
    value: T = box["value"]
    return value
