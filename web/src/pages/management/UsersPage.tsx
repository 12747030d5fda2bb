/**
 * Management → Users (office administrators): list, add, edit (name, e-mail, role, language), set a
 * new password, remove, and the rights per dossier.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Route, Routes, useNavigate, useParams } from 'react-router';
import { api, fieldError, RIGHTS, type DossierListItem, type Language, type ListQuery, type Page, type Right, type Role, type User } from '../../api.ts';
import { LANGUAGE_NAMES, Loading } from '../../app/AppShell.tsx';
import { RIGHT_LABELS, useShellPath } from '../../app/shell-context.tsx';
import { useConfirm } from '../../components/Confirm.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Fields.tsx';
import { ManagementList, RecordToolbar, useRecordNavigator, type Column } from '../../components/ManagementList.tsx';
import { ErrorBanner, InfoNote, SuccessBanner } from '../../components/Messages.tsx';
import { LANGUAGES, useFormat, useLanguage, useT } from '../../i18n/index.tsx';
import { useSessionActions, useUser } from '../../session.tsx';

const LIST_ID = 'users';
const DEFAULTS = { sort: 'login', direction: 'asc' as const };
const ROLES: Role[] = ['admin', 'staff', 'client'];

const fetchUsers = (query: ListQuery) => api.get<Page<User>>('/users', { ...query });

export default function UsersPage() {
  return (
    <Routes>
      <Route index element={<UserList />} />
      <Route path="new" element={<NewUser />} />
      <Route path=":id" element={<UserDetail />} />
    </Routes>
  );
}

function useRoleLabel() {
  const t = useT();
  return (role: Role) => t(`role.${role}`);
}

function UserList() {
  const t = useT();
  const fmt = useFormat();
  const me = useUser();
  const roleLabel = useRoleLabel();
  const navigate = useNavigate();
  const shellPath = useShellPath();
  const confirm = useConfirm();
  const client = useQueryClient();
  const columns: Column<User>[] = [
    { id: 'login', label: t('login.login'), sortKey: 'login', render: (u) => u.login },
    { id: 'displayName', label: t('user.displayName'), sortKey: 'displayName', render: (u) => u.displayName },
    { id: 'email', label: t('user.email'), render: (u) => u.email ?? '' },
    { id: 'role', label: t('user.role'), sortKey: 'role', render: (u) => roleLabel(u.role) },
    { id: 'dossiers', label: t('user.dossiers'), render: (u) => (u.role === 'admin' ? t('user.allDossiers') : String(u.rights.length)), className: 'num' },
    { id: 'createdAt', label: t('common.created'), sortKey: 'createdAt', render: (u) => fmt.date(u.createdAt) },
  ];
  return (
    <div className="page wide">
      <h1>{t('menu.users')}</h1>
      <ManagementList
        listId={LIST_ID}
        queryKey="users"
        fetchPage={fetchUsers}
        columns={columns}
        defaults={DEFAULTS}
        rowName={(u) => `${u.displayName} (${u.login})`}
        onOpen={(u) => navigate(shellPath(`management/users/${u.id}`))}
        onNew={() => navigate(shellPath('management/users/new'))}
        newLabel={t('user.new')}
        onDelete={async (rows) => {
          for (const u of rows) await api.delete(`/users/${u.id}`);
          client.invalidateQueries({ queryKey: ['users'] });
        }}
        deleteDisabledReason={(rows) => (rows.some((u) => u.id === me.id) ? t('user.cannotRemoveSelf') : undefined)}
        confirmDelete={(rows) =>
          confirm({
            title: t('user.removeTitle'),
            message: rows.length === 1 ? t('user.removeConfirm', { name: `${rows[0].displayName} (${rows[0].login})` }) : t('user.removeConfirmMany', { count: rows.length }),
            confirmLabel: t('user.remove'),
            danger: true,
          })
        }
        searchLabel={t('user.search')}
        countKey="user.count"
        shortcutGroup="menu.users"
        printTitle={t('menu.users')}
      />
      <InfoNote>{t('user.clientNote')}</InfoNote>
    </div>
  );
}

function NewUser() {
  const t = useT();
  const [language] = useLanguage();
  const roleLabel = useRoleLabel();
  const navigate = useNavigate();
  const shellPath = useShellPath();
  const client = useQueryClient();
  const [form, setForm] = useState({ login: '', displayName: '', email: '', role: 'staff' as Role, language: language as Language, password: '', mustChangePassword: true });
  const set = <K extends keyof typeof form>(key: K) => (value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const create = useMutation({
    mutationFn: () => api.post<User>('/users', { ...form, email: form.email.trim() || null, displayName: form.displayName.trim() || undefined }),
    onSuccess: (user) => {
      client.invalidateQueries({ queryKey: ['users'] });
      navigate(shellPath(`management/users/${user.id}`), { replace: true, state: { created: true } });
    },
  });
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    create.mutate();
  };
  const err = create.error;
  return (
    <div className="page record-page">
      <h1>{t('user.new')}</h1>
      <RecordToolbar mode="new" backLabel={t('menu.users')} onBack={() => navigate(shellPath('management/users'))} onSave={submit} onCancel={() => navigate(shellPath('management/users'))} saving={create.isPending} shortcutGroup="user.detail" />
      <ErrorBanner error={err ?? undefined} />
      <form onSubmit={submit} noValidate className="form-grid">
        <TextField id="login" label={t('login.login')} value={form.login} onChange={set('login')} required autoFocus hint={t('user.loginHint')} error={fieldError(err, 'login')} autoComplete="off" />
        <TextField id="displayName" label={t('user.displayName')} value={form.displayName} onChange={set('displayName')} error={fieldError(err, 'displayName')} />
        <TextField id="email" label={t('user.email')} type="email" value={form.email} onChange={set('email')} hint={t('user.emailHint')} error={fieldError(err, 'email')} />
        <SelectField id="role" label={t('user.role')} value={form.role} onChange={set('role')} options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))} hint={t(`role.${form.role}.hint`)} />
        <SelectField id="language" label={t('shell.language')} value={form.language} onChange={set('language')} options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
        <TextField id="password" label={t('user.initialPassword')} type="password" value={form.password} onChange={set('password')} required hint={t('password.rule')} error={fieldError(err, 'password')} autoComplete="new-password" />
        <CheckboxField id="mustChangePassword" label={t('user.mustChange')} checked={form.mustChangePassword} onChange={set('mustChangePassword')} className="span-2" />
        <div className="button-row span-2">
          <button type="submit" className="primary" disabled={create.isPending}>
            {t('user.create')}
          </button>
        </div>
      </form>
      <InfoNote>{t('user.rightsAfterCreate')}</InfoNote>
    </div>
  );
}

function UserDetail() {
  const t = useT();
  const me = useUser();
  const { updateUser } = useSessionActions();
  const roleLabel = useRoleLabel();
  const params = useParams();
  const id = Number(params.id);
  const navigate = useNavigate();
  const shellPath = useShellPath();
  const client = useQueryClient();
  const confirm = useConfirm();
  const [mode, setMode] = useState<'view' | 'edit'>('view');
  const [notice, setNotice] = useState<string | null>(null);
  const user = useQuery({ queryKey: ['user', id], queryFn: () => api.get<User>(`/users/${id}`) });
  const [form, setForm] = useState({ displayName: '', email: '', role: 'staff' as Role, language: 'nl' as Language });
  const reset = (u: User) => setForm({ displayName: u.displayName, email: u.email ?? '', role: u.role, language: u.language });
  useEffect(() => {
    if (user.data && mode === 'view') reset(user.data);
  }, [user.data, mode]);
  useEffect(() => {
    setMode('view');
    setNotice(null);
  }, [id]);
  const navigator = useRecordNavigator(LIST_ID, fetchUsers, id, DEFAULTS, (next) => navigate(shellPath(`management/users/${next}`)));
  const listPath = shellPath('management/users');

  const save = useMutation({
    mutationFn: () => api.patch<User>(`/users/${id}`, { ...form, email: form.email.trim() || null }),
    onSuccess: (saved) => {
      client.setQueryData(['user', id], saved);
      client.invalidateQueries({ queryKey: ['users'] });
      if (saved.id === me.id) updateUser({ ...me, ...saved });
      setMode('view');
      setNotice(t('common.saved'));
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/users/${id}`),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['users'] });
      navigate(listPath);
    },
  });

  if (user.isPending) return <Loading />;
  if (user.isError) {
    return (
      <div className="page">
        <ErrorBanner error={user.error} />
        <button type="button" onClick={() => navigate(listPath)}>
          ← {t('menu.users')}
        </button>
      </div>
    );
  }
  const u = user.data;
  const editing = mode === 'edit';
  const err = save.error;
  const set = <K extends keyof typeof form>(key: K) => (value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const dirty = editing && (form.displayName !== u.displayName || form.email !== (u.email ?? '') || form.role !== u.role || form.language !== u.language);

  return (
    <div className="page wide record-page" data-testid="user-detail">
      <h1>
        {u.displayName} <span className="muted">({u.login})</span>
        {editing && <span className="mode-tag">{t('record.editing')}</span>}
      </h1>
      <RecordToolbar
        mode={mode}
        backLabel={t('menu.users')}
        onBack={() => navigate(listPath)}
        onNew={() => navigate(shellPath('management/users/new'))}
        onEdit={() => {
          setNotice(null);
          save.reset();
          setMode('edit');
          window.requestAnimationFrame(() => document.getElementById('displayName')?.focus());
        }}
        onSave={() => save.mutate()}
        onCancel={async () => {
          if (dirty && !(await confirm({ title: t('record.discardTitle'), message: t('record.discardConfirm'), confirmLabel: t('record.discard') }))) return;
          save.reset();
          setMode('view');
          reset(u);
        }}
        saving={save.isPending}
        onDelete={async () => {
          const ok = await confirm({ title: t('user.removeTitle'), message: t('user.removeConfirm', { name: `${u.displayName} (${u.login})` }), confirmLabel: t('user.remove'), danger: true });
          if (ok) remove.mutate();
        }}
        deleteDisabledReason={u.id === me.id ? t('user.cannotRemoveSelf') : undefined}
        navigator={navigator}
        onSearch={() => navigate(listPath, { state: { focusSearch: true } })}
        shortcutGroup="user.detail"
      />
      {notice && <SuccessBanner>{notice}</SuccessBanner>}
      <ErrorBanner error={(err ?? remove.error) || undefined} />
      <section aria-labelledby="user-profile-title" className="section">
        <h2 id="user-profile-title">{t('user.profile')}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (editing) save.mutate();
          }}
          noValidate
          className="form-grid"
        >
          <TextField id="login" label={t('login.login')} value={u.login} onChange={() => undefined} readOnly />
          <TextField id="displayName" label={t('user.displayName')} value={form.displayName} onChange={set('displayName')} readOnly={!editing} error={fieldError(err, 'displayName')} />
          <TextField id="email" label={t('user.email')} type="email" value={form.email} onChange={set('email')} readOnly={!editing} hint={editing ? t('user.emailHint') : undefined} error={fieldError(err, 'email')} />
          <SelectField id="role" label={t('user.role')} value={form.role} onChange={set('role')} readOnly={!editing} options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))} hint={t(`role.${form.role}.hint`)} />
          <SelectField id="language" label={t('shell.language')} value={form.language} onChange={set('language')} readOnly={!editing} options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} />
          {u.mustChangePassword && <p className="muted span-2">{t('user.mustChangePending')}</p>}
          <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
        </form>
      </section>
      <SetPasswordSection user={u} />
      <RightsGrid user={u} />
    </div>
  );
}

function SetPasswordSection({ user }: { user: User }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => api.put(`/users/${user.id}/password`, { password }),
    onSuccess: () => {
      setPassword('');
      setPassword2('');
      client.invalidateQueries({ queryKey: ['user', user.id] });
    },
  });
  return (
    <section aria-labelledby="user-password-title" className="section">
      <h2 id="user-password-title">{t('user.setPassword')}</h2>
      <p className="muted">{t('user.setPasswordIntro')}</p>
      {mutation.isSuccess && <SuccessBanner>{t('user.passwordSet', { login: user.login })}</SuccessBanner>}
      <ErrorBanner error={mutation.error ?? undefined} />
      <form
        className="inline-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (password !== password2) {
            setMismatch(true);
            return;
          }
          setMismatch(false);
          mutation.mutate();
        }}
      >
        <TextField id="userNewPassword" label={t('password.new')} type="password" value={password} onChange={setPassword} autoComplete="new-password" error={fieldError(mutation.error, 'password')} />
        <TextField id="userNewPassword2" label={t('password.repeat')} type="password" value={password2} onChange={setPassword2} autoComplete="new-password" error={mismatch ? t('password.mismatch') : undefined} />
        <button type="submit" disabled={mutation.isPending || !password}>
          {t('user.setPasswordSubmit')}
        </button>
      </form>
    </section>
  );
}

/** All dossiers of the office (administrators see them all), 500 at a time. */
async function fetchAllDossiers(): Promise<DossierListItem[]> {
  const all: DossierListItem[] = [];
  for (let page = 1; page <= 100; page++) {
    const result = await api.get<Page<DossierListItem>>('/dossiers', { sort: 'name', pageSize: 500, page });
    all.push(...result.items);
    if (all.length >= result.total || result.items.length === 0) break;
  }
  return all;
}

function RightsGrid({ user }: { user: User }) {
  const t = useT();
  const client = useQueryClient();
  const [filter, setFilter] = useState('');
  const dossiers = useQuery({ queryKey: ['dossiers', 'all'], queryFn: fetchAllDossiers });
  const initial = useMemo(() => {
    const map = new Map<number, Set<Right>>();
    for (const r of user.rights) map.set(r.dossierId, new Set(r.rights));
    return map;
  }, [user]);
  const [grid, setGrid] = useState(initial);
  useEffect(() => setGrid(initial), [initial]);
  const save = useMutation({
    mutationFn: () => {
      const changed = (dossiers.data ?? [])
        .filter((d) => [...(grid.get(d.id) ?? [])].sort().join() !== [...(initial.get(d.id) ?? [])].sort().join())
        .map((d) => ({ dossierId: d.id, rights: [...(grid.get(d.id) ?? [])] }));
      return api.put<User>(`/users/${user.id}/rights`, changed);
    },
    onSuccess: (saved) => {
      client.setQueryData(['user', user.id], saved);
      client.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const isAdmin = user.role === 'admin';
  const toggle = (dossierId: number, right: Right, on: boolean) => {
    setGrid((g) => {
      const next = new Map(g);
      const set = new Set(next.get(dossierId) ?? []);
      if (on) {
        set.add(right);
        set.add('view'); // every right implies view
      } else if (right === 'view') set.clear();
      else set.delete(right);
      next.set(dossierId, set);
      return next;
    });
    save.reset();
  };
  const dirty = (dossiers.data ?? []).some((d) => [...(grid.get(d.id) ?? [])].sort().join() !== [...(initial.get(d.id) ?? [])].sort().join());
  const shown = (dossiers.data ?? []).filter((d) => !filter.trim() || d.name.toLowerCase().includes(filter.trim().toLowerCase()));

  return (
    <section aria-labelledby="user-rights-title" className="section">
      <h2 id="user-rights-title">{t('user.rights')}</h2>
      {isAdmin ? (
        <InfoNote>{t('user.adminAllRights')}</InfoNote>
      ) : (
        <>
          <p className="muted">{user.role === 'client' ? t('user.clientNote') : t('user.rightsIntro')}</p>
          {save.isSuccess && <SuccessBanner>{t('user.rightsSaved')}</SuccessBanner>}
          <ErrorBanner error={(save.error ?? dossiers.error) || undefined} />
          <div className="toolbar">
            <div className="search-box">
              <label htmlFor="rights-filter">{t('user.rightsFilter')}</label>
              <input id="rights-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </div>
            <div className="toolbar-spacer" />
            <button type="button" className="primary" disabled={!dirty || save.isPending} onClick={() => save.mutate()}>
              {t('user.saveRights')}
            </button>
          </div>
          <div className="table-wrap">
            <table className="grid rights-grid" data-testid="rights-grid">
              <thead>
                <tr>
                  <th scope="col">{t('dossier.name')}</th>
                  {RIGHTS.map((r) => (
                    <th scope="col" key={r} className="center">
                      {t(RIGHT_LABELS[r])}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {dossiers.isSuccess && shown.length === 0 && (
                  <tr>
                    <td colSpan={RIGHTS.length + 1} className="empty">
                      {t('dossier.none')}
                    </td>
                  </tr>
                )}
                {shown.map((d) => {
                  const rights = grid.get(d.id) ?? new Set<Right>();
                  return (
                    <tr key={d.id} className={rights.size ? 'has-access' : undefined}>
                      <th scope="row">{d.name}</th>
                      {RIGHTS.map((r) => (
                        <td key={r} className="center">
                          <input
                            type="checkbox"
                            checked={rights.has(r)}
                            onChange={(e) => toggle(d.id, r, e.target.checked)}
                            aria-label={t('user.rightFor', { right: t(RIGHT_LABELS[r]), dossier: d.name })}
                            data-testid={`right-${d.id}-${r}`}
                          />
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
