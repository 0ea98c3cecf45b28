"""Fault suite, knowledge: a corpus broken every way at once (a symbolic link loop, a pipe, a
duplicate id, a YAML typo in an indexed document, a binary file, a 50 MB file, latin-1, an empty
file) costs those files only: every other document stays indexed and cited, the typo'd one keeps
its last good version (links to it stay valid), the counts are exact, one message per file.

The commands run as subprocesses with a timeout (a pipe must not hang them); no network.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from kbfactory import principle, small_tree, write_doc

from bot.index.embeddings import make_embeddings
from bot.index.store import open_client
from bot.knowledge.loader import chunks_of, load_knowledge
from bot.settings import Settings

BROKEN = {
    "knowledge/loop.md": "a symbolic link loop",
    "knowledge/pipe.md": "not a regular file",
    "knowledge/aa-copy.md": "duplicate id 'principle-peso': knowledge/principles/peso.md",
    "knowledge/principles/two-step.md": "invalid YAML",
    "knowledge/image.md": "the file is binary",
    "knowledge/huge.md": "over the 524288 limit",
    "knowledge/latin1.md": "not valid UTF-8",
    "knowledge/empty.md": "the file is empty",
}


def _levier(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "LEVIER_KNOWLEDGE_DIR": str(settings.knowledge_dir),
        "LEVIER_DATA_DIR": str(settings.data_dir),
        "LEVIER_LLM_ENABLED": "false",
        "LEVIER_LOG_LEVEL": "WARNING",
        "LEVIER_CHROMA_HOST": "",
    }
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=settings.knowledge_dir.parent,
    )


def _break(root: Path) -> None:
    (root / "loop.md").symlink_to("loop.md")
    os.mkfifo(root / "pipe.md")
    copy = write_doc(root, "aa-copy.md", principle("principle-peso", title="Imposter"), "# X\n")
    os.utime(copy)  # the newcomer, though it sorts first
    two_step = root / "principles" / "two-step.md"
    text = two_step.read_text("utf-8").replace("title: The two-step flow", "title: a: b: c", 1)
    assert text != two_step.read_text("utf-8")
    two_step.write_text(text, "utf-8")
    (root / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with (root / "huge.md").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (root / "latin1.md").write_bytes(
        "---\nid: principle-caf\ntitle: caf\xe9\n---\n".encode("latin-1")
    )
    (root / "empty.md").write_bytes(b"")


def test_a_broken_corpus_costs_the_broken_files_only(tmp_path: Path) -> None:
    started = time.monotonic()
    settings = Settings(knowledge_dir=tmp_path / "knowledge", data_dir=tmp_path / "data")
    root = small_tree(settings.knowledge_dir)
    write_doc(
        root,
        "principles/linker.md",
        principle(
            "principle-linker",
            title="Linker",
            related=["principle-two-step-flow", "principle-peso"],
        ),
        "# Linker\n\n## See\nRead [the flow](two-step.md) and [PESO](peso.md) together.\n",
    )
    first = _levier(settings, "ingest")
    assert first.returncode == 0, first.stderr
    before = {d.id: d for d in load_knowledge(root).docs}
    good = set(before)
    assert len(good) == 5

    _break(root)
    validate = _levier(settings, "kb", "validate")
    assert validate.returncode == 1
    lines = validate.stdout.splitlines()
    for path, message in BROKEN.items():
        mine = [line for line in lines if line.startswith(f"{path}")]
        assert len(mine) == 1, (path, mine, validate.stdout)
        assert message in mine[0], (message, mine[0])
    problems = [line for line in lines if not line.startswith("kb validate:")]
    assert len(problems) == len(BROKEN), validate.stdout  # none for the files linking to them
    assert lines[-1] == (
        "kb validate: 12 files, 4 valid, 8 invalid (1 kept at their last good version), "
        "8 problem(s)"
    ), lines[-1]

    ingest = _levier(settings, "ingest")
    assert ingest.returncode == 1
    assert "added 0, updated 0, deleted 0, unchanged 5, invalid 8" in ingest.stdout, ingest.stdout
    assert (
        "8 invalid file(s) of 12: 1 keep their last good version, 7 not indexed, "
        "0 indexed with a problem" in ingest.stderr
    ), ingest.stderr
    assert len([x for x in ingest.stderr.splitlines() if x.startswith("invalid: ")]) == 8

    # Every good document, the typo'd one at its last good version, is whole in the index...
    client = open_client(settings)
    collection = client.get_collection(f"levier-use-m3-{make_embeddings(settings).dimension}")
    got = collection.get(include=["metadatas"])
    held: dict[str, dict[str, tuple[str, str]]] = {}
    for chunk_id, meta in zip(got["ids"], got["metadatas"] or [], strict=True):
        held.setdefault(str(meta["doc_id"]), {})[chunk_id] = (
            str(meta["content_hash"]),
            str(meta["path"]),
        )
    assert set(held) == good
    for doc_id, doc in before.items():
        assert held[doc_id] == {c.id: (doc.content_hash, doc.path) for c in chunks_of(doc)}

    # ... and cited: the typo'd document answers a question about it.
    ask = _levier(settings, "ask", "--json", "--today", "2026-11-26", "What is the two-step flow?")
    assert ask.returncode == 0, ask.stderr
    sources = [s["path"] for s in json.loads(ask.stdout)["sources"]]
    assert "knowledge/principles/two-step.md" in sources, sources
    doctor = _levier(settings, "doctor")
    assert "4 valid file(s), 8 invalid (1 kept at their last good version)" in doctor.stdout
    assert "up to date" in doctor.stdout, doctor.stdout
    print(
        f"\nfault knowledge: 8 broken files, 8 messages, {len(good)} of {len(good)} documents "
        f"indexed and cited; {time.monotonic() - started:.1f} s"
    )
