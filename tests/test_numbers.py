"""Numbers: a table of news-style cases, each asserting span, value, kind, qualifier and object,
the seeds' numbers in full, and property tests for round trips."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wirescan

EX = wirescan.Extractor(wirescan.Gazetteer.from_records([]))
EX_ALL = wirescan.Extractor(wirescan.Gazetteer.from_records([]), include_non_counts=True)

# (text, number text, value, kind, approx, object). The first number in the text is checked.
POSITIVE = [
    # digits, separators, decimals
    ("North Korea has sent 1,500 soldiers to Russia", "1,500", 1500, "cardinal", None, "soldiers"),
    ("The ministry counted 12,000 troops.", "12,000", 12000, "cardinal", None, "troops"),
    ("at least 250 people were killed", "250", 250, "cardinal", "at least", "people"),
    ("a crowd of 2.5 thousand protesters", "2.5 thousand", 2500, "cardinal", None, "protesters"),
    ("It fired 17 missiles overnight.", "17", 17, "cardinal", None, "missiles"),
    ("Officials said 1,234,567 votes were cast", "1,234,567", 1234567, "cardinal", None, "votes"),
    ("Police detained 300 demonstrators", "300", 300, "cardinal", None, "demonstrators"),
    ("The army lost 45 tanks in a week", "45", 45, "cardinal", None, "tanks"),
    ("a 3.7 magnitude quake", "3.7", 3.7, "cardinal", None, "magnitude quake"),
    ("They recovered 0.5 tonnes of cocaine", "0.5 tonnes", 0.5, "measure", None, "cocaine"),
    # word numbers
    ("seven Russian ships", "seven", 7, "cardinal", None, "Russian ships"),
    ("two units of North Korean soldiers", "two", 2, "cardinal", None, "units"),
    ("three pictures were released", "three", 3, "cardinal", None, "pictures"),
    (
        "twenty-one thousand five hundred refugees",
        "twenty-one thousand five hundred",
        21500,
        "cardinal",
        None,
        "refugees",
    ),
    ("nineteen journalists were jailed", "nineteen", 19, "cardinal", None, "journalists"),
    ("ninety-nine delegates voted", "ninety-nine", 99, "cardinal", None, "delegates"),
    ("one hundred and five hostages", "one hundred and five", 105, "cardinal", None, "hostages"),
    (
        "five hundred thousand barrels a day",
        "five hundred thousand barrels",
        500000,
        "measure",
        None,
        None,
    ),
    ("a dozen drones hit the port", "a dozen", 12, "cardinal", None, "drones"),
    ("half a million people fled", "half a million", 500000, "cardinal", None, "people"),
    ("a million doses arrived", "a million", 1000000, "cardinal", None, "doses"),
    ("a hundred soldiers", "a hundred", 100, "cardinal", None, "soldiers"),
    ("one soldier was wounded", "one", 1, "cardinal", None, "soldier"),
    ("eleven ministers resigned", "eleven", 11, "cardinal", None, "ministers"),
    ("forty thousand workers went on strike", "forty thousand", 40000, "cardinal", None, "workers"),
    # magnitudes and suffixes
    ("a 1.5 million strong army", "1.5 million", 1500000, "cardinal", None, "strong army"),
    ("10K North Korean troops", "10K", 10000, "cardinal", None, "North Korean troops"),
    ("300 mln voters", "300 mln", 300000000, "cardinal", None, "voters"),
    ("2 billion people", "2 billion", 2e9, "cardinal", None, "people"),
    ("3 trillion won", "3 trillion won", 3e12, "money", None, None),
    ("about 4.2 million refugees", "4.2 million", 4.2e6, "cardinal", "about", "refugees"),
    # money
    ("a $2.5 billion aid package", "$2.5 billion", 2.5e9, "money", None, None),
    ("a $63.4bn deal", "$63.4bn", 63.4e9, "money", None, None),
    ("it paid £85m for the club", "£85m", 85e6, "money", None, None),
    ("fined €4.3 billion", "€4.3 billion", 4.3e9, "money", None, None),
    ("US$ 500 million in loans", "US$ 500 million", 5e8, "money", None, None),
    ("worth 20 million euros", "20 million euros", 2e7, "money", None, None),
    ("raised 10,000 dollars", "10,000 dollars", 10000, "money", None, None),
    ("more than $1 trillion in assets", "$1 trillion", 1e12, "money", "more than", None),
    ("¥1.2 trillion stimulus", "¥1.2 trillion", 1.2e12, "money", None, None),
    ("₩500 billion budget", "₩500 billion", 5e11, "money", None, None),
    ("almost 3 billion yuan", "3 billion yuan", 3e9, "money", "almost", None),
    ("$5 a barrel", "$5", 5, "money", None, None),
    ("nearly $40 billion in aid", "$40 billion", 4e10, "money", "nearly", None),
    # percent
    ("inflation rose to 15%", "15%", 15, "percent", None, None),
    ("turnout was 15 percent", "15 percent", 15, "percent", None, None),
    ("about 3.5 per cent growth", "3.5 per cent", 3.5, "percent", "about", None),
    ("rates rose 0.25 percentage points", "0.25 percentage points", 0.25, "percent", None, None),
    ("more than 60% of voters", "60%", 60, "percent", "more than", None),
    ("a 2% rise", "2%", 2, "percent", None, None),
    ("nearly 40 percent of the budget", "40 percent", 40, "percent", "nearly", None),
    # fractions and proportions
    ("two-thirds of the country", "two-thirds", 2 / 3, "fraction", None, None),
    ("one in five adults", "one in five", 0.2, "fraction", None, None),
    ("nine out of 10 doctors", "nine out of 10", 0.9, "fraction", None, None),
    ("just over half of voters", "half", 0.5, "fraction", "just over", None),
    ("a third of the wheat", "a third", 1 / 3, "fraction", None, None),
    ("three quarters of homes", "three quarters", 0.75, "fraction", None, None),
    ("one-third of the force", "one-third", 1 / 3, "fraction", None, None),
    ("a quarter of the staff", "a quarter", 0.25, "fraction", None, None),
    ("3 in 10 Americans", "3 in 10", 0.3, "fraction", None, None),
    # ordinals that rank
    ("she finished third in the race", "third", 3, "ordinal", None, None),
    ("A second transport operation", "second", 2, "ordinal", None, "transport operation"),
    ("its first military involvement", "first", 1, "ordinal", None, "military involvement"),
    ("the 5th armoured brigade", "5th", 5, "ordinal", None, "armoured brigade"),
    ("the tenth round of talks", "tenth", 10, "ordinal", None, "round"),
    ("the 21st century", "21st", 21, "ordinal", None, "century"),
    ("for the fourth time", "fourth", 4, "ordinal", None, "time"),
    # ranges
    (
        "between 10,000 and 12,000 troops",
        "between 10,000 and 12,000",
        10000,
        "range",
        None,
        "troops",
    ),
    ("10,000-12,000 soldiers", "10,000-12,000", 10000, "range", None, "soldiers"),
    ("from 50 to 60 ships", "from 50 to 60", 50, "range", None, "ships"),
    ("$10-12 billion in damage", "$10-12 billion", 1e10, "range", None, None),
    ("20 to 30 percent", "20 to 30 percent", 20, "range", None, None),
    ("300-400 fighters", "300-400", 300, "range", None, "fighters"),
    ("between 5 and 7 million people", "between 5 and 7 million", 5e6, "range", None, "people"),
    # vague magnitudes (lower bounds)
    ("tens of thousands of protesters", "tens of thousands", 20000, "cardinal", None, "protesters"),
    ("dozens of ships", "dozens", 24, "cardinal", None, "ships"),
    ("hundreds of civilians", "hundreds", 200, "cardinal", None, "civilians"),
    ("thousands of migrants", "thousands", 2000, "cardinal", None, "migrants"),
    ("millions of dollars", "millions of dollars", 2e6, "money", None, None),
    (
        "hundreds of thousands of refugees",
        "hundreds of thousands",
        200000,
        "cardinal",
        None,
        "refugees",
    ),
    # qualifiers
    ("more than 13,000 containers' worth", "13,000", 13000, "cardinal", "more than", "containers"),
    ("around 12,000 soldiers in total", "12,000", 12000, "cardinal", "around", "soldiers"),
    ("each with as many as 6,000 personnel", "6,000", 6000, "cardinal", "as many as", "personnel"),
    ("roughly 12,000 troops", "12,000", 12000, "cardinal", "roughly", "troops"),
    ("nearly 500 children", "500", 500, "cardinal", "nearly", "children"),
    ("almost 70 villages", "70", 70, "cardinal", "almost", "villages"),
    ("approximately 8,000 workers", "8,000", 8000, "cardinal", "approximately", "workers"),
    ("some 2,000 marines", "2,000", 2000, "cardinal", "some", "marines"),
    ("an estimated 40,000 people", "40,000", 40000, "cardinal", "an estimated", "people"),
    ("up to 3,000 troops", "3,000", 3000, "cardinal", "up to", "troops"),
    ("fewer than 100 survivors", "100", 100, "cardinal", "fewer than", "survivors"),
    ("less than 20 minutes", "20 minutes", 20, "measure", "less than", None),
    ("just over 1,000 votes", "1,000", 1000, "cardinal", "just over", "votes"),
    ("just under 900 cases", "900", 900, "cardinal", "just under", "cases"),
    ("over 300 flights", "300", 300, "cardinal", "over", "flights"),
    ("about 10,000 soldiers are preparing", "10,000", 10000, "cardinal", "about", "soldiers"),
    ("We know about 10,000 soldiers", "10,000", 10000, "cardinal", None, "soldiers"),
    ("They talked about 300 prisoners", "300", 300, "cardinal", None, "prisoners"),
    ("at least 23 people died", "23", 23, "cardinal", "at least", "people"),
    # objects
    ("1,500 special forces soldiers", "1,500", 1500, "cardinal", None, "special forces soldiers"),
    ("1,500 special forces already stationed", "1,500", 1500, "cardinal", None, "special forces"),
    ("3,000 troops to Russia", "3,000", 3000, "cardinal", None, "troops"),
    ("10,000 will be sent by December", "10,000", 10000, "cardinal", None, None),
    (
        "six North Korean military officers were killed",
        "six",
        6,
        "cardinal",
        None,
        "North Korean military officers",
    ),
    ("1,500 troops, officials said", "1,500", 1500, "cardinal", None, "troops"),
    ("200 anti-tank rockets", "200", 200, "cardinal", None, "anti-tank rockets"),
    ("40 Russian-made drones", "40", 40, "cardinal", None, "Russian-made drones"),
    ("a total of 12,000 troops", "12,000", 12000, "cardinal", None, "troops"),
    ("killed 12 and wounded 30", "12", 12, "cardinal", None, None),
    ("8 million barrels of oil", "8 million barrels", 8e6, "measure", None, "oil"),
    ("five years ago", "five years", 5, "measure", None, None),
    ("two soldiers' bodies", "two", 2, "cardinal", None, "soldiers"),
    ("seven ships, 3 submarines", "seven", 7, "cardinal", None, "ships"),
    ("the 2 sides met", "2", 2, "cardinal", None, "sides"),
    # with dates and codes around
    ("On Oct. 3, six officers died", "six", 6, "cardinal", None, "officers"),
    ("Since 2022, 500 drones have been downed", "500", 500, "cardinal", None, "drones"),
    ("The G7 pledged 50 billion dollars", "50 billion dollars", 5e10, "money", None, None),
    ("F-16 jets: 60 planes in total", "60", 60, "cardinal", None, "planes"),
    ("At 10:53 am, 20 rockets hit", "20", 20, "cardinal", None, "rockets"),
    ("Resolution 2231 bans 8 items", "8", 8, "cardinal", None, "items"),
    ("On 2024-10-23 about 12,000 troops", "12,000", 12000, "cardinal", "about", "troops"),
    ("In 1995 3,000 soldiers", "3,000", 3000, "cardinal", None, "soldiers"),
    ("the 2022 invasion killed 1,200 civilians", "1,200", 1200, "cardinal", None, "civilians"),
    ("No one said 40 jets", "40", 40, "cardinal", None, "jets"),
    ("one of the three pictures", "one", 1, "cardinal", None, "pictures"),
    ("just 5 of the 32 NATO allies", "5", 5, "cardinal", None, "NATO allies"),
    ("MH17 carried 298 people", "298", 298, "cardinal", None, "people"),
    ("COVID-19 killed 7 million people", "7 million", 7e6, "cardinal", None, "people"),
    # fullwidth digits normalise
    ("４５ people", "４５", 45, "cardinal", None, "people"),
]

# Texts with no number that counts anything.
NEGATIVE = [
    "3M said on Friday",
    "an all-in-one printer",
    "including one called Atlas",
    "the pair first met in Oslo",
    "a first-person account",
    "the bill passed 61 to 38",
    "a 6-to-3 ruling",
    "they won the final 31-24",
    "back in the 1970s",
    'post id="8271993318274"',
    "tune to channel 42",
    "on June 9-10 the talks resume",
    "The hearing opens at 9 a.m. and ends by 4 p.m.",
    "the 2031-32 season budget",
    "signed on 14/02/2030 and again on 4/18",
    "payment is due on the 21st",
    "ring 0161 496 0732 today",
    "a Pixel 12 Pro and a Fold 6 Ultra",
    "a .415 hitter",
    "rolled into a 403(b) account",
    "leaders of the Group of 20 met",
    "he served from 1977 to 1981 and again between 1985 and 1989",
    "Pyongyang [North Korea], October 20 : North Korea",
    "on Oct. 3",
    "on October 3, 2024",
    "on 3 October",
    "by 20 October",
    "since 2022",
    "the 2022 invasion",
    "in 1945",
    "2024-10-23",
    "10:53 am Oct 19, 2024",
    "at 9 pm",
    "at 14:30",
    "the G7 summit",
    "the Group of Seven countries",
    "an F-16 fighter",
    "Resolution 2231",
    "the Nikkei 225 index",
    "Apollo 11",
    "No one was hurt",
    "one of them",
    "call +1 202-555-0143",
    "dial 555-0143",
    "1600 Pennsylvania Avenue",
    "from the 8th to the 13th [of October]",
    "the Su-27 jet",
    "COVID-19",
    "Article 5 of the treaty",
    "the Boeing 737 crashed",
    "on May 5",
    "in the 1990s",
    "1,2,3,4,5",
    "one another",
    "١٢٣ people",
]


def first(text: str) -> wirescan.Number:
    doc = EX.extract(text)
    for n in doc.numbers:
        assert text[n.start : n.end] == n.text
        if n.object is not None:
            assert text[n.object_start : n.object_end] == n.object
        if n.approx is not None:
            assert text[n.approx_start : n.approx_end].lower() == n.approx.lower() or (
                n.approx == "an estimated"
            )
    assert doc.numbers, f"no number in {text!r}"
    return doc.numbers[0]


def test_table_is_big_enough() -> None:
    assert len(POSITIVE) + len(NEGATIVE) >= 150


@pytest.mark.parametrize(("text", "surface", "value", "kind", "approx", "obj"), POSITIVE)
def test_positive(
    text: str, surface: str, value: float, kind: str, approx: str | None, obj: str | None
) -> None:
    n = first(text)
    assert (n.text, n.kind, n.approx, n.object) == (surface, kind, approx, obj)
    assert math.isclose(n.value, value, rel_tol=1e-9)


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text: str) -> None:
    assert EX.extract(text).numbers == [], EX.extract(text).numbers


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("10:53 am Oct 19, 2024", ["time", "date", "year"]),
        ("since 2022", ["year"]),
        ("the G7 and F-16", ["code", "code"]),
        ("2024-10-23", ["date"]),
        ("Resolution 2231", ["code"]),
        ("from the 8th to the 13th [of October]", ["date", "date"]),
        ("The hearing opens at 9 a.m. and ends by 4 p.m.", ["time", "time"]),
        ("the 2031-32 season", ["year"]),
        ("signed on 14/02/2030 and again on 4/18", ["date", "date"]),
        ("payment is due on the 21st", ["date"]),
        ("ring 0161 496 0732 today", ["code"]),
        ("a Pixel 12 Pro and a Fold 6 Ultra", ["code", "code"]),
        ("a .415 hitter", ["code"]),
        ("rolled into a 403(b) account", ["code"]),
        ("leaders of the Group of 20 met", ["code"]),
        ("he served from 1977 to 1981", ["year"]),
        ("read part 3 of the memo", ["code"]),
        ("the No. 6 bus", ["code"]),
        ("live at Birdland/52 tonight", ["code"]),
        ("a poster for The 27-Year-Old Intern", ["code"]),
        ("quoting Matthew 5:9 and 1 Peter 3:15-16", ["code", "code", "code"]),
        ("a 4:1 split, then a 7:30 start", ["code", "time"]),
    ],
)
def test_non_counts_on_request(text: str, kinds: list[str]) -> None:
    assert [n.kind for n in EX_ALL.extract(text).numbers] == kinds


def test_range_keeps_both_ends() -> None:
    n = first("between 10,000 and 12,000 troops")
    assert (n.low, n.high, n.value) == (10000, 12000, 10000)
    m = first("$10-12 billion in damage")
    assert (m.low, m.high, m.unit) == (1e10, 1.2e10, "USD")


def test_money_and_percent_units() -> None:
    assert first("a $2.5 billion aid package").unit == "USD"
    assert first("it paid £85m").unit == "GBP"
    assert first("turnout was 15 percent").unit == "percent"
    assert first("rates rose 0.25 percentage points").unit == "percentage point"


def test_vague_flag() -> None:
    assert first("tens of thousands of protesters").vague
    assert not first("a dozen drones").vague


def test_seed_numbers(seeds: dict[str, str]) -> None:
    """Every number in the seeds, in full: (text, value, kind, approx, object)."""
    got = {
        k: [(n.text, n.value, n.kind, n.approx, n.object) for n in EX.extract(t).numbers]
        for k, t in seeds.items()
    }
    assert got["000"] == [
        ("1,500", 1500, "cardinal", None, "soldiers"),
        ("first", 1, "ordinal", None, "military involvement"),
        ("seven", 7, "cardinal", None, "Russian ships"),
        ("three", 3, "cardinal", None, "pictures"),
        ("10,000", 10000, "cardinal", None, "soldiers"),
        ("10,000", 10000, "cardinal", None, "soldiers"),
        ("12,000", 12000, "cardinal", None, "troops"),
    ]
    assert got["001"] == [
        ("1,500", 1500, "cardinal", None, "special forces"),
        ("first", 1, "ordinal", None, "deployment"),
        ("first", 1, "ordinal", None, "contingent"),
        ("10K", 10000, "cardinal", None, "North Korean Troops"),
        ("12,000", 12000, "cardinal", "around", "soldiers"),
        ("second", 2, "ordinal", None, "transport operation"),
        ("two", 2, "cardinal", None, "countries"),
        ("13,000", 13000, "cardinal", "more than", "containers"),
        ("10,000", 10000, "cardinal", None, "soldiers"),
        ("six", 6, "cardinal", None, "North Korean military officers"),
    ]
    # 002 is 001 reordered and re-wrapped, without the "Related article" line (10K).
    assert sorted(got["002"]) == sorted(n for n in got["001"] if n[0] != "10K")
    assert got["003"] == [
        ("12,000", 12000, "cardinal", "roughly", "troops"),
        ("1,500", 1500, "cardinal", None, "special forces troops"),
        ("3,000", 3000, "cardinal", None, "troops"),
        ("10,000", 10000, "cardinal", None, None),
        ("two", 2, "cardinal", None, "units"),
        ("6,000", 6000, "cardinal", "as many as", "personnel"),
        ("third", 3, "ordinal", None, "parties"),
    ]
    assert got["004"] == [
        ("1,500", 1500, "cardinal", None, "troops"),
        ("first", 1, "ordinal", None, "military involvement"),
        ("1,500", 1500, "cardinal", None, "special forces soldiers"),
        ("seven", 7, "cardinal", None, "Russian ships"),
        ("10,000", 10000, "cardinal", None, "soldiers"),
        ("two", 2, "cardinal", None, "countries"),
        ("two", 2, "cardinal", None, "countries"),
    ]


_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split()
)
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(n: int) -> str:
    """English words for 0 <= n < 10**12 (the test's own, independent of the library)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + (" " + spell(rest) if rest else "")
    for scale, word in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            rest = n % scale
            return spell(n // scale) + " " + word + (" " + spell(rest) if rest else "")
    raise AssertionError(n)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_digits_with_separators_round_trip(n: int) -> None:
    text = f"Officials counted {n:,} ballots."
    (num,) = EX.extract(text).numbers if not (1800 <= n <= 2100) else EX_ALL.extract(text).numbers
    assert num.value == n and num.text == f"{n:,}"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=2, max_value=10**12 - 1))
def test_spelled_numbers_round_trip(n: int) -> None:
    words = spell(n)
    text = f"Officials counted {words} ballots."
    nums = EX.extract(text).numbers
    assert len(nums) == 1, (words, nums)
    assert nums[0].value == n and nums[0].text == words


_awkward = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(list("0123456789,.-%$£€ İßẞ\u0301\u00a0\u200b’“”—\n")),
    ),
    max_size=80,
)
_phrases = st.sampled_from(
    [
        "more than 13,000 containers",
        "about 1.5 million people",
        "$2.5 billion",
        "two-thirds",
        "between 10 and 12 ships",
        "tens of thousands of protesters",
        "Oct. 3",
        "the 5th brigade",
    ]
)


@settings(max_examples=300, deadline=None)
@given(_awkward, _phrases, _awkward)
def test_number_offsets_on_random_unicode(before: str, phrase: str, after: str) -> None:
    text = f"{before} {phrase} {after}"
    for ex in (EX, EX_ALL):
        for n in ex.extract(text).numbers:
            assert text[n.start : n.end] == n.text
            assert 0 <= n.start < n.end <= len(text)
            if n.object is not None:
                assert text[n.object_start : n.object_end] == n.object
                assert n.end <= n.object_start
            if n.approx is not None:
                assert n.approx_end <= n.start
            assert math.isfinite(n.value)


def test_hostile_number_input() -> None:
    assert EX.extract("9" * 1_000_000).numbers == []  # beyond float range: skipped
    assert len(EX.extract("1, " * 50_000).numbers) == 50_000
    text = "\ud800 sent 1,500 soldiers \udfff"  # lone surrogates: offsets still index the str
    (n,) = EX.extract(text).numbers
    assert text[n.start : n.end] == "1,500" and n.object == "soldiers"
    assert EX.extract("").numbers == []
    assert EX.extract("1e6 and 2.5E-3").numbers == []  # exponent notation is a code
    assert [n.kind for n in EX_ALL.extract("1e6").numbers] == ["code"]


def test_numbers_can_be_switched_off() -> None:
    ex = wirescan.Extractor(wirescan.Gazetteer.from_records([]), numbers=False)
    assert ex.extract("1,500 soldiers").numbers == []
    assert ex.options == {
        "overlapping": False,
        "numbers": False,
        "include_non_counts": False,
        "quotes": True,
        "people": True,
    }


def test_number_repr_and_dict() -> None:
    n = first("more than 13,000 containers")
    d = n.to_dict()
    assert d["value"] == 13000 and d["approx"] == "more than" and d["object"] == "containers"
    assert "13,000" in repr(n) and "more than" in repr(n)
    doc = EX.extract("1,500 soldiers")
    assert doc.to_dict()["numbers"][0]["text"] == "1,500"


def test_change_direction_and_new_level_through_the_api() -> None:
    """`rose 4% to 2.7 million`: the change (up) and the new level, never one range; the
    change is in to_dict(), the repr and the numbers frame."""
    ex = wirescan.Extractor(wirescan.Gazetteer.from_records([]))
    text = "Membership rose 6% to 1.2 million, while fees fell by $3 to $40 and 90 posts were cut."
    nums = ex.extract(text).numbers
    got = [(n.text, n.kind, n.change) for n in nums]
    assert got == [
        ("6%", "percent", "up"),
        ("1.2 million", "cardinal", None),
        ("$3", "money", "down"),
        ("$40", "money", None),
        ("90", "cardinal", None),
    ]
    assert nums[0].to_dict()["change"] == "up"
    assert "change=up" in repr(nums[0])
    pytest.importorskip("pandas")
    frame = ex.frame([text], "numbers")
    assert list(frame["change"].fillna("-")) == ["up", "-", "down", "-", "-"]


def test_year_spans_are_not_ranges_of_counts() -> None:
    ex = wirescan.Extractor(wirescan.Gazetteer.from_records([]))
    assert ex.extract("He coached the team from 1988 to 1996.").numbers == []
    assert ex.extract("Sales rose 12% in 2020 to 80,000 cars.").numbers[1].text == "80,000"
    every = wirescan.Extractor(wirescan.Gazetteer.from_records([]), include_non_counts=True)
    (n,) = every.extract("He coached the team from 1988 to 1996.").numbers
    assert n.kind == "year"


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "unit"),
    [
        ("a 256GB drive", "256GB", "measure", 256, "GB"),
        ("at 55mph", "55mph", "measure", 55, "mph"),
        ("some 300 km north", "300 km", "measure", 300, "km"),
        ("a 90-minute match", "90-minute", "measure", 90, "min"),
        ("a 71-year-old pilot", "71-year-old", "measure", 71, "year"),
        ("minus 8 degrees Celsius", "minus 8 degrees Celsius", "measure", -8, "°C"),
        ("a 60 cents fee", "60 cents", "money", 0.6, "USD"),
        ("EUR 48 each", "EUR 48", "money", 48, "EUR"),
        ("only 9€", "9€", "money", 9, "EUR"),
        ("Rs 3 lakh", "Rs 3 lakh", "money", 300000, "INR"),
        ("$7 and 15 cents", "$7 and 15 cents", "money", 7.15, "USD"),
        ("a \u22122.5% return", "\u22122.5%", "percent", -2.5, "percent"),
        ("the forty-third president", "forty-third", "ordinal", 43, None),
        ("a couple thousand fans", "a couple thousand", "cardinal", 2000, None),
        ("three dozen eggs", "three dozen", "cardinal", 36, None),
        ("two-in-three adults", "two-in-three", "fraction", 2 / 3, None),
        ("three or four rooms", "three or four", "range", 3, None),
        ("she was one of 12 finalists", "one", "cardinal", 1, None),
        ("4M subscribers", "4M", "cardinal", 4e6, None),
        ("died at the age of 88, at home", "88", "measure", 88, "year"),
        ("Mara Voss, 34, said so", "34", "measure", 34, "year"),
        ("nearly a year and a half later", "a year and a half", "measure", 1.5, "year"),
        (
            "a seven-percentage-point lead",
            "seven-percentage-point",
            "percent",
            7,
            "percentage point",
        ),
        ("it cost 40 bucks", "40 bucks", "money", 40, "USD"),
        ("thousands of euros", "thousands of euros", "money", 2000, "EUR"),
        ("the dog weighs 18 pounds", "18 pounds", "measure", 18, "lb"),
        ("8 pounds of cannabis", "8 pounds", "measure", 8, "lb"),
        ("a 280-pound tackle", "280-pound", "measure", 280, "lb"),
        ("tickets at 15 pounds each", "15 pounds", "money", 15, "GBP"),
        ("a 75 basis point hike", "75 basis point", "percent", 75, "basis point"),
        ("a magnitude 4.9 quake", "4.9", "measure", 4.9, "magnitude"),
        ("a 40-page ruling", "40-page", "measure", 40, "page"),
        ("runs to 96 pages", "96 pages", "measure", 96, "page"),
        ("a 1,200 megawatt dam", "1,200 megawatt", "measure", 1200, "MW"),
        ("at 80 kilometres per hour", "80 kilometres per hour", "measure", 80, "km/h"),
        ("a 51-vote majority", "51-vote", "measure", 51, "vote"),
        ("Mr. Quist, then 44, resigned", "44", "measure", 44, "year"),
        ("Rita Olm, 31, will plead", "31", "measure", 31, "year"),
        ("boys ages 9 to 14", "9 to 14", "range", 9, "year"),
        ("he won 57 to 41 percent", "57", "percent", 57, "percent"),
    ],
)
def test_number_families_through_the_api(
    text: str, surface: str, kind: str, value: float, unit: str | None
) -> None:
    n = first(text)
    assert (n.text, n.kind, n.unit) == (surface, kind, unit)
    assert n.value is not None and math.isclose(n.value, value, rel_tol=1e-9)


def test_vague_bounds_durations_and_titles() -> None:
    n = first("Tens of thousands of fans marched")
    assert (n.vague, n.low, n.high, n.approx) == (True, 20_000, 99_999, None)
    d = first("the work was spread over 12 years")
    assert (d.kind, d.unit, d.approx) == ("measure", "year", None)
    assert EX.extract("the first lady of the theatre").numbers == []
    assert EX.extract("5G masts went up").numbers == []
    assert first("the second such vote").object == "vote"
