"""Fixed vocabularies of the export format, version 1 (a public contract).

Each vocabulary is written once, as its labels in order; the tuple of its values is read off the labels,
so the two cannot drift apart.
"""

ROLES = ("admin", "editor", "reviewer")

ATTRIBUTION_LABELS = {
    "direct": "Direct quote",
    "indirect": "Indirect (paraphrase)",
    "mixed": "Mixed (partial quote)",
    "author": "The article's own assertion",
    "unattributed": "Unattributed",
}
ATTRIBUTION_TYPES = tuple(ATTRIBUTION_LABELS)

STATUS_LABELS = {
    "unverified": "Unverified",
    "in_review": "In review",
    "supported": "Supported",
    "refuted": "Refuted",
    "misleading": "Misleading",
    "unverifiable": "Unverifiable",
    "disputed": "Disputed",
}
STATUSES = tuple(STATUS_LABELS)

STANCE_LABELS = {"supports": "Supports", "refutes": "Refutes", "context": "Context"}
STANCES = tuple(STANCE_LABELS)

SENTENCE_KINDS = ("body", "heading", "caption", "boilerplate")
