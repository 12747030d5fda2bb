/** REST API of the bank inbox (office-wide, not per dossier), under /api/v1/bank/inbox. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { validation } from '../../core/errors.ts';
import { actorOf, idParam, type RouteModule } from '../../server/http.ts';
import { getInboxEntry, listInbox, retryInboxEntry, uploadToInbox } from './inbox.ts';

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

export const inboxRoutes: RouteModule = (app, svc) => {
  app.get(
    '/bank/inbox',
    {
      schema: {
        tags: ['bank'],
        summary: 'Files in the bank inbox and their history: dossier, status, message, attempts, next attempt',
        querystring: z.object({ status: z.enum(['waiting', 'pending', 'imported', 'failed', 'dropped']).optional(), dossierId: z.coerce.number().int().positive().optional() }),
      },
    },
    async (request) => listInbox(svc, actorOf(request), request.query),
  );
  app.get('/bank/inbox/:id', { schema: { tags: ['bank'], summary: 'One inbox file with every attempt', params: idParam } }, async (request) =>
    getInboxEntry(svc, actorOf(request), request.params.id),
  );
  app.post(
    '/bank/inbox',
    { schema: { tags: ['bank'], summary: 'Upload a CODA or camt.053 file into the office inbox; it is routed to a dossier by account and imported by the daily run', consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const actor = actorOf(request);
      const file = await readFile(request);
      const result = await uploadToInbox(svc, actor, file);
      return reply.code(result.duplicate ? 200 : 201).send(result);
    },
  );
  app.post('/bank/inbox/:id/attempt', { schema: { tags: ['bank'], summary: 'Try a waiting file now', params: idParam } }, async (request) =>
    retryInboxEntry(svc, actorOf(request), request.params.id),
  );
};
