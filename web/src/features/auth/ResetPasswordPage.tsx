import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { toastSuccess } from '../../lib/toast';
import { AuthHeading } from './AuthCard';
import { SetPasswordForm } from './SetPasswordForm';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return (
    <>
      <AuthHeading title={t('auth.resetTitle')} subtitle={t('auth.resetSubtitle')} />
      <SetPasswordForm
        token={params.get('token')}
        submitLabel={t('auth.resetSubmit')}
        onDone={() => {
          toastSuccess(t('auth.resetDone'));
          navigate('/login', { replace: true });
        }}
      />
    </>
  );
}
