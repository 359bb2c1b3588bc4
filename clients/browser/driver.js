'use strict';
// The browser client stacks' process (chromium, firefox): implements the stack process contract
// (docs/contract.md) around one headless browser driven by puppeteer-core. The application runs in
// the page (page-app.js: new WebSocket, its four handlers, send, timers); this process only
// launches the browser, relays the page's time-stamped events to stdout as event lines, relays
// stdin commands into the page, and takes the browser along when it ends.
//
// Modules come from the calling stack folder (clients/chromium, clients/firefox), which has the
// node_modules: this folder holds no package and requires only Node's own modules.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const { execFile, execFileSync } = require('node:child_process');

const LAUNCHER = path.join(__dirname, 'launch.sh');
const PAGE_APP = path.join(__dirname, 'page-app.js');
/** Marks the page's event lines among console entries (the Firefox relay). */
const RELAY_PREFIX = '\u241Fwsbed ';
/** Bounds: the browser's start, a page call, the graceful stop. */
const LAUNCH_TIMEOUT_MS = 30000;
const STOP_WAIT_MS = 2000;
/** How long after a send on a socket that is not open the console and window.onerror are watched. */
const OBSERVE_MS = 50;
/** How much earlier than the page's sent line the console entry of the same send may arrive. */
const LEAD_MS = 10;

const HEARTBEAT = 'application level (page JS can neither send a WebSocket ping nor see a pong; the'
  + ' browser answers the server\'s pings by itself): every --heartbeat-ms the page sends a numbered'
  + ' {"seq":N} (a sent event with heartbeat true), which every server answers with {"echo":N}, and a'
  + ' session from which no message at all arrived for more than --heartbeat-timeout-ms is declared dead:'
  + ' error HeartbeatTimeout, ws.close(), and with backoff a new WebSocket';
const SEND_API = 'WebSocket.send(text) in the page: returns nothing; throws only while CONNECTING;'
  + ' outcome ok = queued on an OPEN socket, silent = send() returned on a CLOSING/CLOSED socket;'
  + ' the sent event adds ready_state, buffered_before/after and caught_by_try_catch';

/**
 * Chromium's trust of --ca-file: --ignore-certificate-errors-spki-list with the base64 SHA-256 of
 * the certificate's public key, which waives the errors of a chain holding exactly that key and no
 * other (it needs a user data dir, which the driver always gives). Nothing without --ca-file.
 */
function tlsArgs(spec, o) {
  if (!o.ca || spec.browser !== 'chrome') {
    return [];
  }
  const crypto = require('node:crypto');
  const spki = new crypto.X509Certificate(o.ca).publicKey.export({ type: 'spki', format: 'der' });
  return [`--ignore-certificate-errors-spki-list=${crypto.createHash('sha256').update(spki).digest('base64')}`];
}

/**
 * @param argv process.argv.slice(2)
 * @param spec { id, name, browser ('chrome'|'firefox'), executable, label, args (launch flags),
 *               puppeteer, runtime (wsbed-runtime), options (wsbed-runtime/lib/options),
 *               runtimeFile(name): the path of wsbed-runtime/lib/<name> }
 */
function run(argv, spec) {
  const { EventOut, describe } = spec.runtime;
  const events = new EventOut(process.stdout.write.bind(process.stdout));
  // puppeteer or a browser that prints to stdout must never corrupt the event stream.
  process.stdout.write = process.stderr.write.bind(process.stderr);

  const usage = (problem) => {
    process.stderr.write(`${spec.id}: ${problem}; usage: client --url ws[s]://host:port/path [options of docs/contract.md] | info\n`);
    process.exit(2);
  };
  if (argv[0] === 'info') {
    events.emit('info', info(spec));
    process.exit(0);
  }
  if (argv[0] === 'server') {
    usage('a browser is a client only');
  }
  if (argv[0] !== 'client') {
    usage(argv.length ? `unknown role '${argv[0]}'` : 'missing role');
  }
  let options;
  try {
    options = spec.options.parseClient(argv.slice(1));
  } catch (e) {
    if (e instanceof spec.options.UsageError) {
      usage(e.message);
    }
    throw e;
  }
  if (options.reconnect === 'builtin') {
    usage('browsers have no built-in reconnect (the page must create a new WebSocket); use --reconnect backoff or none');
  }
  if (options.idleTimeoutMs !== -1) {
    process.stderr.write(`${spec.id}: --idle-timeout-ms ${options.idleTimeoutMs} ignored: a browser WebSocket has no idle timeout\n`);
  }
  new BrowserClient(spec, options, events, describe).start();
}

function browserVersion(spec) {
  try {
    const out = execFileSync(spec.executable, ['--version'], { timeout: 10000, stdio: ['ignore', 'pipe', 'ignore'] });
    const m = /(\d+\.\d+[\w.]*)/.exec(out.toString());
    return m ? m[1] : out.toString().trim();
  } catch (e) {
    return `not installed (${spec.executable})`;
  }
}

function puppeteerVersion(spec) {
  try {
    const file = path.join(path.dirname(require.resolve('puppeteer-core/package.json', { paths: [spec.dir] })), 'package.json');
    return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  } catch (e) {
    return '?';
  }
}

/** The version line, from the binary's --version (given, or read now). */
function versionOf(spec, binaryVersion = browserVersion(spec)) {
  return `${spec.label} ${binaryVersion} (puppeteer-core ${puppeteerVersion(spec)},`
    + ` ${spec.browser === 'firefox' ? 'WebDriver BiDi' : 'CDP'})`;
}

/** browserVersion without blocking: read while the browser starts. */
function browserVersionLater(spec) {
  return new Promise((resolve) => {
    execFile(spec.executable, ['--version'], { timeout: 10000 }, (error, out) => {
      const m = error ? null : /(\d+\.\d+[\w.]*)/.exec(String(out));
      resolve(m ? m[1] : browserVersion(spec));
    });
  });
}

function info(spec) {
  return {
    stack: spec.id,
    name: spec.name,
    version: versionOf(spec),
    roles: 'client',
    heartbeat: HEARTBEAT,
    send_api: SEND_API,
    builtin_reconnect: false,
    defaults: 'no idle timeout (a browser WebSocket has none); no automatic ping from the page (the browser'
      + ' answers pings); largest message: the browser\'s own, not exposed; headless, launch flags: '
      + spec.args.join(' '),
    contract: 1,
    protocol: 'websocket',
    // The polling fallback runs in the page with fetch (js/runtime's poll.js, loaded unchanged).
    poll_fallback: true,
  };
}

class BrowserClient {
  constructor(spec, options, events, describe) {
    this.spec = spec;
    this.options = options;
    this.events = events;
    this.describe = describe;
    this.browser = null;
    this.page = null;
    this.open = new Set();
    this.consoleLog = [];
    this.exiting = false;
    this.stopping = null;
    this.pending = new Set();
    this.windowErrors = [];
  }

  start() {
    const started = this.launch().catch((e) => {
      process.stderr.write(`${this.spec.id}: could not start the browser: ${this.describe(e)}\n${e && e.stack}\n`);
      this.exit(3);
    });
    this.readCommands(started);
    process.on('uncaughtException', (e) => process.stderr.write(`uncaught: ${this.describe(e)}\n${e && e.stack}\n`));
    process.on('unhandledRejection', (e) => process.stderr.write(`unhandled rejection: ${this.describe(e)}\n`));
  }

  async launch() {
    const spec = this.spec;
    const t0 = Date.now();
    this.profile = freshProfile(spec.id);
    const binaryVersion = browserVersionLater(spec);
    const launchOptions = {
      browser: spec.browser,
      userDataDir: this.profile,
      executablePath: LAUNCHER,
      env: { ...process.env, WSBED_BROWSER: spec.executable },
      headless: true,
      args: [...spec.args, ...tlsArgs(spec, this.options)],
      timeout: LAUNCH_TIMEOUT_MS,
      // No network or issue monitoring: with it, CDP streams every WebSocket frame, payload
      // included, to this process (a 16 MiB message held the relay of the page's events back).
      networkEnabled: false,
      issuesEnabled: false,
      // The stack handles its own signals; stdin EOF and exit take the browser along (below).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    };
    if (this.options.ca && spec.browser === 'firefox') {
      // Firefox (WebDriver BiDi) has no flag that trusts one key: the session accepts any
      // certificate error instead (acceptInsecureCerts), which on 127.0.0.1 only meets --ca-file's.
      launchOptions.acceptInsecureCerts = true;
    }
    if (spec.browser === 'chrome') {
      // CDP over a pipe: Chromium also ends when the pipe closes (its parent gone).
      launchOptions.pipe = true;
    }
    this.browser = await spec.puppeteer.launch(launchOptions);
    this.browserProcess = this.browser.process();
    this.browser.on('disconnected', () => this.browserGone('the browser disconnected (crashed or was killed)'));
    const pages = await this.browser.pages();
    this.page = pages.length ? pages[0] : await this.browser.newPage();
    const page = this.page;
    page.on('console', (m) => this.onConsole(m));
    // An error-level script entry of the log (Firefox reports a failed WebSocket connection so);
    // puppeteer calls it pageerror. window.onerror is watched separately (window_error lines).
    page.on('pageerror', (e) => this.logged('error', String(e && e.message !== undefined ? e.message : e), null, 'script error entry'));
    page.on('error', (e) => this.browserGone(`the page crashed: ${this.describe(e)}`));
    if (spec.browser === 'firefox') {
      // Over BiDi an exposed function costs several round trips per call (the page's events reached
      // stdout 60 ms late, 145 ms at worst); a console entry is one event, about a millisecond.
      await page.evaluate((prefix) => {
        window.wsbedEmit = (line) => console.debug(prefix + line);
      }, RELAY_PREFIX);
    } else {
      await page.exposeFunction('wsbedEmit', (line) => this.onPageLine(line));
    }
    // The runtime's backoff.js, messages.js and poll.js, unchanged, as page modules (they need nothing of Node).
    const asModule = (file) => `(function () { const module = { exports: {} }; const exports = module.exports;\n${
      fs.readFileSync(file, 'utf8')}\nreturn module.exports; })()`;
    await page.evaluate(`${fs.readFileSync(PAGE_APP, 'utf8')}\n;window.wsbedModules = { backoff: ${
      asModule(spec.runtimeFile('backoff.js'))}, messages: ${asModule(spec.runtimeFile('messages.js'))}, poll: ${
      asModule(spec.runtimeFile('poll.js'))} };`);
    const o = this.options;
    const config = {
      url: o.url.href, sendMs: o.sendMs, heartbeatMs: o.heartbeatMs, heartbeatTimeoutMs: o.heartbeatTimeoutMs,
      reconnect: o.reconnect, connectTimeoutMs: o.connectTimeoutMs, connections: o.connections, seed: String(o.seed),
      pollMs: o.pollMs,
    };
    // The first call of a function into the page costs puppeteer some 100 ms; pay it before ready,
    // not on the first stdin command.
    await page.evaluate((l) => typeof window.wsbedCommand === 'function' && l === '', '');
    this.events.emit('ready', {
      stack: spec.id, version: versionOf(spec, await binaryVersion), role: 'client',
      connections: o.connections > 1 ? o.connections : null,
      browser_start_ms: Date.now() - t0,
    });
    await page.evaluate((c) => window.wsbedStart(c, window.wsbedModules), config);
  }

  /** One event from the page: written with the page's own time stamp. */
  onPageLine(line) {
    let e;
    try {
      e = JSON.parse(line);
    } catch (err) {
      process.stderr.write(`bad line from the page: ${line}\n`);
      return;
    }
    const { t, ev, ...fields } = e;
    if (ev === '_exit') {
      process.stderr.write(`${fields.why}\n`);
      this.exit(fields.code);
      return;
    }
    if (this.exiting) {
      return;
    }
    this.events.emitAt(t, ev, fields);
    if (ev === 'open') {
      this.open.add(fields.session);
    } else if ((ev === 'close' || ev === 'error') && fields.session) {
      this.open.delete(fields.session);
    } else if (ev === 'sent' && fields.outcome !== 'ok') {
      this.observe(fields);
    } else if (ev === 'window_error') {
      this.windowErrors.push({ at: Date.now(), via: fields.via, message: fields.message });
    }
  }

  /** A console entry (Chromium: CDP Log.entryAdded and console API; Firefox: BiDi log.entryAdded). */
  onConsole(m) {
    const text = m.text();
    if (text.startsWith(RELAY_PREFIX)) {
      this.onPageLine(text.slice(RELAY_PREFIX.length));
      return;
    }
    const loc = m.location ? m.location() : {};
    this.logged(m.type(), text, loc && loc.url ? loc.url : null, null);
  }

  logged(level, text, url, kind) {
    this.consoleLog.push({ at: Date.now(), level, text });
    if (!this.unloading && !this.exiting) {
      this.events.emit('console', { level, text, kind, url });
    }
  }

  /**
   * After a send on a socket that was not open: did the browser log anything, and did window.onerror
   * or a window error listener fire? One `observation` event joins what was seen.
   */
  observe(sent) {
    const now = Date.now();
    // A console entry may arrive a little before the page's sent line; the previous send's window
    // ends where this one begins.
    const pending = { sent, from: now - LEAD_MS, until: now + OBSERVE_MS };
    for (const p of this.pending) {
      p.until = Math.min(p.until, pending.from);
    }
    pending.timer = setTimeout(() => this.report(pending), OBSERVE_MS);
    this.pending.add(pending);
  }

  /** The observation line of one send (at once when the process is about to end). */
  report(pending) {
    if (!this.pending.delete(pending)) {
      return;
    }
    clearTimeout(pending.timer);
    const { sent } = pending;
    const within = (x) => x.at >= pending.from && x.at < pending.until;
    const logged = this.consoleLog.filter(within);
    const caught = this.windowErrors.filter(within);
    this.events.emit('observation', {
      session: sent.session,
      seq: sent.seq,
      what: 'send on a socket that was not open',
      outcome: sent.outcome,
      console: logged.length ? logged.map((c) => `${c.level}: ${c.text}`).join(' | ') : 'nothing logged',
      caught_by_try_catch: sent.caught_by_try_catch,
      window_onerror: caught.length ? caught.map((w) => `${w.via}: ${w.message}`).join(' | ') : 'not called',
    });
  }

  flushObservations() {
    [...this.pending].forEach((p) => this.report(p));
  }

  /** stdin: commands in order once the page runs; EOF exits at once, taking the browser along. */
  readCommands(started) {
    let chain = started;
    const lines = readline.createInterface({ input: process.stdin, terminal: false });
    lines.on('line', (raw) => {
      const line = raw.trim();
      if (line === '') {
        return;
      }
      chain = chain.then(() => this.command(line)).catch((e) => {
        process.stderr.write(`command '${line}' failed: ${this.describe(e)}\n`);
      });
    });
    lines.on('close', () => {
      if (!this.exiting) {
        this.flushObservations();
      }
      return this.stopping ? this.stopping.then(() => this.exit(0)) : this.exit(0);
    });
  }

  async command(line) {
    if (this.exiting) {
      return;
    }
    if (line === 'stop' || line.startsWith('stop ')) {
      this.stopping = this.stopping || this.stop();
      return this.stopping;
    }
    if (!this.page) {
      return;
    }
    await this.page.evaluate((l) => window.wsbedCommand(l), line);
  }

  /**
   * Graceful stop: page JS may close only with 1000 or 3000-4999, so the page is unloaded
   * instead, and the browser closes its sockets with 1001 "going away" as it does for a tab
   * that navigates away. The page's own close events are lost with the page.
   */
  async stop() {
    this.flushObservations();
    if (this.page) {
      try {
        await withTimeout(this.page.evaluate(() => window.wsbedPrepareStop()), STOP_WAIT_MS);
        this.unloading = true;
        await withTimeout(this.page.goto('about:blank'), STOP_WAIT_MS);
      } catch (e) {
        process.stderr.write(`stop: ${this.describe(e)}\n`);
      }
    }
    this.exiting = true;
    try {
      await withTimeout(this.browser ? this.browser.close() : Promise.resolve(), STOP_WAIT_MS);
    } catch (e) {
      process.stderr.write(`stop: browser close: ${this.describe(e)}\n`);
    }
    this.events.emit('stopped');
    this.exit(0);
  }

  browserGone(why) {
    if (this.exiting) {
      return;
    }
    this.exiting = true;
    const sessions = [...this.open];
    for (const session of sessions) {
      this.events.emit('error', { session, error: `BrowserGone: ${why}` });
    }
    if (sessions.length === 0) {
      this.events.emit('error', { error: `BrowserGone: ${why}` });
    }
    this.exit(3);
  }

  /** Exits, killing the browser's process group first (puppeteer starts it as a group leader). */
  exit(code) {
    this.exiting = true;
    const p = this.browserProcess;
    if (p && p.pid && p.exitCode === null) {
      try {
        process.kill(-p.pid, 'SIGKILL');
      } catch (e) {
        try {
          p.kill('SIGKILL');
        } catch (e2) {
          // already gone
        }
      }
    }
    if (this.profile) {
      try {
        fs.rmSync(this.profile, { recursive: true, force: true });
      } catch (e) {
        // the next start of this stack sweeps it
      }
    }
    process.exit(code);
  }
}

/**
 * A profile directory of our own (puppeteer's temporary one outlives a SIGKILLed process):
 * wsbed-<id>-<pid>-XXXXXX in the temp folder, removed at exit; those of processes that no longer
 * run are swept here.
 */
function freshProfile(id) {
  const prefix = `wsbed-${id}-`;
  for (const name of fs.readdirSync(os.tmpdir())) {
    const m = name.startsWith(prefix) && /^(\d+)-/.exec(name.slice(prefix.length));
    if (m && !alive(Number(m[1]))) {
      fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  }
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}${process.pid}-`));
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

module.exports = { run, info, HEARTBEAT };
