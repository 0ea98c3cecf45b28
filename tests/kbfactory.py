"""Build small, valid knowledge trees for tests (one document of each kind on demand)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SOURCE = [{"title": "A public source", "url": "https://example.org/source"}]


def write_doc(root: Path, rel: str, front: dict[str, Any], body: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body
    path.write_text(text, encoding="utf-8")
    return path


def principle(doc_id: str = "principle-two-step-flow", **extra: Any) -> dict[str, Any]:
    return {
        "id": doc_id,
        "kind": "principle",
        "title": "The two-step flow",
        "language": "en",
        "summary": "Ideas travel from media to opinion leaders, then to their peers.",
        "sources": SOURCE,
        **extra,
    }


def campaign(doc_id: str = "campaign-sample", **extra: Any) -> dict[str, Any]:
    return {
        "id": doc_id,
        "kind": "campaign",
        "title": "Sample campaign",
        "language": "en",
        "summary": "A real-looking campaign used by the tests.",
        "brand": "Sample",
        "year": 2020,
        "markets": ["fr"],
        "sectors": ["beauty"],
        "objectives": ["launch"],
        "audiences": ["gen-z"],
        "mechanics": ["mechanic-micro-influencer-swarm"],
        "channels": ["channel-instagram"],
        "campaign_type": "launch",
        "sources": SOURCE,
        **extra,
    }


def small_tree(root: Path) -> Path:
    """A tiny valid knowledge base: two principles, one campaign, one restricted lesson."""
    write_doc(
        root,
        "principles/two-step.md",
        principle(),
        "# The two-step flow\n\n## In short\nOpinion leaders relay media ideas to peers.\n\n"
        "## Use it\nWin a few experts first; their circles spread the message.\n",
    )
    write_doc(
        root,
        "principles/peso.md",
        principle(
            "principle-peso",
            title="PESO",
            summary="Paid, earned, shared and owned media planned as one programme.",
        ),
        "# PESO\n\n## In short\nPlan paid, earned, shared and owned media together.\n",
    )
    write_doc(
        root,
        "campaigns/sample.md",
        campaign(),
        "# Sample\n\n## The idea\nA swarm of micro creators launched a serum.\n",
    )
    write_doc(
        root,
        "learn/secret.md",
        {
            "id": "lesson-secret-grid",
            "kind": "lesson",
            "title": "Grille interne",
            "language": "fr",
            "summary": "Grille tarifaire interne et confidentielle.",
            "visibility": "restricted",
            "allowed_channels": ["C0STRATEGY"],
            "order": 99,
            "level": "senior",
            "related": ["principle-peso", "principle-two-step-flow"],
            "check_question": "Quel est le taux journalier ?",
            "check_answer": "Voir la grille.",
        },
        "# Grille\n\n## Tarifs\nCONFIDENTIEL-GRILLE : taux journalier interne des consultants.\n",
    )
    return root
