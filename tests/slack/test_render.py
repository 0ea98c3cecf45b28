"""The pure rendering module: Markdown → mrkdwn, defanging, splitting, Block Kit limits."""

from __future__ import annotations

import re

import pytest

from bot.models import Advice, Brief, Plan, PlanItem, SourceRef
from bot.slack import render
from bot.slack.render import ZWSP, defang, md_to_mrkdwn, split_text

# ---- defanging ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<!channel>", f"@{ZWSP}channel"),
        ("<!here|here>", f"@{ZWSP}here"),
        ("<!everyone>", f"@{ZWSP}everyone"),
        ("<!subteam^S0123ABC|@pr-team>", f"@{ZWSP}pr-team"),
        ("<!subteam^S0123ABC>", f"@{ZWSP}S0123ABC"),
        ("<@U024BE7LH>", f"@{ZWSP}U024BE7LH"),
        ("<@W024BE7LH|bob>", f"@{ZWSP}bob"),
        ("hey @channel!", f"hey @{ZWSP}channel!"),
        ("@here now", f"@{ZWSP}here now"),
        ("@Everyone", f"@{ZWSP}Everyone"),
        ("<#C123|general>", f"#{ZWSP}general"),
        ("<!date^1392734382^{date}|Feb 18>", "Feb 18"),
        ("mail me at me@here.com", "mail me at me@here.com"),
        ("@channels and @hereafter", "@channels and @hereafter"),
    ],
)
def test_defang(raw: str, expected: str) -> None:
    assert defang(raw) == expected


MENTION_RE = re.compile(r"<[!@]|(?<![\w@])@(channel|here|everyone)\b", re.IGNORECASE)


@pytest.mark.parametrize(
    "text",
    [
        "**<!channel>** _<@U1>_ `<!here>` [<!everyone>](https://x.y) @here",
        "```\n<!channel>\n```",
        "> <!subteam^S1|@team>\n\n- <@W1>",
        "<<!channel>>",
        "<!chan" + "nel>",
    ],
)
def test_rendered_text_never_pings(text: str) -> None:
    out = md_to_mrkdwn(text)
    assert not MENTION_RE.search(out), out


# ---- Markdown → mrkdwn ----------------------------------------------------------------------


def test_inline_formatting() -> None:
    out = md_to_mrkdwn("**bold** and *italic* and ~~gone~~ and `x < y` & co")
    assert out == "*bold* and _italic_ and ~gone~ and `x &lt; y` &amp; co"


def test_links() -> None:
    assert md_to_mrkdwn("[docs](https://a.b/c?x=1&y=2)") == "<https://a.b/c?x=1&amp;y=2|docs>"
    assert md_to_mrkdwn("<https://a.b>") == "<https://a.b>"
    assert md_to_mrkdwn("[a|b](https://a.b)") == "<https://a.b|a∣b>"
    assert md_to_mrkdwn("[x](javascript:alert(1))") == "[x](javascript:alert(1))"


def test_headings_lists_quotes_code_tables() -> None:
    md = (
        "# Plan **now**\n\nIntro\n\n- a\n- b\n  1. c\n  2. d\n\n> quoted\n\n"
        "```python\nif a < b:\n    pass\n```\n\n| h1 | h2 |\n|----|----|\n| 1 | 2 |\n\n---\n"
    )
    assert md_to_mrkdwn(md) == (
        "*Plan now*\n\nIntro\n\n• a\n• b\n    1. c\n    2. d\n\n> quoted\n\n"
        "```\nif a &lt; b:\n    pass\n```\n\n*h1* | *h2*\n1 | 2\n\n───"
    )


def test_raw_html_is_text() -> None:
    assert md_to_mrkdwn("<b>hi</b>") == "&lt;b&gt;hi&lt;/b&gt;"


def test_ordered_list_start() -> None:
    assert md_to_mrkdwn("3. three\n4. four") == "3. three\n4. four"


# ---- splitting ------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


def test_short_text_is_one_piece() -> None:
    assert split_text("hello\n\nworld", 100) == ["hello\n\nworld"]


def test_split_at_paragraphs() -> None:
    paras = [f"para {i} " + "x" * 40 for i in range(10)]
    pieces = split_text("\n\n".join(paras), 120)
    assert all(len(p) <= 120 for p in pieces)
    assert "\n\n".join(pieces) == "\n\n".join(paras)


def test_split_long_paragraph_at_words() -> None:
    text = " ".join(f"word{i}" for i in range(2000))
    pieces = split_text(text, 500)
    assert all(len(p) <= 500 for p in pieces)
    assert _words(" ".join(pieces)) == _words(text)  # never inside a word


def test_split_long_lines_at_line_breaks() -> None:
    text = "\n".join(f"line {i} " + "y" * 30 for i in range(200))
    pieces = split_text(text, 400)
    assert all(len(p) <= 400 for p in pieces)
    assert "\n".join(pieces) == text


def test_code_block_is_not_split_when_it_fits() -> None:
    code = "```\n" + "\n".join(f"code {i}" for i in range(20)) + "\n\nmore\n```"
    text = "a" * 100 + "\n\n" + code + "\n\n" + "b" * 100
    pieces = split_text(text, len(code) + 10)
    assert code in pieces
    for piece in pieces:
        assert piece.count("```") % 2 == 0


def test_huge_code_block_is_closed_and_reopened() -> None:
    code = "```\n" + "\n".join(f"line {i} = value" for i in range(600)) + "\n```"
    pieces = split_text(code, 1000)
    assert len(pieces) > 5
    for piece in pieces:
        assert len(piece) <= 1000
        assert piece.startswith("```\n") and piece.endswith("\n```")
    body = "\n".join(p[4:-4] for p in pieces)
    assert body == "\n".join(f"line {i} = value" for i in range(600))


def test_a_giant_word_is_cut_as_a_last_resort() -> None:
    pieces = split_text("x" * 7000, 3000)
    assert [len(p) for p in pieces] == [3000, 3000, 1000]


# ---- blocks ---------------------------------------------------------------------------------


def _advice(**kw) -> Advice:  # type: ignore[no-untyped-def]
    base = {"language": "en", "mode": "strategy", "brief": Brief(), "text": "Answer [1]."}
    base.update(kw)
    return Advice(**base)


SOURCES = [
    SourceRef(n=1, id="m-a", title="A <b> | c", path="knowledge/a b.md", kind="mechanic"),
    SourceRef(n=2, id="m-b", title="B", path="knowledge/b.md", kind="mechanic"),
]


def test_sources_link_to_documents_or_stay_plain() -> None:
    linked = render.sources_mrkdwn(SOURCES, "https://kb.example.com/tree/main/", "en")
    assert "[1] <https://kb.example.com/tree/main/knowledge/a%20b.md|A &lt;b&gt; ∣ c>" in linked
    assert "[2] <https://kb.example.com/tree/main/knowledge/b.md|B>" in linked
    flat = render.sources_mrkdwn(SOURCES, None, "fr")
    assert "[1] A &lt;b&gt; ∣ c — `knowledge/a b.md`" in flat and "<http" not in flat


def test_strategy_card_sections() -> None:
    plan = Plan(
        targeting=[PlanItem(title="Urban 25-35", detail="**foodies**", sources=[1])],
        channels=[PlanItem(title="Instagram")],
        timing=[PlanItem(title="Rentrée")],
        mechanics=[PlanItem(title="Newsjacking", sources=[1, 2])],
        kpis=[PlanItem(title="Mentions")],
        risks=[PlanItem(title="Backlash <!channel>")],
    )
    blocks = render.answer_blocks(
        _advice(plan=plan, sources=SOURCES),
        answer_id="abc",
        source_base_url=None,
        card_title="Plan — Oatly",
    )
    assert blocks[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Plan — Oatly", "emoji": True},
    }
    texts = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert texts[0] == "*Targeting*\n• *Urban 25-35* — *foodies* [1]"
    assert texts[3] == "*Mechanic*\n• *Newsjacking* [1][2]"
    assert "<!channel>" not in str(blocks)
    assert blocks[-1]["type"] == "actions" and blocks[-1]["elements"][0]["value"] == "abc"


def test_french_card_headings() -> None:
    plan = Plan(targeting=[PlanItem(title="x")], risks=[PlanItem(title="y")])
    blocks = render.card_blocks(plan, "fr")
    assert blocks[0]["text"]["text"] == "Fiche stratégie"
    assert blocks[1]["text"]["text"].startswith("*Ciblage*")
    assert blocks[2]["text"]["text"].startswith("*Risques & conformité*")


def test_limits_respected_for_huge_answers() -> None:
    text = "\n\n".join(f"Paragraph {i}. " + "lorem ipsum " * 80 for i in range(400))
    messages = render.answer_messages(
        _advice(text=text, sources=SOURCES), answer_id="id1", source_base_url=None
    )
    assert len(messages) > 1
    for msg in messages:
        assert 0 < len(msg.blocks) <= render.MAX_BLOCKS
        assert len(msg.text) <= render.MAX_FALLBACK
        for block in msg.blocks:
            if block["type"] == "section":
                assert len(block["text"]["text"]) <= render.MAX_SECTION
    assert messages[-1].blocks[-1]["type"] == "actions"


def test_clarifying_question_and_notices() -> None:
    blocks = render.answer_blocks(
        _advice(clarifying_question="Which market?", notices=["Offline answer"]),
        answer_id=None,
        source_base_url=None,
    )
    kinds = [b["type"] for b in blocks]
    assert kinds == ["section", "section", "context"]
    assert "Which market?" in blocks[1]["text"]["text"]


def test_fallback_text_is_short_and_defanged() -> None:
    out = render.fallback_text("<!channel> " + "word " * 200)
    assert len(out) <= render.MAX_FALLBACK and "<!channel>" not in out and out.endswith("…")
