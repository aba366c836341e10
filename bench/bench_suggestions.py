"""Time segment() + suggest() on a ~1,000-sentence article built from the gold set.

Usage: python bench/bench_suggestions.py [target_sentences]

The article is the gold articles' body paragraphs repeated with the names
and figures varied, so that discourse look-ups (surnames, "the report") have
a growing history to search, as they would in a long live blog.
"""
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotate.suggestions.rules import analyse  # noqa: E402
from annotate.suggestions.rules import suggest  # noqa: E402
from annotate.text.segment import normalize_text  # noqa: E402
from annotate.text.segment import segment  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"


def build_article(target: int) -> str:
    """Repeat the gold articles, varying digits, until `target` body sentences."""
    sources = [normalize_text(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.txt"))]
    parts, count, round_no = [], 0, 0
    while count < target:
        for text in sources:
            varied = re.sub(r"\d+", lambda m: str(int(m.group()) + round_no), text)
            parts.append(varied)
            count += sum(1 for u in segment(varied) if u.kind == "body")
            if count >= target:
                break
        round_no += 1
    return normalize_text("\n\n".join(parts))


def best_of(runs: int, fn) -> tuple[float, object]:
    """Fastest of several runs, in seconds, with the last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> None:
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    text = build_article(target)
    seg_time, units = best_of(5, lambda: segment(text))
    body = sum(1 for u in units if u.kind == "body")
    sug_time, found = best_of(5, lambda: suggest(text, units))
    ana_time, _ = best_of(5, lambda: analyse(text, units))
    print(f"article: {len(text):,} chars, {len(units)} units, {body} body sentences")
    print(f"segment():            {seg_time * 1000:8.1f} ms")
    print(f"suggest():            {sug_time * 1000:8.1f} ms  ({len(found)} suggestions)")
    print(f"segment() + suggest(): {(seg_time + sug_time) * 1000:7.1f} ms")
    print(f"analyse() alone:      {ana_time * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
