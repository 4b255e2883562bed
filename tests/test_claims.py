"""Claim extraction: quantities, dates, quotes and statements, as a fact-checker would read them."""

from __future__ import annotations

import itertools
import json
import math
from datetime import date
from pathlib import Path

import pytest

from factcheck._dates import date_line
from factcheck.claims import extract_claims, find_dates, find_entities, find_quantities, find_quotes, find_statement
from factcheck.records import Article, Claim, DateSpan, Kind, Quantity, Quote, Statement

FIXTURES = Path(__file__).parent.parent / "fixtures"
RENEWED_HOPE = FIXTURES / "cases" / "renewed-hope"

PUBLISHED = date(2023, 8, 10)  # a Thursday


def _claims(text: str, published: date = PUBLISHED) -> tuple[Claim, ...]:
    return extract_claims(Article.from_text(text, published=published))


def _quantity(text: str) -> tuple[str, Quantity]:
    """The one quantity in ``text``: the words its claim covers, and the record."""
    found = find_quantities(text)
    assert len(found) == 1, [text[s:e] for s, e, _ in found]
    start, end, quantity = found[0]
    return text[start:end], quantity


def _date(text: str, reference: date = PUBLISHED) -> tuple[str, DateSpan]:
    found = find_dates(text, reference)
    assert len(found) == 1, [text[s:e] for s, e, _ in found]
    start, end, span = found[0]
    return text[start:end], span


def _quotes(text: str) -> list[tuple[str, Quote]]:
    claims = _claims(text)
    assert all(c.kind is Kind.QUOTE for c in claims), [(c.kind.value, c.text) for c in claims]
    return [(c.text, c.detail) for c in claims if isinstance(c.detail, Quote)]


def _statements(text: str) -> list[Statement]:
    return [c.detail for c in _claims(text) if isinstance(c.detail, Statement)]


# ================================================================== quantities

NUMBERS = [
    pytest.param("Analysts reviewed 1,250 files from the server.", "1,250", 1250, None, id="thousands-separator"),
    pytest.param("Agents examined 2.5 terabytes of material.", "2.5", 2.5, None, id="decimal"),
    pytest.param("Investigators catalogued 1.2 million images.", "1.2 million", 1_200_000, None, id="million"),
    pytest.param(
        "The ring moved $4.2 billion through shell firms.", "$4.2 billion", 4.2e9, "dollar", id="dollars-billion"
    ),
    pytest.param("Officials froze $350,000 in accounts.", "$350,000", 350_000, "dollar", id="dollars"),
    pytest.param("Analysts found that 40% of the files were new.", "40%", 40, "percent", id="percent-sign"),
    pytest.param("Analysts found that 40 percent of the files were new.", "40 percent", 40, "percent", id="percent"),
    pytest.param("Analysts found that 40 per cent of the files were new.", "40 per cent", 40, "percent", id="per-cent"),
    pytest.param("Seven agents were assigned to the case.", "Seven", 7, None, id="number-word"),
    pytest.param(
        "A rival escaped a fine of €186 million because it came forward.",
        "€186 million",
        1.86e8,
        "eur",
        id="because-ends-the-noun",
    ),
    pytest.param("Police arrested twenty-five people.", "twenty-five", 25, None, id="hyphenated-number-word"),
    pytest.param("The surge lasted two weeks.", "two", 2, "week", id="number-word-time-unit"),
    pytest.param("The operation lasted 21 days.", "21", 21, "day", id="digits-time-unit"),
    pytest.param(
        "Inspectors gave the kitchen a score of 72 out of 100.",
        "72 out of 100",
        72,
        "percent",
        id="out-of-100-is-a-share",
    ),
    pytest.param("The audit scored the agency 64/100 this year.", "64/100", 64, "percent", id="slash-100-is-a-share"),
    pytest.param("The central bank lent NZ$30 billion.", "NZ$30 billion", 3e10, "nzd", id="another-country-s-dollars"),
    pytest.param("A $5 million grant was awarded.", "$5 million", 5e6, "dollar", id="an-article-before-dollars"),
    pytest.param("Seven in 10 of the pills held a lethal dose.", "Seven in 10", 70, "percent", id="n-in-10-is-a-share"),
    pytest.param("The bank lost Rs. 412.36 crore to the firm.", "Rs. 412.36 crore", 4_123_600_000, "inr", id="crore"),
    pytest.param("Agents found Rs.45 lakh in a safe.", "Rs.45 lakh", 4_500_000, "inr", id="lakh-after-rs-dot"),
    pytest.param("Officers seized \u20b91.2 crore in cash.", "\u20b91.2 crore", 12_000_000, "inr", id="rupee-sign"),
    pytest.param("The firm owes INR 500 crore.", "INR 500 crore", 5e9, "inr", id="inr-code"),
    pytest.param("Police searched 12 area homes.", "12", 12, None, id="area-homes-are-counted"),
    pytest.param("It was sold in 12-ounce glass jars.", "12-ounce", 12, "oz", id="a-size-in-ounces"),
    pytest.param("The report found one in 10 people got treatment.", "one in 10", 10, "percent", id="one-in-10"),
    pytest.param("The chain paid $486K in back wages.", "$486K", 486_000, "dollar", id="k-for-thousands"),
    pytest.param("Police seized drugs worth R2.4 million.", "R2.4 million", 2.4e6, "zar", id="rand"),
    pytest.param("Police found R380,000 in cash.", "R380,000", 380_000, "zar", id="rand-thousands"),
    pytest.param("Police found 1,8 kilograms of tik.", "1,8", 1.8, "kg", id="a-decimal-comma"),
    pytest.param("It was a planned 20-minute tour.", "20-minute", 20, "minute", id="minutes"),
]


@pytest.mark.parametrize(("text", "written", "value", "unit"), NUMBERS)
def test_numbers(text: str, written: str, value: float, unit: str | None) -> None:
    _, q = _quantity(text)
    assert (q.written, q.unit) == (written, unit)
    assert q.value == pytest.approx(value)
    assert (q.low, q.high) == (pytest.approx(value), pytest.approx(value))


HYPHENATED = [
    pytest.param(
        "Agents closed the case after a three-week investigation.",
        "three-week investigation",
        3,
        "week",
        "investigation",
        id="three-week-investigation",
    ),
    pytest.param("The 11-day operation ended on a Friday.", "11-day operation", 11, "day", "operation", id="11-day"),
    pytest.param(
        "He received a five-year sentence for the offence.", "five-year sentence", 5, "year", "sentence", id="five-year"
    ),
    pytest.param(
        "Analysts reviewed ten-year-old footage from the server.",
        "ten-year-old footage",
        10,
        "age",
        "footage",
        id="ten-year-old",
    ),
    pytest.param("Officers rescued a 10-year-old girl.", "10-year-old girl", 10, "age", "girl", id="10-year-old"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "noun"), HYPHENATED)
def test_hyphenated_durations_and_ages(text: str, span: str, value: float, unit: str, noun: str) -> None:
    covered, q = _quantity(text)
    assert covered == span
    assert (q.value, q.unit, q.noun) == (value, unit, noun)


VAGUE = [
    pytest.param("Several victims were rescued from ongoing abuse.", "several", 3, 9, "victim", id="several"),
    pytest.param("Dozens of suspects were questioned.", "dozens of", 24, 99, "suspect", id="dozens-of"),
    pytest.param("Hundreds of images were recovered.", "hundreds of", 200, 999, "image", id="hundreds-of"),
    pytest.param("Agents seized thousands of files.", "thousands of", 2_000, 9_999, "file", id="thousands-of"),
    pytest.param("Officers made a few arrests.", "a few", 2, 5, "arrest", id="a-few"),
]


@pytest.mark.parametrize(("text", "written", "low", "high", "head"), VAGUE)
def test_vague_amounts_are_ranges_without_a_value(text: str, written: str, low: float, high: float, head: str) -> None:
    _, q = _quantity(text)
    assert q.value is None
    assert (q.written, q.low, q.high, q.head) == (written, low, high, head)


QUALIFIERS = [
    pytest.param("More than 300 victims were found.", "More than 300 victims", "more than", 300, math.inf, True,
                 id="more-than"),
    pytest.param("Over 300 victims were found.", "Over 300 victims", "more than", 300, math.inf, True, id="over"),
    pytest.param("Agents made more than 1,000 arrests.", "more than 1,000 arrests", "more than", 1000, math.inf, True,
                 id="more-than-thousands"),
    pytest.param("At least 12 suspects were charged.", "At least 12 suspects", "at least", 12, math.inf, False,
                 id="at-least"),
    pytest.param("Nearly 500 images were flagged.", "Nearly 500 images", "nearly", 450, 500, False, id="nearly"),
    pytest.param("About 300 children were found.", "About 300 children", "about", 285, 315, False, id="about"),
    pytest.param("Roughly 300 children were found.", "Roughly 300 children", "about", 285, 315, False, id="roughly"),
    pytest.param("Up to 50 officers were deployed.", "Up to 50 officers", "up to", 0, 50, False, id="up-to"),
    pytest.param("Fewer than 20 arrests were made.", "Fewer than 20 arrests", "fewer than", 0,
                 math.nextafter(20.0, 0.0), False, id="fewer-than"),
    pytest.param("Police charged 311 suspects.", "311 suspects", None, 311, 311, False, id="bare-number"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "qualifier", "low", "high", "low_open"), QUALIFIERS)
def test_qualifiers(text: str, span: str, qualifier: str | None, low: float, high: float, low_open: bool) -> None:
    covered, q = _quantity(text)
    assert covered == span  # the qualifier is part of the claim
    assert q.qualifier == qualifier
    assert (q.low, q.high, q.low_open) == (pytest.approx(low), pytest.approx(high), low_open)


def test_fewer_than_excludes_the_number_itself() -> None:
    _, q = _quantity("Fewer than 20 arrests were made.")
    assert 19.99 < q.high < 20


HEDGES = [
    pytest.param("Analysts made 311 probable identifications.", "probable", None, id="probable"),
    pytest.param("Agents contacted 14 potential victims.", "potential", None, id="potential"),
    pytest.param("Police detained 12 alleged members of the ring.", "alleged", None, id="alleged"),
    pytest.param("Officers questioned 9 suspected offenders.", "suspected", None, id="suspected"),
    pytest.param("An estimated 300 children were identified.", "estimated", "about", id="an-estimated"),
    pytest.param("Police identified 300 children.", None, None, id="no-hedge"),
]


@pytest.mark.parametrize(("text", "hedge", "qualifier"), HEDGES)
def test_hedges(text: str, hedge: str | None, qualifier: str | None) -> None:
    _, q = _quantity(text)
    assert (q.hedge, q.qualifier) == (hedge, qualifier)


NOUN_PHRASES = [
    pytest.param(
        "Analysts made 311 probable identifications of previously unknown victims.",
        "311 probable identifications of previously unknown victims",
        "identifications of previously unknown victims",
        "identification",
        id="of-phrase-head-before-of",
    ),
    pytest.param(
        "The effort produced 14 positive contacts and new leads for agents.",
        "14 positive contacts",
        "positive contacts",
        "contact",
        id="stops-at-and",
    ),
    pytest.param(
        "There were 300 victims identified in the operation.",
        "300 victims",
        "victims",
        "victim",
        id="stops-before-verb",
    ),
    pytest.param(
        "Agents seized 2,300 devices during the raids.",
        "2,300 devices",
        "devices",
        "device",
        id="stops-at-preposition",
    ),
    pytest.param(
        "The sweep reached victims in 20 countries.",
        "20 countries",
        "countries",
        "country",
        id="irregular-plural",
    ),
    pytest.param(
        "Seven agents took part in the raid.", "Seven agents", "agents", "agent", id="stops-before-irregular-verb"
    ),
    pytest.param(
        "It worked with more than 200 state, local, tribal and federal partner agencies.",
        "more than 200 state, local, tribal and federal partner agencies",
        "state, local, tribal and federal partner agencies",
        "agency",
        id="list-of-modifiers",
    ),
    pytest.param(
        "Police saw hundreds of drug lines shut down.",
        "hundreds of drug lines",
        "drug lines",
        "line",
        id="stops-before-particle-verb",
    ),
    pytest.param(
        "The album sold 2 million copies worldwide.", "2 million copies", "copies", "copy", id="stops-at-place-adverb"
    ),
    pytest.param(
        "Officers issued 349 suspensions to drivers.",
        "349 suspensions to drivers",
        "suspensions to drivers",
        "suspension",
        id="given-to-people",
    ),
    pytest.param(
        "Agents seized 312 electronic devices containing abuse material.",
        "312 electronic devices",
        "electronic devices",
        "device",
        id="stops-before-participle-after-plural",
    ),
    pytest.param(
        "Of the children, 37 were identified as potential victims of trafficking.",
        "37 were identified as potential victims of trafficking",
        "victims of trafficking",
        "victim",
        id="after-were-identified-as",
    ),
    pytest.param(
        "Officials counted more than 1,800 heat related deaths over the summer.",
        "more than 1,800 heat related deaths",
        "heat related deaths",
        "death",
        id="related-joins-a-compound-modifier",
    ),
    pytest.param(
        "Support for the plan stood at 29% based on interviews with voters.",
        "29%",
        "",
        "",
        id="based-on-ends-the-phrase",
    ),
    pytest.param(
        "More than 1,900 of those deaths were in one county.",
        "More than 1,900 of those deaths",
        "deaths",
        "death",
        id="of-those",
    ),
    pytest.param(
        "Officers seized 1,200 live animals.", "1,200 live animals", "live animals", "animal", id="live-before-a-plural"
    ),
    pytest.param(
        "A grand jury returned a 14-count indictment against them.",
        "14-count indictment",
        "indictment",
        "count",
        id="a-count-joined-by-a-hyphen",
    ),
]


@pytest.mark.parametrize(("text", "span", "noun", "head"), NOUN_PHRASES)
def test_counted_noun_phrase(text: str, span: str, noun: str, head: str) -> None:
    covered, q = _quantity(text)
    assert (covered, q.noun, q.head) == (span, noun, head)


def test_a_predicate_noun_carries_its_hedge() -> None:
    _, q = _quantity("Of the children, 37 were identified as potential victims of trafficking.")
    assert q.hedge == "potential"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Chris Long and four other players won back-to-back titles.", 5),
        ("The FBI and three other agencies took part.", 4),
        ("Police arrested four other suspects.", 4),
    ],
)
def test_a_name_and_n_others(text: str, value: float) -> None:
    _, q = _quantity(text)
    assert q.value == value


def test_two_dozen_is_24() -> None:
    _, q = _quantity("Mounties seized more than two dozen firearms.")
    assert (q.value, q.qualifier, q.head) == (24, "more than", "firearm")


def test_a_range_of_ages_is_an_age() -> None:
    _, q = _quantity("The children ranged in age from 10 to 17.")
    assert (q.low, q.high, q.unit) == (10, 17, "age")


def test_noun_phrase_lemmas_skip_of() -> None:
    _, q = _quantity("Analysts made 311 probable identifications of previously unknown victims.")
    assert q.lemmas == ("identification", "previously", "unknown", "victim")


def test_each_number_in_a_list_is_its_own_quantity() -> None:
    text = "Police charged 12 men, 3 women and two teenagers."
    found = [(text[s:e], q.head) for s, e, q in find_quantities(text)]
    assert found == [("12 men", "man"), ("3 women", "woman"), ("two teenagers", "teenager")]


NOT_QUANTITIES = [
    pytest.param("The network was first reported in 2023.", id="year"),
    pytest.param("Anyone with information can call 866-347-2423 toll free.", id="phone-number"),
    pytest.param("Tips can also go to (866) 347-2423 at any hour.", id="phone-number-area-code-in-brackets"),
    pytest.param("The briefing starts at 10:30 a.m. at headquarters.", id="time-with-minutes"),
    pytest.param("Officers met at 9 p.m. near the pier.", id="time-hour-only"),
    pytest.param("He was the 3rd suspect charged.", id="ordinal"),
    pytest.param("The visitors won the final 4-1 on penalties.", id="a-score"),
    pytest.param("Critics gave Fantastic Four mixed reviews.", id="a-number-word-ending-a-title"),
    pytest.param("Call Crime Stoppers on 1800 333 000 with information.", id="a-toll-free-number"),
    pytest.param("Firewalls running FortiOS version 7.2.1 were hit.", id="a-version"),
    pytest.param("Attackers logged in on port 3389.", id="a-port"),
    pytest.param("They exploited CVE-2024-21762.", id="a-cve"),
    pytest.param("Anyone with a prohibited firearm should contact police on 105.", id="a-short-phone-number"),
    pytest.param("In an emergency, dial 999 at once.", id="an-emergency-number"),
    pytest.param("Anyone unsure can call the ScamShield Helpline on 1799.", id="a-helpline-number"),
    pytest.param("She was named the 21st victim.", id="ordinal-21st"),
    pytest.param("He was charged under Section 2252 of the code.", id="section-label"),
    pytest.param("The file was labeled Case 12 by officers.", id="case-label"),
    pytest.param("He was charged under Title 18 of the code.", id="title-label"),
    pytest.param("Agents searched Room 12 of the motel.", id="room-label"),
    pytest.param("Victim #4 was found safe.", id="hash-label"),
    pytest.param("Tips reached the Cyber Crimes Center (C3) quickly.", id="digit-inside-name"),
    pytest.param("Officers from the C3 unit joined the search.", id="digit-inside-name-unbracketed"),
    pytest.param("The victim listed as No. 4 was found safe.", id="no-label"),
    pytest.param("Anyone with information can call 1-866-347-2423 toll free.", id="phone-number-with-country-code"),
    pytest.param("The remake of Assault on Precinct 13 premiered in Los Angeles.", id="number-ending-a-name"),
    pytest.param("Searches were made in ZIP code 75201 overnight.", id="zip-code"),
    pytest.param("Residents of the 11103 ZIP code were warned.", id="zip-code-after-the-number"),
    pytest.param("Callers from the 212 area code were targeted.", id="area-code"),
    pytest.param("He bought a house in Four Oaks, the court heard.", id="a-number-word-beginning-a-place-name"),
    pytest.param("Goosebumps 2: Haunted Halloween opened in cinemas.", id="a-sequel-s-number-before-a-colon"),
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantities(text: str) -> None:
    assert [text[s:e] for s, e, _ in find_quantities(text)] == []


def test_a_day_of_the_month_is_a_date_not_a_quantity() -> None:
    claims = _claims("The operation began on July 17 with 40 agents.")
    assert [(c.kind, c.text) for c in claims] == [
        (Kind.DATE, "began on July 17"),
        (Kind.QUANTITY, "40 agents"),
    ]


def test_a_range_of_a_country_s_dollars() -> None:
    _, q = _quantity("Plans cost between A$45 and A$65 a month.")
    assert (q.low, q.high, q.unit) == (45, 65, "aud")


def test_the_next_verb_after_and_has_its_own_object() -> None:
    assert _quantity("Officers made 186 arrests and recovered phones.")[1].verb is None


def test_a_day_set_for_is_the_one_ahead() -> None:
    found = find_dates("A confiscation hearing has been set for 16 July at the same court.", date(2025, 8, 19))
    assert [f.start for _, _, f in found] == [date(2026, 7, 16)]


def test_were_due_is_the_day_gone() -> None:
    found = find_dates("The men were due to appear in court on Monday.", date(2025, 8, 19))
    assert [f.start for _, _, f in found] == [date(2025, 8, 18)]


def test_a_capitalised_qualifier_is_no_name() -> None:
    assert _quantity("VIENNA - Nearly 300 million people used drugs.")[1].value == 3e8


def test_the_figure_compared_after_from() -> None:
    text = "The share went up, to 5.8 per cent from 5.2 per cent in 2013."
    assert [q.compared for _, _, q in find_quantities(text)] == [False, True]


def test_marks_around_a_word_of_the_noun() -> None:
    assert _quantity("They sold approximately 9,400 “speculative” tickets.")[1].head == "ticket"


def test_worldwide_after_a_figure_is_where() -> None:
    assert _quantity("Drug use reaches 298 million worldwide as supply grows.")[1].noun == ""
    assert _quantity("It was a three-week nationwide operation.")[1].noun == "nationwide operation"


def test_a_possessive_year_is_no_count() -> None:
    assert [q.value for _, _, q in find_quantities("It set the sum aside in its 2024 accounts.")] == []


def test_years_in_dates_are_not_quantities() -> None:
    claims = _claims("The arrest was made on Aug. 4, 2023, in Ohio.")
    assert [c.kind for c in claims] == [Kind.DATE]


# ======================================================================= dates

DATES = [
    pytest.param("Agents searched the home July 17.", PUBLISHED, "July 17", date(2023, 7, 17), date(2023, 7, 17),
                 id="month-day-takes-reference-year"),
    pytest.param("The arrest was made on Aug. 4, 2023, in Ohio.", PUBLISHED, "Aug. 4, 2023", date(2023, 8, 4),
                 date(2023, 8, 4), id="abbreviated-month-with-year"),
    pytest.param("She was sentenced Sept. 5, 2022.", PUBLISHED, "Sept. 5, 2022", date(2022, 9, 5), date(2022, 9, 5),
                 id="sept-with-year"),
    pytest.param("The raids took place 17 July 2023 in London.", PUBLISHED, "17 July 2023", date(2023, 7, 17),
                 date(2023, 7, 17), id="day-month-year"),
    pytest.param("The data was logged 2023-07-17 by analysts.", PUBLISHED, "2023-07-17", date(2023, 7, 17),
                 date(2023, 7, 17), id="iso"),
    pytest.param("Agents worked in Virginia Feb. 17–28 this year.", PUBLISHED, "Feb. 17–28", date(2023, 2, 17),
                 date(2023, 2, 28), id="same-month-range-en-dash"),
    pytest.param("Agents worked in Virginia Feb. 17-28 this year.", PUBLISHED, "Feb. 17-28", date(2023, 2, 17),
                 date(2023, 2, 28), id="same-month-range-hyphen"),
    pytest.param("The surge ran from Feb. 26 through March 8.", PUBLISHED, "from Feb. 26 through March 8",
                 date(2023, 2, 26), date(2023, 3, 8), id="range-across-months"),
    pytest.param("The surge ran from July 17 to Aug. 4.", PUBLISHED, "from July 17 to Aug. 4",
                 date(2023, 7, 17), date(2023, 8, 4), id="range-to"),
    pytest.param("Arrests were made from Dec. 28 through Jan. 3.", date(2024, 1, 5), "from Dec. 28 through Jan. 3",
                 date(2023, 12, 28), date(2024, 1, 3), id="range-across-new-year"),
    pytest.param("Agents searched the home Dec. 28.", date(2024, 1, 5), "Dec. 28", date(2023, 12, 28),
                 date(2023, 12, 28), id="after-reference-means-last-year"),
    pytest.param("Agents searched the home Jan. 3.", date(2024, 1, 5), "Jan. 3", date(2024, 1, 3), date(2024, 1, 3),
                 id="shortly-before-reference-same-year"),
    pytest.param("Agents were deployed to Ohio in March 2024.", date(2024, 1, 5), "in March 2024", date(2024, 3, 1),
                 date(2024, 3, 31), id="whole-month"),
    pytest.param("Agents were deployed to Ohio in February 2024.", date(2024, 1, 5), "in February 2024",
                 date(2024, 2, 1), date(2024, 2, 29), id="whole-month-leap-year"),
    pytest.param("The unit was founded in 1998.", date(2024, 1, 5), "in 1998", date(1998, 1, 1),
                 date(1998, 12, 31), id="a-year"),
    pytest.param("The unit was criticised in late 2017.", date(2024, 1, 5), "in late 2017", date(2017, 9, 1),
                 date(2017, 12, 31), id="part-of-a-year"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "bound"),
    [
        ("Penguin Books was founded after 1932.", "after 1932", "after"),
        ("It was first released before May 14, 1998.", "before May 14, 1998", "before"),
        ("Before 24 November 2008, he was head coach.", "Before 24 November 2008", "before"),
        ("The plant will be finished by 2025.", "by 2025", "by"),
        ("The plant was finished in 2025.", "in 2025", None),
    ],
)
def test_a_date_can_be_a_limit(text: str, span: str, bound: str | None) -> None:
    (found,) = [d for _, _, d in find_dates(text, date(2024, 1, 5))]
    assert (found.written, found.bound) == (span, bound)


def test_a_source_s_bare_year_is_a_year() -> None:
    """ "his 2002 club hit" can rule out "came out after 2002"; a story's bare year is left to its sentence."""
    text = "He is best known for his 2002 summer club hit."
    assert [d.written for _, _, d in find_dates(text, date(2024, 1, 5), bare_years=True)] == ["2002"]
    assert find_dates(text, date(2024, 1, 5)) == []
    assert find_dates("It cost $2005, paid by 2,005 people.", date(2024, 1, 5), bare_years=True) == []


@pytest.mark.parametrize(
    "text", ["It was the 2019-20 season.", "The band was big in the 1990s.", "He played in 2006-07 for Basel."]
)
def test_seasons_and_decades_are_not_years(text: str) -> None:
    assert find_dates(text, date(2024, 1, 5)) == []


def test_a_year_beside_a_figure_dates_the_figure() -> None:
    """ "70,000 deaths in 2022": the figure is the claim; "born in 1969" has nothing else to check."""
    assert [c.kind for c in _claims("Roughly 70,000 overdose deaths were recorded in 2022.")] == [Kind.QUANTITY]
    assert [c.text for c in _claims("Tobey Maguire was born in 1969.")] == ["born in 1969"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The report peaked at No. 3 on the bestseller list.", "No. 3", 3),
        ("The city placed number 91 on the index.", "number 91", 91),
        ("The school was ranked #12 in the state.", "#12", 12),
    ],
)
def test_a_place_in_an_order_is_a_rank(text: str, span: str, value: int) -> None:
    covered, q = _quantity(text)
    assert (covered, q.value, q.unit) == (span, value, "rank")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The scheme ran from Saturday 13 July to Friday 20 December 2024.", date(2024, 7, 13), date(2024, 12, 20)),
        ("It ran from January 2017 to June 2021.", date(2017, 1, 1), date(2021, 6, 30)),
        ("Between October 2022 and March 2023, reports rose.", date(2022, 10, 1), date(2023, 3, 31)),
    ],
)
def test_more_ranges(text: str, start: date, end: date) -> None:
    (_, _, found), *_ = find_dates(text, PUBLISHED)
    assert (found.start, found.end, found.explicit_range) == (start, end, True)


def test_the_day_a_reporter_asked_for_comment_is_no_claim() -> None:
    article = Article.from_text("Kestrel did not respond to a request for comment on Wednesday.\n")
    assert [c for c in extract_claims(article) if c.kind is Kind.DATE] == []


def test_first_published_is_its_own_event() -> None:
    (_, _, found), *_ = find_dates("CISA first published the advisory, coded AA24-131A, on May 10, 2024.", PUBLISHED)
    assert found.relation == "first-publish"


@pytest.mark.parametrize(
    "sentence",
    [
        "Police staff collected firearms from the homes of owners who could not travel.",
        "The firms met to agree which company would win each contract.",
        "Police said they take a serious view of anyone who lets scammers use their bank accounts.",
        "When the company could not get the tickets, it offered customers other seats.",
    ],
)
def test_a_modal_in_a_relative_clause_leaves_an_assertion(sentence: str) -> None:
    assert [s.items for s in _statements(sentence)] == [()]


def test_a_story_s_date_line_is_no_claim() -> None:
    article = Article.from_text(
        "Three jailed\n\nBy A. Writer\n15 March 2024\n\nThree people were jailed on 14 March.\n"
    )
    assert [c.text for c in extract_claims(article) if c.kind is Kind.DATE] == ["jailed on 14 March"]
    assert not [c for c in extract_claims(article) if "15 March" in c.text or "Writer" in c.text]


@pytest.mark.parametrize(
    ("text", "written", "value", "unit"),
    [
        ("He was sentenced to six years and eight months in prison.", "six years and eight months", 80, "month"),
        ("The surge lasted three weeks and two days.", "three weeks and two days", 23, "day"),
    ],
)
def test_a_term_in_two_units_is_one(text: str, written: str, value: float, unit: str) -> None:
    covered, q = _quantity(text)
    assert (covered, q.value, q.unit) == (written, value, unit)


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("The driver, a man aged in his 40s, was arrested.", "aged in his 40s", 40, 49),
        ("A woman in her early 30s was held.", "in her early 30s", 30, 33),
        ("Most victims are boys between the ages of 14 and 17.", "between the ages of 14 and 17", 14, 17),
        ("The victims were aged 10 to 17.", "aged 10 to 17", 10, 17),
    ],
)
def test_ages_as_ranges(text: str, span: str, low: float, high: float) -> None:
    covered, q = _quantity(text)
    assert (covered, q.low, q.high, q.unit) == (span, low, high, "age")


def test_the_figure_compared_with() -> None:
    text = "HSI made 3,860 arrests, up from 3,420 in fiscal year 2023."
    assert [q.compared for _, _, q in find_quantities(text)] == [False, True]


def test_more_than_a_tonne() -> None:
    _, q = _quantity("More than a tonne of cocaine was found.")
    assert (q.value, q.unit, q.qualifier) == (1, "t", "more than")


def test_indictment_returned_on_a_day() -> None:
    (_, _, found), *_ = find_dates("The grand jury returned the indictment under seal on June 4.", PUBLISHED)
    assert found.relation == "indict"


def test_an_estimated_value_is_hedged() -> None:
    _, q = _quantity("The drugs carry an estimated street value of $6.8 million.")
    assert q.hedge == "estimated"


def test_a_headline_s_over_is_about() -> None:
    text = "Three jailed over £2.3m bond fraud"
    assert [(text[s:e], q.qualifier) for s, e, q in find_quantities(text) if q.unit] == [("£2.3m bond fraud", None)]


def test_a_range_of_years() -> None:
    (_, _, found), *_ = find_dates("Between 2017 and 2021, the firm sold bonds.", PUBLISHED)
    assert (found.start, found.end, found.explicit_range) == (date(2017, 1, 1), date(2021, 12, 31), True)


def test_the_step_of_a_case_named_earlier_in_the_clause() -> None:
    (_, _, found), *_ = find_dates("They were found guilty of conspiracy to defraud on 14 March 2024.", PUBLISHED)
    assert found.relation == "convict"


def test_a_numbered_thing_is_no_rank() -> None:
    assert find_quantities("He was charged in Case No. 4 with fraud.") == []


@pytest.mark.parametrize(
    ("text", "written", "start", "end"),
    [
        ("From January to September 2024, fraud reports rose.", "From January to September 2024",
         date(2024, 1, 1), date(2024, 9, 30)),
        ("From January to September, fraud reports rose.", "From January to September",
         date(2023, 1, 1), date(2023, 9, 30)),
        ("The agency warned in May that fake pills were for sale.", "in May", date(2023, 5, 1), date(2023, 5, 31)),
    ],
)  # fmt: skip
def test_months_without_a_day(text: str, written: str, start: date, end: date) -> None:
    found = find_dates(text, PUBLISHED)
    assert [(f.written, f.start, f.end) for _, _, f in found] == [(written, start, end)]


def test_a_month_word_in_lower_case_is_no_date() -> None:
    assert find_dates("Officials said the figures in may be revised.", PUBLISHED) == []


def test_an_event_word_after_the_date() -> None:
    (_, _, today), *_ = find_dates("The division today released its annual report.", PUBLISHED)
    (_, _, tuesday), *_ = find_dates("Police on Tuesday arrested two men.", PUBLISHED)
    assert (today.relation, tuesday.relation) == ("say", "arrest")


def test_the_first_of_two_months_takes_the_year_of_the_second() -> None:
    found = find_dates("The agency was criticised in March and May 2021 for its delays.", PUBLISHED)
    assert [(f.written, f.start, f.end) for _, _, f in found] == [
        ("March", date(2021, 3, 1), date(2021, 3, 31)),
        ("May 2021", date(2021, 5, 1), date(2021, 5, 31)),
    ]


def test_last_and_a_month_is_the_latest_such_month_before() -> None:
    found = find_dates("It pleaded guilty last August; the other firm this past May.", date(2025, 8, 13))
    assert [(f.written, f.start, f.end) for _, _, f in found] == [
        ("last August", date(2024, 8, 1), date(2024, 8, 31)),
        ("this past May", date(2025, 5, 1), date(2025, 5, 31)),
    ]


def test_since_a_month_is_a_month_gone_by() -> None:
    found = find_dates("The ring has operated since November.", date(2025, 8, 13))
    assert [(f.start, f.end) for _, _, f in found] == [(date(2024, 11, 1), date(2024, 11, 30))]


def test_two_days_of_a_month_are_one_date() -> None:
    text = "The skimmers were installed on April 10 and 11 at a gas station."
    assert [(d.start, d.end) for _, _, d in find_dates(text, date(2025, 4, 17))] == [
        (date(2025, 4, 10), date(2025, 4, 11))
    ]
    assert [c.kind for c in _claims(text)] == [Kind.DATE]


def test_opening_hours_are_no_dates() -> None:
    text = "Consumers may call Monday through Friday, 8 a.m. to 5 p.m., or write in."
    assert find_dates(text, PUBLISHED) == []


def test_a_dotted_date_is_day_first() -> None:
    found = find_dates("The case was registered on 08.07.2025 in Mumbai.", PUBLISHED)
    assert [(f.written, f.start) for _, _, f in found] == [("08.07.2025", date(2025, 7, 8))]


def test_a_date_line_may_name_its_place_or_say_dated() -> None:
    assert date_line("New Delhi, 12.08.2025\n\nThe CBI has registered a case.") == date(2025, 8, 12)
    assert date_line("Dated: 21.09.2022\n\nThe CBI has registered a case.") == date(2022, 9, 21)
    assert date_line("Police arrested him on 12.08.2025.\n") is None


def test_the_first_half_of_a_year_is_no_share() -> None:
    text = "Scams rose in the first half of 2025, and half of the victims were women."
    assert [(text[s:e], q.unit) for s, e, q in find_quantities(text)] == [("half of the victims", "percent")]


@pytest.mark.parametrize(
    ("text", "change"),
    [
        pytest.param("Scams fell 9.5 per cent.", "fell", id="fell"),
        pytest.param("Losses were up more than 40% on last year.", "up", id="up-before-a-qualifier"),
        pytest.param("Arrests increased by 12% this year.", "increased", id="by"),
        pytest.param("Officers saw a 12% decrease in thefts.", "decrease", id="a-noun-of-change"),
        pytest.param("Officers seized 12% of the stock.", None, id="no-change"),
        pytest.param("Seizures saw an increase of about 35 per cent.", "increase", id="an-increase-of"),
    ],
)
def test_a_figure_that_measures_a_change(text: str, change: str | None) -> None:
    assert _quantity(text)[1].change == change


@pytest.mark.parametrize(("text", "reference", "span", "start", "end"), DATES)
def test_dates(text: str, reference: date, span: str, start: date, end: date) -> None:
    covered, found = _date(text, reference)
    assert covered.endswith(span)
    assert (found.start, found.end) == (start, end)


RELATIVE = [
    pytest.param("The suspect was detained yesterday.", "yesterday", date(2023, 8, 9), date(2023, 8, 9),
                 id="yesterday"),
    pytest.param("The task force met last week.", "last week", date(2023, 7, 31), date(2023, 8, 6),
                 id="last-week-monday-to-sunday"),
    pytest.param("The suspect was detained on Tuesday.", "on Tuesday", date(2023, 8, 8), date(2023, 8, 8),
                 id="on-tuesday"),
    pytest.param("The suspect was detained last Monday.", "last Monday", date(2023, 8, 7), date(2023, 8, 7),
                 id="last-monday"),
    pytest.param("The suspect was detained on Friday.", "on Friday", date(2023, 8, 4), date(2023, 8, 4),
                 id="weekday-after-reference-weekday-is-previous-week"),
    pytest.param("The suspect was detained on Thursday.", "on Thursday", date(2023, 8, 10), date(2023, 8, 10),
                 id="same-weekday-is-the-day-itself"),
    pytest.param("The suspect was detained last Thursday.", "last Thursday", date(2023, 8, 3), date(2023, 8, 3),
                 id="last-same-weekday-is-a-week-ago"),
    pytest.param("Police announced Thursday that", "Thursday", date(2023, 8, 10), date(2023, 8, 10),
                 id="bare-weekday-after-a-verb"),
    pytest.param("The report was released last month.", "last month", date(2023, 7, 1), date(2023, 7, 31),
                 id="last-month"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "written", "start", "end"), RELATIVE)
def test_relative_dates_resolve_against_the_published_thursday(text: str, written: str, start: date, end: date) -> None:
    _, found = _date(text)
    assert (found.written, found.start, found.end) == (written, start, end)


RELATIONS = [
    pytest.param("The operation began on July 17 in Virginia.", "began on July 17", "start", id="began"),
    pytest.param("The operation started July 17 in Virginia.", "started July 17", "start", id="started"),
    pytest.param("The surge was launched on July 17.", "launched on July 17", "start", id="launched"),
    pytest.param("The review ended on Aug. 4 in Ohio.", "ended on Aug. 4", "end", id="ended"),
    pytest.param("The surge concluded Aug. 4 in Ohio.", "concluded Aug. 4", "end", id="concluded"),
    pytest.param("The suspect was arrested on Tuesday.", "arrested on Tuesday", "arrest", id="verb-lemma"),
    pytest.param("Agents were deployed in March 2023.", "deployed in March 2023", "deploy", id="verb-lemma-month"),
    pytest.param("The task force met on Aug. 2 in Ohio.", "Aug. 2", None, id="no-event-word"),
    pytest.param("The operation was named on Aug. 2.", "Aug. 2", None, id="named-is-not-an-event"),
    pytest.param(
        "The charges were announced on Aug. 2.", "announced on Aug. 2", "say", id="announcing-verb-dates-a-statement"
    ),
    pytest.param("CBI conducted searches on 11.08.2025 in Pune.", "searches on 11.08.2025", "search", id="searches"),
    pytest.param("He was remanded in custody till August 18.", "till August 18", "end", id="till-ends-a-period"),
    pytest.param(
        "Whitcombe was jailed at Wolverhampton Crown Court on Tuesday.", "on Tuesday", "sentence", id="jailed"
    ),
    pytest.param("Officers raided four addresses on Monday.", "on Monday", "search", id="raided-before-the-objects"),
    pytest.param(
        "Officers executed search warrants at homes in Wishaw, Motherwell and Bellshill on Tuesday, 13 May, 2025.",
        "13 May, 2025",
        "search",
        id="searches-named-before-a-list-of-places",
    ),
]


@pytest.mark.parametrize(("text", "span", "relation"), RELATIONS)
def test_date_relation_and_span(text: str, span: str, relation: str | None) -> None:
    claims = [c for c in _claims(text) if c.kind is Kind.DATE]
    assert len(claims) == 1
    assert isinstance(claims[0].detail, DateSpan)
    assert (claims[0].text, claims[0].detail.relation) == (span, relation)


# ====================================================================== quotes

SINGLE_QUOTES = [
    pytest.param(
        "“Scanners made the difference,” said Director of Field Operations Nathan Ortiz of CBP’s Tucson Field Office.",
        "Scanners made the difference",
        "Nathan Ortiz",
        "Director of Field Operations of CBP’s Tucson Field Office",
        id="title-with-its-own-of-then-name-then-whose",
    ),
    pytest.param(
        "Specialist Prosecutor Jo Reed, of the CPS Serious Economic, Organised Crime and International Directorate, "
        "said: “They sold a dream to savers.”",
        "They sold a dream to savers",
        "Jo Reed",
        "Specialist Prosecutor",
        id="employer-with-commas-set-off",
    ),
    pytest.param(
        "“We acted fast,” said Álvaro Ferrándiz Peña, the national member for Spain.",
        "We acted fast",
        "Álvaro Ferrándiz Peña",
        "the national member for Spain",
        id="accented-name",
    ),
    pytest.param(
        "“Testing is the only way to know,” said Deputy Assistant Administrator Mara Quill of DEA’s Office of "
        "Forensic Sciences.",
        "Testing is the only way to know",
        "Mara Quill",
        "Deputy Assistant Administrator of DEA’s Office of Forensic Sciences",
        id="title-name-then-whose",
    ),
    pytest.param(
        "At a media session, the Assistant Commissioner (Boundary and Ports) of Customs, Mr Leung Chi-wah, said, "
        "“This seizure shows that smugglers will not succeed.”",
        "This seizure shows that smugglers will not succeed",
        "Leung Chi-wah",
        "Assistant Commissioner (Boundary and Ports) of Customs",
        id="title-first-then-an-honorific-and-the-name",
    ),
    pytest.param(
        "“Restorix made its money by scaring people,” Ronan Acheson, director of the FTC's Bureau of Consumer "
        "Protection, said when the settlement was announced.",
        "Restorix made its money by scaring people",
        "Ronan Acheson",
        "director of the FTC's Bureau of Consumer Protection",
        id="name-title-said-after-the-quote",
    ),
    pytest.param(
        "Helen Maltby, Assistant Director, HMRC’s Fraud Investigation Service, said: “This gang took tax from "
        "workers.”",
        "This gang took tax from workers",
        "Helen Maltby",
        "Assistant Director, HMRC’s Fraud Investigation Service",
        id="a-title-and-its-service-set-off-by-commas",
    ),
    pytest.param(
        "Sentencing, Judge Martin Caddick described the fraud as “sophisticated, sustained and deliberate”.",
        "sophisticated, sustained and deliberate",
        "Martin Caddick",
        "Judge",
        id="described-as-a-short-quote",
    ),
    pytest.param(
        "“We recovered the wages,” said Wage and Hour Division District Director Yolanda Reyes in Charlotte.",
        "We recovered the wages",
        "Yolanda Reyes",
        "Wage and Hour Division District Director",
        id="a-division-s-title-with-and-then-a-city",
    ),
    pytest.param(
        "The Nelson Mandela Bay Deputy District Commissioner, Brigadier Vuyo Ndamase, said: “We will not rest.”",
        "We will not rest",
        "Vuyo Ndamase",
        "The Nelson Mandela Bay Deputy District Commissioner",
        id="a-post-then-a-rank-and-the-name",
    ),
    pytest.param(
        "“We got this wrong,” Coralink chief executive Dominic Harewell said in a statement.",
        "We got this wrong",
        "Dominic Harewell",
        "Coralink chief executive",
        id="employer-and-title-in-lower-case-before-the-name",
    ),
    pytest.param(
        "“Every child we find is a life changed,” said Katrina W. Berger, HSI Executive Associate Director.",
        "Every child we find is a life changed",
        "Katrina W. Berger",
        "HSI Executive Associate Director",
        id="said-name-title-after",
    ),
    pytest.param(
        "Katrina W. Berger, HSI Executive Associate Director, said: “Every child we find is a life changed.”",
        "Every child we find is a life changed",
        "Katrina W. Berger",
        "HSI Executive Associate Director",
        id="name-title-said-before",
    ),
    pytest.param(
        "“Every child we find is a life changed,” said HSI Executive Associate Director Katrina W. Berger.",
        "Every child we find is a life changed",
        "Katrina W. Berger",
        "HSI Executive Associate Director",
        id="title-before-name",
    ),
    pytest.param(
        '"Every lead was followed to its end," said Dana Ortiz, Chief of Police.',
        "Every lead was followed to its end",
        "Dana Ortiz",
        "Chief of Police",
        id="straight-quotes-after",
    ),
    pytest.param(
        'Dana Ortiz, Chief of Police, said: "Every lead was followed to its end."',
        "Every lead was followed to its end",
        "Dana Ortiz",
        "Chief of Police",
        id="straight-quotes-before",
    ),
    pytest.param(
        "“Our analysts never stopped working,” Ortiz said.",
        "Our analysts never stopped working",
        "Ortiz",
        None,
        id="surname-said",
    ),
]


def _said(text: str) -> list[tuple[str, Quote]]:
    """The quoted sentences, without the attribution claims."""
    return [(t, q) for t, q in _quotes(text) if not q.attributed_here]


def _attributions(text: str) -> list[tuple[str, Quote]]:
    return [(t, q) for t, q in _quotes(text) if q.attributed_here]


@pytest.mark.parametrize(("text", "words", "speaker", "title"), SINGLE_QUOTES)
def test_quote_speaker_and_title(text: str, words: str, speaker: str, title: str | None) -> None:
    said = _said(text)
    assert len(said) == 1
    covered, q = said[0]
    assert (q.words.rstrip("."), q.speaker, q.title) == (words, speaker, title)
    assert not q.term
    assert speaker not in covered  # the words are one claim …
    attribution = _attributions(text)
    if title is None and " " not in speaker:
        assert attribution == []  # "Ortiz said" names no one new: nothing more to check than the quote
        return
    assert len(attribution) == 1  # … and who said them another, spanning the name and title as written
    written, who = attribution[0]
    assert speaker in written
    assert title is None or title.split()[-1] in written
    assert (who.speaker, who.title) == (speaker, title)
    assert who.words.rstrip(".") == words


SPEAKER_CARRIED = [
    pytest.param(
        "“We found them,” said Katrina W. Berger, HSI Executive Associate Director. "
        "“We are proud of this team,” said Sam Lee, FBI Assistant Director. "
        "“This is only the start,” he added.",
        ["Katrina W. Berger", "Sam Lee", "Sam Lee"],
        2,
        id="he-added-takes-last-speaker",
    ),
    pytest.param(
        "“We found them,” said Katrina W. Berger, HSI Executive Associate Director.\n\n"
        "She added: “No case is ever too old for us to pursue.”",
        ["Katrina W. Berger", "Katrina W. Berger"],
        1,
        id="she-added-in-next-paragraph",
    ),
    pytest.param(
        "“Agents worked for three weeks without rest,” said Sam Lee, FBI Assistant Director. "
        "“In that time they found every one of the children.”",
        ["Sam Lee", "Sam Lee"],
        1,
        id="unattributed-continuation",
    ),
    pytest.param(
        "“Agents worked for three weeks without rest,” said Sam Lee, FBI Assistant Director. “In that time\n\n"
        "“they found every one of the children. None was left behind.”",
        ["Sam Lee", "Sam Lee", "Sam Lee", "Sam Lee"],
        1,
        id="quote-running-over-paragraphs",
    ),
    pytest.param(
        "« Nous les trouverons tous », said Marc Dubois, Director of Operations. "
        "„Wir finden sie alle“, said Marc Dubois.",
        ["Marc Dubois", "Marc Dubois"],
        2,
        id="guillemets-and-german-marks",
    ),
]


@pytest.mark.parametrize(("text", "speakers", "attributions"), SPEAKER_CARRIED)
def test_speaker_carried_to_following_quotes(text: str, speakers: list[str], attributions: int) -> None:
    assert [q.speaker for _, q in _said(text)] == speakers
    assert len(_attributions(text)) == attributions  # "he added" names nobody: no attribution claim


def test_pronoun_attribution_keeps_the_title() -> None:
    text = "“We found them,” said Sam Lee, FBI Assistant Director. “This is only the start,” he added."
    assert _said(text)[-1][1].title == "FBI Assistant Director"


MULTI_SENTENCE = [
    pytest.param(
        "“We will find every child. We will not stop. We will bring offenders to justice,” "
        "said Katrina W. Berger, HSI Executive Associate Director.",
        ["We will find every child.", "We will not stop.", "We will bring offenders to justice"],
        id="attribution-after",
    ),
    pytest.param(
        "Katrina W. Berger, HSI Executive Associate Director, said: “We will find every child. "
        "We will not stop. We will bring offenders to justice.”",
        ["We will find every child.", "We will not stop.", "We will bring offenders to justice."],
        id="attribution-before",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MULTI_SENTENCE)
def test_multi_sentence_quote_is_one_claim_per_sentence(text: str, expected: list[str]) -> None:
    said = _said(text)
    assert [q.words for _, q in said] == expected
    assert {q.speaker for _, q in said} == {"Katrina W. Berger"}
    assert len(_attributions(text)) == 1


TERMS = [
    pytest.param("Offenders met on the so-called “dark web” to trade files.", "dark web", id="dark-web"),
    pytest.param("The agency called it a “sextortion” epidemic.", "sextortion", id="one-word"),
    pytest.param('Offenders met on the so-called "dark web" to trade files.', "dark web", id="straight-quotes"),
    pytest.param("The joint effort was named “Operation Renewed Hope,” officials said.", "Operation Renewed Hope",
                 id="name-with-comma-inside"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words"), TERMS)
def test_scare_quoted_terms(text: str, words: str) -> None:
    quotes = _quotes(text)
    assert [q for _, q in quotes] == [Quote(words=words, term=True)]


def test_find_quotes_spans_and_speakers() -> None:
    text = "Analysts tracked “dark web” markets. “We will not stop,” said Dana Ortiz, Chief of Police."
    found = find_quotes(text)
    assert [(text[q.start : q.end], q.term, q.speaker) for q in found] == [
        ("“dark web”", True, None),
        ("“We will not stop,”", False, "Dana Ortiz"),
    ]
    assert text[found[1].inner_start : found[1].inner_end] == "We will not stop,"


def test_numbers_inside_a_quote_are_not_separate_quantities() -> None:
    text = (
        "“Our analysts reviewed 2,300 devices and found more than 300 victims in three weeks,” "
        "said Sam Lee, FBI Assistant Director."
    )
    claims = _claims(text)
    assert [c.kind for c in claims] == [Kind.QUOTE, Kind.QUOTE]  # the words, and who said them


def test_dates_inside_a_quote_are_not_separate_dates() -> None:
    text = "“The work began on July 17 and it has not stopped since,” said Sam Lee, FBI Assistant Director."
    assert [c.kind for c in _claims(text)] == [Kind.QUOTE, Kind.QUOTE]


# ================================================================== statements


def test_action_with_entities() -> None:
    text = "The operation was led by Homeland Security Investigations (HSI) with the FBI and Europol."
    claims = _claims(text)
    assert len(claims) == 1
    assert claims[0].kind is Kind.STATEMENT
    statement = claims[0].detail
    assert isinstance(statement, Statement)
    assert statement.action == "lead"
    assert {"Homeland Security Investigations", "HSI", "FBI", "Europol"} <= set(statement.entities)
    assert claims[0].text.startswith("led by Homeland Security Investigations")
    assert claims[0].text.endswith("Europol")


ACTIONS = [
    pytest.param("Homeland Security Investigations spearheaded the effort.", "lead", id="spearheaded"),
    pytest.param("Europol partnered with Interpol on the case.", "partner", id="partnered"),
    pytest.param("Police in Brazil apprehended the ringleader.", "arrest", id="apprehended"),
    pytest.param("Federal agents seized the server in Germany.", "seize", id="seized"),
    pytest.param("A grand jury in Ohio indicted the ringleader.", "charge", id="indicted"),
    pytest.param("The FBI led the review.", "lead", id="led"),
]


@pytest.mark.parametrize(("text", "action"), ACTIONS)
def test_statement_actions(text: str, action: str) -> None:
    assert [s.action for s in _statements(text)] == [action]


ENTITIES = [
    pytest.param(
        "Homeland Security Investigations and IRS Criminal Investigation investigated the case.",
        ["Homeland Security Investigations", "IRS Criminal Investigation"],
        id="two-bodies-each-named-in-full",
    ),
    pytest.param(
        "The AFP, the ABF and NSW Police then launched an investigation.",
        ["AFP", "ABF", "NSW Police"],
        id="an-acronym-and-a-body",
    ),
    pytest.param(
        "Arrests have taken place in Canada and the United States.",
        ["Canada", "United States"],
        id="two-places-joined-by-and",
    ),
    pytest.param(
        "Tips were passed to the National Center for Missing and Exploited Children.",
        ["National Center for Missing and Exploited Children"],
        id="body-name-with-and-for",
    ),
    pytest.param(
        "Customs and Border Protection officers stopped the truck.",
        ["Customs and Border Protection"],
        id="a-body-joined-by-and-at-the-start",
    ),
    pytest.param(
        "Agents with Immigration and Customs Enforcement made the arrests.",
        ["Immigration and Customs Enforcement"],
        id="enforcement-names-a-body",
    ),
    pytest.param(
        "The case went to the Department of Homeland Security.",
        ["Department of Homeland Security"],
        id="body-name-with-of",
    ),
    pytest.param(
        "Investigators from Europol, Interpol and the FBI met.",
        ["Europol", "Interpol", "FBI"],
        id="list-of-bodies",
    ),
    pytest.param(
        "Katrina W. Berger spoke for the agency.",
        ["Katrina W. Berger"],
        id="person-with-initial",
    ),
    pytest.param(
        "Help came from the Harris County Sheriff's Office and Mexican authorities.",
        ["Harris County Sheriff's Office"],
        id="a-body-and-a-nationality",
    ),
    pytest.param(
        "Officers from Police Scotland's Organised Crime and Counter Terrorism Unit carried out the raids.",
        ["Scotland", "Organised Crime and Counter Terrorism Unit"],
        id="an-owner-and-its-unit-named-with-and",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENTITIES)
def test_entities(text: str, expected: list[str]) -> None:
    names = [n for _, _, n in find_entities(text)]
    assert [n for n in names if n in expected] == expected
    for name in names:
        assert not any(e in name and e != name for e in expected), names  # nothing glued on


def test_entity_offsets_point_at_the_name() -> None:
    text = "Arrests have taken place in Canada and the United States."
    assert all(text[s:e] == n for s, e, n in find_entities(text))


DATELINES = [
    pytest.param("WASHINGTON — The FBI led the operation.", ["FBI"], id="em-dash"),
    pytest.param("TORONTO -- The FBI led the operation.", ["FBI"], id="double-hyphen"),
    pytest.param("NEW YORK — The FBI led the operation.", ["FBI"], id="two-word-city"),
]


@pytest.mark.parametrize(("text", "expected"), DATELINES)
def test_dateline_is_not_an_entity(text: str, expected: list[str]) -> None:
    assert [n for _, _, n in find_entities(text)] == expected
    assert [s.entities for s in _statements(text)] == [tuple(expected)]


NO_SENTENCE_INITIAL_NOUN = [
    pytest.param("Suspects were arrested in Canada.", ["Canada"], id="suspects"),
    pytest.param("Agents worked with police in Canada.", ["Canada"], id="agents"),
    pytest.param("Tips were passed to Europol.", ["Europol"], id="tips"),
]


@pytest.mark.parametrize(("text", "expected"), NO_SENTENCE_INITIAL_NOUN)
def test_sentence_initial_common_noun_is_not_an_entity(text: str, expected: list[str]) -> None:
    assert [n for _, _, n in find_entities(text)] == expected


def test_us_abbreviation_keeps_its_full_stops() -> None:
    text = "Officers in the U.S. and Canada made arrests."
    assert "U.S." in [n for _, _, n in find_entities(text)]


ENUMERATIONS = [
    pytest.param(
        "Offenders shared files through forums, websites, email and chat rooms.",
        ("forums", "websites", "email", "chat rooms"),
        id="through-list",
    ),
    pytest.param(
        "The material was found on phones, laptops, and external drives.",
        ("phones", "laptops", "external drives"),
        id="oxford-comma",
    ),
    pytest.param(
        "Victims were reached through phone, text, or letter.",
        ("phone", "text", "letter"),
        id="or-list",
    ),
    pytest.param(
        "Offenders shared files through forums, websites and email.",
        ("forums", "websites", "email"),
        id="three-items-without-serial-comma",
    ),
    pytest.param(
        "Victims were contacted by phone, text, or letter.", ("phone", "text", "letter"), id="lead-in-after-by"
    ),
    pytest.param(
        "They used forums, websites, email and chat rooms to trade.",
        ("forums", "websites", "email", "chat rooms"),
        id="lead-in-without-preposition",
    ),
]


@pytest.mark.parametrize(("text", "items"), ENUMERATIONS)
def test_enumerations(text: str, items: tuple[str, ...]) -> None:
    statements = _statements(text)
    assert [s.items for s in statements] == [items]


def test_a_list_of_things_seized_is_a_list() -> None:
    statements = _statements("They seized cash, luxury watches, designer handbags and a Range Rover.")
    assert [s.items for s in statements] == [
        ("They seized cash", "luxury watches", "designer handbags", "a Range Rover")
    ]


def test_who_said_it_between_commas_is_no_list_item() -> None:
    statements = _statements(
        "The FTC never asks people to pay a fee to get a refund, the agency said, and anyone who asks is a scammer."
    )
    assert [s.items for s in statements] == [()]


def test_a_headline_s_comma_between_clauses_is_no_list() -> None:
    statements = _statements("Police raid warehouse near Brandon, seize cash and lay fraud charges.")
    assert [s.items for s in statements] == [()]


NO_STATEMENT = [
    pytest.param("Anyone with information should call the tip line.", id="advice"),
    pytest.param("Victims can reach the centre through its website or by phone.", id="can-is-advice"),
    pytest.param("Was the operation a success?", id="question"),
    pytest.param("Contact your local police service to report abuse.", id="a-request"),
    pytest.param("Call the tip line at any hour of the day.", id="a-request-to-call"),
    pytest.param("The company did not return a call seeking comment.", id="the-reporter-s-own-call"),
    pytest.param("It was slow work.", id="too-short-to-state-a-fact"),
    pytest.param(
        "If you are worried about a child, contact your local police, a doctor or a helpline.", id="conditional"
    ),
    pytest.param("Police called the site a “superlab.”", id="the-quoted-term-is-the-claim"),
    pytest.param("Anyone who has seen the van is urged to get in touch.", id="anyone-who-at-the-start"),
    pytest.param("Watch out for refund scams", id="watch-out"),
    pytest.param("How the problem was found", id="a-heading-that-asks"),
]


@pytest.mark.parametrize("text", NO_STATEMENT)
def test_no_statement(text: str) -> None:
    assert not [c for c in _claims(text) if c.kind is Kind.STATEMENT]


ASSERTIONS = [
    pytest.param("Tips were passed to the National Center for Missing and Exploited Children.",
                 ("National Center for Missing and Exploited Children",), id="entities-without-a-known-action"),
    pytest.param("Offenders shared files through forums and websites.", (), id="two-items-is-a-plain-assertion"),
    pytest.param("The work was slow and painstaking for everyone involved.", (), id="no-entities"),
    pytest.param("Shawn Carlson is American.", ("Shawn Carlson",), id="four-words-naming-someone"),
    pytest.param("He moved the proceeds through shell companies in Cape May County.", ("Cape May County",),
                 id="may-in-a-name-is-no-modal"),
    pytest.param("Among those arrested was a coach who used gaming platforms to contact minors.", (),
                 id="contact-inside-a-fact-is-no-advice"),
]  # fmt: skip


def test_a_possessive_starts_a_new_name() -> None:
    text = "The FBI worked with Germany's Federal Criminal Police Office and Britain's National Crime Agency."
    assert [n for _, _, n in find_entities(text)] == [
        "FBI",
        "Germany's Federal Criminal Police Office",
        "Britain's National Crime Agency",
    ]


def test_a_sentence_with_much_besides_its_quoted_term_keeps_its_statement() -> None:
    text = (
        "The affiliates also stole sensitive data before encrypting systems and threatened to publish it, "
        "a tactic known as \u201cdouble extortion.\u201d"
    )
    assert sorted(c.kind.value for c in _claims(text)) == ["quote", "statement"]


@pytest.mark.parametrize(("text", "entities"), ASSERTIONS)
def test_plain_sentences_of_fact_are_statements(text: str, entities: tuple[str, ...]) -> None:
    """A fact-checker checks every plain sentence of fact; the verdict stage decides what supports it."""
    (claim,) = _claims(text)
    assert isinstance(claim.detail, Statement)
    assert (claim.detail.entities, claim.detail.action, claim.detail.items) == (entities, None, ())
    assert claim.text == text.rstrip(".")


def test_sentence_with_a_quantity_has_no_statement() -> None:
    claims = _claims("Agents from the FBI arrested 14 suspects in Canada.")
    assert [(c.kind, c.text) for c in claims] == [(Kind.QUANTITY, "14 suspects")]


def test_sentence_with_a_date_has_no_statement() -> None:
    claims = _claims("The FBI led the operation from July 17 to Aug. 4.")
    assert [c.kind for c in claims] == [Kind.DATE]


def test_limiting_words_are_kept() -> None:
    statements = _statements("In some cases, suspects were arrested by local police in Brazil.")
    assert [(s.action, s.qualifiers) for s in statements] == [("arrest", ("in some cases",))]


def test_find_statement_on_a_sentence_range() -> None:
    text = "Intro. Homeland Security Investigations led the probe with Interpol. Outro."
    start, end = text.index("Homeland"), text.index(" Outro")
    found = find_statement(text, start, end)
    assert found is not None
    s, e, statement = found
    assert text[s:e] == "Homeland Security Investigations led the probe with Interpol"
    assert (statement.action, statement.entities) == ("lead", ("Homeland Security Investigations", "Interpol"))


# ========================================================== the Renewed Hope case


@pytest.fixture(scope="module")
def renewed_hope() -> tuple[Article, tuple[Claim, ...]]:
    article = Article.from_html((RENEWED_HOPE / "article.html").read_bytes())
    return article, extract_claims(article)


def test_renewed_hope_ids_and_reading_order(renewed_hope: tuple[Article, tuple[Claim, ...]]) -> None:
    _, claims = renewed_hope
    assert claims
    assert [c.id for c in claims] == [f"c{n}" for n in range(1, len(claims) + 1)]
    starts = [c.start for c in claims]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(claims))  # no overlaps


def test_renewed_hope_spans_are_the_claim_text(renewed_hope: tuple[Article, tuple[Claim, ...]]) -> None:
    article, claims = renewed_hope
    for claim in claims:
        assert article.text[claim.start : claim.end] == claim.text, claim.id
        assert claim.text in claim.sentence or claim.sentence in claim.text, claim.id


def test_renewed_hope_every_expected_claim_is_extracted(renewed_hope: tuple[Article, tuple[Claim, ...]]) -> None:
    article, claims = renewed_hope
    expected = json.loads((RENEWED_HOPE / "expected.json").read_text(encoding="utf-8"))["claims"]
    missing = []
    for item in expected:
        at = article.text.index(item["quote"])
        span = (at, at + len(item["quote"]))
        if not any(c.kind.value == item["kind"] and c.start < span[1] and span[0] < c.end for c in claims):
            missing.append(item["quote"])
    assert missing == []


def test_renewed_hope_key_claims(renewed_hope: tuple[Article, tuple[Claim, ...]]) -> None:
    _, claims = renewed_hope
    by_text = {c.text: c.detail for c in claims}
    assert by_text["311 children"] == Quantity(
        written="311", low=311, high=311, value=311, noun="children", head="child", lemmas=("child",), verb="locate"
    )
    began = by_text["began on July 17"]
    assert isinstance(began, DateSpan)
    assert (began.start, began.relation) == (date(2023, 7, 17), "start")
    berger = [d for d in by_text.values() if isinstance(d, Quote) and d.attributed_here]
    assert [(q.speaker, q.title) for q in berger] == [("Katrina W. Berger", "associate executive director of HSI")]


def test_a_title_between_the_name_and_said_the_words() -> None:
    """ "Rowan J. Kesler, assistant director of the FBI's Cyber Division, said the bureau's priority “was …”"."""
    text = (
        "Rowan J. Kesler, assistant director of the FBI's Cyber Division, said the bureau's priority "
        "\u201cwas simple: get keys into victims\u2019 hands before they paid.\u201d\n"
    )
    (quote,) = find_quotes(text)
    assert (quote.speaker, quote.title) == ("Rowan J. Kesler", "assistant director of the FBI's Cyber Division")


def test_a_count_in_a_noun_s_complement_is_its_own() -> None:
    text = "A grand jury returned a 14-count indictment against seven defendants."
    assert [(text[s:e], q.noun) for s, e, q in find_quantities(text)] == [
        ("14-count indictment", "indictment"),
        ("seven defendants", "defendants"),
    ]


def test_a_speaker_s_employer_in_lower_case() -> None:
    (quote,) = find_quotes(
        "“Railroads paid more,” said Assistant Attorney General Owen Ridley of the division’s criminal program."
    )
    assert (quote.speaker, quote.title) == ("Owen Ridley", "Assistant Attorney General")


def test_a_rate_per_hundred_thousand() -> None:
    text = "The murder rate was 5.7 per 100,000 inhabitants, down from 6.5 per 100,000 in 2022."
    assert [(text[s:e], q.unit, q.compared) for s, e, q in find_quantities(text)] == [
        ("5.7", "per 100000", False),
        ("6.5", "per 100000", True),
    ]


def test_a_part_of_a_whole_counts_the_whole_s_noun() -> None:
    (_, _, q), *_ = find_quantities("For 2023, 16,412 of the nation’s 18,903 law enforcement agencies reported.")
    assert (q.value, q.head) == (16412, "agency")


def test_a_speaker_s_division_with_its_acronym() -> None:
    (quote,) = find_quotes(
        "“Behind every figure is a person,” said Assistant Director Daniel R. Whitfield of the FBI’s Criminal "
        "Justice Information Services (CJIS) Division."
    )
    assert quote.speaker == "Daniel R. Whitfield"


@pytest.mark.parametrize(
    "text",
    ["It is on the 15 Most Wanted list.", "Lanes near exit 431 were closed.", "The officer is badge No. 13908."],
)
def test_names_and_labels_are_no_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_a_weekday_ahead() -> None:
    (_, _, found), *_ = find_dates("He is scheduled to appear in court on Friday.", PUBLISHED)
    assert found.start == date(2023, 8, 11)  # the Friday after Thursday 10 August


def test_imperatives_at_the_start_are_no_claims() -> None:
    assert _statements("Keep your operating system and browser updated at all times.") == []
    assert _statements("Think of a loader as a burglar who props a door open for others.") == []


def test_a_conditional_to_the_reader_states_no_figure() -> None:
    claims = _claims("If you have never heard of any of the three, you are not alone.")
    assert [c for c in claims if c.kind is Kind.QUANTITY] == []


def test_an_estimated_retail_price_is_hedged() -> None:
    (_, _, q), *_ = find_quantities(
        "The goods had an estimated manufacturer's suggested retail price (MSRP) of $34 million."
    )
    assert q.hedge == "estimated"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The eSafety Commissioner also supported the operation.", ["eSafety Commissioner"]),
        ("It was coordinated by the AFP-led Joint Child Exploitation Team.", ["Joint Child Exploitation Team"]),
    ],
)  # fmt: skip
def test_more_names(text: str, names: list[str]) -> None:
    assert [n for _, _, n in find_entities(text)] == names


def test_triple_zero_and_advice_after_a_condition() -> None:
    text = "If a child is in immediate danger, call Triple Zero (000)."
    assert find_quantities(text) == []
    assert _statements(text) == []


def test_a_speaker_s_port_with_a_slash() -> None:
    (quote,) = find_quotes(
        "“We spot fakes,” said Area Port Director Lorraine F. Whitaker of the Port of New York/Newark."
    )
    assert quote.speaker == "Lorraine F. Whitaker"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("More than two in five of the people referred were children.", 40, math.inf),
        ("More than three-quarters were male.", 75, math.inf),
    ],
)
def test_shares_in_words(text: str, low: float, high: float) -> None:
    (_, _, q), *_ = find_quantities(text)
    assert (q.unit, q.low, q.high) == ("percent", low, high)


def test_a_file_number_and_an_appeal_are_no_claims() -> None:
    text = "The case was filed under RCMP file number 2025-4512."
    assert find_quantities(text) == []
    assert _statements("Anyone with information is asked to call the detachment at 250-545-7171.") == []
