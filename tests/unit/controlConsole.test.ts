/**
 * Control's console as data (src/view/controlConsole.ts), the written inject's effect
 * menu (src/view/injectMenu.ts) and the log's sentences for Control's commands: read
 * from real matches of the tiny scenario after real commands.
 */
import { describe, expect, it } from 'vitest';
import { saveDraft, submitOrders } from '../../src/game/actions.js';
import { control } from '../../src/game/control.js';
import { checkInjectEffects } from '../../src/game/injects.js';
import { POWERS } from '../../src/game/powers.js';
import { setupState } from '../../src/game/setup.js';
import type { GameState } from '../../src/game/types.js';
import { controlView } from '../../src/game/view.js';
import { clockTime } from '../../src/view/clockReading.js';
import {
  clockModel,
  commandRefusals,
  commandText,
  headlinePool,
  roundRecord,
  seatOverviews,
  simpleCommand,
  stepText,
} from '../../src/view/controlConsole.js';
import { effectText } from '../../src/view/effectText.js';
import { buildEffect, EFFECT_KINDS, EFFECT_MENU, flagChoices, injectKinds, type FieldValues } from '../../src/view/injectMenu.js';
import { logLines } from '../../src/view/logText.js';
import { cardTitle } from '../../src/view/names.js';
import { orderText } from '../../src/view/orderModel.js';
import { reasonText } from '../../src/view/text/en.js';
import { HOLD3 } from '../helpers/round.js';
import { tinyScenario } from '../helpers/tinyScenario.js';

const sc = tinyScenario();
const T0 = 1_750_000_000_000;
const fresh = (): GameState => setupState(sc, { seed: 'console' });

describe('the clock on the console', () => {
  it('reads no timer, a running one counting down, a paused one and one that is up', () => {
    const G = fresh();
    expect(clockModel(controlView(G), T0)).toEqual({ state: 'none', leftMs: null, text: 'No timer' });
    expect(control(sc, G, { kind: 'setTimer', seconds: 300, at: T0 })).toBeNull();
    expect(clockModel(controlView(G), T0).text).toBe('5:00 left');
    // Rounded up: 238.5 seconds left reads 3:59, and 0:00 only when the time is up.
    expect(clockModel(controlView(G), T0 + 61_500)).toEqual({ state: 'running', leftMs: 238_500, text: '3:59 left' });
    expect(clockModel(controlView(G), T0 + 400_000)).toEqual({ state: 'up', leftMs: 0, text: 'Time is up' });
    expect(control(sc, G, { kind: 'pause', at: T0 + 100_000 })).toBeNull();
    expect(clockModel(controlView(G), T0 + 900_000)).toEqual({ state: 'paused', leftMs: 200_000, text: 'Paused, 3:20 left' });
    expect(clockTime(59_001)).toBe('1:00');
    expect(clockTime(0)).toBe('0:00');
  });
});

describe('which commands the console offers', () => {
  it('greys out what the rules would refuse, with their reason', () => {
    const G = fresh();
    let refusals = commandRefusals(sc, controlView(G), T0);
    expect(refusals).toEqual({ pause: null, resume: reasonText({ code: 'notPaused' }), advance: null, end: null, extend: reasonText({ code: 'noTimer' }), setTimer: null });
    expect(control(sc, G, simpleCommand('pause', T0))).toBeNull();
    refusals = commandRefusals(sc, controlView(G), T0);
    expect(refusals.pause).toBe(reasonText({ code: 'alreadyPaused' }));
    expect(refusals.resume).toBeNull();
    expect(control(sc, G, simpleCommand('end', T0))).toBeNull();
    refusals = commandRefusals(sc, controlView(G), T0);
    for (const why of Object.values(refusals)) expect(why).toBe(reasonText({ code: 'gameOver' }));
    expect(stepText(sc, controlView(G))).toBe('The exercise is over');
  });

  it('lists every headline of the pool, refusing the ones already used or waiting on top', () => {
    const G = fresh();
    const shown = controlView(G).headline!;
    const free = sc.headlines.map((h) => h.id).find((id) => id !== shown && !G.secret.headlines.includes(id))!;
    expect(control(sc, G, { kind: 'inject', card: free })).toBeNull();
    const pool = headlinePool(sc, controlView(G));
    expect(pool.map((c) => c.id)).toEqual(sc.headlines.map((h) => h.id));
    expect(pool.find((c) => c.id === free)!.refused).toBe(reasonText({ code: 'headlineUsed' }));
    expect(pool.find((c) => c.id === shown)!.refused).toBe(reasonText({ code: 'headlineUsed' }));
    expect(pool.find((c) => c.id === free)!.title).toBe(cardTitle(sc, free));
  });
});

describe('every seat on the console', () => {
  it('shows each seat’s hand, agenda, draft and locked-in orders as they change', () => {
    const G = fresh();
    expect(G.step.kind).toBe('orders');
    expect(saveDraft(sc, G, 'CHN', [{ kind: 'engage', target: 'RUS' }])).toBeNull();
    expect(submitOrders(sc, G, 'USA', HOLD3)).toBeNull();
    const seats = seatOverviews(sc, controlView(G));
    expect(seats.map((s) => s.power)).toEqual([...POWERS]);
    for (const seat of seats) {
      expect(seat.hand).toEqual(G.seats[seat.power].hand.map((id) => cardTitle(sc, id)));
      expect(seat.agenda).toBe(sc.agendas.find((a) => a.id === G.seats[seat.power].agenda)!.title);
    }
    const china = seats.find((s) => s.power === 'CHN')!;
    expect(china).toMatchObject({ state: 'thinking', draft: [orderText(sc, { kind: 'engage', target: 'RUS' })], orders: null });
    const usa = seats.find((s) => s.power === 'USA')!;
    expect(usa).toMatchObject({ state: 'ready', stateText: 'locked in', orders: HOLD3.map((o) => orderText(sc, o)) });
  });
});

describe('what Control did, in words', () => {
  it('keeps this round’s commands and writes each one to the log in a sentence', () => {
    const G = fresh();
    const commands = [
      simpleCommand('pause', T0),
      simpleCommand('resume', T0 + 1000),
      { kind: 'setTimer', seconds: 90, at: T0 + 2000 },
      { kind: 'extend', seconds: 30 },
      { kind: 'inject', title: 'Summit collapses', text: 'Talks end.', effects: [{ track: 'tension', delta: 1 }] },
      { kind: 'adjudicate', track: 'polarisation', value: 4, reason: 'The class agreed' },
      { kind: 'adjudicate', relation: ['CHN', 'USA'], value: -2, reason: 'Trade war' },
    ];
    for (const command of commands) expect(control(sc, G, command), JSON.stringify(command)).toBeNull();
    const view = controlView(G);
    expect(roundRecord(view)).toEqual([
      'pause',
      'resume',
      'set the timer to 90 s',
      'extend the timer by 30 s',
      'inject “Summit collapses”',
      'set Polarisation to 4 (The class agreed)',
      'set China – United States to -2 (Trade war)',
    ]);
    expect(commands.map((c) => commandText(sc, c))).toEqual(roundRecord(view));
    const log = logLines(sc, view.log).map((l) => l.text);
    expect(log).toEqual(
      expect.arrayContaining([
        'Control paused the exercise.',
        'Control resumed the exercise.',
        'Control set the timer to 90 seconds.',
        'Control added 30 seconds to the timer.',
        'Inject: Summit collapses.',
        'Control set Polarisation to 4: The class agreed',
        'Control set China – United States to -2: Trade war',
      ]),
    );
    expect(control(sc, G, simpleCommand('advance', T0))).toBeNull();
    expect(control(sc, G, simpleCommand('end', T0))).toBeNull();
    // No command of Control falls through to the placeholder for an unknown code.
    expect(logLines(sc, G.log).filter((l) => l.text.startsWith('('))).toEqual([]);
  });
});

describe('the written inject’s effect menu', () => {
  /** A value for every field, as a person would pick them in the form. */
  const filled: FieldValues = { track: 'tension', power: 'CHN', other: 'RUS', from: 'USA', to: 'KOR', delta: '2', amount: '3', theatre: sc.theatres[0]!.id, where: 'ALL', covert: true, flag: 'treaty' };

  it('builds, for every kind of effect, one the rules accept on an inject', () => {
    for (const kind of EFFECT_KINDS) {
      const values = Object.fromEntries(EFFECT_MENU[kind].map((f) => [f.name, filled[f.name]]));
      const checked = checkInjectEffects(sc, [buildEffect(kind, values)]);
      expect(checked.ok, kind).toBe(true);
      if (checked.ok) expect(effectText(sc, checked.effects[0]!, { self: 'chooser' })).not.toBe('');
    }
  });

  it('offers the scenario\'s flags by their labels, and no flag kinds to a scenario without flags', () => {
    expect(flagChoices(sc)).toEqual([['treaty', 'the Russia–North Korea treaty']]);
    expect(injectKinds(sc)).toEqual(EFFECT_KINDS);
    const noFlags = tinyScenario((input) => {
      input.flags = {};
    });
    expect(injectKinds(noFlags)).toEqual(EFFECT_KINDS.filter((kind) => kind !== 'setFlag' && kind !== 'clearFlag'));
  });

  it('leaves a number that is not whole for the rules to refuse', () => {
    const checked = checkInjectEffects(sc, [buildEffect('track', { track: 'tension', delta: 'two' })]);
    expect(checked).toEqual({ ok: false, reason: { code: 'badEffect', index: 0, why: 'malformed' } });
    expect(buildEffect('forces', { power: 'PRK', theatre: 'DMZ', delta: '-1', covert: false })).toEqual({ forces: 'PRK', theatre: 'DMZ', delta: -1 });
  });
});
