'use strict';
// The contract's reconnect policy: 100 ms initial delay, doubled per attempt, capped at 2 s, jitter
// 0.5 (drawn uniformly from [base * 0.5, base * 1.5], then capped), unlimited attempts. Seeded with
// the same generator as java.util.Random, so a seed gives the Java runtime's delays too.

const INITIAL_MS = 100;
const MAX_MS = 2000;
const JITTER = 0.5;

const MULTIPLIER = 0x5DEECE66Dn;
const MASK = (1n << 48n) - 1n;

/** java.util.Random's 48-bit linear congruential generator, enough of it for nextDouble(). */
class JavaRandom {
  constructor(seed) {
    this.state = (BigInt.asIntN(64, BigInt(seed)) ^ MULTIPLIER) & MASK;
  }

  next(bits) {
    this.state = (this.state * MULTIPLIER + 0xBn) & MASK;
    return Number(this.state >> BigInt(48 - bits));
  }

  nextDouble() {
    return (this.next(26) * 2 ** 27 + this.next(27)) / 2 ** 53;
  }
}

class Backoff {
  /** @param seed an integer, a BigInt or a decimal string (64-bit, as Java's --seed) */
  constructor(seed) {
    this.random = new JavaRandom(seed);
  }

  /** Delay before attempt number `attempt` (1-based). */
  delayMs(attempt) {
    if (!(attempt >= 1)) {
      throw new RangeError('attempt is 1-based, got ' + attempt);
    }
    const base = Math.min(INITIAL_MS * 2 ** Math.min(attempt - 1, 20), MAX_MS);
    const factor = 1 - JITTER + 2 * JITTER * this.random.nextDouble();
    // Java's Math.round rounds half up; so does Math.round here for positive numbers.
    return Math.min(MAX_MS, Math.round(base * factor));
  }
}

module.exports = { Backoff, JavaRandom, INITIAL_MS, MAX_MS };
