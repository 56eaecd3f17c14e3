import { describe, expect, it } from 'vitest';
import { legalErrors, legalValues } from './legal';

const empty = { legalName: '', legalAddress: '', siret: '', vatNumber: '' };

describe('the studio’s legal details', () => {
  it('takes a SIRET of 14 digits, typed with spaces or not, or none', () => {
    expect(legalErrors({ ...empty, siret: '123 456 789 00012' })).toEqual({});
    expect(legalErrors({ ...empty, siret: '12345678900012' })).toEqual({});
    expect(legalErrors(empty)).toEqual({});
    expect(legalErrors({ ...empty, siret: '1234567890001' })).toEqual({ siret: 'settings.legal.siretInvalid' });
    expect(legalErrors({ ...empty, siret: '1234567890001A' })).toEqual({ siret: 'settings.legal.siretInvalid' });
  });

  it('takes a VAT number of at least 4 characters, or none', () => {
    expect(legalErrors({ ...empty, vatNumber: 'FR1' })).toEqual({ vatNumber: 'settings.legal.vatInvalid' });
    expect(legalErrors({ ...empty, vatNumber: 'FR 12 345678901' })).toEqual({});
  });

  it('saves the SIRET as digits and an empty VAT number as none (VAT not applicable)', () => {
    expect(legalValues({ legalName: ' Studio Lumière SARL ', legalAddress: '12 rue des Arts\n75011 Paris', siret: '123 456 789 00012', vatNumber: ' ' })).toEqual({
      legalName: 'Studio Lumière SARL',
      legalAddress: '12 rue des Arts\n75011 Paris',
      siret: '12345678900012',
      vatNumber: null,
    });
    expect(legalValues({ ...empty, vatNumber: 'FR 12 345678901' }).vatNumber).toBe('FR12345678901');
  });
});
