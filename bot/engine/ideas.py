"""Big-idea mode: idea cards composed from the knowledge base's creative patterns.

Each card names the brief's subject, starts from a human truth of the brief's moment (the
calendar's `insights`) or, failing that, the pattern's own truth stated as a hypothesis, runs on
one mechanic (a different one per card) and borrows a precedent only when it is comparable and
never a cautionary one. The patterns, their templates and what they avoid live in
`knowledge/ideas/`; this module only chooses and fills them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.brief.gazetteer import is_place
from bot.brief.subject import anniversary, find_subject
from bot.brief.text import compiled, fold
from bot.engine import rules as rulebook
from bot.engine.calendar import DatedEvent, market_events, names, trigger_in
from bot.engine.category import category_in
from bot.engine.context import Context
from bot.engine.mechanics import campaign_overlap
from bot.engine.precedents import RESTRICTED_SECTORS
from bot.engine.profile import audience_codes, budget_band, primary_market
from bot.engine.scoring import rank_mechanics
from bot.engine.targeting import experts_text
from bot.i18n import fix_french, label
from bot.knowledge.schema import (
    _PLACEHOLDER_RE,
    CampaignCard,
    Event,
    IdeaPattern,
    ProductCategory,
    Seed,
    SensitiveTopic,
)
from bot.models import Idea

DEFAULT_IDEAS, MAX_IDEAS = 3, 6
PUBLIC_TYPES = frozenset({"ngo", "public"})
PUBLIC_SECTORS = frozenset({"ngo", "public-sector"})
MOMENT_DAYS = 400  # how far ahead a moment of the brief's audience can anchor an idea


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


_RUN_IN = dt.timedelta(days=30)  # a moment just before the brief's window still carries it


@dataclass(frozen=True)
class _Moment:
    name: str  # as it reads in a sentence ("la rentrée scolaire"), else the calendar's name
    insights: tuple[str, ...]  # the human truths of the moment, in the answer's language
    asked: bool = False  # the brief names it ("pendant Roland-Garros"), not the calendar
    venue: bool = False  # a fair or festival people go to, not a time they live at home


@dataclass(frozen=True)
class _Candidate:
    pattern: IdeaPattern
    doc_id: str  # the idea document it comes from
    mechanic_doc: str  # the mechanic's document in the answer's language
    score: float
    texts: dict[str, str]  # headline, spread, first_step, truth: filled


# "rajeunir une marque de charcuterie": the goal is not the name of what the ideas are for
_GOAL = re.compile(
    r"^(?:(?:faire\s+(?:parler|conna[iî]tre|d[ée]couvrir|aimer|go[uû]ter)|parler)\s+"
    r"(?:de\s+|d['’]\s*|du\s+|des\s+)?|"
    r"(?:get(?:ting)?\s+people\s+talking|make\s+people\s+talk|talk|raise\s+awareness)\s+"
    r"(?:about|of|for)\s+|"
    r"(?:rajeunir|relancer|moderniser|d[ée]poussi[ée]rer|repositionner|faire conna[iî]tre|"
    r"promouvoir|lancer|valoriser|populariser|mettre\s+en\s+avant|rebrand|refresh|"
    r"revitali[sz]e|relaunch|moderni[sz]e|reposition|promote|launch|showcase)\s+)",
    re.IGNORECASE,
)
MAX_TOPIC_WORDS = 5


def subject(ctx: Context) -> str:
    """What the brief is about, as the asker said it (never a "your brand" fill-in)."""
    return named_subject(ctx) or ("le projet" if ctx.lang == "fr" else "the project")


def named_subject(ctx: Context) -> str | None:
    """What the brief is about, or None when it names nothing the cards can act through."""
    brief = ctx.brief
    said = brief.subject or ""
    if said and _a_moment(ctx, said):  # "3 ideas for Eid al-Fitr": when, not what
        said = find_subject(ctx.text or "", ctx.lang, avoid=[said]) or ""
    if _ACTION.match(said):  # "faire venir les jeunes", "get young adults": a goal, no name
        said = ""
    named_brand = _BRAND_NAMED.search(ctx.text or "") if brief.client else None
    if named_brand is not None and named_brand.group("name") == brief.client and said[:1].islower():
        return brief.client  # "un vélo cargo électrique (marque Kargo)": Kargo acts in the cards
    named = _GOAL.sub("", said).strip()
    if named and named != said.strip():  # "rajeunir une marque…" → "la marque…"
        first, _, rest = named.partition(" ")
        definite = _ARTICLES.get(ctx.lang, {}).get(first.lower())
        return _maker(ctx, f"{definite} {rest}" if definite and rest else named)
    if named and _A_CAMPAIGN.search(fold(named)) and not _ACTORS.search(fold(named)):
        # "an HPV vaccination awareness campaign" is what they run, not who acts in the cards
        return "la campagne" if ctx.lang == "fr" else "the campaign"
    if named:
        first, _, rest = named.partition(" ")
        if first.lower() in ("un", "une", "a", "an") and rest and _ACTORS.search(fold(rest)):
            # "une marque de moutarde de Dijon" acts in the cards as "la marque de moutarde…"
            named = f"{_ARTICLES[ctx.lang].get(first.lower(), first)} {rest}"
        return _maker(ctx, named)
    if brief.client:
        return brief.client
    topic = _GOAL.sub("", brief.topic or "").strip()
    if (
        topic
        and len(topic.split()) <= MAX_TOPIC_WORDS
        and not _ACTION.match(topic)
        and not _IDEA_ADJECTIVE.fullmatch(topic)  # "3 idées fortes": how strong, not what for
        and not _REQUEST_NOUN.fullmatch(fold(topic))  # "des idées de plan": what is asked for
    ):
        return topic
    phrase = _category_phrase(ctx)
    if phrase:
        return phrase
    actor = _actor(ctx)
    if actor:
        return actor
    if brief.sector:
        return label("sector", brief.sector, ctx.lang)
    return None


# What a request asks for, not what it is about ("des idées de plan ?", "ideas for a campaign").
_REQUEST_NOUN = re.compile(
    r"(?:(?:un|une|le|la|a|an|the)\s+)?(?:plan|plans|campagne|campagnes|campaign|campaigns|"
    r"strategie|strategy|com|communication|action|actions|activation|activations|idee|idees|"
    r"idea|ideas|post|posts|contenu|contenus|content)"
)


# A goal said as a verb names what to do, not what the ideas are for.
_ACTION = re.compile(
    r"(?:faire\s+(?:re)?venir|faire\s+entrer|attirer|amener|ramener|remplir|recruter|fid[ée]liser|convaincre|"
    r"toucher|sensibiliser|get|bring|attract|draw|fill|recruit|convince|reach|win\s+over|"
    r"encourage|persuade|engage|maximi[sz]er|maximi[sz]e|booster|boost|am[ée]liorer|improve|"
    r"augmenter|increase|d[ée]velopper|grow|faire conna[iî]tre)\b",
    re.IGNORECASE,
)
# Words that open the noun phrase naming the subject ("a science museum", "au Musée des…").
_OPENERS = frozenset(
    ("a", "an", "the", "our", "their", "un", "une", "le", "la", "les", "l", "au", "aux", "du",
     "des", "notre", "nos", "leur", "ce", "cette")
)  # fmt: skip
_NAME_JOINS = frozenset(("de", "des", "du", "d", "et", "la", "le", "of", "and", "the", "l"))
_PHRASE_WORDS = 4  # words between the article and the category's word


# Nouns that name who acts (a brand, a club, a museum): a product said without them does not
# act in a card ("the olive oil asks people…"); its brand does.
_ACTORS = re.compile(
    r"(?<![a-z])(?:brand|marque|maison|company|compan|entreprise|societe|firm|club|muse|"
    r"association|asso|ngo|ong|charit|fondation|foundation|maker|fabricant|producteur|"
    r"producer|start-?up|app|appli|application|platform|plateforme|chain|chaine|enseigne|"
    r"shop|boutique|store|magasin|restaurant|hotel|bakery|boulangerie|brewery|brasserie|"
    r"distiller|domaine|estate|chateau|label|team|equipe|operat|bank|banque|agenc|group|"
    r"cooperati|school|ecole|universit|city|ville|region|mairie|festival|resort|station|"
    r"park|parc|zoo|library|mediatheque|theat|cinema|service|insurer|assureur|mutuelle|"
    r"retailer|distributeur|cafe|(?<!protein )(?<!energy )(?<!snack )(?<!cereal )bar\b|"
    r"studio|atelier|workshop|farm|ferme|network|reseau|"
    r"operator|airline|compagnie|manufactur|editeur|publisher|media|journal|newspaper|"
    r"trust|council|conseil|federation|league|ligue|union|syndicat|hospital|hopital|"
    r"clinic|clinique|pharmac|lab|labo|fruitiere|cannery|creamery|winery|distillery|"
    r"roastery|dairy|fishery|[a-z]+erie\b)",
)
# Who owns what the brief names ("a French watchmaker's first collection"): an actor, or a maker.
_OWNER = re.compile(r"(?:maker|smith|house)$|" + _ACTORS.pattern)
_LAUNCH_WORD = re.compile(r"\s+(?:launch|range|line|gamme|lancement)$", re.IGNORECASE)


def _maker(ctx: Context, name: str) -> str:
    """A product said without its maker ("an olive oil", "un kéfir de fruits") becomes its
    brand in the cards ("the olive oil brand", "la marque de kéfir de fruits"); a name, a
    brand or an organisation stays as said."""
    bare = re.sub(r"^(?:(?:the|le|la|les)\s+|l['’]\s*)", "", name.strip(), flags=re.IGNORECASE)
    bare = _LAUNCH_WORD.sub("", bare)
    # "la bière sans alcool d'une brasserie française": the brewery acts, not its beer
    whose = re.match(r"(?P<actor>.+?)['’]s\s", bare)
    if whose and _OWNER.search(fold(whose.group("actor"))):
        # "a French watchmaker's first women's collection": the watchmaker acts in the cards
        return f"{'le' if ctx.lang == 'fr' else 'the'} {whose.group('actor')}"
    of = _OF_AN_ACTOR.search(bare)
    if of and _ACTORS.search(fold(of.group("actor"))):
        article = _ARTICLES.get(ctx.lang, {}).get(of.group("det").lower(), of.group("det"))
        return f"{article} {of.group('actor')}"
    first = bare.split()[0] if bare.split() else ""
    # a name is capitalised; "French sleep-tracking ring" only says where it is from
    proper = bare[:1].isupper() and not is_place(fold(first))
    if not bare or proper or _ACTORS.search(fold(bare)):
        return name
    if category_in(ctx, fold(bare)) is None and sector_fallback(ctx) is None:
        return name
    if ctx.lang == "fr":
        de = "d'" if fold(bare)[:1] in "aeiouyh" else "de "
        return f"la marque {de}{bare}"
    return f"the {bare} brand"


# A brand the brief names as such ("(marque Kargo)", "brand: Kargo", "la marque Kargo").
_BRAND_NAMED = re.compile(
    r"\b(?i:marque|brand|enseigne)\s*:?\s*(?P<name>[A-Z0-9][\w&'+.-]*(?:\s+[A-Z0-9][\w&'+.-]*){0,2})"
)
# A subject that is only the campaign itself ("an HPV vaccination awareness campaign").
_A_CAMPAIGN = re.compile(
    r"(?:\bcampaign|^(?:(?:une|la|the|an?)\s+)?campagne)\b|^(?:(?:le|la|l'|the|an?)\s*)?"
    r"(?:depistage|vaccination|prevention|sensibilisation|lutte contre|screening|awareness)\b"
)
_OF_AN_ACTOR = re.compile(
    r"\s(?:d['’]|de\s|of\s|from\s|by\s)(?P<det>une|un|a|an)\s+(?P<actor>\S.*)$", re.IGNORECASE
)
_IDEA_ADJECTIVE = re.compile(
    r"(?:tr[eè]s\s+)?(?:fortes?|forts?|grosses?|gros|grandes?|bonnes?|cr[ée]ati(?:ves?|fs?)|"
    r"originales?|originaux|percutantes?|folles?|fous|audacieuses?|neuves?|nouvelles?|"
    r"strong|big|bold|great|creative|fresh|original|wild|good|new|killer)",
    re.IGNORECASE,
)
# Who the brief is about when it only says what kind of organisation it is ("une petite asso
# qui accompagne les aidants"): the kind, with its article.
_ACTOR_NOUNS = {
    "fr": (
        ("asso", "l'association"), ("association", "l'association"), ("ong", "l'ONG"),
        ("fondation", "la fondation"), ("club", "le club"), ("musee", "le musée"),
        ("marque", "la marque"), ("start-up", "la start-up"), ("startup", "la start-up"),
        ("entreprise", "l'entreprise"), ("societe", "la société"), ("enseigne", "l'enseigne"),
        ("collectivite", "la collectivité"), ("mairie", "la mairie"), ("ville", "la ville"),
    ),
    "en": (
        ("charity", "the charity"), ("ngo", "the NGO"), ("nonprofit", "the nonprofit"),
        ("non-profit", "the non-profit"), ("foundation", "the foundation"), ("club", "the club"),
        ("museum", "the museum"), ("brand", "the brand"), ("startup", "the startup"),
        ("start-up", "the start-up"), ("company", "the company"), ("firm", "the firm"),
        ("council", "the council"), ("city", "the city"), ("association", "the association"),
    ),
}  # fmt: skip


def _actor(ctx: Context) -> str | None:
    """The kind of organisation the brief describes, with its definite article, or None."""
    folded = fold(ctx.text or "")
    found: list[tuple[int, str]] = []
    for lang in (ctx.lang, "en" if ctx.lang == "fr" else "fr"):
        for noun, said in _ACTOR_NOUNS[lang]:
            m = compiled(rf"(?<![a-z0-9-]){re.escape(noun)}s?(?![a-z0-9-])").search(folded)
            if m:
                found.append((m.start(), said if lang == ctx.lang else _ACTOR_SAID[ctx.lang]))
    return min(found)[1] if found else None


_ACTOR_SAID = {"fr": "l'organisation", "en": "the organisation"}


def _category_phrase(ctx: Context) -> str | None:
    """The noun phrase that names the brief's product by its category's word, without its
    article: "science and technology museum" in "into a science and technology museum", the
    whole name when it is a proper one ("Musée des Arts et Métiers")."""
    text = ctx.text or ""
    folded = fold(text)
    category = category_in(ctx, folded)
    if category is None:
        return None
    spans = [
        (m.start(), m.end())
        for w in sorted(category.words, key=len, reverse=True)
        for m in [re.search(rf"(?<![a-z0-9]){re.escape(fold(w))}[a-z]*", folded)]
        if m
    ]
    if not spans:
        return None
    start, end = spans[0]
    tokens = [(m.start(), m.end()) for m in re.finditer(r"[^\W_]+", text)]
    before = [t for t in tokens if t[1] <= start][-(_PHRASE_WORDS + 1) :]
    opener = next((t for t in reversed(before) if folded[t[0] : t[1]] in _OPENERS), None)
    if opener is not None:
        start = opener[1]
    if text[spans[0][0] : spans[0][0] + 1].isupper():  # a proper name runs on
        after = [t for t in tokens if t[0] >= end]
        for i, (a, b) in enumerate(after):
            word = text[a:b]
            if word[:1].isupper():
                end = b
            elif folded[a:b] not in _NAME_JOINS or not any(
                text[x : x + 1].isupper() for x, _ in after[i + 1 : i + 3]
            ):
                break
    phrase = text[start:end].strip(" '’")
    if phrase and opener is None and not phrase[:1].isupper():
        # said without an article ("back into public libraries"): the cards give it one, and
        # one of them acts ("the public library hands…", not "the public libraries hands…")
        if ctx.lang != "fr":
            phrase = re.sub(r"ies$", "y", phrase) if phrase.endswith("ies") else phrase
            phrase = phrase[:-1] if re.search(r"[^s]s$", phrase) else phrase
        phrase = f"{_definite(phrase, ctx.lang)}{phrase}"
    return phrase or None


def _definite(phrase: str, lang: str) -> str:
    """The definite article a bare noun phrase takes at the head of a sentence."""
    if lang != "fr":
        return "the "
    head = phrase.split()[0].lower()
    if head.endswith(("s", "x")):
        return "les "
    if head[:1] in _VOWEL:
        return "l'"
    return "la " if _feminine(phrase) else "le "


def _a_moment(ctx: Context, phrase: str) -> bool:
    """The phrase names a moment of the brief's market calendar ("Eid al-Fitr", "Qixi")."""
    from bot.engine.answer import named_in  # answer imports this module

    if not ctx.market:
        return False
    calendar = ctx.catalog.calendar(ctx.market, ctx.lang)
    folded = fold(phrase)
    words = {w for w in re.findall(r"[a-z0-9]+", folded) if len(w) > 2}

    def only_the_moment(e: Event) -> bool:
        # "a women's rugby club" names rugby, not the Rugby World Cup: the phrase is the
        # moment only when every word of it belongs to the moment's name
        name = fold(" ".join(x for x in (e.name, e.say.get(ctx.lang) if e.say else "") if x))
        return all(re.search(rf"(?<![a-z0-9]){w}", name) for w in words)

    return calendar is not None and any(
        (named_in(e.name, folded) or fold(e.name) in folded) and only_the_moment(e)
        for e in calendar.events
    )


_ARTICLES = {
    "fr": {
        "une": "la",
        "un": "le",
        "des": "les",
        "la": "la",
        "le": "le",
        "les": "les",
        "au": "le",
        "aux": "les",
    },
    "en": {"a": "the", "an": "the", "the": "the", "our": "the", "their": "the"},
}
_POSSESSIVES = frozenset(("notre", "nos", "votre", "vos", "leur", "my", "your"))
_FEMININE = frozenset(
    (
        "marque", "enseigne", "maison", "société", "entreprise", "start-up", "startup",
        "chaîne", "banque", "agence", "coopérative", "association", "appli", "application",
        "plateforme", "boutique", "brasserie", "distillerie", "fromagerie", "boulangerie",
        "mutuelle", "assurance", "fondation", "école", "clinique", "gamme", "ligne",
    )
)  # fmt: skip
_FEMININE_ENDINGS = ("erie", "tion", "sion", "ette", "ance", "ence", "ure", "ade", "ée", "ique")


def _feminine(phrase: str) -> bool:
    """The phrase's head noun is feminine ("maison d'édition", "cidrerie normande")."""
    if re.match(r"(?:la|une)\s", phrase.strip().lower()):
        return True  # "La SNCF"
    words = re.sub(r"^(?:l['’])\s*", "", phrase.strip().lower()).split()
    head = words[0] if words else ""
    return head in _FEMININE or (len(head) > 4 and head.endswith(_FEMININE_ENDINGS))


def _agree(text: str, name: str, lang: str) -> str:
    """French agreement with a feminine subject in the patterns' past participles."""
    if lang != "fr" or not _feminine(name):
        return text
    return re.sub(
        r"\b(fait|pr[êe]t|conçu|pens[ée])(?= (?:par|à|pour) )", lambda m: m.group(1) + "e", text
    )


_VOWEL = "aeiouyéèêàâîôûh"
_FRENCH_FLOW = (
    (r"\b([Dd])e le ", r"\1u "),
    (r"\b([Àà]) le ", "au "),
    (r"\b([Dd])e les ", r"\1es "),
    (r"\b([Àà]) les ", "aux "),
    (rf"\b([Qq]u|[Dd]|[Ll]|[Jj])(?:e|a) (?=[{_VOWEL}])", r"\1'"),
)


def in_sentence(ctx: Context, name: str) -> str:
    """The subject as it reads inside a sentence: with the definite article its question gave
    it ("une appli de livraison" → "l'appli de livraison"); a name said bare stays bare."""
    ranged = re.search(
        rf"\b(\w+)\s+(gamme|ligne|collection|range|line)\s+(de\s+|d['’]|of\s+){re.escape(name)}",
        ctx.text,
        re.IGNORECASE,
    )
    of_range = _ARTICLES.get(ctx.lang, {}).get(ranged.group(1).lower()) if ranged else None
    if ranged and of_range:
        # "une gamme de soins bio": the range is what the sentence is about ("la gamme de…")
        return f"{of_range} {ranged.group(2)} {ranged.group(3)}{name}"
    m = re.search(rf"\b(\w+)\s+(?:[\w.-]+-based\s+)?{re.escape(name)}", ctx.text, re.IGNORECASE)
    article = _ARTICLES.get(ctx.lang, {}).get(m.group(1).lower()) if m else None
    if article is None and m and m.group(1).lower() in _POSSESSIVES:
        # "notre marque espagnole": the consultant says "la marque", with the noun's gender
        head = name.split()[0].lower() if name.split() else ""
        article = "la" if head in _FEMININE else ("le" if ctx.lang == "fr" else "the")
    if article is None:
        return name
    if ctx.lang == "fr" and article in ("le", "la") and name[:1].lower() in _VOWEL:
        return f"l'{name}"
    return f"{article} {name}"


def _flow(text: str, lang: str) -> str:
    """French contractions and elisions after filling ("de le" → "du", "que appli" → "qu'appli"),
    then the prepositions before market names."""
    if lang != "fr":
        return text
    for pattern, repl in _FRENCH_FLOW:
        text = re.sub(pattern, repl, text)
    return fix_french(text)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _short(name: str) -> str:
    """ "Ramadan evenings (iftar and suhoor prime time)" → "Ramadan evenings"."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip() or name


def moment_name(ctx: Context) -> str | None:
    """The moment the idea cards are built on, as a sentence says it (None: no moment)."""
    found = _moment(ctx)
    return found.name if found else None


def _moment(ctx: Context) -> _Moment | None:
    """The brief's moment (the one it names, else the market's most relevant one) and its
    insights; among equally relevant moments, one whose human truth the base knows."""
    # answer imports this module
    from bot.engine.answer import _LEADING_PREPOSITION, named_in, relevant_moments

    lang = ctx.lang
    if anniversary(ctx.text or "") is not None:
        return None  # the brief's moment is its anniversary: no holiday of the calendar leads
    calendar = ctx.catalog.calendar(ctx.market, lang) if ctx.market else None
    events: dict[str, Event] = {e.name: e for e in calendar.events} if calendar else {}
    found: list[DatedEvent] = relevant_moments(ctx, ctx.market) if ctx.market else []
    folded_text = fold(ctx.text)
    window = ctx.brief.timing
    if window is not None and window.start is not None:
        # "this spring": only moments in (or just before) the brief's own window, not the Tour
        # de France in July for spring cargo bikes, unless the brief names it
        start, end = window.start, window.end or window.start
        found = [
            m
            for m in found
            if named_in(m.name, folded_text) or (m.end >= start - _RUN_IN and m.start <= end)
        ]
    said_here = [
        m
        for m in found
        if named_in(m.name, folded_text)
        or (m.name in events and _said(events[m.name].triggers, folded_text))
    ]
    if said_here:  # "for Qixi 2027": the moment the brief names, not the year's biggest one
        found = said_here
    timing = ctx.brief.timing
    named = [w for w in (timing.events if timing else []) if w]
    own_event = _named_event(ctx.text or "")
    if own_event and not said_here and not named:
        # "at the Festival International des Jeux": its own event, as a sentence says it
        return _Moment(_with_article(own_event, lang), (), asked=True, venue=True)
    if named and timing is not None:  # the brief's own moment leads, even one the calendar lacks
        words = [*named, *([timing.text] if timing.text else [])]
        own = [m for m in found if any(names(w, m) for w in words)]
        if not own:
            # "à la rentrée 2027" → "la rentrée 2027": the moment, not the brief's preposition
            said = _LEADING_PREPOSITION.sub("", timing.text) if timing.text else named[0]
            return _Moment(said or named[0], (), asked=True)
        found = own
    audiences = set(audience_codes(ctx.brief))
    if audiences and not named and calendar is not None:
        # the moments of the brief's own audience (the university intake for students), which a
        # sector's moments may have pushed out of the three most relevant
        seen = {m.name for m in found}
        found += [
            e
            for e in market_events(calendar, ctx.today)
            if e.name not in seen
            and audiences & set(e.audiences)
            # a subject's month (Pink October is breast cancer) only when the brief is about it
            and (not e.triggers or _said(list(e.triggers), folded_text))
            and e.start >= ctx.today
            and (e.start - ctx.today).days <= MOMENT_DAYS
            # inside the brief's window when it gives one: a spring opening is not about the
            # start of the university year
            and (
                timing is None
                or timing.start is None
                or (e.end >= timing.start and e.start <= (timing.end or timing.start))
            )
        ]

    def key(pair: tuple[int, DatedEvent]) -> tuple[bool, bool, int, int]:
        # The brief's audience's own moment (the university intake for students) before a
        # moment shared with others (back-to-school for parents and pupils), one whose human
        # truth the base knows before one it does not, then relevance.
        i, dated = pair
        event = events.get(dated.name)
        own = bool(event and audiences & set(event.audiences))
        size = len(event.audiences) if own and event else 9
        return (not own, not (event and event.insights), size, i)

    folded = fold(ctx.text)
    # named by the brief, even if the parser missed it ("l'iftar" is Ramadan), but not recalled
    # only by the product's own words ("vélos cargo" does not ask for Mai à vélo)
    category = product_category(ctx)
    unsaid = folded
    for word in category.words if category is not None else []:
        unsaid = unsaid.replace(fold(word), " ")
    spoken = {
        m.name
        for m in said_here
        if trigger_in(_bare(m.name), folded)
        or (m.name in events and _said(events[m.name].triggers, unsaid))
    }
    for _, dated in sorted(enumerate(found), key=key):
        event = events.get(dated.name)
        # named by the brief, not only recalled by its words ("vélos cargo" recalls Mai à vélo,
        # which the cards may use but need not be built on)
        asked = bool(named) or dated.name in spoken
        if not asked and not (event and event.insights):
            continue  # a moment the brief did not name anchors an idea only with its truth
        if event and event.triggers and not asked and not _said(event.triggers, folded):
            continue  # a topical month (no tobacco, no alcohol) only when the brief is about it
        insights = tuple(i.get(lang) for i in event.insights) if event else ()
        said = event.say.get(lang) if event and event.say else _short(dated.name)
        if event and event.say_unnamed and _unnamed_events(ctx):
            said = event.say_unnamed.get(lang)  # a non-sponsor evokes the event, never names it
        return _Moment(said, insights, asked=asked, venue=dated.type == "trade-show")
    return None


_EVENT_NOUN = (
    r"(?:Festival|Salon|Foire|F[êe]te|Fair|Expo|Convention|Biennale|Rencontres|Summit|Sommet)"
)
_EVENT_NAME = re.compile(
    rf"\b(?:the\s+|le\s+|la\s+|l['’])?{_EVENT_NOUN}"
    r"(?:(?:\s+|(?<=['’]))(?:[A-ZÀ-Ý0-9][\w'’&-]*|(?:des|de|du|of|the|la|les|le|"
    r"internationale|international)\b|d['’])){1,6}"
)


def _named_event(text: str) -> str | None:
    """An event the brief names that no calendar lists ("the Festival International des Jeux"),
    as it is written; None when the words after the event noun name nothing."""
    for m in _EVENT_NAME.finditer(text):
        name = re.sub(r"(?:\s+(?:de|des|du|d['’]|of|the|la|le|les))+$", "", m.group(0)).strip()
        head = re.search(_EVENT_NOUN, name)
        if head and any(ch.isupper() for ch in name[head.end() :]):
            return name
    return None


_FEMININE_EVENTS = ("Foire", "Fête", "Fete", "Biennale", "Convention")


def _with_article(name: str, lang: str) -> str:
    """ "Festival d'Avignon" → "le Festival d'Avignon"; "Salon X" → "the Salon X"."""
    first = name.split()[0]
    if first.lower() in ("the", "le", "la", "les") or first.lower().startswith("l'"):
        return name if lang == "en" or first.lower() != "the" else name.split(" ", 1)[1]
    if lang == "en":
        return f"the {name}"
    if first == "Rencontres":
        return f"les {name}"
    return f"{'la' if first in _FEMININE_EVENTS else 'le'} {name}"


def _unnamed_events(ctx: Context) -> bool:
    """A rule of the market forbids naming the event (the brief is not its sponsor)."""
    markets = [ctx.market] if ctx.market else []
    return any(
        a.rule.unnamed_events
        for a in rulebook.applicable(ctx.catalog, markets, ctx.brief, ctx.text or "")
    )


def _said(words: list[str], folded_text: str) -> bool:
    return any(trigger_in(w, folded_text) for w in words)


def _moment_insight(moment: str, truth: str) -> str:
    """ "Le Ramadan — l'iftar se prépare…"; the truth alone when it already names the moment
    ("Noël, c'est une table de famille…")."""
    bare = re.sub(r"^(?:the|le|la|les|l')\s*", "", moment, flags=re.IGNORECASE)
    if bare.lower() in truth.lower():
        return _capitalise(truth)
    return f"{_capitalise(moment)} — {truth[:1].lower()}{truth[1:]}"


def _who(ctx: Context) -> str | None:
    if ctx.brief.audience:
        return ctx.brief.audience
    codes = audience_codes(ctx.brief)
    return label("audience", codes[0], ctx.lang) if codes else None


def _fill(text: str, values: dict[str, str | None]) -> str | None:
    """`text` with its placeholders filled; None when one without a default has no value."""
    missing = False

    def one(m: re.Match[str]) -> str:
        nonlocal missing
        value = values.get(m.group(1)) or m.group(2)
        if value is None:
            missing = True
            return ""
        return value

    out = _PLACEHOLDER_RE.sub(one, text)
    return None if missing else out


def _suits(pattern: IdeaPattern, ctx: Context, sensitive: SensitiveTopic | None) -> bool:
    brief = ctx.brief
    if brief.sector and brief.sector in pattern.avoid_sectors:
        return False
    if brief.theme and pattern.on_theme is None:
        return False  # every card of a brief with a theme is built on that theme
    if sensitive is not None and pattern.tone == "playful":
        return False  # no stunt, contest or limited edition on grief or mental health
    return not set(audience_codes(brief)) & set(pattern.avoid_audiences)


def sensitive_topic(ctx: Context) -> SensitiveTopic | None:
    """The theme that asks for care this brief is about (its theme's words first, then the
    question's), or None."""
    texts = [fold(ctx.brief.theme)] if ctx.brief.theme else []
    texts.append(fold(ctx.text or ""))
    topics = ctx.catalog.sensitive_topics()
    for folded in texts:
        for topic in topics:
            if any(_word(w).search(folded) for w in topic.words if fold(w).strip()):
                return topic
    return None


def category_values(category: ProductCategory, lang: str) -> dict[str, str | None]:
    """The category's material for the placeholders ({category}, {gesture}, {partners}...)."""
    return {
        "category": category.name.get(lang),
        "gesture": category.gesture.get(lang),
        "friction": category.friction.get(lang),
        "convention": category.convention.get(lang),
        "proof": category.proof.get(lang),
        "partners": category.partners.get(lang),
    }


def product_category(ctx: Context) -> ProductCategory | None:
    """The category of the brief's product (sun care for "une crème solaire"): found in its
    subject first, then in the question; the most specific word wins ("bière sans alcool"
    before "bière")."""
    for folded in (fold(subject(ctx)), fold(ctx.text or "")):
        found = category_in(ctx, folded)
        if found is not None:
            return found
    return sector_fallback(ctx)


def sector_fallback(ctx: Context) -> ProductCategory | None:
    """The brief's sector's own category when no category's words match (a sleep-tracking ring
    is tech): ideas for any product of the sector rather than templates."""
    sector = ctx.brief.sector
    if sector is None:
        return None
    return next(
        (c for c in ctx.catalog.product_categories() if c.fallback and c.sector == sector), None
    )


def _word(word: str) -> re.Pattern[str]:
    """A theme's word as a whole word, plural allowed ("violence" in "violences", never "sourd"
    in "sourdine")."""
    return compiled(rf"(?<![a-z0-9]){re.escape(fold(word).strip())}(?:s|x|es)?(?![a-z0-9])")


def _theme(ctx: Context, sensitive: SensitiveTopic | None) -> str | None:
    """The theme as it reads in a sentence: the brief's words, else the sensitive topic's name."""
    if ctx.brief.theme:
        return ctx.brief.theme
    return sensitive.name.get(ctx.lang) if sensitive is not None else None


def guard_rail(ctx: Context, sensitive: SensitiveTopic | None) -> str | None:
    """The care every card takes: the sensitive theme's, then the decisive rule of the brief's
    sector and words in the target market (the loi Évin for a brewery in France)."""
    lang = ctx.lang
    parts: list[str] = []
    if sensitive is not None:
        filled = _fill(sensitive.guard.get(lang), {"theme": _theme(ctx, sensitive)})
        if filled:
            parts.append(_capitalise(_flow(filled, lang)).rstrip(".") + ".")
    if ctx.market:
        applied = rulebook.applicable(ctx.catalog, [ctx.market], ctx.brief, ctx.text or "")
        rule = rulebook.decisive(applied)
        if rule is not None and rule.rule.severity in rulebook.REGULATING:
            what = rule.rule.check or rule.rule.allowed or rule.rule.decides
            sep = " : " if lang == "fr" else ": "
            ref = rulebook.reference(rule.rule, lang)
            parts.append(f"{ref}{sep}{what.get(lang)[:1].lower()}{what.get(lang)[1:]}")
    return " ".join(parts) or None


def _precedent(ctx: Context, mechanic: str, used: set[str]) -> CampaignCard | None:
    """A campaign whose pattern this idea can borrow: it used the mechanic, shares the brief's
    sector, is no scandal and no crisis — and, among those, one from the target market first,
    then the closest to the brief. None rather than a stretch."""
    brief = ctx.brief
    market = primary_market(brief) or ctx.market

    def comparable(c: CampaignCard) -> bool:
        if c.cautionary or c.campaign_type == "crisis" or "crisis" in c.objectives:
            return False
        if c.id in used:
            return False
        if c.campaign_type in PUBLIC_TYPES and brief.sector not in PUBLIC_SECTORS:
            return False  # a public-health or NGO campaign is no pattern for a brand's idea
        restricted = set(c.sectors) & RESTRICTED_SECTORS
        if restricted and brief.sector not in restricted:
            return False  # the state lottery's campaign is no pattern for a teens' library pass
        # A precedent from another sector is a stretch, not a pattern; without a sector, none.
        return brief.sector is not None and brief.sector in c.sectors

    found = [c for c in ctx.catalog.campaigns_for_mechanic(mechanic) if comparable(c)]
    found.sort(key=lambda c: (market not in c.markets, -campaign_overlap(c, brief), -c.year, c.id))
    return found[0] if found else None


def _mechanic_fit(ctx: Context) -> tuple[dict[str, float], dict[str, str], float]:
    """How well each mechanic serves the brief (crisis response only for a crisis), the
    mechanic's document in the answer's language, and the best score."""
    ranked = rank_mechanics(ctx.catalog.mechanics(ctx.lang), ctx.brief)
    crisis = "crisis" in ctx.brief.objectives
    fit = {s.mechanic_id: s.score for _, s in ranked if crisis or s.family != "crisis"}
    docs = {s.mechanic_id: m.id for m, s in ranked}
    return fit, docs, max(fit.values(), default=0.0) or 1.0


def _candidates(
    ctx: Context,
    moment: _Moment | None,
    sensitive: SensitiveTopic | None = None,
    category: ProductCategory | None = None,
) -> list[_Candidate]:
    lang, brief = ctx.lang, ctx.brief
    fit, docs, best = _mechanic_fit(ctx)
    experts = experts_text(ctx)
    if sensitive is not None and sensitive.experts is not None:
        experts = sensitive.experts.get(lang)  # on grief, bereavement counsellors, not actuaries
    values: dict[str, str | None] = {
        "subject": subject(ctx),
        "moment": moment.name if moment else None,
        "market": label("market", ctx.market, lang) if ctx.market else None,
        "audience": _who(ctx),
        "experts": experts,
        "sector": label("sector", brief.sector, lang) if brief.sector else None,
        "theme": _theme(ctx, sensitive),
        "years": _years_said(ctx),
    }
    if category is not None:
        values.update(category_values(category, lang))
    band = budget_band(brief)
    wanted = set(brief.objectives[:2])
    within = dict(values, subject=in_sentence(ctx, subject(ctx)))
    out: list[_Candidate] = []
    occasions = _occasions(ctx)
    for doc_id, pattern in ctx.catalog.idea_patterns():
        if pattern.mechanic not in fit or not _suits(pattern, ctx, sensitive):
            continue
        if pattern.occasions and not set(pattern.occasions) & occasions:
            continue  # a birthday's pattern is for a birthday
        if pattern.home_moment and moment is not None and moment.venue:
            continue  # nobody films a ritual at home "during" a games fair they visit
        if band is not None and band not in pattern.budget_bands:
            continue
        on_theme = pattern.on_theme if brief.theme or sensitive else None
        # the product's own material when its category is known and no theme leads the card
        on_product = pattern.on_product if category is not None and on_theme is None else None
        texts: dict[str, str] = {}
        for field in ("headline", "spread", "first_step", "truth"):
            source = getattr(on_theme, field, None) if on_theme is not None else None
            if on_product is not None and field != "truth":
                source = getattr(on_product, field, None)
            template = (source or getattr(pattern, field)).get(lang)
            # the subject takes its article everywhere, titles included ("La conserverie de
            # sardines bretonne prend le contre-pied"); a name stays bare
            filled = _fill(template, within)
            if filled is None:
                break
            texts[field] = _capitalise(_flow(_agree(filled, values["subject"] or "", lang), lang))
        else:
            uses_moment = moment is not None and "moment" in pattern.needs()
            score = (
                fit[pattern.mechanic] / best
                + 0.5 * pattern.strength
                + (0.3 if on_product is not None else 0.0)
                + (0.3 if wanted & set(pattern.objectives) else 0.0)
                + (0.2 if uses_moment and moment and moment.insights else 0.1 * uses_moment)
                + (0.6 if sensitive is not None and pattern.tone == "serious" else 0.0)
                + (2.0 if pattern.occasions else 0.0)  # the brief's occasion leads
            )
            out.append(_Candidate(pattern, doc_id, docs[pattern.mechanic], round(score, 4), texts))
    return sorted(out, key=lambda c: (-c.score, c.pattern.id))


_WHO_WORDS = {
    "parents": ("parent", "famil", "enfant", "child", "kid"),
    "students": ("etudiant", "student", "campus"),
    "gen-z": ("jeune", "young", "ado", "teen"),
    "boomers": ("senior", "retraite", "retire", "grands-parents", "grandparent"),
    "women": ("femme", "women", "woman"),
    "b2b-decision-makers": ("entreprise", "business", "acheteur", "buyer"),
    "professionals": ("artisan", "professionnel", "professional", "trade"),
}


def _for_them(ctx: Context, seed: Seed) -> float:
    """1 when the seed speaks of the people the brief names (families for "convince families"),
    so an idea for tradesmen does not lead a brief about parents."""
    text = fold(f"{seed.insight.get(ctx.lang)} {seed.spread.get(ctx.lang)}")
    for code in audience_codes(ctx.brief)[:2]:
        if any(w in text for w in _WHO_WORDS.get(code, ())):
            return 1.0
    return 0.0


def _seeded(
    ctx: Context,
    category: ProductCategory,
    moment: _Moment | None,
    sensitive: SensitiveTopic | None,
    wanted: int,
    only: str = "",
) -> list[Idea]:
    """The category's authored ideas that fit this brief: those built for its moment first,
    then those for any time of year (never one built for another moment), ordered by how well
    their mechanic serves the brief; one mechanic each."""
    lang = ctx.lang
    fit, docs, best = _mechanic_fit(ctx)
    said = fold(" ".join(x for x in (ctx.text or "", moment.name if moment else "") if x))
    scored: list[tuple[float, int, str, Seed]] = []
    for n, (doc_id, seed) in enumerate(ctx.catalog.category_seeds(category.id)):
        if seed.mechanic not in fit or (sensitive is not None and seed.tone == "playful"):
            continue
        built_for = any(trigger_in(w, said) for w in seed.moments)
        if seed.moments and not built_for:
            continue  # a Christmas idea is no Easter idea
        if (only == "built" and not built_for) or (only == "anytime" and seed.moments):
            continue
        score = 2.0 * built_for + fit[seed.mechanic] / best + _for_them(ctx, seed)
        scored.append((score, n, doc_id, seed))
    scored.sort(key=lambda x: (-x[0], x[1]))
    values: dict[str, str | None] = {
        "subject": in_sentence(ctx, subject(ctx)),
        "market": label("market", ctx.market, lang) if ctx.market else None,
        "moment": moment.name if moment else None,
    }
    guard = guard_rail(ctx, sensitive)
    used: set[str] = set()
    mechanics: set[str] = set()
    ideas: list[Idea] = []
    for _, _, doc_id, seed in scored:
        if len(ideas) >= wanted or seed.mechanic in mechanics:
            continue
        texts: dict[str, str] = {}
        for field in ("title", "insight", "spread", "first_step"):
            filled = _fill(getattr(seed, field).get(lang), values)
            if filled is None:
                break
            # authored French stays as written ("fait la une", "le hacker"): only the market's
            # preposition is fixed ("en Royaume-Uni" → "au Royaume-Uni")
            texts[field] = _capitalise(fix_french(filled) if lang == "fr" else filled)
        else:
            precedent = _precedent(ctx, seed.mechanic, used) if sensitive is None else None
            if precedent is not None:
                used.add(precedent.id)
            mechanics.add(seed.mechanic)
            ideas.append(
                Idea(
                    name=texts["title"],
                    insight=texts["insight"],
                    mechanic=seed.mechanic,
                    spread=texts["spread"],
                    first_step=texts["first_step"],
                    pattern=precedent.id if precedent else None,
                    guard=guard,
                    sources=ctx.book.cite_all(
                        docs.get(seed.mechanic), doc_id, precedent.id if precedent else None
                    ),
                )
            )
    return ideas


def build_ideas(ctx: Context) -> list[Idea]:
    """As many ideas as asked (three when unsaid), strongest first, one mechanic each: the
    product category's authored ideas first, then the creative patterns for the rest (built
    once per answer)."""
    if ctx.ideas is None:
        ctx.ideas = _build_ideas(ctx)
    return ctx.ideas


def rides_on_moment(ctx: Context) -> bool:
    """Whether the strongest idea is built on the brief's moment (a pattern built on it, or
    an idea written for it), so the lead may say so; the caller knows there is a moment."""
    ideas = build_ideas(ctx)
    if not ideas:
        return False
    category = product_category(ctx)
    if category is None:
        return True  # the creative patterns are all built on the moment
    lang = ctx.lang
    anytime = {
        seed.title.get(lang)
        for _, seed in ctx.catalog.category_seeds(category.id)
        if not seed.moments
    }
    return ideas[0].name not in anytime


def _build_ideas(ctx: Context) -> list[Idea]:
    lang = ctx.lang
    moment = _moment(ctx)
    sensitive = sensitive_topic(ctx)
    theme = _theme(ctx, sensitive)
    category = product_category(ctx)
    wanted = min(ideas_asked(ctx.text) or DEFAULT_IDEAS, MAX_IDEAS)
    seeded: list[Idea] = []
    anytime: list[Idea] = []
    theme_own = (
        bool(ctx.brief.theme)
        and category is not None
        and (category_in(ctx, fold(ctx.brief.theme or "")) is category)
    )  # "sensibiliser aux robots tondeuses": the theme is the category's own subject
    if category is not None and (not ctx.brief.theme or theme_own):
        if _asked(ctx, moment):
            # a moment the brief asks for ("pour Pâques"): the ideas written for it first; when
            # there are none, one idea built on the moment, then the category's ideas for any
            # time of year rather than more patterns filled in with its words
            seeded = _seeded(ctx, category, moment, sensitive, wanted, only="built")
            anytime = _seeded(ctx, category, moment, sensitive, wanted, only="anytime")
        else:
            seeded = _seeded(ctx, category, moment, sensitive, wanted)
    candidates = _candidates(ctx, moment, sensitive, category)
    # a birthday leads with the ideas written for it (half of those asked, at least one), then
    # the product's own ideas
    picked: list[_Candidate] = []
    for candidate in candidates:
        if (
            candidate.pattern.occasions
            and len(picked) < (wanted + 1) // 2
            and all(c.pattern.mechanic != candidate.pattern.mechanic for c in picked)
        ):
            picked.append(candidate)
    leading = len(picked)
    if leading:
        taken_first = {c.pattern.mechanic for c in picked}
        seeded = [i for i in seeded if i.mechanic not in taken_first][: wanted - leading]
        anytime = [i for i in anytime if i.mechanic not in taken_first]
    elif len(seeded) >= wanted:
        return seeded
    taken = {i.mechanic for i in seeded}
    for candidate in candidates:
        if len(picked) >= wanted - len(seeded):
            break
        if candidate.pattern.occasions:
            continue  # placed above, or not wanted
        mechanic = candidate.pattern.mechanic
        if mechanic not in taken and all(c.pattern.mechanic != mechanic for c in picked):
            picked.append(candidate)
    who = _who(ctx)
    truths: list[tuple[str, str]] = []
    if theme is not None:
        # A brief with a theme: every insight is about it — the sensitive theme's own truths
        # first, then each pattern's truth about the theme, as a hypothesis.
        for known in sensitive.truths if sensitive is not None else []:
            filled = _fill(known.get(lang), {"theme": theme})
            if filled:
                truths.append(("", _capitalise(_flow(filled, lang))))
    else:
        # The moment's first truth, then the product's (what it is like to use one), then the
        # moment's others and those of the brief's audience the base knows.
        moments = [(moment.name, t) for t in moment.insights] if moment else []
        product = [("", t.get(lang)) for t in category.truths] if category is not None else []
        truths = moments[:1] + product + moments[1:]
        label_of = who or ""
        for code in audience_codes(ctx.brief)[:2]:
            truths += [(label_of, t) for t in ctx.catalog.audience_truths(code, lang)]
    hypothesis = " (hypothèse à vérifier)" if lang == "fr" else " (a hypothesis to test)"
    sep = " : " if lang == "fr" else ": "  # after the audience, before a hypothesis
    guard = guard_rail(ctx, sensitive)
    used: set[str] = set()
    ideas: list[Idea] = []
    for i, candidate in enumerate(picked):
        pattern = candidate.pattern
        if pattern.occasions:
            insight = candidate.texts["truth"]  # what the occasion means to people
        elif i < len(truths) and moment is not None and truths[i][0] == moment.name:
            insight = _moment_insight(moment.name, truths[i][1])
        elif i < len(truths):
            about, truth = truths[i]
            insight = f"{_capitalise(about)}{sep}{truth[:1].lower()}{truth[1:]}" if about else truth
        else:
            truth = candidate.texts["truth"]
            whose = who if theme is None else None
            insight = f"{_capitalise(whose)}{sep}{truth[:1].lower()}{truth[1:]}" if whose else truth
            insight += hypothesis
        # no borrowed stunt or challenge for a theme that asks for care
        precedent = _precedent(ctx, pattern.mechanic, used) if sensitive is None else None
        if precedent is not None:
            used.add(precedent.id)
        ideas.append(
            Idea(
                name=_capitalise(candidate.texts["headline"]),
                insight=insight,
                mechanic=pattern.mechanic,
                spread=candidate.texts["spread"],
                first_step=candidate.texts["first_step"],
                pattern=precedent.id if precedent else None,
                guard=guard,
                sources=ctx.book.cite_all(
                    candidate.mechanic_doc,
                    candidate.doc_id,
                    precedent.id if precedent else None,
                ),
            )
        )
    if not anytime:
        return [*ideas[:leading], *seeded, *ideas[leading:]]
    # the asked moment carried once, by the pattern that names it, when no idea is written for it
    bare = _bare(moment.name) if moment else "\0"
    on_moment = [] if seeded else [i for i in ideas if bare in fold(f"{i.name} {i.spread}")][:1]
    out: list[Idea] = []
    for idea in [*ideas[:leading], *seeded, *on_moment, *anytime, *ideas[leading:]]:
        if len(out) < wanted and all(o.mechanic != idea.mechanic for o in out):
            out.append(idea)
    return out


def _occasions(ctx: Context) -> set[str]:
    """The occasions the brief celebrates (a birthday), which patterns can be written for."""
    return {"anniversary"} if anniversary(ctx.text or "") is not None else set()


def _years_said(ctx: Context) -> str | None:
    """The anniversary as a sentence says it ("ses 100 ans", "100 years"; "son anniversaire",
    "the anniversary" when no number is given); None without one."""
    years = anniversary(ctx.text or "")
    if years is None:
        return None
    if ctx.lang == "fr":
        return f"ses {years} ans" if years else "son anniversaire"
    return f"{years} years" if years else "the anniversary"


def _asked(ctx: Context, moment: _Moment | None) -> bool:
    """Whether the brief names the moment the cards are built on ("pour Pâques")."""
    if (ctx.brief.timing and ctx.brief.timing.events) or (moment and moment.asked):
        return True
    bare = _bare(moment.name) if moment else ""
    return bool(bare) and trigger_in(bare, fold(ctx.text or ""))


def _bare(name: str) -> str:
    """A moment's folded name without its article ("la Chandeleur" → "chandeleur")."""
    return re.sub(r"^(?:the|le|la|les|l')\s*", "", fold(name))
