import { describe, expect, it } from 'vitest';
import { OneShotPass } from '../../lib/intercept/pass';
import { PASS_TTL_MS } from '../../lib/intercept/protocol';

describe('one-shot pass', () => {
  it('lets each layer through once, then blocks again', () => {
    let now = 1000;
    const pass = new OneShotPass(() => now);
    expect(pass.take('click')).toBe(false);
    pass.arm();
    expect(pass.take('click')).toBe(true);
    expect(pass.take('submit')).toBe(true);
    expect(pass.take('click')).toBe(false);
    now += 10;
    expect(pass.take('submit')).toBe(false);
  });

  it('expires', () => {
    let now = 0;
    const pass = new OneShotPass(() => now);
    pass.arm();
    now = PASS_TTL_MS;
    expect(pass.take('click')).toBe(false);
  });

  it('can be withdrawn', () => {
    const pass = new OneShotPass();
    pass.arm();
    pass.disarm();
    expect(pass.take('click')).toBe(false);
  });
});
