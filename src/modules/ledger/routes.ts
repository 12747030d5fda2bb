/** Every route of the general ledger (one line in src/server/routes.ts mounts them). */
import type { RouteModule } from '../../server/http.ts';
import './index.ts';
import { accountRoutes } from './accounts/routes.ts';
import { fiscalYearRoutes, transferRoutes } from './fiscal-years/routes.ts';
import { journalRoutes } from './journals/routes.ts';
import { vatRoutes } from './vat/routes.ts';
import { bookingRoutes } from './bookings/routes.ts';
import { reportRoutes } from './reports/routes.ts';

const parts: RouteModule[] = [accountRoutes, fiscalYearRoutes, journalRoutes, vatRoutes, bookingRoutes, transferRoutes, reportRoutes];

export const ledgerRoutes: RouteModule = async (app, svc) => {
  for (const part of parts) await part(app, svc);
};
