import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import bigInt from 'big-integer';
import { Api } from 'telegram';
import { modExp, readBigIntFromBuffer, readBufferFromBigInt } from 'telegram/Helpers';
import { computeDigest } from 'telegram/Password';

/**
 * Server half of Telegram's two-step verification (SRP-2048 over the
 * SHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow KDF). The verifier v = g^x mod p is derived
 * with gramjs's own computeDigest, which is what a client sends Telegram when it sets a password,
 * so client and server cannot disagree about x. The password itself is not kept.
 */

/** gramjs accepts only this prime (and g in 3, 4, 5, 7): the one Telegram's servers use. */
const PRIME = Buffer.from(
  'c71caeb9c6b1c9048e6c522f70f13f73980d40238e3e21c14934d037563d930f48198a0aa7c14058229493d22530f4dbfa336f6e0ac925139543aed44cce7c3720fd51f69458705ac68cd4fe6b6b13abdc9746512969328454f18faf8c595f642477fe96bb2a941d5bcd1d4ac8cc49880708fa9b378e3c4f3a9060bee67cf9a4a4a695811051907e162753b56b0f6b410dba74d8a84b2a14b3144e0ef1284754fd17ed950d5965b4b9dd46582db1178d169c6bc465b0d6ff9ca3928fef5b9ae4e418fc15e83ebea0f87fa9ff5eed70050ded2849f47bf959d956850ce929851f0d8115f635b105ee2e4e15d04b2454bf6f4fadf034b10403119cd8e3b92fcc5b',
  'hex',
);
const G = 3;
const SIZE = 256;

const sha256 = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();
const toBig = (b: Buffer): bigInt.BigInteger => readBigIntFromBuffer(b, false, false);
const toBytes = (n: bigInt.BigInteger): Buffer => readBufferFromBigInt(n, SIZE, false, false);

const p = toBig(PRIME);
const g = bigInt(G);
const gBytes = toBytes(g);
const k = toBig(sha256(PRIME, gBytes));

/** The client rejects g^b values too close to 0 or p (gramjs isGoodModExpFirst); so must we. */
function goodModExp(n: bigInt.BigInteger): boolean {
  const minBits = 2048 - 64;
  const diff = p.subtract(n);
  return !diff.isNegative() && diff.bitLength().toJSNumber() >= minBits && n.bitLength().toJSNumber() >= minBits;
}

interface Challenge {
  b: bigInt.BigInteger;
  B: Buffer;
}

/** Telegram keeps few outstanding srp_ids per account; an unbounded map would only hide leaks. */
const MAX_CHALLENGES = 16;

export class SrpVerifier {
  private readonly challenges = new Map<bigint, Challenge>();

  private constructor(
    readonly algo: Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow,
    private readonly v: bigInt.BigInteger,
    readonly hint: string | undefined,
  ) {}

  static async create(password: string, hint?: string): Promise<SrpVerifier> {
    const algo = new Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow({
      // Telegram's salt1 is 8 server bytes plus 32 the client added when setting the password.
      salt1: randomBytes(40),
      salt2: randomBytes(16),
      g: G,
      p: PRIME,
    });
    const v = toBig(await computeDigest(algo, password));
    return new SrpVerifier(algo, v, hint);
  }

  /** account.Password for account.getPassword: a fresh secret b and srp_B = k·v + g^b mod p each time. */
  passwordInfo(): Api.account.Password {
    let b: bigInt.BigInteger;
    let gb: bigInt.BigInteger;
    do {
      b = toBig(randomBytes(SIZE));
      gb = modExp(g, b, p);
    } while (!goodModExp(gb));
    const B = toBytes(k.multiply(this.v).add(gb).mod(p));
    const srpId = randomBytes(8).readBigInt64LE(0);
    this.challenges.set(srpId, { b, B });
    while (this.challenges.size > MAX_CHALLENGES) {
      const oldest = this.challenges.keys().next().value as bigint;
      this.challenges.delete(oldest);
    }
    return new Api.account.Password({
      hasPassword: true,
      currentAlgo: this.algo,
      srp_B: B,
      srpId: bigInt(srpId.toString()),
      hint: this.hint,
      newAlgo: new Api.PasswordKdfAlgoUnknown(),
      newSecureAlgo: new Api.SecurePasswordKdfAlgoUnknown(),
      secureRandom: randomBytes(32),
    });
  }

  /**
   * Checks the client's proof: S = (A·v^u)^b mod p, K = H(S), and
   * M1 = H(H(p) xor H(g) | H(salt1) | H(salt2) | A | B | K). Each srp_id is good for one try.
   * Returns 'unknown_srp_id' when the challenge was never issued or already used.
   */
  verify(srpId: bigint, A: Buffer, M1: Buffer): 'ok' | 'wrong' | 'unknown_srp_id' {
    const challenge = this.challenges.get(srpId);
    if (!challenge) return 'unknown_srp_id';
    this.challenges.delete(srpId);
    const a = toBig(A);
    if (a.leq(0) || a.geq(p)) return 'wrong';
    const aBytes = toBytes(a);
    const u = toBig(sha256(aBytes, challenge.B));
    const S = modExp(a.multiply(modExp(this.v, u, p)).mod(p), challenge.b, p);
    const K = sha256(toBytes(S));
    const pg = xor(sha256(PRIME), sha256(gBytes));
    const expected = sha256(pg, sha256(this.algo.salt1), sha256(this.algo.salt2), aBytes, challenge.B, K);
    return M1.length === expected.length && timingSafeEqual(M1, expected) ? 'ok' : 'wrong';
  }
}

function xor(a: Buffer, b: Buffer): Buffer {
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] ?? 0) ^ (b[i] ?? 0);
  return out;
}
