import { StorageCard } from '../../features/galleries/StorageCard';
import { SettingsPage } from '../../features/settings/SettingsPage';

/** ADMIN: the studio's settings, with how much storage its galleries use. */
export function SettingsRoute() {
  return <SettingsPage cards={<StorageCard />} />;
}
