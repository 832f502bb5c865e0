export { checkBlank, type BlankCheck } from './blank';
export { estimateSkew, measureSkew } from './deskew';
export type { EncodedImage, PageEncoding } from './encode';
export { toGrey, type Grey } from './grey';
export { detectOrientation, type Orientation } from './orientation';
export { defaultPipelineOptions, processPage, type PipelineOptions, type ProcessedPage } from './pipeline';
