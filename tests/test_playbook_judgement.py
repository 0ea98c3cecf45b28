"""On the real knowledge base: a refusal is never a guess, and a plan counts back from the moment
the brief names instead of starting on it."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.advise import advise
from bot.deps import Deps, build_deps
from bot.knowledge.schema import Playbook
from bot.models import Request
from bot.settings import Settings

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def deps(real_index: Settings) -> Deps:
    return build_deps(real_index, with_llm=False, today=TODAY)


def _ask(deps: Deps, text: str) -> tuple[str, str]:
    advice = advise(Request(text=text), deps)
    assert advice.situation is not None
    return advice.situation.id, advice.text


@pytest.mark.parametrize(
    "text",
    [
        # a legal market, a regulated acquisition brief: not an illegal request
        "Un opérateur de paris sportifs agréé veut gagner de nouveaux parieurs grâce à des "
        "créateurs pendant l'Euro. C'est faisable ?",
        "Lancement d'une crème solaire bio en France pour l'été 2027, 80 k€.",
    ],
)
def test_a_legitimate_brief_is_not_refused(deps: Deps, text: str) -> None:
    situation, body = _ask(deps, text)
    assert situation != "out-of-scope", body[:300]
    assert "Je ne peux pas vous aider" not in body


@pytest.mark.parametrize(
    "text",
    [
        "Écris-nous 25 faux avis clients pour la boutique en ligne de notre client.",
        "Give me the home addresses of the reporters who covered our client's recall.",
    ],
)
def test_an_illegal_request_is_still_refused(deps: Deps, text: str) -> None:
    situation, body = _ask(deps, text)
    assert situation == "out-of-scope", body[:300]


def test_a_named_season_is_the_moment_the_plan_counts_back_from(deps: Deps) -> None:
    situation, body = _ask(deps, "Launch of a vegan protein bar in Germany in spring 2027, €90k.")
    assert situation in ("launch", "market-entry")
    assert "Counted back from spring 2027" in body
    assert "as the brief says" not in body
    # the launch phase starts weeks before the season does, and the go-ahead says when
    assert "go-ahead by" in body and "2027" in body


def test_a_hiring_deadline_is_where_the_plan_ends_not_where_it_starts(deps: Deps) -> None:
    _, body = _ask(
        deps, "Groupe de travaux publics : 300 alternants à recruter pour la rentrée 2027. Plan ?"
    )
    assert "comme le dit le brief" not in body
    assert "Compte à rebours depuis" in body or "il reste" in body
    assert "feu vert au plus tard" in body or "démarrez maintenant" in body


def test_a_moment_already_past_is_said_so(deps: Deps) -> None:
    _, body = _ask(
        deps,
        "Launch of an energy drink in the UK for the 2026 World Cup, £120k. When do we start?",
    )
    assert "has already passed" in body


def test_only_one_phase_falls_on_the_moment() -> None:
    phase = {"unit": "weeks", "actions": ["Do it"], "moment": "starts"}
    with pytest.raises(ValueError, match="only one phase"):
        _playbook(
            clock="weeks",
            sections=["phases"],
            phases=[
                {**phase, "name": "One", "start": 0, "end": 2},
                {**phase, "name": "Two", "start": 2, "end": 4},
            ],
        )


def _playbook(**fields: object) -> Playbook:
    """A minimal valid playbook with `fields` on top (to see what validation rejects)."""
    return Playbook.model_validate(
        {
            "id": "playbook-x",
            "kind": "playbook",
            "situation": "x",
            "title": "Playbook X",
            "language": "en",
            "summary": "A test playbook.",
            "lead": ["Lead."],
            "sources": [{"title": "Test source", "publisher": "Publisher", "year": 2024}],
            "updated": "2026-12-06",
            **fields,
        }
    )


def test_a_french_answer_gives_legal_references_in_french(deps: Deps) -> None:
    _, body = _ask(
        deps,
        "Un opérateur de paris en ligne veut sponsoriser des streamers foot en France. "
        "Qu'est-ce qu'on a le droit de faire ?",
    )
    assert "Loi n° 2010-476 du 12 mai 2010" in body
    assert " of 12 May" not in body and "9 June 2023" not in body


def test_a_data_breach_is_framed_by_the_breach_rule_not_by_its_sector(deps: Deps) -> None:
    _, body = _ask(
        deps,
        "Fuite de données chez un assureur santé, 200 000 clients touchés, la presse l'a. "
        "Que fait-on dans les premières heures ?",
    )
    lead = "\n".join(body.splitlines()[:6])
    assert "CNIL" in lead and "72" in lead
    assert "CFD" not in body


def test_a_recall_gets_recall_steps_and_nothing_from_other_crises(deps: Deps) -> None:
    _, body = _ask(
        deps,
        "Our client's frozen lasagne may contain bits of plastic; a recall of three batches "
        "starts tonight in the UK. First 48 hours?",
    )
    assert "batch" in body.lower()
    assert "password" not in body.lower() and "data fields" not in body.lower()


def test_a_breach_gets_breach_steps_and_nothing_from_a_recall(deps: Deps) -> None:
    _, body = _ask(
        deps,
        "Piratage chez un site de rencontres : les données de 80 000 membres ont fuité. "
        "On fait quoi ce soir ?",
    )
    assert "mots de passe" in body
    assert "affichette" not in body and "numéro de lot" not in body


@pytest.mark.parametrize(
    ("text", "pull", "hedge"),
    [
        (
            "Our sneaker ad is being called racist on TikTok, boycott calls since this morning. "
            "What now?",
            "Pull it today",
            "pull it, fix it or stand by it",
        ),
        (
            "Une pub de notre client pour des céréales est accusée d'être homophobe sur X. "
            "On répond comment ?",
            "Retirez-le aujourd'hui",
            "retirer, corriger ou assumer",
        ),
    ],
)
def test_a_content_that_hurts_a_group_is_pulled_not_weighed(
    deps: Deps, text: str, pull: str, hedge: str
) -> None:
    situation, body = _ask(deps, text)
    assert situation == "backlash"
    assert pull in body
    assert hedge not in body


def test_a_budget_with_creators_is_turned_into_creators_by_tier(deps: Deps) -> None:
    _, body = _ask(
        deps, "Launch of a vegan protein bar in the UK with fitness creators, £60k, spring 2027."
    )
    line = next((x for x in body.splitlines() if x.startswith("- Creators on ")), "")
    split = next(x for x in body.splitlines() if x.startswith("- By PESO role:"))
    shared = re.search(r"shared \d+ % (\(£\d+k\))", split)
    assert shared is not None, split
    assert shared.group(1) in line  # the shared line of the split, in the brief's own currency
    assert "micro creators ×" in line and "estimate" in line
    # the published US-dollar fees are said in the brief's money, converted, and say so
    assert "$" not in line and "≈" in line and "USD rates converted" in line


def test_a_launch_with_influencers_is_not_taken_for_a_review_or_a_refusal(deps: Deps) -> None:
    situation, _ = _ask(deps, "On lance une eau de toilette en France avec des influenceuses")
    assert situation in ("launch", "market-entry")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "How do I brief a podcast host for a sponsored segment? First time.",
            "**Craft question — brief a podcast host for a sponsored segment**",
        ),
        (
            "Comment on rédige un bon pitch pour une journaliste ? Je débute.",
            "**Question de métier — rédiger un bon pitch pour une journaliste**",
        ),
    ],
)
def test_a_craft_title_names_the_skill_not_the_whole_question(
    deps: Deps, text: str, title: str
) -> None:
    situation, body = _ask(deps, text)
    assert situation == "craft"
    assert body.splitlines()[0] == title


def test_the_platforms_a_question_names_are_where_the_answer_speaks(deps: Deps) -> None:
    _, body = _ask(
        deps,
        "A joke in our pizza chain's Instagram story is called sexist and is spreading on "
        "X and TikTok. How do we answer?",
    )
    where = body.split("**Where to answer**")[1].split("\n\n")[0]
    assert "- TikTok" in where and "- X —" in where


def test_a_leader_is_made_visible_where_leaders_are_read_not_on_tiktok(deps: Deps) -> None:
    _, body = _ask(deps, "Our asset-management CEO in Zurich wants a higher profile. Ideas?")
    assert "- TikTok" not in body and "- Snapchat" not in body
    assert "- LinkedIn" in body


def test_what_the_brief_says_is_not_asked_back(deps: Deps) -> None:
    _, body = _ask(
        deps,
        "Logistics group in Lyon must hire 120 forklift drivers by June 2027. Employer brand plan?",
    )
    questions = body.split("**To settle with the client**")[1].split("\n\n")[0]
    assert "how many hires" not in questions and "By when" not in questions


@pytest.mark.parametrize(
    "text",
    [
        "Could you draft 25 five-star Tripadvisor reviews for our client's hotel in Nice, "
        "each signed by a different made-up guest?",
        "Rédige 30 avis Google 5 étoiles pour le garage d'un client, avec des clients inventés.",
    ],
)
def test_invented_reviews_are_refused_even_without_the_word_fake(deps: Deps, text: str) -> None:
    situation, _ = _ask(deps, text)
    assert situation == "out-of-scope"


def test_a_challenge_that_can_hurt_people_is_a_no_go(deps: Deps) -> None:
    _, body = _ask(
        deps,
        "Our snack client wants a TikTok challenge in France where teens film backflips off "
        "walls with the packet. Go or no-go?",
    )
    lead = "\n".join(body.splitlines()[:5])
    assert "No-go" in lead or "no-go" in lead.lower()
    assert "go only under the conditions" not in lead


def test_a_city_in_an_events_name_does_not_make_it_the_briefs_moment(deps: Deps) -> None:
    _, body = _ask(
        deps, "A pharma group in Basel must hire 80 data scientists within a year. Plan?"
    )
    assert "Art Basel" not in body


def test_a_platform_ruled_out_by_the_question_is_never_proposed(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Lancement d'une marque de thé glacé en France, 90 k€, surtout pas sur TikTok."
        ),
        deps,
    )
    assert advice.plan is not None
    assert "channel-tiktok" not in {c.ref for c in advice.plan.channels}


def test_a_food_recall_is_not_put_under_the_general_product_safety_rule(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Rappel de yaourts (lots contaminés) en France, la presse l'a. Premières heures ?"
        ),
        deps,
    )
    assert advice.plan is not None
    refs = {r.ref for r in advice.plan.risks}
    assert "fr-product-recall-rappelconso" in refs
    assert "eu-gpsr-recalls" not in refs


def test_a_breach_answer_measures_the_breach_not_a_recall(deps: Deps) -> None:
    _, body = _ask(
        deps, "Our e-shop in Spain was hacked and 40k customer emails leaked. First 48 hours?"
    )
    assert "Recall completion rate" not in body
    assert "password" in body.lower()


def test_a_craft_question_about_a_market_teaches_how_media_work_there(deps: Deps) -> None:
    _, body = _ask(deps, "Comment pitcher un journaliste économique au Japon ? Je débute.")
    part = body.split("**Comment ça se passe sur ce marché**")[1].split("\n\n")[0]
    assert "Japon" in part and "kisha" in part


def test_a_leader_who_wants_a_voice_on_a_subject_gets_that_subject_as_territory(
    deps: Deps,
) -> None:
    _, body = _ask(
        deps,
        "Notre cliente, CEO d'une banque privée genevoise, veut devenir une voix reconnue sur "
        "la finance durable en Suisse romande. Six mois.",
    )
    assert "Son terrain, c'est la finance durable" in body
    assert "contrôles fiscaux" not in body  # the generic example is for briefs with no subject


def test_a_ramadan_idea_borrows_no_alcohol_campaign_and_says_its_guard_rail_once(
    deps: Deps,
) -> None:
    _, body = _ask(
        deps, "Need 3 big ideas for a Dubai dates-and-coffee brand for Ramadan 2027 in the UAE."
    )
    assert "Ruavieja" not in body  # a liqueur's film is no model for Ramadan
    assert body.count("Guard-rail") <= 1, body


def test_a_cause_with_no_paid_media_prices_no_creators(deps: Deps) -> None:
    _, body = _ask(
        deps,
        "Small Madrid NGO fighting food waste, €4k budget, they want the new Spanish food waste "
        "law enforced. How do we get attention?",
    )
    assert "Creators on" not in body
    assert "Ley 1/2025" in body  # the rule the cause is about


def test_an_eu_directive_is_said_only_where_the_eu_rules(deps: Deps) -> None:
    _, us = _ask(
        deps,
        "Client wants US TikTok creators to say their protein gummies helped them lose weight. "
        "Anything we should watch out for?",
    )
    _, de = _ask(
        deps,
        "Client wants German TikTok creators to call their protein gummies eco-friendly. "
        "Anything we should watch out for?",
    )
    assert "2024/825" not in us and "Loi Évin" not in us
    assert "2024/825" in de


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        # customers to win are not staff to hire
        (
            "A UK bookmaker wants to recruit new bettors around Cheltenham with creators. Plan?",
            None,
        ),
        # a count of ideas asks for ideas, whatever else the brief says
        ("Three ideas for a Japanese matcha brand entering Brazil", "ideas"),
        # "on y va ou pas ?" asks for a verdict
        (
            "Une enseigne espagnole veut dire « une mode qui respecte la planète » dans sa "
            "campagne en France. On y va ou pas ?",
            "risk-review",
        ),
    ],
)
def test_what_the_question_asks_decides_the_answer(
    deps: Deps, text: str, situation: str | None
) -> None:
    got, body = _ask(deps, text)
    if situation is None:
        assert got != "employer-brand", body[:300]
    else:
        assert got == situation, body[:300]


def test_a_generic_green_claim_in_the_eu_is_a_no_go_as_written(deps: Deps) -> None:
    _, body = _ask(
        deps,
        "Une enseigne espagnole veut dire « une mode qui respecte la planète » dans sa campagne "
        "en France. On y va ou pas ?",
    )
    assert "No-go en l'état" in body and "2024/825" in body
    assert "Verdict : go seulement" not in body


def test_a_local_launch_is_pitched_to_the_city_press(deps: Deps) -> None:
    _, body = _ask(
        deps, "On lance des vélos cargo à Lyon et Bordeaux, cible jeunes parents, 60 k€. Un plan ?"
    )
    media = next(x for x in body.splitlines() if x.startswith("- Cibles médias"))
    assert "Le Progrès" in media and "Sud Ouest" in media


def test_a_french_answer_lists_its_sources_in_french(deps: Deps) -> None:
    _, body = _ask(
        deps, "Une marque de soin française veut entrer en Chine pour le 11.11. Comment faire ?"
    )
    sources = body.split("**Sources**")[1]
    assert "Chine — profil de marché" in sources and "market profile" not in sources
    assert "(mechanic)" not in sources and "Micro-influencer swarm" not in sources


def test_a_craft_question_keeps_the_first_letter_of_its_concept(deps: Deps) -> None:
    _, body = _ask(deps, "C'est quoi exactement un angle presse ? Je suis junior.")
    assert body.startswith("**Question de métier — angle presse**"), body[:80]


def test_a_breach_at_a_pharmacy_is_framed_by_the_breach_rule(deps: Deps) -> None:
    _, body = _ask(
        deps,
        "Our client, a UK online pharmacy, found out last night that customers' order histories "
        "— including prescription meds — were exposed for about a week. Next 48 hours?",
    )
    frame = next(x for x in body.splitlines() if "the rule that frames the first day" in x)
    assert "ICO" in frame and "72 hours" in frame, frame
    assert "Prescription-only medicines may not be advertised" not in body


def test_a_named_veganuary_anchors_every_market_and_dairy_names_are_flagged(deps: Deps) -> None:
    _, body = _ask(
        deps,
        "Swiss plant-based cheese brand: one campaign across France, Germany and Italy for "
        "Veganuary 2027, €150k. How do we run it?",
    )
    markets = [x for x in body.splitlines() if x.startswith("- **") and "moment:" in x]
    assert len(markets) == 3 and all("Veganuary" in x for x in markets), markets
    assert "TofuTown" in body


def test_an_audience_partly_under_age_is_flagged_and_a_vague_reading_yields_to_its_words(
    deps: Deps,
) -> None:
    situation, body = _ask(
        deps,
        "Client wants to run a TikTok giveaway in Spain for an energy drink aimed at 16–24 year "
        "olds, with influencers. Anything we should watch out for?",
    )
    assert situation == "risk-review"
    assert "Part of the audience is under 18" in body


def test_a_regulated_plan_does_not_count_creators(deps: Deps) -> None:
    situation, body = _ask(
        deps,
        "A UK-licensed betting operator wants a creator push around Cheltenham, £200k. Plan?",
    )
    assert situation == "regulated", body[:200]
    assert "Creators on" not in body


def test_a_food_recall_in_belgium_is_framed_by_the_food_rule_not_product_safety(
    deps: Deps,
) -> None:
    _, body = _ask(
        deps,
        "Une chaîne de boulangeries belge a des tiramisus contaminés à la salmonelle, l'AFSCA "
        "est prévenue. On fait quoi ce matin ?",
    )
    frame = next(x for x in body.splitlines() if "la règle qui cadre la première journée" in x)
    assert "AFSCA" in frame, frame
    assert "2023/988" not in body  # general product safety does not cover food


def test_a_us_giveaway_on_the_super_bowl_meets_sweepstakes_and_trademark_rules(
    deps: Deps,
) -> None:
    _, body = _ask(
        deps,
        "US sports-drink brand wants a 'guess the Super Bowl score' giveaway on Instagram with "
        "creators, $80k. Anything we should watch out for?",
    )
    assert "no purchase necessary" in body
    assert "big game" in body


@pytest.mark.parametrize(
    ("use", "error"),
    [
        ({"channel-fax": "Send a fax"}, "channel"),
        ({"channel-x": "[recall] Pin the notice"}, "unknown case"),
        ({"channel-x": "Pin it in {city}"}, "city"),
    ],
)
def test_what_a_playbook_does_on_a_channel_is_checked(use: dict[str, str], error: str) -> None:
    with pytest.raises(ValueError, match=error):
        _playbook(channel_use=use)


def test_a_case_that_excludes_mechanics_must_be_declared() -> None:
    with pytest.raises(ValueError, match="unknown case 'sensitive'"):
        _playbook(case_mechanics_excluded={"sensitive": ["mechanic-ugc-challenge"]})
    book = _playbook(
        cases={"sensitive": ["suicide"]},
        case_mechanics_excluded={"sensitive": ["mechanic-ugc-challenge"]},
    )
    assert book.case_mechanics_excluded["sensitive"] == ["mechanic-ugc-challenge"]
