'use strict';
// The process contract end to end, on a fake stack: info, bad options, commands, stop, EOF.
const test = require('node:test');
const assert = require('node:assert');
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');

const FAKE = path.join(__dirname, '..', 'fixtures', 'fake-stack.js');

function lines(text) {
  return text.split('\n').filter((l) => l).map((l) => JSON.parse(l));
}

/** Starts the fake server, feeds it `input` line by line once ready; resolves with events and exit code. */
function runServer(input, { closeStdin = true } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FAKE, 'server', '--port', '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let fed = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fake stack did not exit within 5 s; stdout: ${out}; stderr: ${err}`));
    }, 5000);
    child.stdout.on('data', (d) => {
      out += d;
      if (!fed && out.includes('"ev":"open"')) {
        fed = true;
        for (const l of input) {
          child.stdin.write(l + '\n');
        }
        if (closeStdin) {
          child.stdin.end();
        }
      }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ events: lines(out), code, err });
    });
  });
}

test('info prints one line with contract 1 and the protocol, and exits 0', () => {
  const r = spawnSync(process.execPath, [FAKE, 'info'], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0);
  const events = lines(r.stdout);
  assert.strictEqual(events.length, 1);
  const info = events[0];
  assert.strictEqual(info.ev, 'info');
  assert.strictEqual(info.contract, 1);
  assert.strictEqual(info.protocol, 'websocket');
  assert.strictEqual(info.roles, 'server');
  assert.strictEqual(info.builtin_reconnect, false);
  assert.ok(Number.isInteger(info.t));
});

test('a bad option exits 2 with one line on stderr and nothing on stdout', () => {
  const r = spawnSync(process.execPath, [FAKE, 'server', '--tick-ms', 'soon'], { encoding: 'utf8' });
  assert.strictEqual(r.status, 2);
  assert.strictEqual(r.stdout, '');
  assert.strictEqual(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /--tick-ms/);
});

test('a role the stack lacks is a usage error (exit 2)', () => {
  const r = spawnSync(process.execPath, [FAKE, 'client', '--url', 'ws://127.0.0.1:9/ws'], { encoding: 'utf8' });
  assert.strictEqual(r.status, 2);
  assert.match(r.stderr, /no client role/);
});

test('an unknown command is an error event without a session, and the process goes on', async () => {
  const r = await runServer(['dance now', 'send s1 {"seq":7}', 'stop'], { closeStdin: false });
  const error = r.events.find((e) => e.ev === 'error');
  assert.strictEqual(error.error, "UnknownCommand: 'dance'; known: send, big, flood, close, stop");
  assert.strictEqual(error.session, undefined);
  const sent = r.events.find((e) => e.ev === 'sent');
  assert.deepStrictEqual([sent.session, sent.seq, sent.outcome], ['s1', 7, 'ok']);
  assert.strictEqual(r.events.at(-1).ev, 'stopped');
  assert.strictEqual(r.code, 0);
});

test('stop closes every open session with 1001 as a local close, then stopped, exit 0', async () => {
  const r = await runServer(['stop'], { closeStdin: false });
  const close = r.events.find((e) => e.ev === 'close');
  assert.deepStrictEqual([close.session, close.code, close.local], ['s1', 1001, true]);
  assert.strictEqual(r.events.at(-1).ev, 'stopped');
  assert.strictEqual(r.code, 0);
});

test('close passes the code and the reason (with spaces) through', async () => {
  const r = await runServer(['close s1 4001 bye for now', 'stop'], { closeStdin: false });
  const close = r.events.find((e) => e.ev === 'close');
  assert.deepStrictEqual([close.code, close.reason], [4001, 'bye for now']);
});

test('end of stdin right after stop lets the (bounded) stop finish', async () => {
  const r = await runServer(['stop']);
  assert.strictEqual(r.events.at(-1).ev, 'stopped');
  assert.strictEqual(r.code, 0);
});

test('end of stdin exits at once with 0, without stopped', async () => {
  const started = Date.now();
  const r = await runServer([]);
  assert.strictEqual(r.code, 0);
  assert.ok(!r.events.some((e) => e.ev === 'stopped'));
  assert.ok(Date.now() - started < 5000);
});
