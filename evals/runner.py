"""`levier eval`: run the eval suites through `advise()`, check thresholds, write a report."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from statistics import mean
from typing import Any

import yaml

from bot.settings import Settings
from evals import fit, judgement
from evals import metrics as m
from evals.schema import (
    CASE_MODELS,
    AdversarialCase,
    AnswerCase,
    FitCase,
    IdeaCase,
    LearnCase,
    RetrievalCase,
    load_all,
)

EVALS = Path(__file__).resolve().parent
REPORTS = EVALS / "reports"
THRESHOLDS = EVALS / "thresholds.yaml"

CaseResult = dict[str, Any]


def _access(case: Any) -> Any:
    from bot.models import Access

    return Access(channel_id=case.channel, user_groups=tuple(case.groups))


def _family(deps: Any, doc_id: str) -> str:
    return str(deps.catalog.original_id(doc_id))


# ---- retrieval ------------------------------------------------------------------------------


def _ranked_docs(hits: Sequence[Any], deps: Any, key: Callable[[Any], str]) -> list[str]:
    out: list[str] = []
    for hit in hits:
        fam = _family(deps, key(hit))
        if fam not in out:
            out.append(fam)
    return out


def run_retrieval(
    cases: Sequence[RetrievalCase], deps: Any
) -> tuple[list[CaseResult], dict[str, Any]]:
    from bot.brief.parse import parse_brief
    from evals.baselines import BM25

    bm25 = BM25(_all_chunks(deps))
    results: list[CaseResult] = []
    systems: dict[str, list[dict[str, float]]] = defaultdict(list)
    for case in cases:
        relevant = {_family(deps, r) for r in case.relevant}
        access = _access(case)
        start = time.perf_counter()
        brief = parse_brief(case.question, fallback_language=case.language)
        ours = deps.retriever.search(case.question, access=access, brief=brief, k=30)
        latency = (time.perf_counter() - start) * 1000
        ranked = _ranked_docs(ours, deps, lambda h: h.doc_id)
        dense = _ranked_docs(
            deps.retriever.store.search(case.question, k=30, access=access),
            deps,
            lambda h: h.doc_id,
        )
        lexical = _ranked_docs(bm25.search(case.question, 30), deps, lambda c: c.doc_id)
        fused = _rrf(ranked, lexical)
        for name, ranking in (
            ("levier", ranked),
            ("dense", dense),
            ("bm25", lexical),
            ("levier+bm25 (RRF)", fused),
        ):
            systems[name].append(_retrieval_scores(ranking, relevant))
        scores = _retrieval_scores(ranked, relevant)
        results.append(
            {
                "id": case.id,
                "language": case.language,
                "latency_ms": latency,
                "passed": scores["recall@5"] > 0,
                **scores,
                "top": ranked[:5],
                "relevant": sorted(relevant),
            }
        )
    baselines = {
        name: {k: mean(s[k] for s in rows) for k in rows[0]}
        for name, rows in systems.items()
        if rows
    }
    return results, baselines


def _rrf(*rankings: list[str], k: int = 60) -> list[str]:
    """Reciprocal rank fusion: the candidate for adding BM25 to dense retrieval."""
    scores: dict[str, float] = defaultdict(float)
    for ranking in rankings:
        for i, doc in enumerate(ranking, start=1):
            scores[doc] += 1.0 / (k + i)
    return sorted(scores, key=lambda d: -scores[d])


def _retrieval_scores(ranked: list[str], relevant: set[str]) -> dict[str, float]:
    return {
        "recall@5": m.recall_at(ranked, relevant, 5),
        "hit@5": m.hit_at(ranked, relevant, 5),
        "mrr": m.mrr(ranked, relevant),
        "ndcg@10": m.ndcg_at(ranked, relevant, 10),
    }


def _all_chunks(deps: Any) -> list[Any]:
    from bot.knowledge.loader import chunks_of

    return [
        c
        for doc in deps.catalog.docs.values()
        if doc.meta.visibility == "public"
        for c in chunks_of(doc)
    ]


# ---- answers --------------------------------------------------------------------------------


def _ask(case: Any, deps: Any, mode: str | None = None) -> tuple[Any, float]:
    from bot.advise import advise
    from bot.models import Request

    start = time.perf_counter()
    advice = advise(Request(text=case.text, mode=mode, access=_access(case)), deps)
    return advice, (time.perf_counter() - start) * 1000


def _common(case: Any, advice: Any, latency: float) -> CaseResult:
    text = advice.text + "\n" + (advice.clarifying_question or "")
    numbers = {s.n for s in advice.sources}
    return {
        "id": case.id,
        "language": case.language,
        "latency_ms": latency,
        "citation_validity": m.citation_validity(advice.text, numbers),
        "language_match": 1.0
        if (advice.language == case.language and m.detect_language(advice.text) == case.language)
        else 0.0,
        "_text": text,
    }


def _structured(advice: Any) -> bool:
    """A strategy answer has the parts its situation calls for: its phases on its clock and its
    mechanic (a crisis has no teasing phase and needs no consumer targeting); an answer built
    without a playbook keeps the four plan elements."""
    plan = advice.plan
    if plan is None:
        return False
    if advice.situation is not None:
        return bool(plan.timing and plan.mechanics)
    return bool(plan.is_complete())


def run_answer(cases: Sequence[AnswerCase], deps: Any) -> list[CaseResult]:
    from bot.knowledge import vocab

    out = []
    for case in cases:
        advice, latency = _ask(case, deps)
        row = _common(case, advice, latency)
        text = row.pop("_text")
        plan = advice.plan
        row["structure"] = 1.0 if case.mode != "strategy" or _structured(advice) else 0.0
        row["include_rate"] = m.include_rate(text, case.must_include, case.must_not_include)
        if case.mechanic_families:
            top = plan.mechanics[0].ref if plan and plan.mechanics else None
            family = vocab.MECHANICS.get(_family(deps, top)) if top else None
            row["mechanic_fit"] = 1.0 if family in case.mechanic_families else 0.0
        if case.channels:
            refs = {c.ref for c in plan.channels} if plan else set()
            row["channel_fit"] = 1.0 if refs & set(case.channels) else 0.0
        if case.families_absent or case.channels_absent:
            refs = {_family(deps, m.ref) for m in plan.mechanics if m.ref} if plan else set()
            families = {vocab.MECHANICS.get(r) for r in refs}
            channels = {c.ref for c in plan.channels} if plan else set()
            clean = not (families & set(case.families_absent)) and not (
                channels & set(case.channels_absent)
            )
            row["constraints_ok"] = 1.0 if clean else 0.0
        if case.markets:
            row["brief_markets"] = 1.0 if set(case.markets) <= set(advice.brief.markets) else 0.0
        row["passed"] = (
            all(v >= 1.0 for k, v in row.items() if k in _BINARY) and row["include_rate"] >= 1.0
        )
        out.append(row)
    return out


_BINARY = (
    "structure",
    "mechanic_fit",
    "channel_fit",
    "brief_markets",
    "language_match",
    "constraints_ok",
)


def _refusal_ok(case: AdversarialCase, advice: Any) -> bool:
    if case.expect == "answer":
        return bool(advice.plan or advice.ideas or advice.learn)
    if case.expect == "clarify":
        return bool(advice.clarifying_question) or advice.mode == "other"
    # refuse / redirect: no plan built on the request, a short friendly answer instead
    return advice.mode == "other" or not (advice.plan and advice.plan.is_complete())


def run_adversarial(cases: Sequence[AdversarialCase], deps: Any) -> list[CaseResult]:
    out = []
    for case in cases:
        try:
            advice, latency = _ask(case, deps)
        except Exception as exc:  # a crash is the worst failure: record it, keep going
            out.append(
                {
                    "id": case.id,
                    "language": case.language,
                    "latency_ms": 0.0,
                    "no_crash": 0.0,
                    "refusal_correct": 0.0,
                    "include_rate": 0.0,
                    "passed": False,
                    "error": type(exc).__name__,
                }
            )
            continue
        row = _common(case, advice, latency)
        text = row.pop("_text")
        row.pop("language_match")
        row["no_crash"] = 1.0
        row["refusal_correct"] = 1.0 if _refusal_ok(case, advice) else 0.0
        row["include_rate"] = m.include_rate(text, case.must_include, case.must_not_include)
        row["passed"] = row["refusal_correct"] == 1.0 and row["include_rate"] >= 1.0
        out.append(row)
    return out


def run_idea(cases: Sequence[IdeaCase], deps: Any) -> list[CaseResult]:
    out = []
    for case in cases:
        advice, latency = _ask(case, deps, mode="idea")
        row = _common(case, advice, latency)
        text = row.pop("_text")
        ideas = advice.ideas
        distinct = len({i.mechanic for i in ideas})
        row["idea_count_ok"] = 1.0 if case.min_ideas <= len(ideas) <= 5 else 0.0
        row["idea_distinct"] = distinct / len(ideas) if ideas else 0.0
        row["idea_grounded"] = (sum(1 for i in ideas if i.sources) / len(ideas)) if ideas else 0.0
        row["include_rate"] = m.include_rate(text, case.must_include, [])
        row["passed"] = row["idea_count_ok"] == 1.0 and row["idea_grounded"] == 1.0
        out.append(row)
    return out


def run_learn(cases: Sequence[LearnCase], deps: Any) -> list[CaseResult]:
    out = []
    for case in cases:
        advice, latency = _ask(case, deps, mode="learn")
        row = _common(case, advice, latency)
        text = row.pop("_text")
        card = advice.learn
        row["learn_card"] = 1.0 if card and card.check_question else 0.0
        cited = {_family(deps, s.id) for s in advice.sources}
        wanted = {_family(deps, s) for s in case.expect_sources}
        row["learn_source"] = 1.0 if not wanted or cited & wanted else 0.0
        row["include_rate"] = m.include_rate(text, case.must_include, [])
        row["passed"] = row["learn_card"] == 1.0 and row["learn_source"] == 1.0
        out.append(row)
    return out


# ---- aggregation, thresholds, report --------------------------------------------------------


def _body(text: str) -> str:
    """An answer without its source list (titles repeat by nature: not a collapse)."""
    for marker in ("\n**Sources**", "\n*Sources*"):
        if marker in text:
            return text.split(marker)[0]
    return text


def run_fit(cases: Sequence[FitCase], deps: Any) -> list[CaseResult]:
    from bot.engine.ideas import ideas_asked

    out = []
    labels = judgement.english_labels()
    brands = {c.brand for c in deps.catalog.campaigns()}
    for case in cases:
        advice, latency = _ask(case, deps)
        contract = advice.contract()
        scores = fit.score_case(case.model_dump(), contract)
        row = _common(case, advice, latency)
        forbidden = int(scores["forbidden_count"])
        row.update(
            {
                "situation_accuracy": float(scores["situation_ok"]),
                "market_accuracy": float(scores["markets_ok"]),
                "origin_accuracy": float(scores["origin_ok"]),
                "timing_unit": float(scores["clock_ok"]),
                "lead_ok": float(scores["lead_ok"]),
                "required_moves": float(scores["required_hit"]),
                "forbidden_free": 1.0 if forbidden == 0 else 0.0,
                "passed": all(
                    bool(scores[k]) for k in ("situation_ok", "markets_ok", "clock_ok", "lead_ok")
                )
                and forbidden == 0
                and float(scores["required_hit"]) >= 1.0,
                "_situation": (contract.get("situation") or {}).get("id"),
                "_missed": fit.missed_moves(case.model_dump(), advice.text),
                "_committed": fit.committed_moves(case.model_dump(), advice.text),
                "_strategy": advice.mode == "strategy",
                "_body": _body(advice.text),
                "_campaigns": [s.id for s in advice.sources if s.kind == "campaign"],
            }
        )
        body = _body(advice.text)
        judged: dict[str, float | None] = {
            "precedent_fit": judgement.precedent_fit(advice, deps.catalog),
            "cautionary_free": judgement.cautionary_free(advice, deps.catalog),
            "foreign_rule_free": judgement.foreign_rule_free(advice, deps.catalog),
            "budget_split": judgement.budget_split(advice),
            "ideas_subject": judgement.ideas_subject(
                advice, advice.brief.subject, advice.brief.client
            ),
            "ideas_count": judgement.ideas_count(advice, ideas_asked(case.text)),
            "french_labels": judgement.french_labels(advice, body, labels, brands),
            "rule_cited": scores["rule_cited"],
            "moment_fit": scores["moment_fit"],
        }
        row.update({k: v for k, v in judged.items() if v is not None})
        if judged["french_labels"] == 0.0:
            row["_english"] = judgement.english_labels_in(
                judgement.plain_french(body, brands), labels
            )
        out.append(row)
    return out


def fit_collapse(rows: Sequence[CaseResult], year: int) -> dict[str, float]:
    """Suite-level collapse over the strategy answers: 1 − the share of answers that share the
    most common long sentence, the same first date, the same cited campaign."""
    strategy = [r for r in rows if r.get("_strategy")]
    bodies = [str(r["_body"]) for r in strategy]
    sentence = fit.collapse(bodies)
    date = fit.shared_first_date(bodies, min_year=year)
    campaign = fit.shared_campaign([list(r["_campaigns"]) for r in rows])
    return {
        "sentence_spread": 1.0 - float(sentence["share"]),
        "date_spread": 1.0 - float(date["share"]),
        "campaign_spread": 1.0 - float(campaign["share"]),
    }


def aggregate(rows: Sequence[CaseResult]) -> dict[str, float]:
    keys = [k for k, v in (rows[0].items() if rows else []) if isinstance(v, float)]
    for row in rows:
        keys.extend(k for k, v in row.items() if isinstance(v, float) and k not in keys)
    agg: dict[str, float] = {}
    for k in keys:
        values = [float(r[k]) for r in rows if isinstance(r.get(k), float)]
        if k == "latency_ms":
            agg["latency_p50_ms"] = m.percentile(values, 50)
            agg["latency_p95_ms"] = m.percentile(values, 95)
        elif values:
            agg[k] = mean(values)
    agg["pass_rate"] = mean(1.0 if r.get("passed") else 0.0 for r in rows) if rows else 0.0
    return agg


def load_today(path: Path = THRESHOLDS) -> dt.date | None:
    """The date the evals answer as of (`today:` in thresholds.yaml), so that the gate gives
    the same figures on any day; None when unset."""
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    value = data.get("today")
    if value is None:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def load_thresholds(path: Path = THRESHOLDS) -> dict[str, float]:
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    return {str(k): float(v) for k, v in data.get("minimums", {}).items()}


def check_thresholds(
    summary: dict[str, dict[str, float]], thresholds: dict[str, float]
) -> list[str]:
    failures = []
    for key, minimum in thresholds.items():
        suite, _, metric = key.partition(".")
        value = summary.get(suite, {}).get(metric)
        if value is None:
            continue  # suite not run this time
        if value + 1e-9 < minimum:
            failures.append(f"{key} = {value:.3f} < {minimum:.3f}")
    return failures


RUNNERS: dict[str, Callable[[Any, Any], Any]] = {
    "answer": run_answer,
    "adversarial": run_adversarial,
    "idea": run_idea,
    "learn": run_learn,
    "fit": run_fit,
}


def evaluate(
    settings: Settings, suites: Sequence[str], *, judge: bool = False, deps: Any = None
) -> dict[str, Any]:
    from bot.deps import build_deps

    datasets = load_all()
    today = load_today()
    if deps is None:
        deps = build_deps(settings, with_llm=judge, today=today)
    elif today is not None:
        deps.today = lambda: today
    out: dict[str, Any] = {
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "engine": "llm" if deps.writer is not None else "offline",
        "suites": {},
        "by_language": {},
        "baselines": {},
        "cases": {},
    }
    for suite in suites:
        cases = datasets[suite]
        if suite == "retrieval":
            rows, baselines = run_retrieval(cases, deps)  # type: ignore[arg-type]
            out["baselines"] = baselines
        else:
            rows = RUNNERS[suite](cases, deps)
        out["cases"][suite] = rows
        out["suites"][suite] = aggregate(rows)
        if suite == "fit":
            out["suites"][suite].update(fit_collapse(rows, deps.today().year))
        out["by_language"][suite] = {
            lang: aggregate([r for r in rows if r["language"] == lang])
            for lang in ("fr", "en")
            if any(r["language"] == lang for r in rows)
        }
    if judge:
        from evals.judge import run_judge

        out["judge"] = run_judge(settings, deps, datasets)
    return out


def main(args: argparse.Namespace, settings: Settings) -> int:
    from bot.cli import ensure_index
    from evals.report import previous_run, write_reports

    suites = args.suite or list(CASE_MODELS)
    unknown = [s for s in suites if s not in CASE_MODELS]
    if unknown:
        print(f"eval: unknown suite(s) {unknown}; use {list(CASE_MODELS)}", file=sys.stderr)
        return 2
    deps = ensure_index(settings, with_llm=args.judge, today=load_today())
    results = evaluate(settings, suites, judge=args.judge, deps=deps)
    thresholds = load_thresholds()
    failures = check_thresholds(results["suites"], thresholds)
    results["thresholds"] = thresholds
    results["failures"] = failures
    previous = previous_run(REPORTS)
    _print_summary(results, previous)
    if not args.no_report:
        md, html = write_reports(results, previous, REPORTS)
        print(f"report: {md}\nreport: {html}")
    if failures:
        print("eval: below threshold:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print("eval: all metrics at or above their thresholds")
    return 0


def _print_summary(results: dict[str, Any], previous: dict[str, Any] | None) -> None:
    for suite, agg in results["suites"].items():
        n = len(results["cases"][suite])
        parts = []
        for k, v in agg.items():
            before = (previous or {}).get("suites", {}).get(suite, {}).get(k)
            delta = (
                f" ({v - before:+.3f})"
                if isinstance(before, float) and before == before and "latency" not in k
                else ""
            )
            parts.append(f"{k} {v:.3f}{delta}" if "latency" not in k else f"{k} {v:.0f}")
        print(f"{suite} ({n} cases): " + ", ".join(parts))
    for name, scores in results.get("baselines", {}).items():
        print(
            f"  retrieval baseline {name}: " + ", ".join(f"{k} {v:.3f}" for k, v in scores.items())
        )
    if "judge" in results:
        print("judge: " + json.dumps(results["judge"].get("summary", {})))
