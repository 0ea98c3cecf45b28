"""The eval judge: grade parsing, and calibration against the human labels over real HTTP."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent / "llm"))

from llm_fakes import FakeOpenAI, Reply, llm_settings

from bot.llm.client import make_chat_model
from bot.llm.prompts import default_prompts
from evals.judge import CALIBRATION, calibrate, parse_grades


def test_parse_grades_normalises_and_drops_bad_values() -> None:
    text = 'Sure: {"faithfulness": 5, "fit": 1, "language": 9, "creativity": "high", "x": 3}'
    assert parse_grades(text) == {"faithfulness": 1.0, "fit": 0.0}
    assert parse_grades("no json here") == {}
    assert parse_grades("{broken") == {}


def test_calibration_compares_the_judge_with_human_labels(tmp_path: Path) -> None:
    items = yaml.safe_load(CALIBRATION.read_text("utf-8"))["items"]
    server = FakeOpenAI()
    try:
        # A judge that agrees with the humans on every item but the last, off by 2 there.
        replies = [Reply(text=json.dumps(item["labels"])) for item in items[:-1]]
        off = {k: min(5, v + 2) for k, v in items[-1]["labels"].items()}
        replies.append(Reply(text=json.dumps(off)))
        server.script(*replies)
        settings = llm_settings(server, tmp_path)
        result = calibrate(make_chat_model(settings, temperature=0), default_prompts()["judge"])
        assert result["items"] == len(items)
        assert 0 < result["mean_abs_gap"] < 1
        assert result["within_one_point"] < 1.0
        sent = server.chat_requests()[0].content("user")
        assert "<answer>" in sent and "faithfulness" in sent
        assert items[0]["answer"][:30] in sent.replace("&#x27;", "'").replace("&quot;", '"')
    finally:
        server.close()
