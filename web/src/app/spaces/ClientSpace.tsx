import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/StatusPages';
import { ClientLayout } from '../layouts/ClientLayout';
import { ClientHomePage } from '../../features/dashboard/ClientHomePage';
import { ProfilePage } from '../../features/users/ProfilePage';

export default function ClientSpace() {
  return (
    <Routes>
      <Route element={<ClientLayout />}>
        <Route index element={<ClientHomePage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
