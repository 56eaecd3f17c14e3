import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/StatusPages';
import { lazyPage } from '../lazyPage';
import { ClientLayout } from '../layouts/ClientLayout';
import { BookServicePage } from '../routes/BookServicePage';
import { ClientHomePage } from '../routes/ClientHomePage';
import { CatalogPage } from '../../features/services/CatalogPage';
import { MyBookingsPage } from '../../features/bookings/MyBookingsPage';

// The home page and the booking path (the catalog, a service's booking link, the bookings)
// come with the space: a shared booking link needs nothing more. Projects, contracts,
// galleries, messages and the profile, with their heavier components, load when opened.
const projects = lazyPage(() => import('../../features/projects/ProjectsPage').then((m) => m.ProjectsPage));
const project = lazyPage(() => import('../routes/ProjectRoutes').then((m) => m.ClientProjectRoute));
const contracts = lazyPage(() => import('../../features/contracts/ClientContracts').then((m) => m.MyContractsPage));
const contract = lazyPage(() => import('../routes/ContractRoutes').then((m) => m.ClientContractRoute));
const galleries = lazyPage(() => import('../../features/galleries/GalleriesPages').then((m) => m.ClientGalleriesPage));
const gallery = lazyPage(() => import('../../features/galleries/ClientGalleryPage').then((m) => m.ClientGalleryPage));
const messages = lazyPage(() => import('../routes/MessagesRoutes').then((m) => m.ClientMessagesRoute));
const profile = lazyPage(() => import('../routes/ProfilePage').then((m) => m.ProfilePage));

export default function ClientSpace() {
  return (
    <Routes>
      <Route element={<ClientLayout />}>
        <Route index element={<ClientHomePage />} />
        <Route path="book" element={<CatalogPage />} />
        <Route path="book/:serviceId" element={<BookServicePage />} />
        <Route path="bookings" element={<MyBookingsPage />} />
        <Route path="projects" element={projects} />
        <Route path="projects/:id" element={project} />
        <Route path="contracts" element={contracts} />
        <Route path="contracts/:id" element={contract} />
        <Route path="galleries" element={galleries} />
        <Route path="galleries/:id" element={gallery} />
        <Route path="messages" element={messages} />
        <Route path="profile" element={profile} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
