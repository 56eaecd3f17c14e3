import { Route, Routes } from 'react-router';
import { NotAllowedPage, NotFoundPage } from '../../components/StatusPages';
import { useAuth } from '../../lib/auth';
import { lazyPage } from '../lazyPage';
import { ProfessionalLayout } from '../layouts/ProfessionalLayout';
import { ClientPage } from '../routes/ClientPage';
import { DashboardPage } from '../routes/DashboardPage';
import { StaffMessagesRoute } from '../routes/MessagesRoutes';
import { ProfilePage } from '../routes/ProfilePage';
import { StaffProjectRoute } from '../routes/ProjectRoutes';
import { ServicesRoute } from '../routes/ServicesRoute';
import { SettingsRoute } from '../routes/SettingsRoute';
import { ClientsPage } from '../../features/users/ClientsPage';
import { UsersPage } from '../../features/users/UsersPage';
import { CalendarPage } from '../../features/bookings/CalendarPage';
import { RequestsPage } from '../../features/bookings/RequestsPage';
import { ProjectsPage } from '../../features/projects/ProjectsPage';
import { ContractsPage } from '../../features/contracts/ContractsPage';
import { TemplateEditorPage } from '../../features/contracts/TemplateEditorPage';
import { TemplatesPage } from '../../features/contracts/TemplatesPage';
import { AvailabilityPage } from '../../features/availability/AvailabilityPage';
import { StaffGalleriesPage } from '../../features/galleries/GalleriesPages';

// A gallery's page brings the upload client (tus) with it: loaded when first opened.
const gallery = lazyPage(() => import('../../features/galleries/StaffGalleryPage').then((m) => m.StaffGalleryPage));

export default function ProfessionalSpace() {
  const { user } = useAuth();
  const admin = user?.role === 'ADMIN';
  return (
    <Routes>
      <Route element={<ProfessionalLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="clients" element={<ClientsPage />} />
        <Route path="clients/:id" element={<ClientPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="requests" element={<RequestsPage />} />
        {/* One route with an optional id: picking a conversation keeps the list (and its search) mounted. */}
        <Route path="messages/:conversationId?" element={<StaffMessagesRoute />} />
        <Route path="projects" element={<ProjectsPage />} />
        <Route path="projects/:id" element={<StaffProjectRoute />} />
        <Route path="services" element={<ServicesRoute />} />
        <Route path="contracts" element={<ContractsPage />} />
        <Route path="contracts/templates" element={<TemplatesPage />} />
        <Route path="contracts/templates/new" element={<TemplateEditorPage />} />
        <Route path="contracts/templates/:id" element={<TemplateEditorPage />} />
        <Route path="galleries" element={<StaffGalleriesPage />} />
        <Route path="galleries/:id" element={gallery} />
        <Route path="availability" element={<AvailabilityPage />} />
        <Route path="users" element={admin ? <UsersPage /> : <NotAllowedPage reservedTo="admin" />} />
        <Route path="settings" element={admin ? <SettingsRoute /> : <NotAllowedPage reservedTo="admin" />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
