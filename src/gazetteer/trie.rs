//! The anchored automaton of large gazetteers: a compressed prefix tree (a radix tree) over the
//! sorted patterns, walked from one text position to report every pattern that starts there.
//!
//! The matcher only ever asks "which patterns begin at this position?" (the start filter has
//! already said where one may), so the failure links of an Aho-Corasick automaton are never
//! followed, yet its builder computes them for every state: most of a large gazetteer's
//! compile time and memory. A radix tree built in one pass over the sorted patterns needs
//! neither: a chain of single-child states is one edge whose bytes are compared at once, a
//! node's children lie side by side (breadth-first order, so the top levels, which every walk
//! visits, share a few cache lines), and the root has a row of 256.

/// No pattern ends at a node, or no child.
const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
struct Node {
    /// The bytes of the edge into this node, in `labels`.
    label: u32,
    label_len: u32,
    /// Children are `first_child..first_child + n_children`, by first byte.
    first_child: u32,
    n_children: u32,
    /// The pattern that ends here.
    pattern: u32,
}

/// Every pattern of a sorted, duplicate-free list, by the position its walk reaches.
#[derive(Debug)]
pub(super) struct PrefixTrie {
    nodes: Vec<Node>,
    /// The first byte of each node's edge, for choosing a child.
    first_bytes: Vec<u8>,
    labels: Vec<u8>,
    /// The root's child by byte.
    root: Box<[u32; 256]>,
}

impl PrefixTrie {
    /// The tree of `patterns`, which must be sorted bytewise and distinct (the matcher's are);
    /// pattern `i` reports `i`. An empty pattern never matches.
    pub(super) fn new(patterns: &[&str]) -> PrefixTrie {
        debug_assert!(patterns.windows(2).all(|w| w[0] < w[1]));
        let mut t = PrefixTrie {
            nodes: Vec::with_capacity(patterns.len() * 3 / 2),
            first_bytes: Vec::with_capacity(patterns.len() * 3 / 2),
            labels: Vec::new(),
            root: Box::new([NONE; 256]),
        };
        let p = |i: usize| patterns[i].as_bytes();
        // Breadth first: a node's range of patterns (all share its path of `depth` bytes) is
        // cut by the next byte into its children, appended together so that they are
        // contiguous. `None` stands for the root.
        let mut queue = std::collections::VecDeque::new();
        let lo = patterns.iter().take_while(|s| s.is_empty()).count();
        queue.push_back((None, lo, patterns.len(), 0usize));
        while let Some((parent, mut lo, hi, depth)) = queue.pop_front() {
            if let Some(n) = parent {
                if lo < hi && p(lo).len() == depth {
                    t.nodes[n as usize].pattern = lo as u32;
                    lo += 1;
                }
                t.nodes[n as usize].first_child = t.nodes.len() as u32;
            }
            let mut a = lo;
            while a < hi {
                let byte = p(a)[depth];
                let b = a + patterns[a..hi].partition_point(|s| s.as_bytes()[depth] == byte);
                // The edge goes as far as the group's first and last patterns agree (sorted:
                // as far as all of them do).
                let (first, last) = (p(a), p(b - 1));
                let common = first[depth..]
                    .iter()
                    .zip(&last[depth..])
                    .take_while(|(x, y)| x == y)
                    .count();
                let id = t.nodes.len() as u32;
                t.nodes.push(Node {
                    label: t.labels.len() as u32,
                    label_len: common as u32,
                    first_child: NONE,
                    n_children: 0,
                    pattern: NONE,
                });
                t.first_bytes.push(byte);
                t.labels.extend_from_slice(&first[depth..depth + common]);
                match parent {
                    Some(n) => t.nodes[n as usize].n_children += 1,
                    None => t.root[byte as usize] = id,
                }
                queue.push_back((Some(id), a, b, depth + common));
                a = b;
            }
        }
        t.nodes.shrink_to_fit();
        t.first_bytes.shrink_to_fit();
        t.labels.shrink_to_fit();
        t
    }

    /// Calls `f(end, pattern)` for every pattern that `t[pos..]` begins with, shortest first.
    #[inline]
    pub(super) fn walk(&self, t: &[u8], pos: usize, mut f: impl FnMut(usize, u32)) {
        let Some(&b) = t.get(pos) else {
            return;
        };
        let mut id = self.root[b as usize];
        let mut j = pos;
        while id != NONE {
            let n = self.nodes[id as usize];
            let (s, len) = (n.label as usize, n.label_len as usize);
            match t.get(j..j + len) {
                Some(run) if run == &self.labels[s..s + len] => j += len,
                _ => return,
            }
            if n.pattern != NONE {
                f(j, n.pattern);
            }
            let Some(&b) = t.get(j) else {
                return;
            };
            let kids = n.first_child as usize..(n.first_child + n.n_children) as usize;
            id = match self.first_bytes[kids.clone()].iter().position(|&x| x == b) {
                Some(k) => (kids.start + k) as u32,
                None => NONE,
            };
        }
    }

    pub(super) fn memory_usage(&self) -> usize {
        self.nodes.capacity() * std::mem::size_of::<Node>()
            + self.first_bytes.capacity()
            + self.labels.capacity()
            + 256 * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ends(trie: &PrefixTrie, text: &str, pos: usize) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        trie.walk(text.as_bytes(), pos, |e, p| out.push((e, p)));
        out
    }

    #[test]
    fn every_pattern_that_starts_at_a_position_shortest_first() {
        let pats = ["new", "new york", "new york city", "newark", "york"];
        let trie = PrefixTrie::new(&pats);
        assert_eq!(
            ends(&trie, "new york city hall", 0),
            vec![(3, 0), (8, 1), (13, 2)]
        );
        assert_eq!(ends(&trie, "newark airport", 0), vec![(3, 0), (6, 3)]);
        assert_eq!(ends(&trie, "in new york", 7), vec![(11, 4)]);
        // A walk stops where the text leaves every pattern, or ends inside one.
        assert_eq!(ends(&trie, "newt", 0), vec![(3, 0)]);
        assert_eq!(ends(&trie, "new yo", 0), vec![(3, 0)]);
        assert_eq!(ends(&trie, "yolk", 0), vec![]);
        assert_eq!(ends(&trie, "", 0), vec![]);
    }

    #[test]
    fn chains_are_one_edge_and_the_empty_pattern_never_matches() {
        let pats = ["", "abcdefgh", "abcdefgz"];
        let trie = PrefixTrie::new(&pats);
        // The root's child `abcdefg`, then `h` and `z`.
        assert_eq!(trie.nodes.len(), 3);
        assert_eq!(ends(&trie, "abcdefgz!", 0), vec![(8, 2)]);
        assert_eq!(ends(&trie, "x", 0), vec![]);
    }

    proptest! {
        #[test]
        fn agrees_with_checking_every_pattern(
            mut pats in proptest::collection::vec("[ab ]{0,6}|é[ab]{0,2}", 0..40),
            text in "[ab é]{0,12}",
        ) {
            pats.sort();
            pats.dedup();
            let refs: Vec<&str> = pats.iter().map(String::as_str).collect();
            let trie = PrefixTrie::new(&refs);
            for pos in 0..=text.len() {
                let mut want: Vec<(usize, u32)> = refs
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| !p.is_empty() && text.as_bytes()[pos..].starts_with(p.as_bytes()))
                    .map(|(i, p)| (pos + p.len(), i as u32))
                    .collect();
                want.sort();
                prop_assert_eq!(ends(&trie, &text, pos), want);
            }
        }
    }
}
