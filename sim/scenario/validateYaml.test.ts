import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidScenarioError, type ScenarioIssue } from './invalidScenarioError.ts';
import { formatPath, validateYaml } from './validateYaml.ts';

// validateYaml is generic: proposal files and other YAML inputs reuse it with their own schema.
const proposalSchema = z.strictObject({
  title: z.string({ error: 'expected text' }),
  changes: z.array(
    z.strictObject({
      parameter: z.enum(['minComplianceBps', 'bonusCapBps'], { error: 'expected minComplianceBps or bonusCapBps' }),
      value: z.number({ error: 'expected a number' }).int({ error: 'expected a whole number' }),
    }),
  ),
  meta: z.strictObject({ author: z.string().default('anonymous') }).prefault({}),
});

function issuesOf(text: string): ScenarioIssue[] {
  try {
    validateYaml({ text, file: 'proposal.yaml', schema: proposalSchema, hint: 'fix it' });
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidScenarioError);
    expect((error as InvalidScenarioError).hint).toBe('fix it');
    return [...(error as InvalidScenarioError).issues];
  }
  throw new Error('expected a rejection');
}

describe('validateYaml', () => {
  it('returns the validated value with defaults', () => {
    const { value } = validateYaml({
      text: 'title: raise the cap\nchanges:\n  - { parameter: bonusCapBps, value: 3000 }\n',
      file: 'p.yaml',
      schema: proposalSchema,
      hint: '',
    });
    expect(value).toEqual({ title: 'raise the cap', changes: [{ parameter: 'bonusCapBps', value: 3000 }], meta: { author: 'anonymous' } });
  });

  it('locates issues inside list items by index, at the key of the field', () => {
    expect(
      issuesOf(`title: t
changes:
  - parameter: bonusCapBps
    value: 3000
  - parameter: gasLimit
    value: 2.5
`),
    ).toEqual([
      { path: 'changes[1].parameter', line: 5, column: 5, message: 'expected minComplianceBps or bonusCapBps, found "gasLimit"' },
      { path: 'changes[1].value', line: 6, column: 5, message: 'expected a whole number, found 2.5' },
    ]);
  });

  it('a missing field inside a list item points at the item', () => {
    expect(issuesOf('title: t\nchanges:\n  - parameter: bonusCapBps\n')).toEqual([
      { path: 'changes[0].value', line: 3, column: 5, message: 'missing required field (expected a number)' },
    ]);
  });

  it('follows aliases to the anchored value', () => {
    const { value } = validateYaml({
      text: 'title: &t shared\nchanges: []\nmeta: { author: *t }\n',
      file: 'p.yaml',
      schema: proposalSchema,
      hint: '',
    });
    expect(value.meta.author).toBe('shared');
  });

  it('says what a wrong-shaped value is: a list where a mapping belongs, an empty value', () => {
    expect(issuesOf('title:\nchanges: []\nmeta: [a]\n')).toEqual([
      { path: 'title', line: 1, column: 1, message: 'expected text, found an empty value (null)' },
      { path: 'meta', line: 3, column: 1, message: 'expected a mapping (key: value lines), found a list' },
    ]);
  });

  it('reports every unknown key separately, on its own line', () => {
    expect(issuesOf('title: t\nchanges: []\ntitel: x\nchange: y\n').map((i) => [i.line, i.path, i.message])).toEqual([
      [3, 'titel', 'unknown key "titel"; expected one of title, changes, meta (did you mean "title"?)'],
      [4, 'change', 'unknown key "change"; expected one of title, changes, meta (did you mean "changes"?)'],
    ]);
  });

  it('formats paths with dots and list indices', () => {
    expect(formatPath(['a', 'b', 2, 'c'])).toBe('a.b[2].c');
    expect(formatPath([0])).toBe('[0]');
    expect(formatPath([])).toBe('');
  });
});
