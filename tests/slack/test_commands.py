"""`/levier` and its modal, through signed form posts — including the "payload" bolt bug."""

from __future__ import annotations

import json
import urllib.parse

from slack_bolt.request import BoltRequest

from bot.slack.http import LevierBoltRequest, parse_body
from tests.slack.conftest import WAIT, FakeAdvise, Start, sample_plan


def _command_body(text: str) -> str:
    return urllib.parse.urlencode(
        {"command": "/levier", "text": text, "user_id": "U1", "channel_id": "C1", "team_id": "T1"}
    )


def test_bolt_1_30_misparses_a_form_body_containing_payload() -> None:
    """The bug itself: bolt's parse_body tests `"payload" in body` on the raw string."""
    body = _command_body("idea payload sampling")
    headers = {"content-type": "application/x-www-form-urlencoded"}
    assert BoltRequest(body=body, headers=headers).body == {}  # bolt: the command is lost
    fixed = LevierBoltRequest(body=body, headers=headers)
    assert fixed.body["command"] == "/levier"
    assert fixed.body["text"] == "idea payload sampling"
    assert fixed.context.channel_id == "C1" and fixed.context.user_id == "U1"
    assert fixed.to_copyable().body == fixed.body
    # real interactive payloads still parse
    interactive = urllib.parse.urlencode({"payload": json.dumps({"type": "block_actions"})})
    assert parse_body(interactive, None) == {"type": "block_actions"}
    assert parse_body('{"type": "event_callback"}', "application/json")["type"] == "event_callback"


def test_help(start: Start) -> None:
    run = start()
    reply = run.sender.command("help")
    assert reply.status == 200
    assert "/levier brief" in json.loads(reply.body)["text"]
    reply = run.sender.command("aide")
    assert "/levier brief" in json.loads(reply.body)["text"]


def test_idea_command_answers_in_a_new_thread(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    reply = run.sender.command("idea Gen Z and banking")
    assert reply.status == 200 and json.loads(reply.body)["response_type"] == "ephemeral"
    placeholder = run.fake.wait_call("chat.postMessage", timeout=WAIT)[0]
    assert placeholder.args["text"].startswith("<@U1> asked: /levier idea Gen Z")
    ts = run.fake.wait_for(
        lambda f: [m for m in f.messages.values() if m["thread_ts"]], timeout=WAIT
    )[0]["thread_ts"]
    assert ts == next(iter(run.fake.messages))
    request = advise_fn.requests[0]
    assert request.mode == "idea" and request.text == "Gen Z and banking"


def test_slash_command_containing_payload_works(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    reply = run.sender.command("learn payload sampling")
    assert reply.status == 200, reply.body
    assert json.loads(reply.body)["response_type"] == "ephemeral"
    requests = advise_fn.wait_requests(1)
    assert requests[0].mode == "learn" and requests[0].text == "payload sampling"


def test_missing_topic_is_explained(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    reply = run.sender.command("idea")
    assert "/levier idea" in json.loads(reply.body)["text"]
    assert advise_fn.requests == []


def test_not_in_channel_falls_back_to_response_url(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    run.fake.failures["chat.postMessage"] = "not_in_channel"
    run.sender.command("learn newsjacking", response_url=run.fake.response_url("cmd"))
    got = run.fake.wait_for(lambda f: f.responses, timeout=WAIT)
    assert got[0].args["response_type"] == "in_channel"
    assert "levier_feedback_up" in json.dumps(got[0].args["blocks"])


def _brief_submission(channel: str = "C7") -> dict:
    values = {
        "client": {"value": {"type": "plain_text_input", "value": "Oatly"}},
        "market": {
            "value": {
                "type": "multi_static_select",
                "selected_options": [{"value": "fr"}, {"value": "de"}],
            }
        },
        "sector": {
            "value": {"type": "static_select", "selected_option": {"value": "food-beverage"}}
        },
        "objective": {
            "value": {"type": "multi_static_select", "selected_options": [{"value": "launch"}]}
        },
        "audience": {"value": {"type": "plain_text_input", "value": "25-35 urban"}},
        "budget": {"value": {"type": "plain_text_input", "value": "80k€"}},
        "timing": {"value": {"type": "plain_text_input", "value": "September"}},
        "constraints": {"value": {"type": "plain_text_input", "value": "no TV\nvegan claims"}},
    }
    return {
        "type": "view_submission",
        "team": {"id": "T1"},
        "user": {"id": "U1"},
        "api_app_id": "A1",
        "trigger_id": "1.2.3",
        "view": {
            "id": "V1",
            "type": "modal",
            "callback_id": "levier_brief",
            "private_metadata": json.dumps({"channel": channel, "lang": "en"}),
            "state": {"values": values},
        },
    }


def test_brief_modal_produces_a_strategy_card(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    advise_fn.plan = sample_plan()
    reply = run.sender.command("brief")
    assert reply.status == 200
    opened = run.fake.wait_call("views.open", timeout=WAIT)[0]
    view = opened.args["view"]
    assert view["callback_id"] == "levier_brief"
    assert {b["block_id"] for b in view["blocks"]} >= {
        "client",
        "market",
        "sector",
        "objective",
        "audience",
        "budget",
        "timing",
        "constraints",
    }
    reply = run.sender.interaction(_brief_submission())
    assert reply.status == 200
    update = run.fake.wait_call("chat.update", timeout=WAIT)[0]
    placeholder = run.fake.of("chat.postMessage")[0]
    assert placeholder.args["channel"] == "C7" and "Oatly" in placeholder.args["text"]
    blocks = update.args["blocks"]
    assert blocks[0]["type"] == "header" and "Oatly" in blocks[0]["text"]["text"]
    text = json.dumps(blocks, ensure_ascii=False)
    for heading in ("Targeting", "Channels", "Timing", "Mechanic", "KPIs", "Risks"):
        assert f"*{heading}" in text
    assert "levier_feedback_down" in text
    request = advise_fn.requests[0]
    assert request.brief is not None
    assert request.brief.client == "Oatly"
    assert request.brief.markets == ["fr", "de"]
    assert request.brief.objectives == ["launch"]
    assert request.brief.budget is not None and request.brief.budget.amount == 80000
    assert request.brief.constraints == ["no TV", "vegan claims"]
    assert request.mode == "strategy" and request.access.channel_id == "C7"


def test_brief_without_objective_is_rejected_in_the_modal(start: Start) -> None:
    run = start()
    body = _brief_submission()
    del body["view"]["state"]["values"]["objective"]
    reply = run.sender.interaction(body)
    assert json.loads(reply.body)["response_action"] == "errors"


def test_brief_in_a_channel_without_the_bot_answers_via_response_url(
    start: Start, advise_fn: FakeAdvise
) -> None:
    run = start()
    advise_fn.plan = sample_plan()
    run.sender.command("brief", channel="C_NOBOT", response_url=run.fake.response_url("brief"))
    view = run.fake.wait_call("views.open", timeout=WAIT)[0].args["view"]
    assert json.loads(view["private_metadata"])["response_url"].endswith("/response/brief")
    run.fake.failures["chat.postMessage"] = "not_in_channel"
    body = _brief_submission(channel="C_NOBOT")
    body["view"]["private_metadata"] = view["private_metadata"]
    assert run.sender.interaction(body).status == 200
    got = run.fake.wait_for(lambda f: f.responses, timeout=WAIT)
    assert got[0].args["blocks"][0]["type"] == "header"


def test_only_slack_response_urls_are_trusted(start: Start) -> None:
    ctx = start().app.ctx
    assert ctx._trusted_response_url("https://hooks.slack.com/commands/T1/1/abc")
    assert not ctx._trusted_response_url("http://hooks.slack.com/commands/T1/1/abc")
    assert not ctx._trusted_response_url("https://evil.example.com/hooks.slack.com")
    assert not ctx._trusted_response_url("http://169.254.169.254/latest/meta-data")
