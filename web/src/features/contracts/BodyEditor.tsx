import { ActionIcon, Alert, Button, Group, Menu, Paper, ScrollArea, SimpleGrid, Skeleton, Stack, Tabs, Text, Textarea, Tooltip } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconBold, IconBraces, IconH1, IconH2, IconItalic, IconList, IconListNumbers } from '@tabler/icons-react';
import { Fragment, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/errors';
import { ApiError } from '../../lib/problem';
import { usePlaceholders, usePreview } from './api';
import { ContractDocument } from './ContractDocument';
import { MAX_BODY } from './rules';
import { insertText, placeholderToken, toggleInline, toggleLines, type InlineStyle, type LineStyle, type Selection } from './markdown';
import './contracts.css';


const PREVIEW_DELAY_MS = 400;

const LINE_TOOLS: { style: LineStyle; icon: typeof IconH1 }[] = [
  { style: 'h1', icon: IconH1 },
  { style: 'h2', icon: IconH2 },
];
const INLINE_TOOLS: { style: InlineStyle; icon: typeof IconH1 }[] = [
  { style: 'bold', icon: IconBold },
  { style: 'italic', icon: IconItalic },
];
const LIST_TOOLS: { style: LineStyle; icon: typeof IconH1 }[] = [
  { style: 'bullets', icon: IconList },
  { style: 'numbers', icon: IconListNumbers },
];

// The placeholder menu's groups, by the first part of a key; the rest (price, today…) last.
const GROUPS = ['client', 'service', 'booking', 'studio', 'general'] as const;
const groupOf = (key: string) => {
  const head = key.split('.')[0];
  return (GROUPS as readonly string[]).includes(head) ? head : 'general';
};

/** A placeholder's name in the reader's language (the key itself for one this version does not know). */
function usePlaceholderLabel(): (key: string) => string {
  const { t } = useTranslation();
  return (key) => t(`contracts.placeholder.${key}`, { defaultValue: key });
}

function PlaceholderMenu({ onPick }: { onPick: (key: string) => void }) {
  const { t } = useTranslation();
  const placeholders = usePlaceholders();
  const label = usePlaceholderLabel();
  const keys = placeholders.data ?? [];
  return (
    // No focus placeholder: the first field gets the focus, and the menu holds only its items.
    <Menu position="bottom-end" withinPortal shadow="md" width={300} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="default" size="sm" leftSection={<IconBraces size={16} />}>
          {t('contracts.editor.insertPlaceholder')}
        </Button>
      </Menu.Target>
      {/* Scrolls itself: a scroll area inside would put a non-item between the menu and its items. */}
      <Menu.Dropdown mah="min(22rem, 60vh)" style={{ overflowY: 'auto' }}>
        {placeholders.isPending && <Menu.Item disabled>{t('app.loading')}</Menu.Item>}
        {placeholders.isError && <Menu.Item disabled>{problemMessage(t, placeholders.error)}</Menu.Item>}
        {GROUPS.map((group) => {
          const inGroup = keys.filter((k) => groupOf(k) === group);
          if (inGroup.length === 0) return null;
          return (
            <Fragment key={group}>
              <Menu.Label>{t(`contracts.placeholderGroup.${group}`)}</Menu.Label>
              {inGroup.map((key) => (
                <Menu.Item key={key} onClick={() => onPick(key)}>
                  <Stack gap={0}>
                    <Text size="sm">{label(key)}</Text>
                    <Text size="xs" c="dimmed" className="fingerprint">
                      {placeholderToken(key)}
                    </Text>
                  </Stack>
                </Menu.Item>
              ))}
            </Fragment>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The server's words on a body it cannot render: each unknown placeholder by name. */
function PreviewProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const unknown = error instanceof ApiError ? error.errors.filter((e) => e.code === 'unknown_placeholder').map((e) => e.message) : [];
  return (
    <Alert color="red" variant="light" role="alert">
      {unknown.length > 0 ? t('contracts.editor.unknownPlaceholders', { names: unknown.join(', '), count: unknown.length }) : problemMessage(t, error)}
    </Alert>
  );
}

/** The document as the client will read it, a moment after the typing stops. */
function BodyPreview({ body, projectId }: { body: string; projectId: string | null }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(body, PREVIEW_DELAY_MS);
  const preview = usePreview(debounced, projectId);
  if (!debounced.trim()) {
    return (
      <Text c="dimmed" size="sm">
        {t('contracts.editor.previewEmpty')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {preview.isError && <PreviewProblem error={preview.error} />}
      {preview.isPending && !preview.isError && (
        <Stack gap="xs" aria-busy="true" aria-label={t('app.loading')}>
          <Skeleton height={24} width="60%" />
          <Skeleton height={14} />
          <Skeleton height={14} width="80%" />
        </Stack>
      )}
      {preview.data && <ContractDocument blocks={preview.data} />}
    </Stack>
  );
}

interface Props {
  value: string;
  onChange: (value: string) => void;
  label: string;
  name?: string;
  error?: ReactNode;
  /** The preview fills the placeholders with this project's values (sample values without one). */
  projectId?: string | null;
  /** Offers the placeholder menu (templates; a contract's text has its values already). */
  placeholders?: boolean;
}

/**
 * Writing a template or a contract: a toolbar over a plain textarea (headings, bold, italic,
 * lists, placeholders; Ctrl/⌘+B and +I too), and the rendered document beside it on a wide
 * screen, behind a "Preview" tab on a phone.
 */
export function BodyEditor({ value, onChange, label, name = 'body', error, projectId = null, placeholders = true }: Props) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 62em)', false, { getInitialValueInEffect: false });
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  const apply = (edit: (sel: Selection) => Selection) => {
    const el = textarea.current;
    const next = edit({ value, start: el?.selectionStart ?? value.length, end: el?.selectionEnd ?? value.length });
    onChange(next.value);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.start, next.end);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    const style = ({ b: 'bold', i: 'italic' } as const)[e.key.toLowerCase() as 'b' | 'i'];
    if (!style) return;
    e.preventDefault();
    apply((sel) => toggleInline(sel, style));
  };

  const tool = (key: string, label: string, Icon: typeof IconH1, edit: (sel: Selection) => Selection) => (
    <Tooltip key={key} label={label} withinPortal>
      <ActionIcon variant="default" size="lg" aria-label={label} onClick={() => apply(edit)}>
        <Icon size={18} />
      </ActionIcon>
    </Tooltip>
  );

  const toolbar = (
    <Group gap={6} justify="space-between" wrap="wrap" role="toolbar" aria-label={t('contracts.editor.toolbar')} aria-controls={id}>
      <Group gap={4} wrap="wrap">
        {LINE_TOOLS.map(({ style, icon }) => tool(style, t(`contracts.editor.tool.${style}`), icon, (sel) => toggleLines(sel, style)))}
        {INLINE_TOOLS.map(({ style, icon }) => tool(style, t(`contracts.editor.tool.${style}`), icon, (sel) => toggleInline(sel, style)))}
        {LIST_TOOLS.map(({ style, icon }) => tool(style, t(`contracts.editor.tool.${style}`), icon, (sel) => toggleLines(sel, style)))}
      </Group>
      {placeholders && <PlaceholderMenu onPick={(key) => apply((sel) => insertText(sel, placeholderToken(key)))} />}
    </Group>
  );

  const editor = (
    <Textarea
      ref={textarea}
      id={id}
      name={name}
      label={label}
      description={t('contracts.editor.syntax')}
      required
      value={value}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={onKeyDown}
      maxLength={MAX_BODY}
      autosize
      minRows={12}
      maxRows={wide ? 28 : 18}
      inputContainer={(input) => (
        <Stack gap={6}>
          {toolbar}
          {input}
        </Stack>
      )}
      styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.9rem', lineHeight: 1.6 } }}
    />
  );

  const preview = (
    <Paper withBorder p="md">
      <BodyPreview body={value} projectId={projectId} />
    </Paper>
  );

  if (wide) {
    return (
      <SimpleGrid cols={2} spacing="lg">
        {editor}
        <Stack gap={6}>
          <Text size="sm" fw={500} component="h3" m={0} id={`${id}-preview`}>
            {t('contracts.editor.preview')}
          </Text>
          {/* A named region that takes the focus, so that a keyboard scrolls a long preview too. */}
          <ScrollArea.Autosize mah="75vh" type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-labelledby': `${id}-preview` }}>
            {preview}
          </ScrollArea.Autosize>
        </Stack>
      </SimpleGrid>
    );
  }
  return (
    <Tabs defaultValue="write" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="write">{t('contracts.editor.write')}</Tabs.Tab>
        <Tabs.Tab value="preview">{t('contracts.editor.preview')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="write" pt="sm">
        {editor}
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="sm">
        {preview}
      </Tabs.Panel>
    </Tabs>
  );
}
