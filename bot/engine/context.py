"""What every engine step needs: the brief, the answer's language, the catalog and the sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.engine.sources import SourceBook
from bot.index.store import Hit
from bot.knowledge.catalog import Catalog
from bot.knowledge.schema import ProductCategory
from bot.models import Brief, Idea, Language


@dataclass
class Context:
    brief: Brief
    lang: Language
    catalog: Catalog
    book: SourceBook
    today: dt.date
    hits: list[Hit] = field(default_factory=list)
    market: str | None = None  # the market the plan is built for (stated or assumed)
    assumptions: list[str] = field(default_factory=list)  # i18n-rendered lines
    text: str = ""  # the question as asked (capped)
    default_audience: str | None = None  # who to target when the brief does not say
    # the same as audience codes (the playbook's first audience, unless the general public)
    default_audiences: list[str] = field(default_factory=list)
    # markets the brief names that the knowledge has no profile for ("Portugal"): kept in the
    # multi-market split and table, planned with a local partner
    unprofiled: list[str] = field(default_factory=list)
    ideas: list[Idea] | None = None  # the idea cards, built once (their lead reads them)
    # the product category found in a folded text, scanned once per answer (many sections ask)
    categories: dict[str, ProductCategory | None] = field(default_factory=dict)

    def principle(self, *doc_ids: str) -> list[int]:
        """Cite the first of `doc_ids` that exists (principles may be missing in small bases)."""
        for doc_id in doc_ids:
            numbers = self.book.cite(doc_id)
            if numbers:
                return numbers
        return []
