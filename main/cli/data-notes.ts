// The data's notes (workers/data/notes.ts) as the terminal shows them: what happened, then what to do with the options.

import type { DataNote } from '../../workers/data/notes';

export function noteWords(note: DataNote): string {
  return `${note.message} ${note.cli}`;
}

export function noteLine(note: DataNote): string {
  return `Note: ${noteWords(note)}`;
}
