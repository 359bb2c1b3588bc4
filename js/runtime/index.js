'use strict';
// wsbed-runtime: the shared runtime of wsbed's Node stacks, the way stack-api serves the Java ones.
// A stack only adapts its library; see README.md for the adapter's shape.

const { run, info } = require('./lib/main');
const { EventOut, describe, nowMicros } = require('./lib/events');
const { UsageError, oneOf } = require('./lib/options');
const { Backoff } = require('./lib/backoff');
const messages = require('./lib/messages');
const { WsConnection } = require('./lib/ws-connection');
const poll = require('./lib/poll');

module.exports = { run, info, EventOut, describe, nowMicros, UsageError, oneOf, Backoff, messages, WsConnection, poll };
