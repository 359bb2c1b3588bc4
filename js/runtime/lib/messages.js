'use strict';
// The numbered wire messages: {"seq":N} and {"echo":N}.

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

module.exports = { seq, echo, seqOf, echoOf };
