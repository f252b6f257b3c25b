import { parseToken, shortCode, signatureValid, signToken, slotOfShortCode, slotStart } from './check-in-token.js';

const id = '01hzzzzzzzabcdefghjkmnpqrs';

describe('check-in tokens', () => {
  it('round-trips target and issue time and verifies with the same key only', () => {
    const at = new Date('2026-11-29T02:00:20Z');
    const token = signToken('key-1', 'meeting', id, at);
    const parsed = parseToken(token)!;
    expect(parsed).toMatchObject({ targetType: 'meeting', targetId: id });
    expect(parsed.issuedAt.toISOString()).toBe(at.toISOString());
    expect(signatureValid('key-1', parsed)).toBe(true);
    expect(signatureValid('key-2', parsed)).toBe(false);
  });

  it('refuses a token whose issue time or target was edited', () => {
    const token = signToken('key-1', 'meeting', id, new Date('2026-11-29T02:00:00Z'));
    const younger = token.replace(/\.([0-9a-z]+)\.([^.]+)$/, (_m, t: string, s: string) => `.${(parseInt(t, 36) + 60).toString(36)}.${s}`);
    expect(signatureValid('key-1', parseToken(younger)!)).toBe(false);
    const other = token.replace(id, '01hzzzzzzzabcdefghjkmnpqrt');
    expect(signatureValid('key-1', parseToken(other)!)).toBe(false);
  });

  it('rejects anything that is not shaped like a token', () => {
    for (const junk of ['', 'hello', 'HL1.meeting.x.1.aaaaaaaaaaaaaaaaaaaaaa', `HL1.meeting.${id}.zz.short`, `HL2.meeting.${id}.1.aaaaaaaaaaaaaaaaaaaaaa`]) {
      expect(parseToken(junk)).toBeNull();
    }
  });

  it('aligns issue times to the rotation period so every instance shows the same code', () => {
    expect(slotStart(new Date('2026-11-29T02:00:39.900Z'), 20).toISOString()).toBe('2026-11-29T02:00:20.000Z');
  });
});

describe('typable check-in codes', () => {
  const at = new Date('2026-11-29T02:00:20Z');

  it('are six digits, the same within a slot, different for another slot, target or key', () => {
    const code = shortCode('key-1', 'meeting', id, at);
    expect(code).toMatch(/^\d{6}$/);
    expect(shortCode('key-1', 'meeting', id, new Date(at))).toBe(code);
    const others = [
      shortCode('key-1', 'meeting', id, new Date(at.getTime() + 20_000)),
      shortCode('key-1', 'meeting', '01hzzzzzzzabcdefghjkmnpqrt', at),
      shortCode('key-2', 'meeting', id, at),
    ];
    for (const other of others) expect(other).not.toBe(code);
  });

  it('are matched to their slot within the look-back and not beyond it', () => {
    const code = shortCode('key-1', 'meeting', id, at);
    expect(slotOfShortCode('key-1', 'meeting', id, code, new Date(at.getTime() + 5_000), 20, 60)?.toISOString()).toBe(at.toISOString());
    expect(slotOfShortCode('key-1', 'meeting', id, code, new Date(at.getTime() + 45_000), 20, 60)?.toISOString()).toBe(at.toISOString());
    expect(slotOfShortCode('key-1', 'meeting', id, code, new Date(at.getTime() + 125_000), 20, 60)).toBeNull();
    expect(slotOfShortCode('key-2', 'meeting', id, code, new Date(at.getTime() + 5_000), 20, 60)).toBeNull();
  });
});
