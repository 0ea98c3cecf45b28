"""The product category a text names (sun care in "une crème solaire"): the knowledge's
categories, the most specific word winning ("bière sans alcool" before "bière")."""

from __future__ import annotations

from bot.engine.calendar import trigger_in
from bot.engine.context import Context
from bot.knowledge.schema import ProductCategory


def category_in(ctx: Context, folded: str) -> ProductCategory | None:
    """The category whose longest word appears in the folded text, or None."""
    best: tuple[int, ProductCategory] | None = None
    for category in ctx.catalog.product_categories():
        for word in category.words:
            if (best is None or len(word) > best[0]) and trigger_in(word, folded):
                best = (len(word), category)
    return best[1] if best else None
