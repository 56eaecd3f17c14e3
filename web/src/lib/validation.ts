// Client-side checks that mirror the server's rules, so most mistakes are caught before a
// round trip. Values are i18n keys; the server's errors[] remain the authority.
export type Errors<F extends string = string> = Partial<Record<F, string>>;

export const PASSWORD_MIN = 10;
export const NAME_MAX = 100;
export const PHONE_MAX = 40;
export const ADDRESS_MAX = 300;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailError(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'validation.required';
  if (v.length > 254 || !EMAIL.test(v)) return 'validation.email';
  return undefined;
}

export function passwordError(value: string): string | undefined {
  if (!value) return 'validation.required';
  if ([...value].length < PASSWORD_MIN) return 'validation.passwordTooShort';
  return undefined;
}

export function nameError(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'validation.required';
  if (v.length > NAME_MAX) return 'validation.tooLong';
  return undefined;
}

export function phoneError(value: string): string | undefined {
  if (value.length > PHONE_MAX) return 'validation.tooLong';
  if (value && !/^[+0-9 ().-]+$/.test(value)) return 'validation.phone';
  return undefined;
}

/** A postal address (several lines), optional. */
export function addressError(value: string): string | undefined {
  return value.trim().length > ADDRESS_MAX ? 'validation.tooLong' : undefined;
}

export function confirmError(password: string, confirm: string): string | undefined {
  if (!confirm) return 'validation.required';
  return password === confirm ? undefined : 'validation.passwordsDiffer';
}

/** Drops the fields without an error; an empty result means the form is valid. */
export function collect<F extends string>(checks: Record<F, string | undefined>): Errors<F> {
  const out: Errors<F> = {};
  for (const [field, error] of Object.entries(checks) as [F, string | undefined][]) {
    if (error) out[field] = error;
  }
  return out;
}

export function isValid(errors: Errors): boolean {
  return Object.keys(errors).length === 0;
}

export interface ProfileInput {
  firstName: string;
  lastName: string;
  phone: string;
}

export function validateProfile(v: ProfileInput): Errors<keyof ProfileInput> {
  return collect({ firstName: nameError(v.firstName), lastName: nameError(v.lastName), phone: phoneError(v.phone) });
}

export interface RegisterInput {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
}

export function validateRegister(v: RegisterInput): Errors<keyof RegisterInput> {
  return collect({
    firstName: nameError(v.firstName),
    lastName: nameError(v.lastName),
    email: emailError(v.email),
    password: passwordError(v.password),
  });
}
