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

  const onDone = async (password: string) => {
    toastSuccess(t('auth.invitationDone'));
    if (!email) {
      navigate('/login', { replace: true });
      return;
    }
    const user = await signIn(email, password);
    navigate(homePath(user), { replace: true });
  };

  return (
    <>
      <AuthHeading title={t('auth.invitationTitle')} subtitle={t('auth.invitationSubtitle')} />
      <SetPasswordForm token={params.get('token')} submitLabel={t('auth.invitationSubmit')} onDone={onDone} />
    </>
  );
}
