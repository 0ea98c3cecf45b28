"""The one reader of the environment: a typed `Settings`, from the environment and `.env`.

A plain pydantic model fed by a small reader (pydantic-settings cost 0.18 s of every start):
arguments first, then the process environment (names matched without regard to case), then
`.env` in the working directory, then the defaults. `.env` is read with python-dotenv's parser
(quotes, `export`, comments, `${VAR}` expansion), imported only when the file exists."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, SecretStr

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _alias(*names: str) -> AliasChoices:
    return AliasChoices(*names)


class Settings(BaseModel):
    """Every setting Levier reads. Names in the environment are given in `validation_alias`.

    `Settings(_env_file=None)` ignores `.env`; other keyword arguments (field names or their
    environment names) override the environment."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    def __init__(self, _env_file: str | Path | None = ".env", **values: Any) -> None:
        super().__init__(**_environment(type(self), _env_file, values), **values)

    # Knowledge and index
    knowledge_dir: Path = Field(
        default=PROJECT_ROOT / "knowledge", validation_alias=_alias("LEVIER_KNOWLEDGE_DIR")
    )
    data_dir: Path = Field(
        default=PROJECT_ROOT / ".levier", validation_alias=_alias("LEVIER_DATA_DIR")
    )
    chroma_host: str | None = Field(default=None, validation_alias=_alias("LEVIER_CHROMA_HOST"))
    chroma_port: int = Field(default=8000, validation_alias=_alias("LEVIER_CHROMA_PORT"))
    embeddings: Literal["use", "openai"] = Field(
        default="use", validation_alias=_alias("LEVIER_EMBEDDINGS")
    )
    openai_embedding_model: str = Field(
        default="text-embedding-3-small", validation_alias=_alias("LEVIER_EMBEDDING_MODEL")
    )
    top_k: int = Field(default=8, ge=1, le=50, validation_alias=_alias("LEVIER_TOP_K"))

    # Language model (optional)
    openai_api_key: SecretStr | None = Field(
        default=None, validation_alias=_alias("OPENAI_API_KEY")
    )
    openai_base_url: str | None = Field(
        default=None, validation_alias=_alias("OPENAI_BASE_URL", "LEVIER_LLM_BASE_URL")
    )
    llm_model: str = Field(default="gpt-4o-mini", validation_alias=_alias("LEVIER_LLM_MODEL"))
    llm_timeout_s: float = Field(default=30.0, gt=0, validation_alias=_alias("LEVIER_LLM_TIMEOUT"))
    llm_max_retries: int = Field(default=2, ge=0, validation_alias=_alias("LEVIER_LLM_RETRIES"))
    llm_enabled: bool = Field(default=True, validation_alias=_alias("LEVIER_LLM_ENABLED"))
    # One budget per answer for every model call (extraction, writing, their retries): past
    # it, the offline answer. A single attempt is also bounded by `llm_timeout_s`.
    answer_deadline_s: float = Field(
        default=20.0, gt=0, validation_alias=_alias("LEVIER_ANSWER_DEADLINE")
    )

    # Slack (optional)
    slack_bot_token: SecretStr | None = Field(
        default=None, validation_alias=_alias("SLACK_BOT_TOKEN")
    )
    slack_app_token: SecretStr | None = Field(
        default=None, validation_alias=_alias("SLACK_APP_TOKEN")
    )
    slack_signing_secret: SecretStr | None = Field(
        default=None, validation_alias=_alias("SLACK_SIGNING_SECRET")
    )
    slack_mode: Literal["socket", "http"] = Field(
        default="socket", validation_alias=_alias("LEVIER_SLACK_MODE")
    )
    slack_port: int = Field(default=3000, validation_alias=_alias("LEVIER_SLACK_PORT"))
    slack_api_url: str = Field(
        default="https://slack.com/api/", validation_alias=_alias("LEVIER_SLACK_API_URL")
    )
    source_base_url: str | None = Field(
        default=None, validation_alias=_alias("LEVIER_SOURCE_BASE_URL")
    )
    slack_workers: int = Field(default=8, ge=1, validation_alias=_alias("LEVIER_SLACK_WORKERS"))
    # On SIGTERM/SIGINT: how long answers in progress may take to finish before the process
    # exits (queued questions stay queued for the next start).
    slack_drain_s: float = Field(default=25.0, ge=0, validation_alias=_alias("LEVIER_SLACK_DRAIN"))
    # A question found unanswered at start-up older than this gets an apology, not an answer.
    slack_job_max_age_s: float = Field(
        default=900.0, gt=0, validation_alias=_alias("LEVIER_SLACK_JOB_MAX_AGE")
    )

    log_level: str = Field(default="INFO", validation_alias=_alias("LEVIER_LOG_LEVEL"))

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def llm_configured(self) -> bool:
        return self.llm_enabled and (
            self.openai_api_key is not None or self.openai_base_url is not None
        )

    @property
    def slack_configured(self) -> bool:
        if self.slack_bot_token is None:
            return False
        if self.slack_mode == "socket":
            return self.slack_app_token is not None
        return self.slack_signing_secret is not None


def _environment(
    model: type[BaseModel], env_file: str | Path | None, given: dict[str, Any]
) -> dict[str, str]:
    """The settings the environment and `.env` give (the environment wins), under their
    environment names, so that a bad value is reported by the name the user set; none for a
    setting `given` as an argument."""
    sources = [{k.lower(): v for k, v in os.environ.items()}]
    if env_file is not None and Path(env_file).is_file():
        from dotenv import dotenv_values

        values = dotenv_values(env_file, encoding="utf-8")
        sources.append({k.lower(): v for k, v in values.items() if v is not None})
    found: dict[str, str] = {}
    for name, field in model.model_fields.items():
        alias = field.validation_alias
        names = [
            n
            for n in (alias.choices if isinstance(alias, AliasChoices) else [])
            if isinstance(n, str)
        ]
        if name in given or any(n in given for n in names):
            continue
        hit = next(
            ((n, s[n.lower()]) for s in sources for n in names or [name] if n.lower() in s), None
        )
        if hit is not None:
            found[hit[0]] = hit[1]
    return found
