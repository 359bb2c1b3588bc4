'use strict';
// The client role on a fake engine: connect failures, the backoff's reconnects, --reconnect none.
const test = require('node:test');
const assert = require('node:assert');
const { ClientRuntime } = require('../lib/client');
const { EventOut } = require('../lib/events');
const { Backoff } = require('../lib/backoff');
const { parseClient } = require('../lib/options');

function client(args, connect) {
  const out = [];
  const exits = [];
  const stack = {
    id: 'fake', version: () => '0',
    newClient: () => ({ hasBuiltinReconnect: false, start() {}, connect, close() {} }),
  };
  const options = parseClient(['--url', 'ws://127.0.0.1:9/ws', ...args]);
  const rt = new ClientRuntime(stack, options, new EventOut((l) => out.push(JSON.parse(l))), (c) => exits.push(c));
  return { rt, out, exits };
}

const refused = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }));

test('a refused first connect with --reconnect none exits 3 after the connect error', async () => {
  const { rt, out, exits } = client([], refused);
  await rt.start();
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepStrictEqual(out.map((e) => e.ev), ['ready', 'error']);
  assert.deepStrictEqual([out[1].phase, out[1].error], ['connect', 'Error: connect ECONNREFUSED 127.0.0.1:9']);
  assert.deepStrictEqual(exits, [3]);
});

test('backoff reconnects announce attempt and delay, the seeded delays of the contract', async () => {
  const { rt, out, exits } = client(['--reconnect', 'backoff', '--seed', '11'], refused);
  await rt.start();
  await new Promise((resolve) => setTimeout(resolve, 450));
  await rt.closeEngine();
  const reconnects = out.filter((e) => e.ev === 'reconnect');
  const expected = new Backoff(11n);
  assert.ok(reconnects.length >= 2, JSON.stringify(out));
  reconnects.forEach((e, i) => {
    assert.deepStrictEqual([e.attempt, e.delay_ms], [i + 1, expected.delayMs(i + 1)]);
  });
  assert.deepStrictEqual(exits, []);
});

test('--connections N: each connection is its own link, events carry conn', async () => {
  const { rt, out } = client(['--connections', '2'], (url, listener) => {
    listener.onOpen({ sendText() {}, close() {}, abort() {}, sendPing() {} });
    return Promise.resolve();
  });
  await rt.start();
  const opens = out.filter((e) => e.ev === 'open');
  assert.deepStrictEqual(opens.map((e) => [e.session, e.conn]), [['c1', 1], ['c2', 2]]);
  assert.strictEqual(out[0].connections, 2);
});
