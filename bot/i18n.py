"""User-facing strings in French and English, shared by the offline engine, the CLI and Slack.

`t(key, lang, **kw)` formats a message; `label(kind, code, lang)` names a vocabulary code
(objective, audience, sector, market, channel, mechanic, role, phase…). Missing French strings
fall back to English, a missing key to the key itself: a string never raises.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

Lang = str

MESSAGES: dict[str, dict[str, str]] = {
    # ---- headings ------------------------------------------------------------------------
    "h.targeting": {"en": "Targeting", "fr": "Ciblage"},
    "h.channels": {"en": "Channels", "fr": "Canaux"},
    "h.timing": {"en": "Timing", "fr": "Calendrier"},
    "h.mechanics": {"en": "Mechanic", "fr": "Mécanique"},
    "h.kpis": {"en": "KPIs", "fr": "KPIs"},
    "h.risks": {"en": "Risks & compliance", "fr": "Risques & conformité"},
    "h.sources": {"en": "Sources", "fr": "Sources"},
    "h.ideas": {"en": "Big ideas", "fr": "Grandes idées"},
    "h.learn": {"en": "Learn", "fr": "Apprendre"},
    "h.assumptions": {"en": "Assumptions", "fr": "Hypothèses"},
    # ---- answers built from a playbook ------------------------------------------------------
    "ans.h.phases.hours": {
        "en": "The first hours, then the days",
        "fr": "Les premières heures, puis les jours",
    },
    "ans.h.phases.days": {"en": "Day by day", "fr": "Jour par jour"},
    "ans.h.phases.weeks": {"en": "The plan, week by week", "fr": "Le plan, semaine par semaine"},
    "ans.h.phases.months": {"en": "The plan, month by month", "fr": "Le plan, mois par mois"},
    "ans.h.rules": {"en": "The rules that decide", "fr": "Les règles qui décident"},
    "ans.h.risks": {
        "en": "Risks, most serious first",
        "fr": "Les risques, du plus grave au moindre",
    },
    "ans.h.go-no-go": {"en": "Go / no-go: the conditions", "fr": "Go / no-go : les conditions"},
    "ans.h.targeting": {"en": "Who to reach", "fr": "Qui toucher"},
    "ans.h.experts": {"en": "Circles of influence", "fr": "Cercles d'influence"},
    "ans.h.channels": {"en": "Channels", "fr": "Canaux"},
    "ans.h.mechanics": {"en": "The mechanic, and why", "fr": "La mécanique, et pourquoi"},
    "ans.h.precedents": {"en": "Comparable campaigns", "fr": "Campagnes comparables"},
    "ans.h.cautionary": {"en": "What not to do", "fr": "Ce qu'il ne faut pas faire"},
    "ans.h.kpis": {
        "en": "KPIs: how we will know it worked",
        "fr": "KPI : comment saurons-nous que cela a marché",
    },
    "ans.h.budget": {"en": "The budget", "fr": "Le budget"},
    "ans.h.per-market": {"en": "Market by market", "fr": "Marché par marché"},
    "ans.h.levers": {"en": "What counts on the ground", "fr": "Ce qui compte sur place"},
    "ans.h.points": {"en": "Key points", "fr": "Points clés"},
    "ans.h.lesson": {"en": "The lesson", "fr": "La leçon"},
    "ans.h.market-practice": {
        "en": "How it works in this market",
        "fr": "Comment ça se passe sur ce marché",
    },
    "ans.h.ideas": {"en": "Ideas", "fr": "Idées"},
    "ans.h.can-do": {"en": "What I can do instead", "fr": "Ce que je peux faire à la place"},
    "ans.h.questions": {"en": "To settle with the client", "fr": "À trancher avec le client"},
    "ans.from_date": {
        "en": "Starting {date}, as the brief says.",
        "fr": "À partir du {date}, comme le dit le brief.",
    },
    "ans.deadline": {
        "en": "Everything must be done by {date}: the weeks count back from it, starting now.",
        "fr": "Tout doit être fait d'ici le {date} : le compte à rebours commence maintenant.",
    },
    "ans.deadline_short": {
        "en": "Only {left} left before {date}: the whole plan below does not fit. Before that "
        "date, do what its first phase can deliver, starting today; the rest runs after it.",
        "fr": "Il ne reste que {left} avant le {date} : le plan complet ci-dessous n'y tient pas. "
        "D'ici là, faites dès aujourd'hui ce que sa première phase peut livrer ; le reste se "
        "déroule après.",
    },
    "ans.moment_starts": {
        "en": "Counted back from {moment}: go-ahead by {go}, so that “{phase}” starts on it.",
        "fr": "Compte à rebours depuis {moment} : feu vert au plus tard le {go}, pour que "
        "« {phase} » commence à cette date.",
    },
    "ans.quiet_run_up": {
        "en": "The run-up crosses {quiet}: send the kits, pitches and invitations before it, "
        "and count on nobody answering during it.",
        "fr": "Le compte à rebours traverse {quiet} : envoyez kits, propositions et invitations "
        "avant, et ne comptez sur aucune réponse pendant.",
    },
    "ans.moment_ends": {
        "en": "Counted back from {moment}: go-ahead by {go}, so that “{phase}” is done by then.",
        "fr": "Compte à rebours depuis {moment} : feu vert au plus tard le {go}, pour que "
        "« {phase} » soit bouclé à cette date.",
    },
    "ans.moment_short": {
        "en": "{moment} is {left} away, less than this plan needs before “{phase}”: start "
        "now and shorten the phases before it. Creators and paid space are usually booked six "
        "to eight weeks ahead (an agency working rule): with so little time, rely on partners "
        "already under contract, your own channels and the point of sale, or move the main "
        "effort to the next moment.",
        "fr": "{moment} : il reste {left}, moins que ce qu'il faut avant « {phase} » : "
        "démarrez maintenant et raccourcissez les phases qui précèdent. Créateurs et espaces "
        "payants se réservent d'habitude six à huit semaines à l'avance (règle de travail de "
        "l'agence) : avec si peu de temps, appuyez-vous sur les partenaires déjà sous contrat, "
        "vos propres canaux et le point de vente, ou reportez l'essentiel sur le moment suivant.",
    },
    "ans.moment_running": {
        "en": "{moment} is already under way, with {left} left, less than this plan needs "
        "before “{phase}”: act now on what can still reach it (partners already under "
        "contract, your own channels, the point of sale), since creators and paid space are "
        "usually booked six to eight weeks ahead (an agency working rule), and shorten the "
        "phases before it.",
        "fr": "{moment} : c'est déjà en cours, il reste {left}, moins que ce qu'il faut avant "
        "« {phase} » : agissez maintenant sur ce qui peut encore en profiter (partenaires déjà "
        "sous contrat, vos propres canaux, le point de vente), car créateurs et espaces payants "
        "se réservent d'habitude six à huit semaines à l'avance (règle de travail de "
        "l'agence), et raccourcissez les phases qui précèdent.",
    },
    "ans.rest_of": {"en": "the rest of {moment}", "fr": "la suite de {moment}"},
    "ans.moment_window": {
        "en": "{moment}: with the go-ahead now, “{phase}” starts on {date}, inside that window, "
        "after the full run-up.",
        "fr": "{moment} : avec un feu vert maintenant, « {phase} » commence le {date}, dans "
        "cette fenêtre, après toute la préparation.",
    },
    "ans.moment_squeezed": {
        "en": "{moment} is {left} away, not the {planned} this run-up usually takes: the "
        "phases before “{phase}” are cut to fit, the essentials first, with the go-ahead "
        "by {go}.",
        "fr": "{moment} : il reste {left}, pas les {planned} que demande d'habitude cette "
        "préparation ; les phases avant « {phase} » sont resserrées, l'essentiel d'abord, "
        "feu vert au plus tard le {go}.",
    },
    "ans.moment_now": {
        "en": "{moment} is already under way: act within days on what can still reach it, and "
        "run the weeks below for its next edition (from {next}), with the go-ahead by {go}.",
        "fr": "{moment} : c'est déjà en cours ; agissez dans les jours qui viennent sur ce qui "
        "peut encore en profiter, et déroulez les semaines ci-dessous pour la prochaine édition "
        "(à partir du {next}), feu vert au plus tard le {go}.",
    },
    "ans.moment_past": {
        "en": "{moment} has already passed: plan for its next edition (from {next}), with the "
        "go-ahead by {go}, or run the relative weeks below from the go-ahead.",
        "fr": "{moment} : la date est déjà passée ; visez la prochaine édition (à partir du "
        "{next}), feu vert au plus tard le {go}, ou suivez les semaines ci-dessous à partir du "
        "feu vert.",
    },
    "ans.year_window": {
        "en": "The brief gives the whole of {when}: no single date to count back from, so the "
        "phases run from the go-ahead.",
        "fr": "Le brief donne toute l'année {when} : pas de date unique à viser, les phases "
        "courent à partir du feu vert.",
    },
    "ans.too_close": {
        "en": "{moment} comes too soon for the whole run-up: use it for a light first presence "
        "(product seeding, a comment to the press), and make the full arrival after it.",
        "fr": "{moment} arrive trop tôt pour toute la préparation : servez-vous-en pour une "
        "première présence légère (envoi de produits, réaction à la presse), et faites "
        "l'arrivée complète après.",
    },
    "ans.anchor": {
        "en": "Anchored on the moment that matters for this brief: {moment}.",
        "fr": "Calé sur le moment qui compte pour ce brief : {moment}.",
    },
    "ans.span": {
        "en": "No start date in the brief: the plan runs {span}, counted from the go-ahead.",
        "fr": "Pas de date de départ dans le brief : le plan court {span} à partir du feu vert.",
    },
    "ans.span_months": {"en": "over {n} months", "fr": "sur {n} mois"},
    "ans.span_weeks": {"en": "over {n} weeks", "fr": "sur {n} semaines"},
    "ans.span_years": {"en": "over {n} years", "fr": "sur {n} ans"},
    "ans.approx_when": {
        "en": "{month}, exact dates to confirm",
        "fr": "{month}, dates exactes à confirmer",
    },
    "ans.span_one_months": {"en": "over one month", "fr": "sur un mois"},
    "ans.span_one_weeks": {"en": "over one week", "fr": "sur une semaine"},
    "ans.span_one_years": {"en": "over one year", "fr": "sur un an"},
    "ans.relative": {
        "en": "No date in the brief: the weeks count from the go-ahead.",
        "fr": "Pas de date dans le brief : les semaines comptent à partir du feu vert.",
    },
    "ans.relative_months": {
        "en": "No date in the brief: the months count from the go-ahead.",
        "fr": "Pas de date dans le brief : les mois comptent à partir du feu vert.",
    },
    "ans.allowed": {"en": "What remains possible:", "fr": "Ce qui reste possible :"},
    "ans.ruled_out": {"en": "Ruled out by the rule:", "fr": "Exclu par la règle :"},
    "ans.no_rule": {
        "en": "No sector rule of {market} in the knowledge base applies here; the general "
        "advertising and disclosure rules still do.",
        "fr": "Aucune règle sectorielle de la base ne s'applique ici pour {market} ; les règles "
        "générales de publicité et de transparence, si.",
    },
    "ans.go_default": {
        "en": "Go, provided the claims are substantiated and every paid collaboration is "
        "disclosed.",
        "fr": "Go, à condition que chaque allégation soit prouvée et chaque collaboration "
        "rémunérée signalée.",
    },
    "ans.experts": {
        "en": "Win the few experts who are trusted on this subject first ({experts}); their peers "
        "relay them",
        "fr": "Convaincre d'abord les quelques experts écoutés sur ce sujet ({experts}) ; leurs "
        "pairs les relaient",
    },
    "learn.why": {"en": "Why it matters", "fr": "Pourquoi c'est important"},
    "learn.how": {"en": "How to do it", "fr": "Comment faire"},
    "learn.mistake": {"en": "The common mistake", "fr": "L'erreur fréquente"},
    "ans.languages": {
        "en": "Speak to this market in {languages}: statements, content and spokespeople",
        "fr": "S'adresser à ce marché en {languages} : déclarations, contenus et porte-parole",
    },
    "ans.pm_languages": {"en": "in {languages}", "fr": "en {languages}"},
    "ans.caution_other": {
        "en": "a warning case (documented in French)",
        "fr": "un cas d'école à éviter (documenté en anglais)",
    },
    "ans.comparable_why": {"en": "comparable for its {what}", "fr": "comparable par {what}"},
    "ans.comparable_where": {
        "en": "it ran in {where}, so check what transfers",
        "fr": "menée en {where} : vérifier ce qui se transpose",
    },
    "ans.comparable_worldwide": {
        "en": "it ran worldwide, so check what transfers to this market",
        "fr": "menée à l'échelle mondiale : vérifier ce qui se transpose à ce marché",
    },
    "ans.no_precedent": {
        "en": "No campaign in the base is close enough to {what} to serve as a precedent: better "
        "none than a stretched one, and ask the client which campaigns of its own trade it rates.",
        "fr": "Aucune campagne de la base n'est assez proche de {what} pour servir de précédent : "
        "mieux vaut aucun qu'un exemple forcé, et demander au client quelles campagnes de son "
        "secteur il estime.",
    },
    "ans.no_budget": {
        "en": "No budget in the brief: give one and I will split it by PESO role and by phase.",
        "fr": "Pas de budget dans le brief : donnez-en un et je le répartis par rôle PESO et par "
        "phase.",
    },
    "ans.split_peso": {"en": "By PESO role: {parts}", "fr": "Par rôle PESO : {parts}"},
    "ans.split_phase": {"en": "By phase: {parts}", "fr": "Par phase : {parts}"},
    "ans.split_month": {
        "en": "By month: {parts}, and {reserve} held back until the first results show what "
        "works (an agency working rule: a first burst, then a steady base)",
        "fr": "Par mois : {parts}, et {reserve} gardés en réserve jusqu'à ce que les premiers "
        "résultats montrent ce qui marche (une règle de travail de l'agence : un premier temps "
        "fort, puis une base régulière)",
    },
    "ans.split_month_peaks": {
        "en": "By month: {parts}, and {reserve} held back until the first results show what "
        "works (an agency working rule over a year: a burst on each of the market's moments, "
        "booked the month before, and a steady base between them)",
        "fr": "Par mois : {parts}, et {reserve} gardés en réserve jusqu'à ce que les premiers "
        "résultats montrent ce qui marche (une règle de travail de l'agence sur une année : un "
        "temps fort sur chaque moment du marché, préparé le mois d'avant, et une base régulière "
        "entre les deux)",
    },
    "ans.month_n": {"en": "month {n}", "fr": "mois {n}"},
    "ans.split_market": {
        "en": "By market, as a starting point to weight by each market's sales target (the "
        "first named leads, the others grow with their size): {parts}; {central} held "
        "centrally for what they share (one creative platform, translations, legal checks)",
        "fr": "Par marché, comme point de départ à pondérer selon l'objectif de ventes de "
        "chacun (le premier cité en tête, les autres selon leur taille) : {parts} ; {central} "
        "gardés au centre pour ce qu'ils partagent (une plateforme créative, les traductions, "
        "les vérifications juridiques)",
    },
    "ans.fees_converted": {
        "en": "; {currency} rates converted at reference rates",
        "fr": " ; tarifs en {currency} convertis aux taux de référence",
    },
    "ans.creators": {
        "en": "Creators on {platform}: the shared line ({amount}) pays for about {mix} — an "
        "industry estimate ({source}); local rates vary, so get quotes before committing",
        "fr": "Créateurs sur {platform} : la ligne partagée ({amount}) paie environ {mix} — une "
        "estimation du marché ({source}) ; les tarifs locaux varient, demandez des devis avant "
        "de vous engager",
    },
    "ans.creator_tier": {
        "en": "{count} {tier} creators × {each} {per} ({price} each)",
        "fr": "{count} créateurs {tier} × {each} {per} ({price} l'une)",
    },
    "ans.from_amount": {"en": "from {amount}", "fr": "à partir de {amount}"},
    "ans.small_budget": {
        "en": "At this level, no paid survey, no celebrity and no paid media at scale: earned and "
        "community levers do the work.",
        "fr": "À ce niveau, ni sondage payant, ni célébrité, ni achat média d'envergure : les "
        "leviers gagnés et communautaires font le travail.",
    },
    "ans.pm_channels": {"en": "channels: {channels}", "fr": "canaux : {channels}"},
    "ans.pm_rule": {"en": "rule that decides: {rule}", "fr": "règle qui décide : {rule}"},
    "ans.pm_moment": {"en": "moment: {moment}", "fr": "moment : {moment}"},
    "ans.seeded_here": {"en": "here, “{title}”: {what}", "fr": "ici, « {title} » : {what}"},
    "ans.pm_media": {"en": "media to pitch: {media}", "fr": "médias à démarcher : {media}"},
    "ans.pm_unprofiled": {
        "en": "no profile in the knowledge base yet: a local partner picks its media, creators "
        "and moment, and local counsel checks its advertising and influencer rules{eu}",
        "fr": "pas encore de profil dans la base : un partenaire local choisit ses médias, ses "
        "créateurs et son moment, et un conseil local vérifie ses règles de publicité et "
        "d'influence{eu}",
    },
    "ans.pm_unprofiled_eu": {
        "en": " (EU law applies there as in the other EU markets: unfair commercial practices, "
        "claims, GDPR)",
        "fr": " (le droit européen s'y applique comme ailleurs dans l'UE : pratiques "
        "commerciales déloyales, allégations, RGPD)",
    },
    "ans.can_do": {
        "en": "build an influence or communication plan for a brief (market, objective, audience, "
        "budget)\nfind big ideas for a subject\nexplain a concept of the craft (PESO, "
        "pitching, crisis, measurement)\nreview the risks of a campaign idea",
        "fr": "bâtir un plan d'influence ou de communication pour un brief (marché, objectif, "
        "cible, budget)\ntrouver des grandes idées sur un sujet\nexpliquer une notion du "
        "métier (PESO, pitch, crise, mesure)\npasser en revue les risques d'une idée de "
        "campagne",
    },
    "ans.which": {
        "en": "Before I answer: is this rather {a} or {b}? (Or something else: tell me in a few "
        "words.)",
        "fr": "Avant de répondre : s'agit-il plutôt de {a} ou de {b} ? (Ou d'autre chose : "
        "dites-le en quelques mots.)",
    },
    # ---- plan title and summary -----------------------------------------------------------
    "plan.title": {"en": "Plan — {what}", "fr": "Plan — {what}"},
    "plan.summary": {
        "en": "In short: {mechanics}, on {channels}, from {start} to {end}.",
        "fr": "En bref : {mechanics}, sur {channels}, du {start} au {end}.",
    },
    "plan.unprofiled": {
        "en": "{markets}: named in the brief, but the knowledge base has no profile for this "
        "market yet (media, rules, moments), so the plan below does not cover it; plan it with a "
        "local partner",
        "fr": "{markets} : cité dans le brief, mais la base n'a pas encore de profil pour ce "
        "marché (médias, règles, temps forts), donc le plan ci-dessous ne le couvre pas ; à "
        "planifier avec un partenaire local",
    },
    "plan.unprofiled_multi": {
        "en": "{markets}: named in the brief, but the knowledge base has no profile for it yet "
        "(media, rules, moments): it keeps its place in the split and the table below, and a "
        "local partner sets its channels, voices and local rules",
        "fr": "{markets} : cité dans le brief, mais la base n'a pas encore de profil pour ce "
        "marché (médias, règles, temps forts) : il garde sa place dans la répartition et le "
        "tableau ci-dessous, et un partenaire local fixe ses canaux, ses voix et ses règles "
        "locales",
    },
    "plan.assume_global": {
        "en": "market not stated: a market-neutral mix",
        "fr": "marché non précisé : un mix sans marché particulier",
    },
    "plan.assume_objective": {
        "en": "objective not stated: assumed awareness",
        "fr": "objectif non précisé : notoriété par défaut",
    },
    "plan.assume_audience": {
        "en": "audience not stated: the general public of the market",
        "fr": "cible non précisée : le grand public du marché",
    },
    "plan.no_knowledge": {
        "en": "My knowledge base has no mechanics loaded yet, so I cannot build a grounded plan."
        " Run `levier ingest`, then ask again.",
        "fr": "Ma base de connaissances ne contient encore aucune mécanique : je ne peux pas "
        "construire de plan sourcé. Lancez `levier ingest`, puis reposez la question.",
    },
    # ---- targeting ------------------------------------------------------------------------
    "tgt.core": {"en": "Core segment: {who}", "fr": "Segment cœur : {who}"},
    "tgt.core_why": {
        "en": "Fine targeting first: one precise community, one behaviour to trigger",
        "fr": "D'abord un ciblage fin : une communauté précise, un comportement à déclencher",
    },
    "tgt.base_pro": {
        "en": "Engagement base: {n} practitioners inside the segment — first customers, users "
        "and peers who post on LinkedIn, answer in trade forums and speak at meetups — many "
        "small acts of engagement, made at work",
        "fr": "Socle d'engagement : {n} praticiens au cœur du segment — premiers clients, "
        "utilisateurs et pairs qui publient sur LinkedIn, répondent dans les forums métier et "
        "prennent la parole en meetup — beaucoup de petits actes d'engagement, au travail",
    },
    "tgt.base": {
        "en": "Engagement base: {n} nano (1K–10K) and micro (10K–50K) creators inside the "
        "segment — many small acts of engagement",
        "fr": "Socle d'engagement : {n} créateurs nano (1K–10K) et micro (10K–50K) au cœur du "
        "segment — beaucoup de petits actes d'engagement",
    },
    "tgt.circle": {
        "en": "Circle of influence: a few real experts ({experts}) — few, credible, relayed",
        "fr": "Cercle d'influence : quelques vrais experts ({experts}) — peu nombreux, "
        "crédibles, relayés",
    },
    "tgt.media": {
        "en": "Media targets: {media}",
        "fr": "Cibles médias : {media}",
    },
    "tgt.media_local": {
        "en": "local press in {cities}",
        "fr": "presse locale ({cities})",
    },
    "tgt.media_audience": {
        "en": "where {who} are reached",
        "fr": "là où l'on touche {who}",
    },
    "tgt.experts_default": {
        "en": "the specialists this audience already reads, to name with the client",
        "fr": "les spécialistes que cette cible lit déjà, à nommer avec le client",
    },
    "tgt.internal": {
        "en": "Internal first: employees and partners as the first relays",
        "fr": "D'abord en interne : collaborateurs et partenaires comme premiers relais",
    },
    "tgt.stakeholders": {
        "en": "Stakeholders to brief before the public: {who}",
        "fr": "Parties prenantes à informer avant le public : {who}",
    },
    # ---- channels -------------------------------------------------------------------------
    "ch.line": {"en": "{channel} — {role}: {why}", "fr": "{channel} — {role} : {why}"},
    "ch.why_fit": {
        "en": "the usual stage for this kind of brief",
        "fr": "la scène habituelle pour ce type de brief",
    },
    "ch.why_named": {
        "en": "named in the question, where the conversation already is",
        "fr": "cité dans la question, là où la conversation a déjà lieu",
    },
    "ch.why_market": {
        "en": "among the most used in {market}",
        "fr": "parmi les plus utilisés en {market}",
    },
    "ch.why_mechanic": {"en": "typical of {mechanic}", "fr": "typique de {mechanic}"},
    "ch.why_age": {"en": "strongest on {bands}", "fr": "plus fort sur les {bands}"},
    "ch.why_peso_owned": {
        "en": "where every other line sends people",
        "fr": "là où renvoient toutes les autres lignes",
    },
    "ch.why_peso_owned_about": {
        "en": "the page on {about} that every other line links to",
        "fr": "la page sur {about} vers laquelle renvoient toutes les autres lignes",
    },
    "ch.why_peso_earned_about": {
        "en": "the credibility on {about} that no paid line can buy",
        "fr": "la crédibilité sur {about} qu'aucune ligne payante n'achète",
    },
    "ch.why_peso_earned": {
        "en": "the credibility no paid line can buy",
        "fr": "la crédibilité qu'aucune ligne payante n'achète",
    },
    "ch.why_audience": {
        "en": "where {who} are in this market",
        "fr": "là où sont {who} sur ce marché",
    },
    "ch.local": {
        "en": "The local press of {cities}",
        "fr": "La presse de {cities}",
    },
    "ch.audience": {
        "en": "Where {who} are reached",
        "fr": "Là où l'on touche {who}",
    },
    "ch.why_cn": {
        "en": "a Chinese platform where the audience actually is",
        "fr": "une plateforme chinoise, là où est réellement l'audience",
    },
    # ---- timing ---------------------------------------------------------------------------
    "tm.line": {
        "en": "{phase} — {start} → {end}: {what}",
        "fr": "{phase} — {start} → {end} : {what}",
    },
    "tm.anchor": {"en": "anchor on {events}", "fr": "s'appuyer sur {events}"},
    "tm.quiet": {
        "en": "press launch moved out of {event} (quiet period)",
        "fr": "lancement presse sorti de la période creuse ({event})",
    },
    "tm.quiet_kept": {
        "en": "your date falls in {event} (quiet period): hold the press push until {date}",
        "fr": "votre date tombe pendant {event} (période creuse) : gardez la poussée presse "
        "pour le {date}",
    },
    "tm.pitch": {
        "en": "pitch journalists Tuesday to Thursday, before 11 a.m.",
        "fr": "pitcher les journalistes du mardi au jeudi, avant 11 h",
    },
    "phase.teasing": {"en": "Teasing", "fr": "Teasing"},
    "phase.launch": {"en": "Launch", "fr": "Lancement"},
    "phase.amplification": {"en": "Amplification", "fr": "Amplification"},
    "phase.sustain": {"en": "Sustain", "fr": "Entretien"},
    "phase.first-hours": {"en": "First hours (0–48 h)", "fr": "Premières heures (0–48 h)"},
    "phase.first-days": {"en": "First days", "fr": "Premiers jours"},
    "phase.recovery": {"en": "Recovery", "fr": "Reconstruction"},
    "phase.do.teasing": {
        "en": "seed creators and experts, embargoed briefings, owned teasers",
        "fr": "seeding créateurs et experts, briefings sous embargo, teasers sur les médias "
        "propres",
    },
    "phase.do.launch": {
        "en": "press release and pitches, first creator wave, owned hub live",
        "fr": "communiqué et pitchs presse, première vague de créateurs, hub propriétaire en ligne",
    },
    "phase.do.amplification": {
        "en": "boost the best posts with paid, second wave, expert voices",
        "fr": "booster les meilleurs posts en paid, deuxième vague, prises de parole d'experts",
    },
    "phase.do.sustain": {
        "en": "keep the best creators as ambassadors, recycle content, measure outcomes",
        "fr": "garder les meilleurs créateurs comme ambassadeurs, recycler les contenus, "
        "mesurer les résultats",
    },
    "phase.do.teasing.b2b": {
        "en": "brief analysts and key trade journalists, prepare the flagship content and "
        "the spokespeople",
        "fr": "briefer analystes et journalistes spécialisés clés, préparer le contenu phare "
        "et les porte-parole",
    },
    "phase.do.launch.b2b": {
        "en": "publish the flagship content (study, point of view), trade-press pitches, "
        "LinkedIn from leaders and employees",
        "fr": "publier le contenu phare (étude, point de vue), pitchs presse professionnelle, "
        "LinkedIn des dirigeants et des collaborateurs",
    },
    "phase.do.amplification.b2b": {
        "en": "speaking slots at trade events, webinars, sponsored LinkedIn to the target accounts",
        "fr": "interventions sur les salons, webinaires, LinkedIn sponsorisé vers les comptes "
        "cibles",
    },
    "phase.do.sustain.b2b": {
        "en": "nurture leads with follow-up content, analyst updates, measure pipeline",
        "fr": "nourrir les leads avec des contenus de suivi, points analystes, mesurer le pipeline",
    },
    "phase.do.teasing.employer": {
        "en": "recruit and train volunteer employees, collect their stories, refresh the careers "
        "page",
        "fr": "recruter et former des salariés volontaires, recueillir leurs histoires, "
        "rafraîchir la page carrières",
    },
    "phase.do.launch.employer": {
        "en": "first wave of employee posts, careers content live, pitches to HR and trade media",
        "fr": "première vague de posts des collaborateurs, contenus carrières en ligne, pitchs "
        "aux médias RH et spécialisés",
    },
    "phase.do.amplification.employer": {
        "en": "meet-ups, schools and events; boost the best employee posts to candidates",
        "fr": "meet-ups, écoles et événements ; booster les meilleurs posts des collaborateurs "
        "vers les candidats",
    },
    "phase.do.sustain.employer": {
        "en": "a monthly rhythm of stories, measure qualified applications",
        "fr": "un rythme mensuel d'histoires, mesurer les candidatures qualifiées",
    },
    "phase.do.first-hours": {
        "en": "acknowledge, state facts, say what you are doing; one spokesperson; pause "
        "scheduled posts",
        "fr": "reconnaître, donner les faits, dire ce que vous faites ; un seul porte-parole ; "
        "suspendre les posts programmés",
    },
    "phase.do.first-days": {
        "en": "regular updates, brief employees and partners, answer media and community",
        "fr": "points réguliers, informer salariés et partenaires, répondre aux médias et à la "
        "communauté",
    },
    "phase.do.recovery": {
        "en": "proof of change, third-party voices, measure sentiment back to baseline",
        "fr": "preuves du changement, voix tierces, mesurer le retour du sentiment à la normale",
    },
    # ---- mechanics ------------------------------------------------------------------------
    "mx.line": {
        "en": "{mechanic} {cite} (fit {score}) — why: {reasons}",
        "fr": "{mechanic} {cite} (adéquation {score}) — pourquoi : {reasons}",
    },
    "mx.limit": {"en": "; limit: {limits}", "fr": " ; limite : {limits}"},
    "mx.evidence": {
        "en": "Comparable campaigns: {campaigns}",
        "fr": "Campagnes comparables : {campaigns}",
    },
    "mx.combo": {
        "en": "Combine the base of engagement with a circle of influence: that is where "
        "campaigns succeed",
        "fr": "Combiner le socle d'engagement et le cercle d'influence : c'est là que les "
        "campagnes réussissent",
    },
    "why.objective": {"en": "serves {objective}", "fr": "sert l'objectif {objective}"},
    "why.objective_partial": {
        "en": "also serves {objective}",
        "fr": "sert aussi l'objectif {objective}",
    },
    "why.objective_miss": {
        "en": "not built for {objective}",
        "fr": "pas conçue pour l'objectif {objective}",
    },
    "why.audience": {"en": "reaches {audience}", "fr": "touche {audience}"},
    "why.audience_miss": {"en": "weak on {audience}", "fr": "faible sur {audience}"},
    "why.budget": {"en": "fits a {band} budget", "fr": "adaptée à un budget {band}"},
    "why.budget_low": {
        "en": "needs more than a {band} budget",
        "fr": "demande plus qu'un budget {band}",
    },
    "why.budget_high": {
        "en": "usually run on smaller budgets than {band}",
        "fr": "se mène d'habitude avec moins qu'un budget {band}",
    },
    "why.market": {"en": "works in {market}", "fr": "fonctionne en {market}"},
    "why.market_miss": {"en": "rarely used in {market}", "fr": "rarement utilisée en {market}"},
    "why.sector": {"en": "proven in {sector}", "fr": "éprouvée dans le secteur {sector}"},
    "why.avoid_sector": {
        "en": "risky fit for {sector}",
        "fr": "mal adaptée au secteur {sector}",
    },
    "why.legal": {
        "en": "legally constrained for {sector} in {market} ({law})",
        "fr": "juridiquement encadrée pour le secteur {sector} en {market} ({law})",
    },
    "why.constraint": {
        "en": "ruled out by the brief ({constraint})",
        "fr": "exclue par le brief ({constraint})",
    },
    "why.topic": {"en": "matches “{word}”", "fr": "correspond à « {word} »"},
    "why.crisis_first": {
        "en": "in a crisis, response comes first",
        "fr": "en crise, la réponse passe avant tout",
    },
    # ---- kpis -----------------------------------------------------------------------------
    "kpi.barcelona": {
        "en": "Measure outcomes, not vanity metrics: no AVEs; set a baseline before launch",
        "fr": "Mesurer des résultats, pas des métriques de vanité : pas d'équivalence "
        "publicitaire (AVE) ; fixer une base de référence avant le lancement",
    },
    "kpi.barcelona.crisis": {
        "en": "Measure outcomes, not mentions: sentiment, trust and behaviour against the "
        "pre-crisis baseline; no AVEs",
        "fr": "Mesurer des résultats, pas des mentions : sentiment, confiance et comportements "
        "comparés à l'avant-crise ; pas d'équivalence publicitaire (AVE)",
    },
    # ---- risks ----------------------------------------------------------------------------
    "risk.rule": {"en": "{market} — {rule}", "fr": "{market} — {rule}"},
    "risk.mechanic": {"en": "{mechanic}: {risk}", "fr": "{mechanic} : {risk}"},
    "risk.see": {
        "en": "local {topic} rules apply: check the market profile",
        "fr": "règles locales ({topic}) à respecter : voir la fiche marché",
    },
    # ---- ideas ----------------------------------------------------------------------------
    "idea.title": {"en": "Big ideas — {what}", "fr": "Grandes idées — {what}"},
    "idea.insight": {"en": "Insight", "fr": "Insight"},
    "idea.mechanic": {"en": "Mechanic", "fr": "Mécanique"},
    "idea.spread": {"en": "How it spreads", "fr": "Comment ça se diffuse"},
    "idea.first_step": {"en": "First step", "fr": "Première étape"},
    "src.market": {"en": "{market} — market profile", "fr": "{market} — profil de marché"},
    "src.rule": {
        "en": "{market} — the rules that decide a plan",
        "fr": "{market} — les règles qui décident d'un plan",
    },
    "src.calendar": {"en": "{market} — calendar", "fr": "{market} — calendrier"},
    "idea.pattern": {"en": "Pattern borrowed from", "fr": "Schéma emprunté à"},
    "idea.guard_all": {"en": "Guard-rail for every idea:", "fr": "Garde-fou pour chaque idée :"},
    "idea.guard": {"en": "Guard-rail", "fr": "Garde-fou"},
    "idea.none": {
        "en": "I found no mechanics in the knowledge base to build ideas from.",
        "fr": "Je n'ai trouvé aucune mécanique dans la base pour construire des idées.",
    },
    # ---- learn ----------------------------------------------------------------------------
    "learn.title": {"en": "Learn — {concept}", "fr": "Apprendre — {concept}"},
    "learn.explanation": {"en": "In short", "fr": "En bref"},
    "learn.applied": {"en": "Applied to your case", "fr": "Appliqué à votre cas"},
    "learn.example": {"en": "Example", "fr": "Exemple"},
    "learn.glossary": {"en": "Glossary", "fr": "Glossaire"},
    "learn.check": {"en": "Check yourself", "fr": "Pour vérifier"},
    "learn.from_doc": {
        "en": "{summary}",
        "fr": "{summary}",
    },
    "learn.see_doc": {
        "en": "The concept is covered in “{title}”{n}.",
        "fr": "Le concept est présenté dans « {title} »{n} (source en anglais).",
    },
    "learn.nothing": {
        "en": "I found nothing on this in the knowledge base yet. Try a concept such as "
        "“PESO model”, “two-step flow” or “micro-influencers”.",
        "fr": "Je n'ai encore rien trouvé sur ce sujet dans la base. Essayez un concept comme "
        "« modèle PESO », « two-step flow » ou « micro-influenceurs ».",
    },
    "learn.example_line": {
        "en": "{campaign} — mechanic: {mechanic}",
        "fr": "{campaign} — mécanique : {mechanic}",
    },
    "learn.check_composed": {
        "en": "How would you apply “{concept}” to a launch for one of your clients, and which "
        "outcome would you measure?",
        "fr": "Comment appliqueriez-vous « {concept} » au lancement d'un de vos clients, et quel "
        "résultat mesureriez-vous ?",
    },
    # ---- help / other / clarifying ----------------------------------------------------------
    "help.how": {
        "en": "Tell me about your campaign in one or two sentences — market, objective, "
        "audience and, if you can, budget and timing. For example:\n"
        "> Launch of a vegan skincare brand in France for 25–35 year-old women, "
        "80 k€, in March.\n"
        "You can also ask for *big ideas* (“ideas for…”) or to *learn* a concept "
        "(“what is the PESO model?”).",
        "fr": "Décrivez votre campagne en une ou deux phrases — marché, objectif, cible, et si "
        "possible budget et calendrier. Par exemple :\n"
        "> Lancement d'une marque de soins vegan en France auprès des femmes de 25-35 ans, "
        "80 k€, en mars.\n"
        "Vous pouvez aussi demander des *grandes idées* (« des idées pour… ») ou *apprendre* "
        "un concept (« c'est quoi le modèle PESO ? »).",
    },
    "help.empty": {
        "en": "I did not get a question.",
        "fr": "Je n'ai pas reçu de question.",
    },
    "help.unclear": {
        "en": "I could not make out a brief in that message.",
        "fr": "Je n'ai pas réussi à y lire un brief.",
    },
    "other.redirect": {
        "en": "Hello! I am Levier, the agency's engagement & influence assistant. I build "
        "grounded campaign plans (targeting, channels, timing, mechanic, KPIs, compliance), "
        "propose big ideas, and explain concepts — always citing the agency's knowledge base.",
        "fr": "Bonjour ! Je suis Levier, l'assistant engagement & influence de l'agence. Je "
        "construis des plans de campagne sourcés (ciblage, canaux, calendrier, mécanique, KPIs, "
        "conformité), je propose des grandes idées et j'explique les concepts — toujours en "
        "citant la base de connaissances de l'agence.",
    },
    "notice.truncated": {
        "en": "Your message was long: I read its first {n} characters.",
        "fr": "Votre message était long : j'en ai lu les {n} premiers caractères.",
    },
    "notice.llm_unavailable": {
        "en": "The language model is unavailable; this is the offline answer.",
        "fr": "Le modèle de langage est indisponible ; voici la réponse hors ligne.",
    },
    "notice.index_unavailable": {
        "en": "My knowledge index is unavailable right now: this answer uses the catalog only.",
        "fr": "Mon index de connaissances est indisponible : cette réponse n'utilise que le "
        "catalogue.",
    },
    "notice.error": {
        "en": "Something went wrong on my side. Please try again in a moment.",
        "fr": "Un problème est survenu de mon côté. Réessayez dans un instant.",
    },
    "clarify.intro": {
        "en": "To sharpen this plan, tell me {missing}.",
        "fr": "Pour affiner ce plan, précisez-moi {missing}.",
    },
    "clarify.market": {"en": "the market (country)", "fr": "le marché (pays)"},
    "clarify.objective": {
        "en": "the objective (launch, awareness, leads…)",
        "fr": "l'objectif (lancement, notoriété, leads…)",
    },
    "clarify.audience": {"en": "the audience (who, what age)", "fr": "la cible (qui, quel âge)"},
    "and": {"en": "and", "fr": "et"},
    # ---- chat -----------------------------------------------------------------------------
    "chat.welcome": {
        "en": "Levier — engagement & influence assistant. Ask in English or French; "
        "'exit' to quit.",
        "fr": "Levier — assistant engagement & influence. Posez vos questions en français ou "
        "en anglais ; « exit » pour quitter.",
    },
    "chat.examples": {
        "en": "Examples:\n  • Launch of a vegan skincare brand in France for 25–35 women, "
        "80 k€, in March\n  • What is the two-step flow?",
        "fr": "Exemples :\n  • Lancement d'une marque de soins vegan en France auprès des "
        "25-35 ans, 80 k€, en mars\n  • C'est quoi le modèle PESO ?",
    },
    "chat.error": {
        "en": "Sorry, something went wrong with that question. Please try again or rephrase it.",
        "fr": "Désolé, un problème est survenu avec cette question. Réessayez ou reformulez.",
    },
    "chat.bye": {"en": "Bye!", "fr": "À bientôt !"},
    # ---- Slack interface (bot/slack) ----------------------------------------------------
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

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "objective": {
        "awareness": ("awareness", "notoriété"),
        "launch": ("launch", "lancement"),
        "consideration": ("consideration", "considération"),
        "conversion": ("conversion", "conversion"),
        "engagement": ("engagement", "engagement"),
        "reputation": ("reputation", "réputation"),
        "crisis": ("crisis management", "gestion de crise"),
        "b2b-leads": ("B2B leads", "leads B2B"),
        "employer-brand": ("employer brand", "marque employeur"),
        "advocacy": ("advocacy", "plaidoyer"),
        "community": ("community", "communauté"),
        "thought-leadership": ("thought leadership", "leadership d'opinion"),
        "loyalty": ("loyalty", "fidélisation"),
    },
    "audience": {
        "gen-z": ("Gen Z", "la génération Z"),
        "millennials": ("millennials", "les millennials"),
        "gen-x": ("Gen X", "la génération X"),
        "boomers": ("boomers", "les boomers"),
        "parents": ("parents", "les parents"),
        "students": ("students", "les étudiants"),
        "women": ("women", "les femmes"),
        "men": ("men", "les hommes"),
        "professionals": ("professionals", "les professionnels"),
        "b2b-decision-makers": ("B2B decision-makers", "les décideurs B2B"),
        "developers": ("developers", "les développeurs"),
        "journalists": ("journalists", "les journalistes"),
        "policymakers": ("policymakers", "les décideurs publics"),
        "employees": ("employees", "les salariés"),
        "candidates": ("candidates", "les candidats"),
        "gamers": ("gamers", "les gamers"),
        "health-professionals": ("health professionals", "les professionnels de santé"),
        "investors": ("investors", "les investisseurs"),
        "local-communities": ("local communities", "les communautés locales"),
        "general-public": ("the general public", "le grand public"),
    },
    "sector": {
        "beauty": ("beauty", "beauté"),
        "fashion": ("fashion", "mode"),
        "luxury": ("luxury", "luxe"),
        "food-beverage": ("food & beverage", "alimentation & boissons"),
        "alcohol": ("alcohol", "alcool"),
        "retail": ("retail", "distribution"),
        "tech": ("tech", "tech"),
        "telecom": ("telecom", "télécoms"),
        "automotive": ("automotive", "automobile"),
        "mobility": ("mobility", "mobilité"),
        "travel-tourism": ("travel & tourism", "voyage & tourisme"),
        "finance": ("finance", "finance"),
        "insurance": ("insurance", "assurance"),
        "health-pharma": ("health & pharma", "santé & pharma"),
        "energy": ("energy", "énergie"),
        "public-sector": ("public sector", "secteur public"),
        "ngo": ("NGO", "ONG"),
        "sports": ("sports", "sport"),
        "entertainment-media": ("entertainment & media", "divertissement & médias"),
        "gaming": ("gaming", "jeu vidéo"),
        "gambling": ("gambling and betting", "jeux d'argent et paris"),
        "b2b-industry": ("B2B industry", "industrie B2B"),
        "agriculture": ("agriculture", "agriculture"),
        "consumer-goods": ("consumer goods", "produits de grande consommation"),
        "home": ("home", "maison"),
        "education": ("education", "éducation"),
        "culture": ("culture", "culture"),
    },
    "market": {
        "global": ("global", "international"),
        "europe": ("Europe", "Europe"),
        "fr": ("France", "France"),
        "de": ("Germany", "Allemagne"),
        "uk": ("the UK", "Royaume-Uni"),
        "us": ("the US", "États-Unis"),
        "es": ("Spain", "Espagne"),
        "it": ("Italy", "Italie"),
        "be": ("Belgium", "Belgique"),
        "ch": ("Switzerland", "Suisse"),
        "cn": ("China", "Chine"),
        "jp": ("Japan", "Japon"),
        "br": ("Brazil", "Brésil"),
        "gulf": ("the Gulf states", "pays du Golfe"),
        # homes only (gazetteer.FOREIGN_ORIGINS): no profile, never a target
        "nl": ("the Netherlands", "Pays-Bas"),
        "dk": ("Denmark", "Danemark"),
        "se": ("Sweden", "Suède"),
        "no": ("Norway", "Norvège"),
        "fi": ("Finland", "Finlande"),
        "at": ("Austria", "Autriche"),
        "pt": ("Portugal", "Portugal"),
        "pl": ("Poland", "Pologne"),
        "ie": ("Ireland", "Irlande"),
        "kr": ("South Korea", "Corée du Sud"),
        "in": ("India", "Inde"),
        "ca": ("Canada", "Canada"),
        "au": ("Australia", "Australie"),
        "il": ("Israel", "Israël"),
        "mx": ("Mexico", "Mexique"),
        "ma": ("Morocco", "Maroc"),
        "tr": ("Turkey", "Turquie"),
        "sg": ("Singapore", "Singapour"),
        "co": ("Colombia", "Colombie"),
        "ar": ("Argentina", "Argentine"),
        "za": ("South Africa", "Afrique du Sud"),
    },
    "band": {
        "low": ("low (< 50 k€)", "modeste (< 50 k€)"),
        "medium": ("medium (50–250 k€)", "moyen (50–250 k€)"),
        "high": ("high (250 k€–1 M€)", "élevé (250 k€–1 M€)"),
        "very-high": ("very high (> 1 M€)", "très élevé (> 1 M€)"),
    },
    "role": {
        "paid": ("paid", "payant"),
        "earned": ("earned", "gagné"),
        "shared": ("shared", "partagé"),
        "owned": ("owned", "propre"),
    },
    "family": {
        "influencer": ("influencer", "influence"),
        "earned": ("earned media", "médias gagnés"),
        "community": ("community", "communauté"),
        "advocacy": ("advocacy", "plaidoyer"),
        "content": ("content", "contenu"),
        "experiential": ("experiential", "expérientiel"),
        "commerce": ("commerce", "commerce"),
        "crisis": ("crisis", "crise"),
    },
    "mechanic": {
        "mechanic-micro-influencer-swarm": (
            "Micro-influencer swarm",
            "Essaim de micro-influenceurs",
        ),
        "mechanic-expert-kol-endorsement": ("Expert KOL endorsement", "Caution d'experts (KOL)"),
        "mechanic-brand-ambassador-programme": (
            "Brand ambassador programme",
            "Programme d'ambassadeurs",
        ),
        "mechanic-creator-commerce-affiliation": (
            "Creator commerce & affiliation",
            "Commerce de créateurs & affiliation",
        ),
        "mechanic-employee-advocacy": ("Employee advocacy", "Prise de parole des collaborateurs"),
        "mechanic-ugc-challenge": ("UGC challenge", "Challenge UGC"),
        "mechanic-community-co-creation": ("Community co-creation", "Co-création communautaire"),
        "mechanic-earned-media-stunt": ("Earned-media stunt", "Coup médiatique (stunt)"),
        "mechanic-data-report-barometer": ("Data report / barometer", "Baromètre / étude data"),
        "mechanic-newsjacking": ("Newsjacking", "Newsjacking"),
        "mechanic-thought-leadership": ("Thought leadership", "Leadership d'opinion"),
        "mechanic-event-experiential": ("Event & experiential", "Événementiel & expérientiel"),
        "mechanic-brand-partnership": (
            "Partnership and collaboration",
            "Partenariats et collaborations",
        ),
        "mechanic-cause-led-activism": ("Cause-led activism", "Engagement pour une cause"),
        "mechanic-live-streaming-gaming": ("Live streaming & gaming", "Live streaming & gaming"),
        "mechanic-b2b-analyst-relations": ("B2B analyst relations", "Relations analystes B2B"),
        "mechanic-crisis-response": ("Crisis response", "Réponse de crise"),
    },
    # A mechanic as a sentence says it, with its article: "then a micro-influencer swarm to make
    # people try it", not "then Micro-influencer swarm".
    "mechanic_said": {
        "mechanic-micro-influencer-swarm": (
            "a micro-influencer swarm",
            "un essaim de micro-influenceurs",
        ),
        "mechanic-expert-kol-endorsement": (
            "the endorsement of a few trusted experts",
            "la caution de quelques experts reconnus",
        ),
        "mechanic-brand-ambassador-programme": (
            "a brand ambassador programme",
            "un programme d'ambassadeurs",
        ),
        "mechanic-creator-commerce-affiliation": (
            "creator commerce and affiliation",
            "le commerce de créateurs et l'affiliation",
        ),
        "mechanic-employee-advocacy": (
            "employee advocacy",
            "la prise de parole des collaborateurs",
        ),
        "mechanic-ugc-challenge": ("a UGC challenge", "un challenge UGC"),
        "mechanic-community-co-creation": (
            "community co-creation",
            "la co-création avec la communauté",
        ),
        "mechanic-earned-media-stunt": ("an earned-media stunt", "un coup médiatique"),
        "mechanic-data-report-barometer": (
            "a data report or barometer",
            "un baromètre ou une étude data",
        ),
        "mechanic-newsjacking": ("newsjacking", "le newsjacking"),
        "mechanic-thought-leadership": ("thought leadership", "le leadership d'opinion"),
        "mechanic-event-experiential": (
            "an event people live first-hand",
            "un événement à vivre en vrai",
        ),
        "mechanic-brand-partnership": ("a partnership", "un partenariat"),
        "mechanic-cause-led-activism": ("cause-led activism", "un engagement pour une cause"),
        "mechanic-live-streaming-gaming": (
            "live streaming and gaming",
            "le live streaming et le gaming",
        ),
        "mechanic-b2b-analyst-relations": (
            "B2B analyst relations",
            "les relations analystes B2B",
        ),
        "mechanic-crisis-response": ("a crisis response", "une réponse de crise"),
    },
    "channel": {
        "channel-instagram": ("Instagram", "Instagram"),
        "channel-tiktok": ("TikTok", "TikTok"),
        "channel-youtube": ("YouTube", "YouTube"),
        "channel-linkedin": ("LinkedIn", "LinkedIn"),
        "channel-x": ("X", "X"),
        "channel-twitch": ("Twitch", "Twitch"),
        "channel-snapchat": ("Snapchat", "Snapchat"),
        "channel-facebook": ("Facebook", "Facebook"),
        "channel-podcasts": ("Podcasts", "Podcasts"),
        "channel-newsletters": ("Newsletters", "Newsletters"),
        "channel-press-national": ("National press", "Presse nationale"),
        "channel-press-regional": ("Regional press", "Presse régionale"),
        "channel-press-trade": ("Trade press", "Presse professionnelle"),
        "channel-events": ("Events", "Événements"),
        "channel-wechat": ("WeChat", "WeChat"),
        "channel-weibo": ("Weibo", "Weibo"),
        "channel-xiaohongshu": ("Xiaohongshu (RED)", "Xiaohongshu (RED)"),
        "channel-douyin": ("Douyin", "Douyin"),
        "channel-owned-media": (
            "Owned media (site, newsroom)",
            "Médias propriétaires (site, newsroom)",
        ),
    },
    "kind": {
        "principle": ("principle", "principe"),
        "mechanic": ("mechanic", "mécanique"),
        "channel": ("channel", "canal"),
        "market": ("market", "marché"),
        "calendar": ("calendar", "calendrier"),
        "campaign": ("campaign", "campagne"),
        "glossary": ("glossary", "glossaire"),
        "lesson": ("lesson", "leçon"),
        "playbook": ("playbook", "fiche méthode"),
        "rule": ("rules", "règles"),
        "circle": ("circles of influence", "cercles d'influence"),
        "idea": ("idea patterns", "ressorts créatifs"),
    },
    "lang": {
        "ar": ("Arabic", "arabe"),
        "en": ("English", "anglais"),
        "es": ("Spanish", "espagnol"),
        "ca": ("Catalan", "catalan"),
        "eu": ("Basque", "basque"),
        "gl": ("Galician", "galicien"),
        "fr": ("French", "français"),
        "de": ("German", "allemand"),
        "it": ("Italian", "italien"),
        "nl": ("Dutch", "néerlandais"),
        "ja": ("Japanese", "japonais"),
        "pt": ("Portuguese", "portugais"),
        "zh": ("Mandarin Chinese", "chinois mandarin"),
    },
    "tier": {
        "nano": ("nano", "nano"),
        "micro": ("micro", "micro"),
        "mid": ("mid-tier", "intermédiaires"),
        "macro": ("macro", "macro"),
        "mega": ("mega", "méga"),
    },
    "per": {
        "post": ("post", "publication"),
        "posts": ("posts", "publications"),
        "video": ("video", "vidéo"),
        "videos": ("videos", "vidéos"),
    },
    "unit": {
        "weeks": ("weeks", "semaines"),
        "week": ("week", "semaine"),
        "months": ("months", "mois"),
        "month": ("month", "mois"),
        "days": ("days", "jours"),
        "day": ("day", "jour"),
    },
    "severity": {
        "decisive": ("Decisive", "Décisif"),
        "high": ("High", "Élevé"),
        "medium": ("Medium", "Moyen"),
        "low": ("Low", "Faible"),
    },
    "shared": {
        "sector": ("sector", "le secteur"),
        "subject": ("subject", "le sujet"),
        "product": ("product", "le produit"),
        "situation": ("situation", "la situation"),
        "objective": ("objective", "l'objectif"),
        "market": ("market", "le marché"),
        "region": ("region", "la région"),
        "audience": ("audience", "la cible"),
        "budget": ("budget", "le budget"),
    },
}

# French prepositions and articles before market names: "en Japon" → "au Japon".
_FRENCH_FIXES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"\b([Ee])n (Japon|Brésil|Royaume-Uni)\b", "au"),
        (r"\b([Ee])n (États-Unis)\b", "aux"),
        (r"\b([Ee])n (pays du Golfe)\b", "dans les"),
        (r"\b([Dd])e (Japon|Brésil|Royaume-Uni)\b", "du"),
        (r"\b([Dd])e (États-Unis|pays du Golfe)\b", "des"),
        (r"\b([Dd])e (Allemagne|Espagne|Italie|Europe)\b", "d'"),
        (r"\b([Àà]) (Japon|Brésil|Royaume-Uni)\b", "au"),
        (r"\b([Àà]) (États-Unis)\b", "aux"),
    )
)


# "le marché Espagne" → "le marché espagnol": a market named after "marché" is its adjective.
_MARKET_ADJECTIVES = {
    "France": "français",
    "Allemagne": "allemand",
    "Espagne": "espagnol",
    "Italie": "italien",
    "Royaume-Uni": "britannique",
    "États-Unis": "américain",
    "Japon": "japonais",
    "Chine": "chinois",
    "Brésil": "brésilien",
    "Canada": "canadien",
    "Belgique": "belge",
    "Suisse": "suisse",
    "Pays-Bas": "néerlandais",
    "Portugal": "portugais",
    "Europe": "européen",
    "Corée du Sud": "sud-coréen",
    "Inde": "indien",
    "Mexique": "mexicain",
    "Australie": "australien",
    "Pologne": "polonais",
    "Suède": "suédois",
    "pays du Golfe": "des pays du Golfe",
}
_MARKET_NOUN = re.compile(
    r"\bmarché ("
    + "|".join(sorted(map(re.escape, _MARKET_ADJECTIVES), key=len, reverse=True))
    + r")(?![\w-])"
)


def fix_french(text: str) -> str:
    """French prepositions before market names ("en Japon" → "au Japon"), and a market after
    "marché" as its adjective ("le marché Espagne" → "le marché espagnol")."""
    text = _MARKET_NOUN.sub(lambda m: f"marché {_MARKET_ADJECTIVES[m.group(1)]}", text)
    for pattern, repl in _FRENCH_FIXES:

        def one(m: re.Match[str], repl: str = repl) -> str:
            word = repl[:1].upper() + repl[1:] if m.group(1).isupper() else repl
            sep = "" if word.endswith("'") else " "
            return f"{word}{sep}{m.group(2)}"

        text = pattern.sub(one, text)
    return text


_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": (
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ),
}


class _SafeDict(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def t(key: str, lang: Lang, **kw: Any) -> str:
    """The message `key` in `lang` (falling back to English), formatted with `kw`."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry.get("en") or key
    return template.format_map(_SafeDict(kw))


def label(kind: str, code: str, lang: Lang) -> str:
    """A readable name for a vocabulary code, e.g. label('market', 'de', 'fr') -> 'Allemagne'."""
    pair = LABELS.get(kind, {}).get(code)
    if pair is None:
        return code.removeprefix(f"{kind}-").replace("-", " ")
    return pair[1] if lang == "fr" else pair[0]


def join(items: list[str], lang: Lang) -> str:
    """'a, b and c' / 'a, b et c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('and', lang)} {items[-1]}"


MONTH_NAMES = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}


def fmt_month(day: dt.date, lang: Lang) -> str:
    """'March 2027' / 'mars 2027': when only the month is known."""
    return f"{MONTH_NAMES['fr' if lang == 'fr' else 'en'][day.month - 1]} {day.year}"


def fmt_date(day: dt.date, lang: Lang, *, year: bool = True) -> str:
    month = _MONTHS["fr" if lang == "fr" else "en"][day.month - 1]
    first = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    text = f"{first} {month}"
    return f"{text} {day.year}" if year else text
