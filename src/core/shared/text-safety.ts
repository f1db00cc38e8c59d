// PostgreSQL cannot store the NUL character in text or JSON, and a lone UTF-16 surrogate is not
// valid Unicode. Both are refused at the door, with the path of the offending field.
import type { FieldIssue } from './errors.ts';

function isWellFormed(s: string): boolean {
  // String.prototype.isWellFormed exists from Node 20; the regex is the fallback.
  return typeof s.isWellFormed === 'function'
    ? s.isWellFormed()
    : !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

export function unsafeTextIssues(
  value: unknown,
  path = '',
  out: FieldIssue[] = [],
  depth = 0,
): FieldIssue[] {
  if (out.length >= 20 || depth > 32) return out;
  const at = (k: string | number) => (path ? `${path}.${k}` : String(k));
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      out.push({ path: path || '(root)', message: 'Must not contain the NUL character.' });
    else if (!isWellFormed(value))
      out.push({ path: path || '(root)', message: 'Must be valid Unicode text.' });
  } else if (ArrayBuffer.isView(value)) {
    // Raw bytes (an uploaded file, a MIME message) are not text; walking them key by key
    // would take seconds for a few megabytes.
    return out;
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unsafeTextIssues(v, at(i), out, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      unsafeTextIssues(k, at(k), out, depth + 1);
      unsafeTextIssues(v, at(k), out, depth + 1);
    }
  }
  return out;
}
