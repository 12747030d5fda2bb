/** Management → Outbox (administrators): the mail the installation sent or kept, and its text. */
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api, type OutboxItem, type OutboxMessage } from '../../api.ts';
import { ErrorBanner } from '../../components/Messages.tsx';
import { useFormat, useT } from '../../i18n/index.tsx';
import { useShortcuts } from '../../shortcuts.tsx';

/** Plain text with its web addresses as links (reset links work without SMTP). */
function Linkified({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  const re = /https?:\/\/[^\s]+/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    parts.push(text.slice(last, m.index));
    parts.push(
      <a key={m.index} href={m[0]}>
        {m[0]}
      </a>,
    );
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

export default function OutboxPage() {
  const t = useT();
  const fmt = useFormat();
  const [selected, setSelected] = useState<number | null>(null);
  const list = useQuery({ queryKey: ['outbox'], queryFn: () => api.get<OutboxItem[]>('/outbox') });
  const message = useQuery({ queryKey: ['outbox', selected], queryFn: () => api.get<OutboxMessage>(`/outbox/${selected}`), enabled: selected !== null });
  const items = list.data ?? [];
  const index = items.findIndex((i) => i.id === selected);
  const move = (delta: number) => {
    if (!items.length) return;
    const next = items[Math.min(Math.max(index + delta, 0), items.length - 1)];
    setSelected(next.id);
    document.getElementById(`outbox-row-${next.id}`)?.focus();
  };
  useShortcuts(
    [
      { keys: ['ArrowDown'], description: 'shortcuts.nextRow', run: () => move(1) },
      { keys: ['ArrowUp'], description: 'shortcuts.previousRow', run: () => move(-1) },
      { keys: ['F5'], description: 'shortcuts.refresh', run: () => list.refetch() },
    ],
    { group: 'menu.outbox' },
  );
  const statusLabel = (s: OutboxItem['status']) => t(s === 'sent' ? 'outbox.sent' : s === 'failed' ? 'outbox.failed' : 'outbox.kept');
  return (
    <div className="page">
      <h1>{t('menu.outbox')}</h1>
      <p className="muted">{t('outbox.intro')}</p>
      <ErrorBanner error={list.error ?? undefined} />
      <div className="split">
        <table className="grid selectable" data-testid="outbox-list">
          <thead>
            <tr>
              <th scope="col">{t('common.created')}</th>
              <th scope="col">{t('outbox.to')}</th>
              <th scope="col">{t('outbox.subject')}</th>
              <th scope="col">{t('common.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.isSuccess && items.length === 0 && (
              <tr>
                <td colSpan={4} className="empty">
                  {t('outbox.empty')}
                </td>
              </tr>
            )}
            {items.map((item) => (
              <tr
                key={item.id}
                id={`outbox-row-${item.id}`}
                tabIndex={0}
                aria-selected={item.id === selected}
                className={item.id === selected ? 'current' : undefined}
                onClick={() => setSelected(item.id)}
                onKeyDown={(e) => e.key === 'Enter' && setSelected(item.id)}
              >
                <td>{fmt.dateTime(item.createdAt)}</td>
                <td>{item.to}</td>
                <td>{item.subject}</td>
                <td>
                  <span className={`badge ${item.status}`}>{statusLabel(item.status)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {selected !== null && (
          <section className="message-view" aria-label={t('outbox.message')} data-testid="outbox-message">
            {message.isError && <ErrorBanner error={message.error} />}
            {message.data && (
              <>
                <h2>{message.data.subject}</h2>
                <dl className="facts">
                  <dt>{t('outbox.to')}</dt>
                  <dd>{message.data.to}</dd>
                  <dt>{t('common.created')}</dt>
                  <dd>{fmt.dateTime(message.data.createdAt)}</dd>
                  <dt>{t('common.status')}</dt>
                  <dd>{statusLabel(message.data.status)}</dd>
                  {message.data.error && (
                    <>
                      <dt>{t('outbox.error')}</dt>
                      <dd>{message.data.error}</dd>
                    </>
                  )}
                </dl>
                <pre className="mail-body">
                  <Linkified text={message.data.body} />
                </pre>
              </>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
