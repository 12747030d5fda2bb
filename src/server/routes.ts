import type { RouteModule } from './http.ts';
import { authRoutes } from '../modules/auth/routes.ts';
import { userRoutes } from '../modules/users/routes.ts';
import { dossierRoutes } from '../modules/dossiers/routes.ts';
import { mailRoutes } from '../modules/mail/routes.ts';
import { relationRoutes } from '../modules/relations/routes.ts';
import { ledgerRoutes } from '../modules/ledger/routes.ts';
import { matchingRoutes } from '../modules/matching/routes.ts';
import { bankingRoutes } from '../modules/banking/routes.ts';
import { invoicingRoutes } from '../modules/invoicing/routes.ts';
import { unassignedRoutes } from '../modules/banking/unassigned-routes.ts';
import { mandateRoutes } from '../modules/banking/mandates-routes.ts';
import { inboxRoutes } from '../modules/banking/inbox-routes.ts';
import { peppolRoutes } from '../modules/peppol/routes.ts';

/** Every capability's routes, mounted under /api/v1. One line per module. */
export const routeModules: RouteModule[] = [
  authRoutes,
  userRoutes,
  dossierRoutes,
  mailRoutes,
  relationRoutes,
  ledgerRoutes,
  matchingRoutes,
  bankingRoutes,
  invoicingRoutes,
  unassignedRoutes,
  mandateRoutes,
  inboxRoutes,
  peppolRoutes,
];
