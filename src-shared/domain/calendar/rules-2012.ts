import { labourCodeRules } from './labour-code-rules';

/**
 * Labour Code 2012 (10/2012/QH13), Art. 115 — in force from 1 May 2013 until the 2019 Code replaced it. Same
 * holidays as today except National Day, which was a single day. Kept so dates before 2021 are explained correctly.
 */
export const labourCode2012Rules = labourCodeRules('Bộ luật Lao động 2012 (10/2012/QH13), Điều 115', { from: '2013-05-01', until: '2020-12-31' });
