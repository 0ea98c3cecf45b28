"""👍/👎 are stored durably with the question, the answer and the sources."""

from __future__ import annotations

import json
import sqlite3

from tests.slack.conftest import WAIT, FakeAdvise, Start, mention


def _click(action_id: str, answer_id: str) -> dict:
    return {
        "type": "block_actions",
        "team": {"id": "T1"},
        "user": {"id": "U2"},
        "api_app_id": "A1",
        "trigger_id": "9.8.7",
        "channel": {"id": "C1"},
        "container": {"type": "message", "channel_id": "C1", "message_ts": "1700000000.000002"},
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": "levier_feedback",
                "value": answer_id,
                "action_ts": "1700000999.1",
            }
        ],
    }


def test_feedback_is_stored_with_comment(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    root = "1700000900.000100"
    run.sender.event(mention("how to use newsjacking?", ts=root))
    posted = run.fake.wait_call(
        "chat.postMessage", lambda c: c.args.get("thread_ts") == root, timeout=WAIT
    )[0]
    actions = next(b for b in posted.args["blocks"] if b["type"] == "actions")
    down = next(e for e in actions["elements"] if e["action_id"] == "levier_feedback_down")
    reply = run.sender.interaction(_click("levier_feedback_down", down["value"]))
    assert reply.status == 200
    opened = run.fake.wait_call("views.open", timeout=WAIT)[0]
    view = opened.args["view"]
    assert view["callback_id"] == "levier_feedback_comment"
    submission = {
        "type": "view_submission",
        "team": {"id": "T1"},
        "user": {"id": "U2"},
        "api_app_id": "A1",
        "view": {
            **view,
            "id": "V1",
            "state": {
                "values": {
                    "comment": {
                        "value": {"type": "plain_text_input", "value": "Too generic for Germany"}
                    }
                }
            },
        },
    }
    assert run.sender.interaction(submission).status == 200
    run.stop()  # durable: read the file after the app closed it
    db = sqlite3.connect(run.settings.data_dir / "levier.db")
    try:
        rows = db.execute(
            "SELECT answer_id, user_id, vote, comment, question, answer, sources FROM feedback"
        ).fetchall()
    finally:
        db.close()
    assert len(rows) == 1
    answer_id, user, vote, comment, question, answer, sources = rows[0]
    assert answer_id == down["value"] and user == "U2" and vote == -1
    assert comment == "Too generic for Germany"
    assert question == "how to use newsjacking?"
    assert answer == advise_fn.text
    assert json.loads(sources)[0]["id"] == "mechanic-newsjacking"


def test_thumbs_up(start: Start) -> None:
    run = start()
    root = "1700000910.000100"
    run.sender.event(mention("hello", ts=root))
    posted = run.fake.wait_call(
        "chat.postMessage", lambda c: c.args.get("thread_ts") == root, timeout=WAIT
    )[0]
    answer_id = posted.args["blocks"][-1]["elements"][0]["value"]
    run.sender.interaction(_click("levier_feedback_up", answer_id))
    run.fake.wait_call("views.open", timeout=WAIT)
    rows = run.app.ctx.store.feedback_rows()
    assert [(r["answer_id"], r["vote"]) for r in rows] == [(answer_id, 1)]
