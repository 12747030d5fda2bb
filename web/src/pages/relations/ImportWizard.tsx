/**
 * Import relations: 1. choose a CSV or .xlsx file and upload it; 2. check the column mapping (guessed
 * from the headers, remembered per dossier); 3. read every row's problems and the duplicates, choose
 * what to do with duplicates; 4. import — all rows or none.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, isApiError } from '../../api.ts';
import { useShell, useShellPath } from '../../app/shell-context.tsx';
import { RadioGroup } from '../../components/Fields.tsx';
import { ErrorBanner, InfoNote, SuccessBanner } from '../../components/Messages.tsx';
import { useLanguage, useT } from '../../i18n/index.tsx';
import { RELATION_FIELDS, relationsPath, uploadImport, type ImportPreview, type ImportResult, type Mapping, type RelationField } from './relations-api.ts';

export function ImportWizard() {
  const t = useT();
  const [language] = useLanguage();
  const navigate = useNavigate();
  const shellPath = useShellPath();
  const client = useQueryClient();
  const { dossierId } = useShell();
  const base = relationsPath(dossierId!);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [duplicates, setDuplicates] = useState<'update' | 'skip'>('skip');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [mappingOpen, setMappingOpen] = useState(false);

  const show = (p: ImportPreview) => {
    setPreview(p);
    setMapping(p.mapping);
    setResult(null);
  };
  const upload = useMutation({ mutationFn: (f: File) => uploadImport(dossierId!, f, language), onSuccess: show });
  const remap = useMutation({ mutationFn: () => api.post<ImportPreview>(`${base}/import/${preview!.uploadId}/preview`, { mapping }), onSuccess: show });
  const commit = useMutation({
    mutationFn: () => api.post<ImportResult>(`${base}/import/${preview!.uploadId}/commit`, { mapping, duplicates }),
    onSuccess: (r) => {
      setResult(r);
      client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(`relations-${dossierId}`) || q.queryKey[0] === 'relation-next-number' });
    },
  });

  const mappingChanged = preview !== null && JSON.stringify(mapping) !== JSON.stringify(preview.mapping);
  const problems = preview?.problems ?? [];
  const label = (field: string) => (RELATION_FIELDS.includes(field as RelationField) ? t(`relation.field.${field as RelationField}`) : field);
  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    upload.reset();
    commit.reset();
  };

  return (
    <div className="page wide" data-testid="relations-import-wizard">
      <h1>{t('relation.import.title')}</h1>
      <div className="toolbar no-print">
        <button type="button" onClick={() => navigate(shellPath('management/relations'))}>
          ← {t('relation.import.back')}
        </button>
      </div>

      {result ? (
        <>
          <SuccessBanner>{t('relation.import.done', { created: result.created, updated: result.updated, skipped: result.skipped })}</SuccessBanner>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => navigate(shellPath('management/relations'))}>
              {t('relation.import.back')}
            </button>
            <button type="button" onClick={reset}>
              {t('relation.import.another')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="muted">{t('relation.import.intro')}</p>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (file) upload.mutate(file);
            }}
          >
            <div className="field">
              <div className="label-row">
                <label htmlFor="relation-import-file">{t('relation.import.file')}</label>
              </div>
              <input
                id="relation-import-file"
                type="file"
                accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setPreview(null);
                  upload.reset();
                  commit.reset();
                }}
                data-testid="import-file"
              />
            </div>
            <button type="submit" className="primary" disabled={!file || upload.isPending} data-testid="import-upload">
              {upload.isPending ? t('relation.import.uploading') : t('relation.import.upload')}
            </button>
          </form>
          <ErrorBanner error={(upload.error ?? remap.error ?? commit.error) || undefined} />
          {isApiError(commit.error) && commit.error.details.length > 0 && (
            <ul className="field-error" data-testid="commit-problems">
              {commit.error.details.map((d, i) => (
                <li key={i}>
                  {d.line !== undefined && `${t('relation.import.row')} ${d.line}`} {d.field && `· ${label(d.field)}`}: {d.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      {preview && !result && (
        <>
          <p role="status" data-testid="import-summary">
            <strong>{preview.fileName}</strong> ·{' '}
            {t('relation.import.summary', { rows: preview.rowCount, new: preview.newCount, duplicates: preview.duplicateCount, problems: preview.problemRowCount })}
          </p>

          {problems.length > 0 && (
            <>
              <h2 className="section-title">{t('relation.import.problems')}</h2>
              <InfoNote>{t('relation.import.problemsIntro')}</InfoNote>
              <table className="grid" data-testid="import-problems">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('relation.import.row')}
                    </th>
                    <th scope="col">{t('relation.import.field')}</th>
                    <th scope="col">{t('relation.import.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((p, i) => (
                    <tr key={i}>
                      <td className="num">{p.row}</td>
                      <td>{label(p.field)}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}

          {preview.duplicates.length > 0 && (
            <>
              <h2 className="section-title">{t('relation.import.duplicates')}</h2>
              <table className="grid" data-testid="import-duplicates">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('relation.import.row')}
                    </th>
                    <th scope="col">{t('relation.import.field')}</th>
                    <th scope="col">{t('relation.import.sameAs')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.duplicates.map((d, i) => (
                    <tr key={i}>
                      <td className="num">{d.row}</td>
                      <td>
                        {label(d.field)}: {d.value}
                      </td>
                      <td>{d.existing ? t('relation.import.existing', { number: d.existing.number, name: d.existing.name }) : t('relation.import.sameAsRow', { row: d.sameAsRow })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <RadioGroup
                legend={t('relation.import.duplicateChoice')}
                name="duplicates"
                value={duplicates}
                onChange={setDuplicates}
                options={[
                  { value: 'skip', label: t('relation.import.skip') },
                  { value: 'update', label: t('relation.import.update') },
                ]}
              />
            </>
          )}

          {problems.length === 0 && preview.sample.length > 0 && (
            <>
              <h2 className="section-title">{t('relation.import.sample')}</h2>
              <div className="table-wrap">
                <table className="grid" data-testid="import-sample">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('relation.import.row')}
                      </th>
                      {(['number', 'name', 'kind', 'city', 'vatNumber', 'iban', 'peppolId'] as const).map((f) => (
                        <th key={f} scope="col">
                          {t(`relation.field.${f}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.sample.map((s) => (
                      <tr key={s.row}>
                        <td className="num">{s.row}</td>
                        {(['number', 'name', 'kind', 'city', 'vatNumber', 'iban', 'peppolId'] as const).map((f) => (
                          <td key={f}>{s.values?.[f] === null || s.values?.[f] === undefined ? '' : f === 'kind' ? t(`relation.kind.${s.values[f] as 'customer'}`) : String(s.values[f])}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}

          <div className="button-row">
            <button
              type="button"
              className="primary"
              onClick={() => commit.mutate()}
              disabled={problems.length > 0 || mappingChanged || commit.isPending}
              title={mappingChanged ? t('relation.import.applyMapping') : undefined}
              data-testid="import-commit"
            >
              {commit.isPending ? t('relation.import.committing') : t('relation.import.commit')}
            </button>
          </div>

          <details className="section" open={mappingOpen || !preview.mapping.name} onToggle={(e) => setMappingOpen(e.currentTarget.open)} data-testid="import-mapping-section">
            <summary className="section-title">{t('relation.import.mapping')}</summary>
            <p className="muted">{t('relation.import.mappingIntro')}</p>
            <table className="grid" style={{ width: 'auto' }} data-testid="import-mapping">
              <thead>
                <tr>
                  <th scope="col">{t('relation.import.field')}</th>
                  <th scope="col">{t('relation.import.column')}</th>
                </tr>
              </thead>
              <tbody>
                {RELATION_FIELDS.map((field) => (
                  <tr key={field}>
                    <td>
                      <label htmlFor={`map-${field}`}>{t(`relation.field.${field}`)}</label>
                    </td>
                    <td>
                      <select id={`map-${field}`} value={mapping[field] ?? ''} onChange={(e) => setMapping({ ...mapping, [field]: e.target.value || null })}>
                        <option value="">{t('relation.import.notMapped')}</option>
                        {preview.headers.map((h) => (
                          <option key={h} value={h}>
                            {h}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="button-row">
              <button type="button" onClick={() => remap.mutate()} disabled={!mappingChanged || remap.isPending} data-testid="import-remap">
                {t('relation.import.applyMapping')}
              </button>
            </div>
          </details>
        </>
      )}
    </div>
  );
}
