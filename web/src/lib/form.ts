import { useCallback, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './problem';
import { fieldMessage, problemMessage } from './errors';
import { isValid, type Errors } from './validation';

type Values<F extends string> = Record<F, string>;

interface SubmitOptions {
  /** Overrides the banner text for some errors (e.g. 401 on a sign-in form). */
  message?: (error: unknown) => string | undefined;
}

/**
 * Form state with inline errors from two sources: the client-side checks (i18n keys) and
 * the API's problem+json errors[] (translated by code). A field's error clears as soon
 * as it is edited.
 */
export function useForm<F extends string>(initial: Values<F>, validate: (values: Values<F>) => Errors<F>) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors<F>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const setValue = useCallback((name: F, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => (e[name] ? { ...e, [name]: undefined } : e));
  }, []);

  const field = (name: F) => ({
    name,
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValue(name, e.currentTarget.value),
    error: errors[name],
  });

  const submit = async (action: (values: Values<F>) => Promise<void>, options: SubmitOptions = {}) => {
    setFormError(null);
    const found = validate(values);
    if (!isValid(found)) {
      const translated: Errors<F> = {};
      for (const [k, key] of Object.entries(found) as [F, string][]) translated[k] = t(key);
      setErrors(translated);
      return;
    }
    setSubmitting(true);
    try {
      await action(values);
      setErrors({});
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) {
        const fromServer: Errors<F> = {};
        for (const e of error.errors) {
          if (e.field in values) fromServer[e.field as F] ??= fieldMessage(t, e);
        }
        setErrors(fromServer);
      }
      setFormError(options.message?.(error) ?? problemMessage(t, error));
    } finally {
      setSubmitting(false);
    }
  };

  const reset = useCallback((next: Values<F>) => {
    setValues(next);
    setErrors({});
    setFormError(null);
  }, []);

  return { values, setValue, setValues, errors, field, submit, submitting, formError, setFormError, reset };
}
