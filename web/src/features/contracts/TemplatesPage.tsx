import { ActionIcon, Anchor, Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { useStudioTimeZone } from '../../lib/studio';
import { useTemplates, type ContractTemplate } from './api';
import { contractPaths } from './paths';
import { DeleteTemplateModal } from './TemplateEditorPage';

/** Staff: the studio's contract templates, each opened in the editor. */
export function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const templates = useTemplates();
  const timeZone = useStudioTimeZone();
  const [deleting, setDeleting] = useState<ContractTemplate | null>(null);
  const create = (
    <Button component={Link} to={contractPaths.newTemplate} leftSection={<IconPlus size={18} />}>
      {t('contracts.templates.create')}
    </Button>
  );

  return (
    <Stack gap="md">
      <Anchor component={Link} to={contractPaths.staffList} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {t('nav.contracts')}
        </Group>
      </Anchor>
      <PageHeader title={t('contracts.templates.title')} subtitle={t('contracts.templates.subtitle')} action={create} />
      {templates.isPending && <Skeleton height={160} radius="lg" />}
      {templates.isError && <LoadError error={templates.error} onRetry={() => void templates.refetch()} />}
      {templates.isSuccess && templates.data.length === 0 && <EmptyState text={t('contracts.templates.none')} action={create} />}
      {templates.data?.map((template) => (
        <Card key={template.id} p="md" data-testid="template">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Stack gap={2} miw={0}>
              <Anchor component={Link} to={contractPaths.template(template.id)} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {template.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t('contracts.templates.updated', { date: formatDate(template.updatedAt, i18n.language, timeZone) })}
              </Text>
            </Stack>
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('contracts.templates.delete', { name: template.name })} onClick={() => setDeleting(template)}>
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        </Card>
      ))}
      <DeleteTemplateModal template={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}
