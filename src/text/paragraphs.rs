//! Paragraphs: the text between blank lines (a line break, optional spaces or tabs, a line
//! break). One definition for every stage: quote pairing works paragraph by paragraph, and a
//! sentence never crosses a blank line.

/// Paragraphs of `text`: byte ranges separated by blank lines, trimmed, never empty.
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<(usize, usize)>, s: usize, e: usize| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let body = piece.trim();
        if !body.is_empty() {
            out.push((s + lead, s + lead + body.len()));
        }
    };
    while i < b.len() {
        if b[i] == b'\n' {
            let mut j = i + 1;
            let mut blank = false;
            while j < b.len() {
                match b[j] {
                    b'\n' => {
                        blank = true;
                        break;
                    }
                    b' ' | b'\t' | b'\r' => j += 1,
                    _ => break,
                }
            }
            if blank {
                push(&mut out, start, i);
                start = j + 1;
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    push(&mut out, start, b.len());
    out
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn blank_lines_separate_and_pieces_are_trimmed() {
        let t = "  Title line \n \t \nBody one\nwrapped.\n\n\n\nLast.  \n";
        let p: Vec<&str> = paragraphs(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(p, ["Title line", "Body one\nwrapped.", "Last."]);
        assert!(paragraphs(" \n\n ").is_empty());
    }
}
