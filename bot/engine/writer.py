"""The interfaces of the optional language-model layer (implemented in `bot.llm`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from bot.models import Advice, Brief, Request


@runtime_checkable
class AnswerWriter(Protocol):
    """Writes the final prose from the complete offline advice.

    Receives the offline `Advice` (brief, plan, ideas, learn card, numbered sources, passages and
    the offline text) and returns a new `Advice` whose text is replaced, with
    `engine="llm:<model>"` and the trace filled. May stream the text through `on_delta`.
    """

    def write(
        self,
        *,
        request: Request,
        advice: Advice,
        on_delta: Callable[[str], None] | None,
    ) -> Advice: ...


@runtime_checkable
class BriefExtractor(Protocol):
    """Improves the rule parser's brief with a model; on any error the rule brief is kept."""

    def extract(self, text: str, rule_brief: Brief) -> Brief: ...

    # Optional: `rewrite_followup(question, history, language) -> str`, a thread follow-up
    # rewritten as a standalone question for retrieval (advise() uses it when present).
