"""Entity: a source once resolved against the article.

Apart from discourse.py because both the reader (discourse.py) and the
look-ups it makes (mention_index.py, descriptions.py) hand entities back.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Entity:
    """A resolved source: its fullest name, role, kind and where it spoke."""

    name: str
    role: str | None
    kind: str  # person | org | group | description
    pos: int
