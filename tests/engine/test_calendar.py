"""Phasing on real dates (pure functions)."""

from __future__ import annotations

import datetime as dt
import itertools

from bot.engine.calendar import (
    DatedEvent,
    Phase,
    market_events,
    matches,
    occurrences,
    phase_plan,
)
from bot.knowledge.catalog import Catalog
from bot.knowledge.schema import Event

D = dt.date


def _events(catalog: Catalog, today: D) -> list[DatedEvent]:
    return market_events(catalog.calendar("fr"), today)


def _check_contiguous(phases: list[Phase]) -> None:
    for a, b in itertools.pairwise(phases):
        assert a.start <= a.end
        assert b.start == a.end + dt.timedelta(days=1)


def test_default_plan_lands_in_the_future_on_a_press_day(catalog: Catalog) -> None:
    today = D(2026, 11, 26)
    phases = phase_plan(today=today, events=_events(catalog, today))
    assert [p.key for p in phases] == ["teasing", "launch", "amplification", "sustain"]
    assert all(p.start > today for p in phases)
    _check_contiguous(phases)
    launch = next(p for p in phases if p.key == "launch")
    assert launch.start.weekday() in (1, 2, 3)  # Tuesday to Thursday


def test_brief_dates_are_respected(catalog: Catalog) -> None:
    today = D(2026, 11, 26)
    phases = phase_plan(
        today=today, events=_events(catalog, today), start=D(2027, 3, 1), end=D(2027, 5, 31)
    )
    launch = next(p for p in phases if p.key == "launch")
    assert launch.start == D(2027, 3, 1)
    assert phases[-1].end == D(2027, 5, 31)
    _check_contiguous(phases)


def test_a_month_already_past_moves_to_next_year() -> None:
    phases = phase_plan(today=D(2026, 11, 26), start=D(2026, 3, 1))
    assert next(p for p in phases if p.key == "launch").start == D(2027, 3, 1)


def test_press_launch_avoids_the_french_summer_lull(catalog: Catalog) -> None:
    today = D(2027, 6, 20)  # default lead time would launch on 1 August
    phases = phase_plan(today=today, events=_events(catalog, today))
    launch = next(p for p in phases if p.key == "launch")
    assert launch.start >= D(2027, 8, 25)
    assert launch.start.month != 8 or launch.start.day > 24
    assert launch.notes and launch.notes[0][0] == "tm.quiet"


def test_brief_date_in_august_is_kept_with_a_warning(catalog: Catalog) -> None:
    today = D(2027, 5, 1)
    phases = phase_plan(today=today, events=_events(catalog, today), start=D(2027, 8, 10))
    launch = next(p for p in phases if p.key == "launch")
    assert launch.start == D(2027, 8, 10)
    key, params = launch.notes[0]
    assert key == "tm.quiet_kept"
    assert D.fromisoformat(dict(params)["date"]) > D(2027, 8, 24)


def test_black_friday_is_anchored_when_the_brief_names_it(catalog: Catalog) -> None:
    today = D(2027, 9, 1)
    phases = phase_plan(
        today=today,
        events=_events(catalog, today),
        wanted_events=["black friday"],
        sector="retail",
    )
    launch = next(p for p in phases if p.key == "launch")
    assert launch.start < D(2027, 11, 26)
    assert (D(2027, 11, 26) - launch.start).days <= 21
    assert any("Black Friday" in p.anchors for p in phases)
    assert phases[-1].end >= D(2027, 11, 26)


def test_black_friday_only_anchors_relevant_sectors(catalog: Catalog) -> None:
    today = D(2027, 9, 20)
    events = _events(catalog, today)
    retail = phase_plan(today=today, events=events, sector="retail")
    finance = phase_plan(today=today, events=events, sector="finance")
    assert retail[0].start <= D(2027, 11, 26) <= retail[-1].end
    assert any("Black Friday" in p.anchors for p in retail)
    assert not any("Black Friday" in p.anchors for p in finance)


def test_rentree_aligns_the_launch() -> None:
    events = [DatedEvent("Rentrée scolaire", "school", D(2027, 9, 1), D(2027, 9, 7))]
    phases = phase_plan(today=D(2027, 4, 1), events=events, wanted_events=["rentrée"])
    launch = next(p for p in phases if p.key == "launch")
    assert D(2027, 9, 1) <= launch.start <= D(2027, 9, 8)
    assert "Rentrée scolaire" in launch.anchors


def test_crisis_starts_now() -> None:
    today = D(2026, 11, 26)
    phases = phase_plan(today=today, kind="crisis")
    assert [p.key for p in phases] == ["first-hours", "first-days", "recovery"]
    assert phases[0].start == today
    _check_contiguous(phases)


def test_short_notice_drops_or_compresses_teasing() -> None:
    today = D(2026, 11, 26)
    phases = phase_plan(today=today, start=D(2026, 11, 28))
    assert phases[0].key == "launch"
    assert all(p.start > today for p in phases)


def test_occurrences_handle_movable_and_new_year_events() -> None:
    movable = Event(name="Soldes", type="sales", dates={2027: "2027-01-13/2027-02-09"})
    assert occurrences(movable, [2026, 2027]) == [
        DatedEvent("Soldes", "sales", D(2027, 1, 13), D(2027, 2, 9))
    ]
    span = Event(name="Fêtes", type="quiet", start="12-20", end="01-05")
    (occ,) = occurrences(span, [2026])
    assert occ.start == D(2026, 12, 20) and occ.end == D(2027, 1, 5)
    leap = Event(name="Leap", type="event", start="02-29")
    assert len(occurrences(leap, [2027, 2028])) == 1


def test_event_name_matching_ignores_case_and_accents() -> None:
    assert matches("rentree", "Rentrée scolaire")
    assert matches("Black Friday", "Black Friday")
    assert matches("fête des mères", "Fête des mères")
    assert not matches("noel", "Black Friday")
    assert not matches("", "Black Friday")
