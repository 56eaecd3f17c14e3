import { describe, expect, it } from 'vitest';
import { studioPageErrors, studioPageValues } from './studioPage';

const empty = { presentation: '', contactEmail: '', contactPhone: '', address: '', accentColor: '' };

describe('the public page’s details', () => {
  it('may all be left empty, and are then saved as none', () => {
    expect(studioPageErrors(empty)).toEqual({});
    expect(studioPageValues(empty)).toEqual({ presentation: null, contactEmail: null, contactPhone: null, address: null, accentColor: null });
  });

  it('want a real e-mail, a #rrggbb colour and texts within the server’s lengths', () => {
    expect(studioPageErrors({ ...empty, contactEmail: 'bonjour@' })).toEqual({ contactEmail: 'validation.email' });
    expect(studioPageErrors({ ...empty, accentColor: 'teal' })).toEqual({ accentColor: 'settings.page.colorInvalid' });
    expect(studioPageErrors({ ...empty, presentation: 'x'.repeat(2001), address: 'y'.repeat(301) })).toEqual({
      presentation: 'validation.tooLong',
      address: 'validation.tooLong',
    });
  });

  it('are saved trimmed, the colour in lower case as the server keeps it', () => {
    expect(studioPageValues({ ...empty, contactEmail: ' bonjour@studio.fr ', accentColor: '#0F766E', presentation: ' Portraits.\nMariages. ' })).toMatchObject({
      contactEmail: 'bonjour@studio.fr',
      accentColor: '#0f766e',
      presentation: 'Portraits.\nMariages.',
    });
  });
});
