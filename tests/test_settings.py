"""Settings come from arguments, then the environment, then `.env`, then the defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings


def test_environment_names_are_read_whatever_their_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEVIER_TOP_K", "12")
    monkeypatch.setenv("levier_llm_enabled", "false")
    settings = Settings(_env_file=None)
    assert settings.top_k == 12
    assert settings.llm_enabled is False


def test_env_file_is_read_and_the_environment_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = tmp_path / ".env"
    env.write_text(
        "# the agency's settings\n"
        "export LEVIER_LLM_MODEL='gpt-test'\n"
        'OPENAI_API_KEY="sk-from-file"\n'
        "LEVIER_TOP_K=5  # five sources\n",
        encoding="utf-8",
    )
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("LEVIER_LLM_MODEL", raising=False)
    monkeypatch.setenv("LEVIER_TOP_K", "9")
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    assert settings.llm_model == "gpt-test"
    assert settings.openai_api_key is not None
    assert settings.openai_api_key.get_secret_value() == "sk-from-file"
    assert settings.top_k == 9  # the environment beats the file
    assert "sk-from-file" not in repr(settings)  # secrets stay hidden


def test_arguments_beat_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEVIER_DATA_DIR", str(tmp_path / "from-env"))
    monkeypatch.setenv("LEVIER_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    settings = Settings(_env_file=None, data_dir=tmp_path / "given")
    assert settings.data_dir == tmp_path / "given"
    assert settings.openai_base_url == "http://127.0.0.1:9/v1"  # second name of the setting
    assert settings.chroma_dir == tmp_path / "given" / "chroma"


def test_a_bad_value_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEVIER_TOP_K", "lots")
    with pytest.raises(ValueError, match="LEVIER_TOP_K"):
        Settings(_env_file=None)
