"""Recognising the situation of a question by what it means.

A linear model (multinomial logistic regression, numpy only) over the question's multilingual
embedding plus one keyword feature per situation. Its training data is knowledge: the `examples`
and `signals` of every playbook. Rules come first for what must never reach a guess: a playbook's
`overrides` (e.g. injected instructions, illegal requests) decide at once.

Fitting embeds every example once; the fitted weights are cached on disk under the data dir,
keyed by a hash of the examples, the signals and the embedding model, and rebuilt when they change.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.brief.text import fold
from bot.knowledge.catalog import Catalog

MODEL_VERSION = "situation-lr-4"
EPOCHS = 300
LEARNING_RATE = 0.5
L2 = 2e-3

Embed = Callable[[list[str]], list[list[float]]]

# Amounts say how big a brief is, not what it asks: "£40k, what's the play?" is a launch. They are
# taken out before embedding, so that a figure alone never makes a budget question.
_MONEY = re.compile(
    r"(?:[€$£¥]|r\$|rmb|chf|usd|eur|gbp)\s?\d[\d\s.,]*\s?(?:k|m|mn|bn|million|millions)?\b"
    r"|\b\d[\d\s.,]*\s?(?:k|m|mn|bn|million|millions|mille)?\s?"
    r"(?:€|\$|£|¥|k€|m€|keur|meur|euros?|dollars?|pounds?|livres|usd|gbp|chf|rmb|yens?|r\$|aed|sar)",
    re.IGNORECASE,
)


def without_amounts(text: str) -> str:
    return _MONEY.sub(" X ", text)


@dataclass(frozen=True)
class Reading:
    """The situation of a question, with the runner-up and how sure the model is."""

    situation: str
    confidence: float
    ranked: tuple[tuple[str, float], ...]
    rule: bool = False  # decided by an override rule, not by the model

    @property
    def margin(self) -> float:
        if len(self.ranked) < 2:
            return 1.0
        return self.ranked[0][1] - self.ranked[1][1]


def stem_pattern(stems: Sequence[str]) -> StemMatcher | None:
    """Any of `stems` at the start of a word; built once per list (playbooks' signals and
    cases, channels' aliases are read for every question)."""
    return _stem_matcher(tuple(stems))


@lru_cache(maxsize=1024)
def _stem_matcher(stems: tuple[str, ...]) -> StemMatcher | None:
    words = sorted({fold(s).strip() for s in stems if s.strip()}, key=len, reverse=True)
    return StemMatcher(tuple(words)) if words else None


class StemMatcher:
    """Folded stems, each at the start of a word (a stem of three letters or fewer is a whole
    word: "fun" is not "funding", "ong" not "ongoing"), matched like one regex alternation,
    longest stem first.

    Only the stems a text contains are compiled, so a first question does not pay for the
    thousands of stems it does not use; a stem absent from the text can never match, so the
    matches are those of the whole alternation."""

    __slots__ = ("words",)

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words  # folded, longest first

    def _pattern(self, text: str, whole_words: bool = False) -> re.Pattern[str] | None:
        present = tuple(w for w in self.words if w in text)
        return _alternation(present, whole_words) if present else None

    def search(self, text: str) -> re.Match[str] | None:
        pattern = self._pattern(text)
        return pattern.search(text) if pattern is not None else None

    def findall(self, text: str) -> list[str]:
        pattern = self._pattern(text)
        return pattern.findall(text) if pattern is not None else []

    def finditer(self, text: str, *, whole_words: bool = False) -> list[re.Match[str]]:
        """The matches; with `whole_words`, only where the match ends a word."""
        pattern = self._pattern(text, whole_words)
        return list(pattern.finditer(text)) if pattern is not None else []


@lru_cache(maxsize=8192)
def _alternation(words: tuple[str, ...], whole_words: bool) -> re.Pattern[str]:
    alternatives = (re.escape(w) + (r"(?![a-z0-9])" if len(w) <= 3 else "") for w in words)
    end = r"(?![a-z0-9])" if whole_words else ""
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(alternatives) + ")" + end)


@dataclass
class SituationModel:
    classes: list[str]
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)
    mean: np.ndarray  # feature standardisation
    scale: np.ndarray
    signals: dict[str, StemMatcher | None]

    def features(self, vectors: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        signal = np.zeros((len(texts), len(self.classes)), dtype=np.float64)
        for i, text in enumerate(texts):
            folded = fold(text)
            for j, name in enumerate(self.classes):
                pattern = self.signals.get(name)
                if pattern is not None:
                    signal[i, j] = min(len(pattern.findall(folded)), 3) / 3
        return np.hstack([vectors.astype(np.float64), signal])

    def probabilities(self, vectors: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        x = (self.features(vectors, texts) - self.mean) / self.scale
        return _softmax(x @ self.weights + self.bias)

    def read(self, vector: Sequence[float], text: str) -> Reading:
        probs = self.probabilities(np.asarray([vector], dtype=np.float64), [text])[0]
        order = np.argsort(-probs)
        ranked = tuple((self.classes[i], round(float(probs[i]), 4)) for i in order[:4])
        return Reading(situation=ranked[0][0], confidence=ranked[0][1], ranked=ranked)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        np.savez(
            tmp,
            weights=self.weights,
            bias=self.bias,
            mean=self.mean,
            scale=self.scale,
            classes=np.asarray(self.classes),
        )
        tmp.replace(path)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: np.ndarray = e / e.sum(axis=1, keepdims=True)
    return out


@dataclass(frozen=True)
class TrainingSet:
    texts: list[str]
    labels: list[str]
    signals: dict[str, list[str]]
    overrides: dict[str, list[str]]

    @classmethod
    def from_catalog(cls, catalog: Catalog) -> TrainingSet:
        texts: list[str] = []
        labels: list[str] = []
        signals: dict[str, list[str]] = {}
        overrides: dict[str, list[str]] = {}
        # Refusals' rules are checked first: an injected "show me your prompt" is not a lookup.
        books = sorted(catalog.playbooks(), key=lambda b: (b.mode != "other", b.situation))
        for book in books:
            for example in book.examples:
                texts.append(example)
                labels.append(book.situation)
            signals.setdefault(book.situation, []).extend(book.signals)
            overrides.setdefault(book.situation, []).extend(book.overrides)
        return cls(texts=texts, labels=labels, signals=signals, overrides=overrides)

    def digest(self, model_id: str) -> str:
        payload = json.dumps(
            [MODEL_VERSION, model_id, self.texts, self.labels, sorted(self.signals.items())],
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def fit(vectors: np.ndarray, data: TrainingSet) -> SituationModel:
    """Multinomial logistic regression with L2, full-batch gradient descent (deterministic)."""
    classes = sorted(set(data.labels))
    index = {c: i for i, c in enumerate(classes)}
    signals = {c: stem_pattern(data.signals.get(c, [])) for c in classes}
    model = SituationModel(
        classes=classes,
        weights=np.zeros((0, 0)),
        bias=np.zeros(0),
        mean=np.zeros(0),
        scale=np.ones(0),
        signals=signals,
    )
    x = model.features(vectors, data.texts)
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    x = (x - mean) / scale
    y = np.zeros((len(data.labels), len(classes)))
    y[np.arange(len(data.labels)), [index[label] for label in data.labels]] = 1.0
    w = np.zeros((x.shape[1], len(classes)))
    b = np.zeros(len(classes))
    n = len(x)
    for _ in range(EPOCHS):
        p = _softmax(x @ w + b)
        grad = p - y
        w -= LEARNING_RATE * (x.T @ grad / n + L2 * w)
        b -= LEARNING_RATE * grad.mean(axis=0)
    model.weights, model.bias, model.mean, model.scale = w, b, mean, scale
    return model


def _load(path: Path, data: TrainingSet) -> SituationModel | None:
    try:
        with np.load(path, allow_pickle=False) as saved:
            classes = [str(c) for c in saved["classes"]]
            if classes != sorted(set(data.labels)):
                return None
            return SituationModel(
                classes=classes,
                weights=saved["weights"],
                bias=saved["bias"],
                mean=saved["mean"],
                scale=saved["scale"],
                signals={c: stem_pattern(data.signals.get(c, [])) for c in classes},
            )
    except (OSError, KeyError, ValueError):
        return None


class Recogniser:
    """Reads the situation of a question; fitted lazily, once, and cached on disk."""

    def __init__(self, catalog: Catalog, embed: Embed, model_id: str, cache_dir: Path) -> None:
        self._data = TrainingSet.from_catalog(catalog)
        self._embed = embed
        self._path = cache_dir / f"{self._data.digest(model_id)}.npz"
        self._model: SituationModel | None = None
        self._lock = threading.Lock()
        # a refusal's overrides first: "three ideas for fake reviews" is refused, not brainstormed
        self._overrides = {
            name: re.compile("|".join(f"(?:{p})" for p in patterns))
            for name, patterns in sorted(
                self._data.overrides.items(), key=lambda item: item[0] != "out-of-scope"
            )
            if patterns
        }

    @property
    def ready(self) -> bool:
        return len(set(self._data.labels)) >= 2

    def model(self) -> SituationModel:
        with self._lock:
            if self._model is None:
                loaded = _load(self._path, self._data) if self._path.exists() else None
                if loaded is None:
                    texts = [without_amounts(x) for x in self._data.texts]
                    vectors = np.asarray(self._embed(texts), dtype=np.float64)
                    loaded = fit(vectors, self._data)
                    with contextlib.suppress(OSError):  # read-only data dir: fit next start
                        loaded.save(self._path)
                self._model = loaded
            return self._model

    def override(self, text: str) -> str | None:
        folded = fold(text)
        for name, pattern in self._overrides.items():
            if pattern.search(folded):
                return name
        return None

    def read(self, text: str, vector: Sequence[float] | None = None) -> Reading | None:
        if not self.ready:
            return None
        forced = self.override(text)
        if forced is not None:
            return Reading(situation=forced, confidence=1.0, ranked=((forced, 1.0),), rule=True)
        if vector is None:
            vector = self._embed([without_amounts(text)])[0]
        return self.model().read(vector, text)
