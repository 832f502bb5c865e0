import type { Migration } from './migration';

/**
 * Version 7 adds the citizens' kept documents (digitized at the self-service point, docs/SELF-SERVICE.md): found by
 * the citizen's ID number, the newest first; `hash` lets a page be dropped only when no kept document names it.
 */
export const v7: Migration = {
  version: 7,
  stores: {
    citizenDocuments: 'id, [citizenId+keptAt], hash',
  },
};
