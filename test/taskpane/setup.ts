// jsdom leaves out TextDecoder, which every browser the pane runs in has (the file reader
// uses it to look inside a workbook before opening it).
import { TextDecoder, TextEncoder } from 'util';

if (typeof globalThis.TextDecoder === 'undefined') Object.assign(globalThis, { TextDecoder, TextEncoder });
