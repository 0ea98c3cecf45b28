"""The product category a text names (sun care in "une crème solaire"): the knowledge's
categories, the most specific word winning ("bière sans alcool" before "bière")."""

from __future__ import annotations

import re

from bot.brief.text import compiled
from bot.engine.calendar import trigger_in_spaced, trigger_word
from bot.engine.context import Context
from bot.knowledge.catalog import Catalog
from bot.knowledge.schema import ProductCategory


def category_in(ctx: Context, folded: str) -> ProductCategory | None:
    """The category whose longest word appears in the folded text, or None; a word said whole
    before one that only starts a longer word ("electric car" is in "electric cargo bikes").
    Another sector's catch-all ("startup" says tech) yields to the brief's own sector's: a
    telehealth startup is health first."""
    if folded not in ctx.categories:
        found = category_of(ctx.catalog, folded)
        sector = ctx.brief.sector
        if found is not None and found.fallback and sector and found.sector != sector:
            own = (c for c in ctx.catalog.product_categories() if c.fallback and c.sector == sector)
            found = next(own, found)
        ctx.categories[folded] = found
    return ctx.categories[folded]


def category_of(catalog: Catalog, folded: str) -> ProductCategory | None:
    """`category_in` for a caller without a context (the brief, before its answer)."""
    folded = re.sub(r"[\"“”«»]", "", folded)  # 'plant-based "yogurt"' is plant-based yogurt
    spaced = folded.replace("-", " ")
    index = catalog.memo("category-words", lambda: _word_index(catalog))
    # a trigger starts a word of the text: only the words under the text's word openings
    # (a word shorter than the key waits under itself: its prefixes of the text's words too)
    openings = {m.group()[:k] for m in _WORD.finditer(spaced) for k in range(1, _KEY + 1)} | {""}
    best: tuple[tuple[bool, bool, int, int], ProductCategory] | None = None
    for key in openings:
        for order, word, category in index.get(key, ()):
            if not trigger_in_spaced(word, spaced):
                continue
            if category.sector not in _PRO and _industrial(trigger_word(word), spaced):
                continue  # "industrial heat pumps" are no household's heating
            # "dog-food" says "dog food" whole, as much as "protein" is said whole
            whole = any(
                compiled(rf"(?<!\w){re.escape(said)}(?!\w)").search(text) is not None
                for said, text in ((word, folded), (trigger_word(word), spaced))
            )
            # a sector's fallback comes last; on a tie, the first category in the knowledge
            rank = (not category.fallback, whole, len(word), -order)
            if best is None or rank > best[0]:
                best = (rank, category)
    return best[1] if best else None


_KEY = 3  # letters that open a word and key the index
_PRO = frozenset(("b2b-industry", "agriculture", "tech"))


def _industrial(word: str, spaced: str) -> bool:
    """The category's word is said of equipment for industry ("industrial heat pumps", "pompes
    à chaleur industrielles"), not of a household's."""
    w = re.escape(word)
    return (
        re.search(rf"\bindustri(?:al|el|elle|els|elles)\s+(?:[a-z]+\s+)?{w}", spaced) is not None
        or re.search(rf"{w}\w*\s+(?:[a-z]+\s+)?industri(?:el|elle|els|elles)\b", spaced) is not None
    )


_WORD = re.compile(r"[a-z0-9]+")


def _word_index(catalog: Catalog) -> dict[str, list[tuple[int, str, ProductCategory]]]:
    """Every category word under its first letters, with its category's rank in the knowledge."""
    index: dict[str, list[tuple[int, str, ProductCategory]]] = {}
    for order, category in enumerate(catalog.product_categories()):
        for word in category.words:
            w = trigger_word(word)
            opening = _WORD.match(w)  # a word that opens on a sign waits under ""
            index.setdefault(opening.group()[:_KEY] if opening else "", []).append(
                (order, word, category)
            )
    return index
