'use strict';
// The runtime's parts on their own: options, backoff, wire messages, event lines, the session table.
const test = require('node:test');
const assert = require('node:assert');
const { parseServer, parseClient, oneOf, UsageError } = require('../lib/options');
const { Backoff, JavaRandom } = require('../lib/backoff');
const messages = require('../lib/messages');
const { EventOut, describe } = require('../lib/events');
const { SessionTable } = require('../lib/sessions');

test('server options: the contract defaults', () => {
  const o = parseServer([]);
  assert.deepStrictEqual([o.host, o.port, o.path, o.tickMs, o.heartbeatMs, o.idleTimeoutMs, o.heartbeat],
    ['127.0.0.1', 0, '/ws', 0, 0, -1, false]);
});

test('options are strict: unknown, repeated, valueless, non-numeric and out-of-range values are usage errors', () => {
  const bad = [
    ['--nope', '1'], ['--port', '1', '--port', '2'], ['--port'], ['--port', '12x'], ['--port', '70000'],
    ['--path', 'ws'], ['--heartbeat-ms', '500'], ['--heartbeat-ms', '500', '--heartbeat-timeout-ms', '400'], ['stray'],
  ];
  for (const args of bad) {
    assert.throws(() => parseServer(args), UsageError, args.join(' '));
  }
});

test('client options: url required and checked, reconnect words, a 64-bit seed, stack extras', () => {
  assert.throws(() => parseClient([]), /--url' is required/);
  assert.throws(() => parseClient(['--url', 'http://h:1/ws']), /ws:\/\/host:port/);
  assert.throws(() => parseClient(['--url', 'ws://h/ws']), /ws:\/\/host:port/);
  assert.throws(() => parseClient(['--url', 'ws://h:1/ws', '--reconnect', 'sometimes']), /none, backoff, builtin or poll-fallback/);
  assert.throws(() => parseClient(['--url', 'ws://h:1/ws', '--seed', '99999999999999999999']), /64 bits/);
  const extra = { transports: oneOf('transports', 'a,b', ['a,b', 'b,a']) };
  const o = parseClient(['--url', 'ws://127.0.0.1:8080/x', '--reconnect', 'backoff', '--seed', '-5',
    '--connections', '3', '--transports', 'b,a'], extra);
  assert.deepStrictEqual([o.url.port, o.url.pathname, o.reconnect, o.seed, o.connections, o.transports, o.connectTimeoutMs],
    ['8080', '/x', 'backoff', -5n, 3, 'b,a', 3000]);
  assert.strictEqual(parseClient(['--url', 'ws://h:1/'], extra).transports, 'a,b');
  assert.throws(() => parseClient(['--url', 'ws://h:1/', '--transports', 'c'], extra), /'--transports' must be/);
});

test('client options: a wss:// URL takes --ca-file (its PEM text becomes ca), a ws:// URL does not', () => {
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsbed-ca-'));
  try {
    const pem = path.join(dir, 'ca.pem');
    fs.writeFileSync(pem, '-----BEGIN CERTIFICATE-----\n');
    assert.strictEqual(parseClient(['--url', 'wss://127.0.0.1:8443/ws', '--ca-file', pem]).ca, '-----BEGIN CERTIFICATE-----\n');
    assert.strictEqual(parseClient(['--url', 'wss://127.0.0.1:8443/ws']).ca, null);
    assert.strictEqual(parseClient(['--url', 'ws://127.0.0.1:8080/ws']).ca, null);
    assert.throws(() => parseClient(['--url', 'ws://h:1/ws', '--ca-file', pem]), /goes with a wss:\/\/ URL only/);
    assert.throws(() => parseClient(['--url', 'wss://h:1/ws', '--ca-file', path.join(dir, 'no.pem')]), /cannot read/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the backoff draws the same numbers as java.util.Random for the same seed', () => {
  // Values printed by java.util.Random(7).nextDouble(), Random(-5) twice, Random(42).
  assert.strictEqual(new JavaRandom(7).nextDouble(), 0.7306990420600421);
  const r = new JavaRandom(-5n);
  assert.deepStrictEqual([r.nextDouble(), r.nextDouble()], [0.26930095796932485, 0.33409239863837237]);
  assert.strictEqual(new JavaRandom('42').nextDouble(), 0.7275636800328681);
});

test('the backoff doubles from 100 ms within the jitter and never passes 2 s', () => {
  const b = new Backoff(1);
  for (let attempt = 1; attempt <= 12; attempt++) {
    const base = Math.min(100 * 2 ** (attempt - 1), 2000);
    const d = b.delayMs(attempt);
    assert.ok(d >= base * 0.5 && d <= Math.min(2000, base * 1.5), `attempt ${attempt}: ${d}`);
  }
  assert.throws(() => b.delayMs(0), RangeError);
});

test('numbered wire messages', () => {
  assert.strictEqual(messages.seq(3), '{"seq":3}');
  assert.strictEqual(messages.echo(3), '{"echo":3}');
  assert.strictEqual(messages.seqOf(' { "seq" : 12 } '), 12);
  assert.strictEqual(messages.seqOf('{"echo":12}'), -1);
  assert.strictEqual(messages.echoOf('{"echo":12}'), 12);
  assert.strictEqual(messages.seqOf('hello'), -1);
});

test('event lines: t and ev first, null fields left out; errors as "<class>: <message>"', () => {
  const out = [];
  const events = new EventOut((l) => out.push(l), () => 123);
  events.emit('sent', { session: 's1', seq: null, outcome: 'ok' });
  assert.deepStrictEqual(out, ['{"t":123,"ev":"sent","session":"s1","outcome":"ok"}\n']);
  assert.strictEqual(describe(new TypeError('bad\nthing')), 'TypeError: bad thing');
  const epipe = new Error('write EPIPE');
  epipe.code = 'EPIPE';
  assert.strictEqual(describe(epipe), 'Error: write EPIPE');
  assert.strictEqual(describe(new AggregateError([new Error('connect ECONNREFUSED ::1:1')])),
    'AggregateError: connect ECONNREFUSED ::1:1');
});

/** A session table writing into an array, with one scripted connection. */
function table() {
  const out = [];
  const ended = [];
  const t = new SessionTable(new EventOut((l) => out.push(JSON.parse(l)), () => 1), 's',
    { opened() {}, text() {}, ended: (s) => ended.push(s.id) });
  const connection = { sendText: null, sendPing() { this.pinged = true; }, close() {}, abort() { this.aborted = true; } };
  t.listener().onOpen(connection);
  return { t, out, ended, connection, session: t.select('s1')[0] };
}

test('sessions: open, recv of numbered messages only, close ends the session once', () => {
  const { t, out, ended, connection } = table();
  const l = t.listener();
  l.onText(connection, '{"seq":4}');
  l.onText(connection, 'chatter');
  l.onText(connection, '{"echo":4}');
  l.onError(connection, new Error('write EPIPE'));
  l.onClose(connection, 1006, '');
  assert.deepStrictEqual(out.map((e) => e.ev), ['open', 'recv', 'echo', 'error', 'close']);
  assert.deepStrictEqual(out[2], { t: 1, ev: 'echo', session: 's1', seq: 4 });
  assert.deepStrictEqual(out[4], { t: 1, ev: 'close', session: 's1', code: 1006, reason: '', local: false });
  assert.deepStrictEqual(ended, ['s1']);
  assert.deepStrictEqual(t.openSessions(), []);
  assert.deepStrictEqual(t.select('s1').length, 1, 'closed sessions stay addressable');
});

test('sent outcomes: ok, silent, failed via callback, threw; a refused send ends the session', () => {
  const outcomes = [
    [(text, r) => r.ok(), 'ok', undefined, true],
    [(text, r) => r.silent(), 'silent', undefined, true],
    [(text, r) => setImmediate(() => r.failed(new Error('WebSocket is not open'))), 'failed', 'Error: WebSocket is not open', false],
    [() => { throw new RangeError('closed'); }, 'threw', 'RangeError: closed', false],
  ];
  return Promise.all(outcomes.map(async ([send, outcome, error, stillOpen]) => {
    const { t, out, connection, session } = table();
    connection.sendText = send;
    t.send(session, '{"seq":9}');
    await new Promise((resolve) => setImmediate(resolve));
    const sent = out.find((e) => e.ev === 'sent');
    assert.deepStrictEqual([sent.seq, sent.outcome, sent.error], [9, outcome, error]);
    assert.strictEqual(typeof sent.latency_us, 'number');
    assert.strictEqual(session.open, stillOpen, outcome);
  }));
});

test('the portable heartbeat pings a live peer and drops a silent one with an error', () => {
  const { t, out, ended, connection, session } = table();
  t.heartbeatTick(60000);
  assert.ok(connection.pinged);
  session.lastInbound = performance.now() - 2000;
  t.heartbeatTick(1500);
  const error = out.find((e) => e.ev === 'error');
  assert.match(error.error, /^HeartbeatTimeout: no frame from the peer for \d+ ms \(limit 1500 ms\)$/);
  assert.ok(connection.aborted);
  assert.deepStrictEqual(ended, ['s1']);
  assert.strictEqual(session.localClose, true);
});

test('big messages: exactly the size asked, seq is the size, recognised by their head only', () => {
  for (const bytes of [messages.minBig(20), 100, 65536]) {
    const text = messages.big(bytes);
    assert.strictEqual(text.length, bytes);
    assert.strictEqual(messages.seqOf(text), -1, "a padded message is not a plain numbered one");
  }
  assert.strictEqual(messages.bigSeqOf(messages.big(65536)), 65536);
  assert.strictEqual(messages.bigSeqOf('{"seq":70,"pad":"' + 'y'.repeat(60)), 70, 'only the head is read');
  assert.strictEqual(messages.bigSeqOf('{"seq":3}'), -1);
  assert.strictEqual(messages.bigSeqOf(messages.flood(1, 100)), -1);
  assert.strictEqual(messages.flood(12, 64).length, 64);
  assert.throws(() => messages.big(10), RangeError);
});

test('a big message is reported with its bytes when it arrives, and sent with them', () => {
  const { t, out, connection, session } = table();
  connection.sendText = (text, r) => r.ok();
  t.listener().onText(connection, messages.big(1000));
  t.sendBig(session, 2000);
  assert.deepStrictEqual(out.filter((e) => e.ev !== 'open').map((e) => [e.ev, e.seq, e.bytes]),
    [['recv', 1000, 1000], ['sent', 2000, 2000]]);
});

test('flood: counts the answers, reports progress, ends on time; a refused send ends it and the session', async () => {
  const { t, out, connection, session } = table();
  let n = 0;
  connection.sendText = (text, r) => (++n % 2 ? r.ok() : setImmediate(() => r.silent()));
  t.flood(session, 64, 150);
  await new Promise((resolve) => setTimeout(resolve, 400));
  const end = out.find((e) => e.ev === 'flood-end');
  assert.strictEqual(end.reason, 'time');
  assert.ok(end.calls > 0 && end.ok + end.silent + end.pending === end.calls, JSON.stringify(end));
  assert.ok(out.some((e) => e.ev === 'flood'), 'progress events');
  assert.deepStrictEqual(out.find((e) => e.ev === 'flood-start'), { t: 1, ev: 'flood-start', session: 's1', bytes: 64, ms: 150 });

  const refusing = table();
  refusing.connection.sendText = (text, r) => r.failed(new Error('WebSocket is not open'));
  refusing.t.flood(refusing.session, 64, 1000);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const refusedEnd = refusing.out.find((e) => e.ev === 'flood-end');
  assert.deepStrictEqual([refusedEnd.reason, refusedEnd.failed, refusedEnd.error], ['refused', 1, 'Error: WebSocket is not open']);
  assert.strictEqual(refusing.session.open, false);
});
