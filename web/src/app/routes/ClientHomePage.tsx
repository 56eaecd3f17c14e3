import { Button, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useAuth } from '../../lib/auth';
import { useStudio } from '../../lib/studio';
import { ClientNextSteps } from './ClientNextSteps';
import { ContractsToSign } from '../../features/contracts/ClientContracts';

/** The client's home: the contracts to sign, their next session, their contact details. */
export function ClientHomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const studio = useStudio();
  if (!user) return null;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('clientHome.greeting', { name: user.firstName })}
        screen={t('nav.home')}
        subtitle={t('clientHome.subtitle', { studio: studio.data?.name ?? 'Déclic' })}
      />
      <ContractsToSign />
      <Stack gap="xs">
        <Text fw={600} component="h2" m={0}>
          {t('clientHome.nextTitle')}
        </Text>
        <ClientNextSteps />
      </Stack>
      <Card>
        <Stack gap="xs" align="flex-start">
          <Text fw={600} component="h2" m={0}>
            {t('clientHome.profileCard')}
          </Text>
          <Text>
            {user.firstName} {user.lastName}
          </Text>
          <Text c="dimmed">{user.email}</Text>
          {user.phone && <Text c="dimmed">{user.phone}</Text>}
          <Button component={Link} to="/client/profile" variant="light" mt="xs">
            {t('clientHome.profileAction')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}
