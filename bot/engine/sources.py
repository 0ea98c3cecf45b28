"""Numbering of the documents an answer rests on: `[n]` in the text, `Advice.sources[n-1]`."""

from __future__ import annotations

from bot.i18n import label, t
from bot.knowledge.catalog import Catalog
from bot.knowledge.loader import KnowledgeDoc
from bot.models import Access, SourceRef


class SourceBook:
    """Gives each cited document a number, in order of first citation.

    A document the caller may not see is never numbered (defence in depth: the catalog's
    structured lists are already public-only and retrieval is already filtered).
    """

    def __init__(self, catalog: Catalog, access: Access, lang: str | None = None) -> None:
        self._catalog = catalog
        self._access = access
        self.access = access
        self._lang = lang  # the answer's language: titles are given in it where the base can
        self._numbers: dict[str, int] = {}
        self.refs: list[SourceRef] = []

    def cite(self, doc_id: str | None, section: str | None = None) -> list[int]:
        """`[n]` for `doc_id` (empty when unknown or not visible)."""
        if not doc_id:
            return []
        if doc_id in self._numbers:
            return [self._numbers[doc_id]]
        doc = self._catalog.get(doc_id)
        if doc is None or not self._catalog.visible(doc_id, self._access):
            return []
        n = len(self.refs) + 1
        self._numbers[doc_id] = n
        url = next((s.url for s in doc.meta.sources if s.url), None)
        self.refs.append(
            SourceRef(
                n=n,
                id=doc_id,
                title=self._title(doc),
                path=doc.path,
                kind=doc.meta.kind,
                section=section,
                url=url,
            )
        )
        return [n]

    def _title(self, doc: KnowledgeDoc) -> str:
        """The document's title in the answer's language: its translation's, the vocabulary's
        name for a mechanic, channel or market, else its own (a campaign keeps its name)."""
        meta, lang = doc.meta, self._lang
        if lang is None or meta.language == lang:
            return meta.title
        for other in self._catalog.family(doc.id):
            if other.meta.language == lang and self._catalog.visible(other.id, self._access):
                return other.meta.title
        code = getattr(meta, "code", None)
        brand, year = getattr(meta, "brand", None), getattr(meta, "year", None)
        if meta.kind == "campaign" and brand and year:
            return f"{brand} ({year})"  # its descriptive title is in the other language
        if meta.kind in ("mechanic", "channel"):
            return label(meta.kind, doc.id, lang)
        if meta.kind in ("market", "rule", "calendar") and isinstance(code, str):
            return t(f"src.{meta.kind}", lang, market=label("market", code, lang))
        return meta.title

    def cite_all(self, *doc_ids: str | None) -> list[int]:
        out: list[int] = []
        for doc_id in doc_ids:
            for n in self.cite(doc_id):
                if n not in out:
                    out.append(n)
        return out

    def number(self, doc_id: str) -> int | None:
        return self._numbers.get(doc_id)

    def has(self, doc_id: str) -> bool:
        """True when the document exists and the caller may see it."""
        return self._catalog.get(doc_id) is not None and self._catalog.visible(doc_id, self._access)


def marks(numbers: list[int]) -> str:
    """'[1][3]' for [1, 3]."""
    return "".join(f"[{n}]" for n in numbers)
