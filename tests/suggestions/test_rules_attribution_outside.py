"""Attribution on news copy, fifth part: shapes missed on an outside attribution corpus of published political news
(PolNeAR's training articles, read here and never committed: the repository carries no licence), each written here
as a sentence of its own with other names and words."""
import pytest

from annotate.suggestions.rules import analyse
from annotate.text.segment import normalize_text
from annotate.text.segment import segment


def attribution(text: str):
    """The attribution of the text's last body sentence."""
    text = normalize_text(text)
    return analyse(text, segment(text))[-1].attribution


@pytest.mark.parametrize("text, source, cue", [
    # a reporting word that names a thing inside the speaker's description
    ("Dana Ruiz, a founder of the think tank Open Roads, said the toll had cut traffic.", "Dana Ruiz", "said"),
    ("Omar Hale, a talk show host in Ohio, said that his callers had turned against the plan.", "Omar Hale", "said"),
    # a participle describing a noun, before it or after it
    ("Lena Brooks, 41, a nurse trained in Manila, said the ward was short of staff.", "Lena Brooks", "said"),
    ("Tom Bell, another unaligned Ohio strategist, said the map favoured the incumbent.", "Tom Bell", "said"),
    ("“No view is taken on the merits” of the appeal, the unsigned order said.", "unsigned order", "said"),
    ("Ana Reyes, a lawyer based in Quito, said the contract had lapsed.", "Ana Reyes", "said"),
    ("“Expect a flood of adverts,” said one Democrat involved in the campaign, who asked not to be named.",
     "Democrat", "said"),
    # a word that opens the sentence before its subject
    ("Even Maria Soto, who backs the bill, said Thursday that it would fail.", "Maria Soto", "said"),
    ("Only the harbour master said the pier was safe.", "harbour master", "said"),
    # a quotation between a determiner and the cue; a quotation inside the subject's relative clause
    ("This is a “hard winter,” said union organiser Paul Grant, who has led the strike since May.", "Paul Grant",
     "said"),
    ("Kemp, who calls the plan a “fantasy,” said he would vote against it.", "Kemp", "said"),
    # "pointed out that"
    ("Senator Alan Reed pointed out that the fund had never been audited.", "Alan Reed", "pointed"),
    ("The harbour master pointed out to reporters that the pier had been closed since May.", "harbour master",
     "pointed"),
    # "As X pointed out, ...", and "As X noted, ..." after a conjunction; a clause opened by "as" is no source
    ("As Senator Alan Reed has pointed out, the fund has never been audited.", "Alan Reed", "pointed"),
    ("Alan Reed pointed out, correctly, that the fund had never been audited.", "Alan Reed", "pointed"),
    ("But as the harbour master noted, the pier had been closed since May.", "harbour master", "noted"),
    ("And as the Ledger pointed out, “the fund has never been audited.”", "Ledger", "pointed"),
    ("As the storm moved east, the harbour master said the pier would reopen.", "harbour master", "said"),
    ("But as the storm moved east, the harbour master said the pier would reopen.", "harbour master", "said"),
    # the cue opening the sentence, its speaker after it, then the quotation
    ("Said Dana Ruiz, who grew up on the island, “We were all so proud of her.”", "Dana Ruiz", "said"),
    ("Added the harbour master: “It will take years.”", "harbour master", "added"),
    ("Wrote Senator Alan Reed in a letter, “The fund has never been audited.”", "Alan Reed", "wrote"),
    # a closing quotation mark typed as an opening one, straight after the quotation's comma
    ("“It's unusual,“ said Dana Ruiz, a lawyer at the Open Roads trust.", "Dana Ruiz", "said"),
    ("“Apparently not,“ the harbour master said.", "harbour master", "said"),
    # a clause after the cue that follows a quotation
    ("“We will rebuild,” Mayor Ito said, as the crowd began to leave.", "Ito", "said"),
    ("“The count is final,” Ruiz said quietly, before the doors closed.", "Ruiz", "said"),
    # a finite report followed by a participle is the sentence's cue, never a description's word
    ("The economy is slowing, the minister said on Monday, adding that rates would stay low.", "minister", "said"),
    ("Prices will rise, analysts said, saying the drought had cut the harvest.", "analysts", "said"),
    # a long opening phrase before the subject
    ("After the second debate in Denver last month, Senator Kay Moss told reporters the race had changed.",
     "Kay Moss", "told"),
    # ", telling X ..." and a participle after a quotation that ends with its comma
    ("Hours later, Moss thanked her rival, telling Reuters, “We have been friends for years.”", "Moss", "telling"),
    ("Ruiz praised the ruling as “a turning point,” telling reporters that she would not appeal.", "Ruiz", "telling"),
    ("Ken Ito has delivered a defence of “old harbour values,” saying the district was the heart of the city.",
     "Ken Ito", "saying"),
    # what an over-eager reading of participles and descriptions broke, found by diffing every PolNeAR training
    # sentence's attribution before and after this round
    ("Lee's office, when contacted by the Post, said the former envoy couldn't recall the dinner described in the book.",
     "Lee's office", "said"),
    ("The two firms planned to reopen the mill, according to a lawsuit filed in Denver by Anna Berg, a creditor.",
     "lawsuit filed in Denver by Anna Berg", "according to"),
    ("He returned on Friday for the last hour of the meeting and said little, according to an aide.", "aide",
     "according to"),
    ("Yet another said, “The race is wide open.”", "another", "said"),
    ("Just days before it was to report its results, the airline said on Friday that it had cut 900 jobs.",
     "airline", "said"),
])
def test_shapes_of_reported_speech_from_the_outside_corpus(text, source, cue):
    got = attribution(text)
    assert (got.source, got.cue) == (source, cue)


@pytest.mark.parametrize("text", [
    "The film follows a family, telling the story of their escape across the border.",
    "After encrypting the files, the malware displays a ransom note in the app asking for payment.",
    "The ministry said the show trial was over.",
    "She pointed to the door and walked out of the hearing.",
    "The guard pointed out the window, and the crowd turned to look.",
    "Said to be the largest in Europe, the museum opened in May.",
    "The Hawks scored 20 points in the second half of the game.",
])
def test_no_report_where_the_word_names_a_thing(text):
    got = attribution(text)
    assert got.cue not in {"telling", "show", "note", "pointed", "points"}


def test_a_clause_joined_by_and_is_no_frames_tail():
    got = attribution("Even then, they discussed how the rule “was going to backfire” as fines for states ramped up, "
                      "and how it would need to be rewritten.")
    assert got.cue != "states"


def test_a_subjects_own_verb_is_no_participle():
    assert attribution("The hearing ended with Judge Moss asking about the delay.").source is None


def test_a_closing_mark_typed_as_an_opening_one_still_closes_its_quotation():
    """The words after it are the sentence's own again: the quotation is direct speech and its cue is outside it."""
    got = attribution("“The pier is safe,“ said the harbour master, who has run it since May.")
    assert (got.source, got.type) == ("harbour master", "direct")
    opened_twice = attribution("He said, “The pier is safe. “We have checked it,” and left.")
    assert opened_twice.type == "mixed"  # an opening mark before a word still opens: the first one was unbalanced
