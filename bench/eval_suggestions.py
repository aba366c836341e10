"""Measure the suggestion rules on the hand-labelled real-news set (tests/data/news).

Usage: python bench/eval_suggestions.py [--split dev|heldout] [--misses] [--article ID] [--speed]
       python bench/eval_suggestions.py --split dev --cw-misses | --kind-misses

Prints, for the development and held-out articles separately: source and
type accuracy over attributed sentences (a missing attribution counts as
wrong), the share of author statements given a source, check-worthiness
precision and recall at the default threshold, chrome and credit units read
as body per article, and sentence-boundary F1. The label format and the
articles' provenance are described in docs/news-evaluation-set.md.
--cw-misses lists the check-worthiness errors and --kind-misses the units of
the wrong kind (chrome read as body, body read as chrome); both refuse any
split but dev, since held-out errors are never read.
With --speed it times segment() and analyse() on attribution-heavy text
built from the same articles, at 1,000 to 8,000 sentences.
"""
import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotate.suggestions.rules import THRESHOLD  # noqa: E402
from annotate.suggestions.rules import analyse  # noqa: E402
from annotate.text.segment import normalize_text  # noqa: E402
from annotate.text.segment import segment  # noqa: E402

NEWS = ROOT / "tests" / "data" / "news"
HONORIFICS = re.compile(r"^(?:mr|mrs|ms|dr|prof)\.?\s+")
NOT_BODY = {"boilerplate", "caption"}


def norm(name: str | None) -> str:
    """Compare names ignoring case, a leading article, honorifics, dots and apostrophe style."""
    name = " ".join((name or "").replace("’", "'").split()).strip(" .,").lower()
    name = re.sub(r"^the\s+", "", name)
    name = HONORIFICS.sub("", name)
    return name.replace(".", "")


def articles(split: str | None = None) -> list[dict]:
    """The entries of sources.json, optionally one split only."""
    entries = json.loads((NEWS / "sources.json").read_text(encoding="utf-8"))["articles"]
    return [a for a in entries if split is None or a["split"] == split]


def load(article_id: str) -> tuple[str, list[dict]]:
    """(normalised text, gold rows) of one article."""
    text = normalize_text((NEWS / f"{article_id}.txt").read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in
            (NEWS / "labels" / f"{article_id}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    for row in rows:
        assert text[row["start"]:row["end"]] == row["text"], (article_id, row)
    return text, rows


@dataclass
class Tally:
    """Counts over a set of articles; the figures are ratios of these."""

    attributed: int = 0
    source_hits: int = 0
    type_hits: int = 0
    authors: int = 0
    authors_with_source: int = 0
    cw_tp: int = 0
    cw_fp: int = 0
    cw_fn: int = 0
    boundary_tp: int = 0
    boundary_gold: int = 0
    boundary_pred: int = 0
    body_units: int = 0
    body_as_chrome: int = 0
    chrome_as_body: dict = field(default_factory=dict)  # article -> count
    misses: list = field(default_factory=list)
    cw_misses: list = field(default_factory=list)  # (article, row, score)
    kind_misses: list = field(default_factory=list)  # (article, row, predicted kind)

    def figures(self) -> dict:
        """The ratios the issue's targets are stated in."""
        def ratio(a, b):
            return a / b if b else 1.0
        precision = ratio(self.cw_tp, self.cw_tp + self.cw_fp)
        recall = ratio(self.cw_tp, self.cw_tp + self.cw_fn)
        bp = ratio(self.boundary_tp, self.boundary_pred)
        br = ratio(self.boundary_tp, self.boundary_gold)
        return {
            "source_acc": ratio(self.source_hits, self.attributed),
            "type_acc": ratio(self.type_hits, self.attributed),
            "author_with_source": ratio(self.authors_with_source, self.authors),
            "cw_precision": precision,
            "cw_recall": recall,
            "chrome_as_body_max": max(self.chrome_as_body.values(), default=0),
            "chrome_as_body_total": sum(self.chrome_as_body.values()),
            "body_kind_recall": ratio(self.body_units - self.body_as_chrome, self.body_units),
            "boundary_f1": ratio(2 * bp * br, bp + br),
        }


def best_unit(units: list, start: int, end: int) -> int | None:
    """Index of the unit overlapping [start, end) most."""
    best, best_overlap = None, 0
    for i, u in enumerate(units):
        if u.start >= end:
            break
        overlap = min(u.end, end) - max(u.start, start)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def score_article(article_id: str, tally: Tally) -> None:
    """Add one article's counts to the tally."""
    text, rows = load(article_id)
    units = segment(text)
    by_index = {s.sentence_index: s for s in analyse(text, units)}
    gold_starts = {r["start"] for r in rows}
    pred_starts = {u.start for u in units}
    tally.boundary_tp += len(gold_starts & pred_starts)
    tally.boundary_gold += len(gold_starts)
    tally.boundary_pred += len(pred_starts)
    tally.chrome_as_body[article_id] = 0
    for row in rows:
        i = best_unit(units, row["start"], row["end"])
        predicted = units[i].kind if i is not None else None
        if row["kind"] in NOT_BODY and predicted == "body":
            tally.chrome_as_body[article_id] += 1
            tally.kind_misses.append((article_id, row, predicted))
        if row["kind"] != "body":
            continue
        tally.body_units += 1
        if predicted in NOT_BODY:
            tally.body_as_chrome += 1
            tally.kind_misses.append((article_id, row, predicted))
        _score_sentence(article_id, row, by_index.get(i), tally)


def _score_sentence(article_id: str, row: dict, got, tally: Tally) -> None:
    """Attribution and check-worthiness of one gold body sentence."""
    attribution = got.attribution if got else None
    predicted_cw = bool(got) and got.checkworthiness >= THRESHOLD
    if predicted_cw != bool(row["checkworthy"]):
        tally.cw_misses.append((article_id, row, got.checkworthiness if got else None))
    if row["checkworthy"]:
        tally.cw_tp += predicted_cw
        tally.cw_fn += not predicted_cw
    else:
        tally.cw_fp += predicted_cw
    if not row["attributed"]:
        tally.authors += 1
        wrong = attribution is not None and attribution.source is not None
        tally.authors_with_source += wrong
        if wrong:
            tally.misses.append((article_id, row, attribution))
        return
    tally.attributed += 1
    accepted = {norm(row["source"])} | {norm(s) for s in row["source_alternatives"]}
    source_ok = attribution is not None and attribution.type != "author" \
        and norm(attribution.source) in accepted
    type_ok = attribution is not None and attribution.type == row["type"]
    tally.source_hits += source_ok
    tally.type_hits += type_ok
    if not (source_ok and type_ok):
        tally.misses.append((article_id, row, attribution))


def evaluate(split: str | None = None, only: str | None = None) -> Tally:
    """Tally over the articles of one split (or one article)."""
    tally = Tally()
    for article in articles(split):
        if only is None or article["id"] == only:
            score_article(article["id"], tally)
    return tally


def show(title: str, tally: Tally, misses: bool) -> None:
    """Print one split's figures, and its misses when asked."""
    f = tally.figures()
    print(f"== {title}: {tally.attributed} attributed, {tally.authors} author sentences")
    print(f"   source accuracy        {f['source_acc']:.3f}")
    print(f"   type accuracy          {f['type_acc']:.3f}")
    print(f"   author with a source   {f['author_with_source']:.3f}")
    print(f"   check-worthiness P / R {f['cw_precision']:.3f} / {f['cw_recall']:.3f}")
    print(f"   chrome/credit as body  max {f['chrome_as_body_max']} per article, "
          f"{f['chrome_as_body_total']} in all")
    print(f"   boundary F1            {f['boundary_f1']:.3f}")
    print(f"   body units kept body   {f['body_kind_recall']:.3f} "
          f"({tally.body_as_chrome} of {tally.body_units} read as chrome or caption)")
    if misses:
        for article_id, row, got in tally.misses:
            got_text = f"{got.type}/{got.source!r}" if got else "none"
            print(f"   miss {article_id}@{row['start']}: gold {row['type']}/{row.get('source')!r}"
                  f" got {got_text} | {row['text'][:90]}")


def show_errors(tally: Tally, cw: bool) -> None:
    """List dev check-worthiness errors (gold 1/0, score) or kind errors (gold -> predicted)."""
    if cw:
        for article_id, row, got in tally.cw_misses:
            score = "none" if got is None else f"{got:.2f}"
            print(f"cw {int(row['checkworthy'])} {score:>5} {article_id}@{row['start']} "
                  f"{row.get('type')}: {row['text'][:150]}")
        return
    for article_id, row, predicted in tally.kind_misses:
        print(f"kind {row['kind']} -> {predicted} {article_id}@{row['start']}: {row['text'][:150]}")


def heavy_article(target: int) -> str:
    """The news articles' paragraphs that quote or cite someone, repeated with
    the figures and one name per round varied, plus "the company said"-style
    lines, until `target` sentences: every look-up has a long history."""
    lines = []
    for article in articles():
        text, _ = load(article["id"])
        lines += [ln for ln in text.split("\n") if len(ln) > 60 and re.search(r"said|says|told|[“\"]", ln)]
    out, count, round_no = [], 0, 0
    while count < target:
        for line in lines:
            out.append(re.sub(r"\d+", lambda m: str(int(m.group()) + round_no), line))
            out.append(f"The company said sales at Acme{round_no} Corp. rose {round_no} percent.")
            count += line.count(". ") + 2
        round_no += 1
    return normalize_text("\n\n".join(out))


def speed() -> None:
    """Seconds per 1,000 sentences at growing lengths: flat means linear."""
    for target in (1000, 2000, 4000, 8000):
        text = heavy_article(target)
        t0 = time.perf_counter()
        units = segment(text)
        t1 = time.perf_counter()
        analyse(text, units)
        t2 = time.perf_counter()
        n = sum(1 for u in units if u.kind == "body") / 1000
        print(f"{n * 1000:6.0f} sentences: segment {(t1 - t0) / n:.2f} s, analyse {(t2 - t1) / n:.2f} s"
              f" per 1,000 ({t2 - t0:.1f} s in all)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "heldout"])
    parser.add_argument("--article")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--cw-misses", action="store_true")
    parser.add_argument("--kind-misses", action="store_true")
    parser.add_argument("--speed", action="store_true")
    args = parser.parse_args()
    if args.speed:
        return speed()
    if args.cw_misses or args.kind_misses:
        if args.split != "dev":
            parser.error("--cw-misses and --kind-misses list dev errors only (--split dev)")
        return show_errors(evaluate("dev", args.article), args.cw_misses)
    for split in [args.split] if args.split else ["dev", "heldout"]:
        show(split, evaluate(split, args.article), args.misses)


if __name__ == "__main__":
    main()
