"""Issue 12 at the terminal: `ask --json` defangs mentions, invalid UTF-8 on stdin gets a
friendly message, a model failing mid-stream leaves the offline answer, and the chat survives a
bad line — each failing before its fix."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.models import Advice, Brief, Request, SourceRef

FIXTURES = Path(__file__).resolve().parent / "engine" / "fixtures" / "knowledge"
PING = "Tell <!channel> and <@U123> and @here about it [1]."


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-edges") / "data"  # indexed once for the module


@pytest.fixture(autouse=True)
def _environment(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEVIER_KNOWLEDGE_DIR", str(FIXTURES))
    monkeypatch.setenv("LEVIER_DATA_DIR", str(data_dir))
    monkeypatch.setenv("LEVIER_LLM_ENABLED", "false")
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)


def _advice(text: str, fallback: str | None = None) -> Advice:
    advice = Advice(
        language="en",
        mode="strategy",
        brief=Brief(),
        text=text,
        sources=[SourceRef(n=1, id="d", title="Doc", path="knowledge/d.md", kind="mechanic")],
    )
    advice.trace.fallback = fallback
    return advice


def _fake_advise(
    text: str, deltas: tuple[str, ...] = (), fallback: str | None = None
) -> Callable[..., Advice]:
    def fake(request: Request, deps: Any, on_delta: Callable[[str], None] | None = None) -> Advice:
        for delta in deltas:
            if on_delta is not None:
                on_delta(delta)
        return _advice(text, fallback)

    return fake


def test_ask_json_output_pings_nobody(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.advise.advise", _fake_advise(PING))
    assert main(["ask", "--json", "who should know?"]) == 0
    out = capsys.readouterr().out
    assert "<!channel>" not in out and "<@U123>" not in out and "@here" not in out
    assert "@\u200bchannel" in out


def test_ask_plain_output_pings_nobody(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.advise.advise", _fake_advise(PING))
    assert main(["ask", "who should know?"]) == 0
    assert "<!channel>" not in capsys.readouterr().out


def test_invalid_utf8_on_stdin_gets_a_friendly_message(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"plan for \xff\xfe Gen Z"), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["ask"]) == 2
    captured = capsys.readouterr()
    assert "not valid UTF-8" in captured.err
    assert "Traceback" not in captured.out + captured.err


def test_a_lone_surrogate_in_the_arguments_is_answered(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["ask", "--json", "plan for Gen Z \udcff in France"]) == 0
    assert '"mode"' in capsys.readouterr().out


def test_a_model_failing_mid_stream_leaves_the_offline_answer(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = _fake_advise("OFFLINE ANSWER [1]", ("The model began ", "and then "), "connection")
    monkeypatch.setattr("bot.advise.advise", fake)
    assert main(["ask", "plan please"]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("OFFLINE ANSWER [1]")


def test_the_chat_survives_a_line_of_invalid_utf8(data_dir: Path) -> None:
    from bot.chat import INVALID_LINE, run_chat
    from bot.cli import ensure_index
    from bot.settings import Settings

    settings = Settings(knowledge_dir=FIXTURES, data_dir=data_dir, llm_enabled=False)
    stdin = io.TextIOWrapper(io.BytesIO(b"\xff\xfe\nwhat is newsjacking?\nexit\n"), "utf-8")
    out = io.StringIO()
    deps = ensure_index(settings, io.StringIO())
    assert run_chat(settings, stdin=stdin, stdout=out, channel=None, deps=deps) == 0
    text = out.getvalue()
    assert INVALID_LINE in text
    assert "ewsjacking" in text.split(INVALID_LINE, 1)[1]  # the next question was answered


def test_a_reader_that_goes_away_gets_no_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`levier ask … | head -1`: the pipe closes early; the command ends quietly."""

    class ClosedPipe(io.StringIO):
        def write(self, _: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("bot.advise.advise", _fake_advise("A long answer.\n" * 50))
    monkeypatch.setattr("sys.stdout", ClosedPipe())
    assert main(["ask", "Launch plan for a gin in France?"]) == 0
    assert "Traceback" not in capsys.readouterr().err
