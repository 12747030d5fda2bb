import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDIT_NOTE, INVOICE, startPeppolNetwork, type PeppolTestNetwork } from '../../../test/relations/peppol-servers.ts';
import { isAppError } from '../../core/errors.ts';
import { describeError } from '../../core/i18n/index.ts';
import { lookupParticipant } from './lookup.ts';
import { documentTypeLabel, normalizeParticipantId, participantHash, smlHostName, smpUrlFromNaptr } from './participant.ts';

describe('Peppol participant ids and SML host names', () => {
  it('hashes the lower-cased value to base32 exactly as the peppol-commons test vectors say', () => {
    expect(participantHash('0088:1234567890123')).toBe('sjsyvccmqyjxk3weuapffq4x3umcrf4qryherj4vovhmonh7gccq');
    expect(participantHash('0088:123ABC')).toBe('y7dzfxaf3d4cjz4kcgrxtec6twvcga4ky7zwa5boif6mswd4tdrq');
    expect(participantHash('0088:123abc')).toBe('y7dzfxaf3d4cjz4kcgrxtec6twvcga4ky7zwa5boif6mswd4tdrq');
    expect(smlHostName('0208:0000000196', 'participant.sml.prod.tech.peppol.org')).toBe(
      '2tjfuoms6jlhqcmgi6qat54bfnmu5cxo6vdnpqu2zm4klifmys4q.iso6523-actorid-upis.participant.sml.prod.tech.peppol.org',
    );
  });

  it('normalises Belgian ids and refuses malformed ones with a reason', () => {
    expect(normalizeParticipantId('0208:0403.170.701')).toEqual({ value: '0208:0403170701' });
    expect(normalizeParticipantId('iso6523-actorid-upis::9925:be 0403.170.701')).toEqual({ value: '9925:BE0403170701' });
    expect(normalizeParticipantId('0088:5412345000013')).toEqual({ value: '0088:5412345000013' });
    expect(normalizeParticipantId('0208:0403170702').problem).toBe('enterprise_number');
    expect(normalizeParticipantId('9925:BE0403170702').problem).toBe('vat_number');
    expect(normalizeParticipantId('BE:0403170701').problem).toBe('scheme');
    expect(normalizeParticipantId('0403170701').problem).toBe('format');
  });

  it('takes the SMP URL from the U-NAPTR record with the lowest order', () => {
    expect(
      smpUrlFromNaptr([
        { flags: 'U', service: 'Meta:SMP', regexp: '!^.*$!https://b.example/!', order: 200, preference: 10 },
        { flags: 'U', service: 'Meta:SMP', regexp: '!^.*$!https://a.example!', order: 100, preference: 10 },
        { flags: 'S', service: 'Meta:SMP', regexp: '', order: 1, preference: 1 },
      ]),
    ).toBe('https://a.example');
    expect(documentTypeLabel(INVOICE)).toBe('Invoice (UBL)');
  });
});

describe('Peppol lookup through a loopback SML (DNS) and SMP', () => {
  let net: PeppolTestNetwork;
  beforeAll(async () => {
    net = await startPeppolNetwork();
    net.register('0208:0403170701', [INVOICE, CREDIT_NOTE]);
    net.registerInSmlOnly('0208:0202239951');
  });
  afterAll(() => net?.close());
  const opts = () => ({ zone: net.zone, dnsServer: net.dnsServer, timeoutMs: 2000 });

  it('finds a registered participant and the document types it accepts, whatever the case and dots of the id', async () => {
    const result = await lookupParticipant('0208:0403.170.701', opts());
    expect(result).toEqual({ participantId: '0208:0403170701', registered: true, smpUrl: net.smpUrl, documentTypes: [INVOICE, CREDIT_NOTE] });
  });

  it('says "not registered" for a participant the SML does not know, and for one its SMP does not know', async () => {
    expect(await lookupParticipant('0208:0477472701', opts())).toMatchObject({ registered: false, documentTypes: [] });
    expect(await lookupParticipant('0208:0202239951', opts())).toMatchObject({ registered: false, smpUrl: net.smpUrl });
  });

  it('says "could not check" when the SML does not answer', async () => {
    net.setDnsDown(true);
    try {
      const err = await lookupParticipant('0208:0403170701', { ...opts(), timeoutMs: 1000 }).catch((e) => e);
      expect(isAppError(err) && err.kind).toBe('unavailable');
      expect(describeError(err, 'nl').message).toContain('Kon de Peppol-registratie van 0208:0403170701 niet controleren');
    } finally {
      net.setDnsDown(false);
    }
  });
});
