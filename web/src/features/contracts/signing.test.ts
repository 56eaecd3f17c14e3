import { describe, expect, it } from 'vitest';
import { signErrors, signInput } from './signForm';
import { canvasPoint, MAX_SIGNATURE_BYTES, pngBytes, signatureImage } from './signaturePad';

describe('the signing form', () => {
  const valid = { fullName: '  Chloé Dubois ', consent: true, signature: null };

  it('needs the explicit consent, whatever the name', () => {
    expect(signErrors({ ...valid, consent: false })).toEqual({ consent: 'contracts.sign.consentRequired' });
    expect(signErrors(valid)).toEqual({});
  });

  it('needs a full name of 2 to 200 characters', () => {
    expect(signErrors({ ...valid, fullName: '   ' }).fullName).toBe('contracts.sign.nameRequired');
    expect(signErrors({ ...valid, fullName: ' C ' }).fullName).toBe('contracts.sign.nameTooShort');
    expect(signErrors({ ...valid, fullName: 'é'.repeat(200) }).fullName).toBeUndefined();
    expect(signErrors({ ...valid, fullName: 'é'.repeat(201) }).fullName).toBe('validation.tooLong');
    expect(signErrors({ fullName: '', consent: false, signature: null })).toEqual({ fullName: 'contracts.sign.nameRequired', consent: 'contracts.sign.consentRequired' });
  });

  it('sends the trimmed name, the consent, and the drawing only when there is one', () => {
    expect(signInput(valid)).toEqual({ fullName: 'Chloé Dubois', consent: true });
    expect(signInput({ ...valid, signature: 'data:image/png;base64,AAAA' })).toEqual({ fullName: 'Chloé Dubois', consent: true, signature: 'data:image/png;base64,AAAA' });
  });
});

describe('the signature pad', () => {
  it('maps a pointer to the canvas’s own pixels (drawn at twice the CSS size)', () => {
    const box = { left: 10, top: 100, width: 300, height: 150 };
    expect(canvasPoint(10, 100, box, { width: 600, height: 300 })).toEqual({ x: 0, y: 0 });
    expect(canvasPoint(160, 175, box, { width: 600, height: 300 })).toEqual({ x: 300, y: 150 });
    expect(canvasPoint(5, 5, { left: 0, top: 0, width: 0, height: 0 }, { width: 0, height: 0 })).toEqual({ x: 5, y: 5 });
  });

  it('exports a PNG data URL when something was drawn, nothing otherwise', () => {
    const canvas = { toDataURL: (type?: string) => `data:${type};base64,iVBORw0KGgo=` };
    expect(signatureImage(canvas, true)).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(signatureImage(canvas, false)).toBeNull();
    expect(signatureImage({ toDataURL: () => 'data:,' }, true)).toBeNull();
  });

  it('measures the PNG as the server does (decoded bytes) and refuses one over its limit', () => {
    expect(pngBytes('data:image/png;base64,' + btoa('12345'))).toBe(5);
    expect(pngBytes('data:image/png;base64,' + btoa('123456'))).toBe(6);
    const atLimit = 'data:image/png;base64,' + 'A'.repeat((MAX_SIGNATURE_BYTES / 3) * 4);
    expect(signatureImage({ toDataURL: () => atLimit }, true)).toBe(atLimit);
    expect(() => signatureImage({ toDataURL: () => atLimit + 'AAAA' }, true)).toThrow(RangeError);
  });
});
