/** Timing helpers and the result table of `npm run bench`. */

export interface Measurement {
  section: string;
  name: string;
  backend: string;
  n: number;
  p50: number;
  p95: number;
  /** The database's own time for the same work (bare query on the driver), if measured. */
  bareP50?: number;
  bareP95?: number;
  goal?: string;
  /** Whether the goal holds, if it can be judged from the figures. */
  met?: boolean;
  note?: string;
}

/** The q-quantile (0…1) of a sample, nearest-rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Run `fn` `n` times and return the durations in ms. */
export async function time(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * Time the application path and the bare query in alternation (a, b, a, b …), so that noise on
 * these shared machines hits both alike.
 */
export async function timePaired(
  n: number,
  app: (i: number) => Promise<unknown>,
  bare: (i: number) => Promise<unknown>,
): Promise<{ app: number[]; bare: number[] }> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++) {
    const first = i % 2 === 0;
    for (const which of first ? ['app', 'bare'] : ['bare', 'app']) {
      const t0 = performance.now();
      await (which === 'app' ? app(i) : bare(i));
      (which === 'app' ? a : b).push(performance.now() - t0);
    }
  }
  return { app: a, bare: b };
}

const f = (v: number | undefined, digits = 1) => (v === undefined || Number.isNaN(v) ? '–' : v.toFixed(digits));

/** Ratio of application p95 to bare p95. */
export const ratio = (m: Measurement) => (m.bareP95 ? m.p95 / m.bareP95 : undefined);

/** A Markdown table of the measurements. */
export function table(ms: Measurement[]): string {
  const head =
    '| section | measurement | backend | n | p50 ms | p95 ms | bare p50 ms | bare p95 ms | ratio p95 | goal | met |';
  const sep = '|---|---|---|--:|--:|--:|--:|--:|--:|---|---|';
  const rows = ms.map(
    (m) =>
      `| ${m.section} | ${m.name}${m.note ? ` (${m.note})` : ''} | ${m.backend} | ${m.n} | ${f(m.p50)} | ${f(m.p95)} | ${f(m.bareP50)} | ${f(m.bareP95)} | ${f(ratio(m), 2)} | ${m.goal ?? ''} | ${m.met === undefined ? '' : m.met ? 'yes' : '**no**'} |`,
  );
  return [head, sep, ...rows].join('\n');
}

/**
 * A measurement from paired timings, judged against a goal such as "p95 ≤ 50 ms, ratio ≤ 1.3"
 * (every "≤ N ms" bounds the p95, every "ratio ≤ R" the p95 ratio to the bare query).
 */
export function paired(
  section: string,
  name: string,
  backend: string,
  t: { app: number[]; bare: number[] },
  goal: string,
  note?: string,
): Measurement {
  const m: Measurement = {
    section,
    name,
    backend,
    n: t.app.length,
    p50: quantile(t.app, 0.5),
    p95: quantile(t.app, 0.95),
    bareP50: quantile(t.bare, 0.5),
    bareP95: quantile(t.bare, 0.95),
    goal,
    note,
  };
  const ms = /p95 ≤ (\d+) ms/.exec(goal);
  const r = /ratio ≤ ([\d.]+)/.exec(goal);
  m.met = (!ms || m.p95 <= Number(ms[1])) && (!r || m.p95 / m.bareP95! <= Number(r[1]));
  return m;
}

/**
 * A single figure that is not a latency distribution (start-up time, bundle size, memory,
 * throughput), with its unit and, where there is one, its goal.
 */
export interface Figure {
  section: string;
  name: string;
  /** 'pglite', 'postgres', 'chromium', 'build' … */
  backend: string;
  value: number;
  unit: 's' | 'ms' | 'KB' | 'MB' | 'req/s' | 'tiles/s';
  /** A reference figure measured in the same run (e.g. the database's own time), if any. */
  reference?: { name: string; value: number };
  goal?: string;
  met?: boolean;
  note?: string;
}

/** A Markdown table of single figures. */
export function figuresTable(fs: Figure[]): string {
  const head = '| section | figure | backend | value | reference | goal | met |';
  const sep = '|---|---|---|--:|---|---|---|';
  const digits = (u: Figure['unit']) => (u === 'KB' || u === 'MB' || u === 'req/s' || u === 'tiles/s' ? 0 : 1);
  const rows = fs.map(
    (x) =>
      `| ${x.section} | ${x.name}${x.note ? ` (${x.note})` : ''} | ${x.backend} | ${x.value.toFixed(digits(x.unit))} ${x.unit} | ${x.reference ? `${x.reference.name}: ${x.reference.value.toFixed(digits(x.unit))} ${x.unit}` : ''} | ${x.goal ?? ''} | ${x.met === undefined ? '' : x.met ? 'yes' : '**no**'} |`,
  );
  return [head, sep, ...rows].join('\n');
}
