/**
 * Column mapping of an import: which column of the file fills which relation field. Guessed from the
 * header names (NL/FR/EN), overridden by the mapping this dossier used last time, adjustable by the user.
 * A mapping is { field: header } — by header name, so a remembered mapping applies to the next file.
 */
import { validation, type ErrorDetail } from '../../core/errors.ts';
import { guessField } from './fields.ts';
import { RELATION_FIELDS, type RelationField, type RelationInput } from './rules.ts';

export type Mapping = Partial<Record<RelationField, string | null>>;

export function guessMapping(headers: string[], remembered?: Mapping | null): Mapping {
  const mapping: Mapping = {};
  for (const header of headers) {
    const field = guessField(header);
    if (field && mapping[field] === undefined) mapping[field] = header;
  }
  if (remembered) {
    for (const [field, header] of Object.entries(remembered) as Array<[RelationField, string | null]>) {
      if (!RELATION_FIELDS.includes(field)) continue;
      if (header && headers.includes(header)) {
        // The remembered column takes the field; it no longer feeds a field it was guessed for.
        for (const f of RELATION_FIELDS) if (mapping[f] === header) delete mapping[f];
        mapping[field] = header;
      }
    }
  }
  return Object.fromEntries(RELATION_FIELDS.filter((f) => mapping[f]).map((f) => [f, mapping[f]])) as Mapping;
}

/** Checks a mapping against the file's headers: known fields, existing columns, a name column. */
export function checkMapping(mapping: Mapping, headers: string[]): Mapping {
  const clean: Mapping = {};
  const details: ErrorDetail[] = [];
  for (const [field, header] of Object.entries(mapping) as Array<[RelationField, string | null]>) {
    if (!RELATION_FIELDS.includes(field) || !header) continue;
    if (!headers.includes(header)) details.push({ field: `mapping.${field}`, code: 'relation.import.unknown_column', params: { column: header } });
    else clean[field] = header;
  }
  if (details.length) throw validation(details[0].code, details[0].params, details);
  if (!clean.name) throw validation('relation.import.no_name_column', {}, [{ field: 'mapping.name', code: 'relation.import.no_name_column' }]);
  return clean;
}

/** The relation input of one row: only mapped fields are present (unmapped ones keep stored values on update). */
export function rowInput(mapping: Mapping, headers: string[], cells: string[]): RelationInput {
  const input: RelationInput = {};
  for (const [field, header] of Object.entries(mapping) as Array<[RelationField, string | null]>) {
    if (!header) continue;
    const index = headers.indexOf(header);
    input[field] = index >= 0 ? (cells[index] ?? '') : '';
  }
  return input;
}
