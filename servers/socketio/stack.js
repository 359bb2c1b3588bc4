'use strict';
// wsbed stack "socket.io": the socket.io 4 server and Node's socket.io-client 4 behind the stack
// process contract, protocol family socket.io (not wire-compatible with plain WebSocket).
//
//   node stack.js info | server [options] | client [options] [--transports polling,websocket|websocket,polling]
//
// Wire: the socket.io event "message" (socket.send) carrying the same JSON text as the WebSocket
// stacks ({"seq":N}, {"echo":N}). Server --path is socket.io's `path`; the client maps
// --url ws://h:p/path to io("http://h:p", { path }).
// Default profile: as shipped: pingInterval 25000 / pingTimeout 20000 (engine.io's own ping, always
// on) and the client's shipped reconnection policy when --reconnect builtin. Heartbeat profile:
// pingInterval = --heartbeat-ms, pingTimeout = --heartbeat-timeout-ms on the server; the client
// follows the values the server announces in its handshake. The runtime's portable timer stays off.
// Reconnect: builtin = socket.io-client's own reconnection (builtin_reconnect=true); none and backoff
// set reconnection:false and the runtime's backoff opens a new socket (forceNew).
// Close: socket.io has no close codes: close events carry code -1 and socket.io's disconnect reason
// ("transport close", "ping timeout", "io server disconnect", ...); `close <s> <code>` calls
// disconnect() (the server's disconnect(true) also closes the underlying connection), except that
// the server's 1001 (`stop`) closes the engine.io connection the way io.close() does at shutdown.
// Transports: the client's order (--transports, shipped: polling,websocket); a `transport` event
// names the transport carrying each session when it is known and again when it is upgraded.
// Send: socket.send(text): no outcome (silent); while disconnected the client buffers the message
// and delivers it after a (builtin) reconnect, the server drops it.
// Install: npm ci (in this folder).

const http = require('node:http');
const path = require('node:path');
const fs = require('node:fs');
const { Server } = require('socket.io');
const { io, Manager } = require('socket.io-client');
const runtime = require('wsbed-runtime');

function versionOf(pkg) {
  let dir = path.dirname(require.resolve(pkg));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    dir = path.dirname(dir);
  }
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

/** One socket.io socket (either side) as the runtime's connection. */
class SioConnection {
  constructor(socket, onDisconnect) {
    this.socket = socket;
    this.onDisconnect = onDisconnect;
  }

  /** socket.send() returns the socket and reports nothing: the outcome is silent. */
  sendText(text, result) {
    this.socket.send(text);
    result.silent();
  }

  /** engine.io pings by itself; the runtime's portable timer never runs for this stack. */
  sendPing() {}

  close(code) {
    this.onDisconnect(code);
  }

  abort() {
    this.onDisconnect(-1);
  }
}

class SioServerEngine {
  constructor() {
    this.hasBuiltinHeartbeat = true;
  }

  start(options, listener) {
    if (options.idleTimeoutMs !== -1) {
      process.stderr.write(`socket.io: --idle-timeout-ms ${options.idleTimeoutMs} ignored:`
        + ' socket.io has no idle timeout (only its ping)\n');
    }
    // socket.io answers its own path; any other request gets a 404 instead of no answer at all.
    const httpServer = http.createServer((req, res) => {
      res.writeHead(404);
      res.end();
    });
    const settings = { path: options.path };
    if (options.heartbeat) {
      settings.pingInterval = options.heartbeatMs;
      settings.pingTimeout = options.heartbeatTimeoutMs;
    }
    const server = new Server(httpServer, settings);
    this.httpServer = httpServer;
    this.io = server;
    server.on('connection', (socket) => {
      // 1001 (going away: what `stop` sends) closes the engine.io connection as io.close() does at
      // shutdown, so the client is told "transport close" and its reconnection runs; any other code
      // is the application's disconnect(true): "io server disconnect", after which socket.io-client
      // does not reconnect by design.
      const connection = new SioConnection(socket, (code) => (code === 1001 ? socket.conn.close() : socket.disconnect(true)));
      socket.on('message', (text) => {
        if (typeof text === 'string') {
          listener.onText(connection, text);
        }
      });
      socket.on('disconnect', (reason) => listener.onClose(connection, -1, reason));
      listener.onOpen(connection);
      listener.onTransport(connection, socket.conn.transport.name);
      socket.conn.on('upgrade', (transport) => listener.onTransport(connection, transport.name));
    });
    return new Promise((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port, options.host, () => {
        httpServer.off('error', reject);
        resolve(httpServer.address().port);
      });
    });
  }

  close() {
    if (!this.io) {
      return undefined;
    }
    return new Promise((resolve) => this.io.close(() => resolve()));
  }
}

class SioClientEngine {
  constructor() {
    this.hasBuiltinReconnect = true;
    this.hasBuiltinHeartbeat = true;
    this.sockets = new Set();
  }

  start(options) {
    if (options.idleTimeoutMs !== -1) {
      process.stderr.write(`socket.io: --idle-timeout-ms ${options.idleTimeoutMs} ignored:`
        + ' socket.io-client has no idle timeout (only the server\'s ping)\n');
    }
    this.options = options;
  }

  connect(url, listener) {
    const o = this.options;
    const builtin = o.reconnect === 'builtin';
    const socket = io(`${url.protocol === 'wss:' ? 'https' : 'http'}://${url.host}`, {
      path: url.pathname,
      // wss: engine.io-client passes `ca` to both transports' TLS (polling's https and the WebSocket).
      ...(o.ca ? { ca: o.ca } : {}),
      transports: o.transports.split(','),
      reconnection: builtin,
      timeout: o.connectTimeoutMs,
      forceNew: true,
    });
    this.sockets.add(socket);
    if (builtin) {
      // Announce each of socket.io-client's own attempts with its delay, as the runtime's backoff does.
      const backoff = socket.io.backoff;
      const duration = backoff.duration.bind(backoff);
      backoff.duration = () => {
        const delay = duration();
        listener.onReconnect(backoff.attempts, delay);
        return delay;
      };
    }
    return new Promise((resolve, reject) => {
      let settled = false;
      let connection = null;
      socket.on('connect', () => {
        connection = new SioConnection(socket, () => socket.disconnect());
        listener.onOpen(connection);
        const engine = socket.io.engine;
        listener.onTransport(connection, engine.transport.name);
        const current = connection;
        const upgraded = (transport) => listener.onTransport(current, transport.name);
        engine.on('upgrade', upgraded);
        socket.once('disconnect', () => engine.off('upgrade', upgraded));
        if (!settled) {
          settled = true;
          resolve();
        }
      });
      socket.on('message', (text) => {
        if (connection && typeof text === 'string') {
          listener.onText(connection, text);
        }
      });
      socket.on('disconnect', (reason) => {
        if (connection) {
          listener.onClose(connection, -1, reason);
        }
      });
      socket.on('connect_error', (error) => {
        if (!settled) {
          settled = true;
          if (!builtin) {
            socket.close();
            this.sockets.delete(socket);
          }
          reject(error);
        } else if (builtin) {
          listener.onConnectError(error);
        }
      });
    });
  }

  close() {
    for (const socket of this.sockets) {
      socket.close();
    }
  }
}

/**
 * The stack object; a variant (clients/socketio-wsfirst) changes the id, the name, the client's
 * default transports order and drops the server role.
 */
function makeStack({
  id = 'socket.io', name = 'socket.io 4 (Node)', transports = 'polling,websocket', server = true,
} = {}) {
  return {
    id,
    name,
    protocol: 'socket.io',
    version: () => versionOf(server ? 'socket.io' : 'socket.io-client'),
    heartbeat: 'engine.io\'s own ping (always on): the server pings every pingInterval and drops a client'
      + ' whose pong is later than pingTimeout; the client expects a ping within pingInterval + pingTimeout.'
      + ' Heartbeat profile: pingInterval = --heartbeat-ms, pingTimeout = --heartbeat-timeout-ms (server side;'
      + ' the client follows the server\'s handshake); the portable timer stays off',
    sendApi: 'socket.send(text) (no outcome: silent; the client buffers while disconnected)',
    serverOptions: {},
    clientOptions: {
      transports: runtime.oneOf('transports', transports, ['polling,websocket', 'websocket,polling']),
    },
    defaults() {
      const engineIo = require('engine.io');
      const e = new engineIo.Server().opts;
      const m = new Manager('http://127.0.0.1:1', { autoConnect: false });
      return `pingInterval ${e.pingInterval} ms, pingTimeout ${e.pingTimeout} ms (server);`
        + ` no idle timeout; max message ${e.maxHttpBufferSize} B; upgrade timeout ${e.upgradeTimeout} ms;`
        + ` transports ${e.transports.join(',')} (server), client order ${transports};`
        + ` client reconnection ${m.reconnection() ? 'on' : 'off'}: delay ${m.reconnectionDelay()} ms`
        + ` to ${m.reconnectionDelayMax()} ms, randomization ${m.randomizationFactor()},`
        + ` attempts ${m.reconnectionAttempts()}; connect timeout ${m.timeout()} ms`;
    },
    newServer: () => (server ? new SioServerEngine() : null),
    newClient: () => new SioClientEngine(),
  };
}

const stack = makeStack();

module.exports = { stack, makeStack, run: runtime.run };

if (require.main === module) {
  runtime.run(process.argv.slice(2), stack);
}
