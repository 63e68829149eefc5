//! The word lists numbers are read with: number words, scales, currencies, units, and the
//! words that decide whether a number counts something.

use super::number::Change;

pub(super) fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

pub(super) fn tens_word(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

pub(super) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        // The Indian scale: `8 lakh` (800,000), `4.5 lakh crore` (4.5 trillion).
        "lakh" | "lakhs" | "lac" => 1e5,
        "crore" | "crores" => 1e7,
        "million" | "mln" | "mn" => 1e6,
        "billion" | "bln" | "bn" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

pub(super) fn ordinal_word(w: &str) -> Option<f64> {
    Some(match w {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1000.0,
        "millionth" => 1e6,
        _ => return None,
    })
}

/// Denominators: `thirds` -> 3, `quarter` -> 4, `half` -> 2.
pub(super) fn denominator_word(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

pub(super) fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '£' => "GBP",
        '€' => "EUR",
        '¥' => "JPY",
        '₩' => "KRW",
        '₹' => "INR",
        '₽' => "RUB",
        '₴' => "UAH",
        _ => return None,
    })
}

pub(super) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" | "usd" | "bucks" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "pound" | "pounds" | "gbp" | "sterling" => "GBP",
        "yen" | "jpy" => "JPY",
        "yuan" | "renminbi" | "cny" => "CNY",
        "won" | "krw" => "KRW",
        "ruble" | "rubles" | "rouble" | "roubles" | "rub" => "RUB",
        "rupee" | "rupees" | "inr" => "INR",
        "hryvnia" | "hryvnias" | "uah" => "UAH",
        _ => return None,
    })
}

/// Words that end the counted noun phrase.
pub(super) fn stop_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "to"
            | "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "by"
            | "with"
            | "and"
            | "or"
            | "but"
            | "as"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "are"
            | "is"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "have"
            | "has"
            | "had"
            | "do"
            | "does"
            | "did"
            | "not"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "per"
            | "than"
            | "since"
            | "after"
            | "before"
            | "during"
            | "while"
            | "across"
            | "via"
            | "near"
            | "each"
            | "including"
            | "like"
            | "if"
            | "when"
            | "where"
            | "this"
            | "these"
            | "those"
            | "there"
            | "their"
            | "its"
            | "his"
            | "her"
            | "our"
            | "it"
            | "they"
            | "he"
            | "she"
            | "we"
            | "you"
            | "i"
            | "according"
            | "said"
            | "says"
            | "say"
            | "already"
            | "still"
            | "also"
            | "just"
            | "now"
            | "then"
            | "soon"
            | "yet"
            | "even"
            | "only"
            | "total"
            | "more"
            | "less"
            | "fewer"
            | "so"
            | "out"
            | "up"
            | "down"
            | "off"
            | "about"
            | "around"
            | "against"
            | "between"
            | "among"
            | "within"
            | "without"
            | "through"
            | "toward"
            | "towards"
            | "until"
            | "last"
            | "ago"
            | "later"
            | "earlier"
            | "year"
            | "years"
    )
}

pub(super) type FnvSet =
    std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<crate::text::Fnv>>;

/// Words that can begin a number: number words, ordinals, `a`/`an`/`half`/`dozen`, vague
/// plurals, and `between`/`from` (ranges).
pub(super) fn is_trigger(w: &str) -> bool {
    static SET: std::sync::OnceLock<FnvSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut s = FnvSet::default();
        s.extend([
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "a",
            "an",
            "half",
            "dozen",
            "dozens",
            "tens",
            "scores",
            "hundreds",
            "thousands",
            "millions",
            "billions",
            "between",
            "from",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
            "thirtieth",
            "fortieth",
            "fiftieth",
            "sixtieth",
            "seventieth",
            "eightieth",
            "ninetieth",
            "minus",
            "eur",
            "usd",
            "gbp",
            "rs",
            "inr",
            "hundredth",
            "thousandth",
            "millionth",
        ]);
        s
    })
    .contains(w)
}

/// A plural noun, by its ending or as one of the common irregular plurals of news.
pub(super) fn plural(w: &str) -> bool {
    (w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is"))
        || matches!(
            w,
            "people"
                | "personnel"
                | "children"
                | "men"
                | "women"
                | "police"
                | "staff"
                | "cattle"
                | "sheep"
                | "aircraft"
                | "crew"
                | "infantry"
                | "artillery"
                | "militia"
                | "youth"
                | "civilians"
        )
}

/// Qualifiers before a number, longest first, with their normalised form.
pub(super) const QUALIFIERS: &[(&[&str], &str)] = &[
    (&["as", "many", "as"], "as many as"),
    (&["as", "much", "as"], "as much as"),
    (&["as", "few", "as"], "as few as"),
    (&["no", "more", "than"], "no more than"),
    (&["an", "estimated"], "an estimated"),
    (&["more", "than"], "more than"),
    (&["fewer", "than"], "fewer than"),
    (&["less", "than"], "less than"),
    (&["at", "least"], "at least"),
    (&["at", "most"], "at most"),
    (&["up", "to"], "up to"),
    (&["just", "over"], "just over"),
    (&["just", "under"], "just under"),
    (&["close", "to"], "close to"),
    (&["upwards", "of"], "upwards of"),
    (&["nearly"], "nearly"),
    (&["almost"], "almost"),
    (&["about"], "about"),
    (&["around"], "around"),
    (&["roughly"], "roughly"),
    (&["approximately"], "approximately"),
    (&["some"], "some"),
    (&["over"], "over"),
    (&["estimated"], "an estimated"),
];

/// Verbs after which `about` is a preposition (`we know about 10,000 soldiers`), not a qualifier.
pub(super) fn takes_about(w: &str) -> bool {
    matches!(
        w,
        "know"
            | "knew"
            | "known"
            | "knows"
            | "talk"
            | "talked"
            | "talks"
            | "talking"
            | "speak"
            | "spoke"
            | "speaks"
            | "speaking"
            | "think"
            | "thought"
            | "thinking"
            | "worry"
            | "worried"
            | "worries"
            | "care"
            | "cared"
            | "learn"
            | "learned"
            | "learnt"
            | "hear"
            | "heard"
            | "read"
            | "write"
            | "wrote"
            | "written"
            | "ask"
            | "asked"
            | "complain"
            | "complained"
            | "concerned"
            | "warned"
            | "warn"
            | "informed"
            | "reported"
            | "report"
            | "news"
            | "story"
            | "stories"
            | "questions"
            | "question"
            | "information"
    )
}

/// Verbs (and adverbs) that say a quantity changed by the number after them: `rose 4%`,
/// `increased by $12.5 billion`, `cut 200 jobs`, `down 0.4%`. Lower case, as normalised.
pub(super) fn change_word(w: &str) -> Option<Change> {
    Some(match w {
        "rose" | "rise" | "rises" | "rising" | "risen" | "increased" | "increase" | "increases"
        | "increasing" | "grew" | "grow" | "grows" | "growing" | "grown" | "gained" | "gain"
        | "gains" | "gaining" | "climbed" | "climb" | "climbs" | "climbing" | "jumped" | "jump"
        | "jumps" | "jumping" | "soared" | "soar" | "soars" | "surged" | "surge" | "surges"
        | "added" | "adds" | "rebounded" | "up" | "boosted" => Change::Up,
        "fell" | "fall" | "falls" | "falling" | "fallen" | "dropped" | "drop" | "drops"
        | "dropping" | "declined" | "decline" | "declines" | "declining" | "decreased"
        | "decrease" | "decreases" | "decreasing" | "cut" | "cuts" | "cutting" | "slashed"
        | "slash" | "shed" | "sheds" | "shedding" | "slid" | "slide" | "slides" | "slumped"
        | "plunged" | "plunge" | "plunges" | "tumbled" | "sank" | "shrank" | "shrunk" | "eased"
        | "slipped" | "dipped" | "down" | "lowered" | "reduced" => Change::Down,
        _ => return None,
    })
}

/// Nouns of change that take `of` before the number: `a gain of 200,000 jobs`, `a drop of 3%`.
pub(super) fn change_noun(w: &str) -> Option<Change> {
    Some(match w {
        "gain" | "increase" | "rise" | "jump" | "growth" => Change::Up,
        "drop" | "decline" | "decrease" | "fall" | "cut" | "reduction" | "loss" => Change::Down,
        _ => return None,
    })
}

/// Units of measure written as a word after a number (`120 km`, `45 minutes`, `4.7 tonnes`),
/// normalised. Durations are measures too. Lower case, as normalised.
pub(super) fn measure_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "seconds" | "secs" => "s",
        "minute" | "minutes" | "mins" => "min",
        "hour" | "hours" | "hrs" => "h",
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "month" | "months" => "month",
        "year" | "years" | "yrs" => "year",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
        "mile" | "miles" => "mi",
        "metre" | "metres" | "meter" | "meters" => "m",
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => "cm",
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => "mm",
        "foot" | "feet" | "ft" => "ft",
        "inch" | "inches" => "in",
        "yard" | "yards" => "yd",
        "tonne" | "tonnes" | "ton" | "tons" => "t",
        "kg" | "kilogram" | "kilograms" | "kilo" | "kilos" => "kg",
        "gram" | "grams" => "g",
        "lb" | "lbs" => "lb",
        "litre" | "litres" | "liter" | "liters" => "l",
        "gallon" | "gallons" => "gal",
        "barrel" | "barrels" => "bbl",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" => "ha",
        "page" | "pages" => "page",
        "kilowatt" | "kilowatts" => "kW",
        "megawatt" | "megawatts" => "MW",
        "gigawatt" | "gigawatts" => "GW",
        "mph" => "mph",
        "kph" | "kmh" => "km/h",
        "point" | "points" => "point",
        "degree" | "degrees" => "degree",
        _ => return None,
    })
}

/// Units glued to a number (`512GB`, `70mph`, `20kW`, `2.5mm`); `m` stays a magnitude
/// (`£85m`). Lower case, as normalised.
pub(super) fn glued_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "kb" => "kB",
        "mb" => "MB",
        "gb" => "GB",
        "tb" => "TB",
        "kbps" => "kbit/s",
        "mbps" => "Mbit/s",
        "gbps" => "Gbit/s",
        "mph" => "mph",
        "kph" | "kmh" => "km/h",
        "km" => "km",
        "cm" => "cm",
        "mm" => "mm",
        "kg" => "kg",
        "lb" | "lbs" => "lb",
        "ft" => "ft",
        "ml" => "ml",
        "kw" => "kW",
        "mw" => "MW",
        "gw" => "GW",
        "kwh" => "kWh",
        "mwh" => "MWh",
        "gwh" => "GWh",
        "hz" => "Hz",
        "khz" => "kHz",
        "mhz" => "MHz",
        "ghz" => "GHz",
        _ => return None,
    })
}

/// Units of a hyphenated measure before a noun (`a 40-minute period`, `an 800-page report`,
/// `a 5.1-magnitude quake`); `-year-old` is an age, read by the caller.
pub(super) fn hyphen_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "second" => "s",
        "minute" => "min",
        "hour" => "h",
        "day" => "day",
        "week" => "week",
        "month" => "month",
        "year" => "year",
        "decade" => "decade",
        "mile" => "mi",
        "kilometre" | "kilometer" | "km" => "km",
        "metre" | "meter" => "m",
        "foot" => "ft",
        "inch" => "in",
        "yard" => "yd",
        "acre" => "acre",
        "page" => "page",
        "magnitude" => "magnitude",
        "point" => "point",
        "ton" | "tonne" => "t",
        "pound" => "lb",
        "vote" => "vote",
        "kilogram" | "kilo" => "kg",
        "gallon" => "gal",
        "degree" => "degree",
        _ => return None,
    })
}

/// Currency codes written before an amount (`EUR 35`, `USD240`, `Rs 8 lakh`): the ISO codes of
/// [`currency_word`], and `Rs`.
pub(super) fn currency_code_before(w: &str) -> Option<&'static str> {
    match w {
        "rs" => Some("INR"),
        "usd" | "eur" | "gbp" | "inr" => currency_word(w),
        _ => None,
    }
}

/// `the`, a possessive determiner, `these`, `those`: what opens the whole of a partitive (`5 of
/// the 32 allies`, `one of his rivals`).
pub(super) fn definite(w: &str) -> bool {
    matches!(
        w,
        "the" | "his" | "her" | "its" | "their" | "our" | "my" | "your" | "these" | "those"
    )
}
