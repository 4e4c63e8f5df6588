-- The 服务民生年 pack (PACK-SPEC.md §3-§7) as DuckDB SQL, for the benchmark against dudao.
--
-- Input: tables t_<name> (one per CSV file) with the pack's columns as trimmed VARCHAR
-- ('' for empty) and `_line` (the row's physical line, header = 1), created by
-- duckdb_pack.py; small tables `quarters`, `months`, `phases`; variables as_of, imp_start,
-- imp_end, win_start, win_end, check_date (NULL before 组织实施), grace, min_contacts.
-- Output: tables `findings` and `due_items`.

CREATE OR REPLACE TEMP MACRO pdate(s) AS CASE
    WHEN regexp_full_match(s, '[0-9]{4}(-[0-9]{1,2}-[0-9]{1,2}|/[0-9]{1,2}/[0-9]{1,2}|\.[0-9]{1,2}\.[0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日)')
    THEN CAST(try_strptime(s, ['%Y-%m-%d', '%Y/%m/%d', '%Y.%m.%d', '%Y年%m月%d日']) AS DATE) END;
CREATE OR REPLACE TEMP MACRO pamount(s) AS CASE
    WHEN regexp_full_match(s, '[0-9]+(\.[0-9]+)?') THEN TRY_CAST(s AS DECIMAL(38, 6)) END;
CREATE OR REPLACE TEMP MACRO nn(xs) AS list_filter(xs, lambda x: x IS NOT NULL);

-- ------------------------------------------------------------------ keys (any row, first wins)
CREATE OR REPLACE TEMP TABLE k_offices AS SELECT DISTINCT "所编号" AS k FROM t_offices WHERE "所编号" <> '';
CREATE OR REPLACE TEMP TABLE k_practitioners AS
    SELECT "工作者编号" AS k, arg_min("所编号", _line) AS office FROM t_practitioners WHERE "工作者编号" <> '' GROUP BY 1;
CREATE OR REPLACE TEMP TABLE k_streets AS SELECT DISTINCT "街道编号" AS k FROM t_streets WHERE "街道编号" <> '';
CREATE OR REPLACE TEMP TABLE k_fees AS SELECT DISTINCT "事项" AS k FROM t_fee_schedule WHERE "事项" <> '';
CREATE OR REPLACE TEMP TABLE obj_kind AS
    SELECT k, arg_min(kind, ord) AS kind FROM (
        SELECT "街道编号" AS k, 'street' AS kind, 0 AS ord FROM t_streets
        UNION ALL SELECT "村居编号", 'community', 1 FROM t_communities
        UNION ALL SELECT "企业编号", 'enterprise', 2 FROM t_enterprises) WHERE k <> '' GROUP BY k;

-- ------------------------------------------------------------------ rosters
CREATE OR REPLACE TEMP TABLE findings (
    rule VARCHAR, severity VARCHAR, kind VARCHAR, id VARCHAR, name VARCHAR, file VARCHAR,
    line BIGINT, offices VARCHAR[], pstart DATE, pend DATE, fields VARCHAR[]);
CREATE OR REPLACE TEMP TABLE due_items (
    rule VARCHAR, kind VARCHAR, id VARCHAR, name VARCHAR, offices VARCHAR[], pstart DATE,
    pend DATE, due_date DATE);

CREATE OR REPLACE TEMP TABLE r_offices AS
    SELECT t.*, nn([CASE WHEN "所编号" = '' THEN '所编号' END, CASE WHEN "所名称" = '' THEN '所名称' END,
                    CASE WHEN "所属街道" = '' THEN '所属街道' END]) AS bad,
           nn([CASE WHEN "所属街道" <> '' AND s.k IS NULL THEN '所属街道' END]) AS unknown,
           row_number() OVER (PARTITION BY "所编号" ORDER BY _line) = 1 AS first,
           'offices.csv' AS file, "所编号" AS key, ["所编号"] AS offs
    FROM t_offices t LEFT JOIN k_streets s ON s.k = t."所属街道";
CREATE OR REPLACE TEMP TABLE r_streets AS
    SELECT t.*, nn([CASE WHEN "街道编号" = '' THEN '街道编号' END, CASE WHEN "名称" = '' THEN '名称' END,
                    CASE WHEN "类型" NOT IN ('街道', '开发区', '管理区') THEN '类型' END]) AS bad,
           []::VARCHAR[] AS unknown,
           row_number() OVER (PARTITION BY "街道编号" ORDER BY _line) = 1 AS first,
           'streets.csv' AS file, "街道编号" AS key, []::VARCHAR[] AS offs
    FROM t_streets t;
CREATE OR REPLACE TEMP TABLE r_communities AS
    SELECT t.*, nn([CASE WHEN "村居编号" = '' THEN '村居编号' END, CASE WHEN "名称" = '' THEN '名称' END,
                    CASE WHEN "类型" NOT IN ('村', '居') THEN '类型' END,
                    CASE WHEN "所属街道" = '' THEN '所属街道' END]) AS bad,
           nn([CASE WHEN "所属街道" <> '' AND s.k IS NULL THEN '所属街道' END]) AS unknown,
           row_number() OVER (PARTITION BY "村居编号" ORDER BY _line) = 1 AS first,
           'communities.csv' AS file, "村居编号" AS key, []::VARCHAR[] AS offs
    FROM t_communities t LEFT JOIN k_streets s ON s.k = t."所属街道";
CREATE OR REPLACE TEMP TABLE r_enterprises AS
    SELECT t.*, nn([CASE WHEN "企业编号" = '' THEN '企业编号' END, CASE WHEN "企业名称" = '' THEN '企业名称' END,
                    CASE WHEN "所编号" = '' THEN '所编号' END]) AS bad,
           nn([CASE WHEN "所编号" <> '' AND o.k IS NULL THEN '所编号' END]) AS unknown,
           row_number() OVER (PARTITION BY "企业编号" ORDER BY _line) = 1 AS first,
           'enterprises.csv' AS file, "企业编号" AS key, ["所编号"] AS offs
    FROM t_enterprises t LEFT JOIN k_offices o ON o.k = t."所编号";
CREATE OR REPLACE TEMP TABLE r_practitioners AS
    SELECT t.*, nn([CASE WHEN "工作者编号" = '' THEN '工作者编号' END, CASE WHEN "姓名" = '' THEN '姓名' END,
                    CASE WHEN "所编号" = '' THEN '所编号' END,
                    CASE WHEN "执业起始" <> '' AND pdate("执业起始") IS NULL THEN '执业起始' END,
                    CASE WHEN "执业终止" <> '' AND pdate("执业终止") IS NULL THEN '执业终止' END]) AS bad,
           nn([CASE WHEN "所编号" <> '' AND o.k IS NULL THEN '所编号' END]) AS unknown,
           row_number() OVER (PARTITION BY "工作者编号" ORDER BY _line) = 1 AS first,
           'practitioners.csv' AS file, "工作者编号" AS key, ["所编号"] AS offs
    FROM t_practitioners t LEFT JOIN k_offices o ON o.k = t."所编号";
CREATE OR REPLACE TEMP TABLE r_fee_schedule AS
    SELECT t.*, nn([CASE WHEN "事项" = '' THEN '事项' END,
                    CASE WHEN "最低标准" = '' OR pamount("最低标准") IS NULL THEN '最低标准' END]) AS bad,
           []::VARCHAR[] AS unknown,
           row_number() OVER (PARTITION BY "事项" ORDER BY _line) = 1 AS first,
           'fee_schedule.csv' AS file, "事项" AS key, []::VARCHAR[] AS offs
    FROM t_fee_schedule t;

INSERT INTO findings
    SELECT 'data.invalid-value', 'error', 'record', nullif(key, ''), NULL, file, _line, offs, NULL, NULL, bad
    FROM (SELECT key, file, _line, offs, bad FROM r_offices UNION ALL SELECT key, file, _line, offs, bad FROM r_streets
          UNION ALL SELECT key, file, _line, offs, bad FROM r_communities UNION ALL SELECT key, file, _line, offs, bad FROM r_enterprises
          UNION ALL SELECT key, file, _line, offs, bad FROM r_practitioners UNION ALL SELECT key, file, _line, offs, bad FROM r_fee_schedule)
    WHERE len(bad) > 0;
INSERT INTO findings
    SELECT 'data.unknown-reference', 'error', 'record', nullif(key, ''), NULL, file, _line, offs, NULL, NULL, unknown
    FROM (SELECT key, file, _line, offs, unknown FROM r_offices UNION ALL SELECT key, file, _line, offs, unknown FROM r_communities
          UNION ALL SELECT key, file, _line, offs, unknown FROM r_enterprises UNION ALL SELECT key, file, _line, offs, unknown FROM r_practitioners)
    WHERE len(unknown) > 0;

-- Entities: the first row of a key, when that row is valid.
CREATE OR REPLACE TEMP TABLE e_offices AS
    SELECT "所编号" AS id, "所名称" AS name, "所属街道" AS street FROM r_offices WHERE first AND key <> '' AND len(bad) = 0 AND len(unknown) = 0;
CREATE OR REPLACE TEMP TABLE e_streets AS
    SELECT "街道编号" AS id, "名称" AS name FROM r_streets WHERE first AND key <> '' AND len(bad) = 0;
CREATE OR REPLACE TEMP TABLE e_communities AS
    SELECT "村居编号" AS id, "名称" AS name, "所属街道" AS street FROM r_communities WHERE first AND key <> '' AND len(bad) = 0 AND len(unknown) = 0;
CREATE OR REPLACE TEMP TABLE e_enterprises AS
    SELECT "企业编号" AS id, "企业名称" AS name, "所编号" AS office FROM r_enterprises WHERE first AND key <> '' AND len(bad) = 0 AND len(unknown) = 0;
CREATE OR REPLACE TEMP TABLE e_practitioners AS
    SELECT "工作者编号" AS id, "姓名" AS name, "所编号" AS office,
           coalesce(pdate("执业起始"), DATE '0001-01-01') AS pstart,
           coalesce(pdate("执业终止"), DATE '9999-12-31') AS pend
    FROM r_practitioners WHERE first AND key <> '' AND len(bad) = 0 AND len(unknown) = 0;
CREATE OR REPLACE TEMP TABLE e_fees AS
    SELECT "事项" AS item, pamount("最低标准") AS cap FROM r_fee_schedule WHERE first AND key <> '' AND len(bad) = 0;

-- ------------------------------------------------------------------ contacts → assignments
CREATE OR REPLACE TEMP TABLE r_contacts AS
    SELECT t.*, kp.office AS key_office, ok.kind AS okind,
           nn([CASE WHEN "工作者编号" = '' THEN '工作者编号' END,
               CASE WHEN "对象编号" = '' OR ("关系" = '联系点' AND ok.kind IN ('street', 'enterprise')) THEN '对象编号' END,
               CASE WHEN "关系" = '' OR "关系" NOT IN ('联系点', '法律顾问') THEN '关系' END,
               CASE WHEN "起始日期" = '' OR pdate("起始日期") IS NULL THEN '起始日期' END,
               CASE WHEN "终止日期" <> '' AND pdate("终止日期") IS NULL THEN '终止日期' END]) AS bad,
           nn([CASE WHEN "工作者编号" <> '' AND kp.k IS NULL THEN '工作者编号' END,
               CASE WHEN "对象编号" <> '' AND ok.k IS NULL THEN '对象编号' END]) AS unknown
    FROM t_contacts t LEFT JOIN k_practitioners kp ON kp.k = t."工作者编号" LEFT JOIN obj_kind ok ON ok.k = t."对象编号";
INSERT INTO findings
    SELECT 'data.invalid-value', 'error', 'record', NULL, NULL, 'contacts.csv', _line,
           CASE WHEN key_office IS NULL THEN [] ELSE [key_office] END, NULL, NULL, bad FROM r_contacts WHERE len(bad) > 0;
INSERT INTO findings
    SELECT 'data.unknown-reference', 'error', 'record', NULL, NULL, 'contacts.csv', _line,
           CASE WHEN key_office IS NULL THEN [] ELSE [key_office] END, NULL, NULL, unknown FROM r_contacts WHERE len(unknown) > 0;
-- An assignment; `ast..aen` is where it is active (its own dates ∩ its practitioner's), NULL if never.
CREATE OR REPLACE TEMP TABLE asg AS
    SELECT c."工作者编号" AS pid, c."对象编号" AS obj, c."关系" AS rel, c.okind,
           pdate(c."起始日期") AS s, coalesce(pdate(c."终止日期"), DATE '9999-12-31') AS e,
           p.office AS p_office,
           -- (greatest/least skip NULLs: a practitioner with no valid roster row is never active)
           CASE WHEN p.id IS NOT NULL AND greatest(pdate(c."起始日期"), p.pstart) <= least(coalesce(pdate(c."终止日期"), DATE '9999-12-31'), p.pend)
                THEN greatest(pdate(c."起始日期"), p.pstart) END AS ast,
           CASE WHEN p.id IS NOT NULL AND greatest(pdate(c."起始日期"), p.pstart) <= least(coalesce(pdate(c."终止日期"), DATE '9999-12-31'), p.pend)
                THEN least(coalesce(pdate(c."终止日期"), DATE '9999-12-31'), p.pend) END AS aen
    FROM r_contacts c LEFT JOIN e_practitioners p ON p.id = c."工作者编号"
    WHERE len(c.bad) = 0 AND len(c.unknown) = 0;

-- ------------------------------------------------------------------ activities
CREATE OR REPLACE TEMP TABLE a0 AS
    SELECT _line, "记录编号" AS rid, "日期" AS date_s, pdate("日期") AS d, "所编号" AS office,
           "工作者编号" AS pid, "活动类型" AS typ, "对象编号" AS obj, "事项" AS item,
           "涉及民生" AS liv, "收费" AS fee_s, pamount("收费") AS fee, "处理结果" AS outcome
    FROM t_activities;
CREATE OR REPLACE TEMP TABLE a1 AS
    SELECT a.*, ok.kind AS okind, p.office AS p_office, p.pstart, p.pend,
           ko.k IS NOT NULL AS office_known,
           (a.rid = '') AS b_rid, (a.d IS NULL) AS b_date, (a.office = '') AS b_office, (a.pid = '') AS b_pid,
           (a.typ NOT IN ('法律体检', '赶大集', '法制课', '法律建议', '法律咨询', '法律事务', '法律援助', '接访', '纠纷调处', '联系卡发放')) AS b_typ,
           (a.typ IN ('法律体检', '法制课', '法律建议', '联系卡发放') AND a.obj = '') AS b_obj,
           (a.liv NOT IN ('', '是', '否')) AS b_liv,
           (a.fee_s <> '' AND a.fee IS NULL) AS b_fee,
           (a.office <> '' AND ko.k IS NULL) AS u_office,
           (a.pid <> '' AND kp.k IS NULL) AS u_pid,
           (a.obj <> '' AND ok.k IS NULL) AS u_obj,
           (a.typ = '法律事务' AND a.item <> '' AND kf.k IS NULL) AS u_item,
           (a.d IS NOT NULL AND (a.d < getvariable('win_start') OR a.d > getvariable('win_end'))) AS oow
    FROM a0 a
    LEFT JOIN k_offices ko ON ko.k = a.office
    LEFT JOIN k_practitioners kp ON kp.k = a.pid
    LEFT JOIN obj_kind ok ON ok.k = a.obj
    LEFT JOIN k_fees kf ON kf.k = a.item
    LEFT JOIN e_practitioners p ON p.id = a.pid
    WHERE a.d IS NULL OR a.d <= getvariable('as_of');

INSERT INTO findings
    SELECT 'data.invalid-value', 'error', 'record', nullif(rid, ''), NULL, 'activities.csv', _line,
           CASE WHEN office = '' THEN [] ELSE [office] END, NULL, NULL,
           nn([CASE WHEN b_rid THEN '记录编号' END, CASE WHEN b_date THEN '日期' END, CASE WHEN b_office THEN '所编号' END,
               CASE WHEN b_pid THEN '工作者编号' END, CASE WHEN b_typ THEN '活动类型' END, CASE WHEN b_obj THEN '对象编号' END,
               CASE WHEN b_liv THEN '涉及民生' END, CASE WHEN b_fee THEN '收费' END])
    FROM a1 WHERE b_rid OR b_date OR b_office OR b_pid OR b_typ OR b_obj OR b_liv OR b_fee;
INSERT INTO findings
    SELECT 'data.unknown-reference', 'error', 'record', nullif(rid, ''), NULL, 'activities.csv', _line,
           CASE WHEN office = '' THEN [] ELSE [office] END, NULL, NULL,
           nn([CASE WHEN u_office THEN '所编号' END, CASE WHEN u_pid THEN '工作者编号' END,
               CASE WHEN u_obj THEN '对象编号' END, CASE WHEN u_item THEN '事项' END])
    FROM a1 WHERE u_office OR u_pid OR u_obj OR u_item;
INSERT INTO findings
    SELECT 'data.date-out-of-window', 'warning', 'record', nullif(rid, ''), NULL, 'activities.csv', _line,
           CASE WHEN office = '' THEN [] ELSE [office] END, NULL, NULL, NULL
    FROM a1 WHERE oow;
INSERT INTO findings
    SELECT 'data.office-mismatch', 'warning', 'record', nullif(rid, ''), NULL, 'activities.csv', _line,
           CASE WHEN office = '' THEN [] ELSE [office] END, NULL, NULL, NULL
    FROM a1 WHERE p_office IS NOT NULL
      AND ((office_known AND office <> p_office) OR (d IS NOT NULL AND (d < pstart OR d > pend)));
INSERT INTO findings
    SELECT 'data.duplicate-record', 'warning', 'record', nullif(rid, ''), NULL, 'activities.csv', _line,
           CASE WHEN office = '' THEN [] ELSE [office] END, NULL, NULL, NULL
    FROM (SELECT rid, office, _line, row_number() OVER (PARTITION BY d, pid, typ, obj ORDER BY _line) AS n
          FROM a1 WHERE d IS NOT NULL)
    WHERE n > 1;

-- Valid records (an unknown 事项 only skips the fee check).
CREATE OR REPLACE TEMP TABLE va AS
    SELECT _line, rid, d, office, pid, typ, obj, okind, item, liv = '是' AS liv, coalesce(fee, 0) AS fee, outcome
    FROM a1
    WHERE NOT (b_rid OR b_date OR b_office OR b_pid OR b_typ OR b_obj OR b_liv OR b_fee OR u_office OR u_pid OR u_obj OR oow);

-- ------------------------------------------------------------------ record rules
INSERT INTO findings
    SELECT 'free-livelihood-consultation', 'error', 'record', nullif(rid, ''), NULL, 'activities.csv', _line, [office], NULL, NULL, NULL
    FROM va WHERE typ = '法律咨询' AND liv AND fee <> 0;
INSERT INTO findings
    SELECT 'livelihood-fee-cap', 'error', 'record', nullif(rid, ''), NULL, 'activities.csv', _line, [office], NULL, NULL, NULL
    FROM va JOIN e_fees f ON f.item = va.item WHERE typ = '法律事务' AND liv AND fee > f.cap;
INSERT INTO findings
    SELECT 'outcome-recorded', 'warning', 'record', nullif(rid, ''), NULL, 'activities.csv', _line, [office], NULL, NULL, NULL
    FROM va WHERE typ IN ('接访', '纠纷调处') AND outcome = '';

-- ------------------------------------------------------------------ period requirements
-- req: one row per subject × period with whether it is met; judged at the end.
CREATE OR REPLACE TEMP TABLE req (
    rule VARCHAR, severity VARCHAR, kind VARCHAR, id VARCHAR, name VARCHAR, offices VARCHAR[],
    pstart DATE, pend DATE, due DATE, met BOOLEAN);

INSERT INTO req
    SELECT 'enterprise-checkup', 'error', 'enterprise', e.id, e.name, [e.office],
           getvariable('imp_start'), getvariable('imp_end'), getvariable('imp_end'), c.obj IS NOT NULL
    FROM e_enterprises e LEFT JOIN (
        SELECT DISTINCT obj, office FROM va
        WHERE typ = '法律体检' AND d BETWEEN getvariable('imp_start') AND getvariable('imp_end')) c
      ON c.obj = e.id AND c.office = e.office;

INSERT INTO req
    SELECT 'market-fair-quarterly', 'error', 'office', o.id, o.name, [o.id], q.qstart, q.qend, q.qend,
           EXISTS (SELECT 1 FROM va WHERE typ = '赶大集' AND va.office = o.id AND va.d BETWEEN q.qstart AND q.qend)
    FROM e_offices o, quarters q;

-- lecture-quarterly subjects: objects whose active assignments cover every day of the quarter.
CREATE OR REPLACE TEMP TABLE covered AS
    WITH iv AS (
        SELECT q.qstart, q.qend, a.obj, greatest(a.ast, q.qstart) AS cs, least(a.aen, q.qend) AS ce
        FROM asg a, quarters q WHERE a.ast IS NOT NULL AND a.ast <= q.qend AND a.aen >= q.qstart),
    g AS (
        SELECT *, max(ce) OVER (PARTITION BY obj, qstart ORDER BY cs, ce
                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
        FROM iv)
    SELECT obj, qstart, qend FROM g GROUP BY obj, qstart, qend
    HAVING min(cs) = qstart AND max(ce) = qend AND bool_and(reach IS NULL OR cs <= reach + 1);
CREATE OR REPLACE TEMP TABLE lectures AS
    SELECT DISTINCT va.obj, q.qstart FROM va JOIN quarters q ON va.d BETWEEN q.qstart AND q.qend WHERE typ = '法制课';
INSERT INTO req
    SELECT 'lecture-quarterly', 'error', o.kind, o.id, o.name, o.offices, c.qstart, c.qend, c.qend, l.obj IS NOT NULL
    FROM (SELECT 'community' AS kind, id, name, NULL::VARCHAR[] AS offices FROM e_communities
          UNION ALL SELECT 'street', id, name, NULL FROM e_streets
          UNION ALL SELECT 'enterprise', id, name, [office] FROM e_enterprises) o
    JOIN covered c ON c.obj = o.id
    LEFT JOIN lectures l ON l.obj = o.id AND l.qstart = c.qstart;

CREATE OR REPLACE TEMP TABLE advice AS
    SELECT DISTINCT va.pid, va.okind, m.mstart FROM va JOIN months m ON va.d BETWEEN m.mstart AND m.mend
    WHERE typ = '法律建议' AND va.okind IN ('street', 'community');
INSERT INTO req
    SELECT r.rule, 'error', 'practitioner', p.id, p.name, [p.office], m.mstart, m.mend, m.mend, a.pid IS NOT NULL
    FROM e_practitioners p JOIN months m ON p.pstart <= m.mstart AND m.mend <= p.pend
    CROSS JOIN (VALUES ('advice-monthly-street', 'street'), ('advice-monthly-community', 'community')) r(rule, okind)
    LEFT JOIN advice a ON a.pid = p.id AND a.okind = r.okind AND a.mstart = m.mstart;

INSERT INTO req
    SELECT 'contact-card', 'warning', 'community', c.id, c.name, NULL,
           getvariable('imp_start'), getvariable('imp_end'), getvariable('imp_end'),
           EXISTS (SELECT 1 FROM va WHERE typ = '联系卡发放' AND va.obj = c.id
                   AND va.d BETWEEN getvariable('imp_start') AND getvariable('imp_end'))
    FROM e_communities c
    WHERE EXISTS (SELECT 1 FROM asg a WHERE a.obj = c.id AND a.rel = '联系点' AND a.ast IS NOT NULL
                  AND a.ast <= getvariable('imp_end') AND a.aen >= getvariable('imp_start'));

-- Check-date rules (period d..d; as-of >= d always, so they are findings or nothing).
INSERT INTO req
    SELECT 'contact-coverage', 'error', 'community', c.id, c.name, NULL,
           getvariable('check_date'), getvariable('check_date'), getvariable('check_date'),
           EXISTS (SELECT 1 FROM asg a WHERE a.obj = c.id AND a.rel = '联系点'
                   AND a.ast <= getvariable('check_date') AND getvariable('check_date') <= a.aen)
    FROM e_communities c WHERE getvariable('check_date') IS NOT NULL;
INSERT INTO req
    SELECT 'practitioner-contacts', 'warning', 'practitioner', p.id, p.name, [p.office],
           getvariable('check_date'), getvariable('check_date'), getvariable('check_date'),
           (SELECT count(DISTINCT a.obj) FROM asg a WHERE a.pid = p.id AND a.rel = '联系点' AND a.okind = 'community'
            AND a.s <= getvariable('check_date') AND getvariable('check_date') <= a.e) >= getvariable('min_contacts')
    FROM e_practitioners p
    WHERE getvariable('check_date') IS NOT NULL AND p.pstart <= getvariable('check_date') AND getvariable('check_date') <= p.pend;
INSERT INTO req
    SELECT 'street-adviser', 'warning', 'street', s.id, s.name, NULL,
           getvariable('check_date'), getvariable('check_date'), getvariable('check_date'),
           EXISTS (SELECT 1 FROM asg a WHERE a.obj = s.id AND a.rel = '法律顾问'
                   AND a.ast <= getvariable('check_date') AND getvariable('check_date') <= a.aen)
    FROM e_streets s WHERE getvariable('check_date') IS NOT NULL;

-- ------------------------------------------------------------------ phase reports
CREATE OR REPLACE TEMP TABLE r_reports AS
    SELECT t.*, pdate("报送日期") AS d, ph.key AS phase,
           nn([CASE WHEN "所编号" = '' THEN '所编号' END,
               CASE WHEN "阶段" = '' OR ph.key IS NULL THEN '阶段' END,
               CASE WHEN "报送日期" = '' OR pdate("报送日期") IS NULL THEN '报送日期' END]) AS bad,
           nn([CASE WHEN "所编号" <> '' AND o.k IS NULL THEN '所编号' END]) AS unknown
    FROM t_reports t LEFT JOIN phases ph ON ph.zh = t."阶段" LEFT JOIN k_offices o ON o.k = t."所编号"
    WHERE pdate("报送日期") IS NULL OR pdate("报送日期") <= getvariable('as_of');
INSERT INTO findings
    SELECT 'data.invalid-value', 'error', 'record', NULL, NULL, 'reports.csv', _line,
           CASE WHEN "所编号" = '' THEN [] ELSE ["所编号"] END, NULL, NULL, bad FROM r_reports WHERE len(bad) > 0;
INSERT INTO findings
    SELECT 'data.unknown-reference', 'error', 'record', NULL, NULL, 'reports.csv', _line,
           CASE WHEN "所编号" = '' THEN [] ELSE ["所编号"] END, NULL, NULL, unknown FROM r_reports WHERE len(unknown) > 0;
CREATE OR REPLACE TEMP TABLE first_report AS
    SELECT "所编号" AS office, phase, min(d) AS d FROM r_reports WHERE len(bad) = 0 AND len(unknown) = 0 GROUP BY 1, 2;
CREATE OR REPLACE TEMP TABLE report_status AS
    SELECT o.id, o.name, ph.pstart, ph.pend, ph.pend + getvariable('grace') AS due, r.d AS first
    FROM e_offices o CROSS JOIN phases ph LEFT JOIN first_report r ON r.office = o.id AND r.phase = ph.key;
INSERT INTO req
    SELECT 'phase-report-missing', 'error', 'office', id, name, [id], pstart, pend, due, first IS NOT NULL FROM report_status;
INSERT INTO findings
    SELECT 'phase-report-late', 'warning', 'office', id, name, NULL, NULL, [id], pstart, pend, NULL
    FROM report_status WHERE getvariable('as_of') >= due AND first > due;

-- ------------------------------------------------------------------ judgement and attribution
CREATE OR REPLACE TEMP TABLE unmet AS
    SELECT *, getvariable('as_of') >= due AS judged FROM req
    WHERE NOT met AND getvariable('as_of') >= pstart;
-- Offices of community/street subjects: practitioners with an assignment active during the
-- period, else the offices of the area.
CREATE OR REPLACE TEMP TABLE unmet_offices AS
    SELECT u.rule, u.id, u.pstart,
           coalesce((SELECT list(DISTINCT a.p_office) FROM asg a
                     WHERE a.obj = u.id AND a.ast IS NOT NULL AND a.ast <= u.pend AND a.aen >= u.pstart),
                    []) AS overlap,
           (SELECT list(DISTINCT o.id) FROM e_offices o
            WHERE o.street = coalesce((SELECT c.street FROM e_communities c WHERE c.id = u.id), u.id)) AS area
    FROM unmet u WHERE u.offices IS NULL;
CREATE OR REPLACE TEMP TABLE unmet_attributed AS
    SELECT u.*, coalesce(u.offices, CASE WHEN len(x.overlap) > 0 THEN x.overlap ELSE coalesce(x.area, []) END) AS offs
    FROM unmet u LEFT JOIN unmet_offices x ON x.rule = u.rule AND x.id = u.id AND x.pstart = u.pstart;
INSERT INTO findings
    SELECT rule, severity, kind, id, name, NULL, NULL, offs, pstart, pend, NULL FROM unmet_attributed WHERE judged;
INSERT INTO due_items
    SELECT rule, kind, id, name, offs, pstart, pend, due FROM unmet_attributed WHERE NOT judged;
