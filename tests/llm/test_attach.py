"""`bot.llm.attach(deps)`: a writer and an extractor, only when a model is configured."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from llm_fakes import FakeOpenAI, llm_settings

from bot.engine.writer import AnswerWriter, BriefExtractor
from bot.llm import attach
from bot.llm.client import backend_of, make_chat_model
from bot.settings import Settings


def test_attach_sets_writer_and_extractor(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    deps = SimpleNamespace(
        settings=llm_settings(fake_openai, tmp_path),
        writer=None,
        extractor=None,
        today=lambda: None,
    )
    attach(deps)  # type: ignore[arg-type]
    assert isinstance(deps.writer, AnswerWriter)
    assert isinstance(deps.extractor, BriefExtractor)
    assert fake_openai.requests == []  # nothing sent at attach time


def test_attach_does_nothing_without_a_model(tmp_path: Path) -> None:
    settings = Settings(
        _env_file=None,
        data_dir=tmp_path,
        openai_api_key=None,  # type: ignore[call-arg]
        openai_base_url=None,
    )
    deps = SimpleNamespace(settings=settings, writer=None, extractor=None, today=lambda: None)
    attach(deps)  # type: ignore[arg-type]
    assert deps.writer is None and deps.extractor is None


def test_two_backends(tmp_path: Path) -> None:
    openai = Settings(
        _env_file=None,
        data_dir=tmp_path,
        openai_api_key="sk-x",  # type: ignore[call-arg]
        openai_base_url=None,
        llm_model="gpt-4o-mini",
    )
    local = Settings(
        _env_file=None,
        data_dir=tmp_path,
        openai_api_key=None,  # type: ignore[call-arg]
        openai_base_url="http://localhost:11434/v1",
        llm_model="qwen2.5:7b",
    )
    assert (backend_of(openai), backend_of(local)) == ("openai", "compatible")
    model = make_chat_model(local, temperature=0.2)
    assert model.model_name == "qwen2.5:7b"
    assert model.openai_api_base == "http://localhost:11434/v1"
    assert model.use_responses_api is False
    remote = make_chat_model(openai, max_tokens=300)
    assert remote.openai_api_base is None and remote.max_tokens == 300 and not remote.extra_body
    assert make_chat_model(local, max_tokens=300).extra_body == {"max_tokens": 300}
