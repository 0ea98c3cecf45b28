"""The fit metrics: folding, the lead window, negation-aware move detection, collapse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from evals import fit

FIT_YAML = Path(__file__).resolve().parent.parent / "evals" / "datasets" / "fit.yaml"
SITUATIONS = {
    "launch",
    "market-entry",
    "multi-market",
    "crisis",
    "backlash",
    "risk-review",
    "regulated",
    "employer-brand",
    "b2b",
    "exec-visibility",
    "cause",
    "budget",
    "craft",
    "out-of-scope",
    "ideas",
}
MARKETS = {"fr", "de", "uk", "us", "es", "it", "be", "ch", "cn", "jp", "br", "gulf"}


# ---------------------------------------------------------------- folding


def test_fold_strips_accents_lowercases_and_straightens_quotes() -> None:
    assert fold_eq("Écrire un communiqué", "ecrire un communique")
    assert fold_eq("L’ANJ « régulateur »", 'l\'anj " regulateur "')
    assert fold_eq("Œuvre Æther Straße", "oeuvre aether strasse")
    assert fold_eq("5\u202fk€ – 10\u00a0k€", "5 k€ - 10 k€")


def fold_eq(raw: str, expected: str) -> bool:
    return fit.fold(raw) == expected


def test_fold_is_idempotent_and_keeps_lines() -> None:
    raw = "Déclaration d’attente\nÀ 2 h : cellule"
    once = fit.fold(raw)
    assert fit.fold(once) == once
    assert once.splitlines() == ["declaration d'attente", "a 2 h : cellule"]


def test_patterns_with_accents_still_match_folded_text() -> None:
    assert fit.has_move("La DÉCLARATION d’attente part à H+2", ["déclaration d.attente"])
    assert not fit.has_move("Un communiqué de lancement", ["declaration d.attente"])


# ---------------------------------------------------------------- lead window


def test_lead_text_keeps_first_five_non_empty_lines() -> None:
    text = "\n\n# Titre\n---\nun\n\ndeux\ntrois\nquatre\ncinq\nsix"
    lead = fit.lead_text(text)
    assert lead.splitlines() == ["# Titre", "un", "deux", "trois", "quatre"]
    assert "cinq" not in lead


def test_lead_ok_fails_when_the_answer_is_buried() -> None:
    case = _case(lead=["rappel|recall"])
    buried = "Intro\nContexte\nMarché\nCible\nObjectif\nRappel produit : cellule de crise"
    first = "Rappel produit : cellule de crise en 2 h\nSuite"
    assert not fit.score_case(case, _contract(text=buried))["lead_ok"]
    assert fit.score_case(case, _contract(text=first))["lead_ok"]


# ---------------------------------------------------------------- negation


@pytest.mark.parametrize(
    "text",
    [
        "Never a stunt during a recall.",
        "Pas de stunt pendant un rappel.",
        "Évitez tout stunt : le public ne le pardonnerait pas.",
        "Don't run a stunt.",
        "Avoid stunts, e.g. a flash mob in the station.",
        "Aucun stunt ni jeu-concours.",
        "Stunts are banned until the investigation ends.",
        "Suspend the stunt planned for Friday.",
        "Ne proposez jamais de stunt.",
        "À proscrire :\n- stunt\n- teasing",
        "## What to avoid\n- a stunt\n- a challenge\n\nSome paragraph with a stunt left unsaid.",
    ],
)
def test_negated_mentions_are_not_proposals(text: str) -> None:
    assert not fit.proposes(text, ["stunt"])


@pytest.mark.parametrize(
    "text",
    [
        "Launch a stunt at the Gare du Nord.",
        "Organisez un stunt devant la gare.",
        "Avoid jargon. Then launch a stunt on day 3.",
        "Pas de jargon; un stunt le jour J.",
        "Pas de jargon\nUn stunt le jour J.",
        "- pas de jargon\n- un stunt le jour J",
        "À proscrire :\n- jargon\nPlan : un stunt le jour J.",
        "## À éviter\n- jargon\n## Plan\n- stunt le jour J",
        "Go/no-go: go, with a stunt in week 2.",
        "Not only a stunt but a series of events.",
        "Un guide pas à pas, puis un stunt.",
        "Avoid jargon • launch a stunt on day 3",
        "**Pas de teasing : voici le plan heure par heure avec les responsables de chaque "
        "action**\n"
        "- H+6 : un stunt devant le siège",
    ],
)
def test_proposals_outside_negated_sentences_count(text: str) -> None:
    assert fit.proposes(text, ["stunt"])


def test_has_move_ignores_negation_but_proposes_does_not() -> None:
    text = "Never tease a recall: no teasing."
    assert fit.has_move(text, ["teasing"])
    assert not fit.proposes(text, ["teasing"])


def test_abbreviations_and_decimals_do_not_split_sentences() -> None:
    sentences = fit.split_sentences("Budget 2.5 k€, p. ex. un stunt. Départ le 6 déc. 2026 ici.")
    assert sentences == ["budget 2.5 k€, p. ex. un stunt.", "depart le 6 dec. 2026 ici."]


# ---------------------------------------------------------------- score_case


def _case(**over: Any) -> dict[str, Any]:
    case: dict[str, Any] = {
        "id": "t-01",
        "question": "q",
        "language": "en",
        "situation": "crisis",
        "markets": ["fr"],
        "origin": None,
        "clock": "hours",
        "lead": [],
        "required": [
            {"name": "holding statement", "any": ["holding statement", "declaration d.attente"]},
            {"name": "authority", "any": ["dgccrf", "rappelconso"]},
        ],
        "forbidden": [{"name": "stunt", "any": ["stunt"]}, {"name": "teasing", "any": ["teas"]}],
    }
    case.update(over)
    return case


def _contract(**over: Any) -> dict[str, Any]:
    contract: dict[str, Any] = {
        "situation": {"id": "crisis", "clock": "hours"},
        "brief": {"markets": ["fr"], "origin": None},
        "text": "Holding statement within 2 h.",
    }
    for key, value in over.items():
        if key in {"id", "clock"}:
            contract["situation"][key] = value
        elif key in {"markets", "origin"}:
            contract["brief"][key] = value
        else:
            contract[key] = value
    return contract


def test_score_case_perfect_answer() -> None:
    text = "Déclaration d’attente à H+2, fiche RappelConso. Jamais de stunt ni de teasing."
    score = fit.score_case(_case(), _contract(text=text))
    assert score == {
        "situation_ok": True,
        "markets_ok": True,
        "origin_ok": True,
        "clock_ok": True,
        "lead_ok": True,
        "required_hit": 1.0,
        "forbidden_count": 0,
        "rule_cited": None,
        "moment_fit": None,
    }


def test_rule_and_moment_moves_are_scored_apart() -> None:
    case = _case(
        required=[
            {"name": "authority", "kind": "rule", "any": ["dgccrf"]},
            {"name": "regulator", "kind": "rule", "any": ["arpp"]},
            {"name": "the fair", "kind": "moment", "any": ["salon de l.agriculture"]},
            {"name": "statement", "any": ["statement"]},
        ]
    )
    score = fit.score_case(case, _contract(text="Statement, then the DGCCRF. No fair."))
    assert score["rule_cited"] == 0.5
    assert score["moment_fit"] == 0.0
    assert score["required_hit"] == 0.5
    summary = fit.summarise([score, fit.score_case(_case(), _contract())])
    assert summary["rule_cited"] == 0.5  # the case with no rule move is left out of the mean


def test_score_case_counts_misses_and_commits() -> None:
    text = "Holding statement now. Then a teaser video and a stunt."
    score = fit.score_case(_case(), _contract(text=text, id="launch", clock="weeks"))
    assert score["situation_ok"] is False
    assert score["clock_ok"] is False
    assert score["required_hit"] == 0.5
    assert score["forbidden_count"] == 2


def test_markets_are_a_set_and_empty_accepts_any() -> None:
    case = _case(markets=["fr", "de"], origin="cn")
    good = _contract(markets=["DE", "fr"], origin="cn")
    assert fit.score_case(case, good)["markets_ok"]
    assert fit.score_case(case, good)["origin_ok"]
    assert not fit.score_case(case, _contract(markets=["fr"], origin="cn"))["markets_ok"]
    assert not fit.score_case(case, _contract(markets=["fr", "de"], origin=None))["origin_ok"]
    assert fit.score_case(_case(markets=[]), _contract(markets=["jp"]))["markets_ok"]


def test_target_read_as_origin_fails() -> None:
    case = _case(markets=["de"], origin="fr")
    swapped = _contract(markets=["fr"], origin="de")
    score = fit.score_case(case, swapped)
    assert not score["markets_ok"]
    assert not score["origin_ok"]


def test_no_origin_expected_accepts_none_or_home_market() -> None:
    case = _case(markets=["uk"], origin=None)
    assert fit.score_case(case, _contract(markets=["uk"], origin=None))["origin_ok"]
    assert fit.score_case(case, _contract(markets=["uk"], origin="uk"))["origin_ok"]
    assert not fit.score_case(case, _contract(markets=["uk"], origin="us"))["origin_ok"]


def test_null_clock_matches_only_null() -> None:
    case = _case(clock=None)
    assert fit.score_case(case, _contract(clock=None))["clock_ok"]
    assert not fit.score_case(case, _contract(clock="weeks"))["clock_ok"]


def test_summarise_averages_and_totals_forbidden_moves() -> None:
    good = fit.score_case(_case(), _contract(text="Holding statement; RappelConso."))
    bad = fit.score_case(_case(), _contract(text="A stunt.", id="launch"))
    summary = fit.summarise([good, bad])
    assert summary["situation_ok"] == 0.5
    assert summary["required_hit"] == 0.5
    assert summary["forbidden_total"] == 1.0
    assert fit.summarise([]) == {}


# ---------------------------------------------------------------- collapse


def test_collapse_finds_the_shared_long_sentence_despite_citations_and_markup() -> None:
    boiler = "Engagement works where small acts meet strong circles of influence"
    texts = [
        f"{boiler} [1]. Recall now.",
        f"**{boiler}** [4].\nSomething else entirely.",
        "A different answer with a long enough sentence to be counted here.",
        f"- {boiler}",
    ]
    result = fit.collapse(texts)
    assert result["value"] == fit.fold(boiler)
    assert result["count"] == 3
    assert result["share"] == pytest.approx(0.75)
    assert result["n"] == 4


def test_collapse_ignores_short_sentences() -> None:
    texts = ["Holding statement within two hours.", "Holding statement within two hours."]
    assert fit.collapse(texts)["value"] is None
    assert fit.collapse(texts, min_words=5)["count"] == 2
    assert fit.collapse([])["share"] == 0.0


def test_first_date_reads_english_french_and_iso() -> None:
    assert fit.first_date("Kick-off on 6 Dec 2026, review 2027-01-10") == "2026-12-06"
    assert fit.first_date("Lancement le 6 déc. 2026") == "2026-12-06"
    assert fit.first_date("dès le 1er mars 2027") == "2027-03-01"
    assert fit.first_date("From Dec 6, 2026") == "2026-12-06"
    assert fit.first_date("semaine 1 à 2, puis le 2027-02-14") == "2027-02-14"
    assert fit.first_date("from 5 Jan to 15 Mar") == "--01-05"
    assert fit.first_date("weeks 1-2 then 3-4") is None
    assert fit.first_date("le 42 mars 2027") is None
    law_then_plan = "Loi Evin du 10 janvier 1991. Démarrage le 4 janv. 2027."
    assert fit.first_date(law_then_plan) == "1991-01-10"
    assert fit.first_date(law_then_plan, min_year=2026) == "2027-01-04"


def test_shared_first_date_and_campaign() -> None:
    texts = ["Start 5 Jan 2027.", "Départ le 5 janv. 2027.", "Start 2027-03-01.", "Weeks 1-2."]
    dates = fit.shared_first_date(texts)
    assert dates["value"] == "2027-01-05"
    assert dates["share"] == pytest.approx(0.5)
    cited = [["dove-real-beauty", "x"], ["dove-real-beauty", "dove-real-beauty"], ["y"], []]
    camp = fit.shared_campaign(cited)
    assert camp["value"] == "dove-real-beauty"
    assert camp["count"] == 2
    assert camp["share"] == pytest.approx(0.5)


# ---------------------------------------------------------------- the dataset itself


def test_fit_dataset_is_well_formed() -> None:
    cases = yaml.safe_load(FIT_YAML.read_text(encoding="utf-8"))
    assert len(cases) >= 96
    keys = {"id", "question", "language", "situation", "markets", "origin", "clock", "lead"}
    keys |= {"required", "forbidden"}
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids))
    assert sum(c["language"] == "fr" for c in cases) * 2 >= len(cases)
    for c in cases:
        assert set(c) == keys, c["id"]
        assert c["situation"] in SITUATIONS, c["id"]
        assert set(c["markets"]) <= MARKETS, c["id"]
        assert c["origin"] is None or c["origin"] in MARKETS, c["id"]
        assert c["clock"] in {"hours", "days", "weeks", "months", None}, c["id"]
        assert c["lead"] and 2 <= len(c["required"]) <= 4, c["id"]
        for move in c["required"] + c["forbidden"]:
            assert move["name"] and move["any"], c["id"]
            fit.has_move("", move["any"])  # every regex compiles
    assert {c["situation"] for c in cases} == SITUATIONS


def _fit_cases() -> dict[str, dict[str, Any]]:
    cases = yaml.safe_load(FIT_YAML.read_text(encoding="utf-8"))
    return {c["id"]: c for c in cases}


def _as_labelled(case: dict[str, Any], text: str) -> dict[str, Any]:
    return {
        "situation": {"id": case["situation"], "clock": case["clock"]},
        "brief": {"markets": case["markets"], "origin": case["origin"]},
        "text": text,
    }


def test_a_signed_recall_answer_passes_and_a_launch_plan_fails() -> None:
    case = _fit_cases()["fit-crisis-fr-01"]
    signed = (
        "**Rappel de trois lots : cellule de crise dans l'heure, déclaration d'attente "
        "avant 20 h.**\n"
        "- H+1 : déclarer le rappel à la DGCCRF et publier la fiche RappelConso.\n"
        "- H+2 : déclaration d'attente ; consigne aux parents : ne pas donner les compotes "
        "des lots concernés, remboursement en magasin, numéro vert.\n"
        "- Porte-parole : la directrice qualité, avec un pédiatre.\n"
        "À proscrire :\n- teasing, jeu-concours, code promo\n- toute opération spectaculaire\n"
        "Gelez toute publicité programmée."
    )
    score = fit.score_case(case, _as_labelled(case, signed))
    assert score["lead_ok"] and score["required_hit"] == 1.0 and score["forbidden_count"] == 0
    plan = (
        "**Plan de relance**\nPhase de teasing en semaine 1, puis un jeu-concours et un code promo "
        "de 20 % pour regagner la confiance. Un stunt devant le siège."
    )
    bad = fit.score_case(case, _as_labelled(case, plan))
    assert not bad["lead_ok"]
    assert bad["required_hit"] == 0.0
    assert bad["forbidden_count"] == 4


def test_cause_case_catches_paid_boost_and_survey_but_not_their_refusal() -> None:
    case = _fit_cases()["fit-cause-fr-01"]
    good = (
        "Avec 3 000 €, pas de boost payant ni de sondage : l'earned et les partenaires font tout.\n"
        "- MSA et chambres d'agriculture relaient gratuitement ; point presse au Salon de "
        "l'agriculture en février.\n- Rappeler aux journalistes le programme Papageno et le 3114."
    )
    assert fit.score_case(case, _as_labelled(case, good))["forbidden_count"] == 0
    bad = good + "\nPuis 1 500 € de posts sponsorisés et un sondage Ifop pour le Salon."
    assert fit.committed_moves(case, bad) == ["paid boost", "costly survey"]


def test_echoing_the_question_does_not_satisfy_the_required_moves() -> None:
    cases = _fit_cases().values()
    echoed = [fit.score_case(c, _as_labelled(c, c["question"]))["required_hit"] for c in cases]
    assert sum(echoed) / len(echoed) < 0.25
    assert max(echoed) <= 0.5
