"""KPIs tied to the objective: outcomes first (AMEC), then the chosen mechanics' own KPIs."""

from __future__ import annotations

from bot.engine.context import Context
from bot.engine.mechanics import Scored
from bot.i18n import t
from bot.models import PlanItem

# One outcome KPI per objective: (English, French).
OUTCOME_KPIS: dict[str, tuple[str, str]] = {
    "awareness": (
        "Aided and spontaneous awareness in the target segment (pre/post survey)",
        "Notoriété assistée et spontanée dans le segment cible (sondage avant/après)",
    ),
    "launch": (
        "Trial and first purchases in the launch window (codes, retail sell-out)",
        "Essais et premiers achats pendant la fenêtre de lancement (codes, sell-out)",
    ),
    "consideration": (
        "Share of the segment considering the brand; branded search uplift",
        "Part du segment qui envisage la marque ; hausse des recherches de marque",
    ),
    "conversion": (
        "Tracked sales and conversion rate through creator links and codes",
        "Ventes tracées et taux de conversion via liens et codes créateurs",
    ),
    "engagement": (
        "Meaningful interactions: saves, shares, comments with intent",
        "Interactions utiles : enregistrements, partages, commentaires d'intention",
    ),
    "reputation": (
        "Tone and key-message pick-up in target media; trust score",
        "Tonalité et reprise des messages clés dans les médias cibles ; score de confiance",
    ),
    "crisis": (
        "Time to first statement; sentiment back to the pre-crisis baseline",
        "Délai de première prise de parole ; retour du sentiment au niveau d'avant-crise",
    ),
    "b2b-leads": (
        "Qualified leads and pipeline influenced (MQL → SQL)",
        "Leads qualifiés et pipeline influencé (MQL → SQL)",
    ),
    "employer-brand": (
        "Qualified applications and employer-brand preference",
        "Candidatures qualifiées et préférence employeur",
    ),
    "advocacy": (
        "Supporters mobilised (signatures, pledges) and policy pick-up",
        "Soutiens mobilisés (signatures, engagements) et reprise par les décideurs",
    ),
    "community": (
        "Active members and retention of the community after 90 days",
        "Membres actifs et rétention de la communauté à 90 jours",
    ),
    "thought-leadership": (
        "Share of voice on the topic among target media and decision-makers",
        "Part de voix sur le sujet auprès des médias et décideurs cibles",
    ),
    "loyalty": (
        "Repeat purchase and retention of existing customers",
        "Réachat et rétention des clients existants",
    ),
}


def build_kpis(ctx: Context, selected: list[Scored]) -> list[PlanItem]:
    lang, brief = ctx.lang, ctx.brief
    items: list[PlanItem] = []
    top_ref = selected[0][0].id if selected else None
    for objective in (brief.objectives or ["awareness"])[:2]:
        pair = OUTCOME_KPIS.get(objective)
        if pair is None:
            continue
        items.append(
            PlanItem(
                title=pair[1] if lang == "fr" else pair[0],
                ref=objective,
                sources=ctx.book.cite_all(top_ref),
            )
        )
    # The mechanics' own KPIs, quoted only when the document speaks the answer's language.
    for rank, (mech, _) in enumerate(selected[:2]):
        if mech.language != lang:
            continue
        for kpi in mech.kpis[: 2 if rank == 0 else 1]:
            items.append(PlanItem(title=kpi, ref=mech.id, sources=ctx.book.cite_all(mech.id)))
    items.append(
        PlanItem(
            title=t(
                "kpi.barcelona.crisis" if "crisis" in brief.objectives[:1] else "kpi.barcelona",
                lang,
            ),
            sources=ctx.principle("principle-measurement-barcelona-amec", "principle-peso-model"),
        )
    )
    return items
