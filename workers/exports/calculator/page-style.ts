// The calculator page's style sheet: the app's colours (renderer/src/styles.css), one column on a phone, and paper
// that shows the case, the answer and the limits without the buttons.

export const PAGE_STYLE = `
:root {
  --bg: #f5f7fa; --card: #ffffff; --ink: #1f2933; --muted: #586574; --line: #d9e2ec; --line-strong: #9fb3c8;
  --soft: #eef2f7; --focus: #90cdf4; --accent: #2b6cb0; --accent-soft: #e3efff; --orange: #dd6b20; --warn: #975a16;
  --bad: #c53030; --bar: #102a43; --radius: 10px;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 15px; line-height: 1.45; color: var(--ink); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem; }
header { background: var(--bar); color: #ffffff; border-radius: var(--radius); padding: 1rem 1.2rem; margin-bottom: 1rem; }
header p { margin: 0.3rem 0 0; }
header .made { color: #d9e2ec; font-size: 0.9rem; }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; font-weight: 650; overflow-wrap: anywhere; }
h2 { font-size: 1.08rem; margin: 0 0 0.75rem; font-weight: 650; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 1.2rem; margin-bottom: 1rem; }
.grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 1rem; align-items: start; }
.fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0.7rem 1rem; }
.field { display: flex; flex-direction: column; gap: 0.15rem; min-width: 0; }
.field label { font-weight: 600; font-size: 0.9rem; overflow-wrap: anywhere; }
.field small { color: var(--muted); font-size: 0.8rem; }
input { font: inherit; color: var(--ink); background: #ffffff; width: 100%; padding: 0.4rem 0.55rem; border: 1px solid var(--line-strong); border-radius: 6px; }
input:focus, button:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
.buttons { display: flex; gap: 0.6rem; flex-wrap: wrap; margin-top: 1rem; }
button { font: inherit; color: var(--accent); background: var(--accent-soft); border: 1px solid var(--accent); border-radius: 6px; padding: 0.35rem 0.8rem; cursor: pointer; }
.muted { color: var(--muted); }
.small { font-size: 0.88rem; }
.answer-big { font-size: 2.2rem; font-weight: 700; margin: 0.2rem 0; display: flex; align-items: baseline; gap: 0.6rem; flex-wrap: wrap; overflow-wrap: anywhere; }
.answer-of { font-size: 1rem; font-weight: 500; color: var(--muted); }
.bar { height: 10px; background: var(--soft); border-radius: 999px; overflow: hidden; margin: 0.3rem 0 0.6rem; }
.bar > div { height: 100%; background: var(--orange); }
.class-bars { list-style: none; padding: 0; margin: 0; }
.class-bars li { display: grid; grid-template-columns: minmax(4rem, 8rem) 1fr 4rem; gap: 0.6rem; align-items: center; }
.class-bars .bar { margin: 0.3rem 0; }
.warnings { color: var(--warn); font-size: 0.88rem; }
.problem { color: var(--bad); }
.why-sentence { font-size: 1.05rem; font-weight: 500; }
.shares { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
.shares caption { text-align: left; color: var(--muted); font-size: 0.85rem; padding-bottom: 0.3rem; }
.shares th { text-align: left; font-weight: 500; padding: 0.2rem 0.5rem 0.2rem 0; overflow-wrap: anywhere; width: 40%; }
.shares td.figure { text-align: right; white-space: nowrap; padding-left: 0.5rem; font-variant-numeric: tabular-nums; }
.shares td.share { position: relative; height: 1.4rem; width: 45%; background: linear-gradient(to right, transparent calc(50% - 1px), var(--line-strong) calc(50% - 1px), var(--line-strong) calc(50% + 1px), transparent calc(50% + 1px)); }
.shares .up, .shares .down { position: absolute; top: 0.3rem; bottom: 0.3rem; border-radius: 3px; }
.shares .up { left: 50%; background: var(--orange); }
.shares .down { right: 50%; background: var(--accent); }
.limits ul { margin: 0; padding-left: 1.2rem; }
.limits li { margin-bottom: 0.3rem; }
@media (max-width: 760px) {
  main { padding: 0.6rem; }
  .grid { grid-template-columns: minmax(0, 1fr); }
  .answer-big { font-size: 1.8rem; }
  .card { padding: 0.9rem; }
}
@media print {
  :root { background: #ffffff; }
  header { background: none; color: var(--ink); border: 1px solid var(--line); }
  header .made { color: var(--muted); }
  .buttons { display: none; }
  .card { break-inside: avoid; border-color: var(--line-strong); }
  .grid { grid-template-columns: minmax(0, 1fr); }
  .fields { grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }
  .bar > div, .shares .up, .shares .down { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
