'use strict';
// The contract's event lines: one JSON object a line on stdout, each with `t` (epoch microseconds,
// this process's clock) and `ev`, then the fields in the order given; null/undefined fields are left out.

const { performance } = require('node:perf_hooks');

/** Epoch microseconds from the monotonic clock anchored at the process's time origin. */
function nowMicros() {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}

/** How an error appears in event lines: "<class>: <message>", e.g. "Error: write EPIPE". */
function describe(error) {
  if (error === null || error === undefined) {
    return 'Error: (no error object)';
  }
  if (typeof error !== 'object') {
    return 'Error: ' + String(error);
  }
  const cls = (error.constructor && error.constructor.name) || error.name || 'Error';
  let message = error.message === undefined ? String(error) : String(error.message);
  if (!message && Array.isArray(error.errors) && error.errors.length > 0) {
    // Node's AggregateError (e.g. every address of "localhost" refused) carries no message itself.
    message = error.errors.map((e) => (e && e.message) || String(e)).join('; ');
  }
  if (!message && error.code) {
    message = String(error.code);
  }
  return cls + ': ' + message.replace(/[\r\n]+/g, ' ');
}

class EventOut {
  /** @param write a function taking one line of text (with its newline) */
  constructor(write = (line) => process.stdout.write(line), clock = nowMicros) {
    this.write = write;
    this.clock = clock;
  }

  nowMicros() {
    return this.clock();
  }

  emit(ev, fields = {}) {
    this.emitAt(this.clock(), ev, fields);
  }

  emitAt(t, ev, fields = {}) {
    const line = { t, ev };
    for (const [name, value] of Object.entries(fields)) {
      if (value !== null && value !== undefined) {
        line[name] = value;
      }
    }
    this.write(JSON.stringify(line) + '\n');
  }
}

module.exports = { EventOut, nowMicros, describe };
