import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { importCatalogueJson, indexCatalogue, searchProcedures } from './index';

const sample = importCatalogueJson(readFileSync(new URL('../../../assets/catalogue/sample-catalogue.json', import.meta.url), 'utf8')).procedures;
// A province publishes ~2,000 procedures across levels: the sample repeated stands in for that size.
const large = Array.from({ length: 80 }, () => sample).flat();
const index = indexCatalogue(large);

describe('procedure picker search (2,160 procedures)', () => {
  bench('search "khai sinh" (one keystroke)', () => {
    searchProcedures(index, 'khai sinh', { limit: 50 });
  });
  bench('search by code prefix "2.0008"', () => {
    searchProcedures(index, '2.0008', { limit: 50 });
  });
  bench('index the catalogue', () => {
    indexCatalogue(large);
  });
});
