import { createHash } from 'node:crypto';
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { validateYaml } from '../scenario/index.ts';
import { type Electorate, type ProposalChange, proposalSchema } from './proposalSchema.ts';

export interface ParseProposalParameters {
  /** The proposal file's text (YAML). */
  text: string;
  /** The file name shown in messages. */
  file: string;
}

/** A validated proposal: what the Governor is asked to do, and how the simulated holders vote on it. */
export interface Proposal {
  /** The file it came from (as named by the user). */
  readonly file: string;
  /** sha256 (hex) of the file's text. */
  readonly sha256: string;
  readonly title: string;
  readonly description: string;
  /** The changes in file order, each with the 1-based line of its list item. */
  readonly changes: readonly (ProposalChange & { line: number })[];
  readonly electorate: Electorate;
}

export type ParseProposalResult = Proposal;

/** What to do with an invalid proposal file. */
export const PROPOSAL_HINT =
  'Fix the fields listed above. A proposal has title, description, changes (a list of { parameter, value }) and an optional electorate; docs/compare.md lists every parameter with its unit.';

/**
 * Parses and validates a proposal file. Throws `InvalidScenarioError` listing every problem with its YAML
 * path and line (unknown parameter with a suggestion, wrong value type or range, duplicates).
 */
export function parseProposal({ text, file }: ParseProposalParameters): ParseProposalResult {
  const { value } = validateYaml({ text, file, schema: proposalSchema, hint: PROPOSAL_HINT });
  const lines = changeLines(text);
  return {
    file,
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    title: value.title,
    description: value.description.trim(),
    changes: value.changes.map((change, i) => ({ ...change, line: lines[i] ?? 1 })),
    electorate: value.electorate,
  };
}

/** 1-based line of each item of the top-level `changes` list. */
function changeLines(text: string): number[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const changes = isMap(doc.contents) ? doc.contents.get('changes', true) : undefined;
  if (!isSeq(changes)) return [];
  return changes.items.map((item) => lineCounter.linePos((item as Node).range?.[0] ?? 0).line);
}
