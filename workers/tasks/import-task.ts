// The piscina task that reads a big CSV off the main thread: bytes in, a Dataset out (its columns live on
// SharedArrayBuffers, so handing it back copies no numbers). CommonJS-loadable; no electron, no node:fs.

import { parseCsv, type Dataset, type ParseOptions } from '../data';
import { DataError, type DataErrorInfo } from '../data/errors';

export interface ImportTaskInput {
  /** the file's bytes (pass the buffer in the transfer list to avoid a copy) */
  bytes: Uint8Array;
  fileName: string;
  options?: ParseOptions;
}

// Errors thrown in a piscina task lose their class and fields on the way back, so a DataError travels as a value;
// rebuild it with DataError.fromJSON(outcome.error).
export type ImportTaskOutcome = { ok: true; result: Dataset } | { ok: false; error: DataErrorInfo };

export default function importTask({ bytes, fileName, options }: ImportTaskInput): ImportTaskOutcome {
  try {
    return { ok: true, result: parseCsv(bytes, fileName, options) };
  } catch (error) {
    if (error instanceof DataError) return { ok: false, error: error.toJSON() };
    throw error;
  }
}
