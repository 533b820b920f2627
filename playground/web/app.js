// beatbot playground: three chat panes (resident, district inspector,
// precinct chief) talking to the real bot through the server's JSON API,
// plus an SVG map of the city's districts in the resident pane.
// Plain ES2020, no framework, no build step.
'use strict';

// Everything is inside this function, so that nothing leaks into the page's
// global scope (where a test's evaluated script may declare its own names).
(() => {
const PANES = ['resident', 'inspector', 'chief'];
const SVGNS = 'http://www.w3.org/2000/svg';
const $ = (sel) => document.querySelector(sel);

const app = {
  state: null,      // last /api/state answer
  proj: null,       // map projection, see makeProj
  msgs: {},         // pane -> Map(message id -> message), in display order
  lastDay: {},      // pane -> day label of the last message shown
  loading: 0,       // /api/state requests in flight
  seq: 0,           // only the latest /api/state answer is rendered
  queued: [],       // SSE messages that arrived while the state was loading
  share: null,      // pane whose location the next map click shares, if in share mode
  clock: null,      // {ms, at, off, str}: the simulated clock, see setClock
};

// ---- DOM helpers ----------------------------------------------------------

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  return el;
}
const add = (el, kids) => { el.append(...kids.flat(Infinity).filter((k) => k != null && k !== false)); return el; };
const h = (tag, attrs, ...kids) => add(setAttrs(document.createElement(tag), attrs), kids);
const s = (tag, attrs, ...kids) => add(setAttrs(document.createElementNS(SVGNS, tag), attrs), kids);

// ---- time -----------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad2 = (n) => String(n).padStart(2, '0');

// Times are shown in the city's zone: the offset of the simulated clock
// (Asia/Almaty has no DST), else the offset written in the string. Read the
// result with the getUTC* methods.
const offsetOf = (str) => {
  const m = /([+-])(\d\d):?(\d\d)$/.exec(str || '');
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
};
const zoneName = (off) => `UTC${off < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(off) / 60))}:${pad2(Math.abs(off) % 60)}`;

function parseTime(str) {
  const d = new Date(str);
  if (!str || Number.isNaN(d.getTime())) return null;
  const off = app.clock ? app.clock.off : offsetOf(str);
  return { wall: new Date(d.getTime() + off * 60000), zone: zoneName(off) };
}
const hhmm = (w) => `${pad2(w.getUTCHours())}:${pad2(w.getUTCMinutes())}`;
const dayLabel = (w) => `${WEEKDAYS[w.getUTCDay()]} ${w.getUTCDate()} ${MONTHS[w.getUTCMonth()]} ${w.getUTCFullYear()}`;

// setClock takes the server's clock; between updates it runs on with the
// wall clock, as the server's fake clock does.
function setClock(str) {
  const d = new Date(str);
  if (str && !Number.isNaN(d.getTime())) app.clock = { ms: d.getTime(), at: Date.now(), off: offsetOf(str), str };
  showClock();
}

function showClock() {
  const el = $('#clock');
  const c = app.clock;
  if (!c) { el.textContent = '—'; return; }
  const w = new Date(c.ms + (Date.now() - c.at) + c.off * 60000);
  const text = `${dayLabel(w)}, ${hhmm(w)}`;
  el.setAttribute('datetime', c.str);
  if (el.textContent !== text) el.textContent = text;
  el.title = zoneName(c.off);
}

// ---- server API -----------------------------------------------------------

function showError(text, retry = false) {
  $('#banner-text').textContent = text;
  $('#banner-retry').hidden = !retry;
  $('#banner').hidden = false;
}
const hideError = () => { $('#banner').hidden = true; };

// post sends a JSON body and returns true on success; errors go to the banner.
async function post(path, body) {
  let res;
  try {
    res = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch (e) {
    showError(`${path}: ${e.message}`);
    return false;
  }
  if (res.ok) return true;
  let msg = `${res.status} ${res.statusText}`;
  try {
    const j = await res.json();
    if (j && j.error) msg = j.error;
  } catch (_) { /* not JSON */ }
  showError(`${path}: ${msg}`);
  return false;
}

async function loadState() {
  const seq = ++app.seq;
  app.loading++;
  try {
    const res = await fetch('/api/state', { cache: 'no-store' });
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    const st = await res.json();
    if (seq === app.seq) {
      render(st);
      if ($('#banner-retry').hidden === false) hideError();
    }
  } catch (e) {
    if (seq === app.seq) showError(`Could not load the playground state (${e.message}). Is the server running?`, true);
  } finally {
    app.loading--;
    if (!app.loading) {
      const q = app.queued;
      app.queued = [];
      q.forEach((d) => upsert(d.pane, d.message));
    }
  }
}

// ---- rendering the state --------------------------------------------------

function render(st) {
  app.state = st;
  const city = st.city || {};
  $('#city').textContent = city.name || '';
  document.title = city.name ? `beatbot playground — ${city.name}` : 'beatbot playground';
  setClock(st.clock);

  const sel = $('#person');
  sel.replaceChildren(...(st.people || []).map((p) => h('option', { value: p.id, text: `${p.name} (${p.lang})` })));
  sel.value = st.person || '';
  const dsel = $('#district');
  dsel.replaceChildren(...(city.districts || []).map((d) => h('option', { value: d.id, text: d.name || d.id })));
  dsel.value = st.focus || '';

  for (const p of st.panes || []) {
    const sec = document.getElementById(`pane-${p.id}`);
    if (!sec) continue;
    sec.querySelector('.pane-title').textContent = p.title || p.id;
    sec.querySelector('.pane-name').textContent = p.name || '';
    sec.setAttribute('aria-label', p.name ? `${p.title} — ${p.name}` : (p.title || p.id));
  }

  buildMap(city, st.focus);
  for (const pane of PANES) {
    const list = document.getElementById(`messages-${pane}`);
    list.setAttribute('aria-busy', 'true');
    list.replaceChildren();
    app.msgs[pane] = new Map();
    app.lastDay[pane] = null;
    for (const m of (st.messages && st.messages[pane]) || []) upsert(pane, m, false);
    list.removeAttribute('aria-busy');
    updateKeyboard(pane);
    scrollDown(pane);
  }
  updatePins();
}

function scrollDown(pane) {
  const list = document.getElementById(`messages-${pane}`);
  if (list) list.scrollTop = list.scrollHeight;
}

// upsert shows a message in a pane, or replaces it in place when a message
// with the same id is already there (an edit).
function upsert(pane, m, live = true) {
  const list = document.getElementById(`messages-${pane}`);
  if (!list || !m) return;
  const known = app.msgs[pane] || (app.msgs[pane] = new Map());
  const el = renderMsg(pane, m);
  const old = list.querySelector(`.msg[data-id="${CSS.escape(String(m.id))}"]`);
  if (old) {
    old.replaceWith(el);
  } else {
    const t = parseTime(m.time);
    const day = t && dayLabel(t.wall);
    if (day && day !== app.lastDay[pane]) {
      list.append(h('li', { class: 'day-sep', text: day }));
      app.lastDay[pane] = day;
    }
    list.append(el);
  }
  known.set(m.id, m);
  if (live) {
    updateKeyboard(pane);
    if (pane === 'resident') updatePins();
    scrollDown(pane);
  }
}

function renderMsg(pane, m) {
  const mine = m.from === 'user';
  const t = parseTime(m.time);
  const bubble = h('div', { class: 'bubble' });
  if (m.photo) {
    bubble.append(h('a', { class: 'msg-photo', href: m.photo, target: '_blank', rel: 'noopener' },
      h('img', { src: m.photo, alt: m.text ? 'Image (its caption follows)' : 'Image from the bot', onload: () => scrollDown(pane) })));
  }
  if (m.venue || m.location) bubble.append(placeBlock(m.venue, m.location, mine));
  bubble.append(h('div', { class: 'msg-text', text: m.text || '' }));
  bubble.append(h('div', { class: 'msg-meta' },
    m.edited ? h('span', { class: 'msg-edited', text: 'edited' }) : null,
    h('time', { datetime: m.time || '', title: t ? `${dayLabel(t.wall)} ${hhmm(t.wall)} (${t.zone})` : '', text: t ? hhmm(t.wall) : (m.time || '') })));

  const li = h('li', { class: `msg ${mine ? 'msg-user' : 'msg-bot'}`, 'data-id': m.id, 'data-from': m.from },
    h('span', { class: 'visually-hidden', text: mine ? 'You: ' : 'Bot: ' }), bubble);
  if (Array.isArray(m.buttons) && m.buttons.length) {
    li.append(h('div', { class: 'inline-kb', role: 'group', 'aria-label': 'Buttons of this message' },
      m.buttons.map((row) => h('div', { class: 'kb-row' },
        (row || []).map((b) => h('button', {
          type: 'button', class: 'inline-btn', 'data-data': b.data, text: b.text,
          onclick: (e) => press(pane, m.id, b.data, e.currentTarget),
        }))))));
  }
  return li;
}

async function press(pane, id, data, btn) {
  if (btn.getAttribute('aria-busy') === 'true') return;
  btn.setAttribute('aria-busy', 'true');
  await post('/api/press', { pane, message_id: id, data });
  btn.removeAttribute('aria-busy');
}

function fmtCoords(p) {
  return `${Number(p.lat).toFixed(5)}, ${Number(p.lon).toFixed(5)}`;
}

// placeBlock is a venue or a shared location inside a message: a mini-map
// of the district outlines with a pin, and a line of text.
function placeBlock(venue, loc, mine) {
  const p = venue || loc;
  const what = venue ? [venue.title, venue.address].filter(Boolean).join(' — ') : '';
  const text = what ? `📍 ${what} (${fmtCoords(p)})` : `📍 ${fmtCoords(p)}`;
  return h('figure', { class: 'place' }, miniMap(p, what || (venue ? 'Location' : 'Shared location'), mine ? 'pin-user' : 'pin-venue'), h('figcaption', { class: 'place-text', text }));
}

// ---- the map --------------------------------------------------------------

// rings collects the rings ([[lon, lat], …]) at any depth of nesting, so
// that a polygon, a list of rings or a multipolygon all work.
function rings(x, out = []) {
  if (!Array.isArray(x) || !x.length) return out;
  if (Array.isArray(x[0]) && typeof x[0][0] === 'number') out.push(x);
  else x.forEach((y) => rings(y, out));
  return out;
}

// makeProj: equirectangular projection, longitudes scaled by the cosine of
// the mean latitude, the bounds fitted to a box 1000 units wide.
function makeProj(city) {
  const districts = city.districts || [];
  let b = Array.isArray(city.bounds) && city.bounds.length === 4 ? city.bounds.map(Number) : null;
  if (!b || !(b[2] > b[0] && b[3] > b[1])) {
    const pts = districts.flatMap((d) => rings(d.polygons)).flat();
    b = pts.length
      ? [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))]
      : [73.0, 49.75, 73.2, 49.9];
    if (!(b[2] > b[0] && b[3] > b[1])) b = [b[0] - 0.01, b[1] - 0.01, b[0] + 0.01, b[1] + 0.01];
  }
  const [minLon, minLat, maxLon, maxLat] = b;
  const k = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const W = 1000;
  const sc = W / ((maxLon - minLon) * k);
  const H = (maxLat - minLat) * sc;
  const pad = 30;
  const P = {
    W, H, pad,
    viewBox: `${-pad} ${-pad} ${W + 2 * pad} ${(H + 2 * pad).toFixed(1)}`,
    xy: (lon, lat) => [(lon - minLon) * k * sc, (maxLat - lat) * sc],
    ll: (x, y) => [minLon + x / (k * sc), maxLat - y / sc],
  };
  const pathOf = (rs) => rs.map((r) => `M${r.map(([lon, lat]) => P.xy(lon, lat).map((v) => v.toFixed(1)).join(',')).join('L')}Z`).join('');
  P.districts = districts.map((d) => {
    const rs = rings(d.polygons);
    return { d, rs, path: pathOf(rs), center: centroid(rs.map((r) => r.map(([lon, lat]) => P.xy(lon, lat)))) };
  });
  return P;
}

// centroid of the largest ring (in projected coordinates).
function centroid(rs) {
  let best = null;
  for (const r of rs) {
    let a = 0, cx = 0, cy = 0;
    for (let i = 0; i < r.length; i++) {
      const [x0, y0] = r[i], [x1, y1] = r[(i + 1) % r.length];
      const f = x0 * y1 - x1 * y0;
      a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
    }
    if (Math.abs(a) < 1e-9) {
      const n = r.length || 1;
      cx = r.reduce((t, p) => t + p[0], 0) / n; cy = r.reduce((t, p) => t + p[1], 0) / n;
    } else { cx /= 3 * a; cy /= 3 * a; }
    if (!best || Math.abs(a) > best.a) best = { a: Math.abs(a), c: [cx, cy] };
  }
  return best ? best.c : [0, 0];
}

// districtNumber: "2" from "Участок №2 — …", else the id's last digits.
function districtNumber(d) {
  const m = /№\s*(\d+)/.exec(d.name || '') || /(\d+)\D*$/.exec(d.id || '');
  return m ? String(Number(m[1])) : (d.id || '?');
}

// pin is a map marker with its tip at (x, y), size units tall.
function pin(x, y, size, cls, title) {
  const sc = size / 30;
  return s('g', { class: `pin ${cls}`, transform: `translate(${x.toFixed(1)},${y.toFixed(1)}) scale(${sc.toFixed(3)})` },
    title ? s('title', { text: title }) : null,
    s('path', { class: 'pin-body', d: 'M0,0 C-3,-9 -10,-13 -10,-20 A10,10 0 1 1 10,-20 C10,-13 3,-9 0,0Z' }),
    s('circle', { class: 'pin-dot', cx: 0, cy: -20, r: 3.6 }));
}

function buildMap(city, focus) {
  const P = app.proj = makeProj(city);
  const svg = $('#map');
  svg.setAttribute('viewBox', P.viewBox);
  svg.setAttribute('aria-label', `Map of the districts of ${city.name || 'the city'}; click to share a location`);
  const precincts = [...new Set(P.districts.map((x) => x.d.precinct))];
  const shapes = s('g', { class: 'districts' });
  const labels = s('g', { class: 'labels', 'aria-hidden': 'true' });
  for (const { d, rs, path, center } of P.districts) {
    const share = () => {
      const [lon, lat] = P.ll(center[0], center[1]);
      shareAt(lat, lon);
    };
    shapes.append(s('path', {
      class: `district tint-${precincts.indexOf(d.precinct) % 4}${d.id === focus ? ' focus' : ''}`, d: path, 'data-id': d.id, 'data-precinct': d.precinct || '',
      tabindex: 0, role: 'button', 'aria-label': `${d.name || d.id}: press Enter to share a location here`,
      onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); share(); } },
    }, s('title', { text: d.name || d.id })));
    if (rs.length) labels.append(s('text', { class: 'district-label', x: center[0].toFixed(1), y: center[1].toFixed(1), text: districtNumber(d) }));
  }
  svg.replaceChildren(
    s('rect', { class: 'map-bg', x: -P.pad, y: -P.pad, width: P.W + 2 * P.pad, height: P.H + 2 * P.pad }),
    shapes, labels, s('g', { id: 'map-pins' }));
}

// updatePins puts the places the bot sent to the resident, and the last
// location the resident shared, on the big map.
function updatePins() {
  const g = $('#map-pins');
  const P = app.proj;
  if (!g || !P) return;
  const seen = new Set();
  const pins = [];
  let mine = null;
  for (const m of (app.msgs.resident || new Map()).values()) {
    if (m.from === 'user') { if (m.location) mine = m.location; continue; }
    const p = m.venue || m.location;
    if (!p) continue;
    const key = `${p.lat},${p.lon}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pins.push(pin(...P.xy(p.lon, p.lat), 80, 'pin-venue', m.venue ? [m.venue.title, m.venue.address].filter(Boolean).join(' — ') : fmtCoords(p)));
  }
  if (mine) pins.push(pin(...P.xy(mine.lon, mine.lat), 80, 'pin-user', `Shared location: ${fmtCoords(mine)}`));
  g.replaceChildren(...pins);
}

function miniMap(p, label, cls) {
  const P = app.proj;
  if (!P) return null;
  const [x, y] = P.xy(Number(p.lon), Number(p.lat));
  return s('svg', { class: 'minimap', viewBox: P.viewBox, preserveAspectRatio: 'xMidYMid meet', role: 'img', 'aria-label': `Map: ${label}` },
    s('rect', { class: 'map-bg', x: -P.pad, y: -P.pad, width: P.W + 2 * P.pad, height: P.H + 2 * P.pad }),
    P.districts.map((x) => s('path', { class: 'mini-district', d: x.path })),
    pin(x, y, 150, cls, null));
}

function svgPoint(e) {
  const svg = $('#map');
  const ctm = svg.getScreenCTM();
  if (!ctm || !app.proj) return null;
  const pt = svg.createSVGPoint();
  pt.x = e.clientX;
  pt.y = e.clientY;
  const q = pt.matrixTransform(ctm.inverse());
  const [lon, lat] = app.proj.ll(q.x, q.y);
  return { lat, lon };
}

// ---- sharing a location ---------------------------------------------------

function shareAt(lat, lon) {
  const pane = app.share || 'resident';
  setShare(null);
  post('/api/location', { pane, lat: Number(lat.toFixed(6)), lon: Number(lon.toFixed(6)) });
}

function setShare(pane) {
  app.share = pane;
  document.querySelectorAll('.kb-btn').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.pane === pane)));
  $('#map-wrap').classList.toggle('sharing', Boolean(pane));
  const who = pane ? (document.querySelector(`#pane-${pane} .pane-title`).textContent || pane).toLowerCase() : 'resident';
  $('#map-hint').textContent = pane
    ? `Click the map, or focus a district and press Enter, to share a location as the ${who}. Esc cancels.`
    : 'Click the map to share a location as the resident. The inspector and chief shown serve the outlined district (choose another under "Staff of").';
  if (pane) $('#map').scrollIntoView({ block: 'nearest' });
}

// updateKeyboard shows the reply keyboard of the latest bot message that
// asked for the location, as long as the user has not answered since: like
// Telegram's, the keyboard stays under later bot messages (a hint, a
// button) until the user replies.
function updateKeyboard(pane) {
  const box = document.getElementById(`keyboard-${pane}`);
  if (!box) return;
  let kb = null;
  for (const m of (app.msgs[pane] || new Map()).values()) {
    if (m.from === 'user') kb = null;
    else if (m.keyboard) kb = m.keyboard;
  }
  const label = kb && (kb.location || kb.text);
  if (!label) {
    box.hidden = true;
    box.replaceChildren();
    if (app.share === pane) setShare(null);
    return;
  }
  let btn = box.querySelector('button');
  if (!btn) {
    btn = h('button', {
      type: 'button', class: 'kb-btn', id: pane === 'resident' ? 'share-location' : `share-location-${pane}`,
      'data-pane': pane, 'aria-pressed': String(app.share === pane), 'aria-controls': 'map',
      onclick: () => setShare(app.share === pane ? null : pane),
    });
    box.append(btn);
  }
  btn.textContent = label;
  box.hidden = false;
}

// ---- live updates ---------------------------------------------------------

function parseJSON(text) {
  try { return JSON.parse(text); } catch (_) { return null; }
}

function setLive(on, text) {
  const el = $('#live');
  el.textContent = text || (on ? 'live' : 'reconnecting…');
  el.classList.toggle('on', on);
}

function connect() {
  if (!window.EventSource) { setLive(false, 'no live updates'); return; }
  const es = new EventSource('/api/events');
  // (Re)connected: reload the state, so nothing sent while we were away is missed.
  es.addEventListener('open', () => { setLive(true); loadState(); });
  es.addEventListener('error', () => {
    setLive(false);
    if (es.readyState === EventSource.CLOSED) setTimeout(connect, 3000);
  });
  es.addEventListener('message', (e) => {
    const d = parseJSON(e.data);
    if (!d || !d.pane || !d.message) return;
    if (app.loading) app.queued.push(d);
    else upsert(d.pane, d.message);
  });
  es.addEventListener('clock', (e) => {
    const d = parseJSON(e.data);
    if (d && d.clock) setClock(d.clock);
  });
  es.addEventListener('reset', () => loadState());
}

// ---- wiring ---------------------------------------------------------------

function init() {
  for (const pane of PANES) {
    const form = document.getElementById(`form-${pane}`);
    const input = document.getElementById(`input-${pane}`);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      input.value = '';
      if (!(await post('/api/send', { pane, text })) && !input.value) input.value = text;
    });
  }
  $('#plus-hour').addEventListener('click', () => post('/api/clock', { advance: '1h' }));
  $('#plus-day').addEventListener('click', () => post('/api/clock', { advance: '24h' }));
  $('#person').addEventListener('change', async (e) => {
    if (await post('/api/person', { id: e.target.value })) loadState();
    else if (app.state) e.target.value = app.state.person || '';
  });
  $('#district').addEventListener('change', async (e) => {
    if (await post('/api/focus', { district: e.target.value })) loadState();
    else if (app.state) e.target.value = app.state.focus || '';
  });
  $('#banner-close').addEventListener('click', hideError);
  $('#banner-retry').addEventListener('click', () => { hideError(); loadState(); });

  const map = $('#map');
  map.addEventListener('click', (e) => {
    const p = svgPoint(e);
    if (p) shareAt(p.lat, p.lon);
  });
  map.addEventListener('mousemove', (e) => {
    const p = svgPoint(e);
    $('#map-coords').textContent = p ? fmtCoords(p) : '';
  });
  map.addEventListener('mouseleave', () => { $('#map-coords').textContent = ''; });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && app.share) setShare(null); });

  setInterval(showClock, 1000);
  loadState();
  connect();
}

document.addEventListener('DOMContentLoaded', init);
})();
