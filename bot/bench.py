"""`levier bench`: start-up, growth, ingest, retrieval, advise() and Slack figures, one table.

Targets (2-core machine): `levier ask` whole process p50 < 1.0 s on an unchanged base; `levier
chat` / `levier run` ready to answer < 1.5 s; start-up overhead at 30k chunks within +0.1 s of
1.5k; one changed file re-ingested at 30k chunks < 1 s; cold ingest of the base < 8 s; warm
advise() p50 < 20 ms; serving RSS < 400 MB; retrieval p95 < 50 ms at 10k chunks; Slack ack p99 <
100 ms and first visible response p99 < 1 s; 100 mentions right after start-up: ack p99 <
100 ms, serving RSS < 500 MB.

Process figures are measured from outside: the bench starts `levier` as a subprocess on a copy of
the base in a temporary data dir, times it, and reads its peak RSS (wait4), with the median of at
least 5 runs. The growth table adds synthetic campaigns (copies of real ones under new ids, so the
engine, the catalog and the index all grow) up to 10k, 30k and 100k chunks. Results are stored as
JSON under evals/reports/ for comparison between runs.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import numpy as np

from bot.settings import PROJECT_ROOT, Settings

if TYPE_CHECKING:
    from bot.retrieval import Filters

REPORTS = PROJECT_ROOT / "evals" / "reports"
RUNS = 5  # process timings: the median of this many runs (after one unmeasured warm-up)

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


def _timed_searches(store: Any, kinds: Filters, n: int) -> list[float]:
    """Milliseconds of `n` filtered searches over the questions (each made unique)."""
    from bot.models import Access

    timings: list[float] = []
    for i in range(n):
        start = time.perf_counter()
        store.search(
            QUESTIONS[i % len(QUESTIONS)] + f" {i}",
            k=24,
            access=Access(),
            where=kinds.where(),
            predicate=kinds.match,
        )
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return float(np.percentile(np.array(values), q))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---- processes timed from outside ----------------------------------------------------------


def _env(base: Settings) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "OPENAI_", "LEVIER_"))
    }
    env.update(
        LEVIER_KNOWLEDGE_DIR=str(base.knowledge_dir),
        LEVIER_DATA_DIR=str(base.data_dir),
        LEVIER_LLM_ENABLED="false",
        LEVIER_LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def _levier() -> list[str]:
    return [sys.executable, "-c", _LEVIER]


# `levier` itself (its console script calls `bot.cli.main`), which also reports its own peak RSS
# (VmHWM restarts at exec, while the ru_maxrss of a child counts the bench's pages it forked from).
_HWM = """
import atexit, sys
def _hwm():
    try:
        with open("/proc/self/status") as status:
            line = next(x for x in status if x.startswith("VmHWM:"))
        print("VMHWM_KB", line.split()[1], file=sys.__stderr__, flush=True)
    except (OSError, StopIteration):
        pass
atexit.register(_hwm)
"""
_LEVIER = _HWM + "from bot.cli import main\nsys.exit(main(sys.argv[1:]))\n"


def _timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of one process, from its start to its exit."""
    start = time.perf_counter()
    done = subprocess.run(
        cmd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[3:6])}… exited with {done.returncode}")
    found = re.findall(r"VMHWM_KB (\d+)", done.stderr)
    return seconds, (int(found[-1]) / 1024 if found else float("nan"))


def _median_runs(
    cmd: list[str], env: dict[str, str], runs: int, before: Callable[[int], None] | None = None
) -> tuple[float, float, list[float]]:
    """Median seconds and peak RSS over `runs` runs, after one unmeasured warm-up run."""
    times: list[float] = []
    rss: list[float] = []
    for i in range(runs + 1):
        if before is not None:
            before(i)
        seconds, mb = _timed(cmd, env)
        if i:
            times.append(seconds)
            rss.append(mb)
    return statistics.median(times), max(rss), times


def _ready_seconds(env: dict[str, str]) -> float:
    """`levier chat` from its start to its welcome (it reads the first question next)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*_levier(), "chat"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None and proc.stdin is not None
    line = proc.stdout.readline()
    seconds = time.perf_counter() - start
    proc.stdin.close()
    proc.stdout.read()
    proc.wait(timeout=60)
    if not line:
        raise RuntimeError("levier chat printed nothing")
    return seconds


_STARTUP = """
from bot.cli import ensure_index
from bot.settings import Settings
deps = ensure_index(Settings(), with_llm=False)
deps.retriever.store.embeddings.warm()
"""


def _startup_cmd() -> list[str]:
    """A process that starts as `levier ask` does (index check, knowledge, model), then exits."""
    return [sys.executable, "-c", _HWM + _STARTUP]


def _ask_cmd(question: str) -> list[str]:
    return [*_levier(), "ask", "--json", question]


# ---- the base: a copy of knowledge/, and synthetic campaigns for the growth table ----------


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)


def _copy_base(settings: Settings, root: Path) -> Settings:
    shutil.copytree(settings.knowledge_dir, root / "knowledge")
    return settings.model_copy(
        update={
            "knowledge_dir": root / "knowledge",
            "data_dir": root / "data",
            "chroma_host": None,
            "llm_enabled": False,
        }
    )


class _Grower:
    """Adds copies of the base's campaigns under new ids, each beside its original (same text,
    so the same vectors and the same relative links)."""

    def __init__(self, base: Settings) -> None:
        import yaml

        from bot.index.ingest import load_report
        from bot.knowledge.loader import chunks_of

        self._yaml = yaml
        report = load_report(base)
        self._templates: list[tuple[Path, dict[str, Any], str, int]] = []
        for doc in report.docs:
            if doc.meta.kind != "campaign":
                continue
            path = base.knowledge_dir.parent / doc.path
            raw = path.read_text("utf-8")
            match = _FRONT.match(raw)
            if match is None:
                continue
            front = yaml.safe_load(match.group(1))
            front.pop("translation_of", None)
            self._templates.append((path, front, raw[match.end() :], len(chunks_of(doc))))
        self.chunks = sum(len(chunks_of(d)) for d in report.docs)
        self._written: list[Path] = []

    def grow_to(self, chunks: int) -> None:
        while self.chunks < chunks:
            n = len(self._written)
            path, front, body, count = self._templates[n % len(self._templates)]
            copy = {**front, "id": f"{front['id']}-s{n:05d}"}
            text = "---\n" + self._yaml.safe_dump(copy, allow_unicode=True, sort_keys=False)
            target = path.with_name(f"{path.stem}-s{n:05d}.md")
            target.write_text(text + "---\n" + body, "utf-8")
            self._written.append(target)
            self.chunks += count

    def touch_one(self, i: int) -> None:
        """Change one campaign file of the copy (its last line), differently each time."""
        path = self._written[0] if self._written else self._templates[0][0]
        text = re.sub(r"\n<!-- bench \d+ -->\n\Z", "\n", path.read_text("utf-8"))
        path.write_text(text + f"<!-- bench {i} -->\n", "utf-8")


class _MemoEmbeddings:
    """The real model, embedding each distinct text once (copies share their vectors)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self._memo: dict[str, list[float]] = {}

    @property
    def dimension(self) -> int:
        return int(self.inner.dimension)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        todo = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if todo:
            self._memo.update(zip(todo, self.inner.embed_documents(todo), strict=True))
        return [self._memo[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]

    def remember(self, text: str, vector: list[float]) -> None:
        self._memo[text] = vector


# ---- sections ------------------------------------------------------------------------------


COLD_RUNS = 3


def bench_startup(base: Settings, runs: int) -> tuple[list[Row], dict[str, Any]]:
    """Cold ingest of the base, then the processes a user starts on it, unchanged."""
    env = _env(base)
    colds = []
    for _ in range(COLD_RUNS):  # each from nothing: no index, no parse or weights cache
        shutil.rmtree(base.data_dir, ignore_errors=True)
        colds.append(_timed([*_levier(), "ingest"], env)[0])
    cold = statistics.median(colds)
    noop, _, _ = _median_runs([*_levier(), "ingest"], env, runs)
    ask, ask_rss, ask_times = _median_runs(_ask_cmd(QUESTIONS[4]), env, runs)
    ready_times = [_ready_seconds(env) for _ in range(runs + 1)][1:]
    ready = statistics.median(ready_times)
    figures = {
        "cold_ingest_s": cold,
        "cold_ingest_runs_s": colds,
        "no_change_ingest_s": noop,
        "ask_p50_s": ask,
        "ask_runs_s": ask_times,
        "ask_rss_mb": ask_rss,
        "chat_ready_p50_s": ready,
        "chat_ready_runs_s": ready_times,
    }
    rows = [
        Row(
            "cold ingest of the knowledge base (`levier ingest`, whole process)",
            f"p50 {cold:.1f} s ({min(colds):.1f}–{max(colds):.1f}, {COLD_RUNS} runs)",
            "< 8 s",
            cold < 8,
        ),
        Row("no-change `levier ingest` (whole process)", f"p50 {noop:.2f} s", "printed"),
        Row(
            "`levier ask` whole process, unchanged base",
            f"p50 {ask:.2f} s ({min(ask_times):.2f}–{max(ask_times):.2f}), peak RSS "
            f"{ask_rss:.0f} MB",
            "p50 < 1.0 s",
            ask < 1.0,
        ),
        Row(
            "`levier chat` / `levier run` (no Slack) ready to answer",
            f"p50 {ready:.2f} s",
            "< 1.5 s",
            ready < 1.5,
        ),
    ]
    return rows, figures


def bench_growth(
    indexed: Settings, root: Path, sizes: tuple[int, ...], runs: int, out: TextIO
) -> tuple[list[Row], dict[str, Any]]:
    """Start-to-answer, start-up, one-file re-ingest, retrieval and RSS as the base grows, on a
    copy of the `indexed` base and its index."""
    from bot.index.embeddings import make_embeddings
    from bot.index.ingest import ingest
    from bot.index.store import TEXT_KEY, Store, open_client, open_reader
    from bot.retrieval import Filters

    shutil.copytree(indexed.knowledge_dir, root / "knowledge")
    shutil.copytree(indexed.data_dir, root / "data")
    base = indexed.model_copy(
        update={"knowledge_dir": root / "knowledge", "data_dir": root / "data"}
    )
    env = _env(base)
    grower = _Grower(base)
    embeddings = _MemoEmbeddings(make_embeddings(base))
    writer = Store(open_client(base), embeddings)
    got = writer._collection.get(include=["documents", "metadatas", "embeddings"])
    for doc, meta, vector in zip(
        got["documents"], got["metadatas"], got["embeddings"], strict=True
    ):
        text = (meta or {}).get(TEXT_KEY) or doc  # the copies' vectors, as stored
        embeddings.remember(str(text), [float(x) for x in vector])
    table: list[dict[str, Any]] = []
    for size in sizes:
        grower.grow_to(size)
        print(f"bench: growth at {grower.chunks} chunks…", file=out, flush=True)
        ingest(base, embeddings=embeddings).store.close()
        startup, _, _ = _median_runs(_startup_cmd(), env, runs)
        ask, rss, _ = _median_runs(_ask_cmd(QUESTIONS[0]), env, runs)
        reingest: list[float] = []
        for i in range(runs):  # with the model itself: every chunk of the file is embedded
            grower.touch_one(i + 1)
            start = time.perf_counter()
            result = ingest(base, embeddings=embeddings.inner)
            reingest.append(time.perf_counter() - start)
            result.store.close()
            assert result.summary.updated == 1, result.summary.line()
        store = open_reader(base, embeddings)
        kinds = Filters(kinds=("campaign", "mechanic"))
        timings = _timed_searches(store, kinds, 40)
        store.close()
        table.append(
            {
                "chunks": grower.chunks,
                "ask_p50_s": ask,
                "startup_p50_s": startup,
                "reingest_one_p50_s": statistics.median(reingest),
                "retrieval_p50_ms": _pct(timings, 50),
                "retrieval_p95_ms": _pct(timings, 95),
                "ask_peak_rss_mb": rss,
            }
        )
    _print_growth(table, out)
    rows: list[Row] = []
    small = table[0]
    at30 = next((r for r in table if 25_000 <= r["chunks"] < 40_000), None)
    if at30 is not None:
        extra = at30["startup_p50_s"] - small["startup_p50_s"]
        rows.append(
            Row(
                f"start-up overhead at {at30['chunks'] // 1000}k chunks vs "
                f"{small['chunks'] / 1000:.1f}k",
                f"{extra:+.2f} s ({small['startup_p50_s']:.2f} → {at30['startup_p50_s']:.2f})",
                "< +0.1 s",
                extra < 0.1,
            )
        )
        rows.append(
            Row(
                f"re-ingest of one changed file at {at30['chunks'] // 1000}k chunks",
                f"p50 {at30['reingest_one_p50_s']:.2f} s",
                "< 1 s",
                at30["reingest_one_p50_s"] < 1.0,
            )
        )
    return rows, {"growth": table}


def _print_growth(table: list[dict[str, Any]], out: TextIO) -> None:
    print("\ngrowth (medians of process runs timed from outside)", file=out)
    header = (
        f"{'chunks':>8}  {'ask':>7}  {'start-up':>8}  {'re-ingest 1':>11}  "
        f"{'retrieval p50/p95':>17}  {'ask peak RSS':>12}"
    )
    print(header, file=out)
    for r in table:
        retrieval = f"{r['retrieval_p50_ms']:.1f}/{r['retrieval_p95_ms']:.1f} ms"
        print(
            f"{r['chunks']:>8}  {r['ask_p50_s']:>6.2f}s  {r['startup_p50_s']:>7.2f}s  "
            f"{r['reingest_one_p50_s']:>10.2f}s  {retrieval:>17}  "
            f"{r['ask_peak_rss_mb']:>9.0f} MB",
            file=out,
        )


def bench_retrieval(settings: Settings, sizes: tuple[int, ...]) -> tuple[list[Row], dict[str, Any]]:
    """Dense search (query embedding + Chroma) over synthetic chunks near real ones."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from bot.index.embeddings import make_embeddings
    from bot.index.store import TEXT_KEY, Store
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
                    metadatas=[
                        {
                            TEXT_KEY: f"synthetic chunk {added + i}",
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
            timings = _timed_searches(store, kinds, 60)
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
    getattr(deps.retriever.store.embeddings, "warm", lambda: None)()
    advise(Request(text=QUESTIONS[0]), deps)  # warm: model load, caches
    timings: list[float] = []
    for i in range(rounds):
        start = time.perf_counter()
        advise(Request(text=QUESTIONS[i % len(QUESTIONS)]), deps)
        timings.append((time.perf_counter() - start) * 1000)
    p50, p95 = _pct(timings, 50), _pct(timings, 95)
    deps.retriever.store.close()
    return [Row("warm advise()", f"p50 {p50:.0f} ms, p95 {p95:.0f} ms", "p50 < 20 ms", p50 < 20)], {
        "advise": {"p50_ms": p50, "p95_ms": p95, "n": rounds}
    }


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
    wanted = set(only or ["startup", "growth", "retrieval", "advise", "slack", "slack-startup"])
    rows: list[Row] = []
    figures: dict[str, Any] = {
        "cores": os.cpu_count(),
        "quick": quick,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "load_average": os.getloadavg(),
    }
    sizes = (2_000, 10_000) if quick else (10_000, 50_000)
    growth = (1_500, 10_000) if quick else (1_500, 10_000, 30_000, 100_000)
    with tempfile.TemporaryDirectory(prefix="levier-bench-") as tmp:
        base = _copy_base(settings, Path(tmp) / "base")
        steps: list[tuple[str, Callable[[], tuple[list[Row], dict[str, Any]]]]] = [
            ("startup", lambda: bench_startup(base, RUNS)),
            ("advise", lambda: bench_advise(base, 12 if quick else 40)),
            ("rss", lambda: _serving_rows(base)),
            ("retrieval", lambda: bench_retrieval(settings, sizes)),
            ("slack", bench_slack),
            ("slack-startup", lambda: bench_slack_startup(settings)),
            (
                "growth",
                lambda: bench_growth(base, Path(tmp) / "grow", growth, RUNS, out),
            ),
        ]
        if wanted & {"advise", "rss", "growth"} and "startup" not in wanted:
            from bot.index.ingest import ingest

            ingest(base).store.close()  # the sections below need the base indexed
        for name, step in steps:
            if name not in wanted and not (name == "rss" and wanted & {"startup", "advise"}):
                continue
            print(f"bench: {name}…", file=out, flush=True)
            new_rows, new_figures = step()
            rows.extend(new_rows)
            figures.update(new_figures)
    rss = _rss_mb()
    figures["bench_rss_mb"] = rss
    rows.append(Row("this bench process RSS (peak)", f"{rss:.0f} MB", "printed"))
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


def _serving_rows(base: Settings) -> tuple[list[Row], dict[str, Any]]:
    serving = _serving_rss_mb(base)
    return [
        Row(
            "assistant process RSS (index + engine, 20 answers)",
            f"{serving:.0f} MB",
            "< 400 MB",
            serving < 400,
        )
    ], {"serving_rss_mb": serving}


_SERVING = """
import resource
from bot.advise import advise
from bot.bench import QUESTIONS
from bot.cli import ensure_index
from bot.models import Request
from bot.settings import Settings
deps = ensure_index(Settings(), with_llm=False)
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


def _serving_rss_mb(base: Settings) -> float:
    """Peak RSS of a fresh process that loads everything the assistant needs and answers."""
    done = subprocess.run(
        [sys.executable, "-c", _SERVING],
        env=_env(base),
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
