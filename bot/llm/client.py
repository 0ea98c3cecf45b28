"""The chat model, built from `Settings`: OpenAI, or any OpenAI-compatible server.

- OpenAI: `OPENAI_API_KEY` set, no base URL.
- Compatible (Azure OpenAI v1, vLLM, Ollama, llama.cpp server, LM Studio…): `OPENAI_BASE_URL`
  (or `LEVIER_LLM_BASE_URL`) and `LEVIER_LLM_MODEL`; the key is optional (local servers ignore
  it, Azure needs it).

Both go through langchain-openai's `ChatOpenAI` on the Chat Completions API (never the Responses
API, which compatible servers lack). The openai client retries 408/409/429/5xx and connection
errors with exponential backoff (honouring `Retry-After`), `LEVIER_LLM_RETRIES` times, each
attempt bounded by `LEVIER_LLM_TIMEOUT` seconds; all the calls of one answer together are bounded
by `LEVIER_ANSWER_DEADLINE` (default 20 s, `bot.llm.deadline`), past which the offline answer
is given.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from langchain_openai import ChatOpenAI
from pydantic import SecretStr

from bot.errors import ConfigError
from bot.settings import Settings

Backend = Literal["openai", "compatible"]
PLACEHOLDER_KEY = "not-needed"  # local servers accept any key; the openai client wants one


def backend_of(settings: Settings) -> Backend:
    return "compatible" if settings.openai_base_url else "openai"


def make_chat_model(
    settings: Settings,
    *,
    temperature: float | None = None,
    max_tokens: int | None = None,
) -> ChatOpenAI:
    """A `ChatOpenAI` for the configured backend (no network until it is called)."""
    if not settings.llm_configured:
        raise ConfigError("the language model is not configured (OPENAI_API_KEY/OPENAI_BASE_URL)")
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    compatible = backend_of(settings) == "compatible"
    return ChatOpenAI(
        model=settings.llm_model,
        api_key=SecretStr(key or PLACEHOLDER_KEY),
        base_url=settings.openai_base_url,
        # one attempt never outlives the answer's whole budget (`answer_deadline_s`)
        timeout=min(settings.llm_timeout_s, settings.answer_deadline_s),
        max_retries=settings.llm_max_retries,
        temperature=temperature,
        # OpenAI: `max_completion_tokens`; Ollama, LM Studio and llama.cpp only read `max_tokens`.
        max_tokens=None if compatible else max_tokens,
        extra_body={"max_tokens": max_tokens} if compatible and max_tokens else None,
        stream_usage=True,  # token usage in the last streamed chunk (servers that lack it: est.)
        use_responses_api=False,
    )


ModelFactory = Callable[..., BaseChatModel]


class ModelPool:
    """One chat model per (temperature, max_tokens), created on first use, shared by threads."""

    def __init__(self, settings: Settings, factory: ModelFactory | None = None) -> None:
        self.settings = settings
        self._factory: ModelFactory = factory or make_chat_model
        self._models: dict[tuple[float | None, int | None], BaseChatModel] = {}
        self._lock = threading.Lock()

    @property
    def model_name(self) -> str:
        return self.settings.llm_model

    @property
    def backend(self) -> Backend:
        return backend_of(self.settings)

    def get(self, temperature: float | None = None, max_tokens: int | None = None) -> BaseChatModel:
        key = (temperature, max_tokens)
        with self._lock:
            model = self._models.get(key)
            if model is None:
                model = self._factory(self.settings, temperature=temperature, max_tokens=max_tokens)
                self._models[key] = model
            return model


def text_of(content: Any) -> str:
    """The text of a message's content (a string, or a list of content blocks)."""
    if isinstance(content, str):
        return content
    parts: list[str] = []
    if isinstance(content, list):
        for block in content:
            if isinstance(block, str):
                parts.append(block)
            elif isinstance(block, dict) and block.get("type") == "text":
                parts.append(str(block.get("text", "")))
    return "".join(parts)


def usage_of(message: BaseMessage | None) -> tuple[int, int] | None:
    """(input tokens, output tokens) reported by the server, if it reported them."""
    usage = getattr(message, "usage_metadata", None)
    if not usage:
        return None
    return int(usage.get("input_tokens", 0)), int(usage.get("output_tokens", 0))


def estimate_tokens(text: str) -> int:
    """A rough count (~4 characters a token) when a server reports no usage."""
    return max(1, len(text) // 4) if text else 0


def failure_reason(exc: BaseException) -> str:
    """A short, stable, text-free name for a failed call (for traces and logs)."""
    import openai

    if isinstance(exc, openai.APITimeoutError | TimeoutError):
        return "timeout"
    if isinstance(exc, openai.APIStatusError):
        return f"http-{exc.status_code}"
    if isinstance(exc, openai.APIConnectionError):
        return "connection"
    return type(exc).__name__
