"""Learn mode: a short card — explanation, example campaign, glossary line, check question."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from bot.brief.text import fold
from bot.engine.calendar import trigger_in
from bot.engine.context import Context
from bot.engine.scoring import stems
from bot.i18n import label, t
from bot.knowledge.loader import KnowledgeDoc
from bot.knowledge.schema import CampaignCard, Glossary, Lesson, Mechanic, Term
from bot.models import LearnCard

MIN_LESSON_SCORE = 1.4  # the concept's document among a lesson's first three related ids
EXPLAIN_KINDS = ("principle", "lesson", "mechanic", "channel", "glossary")
_LEAD = re.compile(
    r"^\s*(?:(?:c['’]est quoi|qu['’]est[- ]ce que?|qu['’]est[- ]ce qu['’]|explique[sz]?[- ]moi|"
    r"expliquez[- ]moi|d[ée]finis|d[ée]finition (?:de|du|des)|comment fonctionne|"
    r"(?:tu )?peux[- ]tu|pourrais[- ]tu|(?:vous )?pouvez[- ]vous|tu peux|vous pouvez|"
    r"m['’ ]\s*expliquer|nous expliquer|expliquer|montrer|m['’ ]\s*apprendre|apprendre|"
    r"show|teach|"
    r"(?:could|can|would) you(?: please)?|please|explain to (?:me|us)|to (?:me|us)|"
    r"what(?:['’]s| is| are)|explain|define|how does|tell me about|teach me|"
    r"comment (?:est[- ]ce qu['’]on |on |fait[- ]on pour |faire pour )?|"
    r"how (?:do (?:i|we|you) |should (?:i|we) |to |can (?:i|we) )?)\s*)+",
    re.IGNORECASE,
)
# an article is a word of its own: "angle presse" keeps its "a", "l'angle" loses its "l'"
_ARTICLE = re.compile(r"^(?:(?:the|a|an|le|la|les|un|une|du|des|de)\s+|l['’]\s*)", re.IGNORECASE)


@lru_cache(maxsize=8192)  # the same titles and tags for every question
def _norm(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", " ").split()
    )


# "C'est quoi le « two-step flow » et…": a term set in quotes is the concept asked about
_QUOTED = re.compile(r"«\s*([^«»]{2,60}?)\s*»|“([^“”]{2,60})”|\"([^\"]{2,60})\"")


MAX_QUOTED_WORDS = 6
# Questions that ask how to explain, not what: "Un exemple ?", "Tu peux m'aider ?"
_FILLER = re.compile(
    r"(?:un |an |a |any |some |one |des |quelques |un petit |a quick |a concrete |a real )?"
    r"(?:exemples?|examples?|merci|thanks|thank you|svp|please|aide|help|"
    r"tu peux m aider|can you help|des idees|ideas|pourquoi|why|ok|d accord)"
)


# A question that only asks how to be taught ("Junior here, could you show me with an example?"):
# the concept is in the other question.
_ASIDE = re.compile(
    r"\b(?:show me|montre[- ]moi|montrez[- ]moi|with an example|avec un exemple|an example|"
    r"un exemple|junior here|je debute|je suis junior|please|svp|stp)\b"
)


def _aside(question: str) -> bool:
    concept = _norm(concept_of(question.strip(), None))
    if _FILLER.fullmatch(concept):
        return True
    return bool(_ASIDE.search(concept)) and len(_ASIDE.sub(" ", concept).split()) <= 5


def concept_of(text: str, topic: str | None) -> str:
    quoted = _QUOTED.search(text)
    if quoted:
        term = next(g for g in quoted.groups() if g).strip()
        if len(term.split()) <= MAX_QUOTED_WORDS:
            return term
    source = topic if topic and topic.strip() else text
    # "Je débute : comment rédiger…": what comes before the question is who asks, not what
    source = source.strip()
    context = _CONTEXT.match(source)
    if context and _ASKER.search(context.group(0)):
        source = source[context.end() :]
    cleaned = _LEAD.sub("", source.strip())
    # "expliquer à une stagiaire comment on écrit…": who is taught is not what
    cleaned = _LEARNER.sub("", cleaned)
    cleaned = _LEAD.sub("", cleaned)
    cleaned = re.sub(
        r"^(?:exactement|exactly|vraiment|really|pr[ée]cis[ée]ment|precisely|concr[èe]tement|"
        r"concretely|actually|en fait|au juste)\s+",
        "",
        cleaned,
        flags=re.I,
    )
    cleaned = _ARTICLE.sub("", cleaned).strip(" ?!.;:\"'«»")
    cleaned = re.sub(
        r",?\s+(?:concr[èe]tement|exactement|vraiment|en fait|au juste|exactly|really|actually)$",
        "",
        cleaned,
        flags=re.I,
    )
    cleaned = re.sub(r"\s+(?:work|works|fonctionne)\s*$", "", cleaned)
    cleaned = _ASIDES.sub("", cleaned).strip(" ,?!.;:")
    # "the two-step flow theory", "la théorie du two-step flow": the concept, not its genre
    cleaned = re.sub(r"\s+(?:theory|th[ée]orie|concept|framework)\s*$", "", cleaned, flags=re.I)
    cleaned = re.sub(
        r"^(?:th[ée]orie|theory|concept|notion)\s+(?:of\s+(?:the\s+)?|du\s+|de\s+la\s+|des\s+|de\s+l['’]|d['’])",
        "",
        cleaned,
        flags=re.I,
    )
    return (cleaned or source.strip())[:80]


_LEARNER = re.compile(
    r"^(?:(?:à|a|to)\s+)?(?:un|une|mon|ma|mes|nos|notre|a|an|my|our|the|la|le|les)\s+"
    r"(?:stagiaires?|juniors?|interns?|alternant(?:e|es|s)?|nouvelles?\s+recrues?|new\s+hires?|"
    r"trainees?)\s+(?=comment|how|ce qu|what|pourquoi|why|qu)",
    re.IGNORECASE,
)

_CONTEXT = re.compile(
    r"^[^:?!]{1,80}:\s*(?=(?:comment|how|what|why|pourquoi|quand|when|qu['’]|c['’]est|"
    r"explique|explain|what's)\b)",
    re.IGNORECASE,
)

# A lead-in about who asks ("Je débute :", "Quick one for a junior:"), unlike one that names
# the subject ("Communiqué ou dossier de presse : c'est quoi la différence ?").
_ASKER = re.compile(
    r"\b(?:je|j['’]|i|i['’]m|we|nous|on|junior|juniors|stagiaires?|interns?|d[ée]but|new|"
    r"nouvel(?:le)?|nouveau|question|help|aide|quick|petite|hello|bonjour|salut|hi|hey|"
    r"coucou|dis|team|[ée]quipe)\b",
    re.IGNORECASE,
)


# "… with an example", "… simplement": how to explain, not what.
_ASIDES = re.compile(
    r"[\s,]+(?:with (?:an |a concrete |some )?examples?|avec (?:un |des )?exemples?(?: concrets?)?|"
    r"in (?:simple|plain) (?:words|terms)|simplement|en d[ée]tail|in detail|step by step|"
    r"pas [àa] pas|for (?:a|my) junior|pour (?:un|une|mon|ma) (?:junior|stagiaire)|"
    r"and (?:what|why|how) |et (?:ce que|ce qu['’]|pourquoi|comment|en quoi) )\b.*$",
    re.IGNORECASE,
)


def _in_language(ctx: Context, doc: KnowledgeDoc) -> KnowledgeDoc:
    """The document's version in the answer's language, when there is one and it is visible."""
    if doc.meta.language == ctx.lang:
        return doc
    # a translation names its original; some pairs name each other: any link joins them
    family = {doc.id, *([doc.meta.translation_of] if doc.meta.translation_of else [])}
    for other in ctx.catalog.docs.values():
        if (
            other.meta.language == ctx.lang
            and ({other.id, other.meta.translation_of} & family)
            and ctx.book.has(other.id)
        ):
            return other
    return doc


_CORE_HEADINGS = re.compile(
    r"^(?:in short|en bref|l['’]essentiel|the essentials|en r[ée]sum[ée]|summary)",
    re.IGNORECASE,
)
_PRACTICE_HEADINGS = re.compile(
    r"^(?:how to use|comment l['’]utiliser|en pratique|in practice|how it works|"
    r"comment [çc]a marche)",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
EXPLAIN_CHARS = 900
PRACTICE_CHARS = 400


def _clip(text: str, limit: int) -> str:
    """`text` cut at the last sentence end before `limit` characters (plain prose only)."""
    flat = " ".join(line.strip().lstrip("-*0123456789. ") for line in text.splitlines())
    flat = " ".join(flat.split())
    if len(flat) <= limit:
        return flat
    out = ""
    for sentence in _SENTENCE.split(flat):
        if len(out) + len(sentence) + 1 > limit:
            break
        out = f"{out} {sentence}".strip()
    return out or flat[:limit].rsplit(" ", 1)[0] + "…"


_LESSON_PARTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "learn.why",
        re.compile(r"^(?:why it matters|pourquoi (?:c['’]est important|[çc]a compte))", re.I),
    ),
    ("learn.how", re.compile(r"^(?:in practice|en pratique|how to|comment faire)", re.I)),
    (
        "learn.mistake",
        re.compile(
            r"^(?:the common mistakes?|common mistakes?|l['’]erreur|erreurs? fr[ée]quentes?)",
            re.I,
        ),
    ),
)
_EXAMPLE_HEADING = re.compile(r"^(?:worked example|exemple comment[ée]|example|exemple)", re.I)
PART_CHARS = 700
_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]*\)")
_DOC_ID = re.compile(r"\s*\((?:mechanic|principle|lesson|campaign|playbook|channel)-[a-z0-9-]+\)")
HOW_CHARS = 1400  # the steps are the lesson: a junior gets all of them, not the first two
EXAMPLE_CHARS = 2400  # a worked example may show the piece itself (the pitch email, in full)


def _structured(text: str, limit: int) -> str:
    """A section's text with its list structure kept (steps stay steps), cut near `limit`."""
    out: list[str] = []
    size = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if size + len(line) > limit and out:
            break
        out.append(line)
        size += len(line)
    return "\n".join(out)


def lesson_text(doc: KnowledgeDoc, lang: str) -> str | None:
    """A lesson taught whole: the definition, why it matters, how to do it, the common mistake
    (from the lesson's own sections); None when the document is not laid out as a lesson."""
    core = next((s for s in doc.sections if _CORE_HEADINGS.match(s.heading)), None)
    if core is None:
        return None
    parts = [_clip(core.text, EXPLAIN_CHARS)]
    found = 0
    for key, pattern in _LESSON_PARTS:
        section = next((s for s in doc.sections if pattern.match(s.heading)), None)
        if section is not None:
            found += 1
            limit = HOW_CHARS if key == "learn.how" else PART_CHARS
            parts.append(f"**{t(key, lang)}**\n{_structured(section.text, limit)}")
    return "\n\n".join(parts) if found >= 2 else None


# "## Worked example (when: series b, funding round)": an example for questions with those words
_WHEN = re.compile(r"\((?:when|quand)\s*:\s*([^)]*)\)\s*$", re.I)


def lesson_example(doc: KnowledgeDoc, question: str = "") -> str | None:
    """The lesson's worked example: the one whose `(when: …)` words the question uses (a
    funding round's pitch for a Series B question), else its plain one."""
    folded = fold(question)
    examples = [s for s in doc.sections if _EXAMPLE_HEADING.match(s.heading)]
    fitting = [
        s
        for s in examples
        if (when := _WHEN.search(s.heading))
        and any(trigger_in(w.strip(), folded) for w in when.group(1).split(",") if w.strip())
    ]
    plain = [s for s in examples if not _WHEN.search(s.heading)]
    section = next(iter(fitting or plain or examples), None)
    if section is None:
        return None
    # "*Fictional example, for teaching.* An imaginary…": the italic note, kept as a plain aside
    # (after a bold label its asterisks would be read as the end of the bold)
    text = re.sub(r"^\*([^*\n]+)\*\s*", r"(\1) ", section.text.strip())
    text = _LINK.sub(r"\1", _DOC_ID.sub("", text))  # a link reads as its words, an id not at all
    if "\n>" not in text:
        return _clip(text, EXAMPLE_CHARS)  # the example taught whole, down to its payoff
    # a worked example that shows the piece (a quoted email) keeps its lines and the piece whole
    return _structured(text, EXAMPLE_CHARS)


def explain(doc: KnowledgeDoc) -> str:
    """The document's own core section (In short / En bref…), plus the gist of its practice
    section; the summary when it has neither."""
    core = next((s for s in doc.sections if _CORE_HEADINGS.match(s.heading)), None)
    if core is None:
        return doc.meta.summary
    text = _clip(core.text, EXPLAIN_CHARS)
    practice = next((s for s in doc.sections if _PRACTICE_HEADINGS.match(s.heading)), None)
    if practice is not None:
        text += (
            f"\n\n**{practice.heading}** : "
            if doc.meta.language == "fr"
            else (f"\n\n**{practice.heading}**: ")
        )
        text += _clip(practice.text, PRACTICE_CHARS)
    return text


def _term_matches(term: Term, concept: str) -> bool:
    c = _norm(concept)
    for name in (term.fr, term.en):
        # "press release / news release": either name is the term
        for part in (name, *name.split(" / ")):
            n = _norm(part)
            if n and (n in c or c in n) and (len(n) >= MIN_TERM_CHARS or n == c):
                return True
    return False


MIN_TERM_CHARS = 4  # a part this short ("PR") names the term only when it is the whole concept


def find_term(ctx: Context, concept: str) -> tuple[Glossary, Term] | None:
    glossaries = [g for g in ctx.catalog.glossaries() if ctx.book.has(g.id)]
    for glossary in glossaries:
        for term in glossary.terms:
            if _term_matches(term, concept):
                return glossary, term
    hit_sections = {
        h.metadata.get("section") for h in ctx.hits if h.metadata.get("kind") == "glossary"
    }
    for glossary in glossaries:
        for term in glossary.terms:
            if f"{term.fr} / {term.en}" in hit_sections:
                return glossary, term
    return None


def _prefer_language(campaigns: list[CampaignCard], lang: str) -> CampaignCard | None:
    """The first campaign written in `lang`, else the first one."""
    return next((c for c in campaigns if c.language == lang), campaigns[0] if campaigns else None)


def _example(ctx: Context, best: KnowledgeDoc | None) -> tuple[str, list[int]] | None:
    found_hits = [
        card
        for hit in ctx.hits
        if (doc := ctx.catalog.get(hit.doc_id)) is not None and (card := doc.card()) is not None
    ]
    campaign: CampaignCard | None = _prefer_language(found_hits, ctx.lang)
    mechanic_id: str | None = None
    if campaign is None and best is not None:
        if isinstance(best.meta, Mechanic):
            mechanic_id = best.meta.translation_of or best.id
            campaign = _prefer_language(ctx.catalog.campaigns_for_mechanic(mechanic_id), ctx.lang)
        else:
            for ref in best.meta.related:
                doc = ctx.catalog.get(ref)
                if doc is not None and (card := doc.card()) is not None:
                    campaign = card
                    break
            for ref in best.meta.related if campaign is None else ():
                doc = ctx.catalog.get(ref)
                if doc is not None and isinstance(doc.meta, Mechanic):
                    found = ctx.catalog.campaigns_for_mechanic(ref)
                    if found:
                        mechanic_id = doc.meta.translation_of or ref
                        campaign = _prefer_language(found, ctx.lang)
                        break
    if campaign is None or not ctx.book.has(campaign.id):
        return None
    mech = mechanic_id or campaign.mechanics[0]
    text = t(
        "learn.example_line",
        ctx.lang,
        campaign=campaign.title,
        brand=campaign.brand,
        year=campaign.year,
        mechanic=label("mechanic", mech, ctx.lang),
    )
    return text, ctx.book.cite(campaign.id)


def _check_question(
    ctx: Context, best: KnowledgeDoc | None, concept: str
) -> tuple[str, int | None]:
    lessons = [d for d in ctx.catalog.of_kind("lesson", None) if isinstance(d.meta, Lesson)]
    best_family = (best.meta.translation_of or best.id) if best is not None else None
    candidates: list[KnowledgeDoc] = []
    if best is not None and isinstance(best.meta, Lesson):
        candidates.append(best)
    if best_family:
        wanted = _norm(concept)
        scored: list[tuple[float, str, KnowledgeDoc]] = []
        for lesson in lessons:
            related = [ctx.catalog.original_id(r) for r in lesson.meta.related]
            score = 2.0 - 0.3 * related.index(best_family) if best_family in related else 0.0
            if len(wanted) >= 3 and wanted in _norm(lesson.meta.title):
                score += 2.0
            if score >= MIN_LESSON_SCORE and lesson not in candidates:
                scored.append((score, lesson.id, lesson))
        candidates += [d for _, _, d in sorted(scored, key=lambda x: (-x[0], x[1]))]
    for lesson in candidates:
        local = _in_language(ctx, lesson)
        if local.meta.language == ctx.lang and isinstance(local.meta, Lesson):
            numbers = ctx.book.cite(local.id)
            return local.meta.check_question, numbers[0] if numbers else None
    return t("learn.check_composed", ctx.lang, concept=concept), None


# "rédiger un bon communiqué de presse": the thing to learn is the press release, the verb and
# the praise around it are how the question is put
_DOING = re.compile(
    r"^(?:(?:i|we|you|on|je|nous|tu)\s+)?(?:(?:lire|lit|lis|read|ecrire|ecrit|ecris|ecrivez|rediger|redige|redigez|faire|fait|fais|faites|preparer|prepare|"
    r"construire|construit|structurer|reussir|write|writes|writing|draft|"
    r"drafting|make|build|prepare|do|choose|choosing|pick|set|setting|define|choisir|choisit|"
    r"definir|fixer|fixe)\s+)?(?:(?:un|une|le|la|les|des|a|an|the)\s+)?"
    r"(?:(?:bon|bonne|bons|bonnes|good|great|strong|effective|efficace)\s+)?"
)


_QUALIFIER = re.compile(r"\s(?:for|pour|about|sur|in|dans|when|quand|lors)\s")


def pick_best(ctx: Context, concept: str, window: int = 6) -> KnowledgeDoc | None:
    """The hit that best explains `concept`: retrieval rank, plus the concept named in the
    document's title or tags."""
    wanted = _DOING.sub("", _norm(concept)).strip() or _norm(concept)
    # "a press release for a product launch" is about the press release: the words before a
    # qualifier name the concept a title would
    head = _QUALIFIER.split(wanted, maxsplit=1)[0].strip()
    head = _ARTICLE.sub("", head)
    concept_stems = set(stems(concept))
    best: tuple[float, KnowledgeDoc] | None = None
    ranked = [ctx.catalog.get(hit.doc_id) for hit in ctx.hits[:window]]
    lessons = [d for d in ctx.catalog.of_kind("lesson", ctx.book.access) if d not in ranked]
    for rank, doc in enumerate([*ranked, *lessons]):
        if doc is None or doc.meta.kind not in EXPLAIN_KINDS:
            continue
        names = _norm(" ".join([doc.meta.title, *doc.meta.tags]))
        score = -0.1 * min(rank, window)
        shared = concept_stems & set(stems(names))
        title = _norm(doc.meta.title)
        if (len(wanted) >= 3 and wanted in title) or (len(head) >= 5 and head in title):
            score += 2.6  # the document about the concept, before one that only tags it
        elif (
            (len(wanted) >= 3 and wanted in names)
            or wanted in map(_norm, doc.meta.tags)
            # "KPIs for a PR campaign…": the words before its qualifier are a tag of it
            or (len(head) >= 3 and head in map(_norm, doc.meta.tags))
        ):
            score += 2.0  # (a tag the concept is, however short: "CP" for a press release)
        elif shared:
            score += min(len(shared), 3) * 0.6
        else:
            continue
        if doc.meta.kind == "lesson":
            score += 0.5  # a lesson is written to teach
        if best is None or score > best[0]:
            best = (score, doc)
    if best is None:  # nothing names the concept: the best-ranked explaining hit
        for doc in ranked:
            if doc is not None and doc.meta.kind in EXPLAIN_KINDS:
                return doc
    return best[1] if best else None


def lesson_title(ctx: Context, concept: str) -> str | None:
    """What the lesson that answers `concept` teaches, as its title says it without its number
    ("pitching journalists: angles, lead times…"), or None when no lesson answers it."""
    best = pick_best(ctx, concept)
    if best is None or best.meta.kind != "lesson":
        return None
    title = _in_language(ctx, best).meta.title
    return re.sub(r"^(?:lesson|le[çc]on)\s*\d+\s*:\s*", "", title, flags=re.I) or None


def asked_concept(text: str, topic: str | None) -> str:
    """The concept the message asks to learn. "Je débute. Jeudi j'appelle Le Télégramme…
    Comment trouver un bon angle ?": it is in a question the message asks, not in its context
    ("Un exemple ?" is how to explain, not what)."""
    concept = concept_of(text, topic)
    if not _QUOTED.search(text):
        questions = [q for q in re.findall(r"[^.?!\n]+\?", text) if not _aside(q)]
        # of several questions, the one that asks how or what ("comment on écrit un bon
        # communiqué ?"), not the one that asks to be shown ("tu peux m'expliquer la méthode ?")
        asking = [q for q in questions if _HOW_OR_WHAT.search(_norm(q))]
        first = questions[0] if questions else None
        if len(questions) > 1 and asking:
            questions = asking
        if questions and questions[-1].strip() != text.strip():
            # "Et comment on écrit un bon chapô ?": the second question of two, without its "et"
            last = re.sub(
                r"^(?:et|and|also|aussi|alors|so|puis)\b[\s,]*",
                "",
                questions[-1].strip(),
                flags=re.I,
            )
            asked = concept_of(last, None)
            if first is not None and _PRONOUN_ASK.match(_norm(asked)):
                # "C'est quoi un insight ? Comment on en trouve un bon ?": "en" is the insight
                asked = concept_of(first.strip(), None)
            # "…jamais fait de pitch journaliste : comment on s'y prend ?": the question is how,
            # what it is about was said before it
            if not _generic(asked):
                concept = asked
            else:
                # "First time pitching a trade journalist by email. How do I do it well?": the
                # sentence before the question says what
                before = text[: text.find(questions[0])] if questions[0] in text else ""
                said = [x for x in re.split(r"(?<=[.!?:])\s+", before.strip()) if x.strip()]
                if said and not said[-1].rstrip().endswith("?"):
                    concept = concept_of(said[-1].strip(), None)
    if _generic(concept):
        # "Jamais pitché une journaliste : comment on s'y prend ?": what comes before the colon
        head = re.split(r"\s*[:?]\s*", text.strip(), maxsplit=1)[0]
        named = concept_of(head, None) if head and head != text.strip() else ""
        if named and not _generic(named):
            concept = named
    return concept


# Words a question can be made of without naming anything to learn ("How do I do it well?")
_EMPTY_WORDS = frozenset(
    """do it this that well right properly correctly best better the a an faire fais le la les
    bien ca cela correctement mieux y prendre s on je i we you should can could go about
    proceed start begin commencer proceder comment how et and so alors donc aussi also it's
    is there any est ce que quoi what bonne bon good right structure format methode method
    exemple example etapes steps template modele""".split()  # noqa: SIM905
)


def _generic(asked: str) -> bool:
    """The question asks how, and what it is about was said before it."""
    said = _norm(asked)
    return bool(_GENERIC_ASK.match(said)) or not [
        w for w in re.split(r"[^a-z0-9]+", said) if w and w not in _EMPTY_WORDS
    ]


_HOW_OR_WHAT = re.compile(
    r"\b(?:comment|how|c.est quoi|qu.est.ce|what is|what.s|what are|pourquoi|why|quelle est|"
    r"quels? sont|which)\b"
)
_PRONOUN_ASK = re.compile(r"^(?:en|le|la|les|l|y|it|one|them|ca|cela|celui|celle)\b")
_GENERIC_ASK = re.compile(
    r"^(?:s.?y prend\w*|s y prend\w*|on fait|faire|fait|do it|go about it|start|begin|"
    r"commencer|par ou commencer|proceder|m.?y prendre|s.?y prendre)$"
)


def _titled(title: str, *names: str) -> bool:
    """The lesson's title names the term (by the first letters of one of its words, "pitch" in
    "pitching journalists"), or the term has no word long enough to tell."""
    stems = [w[:5] for w in _norm(" ".join(names)).split() if len(w) >= 4]
    return not stems or any(w in _norm(title) for w in stems)


def build_learn(
    ctx: Context, text: str, apply: Callable[[str], str | None] | None = None
) -> LearnCard:
    """The lesson card for the question; with `apply`, the lesson's own template for the
    asker's case filled by it (None when the question names no case)."""
    lang = ctx.lang
    concept = asked_concept(text, ctx.brief.topic)
    best = pick_best(ctx, concept)
    if best is None and ctx.hits:
        best = ctx.catalog.get(ctx.hits[0].doc_id)
    sources: list[int] = []
    term = find_term(ctx, concept)
    if best is not None:
        local = _in_language(ctx, best)
        numbers = ctx.book.cite(local.id)
        sources += numbers
        if isinstance(local.meta, Lesson):  # the principle the lesson teaches, cited beside it
            principle = next((r for r in local.meta.related if r.startswith("principle-")), None)
            related = ctx.catalog.get(principle) if principle else None
            if related is not None:
                sources += [
                    n for n in ctx.book.cite(_in_language(ctx, related).id) if n not in sources
                ]
        if isinstance(local.meta, Glossary) and term is not None:
            explanation = term[1].definition_fr if lang == "fr" else term[1].definition_en
        elif local.meta.language == lang:
            explanation = lesson_text(local, lang) or explain(local)
            if term is not None and not _titled(local.meta.title, term[1].en, term[1].fr):
                # "what is an insight?" taught by the big-idea lesson: the term's definition
                # first, then the lesson that puts it to work
                said = term[1].definition_fr if lang == "fr" else term[1].definition_en
                explanation = f"{said}\n\n{explanation}"
        elif term is not None:
            explanation = term[1].definition_fr if lang == "fr" else term[1].definition_en
        else:
            cited = "".join(f" [{x}]" for x in numbers)
            explanation = t("learn.see_doc", lang, title=local.meta.title, n=cited)
    elif term is not None:
        explanation = term[1].definition_fr if lang == "fr" else term[1].definition_en
    else:
        explanation = t("learn.nothing", lang)
    glossary_line: str | None = None
    if term is not None:
        gloss, entry = term
        definition = entry.definition_fr if lang == "fr" else entry.definition_en
        glossary_line = f"{entry.fr} (FR) ↔ {entry.en} (EN) — {definition}"
        glossary_line += "".join(f" [{n}]" for n in ctx.book.cite(gloss.id))
        for n in ctx.book.cite(gloss.id):
            if n not in sources:
                sources.append(n)
    example = _example(ctx, best)
    example_text: str | None = None
    local_best = _in_language(ctx, best) if best is not None else None
    own = lesson_example(local_best, ctx.text or "") if local_best is not None else None
    if own is not None and local_best is not None and local_best.meta.language == lang:
        example_text = own
    elif example is not None:
        example_text = example[0] + "".join(f" [{n}]" for n in example[1])
        sources += [n for n in example[1] if n not in sources]
    question, lesson_n = _check_question(ctx, best, concept)
    if lesson_n is not None and lesson_n not in sources:
        sources.append(lesson_n)
    applied = None
    lesson = local_best.meta if local_best is not None else None
    if (
        apply is not None
        and isinstance(lesson, Lesson)
        and lesson.language == lang
        and lesson.apply
    ):
        applied = apply(lesson.apply)
    return LearnCard(
        concept=concept,
        explanation=explanation,
        example=example_text,
        glossary=glossary_line,
        check_question=question,
        sources=sources,
        applied=applied,
    )


# What the asker works on, as they say it: "un communiqué pour l'ouverture d'un restaurant de
# poisson à Bordeaux", "I'm pitching a B2B cybersecurity survey to French trade press".
_CASE = re.compile(
    r"\b(?:pour|sur|about|for|pitching|pitcher|pitche|pitches|annoncer|announce|announcing|"
    r"présenter|presenter|promote|promoting|promouvoir|concernant|regarding)\s+"
    r"((?:l['’]|la |le |un |une |du |notre |nos |mon |ma |mes |a |an |the |our |my )"
    r"[^.?!;:—–()\n]{6,110})",
    re.IGNORECASE,
)
# Where the case stops: who it goes to, or the question resuming ("… to French trade press").
_CASE_END = re.compile(
    r"\s+(?:to (?:the |french |german |british |trade |national |regional |local )|auprès |aux "
    r"journalistes|à la presse|a la presse|and (?:how|what|i)\b|et (?:comment|je|on)\b|,\s*"
    r"(?:comment|how|what|quel|que)\b)",
    re.IGNORECASE,
)
# A case that is the asker, not their work ("for a junior", "pour une stagiaire").
_NOT_A_CASE = re.compile(
    r"^(?:\S+\s+)?(?:junior|juniors|stagiaire|stagiaires|intern|interns|débutante?s?|"
    r"debutante?s?|beginner|beginners|newcomer|nouvelle recrue|me|moi|client|team|équipe|"
    r"equipe|exemple|example|instance)\b",
    re.IGNORECASE,
)


def asker_case(text: str) -> str | None:
    """The case a craft question is about, in the asker's words with its determiner, or None
    ("Comment on écrit un communiqué ?" names none)."""
    for m in _CASE.finditer(text):
        case = _CASE_END.split(m.group(1), maxsplit=1)[0].strip(" ,")
        if len(case) >= 8 and not _NOT_A_CASE.match(case):
            return case
    return None
