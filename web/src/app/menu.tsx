/**
 * The menu registry: every screen of the app shell is one line here. A capability adds its line
 * (and its texts in web/src/i18n/*.ts); the menu bar, the routes, the rights check and the
 * "not available yet" page all follow from it.
 *
 *   { menu, id, path, labelKey, element?, right?, adminOnly?, scope? }
 *
 * - path: relative to the shell: /d/:dossierId/<path> in a dossier, /<path> for office screens.
 *   Nested routes below it (detail pages) go to the same element.
 * - element: the page (lazy-loaded). Without one, the entry opens a page that says plainly that
 *   this part of Argonaut is not available yet.
 * - right: needed in the open dossier (the dossier's `rights`); without it the entry is greyed with
 *   a tooltip naming the right.
 * - adminOnly: only office administrators.
 * - scope 'office': usable without an open dossier (office-wide screens). Default 'dossier'.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Right } from '../api.ts';
import type { MessageKey } from '../i18n/index.tsx';

export type MenuId = 'management' | 'accounting' | 'bank' | 'invoicing' | 'reports' | 'help';

export interface MenuEntry {
  menu: MenuId;
  id: string;
  path: string;
  labelKey: MessageKey;
  element?: ComponentType | LazyExoticComponent<ComponentType>;
  right?: Right;
  adminOnly?: boolean;
  scope?: 'office' | 'dossier';
  /** A line above this entry in its menu. */
  separator?: boolean;
  /** Opens this address instead of a route (e.g. the API documentation). */
  href?: string;
}

export const MENUS: Array<{ id: MenuId; labelKey: MessageKey; accessKey: MessageKey }> = [
  { id: 'management', labelKey: 'menu.management', accessKey: 'menu.management.key' },
  { id: 'accounting', labelKey: 'menu.accounting', accessKey: 'menu.accounting.key' },
  { id: 'bank', labelKey: 'menu.bank', accessKey: 'menu.bank.key' },
  { id: 'invoicing', labelKey: 'menu.invoicing', accessKey: 'menu.invoicing.key' },
  { id: 'reports', labelKey: 'menu.reports', accessKey: 'menu.reports.key' },
  { id: 'help', labelKey: 'menu.help', accessKey: 'menu.help.key' },
];

const DossiersPage = lazy(() => import('../pages/management/DossiersPage.tsx'));
const UsersPage = lazy(() => import('../pages/management/UsersPage.tsx'));
const ChangePasswordPage = lazy(() => import('../pages/management/ChangePasswordPage.tsx'));
const MySettingsPage = lazy(() => import('../pages/management/MySettingsPage.tsx'));
const ApiTokensPage = lazy(() => import('../pages/management/ApiTokensPage.tsx'));
const OutboxPage = lazy(() => import('../pages/management/OutboxPage.tsx'));
const ShortcutsPage = lazy(() => import('../pages/help/ShortcutsPage.tsx'));
const ThemePage = lazy(() => import('../pages/help/ThemePage.tsx'));
const AboutPage = lazy(() => import('../pages/help/AboutPage.tsx'));
const RelationsPage = lazy(() => import('../pages/relations/RelationsPage.tsx'));
const PurchasesPage = lazy(() => import('../pages/accounting/BookingPage.tsx').then((m) => ({ default: m.PurchasesPage })));
const SalesPage = lazy(() => import('../pages/accounting/BookingPage.tsx').then((m) => ({ default: m.SalesPage })));
const FinancialPage = lazy(() => import('../pages/accounting/BookingPage.tsx').then((m) => ({ default: m.FinancialPage })));
const MiscellaneousPage = lazy(() => import('../pages/accounting/BookingPage.tsx').then((m) => ({ default: m.MiscellaneousPage })));
const OpeningBookingPage = lazy(() => import('../pages/accounting/OpeningBookingPage.tsx'));
const TrialBalancePage = lazy(() => import('../pages/reports/ReportsPage.tsx').then((m) => ({ default: m.TrialBalancePage })));
const GeneralLedgerPage = lazy(() => import('../pages/reports/ReportsPage.tsx').then((m) => ({ default: m.GeneralLedgerPage })));
const JournalReportPage = lazy(() => import('../pages/reports/ReportsPage.tsx').then((m) => ({ default: m.JournalReportPage })));
const RelationBalancesPage = lazy(() => import('../pages/reports/ReportsPage.tsx').then((m) => ({ default: m.RelationBalancesPage })));
const AccountsPage = lazy(() => import('../pages/ledger/AccountsPage.tsx'));
const FixedAccountsPage = lazy(() => import('../pages/ledger/FixedAccountsPage.tsx'));
const VatCodesPage = lazy(() => import('../pages/ledger/VatCodesPage.tsx'));
const FiscalYearsPage = lazy(() => import('../pages/ledger/FiscalYearsPage.tsx'));
const JournalsPage = lazy(() => import('../pages/ledger/JournalsPage.tsx'));
const MatchingPage = lazy(() => import('../pages/matching/MatchingPage.tsx'));
const ImportStatementsPage = lazy(() => import('../pages/bank/ImportStatementsPage.tsx'));
const UnassignedLinesPage = lazy(() => import('../pages/bank/UnassignedLinesPage.tsx'));
const MandatesPage = lazy(() => import('../pages/bank/MandatesPage.tsx'));
const InboxPage = lazy(() => import('../pages/bank/InboxPage.tsx'));
const OpenItemsPage = lazy(() => import('../pages/reports/OpenItemsPage.tsx'));
const RelationLedgerPage = lazy(() => import('../pages/matching/RelationLedgerPage.tsx'));
const PeppolInboxPage = lazy(() => import('../pages/invoicing/PeppolInboxPage.tsx'));
const InvoicesPage = lazy(() => import('../pages/invoicing/InvoicesPage.tsx'));
const ItemsPage = lazy(() => import('../pages/invoicing/ItemsPage.tsx'));

export const MENU_ENTRIES: MenuEntry[] = [
  // Management
  { menu: 'management', id: 'dossiers', path: 'management/dossiers', labelKey: 'menu.dossiers', element: DossiersPage, scope: 'office' },
  { menu: 'management', id: 'users', path: 'management/users', labelKey: 'menu.users', element: UsersPage, adminOnly: true, scope: 'office' },
  { menu: 'management', id: 'accounts', path: 'management/accounts', labelKey: 'menu.accounts', element: AccountsPage, right: 'view', separator: true },
  { menu: 'management', id: 'fixed-accounts', path: 'management/fixed-accounts', labelKey: 'menu.fixedAccounts', element: FixedAccountsPage, right: 'accounts' },
  { menu: 'management', id: 'fiscal-years', path: 'management/fiscal-years', labelKey: 'menu.fiscalYears', element: FiscalYearsPage, right: 'fiscal_years' },
  { menu: 'management', id: 'journals', path: 'management/journals', labelKey: 'menu.journals', element: JournalsPage, right: 'accounts' },
  { menu: 'management', id: 'vat-codes', path: 'management/vat-codes', labelKey: 'menu.vatCodes', element: VatCodesPage, right: 'accounts' },
  { menu: 'management', id: 'relations', path: 'management/relations', labelKey: 'menu.relations', element: RelationsPage, right: 'view' },
  { menu: 'management', id: 'assets', path: 'management/assets', labelKey: 'menu.assets', right: 'book' },
  { menu: 'management', id: 'change-password', path: 'management/password', labelKey: 'menu.changePassword', element: ChangePasswordPage, scope: 'office', separator: true },
  { menu: 'management', id: 'settings', path: 'management/settings', labelKey: 'menu.mySettings', element: MySettingsPage, scope: 'office' },
  { menu: 'management', id: 'tokens', path: 'management/tokens', labelKey: 'menu.apiTokens', element: ApiTokensPage, scope: 'office' },
  { menu: 'management', id: 'outbox', path: 'management/outbox', labelKey: 'menu.outbox', element: OutboxPage, adminOnly: true, scope: 'office' },

  // Accounting
  { menu: 'accounting', id: 'purchases', path: 'accounting/purchases', labelKey: 'menu.purchases', element: PurchasesPage, right: 'book' },
  { menu: 'accounting', id: 'sales', path: 'accounting/sales', labelKey: 'menu.sales', element: SalesPage, right: 'book' },
  { menu: 'accounting', id: 'financial', path: 'accounting/financial', labelKey: 'menu.financial', element: FinancialPage, right: 'book' },
  { menu: 'accounting', id: 'miscellaneous', path: 'accounting/miscellaneous', labelKey: 'menu.miscellaneous', element: MiscellaneousPage, right: 'book' },
  { menu: 'accounting', id: 'opening', path: 'accounting/opening', labelKey: 'menu.openingBookings', element: OpeningBookingPage, right: 'book' },
  { menu: 'accounting', id: 'matching', path: 'accounting/matching', labelKey: 'menu.matching', element: MatchingPage, right: 'book', separator: true },
  { menu: 'accounting', id: 'unassigned-bank-lines', path: 'accounting/unassigned-bank-lines', labelKey: 'menu.unassignedBankLines', element: UnassignedLinesPage, right: 'book' },
  { menu: 'accounting', id: 'vat-return', path: 'accounting/vat-return', labelKey: 'menu.vatReturn', right: 'book', separator: true },
  // "Boekjaar, Overboeken boekjaar": the fiscal years with their transfer and closing, as under Management
  { menu: 'accounting', id: 'close-year', path: 'accounting/close-year', labelKey: 'menu.closeYear', element: FiscalYearsPage, right: 'fiscal_years' },

  // Bank
  { menu: 'bank', id: 'import', path: 'bank/import', labelKey: 'menu.bankImport', element: ImportStatementsPage, right: 'book' },
  { menu: 'bank', id: 'coda-mandates', path: 'bank/coda-mandates', labelKey: 'menu.codaMandates', element: MandatesPage, right: 'view' },
  { menu: 'bank', id: 'bank-inbox', path: 'bank/inbox', labelKey: 'menu.bankInbox', element: InboxPage, scope: 'office' },
  { menu: 'bank', id: 'payments', path: 'bank/payments', labelKey: 'menu.payments', right: 'book', separator: true },
  { menu: 'bank', id: 'direct-debits', path: 'bank/direct-debits', labelKey: 'menu.directDebits', right: 'book' },

  // Invoicing
  { menu: 'invoicing', id: 'invoices', path: 'invoicing/invoices', labelKey: 'menu.invoices', right: 'book', element: InvoicesPage },
  { menu: 'invoicing', id: 'items', path: 'invoicing/items', labelKey: 'menu.items', right: 'book', element: ItemsPage },
  { menu: 'invoicing', id: 'peppol', path: 'invoicing/peppol', labelKey: 'menu.peppol', right: 'view', separator: true, element: PeppolInboxPage },

  // Reports
  { menu: 'reports', id: 'trial-balance', path: 'reports/trial-balance', labelKey: 'menu.trialBalance', element: TrialBalancePage, right: 'view' },
  { menu: 'reports', id: 'ledger', path: 'reports/ledger', labelKey: 'menu.generalLedger', element: GeneralLedgerPage, right: 'view' },
  { menu: 'reports', id: 'journal-report', path: 'reports/journals', labelKey: 'menu.journalReport', element: JournalReportPage, right: 'view' },
  { menu: 'reports', id: 'open-items', path: 'reports/open-items', labelKey: 'menu.openItems', element: OpenItemsPage, right: 'view' },
  { menu: 'reports', id: 'relation-ledger', path: 'reports/relation-ledger', labelKey: 'relationLedger.title', element: RelationLedgerPage, right: 'view' },
  { menu: 'reports', id: 'relation-balances', path: 'reports/relation-balances', labelKey: 'openItems.relationBalances', element: RelationBalancesPage, right: 'view' },
  { menu: 'reports', id: 'annual-accounts', path: 'reports/annual-accounts', labelKey: 'menu.annualAccounts', right: 'view', separator: true },
  { menu: 'reports', id: 'export', path: 'reports/export', labelKey: 'menu.export', right: 'export' },

  // Help
  { menu: 'help', id: 'shortcuts', path: 'help/shortcuts', labelKey: 'menu.shortcuts', element: ShortcutsPage, scope: 'office' },
  { menu: 'help', id: 'theme', path: 'help/theme', labelKey: 'menu.theme', element: ThemePage, scope: 'office' },
  { menu: 'help', id: 'api-docs', path: 'help/api', labelKey: 'menu.apiDocs', href: '/api/docs', scope: 'office', separator: true },
  { menu: 'help', id: 'about', path: 'help/about', labelKey: 'menu.about', element: AboutPage, scope: 'office' },
];

export function entriesOf(menu: MenuId): MenuEntry[] {
  return MENU_ENTRIES.filter((e) => e.menu === menu);
}
