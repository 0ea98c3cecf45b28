"""End to end: `advise()` with the real engine, the model layer and the fake server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from llm_fakes import FakeOpenAI, Reply, llm_settings

from bot.advise import advise
from bot.deps import build_deps
from bot.index.ingest import ingest
from bot.llm.extract import TOOL_NAME
from bot.llm.writer import LLMWriter
from bot.models import Request
from bot.render import finish
from bot.settings import PROJECT_ROOT

QUESTION = (
    "Comment lancer une marque de soins pour la peau auprès de la Gen Z en France, "
    "avec des micro-influenceurs, budget 80 000 € ?"
)


@pytest.fixture
def deps_and_server(fake_openai: FakeOpenAI, tmp_path: Path) -> tuple[object, FakeOpenAI]:
    settings = llm_settings(
        fake_openai,
        tmp_path,
        knowledge_dir=PROJECT_ROOT / "knowledge",
        embeddings="openai",  # embeddings through the fake server too: no model download
    )
    result = ingest(settings)
    assert result.summary.chunks_embedded > 0
    deps = build_deps(settings)
    assert isinstance(deps.writer, LLMWriter)
    return deps, fake_openai


def test_advise_with_the_model(deps_and_server: tuple[object, FakeOpenAI]) -> None:
    deps, server = deps_and_server
    server.requests.clear()
    extraction = {
        "markets": ["fr"],
        "sector": "beauty",
        "objectives": ["launch"],
        "audiences": ["gen-z"],
    }
    server.script(
        Reply(tool_calls=[(TOOL_NAME, json.dumps(extraction))]),
        Reply(chunks=["Misez sur ", "un essaim de micro-créateurs [1", "] ", "et [99]."]),
    )
    got: list[str] = []
    advice = advise(Request(text=QUESTION), deps, on_delta=got.append)  # type: ignore[arg-type]

    chats = server.chat_requests()
    assert [("tools" in r.body) for r in chats] == [True, False]
    answer_request = chats[1]
    assert answer_request.body["stream"] is True
    assert "Answer in French" in answer_request.content("user")
    assert '<document n="1"' in answer_request.content("user")

    assert advice.language == "fr" and advice.mode == "strategy"
    assert advice.brief.sector == "beauty" and "gen-z" in advice.brief.audiences
    assert advice.engine == "llm:gpt-4o-mini"
    assert "".join(got) == "Misez sur un essaim de micro-créateurs [1] et."
    assert advice.text == finish("".join(got), advice)
    assert advice.trace.invalid_citations == [99]
    assert advice.trace.prompt_id == "strategy" and advice.trace.prompt_version == "2"
    assert advice.plan is not None and advice.sources


def test_advise_falls_back_when_the_model_fails(
    deps_and_server: tuple[object, FakeOpenAI],
) -> None:
    deps, server = deps_and_server
    server.script(*[Reply(status=500, headers={"retry-after-ms": "1"}) for _ in range(6)])
    advice = advise(Request(text=QUESTION), deps)  # type: ignore[arg-type]
    assert advice.engine == "offline"
    assert advice.plan is not None and advice.text
    assert "Le modèle de langage est indisponible" in advice.text
    assert advice.trace.fallback == "http-500"
