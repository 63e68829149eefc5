"""Threads, forks and pickling."""

from __future__ import annotations

import ast
import os
import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import wirescan


def dicts(doc: wirescan.Document) -> dict[str, object]:
    """Everything a document holds: entities, numbers with sources, quotes with speakers."""
    return doc.to_dict()


def test_one_extractor_from_eight_threads(ex: wirescan.Extractor, seeds: dict[str, str]) -> None:
    texts = list(seeds.values()) * 8
    expected = [dicts(ex.extract(t)) for t in texts]
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda t: dicts(ex.extract(t)), texts))
        batches = list(
            pool.map(
                lambda n: [dicts(d) for d in ex.extract_batch(texts, n_threads=n)],
                [1, 2, 3, 2, 1, 2, 2, 2],
            )
        )
        # Chunked batch calls and frames from several threads share the rayon pools.
        frames = list(
            pool.map(
                lambda n: ex.frame(texts, "quotes", chunk_size=3, n_threads=n, progress=False),
                [1, 2, 2, 3, 2, 1, 2, 2],
            )
        )
    assert got == expected
    assert all(b == expected for b in batches)
    assert all(f.equals(frames[0]) for f in frames)
    assert len(frames[0]) == sum(len(d["quotes"]) for d in expected)  # type: ignore[arg-type]


@pytest.mark.skipif(sys.platform == "win32", reason="fork is POSIX")
def test_forked_child_still_works(ex: wirescan.Extractor) -> None:
    ex.extract_batch(["Seoul"] * 10, n_threads=2)  # the parent's pool exists before the fork
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        try:
            docs = ex.extract_batch(["Seoul and Moscow"] * 10, n_threads=2)
            ok = all(len(d.entities) == 2 for d in docs)
            os.write(w, b"ok" if ok else b"bad")
        finally:
            os._exit(0)
    os.close(w)
    _, status = os.waitpid(pid, 0)
    assert os.read(r, 10) == b"ok" and status == 0


def test_pickle_by_definition(seed_gazetteer: wirescan.Gazetteer) -> None:
    ex = wirescan.Extractor(
        seed_gazetteer, overlapping=True, include_non_counts=True, quotes=False, people=False
    )
    blob = pickle.dumps(ex)
    assert len(blob) < 8_000  # the definition, not the automaton
    back = pickle.loads(blob)
    assert back.options == {
        "overlapping": True,
        "numbers": True,
        "include_non_counts": True,
        "quotes": False,
        "people": False,
    }
    assert [n.kind for n in back.extract("since 2022").numbers] == ["year"]
    text = "Lloyd Austin met Kim Jong Un"
    assert dicts(back.extract(text)) == dicts(ex.extract(text))
    g2 = pickle.loads(pickle.dumps(seed_gazetteer))
    assert g2.records() == seed_gazetteer.records()
    assert g2.automaton_memory == 0  # rebuilt lazily on first use
    g2.compile()
    assert g2.automaton_memory > 0


def test_pickle_format_is_checked(seed_gazetteer: wirescan.Gazetteer) -> None:
    fn, args = seed_gazetteer.__reduce__()
    with pytest.raises(wirescan.GazetteerError, match="format 99"):
        fn(99, *args[1:])


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc")
def test_only_wirescan_threads_are_started() -> None:
    """Building, compiling and extracting use wirescan's own pool, sized by
    WIRESCAN_NUM_THREADS; no other (global rayon) threads appear in the caller's process."""
    code = (
        "import os, wirescan\n"
        "g = wirescan.Gazetteer.from_records(\n"
        "    [{'id': f'e{i}', 'name': f'Name{i} Place', 'kind': 'place'} for i in range(5000)])\n"
        "ex = wirescan.Extractor(g)\n"
        "ex.extract_batch(['Name1 Place said 3 things.'] * 10)\n"
        "ex._columns(['Name2 Place.'] * 10, ['entities', 'numbers'], None)\n"
        "tasks = os.listdir('/proc/self/task')\n"
        "print(sorted(open(f'/proc/self/task/{t}/comm').read().strip() for t in tasks))\n"
    )
    env = dict(os.environ, WIRESCAN_NUM_THREADS="1")
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    names = ast.literal_eval(out)
    assert names.count("wirescan-0") == 1
    assert len(names) == 2, names  # the main thread and one worker
