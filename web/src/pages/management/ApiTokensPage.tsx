/** Management → API tokens: create (the secret is shown once), list, revoke. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, fieldError, type ApiToken } from '../../api.ts';
import { useConfirm } from '../../components/Confirm.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { TextField } from '../../components/Fields.tsx';
import { ErrorBanner, SuccessBanner } from '../../components/Messages.tsx';
import { useFormat, useT } from '../../i18n/index.tsx';

export default function ApiTokensPage() {
  const t = useT();
  const fmt = useFormat();
  const client = useQueryClient();
  const confirm = useConfirm();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<(ApiToken & { token: string }) | null>(null);
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api.get<ApiToken[]>('/tokens') });
  const create = useMutation({
    mutationFn: () => api.post<ApiToken & { token: string }>('/tokens', { name }),
    onSuccess: (token) => {
      setCreated(token);
      setName('');
      client.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: number) => api.delete(`/tokens/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    create.mutate();
  };
  return (
    <div className="page">
      <h1>{t('menu.apiTokens')}</h1>
      <p className="muted">{t('tokens.intro')}</p>
      <ErrorBanner error={create.error ?? revoke.error ?? undefined} />
      {created && (
        <div className="banner warning secret-box" role="status" data-testid="new-token">
          <p>
            <strong>{t('tokens.createdTitle', { name: created.name })}</strong>
          </p>
          <p>{t('tokens.showOnce')}</p>
          <div className="secret-row">
            <code data-testid="token-secret">{created.token}</code>
            <CopyButton text={created.token} />
          </div>
        </div>
      )}
      <form onSubmit={submit} noValidate className="inline-form">
        <TextField id="tokenName" label={t('tokens.name')} value={name} onChange={setName} hint={t('tokens.nameHint')} error={fieldError(create.error, 'name')} maxLength={100} />
        <button type="submit" className="primary" disabled={create.isPending || !name.trim()}>
          {t('tokens.create')}
        </button>
      </form>
      <h2>{t('tokens.listTitle')}</h2>
      {tokens.isError && <ErrorBanner error={tokens.error} />}
      <table className="grid" data-testid="token-list">
        <thead>
          <tr>
            <th scope="col">{t('tokens.name')}</th>
            <th scope="col">{t('tokens.prefix')}</th>
            <th scope="col">{t('common.created')}</th>
            <th scope="col">{t('tokens.lastUsed')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">
              <span className="sr-only">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.data?.length === 0 && (
            <tr>
              <td colSpan={6} className="empty">
                {t('tokens.none')}
              </td>
            </tr>
          )}
          {tokens.data?.map((token) => (
            <tr key={token.id} className={token.revokedAt ? 'muted' : undefined}>
              <td>{token.name}</td>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>{fmt.dateTime(token.createdAt)}</td>
              <td>{token.lastUsedAt ? fmt.dateTime(token.lastUsedAt) : t('tokens.neverUsed')}</td>
              <td>{token.revokedAt ? t('tokens.revokedOn', { date: fmt.dateTime(token.revokedAt) }) : t('tokens.active')}</td>
              <td className="actions">
                {!token.revokedAt && (
                  <button
                    type="button"
                    className="small danger"
                    aria-label={t('tokens.revokeNamed', { name: token.name })}
                    onClick={async () => {
                      const ok = await confirm({
                        title: t('tokens.revokeTitle'),
                        message: t('tokens.revokeConfirm', { name: token.name }),
                        confirmLabel: t('tokens.revoke'),
                        danger: true,
                      });
                      if (ok) revoke.mutate(token.id);
                    }}
                  >
                    {t('tokens.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoke.isSuccess && <SuccessBanner>{t('tokens.revoked')}</SuccessBanner>}
    </div>
  );
}
