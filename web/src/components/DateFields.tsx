// Date, date-and-time and time fields in the interface's language instead of the browser's
// native inputs (which follow the browser's locale: "mm/dd/yyyy", "09:00 AM" in a French
// page). The language comes from the DatesProvider at the app's root; the clock is 24 h.
// Each field hands over the strings the forms always sent ("YYYY-MM-DD", "HH:MM",
// "YYYY-MM-DDTHH:MM" for localInputToIso).
import {
  DatePickerInput,
  DateTimePicker,
  TimePicker,
  type CalendarAriaLabels,
  type DatePickerInputProps,
  type DateTimePickerProps,
  type TimePickerProps,
} from '@mantine/dates';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_TIME_VALUE_FORMAT, DATE_VALUE_FORMAT, fromPickerDate, fromPickerDateTime, fromPickerTime, toPickerDateTime } from '../lib/dates';
import { usePhone } from '../lib/usePhone';

function calendarLabels(t: TFunction): CalendarAriaLabels {
  return {
    previousMonth: t('dates.previousMonth'),
    nextMonth: t('dates.nextMonth'),
    previousYear: t('dates.previousYear'),
    nextYear: t('dates.nextYear'),
    previousDecade: t('dates.previousDecade'),
    nextDecade: t('dates.nextDecade'),
    // The month and year controls are named by their visible text ("mars 2027"): another
    // aria-label would hide it from speech control (label in name).
  };
}

/**
 * On a phone the calendar opens full width in a dialog named after the field, not in a popover.
 * The popover is a dialog named after the field too: Mantine labels it by an id the field's
 * button does not keep (it has the label's).
 */
function useDropdown(label: ReactNode) {
  const phone = usePhone();
  const name = typeof label === 'string' ? label : undefined;
  return phone
    ? ({ dropdownType: 'modal', modalProps: { title: label, centered: true } } as const)
    : ({ dropdownType: 'popover', popoverProps: { attributes: { dropdown: { 'aria-labelledby': undefined, 'aria-label': name } } } } as const);
}

type DateFieldProps = Omit<DatePickerInputProps<'default'>, 'type' | 'value' | 'defaultValue' | 'onChange'> & {
  /** "YYYY-MM-DD", or "" for none. */
  value: string;
  onChange: (day: string) => void;
};

/** A day, shown "28 mars 2027"; "" when cleared (pass `clearable`). */
export function DateField({ value, onChange, label, ...props }: DateFieldProps) {
  const { t } = useTranslation();
  return (
    <DatePickerInput
      label={label}
      valueFormat={DATE_VALUE_FORMAT}
      ariaLabels={calendarLabels(t)}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      {...useDropdown(label)}
      {...props}
      value={value || null}
      onChange={(v) => onChange(fromPickerDate(v))}
    />
  );
}

type DateTimeFieldProps = Omit<DateTimePickerProps, 'value' | 'defaultValue' | 'onChange'> & {
  /** "YYYY-MM-DDTHH:MM" (the wall clock of the studio's zone, for localInputToIso), or "". */
  value: string;
  onChange: (local: string) => void;
};

/** A day and a time, shown "28 mars 2027, 09:30". */
export function DateTimeField({ value, onChange, label, ...props }: DateTimeFieldProps) {
  const { t } = useTranslation();
  const name = typeof label === 'string' ? label : '';
  return (
    <DateTimePicker
      label={label}
      valueFormat={DATE_TIME_VALUE_FORMAT}
      ariaLabels={calendarLabels(t)}
      defaultTimeValue="09:00"
      timePickerProps={{
        format: '24h',
        role: 'group',
        'aria-label': t('dates.timeOf', { label: name }),
        hoursInputLabel: t('dates.hoursOf', { label: name }),
        minutesInputLabel: t('dates.minutesOf', { label: name }),
      }}
      submitButtonProps={{ 'aria-label': t('dates.done') }}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      {...useDropdown(label)}
      {...props}
      value={toPickerDateTime(value)}
      onChange={(v) => onChange(fromPickerDateTime(v))}
    />
  );
}

type TimeFieldProps = Omit<TimePickerProps, 'value' | 'defaultValue' | 'onChange' | 'format'> & {
  /** "HH:MM", or "" while incomplete. */
  value: string;
  onChange: (time: string) => void;
  /** The field's name when it has no visible label ("Lundi — début"). */
  'aria-label'?: string;
};

/** A time of day on the 24-hour clock ("09:30"): hours and minutes typed or picked from a list. */
export function TimeField({ value, onChange, label, 'aria-label': ariaLabel, ...props }: TimeFieldProps) {
  const { t } = useTranslation();
  const name = ariaLabel ?? (typeof label === 'string' ? label : '');
  return (
    <TimePicker
      label={label}
      format="24h"
      // The two boxes (hours, minutes) form one group named after the field.
      role="group"
      aria-label={name}
      hoursInputLabel={t('dates.hoursOf', { label: name })}
      minutesInputLabel={t('dates.minutesOf', { label: name })}
      withDropdown
      minutesStep={5}
      {...props}
      value={value}
      onChange={(v) => onChange(fromPickerTime(v))}
    />
  );
}
