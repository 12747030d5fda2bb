/**
 * Full check of a UBL document: UBL 2.1 XSD (xsd.ts) and our EN 16931 / Peppol rules (rules.ts).
 * `validateInvoiceModel` writes the model first, so the checks see exactly the XML that will be sent.
 */
import type { UblInvoice } from './model.ts';
import { parseUbl, UblParseError } from './parse.ts';
import { checkRules, type RuleViolation } from './rules.ts';
import { writeUbl } from './writer.ts';
import { validateUblXsd, type XsdProblem } from './xsd.ts';

export interface UblValidation {
  valid: boolean;
  xsd: XsdProblem[];
  rules: RuleViolation[];
}

export async function validateUblXml(xml: string, options: { xsdDir: string; outgoing?: boolean }): Promise<UblValidation> {
  const xsd = await validateUblXsd(xml, options.xsdDir);
  let rules: RuleViolation[];
  try {
    rules = checkRules(parseUbl(xml), { outgoing: options.outgoing });
  } catch (e) {
    if (!(e instanceof UblParseError)) throw e;
    rules = [{ rule: 'UBL', field: 'document', message: e.message }];
  }
  return { valid: xsd.length === 0 && rules.length === 0, xsd, rules };
}

/** Writes the model as UBL and validates it as an outgoing document (BR-CO-25 included). */
export async function validateInvoiceModel(inv: UblInvoice, xsdDir: string): Promise<UblValidation & { xml: string }> {
  const xml = writeUbl(inv);
  return { xml, ...(await validateUblXml(xml, { xsdDir, outgoing: true })) };
}
