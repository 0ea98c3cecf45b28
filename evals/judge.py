"""Model-judged metrics (`levier eval --judge`): faithfulness and a strategy rubric.

The judge prompt lives in prompts/judge.yaml. A small human-labelled calibration set
(datasets/judge_calibration.yaml) checks the judge before its scores are trusted: the report
shows how far its grades are from the human ones.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from statistics import mean
from typing import Any

import yaml

from bot.settings import Settings

CALIBRATION = Path(__file__).resolve().parent / "datasets" / "judge_calibration.yaml"
CRITERIA = ("faithfulness", "fit", "actionability", "specificity", "creativity", "language")
_JSON_RE = re.compile(r"\{.*\}", re.DOTALL)


def parse_grades(text: str) -> dict[str, float]:
    """The 1–5 grades of a judge reply, normalised to [0, 1]; unknown or bad keys are dropped."""
    match = _JSON_RE.search(text or "")
    if not match:
        return {}
    try:
        data = json.loads(match.group(0))
    except json.JSONDecodeError:
        return {}
    grades: dict[str, float] = {}
    for key in CRITERIA:
        value = data.get(key) if isinstance(data, dict) else None
        if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value <= 5:
            grades[key] = (float(value) - 1) / 4
    return grades


def _render(judge: Any, *, language: str, question: str, documents: str, answer: str) -> str:
    from bot.llm.grounding import quote_block

    rendered: str = judge.render(
        language_name="French" if language == "fr" else "English",
        question=quote_block("question", question),
        documents=documents,
        answer=quote_block("answer", answer),
    )
    return rendered


def _grade(model: Any, prompt: str) -> dict[str, float]:
    from bot.llm.client import text_of

    reply = model.invoke(prompt)
    return parse_grades(text_of(reply.content))


def calibrate(model: Any, judge: Any, path: Path = CALIBRATION) -> dict[str, Any]:
    """Judge the human-labelled items; report the mean absolute gap on the 1–5 scale."""
    items = yaml.safe_load(path.read_text("utf-8"))["items"]
    gaps: list[float] = []
    within: list[float] = []
    for item in items:
        documents = "\n".join(
            f'<document n="{n}">{text}</document>' for n, text in item["documents"].items()
        )
        grades = _grade(
            model,
            _render(
                judge,
                language=item["language"],
                question=item["question"],
                documents=documents,
                answer=item["answer"],
            ),
        )
        for key, human in item["labels"].items():
            if key in grades:
                gap = abs(grades[key] * 4 + 1 - human)
                gaps.append(gap)
                within.append(1.0 if gap <= 1 else 0.0)
    return {
        "items": len(items),
        "mean_abs_gap": mean(gaps) if gaps else None,
        "within_one_point": mean(within) if within else None,
    }


def run_judge(settings: Settings, deps: Any, datasets: dict[str, list[Any]]) -> dict[str, Any]:
    from bot.advise import advise
    from bot.llm.client import make_chat_model
    from bot.llm.grounding import documents_block
    from bot.llm.prompts import default_prompts
    from bot.models import Request

    if not settings.llm_configured:
        return {"skipped": "no language model configured (OPENAI_API_KEY or OPENAI_BASE_URL)"}
    judge = default_prompts()["judge"]
    model = make_chat_model(settings, temperature=0)
    rows: list[dict[str, Any]] = []
    for suite, mode in (("answer", None), ("idea", "idea")):
        for case in datasets.get(suite, []):
            advice = advise(Request(text=case.text, mode=mode), deps)
            grades = _grade(
                model,
                _render(
                    judge,
                    language=case.language,
                    question=case.text,
                    documents=documents_block(advice.sources, advice.passages),
                    answer=advice.text,
                ),
            )
            rows.append({"id": case.id, "suite": suite, "language": case.language, **grades})
    summary = {
        key: mean(r[key] for r in rows if key in r)
        for key in CRITERIA
        if any(key in r for r in rows)
    }
    return {"summary": summary, "calibration": calibrate(model, judge), "cases": rows}
