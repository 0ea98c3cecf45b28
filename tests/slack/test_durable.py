"""Nothing lost (issue 12): every accepted question is a job in the store before the ack; a
restart answers it (or apologises when it is too old), a redelivery never drops an unfinished
one, and the 👀 never stays on an answered or abandoned question."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

from bot.slack.context import Job
from bot.slack.store import SlackStore
from tests.slack.conftest import WAIT, FakeAdvise, Start, make_settings, mention


def _answers(run, root: str) -> list:  # type: ignore[no-untyped-def]
    return [
        c
        for c in run.fake.calls
        if c.args.get("thread_ts") == root
        and c.method == "chat.postMessage"
        and "levier_feedback_up" in str(c.args.get("blocks"))
    ]


def test_the_job_is_in_the_store_when_slack_gets_its_ack(
    start: Start, advise_fn: FakeAdvise
) -> None:
    advise_fn.gate = threading.Event()
    run = start()
    reply = run.sender.event(mention("durable?", ts="1700030000.000100"), event_id="EvDUR")
    assert reply.status == 200
    job = run.app.ctx.store.job("EvDUR")
    assert job is not None and job["status"] in ("queued", "running")
    assert job["payload"]["text"] == "durable?"
    advise_fn.gate.set()
    run.fake.wait_call("reactions.remove", timeout=WAIT)
    run.fake.wait_for(lambda f: run.app.ctx.store.job_status("EvDUR") == "done", WAIT, "done")


def test_a_question_interrupted_by_a_stop_is_answered_once_after_the_restart(
    start: Start, advise_fn: FakeAdvise
) -> None:
    advise_fn.gate = threading.Event()
    run = start(slack_drain_s=0)
    root = "1700030100.000100"
    event = mention("interrupted", ts=root)
    assert run.sender.event(event, event_id="EvINT").status == 200
    advise_fn.wait_requests(1)
    run.stop()  # drain time 0: the answer in progress goes back to the queue
    assert SlackStore(run.settings.data_dir / "levier.db").job_status("EvINT") == "queued"
    advise_fn.gate.set()  # the stopped run's worker finishes: its answer must be dropped
    run2 = start()
    # Slack redelivers the event too: still one answer
    assert run2.sender.event(event, event_id="EvINT", retry=1).status == 200
    run2.fake.wait_for(lambda f: _answers(run2, root), WAIT, "the answer")
    run2.fake.wait_for(lambda f: run2.app.ctx.store.job_status("EvINT") == "done", WAIT, "done")
    run2.fake.wait_call("reactions.remove", timeout=WAIT)
    assert run2.sender.event(event, event_id="EvINT", retry=2).status == 200
    run2.stop()
    assert len(_answers(run2, root)) == 1
    reactions = [c.method for c in run2.fake.calls if c.method.startswith("reactions.")]
    assert reactions[-1] == "reactions.remove"


def test_a_redelivered_event_whose_job_is_unfinished_is_answered(
    start: Start, tmp_path: Path, fake
) -> None:  # type: ignore[no-untyped-def]
    # A process accepted the question, then died before answering (its pid no longer exists).
    settings = make_settings(tmp_path, fake)
    store = SlackStore(settings.data_dir / "levier.db")
    root = "1700030200.000100"
    job = Job(surface="mention", channel="C1", text="lost?", user="U1", message_ts=root)
    job.thread_ts, job.id = root, "EvLOST"
    assert store.put_job("EvLOST", job.to_payload())
    dead_owner = f"{socket.gethostname()}:{2**22 + 7}:gone"  # above Linux's pid_max
    assert store.claim_job("EvLOST", dead_owner) is not None
    store.close()
    run = start()
    assert run.sender.event(mention("lost?", ts=root), event_id="EvLOST", retry=1).status == 200
    run.fake.wait_for(lambda f: _answers(run, root), WAIT, "the answer")


def test_a_question_found_too_old_at_start_up_gets_an_apology_and_no_eyes(
    start: Start, advise_fn: FakeAdvise, tmp_path: Path, fake
) -> None:  # type: ignore[no-untyped-def]
    settings = make_settings(tmp_path, fake)
    store = SlackStore(settings.data_dir / "levier.db")
    root = "1700030300.000100"
    job = Job(surface="mention", channel="C1", text="old question", user="U1", message_ts=root)
    job.thread_ts, job.id = root, "EvOLD"
    store.put_job("EvOLD", job.to_payload() | {"created_at": time.time() - 7200})
    store.close()
    run = start(slack_job_max_age_s=600)
    posted = run.fake.wait_call(
        "chat.postMessage", lambda c: c.args.get("thread_ts") == root, timeout=WAIT
    )[0]
    assert "too old" in posted.args["text"]
    run.fake.wait_call("reactions.remove", lambda c: c.args.get("timestamp") == root, timeout=WAIT)
    run.fake.wait_for(
        lambda f: run.app.ctx.store.job_status("EvOLD") == "abandoned", WAIT, "abandoned"
    )
    assert advise_fn.requests == []


def test_sigterm_style_drain_leaves_the_queue_for_the_next_start(
    start: Start, advise_fn: FakeAdvise
) -> None:
    advise_fn.gate = threading.Event()
    run = start(slack_workers=1, slack_drain_s=0)
    roots = [f"1700030400.{i:06d}" for i in range(4)]
    for i, root in enumerate(roots):
        assert run.sender.event(mention(f"q{i}", ts=root), event_id=f"EvQ{i}").status == 200
    advise_fn.wait_requests(1)
    run.stop()
    advise_fn.gate.set()
    counts = SlackStore(run.settings.data_dir / "levier.db").job_counts()
    assert counts == {"queued": 4}
    run2 = start()
    for root in roots:
        run2.fake.wait_for(lambda f, r=root: _answers(run2, r), WAIT, f"answer to {root}")
    run2.stop()
    assert all(len(_answers(run2, root)) == 1 for root in roots)
