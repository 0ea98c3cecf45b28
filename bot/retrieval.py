"""Retrieval: dense search over the index, with metadata filters and the caller's access.

Dense-only search is the default: a first test here found it better across languages than a
BM25 fusion. Results are re-ranked lightly by the brief (market, sector) and translations of the
same document are collapsed to the one in the question's language.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.index.store import Hit, Store
from bot.knowledge.catalog import Catalog
from bot.knowledge.loader import chunks_of
from bot.models import Access, Brief

MARKET_BOOST = 0.04
SECTOR_BOOST = 0.03
LANGUAGE_BOOST = 0.02


@dataclass(frozen=True)
class Filters:
    kinds: Sequence[str] = ()
    markets: Sequence[str] = ()
    sectors: Sequence[str] = ()
    language: str | None = None

    def where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        if self.kinds:
            clauses.append({"kind": {"$in": list(self.kinds)}})
        if self.markets:
            options = [{"markets": {"$contains": m}} for m in [*self.markets, "global"]]
            clauses.append({"$or": options})
        if self.sectors:
            options = [{"sectors": {"$contains": s}} for s in [*self.sectors, "any"]]
            clauses.append({"$or": options})
        if self.language:
            clauses.append({"language": self.language})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def match(self, meta: dict[str, Any]) -> bool:
        """The same filter as `where()`, evaluated in Python on a chunk's metadata."""
        if self.kinds and meta.get("kind") not in self.kinds:
            return False
        markets = meta.get("markets") or []
        if self.markets and not any(m in markets for m in [*self.markets, "global"]):
            return False
        sectors = meta.get("sectors") or []
        if self.sectors and not any(s in sectors for s in [*self.sectors, "any"]):
            return False
        return not (self.language and meta.get("language") != self.language)


class Chunks:
    """chunk id -> (text, metadata), made from the catalog's documents as `levier ingest` made
    them for the index (`Store.serve_chunks`); each document's chunks are made once, on use."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._made: dict[str, list[tuple[str, dict[str, Any]]]] = {}

    def __call__(self, chunk_id: str) -> tuple[str, dict[str, Any]] | None:
        doc_id, _, number = chunk_id.rpartition("#")
        made = self._made.get(doc_id)
        if made is None:
            doc = self._catalog.get(doc_id)
            if doc is None:
                return None
            made = self._made[doc_id] = [(c.text, c.metadata) for c in chunks_of(doc)]
        n = int(number) if number.isdigit() else -1
        return made[n] if 0 <= n < len(made) else None


class Retriever:
    def __init__(self, store: Store, catalog: Catalog, top_k: int = 8) -> None:
        self.store = store
        self.catalog = catalog
        self.top_k = top_k
        self.last_ms = 0.0

    def search(
        self,
        query: str | list[float],
        *,
        access: Access,
        brief: Brief | None = None,
        filters: Filters | None = None,
        k: int | None = None,
    ) -> list[Hit]:
        """The best chunks for `query` that `access` may see, one translation per document."""
        start = time.perf_counter()
        k = k or self.top_k
        filters = filters or Filters()
        raw = self.store.search(
            query, k=k * 3, access=access, where=filters.where(), predicate=filters.match
        )
        # Equal scores (a chunk and its twin, float noise between index readers) are ordered by
        # chunk id, so two processes on one index give the same hits.
        ranked = sorted(raw, key=lambda h: (-round(self._score(h, brief), 6), h.chunk_id))
        out = self._collapse_translations(ranked, brief.language if brief else None)[:k]
        self.last_ms = (time.perf_counter() - start) * 1000
        return out

    def _score(self, hit: Hit, brief: Brief | None) -> float:
        score = hit.score
        if brief is None:
            return score
        markets = hit.metadata.get("markets") or []
        if brief.markets and any(m in markets for m in brief.markets):
            score += MARKET_BOOST
        sectors = hit.metadata.get("sectors") or []
        if brief.sector and brief.sector in sectors:
            score += SECTOR_BOOST
        if hit.metadata.get("language") == brief.language:
            score += LANGUAGE_BOOST
        return score

    def _collapse_translations(self, hits: list[Hit], language: str | None) -> list[Hit]:
        """Keep one language per document family, preferring the question's language."""
        family_lang: dict[str, str] = {}
        for hit in hits:
            family = self.catalog.original_id(hit.doc_id)
            lang = str(hit.metadata.get("language"))
            if family not in family_lang or (lang == language != family_lang[family]):
                family_lang[family] = lang
        return [
            h
            for h in hits
            if family_lang[self.catalog.original_id(h.doc_id)] == h.metadata.get("language")
        ]
