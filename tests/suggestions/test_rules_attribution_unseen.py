"""Attribution on news copy, fourth part: shapes met on the batch of twelve
articles labelled before any rule was run on them (its dev articles), each
written here as a sentence of its own; none is taken from the held-out
articles. What they have in common is that the type was right and the source
wrong, as on held-out."""
import pytest

from annotate.suggestions.rules import analyse
from annotate.text.segment import normalize_text
from annotate.text.segment import segment


def attributions(text: str) -> list:
    """The attribution of every body sentence, in order."""
    text = normalize_text(text)
    return [s.attribution for s in analyse(text, segment(text))]


@pytest.mark.parametrize("text, source, role", [
    ("The strike could last weeks, Ann Lowe, Acme Freight CEO and a founder of the union, told the Times.",
     "Ann Lowe", "Acme Freight CEO and a founder of the union"),
    ("The two were arrested when they returned home, Tom Hale, special agent for the sheriff's office, said.",
     "Tom Hale", "special agent for the sheriff's office"),
    ("Despite the worry from New Yorkers, Ann Lowe, Director of Public Affairs at the Guard told Reuters the "
     "flight was routine.", "Ann Lowe", "Director of Public Affairs at the Guard"),
])
def test_a_role_after_a_name_is_the_names_appositive(text, source, role):
    got = attributions(text)[0]
    assert (got.source, got.role) == (source, role)


def test_the_pronoun_after_it_follows_the_name():
    got = attributions("“It went well,” said Bo Reed, a spokesman. Delays are common, Ann Lowe, an analyst "
                       "at Acme, told the Times. “This one was hard,” she said.")
    assert [a.source for a in got] == ["Bo Reed", "Ann Lowe", "Ann Lowe"]
