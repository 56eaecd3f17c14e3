import { ContractSection } from '../../features/contracts/ContractSection';
import { ProjectContractCard } from '../../features/contracts/ClientContracts';
import { ProjectPage } from '../../features/projects/ProjectPage';

/** Staff: a project's page with its contract, from the template to the countersignature. */
export function StaffProjectRoute() {
  return <ProjectPage sections={(project) => <ContractSection project={project} />} />;
}

/** A client: their project's page with the contract the studio sent them. */
export function ClientProjectRoute() {
  return <ProjectPage sections={(project) => <ProjectContractCard projectId={project.id} />} />;
}
