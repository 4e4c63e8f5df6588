#!/usr/bin/env python3
"""Refreshes fixtures/fuzz/ (the inputs `swift test` replays, Tests/FuzzReadersTests) from the
corpus of a .ci/fuzz run: libFuzzer merges the corpus into an empty folder with a control
file that lists each input's features; the inputs are then picked greedily, most new
features first (the smaller on a tie), up to a number of files and bytes, and the smallest
input of every target none was picked for is added, so every target is replayed.

usage: .ci/fuzz_fixtures.py [--files N] [--bytes N]    (run from the repository root,
       after .ci/fuzz has built .build/fuzz/debug/FuzzReaders and filled .build/fuzz/corpus)
"""
import argparse
import hashlib
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

TARGETS = 11  # the cases of FuzzTarget: an input's first byte modulo this picks its target


def features(binary, corpus, work):
    """Each input's path and its set of features, from libFuzzer's merge control file. The
    corpus is copied first: a running fuzzer replaces inputs it has reduced."""
    control = work / "control"
    empty = work / "merged"
    empty.mkdir()
    corpus = shutil.copytree(corpus, work / "corpus")
    env = dict(os.environ, SWIFT_BACKTRACE="enable=no", ASAN_OPTIONS="detect_leaks=1",
               LSAN_OPTIONS=f"suppressions={pathlib.Path('.ci/lsan.supp').resolve()}")
    subprocess.run([binary, "-merge=1", f"-merge_control_file={control}", "-max_len=131072", str(empty), str(corpus)],
                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    lines = control.read_text().split("\n")
    count = int(lines[0])
    files = lines[2:2 + count]
    found = {}
    for line in lines[2 + count:]:
        parts = line.split()
        if parts and parts[0] == "FT":
            found[files[int(parts[1])]] = set(parts[2:])
    return found


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--bytes", type=int, default=900_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        found = features(".build/fuzz/debug/FuzzReaders", ".build/fuzz/corpus", pathlib.Path(work))
        data = {path: pathlib.Path(path).read_bytes() for path in found}
        data = {path: b for path, b in data.items() if b}
        covered, picked, total = set(), [], 0
        while len(picked) < args.files:
            best = max((p for p in data if p not in picked and total + len(data[p]) <= args.bytes),
                       key=lambda p: (len(found[p] - covered), -len(data[p])), default=None)
            if best is None or not found[best] - covered:
                break
            picked.append(best)
            covered |= found[best]
            total += len(data[best])
        for target in range(TARGETS):
            if not any(data[p][0] % TARGETS == target for p in picked):
                smallest = min((p for p in data if data[p][0] % TARGETS == target), key=lambda p: len(data[p]), default=None)
                if smallest:
                    picked.append(smallest)
                    covered |= found[smallest]
        folder = pathlib.Path("fixtures/fuzz")
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for p in picked:
            b = data[p]
            (folder / f"{b[0] % TARGETS:02d}-{hashlib.sha1(b).hexdigest()[:16]}").write_bytes(b)
        every = set().union(*found.values()) if found else set()
        print(f"{len(picked)} inputs, {sum(len(data[p]) for p in picked)} bytes, "
              f"{len(covered)} of the corpus' {len(every)} features ({len(found)} inputs)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
