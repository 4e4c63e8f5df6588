#!/usr/bin/env python3
"""The benchmark proper; bench/run.sh sets up the venv and the build, then calls this.

    measure.py --sizes 1m,10m --runs 3 [--profiles standard,wide]
               [--tools dudao,duckdb,polars,cat,duckdb-read,polars-read]
               [--as-of 2023-04-30] [--seed 1]
    measure.py --workbook --sizes 1m --runs 3

With --workbook: the same district as workbooks (`dudao generate --format xlsx`, in
bench/data/<size>-xlsx/), a full `dudao audit` of it against polars' read_excel (calamine)
merely loading its activity sheet, in rotated rounds as above.

For each profile and size: generate bench/data/<size>/ (bench/data/<size>-wide/ for the wide
profile) with `dudao generate --profile P` unless it is there, then
time every tool `runs` times, in a rotated order each round, and print median wall time,
peak RSS, rows/s and MB/s of activities.csv, and dudao's time relative to DuckDB and polars.
Then compare the findings of dudao and DuckDB (and of polars and DuckDB) with the
conformance scorer and fail if they differ.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import shlex
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
DATA = os.path.join(BENCH, "data")
PY = os.path.join(BENCH, ".venv", "bin", "python")
# DUDAO_BIN names another build of dudao (a release build in another scratch path).
DUDAO = os.environ.get("DUDAO_BIN", os.path.join(ROOT, ".build", "release", "dudao"))
# The conformance scorer lives in the project's shared folder, beside the repository.
COMPARE = os.path.join(ROOT, "..", "shared", "conformance", "compare.py")
ROWS_PER_PRACTITIONER = 500
# dudao-bare: the same audit with a copy of the pack without its statistics (bench/data/pack-bare);
# dudao-html: the full pack with the HTML report. Their ratios to dudao-bare are the price of
# the statistics and of the report (REPORTS asks for at most 10%).
ALL_TOOLS = ["dudao", "duckdb", "polars", "cat", "c-scan", "duckdb-read", "polars-read", "dudao-bare", "dudao-html"]
# c-scan: bench/scan.c, a one-pass C reader of activities.csv (run.sh compiles it into DATA).
SCAN = os.path.join(DATA, "scan")
# With --against REV, run.sh builds REV into bench/data/against-REV/ and passes its binary and
# pack: dudao-then is REV's binary on REV's pack, dudao-now today's binary on the same pack.
AGAINST_TOOLS = ["dudao-then", "dudao-now"]
ALL_PROFILES = ["standard", "wide"]


def practitioners_for(size):
    """`1m` → 2,000 practitioners (about a million activity rows); `smoke` → 50."""
    if size == "smoke":
        return 50
    s = size.lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(s[-1], 1)
    rows = float(s[:-1] if s[-1] in "km" else s) * mult
    return max(1, round(rows / ROWS_PER_PRACTITIONER))


def label(size, profile):
    """`1m` for the standard profile, `1m-wide` for another: the folder and results name."""
    return size if profile == "standard" else f"{size}-{profile}"


def generate(size, profile, seed, workbook=False):
    out = os.path.join(DATA, label(size, profile) + ("-xlsx" if workbook else ""))
    marker = os.path.join(out, ".complete")
    n = practitioners_for(size)
    stamp = f"practitioners={n} seed={seed}\n" + ("" if profile == "standard" else f"profile={profile}\n")
    stamp += "format=xlsx\n" if workbook else ""
    if os.path.exists(marker) and open(marker).read() == stamp:
        return out
    # DUDAO_GENERATE replaces `dudao generate` (e.g. before the subcommand is wired up).
    cmd = shlex.split(os.environ.get("DUDAO_GENERATE", f"{shlex.quote(DUDAO)} generate"))
    cmd += ["--practitioners", str(n), "--seed", str(seed), "--out", out]
    if profile != "standard":
        cmd += ["--profile", profile]
    if workbook:
        cmd += ["--format", "xlsx", "--force"]
    print(f"generating {label(size, profile)}: {' '.join(cmd)}", flush=True)
    t0 = time.monotonic()
    subprocess.run(cmd, check=True)
    print(f"  generated in {time.monotonic() - t0:.2f} s", flush=True)
    with open(marker, "w") as fh:
        fh.write(stamp)
    return out


GNU_TIME = "/usr/bin/time"


def run_once(cmd):
    """Wall seconds, peak RSS (MiB) and CPU seconds (user + system) of one process.

    Peak RSS comes from GNU time when it is installed (run.sh installs it): a child forked
    from this Python process would otherwise count Python's own pages before its exec. CPU
    time is what `wait4` reports for the child and the processes it waited for; on a shared
    machine it moves far less from round to round than wall time does.
    """
    report = os.path.join(DATA, ".time-report")
    use_time = os.access(GNU_TIME, os.X_OK)
    full = [GNU_TIME, "-f", "%M", "-o", report] + cmd if use_time else cmd
    t0 = time.monotonic()
    p = subprocess.Popen(full, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"FAILED ({code}): {' '.join(cmd)}")
    cpu = usage.ru_utime + usage.ru_stime
    if use_time:
        with open(report) as fh:
            return wall, int(fh.read().split()[-1]) / 1024, cpu
    return wall, usage.ru_maxrss / 1024, cpu


def bare_pack():
    """A copy of rules/ without statistics.yaml (and without its tests, which name them)."""
    target = os.path.join(DATA, "pack-bare")
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "rules"), target,
                    ignore=lambda folder, names: [n for n in names if n in ("statistics.yaml", "tests")])
    return target


def commands(data, out, as_of, against=None):
    acts = os.path.join(data, "activities.csv")
    audit = [DUDAO, "audit", "--data", data, "--as-of", as_of, "--fail-on", "never"]
    then = {}
    if against:
        then_bin, then_rules = against
        for tool, binary in (("dudao-then", then_bin), ("dudao-now", DUDAO)):
            then[tool] = [binary, "audit", "--data", data, "--rules", then_rules, "--as-of", as_of,
                          "--format", "json", "--fail-on", "never", "--output", os.path.join(out, f"{tool}.json")]
    return then | {
        "dudao-bare": audit + ["--rules", bare_pack(), "--format", "json", "--output", os.path.join(out, "dudao-bare.json")],
        "dudao-html": audit + ["--format", "html", "--output", os.path.join(out, "dudao.html")],
        "dudao": [DUDAO, "audit", "--data", data, "--as-of", as_of, "--format", "json",
                  "--fail-on", "never", "--output", os.path.join(out, "dudao.json")],
        "duckdb": [PY, os.path.join(BENCH, "duckdb_pack.py"), "--data", data, "--as-of", as_of,
                   "--output", os.path.join(out, "duckdb.json")],
        "polars": [PY, os.path.join(BENCH, "polars_pack.py"), "--data", data, "--as-of", as_of,
                   "--output", os.path.join(out, "polars.json")],
        "cat": ["cat", acts],
        "c-scan": [SCAN, acts],
        "duckdb-read": [PY, os.path.join(BENCH, "bare_read.py"), "duckdb", acts],
        "polars-read": [PY, os.path.join(BENCH, "bare_read.py"), "polars", acts],
    }


def compare(expected, actual, label):
    r = subprocess.run([sys.executable, COMPARE, expected, actual], capture_output=True, text=True)
    last = (r.stdout.strip().splitlines() or ["(no output)"])[-1]
    print(f"  {label}: {last}")
    if r.returncode != 0:
        print(r.stdout)
        print(f"MISMATCH: {label}", file=sys.stderr)
    return r.returncode == 0


def bench_size(size, profile, tools, runs, as_of, seed, against=None):
    data = generate(size, profile, seed)
    out = os.path.join(DATA, f"results-{label(size, profile)}")
    os.makedirs(out, exist_ok=True)
    acts = os.path.join(data, "activities.csv")
    with open(acts, "rb") as fh:
        rows = sum(1 for _ in fh) - 1
    mb = os.path.getsize(acts) / 1e6
    cmds = commands(data, out, as_of, against)
    times = {t: [] for t in tools}
    cpus = {t: [] for t in tools}
    rss = {t: 0.0 for t in tools}
    for r in range(runs):
        order = tools[r % len(tools):] + tools[:r % len(tools)]  # rotate who goes first
        for t in order:
            wall, peak, cpu = run_once(cmds[t])
            times[t].append(wall)
            cpus[t].append(cpu)
            rss[t] = max(rss[t], peak)
            print(f"  round {r + 1}: {t:12} {wall:8.3f} s {peak:8.0f} MiB {cpu:8.3f} s CPU", flush=True)
    med = {t: statistics.median(v) for t, v in times.items()}
    print(f"\n{size}, {profile} profile: activities.csv {rows:,} rows, {mb:,.0f} MB; as-of {as_of}; "
          f"median of {runs} run(s); peak RSS = max over runs")
    print(f"{'tool':14}{'median s':>10}{'peak MiB':>10}{'Mrows/s':>10}{'MB/s':>9}")
    for t in tools:
        print(f"{t:14}{med[t]:>10.3f}{rss[t]:>10.0f}{rows / med[t] / 1e6:>10.2f}{mb / med[t]:>9.0f}")
    ratios = {}
    for other in ("duckdb", "polars"):
        if "dudao" in med and other in med:
            ratios[other] = med["dudao"] / med[other]
            print(f"dudao / {other}: {ratios[other]:.2f}x wall time")
    if "dudao" in med and "c-scan" in med:
        ratios["c-scan"] = med["dudao"] / med["c-scan"]
        print(f"dudao / c-scan: {ratios['c-scan']:.2f}x wall time (one pass of C over the ledger)")
    if "dudao-now" in med and "dudao-then" in med:
        ratios["now/then"] = med["dudao-now"] / med["dudao-then"]
        print(f"dudao-now / dudao-then: {ratios['now/then']:.2f}x wall time (today's build against {against_label(against)}, same pack)")
    cpu_med = {t: statistics.median(v) for t, v in cpus.items()}
    for t in ("dudao", "dudao-html"):
        if t in med and "dudao-bare" in med:
            # Also paired: each round's ratio of two runs made one after the other, so a machine
            # that slows down for a while moves both sides of a ratio, not one median.
            paired = statistics.median(a / b for a, b in zip(times[t], times["dudao-bare"]))
            ratios[f"{t}/dudao-bare"] = med[t] / med["dudao-bare"]
            ratios[f"{t}/dudao-bare paired"] = paired
            ratios[f"{t}/dudao-bare cpu"] = cpu_med[t] / cpu_med["dudao-bare"]
            print(f"{t} / dudao-bare: {ratios[f'{t}/dudao-bare']:.2f}x wall time (median of rounds' ratios "
                  f"{paired:.2f}x), {ratios[f'{t}/dudao-bare cpu']:.2f}x CPU time "
                  f"(the price of statistics{' and HTML' if t == 'dudao-html' else ''})")
    with open(os.path.join(out, "timings.json"), "w") as fh:
        json.dump({"size": size, "profile": profile, "rows": rows, "mb": mb, "asOf": as_of, "runs": runs,
                   "median": med, "medianCPU": cpu_med, "peakMiB": rss, "times": times, "cpu": cpus,
                   "ratios": ratios}, fh, indent=1)
    ok = True
    print("cross-check (conformance scorer, DuckDB as the expected side):")
    if "duckdb" in tools:
        for t in ("dudao", "polars"):
            if t in tools:
                ok &= compare(os.path.join(out, "duckdb.json"), os.path.join(out, f"{t}.json"),
                              f"{t} vs duckdb")
    if "dudao-then" in tools and "dudao-now" in tools:
        # Informational: fixes made since REV may change findings on purpose.
        compare(os.path.join(out, "dudao-then.json"), os.path.join(out, "dudao-now.json"),
                f"dudao-now vs dudao-then ({against_label(against)}; differences may be fixes)")
    return ok


def against_label(against):
    """`ec1b6a8` for bench/data/against-ec1b6a8/…: the commit dudao-then was built from."""
    return os.path.basename(os.path.dirname(against[1])).removeprefix("against-")


def bench_workbook(size, runs, as_of, seed):
    """dudao's full audit of the district as workbooks beside polars loading the ledger sheet."""
    data = generate(size, "standard", seed, workbook=True)
    out = os.path.join(DATA, f"results-{size}-xlsx")
    os.makedirs(out, exist_ok=True)
    book = os.path.join(data, "activities.xlsx")
    mb = os.path.getsize(book) / 1e6
    cmds = {
        "dudao-xlsx": [DUDAO, "audit", "--data", data, "--as-of", as_of, "--format", "json",
                       "--fail-on", "never", "--output", os.path.join(out, "dudao.json")],
        "polars-read-xlsx": [PY, os.path.join(BENCH, "bare_read.py"), "polars-excel", book, "活动台账"],
    }
    tools = list(cmds)
    times = {t: [] for t in tools}
    rss = {t: 0.0 for t in tools}
    for r in range(runs):
        for t in tools[r % 2:] + tools[:r % 2]:
            wall, peak, _ = run_once(cmds[t])
            times[t].append(wall)
            rss[t] = max(rss[t], peak)
            print(f"  round {r + 1}: {t:17} {wall:8.3f} s {peak:8.0f} MiB", flush=True)
    with open(os.path.join(out, "dudao.json")) as fh:
        findings = len(json.load(fh)["findings"])
    med = {t: statistics.median(v) for t, v in times.items()}
    print(f"\n{size} as workbooks: activities.xlsx {mb:,.0f} MB, {findings:,} findings; as-of {as_of}; "
          f"median of {runs} run(s); peak RSS = max over runs")
    print(f"{'tool':19}{'median s':>10}{'peak MiB':>10}")
    for t in tools:
        print(f"{t:19}{med[t]:>10.3f}{rss[t]:>10.0f}")
    ratio = med["dudao-xlsx"] / med["polars-read-xlsx"]
    print(f"dudao audit / polars read_excel: {ratio:.2f}x wall time")
    with open(os.path.join(out, "timings.json"), "w") as fh:
        json.dump({"size": size, "mb": mb, "asOf": as_of, "runs": runs, "findings": findings, "median": med,
                   "peakMiB": rss, "times": times, "ratio": ratio}, fh, indent=1)
    return True


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1m")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tools", default=",".join(ALL_TOOLS))
    ap.add_argument("--profiles", default=",".join(ALL_PROFILES))
    ap.add_argument("--as-of", default="2023-04-30")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workbook", action="store_true", help="time the workbook row instead")
    ap.add_argument("--against-bin", help="dudao binary built from an earlier commit (run.sh --against)")
    ap.add_argument("--against-rules", help="that commit's rules/ folder")
    a = ap.parse_args(argv)
    against = (a.against_bin, a.against_rules) if a.against_bin else None
    if a.workbook:
        return 0 if all(bench_workbook(size, a.runs, a.as_of, a.seed) for size in a.sizes.split(",")) else 1
    tools = [t for t in a.tools.split(",") if t] + (AGAINST_TOOLS if against else [])
    bad = [t for t in tools if t not in ALL_TOOLS + AGAINST_TOOLS]
    if bad:
        sys.exit(f"unknown tool(s): {', '.join(bad)}; known: {', '.join(ALL_TOOLS)}")
    if not os.path.isfile(COMPARE):
        sys.exit(f"conformance scorer not found at {os.path.normpath(COMPARE)}")
    profiles = [p for p in a.profiles.split(",") if p]
    bad = [p for p in profiles if p not in ALL_PROFILES]
    if bad:
        sys.exit(f"unknown profile(s): {', '.join(bad)}; known: {', '.join(ALL_PROFILES)}")
    ok = True
    for profile in profiles:
        for size in a.sizes.split(","):
            ok &= bench_size(size, profile, tools, a.runs, a.as_of, a.seed, against)
    if not ok:
        print("\nFAIL: the engines disagree on findings (see above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
