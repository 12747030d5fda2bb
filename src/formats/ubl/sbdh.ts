/**
 * The Peppol envelope (Peppol Business Message Envelope 2.0, a UN/CEFACT StandardBusinessDocumentHeader):
 * sender and receiver participant ids, the document and process identifiers, around the UBL document.
 * Pure: wrap a UBL text, or unwrap one (a bare UBL document is accepted as is).
 */
import { PEPPOL_CREDIT_NOTE_DOCTYPE, PEPPOL_INVOICE_DOCTYPE, PEPPOL_PROCESS_ID } from './model.ts';
import { escapeXml } from './xml.ts';

export const SBDH_NS = 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader';

export interface SbdhInfo {
  /** Participant ids as "<scheme>:<id>", e.g. 0208:0403170701. */
  sender: string;
  receiver: string;
  documentType: 'invoice' | 'credit_note';
  instanceId: string;
  /** ISO date-time. */
  createdAt: string;
  /** Country of the sender (COUNTRY_C1). */
  countryC1?: string;
}

export function wrapSbdh(ublXml: string, info: SbdhInfo): string {
  const credit = info.documentType === 'credit_note';
  const body = ublXml.replace(/^\uFEFF?\s*<\?xml[^?]*\?>\s*/, '');
  const scope = (type: string, id: string, scheme?: string) =>
    `      <Scope>\n        <Type>${type}</Type>\n        <InstanceIdentifier>${escapeXml(id)}</InstanceIdentifier>\n${scheme ? `        <Identifier>${scheme}</Identifier>\n` : ''}      </Scope>\n`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<StandardBusinessDocument xmlns="${SBDH_NS}">
  <StandardBusinessDocumentHeader>
    <HeaderVersion>1.0</HeaderVersion>
    <Sender>
      <Identifier Authority="iso6523-actorid-upis">${escapeXml(info.sender)}</Identifier>
    </Sender>
    <Receiver>
      <Identifier Authority="iso6523-actorid-upis">${escapeXml(info.receiver)}</Identifier>
    </Receiver>
    <DocumentIdentification>
      <Standard>urn:oasis:names:specification:ubl:schema:xsd:${credit ? 'CreditNote' : 'Invoice'}-2</Standard>
      <TypeVersion>2.1</TypeVersion>
      <InstanceIdentifier>${escapeXml(info.instanceId)}</InstanceIdentifier>
      <Type>${credit ? 'CreditNote' : 'Invoice'}</Type>
      <CreationDateAndTime>${escapeXml(info.createdAt)}</CreationDateAndTime>
    </DocumentIdentification>
    <BusinessScope>
${scope('DOCUMENTID', credit ? PEPPOL_CREDIT_NOTE_DOCTYPE : PEPPOL_INVOICE_DOCTYPE, 'busdox-docid-qns')}${scope('PROCESSID', PEPPOL_PROCESS_ID, 'cenbii-procid-ubl')}${info.countryC1 ? scope('COUNTRY_C1', info.countryC1) : ''}    </BusinessScope>
  </StandardBusinessDocumentHeader>
${body.trimEnd()}
</StandardBusinessDocument>
`;
}

export interface Unwrapped {
  /** The UBL document text (with an XML declaration). */
  xml: string;
  /** From the SBDH, when there is one. */
  sender: string | null;
  receiver: string | null;
  instanceId: string | null;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Takes the UBL document out of an SBDH envelope; a text without envelope is returned as it is. */
export function unwrapSbdh(text: string): Unwrapped {
  const src = text.replace(/^\uFEFF/, '');
  const headerEnd = /<\/(?:[\w.-]+:)?StandardBusinessDocumentHeader\s*>/.exec(src);
  if (!/<(?:[\w.-]+:)?StandardBusinessDocument[\s>]/.test(src) || !headerEnd) return { xml: src, sender: null, receiver: null, instanceId: null };
  const header = src.slice(0, headerEnd.index);
  const pick = (tag: string) => {
    const m = new RegExp(`<(?:[\\w.-]+:)?${tag}[^>]*>[\\s\\S]*?<(?:[\\w.-]+:)?Identifier[^>]*>([^<]*)<`).exec(header);
    return m ? unescape(m[1].trim()) : null;
  };
  const instance = /<(?:[\w.-]+:)?DocumentIdentification[^>]*>[\s\S]*?<(?:[\w.-]+:)?InstanceIdentifier[^>]*>([^<]*)</.exec(header);
  const closing = src.lastIndexOf('</');
  const inner = src.slice(headerEnd.index + headerEnd[0].length, closing).trim();
  return {
    xml: `<?xml version="1.0" encoding="UTF-8"?>\n${inner}\n`,
    sender: pick('Sender'),
    receiver: pick('Receiver'),
    instanceId: instance ? unescape(instance[1].trim()) : null,
  };
}
