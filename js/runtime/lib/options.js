'use strict';
// The contract's server and client options, read strictly as stack-api's OptionReader does:
// unknown, repeated or valueless options are errors (UsageError -> exit 2 with one line on stderr).
// A stack may add options of its own (`extra`: name -> { fallback, parse(raw) }).

class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UsageError';
  }
}

const SERVER_NAMES = ['host', 'port', 'path', 'tick-ms', 'heartbeat-ms', 'heartbeat-timeout-ms', 'idle-timeout-ms'];
const CLIENT_NAMES = ['url', 'send-ms', 'heartbeat-ms', 'heartbeat-timeout-ms', 'reconnect', 'idle-timeout-ms',
  'connect-timeout-ms', 'seed', 'connections', 'ca-file', 'poll-ms'];
/** The default of --poll-ms (the polling fallback's interval). */
const DEFAULT_POLL_MS = 250;
const HOUR_MS = 3600000;
const DAY_MS = 86400000;

class OptionReader {
  constructor(args, known) {
    this.values = new Map();
    for (let i = 0; i < args.length; i++) {
      const name = args[i];
      if (!name.startsWith('--')) {
        throw new UsageError(`unexpected argument '${name}'; options look like --name value`);
      }
      const key = name.substring(2);
      if (!known.includes(key)) {
        throw new UsageError(`unknown option '${name}'; known: --${[...known].sort().join(', --')}`);
      }
      if (i + 1 >= args.length) {
        throw new UsageError(`option '${name}' needs a value`);
      }
      if (this.values.has(key)) {
        throw new UsageError(`option '${name}' given twice`);
      }
      this.values.set(key, args[++i]);
    }
  }

  string(key, fallback) {
    return this.values.has(key) ? this.values.get(key) : fallback;
  }

  number(key, fallback, min, max) {
    const raw = this.values.get(key);
    if (raw === undefined) {
      return fallback;
    }
    if (!/^[+-]?\d{1,18}$/.test(raw)) {
      throw new UsageError(`option '--${key}' needs a whole number, got '${raw}'`);
    }
    const value = Number(raw);
    if (value < min || value > max) {
      throw new UsageError(`option '--${key}' must be between ${min} and ${max}, got ${value}`);
    }
    return value;
  }

  extras(extra) {
    const out = {};
    for (const [name, spec] of Object.entries(extra)) {
      const raw = this.values.get(name);
      out[camel(name)] = raw === undefined ? spec.fallback : spec.parse(raw);
    }
    return out;
  }
}

function camel(name) {
  return name.replace(/-([a-z])/g, (m, c) => c.toUpperCase());
}

function checkHeartbeat(intervalMs, timeoutMs) {
  if ((intervalMs === 0) !== (timeoutMs === 0)) {
    throw new UsageError('--heartbeat-ms and --heartbeat-timeout-ms go together: both 0 (off) or both set');
  }
  if (intervalMs > 0 && timeoutMs <= intervalMs) {
    throw new UsageError(`--heartbeat-timeout-ms (${timeoutMs}) must be longer than --heartbeat-ms (${intervalMs})`);
  }
}

/** Parses the options after the `server` word. */
function parseServer(args, extra = {}) {
  const r = new OptionReader(args, [...SERVER_NAMES, ...Object.keys(extra)]);
  const path = r.string('path', '/ws');
  if (!path.startsWith('/')) {
    throw new UsageError(`option '--path' must start with '/', got '${path}'`);
  }
  const heartbeatMs = r.number('heartbeat-ms', 0, 0, HOUR_MS);
  const heartbeatTimeoutMs = r.number('heartbeat-timeout-ms', 0, 0, HOUR_MS);
  checkHeartbeat(heartbeatMs, heartbeatTimeoutMs);
  return {
    host: r.string('host', '127.0.0.1'),
    port: r.number('port', 0, 0, 65535),
    path,
    tickMs: r.number('tick-ms', 0, 0, HOUR_MS),
    heartbeatMs,
    heartbeatTimeoutMs,
    idleTimeoutMs: r.number('idle-timeout-ms', -1, -1, DAY_MS),
    heartbeat: heartbeatMs > 0,
    ...r.extras(extra),
  };
}

function parseUrl(raw) {
  if (raw === undefined) {
    throw new UsageError("option '--url' is required, for example --url ws://127.0.0.1:8080/ws");
  }
  let url;
  try {
    url = new URL(raw);
  } catch (e) {
    throw new UsageError(`option '--url' is not a URI: ${e.message}`);
  }
  if (!['ws:', 'wss:'].includes(url.protocol) || !url.hostname || !url.port) {
    throw new UsageError(`option '--url' must look like ws://host:port/path or wss://host:port/path, got '${raw}'`);
  }
  return url;
}

/** --ca-file: the PEM text a wss:// client trusts instead of Node's bundled CAs; null when not given. */
function parseCaFile(raw, url) {
  if (raw === undefined) {
    return null;
  }
  if (url.protocol !== 'wss:') {
    throw new UsageError("option '--ca-file' goes with a wss:// URL only");
  }
  try {
    return require('fs').readFileSync(raw, 'utf8');
  } catch (e) {
    throw new UsageError(`option '--ca-file': cannot read '${raw}' (${e.code || e.message})`);
  }
}

function parseSeed(raw) {
  if (raw === undefined) {
    return process.hrtime.bigint();
  }
  if (!/^[+-]?\d{1,20}$/.test(raw)) {
    throw new UsageError(`option '--seed' needs a whole number, got '${raw}'`);
  }
  const seed = BigInt(raw);
  if (seed !== BigInt.asIntN(64, seed)) {
    throw new UsageError(`option '--seed' must fit in 64 bits, got ${raw}`);
  }
  return seed;
}

/** Parses the options after the `client` word. */
function parseClient(args, extra = {}) {
  const r = new OptionReader(args, [...CLIENT_NAMES, ...Object.keys(extra)]);
  const url = parseUrl(r.string('url', undefined));
  const reconnect = r.string('reconnect', 'none');
  if (!['none', 'backoff', 'builtin', 'poll-fallback'].includes(reconnect)) {
    throw new UsageError(`option '--reconnect' must be none, backoff, builtin or poll-fallback, got '${reconnect}'`);
  }
  const pollMs = r.number('poll-ms', DEFAULT_POLL_MS, 1, HOUR_MS);
  if (r.values.has('poll-ms') && reconnect !== 'poll-fallback') {
    throw new UsageError("option '--poll-ms' goes with --reconnect poll-fallback");
  }
  const heartbeatMs = r.number('heartbeat-ms', 0, 0, HOUR_MS);
  const heartbeatTimeoutMs = r.number('heartbeat-timeout-ms', 0, 0, HOUR_MS);
  checkHeartbeat(heartbeatMs, heartbeatTimeoutMs);
  return {
    url,
    sendMs: r.number('send-ms', 0, 0, HOUR_MS),
    heartbeatMs,
    heartbeatTimeoutMs,
    reconnect,
    idleTimeoutMs: r.number('idle-timeout-ms', -1, -1, DAY_MS),
    connectTimeoutMs: r.number('connect-timeout-ms', 3000, 1, 600000),
    seed: parseSeed(r.string('seed', undefined)),
    connections: r.number('connections', 1, 1, 10000),
    pollMs,
    heartbeat: heartbeatMs > 0,
    ca: parseCaFile(r.string('ca-file', undefined), url),
    ...r.extras(extra),
  };
}

/** An extra option whose value is one of a fixed list of words. */
function oneOf(name, fallback, allowed) {
  return {
    fallback,
    parse(raw) {
      if (!allowed.includes(raw)) {
        throw new UsageError(`option '--${name}' must be ${allowed.join(' or ')}, got '${raw}'`);
      }
      return raw;
    },
  };
}

module.exports = { UsageError, parseServer, parseClient, oneOf };
