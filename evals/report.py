"""Eval reports: JSON (for the next comparison), Markdown, and HTML with inline SVG charts."""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path
from typing import Any

_COLORS = {"fr": "#2b6cb0", "en": "#c05621", "all": "#2f855a", "previous": "#a0aec0"}
_SYSTEM_COLORS = {
    "levier": "#2f855a",
    "dense": "#2b6cb0",
    "bm25": "#c05621",
    "levier+bm25 (RRF)": "#805ad5",
}


def previous_run(reports: Path) -> dict[str, Any] | None:
    runs = sorted(reports.glob("eval-*.json")) if reports.is_dir() else []
    if not runs:
        return None
    try:
        data: dict[str, Any] = json.loads(runs[-1].read_text("utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    data["_file"] = runs[-1].name
    return data


def _fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def markdown(results: dict[str, Any], previous: dict[str, Any] | None) -> str:
    lines = [f"# Levier eval — {results['at']}", "", f"Engine: {results['engine']}.", ""]
    if previous:
        lines += [f"Compared with the previous run ({previous.get('_file')}).", ""]
    for suite, agg in results["suites"].items():
        lines += [
            f"## {suite} ({len(results['cases'][suite])} cases)",
            "",
            "| metric | all | fr | en | previous | threshold |",
            "|---|---|---|---|---|---|",
        ]
        by_lang = results["by_language"].get(suite, {})
        for metric, value in agg.items():
            prev = (previous or {}).get("suites", {}).get(suite, {}).get(metric)
            threshold = results.get("thresholds", {}).get(f"{suite}.{metric}", "")
            fr = _fmt(by_lang.get("fr", {}).get(metric, ""))
            en = _fmt(by_lang.get("en", {}).get(metric, ""))
            before = _fmt(prev) if prev is not None else ""
            lines.append(
                f"| {metric} | {_fmt(value)} | {fr} | {en} | {before} | {_fmt(threshold)} |"
            )
        failed = [r["id"] for r in results["cases"][suite] if not r.get("passed")]
        lines += ["", f"Failed cases: {', '.join(failed) if failed else 'none'}", ""]
    if results.get("baselines"):
        lines += [
            "## Retrieval: Levier vs baselines (same cases)",
            "",
            "| system | recall@5 | hit@5 | MRR | nDCG@10 |",
            "|---|---|---|---|---|",
        ]
        for name, s in results["baselines"].items():
            lines.append(
                f"| {name} | {s['recall@5']:.3f} | {s['hit@5']:.3f} | {s['mrr']:.3f} | "
                f"{s['ndcg@10']:.3f} |"
            )
        lines.append("")
    if results.get("judge"):
        lines += ["## Judge", "", "```", json.dumps(results["judge"], indent=2), "```", ""]
    if results.get("failures"):
        lines += ["## Below threshold", ""] + [f"- {f}" for f in results["failures"]]
    return "\n".join(lines) + "\n"


def _bar_chart(title: str, groups: list[tuple[str, dict[str, float]]]) -> str:
    """Grouped horizontal bars (values in [0, 1]); one group per metric."""
    series = sorted({s for _, values in groups for s in values})
    bar_h, gap, label_w, width = 12, 10, 150, 320
    height = len(groups) * (len(series) * bar_h + gap) + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + width + 120}" '
        f'height="{height}" role="img" aria-label="{html.escape(title)}">',
        f'<text x="4" y="14" font-size="13" font-weight="bold">{html.escape(title)}</text>',
    ]
    y = 24
    for metric, values in groups:
        parts.append(f'<text x="4" y="{y + bar_h}" font-size="11">{html.escape(metric)}</text>')
        for s in series:
            v = values.get(s)
            if v is None or v != v:
                y += bar_h
                continue
            w = max(1.0, min(1.0, v) * width)
            color = _COLORS.get(s) or _SYSTEM_COLORS.get(s, "#4a5568")
            parts.append(
                f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" '
                f'fill="{color}"><title>{html.escape(s)}: {v:.3f}</title></rect>'
            )
            parts.append(
                f'<text x="{label_w + w + 4:.1f}" y="{y + bar_h - 3}" font-size="10">'
                f"{html.escape(s)} {v:.2f}</text>"
            )
            y += bar_h
        y += gap
    parts.append("</svg>")
    return "".join(parts)


def html_report(results: dict[str, Any], previous: dict[str, Any] | None) -> str:
    body = [
        f"<h1>Levier eval — {html.escape(results['at'])}</h1>",
        f"<p>Engine: {html.escape(results['engine'])}. "
        + (
            f"Previous run: {html.escape(str(previous.get('_file')))}."
            if previous
            else "No previous run."
        )
        + "</p>",
    ]
    legend = " ".join(f'<span style="color:{c}">■ {n}</span>' for n, c in _COLORS.items())
    body.append(f"<p>{legend}</p>")
    for suite, agg in results["suites"].items():
        by_lang = results["by_language"].get(suite, {})
        prev = (previous or {}).get("suites", {}).get(suite, {})
        groups = []
        for metric, value in agg.items():
            if "latency" in metric:
                continue
            values = {"all": value}
            for lang, a in by_lang.items():
                if metric in a:
                    values[lang] = a[metric]
            if isinstance(prev.get(metric), float):
                values["previous"] = prev[metric]
            groups.append((metric, values))
        latency = ", ".join(f"{k} {v:.0f} ms" for k, v in agg.items() if "latency" in k)
        body.append(f"<h2>{html.escape(suite)} ({len(results['cases'][suite])} cases)</h2>")
        body.append(_bar_chart(f"{suite}: metrics per language", groups))
        body.append(f"<p>Latency: {html.escape(latency)}</p>")
    if results.get("baselines"):
        groups = [
            (metric, {name: s[metric] for name, s in results["baselines"].items()})
            for metric in ("recall@5", "hit@5", "mrr", "ndcg@10")
        ]
        body.append("<h2>Retrieval: Levier vs baselines</h2>")
        body.append(
            _bar_chart("levier / dense / bm25", groups).replace('fill="#4a5568"', 'fill="#805ad5"')
        )
    if results.get("failures"):
        items = "".join(f"<li>{html.escape(f)}</li>" for f in results["failures"])
        body.append(f"<h2>Below threshold</h2><ul>{items}</ul>")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Levier eval'
        "</title><style>body{font-family:sans-serif;max-width:900px;margin:2em auto}</style>"
        "</head><body>" + "".join(body) + "</body></html>\n"
    )


def write_reports(
    results: dict[str, Any], previous: dict[str, Any] | None, reports: Path
) -> tuple[Path, Path]:
    reports.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    (reports / f"eval-{stamp}.json").write_text(json.dumps(results, indent=2, default=str), "utf-8")
    md = reports / f"eval-{stamp}.md"
    md.write_text(markdown(results, previous), "utf-8")
    page = reports / f"eval-{stamp}.html"
    page.write_text(html_report(results, previous), "utf-8")
    (reports / "latest.md").write_text(md.read_text("utf-8"), "utf-8")
    (reports / "latest.html").write_text(page.read_text("utf-8"), "utf-8")
    return md, page
