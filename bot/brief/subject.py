"""The subject of a brief: the product, service or brand it is about, in the asker's words.

"Lancer une bière sans alcool en France" → "bière sans alcool"; "our baby formula is being
recalled" → "baby formula". Read on the normalised text; None when nothing clear is said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.brief.gazetteer import is_place
from bot.brief.text import fold

_STOP_EN = (
    r"in|into|to|for|across|on|at|with|among|aimed|targeting|next|this|before|by|during|and|"
    r"is|are|was|were|has|have|had|that|which|who|from|after|within|over|via|through|as|"
    r"we|it|but|so|because|while|without|using|under|our|"
    r"launching|entering|opening|arriving|expanding|going|moving|coming|wants?|wanting|looking|"
    r"trying|planning|seeking|hoping|needs?|needing"
)
_STOP_FR = (
    r"en|au|aux|a|à|pour|aupres|auprès|dans|sur|chez|avec|d'ici|cet|cette|ce|et|est|sont|a|ont|"
    r"qui|que|dont|depuis|apres|après|avant|pendant|par|via|sans que|mais|car|nous|on|vers|"
    r"des|le|la|les|l'an|sous|lors|afin|arrive|arrivent|debarque|débarque|debarquent|débarquent|"
    r"s'installe|s'implante|veut|veulent|souhaite|cherche|lance|sort|"
    # "de janvier à mars", "d'avril à juin": when, not what
    r"de (?=(?:janvier|f[ée]vrier|mars|mai|juin|juillet|septembre|octobre|novembre|"
    r"d[ée]cembre)\b)|d'(?=(?:avril|ao[uû]t|octobre)\b)"
)
_VERB_EN = (
    r"launch(?:ing|es)?|promot(?:e|ing)|introduc(?:e|ing)|sell(?:ing)?|relaunch(?:ing)?|"
    r"(?<!influencer )(?<!digital )(?<!content )(?<!email )(?<!affiliate )(?<!social )"
    r"market(?:ing)?|bring(?:ing)?|roll(?:ing)? out|position(?:ing)?|recall(?:ing)?|"
    r"advertis(?:e|ing)|campaign for|plan for|get people talking about|raise awareness of|"
    r"celebrat(?:e|ing)(?:\s+(?:the\s+)?\d+(?:st|nd|rd|th)?\s+(?:years?|anniversary|birthday)"
    r"\s+of)?|mark(?:ing)?\s+the\s+\d+(?:st|nd|rd|th)?\s+(?:anniversary|birthday)\s+of"
)
_VERB_FR = (
    r"lancer|lancement d(?:e la |e l'|u |es |e |')|"
    r"lancement (?:en|au|aux|[àa]) [\w'-]+(?: [\w'-]+)? "
    r"d(?:e la |e l'|u |es |e |')|lance|lancons|lançons|promouvoir|"
    r"promotion d(?:e la |e l'|u |es |e |')|"
    r"commercialiser|relancer|rappel d(?:e la |e l'|u |es |e |')|rappeler|faire connaitre|"
    r"faire connaître|vendre|positionner|campagne pour|faire parler d(?:e la |e l'|u |es |e |')|"
    r"sensibiliser (?:au |à la |a la |aux |à l'|a l')|"
    r"(?:c[ée]l[ée]brer|f[êe]ter|marquer)(?:\s+les\s+\d+\s+ans\s+d(?:e la |e l'|u |es |e |'))?"
)
_ARTICLE_EN = r"(?:(?:a|an|the|our|its|their|my|this|new|his|her)\s+)*"
_ARTICLE_FR = (
    r"(?:(?:une|un|des|le|la|les|notre|nos|sa|son|ses|leurs|leur|nouvelles|nouvelle|nouveaux|"
    r"nouveau|cette|ces|ce|mon|ma|mes)\s+|l')*"
)
# "On lance fin février une gamme de…", "launching next spring a…": when, between the verb and
# what
_WHEN = (
    r"(?:(?:en|fin|d[ée]but|mi|courant|d[èe]s|this|next|in|early|late)\s*-?\s*"
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
    r"d[ée]cembre|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|printemps|[ée]t[ée]|automne|hiver|spring|summer|autumn|fall|winter|"
    r"\d{4})(?:\s+\d{4})?\s+)?"
)
_SUBJECT_EN = re.compile(
    rf"\b(?:{_VERB_EN})(?!\w)\s+{_WHEN}{_ARTICLE_EN}(?P<np>[^,.;:?!\n()]{{3,60}}?)"
    rf"(?=\s+(?:{_STOP_EN})\b|\s*[,.;:?!\n()]|\s*$)",
    re.IGNORECASE,
)
_SUBJECT_FR = re.compile(
    rf"(?:\b|^)(?:{_VERB_FR})(?:(?<=[\s'])|(?!\w))\s*{_WHEN}{_ARTICLE_FR}(?P<np>[^,.;:?!\n()]{{3,60}}?)"
    rf"(?=\s+(?:{_STOP_FR})\b|\s*[,.;:?!\n()]|\s*$)",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(
    r"\b(?:our|notre|nos|my|mon|ma|mes)\s+(?P<np>[^,.;:?!\n()]{3,40}?)"
    r"(?=\s+(?:is|are|was|were|has|have|had|est|sont|a été|ont|vient|viennent|just|vient)\b)",
    re.IGNORECASE,
)
_WITH = re.compile(
    r"\b(?:with|avec)\s+(?:its|their|our|son|sa|ses|leur|leurs|notre|nos)\s+"
    r"(?P<np>[^,.;:?!\n()]{3,40}?)(?=\s+(?:in|into|to|for|en|au|aux|pour|and|et)\b|\s*[,.;:?!\n()]|\s*$)",
    re.IGNORECASE,
)
_IDEAS = re.compile(
    r"\b(?:ideas?|id[ée]es?|concepts?|big ideas?|brainstorm)"
    r"(?:\s+(?:cr[ée]ati(?:ve|fs|ves)|fortes?|originales?|neuves?|fresh|strong|bold|original))?"
    r"\s+(?:for|about|on|pour|sur|autour de)\s+(?:qu'|que\s+)?"
    # "ideas for launching a date bar": what is launched
    r"(?:(?:launching|introducing|promoting|lancer|promouvoir|"
    r"(?:the\s+)?(?:launch|relaunch|roll-?out|introduction)\s+of|"
    r"lancement d(?:e la |e l'|u |es |e |'))\s*)?"
    r"(?:(?:a|an|the|our|un|une|le|la|les|notre|nos|des|du|de la)\s+|l')?"
    r"(?P<np>[^,.;:?!\n()]{3,80}?)(?=\s+(?:in|into|to|for|on|by|from|sur|that|who|which|en|au|aux|a|à|pour|"
    r"qui|que|aupres|auprès|with|avec|and|et|at|during|around|pendant|lors|autour|targeting|ahead|"
    r"aimed|ciblant|among|parmi|parle|parlent|fasse|fassent|talks?|speaks?|launching|entering|"
    r"opening|arriving|expanding|going|wants?|looking|planning|lance|lancant|arrive|arrivant|"
    r"se|s['’]|stands?|gets?|s[ée]duise|attire|touche|plaise|devienne|soit|gagne|recrute|"
    r"conquiert|conqui[eè]re|fid[ée]lise|double|augmente|vende|trouve)\b"
    r"|\s*[,.;:?!\n()]|\s*$)",
    re.IGNORECASE,
)
# An idea that changes a behaviour: what people should take, try or choose is the subject.
_NUDGE = re.compile(
    r"(?:faire parler|donner envie|inciter|encourager|pousser|convaincre|amener|motiver|make|get|"
    r"encourage|"
    r"convince|persuade|push|nudge|motivate|inspire)\b",
    re.IGNORECASE,
)
_NUDGED = re.compile(
    r"\b(?:prendre|utiliser|essayer|choisir|adopter|d[ée]couvrir|tester|manger|boire|lire|"
    r"visiter|porter|rejoindre|passer (?:au|à la|a la)|take|use|try|choose|ride|drink|eat|buy|"
    r"visit|read|wear|join|switch to)\s+"
    r"(?:(?:le|la|les|un|une|des|du|de la|the|a|an|more|plus de)\s+|l['’])?"
    r"(?P<np>[\w'’-]+(?:\s+(?:de\s+|d['’]|du\s+|des\s+|of\s+)?[\w'’-]+){0,3}?)"
    r"(?=\s+(?:pour|to|en|in|at|au|aux|à|a|dans|chez|avant|before|this|cet|cette|next|et|and|"
    r"on|for|with|avec|plut[ôo]t|rather|instead)\b|\s*[,.;:?!]|\s*$)",
    re.IGNORECASE,
)
# "faire parler au Japon d'un coutelier de Laguiole": what is talked about
_TALKED = re.compile(
    r"faire parler\s+(?:(?:en|au|aux|à|a|dans|sur)\s+(?:l['’]\s*)?[\w'’-]+\s+)?"
    r"(?:d['’]\s*|de\s+|du\s+|des\s+)(?:(?:la|le|les|un|une|notre|nos|son|sa|ses|leur)\s+|l['’])?"
    r"(?P<np>(?!elle\b|lui\b|eux\b|nous\b)[\w'’-]+(?:\s+[\w'’-]+){0,5}?)"
    r"(?=\s+(?:en|au|aux|à|a|pour|avant|pendant|cet|cette|et|qui|sur|dans)\b|\s*[,.;:?!]|\s*$)",
    re.IGNORECASE,
)
_BAD_START = re.compile(
    # "ideas to bring 14-18 year-olds back": an age range is who, not what
    r"^(?:\d{1,2}\s*(?:-|–|à|to)\s*\d{1,2}\b|"
    r"(?:in|into|to|for|on|at|with|of|en|au|aux|dans|sur|pour|avec|a|à|de|du|des|the|le|la|les|"
    r"campagne|campaign|strat[ée]gie|strategy|plan|communication|brief|it|them|ça|cela|"
    r"approach|approche|d[ée]marche|reco|recommendation|recommandation|play|"
    r"quoi|what|how|comment|something|quelque|start(?:s|ing)?|tomorrow|today|tonight|"
    r"demain|aujourd'hui|ce soir|d[èe]s|next|last|from|until|jusqu|there|here|ici|l[àa]-bas|"
    r"this|that|these|those|dur[ée]e|p[ée]riode|period|budget|total|montant|enveloppe|"
    # "What's the launch mechanic?": the question's own words, not what is launched
    r"m[ée]canique|mechanics?|timing|calendrier|calendar|kpis?|split|channels?|canaux|mix|"
    # "The launch is planned for May": a verb, not what is launched
    r"is|are|was|were|will|would|has|have|had|gets?|est|sont|sera|seront|[ée]tait|a|ont|"
    # "a launch party on a Paris terrace": the event, not what is launched
    r"party|parties|soir[ée]e|soir[ée]es|event|events|[ée]v[ée]nement|"
    # "how do we launch with creators?": the means, not what is launched
    r"creators?|influence|influencers?|cr[ée]ateurs?|cr[ée]atrices?|influenceu(?:r|rs|se|ses))\b)",
    re.IGNORECASE,
)
MAX_WORDS = 6


# A phrase that starts with a preposition of route or place is where or how, not what
_ROUTE = re.compile(r"(?:through|via|to|at|into|from|by|chez|par|dans)\b", re.IGNORECASE)


def find_subject(text: str, language: str, avoid: Sequence[str] = ()) -> str | None:
    """The brief's subject in the asker's words, or None. A phrase that names one of `avoid`
    (the brief's moment: "3 ideas for Eid al-Adha") is when, not what: the next one is taken,
    down to the brand the brief describes ("a modest-fashion e-commerce brand")."""
    patterns = (_SUBJECT_FR, _SUBJECT_EN) if language == "fr" else (_SUBJECT_EN, _SUBJECT_FR)
    moments = [fold(a) for a in avoid if len(a.strip()) > 2]
    # "pour une chocolaterie …" names the subject only of a request for ideas
    last = (_FOR_ONE,) if _IDEA_WORDS.search(text) else ()
    for pattern in (_IDEAS, *patterns, _POSSESSIVE, _WITH, _BRAND_EN, _BRAND_FR, _BRAND_OF, *last):
        for m in pattern.finditer(text):
            np_ = _clean(m.group("np"))
            if pattern is _BRAND_EN and np_ and _only_origin(np_):
                continue  # "a Dutch maker of electric vans": what it makes says more
            if pattern is _IDEAS and np_ and _NUDGE.match(np_):
                # "ideas to make people in their twenties take the night train": the train
                nudged = _TALKED.search(text, m.start("np")) or _NUDGED.search(text, m.end("np"))
                np_ = _clean(nudged.group("np")) if nudged else None
            if np_ and _ROUTE.match(np_):
                continue  # "selling through Sephora France": how it sells, not what
            if np_ and _A_QUESTION.search(np_):
                continue  # "What launch approach would you recommend?": the question, not what
            if np_ and _only_places(np_):
                continue  # "a plan for France, Germany and Spain": where, not what
            if np_ and fold(np_).strip() in _HEADS:
                # "sensibiliser aux dangers des robots tondeuses": the dangers of what
                more = _COMPLEMENT.match(text, m.end("np"))
                if more:
                    np_ = f"{np_}{more.group(0)}"
            if np_ and _DANGLING.search(np_):
                # "médicament contre" + "la migraine": the complement the stop word cut off
                more = re.match(r"\s+(?:(?:la|le|les|the|a|an)\s+|l')?[\w-]+", text[m.end("np") :])
                if more:
                    np_ = f"{np_}{more.group(0)}"
            if np_ and _OCCASION_CUT.search(np_):
                # "the 100th anniversary of" + "a Breton sardine cannery": what it celebrates
                more = _CELEBRATED.match(text, m.end("np"))
                if more:
                    np_ = f"{np_}{more.group(0)}"
            if np_ and _LAUNCH_OF.match(np_):
                # "a plan for the German launch of" + "our oat barista milk": what is launched
                more = _LAUNCHED.match(text, m.end("np"))
                np_ = _clean(more.group("np")) if more else None
            if np_:
                np_ = _without_occasion(np_)
            if np_ and not any(a in fold(np_) or fold(np_) in a for a in moments):
                return _whole_name(text, np_)
    nudge = re.search(r"\b(?:to|pour)\s+" + _NUDGE.pattern, text, re.IGNORECASE)
    nudged = _NUDGED.search(text, nudge.end()) if nudge else None
    return _clean(nudged.group("np")) if nudged else None


# A launch named before what it launches ("the German launch of our…", "le lancement en
# Belgique de notre…"): the subject is what follows.
_LAUNCH_OF = re.compile(
    r"^(?:[\w'-]+\s+){0,2}(?:launch|relaunch|roll-?out|introduction|debut|lancement|relancement|"
    r"arriv[ée]e)(?:\s+(?:event|party|campaign|plan|[ée]v[ée]nement|soir[ée]e|campagne))?"
    r"\s+(?:of|de|du|des|d')$",
    re.IGNORECASE,
)
_LAUNCHED = re.compile(
    r"\s*(?:(?:of|de|du|des|d')\s*)?(?:(?:the|our|a|an|its|their|new|notre|nos|sa|son|ses|le|la|"
    r"les|un|une|nouvelle|nouveau)\s+|l')*"
    rf"(?P<np>[^,.;:?!\n()]{{3,60}}?)(?=\s+(?:{_STOP_EN}|{_STOP_FR})\b|\s*[,.;:?!\n()]|\s*$)",
    re.IGNORECASE,
)


# An occasion said before what it celebrates ("les 150 ans d'une marque de moutarde", "the 50th
# anniversary of our bakery", "le lancement d'un vélo"): the subject is what it celebrates.
_OCCASION = re.compile(
    r"^(?:les?\s+|the\s+|l['’])?(?:\d+\s*(?:e|ème|eme|th|st|nd|rd)?\s*(?:ans|anniversaire|"
    r"anniversary|years?|birthday)|(?:bi)?centenaire|(?:bi)?centenary|centennial|anniversaire|"
    r"anniversary|jubil[ée]e?|jubilee|birthday|lancement|launch|sortie|release|arrivee|"
    r"arrivée|arrival)\s+(?P<of>de\s+|d['’]|du\s+|des\s+|of\s+)"
    r"(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def _without_occasion(phrase: str) -> str:
    """`phrase` without the occasion it starts with: "les 150 ans d'une marque de moutarde" is
    about "une marque de moutarde", "les 20 ans du Slip Français" about "le Slip Français"."""
    m = _OCCASION.match(phrase)
    if m is None:
        return phrase
    article = {"du": "le ", "des": "les "}.get(m.group("of").strip().lower(), "")
    return article + m.group("rest")


# An occasion cut before what it celebrates ("the 100th anniversary of"), and what follows it
_OCCASION_CUT = re.compile(
    r"(?:anniversary|anniversaire|centenary|centenaire|birthday|years|ans)\s+(?:of|de|du|des|d['’])$",
    re.IGNORECASE,
)
_CELEBRATED = re.compile(
    r"\s*(?:(?:a|an|the|our|une?|la|le|les|notre)\s+)?[^,.;:?!\n()]{2,60}?"
    r"(?=\s+(?:in|en|for|pour|to|this|next|cette|l'an)\b|\s*[,.;:?!\n()]|\s*$)",
    re.IGNORECASE,
)
# A subject cut right after its preposition ("un médicament contre", "a cream against")
_DANGLING = re.compile(r"\b(?:contre|against|anti|sans|without)$", re.IGNORECASE)


# A name given in quotes ("Brasserie du Nord 0,0%", « Mon Petit Cidre »)
_QUOTED = re.compile(r'["“«]\s*(?P<name>[^"”»\n]{2,60}?)\s*["”»]')


def _whole_name(text: str, phrase: str) -> str:
    """The quoted name `phrase` is the start of, whole ("Brasserie du Nord 0,0%", not
    "Brasserie du Nord 0" cut at the comma)."""
    for m in _QUOTED.finditer(text):
        name = m.group("name")
        if len(name) > len(phrase) and name.startswith(phrase):
            return name
    return phrase


_A_QUESTION = re.compile(
    r"\b(?:would|should|could|can|do|does|will|shall)\s+(?:you|we|i|they)\b"
    r"|\b(?:recommend|suggest|advise|conseilles?|recommandes?|proposes?)\b",
    re.IGNORECASE,
)


# Nouns that say nothing until their complement does ("the dangers of …", "l'importance du …").
_HEADS = frozenset(
    (
        "dangers", "danger", "risques", "risque", "risks", "risk", "dangers", "importance",
        "enjeux", "bienfaits", "benefits", "effets", "effects", "consequences", "impact",
        "impacts", "causes", "signes", "signs", "symptomes", "symptoms",
    )
)  # fmt: skip
_COMPLEMENT = re.compile(
    r"\s+(?:des|du|de la|de l'|d'|of the|of)\s*[\w'’-]+(?:\s+(?!la\b|le\b|les\b|en\b|ce\b|"
    r"cet\b|cette\b|this\b|in\b|pour\b|for\b|au\b|aux\b|à\b|dans\b|avec\b|with\b)[\w'’-]+)?",
    re.IGNORECASE,
)


def _only_places(phrase: str) -> bool:
    """ "France", "France, Germany and Spain": markets, not a subject."""
    words = [w for w in re.findall(r"[a-z]+", fold(phrase)) if w not in ("and", "et", "the")]
    return bool(words) and all(is_place(w) for w in words)


def _only_origin(phrase: str) -> bool:
    """ "Dutch maker", "German brand": a place word and the kind of firm, nothing it makes."""
    words = fold(phrase).split()
    return len(words) >= 2 and all(is_place(w) for w in words[:-1])


# "a Dubai-based modest-fashion e-commerce brand", "une marque de lunettes reconditionnées"
_NP_WORD = r"(?!(?:for|a|an|the|in|into|of|to|at|with|and|on|by|from)\b)[\w'&-]+"
_BRAND_EN = re.compile(
    rf"\b(?:a|an|our|the)\s+(?:[\w.-]+-based\s+)?(?P<np>{_NP_WORD}(?:\s+{_NP_WORD}){{0,3}}\s+"
    r"(?:brand|label|retailer|start-?up|maker|chain|app|platform|house|producer|winery|estate))\b",
    re.IGNORECASE,
)
# "Brand of organic ice lollies launching in the UK": what the brand makes
_BRAND_OF = re.compile(
    r"\b(?:brand|label|maker|makers|range)\s+of\s+(?P<np>[\w'&-]+(?:\s+[\w'&-]+){0,3}?)"
    r"(?=\s+(?:launching|entering|arriving|coming|in|into|for|that|which|who|is|are|wants|"
    r"needs|to|from)\b|\s*[,.;:?!]|\s*$)",
    re.IGNORECASE,
)
_BRAND_FR = re.compile(
    r"\b(?:une|un|notre)\s+(?P<np>(?:marque|enseigne|maison|start-up|startup|appli|application)"
    # "une marque bordelaise de cosmétiques solides": one adjective may sit before "de"
    r"(?:\s+(?!de\b|d')[\w-]+)?"
    r"\s+(?:de|d')\s*[\w'-]+(?:\s+[\w'-]+){0,2}?)(?=\s+(?:qui|en|au|aux|pour|à|a|et|sur|dans|"
    r"arrive|arrivent|débarque|debarque|sort|sortent|lance|veut|s'installe|s'implante)\b"
    r"|\s*[,.;:?!(]|\s*$)",
    re.IGNORECASE,
)


# "3 idées pour Pâques pour une chocolaterie artisanale bretonne": after every other reading,
# what the ideas are for
_IDEA_WORDS = re.compile(r"\b(?:id[ée]es?|ideas?|concepts?|brainstorm\w*|pistes)\b", re.IGNORECASE)
_FOR_ONE = re.compile(
    r"\b(?:pour|for)\s+(?:une?|a|an)\s+(?P<np>[^,.;:?!\n()]{3,60}?)"
    r"(?=\s+(?:qui|en|au|aux|pour|à|a|et|sur|dans|that|who|which|in|to|for|and|with|avec)\b"
    r"|\s*[,.;:?!\n()]|\s*$)",
    re.IGNORECASE,
)


_LEADING_WORDS = re.compile(
    r"^(?:(?:une |la |a |an |the )?(?:campagne|campaign|op[ée]ration|action|gamme|range|"
    r"line|collection|s[ée]rie)s?"
    r"\s+(?:de |d'|du |des |pour |for |on |about |of )(?:la |le |les |l'|the )?)",
    re.IGNORECASE,
)


def _clean(phrase: str) -> str | None:
    # a quoted claim is not part of the name: "crème solaire « respectueuse des récifs »"
    phrase = re.sub(r"«[^»]*»|“[^”]*”|\"[^\"]*\"", " ", phrase)
    # "the CTO of a Paris AI start-up — she wants…": an aside after a dash is not the name
    phrase = re.split(r"\s[—–-]\s", phrase, maxsplit=1)[0]
    phrase = re.sub(r"\s+", " ", phrase).strip(" '\"«»-")
    phrase = _LEADING_WORDS.sub("", phrase)
    # where it is based is not what it is: "a Dubai-based food delivery app" → "food delivery app"
    # (a capitalised place only: "date-based" is what the bar is made of)
    phrase = re.sub(r"\b[A-ZÀ-Ý][\w.-]*-based\s+", "", phrase)
    # "vélos cargo électriques fabriqués (à Nantes)": where it is made went to the market
    phrase = _MADE_AT_END.sub("", phrase)
    phrase = re.sub(r"^(?:new|nouvelle|nouveau|nouvelles|nouveaux)\s+", "", phrase)  # lower case
    # "vendre plus d'abonnements": what is sold, not how many more
    phrase = re.sub(r"^(?:plus d['’]\s*|plus de\s+|more\s+)", "", phrase, flags=re.IGNORECASE)
    # "night train between Paris (and Barcelona)": the route went to the markets
    phrase = re.sub(r"\s+(?:between|entre)\s+\S+$", "", phrase, flags=re.IGNORECASE)
    # "Launch of our kefir": what is launched
    phrase = re.sub(
        r"^of\s+(?:(?:a|an|the|our|my|their|its|your)\s+)?", "", phrase, flags=re.IGNORECASE
    )
    if not phrase or _BAD_START.match(phrase) or _SAID.search(phrase):
        return None
    words = phrase.split(" ")
    if phrase.lower() in _NOT_SUBJECTS:
        return None  # "our client is…", "notre marque est…": who, not what
    content = [w for w in words if w.lower() not in _DETERMINERS]
    # "maison d'édition de jeux de société lyonnaise": the little words between do not count
    named = [w for w in words if w.lower() not in _LINKS]
    if len(named) > MAX_WORDS or not any(re.search(r"[^\W\d_]{3,}", w) for w in content):
        return None  # "its 0" (of "its 0.0% beer") names nothing
    return phrase


_MADE_AT_END = re.compile(
    r"\s+(?:fabriqu[ée]e?s?|produite?s?|con[çc]ue?s?|bas[ée]e?s?|n[ée]e?s?|install[ée]e?s?|"
    r"implant[ée]e?s?|made|produced|brewed|built|designed|based|born|grown|roasted|distilled)$",
    re.IGNORECASE,
)
# "our founder tweeted that burnout": what someone said is no subject
_SAID = re.compile(
    r"\b(?:tweeted|posted|said|wrote|claimed|told|a (?:[ée]crit|dit|post[ée]|publi[ée]|tweet[ée]|"
    r"d[ée]clar[ée]))\b",
    re.IGNORECASE,
)
_LINKS = frozenset(("de", "des", "du", "d'", "of", "la", "le", "les", "et", "and", "the", "a"))
_NOT_SUBJECTS = frozenset(
    (
        "client", "clients", "cliente", "customer", "customers", "agency", "agence", "boss",
        "team", "equipe", "équipe", "brand", "marque", "company", "entreprise", "société",
        # "se faire connaître localement": where or how, not what
        "localement", "locally", "nationalement", "nationally", "en ligne", "online",
        "societe", "firm", "ceo", "pdg", "founder", "fondateur", "fondatrice",
        # "lance sa gamme", "its new range": the brand's offer, said by what it is elsewhere
        "gamme", "range", "line", "collection", "produit", "product", "products", "produits",
        "nouveauté", "nouveaute", "offre", "offer",
        # "faire parler d'elle": a pronoun names no subject
        "elle", "elles", "lui", "eux", "nous", "vous", "soi", "it", "them", "us", "her", "him",
    )
)  # fmt: skip
_DETERMINERS = frozenset(
    [
        "its",
        "their",
        "our",
        "his",
        "her",
        "the",
        "a",
        "an",
        "this",
        "that",
        "sa",
        "son",
        "ses",
        "leur",
        "leurs",
        "notre",
        "nos",
        "la",
        "le",
        "les",
        "un",
        "une",
        "ce",
        "cette",
    ]
)


# ---- the theme: what the brief wants people to talk about ----------------------------------

# "faire parler de la santé mentale des agriculteurs", "sensibiliser au réemploi",
# "get people talking about grief at work", "raise awareness of...". The phrase keeps its
# article ("la santé mentale…", "le réemploi…") so that it reads inside a sentence.
_THEME_FR = re.compile(
    r"\b(?:parler|parlent|parle|discuter|débattre|debattre)\s+(?P<de>de la |de l'|du |des |de |d')"
    # "parler santé mentale aux étudiants": the subject said bare, without its "de"
    r"|\b(?:parler|parlent|parle)\s+(?P<bare>)(?!(?:à|a|au|aux|avec|en|pour|de|des|du|le|la|les|"
    r"un|une|d'|l'|sur|chez|dans|plus|moins|vrai|franc|fort|ensemble|autrement|of|to|about)\b)"
    r"(?![a-zà-ÿ]+ment\b)(?=[a-zà-ÿ]{4,})"
    r"|\bsensibiliser\s+(?:le public\s+|les gens\s+)?(?P<a>à la |a la |à l'|a l'|au |aux |à |a )"
    r"|\b(?:autour|sur)\s+(?:le thème|le theme|la question|le sujet)\s+"
    r"(?P<de2>de la |de l'|du |des |de |d')"
    r"|\bbriser le tabou\s+(?P<de3>de la |de l'|du |des |de |d')"
    # a leader who wants to be heard on a subject: "une voix reconnue sur la finance durable"
    r"|\bvoix\s+(?:reconnue\s+|de r[ée]f[ée]rence\s+|qui compte\s+|cr[ée]dible\s+)?"
    r"(?:sur|en mati[èe]re de)\s+(?P<sur>la |l')?"
    r"|\b(?:prendre la parole|se positionner|s'exprimer|faire autorit[ée])\s+sur\s+"
    r"(?P<sur2>la |l')?"
    # a cause that warns or fights: "alerter sur les tondeuses robots", "lutter contre le …"
    r"|\b(?:alerter|interpeller|mobiliser)\s+(?:l'opinion\s+|le public\s+|les gens\s+)?sur\s+"
    r"|\b(?:lutter|lutte)\s+contre\s+"
    r"|\bpr[ée]vention\s+(?P<de4>de la |de l'|du |des |d')",
    re.IGNORECASE,
)
_THEME_EN = re.compile(
    r"\b(?:talk(?:ing|s)?|conversations?|discussion|speak(?:ing)?|open up)\s+(?:about|on)\s+"
    r"|\b(?:raise|raising|build|building)\s+awareness\s+(?:of|about|around)\s+"
    r"|\bbreak(?:ing)?\s+the\s+(?:taboo|silence)\s+(?:on|around|about|of)\s+"
    r"|\b(?:voice|thought leader|authority|go-to expert)\s+(?:on|in)\s+(?:the\s+)?"
    r"|\bwarn(?:ing)?\s+(?:people\s+|the public\s+|parents\s+)?(?:about|of|against)\s+"
    r"|\bcampaign(?:ing)?\s+against\s+"
    # "heard by EU policymakers on battery recycling": what it is heard on
    r"|\b(?:heard|listened\s+to|quoted|cited)\s+(?:by\s+[\w\s-]{1,40}?\s+)?(?:on|about)\s+"
    r"|\b(?:fight(?:ing|s)?|tackl(?:e|es|ing))\s+(?:against\s+)?"
    r"(?!(?:for|with|to|on|back|in|off|over|games?|spirit|fit|the)\b)(?=[a-z])"
    # "(drowning prevention)": the cause, said in passing
    r"|\((?=[\w\s-]{2,30}\bprevention\))",
    re.IGNORECASE,
)
_CONTRACT = {
    "du ": "le ",
    "des ": "les ",
    "au ": "le ",
    "aux ": "les ",
    "a la ": "la ",
    "a l'": "l'",
}
# where the theme stops: punctuation, a clause, a place ("à Lyon", "in the UK", "en France")
_THEME_END = re.compile(
    r"\s*[,.;:?!\n()]|\s+(?:pour|sans|aupr[eè]s|avec|chez|pendant|lors|afin|via|qui|que|dont|et|"
    r"mais|car|sur|for|without|with|among|during|before|by|via|who|which|that|and|but|so|ahead|"
    r"using|through|across|on)\b|\s+(?:[àa]|en|au|aux|in|at|dans)\s+(?:the\s+|la\s+|le\s+)?"
    r"(?=[A-ZÀ-Ý0-9])"
    # when is not what: "la souveraineté numérique cette année", "grief at work this year"
    r"|\s+(?:cette|this|next|l'an|d'ici|avant|dès|en\s+\d{4}|in\s+\d{4})\b"
    r"|\s+(?:over|in|within|during)\s+the\s+(?:next|coming|last|past)\b"
    r"|\s+(?:dans|sur|pendant)\s+les\s+(?:prochains|prochaines|\d+)\b",
)
MAX_THEME_WORDS = 9


# what follows "and"/"et" when it starts a new clause, not the theme's second noun
_CLAUSE = re.compile(
    r"(?:we|i|you|she|he|they|it|our|her|his|their|wants?|is|are|has|have|will|would|should|"
    r"can|needs?|nous|on|je|il|elle|ils|elles|veut|veulent|est|sont|a|ont|doit|souhaite|"
    r"aimerait|cherche|pour|to)\b",
    re.IGNORECASE,
)


def _and_more(rest: str) -> str:
    """ " and money" when the theme goes on after "and"/"et" ("women and money", "le grand âge
    et la dépendance"), "" when a new clause starts there."""
    m = re.match(r"\s+(and|et)\s+", rest)
    if m is None:
        return ""
    after = rest[m.end() :]
    stop = _THEME_END.search(after)
    more = after[: stop.start() if stop else len(after)].strip()
    if not more or len(more.split()) > 3 or _CLAUSE.match(more):
        return ""
    return f" {m.group(1)} {more}"


_FEMININE = re.compile(r"(?:té|tion|sion|ance|ence|ie|ure|ude|ise|ette|esse|ité)$")


# A birthday the brief makes news of: "les 150 ans d'une marque", "fête ses 100 ans", "our 50th
# anniversary", "turns 100", "le centenaire"; not an age range ("les 25-35 ans de Lyon", "de 18 à
# 25 ans", "moins de 25 ans"). Read on folded text.
_ANNIVERSARY = re.compile(
    r"(?<![-–\d])(?<![-–]\s)(?<!\ba\s)(?<!\bto\s)\b(\d{1,3})\s*(?:e|eme|th|st|nd|rd)?\s*"
    r"(?:ans|anniversaire|anniversary|years|birthday)\s+(?:de\s|d['’]|du\s|des\s|of\s)"
    r"|\b(?:ses|nos|leurs|son|notre|its|our|their|his|her)\s+(\d{1,3})\s*(?:ans|years)\b"
    r"|\b(\d{1,3})\s*(?:e|eme|th|st|nd|rd)\s*(?:anniversaire|anniversary|birthday)\b"
    r"|\b(?:turns?|turning)\s+(\d{2,3})\b"
    r"|\b(?:bi)?centen(?:aire|ary|nial)\b|\bjubil(?:e|ee)\b|\banniversaire\b|\banniversary\b",
    re.IGNORECASE,
)


def anniversary(text: str) -> str | None:
    """The years a brief's anniversary counts ("100"), "" for one said without a number ("le
    centenaire"), None when the brief celebrates no birthday."""
    m = _ANNIVERSARY.search(fold(text))
    if m is None:
        return None
    years = next((g for g in m.groups() if g), "")
    if "centen" in m.group(0):
        years = "200" if "bicenten" in m.group(0) else "100"
    return years


def with_french_article(phrase: str) -> str:
    """ "santé mentale" → "la santé mentale", "climat" → "le climat", "écologie" → "l'écologie"."""
    head = phrase.split()[0].lower() if phrase.split() else ""
    if re.match(r"[aeiouyàâéèêîôûh]", head):
        return f"l'{phrase}"
    return f"{'la' if _FEMININE.search(head) else 'le'} {phrase}"


def _only_a_place(phrase: str) -> bool:
    """ "Europe", "the UK", "la France": a place, not a subject."""
    words = re.sub(r"^(?:the|la|le|les|l')\s*", "", fold(phrase).strip(), flags=re.I)
    return bool(words) and (is_place(words) or words in ("europe", "eu", "ue", "uk", "us", "usa"))


def find_theme(text: str) -> str | None:
    """What the brief wants people to talk about, as said ("la santé mentale des agriculteurs",
    "grief at work"); None when it does not say. Distinct from the subject (who speaks)."""
    for pattern in (_THEME_FR, _THEME_EN):
        for m in pattern.finditer(text):
            lead = next((g for g in m.groups() if g), "")
            rest = text[m.end() :]
            stop = _THEME_END.search(rest)
            phrase = rest[: stop.start() if stop else len(rest)].strip(" '\"«»-")
            if stop is not None:
                phrase += _and_more(rest[stop.start() :])
            if m.groupdict().get("bare") is not None:
                # said bare, the theme ends where its audience begins ("… aux étudiants"), and
                # reads with its article ("la santé mentale", "le climat")
                phrase = re.split(r"\s+(?:aux|au|à|a)\s", phrase)[0]
                return with_french_article(phrase)
            words = phrase.split()
            if not words or len(words) > MAX_THEME_WORDS or not re.search(r"[^\W\d_]{3,}", phrase):
                continue
            if re.match(r"(?:it|this|that|ça|cela|nous|us|them|eux|lui|elle)\b", phrase, re.I):
                continue
            if _only_a_place(phrase):
                continue  # "a voice in Europe": where it is heard, not what it is heard on
            if re.match(r"(?:ses|son|sa|leurs?|nos|notre|our|its|their|his|her)\s", phrase, re.I):
                continue  # "faire parler de ses solaires": its own products, not a theme
            if re.match(r"(?:un|une|a|an)\s", phrase, re.I) or re.match(
                r"(?:un|une)\s", lead, re.I
            ):
                continue  # "faire parler d'un vélo cargo": a product, the subject, not a theme
            article = re.sub(r"^(?:de |d'|a )(?=la |l')", "", lead.lower().replace("à", "a"))
            article = _CONTRACT.get(article, article if article in ("la ", "l'") else "")
            return f"{article}{phrase}"
    return None
