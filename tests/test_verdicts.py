"""Per-kind comparison: one article sentence against one release, the label and what differs."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck import Article, Label, Settings, Source, check
from factcheck.records import Kind, Verdict
from factcheck.verdicts import REASONS

RELEASE = """HSI and partners finish victim identification surge

Release Date: August 9, 2023

WASHINGTON — The surge began July 17 and ended Aug. 4. It was led by Homeland Security Investigations (HSI).

The work produced 311 probable identifications of previously unknown victims, including 14 positive contacts.

Analysts generated more than 100 leads. Agents also seized 2,300 devices and 40 percent of the material was new.

In some cases, arrests of active abusers have already taken place in the United States and Canada.

Partners included the FBI, Interpol and Europol. Offenders used forums, websites, email and chat rooms.

“We will not stop until every child is safe,” said HSI Executive Associate Director Katrina W. Berger.

Agents arrested 47 suspected child predators and executed 58 federal and state search warrants.

Deputies recovered 169 children and located 56 others. A follow-up sweep ran from Sept. 5 to Sept. 16.

“We will keep looking until every missing child is home safe,” said Warren Halvorsen, director of the Marshals Service.
"""


def _verdict(
    sentence: str, kind: Kind, release: str = RELEASE, *, attribution: bool = False, **settings: object
) -> Verdict:
    article = Article.from_text(sentence, published=date(2023, 8, 10))
    source = Source.from_text(release, url="https://www.ice.gov/news/releases/surge")
    report = check(article, [source], settings=Settings(**settings))  # type: ignore[arg-type]
    found = [
        v
        for v in report.verdicts
        if v.claim.kind is kind and getattr(v.claim.detail, "attributed_here", False) is attribution
    ]
    assert found, f"no {kind.value} claim in {sentence!r}: {[v.claim.text for v in report.verdicts]}"
    assert found[0].reason in REASONS  # every code is documented
    return found[0]


QUANTITIES = [
    ("exact", "Investigators made 311 probable identifications of victims.", Label.SUPPORTED, None),
    ("hedge dropped", "Investigators identified 311 victims.", Label.ALTERED, "hedge"),
    ("hedge dropped, other noun", "They found 311 children.", Label.ALTERED, "hedge"),
    ("more than, true", "There were more than 300 probable identifications of victims.", Label.SUPPORTED, None),
    ("more than, false", "There were more than 400 probable identifications of victims.", Label.ALTERED, "value"),
    ("at least", "At least 311 probable identifications of victims were made.", Label.SUPPORTED, None),
    ("about within 5%", "About 300 probable identifications of victims were made.", Label.SUPPORTED, None),
    ("about too far", "About 250 probable identifications of victims were made.", Label.ALTERED, "value"),
    ("nearly", "Nearly 320 probable identifications of victims were made.", Label.SUPPORTED, None),
    ("number changed", "Investigators made 312 probable identifications of victims.", Label.ALTERED, "value"),
    ("qualifier dropped", "Analysts generated 100 leads.", Label.ALTERED, "qualifier"),
    ("qualifier kept", "Analysts generated more than 100 leads.", Label.SUPPORTED, None),
    ("separators", "Agents seized 2,300 devices.", Label.SUPPORTED, None),
    ("rounding with over", "Agents seized over 2,000 devices.", Label.SUPPORTED, None),
    ("percent", "About 40 percent of the material was new.", Label.SUPPORTED, None),
    ("nothing speaks to it", "Police questioned 45 suspects.", Label.UNSOURCED, None),
    ("duration against the only range", "It was a three-week operation.", Label.ALTERED, "value"),
    ("duration of nothing dated", "The inquiry took three weeks.", Label.UNSOURCED, None),
    ("hedge added", "They made 14 possible positive contacts.", Label.ALTERED, "hedge"),
    ("accusation hedge dropped", "Agents arrested 47 child predators.", Label.ALTERED, "hedge"),
    ("accusation hedge kept", "Agents arrested 47 suspected child predators.", Label.SUPPORTED, None),
    ("modifiers joined by and", "Agents executed 58 search warrants.", Label.SUPPORTED, None),
    ("two counts added together", "Deputies recovered 225 children.", Label.ALTERED, "value"),
    ("located is not recovered", "Deputies located 169 children.", Label.ALTERED, "action"),
    ("day count off by one", "The 11-day sweep was the second this year.", Label.ALTERED, "value"),
    ("day count inclusive", "The 12-day sweep was the second this year.", Label.SUPPORTED, None),
    ("far from any figure", "Nearly 40,000 devices were examined in a lab.", Label.UNSOURCED, None),
]


@pytest.mark.parametrize(("sentence", "label", "field"), [q[1:] for q in QUANTITIES], ids=[q[0] for q in QUANTITIES])
def test_quantity(sentence: str, label: Label, field: str | None) -> None:
    verdict = _verdict(sentence, Kind.QUANTITY)
    assert verdict.label is label, verdict.explanation
    if field:
        assert field in {d.field for d in verdict.differences}, verdict.differences
    if label is Label.UNSOURCED:
        assert not verdict.evidence
    else:
        assert verdict.evidence
        assert verdict.evidence[0].source == "s1"


def test_about_tolerance_is_a_setting() -> None:
    sentence = "About 290 probable identifications of victims were made."
    assert _verdict(sentence, Kind.QUANTITY).label is Label.ALTERED
    assert _verdict(sentence, Kind.QUANTITY, about_tolerance=0.1).label is Label.SUPPORTED


def test_hedge_explanation_names_the_missing_word() -> None:
    verdict = _verdict("Investigators identified 311 victims.", Kind.QUANTITY)
    assert "probable" in verdict.explanation
    assert verdict.reason == "hedge-changed"


DATES = [
    ("start date", "The surge began on July 17.", Label.SUPPORTED),
    ("start date off by one", "The surge began on July 18.", Label.ALTERED),
    ("end date", "It ended on Aug. 4.", Label.SUPPORTED),
    ("no such date", "Officials met on June 2.", Label.UNSOURCED),
]


@pytest.mark.parametrize(("sentence", "label"), [d[1:] for d in DATES], ids=[d[0] for d in DATES])
def test_date(sentence: str, label: Label) -> None:
    assert _verdict(sentence, Kind.DATE).label is label


QUOTES = [
    ("verbatim", "“We will not stop until every child is safe,” said Katrina W. Berger.", Label.SUPPORTED, None),
    (
        "typographic quotes and case",
        '"we will not stop until every child is safe," Berger said.',
        Label.SUPPORTED,
        None,
    ),
    (
        "one word reworded",
        "“We will not rest until every child is safe,” said Katrina W. Berger.",
        Label.ALTERED,
        "wording",
    ),
    ("negation dropped", "“We will stop until every child is safe,” said Katrina W. Berger.", Label.ALTERED, "quote"),
    (
        "a number put in",
        "“We will not stop until 300 children are safe,” said Katrina W. Berger.",
        Label.ALTERED,
        "quote",
    ),
    ("marked ellipsis", "“We will not stop … every child is safe,” said Katrina W. Berger.", Label.SUPPORTED, None),
    (
        "someone else said it",
        "“We will not stop until every child is safe,” said John Smith, director of the FBI.",
        Label.ALTERED,
        "speaker",
    ),
    ("not in the source", "“Nobody will escape justice,” said Katrina W. Berger.", Label.UNSOURCED, None),
    (
        "whole sentence cut short",
        "“We will keep looking until every missing child is home,” said Warren Halvorsen.",
        Label.ALTERED,
        "wording",
    ),
    (
        "a fragment may stop early",
        "Halvorsen said the team would “keep looking until every missing child is home.”",
        Label.SUPPORTED,
        None,
    ),
    (
        "fragment given to the wrong person",
        "Berger said the team would “keep looking until every missing child is home.”",
        Label.ALTERED,
        "speaker",
    ),
]


@pytest.mark.parametrize(("sentence", "label", "field"), [q[1:] for q in QUOTES], ids=[q[0] for q in QUOTES])
def test_quote(sentence: str, label: Label, field: str | None) -> None:
    verdict = _verdict(sentence, Kind.QUOTE)
    assert verdict.label is label, (verdict.explanation, verdict.differences)
    if field:
        assert field in {d.field for d in verdict.differences}


SAID = "“We will not stop until every child is safe,” said "
ATTRIBUTIONS = [
    ("same", SAID + "Katrina W. Berger.", Label.SUPPORTED, None),
    ("middle initial left out", SAID + "Katrina Berger.", Label.SUPPORTED, None),
    ("name misspelt", SAID + "Katrina W. Burger.", Label.ALTERED, "name"),
    ("surname misspelt, middle initial left out", SAID + "Katrina Bergner.", Label.ALTERED, "name"),
    ("given name misspelt", SAID + "Katrine W. Berger.", Label.ALTERED, "name"),
    ("a rank before the name", SAID + "Executive Associate Director Katrina W. Berger.", Label.SUPPORTED, None),
    ("another given name, the same surname", SAID + "Maria W. Berger.", Label.ALTERED, "name"),
    ("title words swapped", SAID + "Katrina W. Berger, associate executive director of HSI.", Label.ALTERED, "title"),
    ("title right", SAID + "Katrina W. Berger, executive associate director of HSI.", Label.SUPPORTED, None),
    ("title abbreviated", SAID + "Exec. Assoc. Dir. Katrina W. Berger.", Label.SUPPORTED, None),
    ("abbreviation, words swapped", SAID + "Assoc. Exec. Dir. Katrina W. Berger.", Label.ALTERED, "title"),
    ("a lesser title", SAID + "Katrina W. Berger, HSI director.", Label.ALTERED, "title"),
    ("employer is not rank", SAID + "Katrina W. Berger, executive associate director at HSI headquarters.",
     Label.SUPPORTED, None),
    ("quote not in source, speaker is", "“Nobody escapes,” said Katrina W. Berger, HSI director.",
     Label.ALTERED, "title"),
    ("someone the source never quotes", SAID + "John Smith, director of the FBI.", Label.UNSOURCED, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "label", "field"), [a[1:] for a in ATTRIBUTIONS], ids=[a[0] for a in ATTRIBUTIONS]
)
def test_attribution(sentence: str, label: Label, field: str | None) -> None:
    """Who said it is its own claim: a verbatim quote under a garbled title is two findings."""
    verdict = _verdict(sentence, Kind.QUOTE, attribution=True)
    assert verdict.label is label, (verdict.explanation, verdict.differences)
    if field:
        assert field in {d.field for d in verdict.differences}
    words = _verdict(sentence, Kind.QUOTE)
    if "stop until" in sentence and field in {"name", "title"}:
        assert words.label is Label.SUPPORTED  # the words themselves are right


def test_conflated_counts_are_explained() -> None:
    verdict = _verdict("Deputies recovered 225 children.", Kind.QUANTITY)
    assert "169" in verdict.explanation
    assert "56" in verdict.explanation


def test_quote_differences_are_word_level() -> None:
    verdict = _verdict("“We will not rest until every child is safe,” said Katrina W. Berger.", Kind.QUOTE)
    assert verdict.differences[0].article == "rest"
    assert verdict.differences[0].source == "stop"
    assert "stop" in verdict.explanation
    assert "rest" in verdict.explanation


STATEMENTS = [
    ("lead and partners", "HSI led the effort with the FBI, Interpol and Europol.", Label.SUPPORTED, None),
    ("limiter dropped", "Abusers have been arrested in the United States and Canada.", Label.ALTERED, "qualifier"),
    ("limiter kept", "In some cases, abusers were arrested in Canada and the United States.", Label.SUPPORTED, None),
    ("list", "Offenders met on forums, websites, email and chat rooms.", Label.SUPPORTED, None),
    (
        "list with an extra item",
        "Offenders met on forums, websites, gaming consoles and chat rooms.",
        Label.ALTERED,
        "item",
    ),
    ("partner added", "HSI led the effort with the FBI, Interpol and Scotland Yard.", Label.ALTERED, "entity"),
    ("unrelated", "The RCMP arrested a man in Manitoba.", Label.UNSOURCED, None),
]


@pytest.mark.parametrize(("sentence", "label", "field"), [s[1:] for s in STATEMENTS], ids=[s[0] for s in STATEMENTS])
def test_statement(sentence: str, label: Label, field: str | None) -> None:
    verdict = _verdict(sentence, Kind.STATEMENT)
    assert verdict.label is label, (verdict.explanation, verdict.differences)
    if field:
        assert field in {d.field for d in verdict.differences}


def test_terms() -> None:
    assert _verdict("Investigators worked on the “positive contacts” for weeks.", Kind.QUOTE).label is (Label.SUPPORTED)
    assert _verdict("The files came from the “dark web” and elsewhere.", Kind.QUOTE).label is Label.UNSOURCED


def test_scores_and_similarities_are_fractions() -> None:
    for sentence, kind in [("They found 311 children.", Kind.QUANTITY), ("The surge began on July 17.", Kind.DATE)]:
        verdict = _verdict(sentence, kind)
        assert 0 <= verdict.score <= 1
        assert all(0 <= e.similarity <= 1 for e in verdict.evidence)


def test_a_later_release_is_not_evidence() -> None:
    later = RELEASE.replace("August 9, 2023", "March 12, 2024")
    verdict = _verdict("The surge began on July 17.", Kind.DATE, release=later)
    assert verdict.label is Label.UNSOURCED


def test_regional_spelling_is_told_not_counted() -> None:
    release = (
        "Partnership renewed\n\nRelease Date: May 23, 2023\n\n"
        "The Canadian Centre for Child Protection and the RCMP renewed their partnership agreement.\n"
    )
    verdict = _verdict(
        "The Canadian Center for Child Protection and the RCMP renewed their partnership agreement.",
        Kind.STATEMENT,
        release=release,
    )
    assert verdict.label is Label.SUPPORTED
    assert 'spelt "center" here, "centre" in the source' in verdict.explanation


def test_a_bound_is_judged_against_the_same_counted_thing() -> None:
    """ "Under 114,000 cases" against "more than 114,000 cases … of which 5,800 serious": the 5,800 fits the
    bound, but it counts something else; the cases figure contradicts it."""
    release = "More than 114,000 cases have been confirmed, of which 5,800 were classified as serious.\n"
    verdict = _verdict("There are under 114,000 confirmed cases.", Kind.QUANTITY, release)
    assert verdict.label is Label.ALTERED
    assert [d.field for d in verdict.differences] == ["qualifier"]


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("The film was announced on December 10th.", Label.SUPPORTED),  # no year: the source's year decides
        ("The film was announced on December 12th.", Label.ALTERED),
    ],
)
def test_a_date_without_a_year_takes_the_sources_year(sentence: str, label: Label) -> None:
    release = "The film was announced on 10 December 2018 by its producer.\n"
    article = Article.from_text(sentence + "\n")  # undated: the year can only come from the source
    verdicts = check(article, [Source.from_text(release, url="https://example.org/film")]).verdicts
    dates = [v for v in verdicts if v.claim.kind is Kind.DATE]
    assert [v.label for v in dates] == [label]


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("He faces up to 20 years in prison.", Label.UNSOURCED),  # the release gives no maximum
        ("He faces up to 4 years of supervised release.", Label.SUPPORTED),  # 3 is within a bound near it
    ],
)
def test_an_upper_bound_far_above_a_figure_is_another_fact(sentence: str, label: Label) -> None:
    release = "She was sentenced to 30 months in prison, to be followed by 3 years of supervised release.\n"
    assert _verdict(sentence, Kind.QUANTITY, release).label is label


def test_a_hedge_on_the_action_is_a_hedge_on_the_count() -> None:
    """ "The potential identification of 118 children": the children are not potential, the identification
    is — and a story that says "identified 118 children" has dropped that."""
    release = "The taskforce's work led to the potential identification of 118 children.\n"
    verdict = _verdict("Investigators identified 118 children.", Kind.QUANTITY, release)
    assert verdict.label is Label.ALTERED
    assert [(d.field, d.source) for d in verdict.differences] == [("hedge", "potential")]
    assert 'source says "potential identification of 118 children"' in verdict.explanation


SWEEP = (
    "Those arrested included 19 wanted for homicide, 34 wanted for attempted murder or aggravated assault, "
    "27 wanted for sex offenses and 61 wanted for weapons offenses.\n"
)


@pytest.mark.parametrize(
    ("sentence", "label", "differences"),
    [
        ("The arrests included 21 people wanted for homicide.", Label.ALTERED, [("value", "21", "19")]),
        ("The arrests included 19 people wanted for homicide.", Label.SUPPORTED, []),
        (
            "The arrests included 34 people wanted for attempted murder.",
            Label.ALTERED,
            [("noun", "wanted for attempted murder", "wanted for attempted murder or aggravated assault")],
        ),
    ],
)
def test_a_figure_described_after_it_is_matched_by_the_description(
    sentence: str, label: Label, differences: list[tuple[str, str, str]]
) -> None:
    """The source names no noun ("19 wanted for homicide"); the description after the figure says what it counts."""
    verdict = _verdict(sentence, Kind.QUANTITY, SWEEP)
    assert verdict.label is label
    assert [(d.field, d.article, d.source) for d in verdict.differences] == differences


def test_the_same_sum_of_money_needs_only_a_similar_passage() -> None:
    """ "Got away with $34,000" against "took more than $34,000": nothing names what the sum is, but the same
    sum in a passage like the sentence is the same fact — and the dropped "more than" is the finding."""
    release = "In all, the robber took more than $34,000.\n"
    story = "In all, the robber got away with $34,000, and he brandished a handgun in all three holdups, it alleges."
    verdict = _verdict(story, Kind.QUANTITY, release)
    assert verdict.label is Label.ALTERED
    assert [d.field for d in verdict.differences] == ["qualifier"]


def test_the_same_day_loses_to_a_like_passage_a_day_off() -> None:
    """ "executed search warrants on June 5": the release's "June 5" is the court date, in a passage little like
    the sentence; the passage much like it says June 4, and that is the finding."""
    release = (
        "On June 4, 2023, investigators executed search warrants at three locations near Tweed.\n\n"
        "All three appeared in court on June 5, 2023.\n"
    )
    verdict = _verdict("Officers executed search warrants on June 5 at three locations near Tweed.", Kind.DATE, release)
    assert verdict.label is Label.ALTERED
    assert [d.field for d in verdict.differences] == ["date"]


def test_a_duration_named_by_its_unit() -> None:
    """ "a week-long crackdown" against "the intensification week ran from 30 September to 6 October"."""
    release = "The intensification week ran from 30 September to 6 October 2023.\n"
    verdict = _verdict("Police made arrests in a week-long national crackdown.", Kind.QUANTITY, release)
    assert verdict.label is Label.SUPPORTED, verdict.explanation


def test_last_years_release_loses_to_the_story_s_own() -> None:
    """Both releases share the story's figures; the one from the story's weeks is its source, so the 298 of
    last year's release does not support a figure this year's gives as 289."""
    this_year = Source.from_text(
        "Project Lodestar\n\nRelease Date: February 22, 2024\n\nPolice charged 71 people with 289 offences.\n",
        url="https://www.opp.ca/news/lodestar",
    )
    last_year = Source.from_text(
        "Project Harbourlight\n\nRelease Date: March 9, 2023\n\n"
        "Fifty-eight people are facing 298 charges, in an investigation involving 71 police services.\n",
        url="https://www.opp.ca/news/harbourlight",
    )
    article = Article.from_text(
        "Police across Ontario have laid 298 charges against 71 people in Project Lodestar.\n",
        published=date(2024, 2, 23),
    )
    report = check(article, [last_year, this_year], settings=Settings(discover=False))
    verdict = next(v for v in report.verdicts if v.claim.text.startswith("298"))
    assert verdict.label is Label.ALTERED, verdict.explanation
    assert verdict.evidence[0].source == report.sources[1].id


@pytest.mark.parametrize(
    ("sentence", "release", "label", "reason"),
    [
        pytest.param(
            "The film's worldwide total was less than $127 million.",
            "The film grossed $59 million in North America and $68 million elsewhere, for a worldwide total of "
            "$127 million.\n",
            Label.ALTERED,
            "qualifier-changed",
            id="a-bare-bound-speaks-of-the-figure-it-writes",
        ),
        pytest.param(
            "The youngest victim was 39 years old.",
            "The youngest victim was younger than 45 years old.\n",
            Label.UNSOURCED,
            "only-a-limit",
            id="a-figure-a-limit-allows",
        ),
        pytest.param(
            "The film holds a rating lower than 21% on the site.",
            "The site rated the film 20%.\n",
            Label.SUPPORTED,
            "supported",
            id="lower-than-is-a-bound",
        ),
        pytest.param(
            "Fewer than 4,800 people have died in the outbreak, officials said.",
            "More than 4,700 deaths have been recorded since the outbreak began.\n",
            Label.SUPPORTED,
            "supported",
            id="more-than-a-round-figure-stops-short-of-the-next",
        ),
        pytest.param(
            "The campaign video was watched fewer than 122 million times.",
            "The campaign video has drawn more than 123 million views.\n",
            Label.ALTERED,
            "number-changed",
            id="a-bound-below-a-rounded-figure",
        ),
        pytest.param(
            "The appeal raised less than $50 million globally.",
            "The appeal raised $87.5 million worldwide.\n",
            Label.ALTERED,
            "number-changed",
            id="globally-is-worldwide",
        ),
        pytest.param(
            "The report peaked at number 4 on the bestseller list.",
            "The report peaked at No. 5 on the national bestseller list.\n",
            Label.ALTERED,
            "number-changed",
            id="a-rank",
        ),
        pytest.param(
            "The scam ranked No. 1 for dollar losses.",
            "Such scams ranked No. 3 among all reported frauds and No. 1 for dollar losses.\n",
            Label.SUPPORTED,
            "supported",
            id="the-second-rank-of-a-sentence",
        ),
        pytest.param(
            "The scam ranked No. 1 among all reported frauds.",
            "Such scams ranked No. 3 among all reported frauds and No. 1 for dollar losses.\n",
            Label.ALTERED,
            "number-changed",
            id="a-rank-in-what-it-ranks-in",
        ),
        pytest.param(
            "Victims in Ontario paid about C$3.1 million.",
            "Victims in Ontario paid about $3.1 million, the RCMP said.\n",
            Label.SUPPORTED,
            "supported",
            id="dollars-alone-are-any-country-s",
        ),
        pytest.param(
            "Victims in Ontario paid about C$3.1 million.",
            "Victims in Ontario paid about US$3.1 million, the RCMP said.\n",
            Label.ALTERED,
            "number-changed",
            id="canadian-dollars-are-not-us-dollars",  # the same sum in another currency: a changed unit
        ),
        pytest.param(
            "The company cheated the bank of $412.36 crore.",
            "The accused company caused a loss of Rs. 412.36 crore to the bank.\n",
            Label.ALTERED,
            "number-changed",
            id="rupees-given-as-dollars",
        ),
        pytest.param(
            "The bank lost about $49.5 million, CBI said.",
            "The accused company caused a loss of Rs. 412.36 crore to the bank, CBI said.\n",
            Label.UNSOURCED,
            "no-source-passage",
            id="a-conversion-is-not-in-the-source",
        ),
        pytest.param(
            "Cybercrime cases other than scams fell 9.5 per cent, to 2,318.",
            "Cybercrime cases other than scams rose 9.5% to 2,318 cases, from 2,117 in the first half of 2024.\n",
            Label.ALTERED,
            "meaning-changed",
            id="a-change-the-other-way",
        ),
        pytest.param(
            "Phishing scams, down 18.1 per cent, made up most of the rest.",
            "A total of 19,842 scam cases were reported, down 14.2% on last year.\n\n"
            "Phishing scams fell 18.1%, to 1,958 cases.\n",
            Label.SUPPORTED,
            "supported",
            id="a-share-with-a-decimal-is-no-coincidence",
        ),
        pytest.param(
            "The alleged loss to the lenders works out to about 41.2 billion rupees.",
            "The accused caused a wrongful loss of Rs. 412.36 crore to the consortium of lenders.\n",
            Label.ALTERED,
            "number-changed",
            id="a-sum-ten-times-too-large",
        ),
        pytest.param(
            "Officers recovered Rs 1.2 crore in cash from the homes.",
            "The searches led to the recovery of cash of Rs. 1.2 crore (approx.) from the homes.\n",
            Label.ALTERED,
            "qualifier-changed",
            id="approx-in-brackets-dropped",
        ),
        pytest.param(
            "Officers recovered about 2.8 kg of gold jewellery.",
            "Officers recovered gold jewellery weighing approx. 2.8 kg, and documents.\n",
            Label.SUPPORTED,
            "supported",
            id="approx-before-a-weight",
        ),
        pytest.param(
            "The consortium had sanctioned credit limits of Rs 350 crore to the company.",
            "The accused caused a wrongful loss of Rs. 412.36 crore to the consortium of banks.\n",
            Label.UNSOURCED,
            "no-source-passage",
            id="a-sum-of-another-thing",
        ),
        pytest.param(
            "Police said 412 people had been arrested in the operation.",
            "In the operation officers investigated 412 persons for their suspected involvement in scams.\n",
            Label.ALTERED,
            "action-changed",
            id="investigated-is-not-arrested",
        ),
        pytest.param(
            "Police said a 38-year-old man was charged.",
            "A 38-year-old man has been arrested and charged in connection with the find.\n",
            Label.SUPPORTED,
            "supported",
            id="arrested-and-charged",
        ),
        pytest.param(
            "Police said two of the suspects, Stancu and Maynard, were arrested by its officers.",
            "Two of the four people charged were arrested by Hoover officers on April 10.\n",
            Label.SUPPORTED,
            "supported",
            id="two-of-the-four-people-charged",
        ),
        pytest.param(
            "Investigators seized 11 skimmers from the homes.",
            "Investigators seized 11 skimming devices from the homes.\n",
            Label.SUPPORTED,
            "supported",
            id="skimmers-are-skimming-devices",
        ),
        pytest.param(
            "Prices ranged from $149 to $999.",
            "The telemarketers then sold consumers repairs, antivirus software and service plans, charging from "
            "$149 to $999.\n",
            Label.SUPPORTED,
            "supported",
            id="the-same-range-of-prices",
        ),
        pytest.param(
            "The FTC is mailing checks, and the average payment is about $70.",
            "The FTC is mailing 26,140 checks and sending 4,412 PayPal payments. The average payment is $70.\n",
            Label.SUPPORTED,
            "supported",
            id="the-sum-a-payment-is",
        ),
        pytest.param(
            "The film has a global total gross of less than $127 million.",
            "The film has grossed $59 million in the United States and $68 million in other territories, for a "
            "worldwide total of $127 million.\n",
            Label.ALTERED,
            "qualifier-changed",
            id="a-worldwide-total-is-the-global-gross",
        ),
        pytest.param(
            "Orsolan said it had set aside €310 million in its 2024 accounts to cover the fine.",
            "The company made a provision of EUR 310 million in its 2024 financial statements to cover a fine.\n",
            Label.SUPPORTED,
            "supported",
            id="in-its-accounts-is-where-not-what",
        ),
        pytest.param(
            "The Commission fined five enzyme makers for the cartel.",
            "The Commission fines four producers of baking enzymes for taking part in a cartel.\n",
            Label.ALTERED,
            "number-changed",
            id="makers-are-producers",
        ),
        pytest.param(
            "Officers examined 27 ships that had arrived from South America.",
            "Officers examined 27 shipping containers that had arrived on vessels from South America.\n",
            Label.ALTERED,
            "counted-noun-changed",
            id="ships-are-not-shipping-containers",
        ),
        pytest.param(
            "Investigators arrested two men in Laval and Longueuil.",
            "Investigators identified two men allegedly linked to the importation, and on October 15 they arrested "
            "both men without incident.\n",
            Label.SUPPORTED,
            "supported",
            id="identified-two-men-and-arrested-both",
        ),
        pytest.param(
            "That compares with 1,845 kilograms during the same period in 2024.",
            "The CBSA seized 2,964 kilograms of cocaine, compared with 1,845 kilograms during the same period in "
            "2024.\n",
            Label.SUPPORTED,
            "supported",
            id="that-compares-with",
        ),
        pytest.param(
            "Nine people have become ill after eating the products.",
            "The company has received reports of seven illnesses after eating the products.\n",
            Label.ALTERED,
            "number-changed",
            id="people-who-became-ill-are-illnesses",
        ),
        pytest.param(
            "The spread was sold in 10-ounce jars.",
            "The spread was sold in 12-ounce glass jars.\n",
            Label.ALTERED,
            "number-changed",
            id="a-size-in-ounces",
        ),
        pytest.param(
            "Federal prosecutors have charged 46 suspected smugglers taken from the boats.",
            "Coast Guard crews detained 46 suspected smugglers taken from the boats during the patrol.\n",
            Label.ALTERED,
            "action-changed",
            id="charged-is-not-detained",
        ),
        pytest.param(
            "Brightseat sold tickets it did not hold to about 9,400 customers.",
            "Brightseat sold approximately 9,400 “speculative” tickets it did not hold to more than 3,100 consumers.\n",
            Label.ALTERED,
            "counted-noun-changed",
            id="customers-for-tickets",
        ),
        pytest.param(
            "Among drugs used last year, cocaine with 23 million came fourth.",
            "Among drugs used last year, cocaine with 25 million came fourth, the report said.\n",
            Label.ALTERED,
            "number-changed",
            id="a-bare-figure-after-the-same-words",
        ),
        pytest.param(
            "Women account for about a third of people who use drugs.",
            "Women made up 27 per cent of people who used drugs. Treatment services reached about one in three "
            "people with drug use disorders.\n",
            Label.ALTERED,
            "number-changed",
            id="whose-share-it-is",
        ),
        pytest.param(
            "In February, the franchisee had paid $219,460 in back wages and damages to 198 workers.",
            "The Department of Labor has recovered $219,460 in back wages and liquidated damages for 198 workers. "
            "The franchisee paid $109,730 in back wages and an equal amount in liquidated damages.\n",
            Label.SUPPORTED,
            "supported",
            id="wages-recovered-are-wages-paid",
        ),
        pytest.param(
            "NIBIN leads tied the guns to 12 shootings in Houston.",
            "NIBIN leads linked 12 of the recovered firearms to shootings in Houston.\n",
            Label.ALTERED,
            "counted-noun-changed",
            id="firearms-linked-to-shootings-count-firearms",
        ),
        pytest.param(
            "His cousin, Adrian Ybarra, 27, of Houston, kept a ledger.",
            "Charged are Hector Ybarra-Solis, 34, of Pasadena; his cousin Adrian Ybarra, 29, of Houston; "
            "and Dontae Whitlow, 27, of Houston.\n",
            Label.ALTERED,
            "number-changed",
            id="an-age-goes-with-its-name",
        ),
        pytest.param(
            "Investment scams cost victims about a third of all the money lost.",
            "Investment scams cost victims S$141.5 million, or 34.3% of the total amount lost.\n",
            Label.SUPPORTED,
            "supported",
            id="money-and-amount-say-nothing-of-what-is-measured",
        ),
        pytest.param(
            "Phishing scams accounted for 2,087 cases in the half-year.",
            "Investment scams rose to 2,087 cases, from 1,874.\n\nPhishing scams fell 18.1%, to 1,958 cases.\n",
            Label.ALTERED,
            "number-changed",
            id="another-kind-s-count",
        ),
        pytest.param(
            "After labour exploitation, sexual exploitation came next at 29 per cent of referrals.",
            "Labour exploitation was the most common (34% of referrals), followed by criminal exploitation (29%) "
            "and sexual exploitation (18%).\n",
            Label.ALTERED,
            "number-changed",
            id="shares-in-brackets-go-with-their-labels",
        ),
        pytest.param(
            "Of those referred, more than three-quarters were male.",
            "17,004 potential victims were referred. Most potential victims were male (77%).\n",
            Label.SUPPORTED,
            "supported",
            id="a-share-in-brackets-after-its-label",
        ),
        pytest.param(
            "The number of referrals was up 10 per cent on 2023.",
            "17,004 potential victims of modern slavery were referred to the NRM in 2024, up 10% on the previous "
            "year (15,458).\n",
            Label.SUPPORTED,
            "supported",
            id="the-same-rise-is-no-coincidence",
        ),
        pytest.param(
            "More than two in five of those referred were children.",
            "Children accounted for 41% of referrals (6,972), the statistics show.\n",
            Label.SUPPORTED,
            "supported",
            id="referred-and-referrals",
        ),
        pytest.param(
            "The total was down 8 percent year over year, according to the agency.",
            "Apprehensions totaled 56,530 in October, a decrease of 8 percent from September.\n",
            Label.ALTERED,
            "base-changed",
            id="year-over-year-for-month-over-month",
        ),
        pytest.param(
            "From July through September, reports showed a 20 percent increase over the same period in 2022.",
            "From July through September, the office received 20 percent more reports than in the previous three "
            "months.\n",
            Label.ALTERED,
            "base-changed",
            id="the-previous-three-months-for-last-year",
        ),
        pytest.param(
            "Goods worth about HK$310 million were seized in those cases, up about 35 per cent year on year.",
            "Goods worth about $310 million were seized, an increase of about 35 per cent compared with the same "
            "period last year.\n",
            Label.SUPPORTED,
            "supported",
            id="year-on-year-is-the-same-period-last-year",
        ),
        pytest.param(
            "Banks have reported $1.3 million in losses tied to the scheme.",
            "Financial institutions have reported losses of more than $1.3 million linked to the scheme.\n",
            Label.ALTERED,
            "qualifier-changed",
            id="a-participle-after-a-sum-is-not-what-it-is",
        ),
        pytest.param(
            "The goods had an estimated value of HK$46 million.",
            "The goods had an estimated market value of about $46 million.\n",
            Label.SUPPORTED,
            "supported",
            id="estimated-before-about",
        ),
        pytest.param(
            "Officers seized about 660 kilograms of methamphetamine.",
            "Officers seized 1,456 pounds of methamphetamine at the port.\n",
            Label.SUPPORTED,
            "supported",
            id="pounds-in-kilograms",
        ),
        pytest.param(
            "Officers seized about 850 kilograms of fentanyl.",
            "Officers seized 386 pounds of fentanyl at the port.\n",
            Label.ALTERED,
            "number-changed",
            id="pounds-times-two-point-two",
        ),
        pytest.param(
            "The drugs have a street value of $6.8 million.",
            "The seized drugs carry an estimated street value of $6.8 million.\n",
            Label.ALTERED,
            "hedge-changed",
            id="an-estimated-value",
        ),
        pytest.param(
            "He was jailed for more than six years.",
            "He was sentenced today to six years and eight months' imprisonment.\n",
            Label.SUPPORTED,
            "supported",
            id="a-term-in-two-units",
        ),
        pytest.param(
            "The defendants took £2.3 million from investors.",
            "Investors put a total of £2.3 million into the bonds. The defendants took the remaining £1.6 million.\n",
            Label.ALTERED,
            "number-changed",
            id="money-kept-is-not-money-put-in",
        ),
        pytest.param(
            "Officers arrested 23 people over the week.",
            "Officers at the port recorded 23 separate seizure incidents over the week.\n",
            Label.ALTERED,
            "counted-noun-changed",
            id="the-same-count-of-another-thing",
        ),
        pytest.param(
            "Officers seized the drugs over the seven days.",
            "Officers seized the drugs during a seven-day enforcement period.\n",
            Label.SUPPORTED,
            "supported",
            id="a-period-is-an-event",
        ),
        pytest.param(
            "More than a tonne of cocaine was seized at the port.",
            "Officers seized 1,120 kilograms of cocaine at the port.\n",
            Label.SUPPORTED,
            "supported",
            id="more-than-a-tonne",
        ),
        pytest.param(
            "HSI made 3,420 arrests tied to human trafficking.",
            "HSI made 3,860 arrests tied to human trafficking, up from 3,420 in fiscal year 2023.\n",
            Label.ALTERED,
            "number-changed",
            id="the-figure-a-source-compares-with-is-not-this-year-s",
        ),
        pytest.param(
            "A man in his 50s was arrested at the scene.",
            "A man aged in his 40s was arrested at the scene.\n",
            Label.ALTERED,
            "number-changed",
            id="an-age-s-decade",
        ),
        pytest.param(
            "The conspiracy affected $800 million in sales.",
            "The conspiracy affected more than $800 million in commerce.\n",
            Label.ALTERED,
            "qualifier-changed",
            id="sales-are-commerce",
        ),
        pytest.param(
            "Agencies reported an estimated 1.25 million violent crimes.",
            "Agencies reported an estimated 1,245,310 violent crimes during the year.\n",
            Label.SUPPORTED,
            "supported",
            id="an-estimate-of-an-estimate",
        ),
        pytest.param(
            "The murder rate was 6.5 per 100,000 inhabitants.",
            "The murder rate was 5.7 per 100,000 inhabitants, down from 6.5 per 100,000 in 2022.\n",
            Label.ALTERED,
            "number-changed",
            id="a-rate-and-the-rate-compared-with",
        ),
        pytest.param(
            "Police rescued 13 children during the operation.",
            "During the operation, 13 children were removed from harm.\n",
            Label.ALTERED,
            "action-changed",
            id="removed-from-harm-is-not-rescued",
        ),
        pytest.param(
            "It was an 18-day operation.",
            "The operation ran for more than three weeks, between 6 and 24 May 2025.\n",
            Label.ALTERED,
            "number-changed",
            id="a-duration-a-limit-allows-but-the-dates-rule-out",
        ),
    ],
)
def test_bounds_and_limits(sentence: str, release: str, label: Label, reason: str) -> None:
    verdict = _verdict(sentence, Kind.QUANTITY, release)
    assert (verdict.label, verdict.reason) == (label, reason), verdict.explanation


@pytest.mark.parametrize(
    ("sentence", "release", "label"),
    [
        pytest.param(
            "Joe Flacco had his best game of the season against the Rams.",
            "Flacco had his best game of the season in Week 3 against the Rams.\n",
            Label.SUPPORTED,
            id="the-surname-alone-names-the-person",
        ),
        pytest.param(
            "Trivikram Polytex manufactures polyester yarn at a plant in Bhiwandi.",
            "CBI registered a case against M/s Trivikram Polytex Pvt. Ltd., Mumbai, on a bank's complaint.\n\n"
            "The accused company is engaged in the manufacture of polyester yarn and has its plant at Bhiwandi.\n",
            Label.SUPPORTED,
            id="the-accused-company-named-before",
        ),
        pytest.param(
            "Agents arrested Pedro Hernandez at the border crossing.",
            "Agents arrested Pablo Hernandez at the border crossing.\n",
            Label.UNSOURCED,
            id="another-first-name-is-another-person",
        ),
    ],
)
def test_people_named_by_surname(sentence: str, release: str, label: Label) -> None:
    verdict = _verdict(sentence, Kind.STATEMENT, release)
    assert verdict.label is label, verdict.explanation


def _rounds(sentence: str) -> Verdict:
    this_year = Source.from_text(
        "Operation Lantern Watch nets 47 arrests\n\nRelease Date: June 6, 2024\n\n"
        "Agents arrested 47 suspected child predators during Operation Lantern Watch.\n\n"
        "The agency today released its annual report on the operation.\n\n"
        "The operation ran from May 1 through May 21, 2024.\n",
        url="https://www.ice.gov/news/lantern-watch-2024",
    )
    last_year = Source.from_text(
        "First Operation Lantern Watch\n\nRelease Date: June 1, 2023\n\n"
        "Agents arrested 39 suspected offenders. Several of the cases involved sextortion of minors.\n\n"
        "The agency today released its annual report on the operation, a 21-day operation.\n",
        url="https://www.ice.gov/news/lantern-watch-2023",
    )
    article = Article.from_text(
        f"Agents arrested 47 suspected child predators. {sentence}\n", published=date(2024, 6, 7)
    )
    report = check(article, [last_year, this_year], settings=Settings(discover=False))
    return next(v for v in report.verdicts if v.claim.sentence == sentence)


def test_only_last_years_release_says_it() -> None:
    """Said of this year's operation, a fact only last year's release gives is not sourced."""
    verdict = _rounds("Several of the cases involved sextortion of minors.")
    assert (verdict.label, verdict.reason) == (Label.UNSOURCED, "other-round-only"), verdict.explanation
    assert "2023-06-01" in verdict.explanation


def test_the_month_of_last_year_s_release_for_its_event() -> None:
    """ "Pleaded guilty last August": the event and month of last year's release make it the sentence's subject."""
    verdict = _rounds("The first suspect was arrested last June in Ohio.")
    assert verdict.label is Label.UNSOURCED, verdict.explanation  # no release gives that arrest
    this_year = Source.from_text(
        "Kestrel Bearing pleads guilty\n\nRelease Date: March 12, 2025\n\nKestrel Bearing pleaded guilty today.\n",
        url="https://www.justice.gov/kestrel",
    )
    last_year = Source.from_text(
        "Tamsworth Rail pleads guilty\n\nRelease Date: August 20, 2024\n\nTamsworth Rail pleaded guilty today and "
        "was sentenced to pay a $36 million criminal fine.\n",
        url="https://www.justice.gov/tamsworth",
    )
    article = Article.from_text(
        "Kestrel Bearing pleaded guilty on Wednesday. Tamsworth Rail pleaded guilty last August and was sentenced "
        "to pay a $36 million fine.\n",
        published=date(2025, 3, 13),
    )
    found = [(v.claim.text, v.label) for v in check(article, [this_year, last_year]).verdicts]
    assert ("pleaded guilty last August", Label.SUPPORTED) in found, found
    assert ("$36 million fine", Label.SUPPORTED) in found, found  # the sentence speaks of that release's month


def test_a_sentence_framed_by_the_month_of_an_earlier_release() -> None:
    """ "In November, …": the release of that month speaks to the sentence, before the story's own."""
    this_week = Source.from_text(
        "Drugs recovered\n\nPublished: 14 May 2025\n\nCannabis worth an estimated £520,000 was recovered.\n",
        url="https://www.scotland.police.uk/may",
    )
    november = Source.from_text(
        "Cannabis farm found\n\nPublished: 28 November 2024\n\nCannabis worth an estimated £350,000 was found.\n",
        url="https://www.scotland.police.uk/november",
    )
    article = Article.from_text(
        "Cannabis worth £520,000 was recovered this week. In November, cannabis worth an estimated £350,000 was "
        "found in Wishaw.\n",
        published=date(2025, 5, 16),
    )
    assert _figures(article, [this_week, november]) == [
        ("£520,000", Label.ALTERED),
        ("an estimated £350,000", Label.SUPPORTED),
    ]


def _figures(article: Article, sources: list[Source]) -> list[tuple[str, Label]]:
    """Each quantity claim's words and label, the article checked against these releases."""
    return [(v.claim.text, v.label) for v in check(article, sources).verdicts if v.claim.kind is Kind.QUANTITY]


def test_a_sentence_about_last_years_round_is_checked_against_its_release() -> None:
    this_year = Source.from_text(
        "Operation Lantern Watch 2024\n\nRelease Date: June 6, 2024\n\nAgencies in 52 countries took part.\n",
        url="https://www.ice.gov/news/lantern-watch-2024",
    )
    last_year = Source.from_text(
        "Operation Lantern Watch 2023\n\nRelease Date: June 1, 2023\n\nAgencies in 47 countries took part.\n",
        url="https://www.ice.gov/news/lantern-watch-2023",
    )
    article = Article.from_text(
        "Agencies in 52 countries took part this year. Last year's operation involved 47 countries.\n",
        published=date(2024, 6, 7),
    )
    assert _figures(article, [last_year, this_year]) == [
        ("52 countries", Label.SUPPORTED),
        ("47 countries", Label.SUPPORTED),
    ]


def test_a_date_that_opens_a_sentence_frames_it() -> None:
    """ "In November 2023, …": the sentence is about that seizure, and last year's release may bear it out."""
    this_year = Source.from_text(
        "Cannabis seized\n\nRelease Date: June 12, 2024\n\nGardaí seized 210kg of herbal cannabis at the port.\n",
        url="https://www.garda.ie/en/2024",
    )
    last_year = Source.from_text(
        "Cannabis seized\n\nRelease Date: November 22, 2023\n\nGardaí seized 168kg of herbal cannabis at the port on "
        "Tuesday 21 November 2023.\n",
        url="https://www.garda.ie/en/2023",
    )
    article = Article.from_text(
        "Gardaí seized 210kg of herbal cannabis at the port.\n\n"
        "In November 2023, gardaí seized 168kg of herbal cannabis at the same port.\n",
        published=date(2024, 6, 13),
    )
    verdicts = [v for v in check(article, [last_year, this_year]).verdicts if "168" in v.claim.sentence]
    assert [(v.claim.kind, v.label) for v in verdicts] == [
        (Kind.DATE, Label.SUPPORTED),
        (Kind.QUANTITY, Label.SUPPORTED),
    ]


def test_a_negation_in_a_clause_the_story_leaves_out() -> None:
    release = "The firms met to fix prices, and the companies that were not chosen submitted high bids.\n"
    verdict = _verdict("The firms met to fix prices, according to the plea agreement.", Kind.STATEMENT, release)
    assert verdict.label is Label.SUPPORTED, verdict.explanation


def test_no_fire_and_no_postcrash_fire_say_the_same() -> None:
    release = "The fuel tanks were breached, and there was no postcrash fire.\n"
    verdict = _verdict("Its fuel tanks were breached, but there was no fire after the crash.", Kind.STATEMENT, release)
    assert verdict.label is Label.SUPPORTED, verdict.explanation


def test_a_limit_in_some_countries() -> None:
    release = "In some countries, nitazenes have begun to replace heroin in local markets.\n"
    verdict = _verdict("Nitazenes have begun to replace heroin in local markets.", Kind.STATEMENT, release)
    assert (verdict.label, verdict.reason) == (Label.ALTERED, "qualifier-dropped"), verdict.explanation


def test_a_name_with_its_middle_initial_left_out() -> None:
    release = "This matter was handled by Assistant Attorney General Daniel K. Osei of the Bureau of Consumer Frauds.\n"
    sentence = "The case was handled by Assistant Attorney General Daniel Osei of the Bureau of Consumer Frauds."
    assert _verdict(sentence, Kind.STATEMENT, release).label is Label.SUPPORTED


def test_people_wanted_for_murder_were_wanted_for_murder() -> None:
    release = Source.from_text(
        "Operation Khuselani results\n\nRelease Date: August 9, 2023\n\nA total of 412 suspects were arrested. "
        "Among the suspects arrested, 64 were wanted for murder, 41 for attempted murder and 29 for rape.\n",
        url="https://www.saps.gov.za/khuselani",
    )
    article = Article.from_text(
        "Eastern Cape police arrested 412 suspects, among them 64 people wanted for murder, during a week-long "
        "crackdown that also took 37 firearms off the province's streets, the police said on Monday.\n",
        published=date(2023, 8, 10),
    )
    assert ("64 people", Label.SUPPORTED) in _figures(article, [release])


def test_a_negation_of_a_verb_the_story_does_not_use() -> None:
    release = "The company sold consumers repairs and software they did not need after its ads falsely warned them.\n"
    verdict = _verdict("The company sold consumers repairs and software after its ads falsely warned them.",
                       Kind.STATEMENT, release)  # fmt: skip
    assert verdict.label is Label.SUPPORTED, verdict.explanation
    said_the_other_way = _verdict("The company sold consumers repairs and software they needed.", Kind.STATEMENT,
                                  release)  # fmt: skip
    assert said_the_other_way.label is Label.ALTERED, said_the_other_way.explanation


def test_a_term_across_a_hyphen() -> None:
    release = "The group runs a double-extortion model against hospitals.\n"
    verdict = _verdict("The group practises what researchers call “double extortion.”", Kind.QUOTE, release)
    assert verdict.label is Label.SUPPORTED, verdict.explanation


def test_a_sentence_that_gives_the_day_a_release_came_out() -> None:
    """ "When police published half-way figures on 2 October, …": that day's release is the one meant."""
    final = Source.from_text(
        "Buy-back closes\n\nRelease Date: December 20, 2024\n\nOwners handed in more than 56,000 firearms.\n",
        url="https://www.police.govt.nz/news/closes",
    )
    half_way = Source.from_text(
        "Buy-back half-way\n\nRelease Date: October 2, 2024\n\nOwners have handed in 33,619 firearms so far.\n",
        url="https://www.police.govt.nz/news/half-way",
    )
    article = Article.from_text(
        "Owners handed in more than 56,000 firearms. When police published half-way figures on 2 October, owners had "
        "handed in 33,619 firearms.\n",
        published=date(2024, 12, 22),
    )
    assert _figures(article, [half_way, final]) == [
        ("more than 56,000 firearms", Label.SUPPORTED),
        ("33,619 firearms", Label.SUPPORTED),
    ]


def test_a_part_of_a_double_surname_misspelt() -> None:
    release = "“Identifying them is our priority,” said Inspector Sophie Marchand-Leduc of the RCMP.\n"
    sentence = "“Identifying them is our priority,” said Insp. Sophie Marchant-Leduc of the RCMP."
    verdict = _verdict(sentence, Kind.QUOTE, release, attribution=True)
    assert (verdict.label, [d.field for d in verdict.differences]) == (Label.ALTERED, ["name"]), verdict.explanation


def test_a_post_of_words_in_another_order() -> None:
    release = "“We moved fast,” said Anjali Mehra, vice president of quality assurance and food safety.\n"
    sentence = "“We moved fast,” said Anjali Mehra, vice president of food safety and quality assurance."
    verdict = _verdict(sentence, Kind.QUOTE, release, attribution=True)
    assert (verdict.label, [d.field for d in verdict.differences]) == (Label.ALTERED, ["title"]), verdict.explanation


@pytest.mark.parametrize(
    ("title", "label"),
    [
        pytest.param("assistant commissioner for boundary and ports", Label.SUPPORTED, id="the-post-in-its-order"),
        pytest.param("assistant commissioner for ports and boundary", Label.ALTERED, id="the-post-reversed"),
    ],
)
def test_a_post_in_brackets(title: str, label: Label) -> None:
    release = (
        "At a media session today, the Assistant Commissioner (Boundary and Ports) of Customs, Mr Leung Chi-wah, "
        "said, “This seizure shows that they will not succeed.”\n"
    )
    sentence = f"“This seizure shows that they will not succeed,” said Leung Chi-wah, {title}."
    verdict = _verdict(sentence, Kind.QUOTE, release, attribution=True)
    assert verdict.label is label, verdict.explanation


def test_a_person_named_with_a_title_in_front() -> None:
    release = "Minister of Police Hon Tessa Whitcombe thanked firearm owners for taking part.\n"
    verdict = _verdict(
        "Police Minister Tessa Whitcombe thanked firearm owners for taking part.", Kind.STATEMENT, release
    )
    assert verdict.label is Label.SUPPORTED, verdict.explanation


def test_the_release_s_publisher_is_named_by_it() -> None:
    release = Source.from_html(
        "<html><head><meta property='og:site_name' content='U.S. Customs and Border Protection'></head><body>"
        "<h1>Encounters fall</h1><p>Border Patrol apprehensions fell again at the southwest border in October.</p>"
        "</body></html>",
        url="https://www.cbp.gov/newsroom/x",
    )
    article = Article.from_text(
        "Border Patrol apprehensions fell again at the southwest border in October, CBP says.\n"
    )
    statements = [v for v in check(article, [release]).verdicts if v.claim.kind is Kind.STATEMENT]
    assert [v.label for v in statements] in ([], [Label.SUPPORTED]), [v.explanation for v in statements]


def test_since_a_year_against_since_another() -> None:
    release = "Apprehensions fell to the lowest monthly count since August 2020, officials said.\n"
    verdict = _verdict("Officials said it was the lowest monthly count since 2019.", Kind.STATEMENT, release)
    assert verdict.label is Label.ALTERED, verdict.explanation


def test_an_agency_by_its_initials() -> None:
    release = "The Federal Bureau of Investigation assisted the investigation.\n"
    verdict = _verdict("The FBI assisted the investigation, the agency said.", Kind.STATEMENT, release)
    assert verdict.label is Label.SUPPORTED, verdict.explanation


@pytest.mark.parametrize(
    ("said", "label"),
    [
        ("Immigration Minister Harriet Colebrook", Label.ALTERED),
        ("Const. Harriet Colebrook", Label.ALTERED),
        ("Harriet Colebrook, the Minister for Safeguarding", Label.SUPPORTED),
    ],
)
def test_a_minister_s_brief_and_a_rank(said: str, label: Label) -> None:
    release = "“Every referral is a person,” said Minister for Safeguarding Harriet Colebrook.\n"
    sentence = f"“Every referral is a person,” said {said}."
    verdict = _verdict(sentence, Kind.QUOTE, release, attribution=True)
    assert verdict.label is label, verdict.explanation


def test_limiting_words_where_the_roll_is_said() -> None:
    """A passage cited for one name of a roll ("… officers allegedly found …") lends it no limiter."""
    release = (
        "Four men were charged after Australian Border Force officers allegedly found cocaine.\n\n"
        "Investigators from the AFP, the Australian Border Force (ABF), the NSW Police Force and the NSW Crime "
        "Commission then began a joint investigation.\n"
    )
    sentence = "The AFP, the ABF, NSW Police Force and the NSW Crime Commission began a joint investigation."
    verdict = _verdict(sentence, Kind.STATEMENT, release)
    assert verdict.label is Label.SUPPORTED, verdict.explanation


def test_a_date_in_last_years_year_is_checked_against_this_years_release() -> None:
    """ "released in June 2023" names the year it claims; last year's "today released" does not bear it out."""
    verdict = _rounds("The annual report was released in June 2023.")
    assert verdict.label is Label.ALTERED, verdict.explanation
    assert "2024-06-06" in verdict.explanation


def test_a_duration_last_years_release_states_is_counted_from_this_years_dates() -> None:
    verdict = _rounds("Agents worked through a 21-day operation.")
    assert verdict.label is Label.SUPPORTED, verdict.explanation
    assert "May 1 through May 21" in verdict.evidence[0].passage


def test_a_sentence_about_last_year_may_cite_last_years_release() -> None:
    verdict = _rounds("In the previous year, several of the cases involved sextortion of minors.")
    assert verdict.label is Label.SUPPORTED, verdict.explanation


# A date claim against one release: the same event's window and day, years, and limits ("before", "after", "by").
DATES_AGAINST_ONE_RELEASE = [
    pytest.param(
        "The operation ran from 30 September to 7 October.",
        "Police forces took part in a week of action against county lines gangs.\n\n"
        "The intensification week ran from 30 September to 6 October 2023.\n",
        Label.ALTERED,
        id="the-same-window-one-day-longer",
    ),
    pytest.param(
        "The arrests came during raids on Tuesday, 21 May, when officers searched 132 homes and seized cash.",
        "The coordinated action day on 21 May 2023 resulted in 84 arrests.\n",
        Label.SUPPORTED,
        id="the-same-day-in-a-passage-little-like-the-sentence",
    ),
    pytest.param(
        "The sweep took place in August 2023.",
        "The sweep was conducted Aug. 7–18.\n",
        Label.SUPPORTED,
        id="a-month-holds-a-range",
    ),
    pytest.param(
        "Tobey Maguire was born in 1969.",
        "Tobey Maguire, born on June 27, 1969, is an actor.\n",
        Label.SUPPORTED,
        id="a-year-holds-its-days",
    ),
    pytest.param(
        "Jay Sekulow was born in 1956.",
        "Jay Alan Sekulow (born June 10, 1945) is an attorney.\n",
        Label.ALTERED,
        id="another-year-for-the-same-event",
    ),
    pytest.param(
        "Penguin Books was founded after 1932.",
        "Penguin Books was founded in 1930 by Allen Lane.\n",
        Label.ALTERED,
        id="after-a-later-year",
    ),
    pytest.param(
        "The band began work on its third album before 2017.",
        "The band began work on its third album in January 2016 in New York.\n",
        Label.SUPPORTED,
        id="before-holds-an-earlier-month",
    ),
    pytest.param(
        "Guilty Gear was first released in Japan before 1998.",
        "Guilty Gear was first released in Japan on May 14, 1998 for the PlayStation.\n",
        Label.ALTERED,
        id="before-the-year-it-came",
    ),
    pytest.param(
        "He must surrender by Jan. 6.",
        "He was sentenced today to 78 months in prison.\n",
        Label.UNSOURCED,
        id="a-limit-needs-a-like-passage",
    ),
    pytest.param(
        "The inquiry's final hearing took place in March 2019.",
        "The inquiry's final hearing took place on March 14, 2018, in Ottawa.\n",
        Label.ALTERED,
        id="the-same-month-a-year-off",
    ),
    pytest.param(
        "The inquiry's final hearing took place in March 2014.",
        "The inquiry's final hearing took place on March 14, 2018, in Ottawa.\n",
        Label.UNSOURCED,
        id="the-same-month-years-off-is-another-event",
    ),
    pytest.param(
        "His career began before 1970.",
        "His career began after 1975, the label says.\n",
        Label.ALTERED,
        id="before-and-after-apart",
    ),
    pytest.param(
        "His career began before 1980.",
        "His career began after 1975, the label says.\n",
        Label.UNSOURCED,
        id="before-and-after-overlapping",
    ),
    pytest.param(
        "The CBI carried out searches on August 12 at the firm's office.",
        "CBI conducted searches on 11.08.2025 at 11 locations. He will be produced today before the Court.\n",
        Label.ALTERED,
        id="a-day-first-dotted-date-for-the-same-event",
    ),
    pytest.param(
        "He was produced before a court on Tuesday, which remanded him in custody till August 18.",
        "He was arrested on 11.08.2025. He will be produced today before the Court of the Special Judge.\n",
        Label.UNSOURCED,
        id="the-end-of-a-remand-is-no-day-he-was-produced",
    ),
    pytest.param(
        "The European Commission on Tuesday fined four producers of baking enzymes.",
        "Commission fines four producers of baking enzymes\n\nRelease Date: August 8, 2023\n\nThe fine follows an "
        "investigation.\n",
        Label.SUPPORTED,
        id="the-day-of-the-release-that-announces-it",
    ),
    pytest.param(
        "Whitcombe was jailed for nine years at Wolverhampton Crown Court on Tuesday.",
        "The five were sentenced at Wolverhampton Crown Court on 8 August 2023 for conspiracy to cheat the revenue.\n",
        Label.SUPPORTED,
        id="jailed-on-the-day-of-sentencing",
    ),
    pytest.param(
        "A confiscation hearing has been set for 16 July at the same court.",
        "A confiscation hearing will take place at Wolverhampton Crown Court on 16 July 2024.\n",
        Label.SUPPORTED,
        id="a-hearing-set-for-a-day-ahead",
    ),
    pytest.param(
        "The agency said on Tuesday that drug use rose.",
        "Drug use rises, report finds\n\nRelease Date: August 9, 2023\n\nThe report released today finds that "
        "drug use rose.\n",
        Label.ALTERED,
        id="said-on-the-day-before-the-release",
    ),
    pytest.param(
        "The first phase, which ended in July 2023, led to arrests.",
        "The first phase ran from 6 May to 28 July 2023 and led to arrests.\n",
        Label.SUPPORTED,
        id="ended-in-the-month-a-range-ends",
    ),
    pytest.param(
        "Officers raided the two properties on May 12, 2025.",
        "Officers executed search warrants at two properties on Tuesday, 13 May, 2025.\n",
        Label.ALTERED,
        id="raids-are-the-day-warrants-were-executed",
    ),
    pytest.param(
        "Agents arrested 112 workers of a staffing company on May 9 in Fort Worth.",
        "Special agents executed federal criminal search warrants May 9 at five construction sites in Fort Worth.\n",
        Label.SUPPORTED,
        id="arrests-on-the-day-of-the-searches",
    ),
    pytest.param(
        "The Heung Yuen Wai control point, which opened in 2020, handled the lorry.",
        "Customs yesterday (June 13) seized 5,200 items at the Heung Yuen Wai Control Point.\n",
        Label.UNSOURCED,
        id="a-year-is-no-year-of-another-event-s-day",
    ),
]


@pytest.mark.parametrize(("sentence", "release", "label"), DATES_AGAINST_ONE_RELEASE)
def test_dates_against_one_release(sentence: str, release: str, label: Label) -> None:
    verdict = _verdict(sentence, Kind.DATE, release)
    assert verdict.label is label, verdict.explanation


# What a figure counts must agree with what the source's figure counts; the fields that differ.
COUNTED_THINGS = [
    pytest.param(
        "The children ranged in age from 10 to 17.",
        "The victims ranged in age from 11 to 17.\n",
        Label.ALTERED,
        ["value"],
        id="a-range-is-matched-whole",
    ),
    pytest.param(
        "Agents arrested more than a dozen people in Colorado.",
        "In Colorado, agents arrested 12 subjects. More than 130 subjects were arrested nationwide.\n",
        Label.ALTERED,
        ["qualifier"],
        id="a-bound-far-below-a-figure-is-another-fact",
    ),
    pytest.param(
        "Agents arrested 31 suspected traffickers.",
        "Agents arrested 31 people on charges including custodial interference.\n",
        Label.ALTERED,
        ["noun"],
        id="people-narrowed-to-traffickers",
    ),
    pytest.param(
        "Deputies recovered 225 missing children.",
        "Marshals Service Finds 225 Missing Children\n\nDeputies recovered 169 children and located 56 others.\n",
        Label.ALTERED,
        ["action"],
        id="found-is-not-recovered",
    ),
    pytest.param(
        "Deputies found 225 missing children.",
        "Marshals Service Finds 225 Missing Children\n\nDeputies recovered 169 children and located 56 others.\n",
        Label.SUPPORTED,
        [],
        id="found-for-found",
    ),
    pytest.param(
        "More than 31,000 children were reported missing.",
        "Police entered 31,402 reports of missing children into the database.\n",
        Label.ALTERED,
        ["noun"],
        id="reports-of-children-are-not-children",
    ),
    pytest.param(
        "Police laid 289 charges.",
        "Police services charged 71 people with 289 offences.\n",
        Label.SUPPORTED,
        [],
        id="charges-are-offences",
    ),
    pytest.param(
        "Investigators reviewed more than 1,000 hours of video during the operation.",
        "The month-long enforcement surge ran from April 29 to May 31.\n",
        Label.UNSOURCED,
        [],
        id="hours-of-footage-are-no-operations-length",
    ),
    pytest.param(
        "Neighbours said trucks had been coming and going from the property for about two years.",
        "Three people were charged at the end of a 24-month investigation into the lab.\n",
        Label.UNSOURCED,
        [],
        id="a-bare-duration-in-an-unlike-sentence",
    ),
    pytest.param(
        "Several defendants are believed to belong to a Phoenix street gang, according to an official who was "
        "not authorized to speak publicly about the case.",
        "The department charged 47 people with drug offences.\n\nNine defendants remain fugitives.\n",
        Label.UNSOURCED,
        [],
        id="a-vague-amount-in-an-unlike-passage",
    ),
    pytest.param(
        "Europol said the taskforce found 118 abused children.",
        "Victim Identification Taskforce: new leads on 118 children\n\n"
        "The taskforce's work led to the potential identification of 118 children.\n",
        Label.ALTERED,
        ["hedge"],
        id="the-hedged-saying-beats-the-headline",
    ),
    pytest.param(
        "The clinic collected $4.2 million from insurers.",
        "Clinic Owner Sentenced in $4.2 Million Billing Scheme\n\n"
        "The clinic submitted more than $4.2 million in false claims. Insurers paid about $2.6 million.\n",
        Label.ALTERED,
        ["value"],
        id="money-got-is-not-money-asked-for",
    ),
    pytest.param(
        "Insurers paid about $2.6 million to the clinic.",
        "The clinic submitted more than $4.2 million in false claims. Insurers paid about $2.6 million.\n",
        Label.SUPPORTED,
        [],
        id="money-paid-is-money-paid",
    ),
]


@pytest.mark.parametrize(("sentence", "release", "label", "fields"), COUNTED_THINGS)
def test_what_is_counted_must_agree(sentence: str, release: str, label: Label, fields: list[str]) -> None:
    verdict = _verdict(sentence, Kind.QUANTITY, release)
    assert verdict.label is label, verdict.explanation
    assert [d.field for d in verdict.differences] == fields


@pytest.mark.parametrize(
    ("sentence", "label", "source_words"),
    [
        ("Austria made the most arrests, 11, followed by Germany with nine.", Label.ALTERED, "Germany (8)"),
        ("Austria made the most arrests, 11, followed by Germany with eight.", Label.SUPPORTED, "Germany (8)"),
    ],
)
def test_a_figure_listed_for_a_place(sentence: str, label: Label, source_words: str) -> None:
    """ "Arrests were made in Austria (11), Germany (8)": each figure is its place's, not any that fits."""
    release = "Arrests were made in Austria (11), Bulgaria (6), Germany (8), Hungary (4) and Serbia (9).\n"
    verdict = next(
        v
        for v in check(Article.from_text(sentence + "\n"), [Source.from_text(release)]).verdicts
        if v.claim.text in {"nine", "eight"}
    )
    assert verdict.label is label, verdict.explanation
    assert f'source says "{source_words}"' in verdict.explanation


def test_if_convicted_is_not_a_conviction() -> None:
    """DOJ boilerplate ("If convicted, Haskins faces up to 20 years") says nothing of a prior conviction."""
    release = (
        "Haskins was charged with three counts of bank robbery.\n\n"
        "If convicted, Haskins faces up to 20 years in federal prison on each count.\n"
    )
    sentence = "Court records show Haskins has a prior conviction for robbery in Pottawattamie County."
    verdict = _verdict(sentence, Kind.STATEMENT, release)
    assert verdict.label is Label.UNSOURCED, verdict.explanation


def test_a_place_the_release_is_about_need_not_be_in_the_passage() -> None:
    """The passage says it all but "Ontario", which the release names elsewhere; its limiter still counts."""
    release = (
        "Ontario police charge 71 people\n\nPolice services across Ontario charged 71 people.\n\n"
        "In some cases, investigators found children who were being abused at the time and removed them from harm.\n"
    )
    sentence = "In Ontario, investigators found children who were being abused at the time and removed them from harm."
    verdict = _verdict(sentence, Kind.STATEMENT, release)
    assert verdict.label is Label.ALTERED, verdict.explanation
    assert [(d.field, d.source) for d in verdict.differences] == [("qualifier", "in some cases")]


def test_a_place_a_list_leaves_out() -> None:
    release = "Arrests were made in Germany (9), Spain (6), Cyprus (5) and Albania (3).\n"
    verdicts = [
        v for v in check(Article.from_text("Arrests were made in Germany (9), Spain (7) and Poland (2).\n"),
                         [Source.from_text(release, url="https://www.eurojust.europa.eu/news/x")]).verdicts
        if v.claim.kind is Kind.QUANTITY
    ]  # fmt: skip
    assert [(v.claim.text, v.label, v.reason) for v in verdicts] == [
        ("9", Label.SUPPORTED, "supported"),
        ("7", Label.ALTERED, "number-changed"),
        ("2", Label.ALTERED, "entity-changed"),
    ]


def test_the_place_a_release_is_datelined() -> None:
    release = "Call centres shut\n\nTHE HAGUE – Eurojust coordinated the action day against the call centres.\n"
    verdict = _verdict("Eurojust coordinated the action day from The Hague.", Kind.STATEMENT, release)
    assert verdict.label is Label.SUPPORTED, verdict.explanation


def test_the_step_of_a_case_its_date_marks() -> None:
    release = (
        "Three jailed\n\nThey were sentenced today (14 March 2024).\n\n"
        "The defendants were convicted of conspiracy to defraud on 8 September 2023 following a trial.\n"
    )
    article = Article.from_text(
        "The defendants were found guilty of conspiracy to defraud on 14 March 2024 following a trial.\n",
        published=date(2024, 3, 15),
    )
    source = Source.from_text(release, url="https://www.cps.gov.uk/news/x")
    (verdict,) = [v for v in check(article, [source]).verdicts if v.claim.kind is Kind.DATE]
    assert verdict.label is Label.ALTERED, verdict.explanation
    assert "2023-09-08" in verdict.explanation


@pytest.mark.parametrize(
    ("elsewhere", "label"),
    [
        pytest.param("Harbour Watch, the reporting line, will be closed.", Label.SUPPORTED,
                     id="the-other-clause-in-another-passage"),
        pytest.param("Harbour Watch has a staff of forty.", Label.UNSOURCED, id="a-mere-mention-is-not-the-clause"),
    ],
)  # fmt: skip
def test_a_sentence_of_two_clauses_across_two_passages(elsewhere: str, label: Label) -> None:
    release = (
        f"Plan to tackle scams\n\n{elsewhere}\n\n"
        "The government will also ban cold calls selling pension and insurance products to older savers.\n"
    )
    sentence = (
        "Harbour Watch, the reporting line, will be closed, and cold calls selling pension and insurance products "
        "to older savers will be banned."
    )
    verdict = _verdict(sentence, Kind.STATEMENT, release)
    assert verdict.label is label, verdict.explanation
    assert len(verdict.evidence) == (2 if label is Label.SUPPORTED else 0)


ROLL_RELEASE = (
    "Police services charge 71 people in provincial investigation\n\n"
    "The following police services took part:\n\n"
    "Hamilton Police Service\n\nOttawa Police Service\n\nPeel Regional Police\n\nToronto Police Service\n\n"
    "York Regional Police\n"
)


@pytest.mark.parametrize(
    ("sentence", "label", "missing"),
    [
        pytest.param(
            "Participating forces included the Toronto Police Service, the Ottawa Police Service, York Regional "
            "Police, Peel Regional Police and the Hamilton Police Service.",
            Label.SUPPORTED,
            [],
            id="all-listed",
        ),
        pytest.param(
            "Participating forces included the Toronto Police Service, the Ottawa Police Service, York Regional "
            "Police, Peel Regional Police and the Thunder Bay Police Service.",
            Label.ALTERED,
            ["Thunder Bay Police Service"],
            id="one-not-listed",
        ),
    ],
)
def test_a_roll_of_names_against_a_release_s_list(sentence: str, label: Label, missing: list[str]) -> None:
    verdict = _verdict(sentence, Kind.STATEMENT, ROLL_RELEASE)
    assert verdict.label is label, verdict.explanation
    assert [d.article for d in verdict.differences] == missing


@pytest.mark.parametrize(
    ("sentence", "release", "label", "differences"),
    [
        pytest.param(
            "Ray J is the brother of Brandy Norwood.",
            "Born in McComb, he is the brother of recording artist and actress Colleen Nolan.\n",
            Label.ALTERED,
            [("Ray J", None), ("Brandy Norwood", "Colleen Nolan")],
            id="another-name-in-the-same-place",
        ),
        pytest.param(
            "Jake Bugg's uncle Mark introduced him to the guitar.",
            "He started playing guitar after being introduced to the instrument by his uncle George.\n",
            Label.ALTERED,
            [("Jake Bugg", None), ("Mark", "George")],
            id="uncle-mark-for-uncle-george",
        ),
        pytest.param(
            "Bangerz is the fourth studio album by Miley Cyrus.",
            "Bangerz is the third studio album by American singer Miley Cyrus.\n",
            Label.ALTERED,
            [("fourth", "third")],
            id="another-ordinal",
        ),
        pytest.param(
            "Rui Patrício was born in Regueira de Pontes.",
            "Born in Regueira de Pontes, Leiria, Patrício played as a striker at a young age.\n",
            Label.SUPPORTED,
            [],
            id="a-comma-parts-a-place-from-the-surname",
        ),
    ],
)
def test_what_a_sentence_says_in_another_name(
    sentence: str, release: str, label: Label, differences: list[tuple[str, str | None]]
) -> None:
    verdict = _verdict(sentence, Kind.STATEMENT, release)
    assert verdict.label is label, verdict.explanation
    assert [(d.article, d.source) for d in verdict.differences] == differences


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("The RCMP said it was the largest seizure of firearms in British Columbia.", Label.UNSOURCED),
        ("The RCMP said it seized firearms in British Columbia.", Label.SUPPORTED),
    ],
)
def test_a_record_claim_needs_a_source_that_makes_it(sentence: str, label: Label) -> None:
    release = "The RCMP seized 27 firearms in British Columbia, 16 of them made on 3D printers.\n"
    verdict = _verdict(sentence, Kind.STATEMENT, release)
    assert verdict.label is label, verdict.explanation


def test_a_name_written_with_a_comma_for_a_possessive() -> None:
    """ "the State Comptroller's Medicaid Fraud Division" is the release's "State Comptroller, Medicaid Fraud
    Division"; crediting agents "with the investigation" says they investigated."""
    release = (
        "The U.S. Attorney credited special agents of HHS-OIG and special agents of the FBI with the investigation.\n\n"
        "He also thanked the New Jersey Office of the State Comptroller, Medicaid Fraud Division, for its help.\n"
    )
    sentence = (
        "The FBI and the HHS inspector general's office investigated the case, with help from the New Jersey "
        "Office of the State Comptroller's Medicaid Fraud Division."
    )
    verdict = _verdict(sentence, Kind.STATEMENT, release)
    assert verdict.label is Label.SUPPORTED, verdict.explanation


def test_a_partner_the_release_does_not_name() -> None:
    """ "Germany's Federal Criminal Police Office" is the release's "German Federal Criminal Police Office"; Europol
    is not among the partners it names."""
    release = (
        "In coordination with the German Federal Criminal Police Office (BKA), the Netherlands National Police and "
        "the United Kingdom's National Crime Agency, the FBI seized control of the servers.\n"
    )
    sentence = (
        "The FBI, working with Europol, Germany's Federal Criminal Police Office and Britain's National Crime "
        "Agency, also seized the servers."
    )
    verdict = _verdict(sentence, Kind.STATEMENT, release)
    assert verdict.label is Label.ALTERED, verdict.explanation
    assert [(d.field, d.article) for d in verdict.differences] == [("entity", "Europol")]
