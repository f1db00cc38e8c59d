import { describe, expect, test } from 'vitest';
import { analyze } from './analyze.ts';

describe('analyze signals', () => {
  test.each([
    ['My elderly father was left without his medication.', 2, 'vulnerable person', 'elderly'],
    ['There is a gas leak in the flat since your visit.', 2, 'safety', 'gas leak'],
    ['We will lose our home if this is not fixed.', 2, 'home or income at risk', 'lose our home'],
    ['I was charged twice for the same order.', 1, 'money being lost', 'charged twice'],
    ['My internet is still down after the engineer left.', 1, 'service down', 'still down'],
    ['I need this sorted today please.', 1, 'near deadline', 'today'],
    ['The colour of the box was a bit dull.', 0, null, null],
  ])('urgency of %j', (text, level, reason, words) => {
    const a = analyze(text);
    expect(a.urgency).toBe(level);
    if (reason === null) return expect(a.urgencyReasons).toEqual([]);
    const r = a.urgencyReasons.find((x) => x.reason === reason);
    expect(r?.span.text).toBe(words);
    expect(text.slice(r?.span.start, r?.span.end)).toBe(words);
  });

  test.each([
    ['I am going to post this on Twitter.', true, 'Twitter'],
    ['I will report you to the ombudsman.', true, 'ombudsman'],
    ['My lawyer will be in touch.', true, 'lawyer'],
    ['Leaving a 1-star review on Trustpilot tonight.', true, 'Trustpilot'],
    ['Please press the button to reset it.', false, null],
    ['I just want my parcel.', false, null],
  ])('activist in %j', (text, isActivist, word) => {
    const a = analyze(text);
    expect(a.activist).toBe(isActivist);
    if (word !== null) expect(a.activistReasons.map((r) => r.span.text)).toContain(word);
  });

  test.each([
    ['This is the third time I have written.', true, 'third time'],
    ['It broke again.', true, 'again'],
    ['Still not fixed after two weeks.', true, 'Still not'],
    ['I already called twice about this.', true, 'already called'],
    ['My order arrived broken.', false, null],
  ])('repeat in %j', (text, isRepeat, word) => {
    const a = analyze(text);
    expect(a.repeat).toBe(isRepeat);
    if (word !== null) expect(a.repeatReasons.map((r) => r.span.text)).toContain(word);
  });

  test.each([
    ['The kettle leaks. I want a full refund, not a voucher.', 'full refund'],
    ['Could you replace the broken lamp?', 'replace the broken lamp'],
    ['It leaks and I am fed up.', null],
  ])('wants in %j', (text, wants) => {
    expect(analyze(text).wants).toBe(wants);
  });
});

describe('analyze feelings and language', () => {
  test.each([
    ['I am so embarrassed, my guests saw the whole thing.', 'embarrassed', 'embarrassed'],
    ['I am really scared they will cut off the power.', 'anxious', 'scared'],
    ['I am confused, what does this charge even mean?', 'confused', 'confused'],
    ['I am furious, this is outrageous and I am angry at how I was treated.', 'angry', 'angry'],
    ['This is so annoying, I keep getting the same useless answer.', 'frustrated', 'annoying'],
    ['I am really disappointed, I expected much better from you.', 'disappointed', 'disappointed'],
    ["I am so sad, it was my late mother's ring and now it is gone.", 'sad', 'sad'],
  ])('%j reads as %s with evidence %j', (text, feeling, word) => {
    const reading = analyze(text).feelings.find((f) => f.feeling === feeling);
    expect(reading).toBeDefined();
    expect(reading?.score).toBeGreaterThan(0);
    const words = reading?.evidence.map((e) => text.slice(e.start, e.end)) ?? [];
    expect(words.join(' ')).toContain(word);
    for (const e of reading?.evidence ?? []) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  test('a neutral note raises no feeling', () => {
    expect(analyze('The delivery is booked for Tuesday.').feelings).toEqual([]);
  });

  test.each([
    ['My parcel never arrived and nobody answers the phone.', 'en'],
    ['Mi paquete nunca llegó y nadie contesta el teléfono.', 'es'],
    ['Mein Paket ist nie angekommen und niemand geht ans Telefon.', 'de'],
    ['ok', 'und'],
    ['', 'und'],
  ])('language of %j is %s', (text, lang) => {
    expect(analyze(text).language).toBe(lang);
  });

  test('a long text is read from its opening, whatever follows', () => {
    const spanish = 'Mi paquete nunca llegó y nadie contesta el teléfono. '.repeat(12);
    const english = 'My parcel never arrived and nobody answers the phone. '.repeat(400);
    expect(analyze(spanish + english).language).toBe('es');
    expect(analyze(english + spanish).language).toBe('en');
    // Letters far apart still count: a few words after a long run of digits and symbols.
    expect(analyze(`${'1234 '.repeat(300)} Mi paquete nunca llegó`).language).not.toBe('und');
  });

  test('is deterministic', () => {
    const text = 'Third time my train was cancelled, I am furious and will tweet about it.';
    expect(analyze(text)).toEqual(analyze(text));
  });
});
