"""`levier run` with Slack tokens set: the real process connects over Socket Mode and answers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from bot.slack.testing import FakeSlack, FakeSocketMode, event_body
from tests.slack.conftest import mention

FIXTURES = Path(__file__).resolve().parent.parent / "engine" / "fixtures" / "knowledge"


def test_levier_run_starts_the_bot_in_socket_mode(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        server = FakeSocketMode()
        fake.socket_url = server.url
        env = {
            **os.environ,
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_APP_TOKEN": "xapp-test",
            "LEVIER_SLACK_API_URL": fake.api_url,
            "LEVIER_KNOWLEDGE_DIR": str(FIXTURES),
            "LEVIER_DATA_DIR": str(tmp_path),
            "LEVIER_LLM_ENABLED": "false",
        }
        env.pop("LEVIER_SLACK_MODE", None)
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            server.wait_connected(timeout=180)
            root = "1700020000.000100"
            question = "Quelle stratégie pour lancer une marque de soins en France, 80k€ ?"
            server.send(
                {
                    "envelope_id": "env-run",
                    "type": "events_api",
                    "accepts_response_payload": False,
                    "retry_attempt": 0,
                    "retry_reason": "",
                    "payload": event_body(mention(question, ts=root)),
                }
            )
            assert server.wait_ack("env-run")["envelope_id"] == "env-run"
            fake.wait_for(
                lambda f: "Sources" in f.all_text() or "sources" in f.all_text(),
                timeout=120,
                what="an answer with sources",
            )
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                _out, err = proc.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                _out, err = proc.communicate()
            server.close()
        assert proc.returncode == 0, err[-2000:]
        assert "Traceback" not in err
        assert question not in err  # logs never hold message text
        assert "xoxb-test" not in err and "xapp-test" not in err
