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


@pytest.mark.parametrize("text, source", [
    ("Oil demand is already falling — the International Energy Agency says producers must cut output.",
     "International Energy Agency"),
    ("The mayor wants more buses, but transit analysts say that would slow the trams.", "transit analysts"),
    ("Governor-elect Ann Lowe apologised on Monday. “I regret it,” the future Governor said.", "Ann Lowe"),
    ("Ann Lowe spoke in Leeds. She also mentioned her government would cut the tax.", "Ann Lowe"),
])
def test_a_cue_in_a_second_clause_and_a_title_alone(text, source):
    got = [a.source for a in attributions(text) if a.source]
    assert got[-1] == source


@pytest.mark.parametrize("text", [
    "Western states — a stronghold for coal — are using more gas.",
    "Smith allegedly shot Jones when the officer asked to see his hands.",
    "Delays have cost the firm dearly -- a program Iran says it needs for fuel.",
])
def test_no_report_in_a_noun_a_request_or_a_reduced_relative(text):
    assert attributions(text)[0].source is None


def test_an_inverted_concluded_names_the_speaker():
    assert attributions("“This closes a painful chapter,” concluded Ann Lowe.")[0].source == "Ann Lowe"


@pytest.mark.parametrize("text", [
    "Ann Lowe is grieving. This is another photo Ann Lowe posted on Sunday. It says, “We miss him so much.”",
    "Ann Lowe is grieving. On Sunday Ann Lowe shared a photo of her son. It reads: “We miss him so much.”",
])
def test_it_after_a_posted_message_is_its_author(text):
    assert attributions(text)[-1].source == "Ann Lowe"


def test_it_is_never_a_titled_person():
    got = attributions("The widow of Saint Louis County Police Officer Blake Snyder spoke. It said the fund was "
                       "growing.")
    assert got[-1].source != "Saint Louis County Police Officer Blake Snyder"


@pytest.mark.parametrize("text, source", [
    ("The plan will cost more, said Bo Reed, who is Acme's director of transport. The transport executive "
     "believes the bus lanes will help.", "Bo Reed"),
    ("The two are held in the county jail, according to the AG's office.", "AG's office"),
    ("Authorities identified the suspects after a card was traced to Bristol.", None),
    ("The report also identified 14 districts where coverage fell.", "report"),
])
def test_descriptions_by_field_and_owner(text, source):
    assert attributions(text)[-1].source == source


@pytest.mark.parametrize("text, source", [
    ("Parents were angry. The union, which represents 3,000 teachers, said it would fight the plan.", "union"),
    ("Meta Platforms Inc. unveiled a model. The Menlo Park, California-based company said it would be free.",
     "Meta Platforms Inc"),
])
def test_a_number_in_a_relative_clause_and_a_place_based_description(text, source):
    assert attributions(text)[-1].source == source


def test_a_body_described_in_apposition_is_what_the_description_names_later():
    got = attributions("Pacific Gas & Electric Co. cut power. Big Machine Records, the label that owns her "
                       "masters, said it had offered a deal. The label said her claims were false. They insisted "
                       "they had acted in good faith.")
    assert [a.source for a in got][-3:] == ["Big Machine Records"] * 3


def test_an_opening_adverbial_is_no_claim_before_its_cue():
    assert attributions("Then, last week, Taylor Swift posted a long message on Tumblr.")[0].source is None


@pytest.mark.parametrize("text, source", [
    ("Her rival, businessman Ade Bello, dismissed the pledge. The 61-year-old tycoon told supporters that the "
     "plan had failed.", "Ade Bello"),
    ("Its founder, Kemi Adeyemi, said the money would fund expansion. “We are just getting started,” the "
     "32-year-old said.", "Kemi Adeyemi"),
])
def test_an_age_or_a_description_is_the_person_named_in_apposition_before(text, source):
    assert attributions(text)[-1].source == source


@pytest.mark.parametrize("text, source", [
    ("The WHO expressed concern that cases could rise.", "WHO"),
    ("Two donors tell ABC News that she made the claim at a party, at which she expressed her gratitude.",
     "Two donors"),
])
def test_expressed_reports_a_concern_that_and_nothing_else(text, source):
    assert attributions(text)[0].source == source


def test_a_capitalised_plural_opening_a_sentence_is_a_group_not_a_person_in_view():
    got = attributions("Analysts who have done the calculations say the tariffs will cost $40 billion. The "
                       "company's chief executive has since said the cuts were necessary.")
    assert got[-1].source == "company's chief executive"


def test_a_body_named_inside_another_bodys_name_stays_itself():
    got = attributions("The Administrative Tribunal of the World Bank found that he had harassed staff. "
                       "The World Bank acknowledged that his conduct fit its definition.")
    assert [a.source for a in got] == ["Administrative Tribunal of the World Bank", "World Bank"]
