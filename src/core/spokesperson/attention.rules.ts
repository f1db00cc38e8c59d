// R14: know the complainer. Activists tell everyone. A case showing activism gets higher
// attention (supervisors are told); where it is public — a public post, or the customer speaks of
// social media, the press, review sites or a regulator — it goes to the spokesperson, the one
// public voice. A lawyer alone is serious but not public: higher attention, not the spokesperson.
import type { ComplainerType } from '../../contracts/enums.ts';

export const PUBLIC_REASONS: readonly string[] = [
  'social media',
  'press',
  'review sites',
  'regulator or ombudsman',
];

export type Attention = 'none' | 'higher' | 'spokesperson';

export interface AttentionFacts {
  complainerType: ComplainerType | null;
  /** The language module's activism reasons for the case text (labels). */
  activistReasons: readonly string[];
  /** Arrived as a public post, or staff marked it public-facing. */
  isPublicFacing: boolean;
}

export function attentionFor(f: AttentionFacts): { level: Attention; reasons: string[] } {
  const publicReasons = f.activistReasons.filter((r) => PUBLIC_REASONS.includes(r));
  if (f.isPublicFacing)
    return { level: 'spokesperson', reasons: ['public-facing', ...publicReasons] };
  if (f.complainerType !== 'activist') return { level: 'none', reasons: [] };
  if (publicReasons.length > 0) return { level: 'spokesperson', reasons: publicReasons };
  return {
    level: 'higher',
    reasons: f.activistReasons.length > 0 ? [...f.activistReasons] : ['activist'],
  };
}

/** Routing only ever goes up: higher attention may become the spokesperson's, never back. */
export function isUpgrade(current: Attention, next: Attention): boolean {
  const rank: Record<Attention, number> = { none: 0, higher: 1, spokesperson: 2 };
  return rank[next] > rank[current];
}

/** The activism reason labels stored in a case's intake reading, if any. */
export function activistReasonsOf(analysis: unknown): string[] {
  const reasons = (analysis as { activistReasons?: unknown } | null)?.activistReasons;
  if (!Array.isArray(reasons)) return [];
  return [
    ...new Set(
      reasons
        .map((r) => (r as { reason?: unknown }).reason)
        .filter((r): r is string => typeof r === 'string'),
    ),
  ];
}
