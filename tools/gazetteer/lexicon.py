"""Word lists that decide whether an alias may match alone (used by build.py, not shipped).

- common words: the lower-case entries of a system word list (SCOWL's ``american-english``, the
  Debian package ``wamerican``): ``can``, ``god``, ``come``, ``hit``, ``than``. Proper nouns are
  capitalised there and so are not common words.
- person names: every given name and family name of the people the sources know (the
  legislators of EveryPolitician and the US Congress, the curated people), which is what makes
  ``Harper``, ``Leslie`` or ``Florence`` a name before it is a town.
- particles: the small words inside names (``van``, ``de``, ``bin``).

Comparisons are made on the folded form (lower case, Latin diacritics stripped), so ``Çan``,
``Göd``, ``Comé``, ``Hīt`` and ``Thān`` are the common words they look like.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from pathlib import Path

WORDLIST_PATHS = (Path("/usr/share/dict/american-english"), Path("/usr/share/dict/words"))
# British spellings (`centre`, `colour`): SCOWL's ``british-english`` (Debian ``wbritish``).
BRITISH_WORDLIST = Path("/usr/share/dict/british-english")

PARTICLES = set(
    """van von der den de da das do dos del della di du la le les al el bin ibn bint abu
    ben ter ten mac st san santa""".split()
)


# Capitalised in word lists, yet common words of every news text.
CALENDAR = set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)


def fold(s: str) -> str:
    """Lower case without Latin diacritics (`Çan` -> `can`)."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def common_words(path: Path | None = None) -> set[str]:
    """Lower-case words of the system word list (possessives dropped)."""
    if not BRITISH_WORDLIST.exists():
        raise SystemExit("no British word list: install the Debian/Ubuntu package `wbritish`")
    for p in [path] if path else WORDLIST_PATHS:
        if p and p.exists():
            out = CALENDAR | COMMON_CODES
            for f in (p, BRITISH_WORDLIST):
                words = f.read_text("utf-8", errors="replace").split()
                out |= {fold(w) for w in words if w[:1].islower() and "'" not in w}
            return out
    raise SystemExit(
        "no word list found: install the Debian/Ubuntu package `wamerican` "
        "(/usr/share/dict/american-english) or pass --wordlist"
    )


# Abbreviations that news writes in capitals and that name no organisation (`the CEO said`).
COMMON_CODES = set(
    """ceo cfo coo cto cio gdp gnp hiv dna rna vip faq atm suv mvp etf ipo llc usb pdf url
    pc tv""".split()
)
# Words that make a phrase of common words a phrase, not a name: `All of Us`, `At Home`, `The
# Union` (a party, a shop, a newspaper) need evidence; `Home Depot`, `General Electric` do not.
FUNCTION_WORDS = set(
    """the a an at all of in on for to by with from and or not no we us our you your my me
    it its this that these those one more most any every some what how who when where why
    here there""".split()
)


class Lexicon:
    def __init__(self, common: set[str]) -> None:
        self.common = common
        self.names: set[str] = set()

    def add_name(self, full: str) -> None:
        for w in full.replace("-", " ").split():
            w = fold(w.strip(".,()\"'"))
            if len(w) >= 2 and w.isalpha():
                self.names.add(w)

    def is_common(self, alias: str) -> bool:
        """A single word (or one word and a dot) that is a common English word."""
        a = fold(alias.strip().rstrip("."))
        return " " not in a and a in self.common

    def is_name_word(self, alias: str) -> bool:
        a = fold(alias.strip())
        return " " not in a and (a in self.names or a in PARTICLES)

    def needs_evidence(self, alias: str) -> bool:
        """An alias that may not match alone: a common word, a person's name or particle, or a
        word of fewer than four letters that is not an all-capitals code."""
        a = alias.strip()
        if " " in a:
            words = fold(a).split()
            return fold(a) in self.common or (
                words[0] in FUNCTION_WORDS and all(w in self.common for w in words)
            )
        letters = [c for c in a if c.isalpha()]
        if len(letters) < 4 and not (a.isupper() and len(letters) >= 2):
            return True
        return self.is_common(a) or self.is_name_word(a)


def census_given_names() -> dict[str, tuple[float, float]]:
    """First names of the 1990 US Census (public domain), from the PyPI package `names`: each
    folded name with its share of men and of women who bear it (percent)."""
    import importlib.util

    spec = importlib.util.find_spec("names")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("the build needs the PyPI package `names` (US Census name lists)")
    folder = Path(next(iter(spec.submodule_search_locations)))
    out: dict[str, tuple[float, float]] = {}
    for k, f in enumerate(("dist.male.first", "dist.female.first")):
        for line in (folder / f).read_text().splitlines():
            if line.strip():
                name, share = line.split()[:2]
                shares = list(out.get(fold(name), (0.0, 0.0)))
                shares[k] += float(share)
                out[fold(name)] = (shares[0], shares[1])
    return out


# A given name is a man's (a woman's) when this many times more men (women) bear it.
GENDER_RATIO = 4.0


def given_name_genders(census: dict[str, tuple[float, float]], records) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """`m` or `f` for the given names that are clearly one: by the Census shares (`Jordan`:
    0.056 % of men, 0.012 % of women: `m`), else by the gazetteer's people of that first name
    with a gender (at least two, at least four in five of one)."""
    out = {}
    for n, (m, f) in census.items():
        if m >= GENDER_RATIO * f:
            out[n] = "m"
        elif f >= GENDER_RATIO * m:
            out[n] = "f"
    votes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in records:
        g = r.get("gender")
        if r["kind"] == "person" and g in ("male", "female"):
            first = fold(r["name"].split()[0].strip("."))
            votes[first][g == "female"] += 1
    for n, (m, f) in votes.items():
        if n in census or m + f < 2:
            continue
        if m >= 4 * f:
            out[n] = "m"
        elif f >= 4 * m:
            out[n] = "f"
    return out


def write_given_names(
    path: Path, census: dict[str, tuple[float, float]], records, common: set[str]
) -> None:  # type: ignore[no-untyped-def]
    """The given names the core's person finder knows, one per line, folded: the Census first
    names and the first words of the gazetteer's people, less particles and titles; a name that
    is also a common word (`mark`, `will`) is marked with a trailing `*` (it needs more
    evidence: not at a sentence start), and a name that is clearly a man's or a woman's is
    followed by ` m` or ` f` (`he` and `she` find their speaker by it)."""
    records = list(records)
    names = set(census)
    for r in records:
        if r["kind"] == "person":
            first = r["name"].split()[0]
            f = fold(first.strip("."))
            if len(f) >= 2 and f.isalpha() and first[:1].isupper():
                names.add(f)
    # Particles inside a name (`ibn`, `van`) are not given names, but `Ben` and `Al` start
    # names more often than not (`Ben Chavis`, `Al Gore`).
    names -= PARTICLES - {"ben", "al"}
    genders = given_name_genders(census, records)
    lines = sorted(
        n + ("*" if n in common else "") + (f" {genders[n]}" if n in genders else "")
        for n in names
        if len(n) >= 2
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# Given names for the person finder (generated by tools/gazetteer/build.py; the\n"
        "# US Census 1990 first names, public domain, and the default gazetteer's people;\n"
        "# `*` a common word too, ` m`/` f` a man's or a woman's name).\n" + "\n".join(lines) + "\n"
    )
