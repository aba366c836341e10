"""Attribution on news copy, third part: shapes of the source slot met on the
development articles of the news set (issue 11), each written here as a
sentence of its own; none is taken from the held-out articles."""
import pytest

from annotate.suggestions.rules import analyse
from annotate.text.segment import normalize_text
from annotate.text.segment import segment


def sources(text: str) -> list[str | None]:
    """The source of every body sentence, in order."""
    text = normalize_text(text)
    return [s.attribution.source for s in analyse(text, segment(text))]


@pytest.mark.parametrize("text, source", [
    ("State Park Ranger Supervisor Robert Colligan said the beach stays open.", "Robert Colligan"),
    ("Vice-President Mike Pence said the task force would meet.", "Mike Pence"),
    ("American Airlines' Kent Powell reported three cancellations.", "Kent Powell"),
    ("“We will decide tomorrow,” Patrol Chief James Hall with the New York Police Department said.", "James Hall"),
    ("Speaking at the firm's headquarters in Redmond, Washington, Chief Executive Satya Nadella said costs "
     "would fall.", "Satya Nadella"),
    ("“Parasite” director Bong Joon Ho said backstage that nobody could predict the result.", "Bong Joon Ho"),
    ("Gilley, author of the 2017 article \"The Case for Colonialism,\" argued that the empire was benign.",
     "Gilley"),
    ("The World Health Organization (WHO) has reported a total of 19,980 cases.", "World Health Organization"),
    ("But the WHO believes these figures understate the outbreak.", "WHO"),
    ("Amtrak reported no major delays systemwide.", "Amtrak"),
    ("The decision comes after regulators this week said the merger would hurt competition.", "regulators"),
    ("Gov. Andrew Cuomo spoke on Monday. The governor said the state was ready.", "Andrew Cuomo"),
    ("Pope Francis said the church must change.", "Pope Francis"),
    ("Tesla CEO Elon Musk tweeted that the company would cut prices.", "Elon Musk"),
    ("Iran has repeatedly denied seeking nuclear weapons.", "Iran"),
    ("The report, published Tuesday by the Pew Research Center, found that 40% of adults use TikTok.",
     "Pew Research Center"),
    ("Retired teachers said the plan was unfair.", "Retired teachers"),
    ("The survey of 1,000 adults found that most favoured the plan.", "survey of 1,000 adults"),
    ("Roxanne Delgado, founder of the civic association Friends of Pelham Parkway, said the reversal hurt her.",
     "Roxanne Delgado"),
    ("Wary Republicans in the state quickly speculated that she had advance notice.", "Wary Republicans in the state"),
    ("The NTSB said the pilot erred. It said the plane was sound.", "NTSB"),
    ("The National Transportation Safety Board said the pilot erred. The agency said the plane was sound.",
     "National Transportation Safety Board"),
    ("Amazon released a separate statement saying, “It allows us to grow our business.”", "Amazon"),
    ("Hachette waged a bruising battle with Amazon — claiming the e-tailer was acting as a bully.", "Hachette"),
    ("Detectives believe this appears to be a case of a stolen car.", "Detectives"),
    ("Anders Tegnell spoke. Asked about it by a newspaper, Tegnell laughed and simply said it was fine.",
     "Anders Tegnell"),
    ("“It is a spending spree,” said Sen. John Thune of South Dakota, the No. 2 Republican.", "John Thune"),
    ("“This is reckless,” said state Sen. Zach Wahls, a Democrat from Coralville.", "Zach Wahls"),
    ("Retired Gen. John Allen said the plan was sound.", "John Allen"),
    ("Speaker of the House Nancy Pelosi said the bill would pass.", "Nancy Pelosi"),
    ("President-elect Joe Biden said the team was ready.", "Joe Biden"),
    ("The Rev. Al Sharpton said the march would go ahead.", "Al Sharpton"),
    ("Ursula von der Leyen said the plan was good.", "Ursula von der Leyen"),
    ("Martin Luther King Jr. said the plan was good.", "Martin Luther King Jr"),  # dots are not compared
    ("Mohammed bin Salman, 45, said the plan was good.", "Mohammed bin Salman"),
    ("The plan is good, Rep. Jim Jordan, R-Ohio, said.", "Jim Jordan"),
    ("“It’s a historic day,” according to Smith.", "Smith"),
    ("“It’s a historic day,” read a statement from Smith’s office.", "Smith’s office"),
    ("A No 10 spokesman said the talks would continue.", "No 10 spokesman"),
    ("The Prime Minister, Boris Johnson, said the talks would continue.", "Boris Johnson"),
    ("Sir Keir Starmer said the plan was a mess.", "Keir Starmer"),
    ("The BBC understands the plan is dead.", "BBC"),
    ("A spokeswoman for the Texas Department of Public Safety said the road was closed.",
     "spokeswoman for the Texas Department of Public Safety"),
    ("Jane Roe of Stanford University said the results were clear.", "Jane Roe"),
    ("The Centers for Disease Control and Prevention (CDC) issued new guidance. The CDC said masks were optional.",
     "Centers for Disease Control and Prevention"),
    ("The plan would fail, Smith, a nurse who lives in Ohio, told The Associated Press.", "Smith"),
    ("Smith, the president of Microsoft, a company based in Redmond, Washington, said the deal was fair.", "Smith"),
    ("Smith was blunt: “We failed.”", "Smith"),
    ("In his speech, Smith struck a defiant tone: “We will not fail.”", "Smith"),
    ("Smith’s response: “We will not fail.”", "Smith"),
    ("Chris Grayling warned of job cuts. Speaking in the Commons, the Conservative MP said the rules must change.",
     "Chris Grayling"),
    ("The letter from the Sierra Club reads, “We will see you in court.”", "Sierra Club"),
    ("The bridge will reopen in May, according to Mayor Tom Hale’s announcement.", "Tom Hale"),
    ("The tolls will rise, according to the authority’s statement.", "authority"),
    ("“We will appeal,” according to Smith’s lawyer.", "Smith’s lawyer"),
    ("The city will close two schools next year, as confirmed by Mayor Ann Lee.", "Ann Lee"),
    ("As reported by the BBC, the talks failed on Monday.", "BBC"),
    ("“The fund is empty,” the treasurer, Ann Lee, commented.", "Ann Lee"),
    ("Mayor Ann Lee highlighted that the bridge had been repaired on time.", "Ann Lee"),
])
def test_the_speaker_is_found_in_the_slot(text, source):
    assert sources(text)[-1] == source


@pytest.mark.parametrize("text", [
    "Eventually recalled by the government for his cruelty, he was later rehabilitated.",
    "Anyone who was on the flight on Sunday night is asked to call the helpline.",
    "The forecast has left the fate of the parade in the air.",
    "She wrote individual reports on each of the schools she visited.",
    "The company declared a dividend of 20 cents.",
    "After denying the rumours in 2004, Bill Lipinski announced a resignation in August and then persuaded "
    "the party to nominate his son.",
    "Shortly after midnight — about five hours before Meadows announced — Bennett posted photos of herself.",
    "The museum, which opened in 1990, said to be the largest in Europe, attracts 2 million visitors a year.",
    "The film tells the story of a family in Ohio.",
    "Neither Smith nor Jones said the plan would fail.",
    "Her message was simple: “We failed.”",
    "The road was closed, as was the bridge.",
    "The vote was delayed, as requested by the mayor.",
    "The storm highlighted the need for new drains.",
    "Readers commented on the photo for days.",
])
def test_no_speaker_where_nothing_is_reported(text):
    assert sources(text)[-1] is None


def test_a_surname_that_looks_plural_is_the_person_named_before():
    assert sources("Tom Peters spoke first. Mr. Peters said the figures were wrong.")[-1] == "Tom Peters"


def test_the_role_given_in_an_appositive_finds_its_holder():
    text = "“The vote was rigged,” said Jane Doe, a Labour MP. The MP said she would appeal."
    assert sources(text) == ["Jane Doe", "Jane Doe"]


def test_they_is_the_group_the_sentence_before_was_about():
    text = ("Officials said the oil was gone. In a new report, researchers at the University of Georgia "
            "looked at the figures. They believe that most of the oil remains.")
    assert sources(text)[-1] == "researchers at the University of Georgia"


def test_a_bare_surname_is_the_first_person_introduced_with_it():
    text = ("Rep. Mark Meadows will retire. His wife, Debbie Meadows, backs Lynda Bennett. "
            "Meadows said he never planned to stay in Congress.")
    assert sources(text)[-1] == "Mark Meadows"


def test_a_clause_after_the_frame_leaves_the_quotation_to_its_speaker():
    text = "Aubrey Woodard chairs the party. The timing raises \"great suspicion,” Woodard said, though he stressed he had no proof."
    text = normalize_text(text)
    found = analyse(text, segment(text))[-1].attribution
    assert (found.source, found.type, found.cue) == ("Aubrey Woodard", "mixed", "said")


@pytest.mark.parametrize("text, source", [
    ("Jane Roe, a lawyer for the family, spoke outside court. “Justice was done,” the lawyer said.", "Jane Roe"),
    ("Apple reported record sales on Thursday. The iPhone maker said demand was strong.", "Apple"),
    ("The European Union imposed sanctions. The bloc said Russia must withdraw.", "European Union"),
    ("The Federal Reserve raised rates. The central bank said inflation was too high.", "Federal Reserve"),
    ("Sen. Elizabeth Warren criticized the plan. The Massachusetts Democrat said it was unfair.", "Elizabeth Warren"),
    ("Officials at the Department of Homeland Security said the border was secure. The department said arrests "
     "fell.", "Department of Homeland Security"),
    ("The Indian Council of Medical Research advised the drug. The government said exports would stop.",
     "government"),
])
def test_a_second_reference_finds_the_subject_in_view(text, source):
    assert sources(text)[-1] == source


def test_a_quotation_left_open_takes_the_speaker_of_the_next_paragraph():
    text = ("The mayor spoke on Monday.\n“We are ready for the storm. We have trained for years.\n"
            "“Nobody should panic,” said Mayor Jane Roe.")
    assert sources(text) == [None, "Jane Roe", "Jane Roe", "Jane Roe"]
