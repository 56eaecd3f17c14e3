import { notifications } from '@mantine/notifications';
import i18n from './i18n';

// The close button is an icon: it needs a name for screen readers.
function show(message: string, color: string, autoClose: number | false): void {
  notifications.show({ message, color, autoClose, closeButtonProps: { 'aria-label': i18n.t('common.close') } });
}

export function toastSuccess(message: string): void {
  show(message, 'teal', 4000);
}

export function toastError(message: string): void {
  show(message, 'red', false);
}
