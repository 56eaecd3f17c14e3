import { describe, expect, it } from 'vitest';
import { LINK_REFRESH_MS, steadyLinks } from './links';

const photo = (id: string, sig: string, status = 'READY') => ({
  id,
  status,
  thumbnailUrl: `/t/${id}?sig=${sig}`,
  previewUrl: `/p/${id}?sig=${sig}`,
  downloadUrl: null as string | null,
});

describe('steady links', () => {
  it('keeps the links a photo had while they are fresh, with the new order and data', () => {
    const before = steadyLinks(undefined, [photo('a', '1'), photo('b', '1')], 1000);
    expect(before.every((f) => f.linkedAt === 1000)).toBe(true);
    const after = steadyLinks(before, [photo('b', '2'), photo('a', '2'), photo('c', '2')], 1000 + 2000);
    expect(after.map((f) => f.id)).toEqual(['b', 'a', 'c']);
    expect(after.map((f) => f.thumbnailUrl)).toEqual(['/t/b?sig=1', '/t/a?sig=1', '/t/c?sig=2']);
    expect(after.map((f) => f.linkedAt)).toEqual([1000, 1000, 3000]);
  });

  it('renews links once they are as old as the refresh period', () => {
    const before = steadyLinks(undefined, [photo('a', '1')], 0);
    expect(steadyLinks(before, [photo('a', '2')], LINK_REFRESH_MS - 1)[0].thumbnailUrl).toBe('/t/a?sig=1');
    const renewed = steadyLinks(before, [photo('a', '2')], LINK_REFRESH_MS);
    expect(renewed[0]).toMatchObject({ thumbnailUrl: '/t/a?sig=2', linkedAt: LINK_REFRESH_MS });
  });

  it('takes the new links of a photo that changed: processed, or given a download', () => {
    const processing = { ...photo('a', '1', 'PROCESSING'), thumbnailUrl: null as string | null, previewUrl: null as string | null };
    const before = steadyLinks(undefined, [processing], 0);
    expect(steadyLinks(before, [photo('a', '2')], 10)[0].thumbnailUrl).toBe('/t/a?sig=2');
    const ready = steadyLinks(undefined, [photo('a', '1')], 0);
    expect(steadyLinks(ready, [{ ...photo('a', '2'), downloadUrl: '/d/a?sig=2' }], 10)[0]).toMatchObject({ thumbnailUrl: '/t/a?sig=2', downloadUrl: '/d/a?sig=2' });
  });
});
