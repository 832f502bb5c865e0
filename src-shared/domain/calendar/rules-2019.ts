import { labourCodeRules } from './labour-code-rules';

/**
 * Labour Code 2019 (45/2019/QH14), Art. 112, in force from 1 January 2021. The Prime Minister fixes each year
 * which days make up Tết and which day joins 2 September; these offsets are only the default used when no yearly
 * announcement covers that holiday: National Day = 1 and 2 September.
 */
export const labourCode2019Rules = labourCodeRules('Bộ luật Lao động 2019 (45/2019/QH14), Điều 112', { from: '2021-01-01' }, { 'national-day': [-1, 0] });
