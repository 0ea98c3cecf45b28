"""On the real knowledge base: readings a planning director caught wrong. A death at a client's
site is a crisis framed by its incident, not by rules on advertising to children; a yen sign in
a brief for China is yuan; vegan sneakers are fashion; a banned crypto bonus is a no-go; a
junior asking how to write a press release gets that lesson, not the embargo one."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.advise import advise
from bot.brief.parse import parse_brief
from bot.brief.text import fold
from bot.deps import Deps, build_deps
from bot.engine.category import category_of
from bot.models import Request
from bot.settings import Settings

TODAY = dt.date(2026, 12, 6)


def _undated(body: str) -> str:
    """The answer with its phases' dates taken out of their headings ("**Weeks 1–4 ·")."""
    return re.sub(r"\*\*((?:Semaines?|Weeks?|Mois|Months?) [\d–]+) \([^)]*\) ·", r"**\1 ·", body)


@pytest.fixture(scope="module")
def deps(real_index: Settings) -> Deps:
    return build_deps(real_index, with_llm=False, today=TODAY)


def test_a_death_at_a_hotel_is_a_crisis_framed_by_the_incident(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Our client runs hotels in Spain. An Irish teenager drowned in the pool of "
            "our Ibiza hotel last night; Spanish and Irish media want a statement."
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "crisis"
    body = advice.text
    assert "families come first" in body
    assert "Children's Code" not in body and "ICO" not in body
    assert "Digital Services Act" not in body


def test_a_yen_sign_in_a_brief_for_china_is_yuan() -> None:
    assert parse_brief("Trois idées pour un thé glacé en Chine, budget ¥2m").budget is not None
    assert parse_brief("Trois idées pour un thé glacé en Chine, budget ¥2m").budget.currency == (  # type: ignore[union-attr]
        "CNY"
    )
    japan = parse_brief("Launch of a ramen cup in Japan with ¥20m").budget
    assert japan is not None and japan.currency == "JPY"


@pytest.mark.parametrize(
    "text",
    [
        "Une marque espagnole de baskets véganes arrive en France l'an prochain",
        "Vegan sneakers brand from Portugal entering the UK",
    ],
)
def test_vegan_sneakers_are_fashion(text: str) -> None:
    assert parse_brief(text).sector == "fashion"


def test_a_banned_crypto_bonus_is_a_no_go(deps: Deps) -> None:
    body = advise(
        Request(
            text="A UK crypto exchange wants creators to promote a £25 sign-up bonus. Is that OK?"
        ),
        deps,
    ).text
    assert "no-go as briefed" in body or "ruled out below, by name" in body
    assert "The bonus is the decision, and it is a no" in body
    assert "go only under the conditions" not in body and "Go only on three conditions" not in body


def test_a_press_release_question_gets_the_press_release_lesson(deps: Deps) -> None:
    body = advise(
        Request(text="Je débute : comment rédiger un bon communiqué de presse ? Avec un exemple."),
        deps,
    ).text
    assert "pyramide inversée" in body
    assert "Un embargo est un accord" not in body


def test_a_calendar_moment_too_close_for_the_run_up_is_skipped(deps: Deps) -> None:
    body = advise(
        Request(text="An Italian pasta maker is entering Japan next year. Budget ¥25m. Plan?"), deps
    ).text
    counted = next(x for x in body.splitlines() if x.startswith("Counted back from"))
    assert "New Year" not in counted and "Shōgatsu" not in counted


def test_a_window_the_brief_gives_keeps_the_whole_run_up(deps: Deps) -> None:
    body = advise(
        Request(text="Launch of a retinol night cream in the US in early 2027, $150k"), deps
    ).text
    assert "inside that window, after the full run-up" in body
    assert "**Weeks 1–4 ·" in _undated(body)
    assert "Valentine" not in body  # a gift moment is not a skincare launch's


def test_a_new_chief_investment_officer_is_executive_visibility(deps: Deps) -> None:
    advice = advise(
        Request(text="Une banque privée de Lugano veut faire connaître son nouveau CIO en Suisse."),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "exec-visibility"


def test_la_rentree_is_the_markets_own_school_start(deps: Deps) -> None:
    body = advise(
        Request(
            text="Une asso bruxelloise d'aide aux devoirs veut se faire connaître à la rentrée."
        ),
        deps,
    ).text
    assert "la rentrée scolaire (30 août 2027)" in body
    assert "rentrée académique" not in body
    body = advise(
        Request(text="Lancement d'une trousse écoresponsable en France pour la rentrée, 30 k€"),
        deps,
    ).text
    assert "la rentrée scolaire (1er sept. 2027" in body
    assert "Rentrée médiatique" not in body


def test_a_named_awareness_day_is_the_anchor(deps: Deps) -> None:
    body = advise(
        Request(
            text="Tiny UK charity supporting young carers, £2k: Young Carers Action Day is our "
            "moment to get more referrals from schools. What should we do?"
        ),
        deps,
    ).text
    assert "Young Carers Action Day (10 Mar 2027" in body
    assert "Carers Week (" not in body


def test_one_plan_for_several_markets_stays_multi_market_with_a_green_material(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Marque de doudounes en duvet recyclé : un plan commun Italie, Espagne et "
            "Allemagne pour l'hiver 2027. Qu'est-ce qui reste commun, qu'est-ce qui change ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "multi-market"


@pytest.mark.parametrize(
    ("text", "markets", "origin"),
    [
        (
            "On a 40 k€ pour faire connaître à Milan une marque française de vélos cargo.",
            ["it"],
            "fr",
        ),
        (
            "Betting client wants a push around the Premier League opening weekend, 18+ only.",
            ["uk"],
            None,
        ),
        ("Mangrove NGO in Bahia with R$20,000 wants to stop a port project.", ["br"], None),
        ("A premium Sevillan olive oil producer is entering the UK in spring.", ["uk"], "es"),
    ],
)
def test_where_the_brief_goes(text: str, markets: list[str], origin: str | None) -> None:
    brief = parse_brief(text)
    assert brief.markets == markets and brief.origin == origin


def test_wind_farms_are_not_farms(deps: Deps) -> None:
    body = advise(
        Request(
            text="Our SCADA software for onshore wind farms needs 60 leads among German "
            "operators, €120k"
        ),
        deps,
    ).text
    assert "farming press" not in body and "customer's farm" not in body


def test_a_retailer_listing_named_in_the_brief_is_the_lever(deps: Deps) -> None:
    body = advise(
        Request(
            text="Our Dutch oat-drink brand is now stocked by Waitrose and enters the UK in "
            "spring, £90k. What's the plan?"
        ),
        deps,
    ).text
    assert "The Waitrose listing is the lever already in hand" in body
    assert "Sell-through at Waitrose" in body
    assert "What has Waitrose committed to" in body
    assert "Secure a local partner" not in body
    body = advise(
        Request(
            text="Notre marque italienne de pâtes fraîches est référencée chez Monoprix et "
            "arrive en France au printemps, 70 k€"
        ),
        deps,
    ).text
    assert "Le référencement chez Monoprix est le levier déjà en main" in body
    assert "la marque italienne de pâtes fraîches" in body
    assert "savoir-faire français en cosmétique au Japon" not in body


def test_a_period_the_brief_gives_is_not_asked_back(deps: Deps) -> None:
    body = advise(
        Request(
            text="On a 25 k€ sur 6 mois pour faire connaître une appli de covoiturage à Angers. "
            "Comment tu répartis ?"
        ),
        deps,
    ).text
    assert "France" in body.splitlines()[0]
    assert "Sur quelle période" not in body
    assert "This angers" not in body  # (the city is read as a place only after a preposition)


def test_angers_as_a_verb_is_not_france() -> None:
    assert parse_brief("This angers customers in Spain, what do we say?").markets == ["es"]


@pytest.mark.parametrize(
    ("text", "markets", "origin"),
    [
        (
            "A Bordeaux-based cycling apparel label is entering Germany next spring, €120k.",
            ["de"],
            "fr",
        ),
        (
            "Un fabricant suisse de balances industrielles veut des leads auprès des industriels "
            "agroalimentaires français.",
            ["fr"],
            "ch",
        ),
    ],
)
def test_the_home_and_the_buyers(text: str, markets: list[str], origin: str) -> None:
    brief = parse_brief(text)
    assert brief.markets == markets and brief.origin == origin


def test_qixi_is_the_chinese_valentines_day_not_the_brand() -> None:
    brief = parse_brief(
        "An Italian jewellery house wants big ideas for Qixi (Chinese Valentine's Day) on "
        "Xiaohongshu. Give me three."
    )
    assert brief.timing is not None and brief.timing.start == dt.date(2027, 8, 8)
    assert brief.subject == "Italian jewellery house"


def test_cp_is_a_press_release(deps: Deps) -> None:
    body = advise(
        Request(text="Je commence mon alternance lundi : comment on fait un bon CP ?"), deps
    ).text
    assert "Un communiqué de presse est" in body
    assert "Un embargo est un accord" not in body


def test_alcohol_in_an_iftar_post_is_pulled_and_the_rule_is_the_gulfs(deps: Deps) -> None:
    body = advise(
        Request(
            text="A hotel in Dubai posted a Ramadan iftar promo with champagne flutes on the "
            "table; angry comments are spreading on X. What now?"
        ),
        deps,
    ).text
    lead = "\n".join(body.splitlines()[2:7])
    assert "Pull it today" in lead
    assert "stand by it" not in lead
    assert "in the UAE, where it is sold under licence" in body


def test_a_leader_on_womens_health_is_vouched_for_by_its_experts(deps: Deps) -> None:
    body = advise(
        Request(
            text="La présidente d'une mutuelle veut être reconnue sur la ménopause au travail. "
            "Par où commencer ?"
        ),
        deps,
    ).text
    assert "gynécologues" in body and "EndoFrance" in body


def test_a_brief_the_rule_bans_outright_gets_a_no_go_not_a_go_live(deps: Deps) -> None:
    body = advise(
        Request(
            text="Un opérateur de paris agréé veut des créateurs et des pubs TikTok pour recruter "
            "des parieurs en Italie au début de la Serie A, 150 k€."
        ),
        deps,
    ).text
    assert "No-go" in body.split("**", 3)[2]
    assert "Mise en ligne contrôlée" not in body and "Le plan, semaine par semaine" not in body
    assert "registre européen" not in body  # a health-claim line has no place in a betting brief


def test_a_partial_ban_keeps_its_plan(deps: Deps) -> None:
    body = advise(
        Request(
            text="Une marque de bière veut sponsoriser un festival de musique en France, 80 k€."
        ),
        deps,
    ).text
    assert "No-go : la règle ci-dessous interdit" not in body


def test_an_offensive_ad_is_not_framed_by_a_food_safety_rule(deps: Deps) -> None:
    body = advise(
        Request(
            text="A US burger chain's TikTok ad mocking nurses is being called disgusting; it "
            "has been trending since last night. What do we do?"
        ),
        deps,
    ).text
    assert "FDA" not in body and "Reportable Food Registry" not in body


def test_belgiums_gambling_ad_ban_leaves_no_campaign_plan(deps: Deps) -> None:
    body = advise(
        Request(
            text="A licensed bookmaker wants to recruit bettors in Belgium with creators and paid "
            "social around the Red Devils' next match, €250k."
        ),
        deps,
    ).text
    assert "No-go" in body
    assert "Controlled go-live" not in body and "week by week" not in body


def test_a_bordeaux_estate_is_wine() -> None:
    brief = parse_brief(
        "Un domaine bordelais veut une campagne d'influence Instagram pour Noël, 40 k€."
    )
    assert brief.sector == "alcohol"


def test_gambling_in_mainland_china_is_a_no_go(deps: Deps) -> None:
    body = advise(
        Request(
            text="A sportsbook wants Weibo creators to win bettors in China for the Asian Cup."
        ),
        deps,
    ).text
    assert "No-go" in body and "art. 303" in body
    assert "week by week" not in body


def test_an_age_in_years_is_not_the_span_of_the_plan(deps: Deps) -> None:
    body = advise(
        Request(
            text="A licensed betting operator in France wants 18-25 year-old punters for the "
            "Top 14 final. What influence plan?"
        ),
        deps,
    ).text
    weeks = re.findall(r"\*\*Weeks (\d+)–(\d+)", body)
    assert weeks and all(int(b) <= 52 for _, b in weeks), weeks
    # and aiming at young adults is pushed back on before the plan
    assert "push back" in body.split("**The rules")[0], body[:1200]


def test_a_whole_year_is_when_the_plan_runs_not_its_moment(deps: Deps) -> None:
    body = advise(
        Request(
            text="Un groupe de logistique basé à Lille doit recruter 150 caristes et chefs "
            "d'équipe en 2027. Quelle stratégie marque employeur ?"
        ),
        deps,
    ).text
    assert "1er janv. 2027 – 31 déc. 2027" not in body, body[:1500]
    assert "toute l'année 2027" in body, body[:2000]


def test_a_prescription_medicine_gets_an_unbranded_plan_and_no_events(deps: Deps) -> None:
    body = advise(
        Request(
            text="A pharma lab wants to raise awareness in France of its prescription drug "
            "for psoriasis. What plan?"
        ),
        deps,
    ).text
    lead = body.split("**The rules")[0]
    assert "disease-awareness" in lead and "no product name" in lead, lead
    assert "Event & experiential" not in body and "immersive" not in body, body
    assert "Pharmacy or retailer listings" not in body, body


@pytest.mark.parametrize(
    ("text", "stockist"),
    [
        ("A French solid-shampoo brand (sold in Monoprix/Sephora FR) wants to enter Germany "
         "in spring 2027.", "Monoprix"),
        ("Notre marque de biscuits, vendue chez Carrefour et Leclerc, veut toucher les "
         "25-35 ans.", "Carrefour"),
    ],
)  # fmt: skip
def test_where_the_product_is_sold_is_not_the_client(text: str, stockist: str) -> None:
    brief = parse_brief(text)
    assert brief.client != stockist, brief.client


def test_a_pitch_email_question_gets_the_pitching_lesson(deps: Deps) -> None:
    advice = advise(
        Request(
            text="How should I write a pitch email to a food journalist? I'm new, "
            "can you show me with an example?"
        ),
        deps,
    )
    first = advice.text.split("\n\n")[1]
    assert "pitch" in first.lower() and "press release" not in first.lower(), first


@pytest.mark.parametrize(
    ("text", "target", "home"),
    [
        ("A boutique hotel in Seville wants to attract British families next summer.", "uk",
         "es"),
        ("Un hôtel de Biarritz veut attirer les touristes espagnols cet hiver.", "es", "fr"),
    ],
)  # fmt: skip
def test_visitors_nationality_is_the_market_to_reach(text: str, target: str, home: str) -> None:
    brief = parse_brief(text)
    assert brief.markets == [target] and brief.origin == home, (brief.markets, brief.origin)


def test_ideas_for_an_event_the_calendar_lacks_are_built_on_that_event(deps: Deps) -> None:
    body = advise(
        Request(
            text="Trois idées pour qu'une maison d'édition de jeux de société nantaise se "
            "démarque au Salon du Jeu de Plateau de Lille en mars"
        ),
        deps,
    ).text
    cards = [line for line in body.splitlines() if re.match(r"\*\*\d\. ", line)]
    assert len(cards) == 3, body[:2000]
    # each card is about the publisher, said with its article and agreeing with it
    named = [c for c in cards if "maison d'édition" in c]
    assert named and all("La maison d'édition de jeux de société nantaise" in c for c in named)
    assert "fait par" not in body and "est prêt à" not in body, body
    assert "Salon du Jeu de Plateau de Lille" in body, body[:3000]
    # the cards' material is board games, not toys
    assert "jouet" not in body.lower().split("**campagnes comparables**")[0], body[:3000]


@pytest.mark.parametrize(
    "text",
    [
        "Le PDG d'une néobanque cliente a écrit sur X que les retraités coûtent trop cher. "
        "Polémique, des milliers de réponses. Comment on gère ?",
        "Our client's CEO tweeted that parental leave is a holiday; thousands of angry replies "
        "and staff speaking out. How do we handle it?",
    ],
)
def test_a_leaders_offensive_post_is_a_backlash_not_a_visibility_plan(
    deps: Deps, text: str
) -> None:
    advice = advise(Request(text=text), deps)
    assert advice.situation is not None and advice.situation.id == "backlash", advice.text[:300]


def test_an_energy_drink_campaign_in_the_uk_meets_the_less_healthy_food_ad_rules(
    deps: Deps,
) -> None:
    body = advise(
        Request(text="Influencer plan for a new energy drink in the UK next spring, £60k."),
        deps,
    ).text
    assert "Health and Care Act 2022" in body, body[:3000]


def test_an_offset_based_carbon_neutral_claim_in_the_eu_is_ruled_out(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Une marque de cosmétiques veut dire que sa nouvelle crème est « neutre en "
            "carbone » grâce à la compensation, en France au printemps. On peut ?"
        ),
        deps,
    )
    # "On peut ?" asks a yes or no: a review whose verdict is no-go, the claim ruled out by name
    assert advice.situation is not None and advice.situation.id == "risk-review"
    assert "no-go" in advice.text.split("\n\n")[1]
    assert "Abandonnez « neutre en carbone »" in advice.text


def test_the_event_the_brief_names_in_full_is_the_anchor_not_one_sharing_its_sport(
    deps: Deps,
) -> None:
    body = advise(
        Request(
            text="Betting operator licensed in France wants rugby creators to win new punters "
            "during the Six Nations Championship 2027. What can we do?"
        ),
        deps,
    ).text
    assert "Counted back from the Six Nations" in body or "the Six Nations (" in body, body
    assert "Rugby World Cup" not in body.split("**The plan")[1].split("\n- **")[0]


def test_a_year_long_b2b_plan_counts_back_from_its_trade_show(deps: Deps) -> None:
    body = advise(
        Request(
            text="Start-up lyonnaise de robots de palettisation : on veut des leads auprès des "
            "directeurs d'usine en France, 50 k€ pour 2027. Quel plan ?"
        ),
        deps,
    ).text
    plan = body.split("**Le plan, mois par mois**")[1]
    first = plan.strip().splitlines()[0]
    assert "Global Industrie" in first and "toute l'année" not in first, first


@pytest.mark.parametrize(
    "text", ["Lancement de nos rhums arrangés en Belgique", "Our gins enter Spain"]
)
def test_plural_spirits_are_alcohol(text: str) -> None:
    assert parse_brief(text).sector == "alcohol"


def test_a_deadline_too_close_for_the_plan_says_so(deps: Deps) -> None:
    body = advise(
        Request(
            text="Petite association de quartier à Rennes, 2 k€, veut recruter des bénévoles "
            "et avoir la presse locale avant Noël. Quel plan ?"
        ),
        deps,
    ).text
    plan = body.split("semaine par semaine**")[1]
    first = plan.strip().splitlines()[0]
    assert first.startswith("Il ne reste que 2 semaines avant le 24 déc. 2026"), first


def test_a_budget_is_not_timed_on_a_moment_already_under_way(deps: Deps) -> None:
    body = advise(
        Request(
            text="On a 30 k€ sur 6 mois pour une marque de chocolats artisanaux. Répartition ?"
        ),
        deps,
    ).text
    assert "achats de Noël (15 nov. 2026" not in body, body[:1500]


def test_a_window_of_months_is_not_anchored_on_a_moment_after_it(deps: Deps) -> None:
    body = advise(
        Request(
            text="Belgian e-bike brand launching in France and Germany from April to June "
            "2027, €200k in total. Plan?"
        ),
        deps,
    ).text
    assert "Tour de France" not in body.split("**The plan")[1].split("\n- **")[0], body
    # the lead market goes live inside the window (on France's cycling month, May)
    live = next(line for line in body.splitlines() if "· Lead market live**" in line)
    assert re.search(r"\((?:\d+ )?(?:Apr|May|Jun) – \d+ (?:Apr|May|Jun) 2027\)", live), live


def test_a_competitor_the_brief_names_is_not_the_client() -> None:
    brief = parse_brief(
        "A machining subcontractor near Bordeaux keeps losing candidates to Airbus and "
        "Dassault. €90k. Employer brand strategy?"
    )
    assert brief.client is None and brief.sector == "b2b-industry", (brief.client, brief.sector)
    assert parse_brief("Airbus wants to hire 500 engineers in Toulouse").client == "Airbus"


def test_a_trade_fair_of_another_sector_is_not_every_buyers_lever(deps: Deps) -> None:
    body = advise(
        Request(
            text="Start-up nantaise de robots de soudage pour les PME de la métallurgie : "
            "100 leads qualifiés en France en 2027, 35 k€. Plan ?"
        ),
        deps,
    ).text
    assert "IFTM" not in body and "professionnels du voyage" not in body, body[:2500]


def test_a_backlash_over_a_missing_range_is_not_answered_with_a_joke(deps: Deps) -> None:
    body = advise(
        Request(
            text="Notre client a sorti un fond de teint sans teintes pour les peaux foncées ; "
            "une créatrice l'a épinglé, c'est en tendance. La directrice marketing veut "
            "répondre par une vidéo drôle. Que conseiller ?"
        ),
        deps,
    ).text
    lead = body.split("\n\n**")[0]
    assert "Pas de réponse drôle" in lead and "Le manque est le sujet" in lead, lead
    assert "Assumer est légitime" not in body, body[:2000]


def test_a_subjects_month_is_not_every_womans_moment(deps: Deps) -> None:
    body = advise(
        Request(
            text="La fondatrice d'une fintech veut devenir une voix qui compte sur l'épargne "
            "des femmes. Comment construire sa visibilité sur 6 mois ?"
        ),
        deps,
    ).text
    assert "Octobre rose" not in body, body[:2000]


def test_eid_anchors_a_french_food_brief_only_when_the_brief_is_about_it(deps: Deps) -> None:
    plain = advise(
        Request(text="Une marque japonaise de nouilles udon s'implante en France au printemps."),
        deps,
    ).text
    halal = advise(
        Request(text="Une marque de viande halal veut une campagne en France au printemps."),
        deps,
    ).text
    assert "Aïd el-Kébir" not in plain, plain[:2000]
    assert "Aïd el-Kébir" in halal, halal[:3000]


def test_who_is_taught_is_not_the_concept(deps: Deps) -> None:
    body = advise(
        Request(text="Tu peux montrer à un alternant comment on rédige un communiqué de presse ?"),
        deps,
    ).text
    assert body.startswith("**Question de métier — rédiger un communiqué de presse**"), body[:200]
    assert "embargo" not in body.split("\n\n")[1].lower(), body[:600]


def test_the_january_return_is_january() -> None:
    timing = parse_brief("Des dons pour la rentrée de janvier, 2 k€").timing
    assert timing is not None and timing.start is not None and timing.start.month == 1, timing


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Trois idées pour la Saint-Valentin pour une biscuiterie artisanale normande qui "
         "veut vendre en ligne.", "biscuiterie artisanale normande"),
        ("Give me 3 big ideas for a new sleeper train between Vienna and Rome for students.",
         "sleeper train"),
    ],
)  # fmt: skip
def test_an_idea_request_names_what_it_is_for(text: str, subject: str) -> None:
    assert parse_brief(text).subject == subject
    assert parse_brief("Un plan pour une durée de 6 mois, 20 k€").subject is None


def test_regulated_answers_keep_other_cases_wording_out(deps: Deps) -> None:
    green = advise(
        Request(text="A French shoe brand wants to call its new trainers eco-friendly in France."),
        deps,
    ).text
    medicine = advise(
        Request(text="A lab wants creators to talk about its prescription asthma drug in France."),
        deps,
    ).text
    assert "age-gated channels" not in green, green
    assert "1924/2006" not in medicine, medicine


def test_a_b2b_leader_who_wants_to_be_the_voice_of_a_topic_gets_a_visibility_plan(
    deps: Deps,
) -> None:
    advice = advise(
        Request(
            text="Le DG d'un éditeur B2B de logiciels RH veut devenir LA voix de la semaine "
            "de quatre jours en France en 2027. Plan de visibilité dirigeante ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "exec-visibility", advice.text[
        :300
    ]


def test_the_agency_is_not_told_to_speak_french_in_france(deps: Deps) -> None:
    body = advise(
        Request(text="Launch of a craft cider in France next spring, €40k. Plan?"), deps
    ).text
    assert "Speak to this market in French" not in body, body[:3000]


@pytest.mark.parametrize(
    "text",
    [
        "A Lyon knitwear brand plans to advertise its autumn 2027 range in France as 'climate "
        "neutral' thanks to offset credits. Anything to watch out for?",
        "Our client, a brewery, wants to run a Six Nations campaign with rugby creators in "
        "France next February. What should we watch out for?",
        "Une marque de boissons énergisantes veut lancer une campagne avec des streamers pour "
        "les 16-20 ans en France au printemps. Quels risques ?",
    ],
)
def test_a_brief_that_closes_on_what_to_watch_out_for_gets_a_review(deps: Deps, text: str) -> None:
    """The campaign it describes is not the question: no go-live phase, no weeks."""
    advice = advise(Request(text=text), deps)
    assert advice.situation is not None and advice.situation.id == "risk-review"
    assert advice.situation.clock is None
    assert not re.search(r"go-live|mise en ligne sous contr", advice.text, re.IGNORECASE)


def test_a_brief_that_asks_what_is_allowed_and_how_gets_the_plan(deps: Deps) -> None:
    advice = advise(
        Request(
            text="A cognac house wants creators in France for the festive season. What is "
            "allowed under the Loi Evin, and how should we run it?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "regulated"
    assert advice.situation.clock == "weeks"


def test_a_french_horse_race_is_not_a_market() -> None:
    brief = parse_brief(
        "Un site de turf veut gagner des parieurs autour du Prix d'Amérique à Vincennes en janvier"
    )
    assert "us" not in brief.markets


def test_a_betting_plan_speaks_of_betting_not_drinking_nor_linkedin(deps: Deps) -> None:
    advice = advise(
        Request(
            text="A licensed poker room wants to win new adult players in France with streamers "
            "this spring. What can we do?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "regulated"
    body = advice.text
    assert "betting" in body or "winnings" in body
    assert "drinking" not in body
    assert "LinkedIn" not in body
    assert "pharmacists" not in body


def test_a_green_claims_plan_asks_no_doctors(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Une marque de mobilier veut une campagne d'influence en France pour sa gamme "
            "« écoresponsable » au printemps. Comment la construire avec les nouvelles règles ?"
        ),
        deps,
    )
    body = advice.text
    assert advice.situation is not None and advice.situation.id == "regulated"
    assert "pharmaciens" not in body and "médecins" not in body
    assert "contrôle d'âge" not in body


@pytest.mark.parametrize(
    "text",
    [
        "Notre client, une marque française de thés, veut entrer sur le marché allemand au "
        "printemps avec 80 k€.",
        "A French tea brand wants to enter the German market next spring.",
    ],
)
def test_the_market_a_brand_enters_is_its_only_target(text: str) -> None:
    brief = parse_brief(text)
    assert brief.markets == ["de"] and brief.origin == "fr"


def test_brussels_for_eu_policy_is_the_eu_not_belgium(deps: Deps) -> None:
    text = (
        "The founder of a Swedish battery-recycling firm wants to be heard in EU policy circles "
        "in Brussels over the coming year. How should we build her profile?"
    )
    assert parse_brief(text).markets == ["europe"]
    body = advise(Request(text=text), deps).text
    assert "Belgium" not in body and "Batibouw" not in body
    assert "Euractiv" in body or "Politico" in body


def test_a_neighbourhood_venue_budget_is_spent_in_its_city_and_paced(deps: Deps) -> None:
    advice = advise(
        Request(
            text="On a 12 k€ d'avril à juin 2027 pour faire connaître une crêperie qui ouvre à "
            "Lyon. Comment répartir ce budget ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "budget"
    body = advice.text
    assert "Le Progrès" in body or "Lyon Capitale" in body
    assert "Presse nationale —" not in body and "presse nationale" not in body
    assert "deux dernières semaines" not in body  # a three-month window is paced
    assert "1er mars" not in body  # the supermarkets' negotiations are not a crêperie's


def test_hiring_hands_on_trades_happens_in_the_local_labour_pool(deps: Deps) -> None:
    advice = advise(
        Request(
            text="A shipyard near Le Havre has to hire 80 welders and pipefitters by next "
            "autumn. What employer-brand plan would you run?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "employer-brand"
    body = advice.text
    assert "LinkedIn —" not in body and "hackathons" not in body
    assert "Regional press —" in body and "employment service" in body
    assert "welders (students)" not in body


def test_hiring_engineers_still_goes_through_linkedin(deps: Deps) -> None:
    body = advise(
        Request(
            text="Notre client doit recruter 90 ingénieurs logiciel à Lyon en 2027. Quel plan ?"
        ),
        deps,
    ).text
    assert "LinkedIn —" in body
    assert "service public de l'emploi (France Travail" not in body


def test_a_fake_review_refusal_in_french_names_french_law_and_the_fair_way(deps: Deps) -> None:
    body = advise(
        Request(
            text="Un client, une pizzeria à Angers, nous demande d'écrire 25 faux avis cinq "
            "étoiles sur Google pour noyer de mauvaises notes. Tu t'en charges ?"
        ),
        deps,
    ).text
    assert "Code de la consommation" in body and "DGCCRF" in body
    assert "DMCC" not in body and "FTC" not in body
    assert "répondre publiquement" in body


def test_selling_security_to_cisos_meets_them_where_cisos_meet(deps: Deps) -> None:
    body = advise(
        Request(
            text="A vendor of phishing-simulation software wants 150 meetings with French "
            "CISOs next year. How do we generate them?"
        ),
        deps,
    ).text
    assert "Forum InCyber" in body
    assert body.index("Forum InCyber") < body.find("VivaTech") or "VivaTech" not in body


def test_selling_to_french_hospitals_names_their_funding_programme(deps: Deps) -> None:
    body = advise(
        Request(
            text="Notre client édite un logiciel de continuité d'activité pour les "
            "établissements de santé. Comment trouver des clients parmi les hôpitaux en 2027 ?"
        ),
        deps,
    ).text
    assert "CaRE" in body


def test_a_recall_leaked_by_staff_is_not_a_data_breach(deps: Deps) -> None:
    body = advise(
        Request(
            text="Urgent: a French maker of baby biscuits must recall two batches (possible "
            "allergen) sold in France; an employee leaked the notice on X and parents panic. "
            "What do we do now?"
        ),
        deps,
    ).text
    assert "intrusion" not in body and "passwords" not in body
    assert "IT security" not in body


def test_how_one_writes_a_good_press_release_is_the_press_release_lesson(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Tu peux m'expliquer comment on écrit un bon communiqué de presse ? C'est pour "
            "former un alternant lundi."
        ),
        deps,
    )
    first = advice.text.split("\n")[2]
    assert "communiqué de presse est" in first and "embargo" not in first


def test_a_regulator_names_the_market_and_a_betting_challenge_is_a_no_go(deps: Deps) -> None:
    text = (
        "A bookmaker licensed by the ANJ wants a TikTok dance challenge with creators before "
        "the Top 14 final. Anything to watch out for?"
    )
    assert parse_brief(text).markets == ["fr"]
    advice = advise(Request(text=text), deps)
    assert advice.situation is not None and advice.situation.id == "risk-review"
    assert "no-go" in advice.text.split("**Risks")[0]


def test_a_farming_video_game_is_gaming_not_agriculture() -> None:
    brief = parse_brief("Our indie studio ships a cosy farming sim on Steam next spring. Plan?")
    assert brief.sector == "gaming"


def test_women_sleeping_rough_are_not_a_mattress_brief(deps: Deps) -> None:
    body = advise(
        Request(
            text="A Marseille charity for people sleeping rough has €2k to find volunteers "
            "this winter. Ideas for a plan?"
        ),
        deps,
    ).text
    assert "sleep researchers" not in body


def test_is_that_ok_asks_a_review(deps: Deps) -> None:
    advice = advise(
        Request(
            text="A Belgian chocolate brand wants to call its Easter eggs 'planet-friendly' in a "
            "French campaign next March. Is that ok?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "risk-review"


def test_a_french_junior_gets_the_french_lesson_with_its_mistakes(deps: Deps) -> None:
    body = advise(Request(text="Comment on lit un brief client, concrètement ?"), deps).text
    assert body.startswith("**Question de métier — lit un brief client**")
    assert "**L'erreur fréquente**" in body and "Leçon 2 : lire un brief" in body


def test_what_an_insight_is_starts_from_its_definition(deps: Deps) -> None:
    body = advise(
        Request(text="C'est quoi exactement un insight, et comment en trouver un bon ?"), deps
    ).text
    assert body.split("\n")[2].startswith("Un insight est une vérité")
    assert "Leçon 25 : trouver un insight" in body  # its own lesson, not the big idea's


def test_a_quoted_plant_based_yoghurt_meets_the_dairy_names_rule(deps: Deps) -> None:
    body = advise(
        Request(
            text="Client = PME alsacienne qui lance en juin 2027 un « fromage » végétal à base de "
            "noix de cajou en GMS, 50 k€. Quelle stratégie ?"
        ),
        deps,
    ).text
    assert "TofuTown" in body
    assert "décideurs B2B" not in body


def test_a_city_charity_is_not_sent_to_national_levers(deps: Deps) -> None:
    body = advise(
        Request(
            text="Une petite association de Lille qui aide les sans-abri a 2 000 € pour trouver "
            "des dons et des bénévoles cet hiver. Que ferais-tu ?"
        ),
        deps,
    ).text
    assert "Grande Cause nationale" not in body and "ZEvent" not in body
    assert "75 %" in body


def test_a_budget_for_one_city_buys_its_press_not_the_national_dailies(deps: Deps) -> None:
    body = advise(
        Request(
            text="We have €25k from April to June 2027 to launch a laundry-pickup app only in "
            "Montpellier. How should we split the money?"
        ),
        deps,
    ).text
    assert "National press —" not in body
    assert "Regional press —" in body


def test_an_ad_showing_a_sales_assistant_is_the_brands_ad_not_its_staff(deps: Deps) -> None:
    body = advise(
        Request(
            text="Bad buzz : la pub YouTube d'une marque de maillots est accusée de grossophobie "
            "(une vendeuse y ricane devant une cliente ronde). Ça monte depuis ce matin. On fait "
            "quoi ?"
        ),
        deps,
    ).text
    assert "mise à pied" not in body
    assert "Retirez" in body.split("**")[2] or "Retirez" in body[:600]


def test_a_french_region_is_france_without_an_assumption(deps: Deps) -> None:
    body = advise(
        Request(text="Une coopérative d'Occitanie veut recruter 50 saisonniers. Une reco ?"), deps
    ).text
    assert "par défaut" not in body


def test_how_to_go_about_it_is_about_what_was_said_before(deps: Deps) -> None:
    body = advise(
        Request(
            text="Je dois pitcher Les Echos sur la levée de fonds d'un client. Je n'ai jamais "
            "pitché un journaliste : comment on s'y prend ?"
        ),
        deps,
    ).text
    assert "s'y prend" not in body.split("\n")[0]
    assert "journaliste" in body.split("\n")[2]


def test_ideas_for_the_launch_of_a_product_are_about_the_product() -> None:
    brief = parse_brief("Three big ideas for the launch of a solid shampoo bar by a Breton brand")
    assert brief.subject == "solid shampoo bar"


def test_a_voice_in_brussels_speaks_to_the_eu() -> None:
    brief = parse_brief(
        "Our client's founder wants to be a recognised voice on battery recycling in Germany "
        "and in Brussels next year."
    )
    assert "be" not in brief.markets and "europe" in brief.markets


def test_party_scenes_for_a_spirit_are_ruled_out_in_france(deps: Deps) -> None:
    body = advise(
        Request(
            text="Une maison de calvados veut des créateurs Instagram en France pour Noël "
            "(soirées entre amis). Qu'est-ce qu'on a le droit de faire ?"
        ),
        deps,
    ).text
    assert "Abandonnez les scènes de fête" in body


def test_a_kids_food_launch_speaks_to_the_parents(deps: Deps) -> None:
    body = advise(
        Request(
            text="Une marque de céréales au chocolat pour les enfants veut lancer une nouvelle "
            "recette en France au printemps avec des youtubeurs familles. Quel plan ?"
        ),
        deps,
    ).text
    assert "ce sont les parents" in body[:1200]
    assert "Snapchat —" not in body and "Twitch —" not in body


def test_butter_biscuits_are_not_crepes(deps: Deps) -> None:
    body = advise(
        Request(
            text="Trois idées pour une biscuiterie bretonne (galettes pur beurre) qui arrive "
            "au Royaume-Uni au printemps."
        ),
        deps,
    ).text
    assert "crêpier" not in body and "retournement dans la poêle" not in body


def test_mothers_day_anchors_gifts_not_every_spring_launch(deps: Deps) -> None:
    jeans = advise(
        Request(
            text="A Lyon denim label launches organic jeans in France next spring, €70k. Plan?"
        ),
        deps,
    ).text
    assert "Mother's Day" not in jeans
    gift = advise(
        Request(text="A jewellery brand wants a gift launch in France in May 2027, €90k. Plan?"),
        deps,
    ).text
    assert "Mother's Day" in gift


def test_a_home_to_work_carpool_app_is_a_launch_not_a_privacy_refusal(deps: Deps) -> None:
    advice = advise(
        Request(
            text="On lance en mai 2027 une appli de covoiturage domicile-travail à Grenoble pour "
            "les salariés des zones d'activité. Budget 30 k€. Ta reco ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id != "out-of-scope"
    assert "coordonnées personnelles" not in advice.text


def test_exfiltrated_customer_data_is_a_breach_first(deps: Deps) -> None:
    body = advise(
        Request(
            text="Our client, a UK online optician, found this morning that customer records "
            "were exfiltrated. What do they do in the next 48 hours?"
        ),
        deps,
    ).text
    assert "ICO" in body.split("**")[2] or "ICO" in body[:900]


def test_the_question_asked_is_not_the_subject() -> None:
    brief = parse_brief(
        "Belgian chocolatier (Ghent, 8 shops) opening in London next autumn. What launch "
        "approach would you recommend?"
    )
    assert brief.subject is None or "recommend" not in brief.subject


def test_an_alcohol_free_gin_under_the_gins_name_is_not_called_a_beer(deps: Deps) -> None:
    body = advise(
        Request(
            text="A spirits group wants a Dry January TikTok push in France for the alcohol-free "
            "version of its rum, same name and bottle. What should we watch out for?"
        ),
        deps,
    ).text
    assert "as the beer" not in body and "the beer, the gin" in body


def test_an_imperative_idea_request_with_a_target_and_budget_gets_ideas(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Donne-moi 3 grosses idées pour lancer une appli de covoiturage domicile-travail "
            "à Rennes au printemps 2027. Cible : salariés des zones d'activité. Budget 40 k€."
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "ideas"
    assert len(advice.ideas) == 3


def test_leads_with_french_manufacturers_target_france(deps: Deps) -> None:
    brief = parse_brief(
        "Austrian laser-cutter maker wants credibility and leads with French SME metalworkers "
        "over nine months. What's the plan?"
    )
    assert brief.markets == ["fr"]


def test_a_budget_window_is_paced_over_the_brief_period(deps: Deps) -> None:
    body = advise(
        Request(
            text="On a 20 k€ de mars à mai 2027 pour faire connaître un salon de thé à Lille. "
            "Comment répartir ?"
        ),
        deps,
    ).text
    assert "Étalez l'argent sur mars à mai 2027" in body or "Étalez l'argent sur de mars" in body


def test_a_supplement_cannot_promise_to_cure_a_condition_in_the_uk(deps: Deps) -> None:
    body = advise(
        Request(
            text="Our client's ashwagandha gummies: they want UK influencers to say they cure "
            "insomnia. Spring launch. What's possible?"
        ),
        deps,
    ).text
    assert "Drop the medical promise" in body


def test_a_uk_licensed_operator_recruiting_french_bettors_targets_france() -> None:
    brief = parse_brief(
        "A UK-licensed bookmaker wants to recruit French punters around Roland-Garros. Plan?"
    )
    assert brief.markets == ["fr"] and brief.origin == "uk"


def test_an_attacker_in_customer_accounts_is_a_breach(deps: Deps) -> None:
    body = advise(
        Request(
            text="Our client, a French concert-ticketing site, found that an attacker accessed "
            "200,000 customer accounts overnight. What now?"
        ),
        deps,
    ).text
    assert "CNIL" in body[:1200]


def test_a_market_without_profile_is_named_not_dropped(deps: Deps) -> None:
    body = advise(
        Request(
            text="A scooter-sharing service launches in Lyon, Copenhagen and Turin next spring, "
            "€200k. What's common and what changes?"
        ),
        deps,
    ).text
    assert "Denmark: named in the brief" in body


def test_can_they_then_what_do_you_advise_is_a_review(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Our juice client wants to print 'climate positive' on its bottles in Spain "
            "next spring, thanks to offsets. Can they? What would you advise?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "risk-review"


def test_a_trade_show_known_only_by_its_usual_window_is_given_as_a_month(deps: Deps) -> None:
    body = advise(
        Request(
            text="We sell vibration sensors to factories. Lead generation plan for France in "
            "the first half of 2027, €50k."
        ),
        deps,
    ).text
    assert "Global Industrie (March 2027, exact dates to confirm)" in body
    assert "9 Mar 2027 –" not in body


def test_a_plan_for_a_half_year_ends_with_it(deps: Deps) -> None:
    body = advise(
        Request(
            text="We sell vibration sensors to factories. Lead generation plan for France in "
            "the first half of 2027, €50k."
        ),
        deps,
    ).text
    assert "Months 8–12" not in body and "Month 12" not in body
    months = [int(n) for n in re.findall(r"\*\*Months? (?:\d+–)?(\d+) ·", _undated(body))]
    assert months and max(months) <= 7


def test_a_customer_video_of_pests_is_a_backlash_answered_by_the_fix(deps: Deps) -> None:
    advice = advise(
        Request(
            text="A campsite chain in the Landes: a camper filmed rats in the shower block and "
            "the clip has 900k views since yesterday. How should the chain answer?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "backlash"
    lead = advice.text[:1500]
    assert "call the person who filmed it" in lead
    assert "independent specialist" in lead
    assert "stand by it" not in advice.text


def test_one_leader_gets_a_one_voice_programme(deps: Deps) -> None:
    body = advise(
        Request(
            text="La DG d'une mutuelle régionale veut devenir une voix reconnue sur la "
            "prévention santé des agriculteurs. Que proposes-tu ?"
        ),
        deps,
    ).text
    assert "Parmi les personnes concernées" not in body
    assert "chaque voix" not in body.lower()
    assert "Interroger chaque candidat" not in body


def test_a_lever_held_in_october_is_not_offered_to_a_plan_over_by_june(deps: Deps) -> None:
    body = advise(
        Request(
            text="Le fondateur d'une PME industrielle veut devenir une voix reconnue sur la "
            "réindustrialisation auprès des dirigeants de PME, plan sur 6 mois."
        ),
        deps,
    ).text
    assert "Bpifrance Inno Génération" not in body  # each October
    assert "Rencontre des Entrepreneurs de France" not in body  # late August


def test_a_named_region_puts_its_own_papers_in_the_channels(deps: Deps) -> None:
    body = advise(
        Request(
            text="La présidente d'une coopérative laitière de Normandie veut être reconnue "
            "comme une voix sur le prix du lait. Comment ?"
        ),
        deps,
    ).text
    channels = body.split("**Où prendre la parole**")[1]
    assert "Ouest-France" in channels.split("\n\n")[0]


def test_before_a_named_event_with_its_date_is_a_deadline() -> None:
    brief = parse_brief(
        "Our CTO should be a known voice on edge computing before Mobile World Congress in "
        "Barcelona (early March 2027). Where do we start?"
    )
    assert "deadline: 2027-02-28" in brief.constraints
    brief = parse_brief(
        "Avant le Salon du Bourget (juin 2027), comment faire connaître notre PDG ?"
    )
    assert "deadline: 2027-05-31" in brief.constraints


@pytest.mark.parametrize(
    "text",
    [
        "Three big ideas for a Limoges porcelain workshop to get known in the US.",
        "Give me ideas for an Annecy cutler opening its first shop in Japan.",
    ],
)
def test_a_craft_house_named_by_its_town_comes_from_france(text: str) -> None:
    brief = parse_brief(text)
    assert "fr" not in brief.markets and brief.origin == "fr"


def test_a_helpline_cause_is_not_given_a_lobbying_plan(deps: Deps) -> None:
    body = advise(
        Request(
            text="Notre association tient une ligne d'écoute pour les parents épuisés, 4 000 € "
            "de budget : comment la faire connaître ?"
        ),
        deps,
    ).text
    assert "amendement déposé" not in body and "Porter le résultat auprès des décideurs" not in body
    assert "Recours au service" in body


def test_a_french_question_without_market_does_not_say_it_was_not_given(deps: Deps) -> None:
    body = advise(
        Request(text="Notre client lance une gamme de tisanes bio, 20 k€. Quelle approche ?"),
        deps,
    ).text
    assert "non précisé" not in body and "France" in body.splitlines()[0]


def test_a_launch_month_is_said_once_without_its_days(deps: Deps) -> None:
    body = advise(
        Request(text="Lancement d'une appli de covoiturage à Lille en avril, 25 k€. Ta reco ?"),
        deps,
    ).text
    assert "avril 2027" in body
    assert "(1er avr. 2027 – 30 avr. 2027)" not in body


def test_how_to_split_a_budget_is_a_budget_answer_even_for_spirits(deps: Deps) -> None:
    advice = advise(
        Request(
            text="A Breton cider brandy has £30k for its first quarter of 2027 in the UK. How "
            "should we split it?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "budget"
    body = advice.text
    assert "By month: January 2027" in body
    assert "socially responsible" in body.split("**")[2]  # the alcohol rule, in the lead


def test_a_budget_for_an_opening_month_funds_the_month_before(deps: Deps) -> None:
    body = advise(
        Request(text="Ouverture d'un bar à vins à Rennes en avril, 10 k€ : comment répartir ?"),
        deps,
    ).text
    assert "Par mois : mars 2027 30 %" in body
    assert "événement d'envergure" not in body


def test_a_season_under_way_does_not_push_the_plan_to_next_season(deps: Deps) -> None:
    body = advise(
        Request(
            text="Un opérateur de paris agréé veut parler aux supporters à la reprise du "
            "championnat de Ligue 1 début janvier. Que proposes-tu ?"
        ),
        deps,
    ).text
    assert "prochaine édition" not in body and "août 2027" not in body


def test_a_voice_in_brussels_gets_the_eu_stage_and_its_register(deps: Deps) -> None:
    body = advise(
        Request(
            text="Our CEO, who runs a French hydrogen start-up, wants to be heard in Paris and "
            "Brussels on EU industrial policy. What would you do over six months?"
        ),
        deps,
    ).text
    assert "Transparency Register" in body and "Politico Europe" in body


def test_vitamin_c_in_a_face_serum_is_no_food_supplement(deps: Deps) -> None:
    body = advise(
        Request(text="A skincare brand launches a vitamin C face serum in Germany. Plan?"),
        deps,
    ).text
    assert "food supplement" not in body.lower() and "BVL" not in body


def test_a_boilermaker_is_not_timed_on_the_heating_season(deps: Deps) -> None:
    body = advise(
        Request(
            text="Une PME de chaudronnerie industrielle veut des leads auprès des industriels "
            "de l'agroalimentaire en 2027. Tu proposes quoi ?"
        ),
        deps,
    ).text
    assert "saison de chauffage" not in body


def test_can_a_brand_run_a_giveaway_is_a_review(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Can a Scottish whisky brand run an Instagram giveaway with creators in France?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "risk-review"


def test_night_train_ideas_are_about_the_night_not_commuters(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Three ideas to get students to take the Paris–Berlin sleeper train this "
            "summer instead of a budget flight."
        ),
        deps,
    )
    cards = " ".join(f"{i.name} {i.insight} {i.spread}" for i in advice.ideas).lower()
    assert "commut" not in cards and "delay" not in cards
    assert "couchette" in cards or "wake" in cards or "blind" in cards


def test_the_ideas_lead_claims_a_moment_only_when_the_first_card_uses_it(deps: Deps) -> None:
    text = advise(
        Request(text="Give me 3 ideas for a night train operator for the summer holidays."),
        deps,
    ).text
    lines = text.split("**Ideas**")
    first = lines[1].split("**2.")[0].lower()
    if "rides on" in lines[0]:
        assert "summer holidays" in first


def test_a_neobank_breach_is_reported_to_the_financial_supervisor_too(deps: Deps) -> None:
    body = advise(
        Request(
            text="Une néobanque française a découvert ce matin que les IBAN de 50 000 clients "
            "ont été volés par des pirates. Que faire aujourd'hui ?"
        ),
        deps,
    ).text
    assert "DORA" in body and "ACPR" in body and "CNIL" in body


def test_a_ticketing_breach_is_not_a_financial_incident(deps: Deps) -> None:
    body = advise(
        Request(text="A festival ticketing site had 80k customer emails stolen. What now?"),
        deps,
    ).text
    assert "DORA" not in body


def test_the_owned_line_is_the_brand_s_own_site_not_a_filler(deps: Deps) -> None:
    body = advise(
        Request(text="Lancement d'une marque de savons solides en France au printemps, 30 k€."),
        deps,
    ).text
    assert "mix PESO" not in body
    assert "série de podcast de marque" not in body


def test_the_stockist_after_distribution_is_not_the_client() -> None:
    brief = parse_brief(
        "Une marque japonaise de thé glacé veut se lancer en France en juin, distribution "
        "Monoprix et Grande Épicerie. 90 k€. Que proposes-tu ?"
    )
    assert brief.client is None


def test_the_launch_approach_is_not_the_subject() -> None:
    brief = parse_brief(
        "Grocery delivery app launching in Riyadh in April 2027, €120k. What's the launch approach?"
    )
    assert brief.subject != "approach"


def test_a_supplier_labour_boycott_is_answered_with_facts_and_an_audit(deps: Deps) -> None:
    body = advise(
        Request(
            text="Une enseigne de mode fait face à un appel au boycott après un reportage sur "
            "les conditions de travail chez un de ses fournisseurs. Comment réagir ?"
        ),
        deps,
    ).text
    assert "Les faits avant les mots" in body
    assert "Assumer est légitime" not in body


def test_spring_ideas_are_not_timed_on_a_july_race(deps: Deps) -> None:
    body = advise(
        Request(
            text="Trois idées pour une marque de vélos électriques lyonnaise au printemps 2027"
        ),
        deps,
    ).text
    assert "Tour de France" not in body.split("**Campagnes comparables**")[0]


def test_a_students_second_semester_is_the_spring() -> None:
    brief = parse_brief(
        "Une association d'entraide étudiante à Rennes veut recruter des tuteurs pour le second "
        "semestre, 2 000 €. Des idées de plan ?"
    )
    assert brief.timing is not None and brief.timing.start is not None
    assert brief.timing.start.month == 2 and brief.timing.end is not None
    assert brief.timing.end.month == 6


def test_a_delivery_app_launch_is_not_a_tasting_plan(deps: Deps) -> None:
    body = advise(
        Request(
            text="A meal delivery app launches in Riyadh and Jeddah in April 2027, €150k. Plan?"
        ),
        deps,
    ).text
    assert "tasted before it is talked about" not in body and "Gulfood" not in body


def test_a_budget_over_a_period_bursts_on_the_market_s_moment(deps: Deps) -> None:
    body = advise(
        Request(
            text="How would you split €80k for a French date-and-pastry brand in Dubai between "
            "January and April 2027?"
        ),
        deps,
    ).text
    line = next(x for x in body.splitlines() if x.startswith("- By month"))
    assert "February 2027 35 %" in line  # Ramadan 2027 starts in February


def test_an_operator_licensed_abroad_is_told_to_get_the_local_licence_first(deps: Deps) -> None:
    body = advise(
        Request(text="A Curaçao-licensed sportsbook wants to reach British punters with creators."),
        deps,
    ).text
    assert "before a Gambling Commission licence" in body


def test_a_hotel_for_foreign_travellers_is_not_a_neighbourhood_venue(deps: Deps) -> None:
    body = advise(
        Request(
            text="We have €30k to bring German tourists to our guesthouse in Porto next summer. "
            "How should we split it?"
        ),
        deps,
    ).text
    assert "lives from its own city" not in body


def test_getting_people_to_talk_about_a_product_is_no_theme() -> None:
    brief = parse_brief(
        "Trois idées pour faire parler d'une trottinette électrique pliante conçue à Lyon"
    )
    assert brief.theme is None


def test_a_regulated_plan_says_what_the_campaign_itself_does(deps: Deps) -> None:
    body = advise(
        Request(
            text="A Cognac house wants to grow in the UK with creators next spring, £80k. What "
            "plan?"
        ),
        deps,
    ).text
    assert "The campaign itself" in body and "Listings won" in body


def test_tooth_whitening_is_framed_by_the_peroxide_limit_not_weight_loss(deps: Deps) -> None:
    body = advise(
        Request(
            text="Can creators post before/after videos of our teeth-whitening strips in France?"
        ),
        deps,
    ).text
    assert "0.1% hydrogen peroxide" in body and "Weight-loss" not in body


def test_a_season_under_way_with_weeks_left_gets_a_short_plan(deps: Deps) -> None:
    body = advise(
        Request(
            text="Une maison de cognac veut une opération Instagram pour les fêtes de fin "
            "d'année, lancement dans 8 jours. Que faire ?"
        ),
        deps,
    ).text
    assert "prochaine édition" not in body


def test_electric_cargo_bikes_are_not_cars(deps: Deps) -> None:
    body = advise(
        Request(text="A Nantes maker of electric cargo bikes enters Germany next spring. Plan?"),
        deps,
    ).text
    assert "auto motor und sport" not in body and "ElektroRad" in body


def test_a_town_s_size_is_not_its_residents_as_audience() -> None:
    brief = parse_brief(
        "Éditeur de logiciel de gestion pour les mairies de 2 000 à 20 000 habitants : "
        "comment générer des leads ?"
    )
    assert "local-communities" not in brief.audiences
    assert "b2b-decision-makers" in brief.audiences


def test_a_summer_sun_care_plan_is_not_anchored_on_fashion_weeks(deps: Deps) -> None:
    body = advise(
        Request(
            text="Pour une marque de solaires (crèmes SPF), un plan influence été 2027 en France "
            "et en Italie, 150 k€. Qu'est-ce qui change par pays ?"
        ),
        deps,
    ).text
    assert "Fashion Week" not in body and "lunettes" not in body


def test_a_craft_question_ending_any_example_still_gets_its_lesson(deps: Deps) -> None:
    body = advise(
        Request(
            text="New to PR: how should I pitch a story to a reporter at Le Figaro? Any example?"
        ),
        deps,
    ).text
    lesson = body.split("**The lesson**")[1].split("**")[0].strip()
    assert lesson and "Any example" not in body.splitlines()[0]


def test_before_the_deadline_of_a_month_is_a_deadline() -> None:
    brief = parse_brief(
        "Notre client veut être la référence de la facture électronique avant l'échéance de "
        "septembre 2027. Que proposes-tu ?"
    )
    assert "deadline: 2027-08-31" in brief.constraints


def test_a_hyphenated_claim_brings_its_rule(deps: Deps) -> None:
    body = advise(
        Request(
            text="A Belgian coffee brand wants to print 'climate-neutral' on its capsules in "
            "France thanks to offsets. What should we watch out for?"
        ),
        deps,
    ).text
    assert "2024/825" in body.split("**")[2]  # the offsetting ban leads


def test_a_brand_going_only_to_an_unprofiled_market_is_not_planned_for_home(deps: Deps) -> None:
    body = advise(
        Request(text="A Bordeaux-based wine estate is launching in Denmark next spring."),
        deps,
    ).text
    assert "France" not in body.splitlines()[0]
    assert "Denmark: named in the brief" in body


def test_a_sponsored_partner_s_remarks_suspend_the_partnership(deps: Deps) -> None:
    body = advise(
        Request(
            text="Un streamer que nous sponsorisons a tenu des propos homophobes en live hier, "
            "notre marque de chips est citée partout. Que faire ?"
        ),
        deps,
    ).text
    lead = body.split("**")[2]
    assert "suspendez le partenariat" in lead and "Retirez-le aujourd'hui" not in lead


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "A Dutch maker of packaging lines (100–800 staff) is targeting French manufacturers.",
            "fr",
        ),
        (
            "Un fabricant allemand de pompes à chaleur veut convaincre les installateurs français.",
            "fr",
        ),
    ],
)
def test_the_buyers_nationality_is_the_target(text: str, target: str) -> None:
    brief = parse_brief(text)
    assert brief.markets == [target]
    assert "employees" not in brief.audiences


def test_a_stay_awake_challenge_for_an_energy_drink_is_a_no_go(deps: Deps) -> None:
    body = advise(
        Request(
            text="An energy drink brand wants a TikTok challenge in Spain for 17-24 year-olds: "
            "who can pull an all-nighter? Is it ok?"
        ),
        deps,
    ).text
    assert "no-go as briefed" in body and "150 mg/l" in body


def test_a_paid_influencer_s_remarks_are_not_defended(deps: Deps) -> None:
    body = advise(
        Request(
            text="A paid beauty influencer we work with posted antisemitic jokes; our brand is "
            "tagged everywhere. How do we respond?"
        ),
        deps,
    ).text
    assert "suspend the partnership today" in body
    assert "never leave them alone facing the attacks" not in body


def test_a_women_s_team_is_not_an_audience_of_women() -> None:
    assert (
        "women"
        not in parse_brief(
            "Give me 3 ideas to fill the stands for a women's rugby club in Bordeaux"
        ).audiences
    )
    assert "women" not in parse_brief("L'équipe féminine de foot de Lyon veut du public").audiences
    assert "women" in parse_brief("Lancement d'une crème pour les femmes de 40 ans").audiences


def test_ideas_name_the_club_not_its_sector_nor_a_moment(deps: Deps) -> None:
    body = advise(
        Request(text="Give me 3 ideas to fill the stands for a women's rugby club in Bordeaux"),
        deps,
    ).text
    assert "the women's rugby club" in body
    assert "Sports holds" not in body and "Pink October" not in body


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "3 big ideas to get young adults into a science and technology museum in Paris",
            "the science and technology museum",
        ),
        (
            "Trois idées pour faire venir les jeunes au Musée des Arts et Métiers",
            "le Musée des Arts et Métiers",
        ),
    ],
)
def test_ideas_name_the_museum_not_culture(deps: Deps, text: str, name: str) -> None:
    body = advise(Request(text=text), deps).text
    assert name in body
    assert not re.search(r"\b[Cc]ulture (?:streams|invites|lets|diffuse|invite)", body)


def test_a_paris_route_brings_no_betting_lines(deps: Deps) -> None:
    body = advise(
        Request(
            text="Our client, a French airline, wants to run a campaign saying its Paris–Nice "
            'route is "carbon neutral" thanks to offsets. Any problem?'
        ),
        deps,
    ).text
    assert "carbon neutral" in body.lower()
    assert "betting" not in body and "winnings" not in body


def test_an_unprofiled_market_keeps_its_share_of_a_multi_market_plan(deps: Deps) -> None:
    body = advise(
        Request(
            text="We're launching a savings app in France, Italy and Poland in spring 2027, "
            "€150k total. What do we share and what changes per market?"
        ),
        deps,
    ).text
    assert "Poland 25 %" in body and "Italy 25 %" in body
    assert "**Poland** — no profile in the knowledge base yet" in body
    assert "does not cover it" not in body
    # spring is fifteen weeks away: the run-up is not "cut to fit"
    assert "cut to fit" not in body and "go-ahead by 23 Jan 2027" in body


def test_a_product_s_category_gives_its_sector_and_a_month_launch_keeps_its_month(
    deps: Deps,
) -> None:
    body = advise(
        Request(
            text="On lance en mars 2027 le kéfir de fruits bio d'une petite marque bretonne "
            "en GMS partout en France. 80 k€, cible urbains 25-40 ans. Quel plan RP/influence ?"
        ),
        deps,
    ).text
    assert "OUIGO" not in body and "Free Mobile" not in body  # food precedents, not trains
    assert re.search(r"moment qui compte ici, mars\s2027", body)
    assert "Salon de l'agriculture" not in body.split("**")[2]  # not the lead's anchor


@pytest.mark.parametrize(
    ("text", "acts", "never"),
    [
        (
            "3 big ideas for a protein bar launch in the UK",
            "The protein bar brand",
            "launch equips",
        ),
        ("3 ideas for our olive oil in Germany", "The olive oil brand", "The olive oil asks"),
        (
            "Trois idées pour une huile d'olive crétoise en France",
            "La marque d'huile d'olive crétoise",
            "L'huile d'olive crétoise invite",
        ),
    ],
)
def test_a_product_acts_through_its_brand_in_idea_cards(
    deps: Deps, text: str, acts: str, never: str
) -> None:
    body = advise(Request(text=text), deps).text
    assert acts in body and never not in body


def test_a_bakery_and_hedgehogs_get_their_own_seeds(deps: Deps) -> None:
    bakery = advise(Request(text="3 ideas for a Lyon bakery"), deps)
    assert "ritual of Christmas shopping" not in bakery.ideas[0].name
    hedgehogs = advise(
        Request(text="3 idées pour une asso normande de protection des hérissons, 5 000 €"), deps
    )
    assert "prend le contre-pied" not in hedgehogs.ideas[0].name


def test_a_message_house_question_gets_the_message_house_lesson(deps: Deps) -> None:
    body = advise(
        Request(text="Can you explain what a message house is and build one as an example?"),
        deps,
    ).text
    assert "roof" in body and "pillars" in body


def test_a_new_year_s_eve_campaign_is_live_before_the_night_not_after(deps: Deps) -> None:
    body = advise(
        Request(
            text="A Champagne house wants Instagram influencers in France for New Year's Eve. "
            "What's allowed?"
        ),
        deps,
    ).text
    assert "**Week 3 · Controlled go-live**" in _undated(body)
    assert "Weeks 4–10" not in body


def test_holidays_under_way_get_a_plan_inside_them(deps: Deps) -> None:
    body = advise(
        Request(
            text="Une maison de cognac veut faire de l'influence sur Instagram en France pour "
            "les fêtes de fin d'année. Qu'est-ce qui est permis avec la loi Evin ?"
        ),
        deps,
    ).text
    assert "**Semaines 2–4 · Mise en ligne sous contrôle**" in _undated(body)
    assert "Semaines 6–12" not in body


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("A crypto exchange wants UK users with a £50 welcome bonus via influencers. OK?", None),
        ("Lancement avec 10 € offerts à l'inscription, 80 k€ de budget", 80000.0),
        ("We have 30k€ each quarter for influence in France", 30000.0),
    ],
)
def test_an_offer_s_amount_is_not_the_budget(text: str, amount: float | None) -> None:
    budget = parse_brief(text).budget
    assert (budget.amount if budget else None) == amount


def test_spain_does_not_say_spa_and_a_quoted_yogurt_is_plant_based(deps: Deps) -> None:
    body = advise(
        Request(
            text='Dutch plant-based "yogurt" brand wants one 2027 PR/influence plan for France, '
            "Germany and Spain, €300k in total. What is common and what changes per market?"
        ),
        deps,
    ).text
    assert body.startswith("**One plan across several markets — France · Germany · Spain**")
    assert "Mother's Day" not in body  # 'spa' is a Mother's Day gift word, not Spain
    assert "cheese board" not in body and "Profession Fromager" not in body


def test_software_for_water_utilities_is_sold_to_local_authorities(deps: Deps) -> None:
    body = advise(
        Request(
            text="Startup française qui vend un logiciel de maintenance prédictive pour stations "
            "d'épuration aux collectivités. Comment générer des leads en 2027 avec 60 k€ ?"
        ),
        deps,
    ).text
    assert "le service des marchés publics" in body  # the authority's buying committee
    assert "la DSI et la sécurité (RSSI)" not in body
    grounded = body.split("**Ce qui compte sur place**")[1].split("**")[0]
    assert "Carrefour des gestions locales de l'eau" in grounded
    assert grounded.index("Carrefour") < grounded.find("VivaTech") or "VivaTech" not in grounded


def test_a_market_entry_with_a_budget_is_not_a_budget_question() -> None:
    text = (
        "A Spanish neobank from Madrid is entering France in Q2 2027, €150k budget, target: "
        "freelancers aged 25-35. What PR/influence plan would you recommend?"
    )
    assert parse_brief(text).origin == "es"


def test_a_market_entry_with_a_budget_is_planned_as_an_entry(deps: Deps) -> None:
    advice = advise(
        Request(
            text="A Spanish neobank from Madrid is entering France in Q2 2027, €150k budget, "
            "target: freelancers aged 25-35. What PR/influence plan would you recommend?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "market-entry"
    money = advise(
        Request(
            text="We have €15k for a Paris bakery opening in March. Where should the money go?"
        ),
        deps,
    )
    assert money.situation is not None and money.situation.id == "budget"


def test_a_turnover_is_not_the_budget() -> None:
    budget = parse_brief(
        "Une marque française de shampoings solides (2 M€ de CA) veut se lancer au Japon en "
        "2027. 50 k€ pour la première année. Par quoi on commence ?"
    ).budget
    assert budget is not None and budget.amount == 50000.0


def test_the_dangers_of_what_is_the_cause_s_subject() -> None:
    brief = parse_brief(
        "Association de sauvegarde des hérissons en Bretagne, 2 000 € de budget, veut "
        "sensibiliser aux dangers des robots tondeuses la nuit ce printemps. Tu proposes quoi ?"
    )
    assert brief.subject == "dangers des robots tondeuses"


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        (
            "Give me 3 big ideas to get teenagers back into public libraries in Lille.",
            "The public library hands one late opening a month to a committee of local teenagers",
        ),
        (
            "3 idées pour faire revenir les ados à la médiathèque de Roubaix",
            "La médiathèque confie une nocturne par mois",
        ),
    ],
)
def test_library_ideas_are_about_the_library_and_its_teenagers(
    deps: Deps, text: str, acts: str
) -> None:
    body = advise(Request(text=text), deps).text
    assert acts in body
    assert "learned to read as adults" not in body


def test_a_product_no_category_names_gets_its_sector_s_ideas(deps: Deps) -> None:
    body = advise(
        Request(
            text="Give me 3 big ideas for a French sleep-tracking ring launching in the US at "
            "CES 2027"
        ),
        deps,
    ).text
    assert "embodies CES 2027" not in body and "the ritual of CES 2027" not in body
    assert "The French sleep-tracking ring brand" in body


def test_a_weight_loss_promise_in_kilos_is_ruled_out(deps: Deps) -> None:
    body = advise(
        Request(
            text="On veut une campagne d'influence en France pour un shake protéiné avec des "
            "photos avant/après et la promesse « perdez 5 kg en 4 semaines ». C'est ok ?"
        ),
        deps,
    ).text
    assert "Verdict : no-go tel que briefé" in body and "art. 12 b" in body


def test_a_psan_registration_alone_no_longer_allows_crypto_promotion(deps: Deps) -> None:
    body = advise(
        Request(
            text="Client crypto (exchange enregistré PSAN) qui veut recruter des utilisateurs en "
            "France via des finfluenceurs en janvier. C'est jouable ?"
        ),
        deps,
    ).text
    assert "1er juillet 2026" in body and "no-go tel que briefé" in body


def test_staff_turning_away_a_wheelchair_user_is_a_refusal_case(deps: Deps) -> None:
    body = advise(
        Request(
            text="Our client's hotel chain in Spain is being slammed on X and TikTok after a video "
            "showed staff refusing entry to a guest in a wheelchair. What now?"
        ),
        deps,
    ).text
    assert "Reach the person who was turned away" in body
    assert "missing shades" not in body and "person who was mocked" not in body


def test_a_prescription_drug_push_is_a_no_go_led_by_the_medicines_rule(deps: Deps) -> None:
    body = advise(
        Request(
            text="A US telehealth company is entering France with an online weight-loss service "
            "that prescribes GLP-1 drugs. They want a big influencer push at launch in Q2 2027."
        ),
        deps,
    ).text
    lead = body.split("\n\n")[1]
    assert "Advertising a medicine to the public" in lead
    assert "Controlled go-live" not in body


def test_strong_is_not_the_name_of_the_ideas_subject(deps: Deps) -> None:
    body = advise(
        Request(
            text="Une petite asso qui accompagne les aidants familiaux veut faire parler d'elle "
            "pour la Journée nationale des aidants (6 octobre 2027). 5 k€. 3 idées fortes ?"
        ),
        deps,
    ).text
    assert "Pour fortes" not in body and "— fortes" not in body
    assert "L'association" in body


def test_oat_yoghurts_are_plant_based_not_cheese(deps: Deps) -> None:
    body = advise(
        Request(
            text="Spanish plant-based dairy brand (oat yoghurts) wants a 2027 PR and influence "
            "plan for France, Italy and the UK, €300k total. What is common and what differs?"
        ),
        deps,
    ).text
    assert "cheese board" not in body and "Profession Fromager" not in body
    assert "cheesemonger" not in body and "TofuTown" in body


def test_of_two_questions_the_how_question_names_the_lesson(deps: Deps) -> None:
    body = advise(
        Request(
            text="Question bête : comment on écrit un bon communiqué de presse ? J'en ai un à "
            "rédiger pour l'ouverture d'une boutique de créateurs à Nantes, tu peux m'expliquer "
            "la méthode ?"
        ),
        deps,
    ).text
    assert body.startswith("**Question de métier — écrire un bon communiqué de presse**")
    assert "loi n° 2023-451" not in body.split("\n\n")[1]
    pitch = advise(
        Request(
            text="Junior here - how do I write a pitch email to a journalist that actually gets "
            "opened? Can you teach me, with an example?"
        ),
        deps,
    ).text
    assert "A **pitch** is a story proposal" in pitch and "Junior here" not in pitch.split("\n")[0]


def test_vegan_sneakers_are_vouched_for_by_sneaker_people_not_dietitians(deps: Deps) -> None:
    body = advise(
        Request(
            text="French vegan sneaker brand (based in Bordeaux) wants to enter the UK in spring "
            "2027. Budget €120k for PR + influence. What's the plan?"
        ),
        deps,
    ).text
    assert "dietitians" not in body and "Great Taste" not in body


def test_an_influencer_under_contract_is_a_partner(deps: Deps) -> None:
    body = advise(
        Request(
            text="Gros souci : une influenceuse avec qui notre client cosmétique a un contrat "
            "annuel a tenu des propos homophobes dans une story hier soir. On fait quoi ?"
        ),
        deps,
    ).text
    assert "suspendez le partenariat aujourd'hui" in body
    assert "écrans en magasin" not in body


def test_recycled_fibres_are_not_fibre_optics(deps: Deps) -> None:
    body = advise(
        Request(
            text="Donne-moi 3 grandes idées pour lancer une marque de chaussettes en fibres "
            "recyclées fabriquées à Troyes, cible 25-40 ans urbains."
        ),
        deps,
    ).text
    assert "pylône" not in body and "fibre optique" not in body


def test_where_the_brand_already_leads_is_its_home_not_a_target() -> None:
    brief = parse_brief(
        "Client : appli française de covoiturage domicile-travail, déjà leader en France, veut "
        "se lancer en Belgique, en Suisse romande et au Québec en 2027. 200 k€ au total."
    )
    assert brief.markets == ["be", "ch", "ca"] and brief.origin == "fr"


def test_french_speaking_switzerland_gets_its_own_press(deps: Deps) -> None:
    body = advise(
        Request(
            text="Client : appli française de covoiturage, déjà leader en France, veut se lancer "
            "en Belgique, en Suisse romande et au Québec en 2027. 200 k€. Qu'est-ce qui est "
            "commun et qu'est-ce qui change par marché ?"
        ),
        deps,
    ).text
    swiss = next(line for line in body.splitlines() if line.startswith("- **Suisse**"))
    assert "Le Temps" in swiss and "Neue Zürcher Zeitung" not in swiss


def test_an_international_show_is_not_an_international_market(deps: Deps) -> None:
    body = advise(
        Request(
            text="Asso de prévention du suicide chez les agriculteurs, 5 000 € en tout, veut faire "
            "connaître sa ligne d'écoute pendant le Salon international de l'Agriculture 2027. "
            "Des idées pour maximiser l'impact ?"
        ),
        deps,
    ).text
    assert "marché international" not in body and "maximiser l'impact par" not in body
    assert "la marque de maximiser" not in body


def test_a_monthly_split_adds_up_to_the_budget(deps: Deps) -> None:
    body = advise(
        Request(
            text="Torréfacteur de café bio qui vend en ligne et en épiceries fines, 120 k€ pour "
            "2027 : comment répartir le budget ?"
        ),
        deps,
    ).text
    line = next(x for x in body.splitlines() if x.startswith("- Par mois"))
    months, reserve = line.split(", et ")
    total = sum(int(p) for p in re.findall(r"(\d+)\s%", months))
    assert total + int(re.findall(r"(\d+)\s%", reserve)[0]) == 100


def test_preparation_weeks_cost_less_than_live_weeks(deps: Deps) -> None:
    body = advise(
        Request(
            text="A sports-betting operator licensed by the ANJ wants an influencer plan in "
            "France for the 2027 Six Nations, €300k. What's the plan?"
        ),
        deps,
    ).text
    line = next(x for x in body.splitlines() if x.startswith("- By phase"))
    amounts = [float(a) for a in re.findall(r"€([\d.]+)k", line)]
    assert amounts[-1] > sum(amounts[:-1])  # the go-live carries most of the money


def test_a_claim_review_without_creators_carries_no_influencer_law(deps: Deps) -> None:
    pack = advise(
        Request(
            text="Le client (marque de lessive) veut écrire « neutre en carbone » sur ses bidons "
            "en France grâce à de la compensation. On peut ?"
        ),
        deps,
    ).text
    assert "2023-451" not in pack
    creators = advise(
        Request(
            text="On veut faire un jeu-concours Instagram avec 10 influenceuses pour un client de "
            "compléments alimentaires minceur. Qu'est-ce qu'il faut surveiller ?"
        ),
        deps,
    ).text
    assert "2023-451" in creators


def test_a_leader_s_remark_that_spreads_is_a_backlash_answered_by_the_leader(
    deps: Deps,
) -> None:
    advice = advise(
        Request(
            text="Le PDG d'une chaîne de restaurants a dit dans un podcast que « les jeunes ne "
            "veulent plus travailler ». L'extrait tourne sur LinkedIn et X depuis hier soir, les "
            "syndicats réagissent. Comment on gère ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "backlash"
    assert "Les mots sont ceux du dirigeant" in advice.text
    assert "Newsjacking" not in advice.text


def test_a_provence_rose_is_alcohol() -> None:
    brief = parse_brief(
        "Campagne influenceurs TikTok et Instagram pour un rosé de Provence, cible 25-35 ans."
    )
    assert brief.sector == "alcohol"


def test_hedgehogs_and_robot_mowers_get_garden_wildlife_ideas(deps: Deps) -> None:
    advice = advise(
        Request(
            text="3 idées pour une asso normande de protection des hérissons qui veut sensibiliser "
            "aux robots tondeuses la nuit, 5 000 €"
        ),
        deps,
    )
    names = " ".join(i.name for i in advice.ideas)
    assert "prend le contre-pied" not in names and "chaque usage donne" not in names
    assert "centre de soins" in names or "clôture" in names or "caméra" in names


def test_an_age_group_said_as_a_plural_is_the_audience(deps: Deps) -> None:
    assert parse_brief("3 big ideas to get 18-25s into a science museum").age_range == (18, 25)
    advice = advise(
        Request(text="3 big ideas to get 18-25s into the Musée des Arts et Métiers, €40k"), deps
    )
    assert "children" not in advice.ideas[0].name.lower()


# ---- dated phases, spend where the campaign is live, themes and first buyers --------------------


def _ask_text(deps: Deps, text: str) -> str:
    return advise(Request(text=text), deps).text


def test_a_quoted_product_name_is_kept_whole(deps: Deps) -> None:
    body = _ask_text(
        deps,
        'Nous lançons "Cidrerie du Bocage 0,0%", un cidre sans alcool, en France en mars 2027.',
    )
    assert "Cidrerie du Bocage 0,0%" in body.splitlines()[0]


def test_the_phases_of_a_dated_plan_carry_their_dates(deps: Deps) -> None:
    # today is 6 Dec 2026: five weeks to 11 Jan, the launch phase starts on the moment
    body = _ask_text(
        deps,
        "Lancement d'une limonade artisanale en France le 11 janvier 2027, 40 k€, on fait quoi ?",
    )
    launch = next(line for line in body.splitlines() if "Le moment du lancement**" in line)
    assert "(11 janv. – 24 janv. 2027)" in launch


def test_the_launch_weeks_cost_more_than_the_weeks_after(deps: Deps) -> None:
    advice = advise(
        Request(text="Launch of a cold-brew coffee in France in April 2027, €80k. Plan?"), deps
    )
    split = next(line for line in advice.text.splitlines() if line.startswith("- By phase:"))
    amounts = [float(x) for x in re.findall(r"€([\d.]+)k", split)]
    assert len(amounts) == 4
    assert amounts[2] == max(amounts)  # the launch moment
    assert amounts[3] < 0.4 * sum(amounts)  # not most of the money after the launch


def test_an_alcohol_free_launch_in_january_is_anchored_on_the_month_without_alcohol(
    deps: Deps,
) -> None:
    body = _ask_text(
        deps, "On lance une bière sans alcool en France mi-janvier 2027, 60 k€. Quel plan ?"
    )
    plan = body.split("**Le plan, semaine par semaine**")[1].split("\n\n")[0]
    assert "Dry January" in plan or "Défi de janvier" in plan


def test_a_theme_with_two_nouns_is_kept_whole_and_anchored(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Our client's founder wants to be a recognised voice on women and money in France "
        "over H1 2027. Plan?",
    )
    assert "women and money the territory" in body
    assert "International Women's Day" in body
    assert "Rencontre des Entrepreneurs" not in body  # late August: outside H1


def test_french_contracts_de_le_into_du(deps: Deps) -> None:
    body = _ask_text(
        deps, "Notre présidente veut devenir une voix reconnue sur le grand âge en France."
    )
    assert "Faire du grand âge le territoire" in body
    assert "de le grand" not in body


def test_the_year_end_holidays_of_next_year_are_next_year_s(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Une maison de cognac veut des influenceurs pour les fêtes de fin d'année 2027 en "
        "France. Qu'a-t-on le droit de faire ?",
    )
    assert "il reste 38" not in body and "Semaines 2–56" not in body
    timing = parse_brief("Des influenceurs pour les fêtes de fin d'année 2027 en France.").timing
    assert timing is not None and timing.start == dt.date(2027, 12, 1)
    assert timing.end == dt.date(2027, 12, 31)  # New Year's Eve is part of the holidays


def test_a_deadline_far_ahead_is_not_a_moment_under_way(deps: Deps) -> None:
    body = _undated(
        _ask_text(
            deps,
            "A small Lyon charity that teaches adults to read (illiteracy prevention) has €4k "
            "and wants press coverage before summer 2027. Where do we start?",
        )
    )
    assert "Weeks 2–28" not in body
    assert "**Weeks 7–8 · The moment**" in body


def test_a_cause_that_warns_about_something_names_it(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Une association de riverains veut alerter sur les trottinettes laissées sur les "
        "trottoirs. 2 000 €. On fait quoi ?",
    )
    assert "parler des trottinettes laissées" in body


def test_a_product_s_category_says_who_buys_first(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Danish maker of cast-iron casseroles entering France in May 2027, €90k. What's the plan?",
    )
    core = next(line for line in body.splitlines() if line.startswith("- Core segment:"))
    assert "early buyers of the category" not in core
    assert "cook" in core


def test_ideas_with_a_budget_say_where_the_first_one_starts(deps: Deps) -> None:
    body = _ask_text(
        deps, "3 grosses idées pour une marque de trottinettes électriques à Lyon, 30 k€."
    )
    assert "Avec 30 k€, la première idée démarre à Lyon" in body


def test_carpooling_in_france_gets_the_carpooling_bonus_not_the_cyclists_ranking(
    deps: Deps,
) -> None:
    body = _ask_text(
        deps,
        "Appli de covoiturage domicile-travail qui se lance en France en mai 2027, 70 k€. "
        "Quel plan RP ?",
    )
    assert "prime de 100 €" in body
    assert "FUB" not in body


def test_a_funding_round_pitch_is_taught_with_a_funding_round_example(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "How do I write a pitch email to a journalist for a client's Series A? Show me an example.",
    )
    example = next(line for line in body.splitlines() if line.startswith("**Example**"))
    assert "Series B" in example and "sleep" not in example


def test_a_worked_example_is_taught_down_to_its_payoff(deps: Deps) -> None:
    body = _ask_text(deps, "C'est quoi un angle presse ? Comment je le trouve ?")
    example = next(line for line in body.splitlines() if line.startswith("**Exemple**"))
    assert "sans en être le titre" in example


def test_an_sme_buyer_gets_reference_visits_not_analyst_relations(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "A Spanish maker of laser cutters wants leads from French metal workshops (SMEs) in "
        "2027, €60k. B2B plan?",
    )
    assert "Brief the analysts" not in body and "Analyst relations" not in body
    assert "host a visit of their site" in body
    assert "Coming from Spain" in body


def test_engineers_and_trades_are_two_pools(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Entreprise de travaux publics en Bretagne : on doit recruter 60 conducteurs d'engins et "
        "20 ingénieurs travaux en 2027. Plan marque employeur ?",
    )
    assert "Deux viviers, deux terrains" in body


def test_a_pronoun_question_keeps_the_concept_asked_before_it(deps: Deps) -> None:
    body = _ask_text(deps, "C'est quoi un insight consommateur ? Comment on en trouve un bon ?")
    assert body.splitlines()[0] == "**Question de métier — insight consommateur**"


def test_a_prescription_drug_for_patients_is_a_no_go_whatever_the_question(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Un labo veut promouvoir son antidépresseur sur ordonnance auprès du grand "
            "public avec des influenceurs, 120 k€. Comment répartir le budget ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "regulated"
    assert "No-go" in advice.text and "Coup médiatique" not in advice.text


def test_an_alcohol_free_beer_in_supermarkets_is_launched_not_regulated(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Notre marque de bières sans alcool arrive en grande surface en mars 2027, "
            "35 k€. Quel dispositif RP et influence ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "launch"
    assert advice.brief.sector == "food-beverage"


def test_a_leader_s_remarks_are_not_answered_as_an_ad_to_pull(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Le fondateur d'une chaîne de crèches a tenu des propos méprisants sur les mères dans "
        "une interview vidéo hier, l'extrait tourne et des salariées menacent de partir. "
        "On fait quoi ?",
    )
    assert "copies sponsorisées" not in body
    assert "Les mots sont ceux du dirigeant" in body


def test_sensors_sold_to_food_factories_are_industry(deps: Deps) -> None:
    brief = parse_brief(
        "Start-up selling predictive-maintenance sensors to food factories in France, €50k."
    )
    assert brief.sector == "b2b-industry"
    assert parse_brief("Notre usine de yaourts a un problème de listeria").sector == (
        "food-beverage"
    )


def test_a_drug_against_a_disease_keeps_its_disease() -> None:
    brief = parse_brief("Un labo lance son médicament contre la migraine en France.")
    assert brief.subject == "médicament contre la migraine"


def test_the_netherlands_portugal_and_quebec_are_planned_with_their_own_profiles(
    deps: Deps,
) -> None:
    for text, name in (
        (
            "A Belgian oat-milk brand launches in the Netherlands in March 2027, €90k. Plan?",
            "the Netherlands",
        ),
        ("Launching a sparkling water in Portugal in May 2027, €50k. What's the plan?", "Portugal"),
        (
            "Une marque française de cosmétiques arrive au Québec au printemps 2027, 80 k€.",
            "Canada",
        ),
    ):
        body = _ask_text(deps, text)
        assert name in body.splitlines()[0], text
        assert "no profile" not in body and "pas encore de profil" not in body, text


def test_a_year_budget_is_split_over_named_months_with_a_burst_on_each_moment(
    deps: Deps,
) -> None:
    body = _ask_text(
        deps, "On a 150 k€ sur 12 mois pour une marque de literie en France. Comment répartir ?"
    )
    split = next(line for line in body.splitlines() if line.startswith("- Par mois :"))
    assert "janvier 2027" in split and "décembre 2027" in split and "mois 1 " not in split
    assert split.count("15 %") >= 3  # two bursts at least, and the reserve
    assert "un temps fort sur chaque moment du marché" in split


def test_a_season_said_as_a_product_is_not_the_brief_s_timing() -> None:
    brief = parse_brief(
        "A Montreal winter outerwear brand wants to enter France in September 2027, €200k."
    )
    assert brief.timing is not None and brief.timing.start == dt.date(2027, 9, 1)
    assert not brief.timing.seasons


def test_a_budget_over_the_next_months_is_not_timed_on_a_later_moment(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "On a 20 k€ sur 3 mois pour faire connaître une appli de covoiturage domicile-travail "
        "à Nantes. Comment répartir ?",
    )
    assert "Semaine européenne de la mobilité" not in body.split("**")[2]


def test_a_theme_said_without_de_is_the_ideas_theme(deps: Deps) -> None:
    advice = advise(
        Request(text="3 idées pour une mutuelle qui veut parler santé mentale aux apprentis."),
        deps,
    )
    assert advice.brief.theme == "la santé mentale"
    assert any("santé mentale" in i.insight for i in advice.ideas)


def test_period_underwear_is_a_period_product_not_lingerie(deps: Deps) -> None:
    advice = advise(
        Request(text="3 idées pour une marque de culottes menstruelles qui parle aux ados."),
        deps,
    )
    text = " ".join(f"{i.name} {i.insight}" for i in advice.ideas).lower()
    assert "grossesse" not in text and "armature" not in text


def test_cbd_gummies_meet_the_novel_food_rule_and_lose_their_sleep_promise(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Campagne de créateurs TikTok en France pour des gummies au CBD qui aident à dormir. "
        "On peut dire oui ?",
    )
    assert "nouveaux aliments" in body
    assert "Abandonnez la promesse de sommeil" in body


def test_construction_and_payroll_software_meet_their_own_buyers(deps: Deps) -> None:
    site = _ask_text(
        deps,
        "A construction-site management SaaS wants 100 leads from mid-sized building "
        "contractors in France, €50k. B2B plan?",
    )
    assert "works manager" in site and "the CIO and the security team" not in site
    payroll = _ask_text(
        deps, "Payroll software for small French firms wants leads in 2027, €40k. B2B plan?"
    )
    assert "chartered accountant" in payroll and "Gartner" not in payroll


def test_cyber_software_meets_the_ciso_and_the_cyber_circles(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Éditeur français de logiciel de détection des menaces, cible RSSI d'ETI, 150 leads en "
        "2027, 90 k€. Quelle stratégie ?",
    )
    assert "le RSSI qui le prescrit" in body and "CESIN" in body
    assert "FNCCR" not in body


def test_a_backlash_over_a_banned_claim_pulls_it_instead_of_standing_by_it(deps: Deps) -> None:
    body = _ask_text(
        deps,
        'Our bank is being slammed in France by activists over its "climate neutral '
        'savings account" ad, and complaints went to the JDP. What now?',
    )
    lead = body.split("**")[2]
    assert "standing by it is not an option" in lead
    assert "Standing by a choice is legitimate" not in body


def test_riyadh_is_pitched_to_saudi_press_and_an_app_is_not_measured_on_shelves(
    deps: Deps,
) -> None:
    body = _ask_text(
        deps, "Launching a ride-hailing app in Jeddah in spring 2027, $150k. What's the plan?"
    )
    assert "Saudi Gazette" in body
    assert "Sell-through" not in body and "Active users at 30 days" in body


def test_a_request_for_a_rival_executive_s_private_number_is_refused(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Tu peux me dénicher le portable perso et l'adresse du président d'un concurrent "
            "pour lui faire livrer une surprise ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "out-of-scope"
    assert advice.text.startswith("Je ne peux pas vous aider")
    assert "RGPD" in advice.text


def test_the_country_hosting_an_event_is_not_the_market_and_a_uk_bookmaker_is_british() -> None:
    brief = parse_brief(
        "Un opérateur de paris agréé ANJ veut des influenceurs pendant la Coupe du monde de "
        "rugby 2027 en Australie. À quoi faire attention ?"
    )
    assert "au" not in brief.markets  # Australia hosts the event; the bettors are French
    brief = parse_brief("A UK bookmaker wants to win French punters with creators in 2027.")
    assert brief.markets == ["fr"] and brief.origin == "uk"


def test_an_online_firm_s_crisis_has_no_franchisees_to_brief(deps: Deps) -> None:
    online = _ask_text(
        deps,
        "Our budgeting app leaked 50k users' emails and bank details last night. Next 48 hours?",
    )
    assert "franchisees" not in online and "Tell employees and customer service" in online
    shops = _ask_text(
        deps,
        "Recall tonight: a batch of our yoghurts sold in supermarkets may contain glass. Next 48h?",
    )
    assert "distributors and franchisees" in shops


def test_a_consumer_launch_gets_no_investors_fair_but_a_startup_courting_investors_does(
    deps: Deps,
) -> None:
    consumer = _ask_text(
        deps,
        "Nous lançons en avril 2027 en France une location de tablettes et d'ordinateurs "
        "portables reconditionnés pour les étudiants, 60 k€. Quelle approche ?",
    )
    assert "VivaTech" not in consumer and "Viva Technology" not in consumer
    assert "Devoxx" not in consumer
    trade = _ask_text(
        deps,
        "Notre scale-up française de cybersécurité veut générer des leads auprès des DSI et "
        "des investisseurs en France en juin 2027, budget 120 k€.",
    )
    assert "VivaTech" in trade


def test_a_lever_named_first_in_the_lead_keeps_its_capital() -> None:
    from bot.engine.answer import _COMMON_OPENING

    assert _COMMON_OPENING.match("Les essais comparatifs de l'UFC-Que Choisir sont le verdict")
    assert not _COMMON_OPENING.match("VivaTech (Porte de Versailles, juin), organisé par")
    assert not _COMMON_OPENING.match("Devoxx France (Palais des Congrès, avril)")


def test_one_executive_gets_media_training_for_one_person_and_climate_risk_experts(
    deps: Deps,
) -> None:
    body = _ask_text(
        deps,
        "Our new CEO at a French home insurer wants to be a known voice on climate risk "
        "over the next six months. Where do we start?",
    )
    assert "Media training for the person" in body
    assert "the ones who will talk" not in body
    assert "catastrophe modellers" in body


def test_a_budget_split_does_not_promise_guaranteed_paid_reach_on_the_press(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "On a 30 k€ sur quatre mois pour faire connaître notre appli de trajets domicile-travail "
        "à vélo auprès des salariés lyonnais. Comment répartir ?",
    )
    assert "portée garantie" not in body
    assert "le payant pousse sur" in body
    assert "forfait mobilités durables" in body  # employers are the way to commuters


def test_a_homework_association_recruiting_volunteers_is_not_given_a_tutoring_firm_s_idea(
    deps: Deps,
) -> None:
    body = _ask_text(
        deps,
        "Notre association lilloise de soutien scolaire cherche 30 bénévoles pour septembre "
        "2027, avec 2 000 € de budget. Comment se faire connaître ?",
    )
    assert "familles clientes" not in body and "de la marque" not in body
    assert "JeVeuxAider" in body and "30 heures de direct" not in body  # no Téléthon lever
    # counted back into late July: the French summer lull is in the way, and said
    assert "le creux estival" in body


@pytest.mark.parametrize(
    ("text", "language", "subject"),
    [
        ("Trois idées pour les 120 ans d'une fromagerie du Jura ?", "fr", "une fromagerie du Jura"),
        ("Ideas for the 40th anniversary of our cycling club", "en", "our cycling club"),
        ("Des idées pour les 30 ans du Festival de Lorient", "fr", "le Festival de Lorient"),
    ],
)
def test_an_anniversary_is_the_occasion_not_the_subject(
    text: str, language: str, subject: str
) -> None:
    from bot.brief.subject import find_subject

    assert find_subject(text, language) == subject


def test_idea_cards_name_the_celebrated_brand_not_its_birthday(deps: Deps) -> None:
    body = _ask_text(deps, "Trois idées fortes pour les 80 ans d'une marque de biscuits bretonne.")
    assert "Les 80 ans d'une marque" not in body
    assert "La marque de biscuits bretonne" in body


def test_a_craft_question_about_the_asker_s_own_case_applies_the_lesson_to_it(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Je débute : je dois écrire un communiqué de presse pour l'inauguration d'une "
        "boulangerie bio à Nantes. Comment je m'y prends ?",
    )
    assert "**Appliqué à votre cas** : Pour l'inauguration d'une boulangerie bio à Nantes" in body
    assert "Ouest-France" in body.split("**Appliqué à votre cas**")[1].split("\n")[0]
    assert "Apprenez-le sur un cas réel" not in body  # their case is the real case
    plain = _ask_text(deps, "Comment on écrit un communiqué de presse ?")
    assert "Appliqué à votre cas" not in plain and "Apprenez-le sur un cas réel" in plain


def test_insight_versus_observation_is_taught_by_the_insight_lesson(deps: Deps) -> None:
    body = _ask_text(deps, "Quelle différence entre un constat et un insight, concrètement ?")
    assert "Leçon 25" in body and "Leçon 3 :" not in body


def test_an_accounting_firm_hiring_apprentices_is_not_a_factory(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Un cabinet d'audit bordelais peine à trouver des alternants pour la rentrée 2027. "
        "Budget 30 k€ sur 6 mois, que proposes-tu ?",
    )
    assert "usine" not in body and "métiers de terrain" not in body
    assert "alternants" in body and "salons de l'alternance" in body


def test_a_launch_in_a_month_too_close_for_the_full_run_up_is_squeezed_into_it(
    deps: Deps,
) -> None:
    body = _ask_text(
        deps,
        "Une cidrerie bretonne sort un cidre sans alcool : lancement en France en janvier "
        "2027, 50 k€. Quelle approche ?",
    )
    assert "il reste 3 semaines" in body
    assert "Le moment du lancement" in body and "(1er janv. –" in body
    assert "25 janv." not in body


def test_a_food_brand_arriving_in_the_gulf_early_in_the_year_lands_on_ramadan(deps: Deps) -> None:
    body = _ask_text(
        deps, "A French hummus brand is arriving in the UAE in early 2027 with €80k. Plan?"
    )
    assert "Time the arrival for Ramadan" in body


def test_a_creator_the_brand_paid_is_suspended_not_treated_as_the_brand_s_own_ad(
    deps: Deps,
) -> None:
    body = _ask_text(
        deps,
        "Une streameuse qu'on a payée pour notre marque de jeux vidéo a tenu des propos "
        "racistes en direct hier soir, les extraits tournent partout. Que faire ?",
    )
    assert "suspendez le partenariat" in body


def test_a_voice_on_eu_policy_by_a_far_date_runs_until_it_with_brussels_circles(
    deps: Deps,
) -> None:
    body = _ask_text(
        deps,
        "The founder of a French hydrogen start-up wants to be a recognised voice on EU "
        "industrial policy by the end of 2027. What should the programme look like?",
    )
    assert "Politico Europe" in body and "purchasing managers" not in body
    weeks = [int(n) for n in re.findall(r"\*\*Weeks? (?:\d+–)?(\d+) ", body)]
    assert weeks and max(weeks) >= 50  # a programme to the end of 2027, not six months


def test_a_vaccination_campaign_is_public_health_information_not_a_banned_medicine_ad(
    deps: Deps,
) -> None:
    body = _ask_text(
        deps, "Three ideas for a measles vaccination campaign aimed at young parents in France?"
    )
    assert "public-health information" in body
    assert "only for products that need no prescription" not in body


def test_a_gambling_campaign_is_never_the_pattern_for_a_teenagers_idea(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Three ideas to bring 12-16 year olds back to the Lyon municipal libraries next year, "
        "small budget, it's the city council.",
    )
    assert "FDJ" not in body and "Française des Jeux" not in body


def test_for_a_betting_operator_the_sport_is_the_product_not_a_hook_to_drop(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Un opérateur de paris sportifs agréé ANJ veut recruter des parieurs pendant le Tournoi "
        "des Six Nations 2027 avec des influenceurs. Quel plan ?",
    )
    assert "le sport est le produit, pas une accroche" in body
    assert "c'est l'accroche elle-même qui saute" not in body


def test_a_product_of_a_brewery_is_told_by_the_brewery(deps: Deps) -> None:
    body = _ask_text(
        deps, "Trois idées pour un cidre sans alcool d'une cidrerie normande en janvier 2027 ?"
    )
    assert "La cidrerie normande" in body and "Le cidre sans alcool d'une" not in body


def test_a_launch_gets_no_stretched_comparables_from_other_products(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Nous lançons des céréales protéinées pour le petit-déjeuner en France en mars 2027, "
        "budget 120 k€. Quelle stratégie ?",
    )
    for stretched in ("Burger King", "Beyond Meat", "Tony's", "Restos du Cœur"):
        assert stretched not in body
    assert "Aucune campagne de la base n'est assez proche de" in body


def test_ideas_for_a_screening_campaign_are_acted_by_the_campaign_not_a_brand(
    deps: Deps,
) -> None:
    body = _ask_text(
        deps, "Trois idées pour une campagne de dépistage du cancer colorectal dans le Nord ?"
    )
    assert "la marque de dépistage" not in body.lower()
    assert "La campagne " in body


def test_christmas_after_a_dated_release_is_that_year_s_christmas(deps: Deps) -> None:
    timing = parse_brief(
        "Notre jeu de société sort en octobre 2027 et vise les ventes de Noël. 40 k€, "
        "comment répartir ?"
    ).timing
    assert timing is not None and timing.end == dt.date(2027, 12, 25)
    body = _ask_text(
        deps,
        "Our card game comes out in October 2027 and aims at Christmas sales in France, €40k. "
        "How do we split it?",
    )
    assert "Christmas shopping (15 Nov 2027" in body and "2026" not in body.split("**")[2]


def test_a_leader_s_post_about_cashiers_is_not_an_employee_video(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "La PDG d'une chaîne de supermarchés a écrit sur LinkedIn que les caissiers "
        "« seront bientôt inutiles » ; tollé depuis hier soir. Que conseiller ?",
    )
    assert "mise à pied" not in body and "retirez le salarié" not in body
    assert "prend la parole en personne" in body


def test_an_influencer_trip_abroad_does_not_make_its_destination_the_market() -> None:
    brief = parse_brief(
        "Our fashion client's creator trip to Abu Dhabi is being called tone-deaf on TikTok. "
        "What do we do today?"
    )
    assert "gulf" not in brief.markets


def test_an_idea_request_for_a_launch_names_the_brand_it_gives(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Trois idées pour le lancement d'une trottinette électrique pliante fabriquée à Lyon "
        "(marque Plio), cible étudiants.",
    )
    assert "ncement" not in body.replace("lancement", "")
    assert "Pour Plio, chaque idée" in body


def test_french_alcohol_plans_do_not_carry_the_uk_age_line_as_french_law(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Une maison de calvados veut travailler avec des créateurs sur Instagram en France au "
        "printemps 2027. Que permet la loi Évin ?",
    )
    assert "qui paraisse avoir moins de 25 ans" not in body


def test_a_press_release_question_opens_on_the_press_release_not_a_freelance(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "How should I write a press release a trade editor will open? Show me with an example.",
    )
    assert "freelance" not in body.splitlines()[2].lower()
    assert body.splitlines()[2].startswith("A press release (or news release) is")


def test_a_range_is_said_with_its_article(deps: Deps) -> None:
    body = _ask_text(
        deps, "Nous lançons une gamme de shampoings solides en France en avril 2027, budget 70 k€."
    )
    assert "Pour la gamme de shampoings solides" in body


def test_christmas_this_year_is_this_christmas_not_a_year(deps: Deps) -> None:
    timing = parse_brief(
        "A small animal shelter in Lyon wants to stop people giving kittens as Christmas "
        "presents this year, €2k. What now?"
    ).timing
    assert timing is not None and timing.end == dt.date(2026, 12, 25)


def test_an_abbreviated_month_range_is_read() -> None:
    timing = parse_brief("We have €20k for a push in Feb–Apr 2027 for our recipe app.").timing
    assert timing is not None
    assert (timing.start, timing.end) == (dt.date(2027, 2, 1), dt.date(2027, 4, 30))


def test_before_a_funding_round_at_a_date_is_a_deadline() -> None:
    timing = parse_brief(
        "Our founder wants to be a known voice on AI safety before our Series A in mid 2027."
    ).timing
    assert timing is not None and timing.start is not None
    assert timing.start < dt.date(2027, 1, 1) and timing.end is not None
    assert timing.end < dt.date(2027, 7, 1)


def test_a_moment_already_over_is_no_anchor_for_a_window_under_way(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Petite association lilloise d'aide aux sans-abri, 2 000 € : recruter 60 bénévoles pour "
        "les fêtes et l'hiver. Un plan ?",
    )
    assert "Giving Tuesday" not in body


def test_a_holiday_volunteer_drive_asked_now_is_not_moved_to_next_year(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Association d'aide alimentaire à Rennes, 4 k€, il nous faut des bénévoles pour les "
        "fêtes de fin d'année, c'est maintenant. Que faire ?",
    )
    assert "Giving Tuesday" not in body and "prochaine édition" not in body


# ---- a year of B2B leads, an expert's topic, a small local cause, a birthday -------------------


def test_a_year_of_b2b_leads_meets_buyers_at_the_sector_show_inside_that_year(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Une start-up de cybersécurité veut générer 150 leads qualifiés auprès des RSSI d'ETI "
        "industrielles en France en 2027, budget 70 k€.",
    )
    plan = body.split("**Le plan, mois par mois**")[1].split("\n\n")[0]
    assert "Forum InCyber" in plan.splitlines()[1]  # the buyers' show is what it counts back from
    assert "2028" not in plan  # a plan for 2027 leads does not run into the next year
    assert "1er juin 2027" not in plan  # nor wait for October's awareness month to start


def test_a_span_plan_is_not_pushed_back_to_count_down_to_a_later_show(deps: Deps) -> None:
    body = _ask_text(deps, "B2B SaaS selling to French hospitals: a 6-month plan for leads?")
    assert "over 6 months" in body
    assert "Counted back from" not in body  # it starts at the go-ahead, not in March


def test_an_expert_voice_owns_the_subject_of_their_firm_when_no_topic_is_said(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Notre PDG, patron d'une PME de l'hydrogène vert, veut devenir une voix écoutée à "
        "Bruxelles et en France d'ici fin 2027.",
    )
    lead = "\n".join(body.splitlines()[2:5])
    assert "Son terrain, c'est l'hydrogène vert" in lead
    assert "France Hydrogène" in lead  # the subject's own circle, not purchasing managers
    assert "acheteurs" not in lead


def test_a_small_local_cause_gets_no_national_exclusive_nor_a_telethon(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Petite association de quartier à Lille, 2 000 € de budget, on cherche 30 bénévoles pour "
        "nos maraudes de cet hiver. Comment faire ?",
    )
    assert "Téléthon" not in body  # a mass-budget telethon is no model at 2 k€
    assert "exclusivité à un média national" not in body
    assert "ligne d'écoute" not in body and "courriers envoyés aux élus" not in body
    assert "quotidien de la ville" in body
    assert "- Presse nationale" not in body  # a neighbourhood's volunteers read the city's paper


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Donne-moi 3 grandes idées pour faire parler d'une fruitière à Comté du Jura qui fête "
            "ses 100 ans en 2027.",
            "La fruitière rouvre ses archives",
        ),
        (
            "Give me 3 big ideas for a family bakery chain in Leeds turning 50 next year.",
            "The family bakery chain",
        ),
    ],
)
def test_a_birthday_leads_the_ideas_with_an_idea_written_for_it(
    deps: Deps, text: str, first: str
) -> None:
    advice = advise(Request(text=text, mode="idea"), deps)
    assert len(advice.ideas) == 3
    assert advice.ideas[0].name.startswith(first), [i.name for i in advice.ideas]
    assert "marque de fruitière" not in advice.text
    assert "Fête de la musique" not in advice.text  # no stray holiday beside the birthday


# ---- what counts on the ground: a voice's stages, a product's own trade, one date if asked ------


def test_an_expert_voice_gets_the_stages_of_public_debate_not_consumer_tests(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Our CTO wants to be recognised in the UK as a leading voice on AI safety regulation "
        "before the end of 2027.",
    )
    ground = body.split("**What counts on the ground**")[1].split("\n\n")[0]
    assert "select committees" in ground
    assert "Which?" not in ground and "QCon" not in ground


def test_premium_pans_are_homeware_not_luxury(deps: Deps) -> None:
    brief = parse_brief("Launch plan for a French cookware brand (premium pans) in Germany, €250k.")
    assert brief.sector == "home"
    body = _ask_text(
        deps,
        "Launch plan for a French cookware brand (premium pans) in Germany, the UK and Spain "
        "next autumn, €250k.",
    )
    for luxury in ("KaDeWe", "Walpole", "Círculo Fortuny", "Vanity Fair"):
        assert luxury not in body


def test_a_launch_asked_for_one_date_everywhere_keeps_it(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Launch plan for our French protein bar in France, Germany and Spain at the same time "
        "in April 2027, €200k.",
    )
    assert "Don't synchronise" not in body and "its voices and its date" not in body
    assert "One date everywhere" in body


def test_a_yogurt_in_italy_is_not_sent_to_the_wine_guides(deps: Deps) -> None:
    body = _ask_text(deps, "Lancement d'un yaourt végétal en Italie au printemps 2027, 90 k€.")
    assert "Gambero Rosso" not in body.split("**Sources**")[0]


# ---- who the client is, what the product is -----------------------------------------------------


def test_the_marketplace_a_maker_sells_on_is_not_the_client() -> None:
    brief = parse_brief(
        "Notre client, un fabricant vendéen de matelas haut de gamme, se lance en Allemagne en "
        "2027 (e-commerce + Amazon.de). Budget 120 k€."
    )
    assert brief.client is None and brief.sector == "home"


def test_dog_food_with_insect_protein_is_pet_food_not_sports_nutrition(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Client: a French premium dog-food brand (grain-free, insect protein). Launch in France, "
        "Germany and Italy from March 2027, total €250k. What do we keep common and what changes "
        "per country?",
    )
    for athletes in ("Sport & Vie", "Runner's World", "NF V94-001", "Trimax"):
        assert athletes not in body
    assert "30 Millions d'Amis" in body or "Wamiz" in body


def test_an_association_fighting_a_problem_gets_ideas_on_that_problem(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Tiny association in Marseille fighting food waste (collects unsold food from "
            "markets). €3k budget. They need volunteers and donations. Give me 3 big ideas.",
            mode="idea",
        ),
        deps,
    )
    assert advice.brief.theme == "food waste"
    assert "ingredient list" not in advice.text and "the pack that shrinks" not in advice.text


def test_a_makers_collection_is_acted_on_by_the_maker(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Give me 3 big ideas for a French watchmaker's first women's collection.",
            mode="idea",
        ),
        deps,
    )
    assert "collection brand" not in advice.text
    assert "the French watchmaker" in advice.text


def test_a_biocontrol_scientist_is_heard_through_the_farm_debate_circles(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "La directrice scientifique d'une startup de biocontrôle (alternatives aux pesticides) "
        "veut devenir une voix qui compte dans le débat agricole en 2027. Comment on construit sa "
        "visibilité ?",
    )
    lead = "\n".join(body.splitlines()[:6])
    assert "INRAE" in lead and "bêta-testeurs" not in body


def test_a_womens_collection_is_not_anchored_on_a_cancer_awareness_month(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Give me 3 big ideas for a French watchmaker's first women's collection.",
            mode="idea",
        ),
        deps,
    )
    assert "Pink October" not in advice.text and "Octobre rose" not in advice.text


def test_a_health_mutual_gets_health_ideas_not_home_insurance(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Donne-moi 3 grandes idées pour une mutuelle santé auprès des 18-25 ans à la "
            "rentrée 2027.",
            mode="idea",
        ),
        deps,
    )
    for home in ("cambriolage", "sinistre", "logement avant", "édition limitée"):
        assert home not in advice.text
    assert "reste à charge" in advice.text or "rembours" in advice.text


def test_a_run_up_through_the_year_end_break_says_so(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Notre client Brasserie Kerlann (Finistère) lance sa bière sans alcool en GMS début "
        "janvier 2027. Budget 60 k€. Quel dispositif ?",
    )
    assert "traverse la trêve des confiseurs" in body


def test_an_event_a_rule_forbids_sponsoring_is_no_anchor_nor_the_client(deps: Deps) -> None:
    text = (
        "Craft gin from Scotland arriving in France in spring 2027: Instagram creators plus a "
        "sponsored VIP lounge at Roland-Garros, 90 k€. How should we launch?"
    )
    assert parse_brief(text).client is None  # where it happens, not who pays
    body = _ask_text(deps, text)
    assert "Drop the sponsorship" in body
    assert "Time the arrival for Roland-Garros" not in body
    assert "Counted back from Roland-Garros" not in body


def test_a_supplement_that_cures_a_disease_is_a_plain_no(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Notre marque de probiotiques veut que ses influenceuses disent qu'elle guérit le "
        "syndrome de l'intestin irritable, en France. C'est possible ?",
    )
    assert "Non : un aliment ou un complément alimentaire ne peut jamais" in body


def test_lifestyle_creators_for_a_rose_are_a_no_go_as_briefed(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Une maison de rosé de Provence veut une campagne avec des influenceuses lifestyle cet "
        "été en France. Go ou pas ?",
    )
    assert "no-go tel que briefé" in body


def test_a_coffee_machine_is_not_sent_to_the_decor_fair(deps: Deps) -> None:
    body = _ask_text(
        deps, "Lancement d'une machine à café à grain française en France au printemps, 200 k€."
    )
    assert "Maison&Objet" not in body.split("**Sources**")[0]


def test_a_data_breach_is_not_warned_with_food_recalls_or_drug_scandals(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Our client, a French online pharmacy, just found customer data stolen and offered on "
        "a forum. What now?",
    )
    for off_case in ("Lactalis", "Servier", "Decathlon"):
        assert off_case not in body


def test_the_months_a_budget_runs_over_are_not_part_of_the_product() -> None:
    brief = parse_brief(
        "On a 25 k€ pour lancer notre appli de batch cooking de janvier à mars 2027. "
        "Comment répartir ?"
    )
    assert brief.subject == "appli de batch cooking"


def test_protein_breakfast_cereals_are_cereals_not_sports_gels(deps: Deps) -> None:
    text = "Nous lançons des céréales protéinées en France en mars 2027, budget 120 k€."
    category = category_of(deps.catalog, fold(text))
    assert category is not None and category.id == "breakfast-cereals"


def test_a_brief_for_dubai_gets_no_saudi_only_levers(deps: Deps) -> None:
    body = _ask_text(
        deps, "A French bakery chain opens its first shops in Dubai in spring 2027, €120k. Plan?"
    )
    for saudi in ("HungerStation", "Riyadh Metro", "Jarir", "Ehsan", "MDLBEAST"):
        assert saudi not in body


def test_channels_never_court_the_age_group_a_rule_keeps_out(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Un opérateur de paris sportifs agréé ANJ veut recruter des parieurs de 18-25 ans "
        "pendant le Tournoi des Six Nations 2027 avec des influenceurs. Que proposes-tu ?",
    )
    channels = body.split("**Canaux**")[1].split("\n\n")[0] if "**Canaux**" in body else body
    assert "génération Z" not in channels and "18-24" not in channels


def test_a_uk_fintech_breach_tells_the_fca_as_well_as_the_ico(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Our client, a UK fintech app, discovered that customers' ID documents and selfies were "
        "stolen from a storage bucket. What do we do in the next 48 hours?",
    )
    assert "FCA" in body and "ICO" in body
    assert "Cifas" in body or "identity fraud" in body


def test_where_a_voice_is_heard_is_not_what_it_is_heard_on(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Our founder runs a quantum computing startup in Paris and wants to be a recognised "
        "voice in Europe before our Series B late 2027.",
    )
    assert "The ground to own is quantum computing" in body
    assert "Europe the territory" not in body


def test_the_rival_a_hirer_struggles_against_is_not_the_client() -> None:
    for text in (
        "A French aerospace engineering group needs 300 engineers in Toulouse in 2027 and "
        "struggles against Airbus and Thales. Employer brand?",
        "Notre client perd ses ingénieurs au profit d'Airbus et de Thales. Que faire ?",
    ):
        assert parse_brief(text).client is None, text


def test_an_influencer_we_paid_is_a_partner_backlash(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "An influencer we paid for a Lyon restaurant group's campaign posted homophobic videos "
        "yesterday; his sponsored posts for our client are still online. What now?",
    )
    assert "suspend the partnership today" in body


def test_influencer_marketing_is_not_a_verb_that_names_the_subject() -> None:
    brief = parse_brief(
        "Client asks what €40k of influencer marketing can realistically get them over 3 months "
        "for a French DTC mattress brand. How would you split it?"
    )
    assert brief.subject == "French DTC mattress brand"


def test_a_filled_in_french_de_is_contracted() -> None:
    from bot.engine.answer import contracted

    assert contracted("proche de les standards de beauté") == "proche des standards de beauté"
    assert contracted("De le secteur") == "Du secteur"
    assert contracted("proche de la marque") == "proche de la marque"


def test_a_partners_resurfaced_tweets_are_a_partner_backlash(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "A hotel group's influencer partner: his old racist tweets resurfaced yesterday and "
        "people tag the hotel. What do we do?",
    )
    assert "suspend the partnership today" in body


def test_what_a_voice_is_heard_on_is_its_ground(deps: Deps) -> None:
    body = _ask_text(
        deps, "Our CEO wants to be heard by EU policymakers on battery recycling in 2027."
    )
    assert "The ground to own is battery recycling" in body
    assert "eU policymakers" not in body


def test_what_an_anniversary_celebrates_is_the_subject_of_its_ideas(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Give me 3 big ideas for the 100th anniversary of a Breton sardine cannery in "
            "2027.",
            mode="idea",
        ),
        deps,
    )
    assert "anniversary of brand" not in advice.text
    assert advice.ideas[0].name.startswith("The Breton sardine cannery")


def test_a_public_greenwashing_accusation_is_a_backlash_even_from_an_ngo(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Notre client, une compagnie aérienne, est accusé de greenwashing pour sa "
            "campagne « vols neutres en carbone » ; une ONG menace d'attaquer en justice. "
            "Que faire ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "backlash"


def test_creators_aged_15_to_17_bring_the_minors_rules_and_the_verdict_names_its_condition(
    deps: Deps,
) -> None:
    advice = advise(
        Request(
            text="Peut-on faire une campagne TikTok avec des influenceurs de 15-17 ans pour nos "
            "céréales chocolatées (Nutri-Score D) en France ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "risk-review"
    lead = advice.text.split("\n\n")[1]
    assert "moins de 16 ans" in lead  # the child-influencer law decides, not the health message
    # the verdict commits to its first condition instead of pointing down the page
    assert "Verdict : go, sous conditions, et d'abord celle-ci : aucun moins de 16 ans" in lead
    assert "go seulement aux conditions ci-dessous" not in lead


def test_a_us_giveaway_for_a_drink_is_not_reviewed_under_the_food_recall_rule(
    deps: Deps,
) -> None:
    body = _ask_text(
        deps,
        "US sports-drink brand wants a 'guess the Super Bowl score' giveaway on Instagram with "
        "creators, $80k. Anything we should watch out for?",
    )
    assert "Reportable Food Registry" not in body
    assert "The rule that decides this in the US: A US promotion that combines a prize" in body


def test_a_salmonella_recall_of_peanut_butter_is_framed_by_the_fda_not_the_cpsc(
    deps: Deps,
) -> None:
    body = _ask_text(
        deps,
        "Our peanut butter sold in the US may contain salmonella, 40,000 jars. What do we do "
        "in the first hours?",
    )
    assert "Reportable Food Registry" in body
    assert "CPSC" not in body


def test_a_count_after_the_budget_is_not_the_budget() -> None:
    brief = parse_brief(
        "Appli de covoiturage autour de Lyon. Lancement mi-mars 2027, 80 k€ de budget, "
        "objectif 20 000 téléchargements d'ici fin juin."
    )
    assert brief.budget is not None and brief.budget.amount == 80000


def test_a_half_year_is_not_the_client() -> None:
    brief = parse_brief(
        "French cybersecurity scale-up entering Germany in 2027, selling to Mittelstand "
        "manufacturers. €120k for H1. What's the plan?"
    )
    assert brief.client is None


def test_a_brand_s_nationality_beats_a_country_it_is_already_sold_in() -> None:
    brief = parse_brief(
        "A Korean skincare brand (Seoul-based, already big in Korea and the US) wants to enter "
        "France in spring 2027, selling through Sephora France and its own e-shop."
    )
    assert brief.markets == ["fr"]
    assert brief.origin == "kr"
    assert brief.client is None  # the retailer it sells through is not the client
    assert brief.subject == "Korean skincare brand"


@pytest.mark.parametrize(
    ("text", "markets"),
    [
        (
            "A Dutch sneaker brand wants to launch a shoe in France and Benelux in March 2027.",
            {"fr", "be", "nl"},
        ),
        (
            "UK fashion brand wants to put 'carbon neutral' on its ads in France and the UK.",
            {"fr", "uk"},
        ),
        (
            "Give me 3 big ideas to relaunch a 100-year-old Dijon mustard brand with UK foodies.",
            {"uk"},
        ),
    ],
)
def test_the_markets_a_brief_targets_include_the_home_it_names_as_a_target(
    text: str, markets: set[str]
) -> None:
    assert set(parse_brief(text).markets) == markets


def test_a_french_cyber_firm_entering_germany_is_a_b2b_entry_with_german_experts(
    deps: Deps,
) -> None:
    text = (
        "French cybersecurity scale-up (Lyon, 80 people) entering Germany in 2027, selling to "
        "Mittelstand manufacturers. €120k for H1. What's the plan?"
    )
    brief = parse_brief(text, today=TODAY)
    assert "b2b-leads" in brief.objectives
    assert brief.timing is not None and brief.timing.start == dt.date(2027, 1, 1)
    assert brief.timing.end == dt.date(2027, 6, 30)  # H1 of the year the brief names
    body = _ask_text(deps, text)
    assert "BSI" in body  # Germany's own cyber agency, not France's
    assert "ANSSI" not in body and "Forum InCyber" not in body
    assert "MediaMarkt" not in body and "IFA" not in body  # no consumer-electronics lever
    assert "Hannover Messe" in body  # the manufacturers' fair, inside H1


def test_a_moment_only_recalled_by_the_product_s_words_does_not_lead_the_ideas(
    deps: Deps,
) -> None:
    advice = advise(
        Request(
            text="Donne-moi 3 grosses idées pour lancer à Lyon une gamme de vélos cargo "
            "reconditionnés (marque lyonnaise, printemps 2027)",
            mode="idea",
        ),
        deps,
    )
    # "vélos" recalls Mai à vélo; the brief did not ask for it: the ideas written for the
    # product lead, not a service template filled with the moment
    assert "Mai à vélo" not in advice.ideas[0].name
    assert "met fin au premier trajet" not in advice.text


def test_an_ai_act_voice_for_france_gets_the_french_and_eu_circle_and_no_dash_aside(
    deps: Deps,
) -> None:
    body = _ask_text(
        deps,
        "Build me a visibility plan for the CTO of a Paris AI start-up — she wants to be THE "
        "go-to voice on the EU AI Act in French and European media.",
    )
    assert "— CTO of a Paris AI start-up · France**" in body.splitlines()[0]
    assert "INESIA" in body and "UK AI Security Institute" not in body


def test_an_acronym_that_qualifies_a_machine_is_not_the_client() -> None:
    brief = parse_brief(
        "German industrial software company (predictive maintenance for CNC machines) wants to "
        "generate leads in France in 2027. €90k."
    )
    assert brief.client is None


def test_every_group_a_hiring_brief_names_is_the_core_segment(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Groupe de BTP régional qui n'arrive pas à recruter des conducteurs de travaux ni des "
        "alternants. Ils veulent une stratégie marque employeur pour 2027, budget 70 k€.",
    )
    assert "Segment cœur : conducteurs de travaux et alternants, France" in body
    assert "ni des alternants" not in body


def test_a_newspaper_asking_questions_does_not_make_the_answer_local(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Our client, a French online pharmacy, just found a breach: ~400k customer records "
        "incl. prescription history. Le Parisien is already asking questions. What do we do now?",
    )
    assert "Time Out Paris" not in body
    assert "Diclegis" not in body  # a medicine-promotion case is no lesson for a breach


def test_recruiting_donors_for_a_cause_is_not_hiring() -> None:
    brief = parse_brief(
        "Petite asso qui sensibilise au don de moelle osseuse chez les 18-35 ans. Budget : "
        "5 000 € pour l'année. Comment on recrute des nouveaux donneurs inscrits au registre ?"
    )
    assert "employer-brand" not in brief.objectives


def test_a_us_brand_described_at_length_comes_from_the_us() -> None:
    brief = parse_brief(
        "A US direct-to-consumer premium dog food brand wants to enter France in Q2 2027 with "
        "€90k for PR and influencer marketing."
    )
    assert brief.markets == ["fr"] and brief.origin == "us"


@pytest.mark.parametrize(
    "text",
    [
        "Our client, an Alpine ski station, brought creators by helicopter for a paid weekend "
        "and is being called out for climate hypocrisy since last night. Next steps?",
        "Une station de ski a fait venir 10 influenceurs en hélicoptère pour un week-end "
        "sponsorisé ; depuis hier TikTok dénonce l'hypocrisie climatique. On fait quoi ?",
    ],
)
def test_creators_flown_in_by_helicopter_called_out_online_is_a_backlash(
    deps: Deps, text: str
) -> None:
    advice = advise(Request(text=text), deps)
    assert advice.situation is not None and advice.situation.id == "backlash"


def test_an_employee_filming_a_dirty_kitchen_is_a_hygiene_fault_not_a_mocked_customer(
    deps: Deps,
) -> None:
    body = _ask_text(
        deps,
        "Une vidéo filmée par un employé dans la cuisine d'un de nos restaurants (chaîne de "
        "pizzerias, 60 adresses) montre des frigos sales et des cartons de fromage à même le "
        "sol ; 1,5 M de vues, la presse commence à appeler. Que faire ?",
    )
    assert "audit d'hygiène" in body
    assert "personne moquée" not in body and "mise à pied" not in body
    assert "Pas de réponse drôle" not in body  # "à même le sol" is no meme


def test_a_money_transfer_app_s_ideas_are_about_sending_money_home(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Give me 3 big ideas for a Senegalese money-transfer app launching in France for "
            "the Senegalese diaspora, around Tabaski 2027.",
            mode="idea",
        ),
        deps,
    )
    text = " ".join(f"{i.name} {i.insight} {i.spread}" for i in advice.ideas).lower()
    assert "release notes" not in text and "screw by screw" not in text
    assert "family" in text or "home" in text


def test_a_cutler_s_anniversary_ideas_come_from_knives_not_recipes(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Trois grosses idées pour les 150 ans d'une coutellerie de Laguiole en 2027, pour "
            "séduire les 30-45 ans.",
            mode="idea",
        ),
        deps,
    )
    assert "la recette d'origine" not in advice.text
    assert any("lame" in f"{i.name} {i.spread}" or "couteau" in i.spread for i in advice.ideas)


def test_a_bare_span_closing_a_clause_is_the_plan_s_span(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Startup française de cybersécurité pour PME : elle veut générer des leads auprès des "
        "RSSI et DSI d'ETI en France. 6 mois, 50 k€ de budget RP/contenu. Quelle approche ?",
    )
    assert "Cybermoi/s" not in body.split("**")[0] + body.split("\n- **")[0]
    assert "2028" not in body  # six months from now, not a year counted back from October


def test_what_we_can_and_cannot_do_is_a_review_not_a_squeezed_plan(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Une maison d'armagnac veut une campagne avec des créateurs Instagram en France "
            "pour les fêtes de fin d'année. Qu'est-ce qu'on peut faire et qu'est-ce qu'on ne "
            "peut pas faire ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "risk-review"
    assert "démarrez maintenant" not in advice.text


def test_a_marrow_donor_cause_works_with_the_registry_and_its_day(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Petite association qui veut convaincre les 18-35 ans de s'inscrire comme "
            "donneurs de moelle osseuse, 4 000 € pour l'année. Comment on recrute de nouveaux "
            "donneurs ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "cause"
    assert "Agence de la biomédecine" in advice.text
    assert "Journée mondiale des donneurs de moelle osseuse" in advice.text
    assert "Welcome to the Jungle" not in advice.text and "CFA" not in advice.text


def test_a_moment_too_close_for_the_run_up_is_not_called_the_anchor(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "We're launching a French alcohol-free bitter aperitif (0.0%) in the UK in early 2027, "
        "£50k for PR and influence. What's the plan?",
    )
    assert "Anchored on the moment that matters for this brief: Dry January" not in body
    assert "Dry January (1 Jan 2027 – 31 Jan 2027) comes too soon" in body


def test_a_flower_show_is_no_moment_for_cookware(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "French enamelled cast-iron cookware brand launching in the UK, Germany and Italy in "
        "spring 2027, €180k total for PR and influence. What's common and what changes per "
        "market?",
    )
    assert "Chelsea" not in body


def test_a_games_fair_is_no_moment_for_a_ritual_filmed_at_home(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Trois idées fortes pour un éditeur de jeux de société lyonnais qui sort un jeu "
            "coopératif sur la sauvegarde des forêts, avant le Festival International des Jeux "
            "de Cannes en février 2027.",
            mode="idea",
        ),
        deps,
    )
    assert "Observer cinq foyers pendant le Festival" not in advice.text
    assert not any("le rituel du Festival" in i.name for i in advice.ideas)


def test_briefs_read_right_from_reviews_128_129() -> None:
    shampoo = parse_brief("On lance en mars 2027 une marque française de shampoings solides.")
    assert shampoo.sector == "beauty"
    bettors = parse_brief(
        "A Malta-licensed online sportsbook wants to recruit French bettors around the 2027 "
        "Women's World Cup, €300k budget."
    )
    assert "employer-brand" not in bettors.objectives
    school = parse_brief(
        "Petite asso contre le harcèlement scolaire, 4 000 € en tout, veut se faire connaître "
        "des parents et des enseignants au premier semestre 2027.",
        today=TODAY,
    )
    assert school.timing is not None and school.timing.start == dt.date(2027, 1, 1)
    fair = parse_brief(
        "Lyon maker of laser-cutting machines wants leads among German metalworking SMEs; the "
        "Blechexpo fair in Stuttgart (Oct 2027) is on the table.",
        today=TODAY,
    )
    assert fair.timing is not None and fair.timing.start == dt.date(2027, 10, 1)


def test_a_sponsored_athlete_s_remarks_are_a_partner_backlash(deps: Deps) -> None:
    body = _ask_text(
        deps,
        "Our outdoor-clothing client's ambassador, a Top 14 player, made sexist remarks on a "
        "podcast yesterday. Supporters and women's associations ask the brand to drop him. How "
        "do we handle it?",
    )
    assert "suspend the partnership today" in body
    assert "Pull it today, everywhere it runs" not in body


@pytest.mark.parametrize(
    "text",
    [
        "On lance en France une bière sans alcool (0,0 %) d'une brasserie alsacienne, cible "
        "25-40 ans, 50 k€, lancement visé en janvier 2027. Quelle stratégie ?",
        "Une brasserie lyonnaise veut lancer sa bière craft sans alcool en France début 2027, "
        "cible 25-40 ans qui réduisent l'alcool, 60 k€. Une reco ?",
    ],
)
def test_an_alcohol_free_launch_in_january_rides_the_defi_de_janvier(deps: Deps, text: str) -> None:
    body = _ask_text(deps, text)
    assert "Le rétroplanning part du moment qui compte ici, le Défi de janvier" in body
    assert "arrive trop tôt" not in body and "Salon de l'agriculture" not in body


def test_a_telehealth_startup_is_health_not_a_tech_gadget(deps: Deps) -> None:
    text = (
        "UK client: online clinic startup that prescribes GLP-1 weight-loss jabs. They want a "
        "big social and creator push in the UK next spring. What do you recommend?"
    )
    assert parse_brief(text).sector == "health-pharma"
    body = advise(Request(text=text), deps).text
    assert "Human Medicines Regulations 2012" in body
    for tech in ("repairer", "screw by screw", "tech creators", "beta testers"):
        assert tech not in body, tech


def test_the_italian_securities_rule_is_for_investment_not_for_an_invoicing_app(
    deps: Deps,
) -> None:
    invoicing = advise(
        Request(
            text="A French fintech with an e-invoicing and payments app for self-employed "
            "designers enters Italy next autumn, 90k€. Plan?"
        ),
        deps,
    ).text
    assert "CONSOB" not in invoicing and "Testo unico della finanza" not in invoicing
    trading = advise(
        Request(text="Un néo-courtier en actions et ETF se lance en Italie à l'automne, 90 k€."),
        deps,
    ).text
    assert "Testo unico della finanza" in trading


def test_a_restaurant_opening_is_not_pitched_to_supermarket_buyers(deps: Deps) -> None:
    opening = advise(
        Request(
            text="Une chaîne de restaurants de poulet frit coréen ouvre ses trois premiers "
            "restaurants à Lyon en mai 2027, 60 k€. Comment faire venir du monde ?"
        ),
        deps,
    ).text
    assert "1er mars" not in opening and "Nutri-Score" not in opening
    biscuits = advise(
        Request(text="Lancement d'une gamme de biscuits bio en France en septembre 2027, 80 k€."),
        deps,
    ).text
    assert "1er mars" in biscuits and "Nutri-Score" in biscuits


def test_a_bookshop_plan_keeps_to_the_fixed_book_price(deps: Deps) -> None:
    body = advise(
        Request(
            text="We have €35k for a 3-month push, starting in January, for the new loyalty "
            "app of a group of independent bookshops in Lyon. How should we split it?"
        ),
        deps,
    ).text
    assert "95 to 100%" in body  # the loi Lang: 5% at most off a new book
    assert "winter sales (" not in body and "Black Friday (" not in body  # no dated anchor


@pytest.mark.parametrize(
    "text",
    [
        "An online casino (slots and live roulette) wants creators to bring French players in "
        "2027, €250k. Build us the plan.",
        "Un site de paris sportifs agréé à Curaçao veut recruter des parieurs français avec "
        "des influenceurs au printemps, 150 k€.",
    ],
)
def test_gambling_france_cannot_license_gets_no_go_live(deps: Deps, text: str) -> None:
    body = advise(Request(text=text), deps).text
    assert "no-go" in body.lower()
    assert "go-live" not in body.lower() and "mise en ligne contrôlée" not in body.lower()
    if "casino" in text:
        assert "not legal in France" in body


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        (
            "A gaming creator we paid to stream our energy drink made racist jokes live on "
            "Twitch last night. The clips are everywhere. What do we do?",
            "suspend the partnership",
        ),
        (
            "Une influenceuse invitée dans notre hôtel de Lyon (séjour offert) s'est moquée "
            "des femmes de chambre dans une story. Ça tourne partout, que fait-on ?",
            "suspendez le partenariat",
        ),
    ],
)
def test_a_paid_or_invited_creator_s_words_are_a_partner_backlash(
    deps: Deps, text: str, lead: str
) -> None:
    body = advise(Request(text=text), deps).text
    first = body.split("\n\n")[1]
    assert lead in first, first
    assert "Pull it today" not in body and "Retirez-le aujourd'hui" not in body


def test_a_drug_that_requires_a_prescription_is_a_no_go_and_an_otc_one_is_not(
    deps: Deps,
) -> None:
    rx = advise(
        Request(
            text="Can we push our migraine drug, which requires a prescription, in France "
            "through Instagram creators this spring? Any risks?"
        ),
        deps,
    ).text
    assert "Verdict: no-go" in rx
    otc = advise(
        Request(text="Can we promote our non-prescription allergy spray in France with creators?"),
        deps,
    ).text
    assert "Verdict: no-go" not in otc


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        (
            "How do I write a strong press release for a product launch, and what do juniors "
            "get wrong?",
            "A press release",
        ),
        ("How do I set an embargo for a product launch?", "A press (or news) embargo"),
    ],
)
def test_a_craft_question_with_a_qualifier_gets_the_lesson_it_names(
    deps: Deps, text: str, opening: str
) -> None:
    body = advise(Request(text=text, mode="learn"), deps).text
    assert body.split("\n\n")[1].startswith(opening), body[:300]


def test_a_betting_plan_for_the_women_s_world_cup_counts_back_from_it_without_minors(
    deps: Deps,
) -> None:
    body = advise(
        Request(
            text="Notre client, opérateur de paris sportifs agréé par l'ANJ, veut une "
            "opération avec des créateurs pendant la Coupe du monde féminine 2027. Le plan ?"
        ),
        deps,
    ).text
    assert "Compte à rebours depuis la Coupe du monde féminine (24 juin 2027" in body
    assert "rugby" not in body.lower()
    assert "jeunes filles" not in body


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        (
            "A tiny charity running campus food banks has €4k and wants people across the "
            "country to hear of it next year. What can they do?",
            "cause",
        ),
        (
            "Une petite association d'aide aux devoirs a 4 000 € et veut se faire connaître "
            "dans toute la France l'an prochain. Que peut-elle faire ?",
            "cause",
        ),
        ("Can they use a retired footballer in a betting ad in the UK?", "risk-review"),
    ],
)
def test_what_can_they_do_asks_for_options_not_a_review(
    deps: Deps, text: str, situation: str
) -> None:
    advice = advise(Request(text=text), deps)
    assert advice.situation is not None and advice.situation.id == situation


def test_an_unmarked_diagnostic_app_is_a_medical_device_no_go(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Our client's app, not yet CE-marked, says it can spot melanoma from a photo. "
            "Can we launch it in Germany with dermatologists and TikTok creators? Risks?"
        ),
        deps,
    )
    assert advice.brief is not None and advice.brief.sector == "health-pharma"
    assert "2017/745" in advice.text and "Verdict: no-go" in advice.text
    calm = advise(
        Request(text="Our meditation app wants TikTok creators in Germany. Any risks?"), deps
    ).text
    assert "2017/745" not in calm


def test_a_migraine_no_go_speaks_of_its_own_drug_not_of_glp_1s(deps: Deps) -> None:
    body = advise(
        Request(
            text="Could creators on Instagram promote our prescription migraine tablets in "
            "France, which need a prescription? What are the risks?"
        ),
        deps,
    ).text
    assert "Verdict: no-go" in body
    assert "GLP-1" not in body and "semaglutide" not in body


def _comparables(body: str) -> str:
    """The answer's comparable-campaigns section."""
    found = re.search(
        r"\*\*(?:Comparable campaigns|Campagnes comparables)\*\*\n(.*?)(?:\n\n|\Z)", body, re.S
    )
    assert found is not None, body
    return found.group(1)


def test_a_beer_brand_s_zero_alcohol_launch_is_the_model_for_an_alcohol_free_beer(
    deps: Deps,
) -> None:
    """A beer brand's 0.0 launch was kept out of every brief outside the alcohol sector, though
    it is the closest case an alcohol-free beer has."""
    body = advise(
        Request(
            text="On sort une bière 0,0 % en France au début de l'année, 150 k€ de budget : "
            "quelle campagne proposer ?"
        ),
        deps,
    ).text
    assert "Heineken (2017)" in _comparables(body)


def test_a_cause_brief_with_a_budget_finds_a_case_whose_budget_is_unknown(deps: Deps) -> None:
    """Almost no campaign in the base gives its budget band: a cause brief with a budget only
    ever got "no campaign is close enough", even for the very case it describes (and a French
    campaign's tags did not meet an English question's words)."""
    body = advise(
        Request(
            text="A French supermarket chain wants to sell misshapen fruit and vegetables to "
            "fight food waste, budget 200k€. What campaign?"
        ),
        deps,
    ).text
    assert "Intermarché (2014)" in _comparables(body)


def test_a_paid_post_that_hid_the_partnership_is_judged_by_the_disclosure_law(deps: Deps) -> None:
    """An exposed undisclosed partnership got the generic backlash lead ("stand by it if it
    reflects the brand's values") and never the law that decides it."""
    fr = advise(
        Request(
            text="Scandale : un influenceur payé par notre marque de baskets n'a jamais signalé "
            "la collaboration commerciale, les internautes nous accusent de publicité déguisée. "
            "Que faire ?"
        ),
        deps,
    ).text
    lead = fr.split("**Les premières heures**")[0]
    assert "2023-451" in lead and "mention" in lead
    assert "Assumer est légitime" not in fr
    en = advise(
        Request(
            text="Backlash: an influencer we paid to post about our trainers in the UK never "
            "disclosed the deal, and people now accuse us of hidden advertising. What should we "
            "do?"
        ),
        deps,
    ).text
    assert "CAP Code" in en.split("**The first hours**")[0]
    assert "2023-451" not in en


def test_no_uk_age_rule_in_a_french_alcohol_plan(deps: Deps) -> None:
    body = advise(
        Request(
            text="Nous voulons faire la promotion d'un whisky français avec des influenceurs "
            "en France pendant les fêtes, budget 60 k€. Quelle stratégie ?"
        ),
        deps,
    ).text
    assert "paraisse" in body and "Royaume-Uni" not in body


def test_a_hurtful_post_gets_no_sector_ad_rule_in_its_lead(deps: Deps) -> None:
    body = advise(
        Request(
            text="Bad buzz : une marque de chips a publié un reel qui se moque des "
            "personnes en surpoids, appels au boycott. Que faire ?"
        ),
        deps,
    ).text
    assert "Retirez-le aujourd'hui" in body and "mangerbouger" not in body


@pytest.mark.parametrize(
    ("text", "checks"),
    [
        (
            "Ouest-France écrit ce matin que notre fonderie près de Caen rejette des métaux "
            "lourds dans l'Orne, et l'article tourne sur X. Quelle réponse ?",
            ("affirmation par affirmation", "preuves plutôt qu'un démenti"),
        ),
        (
            "A regional daily claims our paper mill has been discharging untreated water into "
            "the river; people in the town are sharing photos. How do we respond?",
            ("claim by claim", "evidence rather than a denial"),
        ),
    ],
)
def test_an_accusation_in_the_press_is_a_crisis_answered_with_checked_facts(
    deps: Deps, text: str, checks: tuple[str, ...]
) -> None:
    # "Quelle réponse ?" once made it a lesson on the right of reply; "residents" made it a
    # care-home crisis ("call every family")
    advice = advise(Request(text=text), deps)
    assert advice.situation is not None and advice.situation.id == "crisis"
    for words in checks:
        assert words in advice.text
    assert "famil" not in advice.text.lower()


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("A plan for the Spanish launch of our oat barista milk, six months.", "oat barista milk"),
        (
            "Le lancement en Italie de notre gamme de savons au lait d'ânesse : quel plan ?",
            "savons",
        ),
        ("Comment vendre plus d'abonnements annuels pour un club de handball ?", "abonnements"),
    ],
)
def test_a_launch_named_before_what_it_launches_is_not_the_subject(text: str, subject: str) -> None:
    # "the German launch of" was the brand: "Build the launch of the German launch of in Germany"
    found = parse_brief(text).subject
    assert found is not None and subject in found
    assert "launch" not in (found or "") and "lancement" not in (found or "")
    assert not (found or "").startswith("plus")


def test_an_oat_drink_launch_counts_back_from_the_plant_based_month(deps: Deps) -> None:
    advice = advise(
        Request(text="Plan for the launch of our oat barista milk in the UK, 150k€, four months."),
        deps,
    )
    assert "Veganuary" in advice.text.split("\n\n")[1]


def test_a_club_s_season_tickets_get_no_tour_de_france_caravan(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Comment vendre plus d'abonnements saison pour un club de volley féminin à "
            "Nantes, de juin à septembre ? 25k€."
        ),
        deps,
    )
    assert "caravane" not in advice.text


def test_a_mechanic_s_first_move_is_never_cut_mid_phrase(deps: Deps) -> None:
    for text in (
        "Launch plan for our kefir brand in France, 100k€.",
        "Plan de lancement d'une marque de kéfir en France, 100 k€.",
        "Launch plan for our oat barista milk in Germany, 200k€.",
    ):
        body = advise(Request(text=text), deps).text
        assert "…" not in body


def test_a_betting_campaign_aimed_at_young_adults_is_a_no_go_as_briefed(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Revue de risques : un bookmaker veut toucher les 18-24 ans avec des streamers "
            "pendant la Ligue des champions. On valide ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "risk-review"
    lead = advice.text.split("\n\n")[1]
    assert "no-go tel que briefé pour le ciblage des 18-25 ans" in lead
    assert "Verdict : go" not in lead


def test_software_sold_to_hr_gets_the_accountants_not_the_developers_conference(
    deps: Deps,
) -> None:
    body = advise(
        Request(
            text="Logiciel de paie pour les PME françaises : on vise 400 démos auprès des DRH "
            "et DAF cette année, budget 70 k€."
        ),
        deps,
    ).text
    assert "Devoxx" not in body
    assert "expert-comptable" in body or "experts-comptables" in body


def test_hiring_for_a_nuclear_site_is_relayed_by_the_nuclear_trades(deps: Deps) -> None:
    body = advise(
        Request(
            text="Plan marque employeur : 200 tuyauteurs et soudeurs à recruter pour un "
            "chantier de réacteur EPR2 à Penly, sur 2 ans."
        ),
        deps,
    ).text
    assert "GIFEN" in body and "Nuclear Industry Association" not in body


def test_an_insurer_s_awareness_plan_is_no_cause_campaign(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Plan annuel pour une mutuelle qui veut se faire connaître des indépendants, "
            "150 k€."
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id != "cause"


def test_a_year_in_a_regulated_sector_is_not_half_spent_on_approvals(deps: Deps) -> None:
    body = advise(
        Request(text="Twelve-month awareness plan for a craft gin distillery in the UK, £150k."),
        deps,
    ).text
    weeks = re.findall(r"\*\*Weeks (\d+)–(\d+)", body)
    assert weeks, body
    live = int(weeks[-1][0])  # the phase that runs live starts within the first two months
    assert live <= 9 and int(weeks[-1][1]) == 52


@pytest.mark.parametrize(
    ("text", "heading", "never"),
    [
        (
            "Never pitched a trade journalist by email before. How do I do it right? Any "
            "structure to follow?",
            "pitch",
            "message house",
        ),
        (
            "Je suis stagiaire, question : c'est quoi un dossier de presse ? Et comment on "
            "rédige un bon chapô ?",
            "chapô",
            "embargo est un accord",
        ),
    ],
)
def test_a_craft_question_in_slack_words_gets_the_lesson_it_asks_for(
    deps: Deps, text: str, heading: str, never: str
) -> None:
    body = advise(Request(text=text), deps).text
    title = body.split("\n", 1)[0]
    assert heading in title.lower(), title
    assert never not in body.split("\n\n")[1]


def test_a_lesson_is_titled_by_what_it_teaches_when_the_question_names_nothing(
    deps: Deps,
) -> None:
    title = advise(
        Request(text="Jamais pitché une journaliste : comment on s'y prend ?"), deps
    ).text.split("\n", 1)[0]
    assert "s'y prend" not in title and "journalistes" in title


def test_an_engineering_consultancy_hires_engineers_not_junior_lawyers(deps: Deps) -> None:
    body = advise(
        Request(
            text="An engineering consultancy in Bordeaux must hire 80 naval engineers this "
            "year. Employer brand plan?"
        ),
        deps,
    ).text
    for law in ("associates", "engagement letter", "fee note", "Décideurs Juridiques"):
        assert law not in body


def test_a_green_claim_under_fire_is_answered_with_its_evidence_and_its_law(deps: Deps) -> None:
    body = advise(
        Request(
            text="Our US running-shoe client is being called out on TikTok for greenwashing its "
            "'carbon neutral sneaker'. How do we respond?"
        ),
        deps,
    ).text
    lead = body.split("\n\n")[1]
    assert "how much is offset" in lead
    assert "16 CFR Part 260" in lead
    assert "menus" not in body


def test_a_leader_before_a_listing_is_told_what_the_market_rules_forbid(deps: Deps) -> None:
    body = advise(
        Request(
            text="Our CFO wants to be more visible before the company's IPO on Euronext Paris "
            "next year. Visibility plan, and what must she not say?"
        ),
        deps,
    ).text
    lead = body.split("\n\n")[1]
    assert "596/2014" in lead and "2017/1129" in lead
    assert "purchasing managers" not in body and "financial" in lead


def test_a_voice_on_prevention_for_older_people_is_relayed_by_ageing_experts(deps: Deps) -> None:
    body = advise(
        Request(
            text="Le directeur d'une mutuelle veut porter le sujet du bien vieillir et de la "
            "prévention chez les seniors. Comment bâtir sa prise de parole ?"
        ),
        deps,
    ).text
    assert "gériatres" in body and "conformité" not in body


def test_where_a_brand_is_made_is_its_home_not_a_second_target() -> None:
    brief = parse_brief(
        "Une marque de cidre brassé à Rennes veut se lancer en Belgique cet été, 35 k€."
    )
    assert brief.markets == ["be"] and brief.origin == "fr"


def test_a_client_described_as_an_sme_is_no_b2b_audience() -> None:
    from bot.engine.profile import audience_codes

    brief = parse_brief("Our client, a Belgian chocolate SME, is rolling out in Spain and Italy.")
    assert "b2b-decision-makers" not in audience_codes(brief)


def test_a_cause_with_no_date_starts_now_not_ten_months_later(deps: Deps) -> None:
    # on 6 December, the next national anti-food-waste day is in October: no anchor for now
    body = advise(
        Request(
            text="Une petite asso nantaise récupère les invendus des marchés et a besoin de "
            "bénévoles, 2 000 € de budget. Tu ferais quoi ?"
        ),
        deps,
    ).text
    assert "2027" not in body.split("**Le plan")[1].split("\n\n")[0]


def test_a_plant_based_yoghurt_is_no_flower_show_brief(deps: Deps) -> None:
    body = advise(
        Request(text="Launch plan for a plant-based yoghurt brand in the UK this spring, £90k."),
        deps,
    ).text
    assert "Chelsea" not in body


def test_a_named_market_without_a_profile_is_not_also_called_unstated(deps: Deps) -> None:
    body = advise(
        Request(text="A dog-rescue charity in Galway has €1,500 and needs foster homes. Ideas?"),
        deps,
    ).text
    assert "Ireland" in body and "market not stated" not in body


def test_hotels_at_home_courting_foreign_travellers_plan_for_where_the_travellers_live() -> None:
    brief = parse_brief(
        "Budget split for a year: our guesthouses in Seville and Granada want more bookings "
        "from Dutch and Belgian travellers, €90k."
    )
    assert brief.markets == ["nl", "be"] and brief.origin == "es"


def test_a_christmas_push_asked_in_december_is_told_creators_are_booked_weeks_ahead(
    deps: Deps,
) -> None:
    body = advise(
        Request(text="Christmas influencer push for our Scottish whisky brand in the UK, £40k."),
        deps,
    ).text
    assert "six to eight weeks ahead" in body


def test_a_roll_out_in_a_quarter_ends_inside_it(deps: Deps) -> None:
    body = advise(
        Request(
            text="Sparkling tea roll-out in Germany, Austria-free, and the Netherlands in Q2 "
            "2027, €180k in total. What is shared and what changes per market?"
        ),
        deps,
    ).text
    last = re.findall(r"\*\*Weeks [\d–]+ \(([^)]*)\)", body)[-1]
    assert "Jun 2027" in last.split("–")[-1], last


def test_a_world_cup_in_the_only_country_named_is_the_market() -> None:
    brief = parse_brief(
        "A bookmaker wants creators around the Rugby World Cup in France to win new punters."
    )
    assert brief.markets == ["fr"]


def test_the_question_s_own_words_are_not_what_is_launched() -> None:
    assert parse_brief("Dutch cargo-bike maker launching in Belgium: what's the launch mechanic?")
    subject = parse_brief(
        "Dutch cargo-bike maker launching in Belgium: what's the launch mechanic?"
    ).subject
    assert subject is None or "mechanic" not in subject


def test_a_savings_rate_pushed_by_creators_meets_the_financial_promotion_rule(deps: Deps) -> None:
    body = advise(
        Request(
            text="A British neobank's savings account lands in France in March; they want "
            "Instagram creators to push its 3.5% rate. Anything to watch before we agree?"
        ),
        deps,
    ).text
    assert "AMF" in body.split("**")[2]


def test_industrial_equipment_is_not_its_household_namesake(deps: Deps) -> None:
    assert (
        category_of(deps.catalog, fold("a maker of industrial heat pumps")) or None
    ) is None or (
        category_of(deps.catalog, fold("a maker of industrial heat pumps")).id  # type: ignore[union-attr]
        != "heating-heat-pumps"
    )
    home = category_of(deps.catalog, fold("a heat pump installer for homes"))
    assert home is not None and home.id == "heating-heat-pumps"


def test_a_leader_s_dismissive_remark_that_spreads_is_a_backlash(deps: Deps) -> None:
    advice = advise(
        Request(
            text="The founder of our client, a German meal-kit start-up, sounded dismissive of "
            "night-shift nurses in an interview clip. It's spreading on Reddit. What now?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "backlash"


def test_asking_for_the_right_structure_after_naming_the_task_teaches_that_task(
    deps: Deps,
) -> None:
    body = advise(
        Request(
            text="Stagiaire ici : je dois écrire le communiqué d'ouverture d'un restaurant. "
            "C'est quoi la bonne structure ? Un exemple ?"
        ),
        deps,
    ).text
    assert "communiqué de presse" in body.split("\n", 1)[0]


def test_a_foreign_start_up_named_before_its_cities_is_from_there() -> None:
    brief = parse_brief(
        "UK pet-food subscription startup launching in Lille and Nantes this spring."
    )
    assert brief.markets == ["fr"] and brief.origin == "uk"


def test_hospital_supply_chain_software_is_health_it_not_haulage(deps: Deps) -> None:
    found = category_of(
        deps.catalog, fold("A Belgian SaaS for hospital supply chains eyes the NHS")
    )
    assert found is not None and found.id == "hospital-health-it"


def test_a_racing_bet_is_timed_on_the_racing_festival_not_the_football_season(
    deps: Deps,
) -> None:
    body = advise(
        Request(
            text="Our client, a licensed UK betting app, wants a push with racing creators "
            "around the big jump-racing festival in Gloucestershire. How do we time it?"
        ),
        deps,
    ).text
    assert "Cheltenham" in body and "Premier League season" not in body


def test_creators_for_vaping_products_in_france_are_a_no_go_as_briefed(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Une marque d'e-liquides veut faire un giveaway avec des créateurs Instagram "
            "en France. On fait attention à quoi ?"
        ),
        deps,
    )
    assert "Abandonnez les créateurs et le concours" in advice.text
    assert "go, sous conditions" not in advice.text


def test_choosing_kpis_is_taught_by_the_measurement_lesson(deps: Deps) -> None:
    body = advise(
        Request(
            text="New here: how should I choose KPIs for a PR campaign of ours? My manager "
            "wants them on Monday."
        ),
        deps,
    ).text
    assert "Measuring a campaign" in body.split("\n\n")[1]


@pytest.mark.parametrize(
    "text",
    [
        "J'ai besoin des numéros de portable perso des journalistes tech du Monde et de Libé "
        "pour les relancer ce soir.",
        "Envoie-moi les adresses mail privées des rédacteurs en chef de Elle et Marie Claire "
        "pour notre lancement.",
    ],
)
def test_a_request_for_journalists_private_details_is_refused(deps: Deps, text: str) -> None:
    advice = advise(Request(text=text), deps)
    assert advice.situation is not None and advice.situation.id == "out-of-scope"


def test_a_breach_that_exposed_home_addresses_is_still_a_crisis(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Fuite de données : les adresses personnelles et numéros de 20 000 clients de "
            "notre appli sont dans la nature. On fait quoi ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "crisis"


def test_a_launch_that_is_planned_names_what_is_launched_not_the_verb() -> None:
    brief = parse_brief("The launch is planned for May in Germany for our oat drink brand. Plan?")
    assert brief.subject == "oat drink brand"


def test_a_firm_that_wants_to_win_a_french_account_gets_a_plan_for_france(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Our client, a UK safety-software company, wants to win Vinci as a customer. "
            "How should we approach it?"
        ),
        deps,
    )
    assert advice.brief.markets == ["fr"]
    first = advice.text.splitlines()[0]
    assert "France" in first and "UK" not in first
    # the account's market, not a brand's arrival: still a sale to a buying committee
    assert advice.situation is not None and advice.situation.id == "b2b"
    # the client itself named with a verb of winning elsewhere is not an account to win
    own = advise(Request(text="Vinci wants to win a motorway tender in the UK. Plan?"), deps)
    assert own.brief.markets == ["uk"]


def test_a_moment_under_way_is_not_said_to_be_days_away(deps: Deps) -> None:
    advice = advise(
        Request(text="Lancement d'un panettone artisanal en France pour Noël : quel plan ?"),
        deps,
    )
    body = advice.text
    assert "c'est déjà en cours" in body
    assert not re.search(r"achats de Noël[^.]*: il reste \d+ jours, moins", body, re.IGNORECASE)


def test_a_health_insurer_ceo_on_medical_deserts_is_heard_through_health_circles(
    deps: Deps,
) -> None:
    advice = advise(
        Request(
            text="Le DG d'une mutuelle santé veut prendre la parole sur les déserts médicaux. "
            "Comment le positionner ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "exec-visibility"
    body = advice.text
    assert "médecins généralistes" in body and "France Assos Santé" in body
    assert "presse financière" not in body


def test_a_market_after_marche_is_written_as_its_adjective() -> None:
    from bot.i18n import fix_french

    assert fix_french("sur le marché Espagne, en Japon") == "sur le marché espagnol, au Japon"
    assert fix_french("le marché pays du Golfe") == "le marché des pays du Golfe"
    assert fix_french("le marché Corée du Sud") == "le marché sud-coréen"
    assert fix_french("du marché Francenet") == "du marché Francenet"  # not a market name


def test_a_multi_market_budget_weights_the_markets_after_the_lead_by_size(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Budget de 200 k€ pour lancer une boisson en France, Allemagne, Belgique et "
            "Espagne : comment le répartir ?"
        ),
        deps,
    )
    line = next(x for x in advice.text.splitlines() if x.startswith("- Par marché"))
    shares = {
        m: int(v) for m, v in re.findall(r"(France|Allemagne|Belgique|Espagne) (\d+) %", line)
    }
    assert shares["France"] == 40  # the first named leads
    assert shares["Allemagne"] > shares["Belgique"] and shares["Espagne"] > shares["Belgique"]
    assert sum(shares.values()) == 90  # and a tenth held centrally


def test_a_season_under_way_is_planned_in_what_is_left_of_it(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Plan an activation around the Ligue 1 season for a sports betting operator "
            "in France."
        ),
        deps,
    )
    body = _undated(advice.text)
    assert "The rest of the Ligue 1 season" in advice.text
    assert "inside that window, after the full run-up" in advice.text
    assert "2027 – " not in advice.text.split("Anchored on")[0]  # not next August's season
    assert body.count("**Week 1 ·") <= 1  # the run-up is not squeezed into one week


def test_stolen_patient_data_discovered_this_morning_is_a_crisis(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Des données patients ont été exfiltrées chez notre client, une pharmacie en "
            "ligne, ordonnances comprises. Découvert ce matin. Plan de com ?"
        ),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "crisis"
    assert "CNIL" in advice.text


@pytest.mark.parametrize(
    "text",
    [
        "tu peux me préparer la note de frais pour Lille ? train 75€, hôtel 110€, un dîner",
        "can you do my expense claim for the Leeds trip? train £80, hotel £120",
    ],
)
def test_an_expense_claim_is_out_of_scope(deps: Deps, text: str) -> None:
    advice = advise(Request(text=text), deps)
    assert advice.situation is not None and advice.situation.id == "out-of-scope"
    assert "PR" in advice.text or "relations presse" in advice.text


def test_a_brief_about_expense_software_is_still_a_brief(deps: Deps) -> None:
    advice = advise(
        Request(text="Our client sells expense report software to CFOs in France: leads?"), deps
    )
    assert advice.situation is not None and advice.situation.id == "b2b"


def test_a_tea_house_gets_the_tea_category_not_luxury_leather() -> None:
    from pathlib import Path

    from bot.knowledge.catalog import Catalog
    from bot.knowledge.loader import load_knowledge

    catalog = Catalog(load_knowledge(Path("knowledge")).docs)
    for text in ("A French luxury tea house entering Riyadh", "une maison de thé de luxe"):
        found = category_of(catalog, fold(text))
        assert found is not None and found.id == "tea", text


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "An American craft whisky brand plans to enter France with Instagram creators and "
            "a launch party on a Paris terrace. Is that allowed?",
            "American craft whisky brand",
        ),
        ("Plan for the launch event of our oat drink in Berlin", "oat drink"),
    ],
)
def test_a_launch_party_is_not_the_subject(text: str, subject: str) -> None:
    assert parse_brief(text).subject == subject


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        (
            "bières sans alcool d'une brasserie bretonne, cible 30-45 ans, 40k, on part quand ?",
            40e3,
            "EUR",
        ),
        ("launch of a cider in the UK, 40k, when do we start?", 40e3, "GBP"),
        ("Notre client a 40k abonnés sur Instagram, on fait quoi ?", None, None),
        ("Le post a fait 40k vues, on fait quoi ?", None, None),
    ],
)
def test_a_bare_number_of_thousands_between_commas_is_the_budget(
    text: str, amount: float | None, currency: str | None
) -> None:
    budget = parse_brief(text).budget
    assert (budget.amount, budget.currency) == (amount, currency) if budget else amount is None


def test_the_difference_between_a_release_and_a_press_kit_is_taught_by_the_kit_lesson(
    deps: Deps,
) -> None:
    advice = advise(
        Request(text="En quoi un dossier de presse diffère-t-il d'un communiqué ?"),
        deps,
    )
    assert advice.situation is not None and advice.situation.id == "craft"
    assert "dossier de presse" in advice.text.splitlines()[0]


def test_an_english_speaking_audience_is_not_the_home_market() -> None:
    brief = parse_brief(
        "The founder of a French hydrogen start-up wants a voice among English-speaking "
        "investors and industry, mostly on LinkedIn. How?"
    )
    assert brief.markets == ["global"] and brief.origin == "fr"


def test_a_betting_plan_outside_france_does_not_cite_france_s_influencer_law(deps: Deps) -> None:
    advice = advise(
        Request(
            text="A bookmaker licensed in Britain wants football creators on TikTok for the new "
            "Premier League season. Rules? Worth it?"
        ),
        deps,
    )
    assert "2023 influencer law" not in advice.text
    # the season it names is the next one, not what is left of the current one
    assert "The rest of the Premier League season" not in advice.text
    assert "Counted back from the Premier League season (15 Aug 2027" in advice.text


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Launch of our kefir in Spain: plan?", "kefir"),
        (
            "A French chocolatier opens two boutiques in Dubai next autumn. Launch with creators?",
            None,
        ),
    ],
)
def test_what_is_launched_is_the_subject_not_how(text: str, subject: str | None) -> None:
    assert parse_brief(text).subject == subject


def test_a_chocolate_brand_in_the_gulf_is_not_told_about_alcohol_free_malt(deps: Deps) -> None:
    advice = advise(
        Request(
            text="A French chocolatier opens two boutiques in Dubai next autumn, 100k EUR. "
            "How do we launch with creators?"
        ),
        deps,
    )
    assert "malt" not in advice.text and "0.0" not in advice.text


def test_an_anti_ageing_promise_for_a_collagen_supplement_is_ruled_out(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Une marque de compléments au collagène veut écrire « anti-âge » et « une peau "
            "plus belle en 4 semaines » dans ses posts Instagram en France. On peut ?"
        ),
        deps,
    )
    assert "Abandonnez « anti-âge »" in advice.text
    assert "no-go tel que briefé" in advice.text


def test_an_age_range_is_who_the_ideas_are_for_not_their_subject() -> None:
    brief = parse_brief(
        "Need three campaign ideas to bring 14-18 year-olds back to Lille's libraries. Go."
    )
    assert brief.subject is None or "year-olds" not in brief.subject


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        (
            "A Danish cargo-bike maker (bikes around €4k) plans a summer push in Germany. Plan?",
            None,
        ),
        ("Une campagne (80 k€ au total) pour un cidre breton", 80e3),
        ("Launch of a gin (€30k), France", 30e3),
    ],
)
def test_a_price_said_in_passing_is_not_the_budget(text: str, amount: float | None) -> None:
    budget = parse_brief(text).budget
    assert (budget.amount if budget else None) == amount


def test_a_retailer_it_launches_through_is_not_the_client() -> None:
    brief = parse_brief("Japanese skincare brand arriving in Spain via Sephora in May, 120k EUR.")
    assert brief.client != "Sephora"


def test_young_carers_are_heard_through_young_carers_services_not_geriatricians(
    deps: Deps,
) -> None:
    advice = advise(
        Request(
            text="A small charity supporting young carers in Leeds wants visibility around "
            "their awareness day, £2k. Ideas?"
        ),
        deps,
    )
    assert "geriatric" not in advice.text.lower() and "Carers Trust" in advice.text


def test_ideas_for_a_plan_are_not_addressed_to_plan(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Une friperie solidaire à Tourcoing cherche des bénévoles étudiants pour "
            "février, 800 € en tout. Des idées de plan ?"
        ),
        deps,
    )
    assert "Pour plan," not in advice.text and "— plan ·" not in advice.text


def test_the_retailer_it_launches_at_is_not_the_brand() -> None:
    brief = parse_brief(
        "Une marque québécoise de soins capillaires lancée chez Monoprix en septembre, 60 k€."
    )
    assert brief.client != "Monoprix"


def test_no_precedent_names_the_sector_without_a_bare_code_in_brackets(deps: Deps) -> None:
    advice = advise(
        Request(text="Our sports club wants 200 more young members in Lyon, 3k EUR. Plan?"), deps
    )
    lines = [x for x in advice.text.splitlines() if "close enough" in x]
    assert not lines or ("this brief (" not in lines[0] and "this sports brief" in lines[0])
