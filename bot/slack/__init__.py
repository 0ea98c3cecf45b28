"""Levier's Slack app: thin listeners that turn Slack into `Request`s and `Advice` into replies.

Nothing here runs at import time; `bot.slack.app.create_app` builds the app, `run_slack` runs it.
"""
