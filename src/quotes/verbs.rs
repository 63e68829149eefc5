//! The reporting-verb lexicon: a few hundred verbs that introduce speech or writing, each with
//! its inflections (`quip`, `quips`, `quipped`, `quipping`), and whether it reports a claim.
//!
//! Entries are lemmas; regular inflections are generated (`-s`/`-es`/`-ies`, `-ed`/`-d`/`-ied`,
//! `-ing` with a silent `e` dropped). Irregular forms and doubled consonants are written out
//! as `lemma:past:participle-ing` (an empty field keeps the generated form); `~` marks a
//! spelling variant that only has those two forms (`~marvell:marvelled:marvelling`). Base forms count
//! only for the verbs in [`WITH_BASE`] (`did not say`, `would tell`): for most lemmas the bare
//! form is more often a noun or another verb (`a call`, `the press`). An `-s` form that is also
//! a common plural noun (`claims`, `reports`, `remarks`) is marked noun-like, so the caller
//! takes it as a verb only where what follows says so.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// A verb that introduces speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Verb {
    /// It reports a claim, so a number in its clause has the speaker as source (`said`,
    /// `estimated`), unlike `denied`, `accused` or `called`.
    pub reports: bool,
    /// Also a plural noun (`reports`, `claims`): a verb only when what follows says so.
    pub noun_like: bool,
}

/// Verbs whose base form is a cue too.
const WITH_BASE: &[&str] = &[
    "say",
    "tell",
    "add",
    "write",
    "ask",
    "warn",
    "argue",
    "claim",
    "insist",
    "explain",
    "note",
    "admit",
    "acknowledge",
    "suggest",
    "predict",
    "confirm",
    "announce",
    "declare",
    "tweet",
    "reply",
    "respond",
    "recall",
    "stress",
    "emphasize",
    "emphasise",
    "concede",
    "contend",
    "testify",
    "complain",
    "boast",
    "vow",
    "promise",
    "pledge",
    "caution",
    "urge",
    "assert",
    "allege",
    "estimate",
    "reveal",
    "observe",
    "remark",
    "comment",
    "joke",
    "quip",
    "agree",
    "disagree",
    "deny",
    "describe",
];

/// Verbs that report what someone says or writes (a number in their clause has the speaker as
/// source).
const REPORTING: &[&str] = &[
    "say:said:",
    "tell:told:",
    "add",
    "state",
    "affirm",
    "warn",
    "write:wrote:",
    "claim",
    "tweet",
    "email",
    "report",
    "announce",
    "insist",
    "note",
    "explain",
    "argue",
    "confirm",
    "estimate",
    "reveal",
    "declare",
    "acknowledge",
    "admit:admitted:admitting",
    "assert",
    "stress",
    "emphasize",
    "emphasise",
    "predict",
    "indicate",
    "suggest",
    "recall",
    "continue",
    "conclude",
    "reply",
    "respond",
    "remark",
    "observe",
    "post",
    "text",
    "caution",
    "allege",
    "maintain",
    "ask",
    "urge",
    "implore",
    "gush",
    "fume",
    "exclaim",
    "joke",
    "quip:quipped:quipping",
    "sigh",
    "muse",
    "concede",
    "vow",
    "scoff",
    "marvel:marveled:marveling",
    "~marvell:marvelled:marvelling",
    "comment",
    "complain",
    "boast",
    "brag:bragged:bragging",
    "contend",
    "counter",
    "retort",
    "shout",
    "yell",
    "scream",
    "cry",
    "whisper",
    "mutter",
    "murmur",
    "mumble",
    "plead",
    "beg:begged:begging",
    "demand",
    "promise",
    "pledge",
    "swear:swore:",
    "assure",
    "reassure",
    "advise",
    "propose",
    "recommend",
    "agree",
    "disagree",
    "object",
    "protest",
    "lament",
    "bemoan",
    "grumble",
    "groan",
    "snap:snapped:snapping",
    "bark",
    "growl",
    "thunder",
    "bellow",
    "chant",
    "proclaim",
    "pronounce",
    "inform",
    "elaborate",
    "clarify",
    "specify",
    "summarize",
    "summarise",
    "underscore",
    "underline",
    "highlight",
    "reiterate",
    "repeat",
    "echo",
    "confess",
    "disclose",
    "divulge",
    "forecast:forecast:",
    "speculate",
    "guess",
    "wonder",
    "inquire",
    "enquire",
    "interject",
    "chime",
    "volunteer",
    "venture",
    "reason",
    "posit",
    "theorize",
    "theorise",
    "hypothesize",
    "surmise",
    "reckon",
    "threaten",
    "remind",
    "concur:concurred:concurring",
    "rant",
    "vent",
    "sneer",
    "taunt",
    "tease",
    "jeer",
    "aver:averred:averring",
    "avow",
    "attest",
    "certify",
    "recount",
    "narrate",
    "challenge",
    "rejoin",
    "blog:blogged:blogging",
    "opine",
    "hint",
    "imply",
    "mention",
    "allude",
    "crow",
    "gripe",
    "grouse",
    "whine",
    "fret:fretted:fretting",
    "testify",
    "reaffirm",
    "restate",
    "concede",
    "assent",
    "answer",
    "query",
    "question",
    "predict",
    "acknowledge",
    "announce",
    "broadcast:broadcast:",
    "telegraph",
    "relay",
    "signal:signaled:signaling",
    "~signall:signalled:signalling",
    "editorialize",
    "preach",
    "lecture",
    "intone",
    "gasp",
    "stammer",
    "stutter",
    "rasp",
    "hiss",
    "purr",
    "coo",
    "chirp",
    "drawl",
    "huff",
    "sniff",
    "snort",
    "roar",
    "rail",
    "thank",
    "apologize",
    "apologise",
    "complain",
    "concede",
    "guarantee",
    "wager",
    "bet:bet:betting",
];

/// Verbs that introduce quoted words without reporting a claim (`called it "reckless"`,
/// `denied`, `praised`).
const NON_CLAIM: &[&str] = &[
    "accuse",
    "dismiss",
    "call",
    "deny",
    "describe",
    "label:labeled:labeling",
    "~labell:labelled:labelling",
    "brand",
    "dub:dubbed:dubbing",
    "term",
    "characterize",
    "characterise",
    "praise",
    "hail",
    "laud",
    "tout",
    "applaud",
    "commend",
    "congratulate",
    "criticize",
    "criticise",
    "slam:slammed:slamming",
    "blast",
    "condemn",
    "denounce",
    "decry",
    "mock",
    "ridicule",
    "deride",
    "lambaste",
    "chastise",
    "rebuke",
    "scold",
    "refer:referred:referring",
    "defend",
    "nickname",
    "christen",
    "pan:panned:panning",
    "dismiss",
    "refute",
    "rebut:rebutted:rebutting",
    "dispute",
    "warn",
    "liken",
    "portray",
    "depict",
    "tar:tarred:tarring",
];

/// Words that are cues only in some forms; these forms are never taken (too often something
/// else in news copy).
const NEVER: &[&str] = &[
    "offering",
    "offered",
    "offers",
    "pressing",
    "pressed",
    "charged",
    "charging",
    "charges",
    "continuing",
    "figure",
    "figures",
    "hoped",
    "hoping",
    "hopes",
    "feeling",
    "feels",
    "thinking",
    "believing",
    "posing",
    "posed",
    "poses",
    "casting",
    "framing",
    "framed",
    "frames",
    "painting",
    "painted",
    "paints",
    "allowed",
    "allowing",
    "allows",
    "granted",
    "granting",
    "beginning",
    "begins",
    "answering",
    "crying",
    "exploding",
    "exploded",
    "explodes",
    "attacks",
    "attacking",
    "attacked",
    "blame",
    "blamed",
    "blaming",
    "rejected",
    "rejecting",
    "rejects",
    "compared",
    "comparing",
    "compares",
    "signals",
    "echoes",
    "questions",
    "question",
    "questioning",
    "grant",
    "allow",
    "figure",
    "worried",
    "worrying",
    "worries",
    "fears",
    "feared",
    "fearing",
    "believed",
    "believes",
    "thought",
    "thinks",
    "felt",
    "expressed",
    "expressing",
    "expresses",
    "voiced",
    "voicing",
    "voices",
    "pens",
    "messages",
    "messaged",
    "messaging",
    "texts",
    "casts",
    "cast",
    "term",
    "terms",
    "laughing",
    "laughed",
    "laughs",
    "shrugged",
    "shrugs",
    "shrugging",
    "repeated",
    "repeating",
    "repeats",
];

/// `-s` forms that are also plural nouns: verbs only where what follows says so.
const NOUN_S: &[&str] = &[
    "claims",
    "reports",
    "notes",
    "posts",
    "tweets",
    "estimates",
    "calls",
    "comments",
    "remarks",
    "answers",
    "replies",
    "jokes",
    "promises",
    "pledges",
    "vows",
    "boasts",
    "demands",
    "cries",
    "emails",
    "charges",
    "blasts",
    "slams",
    "praises",
    "laughs",
    "shouts",
    "whispers",
    "quips",
    "sighs",
    "protests",
    "offers",
    "counters",
    "retorts",
    "groans",
    "barks",
    "growls",
    "chants",
    "forecasts",
    "guesses",
    "wonders",
    "reasons",
    "ventures",
    "vents",
    "rants",
    "rails",
    "jeers",
    "taunts",
    "teases",
    "challenges",
    "hints",
    "mentions",
    "thanks",
    "labels",
    "brands",
    "hails",
    "touts",
    "attacks",
    "defends",
    "warns",
    "objects",
    "advises",
    "proposes",
    "answers",
    "murmurs",
    "mutters",
    "roars",
    "gasps",
    "hisses",
    "sniffs",
    "snorts",
    "bets",
    "wagers",
    "frets",
    "gripes",
    "whines",
    "crows",
    "lectures",
    "queries",
    "threatens",
    "reminds",
    "messages",
    "texts",
    "questions",
    "signals",
];

fn third_person(lemma: &str) -> String {
    let b = lemma.as_bytes();
    let consonant_y = b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2]);
    if consonant_y {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| lemma.ends_with(e))
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    }
}

fn past(lemma: &str) -> String {
    let b = lemma.as_bytes();
    let consonant_y = b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2]);
    if consonant_y {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else if lemma.ends_with('e') {
        format!("{lemma}d")
    } else {
        format!("{lemma}ed")
    }
}

fn gerund(lemma: &str) -> String {
    if lemma.ends_with('e') && !lemma.ends_with("ee") && !lemma.ends_with("ye") && lemma.len() > 2 {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ing")
    }
}

type Table = HashMap<String, Verb, BuildHasherDefault<crate::text::Fnv>>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m = Table::default();
        let mut add = |entries: &[&str], reports: bool| {
            for e in entries {
                // `~lemma:past:ing`: a spelling variant that only has those two forms
                // (`~marvell:marvelled:marvelling`).
                let variant = e.starts_with('~');
                let mut parts = e.trim_start_matches('~').split(':');
                let lemma = parts.next().unwrap_or_default();
                let irregular_past = parts.next().filter(|s| !s.is_empty());
                let irregular_ing = parts.next().filter(|s| !s.is_empty());
                let mut forms = vec![
                    third_person(lemma),
                    irregular_past.map_or_else(|| past(lemma), str::to_string),
                    irregular_ing.map_or_else(|| gerund(lemma), str::to_string),
                ];
                if irregular_past.is_some() && irregular_ing.is_none() {
                    // `quip:quipped:quipping` writes both; `say:said:` keeps `saying`.
                    forms[2] = gerund(lemma);
                }
                if variant {
                    forms.remove(0);
                }
                if WITH_BASE.contains(&lemma) {
                    forms.push(lemma.to_string());
                }
                for f in forms {
                    if NEVER.contains(&f.as_str()) {
                        continue;
                    }
                    let noun_like = NOUN_S.contains(&f.as_str());
                    // A reporting sense wins over a non-claim one (`warn`).
                    m.entry(f)
                        .and_modify(|v| v.reports |= reports)
                        .or_insert(Verb { reports, noun_like });
                }
            }
        };
        add(REPORTING, true);
        add(NON_CLAIM, false);
        m
    })
}

/// Is `w` the base form of a verb whose base form is a cue (`say`, `comment`)?
pub(crate) fn is_base_form(w: &str) -> bool {
    WITH_BASE.contains(&w)
}

/// The reporting verb `w` (lower case) is a form of, if any.
pub(crate) fn lookup(w: &str) -> Option<Verb> {
    // Cheap rejections first: every form is 3-16 ASCII letters.
    if w.len() < 3 || w.len() > 16 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    table().get(w).copied()
}

/// Is `w` a present participle of a reporting verb (`saying`, `adding`, `telling`)? (The
/// attribution reads the `-ing` ending of a looked-up verb; this is for tests.)
#[cfg(test)]
fn participle(w: &str) -> bool {
    w.ends_with("ing") && lookup(w).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_of_regular_and_irregular_verbs() {
        for w in [
            "said",
            "says",
            "saying",
            "say",
            "tells",
            "quipped",
            "quipping",
            "quips",
            "implored",
            "gushed",
            "fumed",
            "exclaimed",
            "joked",
            "sighed",
            "mused",
            "recalled",
            "conceded",
            "vowed",
            "scoffed",
            "marvelled",
            "marveled",
            "replied",
            "cried",
            "wrote",
            "writing",
            "swore",
            "testified",
            "dubbed",
            "labelled",
        ] {
            assert!(lookup(w).is_some(), "{w}");
        }
        assert!(lookup("quips").unwrap().noun_like);
        assert!(!lookup("quipped").unwrap().noun_like);
        assert!(lookup("called").is_some_and(|v| !v.reports));
        assert!(lookup("warned").is_some_and(|v| v.reports));
    }

    #[test]
    fn common_non_speech_forms_are_not_verbs() {
        for w in [
            "call", "press", "figure", "thought", "offered", "charged", "the", "table",
        ] {
            assert!(lookup(w).is_none(), "{w}");
        }
        assert!(participle("adding") && participle("telling") && !participle("said"));
    }

    #[test]
    fn the_lexicon_is_large() {
        assert!(table().len() > 600, "{}", table().len());
    }
}
