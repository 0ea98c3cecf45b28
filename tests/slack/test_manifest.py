"""The shipped manifest asks for exactly what the app uses."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_manifest_scopes_and_events() -> None:
    manifest = yaml.safe_load((ROOT / "slack-manifest.yaml").read_text(encoding="utf-8"))
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert scopes == {
        "app_mentions:read",
        "assistant:write",
        "channels:history",
        "channels:read",
        "chat:write",
        "commands",
        "groups:history",
        "groups:read",
        "im:history",
        "im:read",
        "reactions:write",
        "usergroups:read",
        "users:read",
    }
    settings = manifest["settings"]
    assert settings["socket_mode_enabled"] is True
    assert settings["interactivity"]["is_enabled"] is True
    assert set(settings["event_subscriptions"]["bot_events"]) == {
        "app_mention",
        "assistant_thread_started",
        "assistant_thread_context_changed",
        "channel_shared",
        "channel_unshared",
        "message.channels",
        "message.groups",
        "message.im",
        "subteam_members_changed",
        "subteam_updated",
    }
    commands = manifest["features"]["slash_commands"]
    assert [c["command"] for c in commands] == ["/levier"]
    assert "assistant_view" in manifest["features"]
