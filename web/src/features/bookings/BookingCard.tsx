import { Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge';
import { displayName, formatDateTime, formatMoney, timeZoneLabel } from '../../lib/format';
import type { Booking } from '../../types/api';

/** One booking: when (with its zone), what, for whom, the price copied at booking time. */
export function BookingCard({ booking, timeZone, showClient, children }: { booking: Booking; timeZone: string; showClient: boolean; children?: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <Card data-testid="booking">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Text fw={600}>{booking.service.name}</Text>
            <Text>
              {formatDateTime(booking.start, i18n.language, timeZone)}{' '}
              <Text span c="dimmed" size="sm">
                ({timeZoneLabel(timeZone, i18n.language)})
              </Text>
            </Text>
            {showClient && <Text size="sm">{displayName(booking.client)}</Text>}
            <Text size="sm" c="dimmed">
              {formatMoney(booking.priceCents, booking.currency ?? 'EUR', i18n.language)}
            </Text>
          </Stack>
          <StatusBadge status={booking.status} />
        </Group>
        {booking.notes && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {booking.notes}
          </Text>
        )}
        {children}
      </Stack>
    </Card>
  );
}
