'use strict';
// The browser stacks leave no browser behind and take their socket down with them:
//  - SIGKILL of the stack's Node process alone (no tree kill): every process of the stack's tree
//    (the browser and its children) ends, and the server sees the connection drop;
//  - the harness's tree kill (KillClient: SIGKILL to a snapshot of the process and its
//    descendants): the server sees the connection drop;
//  - a browser killed under the stack: an error event (BrowserGone) on the open session, exit 3;
//  - stdin EOF: the process exits and its tree is gone.
// Each runs for chromium and firefox; a browser or node_modules that is missing skips its case.
//
//   node --test clients/browser/test/

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { spawn, execFileSync } = require('node:child_process');

const CLIENTS = path.join(__dirname, '..', '..');
const BOUND_MS = 20000;

const STACKS = [
  { id: 'chromium', binary: process.env.WSBED_CHROMIUM || '/usr/bin/chromium' },
  { id: 'firefox', binary: process.env.WSBED_FIREFOX || '/usr/bin/firefox-esr' },
];

function missing(stack) {
  const dir = path.join(CLIENTS, stack.id);
  if (!fs.existsSync(path.join(dir, 'node_modules'))) {
    return `needs node_modules; install with: (cd clients/${stack.id} && npm ci)`;
  }
  if (!fs.existsSync(stack.binary)) {
    return `needs ${stack.binary}; install with: apt-get install -y ${path.basename(stack.binary)}`;
  }
  return null;
}

/** A WebSocket server (the ws package puppeteer-core brings along) that records opens and closes. */
function startServer(stackDir) {
  const { WebSocketServer } = require(require.resolve('ws', { paths: [stackDir] }));
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/ws' });
  const seen = { opens: 0, closes: [] };
  wss.on('connection', (ws) => {
    seen.opens++;
    const tick = setInterval(() => ws.send('{"seq":1}'), 50);
    ws.on('close', (code) => {
      clearInterval(tick);
      seen.closes.push(code);
    });
    ws.on('error', () => {});
  });
  return new Promise((resolve) => wss.once('listening', () => resolve({ wss, seen, port: wss.address().port })));
}

/** Parent pid of every process now, from /proc. */
function parents() {
  const out = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) {
      continue;
    }
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (rest[0] !== 'Z') {
        out.set(Number(name), Number(rest[1]));
      }
    } catch (e) {
      // gone meanwhile
    }
  }
  return out;
}

function descendants(pid) {
  const ppid = parents();
  const found = [];
  let frontier = [pid];
  while (frontier.length) {
    const next = [];
    for (const [p, parent] of ppid) {
      if (frontier.includes(parent) && !found.includes(p)) {
        found.push(p);
        next.push(p);
      }
    }
    frontier = next;
  }
  return found;
}

function running(pids) {
  const now = parents();
  return pids.filter((p) => now.has(p));
}

function commandOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').slice(0, 120);
  } catch (e) {
    return '(gone)';
  }
}

async function until(what, check) {
  const deadline = Date.now() + BOUND_MS;
  while (Date.now() < deadline) {
    if (check()) {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`not within ${BOUND_MS} ms: ${what}`);
}

/** Starts the stack's client against the server and waits for its `open` event. */
async function startClient(stack, port) {
  const dir = path.join(CLIENTS, stack.id);
  const child = spawn('node', ['stack.js', 'client', '--url', `ws://127.0.0.1:${port}/ws`, '--send-ms', '50'], {
    cwd: dir, stdio: ['pipe', 'pipe', 'inherit'],
  });
  const events = [];
  readline.createInterface({ input: child.stdout }).on('line', (l) => events.push(JSON.parse(l)));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  await until(`${stack.id} reports open`, () => events.some((e) => e.ev === 'open'));
  return { child, events, exited };
}

for (const stack of STACKS) {
  const skip = missing(stack) || false;

  test(`${stack.id}: SIGKILL of the Node process alone leaves no browser process, and the server sees the drop`, { skip }, async () => {
    const server = await startServer(path.join(CLIENTS, stack.id));
    try {
      const { child, exited } = await startClient(stack, server.port);
      const tree = descendants(child.pid);
      assert.ok(tree.length > 0, 'the browser runs as a descendant of the stack process');
      process.kill(child.pid, 'SIGKILL');
      await exited;
      await until(`no process of ${stack.id}'s tree runs`, () => running(tree).length === 0)
        .catch((e) => assert.fail(`${e.message}; still running: ${running(tree).map(commandOf).join('; ')}`));
      await until('the server sees the connection closed', () => server.seen.closes.length === 1);
    } finally {
      server.wss.close();
    }
  });

  test(`${stack.id}: the harness's tree kill (client-crash) drops the browser's connection`, { skip }, async () => {
    const server = await startServer(path.join(CLIENTS, stack.id));
    try {
      const { child, exited } = await startClient(stack, server.port);
      const tree = [child.pid, ...descendants(child.pid)];
      for (const pid of tree) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch (e) {
          // ended already
        }
      }
      await exited;
      await until('the server sees the connection closed', () => server.seen.closes.length === 1);
      await until(`no process of ${stack.id}'s tree runs`, () => running(tree).length === 0);
    } finally {
      server.wss.close();
    }
  });

  test(`${stack.id}: a browser that dies under the stack is an error event on its session and exit 3, never a hang`, { skip }, async () => {
    const server = await startServer(path.join(CLIENTS, stack.id));
    try {
      const { child, events, exited } = await startClient(stack, server.port);
      const browser = parents();
      const top = [...browser].filter(([, parent]) => parent === child.pid).map(([pid]) => pid)
        .filter((pid) => /chrom|firefox/.test(commandOf(pid)));
      assert.strictEqual(top.length, 1, `one browser under the stack: ${top.map(commandOf)}`);
      process.kill(top[0], 'SIGKILL');
      const { code } = await exited;
      assert.strictEqual(code, 3);
      const gone = events.find((e) => e.ev === 'error' && /^BrowserGone: /.test(e.error));
      assert.ok(gone, 'an error event says the browser is gone');
      assert.strictEqual(gone.session, events.find((e) => e.ev === 'open').session);
    } finally {
      server.wss.close();
    }
  });

  test(`${stack.id}: stdin EOF exits 0 and takes the browser along`, { skip }, async () => {
    const server = await startServer(path.join(CLIENTS, stack.id));
    try {
      const { child, exited } = await startClient(stack, server.port);
      const tree = descendants(child.pid);
      child.stdin.end();
      const { code } = await exited;
      assert.strictEqual(code, 0);
      await until(`no process of ${stack.id}'s tree runs`, () => running(tree).length === 0);
      await until('the server sees the connection closed', () => server.seen.closes.length === 1);
    } finally {
      server.wss.close();
    }
  });
}

test('the page application is plain browser JS: no require, no Node API', () => {
  const src = fs.readFileSync(path.join(__dirname, '..', 'page-app.js'), 'utf8');
  assert.doesNotMatch(src, /\brequire\(|\bprocess\./);
  execFileSync(process.execPath, ['--check', path.join(__dirname, '..', 'page-app.js')]);
});
