export { normalizeName, normalizeText } from './normalize';
export { matchesQuery, parseQuery, searchKey, searchTokens, type SearchQuery } from './search-key';
export { compareVietnamese, compareVietnameseNames, sortVietnamese } from './collation';
export { canFromCitizenId, validateCitizenId, type CitizenIdCheck, type CitizenIdInfo, type Sex } from './citizen-id';
export { birthProvinces, type BirthProvince } from './birth-provinces';
export { formatCsv, parseCsv, type CsvFormatOptions, type CsvOptions, type CsvParseResult, type CsvProblem, type CsvRecord } from './csv';
export { citizenIdFailures, csvFailures, textErrorCodes, type TextErrorCode, type TextFailure } from './errors';
