import type { Procedure } from '../../../src-shared/domain/catalogue';
import type { Translate } from '../i18n/use-text';

const vnd = new Intl.NumberFormat('vi-VN');

export function formatVnd(amount: number): string {
  return `${vnd.format(amount)} đ`;
}

/** The legal processing time as the officer says it to a citizen. */
export function formatProcessingTime(time: Procedure['processingTime'], t: Translate): string {
  switch (time.unit) {
    case 'same-day':
      return `${t('unitSameDay')} (${t('sameDayCutOff').toLowerCase()} ${time.cutOffHour}:00)`;
    case 'working-days':
      return `${time.amount} ${t('unitWorkingDays')}`;
    case 'working-hours':
      return `${time.amount} ${t('unitWorkingHours')}`;
    case 'calendar-days':
      return `${time.amount} ${t('unitCalendarDays')}`;
  }
}

export function formatFeeRule(rule: Procedure['fees'][number], t: Translate): string {
  switch (rule.kind) {
    case 'fixed':
    case 'per-case':
      return `${rule.name}: ${formatVnd(rule.amount)}${rule.kind === 'per-case' ? ` / ${t('perCase')}` : ''}`;
    case 'per-copy':
      return `${rule.name}: ${formatVnd(rule.amount)} / ${t('perCopy')}`;
    case 'per-page':
      return `${rule.name}: ${rule.tiers.map((tier) => `${t('fromPage')} ${tier.fromPage}: ${formatVnd(tier.amountPerPage)}`).join('; ')}${rule.capPerCopy === undefined ? '' : `; ${t('capPerCopy')} ${formatVnd(rule.capPerCopy)}`}`;
    case 'local-rate':
      return `${rule.name}: ${t('localRate')}`;
  }
}
