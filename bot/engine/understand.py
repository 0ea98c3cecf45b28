"""Brief plumbing around the parser (bot/brief owns understanding): merge a follow-up with the
thread's previous brief, and lay a form's fields over the parsed text.
"""

from __future__ import annotations

from bot.models import Brief


def merge(new: Brief, old: Brief) -> Brief:
    """`new`, with what it leaves unsaid taken from `old` (a follow-up in the same thread)."""
    data = new.model_copy(deep=True)
    if not data.markets:
        data.markets = list(old.markets)
    if not data.objectives:
        data.objectives = list(old.objectives)
    if data.sector is None:
        data.sector = old.sector
    if not data.audiences and not data.audience:
        data.audiences = list(old.audiences)
        data.audience = old.audience
        if data.age_range is None:
            data.age_range = old.age_range
    if data.budget is None:
        data.budget = old.budget
    if data.timing is None:
        data.timing = old.timing
    if not data.constraints:
        data.constraints = list(old.constraints)
    if data.client is None:
        data.client = old.client
    if data.topic is None:
        data.topic = old.topic
    return data


def overlay(base: Brief, structured: Brief) -> Brief:
    """`base` (parsed from text), with every field `structured` (a form) states winning."""
    data = base.model_copy(deep=True)
    for name in ("markets", "objectives", "audiences", "constraints"):
        value = getattr(structured, name)
        if value:
            setattr(data, name, list(value))
    for name in ("sector", "audience", "age_range", "budget", "timing", "topic", "client"):
        value = getattr(structured, name)
        if value is not None:
            setattr(data, name, value)
    return data
