"""The channel mix: ranked channels for the market and audience, each with its PESO role."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.brief.text import fold
from bot.engine.context import Context
from bot.engine.ideas import in_sentence
from bot.engine.mechanics import Scored
from bot.engine.profile import band_overlaps, budget_band
from bot.engine.scoring import LEGAL_LIMITS
from bot.engine.targeting import audience_media, outlet_key, professional, target_audiences
from bot.i18n import join, label, t
from bot.knowledge import vocab
from bot.knowledge.schema import Channel, Market
from bot.models import PlanItem

CN_ONLY = frozenset({"channel-wechat", "channel-weibo", "channel-xiaohongshu", "channel-douyin"})
NOT_IN_CN = frozenset(
    {
        "channel-instagram",
        "channel-tiktok",
        "channel-youtube",
        "channel-x",
        "channel-facebook",
        "channel-snapchat",
        "channel-twitch",
    }
)
SOCIAL = frozenset(
    {
        "channel-instagram",
        "channel-tiktok",
        "channel-youtube",
        "channel-linkedin",
        "channel-x",
        "channel-twitch",
        "channel-snapchat",
        "channel-facebook",
        *CN_ONLY,
    }
)
CONSUMER_FEEDS = frozenset(
    {
        "channel-instagram",
        "channel-tiktok",
        "channel-snapchat",
        "channel-twitch",
        "channel-facebook",
    }
)
PRESS = frozenset({"channel-press-national", "channel-press-regional", "channel-press-trade"})
OWNED = frozenset({"channel-owned-media", "channel-newsletters", "channel-podcasts"})
B2B = frozenset({"b2b-leads", "thought-leadership", "employer-brand"})
MAX_CHANNELS = 6
# Channels a constraint of the brief rules out.
CONSTRAINT_CHANNELS = {"no tiktok": "channel-tiktok", "no events": "channel-events"}


@dataclass
class ChannelPick:
    id: str
    score: float = 0.0
    role: str = "shared"
    reasons: list[str] = field(default_factory=list)  # rendered phrases
    cites: list[str] = field(default_factory=list)  # doc ids


def default_role(channel_id: str, doc: Channel | None) -> str:
    if channel_id in PRESS:
        return "earned"
    if channel_id in OWNED or channel_id == "channel-events":
        return "owned"
    if doc is not None and doc.roles and "shared" not in doc.roles:
        return doc.roles[0]
    return "shared"


def _allowed_audiences(ctx: Context, excluded: frozenset[str]) -> list[str]:
    """The brief's audiences, without those a rule keeps out (18-24s for betting)."""
    return [a for a in target_audiences(ctx) if a not in excluded]


def rank_channels(
    ctx: Context,
    selected: list[Scored],
    market: Market | None,
    excluded_audiences: frozenset[str] = frozenset(),
) -> list[ChannelPick]:
    lang, brief = ctx.lang, ctx.brief
    docs = {c.translation_of or c.id: c for c in ctx.catalog.channels(lang)}
    picks: dict[str, ChannelPick] = {}

    def pick(cid: str) -> ChannelPick:
        if cid not in picks:
            picks[cid] = ChannelPick(cid)
        return picks[cid]

    for r, (mech, scored) in enumerate(selected):
        for p, cid in enumerate(mech.channels):
            item = pick(cid)
            item.score += max(0.2, 1.0 - 0.15 * p) * (1.0 - 0.25 * r)
            if mech.id not in item.cites:
                item.cites.append(mech.id)
            if not any(x.startswith("@mech:") for x in item.reasons):
                item.reasons.append("@mech:" + scored.mechanic_id)
    if market is not None:
        for p, cid in enumerate(market.top_channels):
            item = pick(cid)
            item.score += max(0.3, 1.2 - 0.1 * p)
            item.reasons.append("@market")
            item.cites.append(market.id)
    market_code = ctx.market
    # an audience a rule keeps out (18-24s for betting) brings no platform of its own
    audiences = _allowed_audiences(ctx, excluded_audiences)
    b2b = professional(ctx, audiences)
    # The platforms among the audience's own media in this market (TikTok for Gen Z...).
    own = {outlet_key(n) for n in audience_media(market, audiences, brief.sector)}
    platforms = {
        c.translation_of or c.id
        for c in docs.values()
        if outlet_key(label("channel", c.translation_of or c.id, lang)) in own
    }
    for cid in platforms:
        pick(cid).reasons.append("@audience")
    skewed = brief.age_range is not None and (brief.age_range[0] >= 45 or brief.age_range[1] <= 24)
    if skewed and brief.age_range is not None:
        # an audience at one end of life is on its own platforms (Facebook for the over-65s)
        for cid, found in docs.items():
            if cid in SOCIAL and any(band_overlaps(b, brief.age_range) for b in found.age_bands):
                pick(cid).score += 0.8
    restricted = (market_code or "", brief.sector or "") in LEGAL_LIMITS
    out: list[ChannelPick] = []
    ruled_out = {cid for label_, cid in CONSTRAINT_CHANNELS.items() if label_ in brief.constraints}
    # buyers: a lifestyle feed is not where a fleet or a plant chooses its supplier
    buyers = "b2b-leads" in brief.objectives[:1] or audiences[:1] == ["b2b-decision-makers"]
    for cid, item in picks.items():
        if cid in ruled_out:
            continue
        if buyers and cid in CONSUMER_FEEDS and cid not in platforms:
            continue
        if market_code == "cn" and cid in NOT_IN_CN:
            continue
        if market_code != "cn" and cid in CN_ONLY:
            continue
        if market_code == "cn" and cid in CN_ONLY:
            item.score += 1.0
            item.reasons.append("@cn")
        doc = docs.get(cid)
        if doc is not None and brief.age_range is not None:
            bands = [b for b in doc.age_bands if band_overlaps(b, brief.age_range)]
            if bands:
                item.score += 0.4
                item.reasons.append("@age:" + ", ".join(bands[:2]))
            else:
                item.score -= 1.5 if skewed else 0.3  # TikTok is not where the over-65s are
        if cid in platforms:
            item.score += 0.6
        if b2b:
            if cid in ("channel-linkedin", "channel-press-trade", "channel-events"):
                item.score += 1.0
            elif cid in ("channel-tiktok", "channel-snapchat", "channel-twitch"):
                item.score -= 0.4 if cid in platforms else 1.2
            elif cid in ("channel-instagram", "channel-facebook") and cid not in platforms:
                item.score -= 1.0  # fleet managers and buyers are not won in a lifestyle feed
            elif cid == "channel-press-national" and own:
                item.score -= 0.5  # buyers and talent are not won in the national dailies
        if restricted and cid in SOCIAL:
            item.score -= 0.6  # e.g. Loi Évin: alcohol on social media is tightly limited
        if doc is not None:
            item.cites.append(doc.id)
        item.role = default_role(cid, doc)
        out.append(item)
    out.sort(key=lambda c: (-c.score, c.id))
    chosen = out[: MAX_CHANNELS - 2]
    roles = {c.role for c in chosen}
    for role, fallback in (("earned", "channel-press-national"), ("owned", "channel-owned-media")):
        if role not in roles:
            # the owned line is the brand's own site and newsroom, not a branded podcast series
            # or a second feed picked for the role
            extra = (
                next((c for c in out if c.role == role and c not in chosen), None)
                if role == "earned"
                else None
            )
            if extra is None:
                extra = ChannelPick(fallback, role=role)
                if fallback in docs:
                    extra.cites.append(docs[fallback].id)
            extra.reasons.append("@peso:" + role)
            chosen.append(extra)
    # One social channel carries the paid boost when the budget allows it.
    if (budget_band(brief) or "low") != "low" and "no paid media" not in brief.constraints:
        socials = [c for c in chosen if c.id in SOCIAL and c.role == "shared"]
        if len(socials) >= 2:
            doc = docs.get(socials[1].id)
            if doc is None or "paid" in doc.roles:
                socials[1].role = "paid"
    return chosen[:MAX_CHANNELS]


# Which of a channel's formats (its `formats` in the knowledge) serve each PESO role: the line
# says what to run there, not that the channel is popular.
_ROLE_FORMATS: dict[str, tuple[str, ...]] = {
    "paid": ("partnership ads", "spark", "sponsored", "promoted", "host-read", "ads", "slots"),
    "shared": (
        "review",
        "creator",
        "kol",
        "collab",
        "integrated",
        "guest",
        "duets",
        "reels",
        "short",
        "live",
        "clips",
    ),
    "owned": (
        "newsroom",
        "hub",
        "official",
        "company",
        "brand",
        "newsletter",
        "community",
        "white papers",
        "series",
    ),
    "earned": (
        "exclusive",
        "interview",
        "review",
        "case stud",
        "feature",
        "op-ed",
        "column",
        "portrait",
        "local news",
        "regional cuts",
        "news",
        "segments",
    ),
}


def formats(
    doc: Channel | None,
    role: str,
    lang: str,
    mechanic: tuple[str, ...] = (),
    avoid: tuple[str, ...] = (),
    by_role: bool = True,
) -> list[str]:
    """Two of the channel's formats that serve its role in the plan, in the answer's language
    (none when the knowledge has no names for them in it, rather than a mixed-language line)."""
    if doc is None:
        return []
    shown = doc.formats_in(lang)
    if not shown:
        return []
    # the mechanic's own formats first, then those of the channel's role
    keys = tuple(k.lower() for k in mechanic) + (_ROLE_FORMATS.get(role, ()) if by_role else ())
    ranked = sorted(
        (min(i for i, k in enumerate(keys) if k in f.lower()), n, shown[n])
        for n, f in enumerate(doc.formats)
        if any(k in f.lower() for k in keys)
        and not any(a in fold(f) or a in fold(shown[n]) for a in avoid)
    )
    return [f for _, _, f in ranked[:2]]


def _why(
    ctx: Context,
    item: ChannelPick,
    doc: Channel | None = None,
    avoid: tuple[str, ...] = (),
    by_role: bool = True,
    excluded_audiences: frozenset[str] = frozenset(),
) -> str:
    """What to run on the channel (its formats for this role), then what makes it this brief's:
    named, the audience's, the age band; the mechanic and the market's usage only when nothing
    more particular can be said."""
    lang = ctx.lang
    mech_id = next((r[6:] for r in item.reasons if r.startswith("@mech:")), None)
    mech = ctx.catalog.get(mech_id) if mech_id else None
    keys = tuple(getattr(mech.meta, "channel_formats", ())) if mech is not None else ()
    runs = formats(doc, item.role, lang, keys, avoid, by_role)
    particular = [
        r for r in item.reasons if r.startswith(("@age:", "@peso:")) or r in ("@audience", "@cn")
    ]
    # with formats, the mechanic and the market's usage would repeat on every line
    reasons = particular[:1] if runs else item.reasons
    phrases: list[str] = []
    for reason in reasons:
        if reason.startswith("@mech:"):
            phrases.append(t("ch.why_mechanic", lang, mechanic=label("mechanic", reason[6:], lang)))
        elif reason == "@market" and ctx.market:
            phrases.append(t("ch.why_market", lang, market=label("market", ctx.market, lang)))
        elif reason == "@audience":
            kept = _allowed_audiences(ctx, excluded_audiences)[:2]
            if kept:  # never "where Gen Z are" in a plan a rule keeps away from them
                who = join([label("audience", a, lang) for a in kept], lang)
                phrases.append(t("ch.why_audience", lang, who=who))
        elif reason == "@cn":
            phrases.append(t("ch.why_cn", lang))
        elif reason.startswith("@age:"):
            bands = reason[5:]
            if "gen-z" in excluded_audiences:  # not "strongest on 18-24" when a rule keeps them out
                kept = [b for b in re.split(r",\s*", bands) if not re.match(r"1\d\b", b.strip())]
                bands = ", ".join(kept)
            if bands:
                phrases.append(t("ch.why_age", lang, bands=bands))
        elif reason.startswith("@peso:"):
            about = ctx.brief.subject or ctx.brief.client
            about = in_sentence(ctx, about) if about else None
            key = f"ch.why_peso_{reason[6:]}" + ("_about" if about else "")
            phrases.append(t(key, lang, about=about))
    why = join(list(dict.fromkeys(phrases))[:3], lang)
    if runs:
        return ", ".join(runs) + (f" — {why}" if why else "")
    return why


def audience_item(
    ctx: Context, market: Market | None, excluded: frozenset[str] = frozenset()
) -> PlanItem | None:
    """The audience's own outlets and communities in the market (not its social platforms,
    which are channels of their own), named before the generic channels; none for an audience a
    rule keeps out of the plan (`excluded`)."""
    audiences = [a for a in target_audiences(ctx) if a not in excluded]
    names = audience_media(market, audiences, ctx.brief.sector)
    known = {outlet_key(label("channel", c, ctx.lang)) for c in vocab.CHANNELS}
    outlets = [n for n in names if outlet_key(n) not in known]
    if market is None or len(outlets) < 2:
        return None
    reached = [
        a
        for a in audiences
        if market.audience_media.get(a) or market.audience_media.get(f"{a}/{ctx.brief.sector}")
    ]
    who = join([label("audience", a, ctx.lang) for a in reached[:2]], ctx.lang)
    return PlanItem(
        title=t("ch.audience", ctx.lang, who=who),
        detail=", ".join(outlets[:5]),
        role="earned",
        sources=ctx.book.cite_all(market.id),
    )


def build_channels(
    ctx: Context,
    selected: list[Scored],
    market: Market | None,
    excluded_audiences: frozenset[str] = frozenset(),
    avoid: tuple[str, ...] = (),
    by_role: bool = True,
) -> list[PlanItem]:
    """The channel mix: the audience's own outlets, then each channel with what to run there
    (never a format the situation forbids, in `avoid`: folded words like "challenge"; with
    `by_role` false, only the formats of the mechanic: a crisis has no use for collab posts)."""
    items: list[PlanItem] = []
    first = audience_item(ctx, market, excluded_audiences)
    if first is not None:
        items.append(first)
    docs = {c.id: c for c in ctx.catalog.channels(ctx.lang)}
    for pick in rank_channels(ctx, selected, market, excluded_audiences):
        why = _why(ctx, pick, docs.get(pick.id), avoid, by_role, excluded_audiences)
        items.append(
            PlanItem(
                title=label("channel", pick.id, ctx.lang),
                detail=why,
                role=pick.role,
                ref=pick.id,
                score=round(pick.score, 3),
                sources=ctx.book.cite_all(*list(dict.fromkeys(pick.cites))[:2]),
            )
        )
    return items
