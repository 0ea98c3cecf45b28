"""The Slack app's own interface strings, in French and English.

Kept here until they move into `bot/i18n.py`; `s(key, lang, **kw)` never raises: a missing
French string falls back to English, a missing key to the key itself.
"""

from __future__ import annotations

from typing import Any

STRINGS: dict[str, dict[str, str]] = {
    "working": {"en": "Working on it…", "fr": "Je m'en occupe…"},
    "status.thinking": {"en": "is thinking…", "fr": "réfléchit…"},
    "status.searching": {
        "en": "is searching the knowledge base…",
        "fr": "cherche dans la base de connaissances…",
    },
    "status.writing": {"en": "is writing…", "fr": "rédige…"},
    "error": {
        "en": "Sorry, something went wrong on my side. Please try again in a moment.",
        "fr": "Désolé, un problème est survenu de mon côté. Réessayez dans un instant.",
    },
    "empty": {
        "en": "What can I help with? Try `/levier help`.",
        "fr": "Que puis-je faire pour vous ? Essayez `/levier help`.",
    },
    "h.targeting": {"en": "Targeting", "fr": "Ciblage"},
    "h.channels": {"en": "Channels", "fr": "Canaux"},
    "h.timing": {"en": "Timing", "fr": "Calendrier"},
    "h.mechanics": {"en": "Mechanic", "fr": "Mécanique"},
    "h.kpis": {"en": "KPIs", "fr": "KPIs"},
    "h.risks": {"en": "Risks & compliance", "fr": "Risques & conformité"},
    "h.sources": {"en": "Sources", "fr": "Sources"},
    "h.question": {"en": "To sharpen this", "fr": "Pour affiner"},
    "card.title": {"en": "Strategy card", "fr": "Fiche stratégie"},
    "card.title_client": {"en": "Strategy card — {client}", "fr": "Fiche stratégie — {client}"},
    "fb.prompt": {"en": "Was this useful?", "fr": "Cette réponse vous a-t-elle aidé ?"},
    "fb.up": {"en": "Useful", "fr": "Utile"},
    "fb.down": {"en": "Not useful", "fr": "Pas utile"},
    "fb.modal_title": {"en": "Your feedback", "fr": "Votre avis"},
    "fb.comment": {"en": "Anything to add? (optional)", "fr": "Un commentaire ? (facultatif)"},
    "fb.submit": {"en": "Send", "fr": "Envoyer"},
    "fb.thanks": {"en": "Thanks for the feedback!", "fr": "Merci pour votre retour !"},
    "cancel": {"en": "Cancel", "fr": "Annuler"},
    "brief.title": {"en": "New brief", "fr": "Nouveau brief"},
    "brief.submit": {"en": "Build the plan", "fr": "Construire le plan"},
    "brief.client": {"en": "Client", "fr": "Client"},
    "brief.market": {"en": "Market(s)", "fr": "Marché(s)"},
    "brief.sector": {"en": "Sector", "fr": "Secteur"},
    "brief.objective": {"en": "Objective", "fr": "Objectif"},
    "brief.audience": {"en": "Audience", "fr": "Cible"},
    "brief.budget": {"en": "Budget", "fr": "Budget"},
    "brief.timing": {"en": "Timing", "fr": "Calendrier"},
    "brief.constraints": {"en": "Constraints", "fr": "Contraintes"},
    "brief.objective_required": {
        "en": "Tell me the objective of the campaign.",
        "fr": "Indiquez l'objectif de la campagne.",
    },
    "brief.working": {
        "en": "<@{user}> Working on the brief for {client}…",
        "fr": "<@{user}> Je prépare le plan pour {client}…",
    },
    "brief.nobody": {"en": "the client", "fr": "le client"},
    "cmd.usage": {
        "en": "Usage: `/levier brief`, `/levier idea <topic>`, `/levier learn <concept>`, "
        "`/levier help`.",
        "fr": "Usage : `/levier brief`, `/levier idea <sujet>`, `/levier learn <concept>`, "
        "`/levier help`.",
    },
    "cmd.missing_topic": {
        "en": "Tell me what about, e.g. `/levier {sub} {example}`.",
        "fr": "Précisez le sujet, par ex. `/levier {sub} {example}`.",
    },
    "cmd.asked": {"en": "<@{user}> asked: {question}", "fr": "<@{user}> a demandé : {question}"},
    "help": {
        "en": (
            "*Levier* — PR strategy grounded in the agency's knowledge.\n"
            "• Mention me in a channel, or write to me directly: I answer in the thread, and "
            "you can follow up there without tagging me again.\n"
            "• `/levier brief` — fill in a brief, get a strategy card.\n"
            "• `/levier idea <topic>` — campaign ideas on a topic.\n"
            "• `/levier learn <concept>` — a short lesson on a PR concept.\n"
            "• `/levier help` — this message.\n"
            "Each answer lists its sources; 👍/👎 tell us what to improve."
        ),
        "fr": (
            "*Levier* — des stratégies RP fondées sur les connaissances de l'agence.\n"
            "• Mentionnez-moi dans un canal, ou écrivez-moi directement : je réponds dans le fil, "
            "et vous pouvez y poursuivre sans me mentionner à nouveau.\n"
            "• `/levier brief` — remplissez un brief, recevez une fiche stratégie.\n"
            "• `/levier idea <sujet>` — des idées de campagne sur un sujet.\n"
            "• `/levier learn <concept>` — une courte leçon sur un concept RP.\n"
            "• `/levier help` — ce message.\n"
            "Chaque réponse cite ses sources ; 👍/👎 nous aident à l'améliorer."
        ),
    },
    "assistant.greeting": {
        "en": "Hi! Ask me for a PR strategy, an idea or a lesson. Pick a prompt or type away.",
        "fr": "Bonjour ! Demandez-moi une stratégie RP, une idée ou une leçon. Choisissez une "
        "suggestion ou écrivez directement.",
    },
    "prompts.title": {"en": "Try one of these:", "fr": "Essayez par exemple :"},
    # Suggested prompts by role: title | message
    "p.strategist.title": {"en": "Strategist: launch plan", "fr": "Stratège : plan de lancement"},
    "p.strategist.msg": {
        "en": "Build a launch plan for a plant-based snack brand in France, 25-35 year-olds, "
        "€80k, in the autumn.",
        "fr": "Construis un plan de lancement pour une marque de snacks végétaux en France, "
        "25-35 ans, 80 k€, à la rentrée.",
    },
    "p.creative.title": {"en": "Creative: big ideas", "fr": "Créatif : grandes idées"},
    "p.creative.msg": {
        "en": "Give me three campaign ideas to make a bank relevant to Gen Z.",
        "fr": "Donne-moi trois idées de campagne pour rendre une banque désirable pour la Gen Z.",
    },
    "p.junior.title": {"en": "Junior: learn a concept", "fr": "Junior : apprendre un concept"},
    "p.junior.msg": {
        "en": "Explain newsjacking with an example.",
        "fr": "Explique-moi le newsjacking avec un exemple.",
    },
}


def s(key: str, lang: str, **kw: Any) -> str:
    """The string `key` in `lang` ("en" or "fr"), formatted with `kw`."""
    entry = STRINGS.get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry.get("en") or key
    try:
        return template.format(**kw) if kw else template
    except (KeyError, IndexError, ValueError):
        return template
