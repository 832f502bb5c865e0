export { createOcrEngine, localTesseractPaths, type OcrEngine, type OcrLine, type OcrPage, type OcrWord } from './ocr';
