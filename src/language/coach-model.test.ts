import { describe, expect, test } from 'vitest';
import { coach } from './coach.ts';
import {
  COACH_MODEL,
  modelHits,
  sentenceFeatures,
  sentences,
  type CoachModel,
  type SentenceModel,
} from './coach-model.ts';

/** A tiny hand-set model, so the tests say what the code does whatever the shipped weights. */
const slow: SentenceModel = {
  bias: -3,
  threshold: 0.5,
  weights: { 'painfully slow': 3, '<other>&<they>': 1.5, slow: 0.5 },
};
const swap: SentenceModel = { bias: -3, threshold: 0.5, weights: { 'swap it': 4 } };
const model: CoachModel = { detections: { blameShift: slow, offersAction: swap } };

describe('sentences', () => {
  test.each<[string, string[]]>([
    ['One. Two! Three?', ['One.', 'Two!', 'Three?']],
    ['Version 4.2 is out. Thanks', ['Version 4.2 is out.', 'Thanks']],
    ['First line\nsecond line.', ['First line', 'second line.']],
    ['  ', []],
    ['No stop at all', ['No stop at all']],
  ])('%j', (text, expected) => {
    const got = sentences(text);
    expect(got.map((s) => s.text)).toEqual(expected);
    for (const s of got) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('sentence features', () => {
  const text = 'Sorry. The courier said they were late.';
  const [, second] = sentences(text);
  const feats = new Map(second ? sentenceFeatures(text, second) : []);

  test.each<[string, string | undefined]>([
    ['courier', 'courier'],
    ['<s> the', 'The'],
    ['the courier', 'The courier'],
    ['<other>', 'courier'],
    ['<other>&<they>', 'courier … they'],
    ['<fail>&<other>', 'courier … late'],
    ['sorry', undefined],
  ])('%s points at %j', (name, words) => {
    expect(feats.get(name)?.text).toBe(words);
  });

  test('numbers and handles are folded', () => {
    const t = '@acme Allow 72 hours.';
    const [s] = sentences(t);
    const names = s ? sentenceFeatures(t, s).map(([f]) => f) : [];
    expect(names).toEqual(expect.arrayContaining(['<user>', '<num>', 'allow <num>']));
    expect(names).not.toContain('acme');
  });
});

describe('model hits', () => {
  test.each<[string, string[]]>([
    ['Their embroiderer has been painfully slow.', ['Their embroiderer has been painfully slow.']],
    // No one else, no rule, cause or "but" named: not an excuse, whatever the weights say.
    ['Our embroiderer has been painfully slow.', []],
    ['Which supplier has been painfully slow?', []],
    [
      'Sorry. The supplier said they are painfully slow this week.',
      ['The supplier said they are painfully slow this week.'],
    ],
    ['The train was slow.', []],
    ['We have refunded you.', []],
  ])('%j', (text, expected) => {
    expect(modelHits(text, slow, 'blameShift').map((h) => h.span.text)).toEqual(expected);
  });

  test('evidence is the words with the largest positive weights, best first', () => {
    const [hit] = modelHits('The supplier said they are painfully slow.', slow, 'blameShift');
    expect(hit?.evidence).toEqual(['painfully slow', 'supplier … they', 'slow']);
    expect(hit?.score).toBeGreaterThan(0.5);
  });
});

describe('coach with a learned model', () => {
  test('a sentence only the model finds is a blame warning that names its words', () => {
    const r = coach('Their embroiderer has been painfully slow this term.', {}, model);
    expect(r.has.blameShift).toBe(true);
    const f = r.findings.find((x) => x.rule === 'apology.excuse');
    expect(f?.severity).toBe('warning');
    expect(f?.span?.text).toBe('Their embroiderer has been painfully slow this term.');
    expect(f?.explanation).toContain('"painfully slow"');
  });

  test.each<[string, string, boolean]>([
    ['patterns alone', 'Their embroiderer has been painfully slow this term.', false],
    ['an owned sentence', 'We have been painfully slow, and that is our fault.', false],
    ['no cue', 'Your order is on the way.', false],
  ])('no blame from the model: %s', (what, text, expected) => {
    const r = coach(text, {}, what === 'patterns alone' ? null : model);
    expect(r.has.blameShift).toBe(expected);
  });

  test('a sentence a pattern already flags gets no second finding from the model', () => {
    const r = coach('Sorry, but the courier lost it and was painfully slow.', {}, model);
    const excuses = r.findings.filter((x) => x.rule === 'apology.excuse');
    expect(excuses.length).toBeGreaterThan(0);
    expect(excuses.every((x) => x.severity === 'error')).toBe(true);
  });

  test.each<[string, CoachModel | null, boolean, boolean]>([
    ['If it still will not start, we can swap it.', model, true, false],
    ['If it still will not start, we can swap it.', null, false, false],
    ['DM us and we can swap it.', model, true, false],
    ['DM us your order number.', model, false, true],
  ])('action %j', (text, m, action, deflects) => {
    const r = coach(text, {}, m);
    expect(r.has.offersAction).toBe(action);
    expect(r.has.deflectsChannel).toBe(deflects);
  });
});

describe('the shipped model', () => {
  test('has the blame model with a threshold between 0 and 1', () => {
    const m = COACH_MODEL.detections.blameShift;
    expect(m?.threshold).toBeGreaterThan(0);
    expect(m?.threshold).toBeLessThan(1);
    expect(Object.keys(m?.weights ?? {}).length).toBeGreaterThan(100);
  });

  test.each<[string, boolean]>([
    ['Thanks for your lovely message, enjoy the new bike!', false],
    ['Hi there, happy to help. Have a great day.', false],
  ])('plain replies are not excuses: %j', (text, expected) => {
    expect(coach(text).has.blameShift).toBe(expected);
  });
});
