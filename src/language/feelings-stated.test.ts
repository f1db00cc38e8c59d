import { describe, expect, test } from 'vitest';
import { analyze } from './analyze.ts';
import { statedFeelings, withStated } from './feelings-stated.ts';

describe('feelings the customer states', () => {
  test.each([
    ['I am furious.', 'angry', 'furious'],
    ["I'm absolutely livid about the refund.", 'angry', 'livid'],
    ['Honestly I am so angry right now.', 'angry', 'so angry'],
    ['We are fed up with the excuses.', 'frustrated', 'fed up'],
    ["I've had enough of being passed around.", 'frustrated', "I've had enough"],
    ['I am really worried about the payment.', 'anxious', 'worried'],
    ['It has left me terrified to open the post.', 'anxious', 'terrified'],
    ['We were left gutted.', 'disappointed', 'gutted'],
    ['I feel let down after ten years as a customer.', 'disappointed', 'let down'],
    ["I don't understand this letter at all.", 'confused', "don't understand"],
    ['I am completely baffled by the bill.', 'confused', 'baffled'],
    ['My mother was in tears on the phone.', 'sad', 'in tears'],
    ['I am so upset.', 'sad', 'upset'],
    ['I was humiliated at the till in front of everyone.', 'embarrassed', 'humiliated'],
    ['It made me feel small.', 'embarrassed', 'made me feel small'],
  ])('%j states %s, in the words %j', (text, feeling, words) => {
    const reading = statedFeelings(text).find((r) => r.feeling === feeling);
    expect(reading?.evidence.map((e) => e.text)).toContain(words);
    for (const e of reading?.evidence ?? []) expect(text.slice(e.start, e.end)).toBe(e.text);
    // analyze() carries it, whatever the learned model made of the sentence.
    expect(analyze(text).feelings.map((f) => f.feeling)).toContain(feeling);
  });

  test.each([
    ['I am not angry, just tired of waiting.'],
    ["I wasn't furious, only surprised."],
    ['I am never upset by a late parcel.'],
    ['The parcel was lost in transit.'],
    ['Mad prices for a lamp that broke.'],
    ['The box was upset on its side.'],
    ['We had enough time to wait.'],
    ['The delivery is booked for Tuesday.'],
  ])('%j states nothing', (text) => {
    expect(statedFeelings(text)).toEqual([]);
  });

  test('a stated feeling lifts the model’s score and keeps the evidence of both', () => {
    const model = [
      {
        feeling: 'angry' as const,
        score: 0.55,
        evidence: [{ start: 0, end: 4, text: 'Why!' }],
      },
    ];
    const merged = withStated(model, statedFeelings('Why! I am furious.'));
    expect(merged).toHaveLength(1);
    expect(merged[0]?.score).toBe(0.9);
    expect(merged[0]?.evidence.map((e) => e.text)).toEqual(['Why!', 'furious']);
  });
});
