import { DatasetError } from '../errors.ts';

export interface ColumnLookupParameters {
  /** Header names, trimmed. */
  header: readonly string[];
  /** The data file (for the error). */
  file: string;
  /** Manifest and table the names come from (for the error). */
  where: string;
}

/** Finds a manifest-named column in a file's header; a name that is not there is an error naming the file and its header. */
export function columnLookup({ header, file, where }: ColumnLookupParameters): (name: string) => number {
  return (name) => {
    const i = header.indexOf(name);
    if (i < 0) {
      throw new DatasetError(`Column "${name}" is not in ${file}`, {
        details: `${where}; header: ${header.join(', ')}`,
        hint: 'Fix the column name in the manifest (header names are compared after trimming spaces).',
      });
    }
    return i;
  };
}
