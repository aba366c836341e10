"""Attribution on news copy, second part: stance verbs, qualified groups,
reference resolution across sentences, lists after "said:", and a frame in
the middle of a sentence (issue 11).

Every sentence is written here in the shape it takes on published pages; none
is taken from the held-out articles.
"""
import pytest

from annotate.suggestions.rules import analyse
from annotate.suggestions.rules.model import Attribution
from annotate.text.segment import normalize_text
from annotate.text.segment import segment


def attribution_of(text: str, start: str) -> Attribution:
    """The attribution of the one body sentence that begins with `start`."""
    text = normalize_text(text)
    units = segment(text)
    found = [s.attribution for s in analyse(text, units)
             if text[units[s.sentence_index].start:].startswith(start)]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("sentence, source", [
    ("The minister expects growth of 3% next year.", "minister"),
    ("The central bank foresees inflation falling to 2% by 2021.", "central bank"),
    ("Goldman Sachs sees oil at $70 by December.", "Goldman Sachs"),
    ("Still, the agency sees the move as a false signal to Tehran.", "agency"),
    ("Hoenig believes the big banks should be broken up.", "Hoenig"),
    ("Investigators now believe the fire was set deliberately.", "Investigators"),
    ("The researchers, however, don't think such an assumption is justified.", "researchers"),
    ("Republicans polled last week, 74 percent, think Pence will win.", "Republicans polled last week"),
    ("Some hinted at the possibility of negative coverage.", "Some"),
    ("Meanwhile, military observers questioned whether the cuts were needed.", "military observers"),
])
def test_stance_verbs_report_a_stance(sentence, source):
    assert attribution_of(sentence, sentence[:20]).source == source


@pytest.mark.parametrize("sentence", [
    "The company expects to ship 2 million units next year.",  # a plan, not a stance
    "I think the plan will work.",
    "Apple sees record demand.",
    "Police questioned the driver for two hours.",
    "The mayor did not say when the plan would start.",
])
def test_stance_verbs_without_a_reported_stance_are_the_authors(sentence):
    assert attribution_of(sentence, sentence[:20]).type == "author"


@pytest.mark.parametrize("sentence, source", [
    ("The White House has repeatedly denied any wrongdoing.", "White House"),
    ("Moscow has cited technical reasons for the delays.", "Moscow"),
    ("Witnesses described hearing three loud explosions.", "Witnesses"),
    ("He was arrested on Monday, police said.", "police"),
    ("Lawyers for the family have vowed to appeal the ruling.", "Lawyers for the family"),
    ("Analysts who have done the calculations say the plan will cost $2 billion.",
     "Analysts who have done the calculations"),
    ("Researchers at the University of Georgia said the oil had sunk.",
     "Researchers at the University of Georgia"),
    ("Some farmers disagreed.", "farmers"),
    ("Israel and the United States have strongly objected to the deal.", "Israel and the United States"),
    ("Hoenig wants the Fed to raise its rate to 1 percent.", "Hoenig"),
    ("The bill is dead, Republican aides said on condition of anonymity because they were not "
     "authorized to discuss it.", "Republican aides"),
    ("Sen. Mitch McConnell (R-Ky.) said the bill was dead.", "Mitch McConnell"),
    ("Mrs May told MPs that the deal was dead.", "May"),
    ("Standing Rock Sioux chairman Dave Archambault II said the tribe would fight on.", "Dave Archambault II"),
    ("Economists had expected a gain of 180,000 jobs.", "Economists"),
    ("Homeowners in Vancouver say prices have doubled.", "Homeowners in Vancouver"),
])
def test_cues_and_sources_in_news_shapes(sentence, source):
    assert attribution_of(sentence, sentence[:20]).source == source


@pytest.mark.parametrize("sentence, start, source, kind", [
    ("“Landings may no longer be feasible,” Gates told an audience that included retired Marines.",
     "“Landings", "Gates", "direct"),
    ("In a speech in San Francisco, Gates spoke of “anxiety” over the future of the service.",
     "In a speech", "Gates", "mixed"),
    ("Declaring “the maritime soul of the Marine Corps” is at stake, Gates has ordered a review.",
     "Declaring", "Gates", "mixed"),
    ("Without mentioning Trump by name, the first lady tore into him, insinuating that the nation "
     "will lose a “grownup in the White House.”", "Without", "first lady", "mixed"),
])
def test_cues_that_report_a_quotation(sentence, start, source, kind):
    got = attribution_of(sentence, start)
    assert (got.source, got.type) == (source, kind)


@pytest.mark.parametrize("sentence", [
    "Gates spoke to reporters on Monday.",
    "While the mayor said the call was routine, aides disagreed.",
])
def test_spoke_and_a_bare_stance_are_no_frame_of_their_own(sentence):
    got = attribution_of(sentence, sentence[:10])
    assert got.type == "author" or got.source == "mayor"


def test_the_court_denying_a_request_is_an_action_not_a_report():
    assert attribution_of("The court denied the request on Monday.", "The court").type == "author"


def test_a_frame_in_the_middle_of_the_sentence():
    text = "The storm killed at least 12 people, officials said Monday, and left 40,000 homes without power."
    got = attribution_of(text, "The storm")
    assert (got.source, got.type) == ("officials", "indirect")


@pytest.mark.parametrize("text, start, source", [
    # he: the person just named as the sentence subject, not the last speaker
    ("Jane Roe, the mayor, said the city was broke.\n\n"
     "Rep. Adam Schiff opened the hearing on Monday. He said the evidence was overwhelming.", "He said", "Adam Schiff"),
    # he: still the speaker when the sentence before has no person as subject
    ("“We will appeal,” said Tom Hale, the chief executive.\n\n"
     "The ruling came on Monday. He said the company had done nothing wrong.", "He said", "Tom Hale"),
    # it: the organisation just named
    ("Taylor Swift said the label had lied.\n\n"
     "Big Machine Records rejected the claim on Tuesday. It said Swift had been offered a deal.",
     "It said", "Big Machine Records"),
    # the label: the record company
    ("Taylor Swift said the label had lied.\n\nIn a statement, Big Machine Records said Swift had been "
     "offered a deal. The label said she declined it.", "The label", "Big Machine Records"),
    # the company / the carmaker: a one-word company that spoke, not the analysts after it
    ("Volkswagen said sales fell 5%. Analysts at UBS said the fall was steeper than expected.\n\n"
     "The company said it expected a recovery in 2020.", "The company", "Volkswagen"),
    ("Volkswagen said sales fell 5%. Analysts at UBS said the fall was steeper than expected.\n\n"
     "The carmaker said it expected a recovery in 2020.", "The carmaker", "Volkswagen"),
    # an acronym: the organisation's name spelt out earlier
    ("The International Monetary Fund released its outlook on Tuesday.\n\n"
     "The IMF warns that debt levels are rising.", "The IMF", "International Monetary Fund"),
    # he/she: the speaker the article itself called so ("Mr."/"Ms.", or an earlier "she said"), never a
    # guess from the name
    ("Mr. Tom Hale said the plan had failed. Ms. Ann Lee said it had worked.\n\n"
     "Lee said the count was fair. He said he would appeal.", "He said", "Tom Hale"),
    ("Tom Hale said the plan had failed. Ann Lee said it had worked. She added that the town had grown.\n\n"
     "Hale said the vote was close. He said he would appeal. Then the council met. She said it was over.",
     "She said", "Ann Lee"),
    ("Tom Hale said the plan had failed. Ann Lee said it had worked.\n\nHe said he would appeal.",
     "He said", "Ann Lee"),
])
def test_pronouns_and_descriptions_resolve_to_the_right_entity(text, start, source):
    assert attribution_of(text, start).source == source


def test_a_bulleted_list_after_said_colon_carries_the_speaker():
    text = ("Jane Roe, the mayor, said on Monday:\n\n• The city will cut 300 jobs.\n\n"
            "• Taxes will rise 2%. Fees will double.\n\nThe council meets next week.")
    assert attribution_of(text, "• The city").source == "Jane Roe"
    assert attribution_of(text, "Fees will").source == "Jane Roe"
    assert attribution_of(text, "The council").type == "author"
