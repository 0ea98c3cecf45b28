"""The offline strategy engine: deterministic, grounded in the catalog and the retrieved passages.

- `scoring`: fit of each mechanic to a brief, in [0, 1], with reasons (pure).
- `mechanics`: the 1–3 mechanics of a plan and comparable past campaigns.
- `calendar`: phases on real dates from the brief and the market calendar (pure).
- `targeting`, `channels`, `timing`, `measure`, `compliance`: the plan's sections.
- `plan`: assembles the `Plan`; `ideas` and `learn`: the other two modes.
- `sources`: numbering of cited documents; `context`: what each step needs.
- `understand`: merging follow-ups and form briefs around the parser in `bot.brief`.
- `writer`: the protocols of the optional language-model layer.
"""
