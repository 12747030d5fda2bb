import { z } from 'zod';
import { actorOf, idParam, listQuery, noContent, type RouteModule } from '../../server/http.ts';
import { createUser, getUser, listUsers, removeUser, setUserPassword, setUserRights, updateUser } from './manage-users.ts';
import { RIGHTS } from './rights.ts';

const role = z.enum(['admin', 'staff', 'client']);
const language = z.enum(['nl', 'fr', 'en']);
const rightsEntry = z.object({ dossierId: z.number().int().positive(), rights: z.array(z.enum(RIGHTS)) });

export const userRoutes: RouteModule = (app, svc) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users of your office (administrators)',
        querystring: z.object({ ...listQuery, sort: z.enum(['login', 'displayName', 'role', 'createdAt']).optional() }),
      },
    },
    async (request) => listUsers(svc, actorOf(request), request.query),
  );
  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Add a user',
        body: z.object({
          login: z.string(),
          displayName: z.string().optional(),
          email: z.string().nullable().optional(),
          password: z.string(),
          role,
          language: language.optional(),
          mustChangePassword: z.boolean().optional(),
          rights: z.array(rightsEntry).optional(),
        }),
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(svc, actorOf(request), request.body)),
  );
  app.get('/users/:id', { schema: { tags: ['users'], params: idParam } }, async (request) => getUser(svc, actorOf(request), request.params.id));
  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        params: idParam,
        body: z.object({ displayName: z.string().optional(), email: z.string().nullable().optional(), role: role.optional(), language: language.optional() }),
      },
    },
    async (request) => updateUser(svc, actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/users/:id/rights',
    { schema: { tags: ['users'], summary: "Set a user's rights per dossier (an empty list removes access)", params: idParam, body: z.array(rightsEntry) } },
    async (request) => setUserRights(svc, actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/users/:id/password',
    { schema: { tags: ['users'], summary: "Change a user's password (they change it at next login)", params: idParam, body: z.object({ password: z.string() }) } },
    async (request, reply) => {
      await setUserPassword(svc, actorOf(request), request.params.id, request.body.password);
      return noContent(reply);
    },
  );
  app.delete('/users/:id', { schema: { tags: ['users'], summary: 'Remove a user', params: idParam } }, async (request, reply) => {
    await removeUser(svc, actorOf(request), request.params.id);
    return noContent(reply);
  });
};
