import { afterEach, describe, expect, it } from 'vitest';
import { localDay } from '../shared/local-day.ts';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('localDay', () => {
  it('dates a report made at 8:30 in Japan that day, not the UTC day before', () => {
    process.env.TZ = 'Asia/Tokyo';
    expect(localDay(new Date('2026-12-02T23:30:00Z'))).toBe('2026-12-03');
    process.env.TZ = 'UTC';
    expect(localDay(new Date('2026-12-02T23:30:00Z'))).toBe('2026-12-02');
  });

  it('pads month and day', () => {
    expect(localDay(new Date(2027, 0, 5, 12))).toBe('2027-01-05');
  });
});
