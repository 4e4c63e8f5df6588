#!/usr/bin/env python3
"""Run the 服务民生年 pack with polars and write dudao's JSON result shape.

    polars_pack.py --data DIR --as-of YYYY-MM-DD --output FILE [--exact-lines]
                   [--param name=value ...]

The same readings as duckdb_pack.sql (PACK-SPEC §3-§7), as polars expressions; the activity
ledger goes through one lazy query. Fast mode and --exact-lines as in duckdb_pack.py.
Amounts are compared as Float64 (exact for yuan with up to a few decimals).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile

import polars as pl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pack_common as pc  # noqa: E402

ACTIVITY_TYPES = ["法律体检", "赶大集", "法制课", "法律建议", "法律咨询", "法律事务", "法律援助",
                  "接访", "纠纷调处", "联系卡发放"]
OBJECT_REQUIRED = ["法律体检", "法制课", "法律建议", "联系卡发放"]
MIN_DATE, MAX_DATE = dt.date(1, 1, 1), dt.date(9999, 12, 31)
FIND_SCHEMA = {"rule": pl.String, "severity": pl.String, "kind": pl.String, "id": pl.String,
               "name": pl.String, "file": pl.String, "line": pl.Int64,
               "offices": pl.List(pl.String), "pstart": pl.Date, "pend": pl.Date,
               "fields": pl.List(pl.String)}
REQ_SCHEMA = {"rule": pl.String, "severity": pl.String, "kind": pl.String, "id": pl.String,
              "name": pl.String, "offices": pl.List(pl.String), "pstart": pl.Date,
              "pend": pl.Date, "due": pl.Date, "met": pl.Boolean}


def pdate(e):
    """A PACK-SPEC date (four shapes, one separator kind) or null."""
    norm = e.str.replace_all(r"[/.年月]", "-").str.replace("日$", "")
    return (pl.when(e.str.contains(pc.DATE_RE))
            .then(norm.str.strptime(pl.Date, "%Y-%m-%d", strict=False, exact=True)))


def pamount(e):
    return pl.when(e.str.contains(pc.AMOUNT_RE)).then(e.cast(pl.Float64, strict=False))


def names(*pairs):
    """List of the column names whose flag is true (a finding's `fields`)."""
    return pl.concat_list([pl.when(flag).then(pl.lit(name)) for name, flag in pairs]).list.drop_nulls()


def scan(data_dir, name, exact):
    cols = pc.TABLES[name]
    path = os.path.join(data_dir, name + ".csv")
    if exact:
        lf = pl.scan_csv(path, infer_schema=False)
        return lf.select(pl.col("_line").cast(pl.Int64), *[pl.col(c).fill_null("") for c in cols])
    lf = pl.scan_csv(path, infer_schema=False, truncate_ragged_lines=True, quote_char='"')
    lf = lf.with_row_index("_line", offset=2).select(
        pl.col("_line").cast(pl.Int64),
        *[pl.col(c).fill_null("").str.strip_chars(pc.WHITESPACE).alias(c) for c in cols])
    return lf.filter(~pl.all_horizontal([pl.col(c) == "" for c in cols]))


def rec_findings(df, rule, severity, file, id_col, offices, fields=None):
    return df.select(
        pl.lit(rule).alias("rule"), pl.lit(severity).alias("severity"),
        pl.lit("record").alias("kind"),
        (pl.when(pl.col(id_col) != "").then(pl.col(id_col)) if id_col else pl.lit(None, pl.String)).alias("id"),
        pl.lit(None, pl.String).alias("name"), pl.lit(file).alias("file"),
        pl.col("_line").alias("line"), offices.alias("offices"),
        pl.lit(None, pl.Date).alias("pstart"), pl.lit(None, pl.Date).alias("pend"),
        (fields if fields is not None else pl.lit(None, pl.List(pl.String))).alias("fields"),
    ).cast(FIND_SCHEMA)


def office_list(col):
    return pl.when(pl.col(col) != "").then(pl.concat_list(pl.col(col))).otherwise(pl.lit([], pl.List(pl.String)))


def run(data_dir, as_of, params, exact):
    cal = pc.Calendar(params, as_of)
    tmp = None
    if exact:
        tmp = tempfile.TemporaryDirectory(prefix="polars-pack-")
        pc.normalize(data_dir, tmp.name)
        data_dir = tmp.name
    else:
        pc.check_columns(data_dir)
    t = {name: scan(data_dir, name, exact) for name in pc.TABLES if name != "activities"}
    t = {name: lf.collect() for name, lf in t.items()}
    imp0, imp1 = cal.implementation
    win0, win1 = cal.window
    d = cal.check_date
    quarters = pl.DataFrame({"qstart": [q[0] for q in cal.quarters], "qend": [q[1] for q in cal.quarters]})
    months = pl.DataFrame({"mstart": [m[0] for m in cal.months], "mend": [m[1] for m in cal.months]})
    phases = pl.DataFrame({"phase": [p[0] for p in cal.phases], "zh": [p[1] for p in cal.phases],
                           "pstart": [p[2] for p in cal.phases], "pend": [p[3] for p in cal.phases]})
    found, reqs = [], []

    # keys
    def keys(name, col):
        return t[name].filter(pl.col(col) != "").select(pl.col(col).alias("k")).unique()
    k_offices, k_streets, k_fees = keys("offices", "所编号"), keys("streets", "街道编号"), keys("fee_schedule", "事项")
    k_practitioners = (t["practitioners"].filter(pl.col("工作者编号") != "").sort("_line")
                       .group_by("工作者编号", maintain_order=True).agg(pl.col("所编号").first().alias("key_office"))
                       .rename({"工作者编号": "k"}))
    obj_kind = (pl.concat([
        t["streets"].select(pl.col("街道编号").alias("k"), pl.lit("street").alias("okind"), pl.lit(0).alias("ord")),
        t["communities"].select(pl.col("村居编号").alias("k"), pl.lit("community").alias("okind"), pl.lit(1).alias("ord")),
        t["enterprises"].select(pl.col("企业编号").alias("k"), pl.lit("enterprise").alias("okind"), pl.lit(2).alias("ord"))])
        .filter(pl.col("k") != "").sort("ord").group_by("k", maintain_order=True).agg(pl.col("okind").first()))

    def known(df, col, k, flag):
        return df.join(k.select(pl.col("k").alias(col), pl.lit(True).alias(flag)), on=col, how="left") \
                 .with_columns(pl.col(flag).fill_null(False))

    # rosters: (name, key, name col, required, extra bad, unknown refs, offices col)
    def roster(name, key, bad_pairs, unknown_pairs, offices, entity_cols):
        df = t[name].with_columns((pl.col("_line") == pl.col("_line").min().over(key)).alias("first"))
        df = df.with_columns(names(*bad_pairs(df)).alias("bad"), names(*unknown_pairs).alias("unknown")) \
            if unknown_pairs else df.with_columns(names(*bad_pairs(df)).alias("bad"),
                                                  pl.lit([], pl.List(pl.String)).alias("unknown"))
        file = name + ".csv"
        found.append(rec_findings(df.filter(pl.col("bad").list.len() > 0), "data.invalid-value", "error",
                                  file, key, offices, pl.col("bad")))
        found.append(rec_findings(df.filter(pl.col("unknown").list.len() > 0), "data.unknown-reference",
                                  "error", file, key, offices, pl.col("unknown")))
        return df.filter(pl.col("first") & (pl.col(key) != "") & (pl.col("bad").list.len() == 0)
                         & (pl.col("unknown").list.len() == 0)).select(entity_cols)

    no_offices = pl.lit([], pl.List(pl.String))
    req = lambda c: (c, pl.col(c) == "")  # noqa: E731
    offices_df = known(t["offices"], "所属街道", k_streets, "street_known")
    t["offices"] = offices_df
    e_offices = roster("offices", "所编号", lambda df: [req("所编号"), req("所名称"), req("所属街道")],
                       [("所属街道", (pl.col("所属街道") != "") & ~pl.col("street_known"))],
                       office_list("所编号"),
                       [pl.col("所编号").alias("id"), pl.col("所名称").alias("name"), pl.col("所属街道").alias("street")])
    e_streets = roster("streets", "街道编号",
                       lambda df: [req("街道编号"), req("名称"), ("类型", ~pl.col("类型").is_in(["街道", "开发区", "管理区"]))],
                       None, no_offices, [pl.col("街道编号").alias("id"), pl.col("名称").alias("name")])
    t["communities"] = known(t["communities"], "所属街道", k_streets, "street_known")
    e_communities = roster("communities", "村居编号",
                           lambda df: [req("村居编号"), req("名称"), ("类型", ~pl.col("类型").is_in(["村", "居"])), req("所属街道")],
                           [("所属街道", (pl.col("所属街道") != "") & ~pl.col("street_known"))], no_offices,
                           [pl.col("村居编号").alias("id"), pl.col("名称").alias("name"), pl.col("所属街道").alias("street")])
    t["enterprises"] = known(t["enterprises"], "所编号", k_offices, "office_known")
    e_enterprises = roster("enterprises", "企业编号", lambda df: [req("企业编号"), req("企业名称"), req("所编号")],
                           [("所编号", (pl.col("所编号") != "") & ~pl.col("office_known"))], office_list("所编号"),
                           [pl.col("企业编号").alias("id"), pl.col("企业名称").alias("name"), pl.col("所编号").alias("office")])
    t["practitioners"] = known(t["practitioners"], "所编号", k_offices, "office_known")
    e_practitioners = roster(
        "practitioners", "工作者编号",
        lambda df: [req("工作者编号"), req("姓名"), req("所编号"),
                    ("执业起始", (pl.col("执业起始") != "") & pdate(pl.col("执业起始")).is_null()),
                    ("执业终止", (pl.col("执业终止") != "") & pdate(pl.col("执业终止")).is_null())],
        [("所编号", (pl.col("所编号") != "") & ~pl.col("office_known"))], office_list("所编号"),
        [pl.col("工作者编号").alias("id"), pl.col("姓名").alias("name"), pl.col("所编号").alias("office"),
         pdate(pl.col("执业起始")).fill_null(MIN_DATE).alias("pstart"),
         pdate(pl.col("执业终止")).fill_null(MAX_DATE).alias("pend")])
    e_fees = roster("fee_schedule", "事项",
                    lambda df: [req("事项"), ("最低标准", pamount(pl.col("最低标准")).is_null())],
                    None, no_offices, [pl.col("事项").alias("item"), pamount(pl.col("最低标准")).alias("cap")])

    # contacts → assignments
    c = (t["contacts"].join(k_practitioners.rename({"k": "工作者编号"}), on="工作者编号", how="left")
         .join(obj_kind.rename({"k": "对象编号"}), on="对象编号", how="left"))
    c = c.with_columns(
        names(req("工作者编号"),
              ("对象编号", (pl.col("对象编号") == "") | ((pl.col("关系") == "联系点") & pl.col("okind").is_in(["street", "enterprise"]))),
              ("关系", ~pl.col("关系").is_in(["联系点", "法律顾问"])),
              ("起始日期", pdate(pl.col("起始日期")).is_null()),
              ("终止日期", (pl.col("终止日期") != "") & pdate(pl.col("终止日期")).is_null())).alias("bad"),
        names(("工作者编号", (pl.col("工作者编号") != "") & pl.col("key_office").is_null()),
              ("对象编号", (pl.col("对象编号") != "") & pl.col("okind").is_null())).alias("unknown"),
        pl.when(pl.col("key_office").is_null()).then(no_offices).otherwise(pl.concat_list("key_office")).alias("offs"))
    found.append(rec_findings(c.filter(pl.col("bad").list.len() > 0), "data.invalid-value", "error",
                              "contacts.csv", None, pl.col("offs"), pl.col("bad")))
    found.append(rec_findings(c.filter(pl.col("unknown").list.len() > 0), "data.unknown-reference", "error",
                              "contacts.csv", None, pl.col("offs"), pl.col("unknown")))
    asg = (c.filter((pl.col("bad").list.len() == 0) & (pl.col("unknown").list.len() == 0))
           .select(pl.col("工作者编号").alias("pid"), pl.col("对象编号").alias("obj"), pl.col("关系").alias("rel"),
                   "okind", pdate(pl.col("起始日期")).alias("s"), pdate(pl.col("终止日期")).fill_null(MAX_DATE).alias("e"))
           .join(e_practitioners.select(pl.col("id").alias("pid"), pl.col("office").alias("p_office"),
                                        pl.col("pstart").alias("ps"), pl.col("pend").alias("pe")), on="pid", how="left")
           .with_columns(pl.max_horizontal("s", "ps").alias("ast"), pl.min_horizontal("e", "pe").alias("aen"))
           # max/min_horizontal skip nulls: a practitioner with no valid roster row is never active
           .with_columns(pl.when(pl.col("p_office").is_not_null() & (pl.col("ast") <= pl.col("aen"))).then(pl.col("ast")).alias("ast"),
                         pl.when(pl.col("p_office").is_not_null() & (pl.col("ast") <= pl.col("aen"))).then(pl.col("aen")).alias("aen")))
    active_asg = asg.filter(pl.col("ast").is_not_null())

    # activities: one lazy pass
    a = scan(data_dir, "activities", exact).select(
        "_line", pl.col("记录编号").alias("rid"), pl.col("日期").alias("date_s"), pl.col("所编号").alias("office"),
        pl.col("工作者编号").alias("pid"), pl.col("活动类型").alias("typ"), pl.col("对象编号").alias("obj"),
        pl.col("事项").alias("item"), pl.col("涉及民生").alias("liv"), pl.col("收费").alias("fee_s"),
        pl.col("处理结果").alias("outcome"))
    a = a.with_columns(pdate(pl.col("date_s")).alias("d"), pamount(pl.col("fee_s")).alias("fee"))
    a = a.filter(pl.col("d").is_null() | (pl.col("d") <= as_of))
    a = (a.join(k_offices.lazy().select(pl.col("k").alias("office"), pl.lit(True).alias("office_known")), on="office", how="left")
         .join(k_practitioners.lazy().select(pl.col("k").alias("pid"), pl.lit(True).alias("pid_known")), on="pid", how="left")
         .join(obj_kind.lazy().rename({"k": "obj"}), on="obj", how="left")
         .join(k_fees.lazy().select(pl.col("k").alias("item"), pl.lit(True).alias("item_known")), on="item", how="left")
         .join(e_practitioners.lazy().select(pl.col("id").alias("pid"), pl.col("office").alias("p_office"),
                                             pl.col("pstart").alias("ps"), pl.col("pend").alias("pe")), on="pid", how="left"))
    a = a.with_columns(
        (pl.col("rid") == "").alias("b_rid"), pl.col("d").is_null().alias("b_date"),
        (pl.col("office") == "").alias("b_office"), (pl.col("pid") == "").alias("b_pid"),
        (~pl.col("typ").is_in(ACTIVITY_TYPES)).alias("b_typ"),
        (pl.col("typ").is_in(OBJECT_REQUIRED) & (pl.col("obj") == "")).alias("b_obj"),
        (~pl.col("liv").is_in(["", "是", "否"])).alias("b_liv"),
        ((pl.col("fee_s") != "") & pl.col("fee").is_null()).alias("b_fee"),
        ((pl.col("office") != "") & pl.col("office_known").is_null()).alias("u_office"),
        ((pl.col("pid") != "") & pl.col("pid_known").is_null()).alias("u_pid"),
        ((pl.col("obj") != "") & pl.col("okind").is_null()).alias("u_obj"),
        ((pl.col("typ") == "法律事务") & (pl.col("item") != "") & pl.col("item_known").is_null()).alias("u_item"),
        (pl.col("d").is_not_null() & ((pl.col("d") < win0) | (pl.col("d") > win1))).fill_null(False).alias("oow"),
    ).with_columns(
        pl.any_horizontal("b_rid", "b_date", "b_office", "b_pid", "b_typ", "b_obj", "b_liv", "b_fee").alias("bad"),
        pl.any_horizontal("u_office", "u_pid", "u_obj", "u_item").alias("unknown"),
        (pl.col("p_office").is_not_null()
         & ((pl.col("office_known").fill_null(False) & (pl.col("office") != pl.col("p_office")))
            | (pl.col("d").is_not_null() & ((pl.col("d") < pl.col("ps")) | (pl.col("d") > pl.col("pe")))).fill_null(False))
         ).alias("mismatch"),
        (pl.col("d").is_not_null() & (pl.int_range(pl.len()).over(["d", "pid", "typ", "obj"], order_by="_line") > 0)).alias("dup"),
    )
    a = a.sort("_line").collect()
    ao = office_list("office")
    bad_fields = names(("记录编号", pl.col("b_rid")), ("日期", pl.col("b_date")), ("所编号", pl.col("b_office")),
                       ("工作者编号", pl.col("b_pid")), ("活动类型", pl.col("b_typ")), ("对象编号", pl.col("b_obj")),
                       ("涉及民生", pl.col("b_liv")), ("收费", pl.col("b_fee")))
    unknown_fields = names(("所编号", pl.col("u_office")), ("工作者编号", pl.col("u_pid")),
                           ("对象编号", pl.col("u_obj")), ("事项", pl.col("u_item")))
    found.append(rec_findings(a.filter("bad"), "data.invalid-value", "error", "activities.csv", "rid", ao, bad_fields))
    found.append(rec_findings(a.filter("unknown"), "data.unknown-reference", "error", "activities.csv", "rid", ao, unknown_fields))
    found.append(rec_findings(a.filter("oow"), "data.date-out-of-window", "warning", "activities.csv", "rid", ao))
    found.append(rec_findings(a.filter("mismatch"), "data.office-mismatch", "warning", "activities.csv", "rid", ao))
    found.append(rec_findings(a.filter("dup"), "data.duplicate-record", "warning", "activities.csv", "rid", ao))
    va = a.filter(~pl.col("bad") & ~(pl.col("u_office") | pl.col("u_pid") | pl.col("u_obj")) & ~pl.col("oow")).select(
        "_line", "rid", "d", "office", "pid", "typ", "obj", "okind", "item", (pl.col("liv") == "是").alias("liv"),
        pl.col("fee").fill_null(0.0), "outcome")
    del a

    # record rules
    found.append(rec_findings(va.filter((pl.col("typ") == "法律咨询") & pl.col("liv") & (pl.col("fee") != 0)),
                              "free-livelihood-consultation", "error", "activities.csv", "rid", ao))
    found.append(rec_findings(va.filter((pl.col("typ") == "法律事务") & pl.col("liv")).join(e_fees, on="item")
                              .filter(pl.col("fee") > pl.col("cap")),
                              "livelihood-fee-cap", "error", "activities.csv", "rid", ao))
    found.append(rec_findings(va.filter(pl.col("typ").is_in(["接访", "纠纷调处"]) & (pl.col("outcome") == "")),
                              "outcome-recorded", "warning", "activities.csv", "rid", ao))

    def requirement(df, rule, severity, kind, offices):
        return df.select(pl.lit(rule).alias("rule"), pl.lit(severity).alias("severity"), pl.lit(kind).alias("kind"),
                         "id", "name", offices.alias("offices"), "pstart", "pend", "due", "met").cast(REQ_SCHEMA)

    in_imp = pl.col("d").is_between(imp0, imp1)
    imp_cols = [pl.lit(imp0).alias("pstart"), pl.lit(imp1).alias("pend"), pl.lit(imp1).alias("due")]
    null_offices = pl.lit(None, pl.List(pl.String))

    checked = va.filter((pl.col("typ") == "法律体检") & in_imp).select(pl.col("obj").alias("id"), "office").unique() \
        .with_columns(pl.lit(True).alias("met"))
    reqs.append(requirement(e_enterprises.join(checked, on=["id", "office"], how="left")
                            .with_columns(*imp_cols, pl.col("met").fill_null(False)),
                            "enterprise-checkup", "error", "enterprise", pl.concat_list("office")))

    def in_periods(df, periods, start, end):
        return df.join_where(periods, pl.col("d") >= pl.col(start), pl.col("d") <= pl.col(end))

    fairs = in_periods(va.filter(pl.col("typ") == "赶大集").select("office", "d"), quarters, "qstart", "qend") \
        .select(pl.col("office").alias("id"), "qstart").unique().with_columns(pl.lit(True).alias("met"))
    reqs.append(requirement(e_offices.join(quarters, how="cross").join(fairs, on=["id", "qstart"], how="left")
                            .select("id", "name", pl.col("qstart").alias("pstart"), pl.col("qend").alias("pend"),
                                    pl.col("qend").alias("due"), pl.col("met").fill_null(False)),
                            "market-fair-quarterly", "error", "office", pl.concat_list("id")))

    # lecture-quarterly: objects whose active assignments cover every day of the quarter
    iv = active_asg.join(quarters, how="cross").filter((pl.col("ast") <= pl.col("qend")) & (pl.col("aen") >= pl.col("qstart"))) \
        .select("obj", "qstart", "qend", pl.max_horizontal("ast", "qstart").alias("cs"), pl.min_horizontal("aen", "qend").alias("ce")) \
        .sort("obj", "qstart", "cs", "ce") \
        .with_columns(pl.col("ce").cum_max().shift(1).over(["obj", "qstart"]).alias("reach"))
    covered = iv.group_by("obj", "qstart", "qend").agg(
        (pl.col("cs").min() == pl.col("qstart").first()) & (pl.col("ce").max() == pl.col("qend").first())
        & (pl.col("reach").is_null() | (pl.col("cs") <= pl.col("reach") + pl.duration(days=1))).all()).filter(pl.col("cs")) \
        .select(pl.col("obj").alias("id"), "qstart", "qend")
    lectures = in_periods(va.filter(pl.col("typ") == "法制课").select("obj", "d"), quarters, "qstart", "qend") \
        .select(pl.col("obj").alias("id"), "qstart").unique().with_columns(pl.lit(True).alias("met"))
    objects = pl.concat([e_communities.select(pl.lit("community").alias("kind"), "id", "name", null_offices.alias("offs")),
                         e_streets.select(pl.lit("street").alias("kind"), "id", "name", null_offices.alias("offs")),
                         e_enterprises.select(pl.lit("enterprise").alias("kind"), "id", "name", pl.concat_list("office").alias("offs"))])
    lect = objects.join(covered, on="id").join(lectures, on=["id", "qstart"], how="left") \
        .select("kind", "id", "name", "offs", pl.col("qstart").alias("pstart"), pl.col("qend").alias("pend"),
                pl.col("qend").alias("due"), pl.col("met").fill_null(False))
    reqs.append(lect.select(pl.lit("lecture-quarterly").alias("rule"), pl.lit("error").alias("severity"), "kind", "id",
                            "name", pl.col("offs").alias("offices"), "pstart", "pend", "due", "met").cast(REQ_SCHEMA))

    advice = in_periods(va.filter((pl.col("typ") == "法律建议") & pl.col("okind").is_in(["street", "community"]))
                        .select("pid", "okind", "d"), months, "mstart", "mend") \
        .select(pl.col("pid").alias("id"), "okind", "mstart").unique().with_columns(pl.lit(True).alias("met"))
    pm = e_practitioners.join(months, how="cross").filter((pl.col("pstart") <= pl.col("mstart")) & (pl.col("mend") <= pl.col("pend")))
    for rule, okind in [("advice-monthly-street", "street"), ("advice-monthly-community", "community")]:
        reqs.append(requirement(pm.join(advice.filter(pl.col("okind") == okind).drop("okind"), on=["id", "mstart"], how="left")
                                .select("id", "name", "office", pl.col("mstart").alias("pstart"), pl.col("mend").alias("pend"),
                                        pl.col("mend").alias("due"), pl.col("met").fill_null(False)),
                                rule, "error", "practitioner", pl.concat_list("office")))

    card_subjects = active_asg.filter((pl.col("rel") == "联系点") & (pl.col("ast") <= imp1) & (pl.col("aen") >= imp0)) \
        .select(pl.col("obj").alias("id")).unique()
    cards = va.filter((pl.col("typ") == "联系卡发放") & in_imp).select(pl.col("obj").alias("id")).unique() \
        .with_columns(pl.lit(True).alias("met"))
    reqs.append(requirement(e_communities.join(card_subjects, on="id").join(cards, on="id", how="left")
                            .with_columns(*imp_cols, pl.col("met").fill_null(False)),
                            "contact-card", "warning", "community", null_offices))

    if d is not None:
        dd = [pl.lit(d).alias("pstart"), pl.lit(d).alias("pend"), pl.lit(d).alias("due")]
        on_d = active_asg.filter((pl.col("ast") <= d) & (d <= pl.col("aen")))
        cov = on_d.filter(pl.col("rel") == "联系点").select(pl.col("obj").alias("id")).unique().with_columns(pl.lit(True).alias("met"))
        reqs.append(requirement(e_communities.join(cov, on="id", how="left").with_columns(*dd, pl.col("met").fill_null(False)),
                                "contact-coverage", "error", "community", null_offices))
        counts = asg.filter((pl.col("rel") == "联系点") & (pl.col("okind") == "community") & (pl.col("s") <= d) & (d <= pl.col("e"))) \
            .group_by(pl.col("pid").alias("id")).agg(pl.col("obj").n_unique().alias("n"))
        reqs.append(requirement(e_practitioners.filter((pl.col("pstart") <= d) & (d <= pl.col("pend")))
                                .drop("pstart", "pend").join(counts, on="id", how="left")
                                .with_columns(*dd, (pl.col("n").fill_null(0) >= params["min_contact_points"]).alias("met")),
                                "practitioner-contacts", "warning", "practitioner", pl.concat_list("office")))
        adv = on_d.filter(pl.col("rel") == "法律顾问").select(pl.col("obj").alias("id")).unique().with_columns(pl.lit(True).alias("met"))
        reqs.append(requirement(e_streets.join(adv, on="id", how="left").with_columns(*dd, pl.col("met").fill_null(False)),
                                "street-adviser", "warning", "street", null_offices))

    # phase reports
    r = (t["reports"].join(phases.select("zh", "phase").rename({"zh": "阶段"}), on="阶段", how="left")
         .join(k_offices.select(pl.col("k").alias("所编号"), pl.lit(True).alias("office_known")), on="所编号", how="left")
         .with_columns(pdate(pl.col("报送日期")).alias("d")))
    r = r.filter(pl.col("d").is_null() | (pl.col("d") <= as_of)).with_columns(
        names(req("所编号"), ("阶段", pl.col("phase").is_null()), ("报送日期", pl.col("d").is_null())).alias("bad"),
        names(("所编号", (pl.col("所编号") != "") & pl.col("office_known").is_null())).alias("unknown"))
    found.append(rec_findings(r.filter(pl.col("bad").list.len() > 0), "data.invalid-value", "error", "reports.csv",
                              None, office_list("所编号"), pl.col("bad")))
    found.append(rec_findings(r.filter(pl.col("unknown").list.len() > 0), "data.unknown-reference", "error", "reports.csv",
                              None, office_list("所编号"), pl.col("unknown")))
    first = r.filter((pl.col("bad").list.len() == 0) & (pl.col("unknown").list.len() == 0)) \
        .group_by(pl.col("所编号").alias("id"), "phase").agg(pl.col("d").min().alias("first"))
    status = e_offices.join(phases, how="cross").join(first, on=["id", "phase"], how="left") \
        .with_columns((pl.col("pend") + pl.duration(days=params["report_grace_days"])).alias("due"),
                      pl.col("first").is_not_null().alias("met"))
    reqs.append(requirement(status, "phase-report-missing", "error", "office", pl.concat_list("id")))
    late = status.filter((pl.lit(as_of) >= pl.col("due")) & (pl.col("first") > pl.col("due")))
    found.append(late.select(pl.lit("phase-report-late").alias("rule"), pl.lit("warning").alias("severity"),
                             pl.lit("office").alias("kind"), "id", "name", pl.lit(None, pl.String).alias("file"),
                             pl.lit(None, pl.Int64).alias("line"), pl.concat_list("id").alias("offices"), "pstart", "pend",
                             pl.lit(None, pl.List(pl.String)).alias("fields")).cast(FIND_SCHEMA))

    # judgement and attribution
    unmet = pl.concat(reqs).filter(~pl.col("met") & (pl.lit(as_of) >= pl.col("pstart"))) \
        .with_columns((pl.lit(as_of) >= pl.col("due")).alias("judged")).with_row_index("u")
    need = unmet.filter(pl.col("offices").is_null())
    overlap = need.join(active_asg.select(pl.col("obj").alias("id"), "ast", "aen", "p_office"), on="id") \
        .filter((pl.col("ast") <= pl.col("pend")) & (pl.col("aen") >= pl.col("pstart"))) \
        .group_by("u").agg(pl.col("p_office").unique().alias("overlap"))
    area = need.join(e_communities.select("id", pl.col("street").alias("area_street")), on="id", how="left") \
        .with_columns(pl.col("area_street").fill_null(pl.col("id"))) \
        .join(e_offices.select(pl.col("id").alias("oid"), pl.col("street").alias("area_street")), on="area_street") \
        .group_by("u").agg(pl.col("oid").unique().alias("area"))
    unmet = unmet.join(overlap, on="u", how="left").join(area, on="u", how="left").with_columns(
        pl.coalesce("offices", "overlap", "area", pl.lit([], pl.List(pl.String))).alias("offices"))
    found.append(unmet.filter("judged").select(
        "rule", "severity", "kind", "id", "name", pl.lit(None, pl.String).alias("file"), pl.lit(None, pl.Int64).alias("line"),
        "offices", "pstart", "pend", pl.lit(None, pl.List(pl.String)).alias("fields")).cast(FIND_SCHEMA))
    due = unmet.filter(~pl.col("judged")).select("rule", "kind", "id", "name", "offices", "pstart", "pend", "due")
    findings = pl.concat(found)
    return pc.result(as_of, findings.rows(), due.rows())


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--exact-lines", action="store_true")
    ap.add_argument("--param", action="append", default=[])
    a = ap.parse_args(argv)
    try:
        doc = run(a.data, dt.date.fromisoformat(a.as_of), pc.parse_params(a.param), a.exact_lines)
    except pc.Fatal as e:
        print(f"polars_pack: {e}", file=sys.stderr)
        return 2
    pc.write_json(doc, a.output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
