// Styles of the tooltip's shadow root. `:host { all: initial }` keeps the page's CSS out; the
// shadow boundary keeps ours in.
export const TOOLTIP_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  z-index: 2147483647 !important;
  display: block !important;
}
* { box-sizing: border-box; }
.panel {
  position: fixed;
  width: min(460px, calc(100vw - 16px));
  visibility: hidden;
  --bg: #ffffff; --fg: #1f2328; --muted: #5b6470; --line: #e3e6ea; --soft: #f5f7f9;
  --quote: #f3f5f8; --accent: #2f5fb3; --warn-bg: #fff7e6; --warn-line: #e8b64c;
  --conflict-bg: #fdecec; --conflict-line: #e06666; --agree-bg: #ebf7ef; --agree-line: #5fb27c;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans JP", sans-serif;
  color: var(--fg);
  text-align: left;
  letter-spacing: normal;
  -webkit-font-smoothing: antialiased;
}
.panel.open { visibility: visible; }
@media (prefers-color-scheme: dark) {
  .panel {
    --bg: #1c1f24; --fg: #e6e8eb; --muted: #a3abb6; --line: #343a42; --soft: #23272d;
    --quote: #262b32; --accent: #8fb4ff; --warn-bg: #2e2616; --warn-line: #a37a20;
    --conflict-bg: #341c1c; --conflict-line: #b04a4a; --agree-bg: #18291e; --agree-line: #3f8a58;
  }
}
.card {
  background: var(--bg);
  border: 1px solid var(--line);
  border-top: 4px solid var(--cat);
  border-radius: 10px;
  box-shadow: 0 12px 32px rgba(0,0,0,.18), 0 2px 6px rgba(0,0,0,.08);
  max-height: inherit;
  overflow: auto;
  outline: none;
}
header {
  display: flex; align-items: flex-start; gap: 8px;
  padding: 12px 12px 8px 16px;
  position: sticky; top: 0; background: var(--bg); z-index: 1;
}
.heading { flex: 1; min-width: 0; }
.chip {
  display: inline-block; font-size: 11px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase;
  color: var(--cat); margin-bottom: 2px;
}
h2 { margin: 0; font-size: 17px; line-height: 1.3; font-weight: 650; }
h3 {
  margin: 14px 0 6px; font-size: 11px; font-weight: 650; letter-spacing: .06em; text-transform: uppercase;
  color: var(--muted);
}
h4 { margin: 0 0 4px; font-size: 13px; font-weight: 650; }
p { margin: 0 0 6px; }
.close {
  all: unset; cursor: pointer; width: 28px; height: 28px; border-radius: 6px; text-align: center;
  font-size: 20px; line-height: 28px; color: var(--muted);
}
.close:hover, .close:focus-visible { background: var(--soft); color: var(--fg); }
.close:focus-visible, .more:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.body { padding: 0 16px 8px; }
.summary { font-size: 14px; }
.status { padding: 4px 16px 12px; color: var(--muted); }
.status.error { color: #b3261e; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 6px 0; border-top: 1px solid var(--line); }
li:first-child { border-top: 0; padding-top: 0; }
.quote { margin: 4px 0 6px; }
blockquote {
  margin: 0; padding: 6px 10px; background: var(--quote); border-left: 3px solid var(--cat);
  border-radius: 0 6px 6px 0; font-size: 13px; font-style: italic;
}
blockquote:not(.self-quoted)::before { content: "“"; }
blockquote:not(.self-quoted)::after { content: "”"; }
.copy { display: flex; gap: 10px; margin-top: 2px; }
.copy button {
  all: unset; cursor: pointer; font-size: 11px; color: var(--accent); opacity: .75;
}
.copy button:hover, .copy button:focus-visible { opacity: 1; text-decoration: underline; }
.copy button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.check { border-radius: 8px; padding: 8px 10px; margin: 0 0 10px; border: 1px solid; }
.check.conflict { background: var(--conflict-bg); border-color: var(--conflict-line); }
.check.disputed { background: var(--warn-bg); border-color: var(--warn-line); }
.check.agrees { background: var(--agree-bg); border-color: var(--agree-line); }
.check-heading { font-weight: 650; }
.check-why { font-size: 12px; opacity: 0.8; margin-top: 2px; }
.claim + .claim { border-top: 1px solid var(--line); padding-top: 6px; }
figcaption { margin-top: 3px; }
.citation { display: block; font-style: normal; font-size: 12px; color: var(--muted); }
.citation .byline::after { content: " — "; }
.citation .title { font-style: italic; }
a { color: var(--accent); }
.more {
  all: unset; cursor: pointer; font-size: 12px; color: var(--accent); padding: 2px 0;
}
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 8px; }
article {
  background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; min-width: 0;
}
article p { font-size: 13px; }
.discrepancy {
  background: var(--warn-bg); border: 1px solid var(--warn-line); border-radius: 8px; padding: 8px 10px; margin-bottom: 6px;
}
.names .name { margin-bottom: 6px; }
footer {
  display: flex; flex-wrap: wrap; justify-content: space-between; gap: 4px 12px;
  padding: 8px 16px 10px; border-top: 1px solid var(--line); font-size: 11px; color: var(--muted);
}
.wrong-match {
  all: unset; cursor: pointer; font-size: 11px; color: var(--muted); text-decoration: underline dotted;
}
.wrong-match:hover, .wrong-match:focus-visible { color: var(--accent); text-decoration: underline; }
.wrong-match:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`;
