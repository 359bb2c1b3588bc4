'use strict';
// Entry point shared by every Node stack: `node stack.js server|client|info [options]`.
// A stack's file ends with `require('wsbed-runtime').run(process.argv.slice(2), stack)`.
//
// Exit codes: 0 clean, 2 bad options (one line on stderr), 3 could not start.

const readline = require('node:readline');
const { EventOut, describe } = require('./events');
const { UsageError, parseServer, parseClient } = require('./options');
const { ServerRuntime } = require('./server');
const { ClientRuntime, pollFallback } = require('./client');
const { PATH } = require('./poll');
const messages = require('./messages');

/** Bound on the graceful stop: close handshakes that take longer are abandoned. */
const STOP_WAIT_MS = 2000;

const USAGE = 'usage: server [--host H] [--port P] [--path /ws] [--tick-ms N] [--heartbeat-ms N]'
  + ' [--heartbeat-timeout-ms N] [--idle-timeout-ms N] | client --url ws://host:port/path [--send-ms N]'
  + ' [--heartbeat-ms N] [--heartbeat-timeout-ms N] [--reconnect none|backoff|builtin|poll-fallback] [--poll-ms N]'
  + ' [--idle-timeout-ms N] [--connect-timeout-ms N] [--seed N] [--connections N] | info';

function exit(code) {
  process.exit(code);
}

function usage(problem) {
  process.stderr.write(`wsbed stack: ${problem}; ${USAGE}\n`);
  exit(2);
}

/** The `info` line: what the stack is, for the harness and the report. */
function info(stack) {
  const serverEngine = stack.newServer ? stack.newServer() : null;
  const server = Boolean(serverEngine);
  const client = stack.newClient ? stack.newClient() : null;
  return {
    stack: stack.id,
    name: stack.name,
    version: stack.version(),
    roles: server && client ? 'server,client' : server ? 'server' : 'client',
    heartbeat: stack.heartbeat,
    send_api: stack.sendApi,
    builtin_reconnect: Boolean(client && client.hasBuiltinReconnect),
    defaults: stack.defaults ? stack.defaults() : '',
    contract: 1,
    protocol: stack.protocol || 'websocket',
    poll: server && serverEngine.servesPoll ? PATH : null,
    poll_fallback: client && pollFallback(stack) ? true : null,
  };
}

/**
 * The stdin command loop (stack-api's StackProcess): `send <session|*> <text>`, `big <session|*> <bytes>`,
 * `flood <session|*> <bytes> <ms>`, `close <session|*> <code> [reason]`, `stop`; an unknown command is an error event, a known one
 * with bad arguments a line on stderr (as in the Java runtime).
 */
class Commands {
  constructor(role, events) {
    this.role = role;
    this.events = events;
    this.stopping = null;
  }

  async run(raw) {
    const line = raw.trim();
    if (line === '') {
      return;
    }
    const word = line.split(' ', 1)[0];
    switch (word) {
      case 'send': return this.send(line);
      case 'big': return this.big(line);
      case 'flood': return this.flood(line);
      case 'close': return this.close(line);
      case 'stop':
        this.stopping = this.stopping || this.stop();
        return this.stopping;
      default:
        this.events.emit('error', { error: `UnknownCommand: '${word}'; known: send, big, flood, close, stop` });
    }
  }

  send(line) {
    const m = /^send (\S+) (.+)$/.exec(line);
    if (!m) {
      process.stderr.write('usage: send <session|*> <text>\n');
      return;
    }
    const table = this.role.sessions;
    for (const s of table.select(m[1])) {
      table.send(s, m[2]);
    }
  }

  /** `big <session|*> <bytes>`: one padded text message of exactly that many bytes per session. */
  big(line) {
    const words = line.split(' ');
    const bytes = words.length === 3 ? whole(words[2], 1, 2 ** 30) : null;
    if (bytes === null || bytes < messages.minBig(bytes)) {
      process.stderr.write(`usage: big <session|*> <bytes ${messages.minBig(100)}..${2 ** 30}>\n`);
      return;
    }
    const table = this.role.sessions;
    for (const s of table.select(words[1])) {
      table.sendBig(s, bytes);
    }
  }

  /** `flood <session|*> <bytes> <ms>`: each session gets bytes-sized messages as fast as the API takes them. */
  flood(line) {
    const words = line.split(' ');
    const bytes = words.length === 4 ? whole(words[2], 32, 2 ** 20) : null;
    const ms = words.length === 4 ? whole(words[3], 1, 60000) : null;
    if (bytes === null || ms === null) {
      process.stderr.write('usage: flood <session|*> <bytes 32..1048576> <ms 1..60000>\n');
      return;
    }
    const table = this.role.sessions;
    for (const s of table.select(words[1])) {
      table.flood(s, bytes, ms);
    }
  }

  close(line) {
    const m = /^close (\S+) (\S+)(?: (.*))?$/.exec(line);
    if (!m) {
      process.stderr.write('usage: close <session|*> <code> [reason]\n');
      return;
    }
    if (!/^\d+$/.test(m[2])) {
      process.stderr.write(`close: code must be a number, got '${m[2]}'\n`);
      return;
    }
    const table = this.role.sessions;
    for (const s of table.select(m[1])) {
      table.close(s, Number(m[2]), m[3] || '');
    }
  }

  /** Graceful stop: close every open session with 1001, wait (bounded), stop the engine, exit 0. */
  async stop() {
    const table = this.role.sessions;
    this.role.prepareStop();
    for (const s of table.openSessions()) {
      table.close(s, 1001, 'going away');
    }
    const deadline = Date.now() + STOP_WAIT_MS;
    while (table.openSessions().length > 0 && Date.now() < deadline) {
      await sleep(10);
    }
    try {
      await Promise.race([this.role.closeEngine(), sleep(STOP_WAIT_MS)]);
    } catch (e) {
      process.stderr.write(`engine close failed: ${describe(e)}\n`);
    }
    this.events.emit('stopped');
    exit(0);
  }
}

/** A whole number within the bounds, or null. */
function whole(word, min, max) {
  if (!/^\d{1,10}$/.test(word)) {
    return null;
  }
  const n = Number(word);
  return n >= min && n <= max ? n : null;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Reads stdin from the start: end of input exits at once (a dead harness leaves no orphan), even
 * while the role is still starting; commands run in order once `started` resolves.
 */
function readCommands(started, commands) {
  let chain = started;
  let up = false;
  started.then(() => { up = true; });
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  lines.on('line', (line) => {
    chain = chain.then(() => commands().run(line)).catch((e) => {
      process.stderr.write(`command '${line}' failed: ${describe(e)}\n`);
    });
  });
  // Once started, the commands read before the end run first (a stop under way finishes, bounded
  // by STOP_WAIT_MS twice), as in the Java runtime, whose command loop reads the end of input only
  // after the command before it returned; the other commands take no time.
  lines.on('close', () => (up ? chain.then(() => exit(0)) : exit(0)));
}

/** Runs a stack process. `stack` is the adapter; see README.md of this package. */
function run(args, stack) {
  const events = new EventOut(process.stdout.write.bind(process.stdout));
  // A library that prints to stdout must never corrupt the event stream: stdout now goes to stderr.
  process.stdout.write = process.stderr.write.bind(process.stderr);
  process.on('uncaughtException', (e) => process.stderr.write(`uncaught: ${describe(e)}\n${e && e.stack}\n`));
  process.on('unhandledRejection', (e) => process.stderr.write(`unhandled rejection: ${describe(e)}\n`));

  if (args.length === 0) {
    return usage('missing role');
  }
  let role;
  try {
    switch (args[0]) {
      case 'info':
        events.emit('info', info(stack));
        return exit(0);
      case 'server':
        role = new ServerRuntime(stack, parseServer(args.slice(1), stack.serverOptions), events);
        break;
      case 'client':
        role = new ClientRuntime(stack, parseClient(args.slice(1), stack.clientOptions), events, exit);
        break;
      default:
        return usage(`unknown role '${args[0]}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      return usage(e.message);
    }
    throw e;
  }
  const commands = new Commands(role, events);
  const started = role.start().then(() => undefined, (e) => {
    if (e instanceof UsageError) {
      usage(e.message);
    } else {
      process.stderr.write(`${stack.id}: could not start: ${describe(e)}\n${e && e.stack}\n`);
      exit(3);
    }
  });
  readCommands(started, () => commands);
}

module.exports = { run, info, Commands, USAGE };
