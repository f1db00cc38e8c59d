// `npm run eval`: measures the language module on the shared development data;
// `npm run eval -- --own corrections.jsonl` on the organisation's own corrected cases instead.
import { existsSync } from 'node:fs';
import { dataDir, hasData } from './data.ts';
import { evalCategories } from './eval-categories.ts';
import { evalCoach } from './eval-coach.ts';
import { evalFeelings } from './eval-feelings.ts';
import { evalOwn } from './eval-own.ts';
import { evalProblems } from './problems.ts';

const ownAt = process.argv.indexOf('--own');
const own = ownAt >= 0 ? process.argv[ownAt + 1] : undefined;

if (ownAt >= 0) {
  if (!own || !existsSync(own)) {
    console.error('--own needs a file written by `redress corrections export`');
    process.exit(2);
  }
  await evalOwn(own);
} else if (!hasData()) {
  console.log(`skip: no data folder at ${dataDir()} (set REDRESS_DATA_SETS to point at it)`);
  evalCoach();
  await evalProblems();
} else {
  console.log(`data: ${dataDir()}`);
  evalFeelings();
  evalCategories();
  evalCoach();
  await evalProblems();
}
