package dev.belonging.examples.html;

/**
 * The report's style sheet: system fonts only (nothing is fetched), contrast at least WCAG AA, and a print
 * layout that opens the tables behind every chart and keeps figures on one page.
 *
 * <p>This class is immutable and thread-safe.
 */
final class Style {

  private Style() {}

  /** The style sheet, written into the page's {@code <style>} element. */
  static final String CSS = """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { margin: 0; background: #ffffff; color: #1a1a1a;
        font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
          "Liberation Sans", Arial, sans-serif; }
      main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; }
      a { color: #1f5f99; }
      header.top { border-bottom: 3px solid #1a1a1a; padding-bottom: 10px; }
      .kicker { margin: 0; color: #4d4d4d; font-size: 14px; text-transform: uppercase; letter-spacing: .06em; }
      h1 { font-size: 30px; line-height: 1.2; margin: 2px 0 6px; }
      .subtitle { margin: 0; color: #4d4d4d; }
      h2 { font-size: 22px; margin: 40px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #c8c8c8; }
      h3 { font-size: 17px; margin: 18px 0 6px; }
      p { margin: 6px 0; max-width: 80ch; }
      .facts { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 8px; padding: 0; list-style: none; }
      .facts li { border: 1px solid #c8c8c8; border-radius: 6px; padding: 8px 16px; min-width: 160px; }
      .facts .num { display: block; font-size: 28px; font-weight: 700; line-height: 1.2; }
      .facts .what { display: block; color: #4d4d4d; font-size: 13px; }
      .facts li.hidden { border-color: #8c8c8c;
        background: repeating-linear-gradient(135deg, #ffffff 0 7px, #ececec 7px 10px); }
      .privacy { border-left: 4px solid #8c8c8c; padding: 4px 12px; margin: 12px 0; }
      nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 20px; padding: 0; margin: 12px 0 0; }
      figure { margin: 12px 0 4px; }
      figcaption { color: #4d4d4d; font-size: 14px; max-width: 80ch; margin-bottom: 6px; }
      svg { max-width: 100%; height: auto; }
      svg text { font-family: inherit; font-size: 13px; }
      svg text.small { font-size: 11px; }
      svg text.strong { font-weight: 700; }
      svg text.group { font-weight: 700; font-size: 14px; }
      svg text.halo { paint-order: stroke; stroke: #ffffff; stroke-width: 4px; stroke-linejoin: round; }
      .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 8px 0;
        font-size: 13px; }
      .legend li { display: flex; align-items: center; gap: 6px; }
      .swatch { display: inline-block; width: 24px; height: 14px; border: 1px solid #8c8c8c; }
      .b0 { background: #b2182b; } .b1 { background: #ef8a62; } .b2 { background: #fddbc7; }
      .b3 { background: #f7f7f7; } .b4 { background: #d1e5f0; } .b5 { background: #67a9cf; }
      .b6 { background: #2166ac; }
      .unfavorable { background: #b2182b; } .neutral { background: #d4d4d4; } .favorable { background: #2166ac; }
      .hatch { background: repeating-linear-gradient(135deg, #8c8c8c 0 2px, #f0f0f0 2px 7px); }
      .hatch-light { background: repeating-linear-gradient(135deg, #b4b4b4 0 1px, #f7f7f7 1px 7px); }
      table { border-collapse: collapse; font-size: 14px; margin: 8px 0 12px; }
      caption { text-align: left; font-weight: 600; padding: 4px 0; }
      th, td { border-bottom: 1px solid #d9d9d9; padding: 3px 10px; text-align: right; vertical-align: top; }
      thead th { border-bottom: 2px solid #1a1a1a; }
      th.text, td.text, tbody th { text-align: left; }
      tbody th { font-weight: 400; }
      tr.population th, tr.population td { font-weight: 700; }
      tr.group th { font-weight: 700; padding-top: 10px; border-bottom: 1px solid #8c8c8c; }
      td.hidden { text-align: left; color: #1a1a1a; background: #f0f0f0; }
      details { margin: 6px 0 10px; }
      summary { cursor: pointer; color: #1f5f99; }
      .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(540px, 1fr)); gap: 8px 36px; }
      .card h3 { margin-top: 12px; }
      .note { color: #4d4d4d; font-size: 14px; }
      ul.findings { padding-left: 22px; margin: 4px 0 12px; }
      ul.findings li { margin: 3px 0; max-width: 90ch; }
      ul.findings .who { font-weight: 700; }
      ul.findings.low li::marker { color: #b2182b; }
      ul.findings.high li::marker { color: #2166ac; }
      .legend svg { flex: none; }
      tr.flagged th, tr.flagged td { font-weight: 700; }
      ul.comments { padding-left: 20px; }
      ul.comments li { white-space: pre-line; margin: 4px 0; max-width: 80ch; }
      footer { margin-top: 48px; padding-top: 8px; border-top: 1px solid #c8c8c8; color: #4d4d4d;
        font-size: 13px; }
      @media print {
        @page { size: A4; margin: 12mm; }
        body { font-size: 10pt; }
        main { max-width: none; padding: 0; }
        nav, summary { display: none; }
        details::details-content { content-visibility: visible; display: contents; }
        .cards { display: block; }
        figure, table, .card, .facts { break-inside: avoid; }
        h2, h3 { break-after: avoid; }
      }
      """;
}
