"""Page chrome that news sites print inside or under a story (annotate/text/chrome_rules.py).

The lines are the common furniture of news pages, rewritten here; the prose
cases beside them guard against reading real sentences as chrome.
"""
import pytest

from annotate.text.segment import normalize_text
from annotate.text.segment import segment

LEAD = "The council approved the budget on Tuesday after a long debate."


def kinds(text: str) -> list[tuple[str, str]]:
    text = normalize_text(text)
    return [(u.kind, text[u.start:u.end]) for u in segment(text)]


def line_kinds(line: str) -> set[str]:
    """Kinds of the units of a line set between two ordinary paragraphs."""
    text = normalize_text(f"{LEAD}\n\n{line}\n\nThe vote was 7 to 2.")
    return {u.kind for u in segment(text) if u.paragraph == 1}


def sentence_kind_after_prose(sentence: str) -> str:
    """Kind of a sentence that closes a prose paragraph."""
    found = kinds(f"{LEAD} {sentence}")
    return found[-1][0]


PROMOS = [
    "Never miss the latest news by signing up to our newsletter today!",
    "Get the Morning Briefing delivered to your inbox.",
    "Subscribe to The Times's newsletter here.",
    "Follow Jane Doe on Twitter.",
    "Follow @janedoe on Twitter.",
    "Jane Doe is on Twitter at janedoe.",
    "This article originally appeared on The Atlantic.",
    "A version of this article appears in print on March 3, 2015, on Page A1 of the New York edition.",
    "Correction: An earlier version of this story misspelled the name of the bridge.",
    "Copyright 2016 The Associated Press.",
    "All rights reserved.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Click here to read more.",
    "Watch the video above.",
    "Read the full statement here.",
    "Download the BBC News app.",
    "This post contains references to products from one or more of our advertisers.",
    "Please share your videos, pictures and stories with us.",
    "Loading weather data ...",
    "Posted: Thursday, April 21, 2022 at 10:11 p.m.",
    "Jane Doe reported from London.",
    "Tell us about it.",
    "Let us know in the comments below.",
    "Associated Press writer Jane Doe contributed.",
    "This is a developing story.",
    "Check back for updates.",
    "Thanks for reading.",
    "Jane Doe writes about the economy for The Post.",
    # update notes, disclaimers, tip lines, appeals, cookie and sign-up notices, credits after a dash
    "This story has been updated to include comment from the police.",
    "The views expressed in this column are those of the author.",
    "Have a news tip?",
    "Please consider supporting our journalism.",
    "Our journalism needs your support.",
    "We use cookies to improve your experience on our site.",
    "Thank you for subscribing!",
    "Want more stories like this?",
    "Video above.",
    "Reach Jane Doe at 555-0142.",
    # paywall, e-paper and sign-up small print, comment notices
    "Start your Premium subscription today.",
    "By subscribing, you can help us get the story right.",
    "You have reached your limit of free articles.",
    "This article is reserved for subscribers.",
    "Now you can read the Daily Ledger ePaper anytime, anywhere.",
    "Support local journalism.",
    "In a time of misinformation, quality journalism is more crucial than ever.",
    "We will never share your email address.",
    "By clicking Sign up, you agree to our privacy policy.",
    "You can unsubscribe at any time.",
    "Please enable JavaScript to view the comments.",
    "Comments are closed.",
    # seen on news pages outside the evaluation set (other extractors' fixtures), rewritten
    "If you are reading this in the app, click here.",
    "We want to hear what you think about this story.",
    "Submit a letter to the editor or write to letters@ledger.example.",
    "Follow us: Google News | Reddit | Instagram | Facebook | Twitter",
    "This version corrects the spelling of the village to Tuva.",
    "Check it out here.",
    "To see the new game in action, check out the footage below:",
    "Contact her at jdoe@ledger.example or on Twitter, @jdoe.",
    "*This article appears in the May 5, 2016 issue of The Ledger Magazine.",
    "*An earlier version of the article misstated the mayor's age.",
    "*This sentence has been updated to reflect the council's vote.",
    "* The Ledger's parent company is a minority investor in Harbour Media, which owns this site.",
    "Sound off below!",
    "Hat tip to the Harbour Times for the find.",
    "The Ledger's June issue is on newsstands nationwide May 20.",
    # a video player's text, as extractors keep it from pages embedding video.js
    "This is a modal window.",
    "This modal can be closed by pressing the Escape key or activating the close button.",
]


@pytest.mark.parametrize("sentence", PROMOS)
def test_promo_credit_and_footer_sentences_are_boilerplate_alone_or_after_prose(sentence):
    assert "body" not in line_kinds(sentence)
    assert sentence_kind_after_prose(sentence) == "boilerplate"


@pytest.mark.parametrize("line", ["WASHINGTON —", "NEW YORK (AP) —", "(Reuters)", "WATCH: Protesters march in London",
                                  "More: The Fed's next move",
                                  "Related: Check out this article on – How the harbour strike began and what the "
                                  "unions want from the port authority?",
                                  "Read more: The council's budget, line by line",
                                  "- Share on Twitter", "- Chapters", "- descriptions off, selected",
                                  "- subtitles off, selected", "- default, selected",
                                  # teasers for other stories, cut short, and contact lines
                                  "Harbour Times – The ferry strike entered its third week as the union and the...",
                                  "Harbour Times – The minister has been silent on the port deal.... more",
                                  "The league final was postponed by rain. The match, which draws teams from the...",
                                  "Contact: 555-0142; 555-0143 or 555-0199.",
                                  "Or by Email: [email protected]",
                                  "If your letter was not printed and you think it should have been, please contact us "
                                  "by phone or email.",
                                  "Feel free to send us your comments and criticisms.",
                                  # a follow box, copyright terms, an advert spelt with look-alike letters
                                  "Jane Doe is a reporter for The Daily Ledger covering courts, prisons and the state "
                                  "legislature. Follow her on Twitter @janedoe_ or email her at jdoe@ledger.example",
                                  "Follow The Ledger on Facebook @TheLedger. Send us a message on WhatsApp at "
                                  "1-555-010-0199 or email us at letters@ledger.example",
                                  "© 2021, The Ledger. This story is the property of The Ledger. Written permission "
                                  "must be obtained before it is reprinted. COPYING IT WITHOUT PERMISSION IS THEFT.",
                                  "Аdvеrtіѕе wіth thе Ledger ~ Wе оffеr packages for every budget. Call us at 555-0100.",
                                  "(Image: Getty)", "— With files from The Canadian Press", "— The Associated Press"])
def test_a_dateline_or_link_label_alone_on_its_line_is_boilerplate(line):
    assert line_kinds(line) == {"boilerplate"}


@pytest.mark.parametrize("line", [
    "Media caption Protesters gathered outside the court in Washington on Tuesday.",
    "Image copyright Getty Images Image caption Protesters gathered outside the court on Tuesday.",
    "Featured image by Alberto Riva/The Points Guy.",
    "Protesters gathered outside the court on Tuesday. Credit Doug Mills/The New York Times",
    "Protesters gathered outside the court on Tuesday. Picture: Jane Doe",
    "[Featured Image by Jane Doe/Getty Images]",
    # a slide of a photo gallery flattened into the story, with its credit
    "- 6/50 City for sale The harbour airport was put up for sale by its owner. It is expected to fetch £2 billion "
    "Getty",
    "- 1/50 Harbour goes down The club's absence from the league dented its revenue. The club said it would raise "
    "$400m. GETTY IMAGES",
    # a long caption closing on a credit in one of its usual forms
    *[f"Gas fitter Tom Hale, 45, was jailed for ten years at Leeds Crown Court on Friday after the deaths{credit}"
      for credit in (" (Image: Kent Police)", " Credit: PA Wire", ". Credit: PA", ". (Source: Kent Police)",
                     ". Photo / Supplied", ". Source: Twitter", ". AAP Image/Jane Doe", ". © Kent Police",
                     ". (Kent Police)", ". JANE DOE/THE TIMES", ". [Jane Doe/The Times]", " (Getty)", ". Getty Images")],
])
def test_caption_labels_and_credits_make_a_caption(line):
    assert line_kinds(line) == {"caption"}


def test_the_text_above_an_embedded_posts_credit_is_media():
    found = kinds(f"{LEAD}\n\nAnd this is dangerous. I hope they'll be OK.\n\n"
                  "— N. K. Jemisin (@nkjemisin) September 19, 2016\n\nThe alert went out at 7:50 a.m.")
    assert [k for k, _ in found] == ["body", "caption", "caption", "boilerplate", "body"]


@pytest.mark.parametrize("sentence", [
    "Follow us on Twitter, the minister told reporters, if you want the truth.",
    "The newsletter, which has 2 million subscribers, was sold to Substack.",
    "Watch dealers said prices rose 4 percent.",
    "Copyright lawsuits have risen.",
    "Credit card debt rose 3 percent.",
    "Follow the money, she said.",
    "Related charges were dropped.",
    "More than 200 people attended.",
    "Jane Doe, 33, was arrested on Monday.",
    "Loading the trucks took three hours.",
    "“Tell us the truth,” the protesters chanted outside the court.",
    "Let us know what you decide, the judge told the lawyers.",
    "“I never knew what he meant by the...” she said, and stopped.",
    "Officials said more than 300 people had been evacuated.",
    "The company said three staff had contributed to the fund.",
    "Have a look at the figures, the minister said?",
    "The video above the door showed the thief.",
    "Reach out to your neighbours, the mayor urged.",
    "Opinions expressed at the meeting were divided.",
    "The story was updated by the rival paper after the lawsuit.",
    "Local journalism is more important than ever, the professor said.",
    "The paper is available at newsstands across the island.",
    "Support for the plan fell to 40 percent.",
    "Comments made by the minister angered farmers.",
    "The hackers told victims to click here to pay, the FBI said.",
    "We want to hear from the minister, the union leader said.",
    "Follow-up talks are planned for May.",
    "Contact her at the office, the lawyer told the court.",
    "The company, which owns this site and two others, was sold in May.",
    "This sentence was read aloud in court by the clerk.",
    "1/3 of the budget went to schools, the mayor said.",
    "- 2/3 Majority needed to pass the amendment was reached on Tuesday.",
    "Share prices fell on Twitter's results.",
    "This version of the bill corrects an error in the earlier one, the senator said.",
    "Police asked residents to check out the footage below the bridge, he said.",
])
def test_news_prose_that_looks_like_chrome_stays_body(sentence):
    assert line_kinds(sentence) == {"body"}
    assert sentence_kind_after_prose(sentence) == "body"


@pytest.mark.parametrize("sentence", [
    "Carol Doe is The Washington Post’s diplomatic correspondent.",
    "Jane Doe covers the Federal Reserve for Reuters.",
    "For a graphic on the Fed's rate path, click the link below.",
    "Morningstar: Copyright 2016 Morningstar, Inc. All rights reserved.",
    "Certain market data is the property of the exchange and its licensors.",
    "Market data provided by the exchanges and delayed by 15 minutes.",
    "All times are ET.",
    "Get the Harbour Times daily edition by email and never miss our top stories Free Sign Up",
    "Stay up to date with the latest news by downloading our app.",
    "This content is not available due to your privacy preferences.",
])
def test_bios_graphics_stubs_and_data_footers_are_boilerplate(sentence):
    assert sentence_kind_after_prose(sentence) == "boilerplate"


def test_a_question_put_to_the_reader_beside_an_appeal_is_chrome():
    found = kinds(f"{LEAD}\n\nAre you in the path of the storm? Please share your photos and stories with us.")
    assert [k for k, _ in found] == ["body", "boilerplate", "boilerplate"]
    found = kinds(f"{LEAD}\n\nWant to save articles to read later? Start your Premium subscription today.")
    assert [k for k, _ in found] == ["body", "boilerplate", "boilerplate"]
    assert [k for k, _ in kinds(f"{LEAD}\n\nAre you ready? the coach asked his players.")] == ["body", "body"]


def test_promo_link_lists_and_flattened_infographics_are_not_body():
    found = kinds(f"{LEAD}\n\n- A SIMPLE GUIDE: How do I protect myself?\n\n- VIDEO: The 20-second hand wash\n\n"
                  "- 33%of those hospitalised are African Americans\n\n- Oil rose 4% on Monday.")
    assert [k for k, _ in found] == ["body", "boilerplate", "boilerplate", "caption", "body"]


def test_a_pull_quote_repeating_the_story_is_chrome_and_new_prose_is_not():
    said = ("“What I always found was you have to suggest something to him,” said the associate. "
            "“You’re not going to tell him to do it one way or another.”")
    pull = ("What I always found was you have to suggest something to him. You’re not going to tell him "
            "to do it one way or another. A close associate")
    found = kinds(f"{LEAD}\n\n{said}\n\n{pull}\n\nThe vote was 7 to 2, and the council will meet again in May.")
    assert [k for k, _ in found][-4:] == ["body", "body", "boilerplate", "body"]


def test_the_line_introducing_a_roster_of_names_is_chrome():
    roster = "Iowa: " + ", ".join(f"Ann Lee{i}" for i in range(10))
    found = kinds(f"{LEAD}\n\nThese are the members of the panel, not all of whom took part:\n\n{roster}")
    assert [k for k, _ in found] == ["body", "boilerplate", "boilerplate"]


def test_a_paragraph_of_prose_ending_on_a_credit_stays_prose():
    paragraph = ("The school reopened on Monday. Teachers said pupils were glad to be back. The head said exams "
                 "would go ahead in June. Parents were told on Friday. (BA)")
    assert [k for k, _ in kinds(f"{LEAD}\n\n{paragraph}")] == ["body"] * 5 + ["boilerplate"]
    for paragraph in ("The school reopened on Monday. Teachers said pupils were glad to be back. The head said "
                      "exams would go ahead in June. Parents were told on Friday. (Reuters)",
                      "Two men were arrested on Friday, police said. (Reuters)",
                      "Two men were arrested on Friday, police said. (AP)"):
        assert [k for k, _ in kinds(f"{LEAD}\n\n{paragraph}")][1] != "caption"  # a wire's name is no photo credit


def test_a_dateline_cut_off_as_a_sentence_is_chrome():
    found = kinds("SOUTHWEST HAVEN, FLA. (WXYZ) - A crash closed the road on Monday, police said.")
    assert [k for k, _ in found] == ["boilerplate", "body"]


def test_a_reporters_initials_closing_a_paragraph_are_a_credit():
    found = kinds(f"{LEAD}\n\nShe said the new timetable would be used by every school from next term. (BA)")
    assert found[-1] == ("boilerplate", "(BA)") and found[-2][0] == "body"


@pytest.mark.parametrize("paragraph", [
    "Jane Doe is a reporter for The Daily Ledger. She said: “Follow me on Twitter and you will see.”",
    "Copyright law protects the photographs. Follow the court’s ruling on Twitter @CourtNews, the judge said.",
    "Tom Hale was a reporter for the Ledger for 30 years. He retired in May.",
])
def test_prose_beside_a_follow_prompt_or_a_copyright_word_stays_body(paragraph):
    assert "body" in line_kinds(paragraph)


@pytest.mark.parametrize("line", [
    "(opens in a new tab)",
    "Opens in new window",
    "UPDATE: Dec. 22, 2016, 2:16 p.m. EST Updated with further clarification from the station.",
    "Agents found 400 pounds of cocaine inside a boat at the ramp. By U.S. CUSTOMS AND BORDER PROTECTION",
])
def test_link_labels_update_notes_and_upper_case_photo_credits_are_not_body(line):
    assert "body" not in line_kinds(line)


def test_the_line_under_an_image_file_name_is_its_caption():
    found = kinds(f"{LEAD}\n\nseized cash and cards.jpg\n\nCash and cards seized during the arrest on Wednesday.\n\n"
                  "(Jane Roe/jroe@example.com)\n\nThe vote was 7 to 2.")
    assert [k for k, _ in found] == ["body", "caption", "caption", "boilerplate", "body"]


def test_an_update_in_prose_stays_body():
    assert line_kinds("An update on the plan is due in May, the mayor said.") == {"body"}
