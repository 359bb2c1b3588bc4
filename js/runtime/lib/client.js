'use strict';
// The client role (stack-api's ClientRuntime): keeps --connections independent connections, sends
// numbered messages on each one's current session every --send-ms, and reconnects each with the
// contract's backoff when its session ends (--reconnect backoff). With --reconnect builtin the
// engine reconnects by itself and reports each new session through the same listener.

const messages = require('./messages');
const { SessionTable } = require('./sessions');
const { Backoff } = require('./backoff');
const { UsageError } = require('./options');
const { describe } = require('./events');
const { PollFallback, endpointOf } = require('./poll');

/** Whether the runtime's polling fallback serves this stack's clients (not socket.io: its own transports). */
function pollFallback(stack) {
  return (stack.protocol || 'websocket') === 'websocket';
}

/** One GET of the polling fallback with Node's fetch, bounded by timeoutMs. */
async function fetchText(url, timeoutMs) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
    return { status: response.status, body: await response.text() };
  } catch (e) {
    // fetch says only "fetch failed"; the cause names what happened (ECONNREFUSED, a timeout).
    throw e && e.cause ? e.cause : e;
  }
}

class TimeoutError extends Error {
  constructor(message) {
    super(message);
    this.name = 'TimeoutError';
  }
}

class ClientRuntime {
  /** @param exit how the process ends (the process's exit, replaced in tests) */
  constructor(stack, options, events, exit = (code) => process.exit(code)) {
    this.stack = stack;
    this.options = options;
    this.events = events;
    this.exit = exit;
    this.timers = [];
    this.sendSeq = 0;
    this.stopping = false;
    this.backoff = new Backoff(options.seed);
    this.linkOf = new Map();
    this.sessions = new SessionTable(events, 'c', {
      opened: (s) => {
        const link = this.linkOf.get(s.connection);
        if (link) {
          link.opened(s);
        }
      },
      text: () => {},
      ended: (s) => {
        const link = this.linkOf.get(s.connection);
        if (link && link.current === s) {
          link.scheduleReconnect();
        }
      },
    });
    this.links = [];
    for (let i = 1; i <= options.connections; i++) {
      this.links.push(new Link(this, i));
    }
  }

  /** The `conn` field of events: only when there is more than one connection (1-based, as in Java). */
  connField(index) {
    return this.options.connections > 1 ? index : null;
  }

  async start() {
    this.engine = this.stack.newClient ? this.stack.newClient() : null;
    if (!this.engine) {
      throw new UsageError(`stack '${this.stack.id}' has no client role`);
    }
    if (this.options.reconnect === 'builtin' && !this.engine.hasBuiltinReconnect) {
      throw new UsageError(`stack '${this.stack.id}' has no built-in reconnect; use --reconnect backoff or none`);
    }
    if (this.options.reconnect === 'poll-fallback' && !pollFallback(this.stack)) {
      throw new UsageError(`--reconnect poll-fallback is for the websocket family; '${this.stack.id}' speaks`
        + ` ${this.stack.protocol} (it has its own polling transport)`);
    }
    await this.engine.start(this.options);
    const o = this.options;
    this.events.emit('ready', {
      stack: this.stack.id, version: this.stack.version(), role: 'client',
      connections: o.connections > 1 ? o.connections : null,
    });
    if (o.sendMs > 0) {
      this.timers.push(setInterval(() => this.sendTick(), o.sendMs));
    }
    if (o.heartbeat && !this.engine.hasBuiltinHeartbeat) {
      this.timers.push(setInterval(() => this.sessions.heartbeatTick(o.heartbeatTimeoutMs), o.heartbeatMs));
    }
    this.links.forEach((link) => link.connect());
  }

  sendTick() {
    for (const link of this.links) {
      const s = link.current;
      if (s && s.open) {
        this.sessions.send(s, messages.seq(++this.sendSeq));
      }
    }
  }

  prepareStop() {
    this.stopping = true;
    this.links.forEach((link) => link.poll && link.poll.stop());
  }

  async closeEngine() {
    this.stopping = true;
    this.links.forEach((link) => link.poll && link.poll.stop());
    this.timers.forEach(clearInterval);
    this.links.forEach((link) => clearTimeout(link.retry));
    if (this.engine) {
      await this.engine.close();
    }
  }
}

/** One logical client: its current session and its reconnect attempts. */
class Link {
  constructor(runtime, index) {
    this.runtime = runtime;
    this.index = index;
    this.current = null;
    this.everOpened = false;
    this.attempt = 0;
    this.retry = null;
    const table = runtime.sessions;
    const conn = runtime.connField(index);
    const o = runtime.options;
    this.poll = o.reconnect === 'poll-fallback' ? new PollFallback({
      endpoint: endpointOf(o.url), pollMs: o.pollMs, timeoutMs: o.connectTimeoutMs, request: runtime.request || fetchText,
      emit: (ev, fields) => runtime.events.emit(ev, fields), describe, conn,
    }) : null;
    // The engine reports to this link; it remembers its connections and hands everything on.
    this.listener = {
      onOpen: (c) => {
        runtime.linkOf.set(c, this);
        if (this.poll) {
          this.poll.stop();
        }
        table.onOpen(c, conn);
      },
      onText: (c, text) => {
        if (this.poll) {
          this.poll.seenOnSocket(messages.seqOf(text));
        }
        table.onText(c, text);
      },
      onPong: (c) => table.onPong(c),
      onClose: (c, code, reason, local) => table.onClose(c, code, reason, local),
      onError: (c, error) => table.onError(c, error),
      onTransport: (c, name) => table.onTransport(c, name),
      // An engine with built-in reconnect announces its own attempts and their failures here.
      onReconnect: (attempt, delayMs) => runtime.events.emit('reconnect', {
        attempt, delay_ms: delayMs, conn,
      }),
      onConnectError: (error) => runtime.events.emit('error', { error: describe(error), phase: 'connect', conn }),
    };
  }

  connect() {
    const rt = this.runtime;
    const boundMs = rt.options.connectTimeoutMs + 1000;
    let timer;
    const bound = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`connect did not complete within ${boundMs} ms`)), boundMs);
    });
    Promise.race([Promise.resolve().then(() => rt.engine.connect(rt.options.url, this.listener)), bound])
      .then(() => clearTimeout(timer), (error) => {
        clearTimeout(timer);
        this.connectFailed(error);
      });
  }

  connectFailed(error) {
    const rt = this.runtime;
    if (rt.stopping) {
      return;
    }
    rt.events.emit('error', { error: describe(error), phase: 'connect', conn: rt.connField(this.index) });
    if (!this.everOpened && rt.options.reconnect === 'none' && rt.options.connections === 1) {
      process.stderr.write(`could not connect to ${rt.options.url} and --reconnect is none\n`);
      rt.exit(3);
      return;
    }
    this.scheduleReconnect();
  }

  scheduleReconnect() {
    const rt = this.runtime;
    if (rt.stopping || !['backoff', 'poll-fallback'].includes(rt.options.reconnect)) {
      return;
    }
    if (this.poll) {
      this.poll.start();
    }
    const n = ++this.attempt;
    const delay = rt.backoff.delayMs(n);
    rt.events.emit('reconnect', { attempt: n, delay_ms: delay, conn: rt.connField(this.index) });
    this.retry = setTimeout(() => this.connect(), delay);
  }

  opened(session) {
    this.attempt = 0;
    this.everOpened = true;
    this.current = session;
  }
}

module.exports = { ClientRuntime, TimeoutError, pollFallback };
