"""`levier kb stats`: what the knowledge base covers, and its gaps."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bot.knowledge import vocab
from bot.knowledge.loader import LoadReport
from bot.knowledge.schema import Calendar, Campaign, Glossary, Market, Mechanic, Playbook, RuleBook

# The objectives every consultant will ask about: each needs 3 campaigns and 2 mechanics.
CORE_OBJECTIVES: tuple[str, ...] = (
    "awareness",
    "launch",
    "reputation",
    "crisis",
    "b2b-leads",
    "employer-brand",
    "advocacy",
)
MIN_CAMPAIGNS_PER_OBJECTIVE = 3
MIN_MECHANICS_PER_OBJECTIVE = 2
MIN_CAMPAIGNS_PER_MARKET = 2
# The rule topics every market's book must cover (the judgement issue's list): a plan in one of
# these sectors is decided by the target market's rule, so a missing one is a gap.
REQUIRED_RULE_TOPICS: tuple[str, ...] = (
    "alcohol",
    "gambling",
    "food-supplements",
    "medicines",
    "finance",
    "crypto",
    "environmental-claims",
    "political",
    "minors",
    "tobacco-nicotine",
    "influencer-disclosure",
)
MIN_MOMENTS_PER_MARKET = 20
MIN_EXAMPLES_PER_SITUATION = 15  # per language: the situation classifier learns from them


def coverage(report: LoadReport) -> tuple[dict[str, Counter[str]], list[str]]:
    """Counts per dimension and the list of gaps (empty when the base is complete)."""
    metas = [d.meta for d in report.docs]
    campaigns = [m for m in metas if isinstance(m, Campaign)]
    mechanics = [m for m in metas if isinstance(m, Mechanic) and not m.translation_of]
    counts: dict[str, Counter[str]] = {
        "kind": Counter(m.kind for m in metas),
        "language": Counter(m.language for m in metas),
        "campaign market": Counter(_flat(c.markets for c in campaigns)),
        "campaign sector": Counter(_flat(c.sectors for c in campaigns)),
        "campaign objective": Counter(_flat(c.objectives for c in campaigns)),
        "campaign mechanic": Counter(_flat(c.mechanics for c in campaigns)),
        "campaign language": Counter(c.language for c in campaigns),
        "mechanic objective": Counter(_flat(m.objectives for m in mechanics)),
        "glossary terms": Counter(
            {"terms": sum(len(m.terms) for m in metas if isinstance(m, Glossary))}
        ),
    }
    books = [m for m in metas if isinstance(m, RuleBook)]
    topics: dict[str, set[str]] = {code: set() for code in vocab.COUNTRY_MARKETS}
    for book in books:
        for code in (book.code, *book.applies_to):
            topics.setdefault(code, set()).update(rule.topic for rule in book.rules)
            counts.setdefault("rules per market", Counter())[code] += len(book.rules)
    calendars_by_code = {m.code: m for m in metas if isinstance(m, Calendar)}
    counts["moments per market"] = Counter(
        {code: len(c.events) for code, c in calendars_by_code.items()}
    )
    playbooks = [m for m in metas if isinstance(m, Playbook)]
    counts["playbook examples"] = Counter(
        {f"{p.situation} ({p.language})": len(p.examples) for p in playbooks}
    )
    gaps: list[str] = []
    for code in vocab.COUNTRY_MARKETS:
        missing = [t for t in REQUIRED_RULE_TOPICS if t not in topics.get(code, set())]
        if missing:
            gaps.append(f"market {code} has no rule on: {', '.join(missing)}")
        n = counts["moments per market"][code]
        if code in calendars_by_code and n < MIN_MOMENTS_PER_MARKET:
            gaps.append(
                f"market {code} has {n} calendar moments, fewer than {MIN_MOMENTS_PER_MARKET}"
            )
    for p in playbooks:
        if len(p.examples) < MIN_EXAMPLES_PER_SITUATION:
            gaps.append(
                f"playbook {p.situation} ({p.language}) has {len(p.examples)} examples, fewer "
                f"than {MIN_EXAMPLES_PER_SITUATION}"
            )
    for mech_id in vocab.MECHANICS:
        if mech_id not in {m.id for m in mechanics}:
            gaps.append(f"mechanic {mech_id} has no document")
        elif counts["campaign mechanic"][mech_id] == 0:
            gaps.append(f"mechanic {mech_id} has no example campaign")
    markets = {m.code for m in metas if isinstance(m, Market)}
    calendars = {m.code for m in metas if isinstance(m, Calendar)}
    for code in vocab.COUNTRY_MARKETS:
        if code not in markets:
            gaps.append(f"market {code} has no profile")
        if code not in calendars:
            gaps.append(f"market {code} has no calendar")
        n = counts["campaign market"][code]
        if n < MIN_CAMPAIGNS_PER_MARKET:
            gaps.append(f"market {code} has {n} campaign(s), fewer than {MIN_CAMPAIGNS_PER_MARKET}")
    for objective in CORE_OBJECTIVES:
        n = counts["campaign objective"][objective]
        if n < MIN_CAMPAIGNS_PER_OBJECTIVE:
            gaps.append(
                f"objective {objective} has {n} campaign(s), fewer than "
                f"{MIN_CAMPAIGNS_PER_OBJECTIVE}"
            )
        m = counts["mechanic objective"][objective]
        if m < MIN_MECHANICS_PER_OBJECTIVE:
            gaps.append(
                f"objective {objective} has {m} mechanic(s), fewer than "
                f"{MIN_MECHANICS_PER_OBJECTIVE}"
            )
    return counts, gaps


def coverage_report(report: LoadReport) -> tuple[str, list[str]]:
    counts, gaps = coverage(report)
    lines = [f"Knowledge base: {len(report.docs)} valid documents, {report.files_seen} files"]
    for name, counter in counts.items():
        items = ", ".join(f"{k} {v}" for k, v in sorted(counter.items(), key=lambda kv: -kv[1]))
        lines.append(f"- by {name}: {items or '—'}")
    if report.problems:
        lines.append(f"Invalid: {len(report.problems)} problem(s); run `levier kb validate`.")
    lines.append("Gaps:" if gaps else "Gaps: none")
    lines.extend(f"- {gap}" for gap in gaps)
    return "\n".join(lines), gaps


def _flat(groups: Iterable[Iterable[str]]) -> list[str]:
    return [item for group in groups for item in group]
