"""schema.org ClaimReview JSON-LD for decided claims, ready to embed in a publisher's page."""
from annotate.interchange.formats import label_for
from annotate.interchange.snapshot import Snapshot


def claim_author(claim) -> dict:
    """The attributed source as the claim's author (an organisation when nothing says it is a person)."""
    if not claim.attr_source:
        return {"@type": "Organization", "name": "Unattributed"}
    author = {"@type": "Person", "name": claim.attr_source}
    if claim.attr_role:
        author["jobTitle"] = claim.attr_role
    return author


def appearance(article) -> dict:
    work = {"@type": "CreativeWork", "headline": article.title}
    if article.source_url:
        work["url"] = article.source_url
    if article.published:
        work["datePublished"] = article.published.isoformat()
    return work


def claim_review(article, claim, decision, labels: dict, base_url: str, publisher: str) -> dict:
    item = {"@type": "Claim", "author": claim_author(claim), "appearance": appearance(article)}
    if article.published:
        item["datePublished"] = article.published.isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{base_url.rstrip('/')}/articles/{article.id}?claim={claim.id}",
        "claimReviewed": claim.quote,
        "datePublished": decision.decided_at.date().isoformat(),
        "author": {"@type": "Organization", "name": publisher},
        "reviewRating": {"@type": "Rating", "alternateName": label_for(decision.rating, labels),
                         "ratingExplanation": decision.explanation},
        "itemReviewed": item,
    }


def export_claimreview(loaded: Snapshot, base_url: str, publisher: str) -> list[dict]:
    """One ClaimReview per claim with a standing decision (an undecided claim has no rating to publish)."""
    return [claim_review(a, c, loaded.decision(c), loaded.labels, base_url, publisher)
            for a in loaded.articles for c in a.claims if loaded.decision(c) is not None]
