"""The terminal chat: a conversation with thread memory, for trying Levier without Slack.

Works with a pipe as well as a terminal (tests feed it lines). One question never ends the session:
an error becomes a friendly line, and `exit`, `quit` or Ctrl-D leave.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TextIO

from bot.advise import advise
from bot.brief.parse import detect_language
from bot.deps import Deps
from bot.edge import InvalidInput, clean_input, read_text, safe_output
from bot.i18n import t
from bot.models import Access, Advice, Request, Turn
from bot.render import render_sources
from bot.settings import Settings

log = logging.getLogger("levier.chat")

EXIT_WORDS = frozenset({"exit", "quit", "bye", ":q", "/exit", "/quit", "au revoir", "quitter"})
HISTORY_TURNS = 6


def _say(out: TextIO, text: str = "") -> None:
    out.write(text + "\n")
    out.flush()


def welcome(out: TextIO) -> None:
    _say(out, t("chat.welcome", "fr"))
    _say(out, t("chat.welcome", "en"))
    _say(out, t("chat.examples", "fr"))
    _say(out, t("chat.examples", "en"))
    _say(out)


def answer(
    deps: Deps, text: str, history: list[Turn], access: Access, out: TextIO
) -> Advice | None:
    """Ask one question and print the answer (streamed when a writer is configured)."""
    streamed: list[str] = []

    def on_delta(delta: str) -> None:
        streamed.append(delta)
        out.write(safe_output(delta))
        out.flush()

    stream: Callable[[str], None] | None = on_delta if deps.writer is not None else None
    request = Request(
        text=text, access=access, history=history[-HISTORY_TURNS:], stream=stream is not None
    )
    try:
        advice = advise(request, deps, on_delta=stream)
    except Exception as exc:  # advise() should not raise; the chat survives if it does
        log.error("chat answer failed: %s", type(exc).__name__)
        if streamed:
            _say(out)
        _say(out, t("chat.error", detect_language(text)))
        return None
    if not streamed:
        _say(out, safe_output(advice.text))
    elif advice.engine == "offline":  # the writer failed part-way: show the offline answer
        _say(out)
        _say(out, "---")
        _say(out, safe_output(advice.text))
    else:
        _say(out)
        sources = render_sources(advice.sources, advice.language)
        if sources and sources.splitlines()[0] not in "".join(streamed):
            _say(out)
            _say(out, safe_output(sources))
    _say(out)
    return advice


INVALID_LINE = (
    "Cette ligne n'est pas du texte UTF-8 valide ; retapez-la. / "
    "That line is not valid UTF-8 text; please type it again."
)


def _read_line(stdin: TextIO) -> str:
    """One line, sanitised; bytes are read and decoded here when the stream has them, so
    invalid UTF-8 is `InvalidInput` for that line only (never a traceback)."""
    buffer = getattr(stdin, "buffer", None)
    if buffer is not None:
        return read_text(buffer.readline())
    return clean_input(stdin.readline())


def _warm(deps: Deps) -> None:
    """Load the embedding model before the first question (≈1 s once, not on the answer)."""
    embeddings = getattr(getattr(deps.retriever, "store", None), "embeddings", None)
    warm = getattr(embeddings, "warm", None)
    if callable(warm):
        try:
            warm()
        except Exception as exc:  # the first answer will report the problem
            log.warning("embedding warm-up failed: %s", type(exc).__name__)


def run_chat(
    settings: Settings,
    *,
    stdin: TextIO,
    stdout: TextIO,
    channel: str | None,
    deps: Deps | None = None,
) -> int:
    """Read questions line by line until `exit` or end of input; return the exit code."""
    if deps is None:
        from bot.deps import build_deps

        deps = build_deps(settings)
    _warm(deps)
    interactive = bool(getattr(stdin, "isatty", lambda: False)())
    access = Access(channel_id=channel)
    history: list[Turn] = []
    welcome(stdout)
    while True:
        if interactive:
            stdout.write("> ")
            stdout.flush()
        try:
            line = _read_line(stdin)
        except KeyboardInterrupt:
            _say(stdout)
            break
        except InvalidInput:
            _say(stdout, INVALID_LINE)  # one bad line never ends the session
            continue
        except OSError as exc:
            log.warning("cannot read input: %s", type(exc).__name__)
            break
        if line == "":  # end of input (Ctrl-D or the end of a pipe)
            break
        text = line.strip()
        if not text:
            continue
        if text.lower() in EXIT_WORDS:
            break
        try:
            advice = answer(deps, text, history, access, stdout)
        except KeyboardInterrupt:
            _say(stdout)
            continue
        if advice is not None:
            brief = advice.brief if advice.mode != "other" else None
            history.append(Turn(question=text, brief=brief, answer=advice.text))
    _say(stdout, f"{t('chat.bye', 'fr')} / {t('chat.bye', 'en')}")
    return 0
