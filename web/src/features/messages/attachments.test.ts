import { describe, expect, it } from 'vitest';
import { acceptedType, checkFiles, isPicture, MAX_FILE_BYTES } from './attachments';

const file = (name: string, type: string, size = 1000) => ({ name, type, size });

describe('attachments', () => {
  it('accepts PDF, JPEG, PNG and HEIC, by type or (HEIC without one) by extension', () => {
    expect(acceptedType(file('devis.pdf', 'application/pdf'))).toBe(true);
    expect(acceptedType(file('photo.JPG', 'image/jpeg'))).toBe(true);
    expect(acceptedType(file('plan.png', 'image/png'))).toBe(true);
    expect(acceptedType(file('IMG_0001.HEIC', ''))).toBe(true);
    expect(acceptedType(file('IMG_0002.heic', 'image/heic'))).toBe(true);
    expect(acceptedType(file('notes.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'))).toBe(false);
    expect(acceptedType(file('anim.gif', 'image/gif'))).toBe(false);
    expect(acceptedType(file('script.pdf.exe', ''))).toBe(false);
  });

  it('refuses files over 25 MB and beyond five per message, saying which and why', () => {
    const big = file('big.pdf', 'application/pdf', MAX_FILE_BYTES + 1);
    const ok = (n: number) => file(`p${n}.png`, 'image/png');
    const { accepted, problems } = checkFiles([ok(1), big, file('x.gif', 'image/gif'), ok(2), ok(3)], 3);
    expect(accepted.map((f) => f.name)).toEqual(['p1.png', 'p2.png']);
    expect(problems).toEqual([
      { name: 'big.pdf', reason: 'size' },
      { name: 'x.gif', reason: 'type' },
      { name: 'p3.png', reason: 'count', max: 5 },
    ]);
    expect(checkFiles([file('edge.pdf', 'application/pdf', MAX_FILE_BYTES)], 0).accepted).toHaveLength(1);
  });

  it('shows JPEG and PNG as pictures only', () => {
    expect(isPicture('image/jpeg')).toBe(true);
    expect(isPicture('image/png')).toBe(true);
    expect(isPicture('image/heic')).toBe(false);
    expect(isPicture('application/pdf')).toBe(false);
  });
});
