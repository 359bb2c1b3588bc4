'use strict';
// The server role (stack-api's ServerRuntime): starts the engine, pushes numbered ticks to every
// open session, echoes each numbered client message, runs the portable heartbeat when the engine
// has no heartbeat of its own.

const messages = require('./messages');
const { SessionTable } = require('./sessions');
const { UsageError } = require('./options');
const { PollBuffer } = require('./poll');

class ServerRuntime {
  constructor(stack, options, events) {
    this.stack = stack;
    this.options = options;
    this.events = events;
    this.timers = [];
    this.tickSeq = 0;
    this.poll = new PollBuffer();
    this.sessions = new SessionTable(events, 's', {
      opened: () => {},
      text: (s, text) => {
        // A big message is answered small: the echo never doubles the load.
        const plain = messages.seqOf(text);
        const seq = plain >= 0 ? plain : messages.bigSeqOf(text);
        if (seq >= 0) {
          this.sessions.sendQuietly(s, messages.echo(seq));
        }
      },
      ended: () => {},
    });
  }

  async start() {
    this.engine = this.stack.newServer ? this.stack.newServer() : null;
    if (!this.engine) {
      throw new UsageError(`stack '${this.stack.id}' has no server role`);
    }
    if (this.engine.servesPoll) {
      this.engine.attachPoll(this.poll);
    }
    const port = await this.engine.start(this.options, this.sessions.listener());
    this.events.emit('ready', { port, stack: this.stack.id, version: this.stack.version(), role: 'server' });
    const o = this.options;
    if (o.tickMs > 0) {
      this.timers.push(setInterval(() => this.tick(), o.tickMs));
    }
    if (o.heartbeat && !this.engine.hasBuiltinHeartbeat) {
      this.timers.push(setInterval(() => this.sessions.heartbeatTick(o.heartbeatTimeoutMs), o.heartbeatMs));
    }
  }

  tick() {
    const open = this.sessions.openSessions();
    // No one to push to: the tick does not count, unless a poller asked lately (the polling fallback).
    if (open.length === 0 && !this.poll.subscribed()) {
      return;
    }
    const seq = ++this.tickSeq;
    this.poll.add(seq);
    const message = messages.seq(seq);
    for (const s of open) {
      this.sessions.send(s, message);
    }
  }

  prepareStop() {}

  async closeEngine() {
    this.timers.forEach(clearInterval);
    if (this.engine) {
      await this.engine.close();
    }
  }
}

module.exports = { ServerRuntime };
