"""Signatures, retries, acks under load, failures, defanging, splitting, shared channels."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

from tests.slack.conftest import WAIT, FakeAdvise, Start, mention, message


def test_bad_signature_is_rejected_without_any_api_call(start: Start) -> None:
    run = start()
    before = len(run.fake.calls)
    reply = run.sender.form({"command": "/levier", "text": "help"}, secret="wrong-secret")
    assert reply.status == 401
    body = json.dumps({"type": "event_callback", "event_id": "EvBAD", "event": mention("hi")})
    from bot.slack.testing import post

    reply = post(run.url, body, {"Content-Type": "application/json"})  # no signature at all
    assert reply.status == 401
    assert len(run.fake.calls) == before


def test_retry_answered_once_even_after_restart(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    event = mention("retry me", ts="1700001000.000100")
    assert run.sender.event(event, event_id="EvSAME").status == 200
    assert run.sender.event(event, event_id="EvSAME", retry=1).status == 200
    run.fake.wait_call("chat.postMessage", timeout=WAIT)
    run.stop()
    # a new process on the same data dir: Slack redelivers the same event
    run2 = start()
    assert run2.sender.event(event, event_id="EvSAME", retry=2).status == 200
    run2.sender.event(mention("fresh", ts="1700001001.000100"), event_id="EvNEW")
    run2.fake.wait_call("chat.postMessage", count=2, timeout=WAIT)
    assert [r.text for r in advise_fn.wait_requests(2)] == ["retry me", "fresh"]


def test_acks_stay_fast_with_20_answers_in_flight(start: Start, advise_fn: FakeAdvise) -> None:
    advise_fn.gate = threading.Event()
    run = start(slack_workers=4)
    events = [mention(f"question {i}", ts=f"1700002000.{i:06d}") for i in range(20)]
    with ThreadPoolExecutor(20) as pool:
        replies = list(pool.map(run.sender.event, events))
    assert all(r.status == 200 for r in replies)
    assert max(r.seconds for r in replies) < 3.0
    # every question shows a sign of work although only 4 workers are free
    run.fake.wait_call("reactions.add", count=20, timeout=WAIT)
    # commands and buttons are still acknowledged at once
    reply = run.sender.command("help")
    assert reply.status == 200 and reply.seconds < 3.0
    click = {
        "type": "block_actions",
        "user": {"id": "U2"},
        "team": {"id": "T1"},
        "api_app_id": "A1",
        "trigger_id": "1.2.3",
        "actions": [
            {
                "action_id": "levier_feedback_up",
                "block_id": "levier_feedback",
                "value": "unknown-answer",
                "type": "button",
            }
        ],
    }
    reply = run.sender.interaction(click)
    assert reply.status == 200 and reply.seconds < 3.0
    run.fake.wait_call("views.open", timeout=WAIT)
    advise_fn.wait_requests(4)
    advise_fn.gate.set()
    run.fake.wait_call(
        "chat.postMessage", lambda c: bool(c.args.get("blocks")), count=20, timeout=WAIT
    )
    assert len(advise_fn.requests) == 20


def test_failure_gives_friendly_message_and_clears_status(
    start: Start, advise_fn: FakeAdvise
) -> None:
    run = start()
    advise_fn.error = RuntimeError("SECRET-INTERNAL-DETAIL at /srv/levier")
    root = "1700003000.000100"
    run.sender.event(mention("quelle stratégie pour la rentrée ?", ts=root))
    posted = run.fake.wait_call(
        "chat.postMessage", lambda c: c.args.get("thread_ts") == root, timeout=WAIT
    )[0]
    assert "Désolé" in posted.args["text"]  # French question, French apology
    run.fake.wait_call("reactions.remove", timeout=WAIT)
    # assistant surface: the status is cleared too
    thread = "1700003001.000001"
    run.sender.event(
        message(
            "help me", channel="D1", channel_type="im", ts="1700003001.000002", thread_ts=thread
        )
    )
    posted = run.fake.wait_call(
        "chat.postMessage", lambda c: c.args.get("thread_ts") == thread, timeout=WAIT
    )[0]
    assert "Sorry" in posted.args["text"]
    statuses = run.fake.wait_call("assistant.threads.setStatus", count=2, timeout=WAIT)
    assert statuses[-1].args["status"] == ""
    assert "SECRET-INTERNAL-DETAIL" not in run.fake.all_text()
    assert "RuntimeError" not in run.fake.all_text()


def test_failure_is_never_logged_with_text(start: Start, advise_fn: FakeAdvise, caplog) -> None:
    run = start()
    advise_fn.error = ValueError("the user's confidential question")
    with caplog.at_level("DEBUG"):
        run.sender.event(mention("my confidential question", ts="1700003100.000100"))
        run.fake.wait_call("reactions.remove", timeout=WAIT)
        run.stop()
    assert "confidential" not in caplog.text
    assert "ValueError" in caplog.text


def test_mentions_in_generated_text_are_defanged(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    advise_fn.text = (
        "Alert <!channel> and <!here|here>, <!everyone>, <!subteam^S123|@pr-team>, "
        "<@U999> and <@W123|boss>; also @channel and @here."
    )
    root = "1700004000.000100"
    run.sender.event(mention("hi", ts=root))
    posted = run.fake.wait_call(
        "chat.postMessage", lambda c: c.args.get("thread_ts") == root, timeout=WAIT
    )[0]
    sent = json.dumps(posted.args, ensure_ascii=False)
    for bad in (
        "<!channel>",
        "<!here",
        "<!everyone>",
        "<!subteam",
        "<@U999>",
        "<@W123",
        " @channel",
        " @here",
    ):
        assert bad not in sent, bad
    assert "@\u200bchannel" in posted.args["text"]


def test_long_answer_is_split(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    paragraphs = [
        f"Paragraph {i} " + " ".join(f"word{i}x{j}" for j in range(60)) for i in range(250)
    ]
    paragraphs[10] = "```\ncode line\n\nafter a blank line\n```"
    advise_fn.text = "\n\n".join(paragraphs)
    root = "1700005000.000100"
    run.sender.event(mention("long please", ts=root))
    posts = run.fake.wait_for(
        lambda f: (
            lambda p: p if p and any(b["type"] == "actions" for b in p[-1].args["blocks"]) else None
        )([c for c in f.of("chat.postMessage") if c.args.get("thread_ts") == root]),
        timeout=WAIT,
    )
    assert len(posts) >= 2  # > 50 blocks: several messages
    sections = []
    for post in posts:
        assert len(post.args["blocks"]) <= 50
        for block in post.args["blocks"]:
            if block["type"] == "section":
                assert len(block["text"]["text"]) <= 3000
                sections.append(block["text"]["text"])
    joined = "\n\n".join(s for s in sections if not s.startswith("*Sources*"))
    assert joined == advise_fn.text  # nothing lost, nothing cut inside a word
    assert any(s.count("```") == 2 and "after a blank line" in s for s in sections)


def test_shared_channel_uses_public_documents_only(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    run.fake.channels["C_EXT"] = {"is_ext_shared": True, "is_shared": True}
    run.sender.event(mention("hi", channel="C_EXT", ts="1700006000.000100"))
    run.sender.event(mention("hi", channel="C_INT", ts="1700006001.000100"))
    requests = advise_fn.wait_requests(2)
    by_channel = {r.access.channel_id: r.access for r in requests}
    assert by_channel["C_EXT"].external is True and by_channel["C_EXT"].principals == ()
    assert by_channel["C_INT"].external is False
    # a user from another workspace in a DM: external as well
    run.fake.users["U_GUEST"] = {"team_id": "T_OTHER"}
    run.sender.event(
        message("hi", channel="D9", channel_type="im", user="U_GUEST", ts="1700006002.000100")
    )
    assert advise_fn.wait_requests(3)[2].access.external is True


def test_conversations_info_failure_fails_closed(start: Start, advise_fn: FakeAdvise) -> None:
    run = start()
    run.fake.failures["conversations.info"] = "missing_scope"
    run.sender.event(mention("hi", channel="C_X", ts="1700007000.000100"))
    assert advise_fn.wait_requests(1)[0].access.external is True


def test_message_text_is_not_logged_even_at_debug(
    start: Start, advise_fn: FakeAdvise, caplog
) -> None:

    with caplog.at_level("DEBUG"):
        run = start()
        run.sender.event(mention("ultra secret launch of Project Nimbus", ts="1700008000.000100"))
        run.fake.wait_call("reactions.remove", timeout=WAIT)
        run.sender.command("idea Nimbus secret idea")
        run.fake.wait_call("chat.postMessage", lambda c: "blocks" in c.args, count=2, timeout=WAIT)
        run.stop()
    assert "Nimbus" not in caplog.text
    assert "Here is **my** answer" not in caplog.text


def test_health_endpoint_for_load_balancers(start: Start) -> None:
    import urllib.request

    run = start()
    url = f"http://127.0.0.1:{run.server.port}/healthz"
    with urllib.request.urlopen(url, timeout=30) as resp:
        assert resp.status == 200 and resp.read() == b"ok"
