"""The `levier` command line: ask, chat, ingest, doctor, kb, bench, eval, stats, run."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from bot.errors import LevierError
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.deps import Deps
    from bot.index.embeddings import NamedEmbeddings
    from bot.knowledge.loader import LoadReport
    from bot.models import Advice

log = logging.getLogger("levier")


def _configure_logging(settings: Settings) -> None:
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("chromadb", "httpx", "httpx2", "httpcore", "openai", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


# ---- ingest and index freshness ------------------------------------------------------------


def _progress_bar(out: TextIO) -> Callable[[int, int], None]:
    bar: list[Any] = []

    def update(done: int, total: int) -> None:
        if not bar:  # tqdm is imported only by an ingest with something to embed
            from tqdm import tqdm

            bar.append(
                tqdm(
                    total=total, unit="chunk", desc="embedding", file=out, leave=False, disable=None
                )
            )
        bar[0].n = done
        bar[0].refresh()
        if done >= total:
            bar[0].close()

    return update


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.index.ingest import ingest

    result = ingest(settings, rebuild=args.rebuild, progress=_progress_bar(sys.stderr))
    for problem in result.report.problems:
        print(f"invalid: {problem}", file=sys.stderr)
    print(f"ingest: {result.summary.line()}")
    if not result.ok:
        print(f"ingest: {invalid_line(result.report)}", file=sys.stderr)
        return 1
    return 0


def invalid_line(report: LoadReport) -> str:
    """The invalid files, counted exactly: which keep their last good version, which are out."""
    invalid = len(report.invalid_files)
    kept = len(report.kept)
    skipped = len(report.skipped_files)
    return (
        f"{invalid} invalid file(s) of {report.files_seen}: {kept} keep their last good version, "
        f"{skipped} not indexed, {invalid - kept - skipped} indexed with a problem; the others "
        "were indexed. Fix the files above and run `levier ingest` again."
    )


def ensure_index(
    settings: Settings,
    out: TextIO = sys.stderr,
    *,
    with_llm: bool = True,
    today: dt.date | None = None,
    embeddings: NamedEmbeddings | None = None,
) -> Deps:
    """Build or refresh the index when `knowledge/` changed (cheap when nothing did), and
    return the dependencies of `advise()` built on what the ingest already loaded.

    The embedding model loads in a background thread meanwhile (its C++ and numpy parts run
    beside the start-up's Python), so the first question does not wait for it, and so does the
    local index (Chroma's Rust side, whose HNSW load grows with the base). `embeddings` are
    those `start_model` already started loading."""
    from bot.deps import build_deps
    from bot.index.ingest import ingest
    from bot.index.store import prefetch_reader, stamp_path

    if embeddings is None:
        embeddings = start_model(settings)
    if stamp_path(settings, embeddings).is_file():  # the index is likely fresh: open it now
        prefetch_reader(settings, embeddings)
    result = ingest(settings, embeddings=embeddings, progress=_progress_bar(out))
    s = result.summary
    if s.added or s.updated or s.deleted:
        print(f"index refreshed: {s.line()}", file=out)
    if not result.ok:
        report = result.report
        print(
            f"warning: {len(report.invalid_files)} invalid knowledge file(s): "
            f"{len(report.kept)} at their last good version, {len(report.skipped_files)} "
            "skipped; run `levier kb validate` for details.",
            file=out,
        )
    return build_deps(
        settings, with_llm=with_llm, store=result.store, report=result.report, today=today
    )


def start_model(settings: Settings) -> NamedEmbeddings:
    """The embeddings, their model loading in a background thread from now on: a command
    starts it before its own imports, which then run beside the model's C++ and numpy parts."""
    from bot.index.embeddings import make_embeddings

    embeddings = make_embeddings(settings)
    _warm_in_background(embeddings)
    return embeddings


def _warm_in_background(embeddings: object) -> None:
    """Load the model in a thread. Not a daemon, and loading only (no numpy work after the
    main thread has the model): a process that exits meanwhile waits for it, never aborts."""
    load = getattr(embeddings, "load", None)
    if not callable(load):
        return
    from bot.index.use_model import import_modules

    import_modules()  # here: imports racing in two threads can fail half-way

    def run() -> None:
        try:
            load()
        except Exception as exc:  # the first query loads it again and reports the problem
            log.debug("background model load failed: %s", type(exc).__name__)

    threading.Thread(target=run, name="levier-model-load", daemon=False).start()


# ---- ask and chat --------------------------------------------------------------------------


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.edge import InvalidInput, clean_input, read_text, safe_json, safe_output

    try:
        if args.question:
            text = clean_input(" ".join(args.question))
        elif hasattr(sys.stdin, "buffer"):
            text = read_text(sys.stdin.buffer.read())  # bytes: decoded here, checked
        else:
            text = clean_input(sys.stdin.read())  # a text stream (tests, embedding programs)
    except InvalidInput as exc:
        print(f"levier: {exc}", file=sys.stderr)
        return 2
    embeddings = start_model(settings)
    from bot.advise import advise
    from bot.models import Access, Request

    deps = ensure_index(settings, today=args.today, embeddings=embeddings)
    request = Request(
        text=text,
        mode=args.mode,
        language=args.language,
        access=Access(channel_id=args.channel, user_groups=tuple(args.group or ())),
    )
    streamed: list[str] = []

    def on_delta(delta: str) -> None:
        streamed.append(delta)
        if not args.json:
            print(safe_output(delta), end="", flush=True)

    advice = advise(request, deps, on_delta=None if args.json else on_delta)
    if args.json:
        print(json.dumps(safe_json(advice.contract()), ensure_ascii=False, indent=2))
    elif streamed and advice.trace.fallback:
        # The model failed part-way: what was printed is not the answer; the offline one is.
        print("\n\n---\n")
        print(safe_output(advice.text))
    elif streamed:
        print()
        print(safe_output(_sources_block(advice)))
    else:
        print(safe_output(advice.text))
    return 0


def _sources_block(advice: Advice) -> str:
    lines = ["Sources:"] + [f"[{s.n}] {s.title} — {s.path}" for s in advice.sources]
    return "\n".join(lines)


def cmd_chat(args: argparse.Namespace, settings: Settings, stdin: TextIO = sys.stdin) -> int:
    embeddings = start_model(settings)
    from bot.chat import run_chat

    deps = ensure_index(settings, embeddings=embeddings)
    return run_chat(settings, stdin=stdin, stdout=sys.stdout, channel=args.channel, deps=deps)


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """`make run`: Slack when its tokens are set, otherwise the terminal chat."""
    deps = ensure_index(settings)
    if settings.slack_configured:
        from bot.slack.app import run_slack

        return run_slack(settings, deps=deps)
    print("No Slack tokens set: starting the terminal chat (Ctrl-D to quit).", file=sys.stderr)
    from bot.chat import run_chat

    return run_chat(settings, stdin=sys.stdin, stdout=sys.stdout, channel=None, deps=deps)


# ---- knowledge base ------------------------------------------------------------------------


def cmd_kb(args: argparse.Namespace, settings: Settings) -> int:
    from bot.index.ingest import load_report

    report = load_report(settings)  # through the parse cache: it knows last good versions
    if args.kb_command == "validate":
        for problem in report.problems:
            print(str(problem))
        kept = f" ({len(report.kept)} kept at their last good version)" if report.kept else ""
        print(
            f"kb validate: {report.files_seen} files, {report.valid_files} valid, "
            f"{len(report.invalid_files)} invalid{kept}, {len(report.problems)} problem(s)"
        )
        return 0 if report.ok else 1
    from bot.knowledge.stats import coverage_report

    text, _gaps = coverage_report(report)
    print(text)
    return 0 if report.ok else 1


# ---- doctor --------------------------------------------------------------------------------


def cmd_doctor(args: argparse.Namespace, settings: Settings) -> int:
    from bot.doctor import run_doctor

    return run_doctor(settings, sys.stdout)


# ---- bench, eval, stats (provided by their modules) ----------------------------------------


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    from bot.bench import run_bench

    return run_bench(settings, sys.stdout, quick=args.quick, only=args.only)


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from evals.runner import main as eval_main

    return eval_main(args, settings)


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    from bot.llm.trace import print_stats

    return print_stats(settings, sys.stdout)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="levier", description="Levier: PR strategy assistant")
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="ask one question")
    ask.add_argument("question", nargs="*", help="the question (stdin when omitted)")
    ask.add_argument("--json", action="store_true", help="print the JSON contract")
    ask.add_argument("--mode", choices=["strategy", "idea", "learn", "other"])
    ask.add_argument("--language", choices=["en", "fr"], help="fallback language")
    ask.add_argument("--channel", help="Slack channel id whose access applies")
    ask.add_argument("--group", action="append", help="Slack user-group id (repeatable)")
    ask.add_argument(
        "--today", type=dt.date.fromisoformat, help="answer as on this date (YYYY-MM-DD)"
    )
    ask.set_defaults(func=cmd_ask)

    chat = sub.add_parser("chat", help="a conversation in the terminal")
    chat.add_argument("--channel", help="Slack channel id whose access applies")
    chat.set_defaults(func=cmd_chat)

    run = sub.add_parser("run", help="Slack if configured, else the terminal chat")
    run.set_defaults(func=cmd_run)

    ing = sub.add_parser("ingest", help="index the knowledge base (incremental)")
    ing.add_argument("--rebuild", action="store_true", help="re-embed everything")
    ing.set_defaults(func=cmd_ingest)

    kb = sub.add_parser("kb", help="knowledge base checks")
    kb.add_argument("kb_command", choices=["validate", "stats"])
    kb.set_defaults(func=cmd_kb)

    doc = sub.add_parser("doctor", help="check configuration, index and model backend")
    doc.set_defaults(func=cmd_doctor)

    bench = sub.add_parser("bench", help="print performance figures")
    bench.add_argument("--quick", action="store_true", help="smaller synthetic sizes")
    bench.add_argument("--only", action="append", help="only these sections")
    bench.set_defaults(func=cmd_bench)

    ev = sub.add_parser("eval", help="run the evals and write a report")
    ev.add_argument("--suite", action="append", help="only these suites")
    ev.add_argument("--judge", action="store_true", help="add model-judged metrics")
    ev.add_argument("--no-report", action="store_true", help="print only, write no report")
    ev.set_defaults(func=cmd_eval)

    st = sub.add_parser("stats", help="summarise model usage and cost")
    st.set_defaults(func=cmd_stats)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings()
    except Exception as exc:  # pydantic ValidationError: a bad environment value
        print(f"levier: invalid configuration: {exc}", file=sys.stderr)
        return 2
    _configure_logging(settings)
    start = time.perf_counter()
    try:
        code: int = args.func(args, settings)
    except LevierError as exc:
        log.debug("command failed: %s", exc)
        print(f"levier: {exc.user_message('en')}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`levier ask … | head`): nothing to say
        with contextlib.suppress(OSError, ValueError):  # keeps the flush at exit quiet
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        return 0
    log.debug("%s took %.2f s", args.command, time.perf_counter() - start)
    return code


if __name__ == "__main__":
    sys.exit(main())
