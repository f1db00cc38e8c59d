// Prints the coach's mistakes on the tune rows only (never the test rows), for working on the
// patterns: `node bin/run-ts.js eval/coach-tune-errors.ts blameShift offersAction`.
import { coach, type CoachDetections } from '../src/language/coach.ts';
import { SPLIT_DRAFTS, readFixture, twcsLabelRows } from './coach-fixtures.ts';
import { hasData, readCsv } from './data.ts';

interface Row {
  id?: string;
  tweetId?: string;
  text?: string;
  customerFirstName?: string;
  split: string;
  labels: string[];
}

const texts = hasData('twcs', 'twcs-dev.csv')
  ? new Map(readCsv('twcs', 'twcs-dev.csv').map((r) => [r.tweet_id ?? '', r.text ?? '']))
  : new Map<string, string>();
const rows = [
  ...SPLIT_DRAFTS.flatMap((name) => readFixture<Row>(name)),
  ...twcsLabelRows<Row>().map((r) => ({ ...r, text: texts.get(r.tweetId ?? '') })),
].filter((r) => r.split === 'tune' && r.text !== undefined);

for (const flag of process.argv.slice(2) as (keyof CoachDetections)[]) {
  console.log(`\n=== ${flag}`);
  for (const r of rows) {
    const text = r.text ?? '';
    const said = coach(text, { customerFirstName: r.customerFirstName }).has[flag];
    const gold = r.labels.includes(flag);
    if (said !== gold) {
      console.log(
        `${gold ? 'missed' : 'false alarm'} [${r.id ?? r.tweetId}] ${text.replace(/\s+/g, ' ')}`,
      );
    }
  }
}
