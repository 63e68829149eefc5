//! The number type: value, bounds, kind, unit, qualifier and counted object.

use crate::text::normalize::OrigSpan;

/// What a number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumKind {
    /// A count or amount (`1,500 soldiers`, `a dozen`, `tens of thousands`).
    Cardinal,
    /// A rank (`third`, `8th`).
    Ordinal,
    /// A percentage (`15%`, `15 percent`); the value is the percentage (15).
    Percent,
    /// An amount of money; the value is in units of `unit` (an ISO 4217 code).
    Money,
    /// A fraction or proportion (`two-thirds`, `one in five`); the value is the ratio.
    Fraction,
    /// A range; `low` and `high` are its ends, and the value is the low end.
    Range,
    /// A measurement or a duration in `unit` (`120 km`, `45 minutes`, `512GB`, `an
    /// 82-year-old`); the value is as written.
    Measure,
    /// A day of the month in a date (`Oct. 3`), or an ISO date (`2024-10-23`).
    Date,
    /// A year (`since 2022`).
    Year,
    /// A time of day (`10:53 am`).
    Time,
    /// A code or a name with a number in it (`G7`, `F-16`, `Resolution 2231`, a phone number).
    Code,
}

impl NumKind {
    /// Every kind, for readers that parse a kind's name back.
    pub const ALL: [NumKind; 11] = [
        NumKind::Cardinal,
        NumKind::Ordinal,
        NumKind::Percent,
        NumKind::Money,
        NumKind::Fraction,
        NumKind::Range,
        NumKind::Measure,
        NumKind::Date,
        NumKind::Year,
        NumKind::Time,
        NumKind::Code,
    ];

    /// The kind's name in output.
    pub fn as_str(self) -> &'static str {
        match self {
            NumKind::Cardinal => "cardinal",
            NumKind::Ordinal => "ordinal",
            NumKind::Percent => "percent",
            NumKind::Money => "money",
            NumKind::Fraction => "fraction",
            NumKind::Range => "range",
            NumKind::Measure => "measure",
            NumKind::Date => "date",
            NumKind::Year => "year",
            NumKind::Time => "time",
            NumKind::Code => "code",
        }
    }

    /// Dates, years, times and codes: never a count of anything.
    pub fn is_count(self) -> bool {
        !matches!(
            self,
            NumKind::Date | NumKind::Year | NumKind::Time | NumKind::Code
        )
    }
}

/// The direction of a change the text reports a number as (`rose 4%`, `cut 200 jobs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// The quantity went up by the number (`rose`, `increased by`, `gained`).
    Up,
    /// The quantity went down by the number (`fell`, `cut`, `lost`); the value stays positive.
    Down,
}

impl Change {
    /// `up` or `down`.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Up => "up",
            Change::Down => "down",
        }
    }
}

/// One number found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    /// The number's own words (`1.5 million`, `$2.5 billion`, `between 10,000 and 12,000`).
    pub span: OrigSpan,
    /// The value (see [`NumKind`] for what it means per kind).
    pub value: f64,
    /// Low and high ends of a range.
    pub low: Option<f64>,
    /// High end of a range.
    pub high: Option<f64>,
    /// The kind.
    pub kind: NumKind,
    /// A vague magnitude (`tens of thousands`, `dozens`): the value is a lower bound.
    pub vague: bool,
    /// Currency (ISO 4217), `percent` / `percentage point`, or a measure's unit (`km`, `year`,
    /// `GB`, `°C`).
    pub unit: Option<&'static str>,
    /// The qualifier before the number, normalised (`more than`), and its span.
    pub approx: Option<(&'static str, OrigSpan)>,
    /// The counted noun phrase after the number and its head word.
    pub object: Option<(OrigSpan, OrigSpan)>,
    /// Set when the text says the quantity changed by this number (`rose 4%`); a number after
    /// `to` (`rose 4% to 2.7 million`) is the new level, its own number, with no change.
    pub change: Option<Change>,
}

/// Options for number extraction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NumberOptions {
    /// Also return dates, years, times and codes, with their own kinds.
    pub include_non_counts: bool,
}
