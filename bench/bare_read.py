#!/usr/bin/env python3
"""Lower bounds: read activities.csv with an engine and do nothing else.

    bare_read.py duckdb FILE   # DuckDB read_csv, all columns as VARCHAR, count(*)
    bare_read.py polars FILE   # polars read_csv, all columns as strings, materialised
    bare_read.py polars-excel FILE SHEET   # polars read_excel (calamine), all strings, materialised
"""
import sys

engine, path = sys.argv[1], sys.argv[2]
if engine == "duckdb":
    import duckdb
    sql = ("SELECT count(*) FROM read_csv(?, header = true, all_varchar = true, delim = ',', "
           "quote = '\"', escape = '\"', null_padding = true, strict_mode = false)")
    print(duckdb.connect().execute(sql, [path]).fetchone()[0])
elif engine == "polars":
    import polars as pl
    print(pl.read_csv(path, infer_schema=False).height)
elif engine == "polars-excel":
    import polars as pl
    # The calamine engine (fastexcel); no schema inference, so every column stays a string.
    print(pl.read_excel(path, sheet_name=sys.argv[3], engine="calamine", infer_schema_length=0).height)
else:
    sys.exit(f"unknown engine {engine}")
