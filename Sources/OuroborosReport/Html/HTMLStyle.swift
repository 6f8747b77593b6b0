/// The report's style sheet, inlined in every report: readable on a laptop screen, printable
/// on A4 or Letter (navigation hidden, figures kept whole, wide tables shrunk).
public enum HTMLStyle {
    /// The CSS.
    public static let css = """
        :root { --ink: #222; --muted: #666; --line: #ddd; --break: #c62828; --hold: #2e7d32; --accent: #4e79a7; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fafafa; font: 15px/1.5 "DejaVu Sans", "Helvetica Neue", Helvetica, Arial, sans-serif; }
        main { max-width: 940px; margin: 0 auto; padding: 24px 28px 60px; background: #fff; }
        header.report h1 { font-size: 26px; margin: 0 0 4px; }
        header.report p { margin: 2px 0; color: var(--muted); }
        nav.toc { margin: 16px 0 8px; padding: 8px 12px; background: #f3f5f8; border-radius: 6px; font-size: 14px; }
        nav.toc a { margin-right: 14px; color: var(--accent); text-decoration: none; white-space: nowrap; }
        section { margin-top: 34px; }
        h2 { font-size: 21px; border-bottom: 2px solid var(--line); padding-bottom: 4px; margin: 0 0 12px; }
        h3 { font-size: 16px; margin: 22px 0 6px; }
        figure { margin: 14px 0 22px; }
        figure svg { display: block; max-width: 100%; height: auto; }
        svg text { font-family: "DejaVu Sans", "Helvetica Neue", Helvetica, Arial, sans-serif; }
        figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }
        figcaption .note { display: block; color: #8a5a00; }
        .verdict { font-size: 20px; font-weight: bold; padding: 12px 16px; border-radius: 6px; margin: 8px 0 12px; }
        .verdict.breaks { background: #fdecea; color: var(--break); border-left: 6px solid var(--break); }
        .verdict.holds { background: #e8f5e9; color: var(--hold); border-left: 6px solid var(--hold); }
        .chart-error { color: var(--break); font-weight: bold; }
        table { border-collapse: collapse; font-size: 13px; margin: 8px 0 16px; }
        th, td { padding: 3px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { background: #f3f5f8; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .table-wrap { overflow-x: auto; }
        table.matrix { font-size: 11.5px; }
        table.matrix thead th { white-space: normal; min-width: 4.5em; vertical-align: bottom; padding-left: 10px; }
        table.matrix tbody th { white-space: nowrap; }
        table.matrix td.total, table.matrix th.total { background: #f7f7f7; font-weight: bold; }
        .muted { color: var(--muted); }
        .small { font-size: 12px; }
        ol.chain li { margin: 2px 0; }
        a { color: var(--accent); }
        td.source a { word-break: break-word; }
        @media print {
          @page { size: A4 landscape; margin: 12mm; }
          body { background: #fff; font-size: 11pt; }
          main { max-width: none; padding: 0; }
          nav.toc { display: none; }
          section { break-before: page; margin-top: 0; }
          section#summary { break-before: auto; }
          figure, tr, .verdict { break-inside: avoid; }
          .table-wrap { overflow: visible; }
          table.matrix { font-size: 7pt; }
          a { color: var(--ink); text-decoration: none; }
        }
        """
}
