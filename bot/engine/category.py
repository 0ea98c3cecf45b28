"""The product category a text names (sun care in "une crème solaire"): the knowledge's
categories, the most specific word winning ("bière sans alcool" before "bière")."""

from __future__ import annotations

import re

from bot.engine.calendar import trigger_in
from bot.engine.context import Context
from bot.knowledge.schema import ProductCategory


def category_in(ctx: Context, folded: str) -> ProductCategory | None:
    """The category whose longest word appears in the folded text, or None; a word said whole
    before one that only starts a longer word ("electric car" is in "electric cargo bikes")."""
    best: tuple[tuple[bool, int], ProductCategory] | None = None
    for category in ctx.catalog.product_categories():
        for word in category.words:
            if not trigger_in(word, folded):
                continue
            whole = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded) is not None
            key = (whole, len(word))
            if best is None or key > best[0]:
                best = (key, category)
    return best[1] if best else None
