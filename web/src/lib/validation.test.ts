import { describe, expect, it } from 'vitest';
import {
  confirmError,
  emailError,
  isValid,
  nameError,
  passwordError,
  phoneError,
  validateProfile,
  validateRegister,
} from './validation';

describe('field rules', () => {
  it('e-mail', () => {
    expect(emailError('')).toBe('validation.required');
    expect(emailError('   ')).toBe('validation.required');
    expect(emailError('nope')).toBe('validation.email');
    expect(emailError('a@b')).toBe('validation.email');
    expect(emailError('a b@c.fr')).toBe('validation.email');
    expect(emailError(`${'a'.repeat(250)}@b.fr`)).toBe('validation.email');
    expect(emailError(' camille@studio.fr ')).toBeUndefined();
  });

  it('password: at least 10 characters, counted as characters not bytes', () => {
    expect(passwordError('')).toBe('validation.required');
    expect(passwordError('123456789')).toBe('validation.passwordTooShort');
    expect(passwordError('1234567890')).toBeUndefined();
    expect(passwordError('📷📷📷📷📷')).toBe('validation.passwordTooShort');
    expect(passwordError('éééééééééé')).toBeUndefined();
  });

  it('names, phone, confirmation', () => {
    expect(nameError(' ')).toBe('validation.required');
    expect(nameError('x'.repeat(101))).toBe('validation.tooLong');
    expect(nameError('Zoé')).toBeUndefined();
    expect(phoneError('')).toBeUndefined();
    expect(phoneError('+33 6 12 34 56 78')).toBeUndefined();
    expect(phoneError('call me')).toBe('validation.phone');
    expect(phoneError('1'.repeat(41))).toBe('validation.tooLong');
    expect(confirmError('secret-1234', '')).toBe('validation.required');
    expect(confirmError('secret-1234', 'secret-1235')).toBe('validation.passwordsDiffer');
    expect(confirmError('secret-1234', 'secret-1234')).toBeUndefined();
  });
});

describe('forms', () => {
  it('registration lists every wrong field and only those', () => {
    const errors = validateRegister({ firstName: '', lastName: 'Martin', email: 'x', password: 'short' });
    expect(errors).toEqual({
      firstName: 'validation.required',
      email: 'validation.email',
      password: 'validation.passwordTooShort',
    });
    expect(isValid(errors)).toBe(false);
  });

  it('a complete registration is valid', () => {
    const errors = validateRegister({
      firstName: 'Camille',
      lastName: 'Martin',
      email: 'camille@example.fr',
      password: 'correct horse',
    });
    expect(isValid(errors)).toBe(true);
  });

  it('profile', () => {
    expect(validateProfile({ firstName: 'A', lastName: '', phone: 'abc' })).toEqual({
      lastName: 'validation.required',
      phone: 'validation.phone',
    });
  });
});
