import { ContractSection } from '../../features/contracts/ContractSection';
import { ProjectContractCard } from '../../features/contracts/ClientContracts';
import { ProjectGalleries, ProjectGalleriesCard } from '../../features/galleries/ProjectGalleries';
import { ProjectPage } from '../../features/projects/ProjectPage';

/** Staff: a project's page with its contract, from the template to the countersignature, and its galleries. */
export function StaffProjectRoute() {
  return (
    <ProjectPage
      sections={(project) => (
        <>
          <ContractSection project={project} />
          <ProjectGalleries projectId={project.id} />
        </>
      )}
    />
  );
}

/** A client: their project's page with the contract the studio sent them and its published galleries. */
export function ClientProjectRoute() {
  return (
    <ProjectPage
      sections={(project) => (
        <>
          <ProjectContractCard projectId={project.id} />
          <ProjectGalleriesCard projectId={project.id} />
        </>
      )}
    />
  );
}
