"""Browser (UTF-16) and Python (code point) offsets, and snapping a selection to whole words."""
import pytest

from annotate.text.offsets import OffsetError
from annotate.text.offsets import codepoint_to_utf16
from annotate.text.offsets import nearest_word_boundary
from annotate.text.offsets import snap_to_words
from annotate.text.offsets import trim_span
from annotate.text.offsets import utf16_length
from annotate.text.offsets import utf16_to_codepoint

SAMPLES = [
    "The 👍🏽 vote passed 52–48 😀 on Monday.",
    "Senate passes farm bill 🇺🇸",
    "“a win for 👩‍🌾 farmers.”",
    "plain ASCII text",
    "𝐁𝐨𝐥𝐝 math letters and café",
    "",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_every_character_boundary_converts_both_ways(text):
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2
    for index in range(len(text) + 1):
        units = codepoint_to_utf16(text, index)
        assert units == len(text[:index].encode("utf-16-le")) // 2
        assert utf16_to_codepoint(text, units) == index


def test_astral_characters_count_twice_in_the_browser():
    text = "The 👍🏽 vote"
    assert len(text) == 11 and utf16_length(text) == 13
    assert utf16_to_codepoint(text, 8) == 6  # after the skin tone


@pytest.mark.parametrize("offset16, message", [(5, "surrogate pair"), (7, "surrogate pair"), (14, "past the end"),
                                               (-1, "negative")])
def test_offsets_that_do_not_fit_are_refused(offset16, message):
    with pytest.raises(OffsetError, match=message):
        utf16_to_codepoint("The 👍🏽 vote", offset16)


@pytest.mark.parametrize("offset", [-1, 12])
def test_code_point_offsets_outside_the_text_are_refused(offset):
    with pytest.raises(OffsetError):
        codepoint_to_utf16("The 👍🏽 vote", offset)


def quote_of(text: str, selected: str, lo: int = 0, hi: int | None = None) -> str:
    start = text.index(selected)
    start, end = snap_to_words(text, start, start + len(selected), lo, hi)
    return text[start:end]


@pytest.mark.parametrize(
    "text, selected, expected",
    [
        ("The vote passed on Monday.", "ote pas", "vote passed"),
        ("The vote passed on Monday.", " vote ", "vote"),
        ("The vote passed on Monday.", "Monday.", "Monday."),  # punctuation selected at the edge is kept
        ("The council’s vote", "ouncil", "council’s"),  # an apostrophe inside a word
        ("a well-known fact", "ell-kn", "well-known"),
        ("The 👍🏽 vote", "🏽 vo", "👍🏽 vote"),  # a skin tone belongs to its emoji
        ("a win for 👩‍🌾 farmers", "🌾 farm", "👩‍🌾 farmers"),  # a ZWJ sequence stays whole
        ("flag 🇺🇸 here", "🇸 he", "🇺🇸 here"),
        ("costs 4.5 percent", "5 per", "4.5 percent"),  # a decimal is one word: never quote "5 percent"
        ("about 30,000 riders", "000 rid", "30,000 riders"),
        ("it rose 4.5.", "rose 4", "rose 4.5"),  # the full stop after the number is not part of it
        ("ages 4, 5 and 6", "4", "4"),  # a comma before a space separates
    ],
)
def test_snapping_grows_a_selection_to_whole_words(text, selected, expected):
    assert quote_of(text, selected) == expected


def test_snapping_stays_inside_the_sentence_bounds():
    text = "First sentence.Second one"
    lo = text.index("Second")
    assert quote_of(text, "Second", lo) == "Second"
    start, end = snap_to_words(text, lo + 1, lo + 3, lo, len(text))
    assert text[start:end] == "Second"
    start, end = snap_to_words(text, 2, 5, 0, 5)
    assert text[start:end] == "First"


def test_a_selection_of_only_spaces_snaps_to_nothing():
    start, end = snap_to_words("a   b", 1, 4)
    assert start == end


@pytest.mark.parametrize("text, span, also, expected", [
    ("  two words \n", (0, 13), "", (2, 11)),
    ("said: “yes”, ", (4, 13), ",:;", (6, 11)),
    ("   ", (0, 3), "", (3, 3)),
    ("x", (1, 1), "", (1, 1)),
])
def test_trimming_a_span_drops_blank_edges_only(text, span, also, expected):
    assert trim_span(text, *span, also=also) == expected


@pytest.mark.parametrize("text, at, expected", [
    ("41 degrees Celsius", 12, 11),     # C|elsius: to the word's start, the nearer end
    ("41 degrees Celsius", 16, 18),     # Celsi|us: to its end
    ("a bb c", 3, 2),                   # b|b: a tie goes to the start
    ("41 degrees Celsius", 10, 10),     # between words already
    ("41 degrees Celsius", 11, 11),     # at a word's start
    ("rose 4.5 percent", 6, 5),         # 4|.5: a decimal number is one word
    ("the mayor’s plan", 8, 11),        # mayo|r’s: to its end, the apostrophe is part of the word
    ("x", 0, 0),                        # the edges stay
    ("x", 1, 1),
])
def test_a_point_inside_a_word_moves_to_its_nearer_end(text, at, expected):
    assert nearest_word_boundary(text, at) == expected


def test_the_nearest_boundary_stays_within_the_bounds_given():
    text = "one twothree four"
    assert nearest_word_boundary(text, 7, lo=4, hi=8) == 8  # "two|t" of "twothree" cut at hi: hi is nearer
