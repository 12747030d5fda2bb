/** /dossiers — choose a dossier: the ones the user may open, recently opened first. */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, type Dossier } from '../api.ts';
import { ManagementList, type Column } from '../components/ManagementList.tsx';
import { ErrorBanner, SuccessBanner } from '../components/Messages.tsx';
import { useFormat, useT } from '../i18n/index.tsx';
import { useUser } from '../session.tsx';
import { fetchDossiers, formatEnterprise } from './management/dossier-api.ts';
import type { DossierListItem } from '../api.ts';

export function DossierChooser() {
  const t = useT();
  const fmt = useFormat();
  const user = useUser();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const notice = (location.state as { notice?: string } | null)?.notice;

  const open = async (d: DossierListItem) => {
    setError(null);
    try {
      const dossier = await api.post<Dossier>(`/dossiers/${d.id}/open`);
      client.setQueryData(['dossier', d.id], dossier);
      client.invalidateQueries({ queryKey: ['dossiers'] });
      navigate(`/d/${d.id}`);
    } catch (e) {
      setError(e);
    }
  };

  const columns: Column<DossierListItem>[] = [
    { id: 'name', label: t('dossier.name'), sortKey: 'name', render: (d) => d.name },
    { id: 'enterpriseNumber', label: t('dossier.enterpriseNumber'), sortKey: 'enterpriseNumber', render: (d) => formatEnterprise(d.enterpriseNumber) },
    { id: 'city', label: t('dossier.city'), sortKey: 'city', render: (d) => d.city ?? '' },
    { id: 'recent', label: t('dossier.lastOpened'), sortKey: 'recent', render: (d) => (d.lastVisitedAt ? fmt.dateTime(d.lastVisitedAt) : t('chooser.never')) },
  ];

  return (
    <div className="page wide">
      <h1>{t('chooser.title')}</h1>
      {notice === 'password-changed' && <SuccessBanner>{t('password.changed')}</SuccessBanner>}
      <ErrorBanner error={error || undefined} />
      <ManagementList
        listId="chooser"
        queryKey="dossiers"
        fetchPage={fetchDossiers}
        columns={columns}
        defaults={{ sort: 'recent', direction: 'desc' }}
        rowName={(d) => d.name}
        onOpen={open}
        onNew={user.role === 'client' ? undefined : () => navigate('/management/dossiers/new')}
        newLabel={t('dossier.new')}
        selectable={false}
        searchLabel={t('dossier.search')}
        countKey="dossier.count"
        shortcutGroup="chooser.title"
        printTitle={t('chooser.title')}
        emptyText={user.role === 'client' ? t('chooser.noneClient') : t('chooser.none')}
        autoFocusSearch
      />
    </div>
  );
}
