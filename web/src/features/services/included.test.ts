import { describe, expect, it } from 'vitest';
import { includedLines, includedProblem } from './included';

describe('includedLines', () => {
  it('keeps each non-blank line, trimmed', () => {
    expect(includedLines('  1 h de séance \n\n20 photos retouchées\r\n   \nGalerie')).toEqual(['1 h de séance', '20 photos retouchées', 'Galerie']);
    expect(includedLines('')).toEqual([]);
  });
});

describe('includedProblem', () => {
  it('refuses more than twelve lines or a line over 120 characters, as the server does', () => {
    expect(includedProblem(Array(12).fill('x'))).toBeNull();
    expect(includedProblem(Array(13).fill('x'))).toBe('services.includedTooMany');
    expect(includedProblem(['é'.repeat(120)])).toBeNull();
    expect(includedProblem(['é'.repeat(121)])).toBe('services.includedTooLong');
  });
});
