"""The structured view of the knowledge base that the strategy engine reasons over.

The vector index finds passages; the catalog answers exact questions: which mechanics exist,
which campaigns used a mechanic, what a market's calendar says.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TypeVar, cast

from bot.knowledge.loader import KnowledgeDoc, LoadReport
from bot.knowledge.schema import (
    Calendar,
    Campaign,
    CampaignCard,
    Channel,
    Circle,
    CircleBook,
    Doc,
    Glossary,
    IdeaBook,
    IdeaPattern,
    Lesson,
    Market,
    Mechanic,
    Playbook,
    ProductCategory,
    RuleBook,
    Seed,
    SensitiveTopic,
)
from bot.models import Access

T = TypeVar("T", bound=Doc)
M = TypeVar("M")


class Catalog:
    def __init__(self, docs: Iterable[KnowledgeDoc]) -> None:
        self.docs: dict[str, KnowledgeDoc] = {d.id: d for d in docs}
        self._by_kind: dict[str, list[KnowledgeDoc]] = defaultdict(list)
        for doc in self.docs.values():
            self._by_kind[doc.kind].append(doc)  # a cached document's kind, without its meta
        self._by_mechanic: dict[str, list[CampaignCard]] | None = None  # built on first use
        self._public: dict[str, list[KnowledgeDoc]] = {}
        self._typed_cache: dict[tuple[str, type[Doc]], list[Doc]] = {}
        self._memo: dict[str, object] = {}

    @property
    def _campaigns_by_mechanic(self) -> dict[str, list[CampaignCard]]:
        """The public campaigns' cards by the mechanics they used."""
        if self._by_mechanic is None:
            by_mechanic: dict[str, list[CampaignCard]] = defaultdict(list)
            for card in self.campaign_cards():
                for mech in card.mechanics:
                    by_mechanic[mech].append(card)
            self._by_mechanic = by_mechanic
        return self._by_mechanic

    def memo(self, key: str, build: Callable[[], M]) -> M:
        """What `build` makes from this catalog, built once: the catalog never changes, so an
        index over its documents (the category words by their first letters) lives as long."""
        if key not in self._memo:
            self._memo[key] = build()
        return cast(M, self._memo[key])

    @classmethod
    def from_report(cls, report: LoadReport) -> Catalog:
        return cls(report.docs)

    def __len__(self) -> int:
        return len(self.docs)

    def get(self, doc_id: str) -> KnowledgeDoc | None:
        return self.docs.get(doc_id)

    def family(self, doc_id: str) -> list[KnowledgeDoc]:
        """The document and its translations (those sharing its original), in catalog order,
        found without reading any document (a cached one stays unread)."""
        doc = self.docs.get(doc_id)
        if doc is None:
            return []
        families = self.memo("families", self._families)
        return families.get(doc.translation_of or doc.id, [doc])

    def _families(self) -> dict[str, list[KnowledgeDoc]]:
        families: dict[str, list[KnowledgeDoc]] = defaultdict(list)
        for doc in self.docs.values():
            families[doc.translation_of or doc.id].append(doc)
        return families

    def of_kind(self, kind: str, access: Access | None = None) -> list[KnowledgeDoc]:
        docs = self._by_kind.get(kind, [])
        if access is None:
            public = self._public.get(kind)
            if public is None:  # the documents never change: filtered once per kind
                public = self._public[kind] = [d for d in docs if d.meta.visibility == "public"]
            return list(public)
        return [d for d in docs if access.can_see(d.meta.visibility, self._allowed(d))]

    @staticmethod
    def _allowed(doc: KnowledgeDoc) -> list[str]:
        return [*doc.meta.allowed_channels, *doc.meta.allowed_groups]

    def visible(self, doc_id: str, access: Access) -> bool:
        doc = self.docs.get(doc_id)
        return doc is not None and access.can_see(doc.meta.visibility, self._allowed(doc))

    def _typed(self, kind: str, cls: type[T]) -> list[T]:
        typed = self._typed_cache.get((kind, cls))
        if typed is None:
            typed = self._typed_cache[kind, cls] = [
                d.meta for d in self.of_kind(kind) if isinstance(d.meta, cls)
            ]
        return cast(list[T], list(typed))

    def mechanics(self, language: str | None = None) -> list[Mechanic]:
        """Mechanics, one per catalog id: the version in `language` when there is one."""
        return self._one_per_original(self._typed("mechanic", Mechanic), language)

    def campaigns(self) -> list[Campaign]:
        return self._typed("campaign", Campaign)

    def campaign_cards(self) -> list[CampaignCard]:
        """The public campaigns' cards, what ranking them reads: read without the campaigns'
        documents (a base of thousands of case studies unpickles only those it cites)."""
        return list(self.memo("campaign-cards", self._public_cards))

    def _public_cards(self) -> list[CampaignCard]:
        cards = (d.card() for d in self._by_kind.get("campaign", []))
        return [c for c in cards if c is not None and c.visibility == "public"]

    def campaign(self, doc_id: str) -> Campaign | None:
        """The campaign `doc_id` (its whole document), None when it is no campaign."""
        doc = self.docs.get(doc_id)
        return doc.meta if doc is not None and isinstance(doc.meta, Campaign) else None

    def channels(self, language: str | None = None) -> list[Channel]:
        return self._one_per_original(self._typed("channel", Channel), language)

    def playbooks(self) -> list[Playbook]:
        """Every playbook, in every language (the classifier learns from all)."""
        return self._typed("playbook", Playbook)

    def playbook(self, situation: str, language: str) -> Playbook | None:
        """The playbook of `situation` in `language`, else in any language."""
        books = [p for p in self.playbooks() if p.situation == situation]
        for book in books:
            if book.language == language:
                return book
        return books[0] if books else None

    def situations(self) -> list[str]:
        return sorted({p.situation for p in self.playbooks()})

    def rulebooks(self, market: str) -> list[RuleBook]:
        """The rule books that apply in `market`: its own, and e.g. the EU's for members."""
        return [
            r for r in self._typed("rule", RuleBook) if r.code == market or market in r.applies_to
        ]

    def circles(self) -> list[Circle]:
        """Every circle of influence of every circle book."""
        return [c for book in self._typed("circle", CircleBook) for c in book.circles]

    def idea_patterns(self) -> list[tuple[str, IdeaPattern]]:
        """Every creative pattern of the base with the id of its document, in order."""
        books = sorted(self._typed("idea", IdeaBook), key=lambda b: b.id)
        return [(book.id, p) for book in books for p in book.patterns]

    def audience_truths(self, audience: str, language: str) -> list[str]:
        """The human truths the base knows of `audience`, in `language`."""
        books = sorted(self._typed("idea", IdeaBook), key=lambda b: b.id)
        return [t.get(language) for book in books for t in book.truths.get(audience, [])]

    def product_categories(self) -> list[ProductCategory]:
        """The product categories ideas can be about (sun care, coffee...), from the idea
        documents."""
        books = sorted(self._typed("idea", IdeaBook), key=lambda b: b.id)
        return [category for book in books for category in book.categories]

    def category_seeds(self, category: str) -> list[tuple[str, Seed]]:
        """The authored ideas for product category `category`, each with its document's id."""
        books = sorted(self._typed("idea", IdeaBook), key=lambda b: b.id)
        return [
            (b.id, i) for b in books for s in b.seeds if s.category == category for i in s.ideas
        ]

    def category_media(self, category: str, market: str) -> list[str]:
        """The outlets that cover product category `category` in `market`."""
        books = sorted(self._typed("idea", IdeaBook), key=lambda b: b.id)
        return [
            o
            for b in books
            for m in b.media
            if m.category == category
            for o in m.markets.get(market, [])
        ]

    def sensitive_topics(self) -> list[SensitiveTopic]:
        """The themes that ask for care (mental health, grief...), from the idea documents."""
        books = sorted(self._typed("idea", IdeaBook), key=lambda b: b.id)
        return [topic for book in books for topic in book.sensitive]

    def glossaries(self) -> list[Glossary]:
        return self._typed("glossary", Glossary)

    def lessons(self) -> list[Lesson]:
        return sorted(self._typed("lesson", Lesson), key=lambda lesson: lesson.order)

    def markets(self) -> list[Market]:
        return self._typed("market", Market)

    def market(self, code: str, language: str | None = None) -> Market | None:
        found = [m for m in self._typed("market", Market) if m.code == code]
        return _prefer_language(found, language)

    def calendar(self, code: str, language: str | None = None) -> Calendar | None:
        found = [c for c in self._typed("calendar", Calendar) if c.code == code]
        return _prefer_language(found, language)

    def original_id(self, doc_id: str) -> str:
        """The id of a translation's original (or the id itself)."""
        doc = self.docs.get(doc_id)
        return doc.translation_of or doc_id if doc is not None else doc_id

    def campaigns_for_mechanic(self, mechanic_id: str) -> list[CampaignCard]:
        """The public campaigns that used the mechanic (their cards)."""
        return list(self._campaigns_by_mechanic.get(self.original_id(mechanic_id), []))

    def _one_per_original(self, items: list[T], language: str | None) -> list[T]:
        groups: dict[str, list[T]] = defaultdict(list)
        for item in items:
            groups[item.translation_of or item.id].append(item)
        out = []
        for group in groups.values():
            chosen = _prefer_language(group, language)
            if chosen is not None:
                out.append(chosen)
        return sorted(out, key=lambda d: d.id)


def _prefer_language(items: list[T], language: str | None) -> T | None:
    if not items:
        return None
    for item in items:
        if item.language == language:
            return item
    originals = [i for i in items if not i.translation_of]
    return (originals or items)[0]
