import { Card, Image, List, Text, ThemeIcon } from '@mantine/core';
import { IconCamera, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../types/api';

/** A service card's picture: its photo, or a plain cover in the studio's colour. Decorative. */
export function ServiceCover({ service }: { service: Service }) {
  if (service.coverUrl) {
    return (
      <Card.Section>
        <Image src={service.coverUrl} alt="" h={180} fit="cover" loading="lazy" data-testid="service-photo" />
      </Card.Section>
    );
  }
  return (
    <Card.Section className="service-cover" aria-hidden>
      <IconCamera size={32} stroke={1.5} />
    </Card.Section>
  );
}

/** What the price includes, a line each ("20 photos retouchées"); nothing when none is said. */
export function IncludedList({ service }: { service: Service }) {
  const { t } = useTranslation();
  const lines = service.included ?? [];
  if (lines.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {t('services.includedTitle')}
      </Text>
      <List
        size="sm"
        spacing={4}
        data-testid="included"
        icon={
          <ThemeIcon size={18} radius="xl" variant="light" aria-hidden>
            <IconCheck size={12} />
          </ThemeIcon>
        }
      >
        {lines.map((line, i) => (
          <List.Item key={i}>{line}</List.Item>
        ))}
      </List>
    </div>
  );
}
