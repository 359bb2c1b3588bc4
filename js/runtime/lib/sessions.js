'use strict';
// Every session a process ever had (stack-api's SessionTable): turns adapter callbacks into event
// lines, performs sends and closes for the commands and timers, and runs the portable heartbeat.
// Closed sessions are kept so that a send after close can still target them.
//
// An adapter's connection object offers: sendText(text, result), sendPing(), close(code, reason),
// abort(). `result` has ok(), failed(error), returnedFalse(), silent(): the adapter calls exactly
// one, now or later; a synchronous throw from sendText is the outcome `threw`.

const messages = require('./messages');
const { describe } = require('./events');
const { Flood } = require('./flood');

const FAILING = new Set(['failed', 'false', 'threw']);

class Session {
  constructor(id, connection) {
    this.id = id;
    this.connection = connection;
    this.open = true;
    this.ended = false;
    this.localClose = false;
    this.lastInbound = performance.now();
  }
}

class SessionTable {
  /**
   * @param events an EventOut
   * @param prefix session id prefix ("s" for servers, "c" for clients, as in the Java runtime)
   * @param role { opened(session), text(session, text), ended(session) }
   */
  constructor(events, prefix, role) {
    this.events = events;
    this.prefix = prefix;
    this.role = role;
    this.byConnection = new Map();
    this.byId = new Map();
    this.nextId = 1;
  }

  openSessions() {
    return [...this.byId.values()].filter((s) => s.open);
  }

  /** The sessions a command addresses: one id, or every open session for "*". */
  select(target) {
    if (target === '*') {
      return this.openSessions();
    }
    const s = this.byId.get(target);
    return s ? [s] : [];
  }

  sessionOf(connection) {
    return this.byConnection.get(connection);
  }

  /** A listener for one adapter (conn: the client's connection index when there are several). */
  listener(conn) {
    return {
      onOpen: (c) => this.onOpen(c, conn),
      onText: (c, text) => this.onText(c, text),
      onPong: (c) => this.onPong(c),
      onClose: (c, code, reason, local) => this.onClose(c, code, reason, local),
      onError: (c, error) => this.onError(c, error),
      onTransport: (c, name) => this.onTransport(c, name),
    };
  }

  onOpen(connection, conn) {
    if (this.byConnection.has(connection)) {
      return;
    }
    const session = new Session(this.prefix + this.nextId++, connection);
    this.byConnection.set(connection, session);
    this.byId.set(session.id, session);
    this.events.emit('open', { session: session.id, conn });
    this.role.opened(session);
  }

  onText(connection, text) {
    const s = this.byConnection.get(connection);
    if (!s) {
      return;
    }
    s.lastInbound = performance.now();
    const seq = messages.seqOf(text);
    if (seq >= 0) {
      this.events.emit('recv', { session: s.id, seq });
    } else {
      const echo = messages.echoOf(text);
      const big = echo >= 0 ? -1 : messages.bigSeqOf(text);
      if (echo >= 0) {
        // The peer's answer to our numbered message: the round trip is visible in events.
        this.events.emit('echo', { session: s.id, seq: echo });
      } else if (big >= 0) {
        this.events.emit('recv', { session: s.id, seq: big, bytes: text.length });
      }
    }
    this.role.text(s, text);
  }

  onPong(connection) {
    const s = this.byConnection.get(connection);
    if (s) {
      s.lastInbound = performance.now();
    }
  }

  /** `local` true: the adapter knows this side ended it (e.g. its own heartbeat deadline). */
  onClose(connection, code, reason, local = false) {
    const s = this.byConnection.get(connection);
    if (!s) {
      return;
    }
    s.open = false;
    s.localClose = s.localClose || local;
    this.events.emit('close', { session: s.id, code, reason: reason || '', local: s.localClose });
    this.markEnded(s);
  }

  onError(connection, error) {
    const s = this.byConnection.get(connection);
    if (!s) {
      return;
    }
    // As in the Java runtime: an error reported for a session counts as its end.
    s.open = false;
    this.events.emit('error', { session: s.id, error: describe(error) });
    this.markEnded(s);
  }

  /** Which transport carries the session (socket.io: polling or websocket), when known or upgraded. */
  onTransport(connection, name) {
    const s = this.byConnection.get(connection);
    if (s) {
      this.events.emit('transport', { session: s.id, name });
    }
  }

  markEnded(s) {
    if (!s.ended) {
      s.ended = true;
      this.role.ended(s);
    }
  }

  /** Sends one message and reports the outcome as a `sent` event. */
  send(s, text) {
    const seq = messages.seqOf(text);
    this.sendReported(s, text, seq >= 0 ? seq : null, null);
  }

  /** Sends one padded message of exactly `bytes` bytes (the `big` command); its seq is its size. */
  sendBig(s, bytes) {
    this.sendReported(s, messages.big(bytes), bytes, bytes);
  }

  /** Floods one session with `bytes`-byte messages for `ms` milliseconds (the `flood` command). */
  flood(s, bytes, ms) {
    new Flood(this.events, s, bytes, ms, (session) => this.refused(session)).start();
  }

  sendReported(s, text, seqField, bytesField) {
    const calledAt = this.events.nowMicros();
    let reported = false;
    const report = (outcome, error) => {
      if (reported) {
        return;
      }
      reported = true;
      const t = this.events.nowMicros();
      this.events.emitAt(t, 'sent', {
        session: s.id, seq: seqField, bytes: bytesField, outcome, error: error === undefined ? null : describe(error),
        latency_us: t - calledAt,
      });
      if (FAILING.has(outcome)) {
        this.refused(s);
      }
    };
    const result = {
      ok: () => report('ok'),
      failed: (error) => report('failed', error),
      returnedFalse: () => report('false'),
      silent: () => report('silent'),
    };
    try {
      s.connection.sendText(text, result);
    } catch (e) {
      report('threw', e);
    }
  }

  /** A refused send tells the application the session is unusable: it stops using it (a client reconnects). */
  refused(s) {
    s.open = false;
    this.markEnded(s);
  }

  /** Sends a message whose outcome the contract does not report (the server's echo). */
  sendQuietly(s, text) {
    const quiet = { ok() {}, failed() {}, returnedFalse() {}, silent() {} };
    try {
      s.connection.sendText(text, quiet);
    } catch (e) {
      process.stderr.write(`echo on ${s.id} threw ${describe(e)}\n`);
    }
  }

  /** Starts the closing handshake on a session, as this side's decision. */
  close(s, code, reason) {
    s.localClose = true;
    try {
      s.connection.close(code, reason);
    } catch (e) {
      process.stderr.write(`close of ${s.id} threw ${describe(e)}\n`);
    }
  }

  /** One tick of the portable heartbeat: declares silent peers dead (error, then abort), pings the others. */
  heartbeatTick(timeoutMs) {
    const now = performance.now();
    for (const s of this.openSessions()) {
      const silentMs = Math.floor(now - s.lastInbound);
      if (silentMs > timeoutMs) {
        s.localClose = true;
        s.open = false;
        this.events.emit('error', {
          session: s.id,
          error: `HeartbeatTimeout: no frame from the peer for ${silentMs} ms (limit ${timeoutMs} ms)`,
        });
        this.markEnded(s);
        try {
          s.connection.abort();
        } catch (e) {
          process.stderr.write(`abort of ${s.id} threw ${describe(e)}\n`);
        }
      } else {
        try {
          s.connection.sendPing();
        } catch (e) {
          process.stderr.write(`ping on ${s.id} threw ${describe(e)}\n`);
        }
      }
    }
  }
}

module.exports = { SessionTable, Session };
