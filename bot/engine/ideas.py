"""Big-idea mode: 3–5 distinct idea cards, each on its own mechanic and a past campaign pattern."""

from __future__ import annotations

import re

from bot.engine.context import Context
from bot.engine.mechanics import evidence
from bot.engine.profile import audience_codes
from bot.engine.scoring import rank_mechanics
from bot.i18n import label
from bot.knowledge.schema import Campaign
from bot.models import Idea

MIN_IDEAS, MAX_IDEAS = 3, 5
FAMILY_PENALTY = 0.12

# Per mechanic: (name, how it spreads, first step), each (English, French). {s} is the subject.
TEMPLATES: dict[str, tuple[tuple[str, str], tuple[str, str], tuple[str, str]]] = {
    "mechanic-micro-influencer-swarm": (
        (
            "“Everywhere in my feed” — {s}",
            "« Partout dans mon fil » — {s}",
        ),
        (
            "dozens of nano/micro creators post in the same 10 days; the segment meets it from "
            "peers again and again",
            "des dizaines de nano/micro-créateurs publient sur les mêmes "
            "10 jours ; le segment le voit encore et encore chez ses pairs",
        ),
        (
            "shortlist 40 creators inside the segment and audit their audiences",
            "présélectionner 40 créateurs au cœur du segment et auditer leurs audiences",
        ),
    ),
    "mechanic-expert-kol-endorsement": (
        ("The experts' verdict — {s}", "Le verdict des experts — {s}"),
        (
            "a few credible experts speak first; media and communities relay their word",
            "quelques experts crédibles parlent d'abord ; médias et communautés relaient",
        ),
        (
            "map the 10 experts the target already listens to and invite 3 to test it",
            "cartographier les 10 experts que la cible écoute déjà et en inviter 3 à tester",
        ),
    ),
    "mechanic-brand-ambassador-programme": (
        ("The inner circle: a year of ambassadors — {s}", "Le cercle : un an d'ambassadeurs — {s}"),
        (
            "the same faces tell the story over months; their communities adopt it",
            "les mêmes visages racontent l'histoire pendant des mois ; leurs communautés "
            "l'adoptent",
        ),
        (
            "pick 5–10 long-term fans and draft a year-long ambassador charter",
            "choisir 5 à 10 fans de longue date et rédiger une charte d'ambassadeur sur un an",
        ),
    ),
    "mechanic-creator-commerce-affiliation": (
        ("The creators' picks — {s}", "La sélection des créateurs — {s}"),
        (
            "creators sell through live shopping and codes; every sale is tracked",
            "les créateurs vendent en live shopping et avec des codes ; chaque vente est tracée",
        ),
        (
            "set up affiliate codes and a commission grid, then recruit 20 creators",
            "mettre en place codes d'affiliation et grille de commissions, puis recruter 20 "
            "créateurs",
        ),
    ),
    "mechanic-employee-advocacy": (
        ("Our people tell it — {s}", "Nos équipes racontent — {s}"),
        (
            "employees share first-hand stories; their networks trust them more than the brand",
            "les salariés partagent leur vécu ; leurs réseaux les croient plus que la marque",
        ),
        (
            "recruit 20 volunteer employees and train them in a one-hour workshop",
            "recruter 20 salariés volontaires et les former lors d'un atelier d'une heure",
        ),
    ),
    "mechanic-ugc-challenge": (
        ("The #{tag} challenge", "Le challenge #{tag}"),
        (
            "one simple, copyable gesture; each entry invites friends to try",
            "un geste simple et imitable ; chaque participation invite des amis à essayer",
        ),
        (
            "prototype the gesture with 5 creators and test it in 15 seconds",
            "prototyper le geste avec 5 créateurs et le tester en 15 secondes",
        ),
    ),
    "mechanic-community-co-creation": (
        ("Made with you — {s}", "Fait avec vous — {s}"),
        (
            "the community votes and builds; co-creators become the first advocates",
            "la communauté vote et construit ; les co-créateurs deviennent les premiers "
            "prescripteurs",
        ),
        (
            "open a call for ideas to the 1% most active fans",
            "lancer un appel à idées auprès du 1 % de fans les plus actifs",
        ),
    ),
    "mechanic-earned-media-stunt": (
        ("The stunt people will talk about — {s}", "Le coup d'éclat dont on va parler — {s}"),
        (
            "one surprising real-world act makes the news; social sharing does the rest",
            "un acte surprenant dans le monde réel fait l'actualité ; le partage fait le reste",
        ),
        (
            "write the headline you want first, then design the act that earns it",
            "écrire d'abord le titre de presse visé, puis concevoir l'acte qui le mérite",
        ),
    ),
    "mechanic-data-report-barometer": (
        ("The barometer — {s}", "Le baromètre — {s}"),
        (
            "exclusive figures give journalists a story and experts a reason to comment",
            "des chiffres exclusifs donnent un sujet aux journalistes et une raison de réagir "
            "aux experts",
        ),
        (
            "define 5 questions nobody has answered yet and brief a polling institute",
            "définir 5 questions sans réponse à ce jour et briefer un institut de sondage",
        ),
    ),
    "mechanic-newsjacking": (
        ("On the news of the day — {s}", "Sur l'actu du jour — {s}"),
        (
            "a fast, witty reaction rides a story everyone already follows",
            "une réaction rapide et drôle surfe sur un sujet que tout le monde suit déjà",
        ),
        (
            "set up a watch room with a 2-hour approval circuit",
            "monter une cellule de veille avec un circuit de validation de 2 heures",
        ),
    ),
    "mechanic-thought-leadership": (
        ("A point of view that divides — {s}", "Un point de vue qui tranche — {s}"),
        (
            "a strong, signed opinion is quoted by media and shared by peers",
            "une opinion forte et signée est citée par les médias et partagée par les pairs",
        ),
        (
            "pick one contrarian thesis and draft an op-ed for the leader",
            "choisir une thèse à contre-courant et rédiger une tribune pour le dirigeant",
        ),
    ),
    "mechanic-event-experiential": (
        ("Live it for real — {s}", "Le vivre en vrai — {s}"),
        (
            "visitors film and share; creators and press turn the day into content",
            "les visiteurs filment et partagent ; créateurs et presse en font du contenu",
        ),
        (
            "scout a venue and design the one moment people will film",
            "repérer un lieu et concevoir le moment que les gens voudront filmer",
        ),
    ),
    "mechanic-brand-partnership": (
        (
            "An unexpected duo — {s} × a partner brand",
            "Un duo inattendu — {s} × une marque partenaire",
        ),
        (
            "two brands' communities meet; the surprise itself is the story",
            "deux communautés de marques se rencontrent ; la surprise fait l'histoire",
        ),
        (
            "list 10 brands the target loves that share your values and call 3",
            "lister 10 marques aimées de la cible qui partagent vos valeurs et en appeler 3",
        ),
    ),
    "mechanic-cause-led-activism": (
        ("Taking a stand — {s}", "Prendre position — {s}"),
        (
            "a concrete act for a cause invites people to join, not just watch",
            "un acte concret pour une cause invite à rejoindre, pas seulement à regarder",
        ),
        (
            "choose a cause the brand can prove it serves and partner with an NGO",
            "choisir une cause que la marque peut prouver servir et s'allier à une ONG",
        ),
    ),
    "mechanic-live-streaming-gaming": (
        ("Going live — {s}", "En direct — {s}"),
        (
            "streamers play with the brand live; chat and clips spread it",
            "des streamers jouent avec la marque en direct ; le chat et les clips la diffusent",
        ),
        (
            "find 3 streamers whose community fits and co-design one live format",
            "trouver 3 streamers à la communauté adaptée et co-concevoir un format live",
        ),
    ),
    "mechanic-b2b-analyst-relations": (
        ("The analysts' shortlist — {s}", "La shortlist des analystes — {s}"),
        (
            "analysts shape buyers' shortlists; their reports are quoted by trade press",
            "les analystes façonnent les shortlists des acheteurs ; la presse pro les cite",
        ),
        (
            "map the analysts covering the category and book briefings",
            "cartographier les analystes de la catégorie et caler des briefings",
        ),
    ),
    "mechanic-crisis-response": (
        ("Facing it — {s}", "Regarder en face — {s}"),
        (
            "a fast, human, factual answer is relayed instead of the rumour",
            "une réponse rapide, humaine et factuelle est relayée à la place de la rumeur",
        ),
        (
            "draft the holding statement and name one spokesperson today",
            "rédiger la déclaration d'attente et nommer un porte-parole dès aujourd'hui",
        ),
    ),
}

INSIGHTS: dict[str, tuple[str, str]] = {
    "influencer": (
        "{who}: a peer's word beats a brand's claim",
        "{who} : la parole d'un pair pèse plus que le discours d'une marque",
    ),
    "commerce": (
        "{who}: seeing a creator really use it is the trigger to buy",
        "{who} : voir un créateur l'utiliser vraiment déclenche l'achat",
    ),
    "community": (
        "{who}: taking part matters more than watching",
        "{who} : participer compte plus que regarder",
    ),
    "earned": (
        "{who}: what the news and the feeds talk about gets noticed",
        "{who} : ce dont parlent l'actualité et les fils d'actualité se remarque",
    ),
    "content": (
        "{who}: those who explain the field earn the attention",
        "{who} : ceux qui expliquent le domaine gagnent l'attention",
    ),
    "experiential": (
        "{who}: what is lived is remembered far longer than what is read",
        "{who} : ce qu'on vit se retient bien plus longtemps que ce qu'on lit",
    ),
    "advocacy": (
        "{who}: brands are expected to act, not just to talk",
        "{who} : on attend des marques qu'elles agissent, pas seulement qu'elles parlent",
    ),
    "crisis": (
        "{who}: a mistake is forgiven faster than silence",
        "{who} : on pardonne plus vite une erreur qu'un silence",
    ),
}


# Insights specific to a mechanic, where its family's insight would repeat.
MECHANIC_INSIGHTS: dict[str, tuple[str, str]] = {
    "mechanic-expert-kol-endorsement": (
        "{who}: a credible expert's word settles the doubt",
        "{who} : la parole d'un expert crédible lève le doute",
    ),
    "mechanic-brand-ambassador-programme": (
        "{who}: the same trusted faces, over time, build belief",
        "{who} : les mêmes visages de confiance, dans la durée, installent la conviction",
    ),
    "mechanic-ugc-challenge": (
        "{who}: a gesture easy to copy spreads by itself",
        "{who} : un geste facile à imiter se diffuse tout seul",
    ),
    "mechanic-live-streaming-gaming": (
        "{who}: live and unscripted feels real",
        "{who} : le direct, sans script, sonne vrai",
    ),
    "mechanic-newsjacking": (
        "{who}: the story everyone already follows is the cheapest stage",
        "{who} : le sujet que tout le monde suit déjà est la scène la moins chère",
    ),
    "mechanic-data-report-barometer": (
        "{who}: a figure nobody had is a story journalists need",
        "{who} : un chiffre inédit est un sujet dont les journalistes ont besoin",
    ),
    "mechanic-b2b-analyst-relations": (
        "{who}: buyers trust the analysts' shortlist more than any vendor",
        "{who} : les acheteurs croient la shortlist des analystes plus que tout fournisseur",
    ),
    "mechanic-brand-partnership": (
        "{who}: two fan bases meeting is a surprise worth sharing",
        "{who} : deux communautés qui se rencontrent, c'est une surprise à partager",
    ),
    "mechanic-employee-advocacy": (
        "{who}: employees are believed more than the brand itself",
        "{who} : on croit les salariés plus que la marque elle-même",
    ),
}


def subject(ctx: Context) -> str:
    """A noun phrase for the brand or subject, usable after a dash in an idea's name."""
    brief = ctx.brief
    if brief.subject:
        return brief.subject
    if brief.client:
        return brief.client
    if brief.topic and len(brief.topic.split()) <= 5:
        return brief.topic
    if brief.sector:
        sector = label("sector", brief.sector, ctx.lang)
        return f"votre marque {sector}" if ctx.lang == "fr" else f"your {sector} brand"
    return "votre marque" if ctx.lang == "fr" else "your brand"


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _insight(template: str, who: str | None) -> str:
    if who is None:  # no audience stated: the statement alone
        return _capitalise(template.split(":", 1)[1].strip())
    return _capitalise(template.format(who=who))


def _who(ctx: Context) -> str | None:
    if ctx.brief.audience:
        return ctx.brief.audience
    codes = audience_codes(ctx.brief)
    if codes:
        text = label("audience", codes[0], ctx.lang)
        return text[:1].upper() + text[1:]
    return None


_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "une": 1,
    "un": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
}
_ASKED = re.compile(
    r"\b(\d|one|two|three|four|five|six|une|un|deux|trois|quatre|cinq)\s+(?:\w+\s+)?"
    r"(?:ideas?|id[ée]es?|concepts?|pistes?|angles?)\b",
    re.IGNORECASE,
)


def ideas_asked(text: str) -> int | None:
    """How many ideas the question asks for ("3 idées", "two ideas"), or None."""
    m = _ASKED.search(text)
    if not m:
        return None
    word = m.group(1).lower()
    n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)
    return n if 1 <= n <= 6 else None


def build_ideas(ctx: Context) -> list[Idea]:
    lang = ctx.lang
    fr = lang == "fr"
    ranked = rank_mechanics(ctx.catalog.mechanics(lang), ctx.brief)
    if "crisis" not in ctx.brief.objectives:  # a crisis answer is not a creative idea
        ranked = [r for r in ranked if r[1].family != "crisis"]
    if not ranked:
        return []
    # Greedy: best fit first, a penalty for each idea already on the same family (variety).
    best = ranked[0][1].score
    remaining = list(range(len(ranked)))
    picked: list[int] = []
    asked = ideas_asked(ctx.text)
    most, least = (asked, asked) if asked else (MAX_IDEAS, MIN_IDEAS)
    while remaining and len(picked) < most:

        def value(i: int) -> float:
            same = sum(ranked[j][1].family == ranked[i][1].family for j in picked)
            return ranked[i][1].score - FAMILY_PENALTY * same

        choice = max(remaining, key=lambda i: (value(i), -i))
        if len(picked) >= least and ranked[choice][1].score < 0.5 * best:
            break
        picked.append(choice)
        remaining.remove(choice)
    used_patterns: set[str] = set()
    s = subject(ctx)
    tag = "".join(w.capitalize() for w in s.split()[:3] if w.isalnum()) or "Levier"
    ideas: list[Idea] = []
    for i in picked:
        mech, scored = ranked[i]
        template = TEMPLATES.get(scored.mechanic_id)
        pattern: Campaign | None = next(
            (
                c
                for c in evidence(ctx.catalog, scored.mechanic_id, ctx.brief, k=6)
                if c.id not in used_patterns and not c.cautionary  # a scandal is no pattern
            ),
            None,
        )
        if pattern is not None:
            used_patterns.add(pattern.id)
        name_t, spread_t, step_t = template or (
            (
                label("mechanic", scored.mechanic_id, "en") + ": {s}",
                label("mechanic", scored.mechanic_id, "fr") + " : {s}",
            ),
            ("", ""),
            ("", ""),
        )
        insight_t = MECHANIC_INSIGHTS.get(scored.mechanic_id) or INSIGHTS.get(
            scored.family, INSIGHTS["influencer"]
        )
        ideas.append(
            Idea(
                name=(name_t[1] if fr else name_t[0]).format(s=s, tag=tag),
                insight=_insight(insight_t[1] if fr else insight_t[0], _who(ctx)),
                mechanic=scored.mechanic_id,
                spread=spread_t[1] if fr else spread_t[0],
                first_step=step_t[1] if fr else step_t[0],
                pattern=pattern.id if pattern else None,
                sources=ctx.book.cite_all(mech.id, pattern.id if pattern else None),
            )
        )
    return ideas
