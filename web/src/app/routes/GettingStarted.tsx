import { Anchor, Badge, Box, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconCircle, IconCircleCheckFilled } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../lib/auth';
import { useWeekly } from '../../features/availability/api';
import { useServices } from '../../features/services/api';
import { useSettings } from '../../features/settings/api';
import { useUserList } from '../../features/users/api';
import { checklistVisible, gettingStartedSteps, hasStudioDetails, loadDismissed, saveDismissed, type Step } from './gettingStarted';

/**
 * The checklist's state for the signed-in staff member, from queries other screens share
 * (the services list with archived ones, the first page of clients): nothing extra is fetched
 * once they are in the cache. The studio details are an ADMIN's step only (the settings are theirs).
 */
export function useGettingStarted() {
  const { user } = useAuth();
  const admin = user?.role === 'ADMIN';
  const weekly = useWeekly();
  const services = useServices(true);
  const settings = useSettings(admin);
  const clients = useUserList('CLIENT', '');
  const [dismissed, setDismissed] = useState(() => (user ? loadDismissed(user.id) : false));
  const clientCount = clients.data?.pages[0]?.items.length;
  const steps = gettingStartedSteps({
    workingRanges: weekly.data?.length,
    activeServices: services.data?.filter((s) => s.active).length,
    studioDetails: admin ? (settings.data ? hasStudioDetails(settings.data) : undefined) : null,
    clients: clientCount,
  });
  const dismiss = () => {
    if (user) saveDismissed(user.id);
    setDismissed(true);
  };
  return { steps, visible: checklistVisible(steps, dismissed), dismiss, noClients: clientCount === 0 };
}

function StepRow({ step }: { step: Step }) {
  const { t } = useTranslation();
  const Icon = step.done ? IconCircleCheckFilled : IconCircle;
  return (
    <Box component="li" data-done={step.done || undefined}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Box c={step.done ? 'teal.8' : 'gray.6'} mt={2} style={{ flexShrink: 0, display: 'flex' }}>
          <Icon size={22} aria-hidden />
        </Box>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Anchor component={Link} to={step.to} fw={500}>
            {t(`gettingStarted.steps.${step.key}.title`)}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t(`gettingStarted.steps.${step.key}.text`)}
          </Text>
        </Stack>
        {/* The state in words, not only the icon's colour. */}
        <Badge color={step.done ? 'teal' : 'gray'} variant="light" style={{ flexShrink: 0 }}>
          {step.done ? t('gettingStarted.done') : t('gettingStarted.todo')}
        </Badge>
      </Group>
    </Box>
  );
}

/** The first steps of a new studio, each a link to its screen, done or to do. */
export function GettingStartedCard({ steps, onDismiss }: { steps: Step[]; onDismiss: () => void }) {
  const { t } = useTranslation();
  const done = steps.filter((s) => s.done).length;
  return (
    <Card component="section" aria-labelledby="getting-started" mb="md" data-testid="getting-started">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2}>
            <Text fw={600} component="h2" m={0} id="getting-started">
              {t('gettingStarted.title')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('gettingStarted.intro')} {t('gettingStarted.progress', { done, total: steps.length })}
            </Text>
          </Stack>
          <Button variant="subtle" color="gray" size="xs" onClick={onDismiss}>
            {t('gettingStarted.hide')}
          </Button>
        </Group>
        <Stack component="ol" role="list" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {steps.map((s) => (
            <StepRow key={s.key} step={s} />
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
