import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/StatusPages';
import { ClientLayout } from '../layouts/ClientLayout';
import { BookServicePage } from '../routes/BookServicePage';
import { ClientHomePage } from '../routes/ClientHomePage';
import { ClientMessagesRoute } from '../routes/MessagesRoutes';
import { ProfilePage } from '../routes/ProfilePage';
import { CatalogPage } from '../../features/services/CatalogPage';
import { MyBookingsPage } from '../../features/bookings/MyBookingsPage';
import { ProjectsPage } from '../../features/projects/ProjectsPage';
import { ProjectPage } from '../../features/projects/ProjectPage';

export default function ClientSpace() {
  return (
    <Routes>
      <Route element={<ClientLayout />}>
        <Route index element={<ClientHomePage />} />
        <Route path="book" element={<CatalogPage />} />
        <Route path="book/:serviceId" element={<BookServicePage />} />
        <Route path="bookings" element={<MyBookingsPage />} />
        <Route path="projects" element={<ProjectsPage />} />
        <Route path="projects/:id" element={<ProjectPage />} />
        <Route path="messages" element={<ClientMessagesRoute />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
