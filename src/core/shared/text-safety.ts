// PostgreSQL cannot store the NUL character in text or JSON, and a lone UTF-16 surrogate is not
// valid Unicode. Both are refused at the door, with the path of the offending field.
import type { FieldIssue } from './errors.ts';

function isWellFormed(s: string): boolean {
  // String.prototype.isWellFormed exists from Node 20; the regex is the fallback.
  return typeof s.isWellFormed === 'function'
    ? s.isWellFormed()
    : !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

const MAX_ISSUES = 20;
const MAX_DEPTH = 32;

/** The issue for one string, or null when PostgreSQL can store it. */
function stringIssue(s: string): string | null {
  if (s.includes('\u0000')) return 'Must not contain the NUL character.';
  if (!isWellFormed(s)) return 'Must be valid Unicode text.';
  return null;
}

export function unsafeTextIssues(value: unknown, path = ''): FieldIssue[] {
  const out: FieldIssue[] = [];
  // The path is kept as a stack of keys and joined only for a field at fault: every request
  // body is walked, and almost none has one.
  const keys: Array<string | number> = path === '' ? [] : [path];
  const report = (message: string) =>
    out.push({ path: keys.length > 0 ? keys.join('.') : '(root)', message });
  const walk = (v: unknown, depth: number): void => {
    if (out.length >= MAX_ISSUES || depth > MAX_DEPTH) return;
    if (typeof v === 'string') {
      const issue = stringIssue(v);
      if (issue !== null) report(issue);
    } else if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) {
      // Numbers and booleans are safe; raw bytes (an uploaded file, a MIME message) are not
      // text, and walking them key by key would take seconds for a few megabytes.
      return;
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        keys.push(i);
        walk(v[i], depth + 1);
        keys.pop();
      }
    } else {
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        keys.push(k);
        const issue = stringIssue(k);
        if (issue !== null && out.length < MAX_ISSUES) report(issue);
        walk((v as Record<string, unknown>)[k], depth + 1);
        keys.pop();
      }
    }
  };
  walk(value, 0);
  return out;
}
