"""A model-written answer with a plan shows its prose and the card when it is not streamed."""

from __future__ import annotations

import json

from bot.models import Advice, Brief, Plan, PlanItem, SourceRef
from bot.slack.render import answer_blocks


def _advice(engine: str) -> Advice:
    item = PlanItem(title="Instagram", detail="shared", sources=[1])
    plan = Plan(targeting=[item], channels=[item], timing=[item], mechanics=[item])
    return Advice(
        language="en",
        mode="strategy",
        engine=engine,
        brief=Brief(),
        plan=plan,
        text="MODEL PROSE: seed 40 micro-creators [1].",
        sources=[
            SourceRef(n=1, id="mechanic-x", title="X", path="knowledge/x.md", kind="mechanic")
        ],
    )


def test_model_prose_comes_before_the_card() -> None:
    blocks = json.dumps(
        answer_blocks(_advice("llm:gpt-4o-mini"), answer_id="a1", source_base_url=None)
    )
    assert "MODEL PROSE" in blocks
    assert blocks.index("MODEL PROSE") < blocks.index("Instagram")


def test_offline_answers_show_the_card_only() -> None:
    blocks = json.dumps(answer_blocks(_advice("offline"), answer_id="a1", source_base_url=None))
    assert "MODEL PROSE" not in blocks and "Instagram" in blocks


def test_streamed_answers_do_not_repeat_the_prose() -> None:
    blocks = json.dumps(
        answer_blocks(
            _advice("llm:gpt-4o-mini"), answer_id="a1", source_base_url=None, include_text=False
        )
    )
    assert "MODEL PROSE" not in blocks
