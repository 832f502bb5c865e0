export {
  catalogueFileSchema,
  documentAlternativeSchema,
  documentQuantitiesSchema,
  documentRequirementSchema,
  durationSchema,
  feeRuleSchema,
  isoDateSchema,
  itemIdSchema,
  localCodeSchema,
  nationalCodeSchema,
  pageTierSchema,
  procedureFieldSchema,
  procedureLevelSchema,
  procedureSchema,
  procedureSourceSchema,
  processingTimeSchema,
  provinceCodeSchema,
  type DocumentAlternative,
  type DocumentQuantities,
  type DocumentRequirement,
  type FeeRule,
  type PageTier,
  type Procedure,
  type ProcedureField,
  type ProcedureInput,
  type ProcedureLevel,
  type ProcedureSource,
  type ProcedureProcessingTime,
} from './procedure';
/** One definition of processing time, the calendar's; re-exported so catalogue users need not look for it. */
export type { ProcessingDuration, ProcessingTime } from '../calendar';
export { dueForProcedure, type ProcedureDueDate, type ProcedureDueRequest } from './due-for-procedure';
export { computeFees, perPageAmount, type FeeChannel, type FeeItem, type FeeLine, type FeeQuote, type FeeRequest } from './fees';
export { importCatalogue, importCatalogueCsv, importCatalogueJson } from './importer';
export type { ImportIssue, ImportReport } from './import-report';
export { catalogueCsvColumns, exportCatalogueCsv } from './csv-layout';
export { indexCatalogue, searchProcedures, type CatalogueIndex, type ProcedureHit, type ProcedureSearchOptions } from './search';
export { validateCatalogue, type CatalogueIssue } from './validate';
export { proceduresInForceOn, versionKey, versionsOverlap } from './versions';
export { catalogueErrorCodes, catalogueFailures, type CatalogueErrorCode, type CatalogueFailure } from './errors';
