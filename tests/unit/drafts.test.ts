/**
 * Order drafts kept in the browser (src/client/drafts.ts): per match, seat and step, so
 * a reload gives back orders chosen but not locked in; gone once the step has passed;
 * and read back through the rules, so a tampered or stale draft is never offered.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/game/actions.js';
import { setupState } from '../../src/game/setup.js';
import { playerView } from '../../src/game/view.js';
import { clearDrafts, seatDrafts } from '../../src/client/drafts.js';
import { keptDraft } from '../../src/view/orderModel.js';
import { realScenario } from '../helpers/scenarios.js';
import { memoryStorage } from '../helpers/memoryStorage.js';


describe('order drafts kept in the browser', () => {
  it('gives a draft back for its own match, seat and step only, and forgets it once the step has passed', () => {
    const storage = memoryStorage();
    const china = seatDrafts(storage, 'ABC234', 'CHN');
    china.write('1/orders', [{ kind: 'hold' }]);
    expect(seatDrafts(storage, 'ABC234', 'CHN').read('1/orders')).toEqual([{ kind: 'hold' }]);
    expect(seatDrafts(storage, 'ABC234', 'USA').read('1/orders')).toBeNull();
    expect(seatDrafts(storage, 'XYZ789', 'CHN').read('1/orders')).toBeNull();
    // Read at a later step: that one has passed, and its draft is gone for good.
    expect(china.read('2/orders')).toBeNull();
    expect(china.read('1/orders')).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('forgets a draft emptied by hand, and every seat of a match that is over', () => {
    const storage = memoryStorage();
    seatDrafts(storage, 'ABC234', 'CHN').write('1/orders', [{ kind: 'hold' }]);
    seatDrafts(storage, 'ABC234', 'CHN').write('1/orders', []);
    expect(storage.length).toBe(0);
    seatDrafts(storage, 'ABC234', 'CHN').write('1/orders', [{ kind: 'hold' }]);
    seatDrafts(storage, 'ABC234', 'USA').write('1/orders', [{ kind: 'hold' }]);
    seatDrafts(storage, 'XYZ789', 'USA').write('1/orders', [{ kind: 'hold' }]);
    clearDrafts(storage, 'ABC234');
    expect([...Array(storage.length).keys()].map((i) => storage.key(i))).toEqual(['triangles.draft.XYZ789.USA']);
  });

  it('offers a kept draft only as the rules read it now: a corrupt or impossible one is no draft', () => {
    const sc = realScenario();
    const G = setupState(sc, { seed: 'drafts' });
    decide(sc, G, 'RUS', 'photo-op');
    decide(sc, G, 'PRK', 'photo-op');
    const view = playerView(G, 'CHN');
    expect(keptDraft(sc, view, 'CHN', [{ kind: 'hold' }, { kind: 'engage', target: 'RUS' }])).toEqual([{ kind: 'hold' }, { kind: 'engage', target: 'RUS' }]);
    expect(keptDraft(sc, view, 'CHN', [{ kind: 'hold' }, { kind: 'nuke' }])).toEqual([]);
    expect(keptDraft(sc, view, 'CHN', [{ kind: 'aid', target: 'RUS', amount: 999 }])).toEqual([]);
    expect(keptDraft(sc, view, 'CHN', Array(4).fill({ kind: 'hold' }))).toEqual([]);
    expect(keptDraft(sc, view, 'CHN', '{not a list')).toEqual([]);
    const storage = memoryStorage();
    storage.setItem('triangles.draft.ABC234.CHN', '{not json');
    expect(seatDrafts(storage, 'ABC234', 'CHN').read('1/orders')).toBeNull();
  });
});
