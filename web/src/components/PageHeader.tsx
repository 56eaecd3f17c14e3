import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { DocumentTitle } from './DocumentTitle';

interface Props {
  title: string;
  subtitle?: string;
  action?: ReactNode;
  /** The screen's name in the browser tab when the title is not one ("Hello Marie"); else the title. */
  screen?: string;
}

/** Title, one sentence, and the screen's one primary action on the right. */
export function PageHeader({ title, subtitle, action, screen }: Props) {
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="sm">
      <DocumentTitle screen={screen ?? title} />
      <Stack gap={2}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {subtitle && <Text c="dimmed">{subtitle}</Text>}
      </Stack>
      {action}
    </Group>
  );
}
