// The wsbed client application as a web page runs it: only the plain browser WebSocket API
// (new WebSocket, onopen / onmessage / onerror / onclose, send, close), timers and page JS.
// The stack process (driver.js) evaluates this file in an about:blank page, then calls
// wsbedStart(config). Every event goes out through window.wsbedEmit (a binding the driver
// exposes) as one JSON text, time-stamped here: performance.timeOrigin + performance.now(), in
// epoch microseconds. Nothing in this file knows about puppeteer, CDP or BiDi.
//
// config: { url, sendMs, heartbeatMs, heartbeatTimeoutMs, reconnect ('none'|'backoff'|'poll-fallback'),
//           connectTimeoutMs, connections, seed (decimal string), pollMs }
// modules: js/runtime's backoff.js (the contract's policy, java.util.Random's generator),
// messages.js (the wire messages: numbered, big, flood) and poll.js (the polling fallback, which
// the page feeds with fetch), loaded into the page unchanged.
/* eslint-env browser */
/* global wsbedEmit */
(function install() {
  'use strict';

  /** What onerror gives the application: an Event with no message, no code, no reason. */
  const NO_MESSAGE = 'Event: (the browser gives no message)';
  /** Flood: send for at most this long, then yield to the browser (its socket, timers, events). */
  const SLICE_MS = 10;
  const BLOCKED_MS = 100;
  const PROGRESS_MS = 100;

  function nowMicros() {
    return Math.round((performance.timeOrigin + performance.now()) * 1000);
  }

  function emitAt(t, ev, fields) {
    const line = { t, ev };
    for (const [k, v] of Object.entries(fields || {})) {
      if (v !== null && v !== undefined) {
        line[k] = v;
      }
    }
    wsbedEmit(JSON.stringify(line));
  }

  function emit(ev, fields) {
    emitAt(nowMicros(), ev, fields);
  }

  function describe(e) {
    if (e === null || e === undefined) {
      return 'Error: (nothing thrown)';
    }
    const cls = e.name || (e.constructor && e.constructor.name) || 'Error';
    return cls + ': ' + String(e.message === undefined ? e : e.message).replace(/[\r\n]+/g, ' ');
  }

  // window.onerror and an 'error' listener on window: the folklore says neither sees a send after
  // close. Whatever they see is an event line of its own (window_error), so nothing is lost when the
  // page goes.
  window.onerror = (message) => {
    emit('window_error', { via: 'window.onerror', message: String(message) });
    return false;
  };
  window.addEventListener('error', (e) => {
    emit('window_error', { via: 'window error listener', message: String(e && e.message) });
  });

  let app = null;

  /** One GET of the polling fallback: the page's fetch (cross-origin; the server allows any origin). */
  async function fetchText(url, timeoutMs) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error(`TimeoutError: no answer within ${timeoutMs} ms`)), timeoutMs);
    try {
      const response = await fetch(url, { signal: abort.signal, cache: 'no-store' });
      return { status: response.status, body: await response.text() };
    } finally {
      clearTimeout(timer);
    }
  }

  window.wsbedStart = function wsbedStart(config, modules) {
    app = new App(config, modules);
    app.start();
  };

  /** A stdin command line, relayed by the driver. */
  window.wsbedCommand = function wsbedCommand(line) {
    if (app) {
      app.command(line);
    }
  };

  /** `stop`: no more sends, timers or reconnects; the driver then unloads the page (1001 on the wire). */
  window.wsbedPrepareStop = function wsbedPrepareStop() {
    if (app) {
      app.stopping = true;
      app.timers.forEach(clearInterval);
      app.links.forEach((l) => {
        clearTimeout(l.retry);
        if (l.poll) {
          l.poll.stop();
        }
      });
      return app.openSessions().map((s) => s.id);
    }
    return [];
  };

  class App {
    constructor(config, modules) {
      this.config = config;
      this.backoff = new modules.backoff.Backoff(config.seed);
      this.messages = modules.messages;
      this.sessions = new Map();
      this.nextId = 1;
      this.sendSeq = 0;
      this.stopping = false;
      this.timers = [];
      this.links = [];
      for (let i = 1; i <= config.connections; i++) {
        const link = { index: i, current: null, everOpened: false, attempt: 0, retry: null, poll: null };
        if (config.reconnect === 'poll-fallback') {
          const p = modules.poll;
          link.poll = new p.PollFallback({
            endpoint: p.endpointOf(config.url), pollMs: config.pollMs, timeoutMs: config.connectTimeoutMs,
            request: fetchText, emit, describe, conn: this.conn(link),
          });
        }
        this.links.push(link);
      }
    }

    conn(link) {
      return this.config.connections > 1 ? link.index : null;
    }

    start() {
      const c = this.config;
      if (c.sendMs > 0) {
        this.timers.push(setInterval(() => this.sendTick(), c.sendMs));
      }
      if (c.heartbeatMs > 0) {
        this.timers.push(setInterval(() => this.heartbeatTick(), c.heartbeatMs));
      }
      this.links.forEach((link) => this.connect(link));
    }

    openSessions() {
      return [...this.sessions.values()].filter((s) => s.open);
    }

    /** One attempt: a new WebSocket; only the browser's own events tell how it went. */
    connect(link) {
      const c = this.config;
      let ws;
      try {
        ws = new WebSocket(c.url);
      } catch (e) {
        this.connectFailed(link, nowMicros(), describe(e), null);
        return;
      }
      let session = null;
      let firstFailure = null; // { t, what } of the first onerror / timeout before open
      const fired = [];
      const timeout = setTimeout(() => {
        if (!session) {
          firstFailure = firstFailure || { t: nowMicros(), what: `TimeoutError: not open within ${c.connectTimeoutMs} ms` };
          fired.push('timeout');
          ws.close();
        }
      }, c.connectTimeoutMs);
      ws.onopen = () => {
        clearTimeout(timeout);
        if (this.stopping) {
          ws.close();
          return;
        }
        session = {
          id: 'c' + this.nextId++, ws, link, open: true, ended: false, localClose: false,
          lastInbound: performance.now(),
        };
        this.sessions.set(session.id, session);
        link.current = session;
        link.attempt = 0;
        link.everOpened = true;
        if (link.poll) {
          link.poll.stop();
        }
        emit('open', { session: session.id, conn: this.conn(link) });
      };
      ws.onmessage = (m) => {
        if (!session) {
          return;
        }
        session.lastInbound = performance.now();
        const text = typeof m.data === 'string' ? m.data : '';
        const msgs = this.messages;
        const seq = msgs.seqOf(text);
        if (link.poll) {
          link.poll.seenOnSocket(seq);
        }
        if (seq >= 0) {
          emit('recv', { session: session.id, seq });
          return;
        }
        const echo = msgs.echoOf(text);
        if (echo >= 0) {
          emit('echo', { session: session.id, seq: echo });
          return;
        }
        const big = msgs.bigSeqOf(text);
        if (big >= 0) {
          emit('recv', { session: session.id, seq: big, bytes: text.length });
        }
      };
      ws.onerror = () => {
        if (!session) {
          fired.push('error');
          firstFailure = firstFailure || { t: nowMicros(), what: NO_MESSAGE };
          return;
        }
        emit('error', { session: session.id, error: NO_MESSAGE });
        this.ended(session);
      };
      ws.onclose = (e) => {
        clearTimeout(timeout);
        if (!session) {
          fired.push(`close ${e.code}`);
          const first = firstFailure || { t: nowMicros(), what: `CloseEvent: code ${e.code} before open` };
          this.connectFailed(link, first.t, first.what, fired.join(', '));
          return;
        }
        session.open = false;
        emit('close', {
          session: session.id, code: e.code, reason: e.reason, local: session.localClose, was_clean: e.wasClean,
        });
        this.ended(session);
      };
    }

    /** A failed attempt is one error event (phase connect) naming what the browser fired, in order. */
    connectFailed(link, t, what, fired) {
      if (this.stopping) {
        return;
      }
      emitAt(t, 'error', { error: what, phase: 'connect', fired, conn: this.conn(link) });
      if (!link.everOpened && this.config.reconnect === 'none' && this.config.connections === 1) {
        emit('_exit', { code: 3, why: `could not connect to ${this.config.url} and --reconnect is none` });
        return;
      }
      this.scheduleReconnect(link);
    }

    /** The application learnt the session is over (error, close, or its heartbeat deadline). */
    ended(session) {
      if (session.ended) {
        return;
      }
      session.ended = true;
      session.open = false;
      const link = session.link;
      if (link.current === session) {
        this.scheduleReconnect(link);
      }
    }

    scheduleReconnect(link) {
      if (this.stopping || !['backoff', 'poll-fallback'].includes(this.config.reconnect)) {
        return;
      }
      if (link.poll) {
        link.poll.start();
      }
      const n = ++link.attempt;
      const delay = this.backoff.delayMs(n);
      emit('reconnect', { attempt: n, delay_ms: delay, conn: this.conn(link) });
      link.retry = setTimeout(() => this.connect(link), delay);
    }

    sendTick() {
      for (const link of this.links) {
        const s = link.current;
        if (s && s.open && !s.ended) {
          this.send(s, '{"seq":' + ++this.sendSeq + '}');
        }
      }
    }

    /**
     * Every --heartbeat-ms: a session from which no message arrived for longer than the deadline is
     * dead; the others get a numbered message, whose echo keeps even a quiet connection alive.
     */
    heartbeatTick() {
      const c = this.config;
      for (const s of this.openSessions()) {
        if (s.ended) {
          continue;
        }
        const silentMs = performance.now() - s.lastInbound;
        if (silentMs > c.heartbeatTimeoutMs) {
          emit('error', {
            session: s.id,
            error: `HeartbeatTimeout: no message from the peer for ${Math.round(silentMs)} ms (limit ${c.heartbeatTimeoutMs} ms)`,
          });
          s.localClose = true;
          this.ended(s);
          try {
            s.ws.close();
          } catch (e) {
            // close() with no code never throws; nothing to report
          }
          continue;
        }
        // The application's ping: a numbered message, which every server answers with {"echo":N}.
        this.send(s, '{"seq":' + ++this.sendSeq + '}', true);
      }
    }

    /** ws.send(text): what the API answered, as a `sent` event. */
    send(s, text, heartbeat, bytes) {
      const n = bytes ? bytes : this.messages.seqOf(text);
      const readyState = s.ws.readyState;
      const before = s.ws.bufferedAmount;
      const t0 = performance.now();
      let thrown = null;
      try {
        s.ws.send(text);
      } catch (e) {
        thrown = e;
      }
      const latencyUs = Math.round((performance.now() - t0) * 1000);
      const after = s.ws.bufferedAmount;
      // OPEN: the browser queued it (nothing more will ever be said about it, so "ok" means queued);
      // CLOSING/CLOSED: send() returned and the data is dropped: "silent".
      const outcome = thrown ? 'threw' : readyState === WebSocket.OPEN ? 'ok' : 'silent';
      emit('sent', {
        session: s.id, seq: n >= 0 ? n : null, bytes: bytes || null, outcome, error: thrown ? describe(thrown) : null,
        latency_us: latencyUs, ready_state: ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'][readyState],
        buffered_before: before, buffered_after: after,
        caught_by_try_catch: thrown !== null, heartbeat: heartbeat ? true : null,
      });
      if (thrown) {
        this.ended(s);
      }
    }

    command(line) {
      const word = line.split(' ', 1)[0];
      if (word === 'send') {
        const m = /^send (\S+) (.+)$/.exec(line);
        if (!m) {
          emit('error', { error: "UsageError: 'send <session|*> <text>'" });
          return;
        }
        this.select(m[1]).forEach((s) => this.send(s, m[2]));
      } else if (word === 'big') {
        const m = /^big (\S+) (\d{1,10})$/.exec(line);
        const bytes = m ? Number(m[2]) : -1;
        if (!m || bytes < this.messages.minBig(bytes) || bytes > 2 ** 30) {
          emit('error', { error: "UsageError: 'big <session|*> <bytes>'" });
          return;
        }
        const text = this.messages.big(bytes);
        this.select(m[1]).forEach((s) => this.send(s, text, false, bytes));
      } else if (word === 'flood') {
        const m = /^flood (\S+) (\d{1,7}) (\d{1,5})$/.exec(line);
        const bytes = m ? Number(m[2]) : 0;
        const ms = m ? Number(m[3]) : 0;
        if (!m || bytes < 32 || bytes > 1048576 || ms < 1 || ms > 60000) {
          emit('error', { error: "UsageError: 'flood <session|*> <bytes 32..1048576> <ms 1..60000>'" });
          return;
        }
        this.select(m[1]).forEach((s) => new Flood(this, s, bytes, ms).start());
      } else if (word === 'close') {
        const m = /^close (\S+) (\d+)(?: (.*))?$/.exec(line);
        if (!m) {
          emit('error', { error: "UsageError: 'close <session|*> <code> [reason]'" });
          return;
        }
        for (const s of this.select(m[1])) {
          s.localClose = true;
          try {
            s.ws.close(Number(m[2]), m[3] || '');
          } catch (e) {
            // browsers allow only 1000 and 3000-4999 from page JS: the refusal is the finding
            emit('error', { session: s.id, error: describe(e), phase: 'close' });
          }
        }
      } else {
        emit('error', { error: `UnknownCommand: '${word}'; known: send, big, flood, close, stop` });
      }
    }

    select(target) {
      if (target === '*') {
        return this.openSessions();
      }
      const s = this.sessions.get(target);
      return s ? [s] : [];
    }
  }

  /**
   * The `flood` command in the page: `bytes`-byte messages as fast as ws.send takes them, for at
   * most `ms`, in slices of SLICE_MS between which the browser runs (a MessageChannel message, not
   * a timer, so no clamping). ws.send never answers later: ok = queued on an OPEN socket; what the
   * browser holds is `buffered_bytes` (bufferedAmount).
   */
  class Flood {
    constructor(app, session, bytes, ms) {
      this.app = app;
      this.session = session;
      this.bytes = bytes;
      this.ms = ms;
      this.calls = 0;
      this.ok = 0;
      this.silent = 0;
      this.failed = 0;
      this.blocked = 0;
      this.maxCallMs = 0;
      this.firstError = null;
      this.ended = false;
      this.n = 0;
      this.channel = new MessageChannel();
      this.channel.port1.onmessage = () => this.slice();
    }

    start() {
      this.startedAt = performance.now();
      this.deadline = this.startedAt + this.ms;
      emit('flood-start', { session: this.session.id, bytes: this.bytes, ms: this.ms });
      this.progress = setInterval(() => this.emit('flood'), PROGRESS_MS);
      this.channel.port2.postMessage(0);
    }

    slice() {
      const sliceEnd = Math.min(this.deadline, performance.now() + SLICE_MS);
      let now = performance.now();
      while (now < sliceEnd) {
        const s = this.session;
        if (!s.open || s.ended) {
          this.end(this.failed > 0 ? 'refused' : 'session-ended');
          return;
        }
        const text = this.app.messages.flood(++this.n, this.bytes);
        const state = s.ws.readyState;
        try {
          s.ws.send(text);
          if (state === WebSocket.OPEN) {
            this.ok++;
          } else {
            this.silent++;
          }
        } catch (e) {
          this.failed++;
          this.firstError = this.firstError || describe(e);
          this.app.ended(s);
        }
        this.calls++;
        const after = performance.now();
        this.maxCallMs = Math.max(this.maxCallMs, after - now);
        if (after - now > BLOCKED_MS) {
          this.blocked++;
        }
        now = after;
      }
      if (now >= this.deadline) {
        this.end('time');
      } else {
        this.channel.port2.postMessage(0);
      }
    }

    end(reason) {
      if (!this.ended) {
        this.ended = true;
        clearInterval(this.progress);
        this.emit('flood-end', { reason });
        this.channel.port1.close();
      }
    }

    emit(ev, more) {
      emit(ev, {
        session: this.session.id,
        elapsed_ms: Math.floor(performance.now() - this.startedAt),
        calls: this.calls,
        ok: this.ok,
        silent: this.silent,
        failed: this.failed,
        pending: 0,
        blocked: this.blocked,
        in_call_ms: 0,
        max_call_ms: Math.floor(this.maxCallMs),
        error: this.firstError,
        buffered_bytes: this.session.ws.bufferedAmount,
        ...(more || {}),
      });
    }
  }
}());
