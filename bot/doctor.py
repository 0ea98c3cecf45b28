"""`levier doctor`: check configuration, index freshness and the model backend; say what to fix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from bot.settings import Settings

if TYPE_CHECKING:
    from bot.knowledge.loader import LoadReport


@dataclass
class Check:
    name: str
    status: str  # ok | warn | fail
    detail: str
    fix: str = ""


def _knowledge(settings: Settings, report: LoadReport) -> list[Check]:
    if not report.docs:
        return [
            Check(
                "knowledge",
                "fail",
                f"no valid document in {settings.knowledge_dir}",
                "set LEVIER_KNOWLEDGE_DIR or add documents (knowledge/README.md)",
            )
        ]
    if report.problems:
        kept = f" ({len(report.kept)} kept at their last good version)" if report.kept else ""
        return [
            Check(
                "knowledge",
                "warn",
                f"{report.valid_files} valid file(s), {len(report.invalid_files)} invalid{kept}",
                "run `levier kb validate` and fix the files it names",
            )
        ]
    return [Check("knowledge", "ok", f"{len(report.docs)} valid documents")]


def _index(settings: Settings, report: LoadReport) -> list[Check]:
    from bot.errors import LevierError
    from bot.index.embeddings import make_embeddings
    from bot.index.store import Store, half_indexed, is_damage, open_client, plan_sync

    where = (
        f"Chroma server {settings.chroma_host}:{settings.chroma_port}"
        if settings.chroma_host
        else f"Chroma on disk at {settings.chroma_dir}"
    )
    try:
        store = Store(open_client(settings), make_embeddings(settings))
        count = store.count()
        indexed = store.scan()  # every chunk, not the stamp: a doctor looks
    except LevierError as exc:
        return [
            Check(
                "index",
                "fail",
                f"{where}: {exc}",
                "check LEVIER_CHROMA_HOST/PORT or the data folder's permissions",
            )
        ]
    except Exception as exc:  # embeddings backend or Chroma failing in an unexpected way
        if is_damage(exc) and not settings.chroma_host:
            return [
                Check(
                    "index",
                    "fail",
                    f"{where}: its vector files cannot be read back (a process stopped while "
                    "saving them?)",
                    "run `levier ingest --rebuild`: it sets the damaged index aside and rebuilds",
                )
            ]
        return [
            Check(
                "index",
                "fail",
                f"{where}: {type(exc).__name__}",
                "check the embeddings settings (LEVIER_EMBEDDINGS) and the index",
            )
        ]
    if count == 0:
        return [
            Check(
                "index", "fail", f"{where}: collection {store.name} is empty", "run `levier ingest`"
            )
        ]
    half = half_indexed(indexed, report.docs)
    if half:
        listed = "; ".join(f"{doc_id} ({what})" for doc_id, what in sorted(half.items())[:5])
        more = f" and {len(half) - 5} more" if len(half) > 5 else ""
        return [
            Check(
                "index",
                "fail",
                f"{where}: {len(half)} half-indexed document(s): {listed}{more}",
                "run `levier ingest` (it re-embeds them)",
            )
        ]
    if not plan_sync(indexed, report.docs, report.invalid_files).empty:
        return [
            Check(
                "index",
                "warn",
                f"{where}: {count} chunks in {store.name}, but "
                "knowledge/ changed since the last ingest",
                "run `levier ingest`",
            )
        ]
    return [Check("index", "ok", f"{where}: {count} chunks in {store.name}, up to date")]


def _model(settings: Settings) -> list[Check]:
    if not settings.llm_configured:
        return [
            Check(
                "language model",
                "ok",
                "none configured: the offline engine answers",
                "set OPENAI_API_KEY, or OPENAI_BASE_URL and LEVIER_LLM_MODEL, for prose",
            )
        ]
    try:
        from openai import OpenAI
    except ImportError:  # pragma: no cover - openai is a dependency
        return [Check("language model", "fail", "the openai package is missing", "make setup")]
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "none"
    target = settings.openai_base_url or "OpenAI"
    try:
        with OpenAI(
            api_key=key,
            base_url=settings.openai_base_url,
            timeout=min(settings.llm_timeout_s, 10.0),
            max_retries=0,
        ) as client:
            client.chat.completions.create(
                model=settings.llm_model,
                max_tokens=1,
                messages=[{"role": "user", "content": "ping"}],
            )
    except Exception as exc:  # any failure means: not usable now
        return [
            Check(
                "language model",
                "warn",
                f"{settings.llm_model} at {target} did not "
                f"answer ({type(exc).__name__}); answers fall back to the offline engine",
                "check the key, OPENAI_BASE_URL and LEVIER_LLM_MODEL",
            )
        ]
    return [Check("language model", "ok", f"{settings.llm_model} at {target} answers")]


def _slack(settings: Settings) -> list[Check]:
    if settings.slack_bot_token is None:
        return [
            Check(
                "slack",
                "ok",
                "no SLACK_BOT_TOKEN: `make run` opens the terminal chat",
                "set SLACK_BOT_TOKEN and SLACK_APP_TOKEN to run in Slack",
            )
        ]
    if not settings.slack_configured:
        missing = "SLACK_APP_TOKEN" if settings.slack_mode == "socket" else "SLACK_SIGNING_SECRET"
        return [
            Check(
                "slack",
                "fail",
                f"{settings.slack_mode} mode needs {missing}",
                f"set {missing} (see README: Slack)",
            )
        ]
    return [Check("slack", "ok", f"tokens set, {settings.slack_mode} mode")]


def run_doctor(settings: Settings, out: TextIO) -> int:
    from bot.index.ingest import load_report

    report = load_report(settings)
    checks = [
        *_knowledge(settings, report),
        *_index(settings, report),
        *_model(settings),
        *_slack(settings),
    ]
    marks = {"ok": "✓", "warn": "!", "fail": "✗"}
    for check in checks:
        print(f"{marks[check.status]} {check.name}: {check.detail}", file=out)
        if check.status != "ok" and check.fix:
            print(f"    fix: {check.fix}", file=out)
    failed = [c for c in checks if c.status == "fail"]
    print("doctor: all good" if not failed else f"doctor: {len(failed)} problem(s)", file=out)
    return 1 if failed else 0
