import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../lib/errors';

/** A query that failed: what happened and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('errors.loadFailed')} role="alert">
      {problemMessage(t, error)}
      {onRetry && (
        <Button variant="subtle" color="red" size="xs" ml="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
