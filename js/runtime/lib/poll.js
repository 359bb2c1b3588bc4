'use strict';
// The polling fallback (docs/contract.md, "The polling fallback"), as stack-api's PollBuffer and
// PollFallback do it. Nothing here needs Node: the browser page loads this file unchanged, as it
// loads backoff.js and messages.js, and hands it `fetch`.
//
// Server half: PollBuffer keeps the last CAPACITY pushes and answers GET /poll?since=N with
//   {"instance":"<per process>","next":<next seq>,"first":<oldest held, 0 if none>,"messages":[{"seq":N},...]}
// Client half: PollFallback polls that endpoint while one connection's WebSocket is down and hands
//   the pushes it has not seen to the application as `recv` events with via "poll".

const CAPACITY = 1024;
/** How long after a poll a server's ticks count with no WebSocket session open (a poller subscribes to the feed too). */
const SUBSCRIBED_MS = 2000;
const PATH = '/poll';

class PollBuffer {
  constructor(capacity = CAPACITY, instance = randomInstance()) {
    this.ring = new Array(capacity).fill(0);
    this.instance = instance;
    this.newest = 0;
    this.lastPollMs = null;
  }

  /** Whether a poll was answered within the last SUBSCRIBED_MS: the feed then runs without a session. */
  subscribed() {
    return this.lastPollMs !== null && Date.now() - this.lastPollMs <= SUBSCRIBED_MS;
  }

  /** Records a push; seqs arrive in order, one counter for the process. */
  add(seq) {
    this.ring[seq % this.ring.length] = seq;
    this.newest = seq;
  }

  /**
   * The JSON text for a poll after `since`. A `since` at or above `next` (a client that knew
   * another instance) gets every push the ring holds; older pushes than the ring holds are gone,
   * which `first` tells.
   */
  body(since) {
    this.lastPollMs = Date.now();
    const oldest = Math.max(1, this.newest - this.ring.length + 1);
    const from = since >= this.newest + 1 ? oldest : Math.max(oldest, since + 1);
    const seqs = [];
    for (let seq = from; seq <= this.newest; seq++) {
      seqs.push('{"seq":' + this.ring[seq % this.ring.length] + '}');
    }
    return `{"instance":${JSON.stringify(this.instance)},"next":${this.newest + 1},`
      + `"first":${this.newest === 0 ? 0 : oldest},"messages":[${seqs.join(',')}]}`;
  }
}

function randomInstance() {
  return Math.floor(Math.random() * 2 ** 52).toString(16);
}

/** The `since` of a query string ("since=N&..."), or -1 when missing or not a whole number (answered 400). */
function sinceOf(query) {
  for (const part of String(query || '').replace(/^\?/, '').split('&')) {
    if (part.startsWith('since=')) {
      const digits = part.substring(6);
      return /^\d{1,15}$/.test(digits) ? Number(digits) : -1;
    }
  }
  return -1;
}

/**
 * The answer to one plain HTTP request on the WebSocket port: { status, headers, body } for
 * GET /poll, or null for any other path (the engine answers it as its library would).
 */
function answer(buffer, method, url) {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.substring(0, q);
  if (!buffer || path !== PATH) {
    return null;
  }
  const since = sinceOf(q < 0 ? '' : url.substring(q + 1));
  const status = method !== 'GET' ? 405 : since < 0 ? 400 : 200;
  return {
    status,
    headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' },
    body: status === 200 ? buffer.body(since) : `{"error":${status}}`,
  };
}

/** ws://host:port/anything -> http://host:port/poll */
function endpointOf(wsUrl) {
  const u = new URL(String(wsUrl));
  return `http://${u.host}${PATH}`;
}

/**
 * One connection's fallback. `request(url, timeoutMs)` resolves to { status, body } or rejects;
 * `emit(ev, fields)` writes an event line; `describe(error)` names an error. One request at a
 * time, started every pollMs (the next one right away when a request took longer).
 */
// Called as functions, never as methods of another object (a page's setTimeout refuses that).
const TIMERS = { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (t) => clearTimeout(t) };

class PollFallback {
  constructor({ endpoint, pollMs, timeoutMs, request, emit, describe, conn, timers = TIMERS }) {
    Object.assign(this, { endpoint, pollMs, timeoutMs, request, emit, describe, conn, timers });
    this.round = 0;
    this.polling = false;
    this.lastSeq = 0;
    this.instance = null;
    this.freshSession = false;
    this.timer = null;
  }

  /**
   * A push arrived on the WebSocket (seq -1: not a push). A server pushes only live ticks, so the
   * first push of a new session at or below what was seen comes from another server instance.
   */
  seenOnSocket(seq) {
    if (seq < 0) {
      return;
    }
    if (this.freshSession && seq <= this.lastSeq) {
      this.instance = null;
      this.lastSeq = seq;
    } else if (seq > this.lastSeq) {
      this.lastSeq = seq;
    }
    this.freshSession = false;
  }

  /** The WebSocket opened (or the process stops): no more polls; one in flight delivers nothing. */
  stop() {
    this.round++;
    this.polling = false;
    this.freshSession = true;
    this.timers.clearTimeout(this.timer);
  }

  /** The WebSocket is down: poll until stop() (no-op when already polling). */
  start() {
    if (this.polling) {
      return;
    }
    this.polling = true;
    const round = ++this.round;
    this.timer = this.timers.setTimeout(() => this.pollOnce(round), 0);
  }

  pollOnce(round) {
    if (round !== this.round) {
      return;
    }
    const started = Date.now();
    Promise.resolve()
      .then(() => this.request(`${this.endpoint}?since=${this.lastSeq}`, this.timeoutMs))
      .then((response) => this.answered(round, response), (error) => {
        this.emit('poll', { error: this.describe(error), conn: this.conn });
      })
      .then(() => {
        if (round === this.round) {
          this.timer = this.timers.setTimeout(() => this.pollOnce(round),
            Math.max(0, this.pollMs - (Date.now() - started)));
        }
      });
  }

  answered(round, response) {
    const conn = this.conn;
    if (round !== this.round) {
      // The WebSocket is back: what the socket delivers now rules; this answer changes nothing.
      this.emit('poll', { status: response.status, count: 0, stale: true, conn });
      return;
    }
    if (response.status !== 200) {
      this.emit('poll', { status: response.status, count: 0, conn });
      return;
    }
    let body;
    try {
      body = JSON.parse(response.body);
    } catch (e) {
      this.emit('poll', { status: 200, count: 0, error: this.describe(e), conn });
      return;
    }
    const next = Number.isInteger(body.next) ? body.next : -1;
    const first = Number.isInteger(body.first) ? body.first : 0;
    const instance = typeof body.instance === 'string' ? body.instance : '';
    if ((this.instance !== null && this.instance !== instance) || (next >= 0 && next - 1 < this.lastSeq)) {
      this.lastSeq = 0;
    }
    this.instance = instance;
    const before = this.lastSeq;
    const fresh = [];
    for (const m of Array.isArray(body.messages) ? body.messages : []) {
      if (m && Number.isInteger(m.seq) && m.seq > this.lastSeq) {
        fresh.push(m.seq);
        this.lastSeq = m.seq;
      }
    }
    const dropped = first > before + 1 ? first - before - 1 : 0;
    this.emit('poll', {
      status: 200, count: fresh.length, next: next < 0 ? null : next, instance, dropped: dropped || null, conn,
    });
    for (const seq of fresh) {
      this.emit('recv', { seq, via: 'poll', conn });
    }
  }
}

module.exports = { CAPACITY, SUBSCRIBED_MS, PATH, PollBuffer, PollFallback, sinceOf, answer, endpointOf };
