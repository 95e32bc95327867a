import { describe, expect, it } from 'vitest';
import { ConstructionRules } from '../../src/rules/language-schema.js';

const examples = { read: [{ text: 'a b', claims: ['killed/all=1'] }, { text: 'c d', claims: ['killed/all=1'] }, { text: 'e f', claims: ['killed/all=1'] }], reject: ['g h'] };
const rulesWith = (pattern: unknown[]) => ({
  classes: { cue: ['killed'], that: ['that'] },
  clauseOpeners: ['and'],
  constructions: [{ id: 'x.claim', builds: 'claim', pattern, examples }],
});

describe('construction rules name only classes they define', () => {
  it('accepts classes that exist, in a slot, an optional, a choice and a span that stops at one', () => {
    const r = ConstructionRules.safeParse(rulesWith(['figure', { class: 'cue' }, { optional: { class: 'cue' } }, { oneOf: [{ class: 'that' }, 'victim'] }, { span: 4, stopAt: 'that' }]));
    expect(r.success).toBe(true);
  });

  it.each([
    [[{ class: 'cues' }], 'cues'],
    [['figure', { optional: { class: 'nothing' } }], 'nothing'],
    [[{ oneOf: ['victim', { class: 'missing' }] }], 'missing'],
    [['figure', { span: 4, stopAt: 'thta' }, { class: 'cue' }], 'thta'],
  ])('rejects %j, naming the class and where', (pattern, name) => {
    const r = ConstructionRules.safeParse(rulesWith(pattern));
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.message.includes(`'${name}'`));
    expect(issue?.path.slice(0, 3)).toEqual(['constructions', 0, 'pattern']);
  });
});
