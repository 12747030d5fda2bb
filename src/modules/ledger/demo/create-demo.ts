/**
 * `argonaut demo`: a demo dossier with a realistic year — hundreds of purchase and sales invoices on
 * relations it creates, monthly bank statements that pay most of them (sales by structured
 * communication), monthly salaries, quarterly VAT settlements, year-end depreciation — and a previous
 * year booked the same way (smaller) and transferred. Deterministic: the same year gives the same books.
 * Everything is posted through the ledger's own use cases (the bulk import path).
 */
import { sql } from 'kysely';
import { makeOgm } from '../../../core/ogm.ts';
import type { Services } from '../../../services.ts';
import type { Actor } from '../../auth/actor.ts';
import { createDossier } from '../../dossiers/manage-dossiers.ts';
import { lastDayOfMonth } from '../fiscal-years/rules.ts';
import { createFiscalYear } from '../fiscal-years/manage-fiscal-years.ts';
import { createJournal } from '../journals/manage-journals.ts';
import { importBookings } from '../bookings/import-bookings.ts';
import type { BookingInput } from '../bookings/prepare.ts';
import { transferFiscalYear } from '../transfer/transfer-fiscal-year.ts';
import { addDays } from '../../../core/dates.ts';
import { addDemoInvoices } from '../../invoicing/demo.ts';

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CUSTOMERS = [
  'Hotel Aurora', 'Café De Zwaan', 'Brasserie Het Pleintje', 'Restaurant Lekker', 'Traiteur Vandamme', 'Bistro Den Hoek', 'Tearoom Paulette',
  'Hotel Les Arcades', 'Cafetaria Sportpark', 'Feestzaal De Linde', 'Kantine Stad Gent', 'Woonzorgcentrum Zonnebloem', 'School Sint-Jozef',
  'Bakkerij Claes', 'Delhaize Wetteren', 'Carrefour Market Aalst', 'Spar Oudenaarde', 'Catering Verstraete', 'Hof ter Beke', 'Eetcafé Het Anker',
  'Boulangerie Dumont', 'Hôtel du Lac', 'Restaurant La Gare', 'Friterie Chez Jules', 'Brasserie Le Central', 'Crèche Les Petits Loups',
  'Sportclub Racing', 'Jeugdhuis De Kelder', 'Evenementen Vermeulen', 'Vergadercentrum Stadspark', 'Bed & Breakfast De Kastanje',
  'Bäckerei Müller GmbH', 'Patisserie Lefèvre SARL', 'Foodservice Janssen', 'Lunchbar Smullen', 'Koffiehuis Bonen', 'Hotel Royal',
  'Zaal Harmonie', 'Taverne De Molen', 'Golfclub Oudenaarde',
];
const SUPPLIERS: Array<{ name: string; account: string; vat: string; min: number; max: number; perMonth: number }> = [
  { name: 'Molens Dossche', account: '600000', vat: 'A06G', min: 800, max: 3200, perMonth: 3 },
  { name: 'Suikerraffinaderij Tienen', account: '600000', vat: 'A06G', min: 200, max: 900, perMonth: 1 },
  { name: 'Zuivel Milcobel', account: '600000', vat: 'A06G', min: 300, max: 1500, perMonth: 2 },
  { name: 'Eierhandel Verbeke', account: '600000', vat: 'A06G', min: 100, max: 400, perMonth: 2 },
  { name: 'Verpakkingen Smurfit', account: '601000', vat: 'A21G', min: 150, max: 800, perMonth: 1 },
  { name: 'Puratos', account: '600000', vat: 'A06G', min: 400, max: 2000, perMonth: 1 },
  { name: 'Vastgoed De Smet', account: '610000', vat: 'A00S', min: 2500, max: 2500, perMonth: 1 },
  { name: 'Engie Electrabel', account: '612000', vat: 'A21S', min: 600, max: 1400, perMonth: 1 },
  { name: 'Farys Water', account: '612000', vat: 'A06S', min: 80, max: 160, perMonth: 1 },
  { name: 'Proximus', account: '616000', vat: 'A21S', min: 90, max: 140, perMonth: 1 },
  { name: 'Accountantskantoor Peeters', account: '613000', vat: 'A21S', min: 450, max: 450, perMonth: 1 },
  { name: 'Technische Dienst Bakkerijmachines', account: '611000', vat: 'A21S', min: 150, max: 1200, perMonth: 0.5 },
  { name: 'Bureau Vandeputte', account: '615000', vat: 'A21S', min: 30, max: 250, perMonth: 0.5 },
  { name: 'Ethias Verzekeringen', account: '614000', vat: 'A00S', min: 300, max: 900, perMonth: 0.25 },
  { name: 'Garage Van Hecke', account: '610000', vat: 'A21S-D50', min: 80, max: 600, perMonth: 0.5 },
  { name: 'Backaldrin Österreich GmbH', account: '600000', vat: 'AICG', min: 500, max: 2500, perMonth: 0.5 },
];

export interface DemoResult {
  dossierId: number;
  year: number;
  previousYear: number;
  bookings: number;
  lines: number;
}

async function insertRelations(svc: Services, dossierId: number): Promise<{ customers: number[]; suppliers: number[] }> {
  const customers: number[] = [];
  const suppliers: number[] = [];
  for (const [i, name] of CUSTOMERS.entries()) {
    const days = [15, 30, 30, 30, 45][i % 5];
    const r = await sql<{ id: number }>`
      insert into relation (dossier_id, number, name, kind, payment_days, payment_end_of_month, default_vat_code, default_account)
      values (${dossierId}, ${`K${String(i + 1).padStart(3, '0')}`}, ${name}, 'customer', ${days}, ${i % 7 === 0}, 'V21', '700000') returning id`.execute(svc.db);
    customers.push(r.rows[0].id);
  }
  for (const [i, s] of SUPPLIERS.entries()) {
    const r = await sql<{ id: number }>`
      insert into relation (dossier_id, number, name, kind, payment_days, payment_end_of_month, default_vat_code, default_account)
      values (${dossierId}, ${`L${String(i + 1).padStart(3, '0')}`}, ${s.name}, 'supplier', 30, false, ${s.vat}, ${s.account}) returning id`.execute(svc.db);
    suppliers.push(r.rows[0].id);
  }
  return { customers, suppliers };
}

const euros = (rand: () => number, min: number, max: number) => Math.round((min + rand() * (max - min)) * 100);
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Invoices, salaries and depreciation of a calendar year. */
function yearBookings(year: number, scale: number, rand: () => number, rel: { customers: number[]; suppliers: number[] }): BookingInput[] {
  const out: BookingInput[] = [];
  let salesNo = 0;
  for (let m = 1; m <= 12; m++) {
    const days = Number(lastDayOfMonth(iso(year, m, 1)).slice(8));
    const sales = Math.round(25 * scale + rand() * 6);
    for (let i = 0; i < sales; i++) {
      salesNo++;
      const d = iso(year, m, 1 + Math.floor(rand() * days));
      const customer = rel.customers[Math.floor(rand() * rel.customers.length)];
      const credit = rand() < 0.03;
      const lines: Array<{ account: string; vatCode: string; amount: number; description: string }> = [
        { account: '700000', vatCode: 'V06', amount: euros(rand, 120, 2400), description: 'Brood en banket' },
      ];
      if (rand() < 0.35) lines.push({ account: '700100', vatCode: 'V21', amount: euros(rand, 40, 600), description: 'Levering en service' });
      if (rand() < 0.1) lines.push({ account: '700000', vatCode: 'V12', amount: euros(rand, 80, 500), description: 'Catering' });
      out.push({
        type: credit ? 'sales_credit_note' : 'sales_invoice',
        journal: 'VK',
        date: d,
        relationId: customer,
        reference: `${credit ? 'CN' : 'F'}${year}-${String(salesNo).padStart(4, '0')}`,
        structuredCommunication: credit ? null : makeOgm(String(year * 100000 + salesNo).padStart(10, '0')),
        lines: credit ? [{ ...lines[0], amount: Math.round(lines[0].amount / 5) }] : lines,
      });
    }
    rel.suppliers.forEach((supplierId, i) => {
      const s = SUPPLIERS[i];
      let count = Math.floor(s.perMonth * Math.max(scale, 0.5));
      if (rand() < (s.perMonth * Math.max(scale, 0.5)) % 1) count++;
      for (let k = 0; k < count; k++) {
        const d = s.account === '610000' && s.vat === 'A00S' ? iso(year, m, 1) : iso(year, m, 1 + Math.floor(rand() * days));
        out.push({
          type: 'purchase_invoice',
          journal: 'AK',
          date: d,
          relationId: supplierId,
          reference: `${s.name.split(' ')[0].toUpperCase().slice(0, 4)}-${year}${String(m).padStart(2, '0')}${k + 1}`,
          lines: [{ account: s.account, vatCode: s.vat, amount: euros(rand, s.min, s.max) }],
        });
      }
    });
    const gross = 320000 + Math.floor(rand() * 4) * 5000;
    out.push({
      type: 'miscellaneous',
      journal: 'DIV',
      date: lastDayOfMonth(iso(year, m, 1)),
      description: `Lonen ${String(m).padStart(2, '0')}/${year}`,
      lines: [
        { account: '620000', amount: gross },
        { account: '621000', amount: Math.round(gross * 0.25) },
        { account: '453000', amount: -Math.round(gross * 0.22) },
        { account: '454000', amount: -Math.round(gross * 0.1307) - Math.round(gross * 0.25) },
        { account: '455000', amount: -(gross + Math.round(gross * 0.25) - Math.round(gross * 0.22) - Math.round(gross * 0.1307) - Math.round(gross * 0.25)) },
      ],
    });
  }
  out.push({
    type: 'miscellaneous',
    journal: 'DIV',
    date: iso(year, 12, 31),
    description: `Afschrijvingen ${year}`,
    lines: [
      { account: '630200', amount: 480000 },
      { account: '230900', amount: -300000 },
      { account: '240900', amount: -180000 },
    ],
  });
  return out;
}

/** Monthly statements paying invoices (after their terms, most of them), salaries, social security, VAT. */
async function statementsFor(svc: Services, dossierId: number, fiscalYearId: number, year: number, bank: number, rand: () => number, opening: number): Promise<BookingInput[]> {
  const invoices = (
    await sql<{ kind: string; relation_id: number; amount: number; date: string; due_date: string; structured_communication: string | null; reference: string | null }>`
      select kind, relation_id, amount, date, due_date, structured_communication, reference from booking
      where dossier_id = ${dossierId} and fiscal_year_id = ${fiscalYearId} and relation_id is not null and kind <> 'financial_statement'
      order by date, id`.execute(svc.db)
  ).rows;
  const vatByQuarter = (
    await sql<{ q: number; account: string; balance: number }>`
      select ((extract(month from date)::int - 1) / 3 + 1) as q, account, sum(amount)::bigint as balance from booking_line
      where dossier_id = ${dossierId} and fiscal_year_id = ${fiscalYearId} and account in ('411000', '451000') and period_no between 1 and 12
      group by 1, 2`.execute(svc.db)
  ).rows;
  const payments = new Map<number, Array<{ amount: number; relationId?: number; account?: string; ogm?: string | null; communication?: string | null }>>();
  const pay = (dateStr: string, p: { amount: number; relationId?: number; account?: string; ogm?: string | null; communication?: string | null }) => {
    if (!dateStr.startsWith(`${year}-`)) return; // paid next year: stays open
    const m = Number(dateStr.slice(5, 7));
    const list = payments.get(m) ?? [];
    list.push(p);
    payments.set(m, list);
  };
  for (const inv of invoices) {
    if (rand() < 0.06) continue; // some stay unpaid
    const late = Math.floor(rand() * 20) - 5;
    const when = addDays(inv.due_date ?? inv.date, late);
    const sign = inv.kind.startsWith('sales') ? 1 : -1;
    const credit = inv.kind.endsWith('credit_note') ? -1 : 1;
    pay(when, { amount: sign * credit * Number(inv.amount), relationId: inv.relation_id, ogm: inv.structured_communication, communication: inv.structured_communication ? null : inv.reference });
  }
  const misc: BookingInput[] = [];
  for (let m = 1; m <= 12; m++) {
    const salaries = await sql<{ net: number; rsz: number; tax: number }>`
      select sum(case when account = '455000' then -amount else 0 end)::bigint as net,
             sum(case when account = '454000' then -amount else 0 end)::bigint as rsz,
             sum(case when account = '453000' then -amount else 0 end)::bigint as tax
      from booking_line where dossier_id = ${dossierId} and fiscal_year_id = ${fiscalYearId} and date = ${lastDayOfMonth(iso(year, m, 1))}::date`.execute(svc.db);
    const s = salaries.rows[0];
    if (m < 12) {
      pay(iso(year, m + 1, 3), { amount: -Number(s.net), account: '455000', communication: `Lonen ${m}/${year}` });
      pay(iso(year, m + 1, 5), { amount: -Number(s.rsz), account: '454000', communication: `RSZ ${m}/${year}` });
      pay(iso(year, m + 1, 15), { amount: -Number(s.tax), account: '453000', communication: `Bedrijfsvoorheffing ${m}/${year}` });
    }
    pay(lastDayOfMonth(iso(year, m, 1)), { amount: -Math.round(1200 + rand() * 1500), account: '658000', communication: 'Bankkosten' });
  }
  // Quarterly VAT: 451000 and 411000 settled on the VAT current account 451200, paid (or refunded) the month after.
  for (let q = 1; q <= 4; q++) {
    const payable = -Number(vatByQuarter.find((r) => r.q === q && r.account === '451000')?.balance ?? 0);
    const receivable = Number(vatByQuarter.find((r) => r.q === q && r.account === '411000')?.balance ?? 0);
    if (!payable && !receivable) continue;
    const end = lastDayOfMonth(iso(year, q * 3, 1));
    misc.push({
      type: 'miscellaneous',
      journal: 'DIV',
      date: end,
      description: `Btw-aangifte Q${q} ${year}`,
      lines: [
        ...(payable ? [{ account: '451000', amount: payable }] : []),
        ...(receivable ? [{ account: '411000', amount: -receivable }] : []),
        { account: '451200', amount: receivable - payable },
      ],
    });
    if (q < 4) pay(iso(year, q * 3 + 1, 20), { amount: -(payable - receivable), account: '451200', communication: `Btw Q${q} ${year}` });
  }
  const statements: BookingInput[] = [];
  let balance = opening;
  for (let m = 1; m <= 12; m++) {
    const lines = (payments.get(m) ?? []).filter((p) => p.amount !== 0);
    if (!lines.length) continue;
    const total = lines.reduce((s, p) => s + p.amount, 0);
    statements.push({
      type: 'financial_statement',
      journalId: bank,
      date: lastDayOfMonth(iso(year, m, 1)),
      statementNumber: `${year}/${String(m).padStart(3, '0')}`,
      openingBalance: balance,
      closingBalance: balance + total,
      lines: lines.map((p) => ({ amount: p.amount, relationId: p.relationId ?? null, account: p.account ?? null, structuredCommunication: p.ogm ?? null, communication: p.communication ?? null })),
    });
    balance += total;
  }
  return [...misc, ...statements];
}

export async function createDemoDossier(svc: Services, actor: Actor, options: { year?: number; name?: string; scale?: number } = {}): Promise<DemoResult> {
  const year = options.year ?? svc.clock.now().getUTCFullYear() - 1;
  const previous = year - 1;
  const rand = prng(year * 7919);
  const dossier = await createDossier(svc, actor, { name: options.name ?? `Bakkerij Demo ${year} BV`, vatNumber: 'BE0477472701', fiscalYearStart: `${previous}-01-01`, language: 'nl', city: 'Gent' });
  const dossierId = dossier.id;
  const current = await createFiscalYear(svc, actor, dossierId, {});
  const bank = await createJournal(svc, actor, dossierId, { code: 'KBC', name: 'KBC zichtrekening', type: 'financial', iban: 'BE68539007547034', bic: 'KREDBEBB' });
  const rel = await insertRelations(svc, dossierId);
  let bookings = 0;
  let lines = 0;
  const run = async (inputs: BookingInput[]) => {
    const r = await importBookings(svc, actor, dossierId, inputs, 'demo');
    bookings += r.bookings;
    lines += r.lines;
  };

  // Previous year: coming from another package — opening balances against 588888, the bank counter-booked.
  const startBank = 2_500_000;
  await run([
    {
      type: 'opening',
      journal: 'OPN',
      date: `${previous}-01-01`,
      description: 'Beginbalans overgenomen uit vorig pakket',
      lines: [
        { account: '230000', amount: 1_500_000 },
        { account: '240000', amount: 900_000 },
        { account: '588888', amount: startBank },
        { account: '100000', amount: -1_860_000 },
        { account: '173000', amount: -1_200_000 },
        { account: '133000', amount: -(1_500_000 + 900_000 + startBank - 1_860_000 - 1_200_000) },
      ],
    },
    {
      type: 'financial_statement',
      journalId: bank.id,
      date: `${previous}-01-02`,
      statementNumber: `${previous}/000`,
      openingBalance: 0,
      closingBalance: startBank,
      lines: [{ amount: startBank, account: '588888', communication: 'Beginsaldo' }],
    },
  ]);
  await run(yearBookings(previous, 0.4, rand, rel));
  await run(await statementsFor(svc, dossierId, 1, previous, bank.id, rand, startBank));
  await transferFiscalYear(svc, actor, dossierId, 1);

  // The demo year.
  await run(yearBookings(year, 1, rand, rel));
  const opening = await sql<{ closing: number }>`
    select statement_closing as closing from booking where dossier_id = ${dossierId} and journal_id = ${bank.id} and kind = 'financial_statement'
    order by date desc, id desc limit 1`.execute(svc.db);
  await run(await statementsFor(svc, dossierId, current.id, year, bank.id, rand, Number(opening.rows[0].closing)));
  // Invoicing: December invoices made and posted through the invoicing module, sent, half of them paid.
  await addDemoInvoices(svc, actor, dossierId, year, bank.id);
  return { dossierId, year, previousYear: previous, bookings, lines };
}
