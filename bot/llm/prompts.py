"""Prompts as files: `prompts/<id>.yaml`, validated on load, rendered with declared variables.

A prompt file has exactly these keys (see `prompts/README.md`):

    id: strategy              # must equal the file name without `.yaml`
    version: 3                # recorded with every answer (Advice.trace.prompt_version)
    description: ...          # what the prompt is for
    temperature: 0.4          # optional sampling temperature
    max_tokens: 1200          # optional output cap
    variables:                # every placeholder, with what it holds
      question: The user's question, escaped and quoted.
    template: |
      ... {{ question }} ...

Placeholders are `{{ name }}`. Loading fails on an unknown key, a missing key, a placeholder that
is not declared or a declared variable the template never uses; rendering fails on a missing or
an unknown variable. Substitution is a single pass: a value containing `{{ x }}` stays literal.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from bot.settings import PROJECT_ROOT

PROMPTS_DIR = PROJECT_ROOT / "prompts"
REQUIRED_KEYS = frozenset({"id", "version", "description", "variables", "template"})
OPTIONAL_KEYS = frozenset({"temperature", "max_tokens"})
# The prompts the language-model layer needs; `load_prompts` fails if one is missing.
REQUIRED_PROMPTS = (
    "system",
    "strategy",
    "ideas",
    "learn",
    "recite",
    "extract",
    "followup",
    "judge",
)

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_BRACES = re.compile(r"\{\{|\}\}")
_ID = re.compile(r"^[a-z][a-z0-9_-]*$")


class PromptError(ValueError):
    """A prompt file is invalid, or a prompt was rendered with the wrong variables."""


@dataclass(frozen=True)
class Prompt:
    id: str
    version: str
    description: str
    variables: Mapping[str, str]  # name -> description
    template: str
    temperature: float | None = None
    max_tokens: int | None = None
    path: str = ""

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"

    def render(self, **values: object) -> str:
        """The template with every declared variable replaced; fails loudly on a mismatch."""
        missing = sorted(set(self.variables) - set(values))
        unknown = sorted(set(values) - set(self.variables))
        if missing or unknown:
            parts = []
            if missing:
                parts.append(f"missing variable(s) {', '.join(missing)}")
            if unknown:
                parts.append(f"unknown variable(s) {', '.join(unknown)}")
            raise PromptError(f"prompt {self.ref}: {'; '.join(parts)}")
        text = {k: str(v) for k, v in values.items()}
        return _PLACEHOLDER.sub(lambda m: text[m.group(1)], self.template)


def parse_prompt(data: Any, *, source: str, expected_id: str | None = None) -> Prompt:
    """Validate one prompt file's content (already parsed from YAML)."""
    if not isinstance(data, dict):
        raise PromptError(f"{source}: a prompt file must be a mapping of keys")
    keys = set(data)
    unknown = sorted(str(k) for k in keys - REQUIRED_KEYS - OPTIONAL_KEYS)
    if unknown:
        raise PromptError(f"{source}: unknown key(s) {', '.join(unknown)}")
    missing = sorted(REQUIRED_KEYS - keys)
    if missing:
        raise PromptError(f"{source}: missing key(s) {', '.join(missing)}")
    pid = data["id"]
    if not isinstance(pid, str) or not _ID.match(pid):
        raise PromptError(f"{source}: id must be a lowercase name, got {pid!r}")
    if expected_id is not None and pid != expected_id:
        raise PromptError(f"{source}: id {pid!r} must match the file name {expected_id!r}")
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int | str) or not str(version).strip():
        raise PromptError(f"{source}: version must be a number or a non-empty string")
    description = data["description"]
    if not isinstance(description, str) or not description.strip():
        raise PromptError(f"{source}: description must be a non-empty string")
    template = data["template"]
    if not isinstance(template, str) or not template.strip():
        raise PromptError(f"{source}: template must be a non-empty string")
    variables = data["variables"] if data["variables"] is not None else {}
    if not isinstance(variables, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in variables.items()
    ):
        raise PromptError(f"{source}: variables must map each name to a description")
    used = set(_PLACEHOLDER.findall(template))
    undeclared = sorted(used - set(variables))
    if undeclared:
        raise PromptError(f"{source}: undeclared placeholder(s) {', '.join(undeclared)}")
    unused = sorted(set(variables) - used)
    if unused:
        raise PromptError(f"{source}: declared variable(s) never used: {', '.join(unused)}")
    leftover = _BRACES.findall(_PLACEHOLDER.sub("", template))
    if leftover:
        raise PromptError(f"{source}: malformed placeholder (unbalanced '{{{{' or '}}}}')")
    temperature = data.get("temperature")
    if temperature is not None and (
        isinstance(temperature, bool)
        or not isinstance(temperature, int | float)
        or not 0 <= temperature <= 2
    ):
        raise PromptError(f"{source}: temperature must be a number in [0, 2]")
    max_tokens = data.get("max_tokens")
    if max_tokens is not None and (
        isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens <= 0
    ):
        raise PromptError(f"{source}: max_tokens must be a positive integer")
    return Prompt(
        id=pid,
        version=str(version).strip(),
        description=description.strip(),
        variables=MappingProxyType(dict(variables)),
        template=template,
        temperature=float(temperature) if temperature is not None else None,
        max_tokens=max_tokens,
        path=source,
    )


def load_prompt(path: Path) -> Prompt:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        reason = type(exc).__name__
        raise PromptError(f"{path.name}: cannot read the prompt file ({reason})") from exc
    return parse_prompt(data, source=path.name, expected_id=path.stem)


def load_prompts(
    directory: Path = PROMPTS_DIR, required: tuple[str, ...] = REQUIRED_PROMPTS
) -> dict[str, Prompt]:
    """Every `*.yaml` prompt of `directory`, by id; fails if one is invalid or missing."""
    if not directory.is_dir():
        raise PromptError(f"the prompts folder {directory} does not exist")
    prompts = {p.id: p for p in (load_prompt(f) for f in sorted(directory.glob("*.yaml")))}
    absent = [name for name in required if name not in prompts]
    if absent:
        raise PromptError(f"{directory}: missing prompt file(s) {', '.join(absent)}")
    return prompts


@functools.lru_cache(maxsize=1)
def default_prompts() -> Mapping[str, Prompt]:
    """The project's prompts, loaded once (on first use, never at import)."""
    return MappingProxyType(load_prompts())
