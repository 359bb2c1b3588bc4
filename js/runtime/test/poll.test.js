'use strict';
// The polling fallback: the ring buffer's answer, and the client mode against a real HTTP server
// on loopback (a fake WebSocket engine, so the socket's ups and downs are chosen by the test).
const test = require('node:test');
const assert = require('node:assert');
const http = require('node:http');
const { PollBuffer, sinceOf, answer, endpointOf } = require('../lib/poll');
const { ClientRuntime } = require('../lib/client');
const { EventOut } = require('../lib/events');
const { parseClient } = require('../lib/options');

const seqs = (body) => JSON.parse(body).messages.map((m) => m.seq);

test('the buffer answers the pushes after since, and says which it no longer holds', () => {
  const b = new PollBuffer(4, 'i1');
  assert.deepStrictEqual(JSON.parse(b.body(0)), { instance: 'i1', next: 1, first: 0, messages: [] });
  for (let s = 1; s <= 6; s++) {
    b.add(s);
  }
  assert.deepStrictEqual(seqs(b.body(4)), [5, 6]);
  assert.deepStrictEqual(seqs(b.body(6)), []);
  const old = JSON.parse(b.body(0));
  assert.deepStrictEqual([old.first, old.next, old.messages.length], [3, 7, 4]);
  // A client that knew a later seq (another instance) gets everything held.
  assert.deepStrictEqual(seqs(b.body(40)), [3, 4, 5, 6]);
});

test('since is read strictly; only GET /poll is answered, with CORS open', () => {
  assert.deepStrictEqual([sinceOf('since=12'), sinceOf('a=1&since=0'), sinceOf('since=x'), sinceOf('')], [12, 0, -1, -1]);
  const b = new PollBuffer(4, 'i');
  assert.strictEqual(answer(b, 'GET', '/ws'), null);
  assert.strictEqual(answer(null, 'GET', '/poll?since=1'), null);
  assert.strictEqual(answer(b, 'GET', '/poll').status, 400);
  assert.strictEqual(answer(b, 'POST', '/poll?since=1').status, 405);
  const ok = answer(b, 'GET', '/poll?since=0');
  assert.deepStrictEqual([ok.status, ok.headers['Access-Control-Allow-Origin']], [200, '*']);
  assert.strictEqual(endpointOf('ws://127.0.0.1:81/ws?x=1'), 'http://127.0.0.1:81/poll');
});

test('--poll-ms goes with poll-fallback only', () => {
  assert.strictEqual(parseClient(['--url', 'ws://h:1/ws', '--reconnect', 'poll-fallback', '--poll-ms', '40']).pollMs, 40);
  assert.throws(() => parseClient(['--url', 'ws://h:1/ws', '--poll-ms', '40']), /goes with --reconnect poll-fallback/);
});

/** An HTTP server on loopback that answers /poll from `buffer`; returns its port. */
function pollServer(state) {
  const server = http.createServer((req, res) => {
    state.requests++;
    const a = answer(state.buffer, req.method, req.url);
    res.writeHead(a ? a.status : 404, a ? a.headers : {});
    res.end(a ? a.body : '');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('while the socket is down the client polls, delivers each seq once via poll, and stops on open', async () => {
  const state = { buffer: new PollBuffer(1024, 'A'), requests: 0 };
  const server = await pollServer(state);
  const port = server.address().port;
  let listener;
  let conn;
  let down = false;
  const out = [];
  const stack = {
    id: 'fake', protocol: 'websocket', version: () => '0',
    newClient: () => ({
      hasBuiltinReconnect: false,
      start() {},
      close() {},
      connect(url, l) {
        if (down) {
          // The WebSocket stays down until the test lets it back; the poll carries the data.
          return Promise.reject(new Error('connect ECONNREFUSED'));
        }
        listener = l;
        conn = { sendText() {}, close() {}, abort() {}, sendPing() {} };
        l.onOpen(conn);
        return Promise.resolve();
      },
    }),
  };
  const options = parseClient(['--url', `ws://127.0.0.1:${port}/ws`, '--reconnect', 'poll-fallback', '--poll-ms', '30',
    '--seed', '1']);
  const rt = new ClientRuntime(stack, options, new EventOut((l) => out.push(JSON.parse(l))), () => {});
  await rt.start();
  for (let s = 1; s <= 3; s++) {
    state.buffer.add(s);
    listener.onText(conn, `{"seq":${s}}`);
  }
  down = true;
  listener.onClose(conn, 1006, '');
  state.buffer.add(4);
  state.buffer.add(5);
  await new Promise((r) => setTimeout(r, 150));
  state.buffer.add(6);
  await new Promise((r) => setTimeout(r, 150));
  down = false;
  const deadline = Date.now() + 5000;
  while (out.filter((e) => e.ev === 'open').length < 2 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 50));
  const afterOpen = state.requests;
  state.buffer.add(7);
  await new Promise((r) => setTimeout(r, 120));
  assert.strictEqual(state.requests, afterOpen, 'no poll once the socket is open');
  const polled = out.filter((e) => e.ev === 'recv' && e.via === 'poll').map((e) => e.seq);
  assert.deepStrictEqual(polled, [4, 5, 6]);
  assert.ok(out.every((e) => !(e.ev === 'recv' && e.via === 'poll' && e.session)), 'a poll delivery has no session');
  const polls = out.filter((e) => e.ev === 'poll' && !e.stale);
  assert.ok(polls.length >= 3 && polls.every((p) => p.status === 200 && p.instance === 'A'), JSON.stringify(polls));
  listener.onClose(conn, 1006, '');
  await rt.closeEngine();
  const after = state.requests;
  await new Promise((r) => setTimeout(r, 100));
  assert.strictEqual(state.requests, after, 'no poll after the stop');
  server.closeAllConnections();
  server.close();
});

test('a restarted server (another instance) counts from 1 again; a refused poll is an error event', async () => {
  const state = { buffer: new PollBuffer(1024, 'A'), requests: 0 };
  const server = await pollServer(state);
  const port = server.address().port;
  const { PollFallback } = require('../lib/poll');
  const out = [];
  const fallback = new PollFallback({
    endpoint: `http://127.0.0.1:${port}/poll`, pollMs: 20, timeoutMs: 1000,
    request: async (url, ms) => {
      const r = await fetch(url, { signal: AbortSignal.timeout(ms) });
      return { status: r.status, body: await r.text() };
    },
    emit: (ev, f) => out.push({ ev, ...f }), describe: (e) => String(e), conn: null,
  });
  for (let s = 1; s <= 9; s++) {
    state.buffer.add(s);
    fallback.seenOnSocket(s);
  }
  fallback.start();
  await new Promise((r) => setTimeout(r, 60));
  state.buffer = new PollBuffer(1024, 'B');
  state.buffer.add(1);
  state.buffer.add(2);
  await new Promise((r) => setTimeout(r, 80));
  fallback.stop();
  assert.deepStrictEqual(out.filter((e) => e.ev === 'recv').map((e) => e.seq), [1, 2]);
  server.closeAllConnections();
  server.close();
  const refused = [];
  const gone = new PollFallback({
    endpoint: `http://127.0.0.1:${port}/poll`, pollMs: 20, timeoutMs: 500,
    request: () => Promise.reject(new Error('connect ECONNREFUSED')),
    emit: (ev, f) => refused.push({ ev, ...f }), describe: (e) => `Error: ${e.message}`, conn: 2,
  });
  gone.start();
  await new Promise((r) => setTimeout(r, 50));
  gone.stop();
  assert.ok(refused.length >= 2 && refused.every((e) => e.ev === 'poll' && e.error === 'Error: connect ECONNREFUSED' && e.conn === 2));
});

test('a poll subscribes the feed, so a server counts ticks with no session open', () => {
  const b = new PollBuffer(4, 'i');
  assert.equal(b.subscribed(), false);
  b.body(0);
  assert.equal(b.subscribed(), true);
});
