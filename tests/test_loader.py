"""Knowledge loading: validation messages, chunking, references."""

from __future__ import annotations

from pathlib import Path

from kbfactory import campaign, principle, small_tree, write_doc

from bot.knowledge.loader import chunks_of, load_knowledge, split_sections


def _problems(root: Path) -> list[str]:
    return [str(p) for p in load_knowledge(root, repo_root=root.parent).problems]


def test_small_tree_is_valid(tmp_path: Path) -> None:
    report = load_knowledge(small_tree(tmp_path / "knowledge"))
    assert report.ok, report.problems
    assert {d.id for d in report.docs} == {
        "principle-two-step-flow",
        "principle-peso",
        "campaign-sample",
        "lesson-secret-grid",
    }


def test_unknown_code_names_file_field_and_allowed_values(tmp_path: Path) -> None:
    root = small_tree(tmp_path / "knowledge")
    write_doc(root, "campaigns/bad.md", campaign("campaign-bad", markets=["france"]), "# Bad\n")
    problems = _problems(root)
    assert len(problems) == 1
    assert "campaigns/bad.md" in problems[0]
    assert "[markets.0]" in problems[0]
    assert "unknown market 'france'" in problems[0]
    assert "fr" in problems[0].split("fix:")[1]


def test_missing_and_unknown_fields(tmp_path: Path) -> None:
    root = tmp_path / "knowledge"
    front = principle()
    del front["summary"]
    front["sumary"] = "typo"
    write_doc(root, "p.md", front, "# x\n")
    problems = _problems(root)
    assert any("[summary]" in p and "add 'summary:'" in p for p in problems)
    assert any("[sumary]" in p and "unknown field" in p for p in problems)


def test_broken_yaml_and_missing_front_matter_do_not_stop_others(tmp_path: Path) -> None:
    root = small_tree(tmp_path / "knowledge")
    (root / "broken.md").write_text("---\nid: principle-x\ntitle: a: b: c\n---\n", "utf-8")
    (root / "nofront.md").write_text("# Just markdown\n", "utf-8")
    (root / "latin1.md").write_bytes("---\ntitle: caf\xe9\n---\n".encode("latin-1"))
    report = load_knowledge(root)
    assert len(report.docs) == 4  # the valid ones are still loaded
    text = "\n".join(str(p) for p in report.problems)
    assert "broken.md [front matter]: invalid YAML" in text
    assert "nofront.md [front matter]: no YAML front matter" in text
    assert "latin1.md: the file is not valid UTF-8" in text


def test_campaign_without_sources_is_rejected(tmp_path: Path) -> None:
    root = tmp_path / "knowledge"
    write_doc(root, "c.md", campaign(sources=[]), "# c\n")
    assert any("needs at least one entry in 'sources'" in p for p in _problems(root))


def test_result_without_source_is_rejected(tmp_path: Path) -> None:
    root = tmp_path / "knowledge"
    write_doc(root, "c.md", campaign(results=[{"metric": "sales", "value": "+10%"}]), "# c\n")
    problems = _problems(root)
    assert any("results.0.source" in p for p in problems)
    assert any("results.0.year" in p for p in problems)


def test_duplicate_ids_broken_links_and_unknown_related(tmp_path: Path) -> None:
    root = small_tree(tmp_path / "knowledge")
    write_doc(root, "dup.md", principle(), "# dup\n")
    write_doc(
        root,
        "links.md",
        principle("principle-links", related=["principle-nope"]),
        "# L\n\nSee [PESO](principles/peso.md) and [gone](principles/gone.md).\n",
    )
    text = "\n".join(_problems(root))
    assert "duplicate id 'principle-two-step-flow'" in text
    assert "links to unknown id 'principle-nope'" in text
    assert "broken link to 'principles/gone.md'" in text
    assert "principles/peso.md'" not in text


def test_restricted_needs_an_allowlist(tmp_path: Path) -> None:
    root = tmp_path / "knowledge"
    write_doc(root, "p.md", principle(visibility="restricted"), "# p\n")
    assert any("restricted document needs allowed_channels" in p for p in _problems(root))


def test_sections_become_chunks_with_metadata(tmp_path: Path) -> None:
    root = small_tree(tmp_path / "knowledge")
    doc = next(d for d in load_knowledge(root).docs if d.id == "principle-two-step-flow")
    chunks = chunks_of(doc)
    assert [c.metadata["section"] for c in chunks] == ["Title", "In short", "Use it"]
    assert chunks[0].text.startswith("The two-step flow — Title")
    meta = chunks[1].metadata
    assert meta["doc_id"] == "principle-two-step-flow"
    assert meta["kind"] == "principle"
    assert meta["language"] == "en"
    assert meta["markets"] == ["global"]
    assert meta["visibility"] == "public"
    assert meta["path"].endswith("principles/two-step.md")
    assert "Opinion leaders" in chunks[1].text


def test_split_sections_ignores_headings_in_code_fences() -> None:
    body = "# T\n\nIntro.\n\n## A\nx\n```\n## not a heading\n```\n## B\ny\n"
    sections = list(split_sections(body, "T"))
    assert [s.heading for s in sections] == ["Overview", "A", "B"]
    assert "## not a heading" in sections[1].text


def test_glossary_terms_are_chunks(tmp_path: Path) -> None:
    root = tmp_path / "knowledge"
    write_doc(
        root,
        "g.md",
        {
            "id": "glossary-media",
            "kind": "glossary",
            "title": "Glossaire",
            "language": "fr",
            "summary": "Termes de relations presse.",
            "terms": [
                {
                    "fr": "communiqué de presse",
                    "en": "press release",
                    "definition_fr": "Texte envoyé aux journalistes.",
                    "definition_en": "Text sent to journalists.",
                }
            ],
        },
        "",
    )
    doc = load_knowledge(root).docs[0]
    chunks = chunks_of(doc)
    assert any("press release" in c.text and "communiqué" in c.text for c in chunks)


def test_the_title_line_is_not_a_chunk_of_its_own(tmp_path: Path) -> None:
    root = tmp_path / "knowledge"
    write_doc(root, "p.md", principle(), "\n# The two-step flow\n\n## In short\nLeaders relay.\n")
    doc = load_knowledge(root).docs[0]
    assert [s.heading for s in doc.sections] == ["In short"]
