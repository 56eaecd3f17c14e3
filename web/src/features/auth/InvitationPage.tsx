import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { homePath, useAuth } from '../../lib/auth';
import { toastSuccess } from '../../lib/toast';
import { AuthHeading } from './AuthCard';
import { SetPasswordForm } from './SetPasswordForm';

/** The mailed invitation: choose a password, then straight into one's own space. */
export function InvitationPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const email = params.get('email');

  // The link is spent once the password is set: a failed sign-in after it must not send
  // the client back to a dead link, only to the sign-in page.
  const onDone = async (password: string) => {
    try {
      if (!email) throw new Error('no address in the link');
      const user = await signIn(email, password);
      toastSuccess(t('auth.invitationDone'));
      navigate(homePath(user), { replace: true });
    } catch {
      toastSuccess(t('auth.passwordSet'));
      navigate('/login', { replace: true });
    }
  };

  return (
    <>
      <AuthHeading title={t('auth.invitationTitle')} subtitle={t('auth.invitationSubtitle')} />
      <SetPasswordForm token={params.get('token')} submitLabel={t('auth.invitationSubmit')} onDone={onDone} />
    </>
  );
}
