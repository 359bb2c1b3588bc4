'use strict';
// wsbed stack "socket.io-ws-first": Node's socket.io-client 4 (client only) with the transports in
// the order websocket,polling, so a session starts on WebSocket instead of the shipped long-polling
// first. Everything else is the socket.io stack of servers/socketio (this file only names the
// variant); its node_modules are the ones installed there.
//
//   node stack.js info | client [options]     (options: docs/contract.md)
//
// Install: npm ci in servers/socketio.

const { makeStack, run } = require('../../servers/socketio/stack.js');

const stack = makeStack({
  id: 'socket.io-ws-first',
  name: 'socket.io-client 4 (Node), websocket first',
  transports: 'websocket,polling',
  server: false,
});

if (require.main === module) {
  run(process.argv.slice(2), stack);
}
