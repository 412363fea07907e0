// Shared by the data tests: read a fixture or a dataset file, make CSV bytes from text.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(root, 'test/fixtures/csv', name)));
}

export function datasetFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(root, 'datasets', name)));
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
