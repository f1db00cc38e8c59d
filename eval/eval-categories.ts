// Complaint categories against the airline negative reasons (negative tweets only).
import { categorize } from '../src/language/categorize.ts';
import { hasData, readCsv } from './data.ts';
import { macroF1, printTable, tally } from './metrics.ts';

/** Our categories mapped onto the airline reason they correspond to. */
const TO_AIRLINE: Record<string, string> = {
  late: 'Late Flight',
  cancelled: 'Cancelled Flight',
  'lost or damaged item': 'Lost Luggage',
  booking: 'Flight Booking Problems',
  billing: 'Customer Service Issue',
  staff: 'Flight Attendant Complaints',
  'customer service': 'Customer Service Issue',
};
const REASONS = [
  'Customer Service Issue',
  'Late Flight',
  'Cancelled Flight',
  'Lost Luggage',
  'Flight Booking Problems',
  'Flight Attendant Complaints',
];

export function evalCategories(): number | null {
  if (!hasData('airline', 'airline-tweets-dev.csv')) {
    console.log('\ncategories: skipped (airline/airline-tweets-dev.csv not found)');
    return null;
  }
  const rows = readCsv('airline', 'airline-tweets-dev.csv').filter(
    (r) => r.airline_sentiment === 'negative',
  );
  const scores = tally(
    REASONS,
    rows.map((r) => {
      const c = categorize(r.text ?? '');
      const mapped = c ? TO_AIRLINE[c.category] : undefined;
      return [new Set([r.negativereason ?? '']), new Set(mapped ? [mapped] : [])];
    }),
  );
  printTable(
    `categories vs airline negative reasons (${rows.length} tweets; other reasons count as misses)`,
    scores,
  );
  const macro = macroF1(scores);
  console.log(
    `  macro-F1 over these six reasons ${macro.toFixed(3)} (no target; keyword rules, not learned)`,
  );
  return macro;
}
