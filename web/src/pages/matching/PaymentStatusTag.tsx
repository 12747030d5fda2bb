/** An invoice's payment status (open, partly paid, paid) from its matches, as a tag in the booking screen. */
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../i18n/index.tsx';
import { matchingApi } from './matching-api.ts';

export function PaymentStatusTag({ dossierId, bookingId }: { dossierId: number; bookingId: number }) {
  const t = useT();
  const status = useQuery({ queryKey: ['matching', dossierId, 'status', bookingId], queryFn: () => matchingApi.status(dossierId, bookingId) });
  if (!status.data?.status) return null;
  return (
    <span className="mode-tag" data-testid="payment-status" data-status={status.data.status}>
      {t('matching.status')}: {t(`matching.status.${status.data.status}`)}
    </span>
  );
}
