"""`levier kb stats`: what the knowledge base covers, and its gaps."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bot.knowledge import vocab
from bot.knowledge.loader import LoadReport
from bot.knowledge.schema import Calendar, Campaign, Glossary, Market, Mechanic

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
    gaps: list[str] = []
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
