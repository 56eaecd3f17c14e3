import { TemplateSelect } from '../../features/contracts/TemplateSelect';
import { ServicesPage } from '../../features/services/ServicesPage';

/** Staff: the services, each with the contract template its projects start from. */
export function ServicesRoute() {
  return <ServicesPage templateField={(props) => <TemplateSelect {...props} />} />;
}
