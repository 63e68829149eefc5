//! Word lists for attribution: the words that bound a speaker's noun phrase, control and
//! introductory verbs, time words, pronouns and gender cues, roles, document nouns. (Speech
//! verbs are in [`super::verbs`], looked up once per word by the tokenizer.)

/// Words that end a speaker's noun phrase (scanning away from its verb).
pub(crate) fn np_stop(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "and"
            | "but"
            | "or"
            | "nor"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "when"
            | "where"
            | "while"
            | "as"
            | "if"
            | "because"
            | "although"
            | "though"
            | "after"
            | "before"
            | "since"
            | "so"
            | "than"
            | "with"
            | "without"
            | "for"
            | "to"
            | "by"
            | "from"
            | "in"
            | "on"
            | "at"
            | "into"
            | "about"
            | "against"
            | "over"
            | "under"
            | "between"
            | "through"
            | "during"
            | "there"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "should"
            | "do"
            | "does"
            | "did"
            | "not"
            | "what"
            | "how"
            | "why"
            | "also"
            | "it's"
            | "then"
            | "once"
            | "later"
            | "earlier"
    )
}

/// Words between a subject and its verb that are skipped (`Kim has also said`, `Peskov on
/// Friday said`).
pub(crate) fn between_subject_and_verb(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "also"
            | "is"
            | "was"
            | "were"
            | "are"
            | "would"
            | "will"
            | "reportedly"
            | "previously"
            | "later"
            | "earlier"
            | "then"
            | "further"
            | "once"
            | "again"
            | "separately"
            | "recently"
            | "already"
            | "publicly"
            | "repeatedly"
            | "initially"
            | "first"
            | "never"
            | "often"
            | "always"
            | "just"
            | "only"
            | "even"
            | "still"
            | "now"
            | "alternately"
    )
}

/// Words between a subject and `to` + a speech verb (`was prompted to say`, `went on to
/// tell`, `declined to comment`, `is expected to announce`).
pub(crate) fn control_verb(w: &str) -> bool {
    matches!(
        w,
        "prompted"
            | "went"
            | "go"
            | "goes"
            | "going"
            | "on"
            | "declined"
            | "declines"
            | "refused"
            | "refuses"
            | "wanted"
            | "wants"
            | "tried"
            | "tries"
            | "continued"
            | "continues"
            | "used"
            | "expected"
            | "likely"
            | "about"
            | "able"
            | "is"
            | "was"
            | "were"
            | "are"
            | "has"
            | "have"
            | "had"
            | "seemed"
            | "appeared"
            | "hastened"
            | "moved"
            | "rushed"
            | "sought"
            | "chose"
            | "began"
            | "begins"
            | "started"
            | "proceeded"
            | "paused"
            | "stopped"
            | "took"
            | "time"
            | "also"
            | "later"
            | "then"
    )
}

/// Words that open a sentence before its subject (`However, Adelson met …`, `Asked on
/// Monday whether …, Clinton said`): a subject is sought after the next comma.
pub(crate) fn introductory(w: &str) -> bool {
    time_word(w)
        || matches!(
            w,
            "however"
                | "before"
                | "after"
                | "on"
                | "in"
                | "at"
                | "asked"
                | "when"
                | "while"
                | "since"
                | "during"
                | "meanwhile"
                | "still"
                | "yet"
                | "but"
                | "and"
                | "so"
                | "also"
                | "later"
                | "earlier"
                | "then"
                | "now"
                | "last"
                | "this"
                | "speaking"
                | "for"
                | "with"
                | "without"
                | "under"
                | "over"
                | "from"
                | "by"
                | "as"
                | "if"
                | "though"
                | "although"
                | "because"
                | "unlike"
                | "like"
                | "despite"
                | "instead"
                | "indeed"
                | "moreover"
                | "furthermore"
                | "nevertheless"
                | "nonetheless"
                | "thus"
                | "already"
                | "once"
                | "again"
                | "finally"
                | "today"
                | "yesterday"
                | "tonight"
                | "here"
                | "there"
                | "separately"
                | "similarly"
                | "notably"
                | "previously"
                | "recently"
                | "asking"
                | "responding"
                | "addressing"
                | "writing"
                | "appearing"
                | "interviewed"
        )
}

/// Time words skipped next to a verb (`said Friday`, `on Friday said`, `earlier this week`).
pub(crate) fn time_word(w: &str) -> bool {
    crate::text::is_weekday(w)
        || matches!(
            w,
            "today"
                | "yesterday"
                | "tonight"
                | "week"
                | "month"
                | "year"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "weekend"
                | "day"
                | "hour"
                | "decade"
                | "days"
                | "weeks"
                | "months"
                | "years"
                | "hours"
                | "decades"
        )
}

/// Words that lead a time phrase (`on Friday`, `this week`, `last month`).
pub(crate) fn time_lead(w: &str) -> bool {
    matches!(
        w,
        "on" | "this" | "last" | "earlier" | "later" | "late" | "early" | "next"
    )
}

/// A person's grammatical gender, as far as the text or the gazetteer tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// Personal pronouns that can be speakers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pronoun {
    Person(Gender),
    It,
    They,
}

pub(crate) fn pronoun(w: &str) -> Option<Pronoun> {
    // `he'd`, `she'll`, `they've`: the pronoun of a contraction.
    let w = w
        .split_once('\'')
        .filter(|(_, rest)| matches!(*rest, "d" | "ll" | "s" | "ve" | "re"))
        .map_or(w, |(p, _)| p);
    match w {
        "he" => Some(Pronoun::Person(Gender::Male)),
        "she" => Some(Pronoun::Person(Gender::Female)),
        "it" => Some(Pronoun::It),
        "they" | "we" => Some(Pronoun::They),
        _ => None,
    }
}

/// What a role noun refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A person with this role word (`minister`, `congressman`).
    Person(&'static [&'static str]),
    /// An organisation whose type or name holds one of these words.
    Org(&'static [&'static str]),
    /// A group with no single entity (`officials`, `lawmakers`): plural, resolves to nothing.
    Group,
}

/// The role a head noun names (`the spy agency` -> an intelligence organisation).
pub(crate) fn role(head: &str, modifiers: &[String]) -> Option<Role> {
    let spy = modifiers
        .iter()
        .any(|m| m == "spy" || m == "intelligence" || m == "espionage");
    Some(match head {
        "agency" | "service" | "intelligence" if spy || head == "intelligence" => {
            Role::Org(&["intelligence"])
        }
        "agency" => Role::Org(&["agency"]),
        "ministry" => Role::Org(&["ministry"]),
        "department" => Role::Org(&["department", "ministry"]),
        "committee" => Role::Org(&["committee"]),
        "company" | "firm" | "group" | "manufacturer" | "maker" | "bank" => {
            Role::Org(&["company", "bank", "manufacturer", "firm"])
        }
        "military" | "army" | "navy" | "forces" => Role::Org(&["military", "army", "navy"]),
        "kremlin" | "government" | "administration" => {
            Role::Org(&["government", "kremlin", "administration"])
        }
        "broadcaster" | "network" | "newspaper" | "outlet" => {
            Role::Org(&["broadcaster", "newspaper", "news"])
        }
        "organisation" | "organization" | "alliance" | "bloc" | "body" => {
            Role::Org(&["organisation", "organization", "alliance"])
        }
        "president" => Role::Person(&["president"]),
        "minister" => Role::Person(&["minister"]),
        "congressman" | "congresswoman" | "representative" => {
            Role::Person(&["congress", "representative", "house"])
        }
        "senator" => Role::Person(&["senator", "senate"]),
        "spokesman" | "spokeswoman" | "spokesperson" => Role::Person(&["spokes"]),
        "secretary" => Role::Person(&["secretary"]),
        "ambassador" | "envoy" => Role::Person(&["ambassador", "envoy"]),
        "professor" => Role::Person(&["professor"]),
        "chancellor" => Role::Person(&["chancellor"]),
        "premier" => Role::Person(&["premier", "prime minister"]),
        "leader" => Role::Person(&["leader", "president", "chairman"]),
        "chairman" | "chairwoman" | "chair" => Role::Person(&["chair"]),
        "governor" => Role::Person(&["governor"]),
        "mayor" => Role::Person(&["mayor"]),
        "general" | "commander" => Role::Person(&["general", "commander"]),
        "official" | "diplomat" | "lawmaker" | "analyst" | "expert" | "source" | "spokesmen" => {
            Role::Person(&[])
        }
        "officials" | "lawmakers" | "legislators" | "experts" | "analysts" | "media"
        | "sources" | "authorities" | "diplomats" | "residents" | "witnesses" | "reporters"
        | "critics" | "observers" | "people" | "researchers" | "scientists" | "investigators"
        | "prosecutors" | "police" | "officers" | "leaders" | "ministers" | "members" => {
            Role::Group
        }
        _ => return None,
    })
}

/// Nouns for what a speaker issued (`the agency's statement`, `a Reuters report`): the speaker
/// is the rest of the phrase.
pub(crate) fn document_noun(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "statment"
            | "report"
            | "reports"
            | "remarks"
            | "comments"
            | "data"
            | "figures"
            | "estimate"
            | "estimates"
            | "assessment"
            | "briefing"
            | "letter"
            | "post"
            | "tweet"
            | "release"
            | "announcement"
            | "analysis"
            | "survey"
            | "study"
            | "account"
    )
}

/// A gazetteer `gender` attribute (`male`/`female`, `m`/`f`, `man`/`woman`, any case).
pub(crate) fn gender_attr(v: &str) -> Option<Gender> {
    match v.trim().to_ascii_lowercase().as_str() {
        "male" | "m" | "man" => Some(Gender::Male),
        "female" | "f" | "woman" => Some(Gender::Female),
        _ => None,
    }
}

/// A word written right before a name that tells its gender (`Mr.`, `Ms.`, `spokeswoman`, `King`),
/// lower case, with any abbreviation period.
pub(crate) fn gender_cue(w: &str) -> Option<Gender> {
    match w.strip_suffix('.').unwrap_or(w) {
        "mr" | "sir" | "lord" | "king" | "prince" | "father" | "brother" | "spokesman"
        | "chairman" | "congressman" | "businessman" | "councilman" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "madam" | "madame" | "dame" | "lady" | "queen" | "princess"
        | "sister" | "spokeswoman" | "chairwoman" | "congresswoman" | "businesswoman"
        | "councilwoman" => Some(Gender::Female),
        _ => None,
    }
}
