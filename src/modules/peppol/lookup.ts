/**
 * Is a participant registered on Peppol, and which document types does it accept?
 * SML: NAPTR query at <hash>.iso6523-actorid-upis.<zone> → the SMP URL; SMP: GET the service group.
 * The zone and (optionally) the DNS server come from the configuration, so tests and test networks
 * use the same code path as production.
 */
import { promises as dns } from 'node:dns';
import { XMLParser } from 'fast-xml-parser';
import { AppError, validation } from '../../core/errors.ts';
import { DEFAULT_SML_ZONE, PARTICIPANT_SCHEME, normalizeParticipantId, serviceGroupUrl, smlHostName, smpUrlFromNaptr } from './participant.ts';
import './messages.ts';

export interface LookupOptions {
  /** SML zone, e.g. participant.sml.prod.tech.peppol.org */
  zone?: string;
  /** "host:port" of the DNS server to ask; the system resolver when absent. */
  dnsServer?: string;
  timeoutMs?: number;
}

export interface PeppolLookupResult {
  participantId: string;
  registered: boolean;
  smpUrl: string | null;
  documentTypes: string[];
}

const NOT_FOUND_CODES = new Set(['ENOTFOUND', 'ENODATA', 'NOTFOUND', 'NODATA']);

function unavailable(participantId: string, reason: string): AppError {
  return new AppError('peppol.lookup_unavailable', 'unavailable', { participantId, reason });
}

/** Checks and normalises a participant id, or throws naming the field. */
export function requireParticipantId(input: string, field = 'peppolId'): string {
  const { value, problem } = normalizeParticipantId(input);
  if (!value) {
    const params = { value: input, reason: `peppol.reason.${problem}` };
    throw validation('peppol.participant_invalid', params, [{ field, code: 'peppol.participant_invalid', params }]);
  }
  return value;
}

export async function lookupParticipant(input: string, options: LookupOptions = {}): Promise<PeppolLookupResult> {
  const participantId = requireParticipantId(input);
  const timeout = options.timeoutMs ?? 5000;
  const resolver = new dns.Resolver({ timeout: Math.max(Math.floor(timeout / 2), 500), tries: 2 });
  if (options.dnsServer) resolver.setServers([options.dnsServer]);
  const host = smlHostName(participantId, options.zone || DEFAULT_SML_ZONE);

  let records: Awaited<ReturnType<typeof resolver.resolveNaptr>>;
  try {
    records = await resolver.resolveNaptr(host);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (NOT_FOUND_CODES.has(code)) return { participantId, registered: false, smpUrl: null, documentTypes: [] };
    throw unavailable(participantId, `DNS ${code || (e as Error).message}`);
  }
  const smpUrl = smpUrlFromNaptr(records);
  if (!smpUrl) return { participantId, registered: false, smpUrl: null, documentTypes: [] };

  let response: Response;
  try {
    response = await fetch(serviceGroupUrl(smpUrl, participantId), {
      headers: { accept: 'application/xml, text/xml' },
      signal: AbortSignal.timeout(timeout),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    throw unavailable(participantId, `SMP ${smpUrl}: ${cause ?? (e as Error).message}`);
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return { participantId, registered: false, smpUrl, documentTypes: [] };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw unavailable(participantId, `SMP ${smpUrl}: HTTP ${response.status}`);
  }
  const xml = await response.text();
  let documentTypes: string[];
  try {
    documentTypes = documentTypesOfServiceGroup(xml);
  } catch {
    throw unavailable(participantId, `SMP ${smpUrl}: unreadable service group`);
  }
  return { participantId, registered: true, smpUrl, documentTypes };
}

/** Document type ids from a busdox ServiceGroup (each ServiceMetadataReference href ends in /services/<doctype>). */
export function documentTypesOfServiceGroup(xml: string): string[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, isArray: (name) => name === 'ServiceMetadataReference' });
  const doc = parser.parse(xml) as Record<string, any>;
  const group = doc.ServiceGroup;
  if (!group || typeof group !== 'object') throw new Error('not a ServiceGroup');
  const refs: Array<Record<string, string>> = group.ServiceMetadataReferenceCollection?.ServiceMetadataReference ?? [];
  const types = new Set<string>();
  for (const ref of refs) {
    const href = ref['@href'];
    if (!href) continue;
    const at = href.lastIndexOf('/services/');
    if (at < 0) continue;
    let id = href.slice(at + '/services/'.length);
    for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(id); i++) id = decodeURIComponent(id);
    id = id.replace(/^busdox-docid-qns::/, '');
    types.add(id);
  }
  return [...types];
}

export { PARTICIPANT_SCHEME };
