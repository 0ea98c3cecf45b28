"""The language-model layer: the model's voice over the offline engine's answer.

`attach(deps)` sets `deps.writer` (an `AnswerWriter`) and `deps.extractor` (a `BriefExtractor`)
when a model is configured. Nothing here touches the network or the disk at import time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.deps import Deps

__all__ = ["attach"]


def _situations(deps: Deps) -> tuple[str, ...]:
    catalog = getattr(deps, "catalog", None)
    return tuple(catalog.situations()) if catalog is not None else ()


def attach(deps: Deps) -> None:
    """Give `deps` a model-backed writer and brief extractor sharing one model pool."""
    from bot.llm.client import ModelPool
    from bot.llm.extract import LLMExtractor
    from bot.llm.prompts import default_prompts
    from bot.llm.trace import TraceStore
    from bot.llm.writer import LLMWriter

    settings = deps.settings
    if not settings.llm_configured:
        return
    prompts = default_prompts()  # validated now: a broken prompt file fails at startup
    pool = ModelPool(settings)
    traces = TraceStore.for_settings(settings)
    deps.writer = LLMWriter(settings, pool=pool, prompts=prompts, trace_store=traces)
    deps.extractor = LLMExtractor(
        settings,
        pool=pool,
        prompts=prompts,
        trace_store=traces,
        today=deps.today,
        situations=_situations(deps),
    )
