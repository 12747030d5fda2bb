import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../core/errors.ts';
import { translate } from '../../core/i18n/index.ts';
import { formatAmount } from '../statement.ts';
import { camtMessages } from './messages.ts';
import { camt053Version, parseCamt053 } from './parse.ts';

const OWN = 'BE68539007547034';

function bal(code: string, amount: string, ind = 'CRDT', date = '2024-01-15') {
  return `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${ind}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
}

function ntry(o: { amount?: string; ind?: string; sts?: string; tx?: string; extra?: string } = {}) {
  return `<Ntry><Amt Ccy="EUR">${o.amount ?? '100.00'}</Amt><CdtDbtInd>${o.ind ?? 'CRDT'}</CdtDbtInd>${o.sts ?? '<Sts>BOOK</Sts>'}
    <BookgDt><Dt>2024-01-15</Dt></BookgDt><ValDt><Dt>2024-01-16</Dt></ValDt><AcctSvcrRef>BANKREF1</AcctSvcrRef>
    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>${o.extra ?? ''}
    <NtryDtls>${o.tx ?? tx()}</NtryDtls></Ntry>`;
}

function tx(o: { rmt?: string; amount?: string; ind?: string; dbtr?: string; dbtrAcct?: string; cdtr?: string; cdtrAcct?: string } = {}) {
  return `<TxDtls><Refs><EndToEndId>E2E-1</EndToEndId></Refs>
    ${o.amount ? `<AmtDtls><TxAmt><Amt Ccy="EUR">${o.amount}</Amt></TxAmt></AmtDtls>` : ''}${o.ind ? `<CdtDbtInd>${o.ind}</CdtDbtInd>` : ''}
    <RltdPties><Dbtr><Nm>${o.dbtr ?? 'Klant NV'}</Nm></Dbtr><DbtrAcct><Id><IBAN>${o.dbtrAcct ?? 'BE71096123456769'}</IBAN></Id></DbtrAcct>
    <Cdtr><Nm>${o.cdtr ?? 'Argonaut BV'}</Nm></Cdtr><CdtrAcct><Id><IBAN>${o.cdtrAcct ?? OWN}</IBAN></Id></CdtrAcct></RltdPties>
    <RltdAgts><DbtrAgt><FinInstnId><BIC>GKCCBEBB</BIC></FinInstnId></DbtrAgt></RltdAgts>
    ${o.rmt ?? '<RmtInf><Ustrd>Factuur 2024/001</Ustrd></RmtInf>'}</TxDtls>`;
}

function doc(o: { version?: string; balances?: string; entries?: string; extra?: string; prefix?: string } = {}) {
  const p = o.prefix ? `${o.prefix}:` : '';
  const xmlns = o.prefix ? `xmlns:${o.prefix}` : 'xmlns';
  const body = `<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2024-01-15T18:00:00</CreDtTm></GrpHdr>
    <Stmt><Id>STMT-1</Id><ElctrncSeqNb>15</ElctrncSeqNb><LglSeqNb>7</LglSeqNb><CreDtTm>2024-01-15T18:00:00</CreDtTm>
    <Acct><Id><IBAN>${OWN}</IBAN></Id><Ccy>EUR</Ccy><Ownr><Nm>Argonaut BV</Nm></Ownr></Acct>
    ${o.balances ?? bal('OPBD', '1000.00', 'CRDT', '2024-01-14') + bal('CLBD', '1100.00')}${o.extra ?? ''}
    ${o.entries ?? ntry()}</Stmt></BkToCstmrStmt>`;
  const prefixed = o.prefix ? body.replace(/<(\/?)([A-Z])/g, `<$1${p}$2`) : body;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${p}Document ${xmlns}="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${o.version ?? '02'}">${prefixed}</${p}Document>`;
}

function refusal(xml: string | Uint8Array): AppError {
  try {
    parseCamt053(xml);
  } catch (err) {
    if (isAppError(err)) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('parseCamt053', () => {
  it('reads balances, an entry, its counterparty and remittance', () => {
    const [s] = parseCamt053(doc());
    expect(s).toMatchObject({
      format: 'camt.053',
      account: OWN,
      currency: 'EUR',
      sequence: '7',
      statementId: 'STMT-1',
      oldBalance: 1_000_000n,
      newBalance: 1_100_000n,
      oldBalanceDate: '2024-01-14',
      newBalanceDate: '2024-01-15',
      holderName: 'Argonaut BV',
      warnings: [],
    });
    expect(s.movements[0]).toMatchObject({
      amount: 100_000n,
      entryDate: '2024-01-15',
      valueDate: '2024-01-16',
      communication: 'Factuur 2024/001',
      structuredCommunication: null,
      counterpartyName: 'Klant NV',
      counterpartyAccount: 'BE71096123456769',
      counterpartyBic: 'GKCCBEBB',
      bankReference: 'BANKREF1',
      endToEndId: 'E2E-1',
      transactionCode: 'PMNT/RCDT/ESCT',
      details: [],
    });
  });

  it('reads versions 001.04 and 001.08 and namespace prefixes', () => {
    for (const version of ['04', '08']) expect(parseCamt053(doc({ version }))[0].movements).toHaveLength(1);
    expect(parseCamt053(doc({ prefix: 'ns2' }))[0].movements[0].counterpartyName).toBe('Klant NV');
    expect(camt053Version(doc({ version: '08' }))).toBe('08');
  });

  it('reads a Belgian structured communication (SCOR / BBA) as 12 digits', () => {
    const rmt = (ref: string) =>
      `<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>BBA</Issr></Tp><Ref>${ref}</Ref></CdtrRefInf></Strd></RmtInf>`;
    for (const ref of ['240283842818', '+++240/2838/42818+++', '240/2838/42818']) {
      const [s] = parseCamt053(doc({ entries: ntry({ tx: tx({ rmt: rmt(ref) }) }) }));
      expect(s.movements[0].structuredCommunication).toBe('240283842818');
      expect(s.movements[0].communication).toBeNull();
      expect(s.warnings).toEqual([]);
    }
    const [bad] = parseCamt053(doc({ entries: ntry({ tx: tx({ rmt: rmt('000003505158') }) }) }));
    expect(bad.movements[0].structuredCommunication).toBe('000003505158');
    expect(bad.issues).toEqual([{ code: 'camt.invalid_ogm', params: { statement: 'STMT-1', entry: 1, ogm: '+++000/0035/05158+++' } }]);
  });

  it('keeps an ISO 11649 RF reference as creditorReference, and checks it', () => {
    const rmt = (ref: string) =>
      `<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>${ref}</Ref></CdtrRefInf></Strd></RmtInf>`;
    const [s] = parseCamt053(doc({ entries: ntry({ tx: tx({ rmt: rmt('RF18 5390 0754 7034') }) }) }));
    expect(s.movements[0].creditorReference).toBe('RF18539007547034');
    expect(s.movements[0].structuredCommunication).toBeNull();
    expect(s.warnings).toEqual([]);
    const [bad] = parseCamt053(doc({ entries: ntry({ tx: tx({ rmt: rmt('RF19539007547034') }) }) }));
    expect(bad.issues.map((i) => i.code)).toEqual(['camt.invalid_creditor_reference']);
  });

  it('finds a valid +++…+++ communication written in the free text, and joins Ustrd lines', () => {
    const rmt = '<RmtInf><Ustrd>Betaling</Ustrd><Ustrd>+++240/2838/42818+++</Ustrd></RmtInf>';
    const [s] = parseCamt053(doc({ entries: ntry({ tx: tx({ rmt }) }) }));
    expect(s.movements[0].communication).toBe('Betaling +++240/2838/42818+++');
    expect(s.movements[0].structuredCommunication).toBe('240283842818');
  });

  it('takes the creditor as counterparty of a debit, never our own account', () => {
    const entries = ntry({ amount: '25.50', ind: 'DBIT', tx: tx({ dbtr: 'Argonaut BV', dbtrAcct: OWN, cdtr: 'Leverancier BV', cdtrAcct: 'BE43068999999501' }) });
    const [s] = parseCamt053(doc({ entries, balances: bal('OPBD', '1000.00') + bal('CLBD', '974.50') }));
    expect(s.movements[0]).toMatchObject({ amount: -25_500n, counterpartyName: 'Leverancier BV', counterpartyAccount: 'BE43068999999501' });
    // Roles filled the other way round: the side that is not our account is the counterparty
    const swapped = ntry({ tx: tx({ dbtr: 'Argonaut BV', dbtrAcct: OWN, cdtr: 'Klant NV', cdtrAcct: 'BE71096123456769' }) });
    expect(parseCamt053(doc({ entries: swapped }))[0].movements[0].counterpartyName).toBe('Klant NV');
  });

  it('keeps the details of a batch entry and checks that they add up', () => {
    const txs = tx({ amount: '60.00', dbtr: 'A' }) + tx({ amount: '40.00', dbtr: 'B' });
    const [s] = parseCamt053(doc({ entries: ntry({ tx: `<Btch><NbOfTxs>2</NbOfTxs></Btch>${txs}`, extra: '<AddtlNtryInf>SEPA batch</AddtlNtryInf>' }) }));
    const [m] = s.movements;
    expect(m.amount).toBe(100_000n);
    expect(m.communication).toBe('SEPA batch');
    expect(m.counterpartyName).toBeNull();
    expect(m.details.map((d) => [d.amount, d.counterpartyName])).toEqual([
      [60_000n, 'A'],
      [40_000n, 'B'],
    ]);
    expect(s.warnings).toEqual([]);
    const [off] = parseCamt053(doc({ entries: ntry({ tx: tx({ amount: '60.00' }) + tx({ amount: '30.00' }) }) }));
    expect(off.issues).toEqual([{ code: 'camt.batch_sum_mismatch', params: { statement: 'STMT-1', entry: 1, sum: '90.00', amount: '100.00' } }]);
  });

  it('books only BOOK entries (or without status) and says which were left out', () => {
    const entries = ntry({ sts: '<Sts>PDNG</Sts>' }) + ntry({ sts: '' }) + ntry({ sts: '<Sts><Cd>BOOK</Cd></Sts>', amount: '0.00' });
    const [s] = parseCamt053(doc({ entries }));
    expect(s.movements).toHaveLength(2);
    expect(s.issues).toEqual([{ code: 'camt.entry_not_booked', params: { statement: 'STMT-1', entry: 1, status: 'PDNG' } }]);
  });

  it('falls back to PRCD as opening balance and reads debit balances', () => {
    const [s] = parseCamt053(doc({ balances: bal('PRCD', '50.005', 'DBIT') + bal('CLBD', '49.995') }));
    expect(formatAmount(s.oldBalance)).toBe('-50.005');
    expect(formatAmount(s.newBalance)).toBe('49.995');
    expect(s.warnings).toEqual([]);
  });

  it('warns when opening + entries differs from closing, or the summary disagrees', () => {
    const summary = '<TxsSummry><TtlNtries><NbOfNtries>2</NbOfNtries><Sum>99.00</Sum></TtlNtries></TxsSummry>';
    const [s] = parseCamt053(doc({ balances: bal('OPBD', '1000.00') + bal('CLBD', '1200.00'), extra: summary }));
    expect(s.issues.map((i) => [i.code, i.params])).toEqual([
      [
        'camt.balance_mismatch',
        { statement: 'STMT-1', account: OWN, oldBalance: '1000.00', movementSum: '100.00', computed: '1100.00', newBalance: '1200.00', difference: '-100.00' },
      ],
      ['camt.summary_count_mismatch', { statement: 'STMT-1', stated: '2', counted: 1 }],
      ['camt.summary_sum_mismatch', { statement: 'STMT-1', stated: '99.00', computed: '100.00' }],
    ]);
  });

  it('decodes a file declared ISO-8859-1', () => {
    const xml = doc({ entries: ntry({ tx: tx({ dbtr: 'Société Générale' }) }) }).replace('UTF-8', 'ISO-8859-1');
    expect(parseCamt053(Buffer.from(xml, 'latin1'))[0].movements[0].counterpartyName).toBe('Société Générale');
    expect(parseCamt053(Buffer.from(doc({ entries: ntry({ tx: tx({ dbtr: 'Société' }) }) }), 'utf8'))[0].movements[0].counterpartyName).toBe('Société');
  });

  it('refuses an unsupported version, another message and broken XML, clearly', () => {
    const v6 = refusal(doc({ version: '06' }));
    expect([v6.code, v6.params]).toEqual(['camt.unsupported_version', { version: '001.06' }]);
    expect(translate(v6.code, 'nl', v6.params)).toBe('camt.053-versie 001.06 wordt niet ondersteund; enkel 001.02, 001.04 en 001.08 kunnen worden ingelezen.');

    const camt054 = refusal(doc().replace('camt.053.001.02', 'camt.054.001.02'));
    expect([camt054.code, camt054.params]).toEqual(['camt.not_camt053', { found: 'camt.054.001.02' }]);
    expect(refusal('<html><body/></html>').params).toEqual({ found: 'html' });

    const broken = refusal('<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n<BkToCstmrStmt>\n</Document>');
    expect(broken.code).toBe('camt.invalid_xml');
    expect(broken.params.line).toBe(4);
  });

  it('refuses a statement without account or closing balance, and bad amounts, naming the element', () => {
    const noClbd = refusal(doc({ balances: bal('OPBD', '1.00') }));
    expect([noClbd.code, noClbd.params]).toEqual(['camt.missing_element', { statement: 'STMT-1', element: 'Bal[CLBD]' }]);
    const noAcct = refusal(doc().replace(/<Acct>.*?<\/Acct>/s, ''));
    expect(noAcct.params).toEqual({ statement: 'STMT-1', element: 'Acct/Id' });
    const precise = refusal(doc({ entries: ntry({ amount: '1.2345' }) }));
    expect([precise.code, precise.params]).toEqual(['camt.amount_precision', { statement: 'STMT-1', element: 'Ntry[1]/Amt', value: '1.2345' }]);
    const notANumber = refusal(doc({ entries: ntry({ amount: '1,50' }) }));
    expect(notANumber.code).toBe('camt.invalid_amount');
    const indicator = refusal(doc({ entries: ntry({ ind: 'CREDIT' }) }));
    expect([indicator.code, indicator.params]).toEqual(['camt.invalid_indicator', { statement: 'STMT-1', element: 'Ntry[1]/CdtDbtInd', value: 'CREDIT' }]);
  });
});

describe('camt.053 messages', () => {
  it('exist in Dutch, French and English with the same placeholders', () => {
    const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, texts] of Object.entries(camtMessages)) {
      expect(placeholders(texts.nl), code).toEqual(placeholders(texts.en));
      expect(placeholders(texts.fr), code).toEqual(placeholders(texts.en));
      expect(texts.nl, code).not.toBe(texts.en);
    }
  });
});
