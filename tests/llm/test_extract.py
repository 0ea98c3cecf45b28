"""Brief extraction with tool calls, merged into the rule brief; fallbacks to the rules."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from llm_fakes import FakeOpenAI, Reply, llm_settings

from bot.llm.extract import TOOL_NAME, LLMExtractor
from bot.models import Brief, Budget, Turn

RULE = Brief(language="fr", intent="strategy", markets=["fr"], budget=Budget(amount=80000))


def _extractor(server: FakeOpenAI, tmp_path: Path, **extra: object) -> LLMExtractor:
    return LLMExtractor(llm_settings(server, tmp_path, **extra), today=lambda: dt.date(2026, 3, 2))


def test_tool_call_fills_gaps_and_validates_codes(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    args = {
        "markets": ["fr", "de", "atlantis"],
        "sector": "beauty",
        "objectives": ["launch", "world-domination"],
        "audiences": ["gen-z"],
        "audience": "25-35 ans, urbains",
        "age_min": 25,
        "age_max": 35,
        "budget_amount": 1,  # ignored: the rules already read the budget
        "timing_text": "à la rentrée",
        "start": "2026-09-01",
        "end": "2026-10-15",
        "constraints": ["pas d'alcool"],
        "client": "Maison Lune",
    }
    fake_openai.script(Reply(tool_calls=[(TOOL_NAME, json.dumps(args))]))
    text = "Lancement d'une marque de soin à la rentrée pour les 25-35 ans"
    brief = _extractor(fake_openai, tmp_path).extract(text, RULE)

    assert brief.markets == ["fr", "de"]
    assert brief.objectives == ["launch"]
    assert (brief.sector, brief.audiences, brief.age_range) == ("beauty", ["gen-z"], (25, 35))
    assert brief.budget == Budget(amount=80000)
    assert brief.timing is not None and brief.timing.start == dt.date(2026, 9, 1)
    assert brief.constraints == ["pas d'alcool"] and brief.client == "Maison Lune"
    assert (brief.language, brief.intent) == ("fr", "strategy")

    (req,) = fake_openai.chat_requests()
    assert req.body["tool_choice"] == "required"
    assert [t["function"]["name"] for t in req.body["tools"]] == [TOOL_NAME]
    assert "response_format" not in req.body
    assert "<question>\n" + text + "\n</question>" in req.content("user")
    assert "Today is 2026-03-02" in req.content("system")


def test_malformed_tool_call_falls_back_to_rules(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.script(Reply(tool_calls=[(TOOL_NAME, '{"markets": ["de"')]))
    assert _extractor(fake_openai, tmp_path).extract("Lancement en Allemagne", RULE) == RULE


def test_wrong_types_fall_back_to_rules(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.script(Reply(tool_calls=[(TOOL_NAME, '{"markets": "de", "age_min": "old"}')]))
    assert _extractor(fake_openai, tmp_path).extract("Lancement en Allemagne", RULE) == RULE


def test_plain_text_answer_falls_back_to_rules(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.script(Reply(text="Sure! The market is Germany."))
    assert _extractor(fake_openai, tmp_path).extract("Lancement en Allemagne", RULE) == RULE


def test_json_content_is_accepted(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.script(Reply(text='```json\n{"markets": ["de"], "sector": "tech"}\n```'))
    brief = _extractor(fake_openai, tmp_path).extract("Launch in Germany", RULE)
    assert (brief.markets, brief.sector) == (["de"], "tech")


def test_http_error_falls_back_to_rules(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.script(Reply(status=500))
    ex = _extractor(fake_openai, tmp_path, llm_max_retries=0)
    assert ex.extract("Launch in Germany", RULE) == RULE


def test_followup_rewrite(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.script(Reply(text="Comment lancer une marque de soin en Allemagne ?"))
    ex = _extractor(fake_openai, tmp_path)
    history = [Turn(question="Comment lancer une marque de soin en France ?")]
    assert ex.rewrite_followup("Et pour l'Allemagne ?", history, "fr") == (
        "Comment lancer une marque de soin en Allemagne ?"
    )
    assert "Write it in French" in " ".join(fake_openai.chat_requests()[0].content("user").split())
    assert ex.rewrite_followup("Et pour l'Allemagne ?", [], "fr") == "Et pour l'Allemagne ?"
