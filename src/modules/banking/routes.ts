/** REST API of Bank → import statements, under /api/v1/dossiers/:dossierId/bank. */
import type { FastifyRequest } from 'fastify';
import { validation } from '../../core/errors.ts';
import { requireDossier } from '../dossiers/access.ts';
import { actorOf, dossierParam, type RouteModule } from '../../server/http.ts';
import { importStatementFile } from './import-statement.ts';

async function readFile(request: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
  const missing = () => validation('banking.file_required', {}, [{ field: 'file', code: 'banking.file_required' }]);
  if (!request.isMultipart()) throw missing();
  let file: { fileName: string; content: Buffer } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') file = { fileName: part.filename || 'statement', content: await part.toBuffer() };
  }
  if (!file || file.content.length === 0) throw missing();
  return file;
}

export const bankingRoutes: RouteModule = (app, svc) => {
  app.post(
    '/dossiers/:dossierId/bank/import',
    {
      schema: {
        tags: ['bank'],
        summary: 'Import a CODA or camt.053 statement file: one financial booking per statement, all or nothing; statements imported before are listed as duplicates',
        params: dossierParam,
        consumes: ['multipart/form-data'],
      },
    },
    async (request) => {
      // Check access before reading a stranger's upload into memory.
      await requireDossier(svc.db, actorOf(request), request.params.dossierId, 'book');
      const file = await readFile(request);
      const result = await importStatementFile(svc, actorOf(request), request.params.dossierId, file);
      return { format: result.format, statements: result.statements, duplicates: result.duplicates };
    },
  );
};
