"""Risks and compliance: the market's rules that apply to this plan, and the mechanics' risks."""

from __future__ import annotations

from bot.engine.context import Context
from bot.engine.mechanics import Scored
from bot.i18n import label, t
from bot.knowledge.schema import Market
from bot.models import PlanItem

# Well-known rules, phrased by the engine so a French answer never quotes English text:
# (market, topic) -> (English, French).
KNOWN_RULES: dict[tuple[str, str], tuple[str, str]] = {
    ("fr", "disclosure"): (
        "Influencer law 2023-451: every paid collaboration carries “Publicité” or "
        "“Collaboration commerciale”, clearly, for the whole content; retouched or virtual "
        "images are labelled",
        "Loi influence 2023-451 : toute collaboration rémunérée porte « Publicité » ou "
        "« Collaboration commerciale », clairement et sur tout le contenu ; images retouchées "
        "ou virtuelles signalées",
    ),
    ("fr", "alcohol"): (
        "Loi Évin (1991): alcohol communication is limited to factual content on authorised "
        "media; no influencer promotion",
        "Loi Évin (1991) : communication sur l'alcool limitée à des contenus informatifs sur "
        "des supports autorisés ; pas de promotion par des influenceurs",
    ),
    ("fr", "health"): (
        "Health products: no promotion of risky cosmetic procedures by influencers (law "
        "2023-451); medicines advertising is controlled by the ANSM",
        "Santé : pas de promotion d'actes esthétiques à risque par des influenceurs (loi "
        "2023-451) ; publicité pour les médicaments contrôlée par l'ANSM",
    ),
    ("fr", "finance"): (
        "Financial products: influencers may not promote most risky financial products (law "
        "2023-451; AMF rules)",
        "Produits financiers : la plupart des produits financiers risqués ne peuvent pas être "
        "promus par des influenceurs (loi 2023-451 ; règles AMF)",
    ),
    ("uk", "disclosure"): (
        "ASA / CAP Code: label paid content “#ad” up front, before any click",
        "ASA / CAP Code : mention « #ad » visible d'emblée sur tout contenu rémunéré",
    ),
    ("us", "disclosure"): (
        "FTC Endorsement Guides: clear and conspicuous disclosure (“#ad”, “Paid partnership”) "
        "of every material connection",
        "FTC Endorsement Guides : signaler clairement (« #ad », « Paid partnership ») tout lien "
        "matériel avec la marque",
    ),
    ("de", "disclosure"): (
        "label paid content “Werbung” or “Anzeige” (UWG, Medienstaatsvertrag)",
        "signaler les contenus rémunérés par « Werbung » ou « Anzeige » (UWG, Medienstaatsvertrag)",
    ),
    ("cn", "disclosure"): (
        "China Advertising Law: ads must be identifiable as ads (“广告”); platform rules for "
        "creators apply",
        "Chine, loi sur la publicité : la publicité doit être identifiable (« 广告 ») ; règles "
        "des plateformes pour les créateurs",
    ),
}
EU = frozenset({"fr", "de", "es", "it", "be"})
EU_PRIVACY = (
    "GDPR and Digital Services Act: no ads profiled on sensitive data or aimed at minors; "
    "show the main targeting parameters",
    "RGPD et Digital Services Act : pas de publicité ciblée sur des données sensibles ni sur "
    "les mineurs ; afficher les principaux paramètres de ciblage",
)
FAMILY_RISKS: dict[str, tuple[str, str]] = {
    "influencer": (
        "message drift and fake audiences: vet creators and brief tightly",
        "dérive du message et faux abonnés : auditer les créateurs, briefer précisément",
    ),
    "commerce": (
        "sales pressure can hurt trust: disclose every code and link",
        "la pression commerciale peut nuire à la confiance : signaler chaque code et lien",
    ),
    "community": (
        "loss of control of user content: moderate and set rules",
        "perte de contrôle des contenus des utilisateurs : modérer et fixer des règles",
    ),
    "earned": (
        "no guaranteed coverage, backlash if the stunt misreads the mood",
        "aucune retombée garantie, rejet si le coup médiatique se trompe de ton",
    ),
    "content": (
        "thin content reads as self-promotion: bring real expertise or data",
        "un contenu creux passe pour de l'autopromotion : apporter une vraie expertise "
        "ou des données",
    ),
    "experiential": (
        "cost and weather/logistics risk: plan a digital relay",
        "coûts et aléas logistiques : prévoir un relais digital",
    ),
    "advocacy": (
        "accusations of purpose-washing if actions do not back the words",
        "accusation de « purpose-washing » si les actes ne suivent pas",
    ),
    "crisis": (
        "silence or defensiveness worsens the crisis: speak early, own the facts",
        "le silence ou la défensive aggravent la crise : parler tôt, assumer les faits",
    ),
}
INFLUENCE_FAMILIES = frozenset({"influencer", "commerce", "community"})
HEALTH = frozenset({"health-pharma"})
FINANCE = frozenset({"finance", "insurance"})


def _market_name(code: str | None, lang: str) -> str:
    name = label("market", code or "global", lang).removeprefix("the ")
    return name[:1].upper() + name[1:]


def _french_only(text: str) -> bool:
    return any(w in text for w in ("2023-451", "France", "Évin", "ARPP"))


def _topics(ctx: Context, selected: list[Scored]) -> list[str]:
    families = {s[1].family for s in selected}
    sector = ctx.brief.sector
    topics: list[str] = []
    if families & INFLUENCE_FAMILIES or "mechanic-brand-ambassador-programme" in {
        s[1].mechanic_id for s in selected
    }:
        topics.append("disclosure")
    if sector == "alcohol":
        topics.append("alcohol")
    if sector in HEALTH:
        topics.append("health")
    if sector in FINANCE and families & INFLUENCE_FAMILIES:  # rules on promoting products
        topics.append("finance")
    if not topics and "crisis" not in ctx.brief.objectives[:1]:
        topics.append("disclosure")
    return topics


def build_risks(ctx: Context, selected: list[Scored], market: Market | None) -> list[PlanItem]:
    lang = ctx.lang
    items: list[PlanItem] = []
    market_code = ctx.market
    market_cites = ctx.book.cite_all(market.id) if market else []
    for topic in _topics(ctx, selected):
        known = KNOWN_RULES.get((market_code or "", topic))
        rules = [r for r in (market.rules if market else []) if r.topic == topic]
        if known is not None:
            text = known[1] if lang == "fr" else known[0]
        elif rules and market is not None and market.language == lang:
            text = rules[0].rule
        elif rules:
            text = t("risk.see", lang, topic=topic)
        else:
            continue
        items.append(
            PlanItem(
                title=t(
                    "risk.rule",
                    lang,
                    market=_market_name(market_code, lang),
                    rule=text,
                ),
                ref=f"rule:{topic}",
                sources=market_cites,
            )
        )
    if market_code in EU and any(s[1].family in INFLUENCE_FAMILIES for s in selected):
        items.append(
            PlanItem(
                title=EU_PRIVACY[1] if lang == "fr" else EU_PRIVACY[0],
                ref="rule:privacy",
                sources=market_cites,
            )
        )
    for mech, scored in selected[:2]:
        local = [r for r in mech.risks if market_code == "fr" or not _french_only(r)]
        if mech.language == lang and local:
            risk = local[0]
        else:
            pair = FAMILY_RISKS.get(scored.family)
            if pair is None:
                continue
            risk = pair[1] if lang == "fr" else pair[0]
        items.append(
            PlanItem(
                title=t(
                    "risk.mechanic",
                    lang,
                    mechanic=label("mechanic", scored.mechanic_id, lang),
                    risk=risk,
                ),
                ref=scored.mechanic_id,
                sources=ctx.book.cite_all(mech.id),
            )
        )
    return items
