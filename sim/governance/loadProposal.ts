import { readFileSync } from 'node:fs';
import { ScenarioError } from '../errors.ts';
import { parseProposal, type Proposal } from './parseProposal.ts';

export interface LoadProposalParameters {
  /** Path of the proposal YAML file. */
  path: string;
}

/** Reads and validates a proposal file (see `parseProposal`). Throws `ScenarioError` when it cannot be read. */
export function loadProposal({ path }: LoadProposalParameters): Proposal {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScenarioError(`Cannot read the proposal file ${path}`, {
      details: `file: ${path}${code ? ` (${code})` : ' (not UTF-8 text?)'}`,
      hint: code === 'ENOENT' ? 'Check the path; the example proposals are scenarios/proposal-*.yaml.' : 'Save the proposal as UTF-8 YAML and check it is readable.',
      cause: error,
    });
  }
  return parseProposal({ text, file: path });
}
