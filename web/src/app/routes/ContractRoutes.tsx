import { useParams } from 'react-router';
import { ClientContractPage } from '../../features/contracts/ClientContractPage';
import { useReadNotificationsAbout } from '../../features/notifications/api';

/** A client reading a contract (/client/contracts/:id): its notifications are read with it. */
export function ClientContractRoute() {
  const { id = null } = useParams();
  useReadNotificationsAbout(id);
  return <ClientContractPage />;
}
