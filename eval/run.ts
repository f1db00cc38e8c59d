// `npm run eval`: measures the language module on the shared development data.
import { dataDir, hasData } from './data.ts';
import { evalCategories } from './eval-categories.ts';
import { evalCoach } from './eval-coach.ts';
import { evalFeelings } from './eval-feelings.ts';
import { evalProblems } from './problems.ts';

if (!hasData()) {
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
