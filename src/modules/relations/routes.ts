/** REST API of Management → Relations, under /api/v1/dossiers/:dossierId/relations. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { validation } from '../../core/errors.ts';
import { requireDossier } from '../dossiers/access.ts';
import { actorOf, dossierParam, noContent, type RouteModule } from '../../server/http.ts';
import { checkCustomersPeppol, checkRelationPeppol } from './check-peppol.ts';
import { exportRelations, printRelation, type ExportFile } from './export-relations.ts';
import { commitRelationImport, previewRelationImport, uploadRelationImport } from './import-relations.ts';
import { createRelation, deleteRelation, getRelation, listRelations, nextRelationNumber, setRelationActive, updateRelation } from './manage-relations.ts';
import type { Mapping } from './mapping.ts';
import { RELATION_SORTS } from './repo.ts';
import { RELATION_FIELDS, RELATION_KINDS, RELATION_LANGUAGES } from './rules.ts';

const relationParam = dossierParam.extend({ relationId: z.coerce.number().int().positive() });
const uploadParam = dossierParam.extend({ uploadId: z.string().regex(/^[0-9a-f]{64}$/) });

const text = z.string().nullable().optional();
const relationBody = z.object({
  number: text,
  name: z.string().optional(),
  kind: z.enum(RELATION_KINDS).optional(),
  street: text,
  postcode: text,
  city: text,
  country: z.string().optional(),
  language: z.enum(RELATION_LANGUAGES).optional(),
  enterpriseNumber: text,
  vatNumber: text,
  iban: text,
  bic: text,
  email: text,
  phone: text,
  paymentDays: z.number().int().optional(),
  paymentEndOfMonth: z.boolean().optional(),
  defaultVatCode: text,
  defaultAccount: text,
  peppolId: text,
  active: z.boolean().optional(),
  notes: text,
});

const filterQuery = {
  search: z.string().optional(),
  status: z.enum(['active', 'inactive', 'all']).optional(),
  kind: z.enum(['customer', 'supplier', 'all']).optional(),
  peppol: z.enum(['registered', 'not_registered', 'unchecked', 'all']).optional(),
  sort: z.enum(RELATION_SORTS).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
};

const mappingSchema = z.partialRecord(z.enum(RELATION_FIELDS as [string, ...string[]]), z.string().nullable());

function sendFile(reply: FastifyReply, file: ExportFile, inline = false) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${file.fileName}"`)
    .header('x-record-count', String(file.count))
    .send(file.body);
}

/** Reads the multipart upload: one file, and optionally a "mapping" field (JSON). */
async function readUpload(request: FastifyRequest): Promise<{ fileName: string; content: Buffer; mapping?: Mapping }> {
  if (!request.isMultipart()) throw validation('relation.import.file_required', {}, [{ field: 'file', code: 'relation.import.file_required' }]);
  let file: { fileName: string; content: Buffer } | undefined;
  let mapping: Mapping | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') file = { fileName: part.filename || 'upload', content: await part.toBuffer() };
    else if (part.fieldname === 'mapping' && typeof part.value === 'string' && part.value.trim()) {
      try {
        mapping = mappingSchema.parse(JSON.parse(part.value)) as Mapping;
      } catch {
        throw validation('request.field_invalid', { field: 'mapping', reason: 'JSON object { field: column }' }, [{ field: 'mapping', code: 'request.field_invalid', params: { field: 'mapping', reason: 'JSON' } }]);
      }
    }
  }
  if (!file || file.content.length === 0) throw validation('relation.import.file_required', {}, [{ field: 'file', code: 'relation.import.file_required' }]);
  return { ...file, mapping };
}

export const relationRoutes: RouteModule = (app, svc) => {
  const base = '/dossiers/:dossierId/relations';
  const tags = ['relations'];

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Relations of the dossier: search (name, number, VAT number, city), filters, sort, pages',
        params: dossierParam,
        querystring: z.object({ ...filterQuery, page: z.coerce.number().int().positive().optional(), pageSize: z.coerce.number().int().positive().max(500).optional() }),
      },
    },
    async (request) => listRelations(svc, actorOf(request), request.params.dossierId, request.query),
  );
  app.get(`${base}/next-number`, { schema: { tags, summary: 'The number a new relation gets', params: dossierParam } }, async (request) =>
    nextRelationNumber(svc, actorOf(request), request.params.dossierId),
  );
  app.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: 'Export the list (with its filter) as CSV, Excel or PDF',
        params: dossierParam,
        querystring: z.object({ ...filterQuery, format: z.enum(['csv', 'xlsx', 'pdf']).default('csv') }),
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const file = await exportRelations(svc, actorOf(request), request.params.dossierId, { ...filter, format, language: request.language });
      return sendFile(reply, file, format === 'pdf');
    },
  );
  app.post(
    base,
    { schema: { tags, summary: 'New relation (number automatic when left empty)', params: dossierParam, body: relationBody.extend({ name: z.string() }) } },
    async (request, reply) => reply.code(201).send(await createRelation(svc, actorOf(request), request.params.dossierId, request.body)),
  );

  // Import: upload (multipart "file", optional "mapping") → preview; preview again with another mapping; commit.
  app.post(
    `${base}/import`,
    { schema: { tags, summary: 'Upload a CSV or .xlsx file: returns the preview (mapping, row problems, duplicates)', params: dossierParam, consumes: ['multipart/form-data'] } },
    async (request) => {
      // Check access before reading a stranger's upload into memory.
      await requireDossier(svc.db, actorOf(request), request.params.dossierId, 'book');
      const upload = await readUpload(request);
      return uploadRelationImport(svc, actorOf(request), request.params.dossierId, upload, { mapping: upload.mapping, language: request.language });
    },
  );
  app.post(
    `${base}/import/:uploadId/preview`,
    { schema: { tags, summary: 'Preview an uploaded file again, with another column mapping', params: uploadParam, body: z.object({ mapping: mappingSchema.optional() }) } },
    async (request) =>
      previewRelationImport(svc, actorOf(request), request.params.dossierId, request.params.uploadId, { mapping: request.body.mapping as Mapping | undefined, language: request.language }),
  );
  app.post(
    `${base}/import/:uploadId/commit`,
    {
      schema: {
        tags,
        summary: 'Import the uploaded file: all rows or none; duplicates update the existing relation or are skipped',
        params: uploadParam,
        body: z.object({ mapping: mappingSchema.optional(), duplicates: z.enum(['update', 'skip']) }),
      },
    },
    async (request) =>
      commitRelationImport(svc, actorOf(request), request.params.dossierId, request.params.uploadId, { mapping: request.body.mapping as Mapping | undefined, duplicates: request.body.duplicates }),
  );

  app.post(
    `${base}/peppol-check`,
    { schema: { tags, summary: 'Check the Peppol registration of every active customer', params: dossierParam } },
    async (request) => checkCustomersPeppol(svc, actorOf(request), request.params.dossierId, request.language),
  );

  app.get(`${base}/:relationId`, { schema: { tags, params: relationParam } }, async (request) =>
    getRelation(svc, actorOf(request), request.params.dossierId, request.params.relationId),
  );
  app.get(`${base}/:relationId/pdf`, { schema: { tags, summary: 'Print one relation (PDF)', params: relationParam } }, async (request, reply) =>
    sendFile(reply, await printRelation(svc, actorOf(request), request.params.dossierId, request.params.relationId, request.language), true),
  );
  app.patch(`${base}/:relationId`, { schema: { tags, params: relationParam, body: relationBody } }, async (request) =>
    updateRelation(svc, actorOf(request), request.params.dossierId, request.params.relationId, request.body),
  );
  app.post(`${base}/:relationId/activate`, { schema: { tags, params: relationParam } }, async (request) =>
    setRelationActive(svc, actorOf(request), request.params.dossierId, request.params.relationId, true),
  );
  app.post(`${base}/:relationId/deactivate`, { schema: { tags, params: relationParam } }, async (request) =>
    setRelationActive(svc, actorOf(request), request.params.dossierId, request.params.relationId, false),
  );
  app.delete(
    `${base}/:relationId`,
    { schema: { tags, summary: 'Delete a relation nothing refers to (otherwise: deactivate it)', params: relationParam } },
    async (request, reply) => {
      await deleteRelation(svc, actorOf(request), request.params.dossierId, request.params.relationId);
      return noContent(reply);
    },
  );
  app.post(
    `${base}/:relationId/peppol-check`,
    { schema: { tags, summary: 'Check the Peppol registration of one relation', params: relationParam } },
    async (request) => checkRelationPeppol(svc, actorOf(request), request.params.dossierId, request.params.relationId),
  );
};
