"""Surfaces end to end: signed HTTP requests into the real app, replies into the fake Slack."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from bot.slack.store import SlackStore
from tests.slack.conftest import WAIT, FakeAdvise, Start, mention, message


def _posts_in_thread(fake, channel, thread_ts):
    return [
        c
        for c in fake.of("chat.postMessage")
        if c.args.get("channel") == channel and c.args.get("thread_ts") == thread_ts
    ]


def test_mention_gets_threaded_answer_with_sources(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    reply = run.sender.event(mention("launch plan for oat milk in France?"))
    assert reply.status == 200
    fake = run.fake
    posted = fake.wait_call(
        "chat.postMessage", lambda c: c.args.get("thread_ts") == "1700000100.000100", timeout=WAIT
    )[0]
    assert posted.args["channel"] == "C1"
    blocks_text = json.dumps(posted.args["blocks"], ensure_ascii=False)
    assert "*my*" in blocks_text  # Markdown rendered as mrkdwn
    assert (
        "<https://kb.example.com/blob/main/knowledge/mechanics/newsjacking.md|Newsjacking>"
        in blocks_text
    )
    assert "levier_feedback_up" in blocks_text
    # a sign of work, then cleared
    fake.wait_call("reactions.add", timeout=WAIT)
    fake.wait_call("reactions.remove", timeout=WAIT)
    request = advise_fn.requests[0]
    assert request.text == "launch plan for oat milk in France?"
    assert request.access.channel_id == "C1"
    assert request.access.external is False
    assert request.access.user_groups == ()


def test_dm_answered_in_thread_with_user_groups(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    run.fake.usergroups = [
        {"id": "S_STRAT", "users": ["U1", "U2"]},
        {"id": "S_OTHER", "users": ["U3"]},
    ]
    ts = "1700000300.000100"
    assert (
        run.sender.event(
            message("un plan pour la rentrée ?", channel="D1", ts=ts, channel_type="im")
        ).status
        == 200
    )
    run.fake.wait_call("chat.postMessage", lambda c: c.args.get("thread_ts") == ts, timeout=WAIT)
    request = advise_fn.requests[0]
    assert request.access.channel_id == "D1"
    assert request.access.user_groups == ("S_STRAT",)  # a DM: the asker's own groups count


def test_thread_follow_up_reuses_brief_and_answer(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    fake = run.fake
    root = "1700000400.000100"
    run.sender.event(mention("plan for oat milk in France", ts=root))
    fake.wait_call("chat.postMessage", lambda c: c.args.get("thread_ts") == root, timeout=WAIT)
    # A message in a thread the bot never answered is ignored …
    run.sender.event(message("unrelated", ts="1700000401.000100", thread_ts="1699999999.000001"))
    # … a follow-up in the bot's thread needs no mention.
    follow = message("and for Germany?", ts="1700000402.000100", thread_ts=root)
    assert run.sender.event(follow).status == 200
    fake.wait_call(
        "chat.postMessage", lambda c: c.args.get("thread_ts") == root, count=2, timeout=WAIT
    )
    requests = advise_fn.wait_requests(2)
    assert [r.text for r in requests] == ["plan for oat milk in France", "and for Germany?"]
    history = requests[1].history
    assert len(history) == 1
    assert history[0].question == "plan for oat milk in France"
    assert history[0].brief is not None and history[0].brief.markets == ["fr"]
    assert history[0].answer == advise_fn.text
    # third turn: both previous turns, in order (sent once the second one is stored, as a
    # person would, after reading it)
    deadline = time.monotonic() + WAIT
    while len(run.app.ctx.store.history("C1", root)) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    run.sender.event(message("make it cheaper", ts="1700000403.000100", thread_ts=root))
    requests = advise_fn.wait_requests(3)
    assert [t.question for t in requests[2].history] == [
        "plan for oat milk in France",
        "and for Germany?",
    ]
    assert requests[2].history[1].brief is not None
    assert requests[2].history[1].brief.markets == ["de"]


def test_bots_edits_and_itself_are_ignored(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    root = "1700000500.000100"
    run.sender.event(mention("first question", ts=root))
    run.fake.wait_call("chat.postMessage", lambda c: c.args.get("thread_ts") == root, timeout=WAIT)
    ignored = [
        message("from a bot", thread_ts=root, ts="1700000501.000001", bot_id="B9"),
        message("bot msg", thread_ts=root, ts="1700000501.000002", subtype="bot_message"),
        message("myself", thread_ts=root, ts="1700000501.000003", user="UBOT"),
        {**message("edited", thread_ts=root, ts="1700000501.000004"), "subtype": "message_changed"},
        message(
            "dm from a bot", channel="D1", channel_type="im", ts="1700000501.000005", bot_id="B9"
        ),
        message("not in a thread", ts="1700000501.000006"),
    ]
    for event in ignored:
        assert run.sender.event(event).status == 200
    run.sender.event(message("real follow-up", thread_ts=root, ts="1700000502.000001"))
    run.fake.wait_call(
        "chat.postMessage", lambda c: c.args.get("thread_ts") == root, count=2, timeout=WAIT
    )
    assert [r.text for r in advise_fn.requests] == ["first question", "real follow-up"]


def test_assistant_thread(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    fake = run.fake
    fake.users["U1"] = {"locale": "fr-FR"}
    started = {
        "type": "assistant_thread_started",
        "event_ts": "1700000600.000001",
        "assistant_thread": {
            "user_id": "U1",
            "channel_id": "D1",
            "thread_ts": "1700000600.000001",
            "context": {},
        },
    }
    assert run.sender.event(started).status == 200
    prompts = fake.wait_call("assistant.threads.setSuggestedPrompts", timeout=WAIT)[0]
    titles = [p["title"] for p in prompts.args["prompts"]]
    assert len(titles) == 3 and titles[0].startswith("Stratège")  # French locale
    user_msg = message(
        "Explique le newsjacking",
        channel="D1",
        channel_type="im",
        ts="1700000601.000001",
        thread_ts="1700000600.000001",
    )
    assert run.sender.event(user_msg).status == 200
    fake.wait_call(
        "chat.postMessage",
        lambda c: c.args.get("thread_ts") == "1700000600.000001" and "blocks" in c.args,
        timeout=WAIT,
    )
    statuses = fake.wait_call("assistant.threads.setStatus", count=2, timeout=WAIT)
    assert statuses[0].args["status"] == "réfléchit…"
    assert statuses[-1].args["status"] == ""
    fake.wait_call("assistant.threads.setTitle", timeout=WAIT)
    assert not fake.of("reactions.add")


def test_streamed_answer(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    advise_fn.deltas = ["Here is ", "a streamed ", "answer with <!here> inside. ", "Done."]
    root = "1700000700.000100"
    run.sender.event(mention("stream please", ts=root))
    stop = run.fake.wait_call("chat.stopStream", timeout=WAIT)[0]
    start_call = run.fake.of("chat.startStream")[0]
    assert start_call.args["thread_ts"] == root
    assert start_call.args["recipient_user_id"] == "U1"
    streamed = run.fake.messages[stop.args["ts"]]["text"]
    assert "a streamed answer with" in streamed and "Done." in streamed
    assert "<!here>" not in streamed
    assert "levier_feedback_up" in json.dumps(stop.args["blocks"])
    assert advise_fn.requests[0].stream is True


def test_stream_unavailable_falls_back_to_post_then_update(
    start: Start, advise_fn: FakeAdvise
) -> None:
    run = start()
    run.fake.failures["chat.startStream"] = "not_allowed_token_type"
    advise_fn.deltas = ["First part. ", "Second part."]
    root = "1700000800.000100"
    run.sender.event(mention("stream please", ts=root))
    update = run.fake.wait_call("chat.update", lambda c: bool(c.args.get("blocks")), timeout=WAIT)[
        0
    ]
    posted = run.fake.of("chat.postMessage")[0]
    assert posted.args["thread_ts"] == root and update.args["ts"] in run.fake.messages
    text = json.dumps(update.args["blocks"])
    assert "First part. Second part." in text and "levier_feedback_up" in text


def test_very_long_stream_overflows_into_messages(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    words = [f"w{i}" for i in range(4000)]
    advise_fn.deltas = [f"{w} " for w in words]
    root = "1700000850.000100"
    run.sender.event(mention("a long streamed answer", ts=root))
    posts = run.fake.wait_call(
        "chat.postMessage",
        lambda c: (
            c.args.get("thread_ts") == root
            and any(b["type"] == "actions" for b in c.args.get("blocks") or [])
        ),
        timeout=WAIT,
    )
    stop = run.fake.of("chat.stopStream")[0]
    streamed = run.fake.messages[stop.args["ts"]]["text"]
    assert len(streamed) <= 11_000
    overflow = [
        b["text"]["text"]
        for c in run.fake.of("chat.postMessage")
        if c.args.get("thread_ts") == root
        for b in c.args.get("blocks") or []
        if b["type"] == "section" and not b["text"]["text"].startswith("*Sources*")
    ]
    assert streamed.split() + " ".join(overflow).split() == words
    assert posts


def test_bare_mention_gets_help(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    root = "1700000860.000100"
    event = mention("", ts=root)
    run.sender.event(event)
    posted = run.fake.wait_call(
        "chat.postMessage", lambda c: c.args.get("thread_ts") == root, timeout=WAIT
    )[0]
    assert "/levier brief" in posted.args["text"]
    assert advise_fn.requests == []


def test_a_follow_up_sent_the_moment_the_answer_shows_has_its_context(
    start: Start, advise_fn: FakeAdvise, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Storing the turn is slow (a busy disk): a follow-up sent as soon as the answer appears
    # must still be answered with it.
    real = SlackStore.add_turn

    def slow(self: SlackStore, *args: Any, **kwargs: Any) -> None:
        time.sleep(0.5)
        real(self, *args, **kwargs)

    monkeypatch.setattr(SlackStore, "add_turn", slow)
    run = start()
    root = "1700000500.000100"
    run.sender.event(mention("plan for oat milk in France", ts=root))
    run.fake.wait_call("chat.postMessage", lambda c: c.args.get("thread_ts") == root, timeout=WAIT)
    run.sender.event(message("and for Germany?", ts="1700000501.000100", thread_ts=root))
    requests = advise_fn.wait_requests(2)
    assert [t.question for t in requests[1].history] == ["plan for oat milk in France"]
