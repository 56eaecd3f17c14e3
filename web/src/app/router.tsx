import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AuthLayout } from './layouts/AuthLayout';
import { RequireSpace } from './RequireSpace';
import { PageSkeleton } from '../components/PageSkeleton';
import { NotFoundPage } from '../components/StatusPages';
import { homePath, useAuth } from '../lib/auth';
import { LoginPage } from '../features/auth/LoginPage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { InvitationPage } from '../features/auth/InvitationPage';

// Each space is its own chunk: the sign-in page loads neither.
const ProfessionalSpace = lazy(() => import('./spaces/ProfessionalSpace'));
const ClientSpace = lazy(() => import('./spaces/ClientSpace'));

function HomeRedirect() {
  const { status, user } = useAuth();
  if (status === 'loading') return <PageSkeleton />;
  return <Navigate to={user ? homePath(user) : '/login'} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<HomeRedirect />} />
      <Route element={<AuthLayout />}>
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="invitation" element={<InvitationPage />} />
      </Route>
      <Route
        path="pro/*"
        element={
          <RequireSpace space="professional">
            <Suspense fallback={<PageSkeleton />}>
              <ProfessionalSpace />
            </Suspense>
          </RequireSpace>
        }
      />
      <Route
        path="client/*"
        element={
          <RequireSpace space="client">
            <Suspense fallback={<PageSkeleton />}>
              <ClientSpace />
            </Suspense>
          </RequireSpace>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
