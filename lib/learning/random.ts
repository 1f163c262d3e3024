/**
 * A seeded random source, so a policy pick or a simulation is reproducible from its seed
 * (Math.random is not). sfc32 (Chris Doty-Humphrey's Small Fast Counter): 128-bit state,
 * passes PractRand, and is a handful of 32-bit operations per draw.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
}

/** 32-bit hash of a string or number list (for deriving independent streams from one seed). */
export function hashSeed(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = `${part}|`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

export function seededRandom(...seed: Array<string | number>): Random {
  let a = hashSeed('a', ...seed);
  let b = hashSeed('b', ...seed);
  let c = hashSeed('c', ...seed);
  let d = 1;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of a freshly seeded sfc32 are correlated with the seed: discard them.
  for (let i = 0; i < 12; i++) next();
  return { next };
}

/** Standard normal (Box–Muller; one of the pair is dropped for simplicity). */
export function normal(rng: Random): number {
  let u = 0;
  while (u === 0) u = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Gamma(shape, 1) by Marsaglia–Tsang; shape < 1 through the Gamma(shape + 1)·U^(1/shape) boost. */
export function gamma(rng: Random, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
  if (shape < 1) {
    let u = 0;
    while (u === 0) u = rng.next();
    return gamma(rng, shape + 1) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(α, β) as X/(X+Y) with X ~ Gamma(α), Y ~ Gamma(β). */
export function beta(rng: Random, alpha: number, betaParam: number): number {
  const x = gamma(rng, alpha);
  const y = gamma(rng, betaParam);
  return x + y > 0 ? x / (x + y) : alpha / (alpha + betaParam);
}

/** An integer in [0, n). */
export function randomInt(rng: Random, n: number): number {
  return Math.min(n - 1, Math.floor(rng.next() * n));
}

/** One item with probability proportional to its weight. */
export function weightedPick<T>(rng: Random, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let u = rng.next() * total;
  for (const [item, w] of items) {
    u -= w;
    if (u < 0) return item;
  }
  return items[items.length - 1]![0];
}
