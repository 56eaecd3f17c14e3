// Where the contract screens live, in each space.
const id = (value: string) => encodeURIComponent(value);

export const contractPaths = {
  staffList: '/pro/contracts',
  templates: '/pro/contracts/templates',
  newTemplate: '/pro/contracts/templates/new',
  template: (templateId: string) => `/pro/contracts/templates/${id(templateId)}`,
  /** Staff handle a contract on its project's page. */
  staffContract: (projectId: string) => `/pro/projects/${id(projectId)}#contract`,
  clientList: '/client/contracts',
  clientContract: (contractId: string) => `/client/contracts/${id(contractId)}`,
  /** Public; the address a contract's PDF prints (with the contract's id: what the studio recorded). */
  verify: (contractId?: string) => (contractId ? `/verifier/${id(contractId)}` : '/verifier'),
};
