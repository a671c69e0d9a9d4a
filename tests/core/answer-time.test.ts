// A page doesn't wait for the background forever: an answer that doesn't come within the time
// is given up (the page then does without), one that comes in time is taken as it is.
import { describe, expect, it } from 'vitest';
import { answeredWithin } from '../../src/core/answer-time';

describe('answeredWithin', () => {
  it('takes an answer that comes in time', async () => {
    await expect(answeredWithin(new Promise((r) => setTimeout(() => r('mentions'), 5)), 200)).resolves.toBe('mentions');
  });

  it('gives up on one that never comes, and passes a refusal on', async () => {
    const started = Date.now();
    await expect(answeredWithin(new Promise(() => {}), 50)).rejects.toThrow('no answer within 50 ms');
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(answeredWithin(Promise.reject(new Error('context invalidated')), 50)).rejects.toThrow('context invalidated');
  });
});
