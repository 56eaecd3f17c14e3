import { notifications } from '@mantine/notifications';

export function toastSuccess(message: string): void {
  notifications.show({ message, color: 'teal', autoClose: 4000 });
}
