import type { TFunction } from 'i18next';

/**
 * A service's minimum booking notice in words: "24 h", "3 jours" ("72 hours" would make a
 * client count). Whole days from two days up; null when the service needs none.
 */
export function noticeText(t: TFunction, hours: number): string | null {
  if (hours <= 0) return null;
  if (hours >= 48 && hours % 24 === 0) return t('services.noticeDays', { count: hours / 24 });
  return t('services.noticeHours', { count: hours });
}
