"""The evals themselves: datasets valid and grounded, metrics correct, reports and thresholds."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from evals import metrics as m
from evals.report import html_report, markdown, previous_run, write_reports
from evals.runner import aggregate, check_thresholds, load_thresholds
from evals.schema import DatasetError, load_all, load_suite

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


def test_datasets_are_valid_large_enough_and_half_french() -> None:
    data = load_all()
    cases = [c for suite in data.values() for c in suite]
    assert len(cases) >= 80
    assert sum(c.language == "fr" for c in cases) >= len(cases) / 2
    assert {"retrieval", "answer", "adversarial", "idea", "learn"} <= set(data)


def test_every_expected_document_exists() -> None:
    ids = {d.id for d in load_knowledge(KNOWLEDGE).docs}
    data = load_all()
    expected = [r for c in data["retrieval"] for r in c.relevant]  # type: ignore[attr-defined]
    expected += [r for c in data["learn"] for r in c.expect_sources]  # type: ignore[attr-defined]
    missing = sorted(set(expected) - ids)
    assert not missing, f"eval cases expect documents that do not exist: {missing}"


def test_a_malformed_dataset_is_reported(tmp_path: Path) -> None:
    (tmp_path / "learn.yaml").write_text(
        "suite: learn\ncases:\n  - {id: x, language: de, question: q}\n", "utf-8"
    )
    with pytest.raises(DatasetError, match="case #1"):
        load_suite("learn", tmp_path)


def test_retrieval_metrics() -> None:
    ranked = ["a", "b", "c", "d"]
    assert m.recall_at(ranked, {"b", "z"}, 5) == 0.5
    assert m.hit_at(ranked, {"d"}, 3) == 0.0
    assert m.mrr(ranked, {"c"}) == pytest.approx(1 / 3)
    assert m.ndcg_at(["a"], {"a"}, 10) == 1.0
    assert m.ndcg_at(["x", "a"], {"a"}, 10) < 1.0


def test_answer_metrics() -> None:
    assert m.citation_validity("see [1] and [3]", {1, 2}) == 0.5
    assert m.citation_validity("no citation", {1}) == 1.0
    assert m.detect_language("Voici la stratégie pour les marques en France") == "fr"
    assert m.detect_language("Here is the strategy for the brands in France") == "en"
    assert m.contains_any("La loi Évin encadre", "Evin|Évin")
    assert m.include_rate("abc", ["a", "zz|b"], ["c"]) == pytest.approx(2 / 3)


def test_aggregate_and_thresholds() -> None:
    rows = [
        {"language": "fr", "latency_ms": 10.0, "x": 1.0, "passed": True},
        {"language": "en", "latency_ms": 30.0, "x": 0.0, "passed": False},
    ]
    agg = aggregate(rows)
    assert agg["x"] == 0.5 and agg["pass_rate"] == 0.5 and agg["latency_p50_ms"] == 20.0
    assert check_thresholds({"s": agg}, {"s.x": 0.6}) == ["s.x = 0.500 < 0.600"]
    assert check_thresholds({"s": agg}, {"s.x": 0.5, "other.y": 1.0}) == []
    assert all(0 <= v <= 1 for v in load_thresholds().values())


def test_reports_have_charts_and_compare_runs(tmp_path: Path) -> None:
    results = {
        "at": "now",
        "engine": "offline",
        "suites": {"learn": {"learn_card": 0.9}},
        "by_language": {"learn": {"fr": {"learn_card": 1.0}, "en": {"learn_card": 0.8}}},
        "cases": {"learn": [{"id": "l1", "passed": False}]},
        "baselines": {},
        "thresholds": {"learn.learn_card": 0.95},
        "failures": ["learn.learn_card"],
    }
    write_reports(results, None, tmp_path)
    prev = previous_run(tmp_path)
    assert prev is not None and prev["suites"]["learn"]["learn_card"] == 0.9
    page = html_report(results, prev)
    assert "<svg" in page and "learn_card" in page and "previous" in page
    assert "l1" in markdown(results, prev)
