"""Inter-reviewer agreement: percentage agreement, Cohen's kappa per pair, Krippendorff's alpha (nominal).

The three formulas are written out here (a few lines each, no numeric dependency) and checked in
tests/test_agreement.py against published worked examples: Krippendorff (2011), "Computing Krippendorff's
Alpha-Reliability", the nominal example with missing data (alpha = 0.743) and the two-observer binary example
(alpha = 0.095); and the worked examples of Cohen's kappa in the Wikipedia article "Cohen's kappa" (kappa = 0.4,
0.1304 and 0.2593). Ratings are compared by agreement group, so ratings an admin groups together count as agreeing.
"""
from collections import Counter
from dataclasses import dataclass
from dataclasses import field
from itertools import combinations

from sqlalchemy import select

from annotate.extensions import db
from annotate.models import Article
from annotate.models import Claim
from annotate.models import User
from annotate.models import Verdict
from annotate.review import ratings as review_ratings


def percent_agreement(pairs: list[tuple]) -> float | None:
    """Share of pairs whose two values are equal (None when there is no pair)."""
    if not pairs:
        return None
    return sum(1 for a, b in pairs if a == b) / len(pairs)


def cohen_kappa(first: list, second: list) -> float | None:
    """Cohen's kappa of two raters over the same items: (p_o - p_e) / (1 - p_e).

    None when chance agreement is already total (both raters used one and the same category), where kappa
    is undefined.
    """
    if len(first) != len(second):
        raise ValueError("both raters must rate the same items")
    n = len(first)
    if n == 0:
        return None
    observed = sum(1 for a, b in zip(first, second) if a == b) / n
    counts_a, counts_b = Counter(first), Counter(second)
    expected = sum(counts_a[c] * counts_b[c] for c in counts_a) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha_nominal(units: list[list]) -> float | None:
    """Krippendorff's alpha for nominal data; each unit lists the values it received (missing ones left out).

    Built from the coincidence matrix: alpha = 1 - (n - 1) * sum_{c!=k} o_ck / sum_{c!=k} n_c * n_k.
    Units with fewer than two values are not pairable and are skipped. None when there is no variation at all.
    """
    coincidences: Counter = Counter()
    for values in units:
        m = len(values)
        if m < 2:
            continue
        for i, j in ((i, j) for i in range(m) for j in range(m) if i != j):
            coincidences[(values[i], values[j])] += 1 / (m - 1)
    totals: Counter = Counter()
    for (c, _k), weight in coincidences.items():
        totals[c] += weight
    n = sum(totals.values())
    observed = sum(w for (c, k), w in coincidences.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if n <= 1 or expected == 0:
        return None
    return 1 - (n - 1) * observed / expected


@dataclass
class PairAgreement:
    """Two reviewers over the claims both rated."""

    first: User
    second: User
    common: int = 0
    percent: float | None = None
    kappa: float | None = None
    disagreements: list[Claim] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.first.id}-{self.second.id}"


@dataclass
class ArticleAgreement:
    """Agreement over one article: overall figures, each pair of reviewers, and every reviewer's rating per claim."""

    article: Article
    reviewers: list[User] = field(default_factory=list)
    rated_claims: int = 0
    percent: float | None = None
    alpha: float | None = None
    pairs: list[PairAgreement] = field(default_factory=list)
    disagreements: list[Claim] = field(default_factory=list)
    ratings: dict[int, dict[int, str]] = field(default_factory=dict)

    def pair(self, key: str | None) -> PairAgreement | None:
        """The pair named like "3-7" (the first reviewer's id, then the second's), or None."""
        return next((p for p in self.pairs if p.key == key), None)


def article_agreement(article: Article) -> ArticleAgreement:
    """Agreement of the current verdicts on an article's claims, by agreement group, in two queries."""
    groups = review_ratings.groups()
    rows = db.session.execute(
        select(Verdict, Claim).join(Claim, Verdict.claim_id == Claim.id)
        .where(Claim.article_id == article.id, Verdict.superseded_at.is_(None))
        .order_by(Claim.start, Claim.id, Verdict.created_at)).all()
    report = ArticleAgreement(article)
    claims: dict[int, Claim] = {}
    people: dict[int, User] = {}
    for verdict, claim in rows:
        claims[claim.id] = claim
        people[verdict.reviewer_id] = verdict.reviewer
        report.ratings.setdefault(claim.id, {})[verdict.reviewer_id] = verdict.rating
    grouped = {cid: {rid: groups.get(r, r) for rid, r in by.items()} for cid, by in report.ratings.items()}
    report.reviewers = sorted(people.values(), key=lambda u: u.username.lower())
    report.rated_claims = len(grouped)
    all_pairs = [(by[a], by[b]) for by in grouped.values() for a, b in combinations(sorted(by), 2)]
    report.percent = percent_agreement(all_pairs)
    report.alpha = krippendorff_alpha_nominal([list(by.values()) for by in grouped.values()])
    report.disagreements = [claims[cid] for cid, by in grouped.items() if len(set(by.values())) > 1]
    for first, second in combinations(report.reviewers, 2):
        common = [cid for cid, by in grouped.items() if first.id in by and second.id in by]
        if not common:
            continue
        a = [grouped[cid][first.id] for cid in common]
        b = [grouped[cid][second.id] for cid in common]
        report.pairs.append(PairAgreement(
            first, second, len(common), percent_agreement(list(zip(a, b))), cohen_kappa(a, b),
            [claims[cid] for cid in common if grouped[cid][first.id] != grouped[cid][second.id]]))
    return report
