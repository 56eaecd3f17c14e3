import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickerLocale } from '../lib/dates';

/** The date pickers speak the interface's language and follow it when it changes; weeks start on Monday. */
export function DatesLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: pickerLocale(i18n.language), firstDayOfWeek: 1, weekendDays: [0, 6] }}>{children}</DatesProvider>;
}
