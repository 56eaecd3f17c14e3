import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/errors';
import { uploadAttachment } from './api';
import { checkFiles, type FileProblem } from './attachments';

export interface PendingFile {
  key: string;
  file: File;
  /** 0 to 1. */
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  /** The server's id once uploaded. */
  id?: string;
  error?: string;
}

let nextKey = 0;

/**
 * The files attached to the message being written: checked, then uploaded at once (each
 * with its progress), removable (an upload in flight is cancelled).
 */
export function useUploads(conversationId: string) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [problems, setProblems] = useState<FileProblem[]>([]);
  const controllers = useRef(new Map<string, AbortController>());

  const update = useCallback((key: string, change: Partial<PendingFile>) => {
    setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...change } : f)));
  }, []);

  const add = (picked: File[]) => {
    const { accepted, problems: found } = checkFiles(picked, files.length);
    setProblems(found);
    const added = accepted.map((file): PendingFile => ({ key: `f${++nextKey}`, file, progress: 0, state: 'uploading' }));
    setFiles((list) => [...list, ...added]);
    for (const pending of added) {
      const controller = new AbortController();
      controllers.current.set(pending.key, controller);
      uploadAttachment(conversationId, pending.file, (progress) => update(pending.key, { progress }), controller.signal)
        .then((uploaded) => update(pending.key, { state: 'done', progress: 1, id: uploaded.id }))
        .catch((error: unknown) => {
          if ((error as Error)?.name !== 'AbortError') update(pending.key, { state: 'failed', error: problemMessage(t, error) });
        })
        .finally(() => controllers.current.delete(pending.key));
    }
  };

  const remove = (key: string) => {
    controllers.current.get(key)?.abort();
    setFiles((list) => list.filter((f) => f.key !== key));
  };

  const clear = () => {
    setFiles([]);
    setProblems([]);
  };

  // Leaving the conversation cancels what is still uploading.
  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((c) => c.abort());
  }, []);

  return {
    files,
    problems,
    dismissProblems: () => setProblems([]),
    add,
    remove,
    clear,
    uploading: files.some((f) => f.state === 'uploading'),
    failed: files.some((f) => f.state === 'failed'),
    ids: files.flatMap((f) => (f.id ? [f.id] : [])),
  };
}
