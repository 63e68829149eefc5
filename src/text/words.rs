//! Facts about English words that several stages ask: months, weekdays, determiners. Every
//! function takes the word in lower case.

/// Month names and their abbreviations, in lower case (`october`, `oct`, `sept`).
pub fn is_month_word(w: &str) -> bool {
    is_month_name(w)
        || matches!(
            w,
            "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
        )
}

/// Full month names (`january` … `december`).
pub fn is_month_name(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// The days of the week.
pub fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Articles, possessive and demonstrative determiners: words that open a noun phrase (`the`,
/// `his`, `these`).
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "this" | "these" | "those"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_weekdays_and_determiners() {
        assert!(is_month_word("sept") && is_month_word("october") && !is_month_word("mayor"));
        assert!(is_month_name("may") && !is_month_name("sept"));
        assert!(is_weekday("friday") && !is_weekday("fri") && !is_weekday("today"));
        assert!(is_determiner("their") && !is_determiner("one") && !is_determiner("them"));
    }
}
