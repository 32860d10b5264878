import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../pipelines/domain-error.ts';
import { availableActions, parseAction } from '../pipelines/review/workflow.ts';

const refused = (body: unknown) => {
  try {
    parseAction(body);
  } catch (error) {
    return error instanceof InvalidInputError ? [400, error.field, error.message] : error;
  }
  return 'accepted';
};

describe('the workflow: reading an action', () => {
  it('reads each action with the input it asks for, trimmed, and an optional reason only when given', () => {
    expect(parseAction({ action: 'adopt' })).toEqual({ action: 'adopt' });
    expect(parseAction({ action: 'rename', name: '  緊急時の受け皿 ' })).toEqual({ action: 'rename', name: '緊急時の受け皿' });
    expect(parseAction({ action: 'refer', subcommittee: '居住支援部会' })).toEqual({ action: 'refer', subcommittee: '居住支援部会' });
    expect(parseAction({ action: 'conclude', conclusion: '拠点を整備する' })).toEqual({ action: 'conclude', conclusion: '拠点を整備する' });
    expect(parseAction({ action: 'dismiss', reason: ' 個別の事情 ' })).toEqual({ action: 'dismiss', reason: '個別の事情' });
    expect(parseAction({ action: 'dismiss', reason: '  ' })).toEqual({ action: 'dismiss' });
    expect(parseAction({ action: 'dismiss', reason: 3 })).toEqual({ action: 'dismiss' });
    expect(parseAction({ action: 'report', note: 'ignored' })).toEqual({ action: 'report' });
  });

  it('refuses an unknown action, including names every object has, and a missing required input, naming the field', () => {
    const known = '操作は rename、adopt、dismiss、reopen、refer、discuss、conclude、report、recommend、note のいずれかにしてください。';
    for (const body of [null, {}, { action: 'merge' }, { action: 'toString' }, { action: '__proto__' }, { action: 1 }]) expect(refused(body)).toEqual([400, 'action', known]);
    expect(refused({ action: 'note' })).toEqual([400, 'note', '「note」を入力してください。']);
    expect(refused({ action: 'rename', name: ' ' })).toEqual([400, 'name', '「name」を入力してください。']);
    expect(refused({ action: 'refer', subcommittee: 5 })).toEqual([400, 'subcommittee', '「subcommittee」を入力してください。']);
  });

  it('offers every action that asks for input exactly as parseAction reads it', () => {
    const all = availableActions('候補').concat(availableActions('協議中'));
    for (const a of all) if (a.field && a.required) expect(refused({ action: a.action })).toEqual([400, a.field, `「${a.field}」を入力してください。`]);
    expect(availableActions('協議中').map((a) => a.action)).toEqual(['rename', 'dismiss', 'conclude', 'report', 'note']);
  });
});
