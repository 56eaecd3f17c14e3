import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime, timeZoneLabel } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { pendingChoice } from '../../features/bookings/pendingChoice';
import { serviceLink } from '../../features/services/links';

/**
 * On the sign-up and sign-in pages, the time a visitor chose on a service's page: it is
 * booked as soon as they have an account (only when the page leads back there after).
 */
export function PendingChoiceNotice() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const timeZone = useStudioTimeZone();
  const choice = pendingChoice.get();
  if (!choice || params.get('next') !== serviceLink(choice.serviceId)) return null;
  return (
    <Alert variant="light" color="brand" icon={<IconCalendarEvent size={20} aria-hidden />} title={t('publicBook.waitingTitle')} mb="lg">
      <Stack gap={4}>
        <Text size="sm" fw={600} data-testid="pending-choice">
          {choice.serviceName} — {formatDateTime(choice.start, i18n.language, timeZone)} ({timeZoneLabel(timeZone, i18n.language)})
        </Text>
        <Text size="sm">{t('publicBook.waitingText')}</Text>
        <Anchor component={Link} to={serviceLink(choice.serviceId)} size="sm" c="inherit" underline="always" w="fit-content">
          {t('publicBook.changeTime')}
        </Anchor>
      </Stack>
    </Alert>
  );
}
