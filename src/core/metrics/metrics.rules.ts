// Turns count cells into metric results (total, per group, per bucket) and results into CSV.
import type { MetricName } from '../../contracts/metrics.ts';
import { DEFINITIONS, type Counts, type Unit, type Value } from './definitions.ts';
import type { Cell } from './metrics.repo.ts';

export interface Point extends Value {
  bucket: string | null;
  group: string | null;
}

export interface MetricResult {
  name: MetricName;
  label: string;
  unit: Unit;
  definition: string;
  bucketedBy: string;
  total: Value;
  /** One point per group over the whole period (empty without groupBy). */
  byGroup: Point[];
  /** One point per bucket, all groups together. */
  series: Point[];
  /** One point per bucket and group (empty without groupBy). */
  seriesByGroup: Point[];
}

const EMPTY: Counts = {
  volume: 0,
  frMet: 0,
  frDecided: 0,
  slaMet: 0,
  slaDecided: 0,
  frMedianH: null,
  frP90H: null,
  frN: 0,
  resMedianH: null,
  resP90H: null,
  resN: 0,
  accepted: 0,
  verdicts: 0,
  repeatCases: 0,
  promisesKept: 0,
  promisesBroken: 0,
  restitutionCost: 0,
  restitutions: 0,
  recoveredCases: 0,
  recoveredCustomers: 0,
  recoveredCost: 0,
  recoveredLifetimeValue: 0,
  customers: 0,
  repeatCustomers: 0,
  recoveredClosed: 0,
  recoveredActiveAgain: 0,
  neverComplainedBase: 0,
  neverComplainedActive: 0,
  debriefsDue: 0,
  debriefsCompleted: 0,
};

/** Merges the cells of several queries by (level, bucket, group). */
export function mergeCells(all: Cell[][]): Map<string, Counts> {
  const merged = new Map<string, Counts>();
  for (const list of all) {
    for (const { lvl, b, g, ...counts } of list) {
      const key = cellKey(lvl, b, g);
      const current = merged.get(key) ?? { ...EMPTY };
      for (const [k, v] of Object.entries(counts)) {
        if (v !== undefined) (current as unknown as Record<string, unknown>)[k] = v;
      }
      merged.set(key, current);
    }
  }
  return merged;
}

export const cellKey = (lvl: number, b: string | null, g: string | null) =>
  `${lvl}|${lvl === 0 || lvl === 1 ? b : ''}|${lvl === 0 || lvl === 2 ? g : ''}`;

export interface Assembly {
  names: readonly MetricName[];
  buckets: readonly string[];
  groups: readonly string[];
  cells: Map<string, Counts>;
  recurrence: Point[];
  hasGroups: boolean;
}

export function assembleMetrics(a: Assembly): MetricResult[] {
  return a.names.map((name) => {
    const d = DEFINITIONS[name];
    const meta = {
      name,
      label: d.label,
      unit: d.unit,
      definition: d.definition,
      bucketedBy: d.bucketedBy,
    };
    const none = { value: null, numerator: null, denominator: null };
    if (name === 'recurrence_after_fix') {
      return {
        ...meta,
        total: none,
        byGroup: a.recurrence,
        series: [],
        seriesByGroup: [],
      };
    }
    const of = d.of;
    if (!of) throw new Error(`metric ${name} has no formula`);
    const at = (lvl: number, b: string | null, g: string | null) =>
      of(a.cells.get(cellKey(lvl, b, g)) ?? EMPTY);
    const isGroupless = name === 'retention_never_complained';
    return {
      ...meta,
      total: at(3, null, null),
      byGroup:
        a.hasGroups && !isGroupless
          ? a.groups.map((g) => ({ bucket: null, group: g, ...at(2, null, g) }))
          : [],
      series: isGroupless
        ? []
        : a.buckets.map((b) => ({ bucket: b, group: null, ...at(1, b, null) })),
      seriesByGroup:
        a.hasGroups && !isGroupless
          ? a.buckets.flatMap((b) => a.groups.map((g) => ({ bucket: b, group: g, ...at(0, b, g) })))
          : [],
    };
  });
}

/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. A leading
 * =, +, - or @ is prefixed with ' so a spreadsheet never runs customer text as a formula. */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
): string {
  const field = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    let s =
      v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

export const METRICS_CSV_HEADER = [
  'metric',
  'unit',
  'bucket',
  'group',
  'group_label',
  'value',
  'numerator',
  'denominator',
] as const;

/** Every point of every metric as CSV rows: totals first (bucket and group empty). */
export function metricsCsv(
  results: MetricResult[],
  labels: Readonly<Record<string, string>>,
): string {
  const rows: unknown[][] = [];
  for (const m of results) {
    const row = (p: Point) => [
      m.name,
      m.unit,
      p.bucket,
      p.group,
      p.group ? (labels[p.group] ?? p.group) : null,
      p.value,
      p.numerator,
      p.denominator,
    ];
    rows.push(row({ bucket: null, group: null, ...m.total }));
    for (const p of [...m.byGroup, ...m.series, ...m.seriesByGroup]) rows.push(row(p));
  }
  return toCsv(METRICS_CSV_HEADER, rows);
}
