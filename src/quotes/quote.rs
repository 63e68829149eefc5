//! The quote types: a quote, its speaker, how the speaker was found, a number's source.

use std::sync::Arc;

use crate::gazetteer::{Described, Gazetteer, LocalEntity};
use crate::text::normalize::OrigSpan;

/// Who said something.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The speaker's words in the text (`Lim Eul-chul`, `he`, `the spy agency`,
    /// `South Korean officials`).
    pub span: OrigSpan,
    /// The gazetteer entity (index) the speaker resolved to, if any.
    pub entity: Option<u32>,
    /// The document-local entity the speaker resolved to (a person, organisation or place the
    /// gazetteer does not know, found by `crate::people`); `entity` is then `None`.
    pub local: Option<Arc<LocalEntity>>,
    /// For pronouns and role nouns: the earlier (or, for an organisation named just after,
    /// later) words they were resolved to.
    pub antecedent: Option<OrigSpan>,
}

impl Speaker {
    /// The id, name and kind of the entity the speaker resolved to, from the gazetteer or the
    /// document; `None` when the speaker resolved to none.
    pub fn describe<'a>(&'a self, gaz: &'a Gazetteer) -> Option<Described<'a>> {
        match (&self.local, self.entity) {
            (Some(l), _) => Some(Described::local(l)),
            (None, Some(e)) => Some(Described::known(e, gaz)),
            (None, None) => None,
        }
    }
}

/// How a quote's speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    /// `"…," he said` / `"…," said X`: a speech verb right after the quote.
    After,
    /// `X said, "…"` / `X said that "…"`: the nearest speech verb before it in its sentence.
    Before,
    /// `X: "…"`.
    Colon,
    /// `"…" - X`.
    Dash,
    /// A speech verb later in the quote's sentence (`"large-scale" deployments …, the agency
    /// said`).
    Sentence,
    /// A quote paragraph with no cue, continuing the previous paragraph's speaker.
    Continued,
    /// A quote in a headline, said by the name the headline opens with (`Mayor Vows City
    /// Will 'Never Give Up'`, `Berg: Roads Open 'On Monday'`).
    Headline,
    /// No cue: a full sentence in quotes whose speaker the text does not give.
    Unattributed,
}

impl Cue {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Cue::After => "after",
            Cue::Before => "before",
            Cue::Colon => "colon",
            Cue::Dash => "dash",
            Cue::Sentence => "sentence",
            Cue::Continued => "continued",
            Cue::Headline => "headline",
            Cue::Unattributed => "none",
        }
    }
}

/// A direct quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, inside the marks (across paragraphs for a continued quote).
    pub span: OrigSpan,
    /// The quoted words in each paragraph the quote spans.
    pub paragraphs: Vec<OrigSpan>,
    /// The speaker, if the text gives one.
    pub speaker: Option<Speaker>,
    /// The speech verb (`said`, `told`, `according to`).
    pub verb: Option<OrigSpan>,
    /// An embedded fragment (`were "alarming"`), not a full quoted sentence.
    pub partial: bool,
    /// A closing mark was found (an unclosed quote ends at its paragraph's end).
    pub closed: bool,
    /// How the speaker was found.
    pub cue: Cue,
}

/// Who a number is attributed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The speaker.
    pub speaker: Speaker,
    /// The speech verb or phrase (`said`, `according to`).
    pub verb: Option<OrigSpan>,
    /// The quote the number sits in (an index into the document's quotes).
    pub quote: Option<usize>,
}
