'use strict';
// The `flood` command (stack-api's Flood): one session gets `bytes`-byte messages as fast as the
// stack's send API takes them, for at most `ms` milliseconds. No message has a `sent` event; a
// `flood` event every 100 ms counts the calls and how the API answered them, and one `flood-end`
// says why the loop stopped.
//
// Node has one thread: the loop sends for a slice of at most SLICE_MS, then yields to the event
// loop (so the socket writes, the peer's frames are read and the progress timer runs) and goes on.
// A Node send call never blocks, so `blocked` and `in_call_ms` stay 0 unless a call is slow in
// itself (a garbage collection); what the library holds shows as `pending` and in the memory.

const messages = require('./messages');
const { describe } = require('./events');

const BLOCKED_MS = 100;
const PROGRESS_MS = 100;
const SLICE_MS = 10;

class Flood {
  /** @param refused called with the session when a send is refused (the application stops using it) */
  constructor(events, session, bytes, ms, refused) {
    this.events = events;
    this.session = session;
    this.bytes = bytes;
    this.ms = ms;
    this.refused = refused;
    this.calls = 0;
    this.ok = 0;
    this.silent = 0;
    this.failed = 0;
    this.blocked = 0;
    this.maxCallMs = 0;
    this.firstError = null;
    this.ended = false;
    this.n = 0;
  }

  start() {
    this.startedAt = performance.now();
    this.deadline = this.startedAt + this.ms;
    this.events.emit('flood-start', { session: this.session.id, bytes: this.bytes, ms: this.ms });
    this.progress = setInterval(() => this.emit('flood'), PROGRESS_MS);
    setImmediate(() => this.slice());
  }

  slice() {
    try {
      const sliceEnd = Math.min(this.deadline, performance.now() + SLICE_MS);
      let now = performance.now();
      while (now < sliceEnd) {
        if (!this.session.open) {
          this.end(this.failed > 0 ? 'refused' : 'session-ended');
          return;
        }
        this.sendOne();
        const after = performance.now();
        const took = after - now;
        this.maxCallMs = Math.max(this.maxCallMs, took);
        if (took > BLOCKED_MS) {
          this.blocked++;
        }
        now = after;
      }
      if (now >= this.deadline) {
        this.end('time');
      } else {
        setImmediate(() => this.slice());
      }
    } catch (e) {
      this.firstError = this.firstError || describe(e);
      this.end('error');
    }
  }

  sendOne() {
    const text = messages.flood(++this.n, this.bytes);
    let answered = false;
    const answer = (kind, error) => {
      if (answered) {
        return;
      }
      answered = true;
      this.count(kind, error);
    };
    try {
      this.session.connection.sendText(text, {
        ok: () => answer('ok'),
        silent: () => answer('silent'),
        failed: (error) => answer('failed', error),
        returnedFalse: () => answer('failed'),
      });
    } catch (e) {
      answer('failed', e);
    }
    this.calls++;
  }

  count(kind, error) {
    this[kind]++;
    if (kind === 'failed') {
      if (error !== undefined && this.firstError === null) {
        this.firstError = describe(error);
      }
      // Like a refused send of the send command: the application stops using the session.
      this.refused(this.session);
    }
  }

  end(reason) {
    if (!this.ended) {
      this.ended = true;
      clearInterval(this.progress);
      this.emit('flood-end', { reason });
    }
  }

  emit(ev, more = {}) {
    const done = this.ok + this.silent + this.failed;
    this.events.emit(ev, {
      session: this.session.id,
      elapsed_ms: Math.floor(performance.now() - this.startedAt),
      calls: this.calls,
      ok: this.ok,
      silent: this.silent,
      failed: this.failed,
      pending: Math.max(0, this.calls - done),
      blocked: this.blocked,
      in_call_ms: 0,
      max_call_ms: Math.floor(this.maxCallMs),
      error: this.firstError,
      ...more,
    });
  }
}

module.exports = { Flood };
