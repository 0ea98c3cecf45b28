"""Issue 12's smaller Slack items, each failing before its fix: fresh access walls, a scoped
middleware, sanitised input, plain notification text, one vote per person, and a model failing
mid-stream."""

from __future__ import annotations

import json

from tests.slack.conftest import WAIT, FakeAdvise, Start, mention, message
from tests.slack.test_feedback import _click


def _answered(run, root: str) -> None:  # type: ignore[no-untyped-def]
    run.fake.wait_call(
        "chat.postMessage",
        lambda c: c.args.get("thread_ts") == root and "blocks" in c.args,
        timeout=WAIT,
    )


def test_the_payloads_own_shared_flag_is_honoured_at_once(
    start: Start, advise_fn: FakeAdvise
) -> None:
    run = start()
    run.sender.event(mention("first", ts="1700040000.000100"))
    _answered(run, "1700040000.000100")
    assert advise_fn.requests[0].access.external is False  # cached: an internal channel
    # The channel became Slack Connect: the next event says so itself.
    event = mention("second", ts="1700040001.000100")
    body_flag = {"is_ext_shared_channel": True}
    from bot.slack.testing import event_body, post, sign

    body = json.dumps({**event_body(event), **body_flag})
    headers = {"Content-Type": "application/json", **sign(run.sender.secret, body)}
    assert post(run.url, body, headers).status == 200
    _answered(run, "1700040001.000100")
    assert advise_fn.requests[1].access.external is True


def test_channel_shared_event_drops_the_cached_access(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    run.sender.event(mention("first", ts="1700040100.000100"))
    _answered(run, "1700040100.000100")
    assert advise_fn.requests[0].access.external is False
    run.fake.channels["C1"] = {"is_ext_shared": True}
    shared = {"type": "channel_shared", "connected_team_id": "E2", "channel": "C1"}
    assert run.sender.event(shared).status == 200
    run.sender.event(mention("second", ts="1700040101.000100"))
    _answered(run, "1700040101.000100")
    assert advise_fn.requests[1].access.external is True
    # and back: unshared
    run.fake.channels["C1"] = {"is_ext_shared": False}
    unshared = {"type": "channel_unshared", "channel": "C1", "is_ext_shared": False}
    assert run.sender.event(unshared).status == 200
    run.sender.event(mention("third", ts="1700040102.000100"))
    _answered(run, "1700040102.000100")
    assert advise_fn.requests[2].access.external is False


def test_group_membership_events_drop_the_cached_groups(
    start: Start, advise_fn: FakeAdvise
) -> None:
    run = start()
    run.fake.usergroups = [{"id": "S1", "users": ["U1"]}]
    dm = {"channel": "D1", "channel_type": "im", "user": "U1"}
    run.sender.event(message("first", ts="1700040200.000100", **dm))  # type: ignore[arg-type]
    _answered(run, "1700040200.000100")
    assert advise_fn.requests[0].access.user_groups == ("S1",)
    run.fake.usergroups = [{"id": "S1", "users": []}]  # U1 removed from the group
    changed = {
        "type": "subteam_members_changed",
        "subteam_id": "S1",
        "team_id": "T1",
        "removed_users": ["U1"],
        "removed_users_count": 1,
    }
    assert run.sender.event(changed).status == 200
    run.sender.event(message("second", ts="1700040201.000100", **dm))  # type: ignore[arg-type]
    _answered(run, "1700040201.000100")
    assert advise_fn.requests[1].access.user_groups == ()


def test_a_usergroups_failure_is_not_cached(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    run.fake.usergroups = [{"id": "S1", "users": ["U1"]}]
    run.fake.failures["usergroups.list"] = "ratelimited"
    dm = {"channel": "D1", "channel_type": "im", "user": "U1"}
    run.sender.event(message("first", ts="1700040300.000100", **dm))  # type: ignore[arg-type]
    _answered(run, "1700040300.000100")
    assert advise_fn.requests[0].access.user_groups == ()  # closed
    del run.fake.failures["usergroups.list"]
    run.sender.event(message("second", ts="1700040301.000100", **dm))  # type: ignore[arg-type]
    _answered(run, "1700040301.000100")
    assert advise_fn.requests[1].access.user_groups == ("S1",)


def test_a_truncated_workflow_step_payload_is_not_a_server_error(start: Start) -> None:
    run = start()
    for payload in (
        {"type": "workflow_step_edit", "callback_id": "x"},
        {"type": "workflow_step_edit"},
        {"type": "block_actions"},
    ):
        reply = run.sender.interaction(payload)
        assert reply.status < 500, (payload, reply.status)
    truncated = {"type": "event_callback", "event_id": "EvWF", "event": {"type": "app_mention"}}
    assert run.sender.json(truncated).status < 500


def test_a_lone_surrogate_in_a_message_is_answered(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    root = "1700040400.000100"
    assert run.sender.event(mention("plan \ud800 for Gen Z\x00", ts=root)).status == 200
    _answered(run, root)
    assert advise_fn.requests[0].text == "plan \ufffd for Gen Z"
    assert "Sorry" not in run.fake.all_text()


def test_the_notification_text_is_plain_not_markdown(start: Start, advise_fn: FakeAdvise) -> None:
    advise_fn.text = "## Plan\n\nHere is **my** answer with [a link](https://x.example) [1]."
    run = start()
    root = "1700040500.000100"
    run.sender.event(mention("plain please", ts=root))
    posted = run.fake.wait_call(
        "chat.postMessage", lambda c: c.args.get("thread_ts") == root, timeout=WAIT
    )[0]
    text = posted.args["text"]
    assert "**" not in text and "##" not in text and "](" not in text
    assert "Plan Here is my answer with a link [1]." in text


def test_one_vote_per_person_per_answer_the_last_wins(start: Start) -> None:
    run = start()
    root = "1700040600.000100"
    run.sender.event(mention("vote on me", ts=root))
    posted = run.fake.wait_call(
        "chat.postMessage", lambda c: c.args.get("thread_ts") == root, timeout=WAIT
    )[0]
    answer_id = posted.args["blocks"][-1]["elements"][0]["value"]
    for action in ("levier_feedback_down", "levier_feedback_up", "levier_feedback_up"):
        assert run.sender.interaction(_click(action, answer_id)).status == 200
    # each vote is stored before its click is answered, in the order of the clicks: the last
    # wins however busy the workers are (they only open the comment forms)
    assert [r["vote"] for r in run.app.ctx.store.feedback_rows()] == [1]
    run.fake.wait_call("views.open", count=2, timeout=WAIT)
    run.stop()
    assert len(run.fake.of("views.open")) == 2
    rows = run.app.ctx.store  # closed: read the file
    del rows
    import sqlite3

    db = sqlite3.connect(run.settings.data_dir / "levier.db")
    try:
        votes = db.execute("SELECT user_id, vote FROM feedback").fetchall()
    finally:
        db.close()
    assert votes == [("U2", 1)]


def test_a_model_failing_mid_stream_leaves_the_offline_card_not_the_partial_text(
    start: Start, advise_fn: FakeAdvise
) -> None:
    run = start()
    advise_fn.deltas = ["The model began ", "a sentence that ", "never ends "]
    advise_fn.text = "OFFLINE CARD [1]\n\n_The language model is unavailable: offline answer._"
    advise_fn.fallback = "connection"
    root = "1700040700.000100"
    run.sender.event(mention("learn newsjacking", ts=root))
    update = run.fake.wait_call(
        "chat.update", lambda c: "OFFLINE CARD" in json.dumps(c.args), timeout=WAIT
    )[0]
    stream_ts = run.fake.of("chat.startStream")[0]
    stopped = run.fake.of("chat.stopStream")
    assert update.args["ts"] == stopped[0].args["ts"]
    final = run.fake.messages[update.args["ts"]]
    assert "never ends" not in json.dumps(final) and "OFFLINE CARD" in json.dumps(final)
    assert "levier_feedback_up" in json.dumps(final["blocks"])
    assert stream_ts.args["thread_ts"] == root


def test_a_users_info_failure_in_a_dm_fails_closed(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    run.fake.usergroups = [{"id": "S1", "users": ["U1"]}]
    run.fake.failures["users.info"] = "ratelimited"
    dm = {"channel": "D1", "channel_type": "im", "user": "U1"}
    run.sender.event(message("first", ts="1700040800.000100", **dm))  # type: ignore[arg-type]
    _answered(run, "1700040800.000100")
    assert advise_fn.requests[0].access.external is True  # unsure who asks: public only
    del run.fake.failures["users.info"]
    run.sender.event(message("second", ts="1700040801.000100", **dm))  # type: ignore[arg-type]
    _answered(run, "1700040801.000100")
    assert advise_fn.requests[1].access.external is False  # the failure was not cached
