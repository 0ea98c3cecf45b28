"""What decides on the ground: a target market's levers for the brief's sector and audience.

A market document lists `levers` (a drugstore chain's listing, a consumer-test magazine, the
platform where students compare offers), each for some sectors or audiences, with its source.
A plan names the ones that fit this brief instead of a move that would read the same anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.brief.text import fold
from bot.engine.calendar import any_trigger, split_triggers
from bot.engine.context import Context
from bot.engine.profile import audience_codes, for_professionals, only_professionals
from bot.engine.targeting import named_places, professional
from bot.knowledge.schema import Lever, Market


@dataclass(frozen=True)
class Found:
    lever: Lever
    market: Market


def market_levers(
    ctx: Context,
    code: str,
    limit: int = 3,
    by_sector: bool = True,
    audiences: list[str] | None = None,
    months: frozenset[int] | None = None,
    trade: bool = True,
) -> list[Found]:
    """The levers of market `code` for the brief: its sector's first, then its audiences' (or
    the `audiences` given); its audiences' only when `by_sector` is False; a dated lever only
    when its months are among the plan's `months`; without `trade`, none made for professionals
    only when the brief is not aimed at them."""
    market = ctx.catalog.market(code, ctx.lang)
    if market is None:
        return []
    sector = ctx.brief.sector if by_sector else None
    audiences = audiences or audience_codes(ctx.brief)
    scored: list[tuple[int, int, Lever]] = []
    said: set[int] = set()  # levers whose own words the brief uses: about this very brief
    folded = fold(ctx.text or "")
    # a brief about one city of the market ("une association lyonnaise")
    local = named_places(market.local_media, ctx.text or "", market.demonyms)
    consumers = not trade and not for_professionals(ctx.brief)
    at_work = professional(ctx)
    for i, lever in enumerate(market.levers):
        if lever.consumer and at_work:
            continue  # consumer tests and electronics chains are nothing to a B2B sale
        keep_out, bring = split_triggers(tuple(lever.triggers))
        if any_trigger(keep_out, folded):
            continue  # a "!" word: the one kind of brief of its sector it is not for
        if bring and not any_trigger(bring, folded):
            continue  # about one corner of its sector that this brief is not in
        if bring:
            said.add(i)
        elif consumers and only_professionals(lever.audiences):
            continue  # the investors' tech fair is nothing to a phone subscription's buyers
        if lever.months and months is not None and not months.intersection(lever.months):
            continue  # BIG each October is nothing to a plan that is over by June
        if lever.reach == "national" and local:
            continue  # a city's charity does not apply for the Grande Cause nationale
        # the sector a lever names first is the one it is about ("the EPV label" is luxury's
        # lever before it is food's)
        primary = bool(lever.sectors) and lever.sectors[0] == sector
        for_sector = sector is not None and sector in lever.sectors
        by_audience = next((n for n, a in enumerate(audiences) if a in lever.audiences), None)
        if lever.sectors and not for_sector:
            by_audience = None  # the travel trade's fair is for travel's buyers, not every buyer
        elif (
            for_sector
            and by_audience is None
            and i not in said
            and audiences
            and only_professionals(lever.audiences)
        ):
            continue  # the developers' conference is nothing to payroll software sold to HR
        if i in said and not for_sector and by_audience is None and not by_sector:
            # a playbook that leaves the sector's levers out (a voice, a hiring drive) still
            # takes the one the brief's own words name (the cyber forum for a cyber expert)
            scored.append((1, i, lever))
        elif by_audience is not None and for_sector:
            scored.append((0 if primary else 1, i, lever))
        elif for_sector:
            scored.append((2 if primary else 3, i, lever))
        elif by_audience is not None:
            scored.append((4 + by_audience, i, lever))
    if any(rank <= 2 for rank, _, _ in scored):  # levers about this sector itself come alone
        scored = [x for x in scored if x[0] != 3 or x[1] in said]
    # the levers the brief's own words bring (the water sector's show for a water-utility
    # brief) before those its whole sector shares (the tech fair)
    ranked = sorted(scored, key=lambda x: (x[1] not in said, x[0], x[1]))
    return [Found(lever, market) for _, _, lever in ranked[:limit]]


def source_text(lever: Lever) -> str:
    """ "Öko-Test, 2024": who says so, and when; a page without a publisher by its site
    ("lesoir.be"), not by an article's headline."""
    src = lever.source
    site = urlsplit(src.url).hostname if src.url else None
    who = src.publisher or (site.removeprefix("www.") if site else src.title)
    acronym = re.search(r"\(([A-Z][A-Za-z0-9&]{1,9})\)\s*$", who)
    if acronym:  # "Japan Association of Chain Drug Stores (JACDS)" → "JACDS"
        who = acronym.group(1)
    return f"{who}, {src.year}" if src.year else who
