'use strict';
// The numbered wire messages: {"seq":N} and {"echo":N}; the padded ones of the `big` command
// ({"seq":N,"pad":"xx..."}, exactly N bytes, so its seq is its size); and the `flood` command's
// {"flood":N,"pad":"xx..."}, which no receiver reports.

const NUMBERED = /^\{\s*"(seq|echo)"\s*:\s*(\d{1,15})\s*\}$/;

function seq(n) {
  return '{"seq":' + n + '}';
}

function echo(n) {
  return '{"echo":' + n + '}';
}

function numberOf(text, kind) {
  if (typeof text !== 'string' || text.length > 64) {
    return -1;
  }
  const m = NUMBERED.exec(text.trim());
  return m && m[1] === kind ? Number(m[2]) : -1;
}

/** The number of a {"seq":N} message, or -1. */
function seqOf(text) {
  return numberOf(text, 'seq');
}

/** The number of a {"echo":N} message, or -1. */
function echoOf(text) {
  return numberOf(text, 'echo');
}

const BIG_HEAD = '{"seq":';
const PAD_HEAD = ',"pad":"';
const PAD_TAIL = '"}';
/** The last padded message built: sending one size again (or to every session) builds nothing. */
let lastBig = '';

function padded(head, bytes) {
  const pad = bytes - head.length - PAD_HEAD.length - PAD_TAIL.length;
  if (pad < 0) {
    throw new RangeError(`a padded message cannot be ${bytes} bytes; it needs ${bytes - pad}`);
  }
  return head + PAD_HEAD + 'x'.repeat(pad) + PAD_TAIL;
}

/** A `big` message of exactly `bytes` bytes (ASCII): {"seq":<bytes>,"pad":"xx..."}. */
function big(bytes) {
  if (lastBig.length !== bytes) {
    lastBig = padded(BIG_HEAD + bytes, bytes);
  }
  return lastBig;
}

/** A `flood` message of exactly `bytes` bytes: {"flood":N,"pad":"xx..."}. */
function flood(n, bytes) {
  return padded('{"flood":' + n, bytes);
}

/** The smallest size big(bytes) can build (the padding can be empty, the number cannot). */
function minBig(bytes) {
  return BIG_HEAD.length + String(bytes).length + PAD_HEAD.length + PAD_TAIL.length;
}

/** The seq of a padded `big` message (longer than a plain numbered one), or -1; reads only the head. */
function bigSeqOf(text) {
  if (typeof text !== 'string' || text.length <= 64 || !text.startsWith(BIG_HEAD)) {
    return -1;
  }
  const end = text.indexOf(',', BIG_HEAD.length);
  if (end < 0 || end - BIG_HEAD.length > 15 || !text.startsWith(PAD_HEAD, end)) {
    return -1;
  }
  const digits = text.substring(BIG_HEAD.length, end);
  return /^\d+$/.test(digits) ? Number(digits) : -1;
}

module.exports = { seq, echo, seqOf, echoOf, big, flood, minBig, bigSeqOf };
