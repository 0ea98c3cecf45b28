"""End to end with the real advise(): a fixture knowledge tree, a real Chroma index in tmp_path
and the bundled USE embeddings. A restricted document never shows outside its allowlist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.advise import advise
from bot.models import Access, Request
from bot.slack.testing import FakeSlack
from tests.slack.conftest import WAIT, Start, make_settings, mention, message

CODEWORD = "QUARTZ-FALCON"
TITLE = "Zephyr client playbook"

PUBLIC = """---
id: mechanic-reactive-comment
kind: mechanic
title: Reactive expert comment
language: en
summary: The brand reacts quickly to news with an expert comment that journalists can quote.
family: earned
markets: [global]
objectives: [awareness]
audiences: [general-public]
budget_bands: [low]
duration_weeks: [1, 4]
channels: [channel-x]
kpis:
  - Earned mentions
  - Quotes of the spokesperson
risks:
  - Being seen as opportunistic
---

# Reactive expert comment

## How it works

Newsjacking with an expert: when news breaks, offer journalists a quick, quotable comment.
"""

RESTRICTED = f"""---
id: mechanic-zephyr-playbook
kind: mechanic
title: {TITLE}
language: en
summary: The confidential Zephyr launch playbook for newsjacking, for the Zephyr team only.
family: earned
markets: [global]
objectives: [awareness]
audiences: [general-public]
budget_bands: [low]
duration_weeks: [1, 4]
channels: [channel-x]
kpis:
  - Earned mentions
  - Share of voice
risks:
  - Leak of the client's plans
visibility: restricted
allowed_channels: [C_ZEPHYR]
allowed_groups: [S_ZEPHYR]
---

# {TITLE}

## How to newsjack for Zephyr

The codeword is {CODEWORD}. Newsjacking for Zephyr: react within two hours to news about the
brand, always with the client's spokesperson.
"""


@pytest.fixture
def real_deps(tmp_path: Path, fake: FakeSlack):
    from bot.deps import build_deps
    from bot.index.embeddings import make_embeddings
    from bot.index.store import Store, open_client
    from bot.knowledge.loader import load_knowledge

    kb = tmp_path / "knowledge" / "mechanics"
    kb.mkdir(parents=True)
    (kb / "reactive-comment.md").write_text(PUBLIC, encoding="utf-8")
    (kb / "zephyr-playbook.md").write_text(RESTRICTED, encoding="utf-8")
    settings = make_settings(tmp_path, fake, knowledge_dir=tmp_path / "knowledge")
    report = load_knowledge(settings.knowledge_dir)
    assert {d.id for d in report.docs} == {"mechanic-reactive-comment", "mechanic-zephyr-playbook"}
    store = Store(open_client(settings), make_embeddings(settings))
    store.sync(report.docs)
    return build_deps(settings, with_llm=False, store=store)


QUESTION = "How should we newsjack for Zephyr? What is the codeword of the Zephyr playbook?"


class RecordingAdvise:
    """The real advise(), recording the Access each request carried."""

    def __init__(self) -> None:
        self.accesses: dict[str, Access] = {}

    def __call__(self, request: Request, deps, on_delta=None):  # type: ignore[no-untyped-def]
        assert request.access.channel_id is not None
        self.accesses[request.access.channel_id] = request.access
        return advise(request, deps, on_delta)


def _visible(deps, access: Access) -> set[str]:
    hits = deps.retriever.search(QUESTION, access=access, k=10)
    return {h.doc_id for h in hits}


@pytest.mark.slow
def test_restricted_document_never_leaves_its_allowlist(
    start: Start, fake: FakeSlack, real_deps, tmp_path: Path
) -> None:
    recorder = RecordingAdvise()
    run = start(advise=recorder, deps=real_deps, knowledge_dir=tmp_path / "knowledge")
    fake.usergroups = [{"id": "S_ZEPHYR", "users": ["U_Z"]}]
    fake.channels["C_ZEPHYR_EXT"] = {"is_ext_shared": True}
    cases = [
        # (event, channel, may see the restricted document)
        # a general channel, asked by a member of the allowed group: the channel reads it
        (mention(QUESTION, channel="C_GENERAL", user="U_Z", ts="1700020000.000100"), False),
        # a DM with someone outside the group
        (
            message(
                QUESTION, channel="D_OTHER", channel_type="im", user="U_X", ts="1700020001.000100"
            ),
            False,
        ),
        # a Slack Connect channel: public documents only
        (mention(QUESTION, channel="C_ZEPHYR_EXT", ts="1700020002.000100"), False),
        # the allowlisted channel, and a DM with a member of the allowed group
        (mention(QUESTION, channel="C_ZEPHYR", ts="1700020003.000100"), True),
        (
            message(QUESTION, channel="D_Z", channel_type="im", user="U_Z", ts="1700020004.000100"),
            True,
        ),
    ]
    for event, allowed in cases:
        channel, root = event["channel"], event["ts"]
        run.sender.event(event)
        fake.wait_call(
            "chat.postMessage",
            lambda c, ch=channel, r=root: (
                c.args.get("channel") == ch and c.args.get("thread_ts") == r and "blocks" in c.args
            ),
            timeout=WAIT,
        )
        replies = json.dumps([c.args for c in fake.calls if c.args.get("channel") == channel])
        if not allowed:
            assert CODEWORD not in replies and TITLE not in replies, channel
        # the Access the app passed lets retrieval see the document exactly when allowed
        seen = _visible(real_deps, recorder.accesses[channel])
        assert ("mechanic-zephyr-playbook" in seen) is allowed, channel
        assert "mechanic-reactive-comment" in seen
