"""Attribution on news copy, fourth part: shapes met on the development articles
added last to the news set (issue 11), each written here as a sentence of its
own; none is taken from the articles, and none from the held-out ones."""
import pytest

from annotate.suggestions.rules import analyse
from annotate.text.segment import normalize_text
from annotate.text.segment import segment


def attributions(text: str) -> list:
    """The attribution of every body sentence, in order."""
    text = normalize_text(text)
    return [s.attribution for s in analyse(text, segment(text))]


@pytest.mark.parametrize("text, source, role", [
    ("Deputy Director of the Bureau of Prisons Maria Lopez said the wing would close.", "Maria Lopez",
     "Deputy Director of the Bureau of Prisons"),
    ("Minister in the Office of the Prime Minister Ayo Bello said the budget was final.", "Ayo Bello",
     "Minister in the Office of the Prime Minister"),
    ("Chairman and Chief Executive Officer of Northwind Traders Paul Ames said sales fell.", "Paul Ames",
     "Chairman and Chief Executive Officer of Northwind Traders"),
    ("The road was closed, but Chief Engineer for the County of Essex Ruth Kane said it would reopen.",
     "Ruth Kane", "Chief Engineer for the County of Essex"),
    ("After the hearing, Commissioner of Public Works Dan Ortiz said the pipes were old.", "Dan Ortiz",
     "Commissioner of Public Works"),
    ("Secretary of State Mike Pompeo said the talks would go on.", "Mike Pompeo", "Secretary of State"),
])
def test_a_title_with_its_office_leaves_the_name(text, source, role):
    found = attributions(text)[-1]
    assert (found.source, found.role) == (source, role)


@pytest.mark.parametrize("text, source", [
    ("“The samples were contaminated,” said investigators.", "investigators"),
    ("Citing the National Weather Service, the airport said flights would resume.", "airport"),
    ("Quoting an internal memo, Reuters reported that the plant would close.", "Reuters"),
])
def test_a_bare_plural_after_the_cue_and_an_opening_participle(text, source):
    assert attributions(text)[-1].source == source


def test_a_first_name_with_a_family_role_is_a_person_for_she():
    text = ("Maya Ross, 19, was taken to hospital on Friday.\n\n"
            "“She could not breathe,” her sister, Lena, said.\n\n"
            "She added: “The doctors were wonderful.”")
    assert [a.source for a in attributions(text)] == [None, "Lena", "Lena"]


@pytest.mark.parametrize("text, source", [
    ("Governor Ana Ruiz Tuesday called for calm after the arrests.", "Ana Ruiz"),
    ("Mayor Tom Hale on Friday morning said the pool would stay shut.", "Tom Hale"),
    ("“It spreads by text message,” said Priya Natarajan with ACME in a report.", "Priya Natarajan"),
    ("“We are worried,” said detective sergeant Mark Jones from the Kent police.", "Mark Jones"),
    ("The union called for an inquiry into the fire.", "union"),
])
def test_time_words_bodies_and_titles_around_a_name(text, source):
    assert attributions(text)[-1].source == source


@pytest.mark.parametrize("text", [
    "The plan calls for 300 new homes near the station.",
    "The driver called for an ambulance after the crash.",
])
def test_called_for_by_a_plan_or_for_help_reports_nothing(text):
    assert attributions(text)[-1].source is None
