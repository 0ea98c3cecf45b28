"""The product category a text names (sun care in "une crème solaire"): the knowledge's
categories, the most specific word winning ("bière sans alcool" before "bière")."""

from __future__ import annotations

import re

from bot.engine.calendar import trigger_in
from bot.engine.context import Context
from bot.knowledge.catalog import Catalog
from bot.knowledge.schema import ProductCategory


def category_in(ctx: Context, folded: str) -> ProductCategory | None:
    """The category whose longest word appears in the folded text, or None; a word said whole
    before one that only starts a longer word ("electric car" is in "electric cargo bikes")."""
    if folded not in ctx.categories:
        ctx.categories[folded] = category_of(ctx.catalog, folded)
    return ctx.categories[folded]


def category_of(catalog: Catalog, folded: str) -> ProductCategory | None:
    """`category_in` for a caller without a context (the brief, before its answer)."""
    folded = re.sub(r"[\"“”«»]", "", folded)  # 'plant-based "yogurt"' is plant-based yogurt
    best: tuple[tuple[bool, bool, int], ProductCategory] | None = None
    for category in catalog.product_categories():
        for word in category.words:
            if not trigger_in(word, folded):
                continue
            whole = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded) is not None
            key = (not category.fallback, whole, len(word))  # a sector's fallback comes last
            if best is None or key > best[0]:
                best = (key, category)
    return best[1] if best else None
