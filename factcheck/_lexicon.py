"""Private word lists the extractors and comparators share. Data, not logic."""

from __future__ import annotations

# Words before a number that bound it, mapped to their canonical form.
QUALIFIERS: dict[str, str] = {
    "more than": "more than",
    "over": "more than",
    "just over": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "higher than": "more than",
    "greater than": "more than",
    "above": "more than",
    "surpassed": "more than",
    "older than": "more than",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx": "about",
    "approx .": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated at": "about",
    "estimated": "about",
    "up to": "up to",
    "as many as": "up to",
    "at most": "up to",
    "no more than": "up to",
    "fewer than": "fewer than",
    "less than": "fewer than",
    "under": "fewer than",
    "lower than": "fewer than",
    "below": "fewer than",
    "younger than": "fewer than",
}

# Words that make a figure a change, and which way: "rose 9.5%", "down 18.1 per cent", "a 12% decrease".
CHANGE_UP = frozenset(
    """rose rise rises risen rising up climbed climb climbs grew grow grows grown jumped jump jumps surged surge
    soared soar increased increase increases increasing higher gained gain""".split()
)
CHANGE_DOWN = frozenset(
    """fell fall falls fallen falling down dropped drop drops declined decline declines decreased decrease
    decreases decreasing lower shrank shrunk slid plunged plunge dipped dip""".split()
)

# Words that make a figure tentative. A source's hedge missing from a story is a finding.
HEDGES = frozenset(
    {
        "probable",
        "possible",
        "potential",
        "alleged",
        "suspected",
        "presumed",
        "likely",
        "estimated",
        "apparent",
        "preliminary",
        "unconfirmed",
        "potentially",
        "possibly",
        "probably",
        "allegedly",
        "reportedly",
        "purportedly",
    }
)

# Phrases that limit a statement; dropping one overstates what the source says.
LIMITERS = (
    "in some cases",
    "in some instances",
    "in certain cases",
    "in a number of cases",
    "in many cases",
    "in most cases",
    "in some countries",
    "in some areas",
    "in some regions",
    "in some places",
    "some of",
    "most of",
    "many of",
    "partially",
    "partly",
    "reportedly",
    "allegedly",
    "possibly",
    "probably",
    "may have",
    "might have",
)

# Vague amounts as the intervals a reader takes them to mean.
VAGUE: dict[str, tuple[float, float]] = {
    "several": (3, 9),
    "a few": (2, 5),
    "a couple of": (2, 2),
    "a handful of": (2, 6),
    "dozens": (24, 99),
    "dozens of": (24, 99),
    "scores of": (40, 199),
    "hundreds": (200, 999),
    "hundreds of": (200, 999),
    "thousands": (2_000, 9_999),
    "thousands of": (2_000, 9_999),
    "a dozen": (12, 12),
}

# Fractions of something, as the percentage they stand for.
FRACTIONS: dict[str, float] = {
    "half": 50.0,
    "one half": 50.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "one-third": 100 / 3,
    "two-thirds": 200 / 3,
    "two thirds": 200 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "one-quarter": 25.0,
    "three-quarters": 75.0,
    "three quarters": 75.0,
    "a fifth": 20.0,
    "one-fifth": 20.0,
}

TIME_UNITS: dict[str, float] = {
    "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 30.44, "year": 365.25
}  # fmt: skip

# Words after which a number is a label, not an amount ("Section 2252", "No. 4").
LABELS = frozenset(
    """section sec no nos number case docket title chapter article rule route highway
    interstate room suite unit page paragraph count flight apt apartment box exit badge code codes zip""".split()
)

# Words that end a counted noun phrase.
NP_STOP = frozenset(
    """a an the and or but nor that who whom whose which what where when while than as
    is are was were be been being am have has had having do does did will would shall
    should can could may might must in on at by for from with without to into onto
    across during after before since until within among between through throughout
    over under about against toward towards per via including included includes like
    such who's it its their his her they them he she we us our you your this these
    those there here also already still now then so if not no than because though although despite unless
    took take takes made make makes gave give gives got get gets went go goes came come
    comes said say says told tell tells found find finds saw see sees held hold holds
    left leave leaves ran run runs began begin begins sent send sends kept keep keeps
    brought bring brings remain remains face faces need needs work works live lives
    received receive receives lost lose loses won win wins paid pay pays known called named dubbed
    seen taken given done carried being worth""".split()
)

# Groups of counted nouns that speak of the same kind of thing but are not the same word.
NOUN_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"child", "minor", "kid", "youth", "boy", "girl", "infant", "toddler", "teen", "teenager",
               "victim", "survivor", "person", "individual", "people"}),
    frozenset({"offender", "suspect", "subject", "abuser", "perpetrator", "predator", "criminal", "defendant",
               "trafficker", "fugitive"}),
    frozenset({"investigation", "operation", "probe", "surge", "sweep", "effort", "campaign",
               "crackdown", "initiative", "inquiry", "action", "taskforce", "period", "blitz", "scheme",
               "programme", "program", "amnesty"}),
    frozenset({"country", "nation", "jurisdiction", "state"}),
    frozenset({"image", "video", "file", "photo", "photograph", "material", "content", "footage", "recording"}),
    frozenset({"cash", "currency", "money", "fund", "bill", "banknote"}),
)  # fmt: skip

EVENT_NOUNS = NOUN_GROUPS[2]

# Words for the same thing: a count of one is a count of the other.
SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"home", "house", "residence", "property", "premise", "address", "dwelling"}),
    frozenset({"gun", "firearm", "weapon", "handgun", "pistol", "rifle"}),
    frozenset({"person", "people", "individual"}),
    frozenset({"child", "minor", "kid"}),
    frozenset({"agency", "organisation", "organization", "partner"}),
    frozenset({"arrest", "apprehension"}),
    frozenset({"suspect", "subject"}),
    frozenset({"charge", "offence", "offense", "count"}),
    frozenset({"kilogram", "kilo", "kg"}),
    frozenset({"global", "globally", "worldwide", "international", "internationally"}),
    frozenset({"commerce", "sale", "sales", "revenue", "turnover"}),
    frozenset({"maker", "producer", "manufacturer"}),
)

# Dates: the event words around them, and the end of a range they mark.
DATE_RELATIONS: dict[str, str] = {
    "began": "start",
    "begin": "start",
    "begun": "start",
    "started": "start",
    "start": "start",
    "launched": "start",
    "opened": "start",
    "kicked": "start",
    "ended": "end",
    "end": "end",
    "concluded": "end",
    "completed": "end",
    "finished": "end",
    "closed": "end",
    "wrapped": "end",
    # Nouns of an event, as releases date them: "conducted searches on 11.08.2025", "the arrest on Monday".
    "searches": "search",
    "search": "search",
    "raids": "search",
    "raid": "search",
    "raided": "search",
    "warrants": "search",  # "executed search warrants on Tuesday"
    "warrant": "search",
    "arrests": "arrest",
    "arrest": "arrest",
    "sentencing": "sentence",
    "jailed": "sentence",  # "jailed … on Tuesday" is the day of sentencing
    "imprisoned": "sentence",
}

# Verbs that date an announcement ("the FBI said Friday"): the release's own date is their evidence.
SAYING = frozenset({"said", "says", "say", "announced", "announces", "reported", "released", "confirmed", "revealed",
                    "stated", "disclosed", "unveiled", "published"})  # fmt: skip

# Actions a statement can claim an organisation took: canonical -> surface forms.
# "lead" has no plain "lead(s)": in releases that word is a tip, not leadership.
ACTIONS: dict[str, tuple[str, ...]] = {
    "lead": ("led", "leading", "spearheaded", "spearheading"),
    "arrest": ("arrest", "arrests", "arrested", "arresting", "apprehended"),
    "charge": ("charged", "charging", "indicted", "indictment", "indictments"),
    "rescue": ("rescue", "rescued", "rescues", "rescuing"),
    "identify": ("identified", "identifying", "identification", "identifications"),
    "locate": ("located", "locating", "locates", "locate"),
    "recover": ("recovered", "recovering", "recovers", "recovery", "recover"),
    "seize": ("seized", "seizing", "seizure", "seizures"),
    "sentence": ("sentenced", "sentencing"),
    "convict": ("convicted", "conviction", "convictions"),
    "extradite": ("extradited", "extradition"),
    "dismantle": ("dismantled", "dismantling"),
    "launch": ("launched", "launching"),
    "complete": ("completed", "concluded", "wrapped"),
    "partner": ("partnered", "collaborated", "collaboration", "cooperated", "cooperation"),
    "announce": ("announced", "announcing", "announcement"),
    "prosecute": ("prosecuted", "prosecuting", "prosecution", "prosecutes"),
    "investigate": ("investigated", "investigating", "investigates", "investigation"),
    "coordinate": ("coordinated", "coordinating", "organised", "organized", "organising", "organizing"),
    "participate": (
        "took part",
        "take part",
        "taking part",
        "participated",
        "participating",
        "joined",
        "assisted",
        "worked with",
        "working with",
        "supported",
    ),
    "plead": ("pleaded guilty", "pled guilty", "pleads guilty"),
    "renew": ("renewed", "renewing", "renews"),
}
ACTION_OF: dict[str, str] = {
    form: canonical for canonical, forms in ACTIONS.items() for form in forms if " " not in form
}
# What a count can be the result of: those actions, and "found", which covers "recovered" and "located".
# Money asked for, money paid in, money kept: "submitted $11.6 million in claims" is not "collected $11.6 million",
# and the "£2.3 million" investors put in is not the "£1.6 million" the defendants took.
MONEY_ACTIONS: tuple[dict[str, str], ...] = (
    {
        "submit": "submitted",
        "bill": "billed",
        "claim": "claimed",
        "seek": "sought",
        "request": "requested",
        "demand": "demanded",
    },
    {
        "pay": "paid",
        "receive": "received",
        "collect": "collected",
        "obtain": "obtained",
        "net": "netted",
        "invest": "invested",
        "put": "put",
        "recover": "recovered",  # "the department recovered $219,460 in back wages": what the employer paid
    },
    {
        "take": "took",
        "keep": "kept",
        "pocket": "pocketed",
        "steal": "stole",
        "embezzle": "embezzled",
        "siphon": "siphoned",
        "divert": "diverted",
    },
)
# "4,800 people died" counts deaths; "watched 122 million times" counts views.
COUNT_ACTION_OF: dict[str, str] = ACTION_OF | {
    form: canonical
    for canonical, forms in {
        "find": ("found", "finds", "find"),
        "die": ("died", "dies", "death", "deaths"),
        "view": ("viewed", "watched", "view", "views"),
        "search": ("searched", "search", "searches"),
        "remove": ("removed",),  # "13 children removed from harm": not "rescued"
        **{verb: (form,) for verbs in MONEY_ACTIONS for verb, form in verbs.items()},
    }.items()
    for form in forms
}

# Words that say the opposite of each other: one in a story for the other in a source is a finding.
ANTONYMS: tuple[tuple[str, str], ...] = (
    ("increase", "decrease"), ("increase", "decline"), ("rise", "fall"), ("rose", "fell"), ("more", "less"),
    ("more", "fewer"), ("higher", "lower"), ("up", "down"), ("before", "after"), ("won", "lost"), ("win", "lose"),
    ("first", "last"), ("largest", "smallest"), ("most", "least"), ("gain", "loss"), ("open", "close"),
    ("acquitted", "convicted"), ("guilty", "innocent"), ("above", "below"), ("male", "female"), ("older", "younger"),
    ("early", "late"), ("earlier", "later"), ("positive", "negative"), ("allowed", "banned"), ("start", "end"),
)  # fmt: skip
NEGATIONS = frozenset({"not", "no", "never", "none", "neither", "nor", "nobody", "nothing", "without", "n't"})

# Words that carry no fact of their own when comparing what a sentence says.
FILLER = NP_STOP | frozenset(
    """said says say according also just more most very much many some any all each other another one two
    three four five six seven eight nine ten new including include includes""".split()
)

# Words that make a capitalised run a title rather than a name ("Executive Associate Director").
TITLE_WORDS = frozenset(
    """director deputy assistant associate executive acting special agent chief secretary
    attorney general commissioner minister officer spokesperson spokesman spokeswoman
    superintendent inspector sergeant constable sheriff president vice chair chairman
    chairwoman head administrator coordinator prosecutor judge detective captain lieutenant
    commander marshal governor senator mayor premier manager supervisor analyst counsel
    principal senior charge member corporal""".split()
)

# Abbreviated rank words, as releases write them ("Supt.", "Insp.").
TITLE_ABBREVIATIONS = {
    "supt": "superintendent", "insp": "inspector", "det": "detective", "sgt": "sergeant", "cst": "constable",
    "const": "constable", "asst": "assistant", "dep": "deputy", "dir": "director", "gen": "general",
    "atty": "attorney", "lt": "lieutenant", "capt": "captain", "cmdr": "commander", "comm": "commissioner",
    "exec": "executive", "assoc": "associate", "supv": "supervisory", "sa": "special agent",
    "sac": "special agent in charge", "ag": "attorney general", "cpl": "corporal",
}  # fmt: skip

# Capitalised words that start sentences or name times, not entities.
NOT_ENTITIES = frozenset(
    """the a an in on at by for from with to and or but this that these those it its he she
    they we i you our their his her anyone everyone officials police investigators
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday last next during after before while when where since according
    both all some many most other another each one two three no""".split()
)

ORG_WORDS = frozenset(
    """department agency office bureau service services investigations police ministry unit
    commission council court centre center coalition task force division administration
    institute authority command patrol guard marshals children protection enforcement security customs
    immigration safety foundation association alliance network""".split()
)

# Spellings of the same place or body.
ALIASES: dict[str, str] = {
    "u.s.": "united states",
    "us": "united states",
    "usa": "united states",
    "u.s.a.": "united states",
    "america": "united states",
    "the united states": "united states",
    "u.k.": "united kingdom",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    # agencies a story names by their initials where a release spells them out (or the other way round)
    "fbi": "federal bureau of investigation",
    "dea": "drug enforcement administration",
    "hsi": "homeland security investigations",
    "ice": "immigration and customs enforcement",
    "cbp": "customs and border protection",
    "sec": "securities and exchange commission",
    "irs": "internal revenue service",
    "rcmp": "royal canadian mounted police",
    "opp": "ontario provincial police",
    "nca": "national crime agency",
    "afp": "australian federal police",
}

# Whose dollars, by the letters written before "$" or the code: "NZ$30 billion", "A$ 5 million", "US$3 million".
DOLLAR_PREFIXES = {
    "US": "usd",
    "NZ": "nzd",
    "A": "aud",
    "AU": "aud",
    "HK": "hkd",
    "NT": "twd",
    "S": "sgd",
    "C": "cad",
    "CA": "cad",
}
# "$" alone is a dollar of no stated country: a Canadian release's "$3.1 million" is a story's "C$3.1 million".
DOLLARS = frozenset({"dollar", *DOLLAR_PREFIXES.values()})
MONEY = frozenset({"gbp", "eur", "inr", "zar", *DOLLARS})
# How an explanation names each currency.
CURRENCY_NAMES = {
    "dollar": "dollars", "usd": "US dollars", "nzd": "New Zealand dollars", "aud": "Australian dollars",
    "hkd": "Hong Kong dollars", "twd": "New Taiwan dollars", "sgd": "Singapore dollars", "cad": "Canadian dollars",
    "gbp": "pounds sterling", "eur": "euros", "inr": "rupees", "zar": "rand",
}  # fmt: skip
