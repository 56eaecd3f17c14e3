import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isStaff, useAuth } from '../lib/auth';
import { PageSkeleton } from '../components/PageSkeleton';
import { NotAllowedPage } from '../components/StatusPages';

interface Props {
  space: 'professional' | 'client';
  children: ReactNode;
}

/**
 * No session → the sign-in page, then back here (after signing out: the sign-in page only). A client on a professional URL gets a
 * clear "not allowed" page; staff opening a client URL are sent to their own space.
 */
export function RequireSpace({ space, children }: Props) {
  const { status, user } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <PageSkeleton />;
  if (status === 'signed-out') return <Navigate to="/login" replace />;
  if (!user) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  const staff = isStaff(user);
  if (space === 'professional' && !staff) return <NotAllowedPage />;
  if (space === 'client' && staff) return <Navigate to="/pro" replace />;
  return <>{children}</>;
}
