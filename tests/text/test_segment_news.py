"""Segmentation of published news copy: unit kinds and boundaries seen on real pages.

Each case is a line or sentence of the kind found in the hand-labelled news set
(tests/data/news), rewritten here so the test states the rule it guards.
"""
import pytest

from annotate.text.segment import normalize_text
from annotate.text.segment import segment

LEAD = "The council approved the budget on Tuesday after a long debate."


def kinds(text: str) -> list[tuple[str, str]]:
    text = normalize_text(text)
    return [(u.kind, text[u.start:u.end]) for u in segment(text)]


def kind_of(line: str) -> str:
    """Kind of a line set after an ordinary first paragraph."""
    found = kinds(f"{LEAD}\n\n{line}\n\nThe vote was 7 to 2.")
    assert [t for _, t in found if t.startswith(line[:12])], found
    return next(k for k, t in found if t.startswith(line[:12]))


@pytest.mark.parametrize("line", [
    "Associated Press writers Jay Reeves in Birmingham, Ala., and Dave Martin contributed to this report.",
    "-- CNN's Bill Kirkos contributed to this report.",
    "Kristen Hayford contributed reporting from Hong Kong.",
    "___",
    "--",
    "* * *",
    "Read more:",
    "More:",
    "READ Hoenig's full remarks:",
    "UPDATES:",
    "(See pictures of the spill.)",
    "(Watch TIME's video \"Oil Spill Anxiety on the Bayou.\")",
    "Get up to speed with our Essential California newsletter, sent six days a week.",
    "You may occasionally receive promotional content from the Los Angeles Times.",
    "Listen to the mayor's briefing live at 12:45 on our website.",
    "This article was originally published at 2:05 p.m.",
    "2:58 p.m.: This article was updated to add the potential cost of the shutdown.",
    "Shahien Nasiripour is the business reporter for the Huffington Post.",
    "He can be reached at the newsroom on weekdays.",
    "— The New York Times (@nytimes) December 23, 2016",
    "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink, Bonnie Campbell, Dave Caris, "
    "Sam Clovis, Jerry Crawford, Sara Craig",
    # update notes, assistance credits, share buttons, publication stamps and reader appeals
    "Updated on September 19 at 3:15 p.m.",
    "— With assistance by Kevin Cirilli, Jennifer Jacobs and Alan Levin",
    "Facebook Twitter Pinterest",
    "First published on Tue 15 Nov 2016 10.02 GMT",
    "Last modified on Tue 15 Nov 2016 15.40 GMT",
    "Since you're here, we have a small favour to ask. More people are reading our site than ever, "
    "and advertising revenue is falling, so we need readers like you to keep our independent "
    "journalism going. For as little as $1, you can support our journalism, and it only takes a minute.",
])
def test_credit_promo_separator_and_link_lines_are_boilerplate(line):
    assert kind_of(line) == "boilerplate"


@pytest.mark.parametrize("line", [
    "Protesters gather at the camp near Cannon Ball. Photograph: Jane Doe/Guardian",
    "Composite: Guardian Design Team",
    "The camp at dawn. Illustration: John Roe",
])
def test_a_line_ending_in_its_photo_credit_is_a_caption(line):
    assert kind_of(line) == "caption"


def test_chrome_sentences_inside_a_body_paragraph_are_boilerplate():
    """A credit, bio or promo sentence at the end of a prose paragraph is chrome;
    the prose sentences around it stay body."""
    found = kinds(f"{LEAD}\n\nThe spill covered 40 miles of coast, and the cleanup will take years. "
                  "(See pictures of the spill.)\n\n"
                  "Hoenig spoke in Kansas City on Friday. Jane Doe is the business reporter for the Daily "
                  "Planet. You can follow her on Twitter.")
    assert found[1:] == [("body", "The spill covered 40 miles of coast, and the cleanup will take years."),
                         ("boilerplate", "(See pictures of the spill.)"),
                         ("body", "Hoenig spoke in Kansas City on Friday."),
                         ("boilerplate", "Jane Doe is the business reporter for the Daily Planet."),
                         ("boilerplate", "You can follow her on Twitter.")]


@pytest.mark.parametrize("line", [
    "In a wide-ranging interview, President Obama also said:",
    "Some of the factors that may have contributed to that imbalance include:",
    "Follow us on Twitter, the minister told reporters, if you want the truth about the vote.",
    "Reporters who contributed to the investigation were thanked by the mayor on Monday.",
    "Protesters gathered to support the Standing Rock Sioux and to fund their legal fight.",
    "Share prices fell on Facebook and Twitter after the report.",
])
def test_prose_that_looks_like_a_label_or_credit_stays_body(line):
    assert kind_of(line) == "body"


@pytest.mark.parametrize("line", [
    "Anis Amri, suspect in Berlin truck attack, killed. Open borders. https://t.co/8lhIr9qZem",
    "Anis Amri, the suspect in the Berlin attack, was killed by the police in a shootout outside Milan, "
    "officials said, according to reports from several Italian news agencies https://t.co/mlM6jwiTyh",
])
def test_embedded_post_text_is_media_not_body(line):
    assert kind_of(line) in {"caption", "boilerplate"}


@pytest.mark.parametrize("line", ["What did the prosecutors say?", "Why Does It Matter?"])
def test_question_alone_on_its_line_is_a_subhead(line):
    assert kind_of(line) == "heading"


def test_quoted_question_paragraph_is_body():
    assert kind_of("“Who cares?” one voter asked.") == "body"


def sentences(text: str) -> list[str]:
    return [t for k, t in kinds(text) if k == "body"]


@pytest.mark.parametrize("text, expected", [
    ("It was 3:05 a.m. Anthony Rodriguez heard an officer yell.",
     ["It was 3:05 a.m.", "Anthony Rodriguez heard an officer yell."]),
    ("The market closed at 4 p.m. Shares of Acme fell 3%.",
     ["The market closed at 4 p.m.", "Shares of Acme fell 3%."]),
    ("The briefing starts at 3 p.m. ET on Tuesday and runs an hour.",
     ["The briefing starts at 3 p.m. ET on Tuesday and runs an hour."]),
    ("He moved to the U.S. The move paid off within a year.",
     ["He moved to the U.S.", "The move paid off within a year."]),
    ("Yields on U.S. Treasuries rose while the U.S. dollar fell.",
     ["Yields on U.S. Treasuries rose while the U.S. dollar fell."]),
    ("The award went to Martin Luther King Jr. The crowd stood and cheered.",
     ["The award went to Martin Luther King Jr.", "The crowd stood and cheered."]),
    ('"We will fight," said Chairman Tim Kaine."So that is one of the themes."',
     ['"We will fight," said Chairman Tim Kaine.', '"So that is one of the themes."']),
    ("\"They said, 'come after you.'\" Committee Chairman Jason Chaffetz did not respond.",
     ["\"They said, 'come after you.'\"", "Committee Chairman Jason Chaffetz did not respond."]),
    ("“Who cares?” Henderson asked.", ["“Who cares?” Henderson asked."]),
    ("North Carolina: Don Davis met Francis X. De Luca in Raleigh.",
     ["North Carolina: Don Davis met Francis X. De Luca in Raleigh."]),
    ("LAPD Asst. Chief Earl Paysinger joined the call.",
     ["LAPD Asst. Chief Earl Paysinger joined the call."]),
])
def test_sentence_boundaries_after_abbreviations_and_quotes(text, expected):
    assert sentences(f"{LEAD}\n\n{text}")[1:] == expected
