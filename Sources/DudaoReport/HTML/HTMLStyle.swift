/// The report's one style sheet, inline in the page: system fonts only (no web fonts), a
/// readable measure on screen, and print rules that start each office on a new page and keep
/// a table row or a chart in one piece.
enum HTMLStyle {
    static let css = """
        :root { --error: #b3261e; --warning: #b26a00; --info: #1f5fa8; --waived: #8a8a8a; --rule: #d9d9d9;
                --ink: #1f1f1f; --soft: #5f6368; --panel: #f6f7f9; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", system-ui, sans-serif;
               color: var(--ink); margin: 0 auto; padding: 1.5em 2em 3em; max-width: 72em; line-height: 1.5; font-size: 15px; }
        h1 { font-size: 1.6em; margin: 0.2em 0 0.3em; }
        h2 { font-size: 1.3em; margin: 1.6em 0 0.4em; padding-bottom: 0.2em; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
        a { color: inherit; }
        .meta { color: var(--soft); margin: 0 0 1em; }
        .demo { background: #fff4ce; border: 1px solid #e6c200; padding: 0.5em 0.8em; border-radius: 4px; }
        .figures { display: flex; flex-wrap: wrap; gap: 0.6em; margin: 1em 0; padding: 0; list-style: none; }
        .figures li { background: var(--panel); border-radius: 6px; padding: 0.5em 1em; min-width: 7.5em; }
        .figures .n { display: block; font-size: 1.7em; font-weight: 700; font-variant-numeric: tabular-nums; }
        .figures .error .n { color: var(--error); } .figures .warning .n { color: var(--warning); }
        .figures .info .n { color: var(--info); } .figures .waived .n { color: var(--waived); }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(28em, 1fr)); gap: 1em 2em; }
        figure { margin: 0.5em 0 1em; }
        figcaption { font-weight: 700; margin-bottom: 0.3em; }
        figure .note { color: var(--soft); font-size: 0.9em; margin: 0.2em 0 0; }
        svg { display: block; width: 100%; height: auto; font-family: inherit; }
        svg text { fill: var(--ink); font-size: 12px; }
        svg .muted { fill: var(--soft); }
        svg .bar-error { fill: var(--error); } svg .bar-warning { fill: #e8a33d; } svg .bar-info { fill: var(--info); }
        svg .bar-month { fill: #4a7bb7; } svg .axis { stroke: #9aa0a6; stroke-width: 1; }
        table { border-collapse: collapse; width: 100%; margin: 0.3em 0 1em; font-size: 0.92em; }
        th, td { border-bottom: 1px solid var(--rule); padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
        th { background: var(--panel); font-weight: 600; white-space: nowrap; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.where { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85em; }
        table.findings, table.due { table-layout: fixed; }
        table.findings col.subject { width: 14%; } table.findings col.when { width: 12%; }
        table.findings col.value { width: 8%; } table.findings col.where { width: 17%; }
        table.due col.when { width: 13%; } table.due col.subject { width: 22%; } table.due col.value { width: 10%; }
        td { overflow-wrap: anywhere; }
        tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
        tr.waived td { color: var(--waived); }
        .sev { display: inline-block; min-width: 3.2em; text-align: center; border-radius: 3px; padding: 0 0.4em;
               font-size: 0.85em; font-weight: 700; color: #fff; margin-right: 0.4em; }
        .sev.error { background: var(--error); } .sev.warning { background: #e8a33d; color: #1f1f1f; }
        .sev.info { background: var(--info); } .tag { color: var(--waived); font-weight: 600; }
        .rule-id { color: var(--soft); font-weight: 400; font-size: 0.85em; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        .count { color: var(--soft); font-weight: 400; }
        .office-tally { color: var(--soft); margin: 0.2em 0 0.6em; }
        .office-tally .error { color: var(--error); font-weight: 700; } .office-tally .warning { color: var(--warning); font-weight: 700; }
        .office-tally .info { color: var(--info); font-weight: 700; }
        .back { float: right; font-size: 0.8em; font-weight: 400; color: var(--soft); }
        .clean { color: var(--soft); }
        .change { display: inline-block; border-radius: 3px; padding: 0 0.35em; font-size: 0.8em; font-weight: 700;
                  margin-right: 0.35em; border: 1px solid currentColor; }
        .change.new { color: var(--error); } .change.persisting { color: var(--warning); } .change.resolved { color: #1e7b34; }
        .figures .new .n { color: var(--error); } .figures .resolved .n, h3.resolved { color: #1e7b34; }
        .progress { font-weight: 600; }
        table.resolved { table-layout: fixed; } table.resolved col.rule { width: 22%; } table.resolved col.subject { width: 18%; }
        table.resolved col.when { width: 14%; } table.resolved td { color: var(--soft); }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          a { text-decoration: none; }
          .back { display: none; }
          section.office { break-before: page; }
          figure, tr, h3 { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          thead { display: table-header-group; }
        }
        """
}
