"""The one Slack-free seam: `advise(request, deps) -> Advice`.

(Placeholder while the strategy engine is being written: retrieval only.)
"""

from __future__ import annotations

from collections.abc import Callable

from bot.brief.parse import parse_brief
from bot.deps import Deps
from bot.models import Advice, Request, SourceRef


def advise(
    request: Request, deps: Deps, on_delta: Callable[[str], None] | None = None
) -> Advice:
    brief = parse_brief(request.text, fallback_language=request.language, today=deps.today())
    hits = deps.retriever.search(request.text, access=request.access, brief=brief)
    sources: list[SourceRef] = []
    seen: dict[str, int] = {}
    for hit in hits:
        if hit.doc_id not in seen:
            seen[hit.doc_id] = len(seen) + 1
            sources.append(SourceRef(n=seen[hit.doc_id], id=hit.doc_id,
                                     title=str(hit.metadata.get("title")),
                                     path=str(hit.metadata.get("path")),
                                     kind=str(hit.metadata.get("kind"))))
    text = "\n\n".join(f"[{seen[h.doc_id]}] {h.text[:300]}" for h in hits[:3])
    return Advice(language=brief.language, mode=brief.intent, brief=brief, text=text,
                  sources=sources)
