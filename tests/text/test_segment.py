"""Tests for annotate.segment: exact unit lists on news copy, one test per trap, invariants.

Expected lists were checked by hand sentence by sentence; they are the specification,
so a change in output means either a regression or a deliberate rule change.
"""
import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from annotate.text.segment import (
    KINDS,
    Unit,
    continues_previous_sentence,
    normalize_text,
    segment,
)

TESTS_DIR = Path(__file__).resolve().parent.parent
ARTICLES_DIR = TESTS_DIR / "data" / "articles"
SEED_PATH = TESTS_DIR.parent / "annotate" / "articles" / "data" / "seed-article.txt"


def load(path: Path) -> str:
    """Articles are stored normalised, so tests read them the same way."""
    return normalize_text(path.read_text(encoding="utf-8"))


def unit_texts(text: str) -> list[str]:
    """The slices a reader would see, in order."""
    return [text[u.start:u.end] for u in segment(text)]


def kinds_and_texts(text: str) -> list[tuple[str, str]]:
    """What the exact-article tests compare: kind and slice of every unit."""
    return [(u.kind, text[u.start:u.end]) for u in segment(text)]


def kind_of_line(article: str, line: str) -> list[str]:
    """Kinds of the units that make up one line of an article."""
    start = article.index(line)
    return [u.kind for u in segment(article) if start <= u.start < start + len(line)]


def assert_invariants(text: str) -> None:
    """Exact slices, reading order, no overlap, full coverage, valid kinds and paragraphs."""
    units = segment(text)
    covered = 0
    for unit in units:
        piece = text[unit.start:unit.end]
        assert unit.kind in KINDS
        assert piece and piece == piece.strip(), unit
        assert "\n" not in piece, unit
        assert unit.start >= covered, "units overlap or are out of order"
        assert text[covered:unit.start].strip() == "", "non-whitespace text left out"
        covered = unit.end
    assert text[covered:].strip() == "", "non-whitespace text left out at the end"
    line_index = {}
    for number, line_start in enumerate(_non_blank_line_starts(text)):
        line_index[line_start] = number
    for unit in units:
        line_start = text.rfind("\n", 0, unit.start) + 1
        assert unit.paragraph == line_index[line_start], unit


def _non_blank_line_starts(text: str) -> list[int]:
    """Offsets of the lines that hold something to read."""
    starts, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(offset)
        offset += len(line) + 1
    return starts


# ---------------------------------------------------------------- whole articles

SEED_ARTICLE = [
    ('boilerplate', 'Accessibility links'),
    ('boilerplate', 'Breaking News'),
    ('heading', "Uyghur Rights Groups Support Request to Debate China's Xinjiang Record"),
    ('caption', "FILE - Residents line up inside the Artux City Vocational Skills Education Training Service Center, which was revealed by leaked documents to be a forced indoctrination camp at the Kunshan Industrial Park in Artux in western China's Xinjiang region, Dec. 3, 2018."),
    ('caption', "FILE - Residents line up inside the Artux City Vocational Skills Education Training Service Center, which was revealed by leaked documents to be a forced indoctrination camp at the Kunshan Industrial Park in Artux in western China's Xinjiang region, Dec. 3, 2018."),
    ('body', "Rights groups urge other countries to follow the lead of the U.S. and several other Western countries that are asking the United Nations Human Rights Council to hold a debate in its next session in 2023 on China's human rights record in the Xinjiang region."),
    ('body', '"The international community must remember its obligation to end atrocity crimes like genocide and crimes against humanity," said Dolkun Isa, president of the World Uyghur Congress.'),
    ('body', 'The draft resolution presented Monday included the backing of Britain, Canada, Sweden, Denmark, Finland, Iceland and Norway.'),
    ('body', 'More than 60 Uyghur organizations from 20 countries welcomed the draft resolution.'),
    ('body', "In a joint statement, the groups said they will continue to push for further action following last month's U.N. assessment on China's treatment of Uyghurs in Xinjiang."),
    ('body', 'The report concluded that Beijing may have committed "crimes against humanity" against Uyghurs and other Turkic Muslim populations.'),
    ('body', '"Governments must seize this opportunity to finally respond to the abuses," said Omer Kanat, executive director of the Washington-based Uyghur Human Rights Project.'),
    ('body', 'While Uyghur rights groups are encouraged by some of the Western governments\' action, "the response from governments needs to be commensurate with the gravity of the abuses Uyghurs have faced, and are still facing, on the ground," Peter Irwin, senior program officer at the Uyghur Human Rights Project, told VOA.'),
    ('body', '"When negotiations get underway, governments need to keep in mind the legitimacy of the U.N. human rights system itself — a system they may need to rely on one day for support," Irwin said.'),
    ('heading', "Beijing's response"),
    ('body', "On Tuesday, Chinese Foreign Ministry spokesperson Wang Wenbin told the press in Beijing that the Western countries that signed the draft resolution are using the U.N. Human Rights Council to interfere with Beijing's domestic affairs."),
    ('body', "He added that some countries are trying to discredit and contain China's development."),
    ('body', '"They blatantly apply double standard and have gone so far as to name and shame some developing countries and openly pressure them.'),
    ('body', 'This has poisoned the atmosphere and led to aggravated confrontation at the Human Rights Council, which is detrimental to international human rights cooperation.'),
    ('body', 'The international community firmly rejects such practice," Wang said.'),
    ('body', "Chinese officials have repeatedly said accusations of human rights abuses in Xinjiang are lies and that Beijing's policies are aimed at fighting terrorism, separatism, radicalization and violence."),
    ('body', 'The Chinese embassy\'s spokesperson, Liu Pengyu, told VOA that Beijing has addressed "both the symptoms and root causes" of terrorism and has made it safe for the residents of Xinjiang.'),
    ('body', '"We hope that the United States and the West will stop using the Human Rights Council as a tool for political manipulation, view Xinjiang\'s anti-terrorism and radicalization efforts in a fair, objective and responsible manner,” Liu wrote in an email response to VOA.'),
    ('body', 'Last week, 27 nations supported Beijing on this issue in a statement to the council.'),
    ('heading', 'UN Xinjiang assessment'),
    ('body', "Just before Michelle Bachelet's term ended as U.N. high commissioner for human rights, she released a much-anticipated report on China's human rights violations in Xinjiang, including arbitrary detention of Muslim groups including Uyghurs in so-called vocational education training centers, forced sterilization, coerced labor, family separation and religious repression."),
    ('body', 'The recommendations in the assessment included asking for the Chinese government to release individuals who have been arbitrarily detained in Xinjiang and conduct "a full review of the legal framework governing national security, counterterrorism and minority rights" in the Xinjiang region.'),
    ('heading', 'Commission of inquiry'),
    ('body', 'The U.N. General Assembly has become a platform for rights organizations to ask the international community to take further action toward China following the U.N. assessment.'),
    ('body', "On the sidelines of the U.N. General Assembly in New York last week, some rights groups and diplomats met and pushed for a U.N. investigative and accountability tool called a commission of inquiry, which would further look into allegations of China's human rights violations."),
    ('body', 'Survivors of China\'s so-called reeducation camps went on a hunger strike last week outside the White House and accused Beijing of causing "ongoing forced starvation" of Uyghurs and other minorities under COVID-19 lockdown measures in Xinjiang.'),
    ('body', 'Two U.S. lawmakers, Republican Congressman Chris Smith and Democratic Congressman Tom Suozzi, introduced legislation Friday urging the U.S. government to sponsor a resolution that would establish a U.N. commission to investigate the rights violations in Xinjiang.'),
    ('body', '"The first concrete step done immediately is to file a resolution.'),
    ('body', 'We have only a few days to get that done at the U.N.," Smith told VOA.'),
    ('body', '"And even that\'s not enough."'),
    ('body', 'On Saturday, dozens of Uyghurs protested outside the U.N. building in New York, calling for an investigation into the alleged abuses in Xinjiang.'),
    ('body', "This week's draft resolution presented to the U.N. generated more response from rights organizations."),
    ('body', '"A modest — and yet unprecedented — step at the UN Human Rights Council\'s 51st session towards accountability for Chinese government," tweeted Sophie Richardson, China director at Human Rights Watch.'),
    ('body', 'The 51st session of the U.N. Human Rights Council convened September 12 and ends October 7.'),
    ('body', 'The council is expected to vote on the draft resolution next week.'),
    ('body', 'It is the first time a draft resolution to the council is focused on China.'),
]

PRESS_RELEASE_ACME = [
    ('heading', 'Acme Robotics Inc. to Acquire Beta Sensors Corp. for $3.5 Billion'),
    ('heading', 'Combination creates the No. 1 supplier of warehouse automation sensors in North America'),
    ('boilerplate', 'NEWS PROVIDED BY'),
    ('boilerplate', 'Acme Robotics Inc.'),
    ('boilerplate', 'Oct 03, 2023, 08:00 ET'),
    ('body', 'SAN JOSE, Calif., Oct. 3, 2023 /PRNewswire/ -- Acme Robotics Inc. (NASDAQ: ACMR) today announced a definitive agreement to acquire Beta Sensors Corp. (NYSE: BSC) in an all-cash transaction valued at approximately $3.5 billion.'),
    ('body', "The price represents a premium of 27.4% to Beta's closing share price on Oct. 2."),
    ('body', '"Beta has built the best lidar portfolio in the industry," said Dr. Priya Raman, chairman and chief executive officer of Acme Robotics Inc.'),
    ('body', '"Together we will serve more than 4,000 customers.'),
    ('body', 'We expect the deal to be accretive to adjusted earnings in the first full year."'),
    ('body', 'Under the terms of the agreement, Beta shareholders will receive $41.50 per share in cash.'),
    ('body', 'The transaction has been approved by the boards of directors of both companies and is expected to close in the first quarter of 2024, subject to regulatory approvals.'),
    ('body', 'Acme Robotics Inc. will fund the deal with cash on hand and a $2.0 billion term loan arranged by Morgan Stanley & Co. LLC.'),
    ('body', "Beta Sensors Corp. Chief Executive Tom Okafor will join Acme's board."),
    ('body', '"Our teams share a culture of engineering excellence — and a lot of late nights," Okafor said.'),
    ('body', '"I couldn\'t be prouder."'),
    ('body', "Acme ranked No. 1 in the 2023 Logistics Tech 100 list and was named to Fortune's Change the World list 🌍."),
    ('body', 'It expects fiscal 2024 revenue of $1.85 billion to $1.9 billion, up from $1.62 billion.'),
    ('heading', 'Conference Call'),
    ('body', 'Acme will host a conference call at 8:30 a.m. ET today.'),
    ('body', 'The call can be accessed at investors.acme.example.'),
    ('heading', 'About Acme Robotics Inc.'),
    ('body', 'Acme Robotics Inc. designs autonomous mobile robots for warehouses and factories.'),
    ('body', 'Founded in 2011, the company is headquartered in San Jose, Calif., and employs about 2,300 people.'),
    ('heading', 'Forward-Looking Statements'),
    ('body', 'This press release contains forward-looking statements within the meaning of Section 27A of the Securities Act of 1933, as amended, e.g. statements about the expected timing of the closing.'),
    ('body', 'Actual results may differ materially.'),
    ('boilerplate', 'Media Contact: Jane Smith, press@acme.example, +1 408-555-0142'),
    ('boilerplate', 'SOURCE Acme Robotics Inc.'),
]

SCIENCE_SLEEP_STUDY = [
    ('caption', 'Image caption'),
    ('caption', 'A volunteer wears a sleep-tracking headband at the University of Michigan lab in Ann Arbor, Mich., Feb. 14, 2023.'),
    ('heading', 'Short Naps Linked to Sharper Memory in Older Adults, Study Finds'),
    ('boilerplate', 'Listen to this article'),
    ('body', 'People over 65 who took a 20-minute afternoon nap scored 12.5% higher on memory tests than those who did not nap, according to a study published Wednesday in the journal Sleep Health.'),
    ('body', 'The researchers, led by Dr. Ana Ruiz of the University of Michigan, followed 1,842 adults for 3.5 years.'),
    ('body', 'Participants who napped for more than 90 minutes, however, showed no benefit — and some did worse.'),
    ('body', '“We were surprised by how consistent the effect was,” Ruiz said.'),
    ('body', '“It held across age, sex and education.'),
    ('body', 'It even held for people with mild cognitive impairment, i.e. the group we worried about most.”'),
    ('body', 'The study builds on earlier work by Mednick et al. that linked daytime naps to memory consolidation.'),
    ('body', 'Other factors, e.g. caffeine intake and physical activity, were controlled for.'),
    ('caption', 'Photo: Dr. Ana Ruiz reviews sleep data in her lab. (University of Michigan/Scott Soderberg)'),
    ('heading', 'What the numbers show'),
    ('body', 'Nappers had an average score of 27.3 out of 30 on the Montreal Cognitive Assessment, vs. 24.1 for non-nappers.'),
    ('body', 'The odds of a dementia diagnosis were 0.8 times as high (95% CI, 0.67-0.96) among regular short nappers.'),
    ('body', 'Not everyone is convinced.'),
    ('body', '"Correlation isn\'t causation," said Prof. James O\'Neil, a sleep researcher at St. George\'s, University of London, who was not involved in the study.'),
    ('body', '"People who can nap may simply be healthier.'),
    ('body', 'We need a randomized trial."'),
    ('body', 'Ruiz agreed that more work is needed.'),
    ('body', '"Is napping the cause?" she asked.'),
    ('body', '"We don\'t know yet."'),
    ('body', 'The findings went viral on social media, where one user wrote: “Finally, science on my side 😀👍🏽.”'),
    ('body', 'Another posted a U.S. flag 🇺🇸 and the words “nap for America.”'),
    ('body', 'The National Institutes of Health funded the research.'),
    ('body', 'Dr. Ruiz reported no conflicts of interest.'),
    ('boilerplate', 'Sign up for our newsletter'),
    ('boilerplate', 'Copyright © 2023 Health Daily Inc. All rights reserved.'),
]

TRANSCRIPT_FED_HEARING = [
    ('heading', 'Transcript: Senate Banking Committee Hearing on Monetary Policy'),
    ('body', 'The following is a partial transcript of the hearing, lightly edited for clarity.'),
    ('body', 'SEN. BROWN: The committee will come to order.'),
    ('body', 'Chair Powell, welcome back.'),
    ('body', 'MR. POWELL: Thank you, Mr. Chairman.'),
    ('body', "It's good to be here."),
    ('body', 'SEN. WARREN: Chair Powell, you raised rates by 0.75 percentage point in June.'),
    ('body', 'Did you consider what that would do to unemployment?'),
    ('body', 'Millions of people could lose their jobs.'),
    ('body', 'MR. POWELL: Senator, we did consider it.'),
    ('body', 'We —'),
    ('body', 'SEN. WARREN: Did you tell the American people?'),
    ('body', 'MR. POWELL: [crosstalk] We have been very transparent about —'),
    ('body', 'SEN. WARREN: No.'),
    ('body', 'You have not.'),
    ('body', '(APPLAUSE)'),
    ('body', "SEN. TOOMEY: If I could, Mr. Chairman — I'd like to move on to the balance sheet."),
    ('body', 'Is it still about $8.9 trillion?'),
    ('body', "MR. POWELL: It's a bit less than that now."),
    ('body', "Roughly $8.8 trillion, and we're running it off at up to $95 billion a month."),
    ('body', "SEN. TOOMEY: And the Fed's remittances to the U.S. Treasury?"),
    ('body', "They stopped, didn't they?"),
    ('body', 'MR. POWELL: They did.'),
    ('body', "That's a result of the interest we pay on reserves."),
    ('body', "It doesn't affect our ability to conduct monetary policy."),
    ('body', "SEN. BROWN: Sen. Tester, you're recognized."),
    ('body', 'SEN. TESTER: Thanks.'),
    ('body', 'In Montana, folks pay 7.2% more for groceries than they did a year ago.'),
    ('body', 'What do I tell them?'),
    ('body', "MR. POWELL: You can tell them we're going to get inflation down to 2%."),
    ('body', 'We will keep at it until the job is done.'),
    ('body', "That's our commitment."),
    ('body', 'SEN. BROWN: The hearing is adjourned.'),
    ('body', '[END]'),
]

WIRE_SENATE_VOTE = [
    ('boilerplate', 'Skip to main content'),
    ('boilerplate', 'Advertisement'),
    ('heading', 'Senate Passes $1.2 Trillion Infrastructure Bill After Weeks of Talks'),
    ('boilerplate', 'By LISA MASCARO and KEVIN FREKING Associated Press'),
    ('boilerplate', 'Share'),
    ('boilerplate', 'Print'),
    ('caption', 'Sen. Kyrsten Sinema, D-Ariz., walks to the Senate chamber at the Capitol in Washington, Aug. 10, 2021. (AP Photo/J. Scott Applewhite)'),
    ('body', 'WASHINGTON (AP) — The Senate on Tuesday approved a $1.2 trillion infrastructure bill, a rare bipartisan achievement that Gov. Gretchen Whitmer called “a once-in-a-generation investment.”'),
    ('body', 'The vote was 69-30.'),
    ('body', 'Nineteen Republicans joined Democrats to pass the measure, including Senate Republican leader Mitch McConnell of Kentucky.'),
    ('body', 'It now goes to the House, where Speaker Nancy Pelosi, D-Calif., has said she will hold it until a larger package is ready.'),
    ('body', '"This is what it looks like when we work together," said Sen. Rob Portman, R-Ohio.'),
    ('body', '"It wasn\'t easy.'),
    ('body', 'It took months — and a lot of coffee."'),
    ('body', 'Asked whether the House would act quickly, Rep. Pramila Jayapal said: “Not without the rest of the agenda.”'),
    ('body', 'She did not elaborate.'),
    ('body', 'The bill includes about $550 billion in new spending, with $110 billion for roads and bridges, $66 billion for rail and $65 billion for broadband.'),
    ('body', 'Transit agencies would receive 3.5 percent more than the Biden administration originally proposed.'),
    ('body', '"Will it be enough?" asked Sen. Bernie Sanders, I-Vt.'),
    ('body', '"Of course not!" he answered himself.'),
    ('heading', "What's next"),
    ('body', "The House is not expected to vote until at least Sept. 27, according to a memo from Rep. Steny Hoyer's office."),
    ('body', 'Lt. Gov. Garlin Gilchrist of Michigan, who attended the vote, said the state\'s roads "can\'t wait much longer."'),
    ('body', "Former President George W. Bush's transportation secretary, Mary E. Peters, praised the bill in a statement."),
    ('body', '"For 20 years, we\'ve talked about this," she wrote.'),
    ('body', "'Now it's real.'"),
    ('body', 'The measure passed the U.S. Senate with support from lawmakers in both parties.'),
    ('body', 'It faces a tougher path in the House.'),
    ('boilerplate', 'Associated Press writers Hope Yen in Washington and Ellen Knickmeyer in St. Louis contributed to this report.'),
    ('boilerplate', 'Related stories'),
    ('boilerplate', 'Follow us on Twitter'),
]


# Written after the rules were frozen. First run: 3 of 19 lines wrong ("4 minute read" as a
# heading; the "Reporting by ...; Editing by ..." credit line as body split at each semicolon;
# "Our Standards: ..." as body). Fixed by general rules (no sentence end at ";", credit lines
# of any length, "N minute read") plus one chrome-list entry ("Our Standards:").
HOLDOUT_REUTERS_ENERGY = [
    ('boilerplate', 'Menu'),
    ('boilerplate', 'Search'),
    ('heading', 'Oil Jumps 4% as OPEC+ Agrees Surprise Output Cut; Analysts Warn of Price Spike'),
    ('boilerplate', 'By Alex Lawler and Maha El Dahan'),
    ('boilerplate', '4 minute read'),
    ('caption', 'A view of the logo of the Organization of the Petroleum Exporting Countries (OPEC) at its headquarters in Vienna, Austria, March 3, 2022. REUTERS/Leonhard Foeger/File Photo'),
    ('body', 'LONDON/DUBAI, April 3 (Reuters) - Oil prices jumped more than 4% on Monday after Saudi Arabia and other OPEC+ producers announced a surprise cut of about 1.16 million barrels per day (bpd), a move the U.S. called "inadvisable."'),
    ('body', 'Brent crude futures rose $3.67, or 4.6%, to $83.56 a barrel by 0740 GMT.'),
    ('body', 'The cuts take effect in May and last until the end of the year, according to statements from the producers.'),
    ('body', "Saudi Arabia's share is 500,000 bpd."),
    ('body', '"It\'s a pre-emptive measure... to support the stability of the oil market," Saudi Arabia\'s energy ministry said.'),
    ('body', "Iraq's oil ministry, in a separate statement, said it would cut 211,000 bpd."),
    ('body', 'Goldman Sachs raised its Brent forecast to $95 a barrel for December 2023.'),
    ('body', '"We see risks skewed to the upside," analysts including Daan Struyven wrote in a note.'),
    ('body', "'The cut is bullish.'"),
    ('heading', 'WHY IT MATTERS'),
    ('body', "Higher oil prices could complicate central banks' efforts to tame inflation."),
    ('body', 'The U.S. Federal Reserve, the European Central Bank (ECB) and the Bank of England have all raised rates sharply over the past year.'),
    ('body', '"Are they trying to push prices back to $100?" asked Phil Flynn, senior analyst at Price Futures Group in Chicago.'),
    ('body', 'He said the move "caught everybody off guard."'),
    ('body', 'U.S. President Joe Biden\'s administration said it did not think cuts were advisable "at this moment given market uncertainty — and we\'ve made that clear."'),
    ('body', 'A White House spokesperson declined further comment.'),
    ('body', 'Exxon Mobil Corp. shares rose 5.9% in premarket trading, while Chevron Corp. gained 4.1%.'),
    ('body', 'Shell Plc rose 4.5% in London.'),
    ('boilerplate', 'Related Coverage'),
    ('boilerplate', 'Read more: Saudi Aramco raises May crude prices for Asia'),
    ('boilerplate', 'Reporting by Alex Lawler in London and Maha El Dahan in Dubai; Additional reporting by Florence Tan in Singapore; Editing by Jason Neely and Mark Potter'),
    ('boilerplate', 'Our Standards: The Thomson Reuters Trust Principles.'),
]

EXPECTED_HOLDOUTS = {"holdout_reuters_energy.txt": HOLDOUT_REUTERS_ENERGY}

EXPECTED_ARTICLES = {
    "press_release_acme.txt": PRESS_RELEASE_ACME,
    "science_sleep_study.txt": SCIENCE_SLEEP_STUDY,
    "transcript_fed_hearing.txt": TRANSCRIPT_FED_HEARING,
    "wire_senate_vote.txt": WIRE_SENATE_VOTE,
}
ALL_ARTICLE_PATHS = [SEED_PATH] + sorted(ARTICLES_DIR.glob("*.txt"))


def test_seed_article_segments_exactly():
    assert kinds_and_texts(load(SEED_PATH)) == SEED_ARTICLE


@pytest.mark.parametrize("name", sorted(EXPECTED_ARTICLES))
def test_article_segments_exactly(name):
    assert kinds_and_texts(load(ARTICLES_DIR / name)) == EXPECTED_ARTICLES[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_HOLDOUTS))
def test_holdout_article_segments_exactly(name):
    assert kinds_and_texts(load(ARTICLES_DIR / name)) == EXPECTED_HOLDOUTS[name]


def test_every_article_file_has_an_expected_list():
    """A new article without expectations would only ever be checked for invariants."""
    names = {path.name for path in ARTICLES_DIR.glob("*.txt")}
    assert names == set(EXPECTED_ARTICLES) | set(EXPECTED_HOLDOUTS)


@pytest.mark.parametrize("path", ALL_ARTICLE_PATHS, ids=lambda p: p.name)
def test_article_invariants(path):
    assert_invariants(load(path))


@pytest.mark.parametrize("path", ALL_ARTICLE_PATHS, ids=lambda p: p.name)
def test_article_invariants_on_raw_crlf_text(path):
    """segment() must keep its promises even on text that was never normalised."""
    raw = "\ufeff\r\n  " + path.read_text(encoding="utf-8").replace("\n", "  \r\n") + "\t\r\n"
    assert_invariants(raw)


def test_seed_smith_quote_is_three_sentences():
    line = ('"The first concrete step done immediately is to file a resolution. We have only '
            'a few days to get that done at the U.N.," Smith told VOA. "And even that\'s not enough."')
    assert unit_texts(line) == [
        '"The first concrete step done immediately is to file a resolution.',
        'We have only a few days to get that done at the U.N.," Smith told VOA.',
        '"And even that\'s not enough."',
    ]


# ---------------------------------------------------------------- traps

@pytest.mark.parametrize("text, expected", [
    ("The talks at the U.N. ended. The U.S. delegation left.",
     ["The talks at the U.N. ended.", "The U.S. delegation left."]),
    ("The vote is set for Dec. 3 in Geneva. Mr. Lee will attend.",
     ["The vote is set for Dec. 3 in Geneva.", "Mr. Lee will attend."]),
    ("Prices rose in Jan. 2020 and fell again. It was No. 1 in sales.",
     ["Prices rose in Jan. 2020 and fell again.", "It was No. 1 in sales."]),
    ("He lives in the U.S. He moved from Canada in 2019.",
     ["He lives in the U.S.", "He moved from Canada in 2019."]),
    ("It was No. 2 on the list. No. He did not agree.",
     ["It was No. 2 on the list.", "No.", "He did not agree."]),
    ("The meeting ended at 10 a.m. EST. Officials left.",
     ["The meeting ended at 10 a.m. EST.", "Officials left."]),
])
def test_abbreviations(text, expected):
    assert unit_texts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Author J. K. Rowling spoke on Monday. George W. Bush was there too.",
     ["Author J. K. Rowling spoke on Monday.", "George W. Bush was there too."]),
    ("The trial was led by Dr. A. B. Chen of Johns Hopkins. It ended early.",
     ["The trial was led by Dr. A. B. Chen of Johns Hopkins.", "It ended early."]),
])
def test_initials(text, expected):
    assert unit_texts(text) == expected


def test_decimals_money_and_percentages():
    text = "Growth slowed to 3.5 percent. The deal is worth $1.2 billion. Shares rose 0.25%. Odd."
    assert unit_texts(text) == [
        "Growth slowed to 3.5 percent.", "The deal is worth $1.2 billion.",
        "Shares rose 0.25%.", "Odd."]


@pytest.mark.parametrize("text, expected", [
    ('"They refuse. This is wrong. We reject it," Wang said.',
     ['"They refuse.', "This is wrong.", 'We reject it," Wang said.']),
    ("“It held. It even held for the sick. We were surprised,” Ruiz said. She smiled.",
     ["“It held.", "It even held for the sick.", "We were surprised,” Ruiz said.", "She smiled."]),
])
def test_quote_running_over_several_sentences(text, expected):
    assert unit_texts(text) == expected


def test_semicolon_does_not_end_a_sentence():
    text = "The cuts take effect in May; they last until December. Prices rose."
    assert unit_texts(text) == ["The cuts take effect in May; they last until December.", "Prices rose."]


def test_sentence_ending_inside_quotes_with_attribution():
    text = '"We have a deal at the U.N.," Smith told VOA. "And that is enough."'
    assert unit_texts(text) == ['"We have a deal at the U.N.," Smith told VOA.',
                                '"And that is enough."']


def test_curly_and_straight_quotes_mixed():
    text = '“It’s over,” she said. "Not yet," he replied. ‘Maybe.’ Then silence.'
    assert unit_texts(text) == ["“It’s over,” she said.", '"Not yet," he replied.',
                                "‘Maybe.’", "Then silence."]


@pytest.mark.parametrize("text, expected", [
    ("The plan — which cost $3 million — failed. Officials — and donors — were upset.",
     ["The plan — which cost $3 million — failed.", "Officials — and donors — were upset."]),
    ("WASHINGTON (AP) — The Senate voted Tuesday. It passed.",
     ["WASHINGTON (AP) — The Senate voted Tuesday.", "It passed."]),
    ("LONDON (Reuters) - Britain said on Monday it would act. It did.",
     ["LONDON (Reuters) - Britain said on Monday it would act.", "It did."]),
    ("“Who knows?” — she shrugged.", ["“Who knows?” — she shrugged."]),
])
def test_em_dashes_and_datelines(text, expected):
    assert unit_texts(text) == expected


@pytest.mark.parametrize("title", [
    "Gov.", "Sen.", "Rep.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Sgt.", "Mr.", "Mrs.",
    "Ms.", "Capt.", "Adm.", "Rev.", "GOV.", "SEN.",
])
def test_personal_title_before_name_does_not_end_sentence(title):
    text = f"Yesterday {title} Hale spoke to reporters. The crowd cheered."
    assert unit_texts(text) == [f"Yesterday {title} Hale spoke to reporters.", "The crowd cheered."]


@pytest.mark.parametrize("suffix", ["Inc.", "Corp.", "Ltd.", "Co."])
def test_company_suffix_before_name_does_not_end_sentence(suffix):
    text = f"Acme {suffix} Chairman Ann Lee resigned. The board met."
    assert unit_texts(text) == [f"Acme {suffix} Chairman Ann Lee resigned.", "The board met."]


@pytest.mark.parametrize("suffix", ["Inc.", "Corp.", "Ltd.", "Co."])
@pytest.mark.parametrize("starter", ["The company", "He"])
def test_company_suffix_can_still_end_a_sentence(suffix, starter):
    text = f"Shares of Acme {suffix} {starter} said sales rose."
    assert unit_texts(text) == [f"Shares of Acme {suffix}", f"{starter} said sales rose."]


@pytest.mark.parametrize("text, expected", [
    ("They drove from St. Louis to Ft. Worth and then to Mt. Rainier. It was long.",
     ["They drove from St. Louis to Ft. Worth and then to Mt. Rainier.", "It was long."]),
    ("Martin Luther King Jr. Day is a federal holiday. Offices close.",
     ["Martin Luther King Jr. Day is a federal holiday.", "Offices close."]),
    ("Sr. Maria Lopez sang at Mass. Everyone listened.",
     ["Sr. Maria Lopez sang at Mass.", "Everyone listened."]),
    ("Smith vs. Jones went to trial. It ended.", ["Smith vs. Jones went to trial.", "It ended."]),
    ("Apples, pears, etc. were sold. Prices rose.", ["Apples, pears, etc. were sold.", "Prices rose."]),
    ("Lt. Col. Sgt. Jones spoke. He left.", ["Lt. Col. Sgt. Jones spoke.", "He left."]),
    ("SEN. WARREN: Thank you, Mr. Chairman. I have a question.",
     ["SEN. WARREN: Thank you, Mr. Chairman.", "I have a question."]),
    ('"Beta is great," said the CEO of Acme Robotics Inc. "Together we win."',
     ['"Beta is great," said the CEO of Acme Robotics Inc.', '"Together we win."']),
])
def test_places_suffixes_and_vs(text, expected):
    assert unit_texts(text) == expected


@pytest.mark.parametrize("text", [
    '"Where is it?" she asked.', '"Stop!" he shouted.', '"We are done." said Smith.',
    "“Really?” the senator asked.", "'Enough!' cried Lee.", "‘Really?’ she asked.",
    '"Wait..." he said.', '"Done." — said Smith.',
])
def test_quote_followed_by_attribution_is_one_sentence(text):
    assert unit_texts(text) == [text]


@pytest.mark.parametrize("previous, following, joined", [
    ('"Where is it?"', "she asked.", True),
    ("“Stop!”", "he shouted.", True),
    ('"We are done."', "said Smith.", True),
    ('"Where is it?"', "She asked again.", False),
    ("He left.", "Then she did.", False),
    ("WASHINGTON (AP)", "— The Senate voted.", True),
    ("Yesterday Gov.", "Newsom signed it.", True),
    ("Shares of Apple Inc.", "The company said.", False),
    ("Protesters march in Paris, Oct. 3, 2023.", "(AP Photo/Jane Doe)", True),
])
def test_join_rules_repair_bad_syntok_splits(previous, following, joined):
    """The join rules must hold even where today's syntok happens not to need them."""
    assert continues_previous_sentence(previous, following) is joined


@pytest.mark.parametrize("text, expected", [
    ("He called it “a disgrace.” Then he left.", ["He called it “a disgrace.”", "Then he left."]),
    ('"It is over." "No," he replied.', ['"It is over."', '"No," he replied.']),
    ("He said 'no.' Then left.", ["He said 'no.'", "Then left."]),
])
def test_closing_quote_belongs_to_the_sentence_it_closes(text, expected):
    assert unit_texts(text) == expected


@pytest.mark.parametrize("heading", [
    "Beijing's response", "UN Xinjiang assessment", "Commission of inquiry",
    "What happens now", "THE BOTTOM LINE", "About Acme Robotics Inc.",
    'Biden: "We will not back down"',
])
def test_short_line_without_final_punctuation_is_heading(heading):
    article = f"Storm Hits Coast\n\nThe storm hit. It left.\n\n{heading}\n\nMore text follows."
    assert kind_of_line(article, heading) == ["heading"]
    assert kinds_and_texts(article)[-1] == ("body", "More text follows.")


@pytest.mark.parametrize("line", [
    "He left.", "He said no.", "Call Dec.", "[crosstalk]", "• Oil rose 4%", "- Gold fell", "(APPLAUSE)", "SEN. WARREN:", "Here is what we know:",
    "The storm, which formed over the Atlantic late on Sunday night, hit the coast hard",
])
def test_short_or_punctuated_body_lines_are_not_headings(line):
    article = f"Storm Hits Coast\n\nThe storm hit.\n\n{line}\n\nMore text."
    assert set(kind_of_line(article, line)) == {"body"}


@pytest.mark.parametrize("first_line, kind", [
    ("Uyghur Rights Groups Support Request to Debate China's Xinjiang Record", "heading"),
    ("Is Coffee Good for You? Scientists Weigh In", "heading"),
    ("Storm that battered the Gulf Coast for three days finally moves out to sea", "heading"),
    ("it was late and the storm hit the coast hard?", "body"),
    ("The storm hit the coast hard.", "body"),
])
def test_first_line_headline(first_line, kind):
    article = f"{first_line}\n\nThe storm hit. It left."
    assert kind_of_line(article, first_line) == [kind]


@pytest.mark.parametrize("caption", [
    "FILE - Residents line up inside the center in Artux, Xinjiang region, Dec. 3, 2018.",
    "FILE PHOTO: A worker walks past a logo in Tokyo, Japan, May 4, 2021. REUTERS/Kim Kyung-Hoon/File Photo",
    "Photo: Smoke rises over the city after the strike.",
    "Photo by Jane Doe for The Times",
    "Image caption, Firefighters battle the blaze in Athens",
    "A volunteer wears a headband at the lab in Ann Arbor, Mich., Feb. 14, 2023.",
    "Protesters gather outside parliament in London on Monday. (Reuters/Hannah McKay)",
    "Sen. Kyrsten Sinema walks to the chamber, Aug. 10, 2021. (AP Photo/J. Scott Applewhite)",
])
def test_caption_lines(caption):
    article = f"Storm Hits Coast\n\n{caption}\n\nThe storm hit. It left."
    assert kinds_and_texts(article)[1] == ("caption", caption)  # credit stays with caption
    assert kinds_and_texts(article)[-2:] == [("body", "The storm hit."), ("body", "It left.")]


@pytest.mark.parametrize("article, kinds", [
    ("Headline\n\nPhoto: Firefighters battle the blaze in Athens\n"
     "Firefighters battle the blaze in Athens\n\nBody text.",
     ["heading", "caption", "caption", "body"]),
    ("Headline\n\nImage caption\nFirefighters battle the blaze in Athens\n"
     "Firefighters battle the blaze in Athens\n\nBody text.",
     ["heading", "caption", "caption", "caption", "body"]),
    ("Headline\n\nMedia caption\nWatch: the moment the bridge fell\n\nBody text.",
     ["heading", "caption", "caption", "body"]),
])
def test_caption_repeats_and_text_under_caption_label_are_captions(article, kinds):
    assert [u.kind for u in segment(article)] == kinds


def test_repeated_body_line_is_not_caption():
    article = "Headline\n\nThe storm hit.\nThe storm hit.\n\nBody text."
    assert [u.kind for u in segment(article)] == ["heading", "body", "body", "body"]


@pytest.mark.parametrize("chrome", [
    "Accessibility links", "Breaking News", "Share", "Print", "Skip to main content",
    "Advertisement", "Related stories", "Sign up for our newsletter", "Follow us on Twitter",
    "Follow us on Instagram and Facebook", "SHARE", "Share | Print | Email", "ADVERTISEMENT:",
    "By Jane Doe, Associated Press", "By LISA MASCARO and KEVIN FREKING Associated Press",
    "Updated 3:45 PM EST", "Oct 03, 2023, 08:00 ET", "Listen to this article",
    "Copyright © 2023 Health Daily Inc. All rights reserved.", "SOURCE Acme Robotics Inc.",
    "Media Contact: Jane Smith, press@acme.example, +1 408-555-0142", "4 minute read",
    "Reporting by Alex Lawler in London and Maha El Dahan in Dubai; Additional reporting by "
    "Florence Tan in Singapore; Editing by Jason Neely and Mark Potter",
])
def test_chrome_lines_are_boilerplate(chrome):
    article = f"Storm Hits Coast\n\n{chrome}\n\nThe storm hit. It left."
    assert kinds_and_texts(article) == [
        ("heading", "Storm Hits Coast"), ("boilerplate", chrome),
        ("body", "The storm hit."), ("body", "It left.")]


@pytest.mark.parametrize("line", [
    "Follow us on Twitter, the minister told reporters, if you want the truth about the vote.",
    "Breaking news is our business, the editor said.",
    "By Tuesday, the deal had collapsed.",
    "Share prices fell 3.5% on Monday.",
])
def test_prose_that_starts_like_chrome_is_body(line):
    article = f"Storm Hits Coast\n\n{line}"
    assert set(kind_of_line(article, line)) == {"body"}


# ---------------------------------------------------------------- emoji and offsets

def test_emoji_offsets_are_code_points():
    text = "Fans cheered 👍🏽. Great game 😀! Then they left 🇺🇸."
    units = segment(text)
    assert [text[u.start:u.end] for u in units] == [
        "Fans cheered 👍🏽.", "Great game 😀!", "Then they left 🇺🇸."]
    assert units[0].end == len("Fans cheered 👍🏽.") == 16  # thumbs up + skin tone = 2 code points
    assert units[1].start == text.index("Great")
    assert units[2].start == text.index("Then") == 31  # 16 + 1 + 13 ("Great game 😀!") + 1
    assert units[2].end == len(text)


def test_emoji_after_full_stop_reacts_to_previous_sentence():
    text = "The game ended 3-2. 🎉 The fans went wild! 😀😀 Then they left."
    assert unit_texts(text) == ["The game ended 3-2. 🎉", "The fans went wild! 😀😀", "Then they left."]


@pytest.mark.parametrize("text, expected", [
    ("👋 Hello there. Welcome back.", ["👋 Hello there.", "Welcome back."]),
    ("Family 👨‍👩‍👧 photos. Nice.", ["Family 👨‍👩‍👧 photos.", "Nice."]),
    ("one user wrote: “Finally 😀👍🏽.” Another agreed.", ["one user wrote: “Finally 😀👍🏽.”", "Another agreed."]),
])
def test_emoji_inside_sentences(text, expected):
    assert unit_texts(text) == expected
    assert_invariants(text)


def test_offsets_point_into_the_whole_text_with_paragraphs():
    text = "Héadline 🇺🇸\n\nFirst line. Second 😀.\nThird line."
    units = segment(text)
    assert [(u.kind, u.paragraph, text[u.start:u.end]) for u in units] == [
        ("heading", 0, "Héadline 🇺🇸"), ("body", 1, "First line."), ("body", 1, "Second 😀."),
        ("body", 2, "Third line.")]
    assert units[3].start == text.index("Third")


# ---------------------------------------------------------------- normalize_text

def test_normalize_crlf_bom_trailing_spaces_and_blank_edges():
    raw = "\ufeff\r\n\r\nTitle  \r\n\r\nLine one. \t\r\nLine two.\rLine three.\r\n\r\n"
    assert normalize_text(raw) == "Title\n\nLine one.\nLine two.\nLine three."


def test_normalize_applies_nfc():
    assert normalize_text("Cafe\u0301 cre\u0300me") == "Caf\u00e9 cr\u00e8me"


def test_normalize_keeps_inner_blank_lines_and_indentation():
    assert normalize_text("  Indented\n\n\nNext") == "  Indented\n\n\nNext"


@pytest.mark.parametrize("path", ALL_ARTICLE_PATHS, ids=lambda p: p.name)
def test_normalize_is_idempotent_and_crlf_gives_same_units(path):
    lf_text = load(path)
    crlf_text = normalize_text(lf_text.replace("\n", "\r\n"))
    assert normalize_text(lf_text) == lf_text
    assert crlf_text == lf_text
    assert segment(crlf_text) == segment(lf_text)


# ---------------------------------------------------------------- interface

def test_unit_is_frozen_dataclass_with_documented_fields():
    unit = Unit(start=0, end=4, kind="body", paragraph=0)
    assert [f.name for f in dataclasses.fields(Unit)] == ["start", "end", "kind", "paragraph"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        unit.start = 1  # type: ignore[misc]
    assert KINDS == ("body", "heading", "caption", "boilerplate")


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "\r\n \t\r\n"])
def test_empty_or_blank_text_has_no_units(text):
    assert segment(text) == []


# ---------------------------------------------------------------- randomised invariants

_FRAGMENTS = [
    "The U.N. said.", "Gov. Hale left.", '"Why?" she asked.', "“Done,” he said.", "— and more",
    "Acme Inc.", "3.5 percent.", "$1.2 billion", "😀", "👍🏽.", "🇺🇸!", "Share", "FILE -",
    "(AP Photo/Jane Doe)", "[crosstalk]", "SEN. WARREN:", "e.g.", "et al.", "...", "?!", "‘", "’",
    '"', "'", "(", ")", "\t", "  ", "\u00a0", "\u2028", "e\u0301", "Dec. 3, 2018.", "No. 1",
]


_SEPARATORS = [" ", "", "\n", "\n\n", "\r\n", " \n "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_FRAGMENTS), st.sampled_from(_SEPARATORS)), min_size=1, max_size=40))
def test_invariants_on_random_fragment_soup(pieces):
    """Odd mixes of the traps must never break the promises (Hypothesis shrinks a failure to the shortest mix)."""
    assert_invariants("".join(fragment + separator for fragment, separator in pieces))
