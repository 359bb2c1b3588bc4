'use strict';
// The runtime's connection over any socket with ws's API (ws itself, and the frameworks built on
// it: koa-websocket, express-ws). The runtime takes no dependency on ws: the socket is passed in.

const LOCAL = Symbol('wsbed.terminatedLocally');

class WsConnection {
  /**
   * @param ws a ws WebSocket (open)
   * @param listener the runtime's listener; gets this connection's message, pong, error and close
   */
  constructor(ws, listener) {
    this.ws = ws;
    ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        listener.onText(this, data.toString('utf8'));
      }
    });
    ws.on('pong', () => listener.onPong(this));
    ws.on('error', (error) => listener.onError(this, error));
    ws.on('close', (code, reason) => listener.onClose(this, code, reason.toString('utf8'), ws[LOCAL] === true));
  }

  /** Drops a socket on this side's decision (a heartbeat deadline): its close is reported as local. */
  static terminate(ws) {
    ws[LOCAL] = true;
    ws.terminate();
  }

  /** ws.send(text, callback): the callback reports the outcome; ws throws only while CONNECTING. */
  sendText(text, result) {
    this.ws.send(text, (error) => (error ? result.failed(error) : result.ok()));
  }

  sendPing() {
    this.ws.ping();
  }

  close(code, reason) {
    this.ws.close(code, reason);
  }

  abort() {
    WsConnection.terminate(this.ws);
  }
}

module.exports = { WsConnection };
