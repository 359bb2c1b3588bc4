'use strict';
// wsbed stack "ws": the ws 8 library (Node), server and client, behind the stack process contract.
//
//   node stack.js info | server [options] | client [options]     (options: docs/contract.md)
//
// Default profile: ws exactly as shipped: no heartbeat, no idle timeout (ws has none; any
// --idle-timeout-ms other than -1 is noted on stderr and ignored, as java-websocket does).
// Heartbeat profile:
//   server: the ping/pong "isAlive" recipe of ws's README: every --heartbeat-ms each client that
//           has not answered the previous ping is terminate()d, the others are pinged;
//   client: ws.ping() every --heartbeat-ms and a deadline: terminate() when no pong arrived
//           within --heartbeat-timeout-ms.
// Send: ws.send(text, callback); the callback reports the outcome (ok, or failed with its error).
// Reconnect: ws has none of its own (builtin_reconnect=false); the runtime's backoff reconnects.
// Install: npm ci (in this folder).

const path = require('node:path');
const fs = require('node:fs');
const http = require('node:http');
const { WebSocket, WebSocketServer } = require('ws');
const runtime = require('wsbed-runtime');

const { WsConnection } = runtime;

function wsVersion() {
  const file = path.join(path.dirname(require.resolve('ws')), 'package.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

function noteIdleTimeout(options) {
  if (options.idleTimeoutMs !== -1) {
    process.stderr.write(`ws: --idle-timeout-ms ${options.idleTimeoutMs} ignored: ws has no idle timeout\n`);
  }
}

class WsServerEngine {
  constructor() {
    // The heartbeat profile runs ws's own recipe (below), never the runtime's portable timer.
    this.hasBuiltinHeartbeat = true;
    this.interval = null;
    // The polling fallback's GET /poll: ws serves WebSocket only, so the engine makes the HTTP
    // server ws would make (426 for any other plain request, as ws answers) and adds that path.
    this.servesPoll = true;
    this.poll = null;
  }

  attachPoll(buffer) {
    this.poll = buffer;
  }

  start(options, listener) {
    noteIdleTimeout(options);
    return new Promise((resolve, reject) => {
      const server = http.createServer((req, res) => {
        const a = runtime.poll.answer(this.poll, req.method, req.url);
        if (a) {
          res.writeHead(a.status, a.headers);
          res.end(a.body);
          return;
        }
        const body = http.STATUS_CODES[426];
        res.writeHead(426, { 'Content-Length': body.length, 'Content-Type': 'text/plain' });
        res.end(body);
      });
      this.http = server;
      const wss = new WebSocketServer({ server, path: options.path });
      this.wss = wss;
      server.once('error', reject);
      wss.on('connection', (ws) => {
        const connection = new WsConnection(ws, listener);
        if (options.heartbeat) {
          // ws README, "How to detect and close broken connections?" (server side).
          ws.isAlive = true;
          ws.on('pong', () => { ws.isAlive = true; });
        }
        listener.onOpen(connection);
      });
      server.once('listening', () => {
        server.off('error', reject);
        wss.on('error', (e) => process.stderr.write(`ws server error: ${runtime.describe(e)}\n`));
        if (options.heartbeat) {
          this.interval = setInterval(() => {
            for (const ws of wss.clients) {
              if (ws.isAlive === false) {
                WsConnection.terminate(ws);
                continue;
              }
              ws.isAlive = false;
              ws.ping();
            }
          }, options.heartbeatMs);
        }
        resolve(server.address().port);
      });
      server.listen(options.port, options.host);
    });
  }

  /** Sockets still open after the runtime's bounded stop are dropped: wss.close() would wait for them. */
  close() {
    clearInterval(this.interval);
    if (!this.wss) {
      return undefined;
    }
    for (const ws of this.wss.clients) {
      ws.terminate();
    }
    this.wss.close();
    // Keep-alive poll connections would hold close() open.
    this.http.closeAllConnections();
    return new Promise((resolve) => this.http.close(() => resolve()));
  }
}

class WsClientEngine {
  constructor() {
    this.hasBuiltinReconnect = false;
    // The heartbeat profile runs a ping deadline on ws.ping(), never the runtime's portable timer.
    this.hasBuiltinHeartbeat = true;
    this.sockets = new Set();
  }

  start(options) {
    noteIdleTimeout(options);
    this.options = options;
  }

  connect(url, listener) {
    const o = this.options;
    return new Promise((resolve, reject) => {
      // wss: ws hands `ca` to tls.connect, which then trusts only --ca-file (host name checked).
      const ws = new WebSocket(url, { handshakeTimeout: o.connectTimeoutMs, ...(o.ca ? { ca: o.ca } : {}) });
      this.sockets.add(ws);
      let opened = false;
      const failBeforeOpen = (error) => {
        if (!opened) {
          reject(error);
        }
      };
      ws.once('error', failBeforeOpen);
      ws.once('close', (code) => failBeforeOpen(new Error(`closed before open (code ${code})`)));
      ws.once('open', () => {
        opened = true;
        ws.off('error', failBeforeOpen);
        const connection = new WsConnection(ws, listener);
        ws.once('close', () => this.sockets.delete(ws));
        if (o.heartbeat) {
          this.pingWithDeadline(ws, o);
        }
        listener.onOpen(connection);
        resolve();
      });
    });
  }

  /** ws.ping() every heartbeat interval; terminate() when no pong came within the timeout. */
  pingWithDeadline(ws, o) {
    let deadline;
    const arm = () => {
      clearTimeout(deadline);
      deadline = setTimeout(() => WsConnection.terminate(ws), o.heartbeatTimeoutMs);
    };
    arm();
    ws.on('pong', arm);
    const pinger = setInterval(() => ws.ping(), o.heartbeatMs);
    ws.once('close', () => {
      clearInterval(pinger);
      clearTimeout(deadline);
    });
  }

  close() {
    for (const ws of this.sockets) {
      ws.terminate();
    }
  }
}

const stack = {
  id: 'ws',
  name: 'ws 8 (Node)',
  protocol: 'websocket',
  version: wsVersion,
  heartbeat: 'server: the isAlive recipe of ws\'s README (ping every --heartbeat-ms, terminate() a client'
    + ' that has not answered the previous ping, so a dead peer goes after 1 to 2 intervals;'
    + ' --heartbeat-timeout-ms is not used); client: ws.ping() every --heartbeat-ms and terminate() when no'
    + ' pong came within --heartbeat-timeout-ms; the portable timer stays off',
  sendApi: 'WebSocket.send(text, callback) (the callback gets the error; no throw once open)',
  defaults() {
    const o = new WebSocketServer({ noServer: true }).options;
    return `no idle timeout (no such setting); no automatic ping; max message ${o.maxPayload} B (server);`
      + ` close handshake timeout ${o.closeTimeout} ms; permessage-deflate ${o.perMessageDeflate ? 'on' : 'off'}`
      + ' (server), offered by the client; replies to pings automatically'
      + ` (autoPong ${o.autoPong ? 'on' : 'off'})`;
  },
  newServer: () => new WsServerEngine(),
  newClient: () => new WsClientEngine(),
};

module.exports = { stack };

if (require.main === module) {
  runtime.run(process.argv.slice(2), stack);
}
