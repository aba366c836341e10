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
    # police, council and bar titles in their short forms, and asides about the office or the picture
    ("DCI Tom Hale said two men had been arrested.", "Tom Hale", "DCI"),
    ("Cllr Ann Lee said the library would stay open.", "Ann Lee", "Cllr"),
    ("Deputy PM Tom Hale said the talks would go on.", "Tom Hale", "Deputy PM"),
    ("Commissioner of Police (Ag) Ruth Kane said patrols would increase.", "Ruth Kane", "Commissioner of Police"),
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


@pytest.mark.parametrize("text, source", [
    ("Governor Ana Ruiz Tuesday called for calm after the arrests.", "Ana Ruiz"),
    ("Mayor Tom Hale on Friday morning said the pool would stay shut.", "Tom Hale"),
    ("“It spreads by text message,” said Priya Natarajan with ACME in a report.", "Priya Natarajan"),
    ("“We are worried,” said detective sergeant Mark Jones from the Kent police.", "Mark Jones"),
    ("The union called for an inquiry into the fire.", "union"),
    ("The Daily Courier learnt that the pump had failed twice.", "Daily Courier"),
    ("The ring was taken from her dressing room, the Herald has learned.", "Herald"),
    ("Neighbours related that the family had left before dawn.", "Neighbours"),
    ("Engineers are warning of cracks in the dam's spillway.", "Engineers"),
    ("Nora Diaz spoke for an hour. Meanwhile, she continued, the county has cut bus fares.", "Nora Diaz"),
    ("Nora Diaz reminded councillors that the budget must balance.", "Nora Diaz"),
    ("The port was closed for two days, reported Radio Caribe.", "Radio Caribe"),
    ("A new strain has infected 20,000 hens, farmers have said.", "farmers"),
    ("Ortiz-Lane said the forms were sent to parents, and already more than 130 had responded.", "Ortiz-Lane"),
    ("Nadia Rahman issued a plea for drivers to slow down near the school.", "Nadia Rahman"),
    ("The agency issued a warning that the pills were deadly.", "agency"),
    ("The suicide note says that he had planned the attack for months.", "suicide note"),
    ("Residents are complaining that the water smells of chlorine.", "Residents"),
    ("Farmers grumbled that prices were too low.", "Farmers"),
    ("Privately, some council members said the deal was rushed.", "council members"),
    ("Separately, the Interior Ministry said two soldiers were hurt.", "Interior Ministry"),
    ("The audit, published Thursday, found that the fund had lost $2 million.", "audit"),
    ("Figures from the Central Statistics Office showed prices rose 2%.", "Central Statistics Office"),
    ("The Pentagon confirmed the strike in a statement on Sunday.", "Pentagon"),
    ("The governor, a Republican, signed the bill but said it was flawed.", "governor"),
    ("“Enough is enough,” the protesters chanted.", "protesters"),
    ("“Get out!” shouted Tom Reyes, a steward.", "Tom Reyes"),
    ("AT&T said the outage was fixed.", "AT&T"),
    ("“Let me in,” the driver could be heard saying on the tape.", "driver"),
    ("On the recording, Nora Diaz can be heard telling aides that the vote was lost.", "Nora Diaz"),
    ("The ads offered “private tours” available by appointment, the indictment stated, listing prices.", "indictment"),
    ("She met the press after the central bank projected that inflation would reach 6 percent.", "central bank"),
    ("As Nora Diaz put it, “The game is over.”", "Nora Diaz"),
    ("In the words of Nora Diaz, “The game is over.”", "Nora Diaz"),
    ("Rents are too high, Nora Diaz told a meeting in Leeds on Monday, adding that wages had stalled.", "Nora Diaz"),
    # a relative clause before the cue belongs to its noun; single-word opening participles; gerunds reported
    ("One resident, who asked not to be named, said gunshots rang out at 2 am.", "resident"),
    ("Sentencing, Judge Ann Lee said: “You have shown no remorse.”", "Ann Lee"),
    ("Responding, the minister said the claims were false.", "minister"),
    ("Residents reported seeing smoke from the roof.", "Residents"),
    ("His family paid tribute to him, describing him as a “loving father”.", "family"),
    # a document with the participle of who made or saw it; passive quoting; a statement described
    ("According to the police report obtained by WXYZ, the man was shot twice.", "police report"),
    ("A report released by the agency on Tuesday found that 12 people died.", "agency"),
    ("Rents will rise, according to figures released on Tuesday.", "figures"),
    ("A study published in the Lancet found that the drug cut deaths by a third.", "study"),
    ("Nora Diaz was quoted by the Interfax news agency as saying that talks would resume.", "Nora Diaz"),
    ("Rents will rise, Nora Diaz said in an emailed statement.", "Nora Diaz"),
    ("Nora Diaz later clarified that the plant would stay open.", "Nora Diaz"),
    ("Tom Hale (pictured) said he would appeal.", "Tom Hale"),
    ("Tom Hale from Leeds said he would appeal.", "Tom Hale"),
    ("Critics call it a “land grab.”", "Critics"),
    ("Sources connected to the singer tell the paper she is fine.", "Sources connected to the singer"),
    # a stance denied by a group is held whichever apostrophe the page prints; a person's denied thought is a story
    ("Officials don’t believe the fire was set deliberately.", "Officials"),
    ("Officials don't believe the fire was set deliberately.", "Officials"),
    ("Officials do not believe the fire was set deliberately.", "Officials"),
])
def test_time_words_bodies_titles_and_more_reporting_cues(text, source):
    assert attributions(text)[-1].source == source


@pytest.mark.parametrize("text", [
    "The plan calls for 300 new homes near the station.",
    "The driver called for an ambulance after the crash.",
    "She learned to swim at the age of six.",
    "He related to the characters in the film.",
    "The rail company was adding seats on busy routes.",
    "Police are also asking drivers to avoid the area.",
    "The council issued 300 permits last year.",
    "After locking the files, the program shows a ransom note asking for payment in Bitcoin.",
    "Some nurses welcomed the rota but questioned whether it would last.",
    "The film was projected onto the wall of the old mill.",
    "Neighbours heard him shouting at the dog.",
    "The report was long, describing the scene in detail.",
    "Police call on witnesses to come forward.",
    "The board held a conference call on the day of the vote, “to plan ahead.”",
    "And when he ran, he didn’t think his chances of winning were high.",
    "And when he ran, he didn't think his chances of winning were high.",
])
def test_the_same_words_reporting_nothing(text):
    """A plan that calls for homes, a call for help, learning to swim, a progressive of adding or asking."""
    assert attributions(text)[-1].source is None


QUOTED_NAMES = {
    "A new worm, dubbed “Red Fox,” has hit 3,000 servers, analysts said.": "indirect",
    "Police said the driver, known as “Tiny”, fled the scene.": "indirect",
    "The senator said the words “national emergency” were never used.": "indirect",
    "The mayor said the plan was “a disgrace” and would be dropped.": "mixed",
    "Donors said she spoke at an event dubbed a “thank you” party.": "indirect",
    "“Night Shift” actor Sam Reed said the award should have gone to the documentary “Open Sea.”": "indirect",
}


def test_a_quoted_name_does_not_make_a_quotation():
    assert {text: attributions(text)[-1].type for text in QUOTED_NAMES} == QUOTED_NAMES


# Short stories whose sources depend on the sentences before: (text, every sentence's source).
STORIES = {
    "a first name with a family role is a person for 'she'": (
        ("Maya Ross, 19, was taken to hospital on Friday.\n\n"
         "“She could not breathe,” her sister, Lena, said.\n\n"
         "She added: “The doctors were wonderful.”"),
        [None, "Lena", "Lena"]),
    "a quotation with no cue after a paraphrase is the paraphrased speaker's": (
        ("“Prices will fall,” said the economist Ada Kim.\n\n"
         "Treasurer Omar Reyes said devaluation was not the answer.\n\n"
         "“What a devaluation does is raise the cost of imports.”"),
        ["Ada Kim", "Omar Reyes", "Omar Reyes"]),
    "a weekday or an opening participle never joins a name mentioned before": (
        ("Governor Ana Ruiz Tuesday urged calm after the arrests.\n\n"
         "“Stay at home tonight,” Governor Ana Ruiz said in a statement.\n\n"
         "Quoting the National Hurricane Center, the mayor said winds would reach 90 mph.\n\n"
         "According to the National Hurricane Center, the storm will weaken by Friday."),
        ["Ana Ruiz", "Ana Ruiz", "mayor", "National Hurricane Center"]),
    "a surname that is also a title is the person named before": (
        ("The plans were so secret that Wayne Bishop, the deputy director, did not learn of them until Monday.\n\n"
         "“The first I heard was Tuesday,” said Bishop, who resigned on Friday.\n\n"
         "He said he was not deterred.\n\n"
         "President Joe Biden spoke on Monday. The President said the economy was strong."),
        [None, "Wayne Bishop", "Wayne Bishop", None, "Joe Biden"]),
    "who replies is the one the question was put to": (
        ("“She is the right choice,” Gov. Ted Moss said.\n\n"
         "At a briefing, a reporter asked Dana Whitfield, “What will change first?”\n\n"
         "“The hiring rules will change,” she replied.\n\n"
         "“Then the training,” she said."),
        ["Ted Moss", "reporter", "Dana Whitfield", "Dana Whitfield"]),
    "a description of the person just named is that person": (
        ("Rosa Field, 45, lost her home in the fire.\n\n"
         "“We have nothing left,” the mother of three said.\n\n"
         "Dr. Ian Pratt, an epidemiologist at the state university, studied the data.\n\n"
         "The epidemiologist said cases would rise."),
        [None, "Rosa Field", None, "Ian Pratt"]),
    "one paragraph of the author's own does not end a speaker's quotations": (
        ("“Prices will rise,” said Treasurer Omar Reyes.\n\n"
         "That includes food and fuel.\n\n"
         "“What we want is to cut the demand for imports.”"),
        ["Omar Reyes", None, "Omar Reyes"]),
    "a frame cut off from its quotation by a full stop": (
        ("Police closed the road on Monday.\n\n"
         "The water rose fast. “Nobody may pass. It is too dangerous.” Chief Tom Hale said."),
        [None, None, "Tom Hale", "Tom Hale", None]),
    "a paragraph ending in 'said:' gives the quotation under it": (
        ("Police closed the road on Monday.\n\nMayor Ana Ruiz said:\n\n“We will rebuild the school.”"),
        [None, "Ana Ruiz", "Ana Ruiz"]),
    "unless that paragraph brings a new person in": (
        ("“Prices will rise,” said Treasurer Omar Reyes.\n\n"
         "Tom Hale runs the bakery next door.\n\n"
         "“Business is down 40%.”"),
        ["Omar Reyes", None, None]),
    "a quotation with no cue after the author brings a person in with an age or a role is theirs": (
        ("Prices rose again in May.\n\n"
         "Rosa Field, 45, runs the bakery on Main Street.\n\n"
         "“Business is down 40%. We cannot go on like this.”\n\n"
         "Dr. Ian Pratt, an economist at the state university, studied the figures. “Bread is up 12%.”\n\n"
         "North Korea launched a missile on Monday.\n\n“This is a provocation.”"),
        [None, None, "Rosa Field", "Rosa Field", None, "Ian Pratt", None, None]),
    "a second reference by the head of a body's description, by initials, or by a title spelt out": (
        ("A plane went missing on Sunday.\n\n"
         "Northwind Airlines said the plane lost contact at 7:24 a.m. The airline said 155 people were on board.\n\n"
         "The country's transport ministry said the search would resume. The ministry added that ships were sent.\n\n"
         "Public Health Wales said it was tracing contacts. PHW added that the risk was low.\n\n"
         "Chief executive Ruth Kane said the airline would help. The CEO added that families had been told."),
        [None] + ["Northwind Airlines"] * 2 + ["country's transport ministry"] * 2 + ["Public Health Wales"] * 2
        + ["Ruth Kane"] * 2),
    "'she' after an unnamed person who spoke": (
        ("The school closed.\n\nOne teacher, who asked not to be named, said staff were shocked. "
         "She added that parents had not been told."),
        [None, "teacher", "teacher"]),
    "'That is the view of X' gives X the sentence before it too": (
        ("The team plays on Friday.\n\n"
         "It will be a hard task for the team to win. "
         "That is the view of coach Tom Hale as the team prepares for the match.\n\n"
         "Rents will rise by 10% next year. That's according to Jane Doe, an economist at the bank."),
        [None, "Tom Hale", "Tom Hale", "Jane Doe", "Jane Doe"]),
    "a name after a possessive is a mention a surname expands to": (
        ("Talks began on Monday.\n\nJapan’s Prime Minister Ken Sato met the envoy on Monday.\n\n"
         "Sato said the talks were fruitful."),
        [None, None, "Ken Sato"]),
    "the name in apposition to a possessed role is the subject, and a where-clause has its own speaker": (
        ("The bill passed.\n\n"
         "The former governor's chief of staff, Ann Lee, praised the bill. “It took years,” she said.\n\n"
         "It now goes to the House, where Speaker Ruth Kane, D-Ohio, has said she will hold it."),
        [None, None, "Ann Lee", "Ruth Kane"]),
    "a shop named for its owner is no 'he'": (
        ("Rosa's Bakery and Cafe closed its doors on Monday.\n\n“We could not pay the rent,” he said."),
        [None, "he"]),
    "but not a description that could be anyone": (
        ("Sheriff Dan Ortiz opened an inquiry.\n\n"
         "According to the owner, only women work at the salon."),
        [None, "owner"]),
}


@pytest.mark.parametrize("name", STORIES)
def test_sources_across_sentences(name):
    text, expected = STORIES[name]
    assert [a.source for a in attributions(text)] == expected
