// Where the gallery screens live, in each space.
const id = (value: string) => encodeURIComponent(value);

export const galleryPaths = {
  staffList: '/pro/galleries',
  staff: (galleryId: string) => `/pro/galleries/${id(galleryId)}`,
  staffProject: (projectId: string) => `/pro/projects/${id(projectId)}`,
  clientList: '/client/galleries',
  client: (galleryId: string) => `/client/galleries/${id(galleryId)}`,
};
