/**
 * camt.053 reader (ISO 20022 bank-to-customer statement, versions 001.02, 001.04 and 001.08),
 * into the same statement model as CODA. Pure: text or bytes in, statements out.
 *
 * Mapping (shared/notes/iso20022.md): opening balance OPBD (else PRCD), closing CLBD; each Ntry
 * is a movement (only booked ones: Sts BOOK or no status); its TxDtls give the counterparty and
 * remittance, and when there are several (a batch) they are kept as `details`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { validation } from '../../core/errors.ts';
import { findOgmInText, formatOgm, isValidOgm, isValidRfReference, normalizeOgm } from '../../core/ogm.ts';
import {
  AmountTextError,
  decimalToThousandths,
  decodeBankFile,
  decodeWindows1252,
  formatAmount,
  type Movement,
  type ParsedStatement,
  type Transaction,
  warn,
} from '../statement.ts';
import './messages.ts';

export const SUPPORTED_CAMT053_VERSIONS = ['02', '04', '08'] as const;

type XmlNode = Record<string, unknown>;

const REPEATED = new Set(['Stmt', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'CdtrRefInf', 'AddtlNtryInf']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Drop namespace prefixes from element names but keep the xmlns attributes (to read the version).
  transformTagName: (name) => {
    const colon = name.indexOf(':');
    return colon < 0 ? name : name.slice(colon + 1);
  },
  parseTagValue: false, // amounts, references and ids stay text
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
});

const node = (v: unknown): XmlNode | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as XmlNode) : undefined);

const list = (v: unknown): unknown[] => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** Text content of an element (plain string or {#text, @_attr}). */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  const n = node(v);
  const t = n?.['#text'];
  return typeof t === 'string' && t !== '' ? t : undefined;
}

/** Walks child elements by name: get(stmt, 'Acct', 'Id', 'IBAN'). Takes the first of repeated ones. */
function get(v: unknown, ...path: string[]): unknown {
  let cur: unknown = v;
  for (const name of path) {
    const n = node(Array.isArray(cur) ? cur[0] : cur);
    if (!n) return undefined;
    cur = n[name];
  }
  return cur;
}

/** EPC placeholder for an empty reference or remittance text: treated as absent. */
const NOT_PROVIDED = 'NOTPROVIDED';
const provided = (t: string | undefined) => (t === NOT_PROVIDED ? undefined : t);

const textAt = (v: unknown, ...path: string[]): string | undefined => text(get(v, ...path));

/** ISO date from Dt (YYYY-MM-DD, maybe with an offset) or DtTm; null when absent or unreadable. */
function dateOf(v: unknown): string | null {
  const raw = textAt(v, 'Dt') ?? textAt(v, 'DtTm');
  if (!raw) return null;
  const d = raw.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null;
}

function decode(input: string | Uint8Array): string {
  if (typeof input === 'string') return input;
  // Honour an explicit Latin-1 / Windows-1252 declaration; otherwise UTF-8 (with a Windows-1252 fallback).
  const head = new TextDecoder('latin1').decode(input.subarray(0, 200));
  if (/encoding\s*=\s*["'](iso-8859-1|iso-8859-15|latin-?1|windows-1252|cp1252)["']/i.test(head)) {
    return decodeWindows1252(input);
  }
  return decodeBankFile(input).text;
}

interface Ctx {
  statement: string;
  stmt: ParsedStatement;
}

function amountOf(v: unknown, element: string, ctx: Pick<Ctx, 'statement'>): bigint {
  const raw = text(v);
  if (raw === undefined) throw validation('camt.missing_element', { statement: ctx.statement, element });
  try {
    const value = decimalToThousandths(raw);
    if (value < 0n) throw new AmountTextError('format', raw);
    return value;
  } catch (err) {
    if (err instanceof AmountTextError) {
      throw validation(err.reason === 'precision' ? 'camt.amount_precision' : 'camt.invalid_amount', {
        statement: ctx.statement,
        element,
        value: raw,
      });
    }
    throw err;
  }
}

/** +1 for CRDT, -1 for DBIT; undefined when absent. */
function indicator(v: unknown, element: string, ctx: Pick<Ctx, 'statement'>): 1n | -1n | undefined {
  const raw = text(v);
  if (raw === undefined) return undefined;
  if (raw === 'CRDT') return 1n;
  if (raw === 'DBIT') return -1n;
  throw validation('camt.invalid_indicator', { statement: ctx.statement, element, value: raw });
}

const balanceCode = (bal: unknown): string | undefined =>
  textAt(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? textAt(bal, 'Tp', 'CdOrPrtry', 'Prtry');

function balanceOf(bal: unknown, code: string, ctx: Ctx): { amount: bigint; date: string | null } {
  const amount = amountOf(get(bal, 'Amt'), `Bal[${code}]/Amt`, ctx);
  let sign = indicator(get(bal, 'CdtDbtInd'), `Bal[${code}]/CdtDbtInd`, ctx);
  if (sign === undefined) {
    warn(ctx.stmt, 'camt.missing_balance_indicator', { statement: ctx.statement, balance: code });
    sign = 1n;
  }
  return { amount: amount * sign, date: dateOf(get(bal, 'Dt')) };
}

/** Bank transaction code: Domn/Fmly/SubFmly ("PMNT/RCDT/ESCT"), else the proprietary code. */
function transactionCode(v: unknown): string | null {
  const domain = textAt(v, 'Domn', 'Cd');
  if (domain) {
    const family = textAt(v, 'Domn', 'Fmly', 'Cd');
    const sub = textAt(v, 'Domn', 'Fmly', 'SubFmlyCd');
    return [domain, family, sub].filter(Boolean).join('/');
  }
  return textAt(v, 'Prtry', 'Cd') ?? null;
}

const accountId = (acct: unknown): string | undefined => textAt(acct, 'Id', 'IBAN') ?? textAt(acct, 'Id', 'Othr', 'Id');

/** Party name: v02/v04 Nm, v08 Pty/Nm. */
const partyName = (p: unknown): string | undefined => textAt(p, 'Nm') ?? textAt(p, 'Pty', 'Nm');

const agentBic = (agent: unknown): string | undefined =>
  textAt(agent, 'FinInstnId', 'BIC') ?? textAt(agent, 'FinInstnId', 'BICFI');

const sameAccount = (a: string, b: string) => a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

/**
 * The other party of a transaction: the debtor for a credit, the creditor for a debit. When that side
 * is empty or is our own account, the other side is used (some banks fill the roles loosely).
 */
function counterparty(tx: unknown, credit: boolean, own: string) {
  const side = (role: 'Dbtr' | 'Cdtr') => ({
    name: partyName(get(tx, 'RltdPties', role)) ?? null,
    account: accountId(get(tx, 'RltdPties', `${role}Acct`)) ?? null,
    bic: agentBic(get(tx, 'RltdAgts', `${role}Agt`)) ?? null,
  });
  const debtor = side('Dbtr');
  const creditor = side('Cdtr');
  const [first, second] = credit ? [debtor, creditor] : [creditor, debtor];
  const usable = (p: typeof debtor) => (p.name !== null || p.account !== null) && !(p.account && sameAccount(p.account, own));
  if (usable(first)) return first;
  if (usable(second)) return second;
  return { name: null, account: null, bic: null };
}

/** Remittance: Ustrd lines as free text; Strd creditor references as OGM (BBA) or other references. */
function remittance(tx: unknown, ctx: Ctx, entry: number) {
  const rmt = get(tx, 'RmtInf');
  const lines = list(get(rmt, 'Ustrd')).map(text).filter((t): t is string => t !== undefined && t !== NOT_PROVIDED);
  const communication = lines.length ? lines.join(' ') : null;
  let ogm: string | null = null;
  let reference: string | null = null;
  for (const strd of list(get(rmt, 'Strd'))) {
    for (const cri of list(get(strd, 'CdtrRefInf'))) {
      const ref = textAt(cri, 'Ref');
      if (!ref) continue;
      const issuer = textAt(cri, 'Tp', 'Issr')?.toUpperCase();
      const code = textAt(cri, 'Tp', 'CdOrPrtry', 'Cd');
      const digits = normalizeOgm(ref);
      if (issuer === 'BBA' || (code === 'SCOR' && !issuer && digits && isValidOgm(digits))) {
        if (digits) {
          ogm ??= digits;
          if (!isValidOgm(digits)) warn(ctx.stmt, 'camt.invalid_ogm', { statement: ctx.statement, entry, ogm: formatOgm(digits) });
        } else {
          reference ??= ref;
          warn(ctx.stmt, 'camt.malformed_bba_reference', { statement: ctx.statement, entry, value: ref });
        }
      } else if (/^RF\d\d/i.test(ref.replace(/\s+/g, ''))) {
        const rf = ref.replace(/\s+/g, '').toUpperCase();
        reference ??= rf;
        if (!isValidRfReference(rf)) warn(ctx.stmt, 'camt.invalid_creditor_reference', { statement: ctx.statement, entry, value: rf });
      } else {
        reference ??= ref;
      }
    }
  }
  // Some Belgian banks write the OGM only as +++ddd/dddd/ddddd+++ text (valid ones only).
  if (ogm === null && communication) ogm = findOgmInText(communication);
  return { communication, ogm, reference };
}

function transactionFrom(tx: unknown, credit: boolean, ctx: Ctx, entry: number): Omit<Transaction, 'amount' | 'valueDate' | 'entryDate'> {
  const party = counterparty(tx, credit, ctx.stmt.account);
  const rem = remittance(tx, ctx, entry);
  return {
    structuredCommunication: rem.ogm,
    creditorReference: rem.reference,
    communication: rem.communication ?? textAt(tx, 'AddtlTxInf') ?? null,
    counterpartyName: party.name,
    counterpartyAccount: party.account,
    counterpartyBic: party.bic,
    bankReference: textAt(tx, 'Refs', 'AcctSvcrRef') ?? null,
    endToEndId: provided(textAt(tx, 'Refs', 'EndToEndId')) ?? null,
    transactionCode: transactionCode(get(tx, 'BkTxCd')),
  };
}

function entryOf(ntry: unknown, entry: number, ctx: Ctx): Movement | null {
  const status = textAt(ntry, 'Sts') ?? textAt(ntry, 'Sts', 'Cd');
  if (status !== undefined && status.toUpperCase() !== 'BOOK') {
    warn(ctx.stmt, 'camt.entry_not_booked', { statement: ctx.statement, entry, status });
    return null;
  }
  const sign = indicator(get(ntry, 'CdtDbtInd'), `Ntry[${entry}]/CdtDbtInd`, ctx);
  if (sign === undefined) throw validation('camt.missing_element', { statement: ctx.statement, element: `Ntry[${entry}]/CdtDbtInd` });
  const amount = amountOf(get(ntry, 'Amt'), `Ntry[${entry}]/Amt`, ctx) * sign;
  const credit = sign > 0n;
  const valueDate = dateOf(get(ntry, 'ValDt'));
  const entryDate = dateOf(get(ntry, 'BookgDt'));
  const additional = list(get(ntry, 'AddtlNtryInf')).map(text).filter(Boolean).join(' ') || null;
  const txs = list(get(ntry, 'NtryDtls')).flatMap((d) => list(node(d)?.TxDtls));

  const movement: Movement = {
    amount,
    valueDate,
    entryDate,
    structuredCommunication: null,
    creditorReference: null,
    communication: additional,
    counterpartyName: null,
    counterpartyAccount: null,
    counterpartyBic: null,
    bankReference: textAt(ntry, 'AcctSvcrRef') ?? textAt(ntry, 'NtryRef') ?? null,
    endToEndId: null,
    transactionCode: transactionCode(get(ntry, 'BkTxCd')),
    details: [],
  };

  if (txs.length === 1) {
    const t = transactionFrom(txs[0], credit, ctx, entry);
    Object.assign(movement, {
      ...t,
      communication: t.communication ?? additional,
      bankReference: movement.bankReference ?? t.bankReference,
      transactionCode: movement.transactionCode ?? t.transactionCode,
    });
  } else if (txs.length > 1) {
    // A batch ("globalisation"): the entry moves the balance, its details are for matching.
    let sum = 0n;
    let complete = true;
    txs.forEach((tx, i) => {
      const txSign = indicator(get(tx, 'CdtDbtInd'), `Ntry[${entry}]/TxDtls[${i + 1}]/CdtDbtInd`, ctx) ?? sign;
      const amt = get(tx, 'Amt') ?? get(tx, 'AmtDtls', 'TxAmt', 'Amt');
      const txAmount = amt === undefined ? null : amountOf(amt, `Ntry[${entry}]/TxDtls[${i + 1}]/Amt`, ctx) * txSign;
      if (txAmount === null) complete = false;
      else sum += txAmount;
      movement.details.push({
        amount: txAmount,
        valueDate,
        entryDate,
        ...transactionFrom(tx, txSign > 0n, ctx, entry),
      });
    });
    if (complete && sum !== amount) {
      warn(ctx.stmt, 'camt.batch_sum_mismatch', { statement: ctx.statement, entry, sum: formatAmount(sum), amount: formatAmount(amount) });
    }
  }
  return movement;
}

function statementOf(raw: unknown, index: number): ParsedStatement {
  const id = textAt(raw, 'Id') ?? null;
  const label = id ?? `#${index + 1}`;
  const acct = get(raw, 'Acct');
  const account = accountId(acct);
  if (!account) throw validation('camt.missing_element', { statement: label, element: 'Acct/Id' });

  const stmt: ParsedStatement = {
    format: 'camt.053',
    account,
    currency: '',
    sequence: textAt(raw, 'LglSeqNb') ?? textAt(raw, 'ElctrncSeqNb') ?? null,
    oldBalance: 0n,
    newBalance: 0n,
    oldBalanceDate: null,
    newBalanceDate: null,
    holderName: partyName(get(acct, 'Ownr')) ?? null,
    movements: [],
    warnings: [],
    issues: [],
    statementId: id,
    bic: agentBic(get(acct, 'Svcr')) ?? null,
    creationDate: textAt(raw, 'CreDtTm')?.slice(0, 10) ?? null,
  };
  const ctx: Ctx = { statement: label, stmt };

  const balances = list(get(raw, 'Bal'));
  const find = (code: string) => balances.find((b) => balanceCode(b) === code);
  const openingCode = find('OPBD') ? 'OPBD' : find('PRCD') ? 'PRCD' : null;
  if (!openingCode) throw validation('camt.missing_element', { statement: label, element: 'Bal[OPBD]' });
  const closingRaw = find('CLBD');
  if (!closingRaw) throw validation('camt.missing_element', { statement: label, element: 'Bal[CLBD]' });
  const openingRaw = find(openingCode);
  const opening = balanceOf(openingRaw, openingCode, ctx);
  const closing = balanceOf(closingRaw, 'CLBD', ctx);
  stmt.oldBalance = opening.amount;
  stmt.oldBalanceDate = opening.date;
  stmt.newBalance = closing.amount;
  stmt.newBalanceDate = closing.date;

  const entries = list(get(raw, 'Ntry'));
  stmt.currency =
    textAt(acct, 'Ccy') ??
    text(node(get(closingRaw, 'Amt'))?.['@_Ccy']) ??
    text(node(get(openingRaw, 'Amt'))?.['@_Ccy']) ??
    text(node(get(entries[0], 'Amt'))?.['@_Ccy']) ??
    '';

  let sum = 0n;
  let grossSum = 0n;
  entries.forEach((ntry, i) => {
    const m = entryOf(ntry, i + 1, ctx);
    if (m) {
      stmt.movements.push(m);
      sum += m.amount;
      grossSum += m.amount < 0n ? -m.amount : m.amount;
    }
  });

  const computed = stmt.oldBalance + sum;
  if (computed !== stmt.newBalance) {
    warn(stmt, 'camt.balance_mismatch', {
      statement: label,
      account,
      oldBalance: formatAmount(stmt.oldBalance),
      movementSum: formatAmount(sum),
      computed: formatAmount(computed),
      newBalance: formatAmount(stmt.newBalance),
      difference: formatAmount(computed - stmt.newBalance),
    });
  }

  // Optional control totals
  const total = get(raw, 'TxsSummry', 'TtlNtries');
  const statedCount = textAt(total, 'NbOfNtries');
  if (statedCount !== undefined && Number(statedCount) !== entries.length) {
    warn(stmt, 'camt.summary_count_mismatch', { statement: label, stated: statedCount, counted: entries.length });
  }
  const statedSum = textAt(total, 'Sum');
  if (statedSum !== undefined && stmt.movements.length === entries.length) {
    let stated: bigint | null = null;
    try {
      stated = decimalToThousandths(statedSum);
    } catch {
      stated = null;
    }
    if (stated !== grossSum) {
      warn(stmt, 'camt.summary_sum_mismatch', { statement: label, stated: statedSum, computed: formatAmount(grossSum) });
    }
  }
  return stmt;
}

/**
 * Parses a camt.053 document (one or more Stmt). Throws an AppError (validation) for XML that is not
 * well-formed, a document that is not camt.053, an unsupported version, or a missing required element.
 */
export function parseCamt053(input: string | Uint8Array): ParsedStatement[] {
  let xml = decode(input);
  if (xml.charCodeAt(0) === 0xfeff) xml = xml.slice(1);

  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw validation('camt.invalid_xml', { line: valid.err.line, reason: valid.err.msg });

  const doc = parser.parse(xml) as XmlNode;
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  const root = rootName ? node(doc[rootName]) : undefined;
  if (!rootName || !root) throw validation('camt.not_camt053', { found: rootName ?? 'no root element' });

  const namespaces = Object.entries(root)
    .filter(([k]) => k === '@_xmlns' || k.startsWith('@_xmlns:'))
    .map(([, v]) => String(v));
  const camt = namespaces.map((ns) => /camt\.053\.001\.(\d{2})\b/.exec(ns)).find(Boolean);
  if (!camt) {
    const iso = namespaces.map((ns) => /urn:iso:std:iso:20022:tech:xsd:([\w.]+)/.exec(ns)?.[1]).find(Boolean);
    throw validation('camt.not_camt053', { found: iso ?? rootName });
  }
  const version = camt[1];
  if (!(SUPPORTED_CAMT053_VERSIONS as readonly string[]).includes(version)) {
    throw validation('camt.unsupported_version', { version: `001.${version}` });
  }
  if (rootName !== 'Document' || !node(root.BkToCstmrStmt)) {
    throw validation('camt.not_camt053', { found: rootName === 'Document' ? Object.keys(root).filter((k) => !k.startsWith('@_'))[0] ?? rootName : rootName });
  }
  const statements = list(get(root, 'BkToCstmrStmt', 'Stmt'));
  if (statements.length === 0) throw validation('camt.no_statements');
  return statements.map((s, i) => statementOf(s, i));
}

/** The namespace version ("02", "04", "08") of a camt.053 text, or null; a cheap sniff for format detection. */
export function camt053Version(head: string): string | null {
  return /urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})/.exec(head)?.[1] ?? null;
}
