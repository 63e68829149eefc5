//! Word lists of the person finder: given names (generated from the US Census's first names
//! and the default gazetteer's people by tools/gazetteer/build.py), titles, and the head words
//! that make a capitalised run the name of a place or an organisation rather than a person.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A given name: also a common word (`mark`, `will`: such a name needs more evidence, it may
/// not start a sentence), and whose name it is, when it is clearly a man's or a woman's.
#[derive(Clone, Copy, Debug)]
struct GivenName {
    common: bool,
    gender: Option<&'static str>,
}

/// Folded given name -> what the list says of it. A line is the name, `*` when it is a common
/// word too, and ` m` or ` f` when it is a man's or a woman's.
fn given_names() -> &'static HashMap<&'static str, GivenName> {
    static NAMES: OnceLock<HashMap<&'static str, GivenName>> = OnceLock::new();
    NAMES.get_or_init(|| {
        include_str!("given_names.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                let (l, gender) = match l.split_once(' ') {
                    Some((n, "m")) => (n, Some("male")),
                    Some((n, "f")) => (n, Some("female")),
                    Some((n, _)) => (n, None),
                    None => (l, None),
                };
                match l.strip_suffix('*') {
                    Some(n) => (
                        n,
                        GivenName {
                            common: true,
                            gender,
                        },
                    ),
                    None => (
                        l,
                        GivenName {
                            common: false,
                            gender,
                        },
                    ),
                }
            })
            .collect()
    })
}

/// Is `folded` (lower case, no diacritics) a given name; `Some(true)` when it is also a
/// common word.
pub(super) fn given_name(folded: &str) -> Option<bool> {
    given_names().get(folded).map(|g| g.common)
}

/// `male` or `female` when the given name `folded` is clearly a man's or a woman's.
pub(super) fn given_name_gender(folded: &str) -> Option<&'static str> {
    given_names().get(folded).and_then(|g| g.gender)
}

/// The gender a title before a name tells (`mrs` -> `female`), lower case without its dot.
pub(super) fn title_gender(w: &str) -> Option<&'static str> {
    match w {
        "mr" | "sir" | "lord" | "king" | "prince" | "duke" | "baron" | "count" => Some("male"),
        "mrs" | "ms" | "miss" | "lady" | "dame" | "queen" | "princess" | "duchess" | "baroness"
        | "countess" => Some("female"),
        _ => None,
    }
}

/// Titles written before a name (lower case, without a dot): they are evidence of a person
/// and not part of the name. The gazetteer's titles (before a surname) and more that stand
/// before a full name (`coach`, `officer`, `striker`).
pub(super) fn is_title(w: &str) -> bool {
    crate::gazetteer::is_person_title(w)
        || matches!(
            w,
            "miss"
                | "sgt"
                | "sergeant"
                | "cpl"
                | "rev"
                | "reverend"
                | "sir"
                | "dame"
                | "lord"
                | "lady"
                | "coach"
                | "officer"
                | "detective"
                | "inspector"
                | "director"
                | "commissioner"
                | "attorney"
                | "lawyer"
                | "sheriff"
                | "pastor"
                | "father"
                | "sister"
                | "brother"
                | "rabbi"
                | "imam"
                | "cardinal"
                | "bishop"
                | "archbishop"
                | "chef"
                | "actor"
                | "actress"
                | "singer"
                | "star"
                | "striker"
                | "midfielder"
                | "defender"
                | "goalkeeper"
                | "quarterback"
                | "pitcher"
                | "manager"
        )
}

/// Words that may stand inside a title before the name (`Prime Minister`, `Foreign Secretary`,
/// `Deputy Chief Constable`) and are not names themselves.
pub(super) fn is_title_part(w: &str) -> bool {
    is_title(w)
        || matches!(
            w,
            "prime"
                | "vice"
                | "deputy"
                | "foreign"
                | "defence"
                | "defense"
                | "home"
                | "interior"
                | "finance"
                | "health"
                | "education"
                | "state"
                | "former"
                | "acting"
                | "interim"
                | "assistant"
                | "associate"
                | "executive"
                | "senior"
                | "district"
                | "supreme"
                | "constable"
                | "lieutenant"
                | "first"
                | "crown"
                | "press"
                | "head"
                | "team"
                | "opposition"
                | "labour"
                | "conservative"
                | "democratic"
                | "republican"
                | "us"
                | "u.s"
                | "uk"
                | "un"
                | "eu"
                | "nato"
        )
}

/// Ranks of nobility and royalty (lower case): written after a given name they are no surname.
pub(super) fn is_rank(w: &str) -> bool {
    matches!(
        w,
        "duke"
            | "duchess"
            | "earl"
            | "countess"
            | "marquess"
            | "viscount"
            | "baroness"
            | "prince"
            | "princess"
            | "king"
            | "queen"
            | "lord"
            | "lady"
    )
}

/// Particles inside a name, in lower case (`Ursula von der Leyen`, `Jordan De Goey`).
pub(super) fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "da"
            | "das"
            | "dos"
            | "del"
            | "della"
            | "di"
            | "du"
            | "la"
            | "le"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "ben"
            | "ter"
            | "ten"
            | "st"
    )
}

/// What a head word makes the name it ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Head {
    Org,
    Place,
    Event,
    /// A title of nobility with its seat (`Duchess of Cambridge`): a person.
    Person,
}

/// The kind of name that `w` (folded) heads, if it heads one.
pub(super) fn head(w: &str) -> Option<Head> {
    use Head::*;
    Some(match w {
        "university" | "college" | "school" | "academy" | "institute" | "institution"
        | "police" | "department" | "ministry" | "agency" | "office" | "bureau" | "service"
        | "services" | "group" | "party" | "council" | "committee" | "commission" | "court"
        | "bank" | "company" | "corporation" | "corp" | "inc" | "ltd" | "llc" | "plc"
        | "limited" | "club" | "fc" | "league" | "association" | "foundation" | "society"
        | "fund" | "trust" | "union" | "federation" | "authority" | "administration" | "board"
        | "army" | "navy" | "airlines" | "airways" | "systems" | "technologies" | "management"
        | "enforcement" | "protection" | "organization" | "organisation" | "hospital"
        | "clinic" | "network" | "studios" | "records" | "exchange" | "coalition" | "alliance"
        | "center" | "centre" | "museum" | "library" | "times" | "journal" | "herald"
        | "tribune" | "gazette" | "chronicle" | "magazine" => Org,
        "airport" | "station" | "stadium" | "arena" | "bridge" | "street" | "avenue" | "road"
        | "boulevard" | "square" | "park" | "hall" | "palace" | "tower" | "prison" | "jail"
        | "base" | "hotel" | "mine" | "river" | "lake" | "mountain" | "mountains" | "island"
        | "islands" | "valley" | "county" | "counties" | "province" | "district" | "region"
        | "beach" | "bay" | "harbor" | "harbour" | "cathedral" => Place,
        "duke" | "duchess" | "earl" | "countess" | "marquess" | "viscount" | "prince"
        | "princess" => Person,
        "cup" | "marathon" | "games" | "olympics" | "championship" | "championships" | "prize"
        | "award" | "awards" | "festival" | "war" | "act" | "treaty" | "bowl" | "trophy"
        | "series" | "day" => Event,
        _ => return None,
    })
}

/// Capitalised words after which a run of capitalised words names a place, an organisation, an
/// event or a work rather than a person (`Ohio State University`, `Lake Burton`, `Houston
/// Police`, `Miami Dolphins`), and words that never belong to a person's name.
pub(super) fn is_not_name_word(w: &str) -> bool {
    // A title of nobility heads a name only with its seat (`Duke of Avalon`); `Annie Duke`
    // is a person.
    head(w).is_some_and(|h| h != Head::Person)
        || crate::text::is_weekday(w)
        // `March` and `May` are names too.
        || crate::text::is_month_name(w) && !matches!(w, "march" | "may")
        || matches!(
            w,
            "university"
                | "college"
                | "school"
                | "academy"
                | "institute"
                | "police"
                | "department"
                | "ministry"
                | "agency"
                | "office"
                | "bureau"
                | "service"
                | "services"
                | "street"
                | "st."
                | "avenue"
                | "road"
                | "boulevard"
                | "square"
                | "bridge"
                | "river"
                | "lake"
                | "mount"
                | "mountain"
                | "mountains"
                | "county"
                | "city"
                | "town"
                | "village"
                | "state"
                | "province"
                | "region"
                | "district"
                | "airport"
                | "park"
                | "bay"
                | "beach"
                | "island"
                | "islands"
                | "valley"
                | "hills"
                | "heights"
                | "falls"
                | "springs"
                | "harbor"
                | "harbour"
                | "port"
                | "times"
                | "post"
                | "news"
                | "journal"
                | "herald"
                | "tribune"
                | "gazette"
                | "magazine"
                | "review"
                | "press"
                | "tech"
                | "group"
                | "party"
                | "council"
                | "committee"
                | "commission"
                | "court"
                | "house"
                | "hall"
                | "hospital"
                | "clinic"
                | "center"
                | "centre"
                | "church"
                | "cathedral"
                | "bank"
                | "company"
                | "corporation"
                | "corp"
                | "inc"
                | "ltd"
                | "llc"
                | "club"
                | "united"
                | "fc"
                | "stadium"
                | "arena"
                | "museum"
                | "library"
                | "hotel"
                | "airlines"
                | "airways"
                | "motors"
                | "records"
                | "studios"
                | "network"
                | "channel"
                | "radio"
                | "tv"
                | "festival"
                | "cup"
                | "league"
                | "championship"
                | "championships"
                | "open"
                | "games"
                | "olympics"
                | "prize"
                | "award"
                | "awards"
                | "day"
                | "act"
                | "law"
                | "treaty"
                | "war"
                | "army"
                | "navy"
                | "force"
                | "forces"
                | "guard"
                | "republic"
                | "kingdom"
                | "union"
                | "association"
                | "foundation"
                | "society"
                | "fund"
                | "trust"
                | "project"
                | "program"
                | "programme"
                | "foods"
                | "energy"
                | "oil"
                | "gas"
                | "health"
                | "care"
                | "systems"
                | "technologies"
                | "international"
                | "national"
                | "federal"
                | "global"
                | "world"
                | "north"
                | "south"
                | "east"
                | "west"
                | "northern"
                | "southern"
                | "eastern"
                | "western"
                | "central"
                | "new"
                | "god"
                | "christmas"
                | "easter"
                | "the"
                | "a"
                | "an"
                | "and"
                | "of"
                | "in"
                | "on"
                | "for"
                | "but"
                | "if"
                | "when"
                | "this"
                | "that"
                | "it"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
        )
}

/// Speech verbs whose subject or object next to a name is evidence of a person (`X said`,
/// `said X`).
pub(super) fn is_speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "told" | "added" | "asked" | "explained" | "wrote" | "recalled" | "noted"
    )
}
