// Inline stylesheet of the HTML report. `body:has(section:target)` shows only the section named in
// the URL fragment (#critical, #high ...): filtering by anchor with no script at all.
export const HTML_STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #fff; --muted: #59636e; --line: #d1d9e0; --code: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --code: #151b23; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 24px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 12px; }
h2 { font-size: 18px; margin: 24px 0 8px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--code); }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--code); padding: 1px 4px; border-radius: 4px; white-space: pre-wrap; word-break: break-all; }
nav a { margin-right: 12px; }
.muted { color: var(--muted); }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; }
.sev-critical { background: #a40e26; } .sev-high { background: #d1242f; } .sev-medium { background: #9a6700; } .sev-low { background: #0969da; }
.changes { margin: 4px 0 0; padding-left: 18px; }
.summary td:first-child { font-weight: 600; width: 160px; }
body:has(section:target) section.drifts:not(:target) { display: none; }
`;
