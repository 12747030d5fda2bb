/** Management → VAT codes: read-only list with the rate at a date, the rates by validity date and the return grids fed. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { Loading } from '../../app/AppShell.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { ErrorBanner, InfoNote } from '../../components/Messages.tsx';
import { LOCALES, useFormat, useLanguage, useT } from '../../i18n/index.tsx';
import { formatRate, ledgerPath, useDossierId, type GridRule, type VatCode } from './ledger-api.ts';

const OF_LABEL: Record<GridRule['of'], string> = { base: '', cost: '', vat: '', deductible: '' };

function grids(rules: GridRule[]): string {
  return rules.map((r) => `${r.sign < 0 ? '−' : ''}${r.grid}${OF_LABEL[r.of] ? ` ${OF_LABEL[r.of]}` : ''}`).join(', ');
}

export default function VatCodesPage() {
  const t = useT();
  const fmt = useFormat();
  const [language] = useLanguage();
  const locale = LOCALES[language];
  const dossierId = useDossierId();
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<'all' | 'sales' | 'purchase'>('all');
  const list = useQuery({
    queryKey: ['vat-codes', dossierId, date, kind, language],
    queryFn: () => api.get<{ date: string; items: VatCode[] }>(ledgerPath(dossierId, 'vat-codes'), { date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined, kind: kind === 'all' ? undefined : kind }),
  });
  return (
    <div className="page wide">
      <h1>{t('menu.vatCodes')}</h1>
      <InfoNote>{t('ledger.vat.intro')}</InfoNote>
      <div className="toolbar no-print">
        <TextField id="vat-date" type="date" label={t('ledger.vat.date')} value={date || list.data?.date || ''} onChange={setDate} />
        <SelectField
          id="vat-kind"
          label={t('ledger.vat.kind')}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: t('ledger.vat.kind.all') },
            { value: 'sales', label: t('ledger.vat.kind.sales') },
            { value: 'purchase', label: t('ledger.vat.kind.purchase') },
          ]}
        />
      </div>
      <ErrorBanner error={list.error ?? undefined} />
      {list.isPending ? (
        <Loading />
      ) : (
        <>
          <table className="grid" data-testid="vat-codes">
            <thead>
              <tr>
                <th>{t('ledger.vat.code')}</th>
                <th>{t('ledger.vat.kind')}</th>
                <th>{t('ledger.vat.name')}</th>
                <th className="num">{t('ledger.vat.rate')}</th>
                <th>{t('ledger.vat.rates')}</th>
                <th>{t('ledger.vat.gridsInvoice')}</th>
                <th>{t('ledger.vat.gridsCreditNote')}</th>
              </tr>
            </thead>
            <tbody>
              {(list.data?.items ?? []).map((c) => (
                <tr key={c.code} className={c.active ? undefined : 'muted'}>
                  <td>{c.code}</td>
                  <td>{t(`ledger.vat.kind.${c.kind}`)}</td>
                  <td>
                    {c.name}
                    {c.reverseCharge && <span className="mode-tag">{t('ledger.vat.reverseCharge')}</span>}
                    {c.kind === 'purchase' && c.deductiblePercent !== 100 && (
                      <span className="muted">
                        {' '}
                        ({t('ledger.vat.deductible')} {c.deductiblePercent} %)
                      </span>
                    )}
                  </td>
                  <td className="num">{c.rateBp === null ? <span className="muted">{t('ledger.vat.noRate')}</span> : formatRate(c.rateBp, locale)}</td>
                  <td>{c.rates.map((r) => `${formatRate(r.rateBp, locale)} (${fmt.date(r.validFrom)})`).join(' → ')}</td>
                  <td>{grids(c.grids.invoice)}</td>
                  <td>{grids(c.grids.creditNote)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t('ledger.vat.count', { count: list.data?.items.length ?? 0 })}</p>
        </>
      )}
    </div>
  );
}
