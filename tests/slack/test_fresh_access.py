"""Access change mid-session (issue 12 fault suite), with the real engine and index: a channel
made Slack Connect, or a user removed from a group, sees no restricted document from the very
next answer — not after a cache expiry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.slack.testing import FakeSlack
from tests.slack.conftest import WAIT, Start, mention, message
from tests.slack.test_restricted import (  # noqa: F401  (real_deps is a fixture)
    CODEWORD,
    QUESTION,
    TITLE,
    RecordingAdvise,
    _visible,
    real_deps,
)


def _ask(run, fake: FakeSlack, event: dict) -> str:  # type: ignore[no-untyped-def, type-arg]
    channel, root = event["channel"], event["ts"]
    run.sender.event(event)
    fake.wait_call(
        "chat.postMessage",
        lambda c: (
            c.args.get("channel") == channel
            and c.args.get("thread_ts") == root
            and "blocks" in c.args
        ),
        timeout=WAIT,
    )
    return json.dumps([c.args for c in fake.calls if c.args.get("thread_ts") == root])


@pytest.mark.slow
def test_a_channel_made_shared_loses_restricted_documents_at_the_next_answer(
    start: Start, fake: FakeSlack, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    kb_deps = request.getfixturevalue("real_deps")
    recorder = RecordingAdvise()
    run = start(advise=recorder, deps=kb_deps, knowledge_dir=tmp_path / "knowledge")
    first = _ask(run, fake, mention(QUESTION, channel="C_ZEPHYR", ts="1700060000.000100"))
    assert "mechanic-zephyr-playbook" in _visible(kb_deps, recorder.accesses["C_ZEPHYR"])
    assert first
    # The channel becomes Slack Connect: Slack says so in the next event and with an event.
    fake.channels["C_ZEPHYR"] = {"is_ext_shared": True}
    shared = {"type": "channel_shared", "connected_team_id": "E2", "channel": "C_ZEPHYR"}
    assert run.sender.event(shared).status == 200
    second = _ask(run, fake, mention(QUESTION, channel="C_ZEPHYR", ts="1700060001.000100"))
    assert CODEWORD not in second and TITLE not in second
    assert "mechanic-zephyr-playbook" not in _visible(kb_deps, recorder.accesses["C_ZEPHYR"])


@pytest.mark.slow
def test_a_user_removed_from_a_group_loses_restricted_documents_at_the_next_answer(
    start: Start, fake: FakeSlack, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    kb_deps = request.getfixturevalue("real_deps")
    recorder = RecordingAdvise()
    run = start(advise=recorder, deps=kb_deps, knowledge_dir=tmp_path / "knowledge")
    fake.usergroups = [{"id": "S_ZEPHYR", "users": ["U_Z"]}]
    dm = {"channel": "D_Z", "channel_type": "im", "user": "U_Z"}
    first = _ask(run, fake, message(QUESTION, ts="1700060100.000100", **dm))  # type: ignore[arg-type]
    assert "mechanic-zephyr-playbook" in _visible(kb_deps, recorder.accesses["D_Z"])
    assert first
    fake.usergroups = [{"id": "S_ZEPHYR", "users": []}]
    changed = {"type": "subteam_members_changed", "subteam_id": "S_ZEPHYR", "team_id": "T1"}
    assert run.sender.event(changed).status == 200
    second = _ask(run, fake, message(QUESTION, ts="1700060101.000100", **dm))  # type: ignore[arg-type]
    assert CODEWORD not in second and TITLE not in second
    assert "mechanic-zephyr-playbook" not in _visible(kb_deps, recorder.accesses["D_Z"])
