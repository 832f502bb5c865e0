import { err, ok, type Result } from '../../result';
import { catalogueFailures, type CatalogueFailure } from './errors';
import type { FeeRule, PageTier } from './procedure';

/** One paper to copy or certify: pages of the original, and how many copies the citizen wants. */
export type FeeItem = { readonly pages: number; readonly copies: number };

export type FeeChannel = 'in-person' | 'online' | 'post';

export type FeeRequest = {
  /** Papers for per-page rules; their copies also count for per-copy rules. */
  readonly items?: readonly FeeItem[];
  /** Copies for per-copy rules when no items are given (default 1). */
  readonly copies?: number;
  /** Cases for per-case rules (default 1), e.g. papers whose signatures are certified. */
  readonly cases?: number;
  readonly channel?: FeeChannel;
  /** Ids of the conditional rules (those with `appliesWhen`) that apply to this file. */
  readonly conditions?: readonly string[];
  /** The file falls under one of the procedure's exemptions (the officer decides which). */
  readonly exempt?: boolean;
};

export type FeeLine = {
  readonly ruleId: string;
  readonly name: string;
  readonly category: FeeRule['category'];
  /** null when the amount is set locally and the catalogue does not know it yet. */
  readonly amount: number | null;
  readonly detail: string;
  readonly detailEn: string;
};

export type FeeQuote = {
  readonly total: number;
  /** False if some line has no known amount: the total is then a lower bound. */
  readonly complete: boolean;
  readonly lines: readonly FeeLine[];
};

const vndVi = new Intl.NumberFormat('vi-VN');
const vndEn = new Intl.NumberFormat('en-US');
const dong = (amount: number): string => `${vndVi.format(amount)} đồng`;
const vnd = (amount: number): string => `VND ${vndEn.format(amount)}`;

/** Per-page tiers for one copy: each page priced by the last tier starting at or before it, then capped. */
export function perPageAmount(tiers: readonly PageTier[], pages: number, capPerCopy?: number): number {
  let total = 0;
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i];
    if (tier === undefined || pages < tier.fromPage) break;
    const lastPage = Math.min(pages, (tiers[i + 1]?.fromPage ?? Number.POSITIVE_INFINITY) - 1);
    total += (lastPage - tier.fromPage + 1) * tier.amountPerPage;
  }
  return capPerCopy === undefined ? total : Math.min(total, capPerCopy);
}

const isCount = (value: number, min: number): boolean => Number.isInteger(value) && value >= min;

function checkRequest(rules: readonly FeeRule[], request: FeeRequest): CatalogueFailure | undefined {
  for (const [index, item] of (request.items ?? []).entries()) {
    if (!isCount(item.pages, 1)) return catalogueFailures.feeInvalidCount(`items[${index}].pages`);
    if (!isCount(item.copies, 0)) return catalogueFailures.feeInvalidCount(`items[${index}].copies`);
  }
  if (request.copies !== undefined && !isCount(request.copies, 0)) return catalogueFailures.feeInvalidCount('copies');
  if (request.cases !== undefined && !isCount(request.cases, 0)) return catalogueFailures.feeInvalidCount('cases');
  const known = new Set(rules.map((rule) => rule.id));
  const unknown = (request.conditions ?? []).find((id) => !known.has(id));
  return unknown === undefined ? undefined : catalogueFailures.feeUnknownCondition(unknown);
}

/**
 * Quotes the fees of one file from a procedure's rules. Conditional rules count only when named in
 * `conditions`; locally-set rules appear with no amount and make the quote incomplete.
 */
export function computeFees(rules: readonly FeeRule[], request: FeeRequest = {}): Result<FeeQuote, CatalogueFailure> {
  const problem = checkRequest(rules, request);
  if (problem !== undefined) return err(problem);

  const conditions = new Set(request.conditions ?? []);
  const lines = rules
    .filter((rule) => rule.appliesWhen === undefined || conditions.has(rule.id))
    .map((rule): FeeLine => {
      const line = lineFor(rule, request);
      const base = { ruleId: rule.id, name: rule.name, category: rule.category };
      if (request.exempt === true && line.amount !== 0) {
        return { ...base, amount: 0, detail: 'Được miễn theo quy định.', detailEn: 'Exempt as provided by law.' };
      }
      return { ...base, ...line };
    });
  const total = lines.reduce((sum, line) => sum + (line.amount ?? 0), 0);
  return ok({ total, complete: lines.every((line) => line.amount !== null), lines });
}

function lineFor(rule: FeeRule, request: FeeRequest): Pick<FeeLine, 'amount' | 'detail' | 'detailEn'> {
  const online = request.channel === 'online';
  switch (rule.kind) {
    case 'fixed': {
      const amount = online && rule.onlineAmount !== undefined ? rule.onlineAmount : rule.amount;
      return { amount, detail: dong(amount), detailEn: vnd(amount) };
    }
    case 'per-case': {
      const each = online && rule.onlineAmount !== undefined ? rule.onlineAmount : rule.amount;
      const cases = request.cases ?? 1;
      return {
        amount: each * cases,
        detail: `${cases} trường hợp × ${dong(each)}`,
        detailEn: `${cases} case(s) × ${vnd(each)}`,
      };
    }
    case 'per-copy': {
      const copies = request.items !== undefined ? request.items.reduce((sum, item) => sum + item.copies, 0) : (request.copies ?? 1);
      return { amount: rule.amount * copies, detail: `${copies} bản × ${dong(rule.amount)}`, detailEn: `${copies} copy(ies) × ${vnd(rule.amount)}` };
    }
    case 'per-page': {
      const items = request.items ?? [];
      const parts = items.map((item) => ({ item, each: perPageAmount(rule.tiers, item.pages, rule.capPerCopy) }));
      const amount = parts.reduce((sum, part) => sum + part.each * part.item.copies, 0);
      return {
        amount,
        detail: parts.map(({ item, each }) => `${item.copies} bản × ${item.pages} trang: ${dong(each)}/bản`).join('; ') || 'Không có trang nào.',
        detailEn: parts.map(({ item, each }) => `${item.copies} copy(ies) × ${item.pages} page(s): ${vnd(each)} each`).join('; ') || 'No pages.',
      };
    }
    case 'local-rate':
      return {
        amount: null,
        detail: 'Mức thu do Hội đồng nhân dân cấp tỉnh quy định; chưa có trong danh mục.',
        detailEn: "Set by the provincial People's Council; not in this catalogue yet.",
      };
  }
}
