/**
 * The Belgian VAT codes every new dossier starts with, and the periodic-return grids each one feeds
 * (VAT Code and the FPS Finance return notice; see the project reference be-vat.md). Our own data file.
 *
 * A grid rule says which amount of a booking goes to which grid, with which sign:
 *   base        the amount excluding VAT
 *   cost        base + the non-deductible part of the VAT (purchases: grids 81/82/83 and 85)
 *   vat         the VAT computed at the code's rate (output VAT, or self-assessed VAT under reverse charge)
 *   deductible  the deductible part of the VAT (purchases)
 * Purchase grids 81–83 are net of credit notes received (a credit note lowers them and shows in 84/85);
 * sales grids are never lowered: issued credit notes go to 48/49 and 64.
 */
export type GridAmount = 'base' | 'cost' | 'vat' | 'deductible';
export interface GridRule {
  grid: string;
  of: GridAmount;
  sign: 1 | -1;
}
export interface VatCodeGrids {
  invoice: GridRule[];
  creditNote: GridRule[];
}
export interface VatCodeData {
  code: string;
  kind: 'sales' | 'purchase';
  nl: string;
  fr: string;
  en: string;
  /** Rates with the date from which each applies, in basis points (2100 = 21 %). */
  rates: Array<{ from: string; rateBp: number }>;
  deductiblePercent: number;
  reverseCharge: boolean;
  grids: VatCodeGrids;
}

const r = (grid: string, of: GridAmount, sign: 1 | -1 = 1): GridRule => ({ grid, of, sign });
const ALWAYS = '1970-01-01';

function sales(code: string, nl: string, fr: string, en: string, rateBp: number, baseGrid: string | null, creditGrid: string | null): VatCodeData {
  const vat = rateBp > 0;
  return {
    code,
    kind: 'sales',
    nl,
    fr,
    en,
    rates: [{ from: ALWAYS, rateBp }],
    deductiblePercent: 0,
    reverseCharge: false,
    grids: {
      invoice: [...(baseGrid ? [r(baseGrid, 'base')] : []), ...(vat ? [r('54', 'vat')] : [])],
      creditNote: [...(creditGrid ? [r(creditGrid, 'base')] : []), ...(vat ? [r('64', 'vat')] : [])],
    },
  };
}

const KIND = {
  G: { grid: '81', nl: 'handelsgoederen, grond- en hulpstoffen', fr: 'marchandises, matières premières et auxiliaires', en: 'goods for resale, raw materials' },
  S: { grid: '82', nl: 'diensten en diverse goederen', fr: 'services et biens divers', en: 'services and miscellaneous goods' },
  I: { grid: '83', nl: 'investeringsgoederen', fr: "biens d'investissement", en: 'investment goods' },
} as const;

function domestic(rate: 21 | 12 | 6 | 0, kind: keyof typeof KIND): VatCodeData {
  const k = KIND[kind];
  const pct = rate === 0 ? '0' : String(rate);
  const deductible = rate > 0;
  return {
    code: `A${String(rate).padStart(2, '0')}${kind}`,
    kind: 'purchase',
    nl: rate === 0 ? `Aankoop zonder btw, ${k.nl}` : `Aankoop ${pct}%, ${k.nl}`,
    fr: rate === 0 ? `Achat sans TVA, ${k.fr}` : `Achat ${pct} %, ${k.fr}`,
    en: rate === 0 ? `Purchase without VAT, ${k.en}` : `Purchase ${pct}%, ${k.en}`,
    rates: [{ from: ALWAYS, rateBp: rate * 100 }],
    deductiblePercent: 100,
    reverseCharge: false,
    grids: {
      invoice: [r(k.grid, 'cost'), ...(deductible ? [r('59', 'deductible')] : [])],
      creditNote: [r(k.grid, 'cost', -1), r('85', 'cost'), ...(deductible ? [r('63', 'deductible')] : [])],
    },
  };
}

function partlyDeductible(code: string, percent: number, nl: string, fr: string, en: string): VatCodeData {
  return {
    code,
    kind: 'purchase',
    nl,
    fr,
    en,
    rates: [{ from: ALWAYS, rateBp: 2100 }],
    deductiblePercent: percent,
    reverseCharge: false,
    grids: {
      invoice: [r('82', 'cost'), ...(percent > 0 ? [r('59', 'deductible')] : [])],
      creditNote: [r('82', 'cost', -1), r('85', 'cost'), ...(percent > 0 ? [r('63', 'deductible')] : [])],
    },
  };
}

/** Self-assessed VAT (reverse charge): due in `dueGrid`, deducted in 59, the base also in `extraGrid`. */
function reverse(code: string, baseGrid: string, extraGrid: string, dueGrid: string, creditGrid: '84' | '85', nl: string, fr: string, en: string): VatCodeData {
  return {
    code,
    kind: 'purchase',
    nl,
    fr,
    en,
    rates: [{ from: ALWAYS, rateBp: 2100 }],
    deductiblePercent: 100,
    reverseCharge: true,
    grids: {
      invoice: [r(baseGrid, 'cost'), r(extraGrid, 'base'), r(dueGrid, 'vat'), r('59', 'deductible')],
      creditNote: [r(baseGrid, 'cost', -1), r(creditGrid, creditGrid === '85' ? 'cost' : 'base'), r(extraGrid, 'base', -1), r(dueGrid, 'vat', -1), r('59', 'deductible', -1)],
    },
  };
}

export const BELGIAN_VAT_CODES: VatCodeData[] = [
  sales('V21', 'Verkoop binnenland 21%', 'Vente Belgique 21 %', 'Domestic sale 21%', 2100, '03', '49'),
  sales('V12', 'Verkoop binnenland 12%', 'Vente Belgique 12 %', 'Domestic sale 12%', 1200, '02', '49'),
  sales('V06', 'Verkoop binnenland 6%', 'Vente Belgique 6 %', 'Domestic sale 6%', 600, '01', '49'),
  sales('V00', 'Verkoop 0% of bijzondere regeling (marge)', 'Vente 0 % ou régime particulier (marge)', 'Sale at 0% or special scheme (margin)', 0, '00', '49'),
  sales('VCC', 'Verkoop medecontractant (btw verlegd)', 'Vente cocontractant (autoliquidation)', 'Sale under domestic reverse charge', 0, '45', '49'),
  sales('VICL', 'Intracommunautaire levering van goederen', 'Livraison intracommunautaire de biens', 'Intra-Community supply of goods', 0, '46', '48'),
  sales('VICT', 'Intracommunautaire driehoeksverkoop (ABC)', 'Opération triangulaire intracommunautaire (ABC)', 'Intra-Community triangular sale (ABC)', 0, '46', '48'),
  sales('VICS', 'Intracommunautaire dienst (btw verlegd)', 'Service intracommunautaire (autoliquidation)', 'Intra-Community service (reverse charge)', 0, '44', '48'),
  sales('VEX', 'Uitvoer buiten de EU', 'Exportation hors UE', 'Export outside the EU', 0, '47', '49'),
  sales('VEXO', 'Andere vrijgestelde handelingen (art. 39-42)', 'Autres opérations exemptées (art. 39-42)', 'Other exempt operations (art. 39-42)', 0, '47', '49'),
  sales('VEX44', 'Vrijgesteld art. 44 (geen aftrekrecht)', 'Exempté art. 44 (sans droit à déduction)', 'Exempt under art. 44 (no right to deduct)', 0, null, null),
  ...(['G', 'S', 'I'] as const).flatMap((k) => ([21, 12, 6, 0] as const).map((rate) => domestic(rate, k))),
  partlyDeductible('A21S-D50', 50, 'Autokosten 21%, 50% aftrekbaar', 'Frais de voiture 21 %, 50 % déductible', 'Car costs 21%, 50% deductible'),
  partlyDeductible('A21S-D35', 35, 'Autokosten 21%, 35% aftrekbaar (forfait)', 'Frais de voiture 21 %, 35 % déductible (forfait)', 'Car costs 21%, 35% deductible (flat rate)'),
  partlyDeductible('A21S-ND', 0, 'Aankoop 21%, btw niet aftrekbaar', 'Achat 21 %, TVA non déductible', 'Purchase 21%, VAT not deductible'),
  reverse('AICG', '81', '86', '55', '84', 'Intracommunautaire verwerving, handelsgoederen', 'Acquisition intracommunautaire, marchandises', 'Intra-Community acquisition, goods for resale'),
  reverse('AICM', '82', '86', '55', '84', 'Intracommunautaire verwerving, diverse goederen', 'Acquisition intracommunautaire, biens divers', 'Intra-Community acquisition, miscellaneous goods'),
  reverse('AICI', '83', '86', '55', '84', 'Intracommunautaire verwerving, investeringsgoederen', "Acquisition intracommunautaire, biens d'investissement", 'Intra-Community acquisition, investment goods'),
  reverse('AICSV', '82', '88', '55', '84', 'Intracommunautaire dienst ontvangen', 'Service intracommunautaire reçu', 'Intra-Community service received'),
  reverse('ACC', '82', '87', '56', '85', 'Aankoop medecontractant (btw verlegd)', 'Achat cocontractant (autoliquidation)', 'Purchase under domestic reverse charge'),
  reverse('AIMP-ET', '81', '87', '57', '85', 'Invoer met uitstel van betaling (ET 14000)', 'Importation avec report de paiement (ET 14000)', 'Import with deferred payment (ET 14000)'),
  {
    code: 'AIMP',
    kind: 'purchase',
    nl: 'Invoer, btw betaald bij de douane',
    fr: 'Importation, TVA payée à la douane',
    en: 'Import, VAT paid at customs',
    rates: [{ from: ALWAYS, rateBp: 2100 }],
    deductiblePercent: 100,
    reverseCharge: false,
    grids: { invoice: [r('81', 'cost'), r('59', 'deductible')], creditNote: [r('81', 'cost', -1), r('85', 'cost'), r('63', 'deductible')] },
  },
  reverse('AROW', '82', '87', '56', '85', 'Dienst of goed van buiten de EU (btw verlegd)', 'Service ou bien hors UE (autoliquidation)', 'Non-EU service or goods (reverse charge)'),
];

/**
 * Rate changes by kind of supply (Royal Decree approved 13 February 2026, in force 1 March 2026):
 * the code to use depends on the date of the operation. `suggestVatCode` picks it.
 */
export const VAT_RATE_CHANGES = [
  {
    category: 'accommodation',
    nl: 'Hotel- en vakantieverblijf, kampeerplaatsen',
    fr: 'Logement hôtelier et de vacances, emplacements de camping',
    en: 'Hotel and holiday accommodation, camping places',
    rates: [
      { from: ALWAYS, rateBp: 600 },
      { from: '2026-03-01', rateBp: 1200 },
    ],
  },
  {
    category: 'phytopharmaceuticals',
    nl: 'Gewasbeschermingsmiddelen (pesticiden)',
    fr: 'Produits phytopharmaceutiques (pesticides)',
    en: 'Plant protection products (pesticides)',
    rates: [
      { from: ALWAYS, rateBp: 1200 },
      { from: '2026-03-01', rateBp: 2100 },
    ],
  },
] as const;
