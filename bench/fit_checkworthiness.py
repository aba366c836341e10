"""Refit the check-worthiness weights by logistic regression on dev news + gold.

Usage: python bench/fit_checkworthiness.py [--ridge R] [--gold-weight G] [--folds K]

Reads the development articles of tests/data/news and the gold articles of
tests/data/gold (never the held-out news articles), takes each body sentence's
cues as annotate.suggestions.rules.checkworthiness.features() sees them, and
fits one weight per cue plus the bias, pulled towards the weights in use
(ridge R), the gold sentences counted G times so that the project's own texts
keep their accuracy. Prints cross-validated precision and recall on dev (folds
by article, gold always in training), the in-sample gold accuracy, and the
weights to paste into checkworthiness.py.
"""
import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import eval_suggestions as news  # noqa: E402
from annotate.suggestions.rules import analyse  # noqa: E402
from annotate.suggestions.rules import checkworthiness  # noqa: E402
from annotate.text.segment import normalize_text  # noqa: E402
from annotate.text.segment import segment  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"
GOLD_ARTICLES = ["seed_article", "court_fraud", "politics_budget", "health_report", "business_plant"]


def scored_claims(text: str, units: list) -> dict[int, tuple]:
    """sentence index -> (claim, attributed, kind, cue) exactly as analyse() scores it."""
    calls = []
    real = checkworthiness.score

    def record(claim, attributed=False, kind=None, cue=None):
        calls.append((claim, attributed, kind, cue))
        return float(len(calls) - 1)  # the call's number stands in for the score
    checkworthiness.score = record
    try:
        found = analyse(text, units)
    finally:
        checkworthiness.score = real
    return {s.sentence_index: calls[int(s.checkworthiness)] for s in found}


def news_samples() -> list[tuple[str, dict, bool]]:
    """(article, features, gold label) for the dev body sentences analyse() reads."""
    samples = []
    for article in news.articles("dev"):
        text, rows = news.load(article["id"])
        units = segment(text)
        claims = scored_claims(text, units)
        for row in rows:
            i = news.best_unit(units, row["start"], row["end"])
            if row["kind"] == "body" and i in claims:
                samples.append((article["id"], checkworthiness.features(*claims[i]), row["checkworthy"]))
    return samples


def gold_samples() -> list[tuple[str, dict, bool]]:
    """(article, features, label) for the gold sentences, found by their text."""
    samples = []
    for name in GOLD_ARTICLES:
        text = normalize_text((GOLD / f"{name}.txt").read_text(encoding="utf-8"))
        units = segment(text)
        claims = scored_claims(text, units)
        rows = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))["sentences"]
        for row in rows:
            at = text.find(row["text"])
            i = news.best_unit(units, at, at + len(row["text"])) if at >= 0 else None
            if i in claims:
                samples.append(("gold:" + name, checkworthiness.features(*claims[i]), row["checkworthy"]))
    return samples


def fit(samples, names, prior, ridge, gold_weight, iterations=12) -> dict[str, float]:
    """Newton steps on the penalised log-likelihood of p = sigmoid(2 * (bias + w.x))."""
    keys = ["bias"] + names
    theta = [2 * prior.get(k, 0.0) for k in keys]
    centre = list(theta)
    rows = [([1.0] + [f.get(n, 0.0) for n in names], float(y), gold_weight if a.startswith("gold:") else 1.0)
            for a, f, y in samples]
    d = len(keys)
    for _ in range(iterations):
        grad = [ridge * (t - c) for t, c in zip(theta, centre)]
        hess = [[ridge if i == j else 0.0 for j in range(d)] for i in range(d)]
        for x, y, w in rows:
            z = sum(t * v for t, v in zip(theta, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            nz = [(i, v) for i, v in enumerate(x) if v]
            for i, v in nz:
                grad[i] += w * (p - y) * v
                for j, u in nz:
                    hess[i][j] += w * p * (1 - p) * v * u
        step = solve(hess, grad)
        theta = [t - s for t, s in zip(theta, step)]
    return {k: t / 2 for k, t in zip(keys, theta)}


def solve(a, b):
    """Gaussian elimination with partial pivoting (the system is small)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for k in range(c, n + 1):
                m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def margin(weights, f) -> float:
    return weights["bias"] + sum(weights.get(n, 0.0) * v for n, v in f.items())


def predict(weights, f) -> bool:
    return margin(weights, f) >= 0


def break_even(scored) -> tuple[float, float]:
    """(shift, P = R): the bias shift at which precision meets recall."""
    best = (0.0, 0.0, 9.0)
    for step in range(-40, 41):
        shift = step / 100
        p, r, _ = precision_recall([(y, m + shift >= 0) for y, m in scored])
        if abs(p - r) < best[2]:
            best = (shift, (p + r) / 2, abs(p - r))
    return best[0], best[1]


def precision_recall(pairs) -> tuple[float, float, float]:
    tp = sum(1 for y, p in pairs if y and p)
    fp = sum(1 for y, p in pairs if not y and p)
    fn = sum(1 for y, p in pairs if y and not p)
    accuracy = sum(1 for y, p in pairs if y == p) / len(pairs)
    return tp / max(1, tp + fp), tp / max(1, tp + fn), accuracy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ridge", type=float, default=8.0)
    parser.add_argument("--gold-weight", type=float, default=4.0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--drop", default="", help="comma-separated cues to leave out (ablation)")
    args = parser.parse_args()
    dev, gold = news_samples(), gold_samples()
    names = sorted({n for _, f, _ in dev + gold for n in f} - set(args.drop.split(",")))
    prior = dict(checkworthiness.WEIGHTS, bias=checkworthiness.BIAS)
    ids = sorted({a for a, _, _ in dev})
    scored = []
    for k in range(args.folds):
        held = set(ids[k::args.folds])
        w = fit([s for s in dev if s[0] not in held] + gold, names, prior, args.ridge, args.gold_weight)
        scored += [(y, margin(w, f)) for a, f, y in dev if a in held]
    w = fit(dev + gold, names, prior, args.ridge, args.gold_weight)
    print("dev cross-validated P / R / acc %.3f / %.3f / %.3f"
          % precision_recall([(y, m >= 0) for y, m in scored]))
    print("dev cross-validated break-even: shift %+.2f, P = R = %.3f" % break_even(scored))
    loss = sum(math.log(1 + math.exp(-2 * m if y else 2 * m)) for y, m in scored) / len(scored)
    print("dev cross-validated log-loss %.4f" % loss)
    print("dev in-sample       P / R / acc %.3f / %.3f / %.3f"
          % precision_recall([(y, predict(w, f)) for _, f, y in dev]))
    print("gold in-sample      P / R / acc %.3f / %.3f / %.3f"
          % precision_recall([(y, predict(w, f)) for _, f, y in gold]))
    print("weights:", ", ".join(f'"{k}": {v:.2f}' for k, v in w.items()))


if __name__ == "__main__":
    main()
