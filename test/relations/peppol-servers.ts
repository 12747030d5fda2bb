/**
 * Loopback Peppol network for tests: a DNS server (dns2, UDP on 127.0.0.1) answering U-NAPTR records
 * for registered participants, and an SMP HTTP server serving their busdox ServiceGroup.
 * The product's resolver code (node:dns Resolver with setServers) talks to these unchanged.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import dns2 from 'dns2';
import { serviceGroupUrl, smlHostName } from '../../src/modules/peppol/participant.ts';

export const TEST_ZONE = 'participant.sml.test.argonaut';
export const INVOICE = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1';
export const CREDIT_NOTE = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2::CreditNote##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1';

const NAPTR = 35;

/** RDATA of a NAPTR record (RFC 3403): order, preference, flags, service, regexp, replacement ("."). */
function naptrData(regexp: string): Buffer {
  const str = (s: string) => Buffer.concat([Buffer.from([Buffer.byteLength(s)]), Buffer.from(s)]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(100, 0);
  head.writeUInt16BE(10, 2);
  return Buffer.concat([head, str('U'), str('Meta:SMP'), str(regexp), Buffer.from([0])]);
}

export interface PeppolTestNetwork {
  dnsServer: string;
  zone: string;
  smpUrl: string;
  /** Publishes a participant (value "0208:…") with its document types. */
  register(participantId: string, documentTypes: string[]): void;
  /** Lists the participant in the SML but makes the SMP answer 404 for it. */
  registerInSmlOnly(participantId: string): void;
  /** Makes the DNS server stop answering (queries time out) — an unreachable SML. */
  setDnsDown(down: boolean): void;
  /** Number of DNS queries answered so far. */
  queries(): number;
  close(): Promise<void>;
}

export async function startPeppolNetwork(): Promise<PeppolTestNetwork> {
  const participants = new Map<string, string[] | null>(); // host name → document types (null: SML only)
  const byGroupPath = new Map<string, string[]>();
  let dnsDown = false;
  let answered = 0;

  const smp = http.createServer((req, res) => {
    const types = byGroupPath.get(req.url ?? '');
    if (!types) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const refs = types
      .map((t) => `<ServiceMetadataReference href="${smpUrl}${req.url}/services/${encodeURIComponent(`busdox-docid-qns::${t}`)}"/>`)
      .join('');
    res.writeHead(200, { 'content-type': 'application/xml' }).end(
      `<?xml version="1.0" encoding="UTF-8"?><ServiceGroup xmlns="http://busdox.org/serviceMetadata/publishing/1.0/" xmlns:ids="http://busdox.org/transport/identifiers/1.0/">` +
        `<ids:ParticipantIdentifier scheme="iso6523-actorid-upis">x</ids:ParticipantIdentifier><ServiceMetadataReferenceCollection>${refs}</ServiceMetadataReferenceCollection></ServiceGroup>`,
    );
  });
  await new Promise<void>((resolve) => smp.listen(0, '127.0.0.1', resolve));
  const smpUrl = `http://127.0.0.1:${(smp.address() as AddressInfo).port}`;

  const server = dns2.createUDPServer((request, send) => {
    if (dnsDown) return;
    const response = dns2.Packet.createResponseFromRequest(request);
    const [question] = request.questions;
    const name = question.name.toLowerCase();
    if (participants.has(name) && question.type === NAPTR) {
      response.answers.push({ name: question.name, type: NAPTR, class: 1, ttl: 60, data: naptrData(`!^.*$!${smpUrl}!`) } as never);
    } else if (!participants.has(name)) {
      response.header.rcode = 3; // NXDOMAIN
    }
    answered++;
    void send(response);
  });
  await server.listen(0, '127.0.0.1');
  const dnsServer = `127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    dnsServer,
    zone: TEST_ZONE,
    smpUrl,
    register(participantId, documentTypes) {
      participants.set(smlHostName(participantId, TEST_ZONE), documentTypes);
      byGroupPath.set(new URL(serviceGroupUrl(smpUrl, participantId)).pathname, documentTypes);
    },
    registerInSmlOnly(participantId) {
      participants.set(smlHostName(participantId, TEST_ZONE), null);
    },
    setDnsDown(down) {
      dnsDown = down;
    },
    queries: () => answered,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => smp.close(() => resolve()));
    },
  };
}
