"""What the DuckDB and polars runners share: the pack's tables and parameters, the program
calendar, the exact-lines pre-pass for messy files, and the JSON result shape.

Standard library only. Nothing here touches activity rows in the default (fast) mode; the
per-row work is done by the engine being measured.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re

TABLES = {
    "offices": ["所编号", "所名称", "所属街道"],
    "practitioners": ["工作者编号", "姓名", "所编号", "执业起始", "执业终止"],
    "streets": ["街道编号", "名称", "类型"],
    "communities": ["村居编号", "名称", "类型", "所属街道"],
    "enterprises": ["企业编号", "企业名称", "所编号"],
    "contacts": ["工作者编号", "对象编号", "关系", "起始日期", "终止日期"],
    "activities": ["记录编号", "日期", "所编号", "工作者编号", "活动类型", "对象编号", "事项",
                   "涉及民生", "收费", "处理结果", "备注"],
    "fee_schedule": ["事项", "最低标准"],
    "reports": ["所编号", "阶段", "报送日期"],
}

DEFAULTS = {
    "mobilisation_start": "2022-05-01", "mobilisation_end": "2022-05-31",
    "implementation_start": "2022-06-01", "implementation_end": "2023-02-28",
    "inspection_start": "2023-03-01", "inspection_end": "2023-03-31",
    "report_grace_days": "10", "min_contact_points": "1", "quarters": "aligned",
}

PHASES = [("mobilisation", "动员学习"), ("implementation", "组织实施"), ("inspection", "检查验收")]

# Python's str.strip() set: what PACK-SPEC §7 calls Unicode white space (U+3000 included).
WHITESPACE = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())

# The same set as a regex class (RE2 / Rust regex syntax); DuckDB's trim(s, chars) with a set
# this large is an order of magnitude slower than a regex.
WS_CLASS = "[" + "".join(f"\\x{{{ord(ch):x}}}" for ch in WHITESPACE) + "]"
TRIM_RE = f"^{WS_CLASS}+|{WS_CLASS}+$"

ONE = dt.timedelta(days=1)


class Fatal(Exception):
    """A missing file or column: the run stops with exit 2, like `dudao audit`."""


def parse_params(pairs):
    raw = dict(DEFAULTS)
    for kv in pairs:
        k, _, v = kv.partition("=")
        if k not in raw:
            raise Fatal(f"unknown parameter {k}")
        raw[k] = v.strip()
    p = {}
    for k, v in raw.items():
        if k.endswith("_start") or k.endswith("_end"):
            p[k] = dt.date.fromisoformat(v)
        elif k in ("report_grace_days", "min_contact_points"):
            p[k] = int(v)
        else:
            p[k] = v
    return p


def _add_months(d, n):
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


class Calendar:
    """Phases, months and quarters of 组织实施, and the check date, as in PACK-SPEC §2-3."""

    def __init__(self, params, as_of):
        self.as_of = as_of
        self.params = params
        self.phases = [(key, zh, params[key + "_start"], params[key + "_end"]) for key, zh in PHASES]
        i0, i1 = params["implementation_start"], params["implementation_end"]
        self.implementation = (i0, i1)
        self.window = (params["mobilisation_start"], params["inspection_end"])
        self.months = []
        d = dt.date(i0.year, i0.month, 1)
        while d <= i1:
            nxt = _add_months(d, 1)
            self.months.append((max(d, i0), min(nxt - ONE, i1)))
            d = nxt
        self.quarters = []
        if params["quarters"] == "calendar":
            d = dt.date(i0.year, (i0.month - 1) // 3 * 3 + 1, 1)
            while d <= i1:
                nxt = _add_months(d, 3)
                self.quarters.append((max(d, i0), min(nxt - ONE, i1)))
                d = nxt
        else:  # aligned: three-month blocks from the start of 组织实施
            d = i0
            while d <= i1:
                nxt = _add_months(dt.date(d.year, d.month, 1), 3)
                if d.day != 1:
                    nxt = nxt.replace(day=min(d.day, 28))
                self.quarters.append((d, min(nxt - ONE, i1)))
                d = nxt
        self.check_date = None if as_of < i0 else min(as_of, i1)


# ---------------------------------------------------------------- exact-lines pre-pass

def _decode(raw):
    try:
        text = raw.decode("utf-8")
        return text[1:] if text.startswith("\ufeff") else text
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def _parse_csv(text):
    """[(physical line where the row starts, raw cells)]; LF, CRLF and lone CR end a line."""
    rows, i, n, line = [], 0, len(text), 1
    while i < n:
        start, cells = line, []
        while True:
            buf = []
            if i < n and text[i] == '"':
                i += 1
                while i < n:
                    c = text[i]
                    if c == '"':
                        if i + 1 < n and text[i + 1] == '"':
                            buf.append('"')
                            i += 2
                            continue
                        i += 1
                        break
                    if c == "\r" or c == "\n":
                        k = 2 if c == "\r" and i + 1 < n and text[i + 1] == "\n" else 1
                        buf.append(text[i:i + k])
                        i += k
                        line += 1
                        continue
                    buf.append(c)
                    i += 1
            j = i
            while j < n and text[j] not in ",\r\n":
                j += 1
            buf.append(text[i:j])
            i = j
            cells.append("".join(buf))
            if i >= n:
                break
            if text[i] == ",":
                i += 1
                continue
            i += 2 if text[i] == "\r" and i + 1 < n and text[i + 1] == "\n" else 1
            line += 1
            break
        rows.append((start, cells))
    return rows


def normalize(data_dir, out_dir):
    """Rewrite every table as plain UTF-8 CSV with a leading `_line` column (the physical line
    where the row starts), the pack's columns in PACK-SPEC order, cells trimmed, blank rows
    dropped. Used with --exact-lines for messy inputs (BOM, GB18030, CR/CRLF, quoted line
    breaks, shuffled or missing-trailing columns), so the engines see what PACK-SPEC §7 reads.
    """
    os.makedirs(out_dir, exist_ok=True)
    for name, cols in TABLES.items():
        path = os.path.join(data_dir, name + ".csv")
        if not os.path.isfile(path):
            raise Fatal(f"missing file {name}.csv")
        with open(path, "rb") as fh:
            rows = _parse_csv(_decode(fh.read()))
        if not rows:
            raise Fatal(f"{name}.csv has no header")
        idx = {}
        for j, h in enumerate(c.strip() for c in rows[0][1]):
            idx.setdefault(h, j)
        missing = [c for c in cols if c not in idx]
        if missing:
            raise Fatal(f"{name}.csv lacks column {missing[0]}")
        with open(os.path.join(out_dir, name + ".csv"), "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["_line"] + cols)
            for line, cells in rows[1:]:
                cells = [c.strip() for c in cells]
                if all(c == "" for c in cells):
                    continue
                w.writerow([line] + [cells[idx[c]] if idx[c] < len(cells) else "" for c in cols])


def check_columns(data_dir):
    """Fast mode: the header line of each file must carry the pack's columns."""
    for name, cols in TABLES.items():
        path = os.path.join(data_dir, name + ".csv")
        if not os.path.isfile(path):
            raise Fatal(f"missing file {name}.csv")
        with open(path, "rb") as fh:
            head = _decode(fh.readline()).strip("\r\n")
        have = {c.strip() for c in head.split(",")}
        for c in cols:
            if c not in have:
                raise Fatal(f"{name}.csv lacks column {c}")


# ---------------------------------------------------------------- result shape

def _iso(d):
    return d.isoformat() if isinstance(d, (dt.date, dt.datetime)) else d


def result(as_of, findings, due):
    """The `dudao audit --format json` shape, as far as compare.py reads it.

    findings: (rule, severity, kind, id, name, file, line, offices, pstart, pend, fields)
    due: (rule, kind, id, name, offices, pstart, pend, due_date)
    """
    fs = []
    for rule, sev, kind, eid, name, file, line, offices, ps, pe, fields in findings:
        if kind == "record":
            subject = {"kind": "record", "id": eid or None, "file": file, "line": int(line)}
            period = None
        else:
            subject = {"kind": kind, "id": eid, "name": name}
            period = {"start": _iso(ps), "end": _iso(pe)}
        f = {"rule": rule, "severity": sev, "status": "open", "subject": subject,
             "offices": sorted(set(o for o in (offices or []) if o)), "period": period}
        if fields:
            f["fields"] = list(fields)
        fs.append(f)
    ds = [{"rule": rule, "subject": {"kind": kind, "id": eid, "name": name},
           "offices": sorted(set(o for o in (offices or []) if o)),
           "period": {"start": _iso(ps), "end": _iso(pe)}, "dueDate": _iso(dd)}
          for rule, kind, eid, name, offices, ps, pe, dd in due]

    def fkey(f):
        s = f["subject"]
        if s["kind"] == "record":
            return (f["rule"], 1, s["file"], s["line"], "")
        return (f["rule"], 0, f["period"]["start"], 0, s["id"] or "")
    fs.sort(key=fkey)
    ds.sort(key=lambda x: (x["rule"], x["period"]["start"], x["subject"]["id"]))
    by_rule = {}
    for f in fs:
        by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
    return {"schemaVersion": 1, "asOf": as_of.isoformat(), "rules": JUDGED_RULES, "findings": fs, "due": ds,
            "summary": {"findingsByRule": dict(sorted(by_rule.items())),
                        "findings": len(fs), "due": len(ds)}}


# The rules these engines judge: the pack's first edition and the data checks. The pack's
# second-edition rules are left out, and the scorer counts dudao's findings of them aside.
JUDGED_RULES = [
    "enterprise-checkup", "market-fair-quarterly", "lecture-quarterly", "advice-monthly-street",
    "advice-monthly-community", "contact-coverage", "practitioner-contacts", "street-adviser",
    "contact-card", "free-livelihood-consultation", "livelihood-fee-cap", "outcome-recorded",
    "phase-report-missing", "phase-report-late", "data.invalid-value", "data.unknown-reference",
    "data.date-out-of-window", "data.office-mismatch", "data.duplicate-record",
]


def write_json(doc, path):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


DATE_RE = r"^[0-9]{4}(-[0-9]{1,2}-[0-9]{1,2}|/[0-9]{1,2}/[0-9]{1,2}|\.[0-9]{1,2}\.[0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日)$"
AMOUNT_RE = r"^[0-9]+(\.[0-9]+)?$"
_ = re.compile(DATE_RE), re.compile(AMOUNT_RE)
