// The composer's text: drafts kept per conversation, saved replies' placeholders filled in.

const draftKey = (conversationId: string) => `declic.draft.${conversationId}`;

export function loadDraft(conversationId: string): string {
  try {
    return localStorage.getItem(draftKey(conversationId)) ?? '';
  } catch {
    return '';
  }
}

/** An empty draft is removed rather than stored. */
export function saveDraft(conversationId: string, text: string): void {
  try {
    if (text.trim()) localStorage.setItem(draftKey(conversationId), text);
    else localStorage.removeItem(draftKey(conversationId));
  } catch {
    // Private mode or a full storage: the draft lives as long as the page.
  }
}

export interface PlaceholderValues {
  client: { firstName: string; lastName: string };
  studioName: string;
}

/** `{{client.firstName}}`, `{{client.lastName}}`, `{{studio.name}}` → their values; any other `{{…}}` stays as written. */
export function fillPlaceholders(body: string, values: PlaceholderValues): string {
  const known: Record<string, string> = {
    'client.firstName': values.client.firstName,
    'client.lastName': values.client.lastName,
    'studio.name': values.studioName,
  };
  return body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => known[name] ?? whole);
}

/** `text` put in at the caret (or instead of the selection); returns the new value and caret. */
export function insertAt(value: string, text: string, start: number, end: number): { value: string; caret: number } {
  const before = value.slice(0, start);
  const after = value.slice(end);
  const sep = before && !/\s$/.test(before) ? ' ' : '';
  return { value: before + sep + text + after, caret: (before + sep + text).length };
}

/** The server's limit. */
export const MAX_BODY = 5000;
