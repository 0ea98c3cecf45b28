"""On the real knowledge base: an answer names this brief's particulars (the brand's home even
when the base has no profile for it, the subject's own experts, what to run on each channel, in
the answer's language) and does not stretch (a season is not a moment that only runs into it, a
word every brief uses does not make a campaign comparable)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.advise import advise
from bot.brief.parse import parse_brief
from bot.deps import Deps, build_deps
from bot.knowledge.schema import Channel
from bot.models import Advice, Request
from bot.settings import Settings

TODAY = dt.date(2026, 11, 26)
HEARING = "We're a Danish maker of hearing aids entering Germany next spring, budget €250k."


@pytest.fixture(scope="module")
def deps(real_index: Settings) -> Deps:
    return build_deps(real_index, with_llm=False, today=TODAY)


def _ask(deps: Deps, text: str) -> Advice:
    return advise(Request(text=text), deps)


@pytest.mark.parametrize(
    ("text", "markets", "origin"),
    [
        (HEARING, ["de"], "dk"),
        ("Une marque coréenne de soins arrive en France en mars.", ["fr"], "kr"),
        ("A skincare brand from Korea entering Spain next year.", ["es"], "kr"),
        # a person's birthplace is not the brand's home
        (
            "Our CEO, a Dutch-born founder of a Barcelona proptech, wants a voice in Spain.",
            ["es"],
            None,
        ),
    ],
)
def test_a_home_without_a_profile_is_still_the_brands_home(
    text: str, markets: list[str], origin: str | None
) -> None:
    brief = parse_brief(text, today=TODAY)
    assert (brief.markets, brief.origin) == (markets, origin)


def test_a_brand_from_a_country_without_a_profile_gets_a_market_entry(deps: Deps) -> None:
    advice = _ask(deps, HEARING)
    assert advice.situation is not None and advice.situation.id == "market-entry"
    assert "Denmark" in advice.text


def test_the_subjects_own_experts_are_named(deps: Deps) -> None:
    advice = _ask(deps, HEARING)
    assert "audiologists" in advice.text
    assert "Heilmittelwerbegesetz" in advice.text  # hearing aids are medical devices


def test_a_hiring_brief_keeps_the_experts_candidates_listen_to(deps: Deps) -> None:
    advice = _ask(deps, "Nos restaurants à Lyon peinent à recruter des cuisiniers : quel plan ?")
    assert "critiques et guides gastronomiques" not in advice.text
    assert "salariés" in advice.text


def test_a_season_is_not_replaced_by_a_moment_that_only_runs_into_it(deps: Deps) -> None:
    advice = _ask(deps, HEARING)
    lead = advice.text.split("**The rules")[0]
    assert "next spring" in lead
    assert "flu season" not in advice.text


def test_a_word_every_brief_uses_does_not_make_a_campaign_comparable(deps: Deps) -> None:
    advice = _ask(deps, HEARING)
    assert "NHS Blood" not in advice.text  # its tags say "low budget"; the brief says budget


def _channel_lines(text: str, heading: str) -> list[str]:
    section = text.split(f"**{heading}**")[1].split("\n\n")[0]
    return [line for line in section.splitlines() if line.startswith("- ") and " — " in line]


def test_each_channel_says_what_to_run_there_in_the_answers_language(deps: Deps) -> None:
    en = _channel_lines(_ask(deps, HEARING).text, "Channels")
    fr = _channel_lines(
        _ask(deps, "Lancement d'une marque de biscuits bio à Lyon en mars, 60 k€.").text, "Canaux"
    )
    assert any("dedicated reviews" in line for line in en), en  # the experts' mechanic on YouTube
    assert not [line for line in en + fr if "most used" in line or "plus utilisés" in line]
    english = r"collab posts|partnership ads|short vertical video|dedicated reviews|launch events"
    assert all(not re.search(english, line) for line in fr), fr
    assert any("Reels" in line or "collaboration" in line for line in fr), fr


def test_french_formats_must_pair_with_the_english_ones() -> None:
    base = Channel.model_validate(
        {
            "id": "channel-test",
            "kind": "channel",
            "title": "Test",
            "language": "en",
            "summary": "A test channel for the validation of its formats.",
            "markets": ["global"],
            "roles": ["shared"],
            "age_bands": ["18-24"],
            "formats": ["reels", "stories"],
            "formats_fr": ["reels", "stories"],
            "sources": [{"title": "A source", "publisher": "Someone", "year": 2025}],
        }
    )
    assert base.formats_in("fr") == ["reels", "stories"]
    with pytest.raises(ValueError, match="same order"):
        Channel.model_validate({**base.model_dump(), "formats_fr": ["reels"]})


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            "Donne-moi trois idées pour faire parler d'une fromagerie savoyarde au Japon",
            "la fromagerie savoyarde",
        ),
        ("Three ideas to get people talking about a Welsh cider brand in the UK", "cider"),
    ],
)
def test_ideas_are_for_what_the_brief_is_about_not_its_goal(
    deps: Deps, text: str, named: str
) -> None:
    advice = advise(Request(text=text, mode="idea"), deps)
    assert advice.ideas, advice.text[:300]
    for idea in advice.ideas:
        assert not re.match(r"(?i)(faire parler|get people talking)", idea.name), idea.name
    assert named in advice.text
    assert "remplacez faire parler" not in advice.text


def test_an_alcohol_brief_under_the_loi_evin_keeps_away_from_young_channels(deps: Deps) -> None:
    advice = _ask(deps, "Une maison de champagne veut toucher les 25-35 ans en France, 200 k€.")
    channels = advice.text.split("**Canaux**")[1].split("\n\n")[0]
    for young in ("TikTok", "Snapchat", "Twitch", "Konbini", "Brut", "HugoDécrypte"):
        assert young not in channels, channels
    assert "Presse" in channels


def test_a_startup_does_not_name_the_start_of_the_ski_season(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Our startup sells predictive-maintenance software to German manufacturers: leads, "
        "€80k, twelve months.",
    )
    assert "ski" not in advice.text
    assert "Hannover Messe" in advice.text  # the sector's trade show is the moment
    assert "maintenance managers" in advice.text  # "predictive-maintenance" names the subject


def test_a_move_the_rule_rules_out_is_named_first(deps: Deps) -> None:
    whisky = _ask(
        deps,
        "A Scottish whisky brand launches in France next summer with creators and a music "
        "festival sponsorship, £120k.",
    )
    assert whisky.brief.sector == "alcohol" and whisky.brief.origin == "uk"
    rules = whisky.text.split("**The rules that decide**")[1]
    assert rules.lstrip("\n").startswith("- **Ruled out by the rule:** Drop the sponsorship")
    review = _ask(deps, "UK ad for a 0.0% beer fronted by a Premier League footballer: go?")
    assert "The footballer is the decision" in review.text
    assert "its 0" not in review.text.splitlines()[0]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("B2B SaaS selling to French hospitals: a 6-month plan for leads?", "over 6 months"),
        ("Recruter 40 soudeurs en 18 mois pour nos chantiers navals en France", "sur 18 mois"),
    ],
)
def test_a_span_without_a_date_is_what_the_plan_runs_over(deps: Deps, text: str, said: str) -> None:
    advice = _ask(deps, text)
    assert advice.situation is not None, advice.text[:200]
    assert said in advice.text


def test_an_anniversary_names_what_is_celebrated_and_no_stray_holiday(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Trois idées pour fêter les 100 ans d'une coopérative laitière du Cantal.",
            mode="idea",
        ),
        deps,
    )
    assert advice.ideas
    assert "la coopérative laitière du Cantal" in advice.text
    assert "Saint-Valentin" not in advice.text and "le projet" not in advice.text.lower()


def test_a_subject_month_is_not_a_moment_for_the_rest_of_its_sector(deps: Deps) -> None:
    advice = _ask(deps, "Lancer en Italie une gélule de mélatonine pour le sommeil, 70 k€.")
    assert "Octobre rose" not in advice.text and "Breast Cancer" not in advice.text


def test_a_backlash_answer_runs_no_challenge_on_any_channel(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Boycott call against a Dutch-owned retailer in Germany after a tone-deaf TikTok ad; "
        "it is trending on TikTok. What now?",
    )
    assert advice.situation is not None and advice.situation.id == "backlash"
    assert "challenge" not in advice.text.lower()


def test_an_opening_month_is_counted_back_from_not_started_on(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Une chaîne colombienne de cafés ouvre ses deux premiers cafés à Barcelone en juin. "
        "Quel plan ?",
    )
    assert advice.brief.origin == "co" and advice.brief.sector == "food-beverage"
    assert "Compte à rebours depuis" in advice.text
    assert "À partir du 1er juin" not in advice.text
    assert "baristas" in advice.text  # the coffee people, not generic chefs


@pytest.mark.parametrize(
    "text",
    [
        "Client wants Spanish creators to call their vitamin gummies eco-friendly. Any risk?",
        "Our fintech helps with funding rounds: is a TikTok campaign for founders OK or not?",
    ],
)
def test_a_word_that_starts_like_a_signal_does_not_make_an_idea_request(
    deps: Deps, text: str
) -> None:
    advice = _ask(deps, text)  # "creators" is not "créa", "funding" is not "fun"
    assert advice.situation is not None and advice.situation.id != "ideas", advice.text[:200]


def test_a_budget_for_several_markets_is_split_by_market(deps: Deps) -> None:
    advice = _ask(deps, "Budget de 400 k€ pour lancer des lunettes en France, Italie et Belgique.")
    line = next(x for x in advice.text.splitlines() if x.startswith("- Par marché"))
    # the first named leads; Italy, five times Belgium's population, gets more than Belgium
    assert "France 40 % (160 k€)" in line and "Italie 35 % (140 k€)" in line
    assert "Belgique 15 % (60 k€)" in line and "10 % (40 k€)" in line


@pytest.mark.parametrize(
    ("text", "spoken", "unspoken"),
    [
        ("A Korean beauty brand opens a store in Barcelona in May: plan?", "Catalan", "Basque"),
        ("Une association genevoise veut recruter des bénévoles, 5 000 CHF.", "", "allemand"),
    ],
)
def test_a_city_speaks_its_own_languages(deps: Deps, text: str, spoken: str, unspoken: str) -> None:
    advice = _ask(deps, text)
    said = [x for x in advice.text.splitlines() if "Speak to" in x or "S'adresser" in x]
    assert all(unspoken not in x for x in said), said
    assert not spoken or any(spoken in x for x in said), said


def test_one_leader_is_planned_as_one_voice_over_a_rolling_year(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Our client is the new CEO of a Belgian insurer. She wants to be a recognised voice on "
        "climate risk in Belgium over the next year. How?",
    )
    assert advice.situation is not None and advice.situation.id == "exec-visibility"
    assert "Interview the person for an hour" in advice.text
    assert "Interview each candidate" not in advice.text
    assert "over one year" in advice.text and "1 Jan 2027" not in advice.text
    assert " — client" not in advice.text.splitlines()[0]


def test_a_lesson_sentence_stands_on_its_own(deps: Deps) -> None:
    advice = advise(
        Request(text="What's the difference between an embargo and an exclusive?", mode="learn"),
        deps,
    )
    assert "two neighbours" not in advice.text
    assert "An embargo is not an exclusive" in advice.text


def test_a_poisoning_at_a_nursery_is_not_a_product_recall(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Un enfant hospitalisé après une intoxication alimentaire dans une de nos micro-crèches "
        "à Lyon. Que fait-on dans les prochaines heures ?",
    )
    assert advice.situation is not None and advice.situation.id == "crisis"
    assert "Les familles d'abord" in advice.text and "ARS" in advice.text
    assert "lots concernés des rayons" not in advice.text


def test_a_contest_is_judged_by_the_contest_rule_and_crypto_does_not_make_a_watch_a_fund(
    deps: Deps,
) -> None:
    advice = _ask(
        deps,
        "Un horloger genevois veut faire porter sa nouvelle série par un influenceur crypto, avec "
        "un concours Instagram doté de 12 000 CHF. On y va ?",
    )
    assert "LJAr" in advice.text and "concours" in advice.text.lower()
    assert "prospectus" not in advice.text


def test_what_the_brand_is_doing_is_not_its_name(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Five big ideas for a Japanese instant-ramen brand launching halal ramen in the "
            "UAE for Ramadan",
            mode="idea",
        ),
        deps,
    )
    assert advice.ideas and all("launching" not in idea.name for idea in advice.ideas)


def test_a_card_breach_is_framed_by_the_breach_rules_and_runs_no_campaign_formats(
    deps: Deps,
) -> None:
    advice = _ask(
        deps,
        "A US fintech found that card numbers of 40,000 customers were exposed; the story runs "
        "tomorrow morning. What now?",
    )
    assert advice.situation is not None and advice.situation.id == "crisis"
    assert "8-K" in advice.text and "No sector rule" not in advice.text
    assert "collab posts" not in advice.text and "partnership ads" not in advice.text


def test_plant_based_yogurts_meet_the_dairy_names_rule(deps: Deps) -> None:
    advice = _ask(
        deps, "On lance fin février des yaourts végétaux à l'avoine en France, 60 k€. Un plan ?"
    )
    assert "TofuTown" in advice.text


def test_a_launch_plan_follows_what_the_product_is_and_names_the_outlets(deps: Deps) -> None:
    food = _ask(deps, "Lancement d'une marque de biscuits bio à Lyon en mars, 60 k€.")
    assert "Le faire goûter avant d'en parler" in food.text
    assert "Le Progrès" in food.text.split("**Qui toucher**")[0]  # the phase names the outlets
    gadget = _ask(deps, "Launch of new wireless earbuds in the UK in March, £200k. Plan?")
    assert "Review units to the reviewers" in gadget.text
    assert "Get it tasted" not in gadget.text


@pytest.mark.parametrize(
    ("text", "amount", "markets", "origin"),
    [
        # a price quoted beside the budget is not the budget
        (
            "Swiss watch line (~CHF 900), one Q4 plan for the UK and Italy, CHF 400k total.",
            400000.0,
            ["uk", "it"],
            "ch",
        ),
        # the home named again ("sold in France") is not a target of an entry
        (
            "French organic cosmetics brand, sold in pharmacies in France, is entering Spain, "
            "100 k€.",
            100000.0,
            ["es"],
            "fr",
        ),
        ("Une boulangerie de Tokyo ouvre à Paris en mai, 30 k€.", 30000.0, ["fr"], "jp"),
    ],
)
def test_the_budget_the_target_and_the_home_are_read_as_meant(
    text: str, amount: float, markets: list[str], origin: str | None
) -> None:
    brief = parse_brief(text, today=TODAY)
    assert brief.budget is not None and brief.budget.amount == amount
    assert (brief.markets, brief.origin) == (markets, origin)


def test_a_quoted_claim_is_not_part_of_the_name(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Trois idées pour une marque française de gel douche « sans sulfates » qui arrive "
            "en Italie avant Noël.",
            mode="idea",
        ),
        deps,
    )
    assert "gel douche" in advice.text.split("**Idées**")[1]


def test_a_moment_named_by_its_name_beats_one_named_by_its_subject(deps: Deps) -> None:
    advice = _ask(
        deps,
        "On lance en janvier une préparation pour crêpes de sarrasin d'une minoterie bretonne, "
        "partout en France. Budget 40 k€. On veut tout caler sur la Chandeleur.",
    )
    assert "Calé sur le moment qui compte pour ce brief : la Chandeleur" in advice.text


def test_a_place_in_brackets_is_the_brands_home_and_new_bettors_are_customers() -> None:
    entry = parse_brief("An olive oil producer from Jaén (Spain) wants to enter Japan, ¥15m.")
    assert (entry.markets, entry.origin) == (["jp"], "es")
    bettors = parse_brief("We need to recruit new bettors for a sportsbook in Spain, €300k.")
    assert "employer-brand" not in bettors.objectives


def test_ideas_ride_the_moment_the_brief_names(deps: Deps) -> None:
    advice = advise(
        Request(
            text="Three big ideas for a French skincare brand for Qixi 2027 in China.", mode="idea"
        ),
        deps,
    )
    assert "Qixi" in advice.text and "Chinese New Year" not in advice.text


def test_a_weight_loss_contest_is_judged_on_the_body_image_rules(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Une chaîne de salles de sport veut un jeu concours Instagram en France : photos "
        "avant/après perte de poids, les plus belles transformations gagnent un an "
        "d'abonnement. Attention à quoi ?",
    )
    assert "Abandonnez le classement des pertes de poids" in advice.text
    assert "Photographie retouchée" in advice.text


def test_a_total_ban_says_no_go_instead_of_a_plan_around_it(deps: Deps) -> None:
    advice = _ask(
        deps,
        "We need to recruit new bettors for an online sportsbook in Italy around the Serie A "
        "kickoff. €300k. Influencers, stunts, whatever works. Plan?",
    )
    assert "No-go as briefed" in advice.text
    assert "Go only on three conditions" not in advice.text


def test_a_consumer_health_app_breach_is_under_the_ftc_rule(deps: Deps) -> None:
    advice = _ask(
        deps,
        "A US fitness app leaked users' heart-rate and weight data; a reporter calls at 9 am "
        "tomorrow. What do we do tonight?",
    )
    assert "Health Breach Notification Rule" in advice.text


@pytest.mark.parametrize(
    ("text", "market", "origin"),
    [
        (
            "Swiss firm selling fleet-tracking software to mid-sized German logistics companies: "
            "nine months of lead generation, CHF 200k.",
            "de",
            "ch",
        ),
        ("Une start-up lyonnaise qui vend des capteurs aux industriels allemands", "de", "fr"),
        ("An Italian startup selling robots to large Spanish hospitals wants leads", "es", "it"),
    ],
)
def test_the_buyers_nationality_is_the_target_not_the_sellers(
    text: str, market: str, origin: str
) -> None:
    brief = parse_brief(text, today=TODAY)
    assert brief.markets[:1] == [market] and brief.origin == origin, (brief.markets, brief.origin)


def test_a_client_described_as_an_sme_is_not_a_business_audience(deps: Deps) -> None:
    advice = _ask(
        deps,
        "On lance en avril une gamme de biscuits au sarrasin pour une PME vendéenne, 45 k€, "
        "cible les familles. Quel dispositif ?",
    )
    assert "b2b-decision-makers" not in advice.brief.audiences
    assert "B2B" not in advice.text and "décideurs" not in advice.text
    assert (advice.brief.subject or "").startswith("biscuits")


def test_an_alcohol_free_drink_under_the_beer_brand_is_ruled_by_evin(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Our brewer client wants to push its 0.0 lager in France with cycling creators, under "
        "the same brand as its regular lager. Can we?",
    )
    head = advice.text.split("\n\n")[1]
    assert "indirect alcohol advertising" in head
    assert "**Ruled out by the rule:** Under the same brand as the alcoholic drink" in advice.text


@pytest.mark.parametrize(
    ("text", "last", "absent"),
    [
        (
            "Danish payroll software sold to Spanish retailers: six-month lead generation, €90k.",
            "Months 5–6",
            "Months 8–12",
        ),
        ("B2B SaaS selling to French hospitals: a 6-month plan for leads?", "Months 5–6", "12"),
        (
            "Recruter 40 soudeurs en 18 mois pour nos chantiers navals en France",
            "Mois",
            "Mois 19",
        ),
    ],
)
def test_the_phases_fit_the_span_the_brief_gives(
    deps: Deps, text: str, last: str, absent: str
) -> None:
    advice = _ask(deps, text)
    titles = [item.title for item in advice.plan.timing] if advice.plan else []
    assert titles and titles[-1].startswith(last), titles
    assert not any(absent in title.split(" · ")[0] for title in titles), titles
    shown = [line for line in advice.text.splitlines() if line.startswith("- **") and "·" in line]
    spans = [re.sub(r" \(.*\)$", "", line.split(" · ")[0][4:]) for line in shown]
    assert spans == [t.split(" · ")[0] for t in titles]


def test_a_city_of_a_market_names_that_market(deps: Deps) -> None:
    advice = _ask(deps, "We must hire 60 electricians for a shipyard in Dunkerque by 2027: how?")
    assert advice.text.splitlines()[0].endswith("— France**"), advice.text.splitlines()[0]
    assert "market not stated" not in advice.text
    assert "La Voix du Nord" in advice.text  # the city's own paper
    vague = _ask(deps, "We must hire 60 electricians for our shipyards by 2027: how?")
    assert "market not stated" in vague.text


def test_a_month_is_not_the_event_that_carries_its_name(deps: Deps) -> None:
    advice = _ask(deps, "Vegan butter brand arriving in the UK in January, £90k. Plan?")
    assert "Veganuary" in advice.text
    assert "Dry January" not in advice.text


def test_cycling_jerseys_do_not_ride_the_football_season(deps: Deps) -> None:
    advice = _ask(deps, "Italian brand of cycling jerseys entering Spain next spring, €80k.")
    assert "LaLiga" not in advice.text


def test_a_review_says_each_rule_in_full_once_and_does_not_pad_the_risks(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Before we sign off: a Spanish creator push for a blender where followers tag a friend "
        "to win one of 20 blenders. Anything to watch?",
    )
    assert advice.situation is not None and advice.situation.id == "risk-review"
    rule = "they must register in the state audiovisual register"
    full = "For everyone, paid content must be identifiable"
    assert advice.text.count(full) == 1, advice.text
    assert advice.text.count(rule) == 1  # in full in the ranked risks, not again below
    risks = advice.text.split("**Risks, ranked**")[1].split("\n\n")[0].strip().splitlines()
    assert len(risks) <= 8, risks


def test_a_market_s_own_disclosure_law_replaces_the_eu_paragraph(deps: Deps) -> None:
    advice = _ask(
        deps, "Lancement d'une gourde isotherme en Italie avec 20 micro-influenceurs, 40 k€"
    )
    assert "AGCOM" in advice.text
    assert "2005/29" not in advice.text


@pytest.mark.parametrize(
    ("text", "subject_line", "last_step"),
    [
        ("Junior here: how do I write a pitch email to a reporter?", "**Subject:**", "7. "),
        (
            "Je suis junior : comment on écrit un mail de pitch à un journaliste ?",
            "**Objet :**",
            "7. ",
        ),
    ],
)
def test_a_junior_asking_how_to_write_a_pitch_sees_one_whole(
    deps: Deps, text: str, subject_line: str, last_step: str
) -> None:
    advice = _ask(deps, text)
    assert subject_line in advice.text  # the email itself, not only advice about it
    assert f"\n{last_step}" in advice.text  # every step, not the first two
    assert "](" not in advice.text and "(mechanic-" not in advice.text


def test_wealthy_families_are_a_bank_s_clients_not_parents() -> None:
    brief = parse_brief(
        "Un gestionnaire de fortune lausannois veut rendre ses associés visibles auprès des "
        "familles fortunées de Suisse romande.",
        today=TODAY,
    )
    assert "parents" not in brief.audiences
    assert (
        "parents" in parse_brief("Une appli pour les familles avec enfants", today=TODAY).audiences
    )


def test_a_plural_trigger_is_a_whole_word(deps: Deps) -> None:
    advice = _ask(
        deps,
        "French organic toddler-snack brand entering Germany next autumn through drugstores, "
        "€120k. Plan?",
    )
    assert "Heilmittelwerbegesetz" not in advice.text


def test_before_a_season_that_has_begun_means_next_year_s() -> None:
    brief = parse_brief("We want to be known before autumn in Geneva", today=dt.date(2026, 12, 6))
    assert brief.timing is not None and brief.timing.end == dt.date(2027, 9, 22)


def test_a_sports_event_anchors_only_the_sport_it_is_about(deps: Deps) -> None:
    trail = _ask(deps, "Lancement de chaussures de trail en France au printemps 2027, 80 k€")
    assert "Roland-Garros" not in trail.text
    racket = _ask(deps, "Lancement d'une raquette de tennis en France au printemps 2027, 80 k€")
    assert "Roland-Garros" in racket.text


def test_a_biennial_show_is_not_dated_in_its_off_year(deps: Deps) -> None:
    advice = _ask(deps, "Launching an electric scooter brand in France in autumn 2027, €150k")
    assert "Mondial de l'Auto" not in advice.text and "Paris Motor Show" not in advice.text


@pytest.mark.parametrize(
    ("text", "concept", "said"),
    [
        (
            "Could you explain to me the two-step flow theory and why it matters for creators now?",
            "two-step flow",
            "opinion leaders",
        ),
        ("Tu peux m'expliquer la théorie du two-step flow ?", "two-step flow", "leaders d'opinion"),
    ],
)
def test_a_concept_asked_politely_is_the_concept_taught(
    deps: Deps, text: str, concept: str, said: str
) -> None:
    advice = _ask(deps, text)
    assert advice.text.splitlines()[0].endswith(f"— {concept}**"), advice.text.splitlines()[0]
    assert said in advice.text
    assert not re.search(r"\*\*(?:The lesson|La leçon)\*\*\n\n\*\*", advice.text)


def test_a_belgian_giveaway_drawn_at_random_is_a_lottery(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Belgian bakery chain: an Instagram giveaway where followers comment and we draw 10 "
        "winners at random for a year of bread. Is it OK?",
    )
    assert "Law of 31 December 1851 on lotteries" in advice.text
    assert "**Ruled out by the rule:** Drop the random draw" in advice.text


def test_a_brand_accused_of_a_false_claim_establishes_the_facts_first(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Une chaîne de boulangeries lyonnaise est accusée sur TikTok de vendre des croissants "
        "surgelés alors qu'elle affiche du fait-maison. 300k vues. On fait quoi ?",
    )
    assert advice.situation is not None and advice.situation.id == "backlash"
    assert advice.text.splitlines()[2].startswith("Les faits avant les mots")
    # someone else's video cannot be paused: the brand pauses its own claim
    assert "Suspendre le contenu contesté" not in advice.text
    assert "Suspendre toute publicité, publication ou mention d'emballage" in advice.text
    # the French rule that protects the trade's words decides
    assert "que s'il pétrit, fait fermenter, façonne et cuit son pain" in advice.text
    assert "« boulangerie »" in advice.text


def test_a_backlash_about_an_offensive_ad_is_not_read_as_an_accusation(deps: Deps) -> None:
    advice = _ask(deps, "Our new ad is accused of being racist on X, a boycott is trending.")
    assert advice.text.splitlines()[2].startswith("Pull it today")
    assert "Facts before words" not in advice.text
    # an opinion of the ad is not a fact to establish either
    advice = _ask(deps, "Our Christmas ad is accused of being tone-deaf, UK tabloids are on it.")
    assert "Facts before words" not in advice.text
    assert advice.text.splitlines()[2].startswith("Contain first")


def test_crisis_channels_say_what_to_do_there(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Listeria in our cheese sold in supermarkets around Lyon, two people in hospital. "
        "What do we do now?",
    )
    section = advice.text.split("**Channels**")[1].split("\n\n")[0]
    assert "typical of" not in section and "usual stage" not in section
    assert "one page for the incident" in section
    # the regional press line names the city's own outlets
    assert "Le Progrès" in section


def test_the_word_brand_is_not_a_reason_for_a_brand_partnership() -> None:
    from bot.engine.scoring import topic_match
    from bot.knowledge.schema import Mechanic

    brief = parse_brief("A US brand of trail shoes entering the UK, brand awareness.", today=TODAY)
    brief = brief.model_copy(update={"topic": "brand awareness for a brand of trail shoes"})
    mechanic = Mechanic.model_construct(
        title="Brand partnership and collaboration", tags=["collab"]
    )
    assert topic_match(mechanic, brief) is None
    mechanic = Mechanic.model_construct(title="Trail running collab", tags=[])
    assert topic_match(mechanic, brief) == "trail"


def test_a_partnership_names_its_partners_and_a_swarm_what_creators_show(deps: Deps) -> None:
    advice = _ask(deps, "A US sunscreen brand entering the UK next spring, £200k. Plan?")
    section = advice.text.split("**The mechanic, and why**")[1].split("\n\n")[0]
    assert "here, with dermatologists, lifeguards" in section
    advice = _ask(deps, "Italian espresso brand launching in Germany in September, €150k. Plan?")
    section = advice.text.split("**The mechanic, and why**")[1].split("\n\n")[0]
    assert "small creators each showing, in their own days, the first cup" in section
    assert "matches “launching”" not in section


def test_a_political_campaign_is_advocacy_not_a_brand_partnership(deps: Deps) -> None:
    brief = parse_brief("Un parti politique prépare les municipales de 2026 à Lyon.", today=TODAY)
    assert "advocacy" in brief.objectives
    advice = _ask(deps, "A political party wants a digital plan for the 2027 elections in France.")
    section = advice.text.split("**The mechanic, and why**")[1].split("\n\n")[0]
    assert "Partnership and collaboration" not in section


def test_an_employer_brand_says_what_happens_at_events(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Groupe de BTP qui doit recruter 200 conducteurs de travaux en France en 2027. Plan ?",
    )
    section = advice.text.split("**Canaux**")[1].split("\n\n")[0]
    assert "typique de" not in section and "scène habituelle" not in section


def test_a_moment_the_brief_names_by_its_words_beats_one_its_audience_shares(deps: Deps) -> None:
    advice = _ask(
        deps, "UK accountancy firm needs to hire 50 graduate trainees for September 2027. Plan?"
    )
    assert "graduate milkround" in advice.text.splitlines()[3]
    assert "Freshers' week" not in advice.text


def test_the_people_to_hire_are_the_segment_not_the_firms_employees(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Cabinet d'avocats parisien qui veut recruter 20 collaborateurs juniors d'ici "
        "septembre. Comment se rendre attractif ?",
    )
    assert "Segment cœur : collaborateurs juniors, France" in advice.text
    assert "(les salariés)" not in advice.text
    assert "représentants du personnel" not in advice.text


def test_a_small_association_recruiting_volunteers_is_a_local_cause(deps: Deps) -> None:
    text = (
        "Petite association lausannoise qui protège les hérissons, 4 000 CHF. Elle veut faire "
        "parler d'elle et recruter des bénévoles au printemps."
    )
    brief = parse_brief(text, today=TODAY)
    assert "employer-brand" not in brief.objectives
    advice = _ask(deps, text)
    assert advice.situation is not None and advice.situation.id == "cause"
    assert advice.text.splitlines()[0].endswith("— Suisse**")  # not "— elle · Suisse"
    section = advice.text.split("**Canaux**")[1].split("\n\n")[0]
    assert "24 heures" in section  # the Lausanne paper, from "lausannoise"
    assert "intégrations sponsorisées" not in section
    assert "candidats" not in advice.text


def test_a_moment_under_way_dates_its_next_edition(deps: Deps) -> None:
    advice = _ask(deps, "Food-waste charity in Leeds, £3k, wants volunteers this autumn.")
    line = next(x for x in advice.text.splitlines() if "already under way" in x)
    assert "next edition (from " in line and "2027), with the go-ahead by " in line


@pytest.mark.parametrize(
    "text",
    [
        "We've got €35k and ten weeks to introduce an oat-based ice lolly brand in Spain. "
        "How would you divide it up?",
        "On lance une glace végétale en Belgique avec 25 k€. Comment les répartir ?",
    ],
)
def test_a_brief_that_closes_on_how_to_split_the_money_is_a_budget_question(
    deps: Deps, text: str
) -> None:
    advice = _ask(deps, text)
    assert advice.situation is not None and advice.situation.id == "budget"
    # and an ice cream is timed on its season, not on Veganuary for being plant-based
    assert "Veganuary" not in advice.text


def test_ice_cream_has_a_season_and_next_year_names_no_new_years_day(deps: Deps) -> None:
    advice = _ask(deps, "Brand of organic ice lollies launching in the UK next year. Plan?")
    assert "the ice-cream season (1 Apr 2027 – 30 Sep 2027)" in advice.text.splitlines()[3]
    assert "New Year's Day" not in advice.text
    assert "organic ice lollies" in advice.text.splitlines()[2]


def test_a_kombucha_is_timed_on_the_month_without_alcohol(deps: Deps) -> None:
    advice = _ask(deps, "£25k to launch a kombucha brand in the UK over two months. Split?")
    assert "Dry January" in advice.text.splitlines()[3]


def test_a_german_giveaway_for_a_protein_shake_gets_its_claims_and_contest_rules(
    deps: Deps,
) -> None:
    advice = _ask(
        deps,
        "German gym creators want to run a comment-to-win Gewinnspiel for our protein shake. "
        "Anything we should check?",
    )
    text = advice.text
    assert "Regulation (EC) 1924/2006" in text
    assert "Digitale-Dienste-Gesetz (DDG) § 6(1) no. 4" in text
    risks = text.split("**Risks, ranked**")[1].split("\n\n")[0].splitlines()
    levels = [r.split("**")[1] for r in risks if "**" in r]
    order = ["Decisive", "High", "Medium", "Low"]
    assert levels == sorted(levels, key=order.index)  # what can cost most comes first


def test_a_hiring_deadline_is_a_deadline_and_a_trade_show_is_not_where_operators_decide(
    deps: Deps,
) -> None:
    advice = _ask(
        deps,
        "Usine de pièces automobiles près de Lyon : il faut recruter 300 soudeurs et "
        "régleurs d'ici fin 2027. Comment les attirer ?",
    )
    lead = "\n".join(advice.text.splitlines()[2:7])
    assert "L'échéance : d'ici fin 2027" in lead and "recrutez par vagues" in lead
    assert "C'est là que les candidats se décident" not in lead
    assert "Segment cœur : soudeurs et régleurs, France" in advice.text
    assert "Global Industrie" not in advice.text


def test_a_dry_january_challenge_is_not_decentralised_finance(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Une brasserie lance une bière 0,0 % pour le Défi de janvier en France avec des "
        "créateurs. Que permet la loi Évin ?",
    )
    assert "MiCA" not in advice.text and "AMF" not in advice.text
    assert "Évin" in advice.text


def test_a_quoted_term_is_the_concept_taught(deps: Deps) -> None:
    advice = _ask(deps, "C'est quoi au juste le « two-step flow », et en quoi ça compte ?")
    assert advice.text.startswith("**Question de métier — two-step flow**")
    assert "two-step flow" in advice.text.splitlines()[2]


def test_ideas_for_a_spring_opening_are_not_about_the_autumn_intake(deps: Deps) -> None:
    advice = _ask(
        deps,
        "3 ideas for a Korean bubble-tea chain opening in Lyon next spring, for students.",
    )
    assert "start of the university year" not in advice.text


def test_a_cybersecurity_seller_is_timed_on_the_security_show(deps: Deps) -> None:
    advice = _ask(deps, "We sell ransomware detection to UK councils; B2B pipeline, £40k. Focus?")
    assert "Infosecurity Europe" in advice.text
    assert "Money20/20" not in advice.text


def test_vegan_cheese_ideas_are_not_about_farms_and_animals(deps: Deps) -> None:
    advice = _ask(deps, "3 ideas for a vegan cheese brand in Manchester for Veganuary.")
    assert "animals" not in advice.text and "cheese board" not in advice.text
    assert "blind tasting" in advice.text or "first bite" in advice.text


def test_a_hurtful_ad_is_not_answered_with_a_campaign_that_stood_firm(deps: Deps) -> None:
    advice = _ask(
        deps, "Our TikTok ad mocks disabled people, say thousands of comments; boycott calls."
    )
    assert advice.text.splitlines()[2].startswith("Pull it today")
    assert "Dream Crazy" not in advice.text


def test_an_employer_brand_is_not_timed_on_its_industrys_season(deps: Deps) -> None:
    advice = _ask(
        deps, "Pharma group in Lyon hiring 80 lab technicians for next summer. How to attract them?"
    )
    assert "pollen" not in advice.text.lower()


def test_a_consumer_brief_is_not_timed_on_a_trade_only_show(deps: Deps) -> None:
    advice = _ask(
        deps, "Grocery delivery app in Dubai, AED 300k over the next three months. Split?"
    )
    assert "Gulfood" not in advice.text


def test_a_spring_launch_is_not_anchored_on_a_july_race(deps: Deps) -> None:
    advice = _ask(deps, "E-bike brand launching in France next spring, 90 k€. Plan?")
    assert "Anchored on the moment that matters for this brief: the Tour de France" not in (
        advice.text
    )


def test_job_candidates_do_not_bring_the_electoral_rules(deps: Deps) -> None:
    advice = _ask(
        deps,
        "On doit recruter 60 conducteurs de bus à Lille d'ici juin. "
        "Comment attirer les candidats ?",
    )
    assert "Code électoral" not in advice.text and "2024/900" not in advice.text


def test_the_ideas_lead_names_the_moment_its_cards_are_built_on(deps: Deps) -> None:
    advice = _ask(
        deps, "3 ideas for a Swiss chocolate brand for young couples in Shanghai this winter."
    )
    lines = advice.text.splitlines()
    # the lead claims a moment only when the strongest card is built on it
    for rides in (x for x in lines if "rides on" in x):
        moment = rides.split("rides on ")[1].split(" (")[0].split(":")[0]
        first = advice.text.split("**Ideas**")[1].split("**2.")[0]
        assert moment.lower().removeprefix("the ") in first.lower()


VANS = (
    "A Danish maker of electric delivery vans is entering France in the spring; the buyers are "
    "fleet managers of parcel companies. 150 k€. What should the plan be?"
)


def test_a_van_maker_selling_to_fleets_gets_a_trade_plan(deps: Deps) -> None:
    advice = _ask(deps, VANS)
    text = advice.text
    assert advice.situation is not None and advice.situation.id == "market-entry"
    assert "Flottes Automobiles" in text  # the fleet trade titles, not the national dailies
    assert "fleet managers' associations" in text  # the experts fleets listen to
    channels = text.split("**Channels**")[1].split("**")[0]
    assert "LinkedIn" in channels and "Instagram" not in channels
    assert "nano (1K–10K)" not in text  # peers at work, not lifestyle creators
    assert "Danish maker's" not in text  # "Danish maker" is not the brand's name


def test_a_place_in_the_question_does_not_make_a_campaign_of_another_sector_comparable(
    deps: Deps,
) -> None:
    comparables = _ask(deps, VANS).text.split("**Comparable campaigns**")[1].split("**")[0]
    for food_brand in ("Burger King", "Beyond Meat", "Oatly", "Tony's"):
        assert food_brand not in comparables


def test_a_worldwide_campaign_is_said_to_have_run_worldwide(deps: Deps) -> None:
    text = _ask(deps, VANS).text
    assert "ran in global" not in text
    assert "Volvo Trucks" in text and "it ran worldwide" in text


def test_a_plural_subject_takes_a_plural_possessive(deps: Deps) -> None:
    text = _ask(
        deps, "We make electric cargo vans in Sweden and are entering Germany next year. Plan?"
    ).text
    assert "vans's" not in text


def test_cargo_bikes_for_tradespeople_are_not_sold_on_the_school_run(deps: Deps) -> None:
    text = _ask(
        deps,
        "Fabricant belge de vélos cargo, on arrive en France en avril auprès des artisans "
        "et des livreurs. 50 k€ : quel plan ?",
    ).text
    assert "artisans et livreurs qui livrent déjà en vélo cargo" in text
    assert "enfants" not in text


def test_an_e_bike_for_commuters_is_not_sold_on_the_school_run(deps: Deps) -> None:
    text = _ask(deps, "3 ideas for an e-bike brand for commuters in Lyon this spring.").text
    assert "school run" not in text and "children in the box" not in text


def test_hfss_aimed_at_under_16s_brings_the_uk_childrens_rule(deps: Deps) -> None:
    young = _ask(
        deps,
        "We're briefing YouTube creators to push our fizzy drink to 13-15 year olds in the UK. "
        "Anything we should watch out for?",
    )
    assert young.situation is not None and young.situation.id == "risk-review"
    assert "15.18" in young.text.split("**Risks, ranked**")[1].split("\n")[1]
    adults = _ask(deps, "Fizzy drink brand launching a new flavour in the UK for adults 25-40.")
    assert "15.18" not in adults.text


def test_a_sportsbook_winning_punters_is_under_the_gambling_rules(deps: Deps) -> None:
    text = _ask(deps, "A sportsbook wants to win new punters in Italy this spring. Ideas?").text
    assert "Decreto" in text or "decreto" in text


def test_recruiting_savers_is_acquiring_customers_not_hiring(deps: Deps) -> None:
    advice = _ask(
        deps, "Une néobanque veut recruter de nouveaux épargnants en Belgique cet automne."
    )
    assert "employer-brand" not in advice.brief.objectives
    assert "Welcome to the Jungle" not in advice.text and "recrutement" not in advice.text


def test_a_leader_speaking_to_hr_directors_is_relayed_by_hr_circles(deps: Deps) -> None:
    advice = _ask(
        deps,
        "La fondatrice d'un éditeur de logiciel de paie veut être reconnue par les DRH "
        "en France. Que proposes-tu ?",
    )
    assert advice.situation is not None and advice.situation.id == "exec-visibility"
    # one founder: her circles, not "each voice's"
    circles = advice.text.split("cercles auxquels elle appartient")[1].split(":")[0]
    assert "ANDRH" in circles and "Gartner" not in circles


def test_a_water_founder_is_relayed_by_water_circles_not_it_analysts(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Our CEO runs a desalination start-up in Dubai and wants utilities to see her as "
        "the expert. What should she do?",
    )
    assert advice.situation is not None and advice.situation.id == "exec-visibility"
    assert "water-utility engineers" in advice.text and "CIO communities" not in advice.text


def test_diwali_is_a_moment_in_the_uk(deps: Deps) -> None:
    text = _ask(deps, "3 ideas for a tea brand for Diwali in the UK").text
    assert "Diwali" in text.split("**Ideas**")[0]


def test_an_employee_who_mocks_a_customer_is_not_the_brands_own_ad(deps: Deps) -> None:
    advice = _ask(
        deps,
        "A cashier in one of our Leeds stores filmed himself mocking an elderly customer; the "
        "clip is everywhere and people call for a boycott. What now?",
    )
    lead = "\n".join(advice.text.splitlines()[:5])
    assert "take the employee off customer-facing work" in lead
    assert "person who was mocked" in lead
    assert "Pull it today" not in advice.text


def test_a_junior_asking_for_an_angle_gets_the_lesson_on_angles(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Je suis stagiaire et je présente demain à Sud Ouest l'ouverture d'une cave à vins "
        "à Bordeaux. Comment je trouve l'angle ?",
    )
    assert advice.situation is not None and advice.situation.id == "craft"
    assert "angle presse" in advice.text.lower()


def test_ideas_to_change_a_habit_are_about_what_people_should_take_up(deps: Deps) -> None:
    text = _ask(deps, "3 idées pour inciter les lycéens à lire plus de romans cet hiver").text
    assert "Inciter" not in text and "inciter prend" not in text.lower()
    assert "romans" in text.splitlines()[0]


def test_a_place_and_a_preposition_are_not_the_brand(deps: Deps) -> None:
    text = _ask(
        deps, "We're planning a creator campaign in the UK for a crisps brand. What can go wrong?"
    ).text
    assert "UK for a crisps brand" not in text


def test_a_leader_wanting_recognition_during_a_fire_is_still_a_crisis(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Our founder wants to be known as a caring boss, but a fire hit our Lyon warehouse "
        "an hour ago and two people are hurt.",
    )
    assert advice.situation is not None and advice.situation.id == "crisis"


def test_a_belgian_storm_on_both_language_sides_is_answered_in_both(deps: Deps) -> None:
    text = _ask(
        deps,
        "Polémique en Belgique autour de notre pub pour un soda, jugée raciste par des "
        "internautes flamands et francophones. Comment réagir ?",
    ).text
    assert "néerlandais et français" in text or "français et néerlandais" in text


def test_a_volunteer_drive_is_not_a_food_collection(deps: Deps) -> None:
    text = _ask(
        deps,
        "Our Leeds charity needs 40 volunteers to tutor children after school from January. "
        "£3k. How do we find them?",
    ).text
    assert "kilos" not in text and "collection point" not in text
    assert "one first commitment" in text


def test_baby_food_is_not_timed_on_a_carnival_parade(deps: Deps) -> None:
    text = _ask(deps, "A Danish infant formula brand enters Germany next year. €120k. Plan?").text
    assert "Carnival" not in text and "Rosenmontag" not in text


def test_engineers_to_hire_are_not_reached_through_car_magazines(deps: Deps) -> None:
    text = _ask(
        deps,
        "A car-parts maker in Stuttgart needs 25 embedded software developers by next autumn. "
        "How do we attract them?",
    ).text
    assert "Auto Bild" not in text and "auto motor und sport" not in text


def test_a_budget_in_reais_is_not_measured_per_thousand_euros(deps: Deps) -> None:
    text = _ask(
        deps, "We have R$200k to launch a hair-care line in São Paulo. How should we split it?"
    ).text
    assert "thousand euros" not in text


def test_an_acai_bar_is_food_not_a_fathers_day_retailer(deps: Deps) -> None:
    advice = _ask(deps, "A Brazilian açaí bowl chain opens two counters in Lyon in June. Plan?")
    assert advice.brief.sector == "food-beverage"
    assert "Father's Day" not in advice.text


def test_cava_is_alcohol_and_brings_the_uk_alcohol_code(deps: Deps) -> None:
    advice = _ask(deps, "A Catalan cava producer wants Instagram creators in the UK next summer.")
    assert advice.brief.sector == "alcohol"
    assert "25" in advice.text and "CAP" in advice.text


def test_property_developers_are_not_software_developers(deps: Deps) -> None:
    text = _ask(
        deps,
        "How can the two founders of a Valencia architecture practice become better known among "
        "property developers in Spain?",
    ).text
    assert "GitHub" not in text and "open-source" not in text


def test_a_swiss_valley_is_switzerland_and_fonds_is_not_investors(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Une manufacture du Brassus peine à recruter des horlogers, et un atelier de "
        "La Chaux-de-Fonds aussi. 70 000 CHF : marque employeur ?",
    )
    assert advice.brief.markets == ["ch"]
    assert "investisseurs" not in advice.text and "analystes financiers" not in advice.text
    assert "écoles d'horlogerie" in advice.text


def test_a_city_adjective_before_the_brand_is_its_home(deps: Deps) -> None:
    brief = parse_brief("A Kyoto sake brand wants to enter Germany next year.", today=TODAY)
    assert (brief.markets, brief.origin) == (["de"], "jp")


def test_ideas_to_get_a_maker_talked_about_are_about_the_maker(deps: Deps) -> None:
    text = _ask(
        deps, "Deux idées fortes pour faire parler en Corée d'une fromagerie du Jura, sans date."
    ).text
    assert "faire parler" not in text.splitlines()[0].lower()
    assert "fromagerie du jura" in text.lower()


def test_a_us_data_breach_is_not_notified_to_a_data_protection_authority(deps: Deps) -> None:
    text = _ask(
        deps,
        "Our client, a US fitness app listed on the NYSE, found that 80k users' emails leaked. "
        "What do we do in the next hours?",
    ).text
    assert "8-K" in text
    assert "Notify the data-protection authority" not in text


def test_a_brazilian_food_waste_cause_knows_the_donation_law(deps: Deps) -> None:
    text = _ask(
        deps,
        "Tiny NGO in Belo Horizonte wants bakeries to give their unsold bread instead of "
        "binning it (food waste). R$8,000. Plan?",
    ).text
    assert "14.016" in text or "surplus food" in text


def test_a_rugby_world_cup_brief_counts_back_from_the_rugby_world_cup(deps: Deps) -> None:
    text = _ask(
        deps,
        "Une marque de bière sans alcool veut une opération pendant la Coupe du monde de rugby "
        "2027. Quel plan ?",
    ).text
    assert "oct. 2027" in text and "Ligue 1" not in text


def test_a_race_on_a_given_day_is_built_up_to(deps: Deps) -> None:
    text = _ask(
        deps,
        "Spanish sports-drink brand entering Brazil, R$250k, we want to be seen at the São "
        "Silvestre race on Dec 31. Plan?",
    ).text
    assert "as the brief says" not in text
    assert "São Silvestre" in text.split("**The plan")[1].split("\n")[1]


def test_a_us_beauty_launch_is_not_timed_on_lunar_new_year_by_sector_alone(deps: Deps) -> None:
    text = _ask(
        deps, "We have $120k for the US launch of a Swedish skincare brand. How do we split it?"
    ).text
    assert "Lunar New Year" not in text


def test_ideas_for_a_non_sponsor_name_the_event_and_the_ambush_rule(deps: Deps) -> None:
    text = _ask(
        deps,
        "3 idées pour un opticien lyonnais qui veut faire parler de ses solaires pendant "
        "Roland-Garros, sans être partenaire officiel.",
    ).text
    lead = "\n".join(text.split("**Idées**")[0].splitlines()[:6])
    assert "terre battue" in lead and "L.333-1" in text  # evoked, not named, by a non-sponsor
    assert "une paire" in text  # the eyewear material, not a generic card


def test_cookware_ideas_start_from_the_pot_not_a_generic_card(deps: Deps) -> None:
    text = _ask(deps, "3 ideas for a Belgian enamel cookware brand in Spain this Christmas").text
    cards = text.split("**Ideas**")[1]
    assert "pot" in cards and "chefs" in cards


def test_a_valentines_couples_giveaway_in_the_gulf_meets_the_decency_rule(deps: Deps) -> None:
    text = _ask(
        deps,
        "Our jewellery client wants a Valentine's couples giveaway with creators in Dubai and "
        "Riyadh. Anything to watch out for?",
    ).text
    assert "public decency" in text.split("**Risks, ranked**")[1].split("\n\n")[0]


def test_an_audience_of_25_to_45_is_not_reached_through_gen_z_media(deps: Deps) -> None:
    text = _ask(
        deps,
        "Une marque de chaussures de running lance un modèle en avril, 50 k€, cible les "
        "coureuses de 25 à 45 ans. Quel dispositif ?",
    ).text
    assert "Konbini" not in text and "HugoDécrypte" not in text
    assert "(sport)" in text  # running shoes are sport, not fashion


def test_the_brazilian_summer_is_december_to_march(deps: Deps) -> None:
    brief = parse_brief("Campagne pour une crème solaire au Brésil cet été, R$150k.", today=TODAY)
    assert brief.timing is not None
    assert (brief.timing.start, brief.timing.end) == (dt.date(2026, 12, 21), dt.date(2027, 3, 19))


def test_an_estate_entering_japan_is_a_market_entry_not_a_hiring_plan(deps: Deps) -> None:
    advice = _ask(deps, "Sevillan olive oil estate entering Japan next autumn, ¥10m. Plan?")
    assert advice.situation is not None and advice.situation.id == "market-entry"
    assert advice.brief.origin == "es"


def test_there_is_not_a_brand(deps: Deps) -> None:
    text = _ask(
        deps,
        "A Swiss watch brand (independent) opens its first boutique in Doha in April. "
        "QAR 400k. How do we launch there?",
    ).text
    assert "there's reputation" not in text and "— there" not in text


def test_a_betting_operators_players_are_customers_under_the_gambling_rules(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Notre client, un opérateur de paris agréé en Espagne, veut conquérir de nouveaux "
        "joueurs avant la fin de la saison. Quel plan ?",
    )
    assert advice.brief.origin is None and advice.brief.sector == "gambling"
    assert "gamers" not in advice.brief.audiences
    assert "DGOJ" in advice.text


def test_ideas_to_visit_a_museum_are_about_the_museum(deps: Deps) -> None:
    text = _ask(
        deps, "3 idées pour donner envie aux étudiants de visiter le musée des Confluences à Lyon."
    ).text
    assert "musée des Confluences" in text.splitlines()[0]


def test_a_cosmetics_brand_entering_china_meets_the_nmpa_filing(deps: Deps) -> None:
    text = _ask(deps, "A Swedish skincare brand enters China next year, ¥3m. What plan?").text
    assert "NMPA" in text and "cross-border e-commerce" in text


def test_genevas_escalade_is_not_a_zurich_brands_moment(deps: Deps) -> None:
    text = _ask(
        deps,
        "We have CHF 60k for PR in Zurich for a new plant-based yoghurt this winter. Split?",
    ).text
    assert "Escalade" not in text


def test_a_suicide_prevention_cause_follows_safe_messaging(deps: Deps) -> None:
    text = _ask(
        deps,
        "Small charity in Leeds preventing suicide among students, £3k for the start of term. "
        "How do we get noticed?",
    ).text
    assert "116 123" in text and "no challenge" in text
    assert "UGC challenge" not in text


def test_markets_listed_together_are_all_targets_the_home_among_them(deps: Deps) -> None:
    brief = parse_brief(
        "Une marque française de déodorants solides veut une campagne commune France, Italie "
        "et Espagne au printemps, 180 k€.",
        today=TODAY,
    )
    assert brief.markets == ["fr", "it", "es"]
    swiss = parse_brief("Une horlogerie suisse (Bienne) veut se lancer au Japon.", today=TODAY)
    assert (swiss.markets, swiss.origin) == (["jp"], "ch")


def test_a_theme_stops_before_its_time_span(deps: Deps) -> None:
    text = _ask(
        deps,
        "The CEO of a Rotterdam logistics group wants to become the voice on North Sea ports "
        "over the next 6 months. What do we do?",
    ).text
    assert "the the" not in text and "ports over" not in text


def test_a_euro_2028_campaign_counts_back_from_the_euro(deps: Deps) -> None:
    text = _ask(deps, "Beer brand wants a campaign around Euro 2028 in the UK, £200k. Plan?").text
    assert "Euro 2028 (9 Jun 2028" in text


def test_a_skincare_brand_in_pharmacies_is_not_under_the_medicines_rules(deps: Deps) -> None:
    text = _ask(
        deps,
        "A Korean skincare brand is entering France next spring and wants to be sold in "
        "pharmacies. €150k. How do we launch?",
    ).text
    assert "ANSM" not in text and "medical device" not in text


def test_a_non_sponsors_idea_cards_evoke_the_event_without_naming_it(deps: Deps) -> None:
    text = _ask(
        deps,
        "3 idées pour une marque de casquettes qui veut exister pendant Roland-Garros, sans être "
        "partenaire officiel.",
    ).text
    cards = text.split("**Idées**")[1].split("**Campagnes")[0].split("**Comment")[0]
    assert "Roland-Garros" not in cards and "terre battue" in cards


def test_a_burgundy_estate_is_wine_under_the_loi_evin(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Un domaine en Bourgogne veut des créateurs Instagram pour fêter ses 40 ans. 35 k€. "
        "Qu'a-t-on le droit de faire ?",
    )
    assert advice.brief.sector == "alcohol"
    assert "Évin" in advice.text


def test_naples_florida_is_in_the_us(deps: Deps) -> None:
    brief = parse_brief(
        "Padel racket brand wants buzz at a tournament in Naples, Florida next spring.",
        today=TODAY,
    )
    assert brief.markets == ["us"]


def test_a_us_food_recall_is_reported_to_the_fda_not_the_cpsc(deps: Deps) -> None:
    text = _ask(
        deps,
        "A US snack brand found salmonella in one lot of crackers; the recall starts tomorrow. "
        "What do we do first?",
    ).text
    assert "Reportable Food Registry" in text and "CPSC" not in text.split("**")[2]


def test_an_opening_or_a_world_day_on_a_given_date_is_built_up_to(deps: Deps) -> None:
    opening = _ask(deps, "We open our first bakery in Bristol on 20 March, £25k. Plan?").text
    assert "Counted back from 20 March" in opening and "as the brief says" not in opening
    day = _ask(
        deps,
        "Petite association genevoise de proches aidants, 2 000 CHF, pour la Journée des proches "
        "aidants le 30 octobre. Quel plan ?",
    ).text
    assert "Compte à rebours depuis le 30 octobre" in day


def test_glass_in_baby_food_sold_in_two_markets_is_a_crisis(deps: Deps) -> None:
    advice = _ask(
        deps,
        "Des éclats de verre possibles dans un lot de nos compotes vendues en France et en "
        "Suisse ; un journaliste appelle ce soir. On fait quoi ?",
    )
    assert advice.situation is not None and advice.situation.id == "crisis"
    assert "0–2 h" in advice.text


def test_leads_from_a_markets_buyers_target_that_market(deps: Deps) -> None:
    brief = parse_brief(
        "German maker of sanding robots wants qualified leads from US aerospace suppliers.",
        today=TODAY,
    )
    assert (brief.markets, brief.origin) == (["us"], "de")


def test_a_storm_abroad_is_answered_where_the_storm_is(deps: Deps) -> None:
    brief = parse_brief(
        "Our Lyon jewellery label's new ad is called racist on Weibo and three Beijing "
        "stockists may drop us. What now?",
        today=TODAY,
    )
    assert (brief.markets, brief.origin) == (["cn"], "fr")


def test_asking_for_an_example_does_not_change_the_concept_taught(deps: Deps) -> None:
    text = _ask(
        deps,
        "Je suis stagiaire : c'est quoi le « two-step flow » et comment je l'utilise dans une "
        "reco ? Un exemple ?",
    ).text
    assert "deux étages" in text.splitlines()[2]


def test_iced_tea_is_not_brewed_hot(deps: Deps) -> None:
    text = _ask(deps, "3 ideas for a sugar-free iced tea brand in Spain this summer").text
    cards = text.split("**Ideas**")[1]
    assert "brewing" not in cards and "teabag" not in cards and "bag left" not in cards
    assert "cold" in cards
