'use strict';
// wsbed stack "koa-websocket": the classic Koa + koa-route + koa-websocket app (server only),
// behind the stack process contract.
//
//   node stack.js info | server [options]     (options: docs/contract.md)
//
// The app keeps the shape of koa-websocket's README demo:
//   const app = websockify(new Koa());
//   app.ws.use(route.all(path, (ctx) => { ctx.websocket.on('message', ...) }));
//   app.listen(port, host);
// koa-websocket hands the HTTP server to a ws WebSocketServer that upgrades requests on every path;
// the route decides which sockets the app serves (a socket on another path stays open, unserved).
// Default profile: as shipped: no heartbeat, no idle timeout (ws has none; --idle-timeout-ms other
// than -1 is noted on stderr and ignored). Heartbeat profile: koa-websocket has no ping of its own,
// so the runtime's portable timer pings (ctx.websocket.ping()) and drops a peer silent for
// --heartbeat-timeout-ms. Send: ctx.websocket.send(text, callback).
// Install: npm ci (in this folder).

const path = require('node:path');
const fs = require('node:fs');
const Koa = require('koa');
const route = require('koa-route');
const websockify = require('koa-websocket');
const runtime = require('wsbed-runtime');

const { WsConnection } = runtime;

function versionOf(pkg) {
  let dir = path.dirname(require.resolve(pkg));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    dir = path.dirname(dir);
  }
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

class KoaServerEngine {
  constructor() {
    this.hasBuiltinHeartbeat = false;
    // The polling fallback's GET /poll: one Koa middleware on the same port (any other plain
    // request keeps Koa's 404).
    this.servesPoll = true;
    this.poll = null;
  }

  attachPoll(buffer) {
    this.poll = buffer;
  }

  start(options, listener) {
    if (options.idleTimeoutMs !== -1) {
      process.stderr.write(`koa-websocket: --idle-timeout-ms ${options.idleTimeoutMs} ignored:`
        + ' koa-websocket (ws) has no idle timeout\n');
    }
    const app = websockify(new Koa());
    app.use(async (ctx, next) => {
      const a = runtime.poll.answer(this.poll, ctx.method, ctx.url);
      if (!a) {
        await next();
        return;
      }
      ctx.status = a.status;
      ctx.set(a.headers);
      ctx.body = a.body;
    });
    app.ws.use(route.all(options.path, (ctx) => {
      // The demo's handler: the app talks to ctx.websocket, a ws WebSocket.
      listener.onOpen(new WsConnection(ctx.websocket, listener));
    }));
    this.app = app;
    return new Promise((resolve, reject) => {
      const server = app.listen(options.port, options.host);
      server.once('error', reject);
      server.once('listening', () => {
        server.off('error', reject);
        resolve(server.address().port);
      });
    });
  }

  close() {
    if (!this.app || !this.app.server) {
      return undefined;
    }
    for (const ws of this.app.ws.server.clients) {
      ws.terminate();
    }
    this.app.ws.server.close();
    // Keep-alive poll connections would hold close() open.
    this.app.server.closeAllConnections();
    return new Promise((resolve) => this.app.server.close(() => resolve()));
  }
}

const stack = {
  id: 'koa-websocket',
  name: 'Koa + koa-websocket (Node, ws)',
  protocol: 'websocket',
  version: () => `${versionOf('koa-websocket')} (koa ${versionOf('koa')}, ws ${versionOf('ws')})`,
  heartbeat: 'koa-websocket has no ping of its own: the runtime\'s portable timer pings with'
    + ' ctx.websocket.ping() every --heartbeat-ms and drops a peer silent for --heartbeat-timeout-ms',
  sendApi: 'ctx.websocket.send(text, callback) (ws: the callback gets the error; no throw once open)',
  defaults() {
    const ws = require('ws');
    const o = new ws.WebSocketServer({ noServer: true }).options;
    return `no idle timeout (no such setting); no automatic ping; max message ${o.maxPayload} B;`
      + ` close handshake timeout ${o.closeTimeout} ms; permessage-deflate ${o.perMessageDeflate ? 'on' : 'off'};`
      + ' upgrades on every path (the route picks the served ones)';
  },
  newServer: () => new KoaServerEngine(),
  newClient: () => null,
};

module.exports = { stack };

if (require.main === module) {
  runtime.run(process.argv.slice(2), stack);
}
