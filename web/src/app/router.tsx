import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AuthLayout } from './layouts/AuthLayout';
import { PublicLayout } from './layouts/PublicLayout';
import { loadClientSpace, loadProfessionalSpace, loadPublicBooking } from './preload';
import { PendingChoiceNotice } from './routes/PendingChoiceNotice';
import { StudioPage } from './routes/StudioPage';
import { RequireSpace } from './RequireSpace';
import { PageSkeleton } from '../components/PageSkeleton';
import { NotFoundPage } from '../components/StatusPages';
import { homePath, useAuth } from '../lib/auth';
import { LoginPage } from '../features/auth/LoginPage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { InvitationPage } from '../features/auth/InvitationPage';

const ProfessionalSpace = lazy(loadProfessionalSpace);
const ClientSpace = lazy(loadClientSpace);
// A service's public booking page: its calendar loads with it, not with the studio's page.
const PublicBookingPage = lazy(loadPublicBooking);
// Public, and rare: checking a contract's PDF (the address its last page prints) loads on its own too.
const VerifyPage = lazy(() => import('../features/contracts/VerifyPage'));
// Public too, for a studio's guests (a gallery shared with a PIN): its grid and viewer load with it.
const SharePage = lazy(() => import('../features/galleries/SharePage'));

/** `/`: someone signed in goes to their space; anyone else sees the studio's public page. */
function Home() {
  const { status, user } = useAuth();
  if (status === 'loading') return <PageSkeleton />;
  if (user) return <Navigate to={homePath(user)} replace />;
  return (
    <PublicLayout>
      <StudioPage />
    </PublicLayout>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<Home />} />
      {/* The studio's page for anyone, signed in or not ("Voir ma page publique"). */}
      <Route
        path="studio"
        element={
          <PublicLayout>
            <StudioPage />
          </PublicLayout>
        }
      />
      <Route
        path="book/:serviceId"
        element={
          <PublicLayout>
            <Suspense fallback={<PageSkeleton />}>
              <PublicBookingPage />
            </Suspense>
          </PublicLayout>
        }
      />
      <Route
        path="share/:token"
        element={
          <PublicLayout>
            <Suspense fallback={<PageSkeleton />}>
              <SharePage />
            </Suspense>
          </PublicLayout>
        }
      />
      <Route element={<AuthLayout />}>
        <Route path="login" element={<LoginPage notice={<PendingChoiceNotice />} />} />
        <Route path="register" element={<RegisterPage notice={<PendingChoiceNotice />} />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="invitation" element={<InvitationPage />} />
        {/* The API documents /verifier; the PDF's last page prints /verify: both lead here. */}
        {['verifier/:id?', 'verify/:id?'].map((path) => (
          <Route
            key={path}
            path={path}
            element={
              <Suspense fallback={<PageSkeleton />}>
                <VerifyPage />
              </Suspense>
            }
          />
        ))}
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
      {/* Outside every layout: the page is its own main landmark. */}
      <Route
        path="*"
        element={
          <main id="main">
            <NotFoundPage />
          </main>
        }
      />
    </Routes>
  );
}
