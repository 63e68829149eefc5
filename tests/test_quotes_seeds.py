# ruff: noqa: E501  (the expected quotes are long literal strings)
"""Quotes and number sources on the five seed articles, with the bundled default gazetteer.

Every quote is asserted (text, speaker surface, speaker id, partial), and every troop number's
source: the NIS for 1,500, Zelenskyy for 10,000, South Korean lawmakers for 3,000, South Korean
officials or media for 12,000.
"""

from __future__ import annotations

import pytest

import wirescan

SEED_QUOTES: dict[str, list[tuple[str, str | None, str | None, bool]]] = {
    "000": [
        (
            "Large Russian transport aircraft have also been frequently travelling between Vladivostok and Pyongyang.",
            "the agency",
            "ws:kr-nis",
            False,
        ),
        (
            "From intelligence that I have ... they are preparing 10,000 soldiers, different soldiers, land forces, technical personnel.",
            "Zelenskyy",
            "Q3874799",
            False,
        ),
        (
            "We know about 10,000 soldiers of North Korea ... are preparing to (start) fighting against us. This is really an urgent thing, I spoke about it with the United States, I spoke about it with all the leaders.",
            "Zelenskyy",
            "Q3874799",
            False,
        ),
        (
            "is aiding Russian aggression against Ukraine with weapons and personnel. Not mercenaries.",
            "Andrii Sybiha",
            "ws:andrii-sybiha",
            True,
        ),
        ("aggression", "Sybiha", "ws:andrii-sybiha", True),
        ("involving DPRK on a war party scale,", "Sybiha", "ws:andrii-sybiha", True),
        ("alarming", "US House Intelligence Committee chair Mike Turner", "Q505722", True),
        (
            "an extreme escalation of the conflict in Ukraine.",
            "US House Intelligence Committee chair Mike Turner",
            "Q505722",
            True,
        ),
        (
            "The troop movements, if true ... require an immediate response from the United States and our NATO allies,",
            "the congressman",
            "Q505722",
            False,
        ),
        ("immediate classified briefing", "the congressman", "Q505722", True),
    ],
    "001": [
        ("large-scale", "Seoul's intelligence agency", "ws:kr-nis", True),
        (
            "a significant security threat not only to our country but\nalso to the international community,",
            "the president's office",
            "ws:yoon-suk-yeol",
            True,
        ),
        (
            "detected that from the 8th to the 13th [of October], North Korea\n transported its special forces to Russia via a Russian Navy transport ship, confirming the start\nof North Korea's military participation",
            "The NIS",
            "ws:kr-nis",
            True,
        ),
        (
            "are expected to be deployed to the front lines [of the war in\nUkraine] as soon as they complete acclimatization training,",
            "it",
            "ws:kr-nis",
            True,
        ),
        (
            "This seems to be an effort to disguise the fact that they are North Korean troops by making\nthem appear as Russian soldiers,",
            "the spy agency",
            "ws:kr-nis",
            False,
        ),
        ("A second transport operation\nis expected to take place soon,", "they", None, False),
        (
            "provided Russia with more than 13,000\ncontainers' worth of artillery shells, missiles, anti-tank rockets and other lethal weapons",
            "South Korea's NIS",
            "ws:kr-nis",
            True,
        ),
        ("highly likely", "South Korea's Defense Minister Kim Yong-hyun", "ws:kim-yong-hyun", True),
        (
            "For North Korea, which has supplied Russia with many shells and missiles, it's crucial to\nlearn how to handle different weapons and gain real-world combat experience,",
            "Lim\nEul-chul",
            "ws:lim-eul-chul",
            False,
        ),
        (
            "This might even be a driving factor behind sending North Korean soldiers — to provide them\nwith diverse experiences and war-time training,",
            "he",
            "ws:lim-eul-chul",
            False,
        ),
    ],
    "002": [
        (
            "detected that from the 8th to the 13th [of October], North Korea transported its special forces to Russia via a Russian Navy transport ship, confirming the start of North Korea's military participation",
            "The NIS",
            "ws:kr-nis",
            True,
        ),
        (
            "a significant security threat not only to our country but also to the international community,",
            "the president's office",
            "ws:yoon-suk-yeol",
            True,
        ),
        ("large-scale", "Seoul's intelligence agency", "ws:kr-nis", True),
        (
            "are expected to be deployed to the front lines [of the war in Ukraine] as soon as they complete acclimatization training,",
            "it",
            "ws:kr-nis",
            True,
        ),
        (
            "This seems to be an effort to disguise the fact that they are North Korean troops by making them appear as Russian soldiers,",
            "the spy agency",
            "ws:kr-nis",
            False,
        ),
        ("A second transport operation is expected to take place soon,", "they", None, False),
        (
            "provided Russia with more than 13,000 containers' worth of artillery shells, missiles, anti-tank rockets and other lethal weapons",
            "South Korea's NIS",
            "ws:kr-nis",
            True,
        ),
        ("highly likely", "South Korea's Defense Minister Kim Yong-hyun", "ws:kim-yong-hyun", True),
        (
            "For North Korea, which has supplied Russia with many shells and missiles, it's crucial to learn how to handle different weapons and gain real-world combat experience,",
            "Lim Eul-chul",
            "ws:lim-eul-chul",
            False,
        ),
        (
            "This might even be a driving factor behind sending North Korean soldiers — to provide them with diverse experiences and war-time training,",
            "he",
            "ws:lim-eul-chul",
            False,
        ),
    ],
    "003": [
        ("serious issue.", "Austin", "ws:lloyd-austin", True),
    ],
    "004": [
        (
            "they are preparing 10,000 soldiers, different soldiers, land forces, technical personal.",
            "he",
            "Q3874799",
            True,
        ),
        ("tactical personnel", "Zelenskyy", "Q3874799", True),
        ("officers", "Zelenskyy", "Q3874799", True),
        ("another hoax.", "Kremlin spokesman Dmitry Peskov", "ws:dmitry-peskov", True),
        ("new level.", "Putin", "Q7747", True),
    ],
}

# (seed, number, object, source text, source id): every troop count in the seeds.
TROOP_SOURCES: list[tuple[str, str, str, str | None, str | None]] = [
    ("000", "1,500", "soldiers", "South Korea's National Intelligence Service", "ws:kr-nis"),
    ("000", "10,000", "soldiers", "Zelenskyy", "Q3874799"),
    ("000", "10,000", "soldiers", "Zelenskyy", "Q3874799"),
    ("000", "12,000", "troops", "South Korean media", None),
    ("001", "1,500", "special forces", "Seoul's intelligence agency", "ws:kr-nis"),
    ("001", "12,000", "soldiers", "South Korean officials", None),
    ("001", "10,000", "soldiers", "Ukrainian President Volodymyr Zelensky", "Q3874799"),
    ("002", "1,500", "special forces", "Seoul's intelligence agency", "ws:kr-nis"),
    ("002", "12,000", "soldiers", "South Korean officials", None),
    ("002", "10,000", "soldiers", "Ukrainian President Volodymyr Zelensky", "Q3874799"),
    ("003", "12,000", "troops", None, None),
    (
        "003",
        "1,500",
        "special forces troops",
        "South Korea's National Intelligence Service",
        "ws:kr-nis",
    ),
    ("003", "3,000", "troops", "South Korean lawmakers", None),
    ("003", "6,000", "personnel", "Ukrainian President Volodymyr Zelensky", "Q3874799"),
    ("004", "1,500", "troops", None, None),
    ("004", "1,500", "special forces soldiers", None, None),
    ("004", "10,000", "soldiers", "he", "Q3874799"),
]


@pytest.fixture(scope="module")
def dx() -> wirescan.Extractor:
    return wirescan.Extractor()


@pytest.mark.parametrize("seed", sorted(SEED_QUOTES))
def test_seed_quotes(dx: wirescan.Extractor, seeds: dict[str, str], seed: str) -> None:
    doc = dx.extract(seeds[seed])
    got = [(q.text, q.speaker_text, q.speaker_id, q.partial) for q in doc.quotes]
    assert got == SEED_QUOTES[seed]
    for q in doc.quotes:
        assert doc.text[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert doc.text[q.speaker_start : q.speaker_end] == q.speaker_text


def test_troop_numbers_have_their_sources(dx: wirescan.Extractor, seeds: dict[str, str]) -> None:
    got = []
    for seed in sorted(seeds):
        for n in dx.extract(seeds[seed]).numbers:
            if n.object and any(
                w in n.object for w in ("troops", "soldiers", "forces", "personnel")
            ):
                s = n.source
                got.append((seed, n.text, n.object, s and s.speaker_text, s and s.speaker_id))
    assert got == TROOP_SOURCES
    by_value: dict[str, set[str | None]] = {}
    for _, num, _, _, sid in TROOP_SOURCES:
        by_value.setdefault(num, set()).add(sid)
    assert "ws:kr-nis" in by_value["1,500"]
    assert by_value["10,000"] == {"Q3874799"}


def _norm(s: str | None) -> str | None:
    return None if s is None else " ".join(s.split())


def test_reordered_rewrapped_article_gives_the_same_quotes(
    dx: wirescan.Extractor, seeds: dict[str, str]
) -> None:
    def quotes(seed: str) -> list[tuple[str | None, ...]]:
        doc = dx.extract(seeds[seed])
        return sorted(
            (_norm(q.text), _norm(q.speaker_text), q.speaker_id, str(q.partial), q.verb)
            for q in doc.quotes
        )

    assert quotes("001") == quotes("002")
    assert len(quotes("001")) == 10
