"""The one reader of the environment: a typed `Settings`, from the environment and `.env`."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _alias(*names: str) -> AliasChoices:
    return AliasChoices(*names)


class Settings(BaseSettings):
    """Every setting Levier reads. Names in the environment are given in `validation_alias`."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

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
