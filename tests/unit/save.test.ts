/** The browser save: what is kept, and what a damaged or outdated save turns into. */
import { describe, expect, it } from 'vitest';
import { SAVE_KEY, SAVE_VERSION, clearSave, readSave, writeSave } from '../../src/client/save.js';
import type { MatchSetup } from '../../src/client/net/localMatch.js';

/** The two Storage methods a save uses, over a Map. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  } as Storage;
}

const setup: MatchSetup = { scenario: '2024-northern-triangle', seed: 'abc', humans: ['JPN'], botLevel: 'normal' };

describe('saved games', () => {
  it('reads back what it wrote, actions included', () => {
    const storage = memoryStorage();
    writeSave(storage, setup, [{ power: 'JPN', action: { type: 'decide', option: 'sign' } }], new Date('2026-11-28T12:00:00Z'));
    const loaded = readSave(storage);
    expect(loaded).toEqual({
      kind: 'ok',
      save: { version: SAVE_VERSION, savedAt: '2026-11-28T12:00:00.000Z', setup, actions: [{ power: 'JPN', action: { type: 'decide', option: 'sign' } }] },
    });
    clearSave(storage);
    expect(readSave(storage)).toEqual({ kind: 'none' });
  });

  it('calls a save from another version outdated, and junk corrupt', () => {
    const storage = memoryStorage();
    storage.setItem(SAVE_KEY, JSON.stringify({ version: SAVE_VERSION - 1, savedAt: 'x', setup, actions: [] }));
    expect(readSave(storage)).toEqual({ kind: 'bad', problem: 'version' });
    for (const junk of ['{oops', 'null', '[]', JSON.stringify({ version: SAVE_VERSION })]) {
      storage.setItem(SAVE_KEY, junk);
      expect(readSave(storage), junk).toEqual({ kind: 'bad', problem: 'corrupt' });
    }
  });

  it('refuses a save whose setup or actions are not of the right shape', () => {
    const storage = memoryStorage();
    const bad: unknown[] = [
      { ...setup, humans: ['XXX'] },
      { ...setup, humans: ['JPN', 'JPN'] },
      { ...setup, botLevel: 'godlike' },
      { ...setup, seed: 5 },
    ];
    for (const s of bad) {
      storage.setItem(SAVE_KEY, JSON.stringify({ version: SAVE_VERSION, savedAt: 'x', setup: s, actions: [] }));
      expect(readSave(storage), JSON.stringify(s)).toEqual({ kind: 'bad', problem: 'corrupt' });
    }
    storage.setItem(SAVE_KEY, JSON.stringify({ version: SAVE_VERSION, savedAt: 'x', setup, actions: [{ power: 'JPN', action: { type: 'fly' } }] }));
    expect(readSave(storage)).toEqual({ kind: 'bad', problem: 'corrupt' });
  });
});
