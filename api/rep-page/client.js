// The rep's page, in the browser: plain JavaScript, no build step. It keeps the API token in
// sessionStorage (this tab only) and calls the same JSON API as every other client.
//
// Drafts, threads and replies hold text the prospect controls, so every piece of API data goes into
// the page as a text node or an attribute value, never as HTML; the page's CSP enforces Trusted Types,
// so an HTML sink would throw rather than parse it.
'use strict';
/* global location, history, window -- the #timeline/<id> deep link (eslint.config lists the other browser globals this script uses) */

(function repPage() {
  const TOKEN_KEY = 'cadence.apiToken';

  const state = {
    token: sessionStorage.getItem(TOKEN_KEY),
    view: 'queue',
    items: [],
    tasks: [],
    selected: { queue: 0, replies: 0 },
    // The open form on the selected queue item: null, 'edit' or 'reject', with what the rep typed so far.
    mode: null,
    modeFor: null,
    edit: { subject: '', body: '' },
    reject: { reason: '', mode: 'skip-step' },
    errors: new Map(),
    busy: false,
    // The open timeline: whose, the view it was opened from, and its events once loaded.
    timeline: null,
    // Approvals and tasks this page decided or acted on. The API answers once the cadence has accepted the action,
    // and the cadence records it in the lists a moment later: a reload in between must not show them again.
    handled: new Set(),
  };

  const $ = (id) => document.getElementById(id);

  /** Builds an element; strings become text nodes, so no API data is ever parsed as HTML. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key === 'value' || key === 'checked' || key === 'disabled') el[key] = value;
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : String(child));
    }
    return el;
  }

  const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || `HTTP ${status}`);
      this.status = status;
      this.body = body || {};
    }
  }

  async function api(method, path, body, options) {
    let res;
    try {
      res = await fetch(path, {
        method,
        cache: 'no-store',
        // A report sent as the page goes away must outlive it.
        keepalive: Boolean(options && options.keepalive),
        headers: { authorization: `Bearer ${state.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new ApiError(0, { error: 'network', message: `could not reach the API (${err.message})` });
    }
    const text = await res.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = { error: 'not-json', message: text.slice(0, 300) };
      }
    }
    if (res.status === 401) {
      showLogin(`The API did not accept this token (401): ${data && data.message ? data.message : 'unauthorized'}. Log in again.`);
      throw new ApiError(401, data);
    }
    if (!res.ok) throw new ApiError(res.status, data);
    return data;
  }

  // --- login ---

  function showLogin(message) {
    state.token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    for (const id of ['main', 'tabs', 'reload', 'logout', 'shortcut-hint', 'help']) $(id).hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    $('token').value = '';
    $('token').focus();
  }

  async function logIn(token) {
    state.token = token;
    $('login-submit').disabled = true;
    try {
      await loadAll();
    } catch (err) {
      if (err.status === 401) return;
      const why = err.status === 403 ? `This token may not use the approval queue: ${err.message}` : `Could not load the queue: ${err.message}`;
      showLogin(why);
      return;
    } finally {
      $('login-submit').disabled = false;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    $('login').hidden = true;
    for (const id of ['main', 'tabs', 'reload', 'logout', 'shortcut-hint']) $(id).hidden = false;
    const linked = timelineInHash();
    if (linked) {
      void openTimeline(linked, null, state.view === 'timeline' ? 'queue' : state.view);
      return;
    }
    showView(state.view);
    $('main').focus();
  }

  // --- data ---

  /** Every page of a list, following nextCursor (at most `max` items: a queue longer than that is worked from its oldest). */
  async function allPages(path, field, max = 1000) {
    const items = [];
    let cursor = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const data = await api('GET', `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...data[field]);
      cursor = data.nextCursor;
    } while (cursor && items.length < max);
    return items;
  }

  async function loadQueue() {
    state.items = (await allPages('/v1/approvals?status=pending', 'items')).filter((i) => !state.handled.has(i.id));
    for (const id of state.errors.keys()) if (!state.items.some((i) => i.id === id)) state.errors.delete(id);
    if (state.modeFor && !state.items.some((i) => i.id === state.modeFor)) closeMode();
    state.selected.queue = Math.max(0, Math.min(state.selected.queue, state.items.length - 1));
  }

  async function loadTasks() {
    const items = (await allPages('/v1/tasks?status=open', 'items')).filter((t) => !state.handled.has(t.id));
    // Replies first (a person is waiting), then calls and meetings, each with the brief a model wrote for it.
    state.tasks = [...items.filter((t) => t.kind === 'reply'), ...items.filter((t) => t.kind === 'call' || t.kind === 'meeting')];
    state.selected.replies = Math.max(0, Math.min(state.selected.replies, state.tasks.length - 1));
  }

  async function loadAll() {
    await loadQueue();
    await loadTasks();
    render();
  }

  async function reload() {
    try {
      await loadAll();
    } catch (err) {
      if (err.status !== 401) flash(`Could not reload: ${err.message}`, true);
    }
  }

  // --- rendering ---

  function flash(message, bad) {
    const el = $('flash');
    el.textContent = message;
    el.className = bad ? 'flash bad' : 'flash';
    el.hidden = !message;
  }

  function showView(view) {
    state.view = view;
    if (view !== 'timeline' && state.timeline) closeTimeline();
    $('view-queue').hidden = view !== 'queue';
    $('view-replies').hidden = view !== 'replies';
    $('view-timeline').hidden = view !== 'timeline';
    $('tab-queue').setAttribute('aria-selected', String(view === 'queue'));
    $('tab-replies').setAttribute('aria-selected', String(view === 'replies'));
    render();
  }

  function render() {
    $('count-queue').textContent = `(${state.items.length})`;
    $('count-replies').textContent = `(${state.tasks.length})`;
    renderQueue();
    renderReplies();
    renderTimeline();
  }

  function renderQueue() {
    const view = $('view-queue');
    if (state.items.length === 0) {
      view.replaceChildren(h('p', { class: 'empty' }, 'Nothing waits for your approval.'));
      return;
    }
    view.replaceChildren(...state.items.map((item, index) => queueCard(item, index)));
    observeCards();
  }

  function selectedItem() {
    return state.items[state.selected.queue] || null;
  }

  function cardFor(id) {
    return document.querySelector(`article[data-approval-id="${CSS.escape(id)}"]`);
  }

  /** Rebuilds one card in place (its form keeps what was typed: it lives in state). */
  function rerenderCard(item) {
    const old = cardFor(item.id);
    if (!old) return renderQueue();
    old.replaceWith(queueCard(item, state.items.indexOf(item)));
    observeCards();
  }

  function queueCard(item, index) {
    const p = item.prospect;
    const a = item.account;
    const selected = index === state.selected.queue;
    const open = state.modeFor === item.id ? state.mode : null;
    const error = state.errors.get(item.id);
    return h(
      'article',
      {
        class: selected ? 'card selected' : 'card',
        tabindex: '-1',
        dataset: { approvalId: item.id },
        'aria-current': selected ? 'true' : null,
        onclick: () => select('queue', state.items.indexOf(item)),
      },
      h('h2', {}, `Step ${item.step}: ${p.name} `, h('span', { class: 'meta prospect-email' }, `<${p.email}>`)),
      h('p', { class: 'meta prospect-title' }, p.title || 'no title on record'),
      h(
        'p',
        { class: 'meta account' },
        h('span', {}, `${a.name} (${a.domain})`),
        h('span', {}, `tier ${a.tier}`),
        h('span', {}, `deal value ${Number(a.dealValue).toLocaleString()}`),
        a.industry ? h('span', {}, a.industry) : null,
      ),
      h(
        'p',
        { class: 'meta' },
        h('span', {}, `queued ${when(item.createdAt)}`),
        item.remindAt ? h('span', {}, `reminder ${when(item.remindAt)}`) : null,
        h('span', {}, `policy ${item.policyVersion}`),
      ),
      h('h3', {}, 'Why it was gated'),
      h('ul', { class: 'plain why-gated' }, item.whyGated.map((r) => h('li', {}, h('span', { class: 'rule' }, r.rule), `: ${r.detail}`))),
      h('h3', {}, `Confidence ${Math.round(item.confidence * 100)}%`),
      item.confidenceReasons.length
        ? h(
            'ul',
            { class: 'plain confidence' },
            item.confidenceReasons.map((r) => h('li', {}, h('span', { class: 'rule' }, r.code), ` (${r.effect > 0 ? '+' : ''}${r.effect}): ${r.detail}`)),
          )
        : h('p', { class: 'meta' }, 'No reasons lowered it.'),
      h('h3', {}, 'Spam check'),
      findingsList(item.spamFindings, 'No findings.'),
      h('h3', {}, `Draft v${item.draft.version}`),
      item.drafter && item.drafter.ai
        ? h(
            'p',
            { class: 'meta ai-draft' },
            h('span', { class: 'finding' }, 'AI draft'),
            ` written by ${item.drafter.ai.model} (${item.drafter.ai.provider}); AI slots: ${Object.keys(item.drafter.ai.slots).join(', ')}. Check its facts: the findings above name any it could not trace.`,
          )
        : null,
      open === 'edit' ? editForm(item) : draftView(item),
      h('h3', {}, 'Thread so far'),
      threadView(item.thread),
      h('div', { class: 'error', role: 'alert' }, error ? [error.message, error.findings ? findingsList(error.findings, '') : null] : null),
      open === 'reject' ? rejectForm(item) : null,
      open ? null : actions(item),
    );
  }

  function findingsList(findings, none) {
    if (!findings || findings.length === 0) return none ? h('p', { class: 'meta' }, none) : null;
    return h(
      'ul',
      { class: 'plain findings' },
      findings.map((f) =>
        h(
          'li',
          { class: `finding ${f.severity}` },
          h('span', { class: 'badge' }, f.severity === 'block' ? 'BLOCKS SENDING' : 'warning'),
          h('span', { class: 'rule' }, f.code),
          `: ${f.detail}`,
        ),
      ),
    );
  }

  function draftView(item) {
    return h(
      'div',
      { class: 'draft' },
      h('p', { class: 'subject draft-subject' }, item.draft.subject),
      h('pre', { class: 'text draft-body' }, item.draft.body),
    );
  }

  function threadView(thread) {
    if (!thread || thread.length === 0) return h('p', { class: 'meta' }, 'No messages yet.');
    return h(
      'ol',
      { class: 'thread' },
      thread.map((m) =>
        h(
          'li',
          { class: m.direction },
          h('p', { class: 'meta' }, h('span', {}, m.direction === 'inbound' ? 'received' : 'sent'), h('span', {}, when(m.at)), h('span', {}, m.subject || '(no subject)')),
          h('pre', { class: 'text' }, m.body),
        ),
      ),
    );
  }

  function actions(item) {
    return h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary', 'data-action': 'approve', onclick: () => approve(item) }, 'Approve'),
      h('button', { type: 'button', 'data-action': 'edit', onclick: () => openMode(item, 'edit') }, 'Edit'),
      h('button', { type: 'button', class: 'danger', 'data-action': 'reject', onclick: () => openMode(item, 'reject') }, 'Reject'),
      h('button', { type: 'button', 'data-action': 'timeline', onclick: () => openTimeline(item.prospect.id, prospectLabel(item.prospect), 'queue') }, 'Timeline'),
      h('span', { class: 'hint' }, h('kbd', {}, 'a'), ' approve ', h('kbd', {}, 'e'), ' edit ', h('kbd', {}, 'r'), ' reject ', h('kbd', {}, 't'), ' timeline'),
    );
  }

  function editForm(item) {
    return h(
      'form',
      { class: 'edit', onsubmit: (e) => (e.preventDefault(), saveEdit(item)) },
      h('label', { for: `subject-${item.id}` }, 'Subject'),
      h('input', { type: 'text', id: `subject-${item.id}`, name: 'subject', value: state.edit.subject, oninput: (e) => (state.edit.subject = e.target.value) }),
      h('label', { for: `body-${item.id}` }, 'Body'),
      h('textarea', { id: `body-${item.id}`, name: 'body', value: state.edit.body, oninput: (e) => (state.edit.body = e.target.value) }),
      h('p', { class: 'hint' }, 'The unsubscribe footer is added when the email is sent.'),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'primary', 'data-action': 'save-approve', disabled: state.busy }, 'Save & approve'),
        h('button', { type: 'button', 'data-action': 'cancel', onclick: () => closeMode(true) }, 'Cancel'),
        h('span', { class: 'hint' }, h('kbd', {}, 'Ctrl'), '+', h('kbd', {}, 'Enter'), ' save & approve ', h('kbd', {}, 'Esc'), ' cancel'),
      ),
    );
  }

  function rejectForm(item) {
    const radio = (value, text) =>
      h(
        'label',
        { class: 'inline' },
        h('input', { type: 'radio', name: `reject-mode-${item.id}`, value, checked: state.reject.mode === value, onchange: () => (state.reject.mode = value) }),
        ` ${text}`,
      );
    return h(
      'form',
      { class: 'reject', onsubmit: (e) => (e.preventDefault(), saveReject(item)) },
      h('label', { for: `reason-${item.id}` }, 'Why reject it? (required, recorded)'),
      h('textarea', { id: `reason-${item.id}`, name: 'reason', class: 'reason', value: state.reject.reason, oninput: (e) => (state.reject.reason = e.target.value) }),
      h('div', {}, radio('skip-step', 'skip this step, the cadence goes on'), radio('end-cadence', 'end the cadence')),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'danger', 'data-action': 'confirm-reject', disabled: state.busy }, 'Reject'),
        h('button', { type: 'button', 'data-action': 'cancel', onclick: () => closeMode(true) }, 'Cancel'),
        h('span', { class: 'hint' }, h('kbd', {}, 'Ctrl'), '+', h('kbd', {}, 'Enter'), ' reject ', h('kbd', {}, 'Esc'), ' cancel'),
      ),
    );
  }

  // --- selection and forms ---

  function select(view, index) {
    const list = view === 'queue' ? state.items : state.tasks;
    if (list.length === 0) return;
    const next = Math.max(0, Math.min(index, list.length - 1));
    if (view === 'queue' && state.mode && state.items[next] && state.items[next].id !== state.modeFor) return;
    state.selected[view] = next;
    const selector = view === 'queue' ? '#view-queue article.card' : '#view-replies article.card';
    document.querySelectorAll(selector).forEach((card, i) => {
      card.classList.toggle('selected', i === next);
      if (i === next) card.setAttribute('aria-current', 'true');
      else card.removeAttribute('aria-current');
      if (i === next) card.scrollIntoView({ block: 'nearest' });
    });
  }

  function openMode(item, mode) {
    select('queue', state.items.indexOf(item));
    state.mode = mode;
    state.modeFor = item.id;
    if (mode === 'edit') state.edit = { subject: item.draft.subject, body: item.draft.body };
    else state.reject = { reason: '', mode: 'skip-step' };
    rerenderCard(item);
    const field = mode === 'edit' ? $(`body-${item.id}`) : $(`reason-${item.id}`);
    if (field) field.focus();
  }

  function closeMode(focusCard) {
    const item = state.items.find((i) => i.id === state.modeFor);
    state.mode = null;
    state.modeFor = null;
    if (item) {
      rerenderCard(item);
      if (focusCard) cardFor(item.id).focus();
    }
  }

  function setError(item, message, findings) {
    state.errors.set(item.id, { message, findings });
    rerenderCard(item);
  }

  // --- what the reviewer has in view ---
  //
  // Review time is the decision minus the reviewer's first view of the item, so the page reports when a card
  // is first shown and, while it stays in view, for how long: a card counts as shown when at least half of it,
  // or half the window, is on screen, in the queue tab, in a visible browser tab.

  const VIEW_REPORT_EVERY_MS = 10_000;
  /** Per approval id: when the current stretch in view began (null: not in view), time not yet reported, and whether the first view was. */
  const views = new Map();
  let viewObserver = null;

  function viewOf(id) {
    let v = views.get(id);
    if (!v) views.set(id, (v = { since: null, unreportedMs: 0, reported: false }));
    return v;
  }

  function queueOnScreen() {
    return Boolean(state.token) && state.view === 'queue' && document.visibilityState === 'visible';
  }

  function inView(entry) {
    if (!entry.isIntersecting) return false;
    const viewport = entry.rootBounds ? entry.rootBounds.height : window.innerHeight;
    return entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= viewport / 2;
  }

  function viewStarted(id) {
    const v = viewOf(id);
    if (v.since === null) v.since = performance.now();
    if (!v.reported) void reportView(id);
  }

  function viewStopped(id) {
    const v = views.get(id);
    if (!v || v.since === null) return;
    v.unreportedMs += performance.now() - v.since;
    v.since = null;
  }

  function observeCards() {
    if (!viewObserver) {
      viewObserver = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const id = entry.target.dataset.approvalId;
            if (inView(entry) && queueOnScreen()) viewStarted(id);
            else viewStopped(id);
          }
        },
        { threshold: [0, 0.1, 0.25, 0.5, 0.75, 1] },
      );
    }
    // A fresh observation reports each card's state now: after a render, a tab switch or the page coming back.
    viewObserver.disconnect();
    for (const id of views.keys()) viewStopped(id);
    if (!queueOnScreen()) return;
    document.querySelectorAll('#view-queue article.card[data-approval-id]').forEach((card) => viewObserver.observe(card));
  }

  /** Sends the item's time in view since the last report (the first report marks the first view). */
  async function reportView(id, options) {
    const v = viewOf(id);
    if (v.since !== null) {
      const now = performance.now();
      v.unreportedMs += now - v.since;
      v.since = now;
    }
    const first = !v.reported;
    const visibleMs = first ? 0 : Math.round(v.unreportedMs);
    if (!first && visibleMs === 0) return;
    v.reported = true;
    if (!first) v.unreportedMs -= visibleMs;
    try {
      await api('POST', `/v1/approvals/${encodeURIComponent(id)}/views`, { visibleMs }, options);
    } catch (err) {
      // Decided elsewhere or gone: nothing more to report. Otherwise the time is reported with the next one.
      if (err.status === 409 || err.status === 404 || err.status === 403) views.delete(id);
      else if (first) v.reported = false;
      else v.unreportedMs += visibleMs;
    }
  }

  function reportViews(options) {
    return Promise.all([...views.entries()].filter(([, v]) => v.since !== null || v.unreportedMs >= 1 || !v.reported).map(([id]) => reportView(id, options)));
  }

  // --- decisions ---

  function approve(item) {
    return decide(item, { action: 'approve' }, `Approved step ${item.step} for ${item.prospect.email} as shown; it goes out at its send time.`);
  }

  function saveEdit(item) {
    const subject = state.edit.subject;
    const body = state.edit.body;
    if (subject.trim() === '' || body.trim() === '') return setError(item, 'The subject and the body must not be empty.');
    // Unchanged text is an approval of the shown draft, and is recorded as one.
    if (subject === item.draft.subject && body === item.draft.body) return approve(item);
    return decide(item, { action: 'edit', subject, body }, `Edited and approved step ${item.step} for ${item.prospect.email}; exactly your text goes out.`);
  }

  function saveReject(item) {
    const reason = state.reject.reason.trim();
    if (reason === '') return setError(item, 'A reason is required to reject a draft.');
    const mode = state.reject.mode;
    return decide(
      item,
      { action: 'reject', mode, reason },
      `Rejected step ${item.step} for ${item.prospect.email}: ${mode === 'end-cadence' ? 'the cadence ends' : 'the step is skipped'}.`,
    );
  }

  async function decide(item, decision, done) {
    if (state.busy) return;
    state.busy = true;
    state.errors.delete(item.id);
    const card = cardFor(item.id);
    if (card) card.querySelectorAll('button').forEach((b) => (b.disabled = true));
    try {
      // The time in view up to now belongs to this decision's review time.
      if (views.has(item.id)) await reportView(item.id);
      await api('POST', `/v1/approvals/${encodeURIComponent(item.id)}/decision`, { ...decision, draftVersion: item.draft.version });
      views.delete(item.id);
      state.handled.add(item.id);
      state.busy = false;
      if (state.modeFor === item.id) {
        state.mode = null;
        state.modeFor = null;
      }
      state.items = state.items.filter((i) => i.id !== item.id);
      state.selected.queue = Math.max(0, Math.min(state.selected.queue, state.items.length - 1));
      flash(done);
      render();
      $('main').focus();
    } catch (err) {
      state.busy = false;
      if (err.status === 401) return;
      await explain(item, err);
    }
  }

  async function explain(item, err) {
    const code = err.body.error;
    if (err.status === 422 && code === 'spam-check') {
      setError(item, `Not sent: ${err.message}`, err.body.findings);
      return;
    }
    if (err.status === 409 && (code === 'stale-draft-version' || code === 'not-pending')) {
      // The item changed under the rep: show it as it is now, and say why nothing was sent.
      state.mode = null;
      state.modeFor = null;
      try {
        await loadQueue();
      } catch (reloadErr) {
        if (reloadErr.status === 401) return;
      }
      const now = state.items.find((i) => i.id === item.id);
      if (now) {
        state.errors.set(now.id, {
          message: `Nothing was sent: ${err.message}. The draft has been reloaded (now v${now.draft.version}); review it again.`,
        });
      } else {
        flash(`Nothing was sent for ${item.prospect.email}: ${err.message}.`, true);
      }
      render();
      return;
    }
    setError(item, `${err.status ? `${err.status} ${code || ''}: ` : ''}${err.message}`);
  }

  // --- replies awaiting the rep ---

  /** The reply's own text, from the thread of any queued item for the prospect (its suggested answer). */
  function replyText(task) {
    const messageId = task.details && task.details.messageId;
    for (const item of state.items) {
      if (item.prospect.id !== task.prospectId) continue;
      const entry = item.thread.find((m) => m.direction === 'inbound' && (!messageId || m.messageId === messageId));
      if (entry) return { entry, item };
    }
    const item = state.items.find((i) => i.prospect.id === task.prospectId);
    return { entry: null, item: item || null };
  }

  function renderReplies() {
    const view = $('view-replies');
    if (state.tasks.length === 0) {
      view.replaceChildren(h('p', { class: 'empty' }, 'No replies, calls or meetings wait for you.'));
      return;
    }
    view.replaceChildren(...state.tasks.map((task, index) => (task.kind === 'reply' ? replyCard(task, index) : taskCard(task, index))));
  }

  function replyCard(task, index) {
    const selected = index === state.selected.replies;
    const { entry, item } = replyText(task);
    const notesId = `notes-${task.id}`;
    return h(
      'article',
      { class: selected ? 'card selected' : 'card', tabindex: '-1', dataset: { taskId: task.id }, onclick: () => select('replies', state.tasks.indexOf(task)) },
      h('h2', {}, task.title),
      h(
        'p',
        { class: 'meta' },
        task.details && task.details.intent ? h('span', {}, `intent ${String(task.details.intent).replace(/_/g, ' ')}`) : null,
        h('span', {}, `since ${when(task.dueAt)}`),
        task.slaDueAt ? h('span', {}, `answer by ${when(task.slaDueAt)}`) : null,
        task.escalatedAt ? h('span', { class: 'finding block' }, `escalated ${when(task.escalatedAt)}`) : null,
      ),
      h('h3', {}, 'Their reply'),
      task.reply
        ? [h('p', { class: 'subject' }, task.reply.subject || '(no subject)'), h('pre', { class: 'text reply-text' }, task.reply.body)]
        : entry
          ? [h('p', { class: 'subject' }, entry.subject || '(no subject)'), h('pre', { class: 'text reply-text' }, entry.body)]
          : h('p', { class: 'meta' }, 'The reply text shows with its suggested answer in the approval queue.'),
      task.reply ? triageSummary(task.reply) : null,
      h('div', { class: 'error', role: 'alert' }),
      h('label', { for: notesId }, 'Notes (optional, recorded)'),
      h('input', { type: 'text', id: notesId, name: 'notes' }),
      h(
        'div',
        { class: 'actions' },
        item ? h('button', { type: 'button', 'data-action': 'show-answer', onclick: () => showAnswer(item) }, 'Suggested answer in the queue') : null,
        h('button', { type: 'button', class: 'primary', 'data-action': 'complete', onclick: (e) => taskAction(task, e.target.closest('article'), 'complete') }, 'Done: I handled it'),
        h('button', { type: 'button', 'data-action': 'resume', onclick: (e) => taskAction(task, e.target.closest('article'), 'resume') }, 'Resume the cadence'),
        h('button', { type: 'button', 'data-action': 'timeline', onclick: () => openTimeline(task.prospectId, task.title, 'replies') }, 'Timeline'),
      ),
    );
  }

  /** A call or meeting task: its instructions, the AI-written brief (marked as such, with what the checks found) and its outcome. */
  function taskCard(task, index) {
    const selected = index === state.selected.replies;
    const brief = task.details && task.details.aiBrief;
    const meetingId = `meeting-${task.id}`;
    const notesId = `notes-${task.id}`;
    return h(
      'article',
      { class: selected ? 'card selected' : 'card', tabindex: '-1', dataset: { taskId: task.id }, onclick: () => select('replies', state.tasks.indexOf(task)) },
      h('h2', {}, task.title),
      h('p', { class: 'meta' }, h('span', {}, task.kind), h('span', {}, `due ${when(task.dueAt)}`), task.slaDueAt ? h('span', {}, `escalates ${when(task.slaDueAt)}`) : null),
      task.notes ? [h('h3', {}, 'Instructions'), h('p', { class: 'text' }, task.notes)] : null,
      brief
        ? h(
            'section',
            { class: 'ai-brief' },
            h('h3', {}, 'Account brief ', h('span', { class: 'finding' }, 'AI-written'), ` by ${brief.model}`),
            h('p', { class: 'text brief' }, brief.brief),
            h('h3', {}, 'Discovery questions'),
            h('p', { class: 'text questions' }, brief.questions),
            brief.findings.length ? h('ul', { class: 'plain confidence' }, brief.findings.map((r) => h('li', {}, h('span', { class: 'rule' }, r.code), `: ${r.detail}`))) : h('p', { class: 'meta' }, 'The checks found nothing to doubt.'),
          )
        : h('p', { class: 'meta' }, 'No AI brief for this task.'),
      h('div', { class: 'error', role: 'alert' }),
      task.kind === 'meeting' ? [h('label', { for: meetingId }, 'Meeting time (required to confirm)'), h('input', { type: 'datetime-local', id: meetingId, name: 'meetingAt' })] : null,
      h('label', { for: notesId }, 'Notes (optional, recorded)'),
      h('input', { type: 'text', id: notesId, name: 'notes' }),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'primary', 'data-action': 'complete', onclick: (e) => taskAction(task, e.target.closest('article'), 'complete') }, task.kind === 'meeting' ? 'Confirm the meeting' : 'Done'),
        h('button', { type: 'button', 'data-action': 'skip', onclick: (e) => taskAction(task, e.target.closest('article'), 'skip') }, 'Skip'),
        h('button', { type: 'button', 'data-action': 'timeline', onclick: () => openTimeline(task.prospectId, task.title, 'replies') }, 'Timeline'),
      ),
    );
  }

  /** How the triage read the reply: its intent, confidence and the phrases, headers and floors that decided it. */
  function triageSummary(reply) {
    const confidence = typeof reply.confidence === 'number' ? ` (confidence ${Math.round(reply.confidence * 100)}%)` : '';
    return h(
      'details',
      { class: 'triage' },
      h('summary', {}, `Read as ${String(reply.intent || 'unclassified').replace(/_/g, ' ')}${confidence}${reply.escalate ? ', escalated' : ''}: why`),
      reply.reasons.length ? h('ul', { class: 'plain triage-reasons' }, reply.reasons.map((r) => h('li', {}, r))) : h('p', { class: 'meta' }, 'No evidence recorded.'),
    );
  }

  function showAnswer(item) {
    showView('queue');
    select('queue', state.items.indexOf(item));
    cardFor(item.id).focus();
  }

  async function taskAction(task, card, action) {
    const notes = card.querySelector('input[name="notes"]').value.trim();
    const error = card.querySelector('.error');
    error.textContent = '';
    card.querySelectorAll('button').forEach((b) => (b.disabled = true));
    try {
      if (task.kind !== 'reply') {
        const meeting = card.querySelector('input[name="meetingAt"]');
        const body = { ...(notes ? { notes } : {}), ...(meeting && meeting.value ? { meetingAt: new Date(meeting.value).toISOString() } : {}) };
        await api('POST', `/v1/tasks/${encodeURIComponent(task.id)}/${action}`, body);
        flash(`${action === 'complete' ? 'Done' : 'Skipped'}: ${task.title}.`);
      } else if (action === 'complete') {
        await api('POST', `/v1/tasks/${encodeURIComponent(task.id)}/complete`, notes ? { notes } : {});
        flash(`Done: ${task.title.replace(/: read and respond$/, '')}. The cadence ends as replied.`);
      } else {
        await api('POST', `/v1/prospects/${encodeURIComponent(task.prospectId)}/cadence/resume`, notes ? { reason: notes } : {});
        flash('The cadence is back in automation.');
      }
      if (action === 'complete' || action === 'skip') state.handled.add(task.id);
      await loadAll();
    } catch (err) {
      if (err.status === 401) return;
      error.textContent = `${err.status ? `${err.status} ${err.body.error || ''}: ` : ''}${err.message}`;
      card.querySelectorAll('button').forEach((b) => (b.disabled = false));
    }
  }


  // --- a prospect's timeline: its audit events in hash-chain order ---

  const prospectLabel = (p) => `${p.name} <${p.email}>`;

  /** The prospect id in #timeline/<id>, the page's one deep link. */
  function timelineInHash() {
    const match = /^#timeline\/(.+)$/.exec(location.hash);
    if (!match) return null;
    try {
      return decodeURIComponent(match[1]);
    } catch {
      return null;
    }
  }

  function setHash(hash) {
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  }

  async function openTimeline(prospectId, label, from) {
    const opened = { prospectId, label, from, events: null, error: null };
    state.timeline = opened;
    setHash(`#timeline/${encodeURIComponent(prospectId)}`);
    showView('timeline');
    $('view-timeline').focus();
    try {
      opened.events = await allPages(`/v1/prospects/${encodeURIComponent(prospectId)}/timeline`, 'events', Infinity);
    } catch (err) {
      if (err.status === 401) return;
      opened.error = `Could not load the timeline (${err.status ? `${err.status} ${err.body.error || ''}` : 'network'}): ${err.message}`;
    }
    // The rep may have gone back, or on to another prospect, while it loaded.
    if (state.timeline === opened && state.view === 'timeline') renderTimeline();
  }

  function closeTimeline() {
    state.timeline = null;
    if (timelineInHash()) setHash('');
  }

  function leaveTimeline() {
    const from = state.timeline ? state.timeline.from : 'queue';
    closeTimeline();
    showView(from);
    const card =
      from === 'queue'
        ? document.querySelector('#view-queue article.card.selected')
        : document.querySelector('#view-replies article.card.selected');
    (card || $('main')).focus();
  }

  function renderTimeline() {
    const view = $('view-timeline');
    const t = state.timeline;
    if (!t) {
      view.replaceChildren();
      return;
    }
    const head = h(
      'div',
      { class: 'timeline-head' },
      h('h2', {}, 'Timeline: ', h('span', { class: 'timeline-prospect' }, t.label || `prospect ${t.prospectId}`)),
      h('span', { class: 'hint' }, h('kbd', {}, 'b'), ' / ', h('kbd', {}, 'Esc'), ' back'),
      h('button', { type: 'button', 'data-action': 'back', onclick: () => leaveTimeline() }, 'Back'),
    );
    let body;
    if (t.error) body = h('p', { class: 'error timeline-error', role: 'alert' }, t.error);
    else if (!t.events) body = h('p', { class: 'empty' }, 'Loading the timeline…');
    else if (t.events.length === 0) body = h('p', { class: 'empty' }, 'Nothing is recorded for this prospect yet.');
    else body = h('ol', { class: 'timeline' }, t.events.map((event) => timelineEntry(event, t.events)));
    view.replaceChildren(head, body);
  }

  function utc(iso) {
    return `${new Date(iso).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')} UTC`;
  }

  /** sha256:abcdef… shows as its first 12 hex digits; the whole hash is in the title. */
  const shortHash = (hash) => (hash ? hash.replace(/^sha256:/, '').slice(0, 12) : 'no hash');

  function timelineEntry(event, events) {
    const what = describe(event, events);
    const known = what !== null;
    return h(
      'li',
      { dataset: { seq: event.seq === null ? '' : String(event.seq), event: event.action } },
      h(
        'p',
        { class: 'meta' },
        h('span', { class: 'seq' }, event.seq === null ? 'outside the chain' : `#${event.seq}`),
        h('span', {}, h('time', { datetime: event.at, title: utc(event.at) }, when(event.at))),
        h('span', { class: 'actor' }, event.actor),
        event.step !== null ? h('span', {}, `step ${event.step}`) : null,
        h('span', {}, h('code', { class: 'hash', title: event.hash || 'outside the hash chain' }, shortHash(event.hash))),
      ),
      h('p', { class: 'what' }, known ? what.text : `${event.action}`),
      known && what.extra ? what.extra : null,
      known
        ? h('details', {}, h('summary', {}, 'Recorded details'), h('pre', { class: 'text' }, JSON.stringify(event.details, null, 2)))
        : h('pre', { class: 'text event-details' }, JSON.stringify(event.details, null, 2)),
    );
  }

  const words = (value) => String(value).replace(/[-_]/g, ' ');
  /** Names in a list; gate rules are recorded as { rule, detail }. */
  const list = (values) =>
    Array.isArray(values) && values.length ? values.map((v) => (v && typeof v === 'object' ? v.rule || v.code || JSON.stringify(v) : String(v))).join(', ') : 'none';

  /** The event in words, or null for an action this page does not know (shown with its raw details). */
  function describe(event, events) {
    const d = event.details || {};
    const text = (t, extra) => ({ text: t, extra: extra || null });
    switch (event.action) {
      case 'enrollment.started':
        return text(`Enrolled in cadence ${d.cadenceId}`);
      case 'enrollment.ended':
        return text(`Cadence ended: ${words(d.status)}${d.atStep ? ` at step ${d.atStep}` : ''}`);
      case 'prospect.enriched':
        return text(`Prospect enriched (${list(d.fields)})`);
      case 'draft.created': {
        if (d.kind === 'reply-suggestion') return text(`Suggested answer drafted for a reply (intent ${words(d.intent || 'unclassified')})`);
        const scored = events.find((e) => e.action === 'draft.scored' && e.details && e.details.draftId === d.draftId);
        const template = d.template ? ` from template ${d.template.name} v${d.template.version}` : '';
        const variant = d.variant ? `, variant ${d.variant.assigned}` : '';
        const confidence = scored ? ` (confidence ${Number(scored.details.confidence).toFixed(2)})` : '';
        const unresolved = Array.isArray(d.unresolvedFields) && d.unresolvedFields.length ? `; unresolved fields: ${list(d.unresolvedFields)}` : '';
        return text(`Draft v${d.version || 1} created${template}${variant}${confidence}${unresolved}`);
      }
      case 'draft.scored': {
        const reasons = Array.isArray(d.reasons) && d.reasons.length ? `: ${d.reasons.map((r) => r.code).join(', ')}` : '';
        return text(`Draft scored: confidence ${Number(d.confidence).toFixed(2)}${reasons}`);
      }
      case 'gate.decided':
        return text(`${d.gated ? `Gated: ${list(d.rules)}` : 'Sent automatically'} (policy ${d.policyVersion})`);
      case 'approval.requested':
        return text(`Approval requested from the owner for draft v${d.draftVersion} (${list(d.rules)})`);
      case 'approval.decided': {
        const review = d.review || null;
        const took = review
          ? review.viewed
            ? ` ${review.reviewSeconds} s after it was first shown (${review.visibleSeconds} s in view)`
            : ' without it ever being shown on this page'
          : typeof d.secondsToDecide === 'number'
            ? ` after ${d.secondsToDecide} s`
            : '';
        if (d.decision === 'edit') {
          const edit = d.edit || {};
          const changed = [
            edit.subject ? 'subject changed' : null,
            edit.body ? `body +${edit.linesAdded} −${edit.linesRemoved} lines` : null,
          ].filter(Boolean);
          return text(
            `Edited and approved: draft v${d.shownDraftVersion} → v${d.sentDraftVersion}${changed.length ? ` (${changed.join(', ')})` : ''}${took}`,
            h(
              'div',
              { class: 'edit-summary' },
              edit.subject ? h('p', { class: 'meta' }, 'Subject: ', h('del', {}, edit.subject.from), ' → ', h('ins', {}, edit.subject.to)) : null,
              edit.body ? h('pre', { class: 'text diff' }, edit.body) : null,
            ),
          );
        }
        if (d.decision === 'reject') return text(`Rejected (${words(d.rejectMode || 'skip-step')})${took}: ${d.reason || 'no reason'}`);
        return text(`Approved draft v${d.shownDraftVersion} as shown${took}`);
      }
      case 'approval.viewed':
        return text('Draft shown for review (review time counts from here)');
      case 'approval.reminded':
        return text('Approval overdue: the owner was reminded');
      case 'approval.escalated':
        return text("Approval overdue: escalated to the owner's manager");
      case 'approval.expired':
        return text('Approval expired: nobody decided in time');
      case 'approval.withdrawn':
        return text(`Approval withdrawn${d.reason ? `: ${d.reason}` : ''}`);
      case 'send.sent':
        return text(`Sent draft v${d.draftVersion} from ${d.mailbox} to ${d.recipient}`, h('p', { class: 'meta' }, `Message-ID ${d.messageId}`));
      case 'send.deferred':
        return text(`Send deferred until ${when(d.until)} (${words(d.reason)})${d.mailbox ? ` on ${d.mailbox}` : ''}`);
      case 'send.unconfirmed':
        return text(`Send unconfirmed: ${d.reason || 'the worker stopped after the hand-off'}; the owner checks the sent items`);
      case 'send.held':
        return text(`Send held: ${d.reason}`);
      case 'send.cancelled':
        return text(`Send cancelled: ${d.reason}`);
      case 'send.failed':
        return text(`Send failed: ${d.reason}`);
      case 'reply.received': {
        const mood = d.sentiment ? `, ${words(d.sentiment)}` : '';
        const effect = d.effect ? `; ${words(d.effect)}` : '';
        const sure = typeof d.confidence === 'number' ? ` (confidence ${d.confidence.toFixed(2)})` : '';
        const why = Array.isArray(d.evidence) && d.evidence.length ? `. Why: ${d.evidence.join('; ')}` : '';
        return text(`Reply received from ${d.from}: intent ${words(d.intent || 'unclassified')}${sure}${mood}${effect}${d.escalate ? '; escalated to the manager' : ''}${why}`);
      }
      case 'cadence.replied':
        return text(`Automation stopped: handed to the rep after a reply (intent ${words(d.intent || 'unclassified')})`);
      case 'cadence.resumed':
        return text(`Cadence resumed${d.reason ? `: ${d.reason}` : ''}`);
      case 'cadence.paused':
        return text(`Cadence paused${d.reason ? `: ${d.reason}` : ''}`);
      case 'cadence.step-skipped':
        return text(`Step skipped${d.reason ? `: ${d.reason}` : ''}`);
      case 'cadence.finished':
        return text(`Cadence finished${d.reason ? `: ${d.reason}` : ''}`);
      case 'task.created':
        return text(`Task for the rep: ${words(d.kind)}, due ${when(d.dueAt)}`);
      case 'task.completed':
      case 'task.skipped':
        return text(`Task ${event.action === 'task.completed' ? 'done' : 'skipped'}: ${words(d.kind)}${d.notes ? ` (${d.notes})` : ''}`);
      case 'task.escalated':
        return text("Task overdue: escalated to the owner's manager");
      case 'task.expired':
        return text('Task expired');
      case 'meeting.confirmed':
        return text(`Meeting confirmed for ${when(d.meetingAt)}`);
      case 'prospect.unsubscribed':
        return text(`Unsubscribed (${words(d.source)}): ${d.address} suppressed`);
      case 'suppression.removed':
        return text(`Suppression removed${d.value ? `: ${d.value}` : ''}`);
      case 'delivery.bounced':
        return text(`Bounce reported by ${d.provider} (${d.bounceType || 'unknown'}) for ${d.recipient}`);
      case 'delivery.complained':
        return text(`Complaint reported by ${d.provider} for ${d.recipient}`);
      case 'policy.changed':
        return text(`Gate policy changed to ${d.version} (from ${d.basedOn})`);
      default:
        return null;
    }
  }

  // --- keyboard ---

  function typing(target) {
    return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
  }

  function toggleHelp(show) {
    $('help').hidden = show === undefined ? !$('help').hidden : !show;
  }

  document.addEventListener('keydown', (e) => {
    if (state.token === null || !$('login').hidden) return;
    if (e.key === 'Escape') {
      if (!$('help').hidden) toggleHelp(false);
      else if (state.mode) closeMode(true);
      else if (state.view === 'timeline') leaveTimeline();
      else return;
      e.preventDefault();
      return;
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && state.mode) {
      const item = state.items.find((i) => i.id === state.modeFor);
      if (item) {
        e.preventDefault();
        if (state.mode === 'edit') void saveEdit(item);
        else void saveReject(item);
      }
      return;
    }
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    // While the help is open, only ? and Esc (above) do anything.
    if (!$('help').hidden && e.key !== '?') return;
    const item = state.view === 'queue' ? selectedItem() : null;
    switch (e.key) {
      case '?':
        toggleHelp();
        break;
      case 'j':
      case 'k':
        if (state.view === 'timeline') return;
        select(state.view, state.selected[state.view] + (e.key === 'j' ? 1 : -1));
        break;
      case 't': {
        if (state.mode) return;
        const task = state.view === 'replies' ? state.tasks[state.selected.replies] : null;
        if (item) void openTimeline(item.prospect.id, prospectLabel(item.prospect), 'queue');
        else if (task) void openTimeline(task.prospectId, task.title, 'replies');
        else return;
        break;
      }
      case 'b':
        if (state.view !== 'timeline') return;
        leaveTimeline();
        break;
      case '1':
        showView('queue');
        break;
      case '2':
        showView('replies');
        break;
      case 'a':
        if (!item || state.mode) return;
        void approve(item);
        break;
      case 'e':
        if (!item || state.mode) return;
        openMode(item, 'edit');
        break;
      case 'r':
        if (!item || state.mode) return;
        openMode(item, 'reject');
        break;
      default:
        return;
    }
    e.preventDefault();
  });

  // --- start ---

  $('login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const token = $('token').value.trim();
    if (token === '') {
      $('login-error').textContent = 'Paste an API token first.';
      return;
    }
    $('login-error').textContent = '';
    void logIn(token);
  });
  $('logout').addEventListener('click', () => showLogin(''));
  $('reload').addEventListener('click', () => void reload());
  $('help-close').addEventListener('click', () => toggleHelp(false));
  $('tab-queue').addEventListener('click', () => showView('queue'));
  $('tab-replies').addEventListener('click', () => showView('replies'));
  window.addEventListener('hashchange', () => {
    const linked = timelineInHash();
    if (linked && state.token && $('login').hidden && (!state.timeline || state.timeline.prospectId !== linked)) {
      void openTimeline(linked, null, state.view === 'timeline' ? state.timeline.from : state.view);
    }
  });

  document.addEventListener('visibilitychange', () => {
    observeCards();
    if (document.visibilityState === 'hidden') void reportViews({ keepalive: true });
  });
  window.addEventListener('pagehide', () => {
    observeCards();
    void reportViews({ keepalive: true });
  });
  setInterval(() => {
    if (state.token) void reportViews();
  }, VIEW_REPORT_EVERY_MS);

  if (state.token) void logIn(state.token);
  else showLogin('');
})();
