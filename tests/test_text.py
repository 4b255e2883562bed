"""Text helpers: sentence and paragraph splitting, lemmas, spelled-out numbers, folding."""

from __future__ import annotations

import pytest

from factcheck._text import fold, lemma, norm, number_word, paragraphs, sentences, words


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


# ------------------------------------------------------------------- sentences

SENTENCES = [
    pytest.param(
        "Agents from the U.S. and Canada met in Ottawa. They compared case files.",
        ["Agents from the U.S. and Canada met in Ottawa.", "They compared case files."],
        id="country-abbreviation-mid-sentence",
    ),
    pytest.param(
        "The surge ran from Feb. 17 to Feb. 28. Arrests followed in March.",
        ["The surge ran from Feb. 17 to Feb. 28.", "Arrests followed in March."],
        id="month-abbreviation",
    ),
    pytest.param(
        "Dr. Amal Reyes reviewed the images. She briefed the task force.",
        ["Dr. Amal Reyes reviewed the images.", "She briefed the task force."],
        id="title-abbreviation",
    ),
    pytest.param(
        "Katrina W. Berger opened the briefing. Reporters asked about arrests.",
        ["Katrina W. Berger opened the briefing.", "Reporters asked about arrests."],
        id="middle-initial",
    ),
    pytest.param(
        "Police arrested Tom Hale Jr. at his home. He was charged the next day.",
        ["Police arrested Tom Hale Jr. at his home.", "He was charged the next day."],
        id="suffix-abbreviation",
    ),
    pytest.param(
        "“No child will be forgotten.” The director then left the podium.",
        ["“No child will be forgotten.”", "The director then left the podium."],
        id="curly-quote-closes-sentence",
    ),
    pytest.param(
        '"No child will be forgotten." The director then left the podium.',
        ['"No child will be forgotten."', "The director then left the podium."],
        id="straight-quote-closes-sentence",
    ),
    pytest.param(
        "Was the surge a success? Officials say it was! More arrests are expected.",
        ["Was the surge a success?", "Officials say it was!", "More arrests are expected."],
        id="question-and-exclamation",
    ),
    pytest.param(
        "Investigators reviewed 2.5 million files. Most were new.",
        ["Investigators reviewed 2.5 million files.", "Most were new."],
        id="decimal-point-is-not-a-stop",
    ),
    pytest.param(
        "The sweep began in 2023. 311 victims were named by August.",
        ["The sweep began in 2023.", "311 victims were named by August."],
        id="sentence-starting-with-digit",
    ),
    pytest.param(
        "Operation Renewed Hope\n\nAgents worked for three weeks. Analysts helped.",
        ["Operation Renewed Hope", "Agents worked for three weeks.", "Analysts helped."],
        id="paragraph-break-ends-unpunctuated-line",
    ),
    pytest.param(
        "The review ended on Aug. 4\n\nArrests followed.",
        ["The review ended on Aug. 4", "Arrests followed."],
        id="paragraph-break-after-abbreviation-date",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_sentences_within_a_range_keep_offsets_into_the_whole_text() -> None:
    text = "Intro line. Agents met in Ottawa. They shared leads. Closing line."
    start = text.index("Agents")
    end = text.index(" Closing")
    spans = sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["Agents met in Ottawa.", "They shared leads."]
    assert spans[0][0] == start


PARAGRAPHS = [
    pytest.param("One. Two.\n\nThree.", ["One. Two.", "Three."], id="blank-line"),
    pytest.param("One.\n   \nTwo.", ["One.", "Two."], id="whitespace-only-line"),
    pytest.param("One\nstill one.\n\nTwo.", ["One\nstill one.", "Two."], id="single-newline-joins"),
    pytest.param("\n\n  One.  \n\n\n\nTwo.\n", ["One.", "Two."], id="trimmed"),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPHS)
def test_paragraphs(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in paragraphs(text)] == expected


# ---------------------------------------------------------------------- lemmas

LEMMAS = [
    ("victims", "victim"),
    ("children", "child"),
    ("identifications", "identification"),
    ("arrested", "arrest"),
    ("arrests", "arrest"),
    ("rescued", "rescue"),
    ("located", "locate"),
    ("committed", "commit"),
    ("countries", "country"),
    ("series", "series"),
    ("people", "person"),
    ("led", "lead"),
    ("agencies", "agency"),
    ("images", "image"),
    ("boxes", "box"),
    ("seized", "seize"),
    ("charged", "charge"),
    ("Victims", "victim"),
    ("bus", "bus"),
    ("process", "process"),
]


@pytest.mark.parametrize(("word", "expected"), LEMMAS, ids=[w for w, _ in LEMMAS])
def test_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected


SAME_LEMMA = [
    pytest.param("victim", "victims", id="victim"),
    pytest.param("arrest", "arrested", id="arrest"),
    pytest.param("rescue", "rescued", id="rescue"),
    pytest.param("locate", "located", id="locate"),
    pytest.param("identification", "identifications", id="identification"),
    pytest.param("announce", "announced", id="announce"),
    pytest.param("release", "released", id="release"),
    pytest.param("sentence", "sentenced", id="sentence"),
    pytest.param("identifies", "identified", id="identify"),
]


@pytest.mark.parametrize(("base", "inflected"), SAME_LEMMA)
def test_inflections_share_a_lemma(base: str, inflected: str) -> None:
    assert lemma(inflected) == lemma(base)


# ------------------------------------------------------------- number words

NUMBER_WORDS = [
    ("seven", 7),
    ("Seven", 7),
    ("eleven", 11),
    ("twenty", 20),
    ("twenty-five", 25),
    ("ninety", 90),
    ("ninety-nine", 99),
    ("zero", 0),
    ("one-hundred", None),
    ("hundred", None),
    ("twenty-zero", None),
    ("seven-week", None),
    ("several", None),
    ("311", None),
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_WORDS, ids=[t for t, _ in NUMBER_WORDS])
def test_number_word(text: str, expected: int | None) -> None:
    assert number_word(text) == expected


# ------------------------------------------------------------ folding, words

FOLD = [
    pytest.param("“dark web”", '"dark web"', id="double-curly-quotes"),
    pytest.param("the agency’s ‘lead’", "the agency's 'lead'", id="single-curly-quotes"),
    pytest.param("Feb. 17–28", "Feb. 17-28", id="en-dash"),
    pytest.param("TORONTO — Police", "TORONTO - Police", id="em-dash"),
    pytest.param("311\u00a0victims", "311 victims", id="no-break-space"),
    pytest.param("and so on…", "and so on...", id="ellipsis"),
]


@pytest.mark.parametrize(("text", "expected"), FOLD)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_fold_keeps_length_without_ellipsis() -> None:
    text = "“We won’t stop” — Berger, Feb. 17–28\u00a0"
    assert len(fold(text)) == len(text)


NORM = [
    pytest.param("“Dark Web”", '"dark web"', id="quotes-and-case"),
    pytest.param("  More   than\n300\tvictims ", "more than 300 victims", id="whitespace"),
    pytest.param("Feb. 17–28 — HSI’s surge", "feb. 17-28 - hsi's surge", id="dashes-and-apostrophe"),
]


@pytest.mark.parametrize(("text", "expected"), NORM)
def test_norm(text: str, expected: str) -> None:
    assert norm(text) == expected


WORDS = [
    pytest.param("file-sharing apps", ["file", "sharing", "apps"], id="hyphen-splits"),
    pytest.param("ten-year-old footage", ["ten", "year", "old", "footage"], id="hyphens-split"),
    pytest.param("The Agency’s Work", ["the", "agency's", "work"], id="apostrophe-kept-lowered"),
    pytest.param("forums, websites; email.", ["forums", "websites", "email"], id="punctuation-splits"),
    pytest.param("Feb. 17–28", ["feb", "17", "28"], id="en-dash-splits"),
]


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected
