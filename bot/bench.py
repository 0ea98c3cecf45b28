"""`levier bench`: ingest, retrieval, advise() and Slack figures, printed as one table.

Targets (2-core machine): no-change re-ingest < 3 s; retrieval p95 < 50 ms at 10k chunks;
warm advise() p50 < 300 ms; process RSS < 600 MB; Slack ack p99 < 100 ms and first visible
response p99 < 1 s; 100 mentions right after start-up: ack p99 < 100 ms, serving RSS < 500 MB.
Results are stored as JSON under evals/reports/ for comparison between runs.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from bot.settings import PROJECT_ROOT, Settings

REPORTS = PROJECT_ROOT / "evals" / "reports"

QUESTIONS = [
    "Nous lançons une gamme de soins bio pour les 25-35 ans en France, budget 80k€, à la "
    "rentrée. Quelle stratégie d'influence ?",
    "We need a B2B thought-leadership plan to generate leads among CIOs in Germany, $250k, Q2.",
    "Bad buzz après un rappel produit en Belgique : comment gérer la crise ?",
    "Give me big ideas for an employer-brand campaign targeting engineering students in the UK.",
    "C'est quoi le modèle PESO ?",
    "How do we launch a sports drink for Gen Z in Brazil around Carnival?",
]


@dataclass
class Row:
    figure: str
    value: str
    target: str = ""
    ok: bool | None = None


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return float(np.percentile(np.array(values), q))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_ingest(settings: Settings) -> tuple[list[Row], dict[str, Any]]:
    from bot.index.ingest import ingest

    with tempfile.TemporaryDirectory() as tmp:
        local = settings.model_copy(update={"data_dir": Path(tmp), "chroma_host": None})
        cold = ingest(local, rebuild=True)
        start = time.perf_counter()
        warm = ingest(local)
        no_change = time.perf_counter() - start
    figures = {
        "cold_ingest_s": cold.summary.seconds,
        "cold_ingest_docs": cold.summary.added,
        "cold_ingest_chunks": cold.summary.chunks_embedded,
        "no_change_reingest_s": no_change,
        "no_change_embedded": warm.summary.chunks_embedded,
    }
    rows = [
        Row(
            "cold ingest of the knowledge base",
            f"{cold.summary.seconds:.1f} s ({cold.summary.added} docs, "
            f"{cold.summary.chunks_embedded} chunks)",
            "printed",
        ),
        Row(
            "no-change re-ingest",
            f"{no_change:.2f} s ({warm.summary.chunks_embedded} embedded)",
            "< 3 s",
            no_change < 3.0 and warm.summary.chunks_embedded == 0,
        ),
    ]
    return rows, figures


def bench_retrieval(settings: Settings, sizes: tuple[int, ...]) -> tuple[list[Row], dict[str, Any]]:
    """Dense search (query embedding + Chroma) over synthetic chunks near real ones."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from bot.index.embeddings import make_embeddings
    from bot.index.store import Store
    from bot.models import Access
    from bot.retrieval import Filters

    kinds = Filters(kinds=("campaign", "mechanic"))

    embeddings = make_embeddings(settings)
    rng = np.random.default_rng(7)
    seeds = np.array(embeddings.embed_documents(QUESTIONS * 4), dtype=np.float32)
    rows: list[Row] = []
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        client = chromadb.PersistentClient(
            path=tmp, settings=ChromaSettings(anonymized_telemetry=False)
        )
        store = Store(client, embeddings)
        collection = store._collection
        added = 0
        for size in sizes:
            while added < size:
                n = min(5000, size - added)
                base = seeds[rng.integers(0, len(seeds), n)]
                vecs = base + rng.normal(0, 0.08, base.shape).astype(np.float32)
                vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
                collection.add(
                    ids=[f"s{added + i}" for i in range(n)],
                    embeddings=vecs,
                    documents=[f"synthetic chunk {added + i}" for i in range(n)],
                    metadatas=[
                        {
                            "doc_id": f"synthetic-{(added + i) // 5}",
                            "kind": "campaign",
                            "visibility": "public",
                            "allowed": ["-"],
                            "markets": ["fr" if i % 2 else "de"],
                            "language": "en",
                        }
                        for i in range(n)
                    ],
                )
                added += n
            timings: list[float] = []
            for i in range(60):
                start = time.perf_counter()
                store.search(
                    QUESTIONS[i % len(QUESTIONS)] + f" {i}",
                    k=24,
                    access=Access(),
                    where=kinds.where(),
                    predicate=kinds.match,
                )
                timings.append((time.perf_counter() - start) * 1000)
            p50, p95 = _pct(timings, 50), _pct(timings, 95)
            figures[f"retrieval_{size}"] = {"p50_ms": p50, "p95_ms": p95}
            target = "p95 < 50 ms" if size == 10_000 else "printed"
            ok = p95 < 50 if size == 10_000 else None
            rows.append(
                Row(
                    f"retrieval at {size // 1000}k chunks",
                    f"p50 {p50:.1f} ms, p95 {p95:.1f} ms",
                    target,
                    ok,
                )
            )
    return rows, figures


def bench_advise(settings: Settings, rounds: int) -> tuple[list[Row], dict[str, Any]]:
    from bot.advise import advise
    from bot.deps import build_deps
    from bot.models import Request

    deps = build_deps(settings, with_llm=False)
    advise(Request(text=QUESTIONS[0]), deps)  # warm: model load, caches
    timings: list[float] = []
    for i in range(rounds):
        start = time.perf_counter()
        advise(Request(text=QUESTIONS[i % len(QUESTIONS)]), deps)
        timings.append((time.perf_counter() - start) * 1000)
    p50, p95 = _pct(timings, 50), _pct(timings, 95)
    return [
        Row("warm advise()", f"p50 {p50:.0f} ms, p95 {p95:.0f} ms", "p50 < 300 ms", p50 < 300)
    ], {"advise": {"p50_ms": p50, "p95_ms": p95, "n": rounds}}


def bench_slack() -> tuple[list[Row], dict[str, Any]]:
    try:
        from bot.slack.bench import run_ack_bench
    except ImportError:
        return [Row("slack ack", "not available", "")], {}
    slack_log = logging.getLogger("levier.slack")
    level = slack_log.level
    slack_log.setLevel(logging.WARNING)  # one line per answer would drown the table
    try:
        result: dict[str, float] = run_ack_bench(n=20, answer_seconds=5.0)
    finally:
        slack_log.setLevel(level)
    ack99 = result.get("ack_p99_ms", float("nan"))
    first99 = result.get("first_visible_p99_ms", float("nan"))
    return [
        Row(
            "slack ack (20 concurrent, 5 s answers)",
            f"p50 {result.get('ack_p50_ms', float('nan')):.1f} ms, p99 {ack99:.1f} ms",
            "p99 < 100 ms",
            ack99 < 100,
        ),
        Row(
            "slack first visible response",
            f"p50 {result.get('first_visible_p50_ms', float('nan')):.0f} ms, p99 {first99:.0f} ms",
            "p99 < 1 s",
            first99 < 1000,
        ),
    ], {"slack": result}


def bench_slack_startup(settings: Settings) -> tuple[list[Row], dict[str, Any]]:
    """100 mentions the moment a real `levier run` connects (issue 12): acks and peak RSS."""
    from bot.slack.bench import STARTUP_RSS_TARGET_MB, run_startup_bench

    result = run_startup_bench(settings, n=100)
    return [
        Row(
            "slack: 100 mentions right after start-up, ack",
            f"p50 {result['ack_p50_ms']:.0f} ms, p99 {result['ack_p99_ms']:.0f} ms",
            "p99 < 100 ms",
            bool(result["ack_ok"]),
        ),
        Row(
            "slack: serving process peak RSS (100 answers)",
            f"{result['peak_rss_mb']:.0f} MB",
            f"< {STARTUP_RSS_TARGET_MB:.0f} MB",
            bool(result["rss_ok"]),
        ),
    ], {"slack_startup": result}


def run_bench(
    settings: Settings, out: TextIO, *, quick: bool = False, only: list[str] | None = None
) -> int:
    wanted = set(only or ["ingest", "retrieval", "advise", "slack", "slack-startup"])
    rows: list[Row] = []
    figures: dict[str, Any] = {
        "cores": os.cpu_count(),
        "quick": quick,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    sizes = (2_000, 10_000) if quick else (10_000, 50_000)
    steps: list[tuple[str, Callable[[], tuple[list[Row], dict[str, Any]]]]] = [
        ("ingest", lambda: bench_ingest(settings)),
        ("retrieval", lambda: bench_retrieval(settings, sizes)),
        ("advise", lambda: bench_advise(settings, 12 if quick else 40)),
        ("slack", bench_slack),
        ("slack-startup", lambda: bench_slack_startup(settings)),
    ]
    for name, step in steps:
        if name not in wanted:
            continue
        print(f"bench: {name}…", file=out, flush=True)
        new_rows, new_figures = step()
        rows.extend(new_rows)
        figures.update(new_figures)
    serving = _serving_rss_mb()
    figures["serving_rss_mb"] = serving
    rows.append(
        Row(
            "assistant process RSS (index + engine, 20 answers)",
            f"{serving:.0f} MB",
            "< 600 MB",
            serving < 600,
        )
    )
    rss = _rss_mb()
    figures["bench_rss_mb"] = rss
    rows.append(
        Row("this bench process RSS (peak, incl. 50k synthetic chunks)", f"{rss:.0f} MB", "printed")
    )
    _print_table(rows, out)
    previous = _previous()
    REPORTS.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = REPORTS / f"bench-{stamp}.json"
    path.write_text(json.dumps(figures, indent=2), "utf-8")
    if previous is not None:
        print(f"previous run: {previous.name}", file=out)
    print(f"saved: {path.relative_to(PROJECT_ROOT)}", file=out)
    return 0 if all(r.ok is not False for r in rows) else 1


_SERVING = """
import resource
from bot.advise import advise
from bot.bench import QUESTIONS
from bot.deps import build_deps
from bot.models import Request
from bot.settings import Settings
deps = build_deps(Settings(), with_llm=False)
for i in range(20):
    advise(Request(text=QUESTIONS[i % len(QUESTIONS)]), deps)
# Peak RSS of this process image: VmHWM restarts at exec, while ru_maxrss is inherited from the
# parent on Linux (a large bench parent would inflate it).
try:
    with open("/proc/self/status") as status:
        hwm = next(line for line in status if line.startswith("VmHWM:"))
    print(int(hwm.split()[1]) / 1024)
except (OSError, StopIteration):
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _serving_rss_mb() -> float:
    """Peak RSS of a fresh process that loads everything the assistant needs and answers."""
    done = subprocess.run(
        [sys.executable, "-c", _SERVING],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    try:
        return float(done.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return float("nan")


def _previous() -> Path | None:
    runs = sorted(REPORTS.glob("bench-*.json")) if REPORTS.is_dir() else []
    return runs[-1] if runs else None


def _print_table(rows: list[Row], out: TextIO) -> None:
    cores = os.cpu_count()
    print(f"\nLevier benchmark — {cores} cores", file=out)
    width = max(len(r.figure) for r in rows)
    vwidth = max(len(r.value) for r in rows)
    print(f"{'figure'.ljust(width)}  {'value'.ljust(vwidth)}  target", file=out)
    for r in rows:
        mark = "" if r.ok is None else (" ✓" if r.ok else " ✗")
        print(f"{r.figure.ljust(width)}  {r.value.ljust(vwidth)}  {r.target}{mark}", file=out)
