"""The real knowledge base: valid, complete enough to advise, and in step with its README."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from bot.knowledge import vocab
from bot.knowledge.loader import LoadReport, load_knowledge
from bot.knowledge.schema import Campaign, Glossary
from bot.knowledge.stats import coverage

ROOT = Path(__file__).resolve().parent.parent / "knowledge"


@cache
def report() -> LoadReport:
    return load_knowledge(ROOT)


def test_every_file_is_valid() -> None:
    problems = "\n".join(str(p) for p in report().problems)
    assert report().ok, f"invalid knowledge files:\n{problems}"


def test_every_campaign_and_result_is_sourced() -> None:
    for doc in report().docs:
        if isinstance(doc.meta, Campaign):
            assert doc.meta.sources, doc.path
            assert all(r.source and r.year for r in doc.meta.results), doc.path


@pytest.mark.parametrize(
    ("kind", "minimum"),
    [
        ("principle", 20),
        ("mechanic", 15),
        ("channel", 12),
        ("market", 10),
        ("calendar", 10),
        ("campaign", 40),
        ("lesson", 10),
    ],
)
def test_counts(kind: str, minimum: int) -> None:
    originals = [d for d in report().docs if d.meta.kind == kind and not d.meta.translation_of]
    assert len(originals) >= minimum


def test_french_campaigns_and_glossary_size() -> None:
    campaigns = [d.meta for d in report().docs if isinstance(d.meta, Campaign)]
    assert sum("fr" in c.markets for c in campaigns) >= 10
    terms = sum(len(d.meta.terms) for d in report().docs if isinstance(d.meta, Glossary))
    assert terms >= 120


def test_core_principles_exist_in_both_languages() -> None:
    principles = [d.meta for d in report().docs if d.meta.kind == "principle"]
    translated = {p.translation_of for p in principles if p.translation_of}
    assert len(translated) >= 10
    langs = Counter(p.language for p in principles)
    assert langs["fr"] >= 10 and langs["en"] >= 20


def test_coverage_has_no_gaps() -> None:
    _, gaps = coverage(report())
    assert gaps == []


def test_readme_lists_the_same_vocabularies() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for code in (
        *vocab.MARKETS,
        *vocab.OBJECTIVES,
        *vocab.SECTORS,
        *vocab.AUDIENCES,
        *vocab.CHANNELS,
        *vocab.MECHANICS,
    ):
        assert re.search(rf"`{re.escape(code)}`", readme), code
