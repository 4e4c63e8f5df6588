#!/usr/bin/env bash
# Province-scale benchmark: dudao against DuckDB and polars running the same pack.
#
#   bench/run.sh [--sizes 1m,10m] [--runs 3] [--profiles standard,wide] [--tools LIST]
#                [--as-of DATE] [--smoke] [--against REV]
#   bench/run.sh --workbook [--sizes 1m] [--runs 3]   # the district as .xlsx vs polars read_excel
#
# --against REV also builds commit REV (into bench/data/against-REV/) and times it beside
# today's build on REV's pack: dudao-then and dudao-now.
# See bench/README.md. Needs python3 (with venv), swift, and network access to PyPI on the
# first run. Exits non-zero if a tool fails or the engines disagree on findings.
set -euo pipefail

cd "$(dirname "$0")/.."
sizes="1m"
runs=3
tools="dudao,duckdb,polars,cat,c-scan,duckdb-read,polars-read"
profiles="standard,wide"
as_of="2023-04-30"
workbook=""
against=""
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) sizes="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --tools) tools="$2"; shift 2 ;;
        --profiles) profiles="$2"; shift 2 ;;
        --as-of) as_of="$2"; shift 2 ;;
        --smoke) sizes="smoke"; runs=1; shift ;;
        --workbook) workbook="--workbook"; shift ;;
        --against) against="$2"; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

venv=bench/.venv
if ! "$venv/bin/python" -c "import duckdb, polars, fastexcel, xlsxwriter" 2>/dev/null; then
    echo "== creating $venv and installing bench/requirements.txt"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet -r bench/requirements.txt
fi

# GNU time reports each tool's peak RSS (measure.py falls back to wait4 without it).
if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== apt-get install time"
    apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; } || true
fi

# dudao is needed to audit and, unless DUDAO_GENERATE names another generator, to generate.
if [[ ",$tools," == *",dudao,"* || -z "${DUDAO_GENERATE:-}" ]]; then
    echo "== swift build -c release"
    swift build -c release --product dudao
fi

mkdir -p bench/data
if [[ ",$tools," == *",c-scan,"* ]]; then
    echo "== cc -O2 bench/scan.c"
    "$(command -v cc || command -v clang)" -O2 -o bench/data/scan bench/scan.c
fi

# An earlier commit, built once from `git archive` (no worktree, nothing of ours touched).
against_args=()
if [ -n "$against" ]; then
    rev=$(git rev-parse --short "$against^{commit}")
    dir="bench/data/against-$rev"
    if [ ! -x "$dir/.build/release/dudao" ]; then
        echo "== building $rev into $dir"
        rm -rf "$dir" && mkdir -p "$dir"
        git archive "$rev" | tar -x -C "$dir"
        (cd "$dir" && swift build -c release --product dudao)
    fi
    against_args=(--against-bin "$dir/.build/release/dudao" --against-rules "$dir/rules")
fi

exec "$venv/bin/python" bench/measure.py --sizes "$sizes" --runs "$runs" --tools "$tools" --profiles "$profiles" --as-of "$as_of" $workbook "${against_args[@]}"
