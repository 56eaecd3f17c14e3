import { Route, Routes } from 'react-router';
import { NotAllowedPage, NotFoundPage } from '../../components/StatusPages';
import { useAuth } from '../../lib/auth';
import { ProfessionalLayout } from '../layouts/ProfessionalLayout';
import { DashboardPage } from '../../features/dashboard/DashboardPage';
import { ClientsPage } from '../../features/users/ClientsPage';
import { ClientPage } from '../../features/users/ClientPage';
import { UsersPage } from '../../features/users/UsersPage';
import { ProfilePage } from '../../features/users/ProfilePage';

export default function ProfessionalSpace() {
  const { user } = useAuth();
  return (
    <Routes>
      <Route element={<ProfessionalLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="clients" element={<ClientsPage />} />
        <Route path="clients/:id" element={<ClientPage />} />
        <Route path="users" element={user?.role === 'ADMIN' ? <UsersPage /> : <NotAllowedPage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
