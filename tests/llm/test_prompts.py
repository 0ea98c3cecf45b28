"""Prompts as files: every prompt renders; bad files and bad variables fail loudly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.llm.prompts import (
    PROMPTS_DIR,
    REQUIRED_PROMPTS,
    PromptError,
    load_prompt,
    load_prompts,
    parse_prompt,
)

GOOD = {
    "id": "demo",
    "version": 2,
    "description": "A demo prompt.",
    "variables": {"name": "Who to greet."},
    "template": "Hello {{ name }}!",
}


def test_every_prompt_renders() -> None:
    prompts = load_prompts()
    assert set(REQUIRED_PROMPTS) <= set(prompts)
    for prompt in prompts.values():
        assert prompt.version and prompt.description
        values = {name: f"<value of {name}>" for name in prompt.variables}
        text = prompt.render(**values)
        assert "{{" not in text and "}}" not in text
        for name in prompt.variables:
            assert f"<value of {name}>" in text, (prompt.id, name)


def test_the_files_are_all_prompts() -> None:
    files = sorted(p.stem for p in PROMPTS_DIR.glob("*.yaml"))
    assert files == sorted(load_prompts())
    readme = (PROMPTS_DIR / "README.md").read_text(encoding="utf-8")
    for prompt in load_prompts().values():
        assert f"`{prompt.id}.yaml`" in readme
        for name in prompt.variables:  # the README documents every variable
            row = next(line for line in readme.splitlines() if f"`{prompt.id}.yaml`" in line)
            assert f"`{name}`" in row, (prompt.id, name)


def test_answer_prompts_state_the_language() -> None:
    prompts = load_prompts()
    for pid in ("system", "strategy", "ideas", "learn", "recite"):
        text = prompts[pid].render(
            **dict.fromkeys(prompts[pid].variables, "x") | {"language_name": "French"}
        )
        assert "Answer in French" in " ".join(text.split()), pid


def test_missing_and_unknown_variables_fail_loudly() -> None:
    prompt = parse_prompt(GOOD, source="demo.yaml")
    assert prompt.render(name="Ada") == "Hello Ada!"
    assert prompt.version == "2" and prompt.ref == "demo@2"
    with pytest.raises(PromptError, match=r"missing variable.*name"):
        prompt.render()
    with pytest.raises(PromptError, match=r"unknown variable.*extra"):
        prompt.render(name="Ada", extra="x")


def test_substitution_is_a_single_pass() -> None:
    prompt = parse_prompt(GOOD, source="demo.yaml")
    assert prompt.render(name="{{ name }}") == "Hello {{ name }}!"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"temprature": 0.2}, "unknown key.*temprature"),
        ({"template": "Hello {{ name }} and {{ other }}"}, "undeclared placeholder.*other"),
        ({"variables": {"name": "x", "unused": "y"}}, "never used: unused"),
        ({"template": "Hello {{ name }} {{ broken"}, "malformed placeholder"),
        ({"variables": {"name": ""}}, "variables must map"),
        ({"version": ""}, "version"),
        ({"id": "Bad Id"}, "id must be"),
        ({"temperature": 3}, "temperature"),
        ({"max_tokens": 0}, "max_tokens"),
    ],
)
def test_invalid_prompt_files_are_rejected(change: dict[str, object], message: str) -> None:
    with pytest.raises(PromptError, match=message):
        parse_prompt({**GOOD, **change}, source="demo.yaml")


def test_missing_key_and_file_name_mismatch(tmp_path: Path) -> None:
    data = {k: v for k, v in GOOD.items() if k != "version"}
    with pytest.raises(PromptError, match=r"missing key.*version"):
        parse_prompt(data, source="demo.yaml")
    path = tmp_path / "other.yaml"
    path.write_text(yaml.safe_dump(GOOD), encoding="utf-8")
    with pytest.raises(PromptError, match="must match the file name"):
        load_prompt(path)


def test_a_missing_required_prompt_fails(tmp_path: Path) -> None:
    (tmp_path / "demo.yaml").write_text(yaml.safe_dump(GOOD), encoding="utf-8")
    assert set(load_prompts(tmp_path, required=("demo",))) == {"demo"}
    with pytest.raises(PromptError, match=r"missing prompt file.*system"):
        load_prompts(tmp_path)


def test_placeholders_in_files_are_declared() -> None:
    for path in PROMPTS_DIR.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        used = set(re.findall(r"\{\{\s*(\w+)\s*\}\}", data["template"]))
        assert used == set(data["variables"]), path.name


def test_judge_asks_for_the_criteria_the_evals_read() -> None:
    judge = load_prompts()["judge"]
    assert set(judge.variables) == {"language_name", "question", "documents", "answer"}
    for key in ("faithfulness", "fit", "actionability", "specificity", "creativity", "language"):
        assert f'"{key}": n' in judge.template
