import { createHash } from 'node:crypto';

/**
 * The rep's page: one static HTML document. It holds no data and needs no login of its own; its script
 * (client.js, plain JavaScript served beside it) asks for an API token and calls the JSON API with it,
 * so the page can do exactly what the token may do over the API and nothing more.
 */

export const REP_PAGE_SCRIPT_PATH = '/app/rep-page.js';

const STYLE = `
:root { color-scheme: light; --line: #d8dce3; --muted: #5b6473; --accent: #1f5fbf; --block: #a3141b; --warn: #8a5a00; --ok: #17663a; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c2230; background: #f5f6f8; }
header.top { display: flex; align-items: center; gap: 1rem; padding: .6rem 1.2rem; background: #fff; border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 2; }
header.top h1 { font-size: 1.05rem; margin: 0 1rem 0 0; }
nav.tabs { display: flex; gap: .3rem; }
nav.tabs button[aria-selected="true"] { background: var(--accent); color: #fff; border-color: var(--accent); }
.spacer { flex: 1; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem 1.2rem 4rem; outline: none; }
button { font: inherit; padding: .3rem .75rem; border: 1px solid var(--line); border-radius: 4px; background: #fff; cursor: pointer; }
button:hover { border-color: var(--accent); }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
button.danger { color: var(--block); border-color: var(--block); }
button:disabled { opacity: .5; cursor: wait; }
input[type="text"], input[type="password"], textarea { font: inherit; width: 100%; padding: .4rem .5rem; border: 1px solid var(--line); border-radius: 4px; }
textarea { min-height: 14rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
textarea.reason { min-height: 4rem; font-family: inherit; }
label { display: block; font-weight: 600; margin: .5rem 0 .2rem; }
label.inline { display: inline; font-weight: normal; margin-right: 1rem; }
.login { max-width: 28rem; margin: 4rem auto; background: #fff; padding: 1.5rem; border: 1px solid var(--line); border-radius: 6px; }
.login p { color: var(--muted); }
.flash { margin: 0 0 1rem; padding: .5rem .8rem; border-radius: 4px; background: #e7f3ec; color: var(--ok); }
.flash.bad { background: #fbeaea; color: var(--block); }
.empty { color: var(--muted); padding: 2rem 0; text-align: center; }
article.card { background: #fff; border: 1px solid var(--line); border-left: 4px solid transparent; border-radius: 6px; padding: .8rem 1rem; margin: 0 0 1rem; outline: none; }
article.card.selected { border-left-color: var(--accent); box-shadow: 0 1px 6px rgba(31, 95, 191, .15); }
article.card h2 { font-size: 1rem; margin: 0; }
article.card h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: .9rem 0 .3rem; }
.meta { color: var(--muted); margin: .15rem 0; }
.meta span + span::before { content: " · "; }
ul.plain { margin: 0; padding-left: 1.1rem; }
.rule { font-weight: 600; }
.finding.block { color: var(--block); }
.finding.warn { color: var(--warn); }
.badge { display: inline-block; font-size: .72rem; font-weight: 700; padding: 0 .35rem; border-radius: 3px; margin-right: .35rem; border: 1px solid currentColor; }
.subject { font-weight: 600; margin: .2rem 0; }
pre.text { white-space: pre-wrap; word-break: break-word; font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f8f9fb; border: 1px solid #eceef2; border-radius: 4px; padding: .5rem .7rem; margin: .2rem 0; }
ol.thread { list-style: none; margin: 0; padding: 0; }
ol.thread li { margin: 0 0 .5rem; }
ol.thread li.inbound pre.text { background: #fff8e6; border-color: #f1e2b8; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .9rem; align-items: center; }
.hint { color: var(--muted); font-size: .85rem; }
kbd { font: 12px ui-monospace, monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px; padding: 0 .3rem; background: #fff; }
.error { margin-top: .7rem; padding: .5rem .7rem; border-radius: 4px; background: #fbeaea; color: var(--block); }
.error:empty { display: none; }
.help { position: fixed; inset: 0; background: rgba(20, 24, 32, .45); display: flex; align-items: center; justify-content: center; z-index: 5; }
.help > div { background: #fff; border-radius: 6px; padding: 1.2rem 1.5rem; min-width: 22rem; }
.help table td { padding: .15rem .6rem .15rem 0; }
ol.timeline { list-style: none; margin: 0; padding: 0; }
ol.timeline li { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .45rem .8rem; margin: 0 0 .4rem; }
ol.timeline .what { font-weight: 600; }
ol.timeline .seq { font: 12px ui-monospace, monospace; color: var(--muted); }
ol.timeline code.hash { font-size: 12px; color: var(--muted); }
ol.timeline pre.text { margin-top: .4rem; }
ol.timeline details summary { cursor: pointer; color: var(--muted); font-size: .85rem; }
#view-timeline { outline: none; }
.timeline-head { display: flex; align-items: center; gap: 1rem; margin: 0 0 .8rem; }
.timeline-head h2 { font-size: 1.05rem; margin: 0; flex: 1; }
[hidden] { display: none !important; }
`;

/** The Content-Security-Policy hash of the inline style sheet; no other inline style or script is allowed. */
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/**
 * Scripts only from this origin (no inline script, no inline event handlers, no eval), the one inline
 * style sheet by its hash, fetch only to this origin, and Trusted Types enforced: the page builds its DOM
 * from text nodes, so any HTML-string sink (innerHTML and the like) throws instead of parsing prospect text.
 */
export const REP_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src ${STYLE_HASH}`,
  "connect-src 'self'",
  "img-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

export function renderRepPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Approval queue · Cadence engine</title>
<style>${STYLE}</style>
<script src="${REP_PAGE_SCRIPT_PATH}" defer></script>
</head>
<body>
<header class="top">
  <h1>Cadence engine</h1>
  <nav class="tabs" id="tabs" hidden>
    <button type="button" id="tab-queue" data-view="queue" aria-selected="true">Approval queue <span id="count-queue"></span></button>
    <button type="button" id="tab-replies" data-view="replies" aria-selected="false">Replies &amp; tasks <span id="count-replies"></span></button>
  </nav>
  <span class="spacer"></span>
  <span class="hint" id="shortcut-hint" hidden>Press <kbd>?</kbd> for shortcuts</span>
  <button type="button" id="reload" hidden>Reload</button>
  <button type="button" id="logout" hidden>Log out</button>
</header>

<section class="login" id="login" hidden>
  <h2>Log in</h2>
  <p>Paste your API token (<code>npx cadence create-token …</code>, or the rep token <code>npm start</code> prints). It is kept in this tab only.</p>
  <form id="login-form" autocomplete="off">
    <label for="token">API token</label>
    <input type="password" id="token" name="token" spellcheck="false" required>
    <div class="error" id="login-error" role="alert"></div>
    <div class="actions"><button type="submit" class="primary" id="login-submit">Log in</button></div>
  </form>
</section>

<main id="main" tabindex="-1" hidden>
  <div class="flash" id="flash" role="status" hidden></div>
  <section id="view-queue" aria-label="Approval queue"></section>
  <section id="view-replies" aria-label="Replies, calls and meetings awaiting you" hidden></section>
  <section id="view-timeline" aria-label="Prospect timeline" tabindex="-1" hidden></section>
</main>

<div class="help" id="help" hidden>
  <div role="dialog" aria-modal="true" aria-labelledby="help-title">
    <h2 id="help-title">Keyboard shortcuts</h2>
    <table>
      <tr><td><kbd>j</kbd> / <kbd>k</kbd></td><td>next / previous item</td></tr>
      <tr><td><kbd>a</kbd></td><td>approve the selected draft as shown</td></tr>
      <tr><td><kbd>e</kbd></td><td>edit the selected draft (then Save &amp; approve)</td></tr>
      <tr><td><kbd>r</kbd></td><td>reject the selected draft (a reason is required)</td></tr>
      <tr><td><kbd>Ctrl</kbd>+<kbd>Enter</kbd></td><td>in an open form: save &amp; approve, or reject</td></tr>
      <tr><td><kbd>Esc</kbd></td><td>cancel editing or rejecting; close this help</td></tr>
      <tr><td><kbd>t</kbd></td><td>the selected prospect's timeline (every audit event, in order)</td></tr>
      <tr><td><kbd>b</kbd> / <kbd>Esc</kbd></td><td>in the timeline: back to where you were</td></tr>
      <tr><td><kbd>1</kbd> / <kbd>2</kbd></td><td>approval queue / replies awaiting you</td></tr>
      <tr><td><kbd>?</kbd></td><td>show or hide this help</td></tr>
    </table>
    <p class="hint">Shortcuts are off while you type in a field (except Esc and Ctrl+Enter).</p>
    <div class="actions"><button type="button" id="help-close">Close</button></div>
  </div>
</div>
</body>
</html>
`;
}
