"""The `levier` command line, in-process: ingest, kb, ask --json, doctor."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main

FIXTURES = Path(__file__).resolve().parent / "engine" / "fixtures" / "knowledge"
CONTRACT_KEYS = {
    "language",
    "mode",
    "engine",
    "brief",
    "plan",
    "ideas",
    "text",
    "sources",
    "clarifying_question",
}
PLAN_KEYS = {
    "targeting",
    "channels",
    "timing",
    "mechanics",
    "kpis",
    "risks",
    "precedents",
    "warnings",
}
BRIEF_KEYS = {"markets", "sector", "objectives", "audience", "budget", "timing", "constraints"}


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    shutil.copytree(FIXTURES, root / "knowledge")
    return root


@pytest.fixture(autouse=True)
def _environment(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEVIER_KNOWLEDGE_DIR", str(env / "knowledge"))
    monkeypatch.setenv("LEVIER_DATA_DIR", str(env / "data"))
    monkeypatch.setenv("LEVIER_LLM_ENABLED", "false")
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)


def test_doctor_says_what_to_fix_before_the_first_ingest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "run `levier ingest`" in out
    assert "offline engine answers" in out


def test_ingest_then_a_second_run_embeds_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest"]) == 0
    first = capsys.readouterr().out
    assert "deleted 0" in first and "invalid 0" in first
    assert main(["ingest"]) == 0
    second = capsys.readouterr().out
    assert "added 0, updated 0, deleted 0" in second
    assert "(0 chunks embedded" in second
    assert main(["doctor"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_ask_json_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    question = (
        "Nous lançons une gamme de soins bio pour les 25-35 ans en France, budget 80k€, "
        "à la rentrée. Quelle stratégie ?"
    )
    assert main(["ask", "--json", question]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= CONTRACT_KEYS
    assert set(data["plan"]) == PLAN_KEYS
    assert set(data["brief"]) >= BRIEF_KEYS
    assert data["language"] == "fr" and data["mode"] == "strategy"
    assert data["engine"] == "offline"
    assert data["brief"]["markets"] == ["fr"]
    assert data["brief"]["budget"] == {"amount": 80000.0, "currency": "EUR"}
    numbers = {s["n"] for s in data["sources"]}
    assert numbers and all({"n", "id", "title", "path", "kind"} <= set(s) for s in data["sources"])
    for part in ("targeting", "channels", "timing", "mechanics"):
        assert data["plan"][part], part
        for item in data["plan"][part]:
            assert set(item["sources"]) <= numbers
    assert any(item["sources"] for item in data["plan"]["mechanics"])


def test_ask_with_empty_input_answers_without_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["ask"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip()
    assert "Traceback" not in captured.out + captured.err


def test_an_invalid_file_is_named_and_the_others_are_indexed(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = env / "knowledge" / "zz-bad.md"
    bad.write_text("---\nid: campaign-bad\nkind: campaign\ntitle: Bad\n---\n# Bad\n", "utf-8")
    try:
        assert main(["kb", "validate"]) == 1
        assert "zz-bad.md" in capsys.readouterr().out
        assert main(["ingest"]) == 1
        captured = capsys.readouterr()
        assert "invalid 1" in captured.out
        assert "zz-bad.md [brand]: required field is missing" in captured.err
        assert "the others were indexed" in captured.err
    finally:
        bad.unlink()
    assert main(["kb", "validate"]) == 0
