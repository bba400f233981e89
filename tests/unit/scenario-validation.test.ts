/**
 * Scenario loading: a good file becomes a frozen Scenario, and each kind of mistake a
 * designer or teacher can make is reported at its line and column, with its path and
 * a message that names what is wrong.
 *
 * Broken files are made from the valid fixture by replacing one piece of text, and
 * expected positions are found by searching for the text, so the fixture can grow
 * without renumbering every test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/file.js';
import { formatProblem, parseScenario } from '../../src/scenario/load.js';
import type { ScenarioProblem } from '../../src/scenario/load.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MINIMAL_FILE = join(ROOT, 'tests/fixtures/scenarios/minimal.yaml');
const REAL_FILE = join(ROOT, 'scenarios/2024-northern-triangle.yaml');
const minimal = readFileSync(MINIMAL_FILE, 'utf8');

/** The valid fixture with `from` (which must occur exactly once) replaced by `to`. */
function broken(from: string, to: string): string {
  expect(minimal.split(from), `fixture should contain ${JSON.stringify(from)} exactly once`).toHaveLength(2);
  return minimal.replace(from, to);
}

/** 1-based line and column of `fragment` in `source`, or of `fragment` inside `context` where the fragment alone is not unique. */
function at(source: string, fragment: string, context = fragment): { line: number; col: number } {
  const start = source.indexOf(context);
  expect(start, `${JSON.stringify(context)} should occur in the source`).toBeGreaterThanOrEqual(0);
  expect(context.indexOf(fragment)).toBeGreaterThanOrEqual(0);
  const before = source.slice(0, start + context.indexOf(fragment)).split('\n');
  return { line: before.length, col: before.at(-1)!.length + 1 };
}

function problemsOf(source: string): ScenarioProblem[] {
  const result = parseScenario(source, 'bad.yaml');
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.problems;
}

interface Expected {
  at: { line: number; col: number };
  path: string;
  message: string;
}

function expectProblems(source: string, expected: Expected[]): void {
  expect(problemsOf(source)).toEqual(
    expected.map((e) => ({ file: 'bad.yaml', ...e.at, path: e.path, message: expect.stringContaining(e.message) })),
  );
}

describe('a valid scenario', () => {
  it('loads the minimal fixture as a deeply frozen scenario', () => {
    const result = parseScenario(minimal, 'minimal.yaml');
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const { scenario } = result;
    expect(scenario.title).toBe('Minimal');
    expect(scenario.theatres[0]!.garrison).toEqual(['PRK', 'KOR']);
    expect(Object.isFrozen(scenario)).toBe(true);
    expect(Object.isFrozen(scenario.relations)).toBe(true);
    expect(Object.isFrozen(scenario.policies[0]!.effects[0])).toBe(true);
    expect(() => {
      (scenario.rules as { handLimit: number }).handLimit = 9;
    }).toThrow(TypeError);
  });

  it('gives a file written before the later rules the numbers the code had, so it plays as it did', () => {
    const result = parseScenario(minimal, 'minimal.yaml');
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(minimal).not.toContain('relationSteps');
    expect(result.scenario.rules).toMatchObject({
      trackRange: { tension: [0, 10], polarisation: [0, 10], front: [-5, 5], capability: [0, 10] },
      relationSteps: { engage: 1, summit: 2, pressure: -1, aid: 1 },
      sanction: 1,
      maxAid: 10,
      missileTest: { capability: 1, tension: 1 },
      postureTension: 1,
      frontDrift: 1,
    });
  });

  it('loads the real scenario, 2024: The Northern Triangle', () => {
    const result = loadScenarioFile(REAL_FILE);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.scenario.title).toBe('2024: The Northern Triangle');
  });
});

describe('the real scenario keeps EVENTS.md\'s rules for cards', () => {
  const loaded = loadScenarioFile(REAL_FILE);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const sc = loaded.scenario;

  it('dates every saying on a card dated before October 2024 (all were said then)', () => {
    const early = sc.headlines.filter((h) => h.date < '2024-10');
    expect(early.length).toBeGreaterThan(0);
    for (const card of early) for (const saying of card.sayings) expect(saying.who, card.id).toContain('October 2024');
  });

  it('marks every card past October 2024 and every crisis as hypothetical, each crisis with its closest real event', () => {
    for (const card of sc.headlines.filter((h) => h.date > '2024-10')) expect(card.hypothetical, card.id).toBe(true);
    for (const crisis of sc.crises) {
      expect(crisis.hypothetical, crisis.id).toBe(true);
      expect(crisis.history, crisis.id).toMatch(/^Hypothetical/);
    }
  });
});

describe('YAML problems', () => {
  it('reports a syntax error at its position', () => {
    const source = broken('title: "Minimal"', 'title: "Minimal');
    const end = at(source, 'title: "Minimal');
    expectProblems(source, [{ at: { line: end.line, col: 'title: "Minimal'.length + 1 }, path: '', message: 'YAML syntax error: Missing closing "quote' }]);
  });

  it('reports a duplicate key, and where the first one is', () => {
    const source = broken('shortRounds: 1\n', 'shortRounds: 1\nrounds: 3\n');
    expectProblems(source, [{ at: at(source, 'rounds: 3'), path: 'rounds', message: `duplicate key "rounds" (first at line ${at(source, 'rounds: 2').line})` }]);
  });
});

describe('structural problems', () => {
  it('names an unknown key and the key it probably meant', () => {
    const source = broken('text: Speak up., cost: 0', 'text: Speak up., costt: 0');
    expectProblems(source, [{ at: at(source, 'costt'), path: 'policies[8].costt', message: 'unknown key "costt" (did you mean "cost"?)' }]);
  });

  it('reports a missing key at the entry that lacks it', () => {
    const source = broken('text: Speak up., cost: 0, ', 'text: Speak up., ');
    expectProblems(source, [{ at: at(source, '{ id: jpn-concern'), path: 'policies[8].cost', message: 'missing required key "cost"' }]);
  });

  it('names the expected type and the value found', () => {
    const source = broken('rounds: 2', 'rounds: two');
    expectProblems(source, [{ at: at(source, 'two', 'rounds: two'), path: 'rounds', message: 'expected a number, got "two"' }]);
  });

  it('lists the powers when one is unknown', () => {
    const source = broken('power: KOR, title: Joint drill', 'power: KOREA, title: Joint drill');
    expectProblems(source, [
      { at: at(source, 'KOREA'), path: 'policies[11].power', message: 'expected one of CHN, RUS, PRK, USA, JPN, KOR, got "KOREA"' },
    ]);
  });

  it('reports a track starting outside the range the rules give it', () => {
    const source = broken('polarisation: 5', 'polarisation: 12');
    expectProblems(source, [{ at: at(source, '12'), path: 'tracks.polarisation', message: 'starting polarisation (12) is outside rules.trackRange.polarisation (0 to 10)' }]);
  });

  it('reports a track range whose lowest is not below its highest', () => {
    const range = '  trackRange: { tension: [0, 10], polarisation: [0, 10], front: [5, -5], capability: [0, 10] }\n';
    const source = broken('  calmEasing: 1\n', `  calmEasing: 1\n${range}`);
    expectProblems(source, [{ at: at(source, '[5, -5]'), path: 'rules.trackRange.front', message: 'a range is [lowest, highest], the lowest below the highest' }]);
  });

  it('reports a war threshold above the highest Tension', () => {
    const source = broken('warAt: 10', 'warAt: 12');
    expectProblems(source, [{ at: at(source, '12'), path: 'rules.warAt', message: 'warAt (12) is above the highest Tension (rules.trackRange.tension: 10)' }]);
  });

  it('reports the errors of the effect a card meant, not a vague union error', () => {
    const source = broken('{ track: polarisation, delta: 1 }', '{ track: polarization, delta: 1 }');
    expectProblems(source, [
      {
        at: at(source, 'polarization'),
        path: 'policies[11].effects[0].track',
        message: 'expected one of tension, polarisation, front, capability, got "polarization"',
      },
    ]);
  });

  it('lists the allowed keys for an effect of no known kind', () => {
    const source = broken('{ track: polarisation, delta: 1 }', '{ trak: polarisation, delta: 1 }');
    expectProblems(source, [
      { at: at(source, '{ trak'), path: 'policies[11].effects[0]', message: 'expected one of the keys track, relation, capital, transfer' },
    ]);
  });

  it('reports the errors of the condition an agenda meant, however deep', () => {
    const source = broken('when: { not: { flag: treaty } }', 'when: { not: { flg: treaty } }');
    expectProblems(source, [
      { at: at(source, '{ flg'), path: 'agendas[4].when.not', message: 'expected one of the keys track, relation, relationAtLeast, forces' },
    ]);
  });
});

describe('relations and blocs', () => {
  it('reports a missing pair', () => {
    const source = broken('  JPN-KOR: 1\n', '');
    expectProblems(source, [{ at: at(source, 'CHN-RUS'), path: 'relations.JPN-KOR', message: 'missing pair JPN-KOR' }]);
  });

  it('reports a pair given twice in either order, and where the first is', () => {
    const source = broken('  JPN-KOR: 1\n', '  JPN-KOR: 1\n  KOR-JPN: 0\n');
    expectProblems(source, [
      { at: at(source, 'KOR-JPN'), path: 'relations.KOR-JPN', message: `the pair JPN-KOR is given twice (first at line ${at(source, 'JPN-KOR').line}` },
    ]);
  });

  it('reports an unknown power in a pair (and the pair it leaves missing)', () => {
    const source = broken('  CHN-RUS: 2', '  CHINA-RUS: 2');
    expectProblems(source, [
      { at: at(source, 'CHINA-RUS'), path: 'relations.CHINA-RUS', message: 'unknown power "CHINA" in "CHINA-RUS"; expected one of CHN, RUS' },
      { at: at(source, 'CHINA-RUS'), path: 'relations.CHN-RUS', message: 'missing pair CHN-RUS' },
    ]);
  });

  it('reports a pair that is not two powers joined by "-" (and the pair it leaves missing)', () => {
    const source = broken('  CHN-RUS: 2', '  CHN-RUS-PRK: 2');
    expectProblems(source, [
      { at: at(source, 'CHN-RUS-PRK'), path: 'relations.CHN-RUS-PRK', message: 'a pair is two powers joined by "-", like "CHN-RUS", got "CHN-RUS-PRK"' },
      { at: at(source, 'CHN-RUS-PRK'), path: 'relations.CHN-RUS', message: 'missing pair CHN-RUS' },
    ]);
  });

  it('reports a relation of a power with itself', () => {
    const source = broken('  JPN-KOR: 1\n', '  JPN-KOR: 1\n  KOR-KOR: 0\n');
    expectProblems(source, [{ at: at(source, 'KOR-KOR'), path: 'relations.KOR-KOR', message: 'a power has no relation with itself ("KOR-KOR")' }]);
  });

  it('reports a power in both blocs and a power in none', () => {
    const source = broken('south: [USA, JPN, KOR]', 'south: [USA, JPN, PRK]');
    expectProblems(source, [
      { at: at(source, 'north'), path: 'blocs', message: 'KOR is in neither bloc' },
      { at: at(source, 'PRK]', 'south: [USA, JPN, PRK]'), path: 'blocs.south[2]', message: 'PRK is already in a bloc' },
    ]);
  });
});

describe('cards and the timeline', () => {
  it('reports a duplicate card id, and where the first is', () => {
    const source = broken('id: chn-buffer', 'id: summit');
    expectProblems(source, [
      { at: at(source, 'summit', '{ id: summit'), path: 'policies[1].id', message: `duplicate id "summit" (first at line ${at(source, 'id: summit').line}: headlines[0].id)` },
    ]);
  });

  it("reports an objective id used twice in one power's objectives, and where the first is", () => {
    const first = '      - { id: chn-calm, label: Tension at 5 or below, points: 1, when: { track: tension, max: 5 } }\n';
    const source = broken(first, `${first}      - { id: chn-calm, label: Tension at 3 or below, points: 1, when: { track: tension, max: 3 } }\n`);
    expectProblems(source, [
      {
        at: at(source, 'chn-calm', '{ id: chn-calm, label: Tension at 3'),
        path: 'powers.CHN.objectives[1].id',
        message: `duplicate objective id "chn-calm" (first at line ${at(source, 'id: chn-calm').line}: powers.CHN.objectives[0].id)`,
      },
    ]);
  });

  it('reports an unknown card in the timeline', () => {
    const source = broken('card: summit }', 'card: sumit }');
    expectProblems(source, [{ at: at(source, 'sumit'), path: 'timeline[0].card', message: 'no headline has the id "sumit"' }]);
  });

  it('reports a round with no headline', () => {
    const source = broken('  - { round: 2, pool: [missile-test, quiet-quarter] }\n', '');
    expectProblems(source, [{ at: at(source, '- { round: 1'), path: 'timeline', message: 'round 2 has no headline' }]);
  });

  it('reports a round beyond the last', () => {
    const source = broken('{ round: 2, pool', '{ round: 3, pool');
    expectProblems(source, [
      { at: at(source, '- { round: 1'), path: 'timeline', message: 'round 2 has no headline' },
      { at: at(source, '3, pool'), path: 'timeline[1].round', message: 'round 3 is after the last round (rounds: 2)' },
    ]);
  });

  it('reports a round given two timeline entries (and the round it leaves without one)', () => {
    const source = broken('{ round: 2, pool', '{ round: 1, pool');
    expectProblems(source, [
      { at: at(source, '- { round: 1, card'), path: 'timeline', message: 'round 2 has no headline' },
      { at: at(source, '1, pool'), path: 'timeline[1].round', message: `round 1 already has a timeline entry (first at line ${at(source, 'round: 1, card').line}: timeline[0].round)` },
    ]);
  });

  it('reports a headline put in the timeline twice', () => {
    const source = broken('pool: [missile-test, quiet-quarter]', 'pool: [missile-test, summit]');
    expectProblems(source, [
      { at: at(source, 'summit]'), path: 'timeline[1].pool[1]', message: `headline "summit" is already in the timeline (first at line ${at(source, 'card: summit').line}: timeline[0].card)` },
    ]);
  });

  it('reports an option id used twice in one decision', () => {
    const source = broken('- { id: step-back, label: Step back }', '- { id: escalate, label: Step back }');
    expectProblems(source, [
      {
        at: at(source, 'escalate', '{ id: escalate, label: Step back'),
        path: 'crises[0].decision.options[1].id',
        message: `duplicate option id "escalate" (first at line ${at(source, 'id: escalate, label: Escalate').line}: crises[0].decision.options[0].id)`,
      },
    ]);
  });

  it('reports a decision outcome naming an option that does not exist', () => {
    const source = broken('allChose: sign }', 'allChose: signed }');
    expectProblems(source, [
      {
        at: at(source, 'signed'),
        path: 'headlines[0].decision.outcomes[0].when.allChose',
        message: 'no option of this decision has the id "signed"; its options are sign, refuse',
      },
    ]);
  });

  it('reports a historical option the decision does not have, and one on a card that asks no decision', () => {
    const source = broken('    question: Why would both have to sign?\n', '    historical: signed\n    question: Why would both have to sign?\n').replace(
      '    question: Who gains from a test?\n',
      '    historical: sign\n    question: Who gains from a test?\n',
    );
    expectProblems(source, [
      { at: at(source, 'signed', 'historical: signed'), path: 'headlines[0].historical', message: 'no option of this decision has the id "signed"; its options are sign, refuse' },
      { at: at(source, 'sign\n    question: Who'), path: 'headlines[1].historical', message: '"missile-test" asks no decision, so it has no historical option' },
    ]);
  });

  it('reports a policy deck smaller than the hand limit', () => {
    const source = broken('  - { id: jpn-patrol, power: JPN, title: Patrol, sources: [C12], text: Patrol the sea., cost: 1, effects: [{ reveal: EAST_SEA }] }\n', '');
    expectProblems(source, [{ at: at(source, '- { id: chn-engage'), path: 'policies', message: 'JPN has 1 policy card, fewer than rules.handLimit (2)' }]);
  });

  it('reports a power with no secret agenda', () => {
    const source = broken('  - { id: kor-deterrence, power: KOR, title: Deterrence, sources: [C13], text: Forces at home., points: 2, when: { forces: KOR, theatres: [DMZ, EAST_SEA], min: 3 } }\n', '');
    expectProblems(source, [{ at: at(source, '- { id: chn-quiet-relief'), path: 'agendas', message: 'KOR has no secret agenda; each power needs at least one' }]);
  });
});

describe('theatres and forces', () => {
  it('reports a theatre id used twice, and where the first is', () => {
    const source = broken('    onlyFor: [RUS, PRK]\n', '    onlyFor: [RUS, PRK]\n  - id: DMZ\n    name: A second DMZ\n');
    expectProblems(source, [
      { at: at(source, 'DMZ', '- id: DMZ\n    name: A second'), path: 'theatres[3].id', message: `duplicate theatre id "DMZ" (first at line ${at(source, 'id: DMZ').line}: theatres[0].id)` },
    ]);
  });

  it('reports a Front theatre that is not one of the theatres', () => {
    const source = broken('frontTheatre: UKRAINE_FRONT', 'frontTheatre: FRONT');
    expectProblems(source, [
      { at: at(source, 'FRONT', 'frontTheatre: FRONT'), path: 'rules.frontTheatre', message: 'unknown theatre "FRONT"; the theatres are DMZ, EAST_SEA, UKRAINE_FRONT' },
    ]);
  });

  it('reports starting forces in a theatre that does not exist', () => {
    const source = broken('  EAST_SEA: { JPN: 1 }', '  EAST_SEAS: { JPN: 1 }');
    expectProblems(source, [{ at: at(source, 'EAST_SEAS'), path: 'forces.EAST_SEAS', message: 'unknown theatre "EAST_SEAS"; the theatres are DMZ, EAST_SEA, UKRAINE_FRONT' }]);
  });

  it('reports starting forces of a power a theatre is closed to (none at all is no problem)', () => {
    const source = broken('UKRAINE_FRONT: { RUS: 2 }', 'UKRAINE_FRONT: { RUS: 2, USA: 1, JPN: 0 }');
    expectProblems(source, [{ at: at(source, 'USA', 'RUS: 2, USA'), path: 'forces.UKRAINE_FRONT.USA', message: 'only RUS, PRK may have forces in UKRAINE_FRONT' }]);
  });

  it('reports a garrison that starts with no force where it must keep one', () => {
    const source = broken('DMZ: { PRK: 3, KOR: 2 }', 'DMZ: { PRK: 3 }');
    expectProblems(source, [
      { at: at(source, 'KOR', 'garrison: [PRK, KOR'), path: 'theatres[0].garrison[1]', message: 'KOR must always keep a force in DMZ, but starts with none there (set forces.DMZ.KOR)' },
    ]);
  });
});

describe('numbers that only make sense together', () => {
  it('reports a short form longer than the game', () => {
    const source = broken('shortRounds: 1', 'shortRounds: 3');
    expectProblems(source, [{ at: at(source, '3', 'shortRounds: 3'), path: 'shortRounds', message: 'the short form (3 rounds) cannot be longer than the game (rounds: 2)' }]);
  });

  it('reports a crisis level at the war level', () => {
    const source = broken('crisisAt: 8', 'crisisAt: 10');
    expectProblems(source, [{ at: at(source, '10', 'crisisAt: 10'), path: 'rules.crisisAt', message: 'crisisAt (10) must be below warAt (10), or war comes before any crisis' }]);
  });

  it('reports a starting Tension at the war level', () => {
    const source = broken('tension: 4', 'tension: 10');
    expectProblems(source, [{ at: at(source, '10', 'tension: 10'), path: 'tracks.tension', message: 'starting tension (10) must be below rules.warAt (10), or the game starts at war' }]);
  });

  it('reports a starting hand over the hand limit', () => {
    const source = broken('startingHand: 2', 'startingHand: 3');
    expectProblems(source, [{ at: at(source, '3', 'startingHand: 3'), path: 'rules.startingHand', message: 'startingHand (3) cannot be more than handLimit (2)' }]);
  });
});

describe('references inside effects and conditions', () => {
  it('reports an unknown theatre in an effect', () => {
    const source = broken('theatre: EAST_SEA, delta: 1 }', 'theatre: EAST_SEAS, delta: 1 }');
    expectProblems(source, [
      { at: at(source, 'EAST_SEAS'), path: 'headlines[1].effects[1].theatre', message: 'unknown theatre "EAST_SEAS"; the theatres are DMZ, EAST_SEA, UKRAINE_FRONT' },
    ]);
  });

  it('reports an unknown theatre in a condition', () => {
    const source = broken('theatres: [DMZ, EAST_SEA], min: 3', 'theatres: [DMZ, EAST_SEAS], min: 3');
    expectProblems(source, [
      { at: at(source, 'EAST_SEAS'), path: 'agendas[5].when.theatres[1]', message: 'unknown theatre "EAST_SEAS"; the theatres are DMZ, EAST_SEA, UKRAINE_FRONT' },
    ]);
  });

  it('refuses a card aimed at its own power', () => {
    const source = broken('target: [CHN, PRK]', 'target: [CHN, USA]');
    expectProblems(source, [{ at: at(source, 'USA]', 'target: [CHN, USA]'), path: 'policies[7].target[1]', message: 'a card of USA cannot be aimed at USA itself' }]);
  });

  it('refuses TARGET in a card that has no target', () => {
    const source = broken('{ relation: [USA, JPN], delta: 1 }', '{ relation: [TARGET, JPN], delta: 1 }');
    expectProblems(source, [
      { at: at(source, 'TARGET'), path: 'policies[6].effects[0].relation[0]', message: 'only a policy card with a "target" list has one' },
    ]);
  });

  it('refuses SELF in a headline effect', () => {
    const source = broken('- { track: tension, delta: 1 }', '- { vp: SELF, delta: 1 }');
    expectProblems(source, [
      { at: at(source, 'SELF, delta'), path: 'headlines[1].effects[0].vp', message: "there is none in a headline's own effects" },
    ]);
  });

  it('reports a flag that is tested but never set', () => {
    const source = broken('requires: { flag: treaty }', 'requires: { flag: treaty-signed }');
    expectProblems(source, [
      { at: at(source, 'treaty-signed'), path: 'policies[2].requires.flag', message: 'flag "treaty-signed" is tested here but no setFlag effect ever raises it' },
      { at: at(source, 'treaty-signed'), path: 'policies[2].requires.flag', message: 'flag "treaty-signed" has no label' },
    ]);
  });
  it("checks a crisis card's requires like any condition: a flag never raised, SELF where no power plays", () => {
    const source = broken('    facts: Two ships collide.\n', '    facts: Two ships collide.\n    requires: { all: [{ not: { flag: treaty-signed } }, { relation: [SELF, USA], min: 0 }] }\n');
    expectProblems(source, [
      { at: at(source, 'treaty-signed'), path: 'crises[0].requires.all[0].not.flag', message: 'flag "treaty-signed" is tested here but no setFlag effect ever raises it' },
      { at: at(source, 'treaty-signed'), path: 'crises[0].requires.all[0].not.flag', message: 'flag "treaty-signed" has no label' },
      { at: at(source, 'SELF, USA'), path: 'crises[0].requires.all[1].relation[0]', message: "there is none in a crisis card's requirement, which no power plays" },
    ]);
  });

  it('refuses a crisis slip on an option no crisis card has', () => {
    const source = broken('    culpritPenalty: 6\n', '    culpritPenalty: 6\n  crisisEvents: { from: 5, chance: 0.5, slip: { option: back-down, chance: 0.25, tension: 1 } }\n');
    expectProblems(source, [{ at: at(source, 'back-down'), path: 'rules.crisisEvents.slip.option', message: 'no crisis card has an option "back-down", so a crisis could never slip' }]);
  });

  it('accepts a crisis card whose requires names a flag the scenario raises', () => {
    expect(parseScenario(broken('    facts: Two ships collide.\n', '    facts: Two ships collide.\n    requires: { not: { flag: treaty } }\n'), 'ok.yaml').ok).toBe(true);
  });
});

describe('flag labels', () => {
  const FLAGS = 'flags:\n  treaty: the Russia–North Korea treaty\n';
  const message = 'flag "treaty" has no label; add one under flags, like "treaty: <what players read>", so the screen never shows its id';

  it('reports every place a flag with no label is raised or tested', () => {
    const source = broken(FLAGS, '');
    expectProblems(source, [
      { at: at(source, 'treaty', '{ setFlag: treaty }'), path: 'headlines[0].decision.outcomes[0].effects[0].setFlag', message },
      { at: at(source, 'treaty', 'requires: { flag: treaty }'), path: 'policies[2].requires.flag', message },
      { at: at(source, 'treaty', 'when: { not: { flag: treaty } }'), path: 'agendas[4].when.not.flag', message },
    ]);
  });

  it('reports a lowered flag with no label', () => {
    const source = broken('            - { setFlag: treaty }\n', '            - { setFlag: treaty }\n            - { clearFlag: summit-held }\n');
    expectProblems(source, [
      {
        at: at(source, 'summit-held'),
        path: 'headlines[0].decision.outcomes[0].effects[1].clearFlag',
        message: 'flag "summit-held" has no label',
      },
    ]);
  });

  it('refuses a label under a key that is not an id, and an empty label', () => {
    const empty = broken(FLAGS, 'flags:\n  treaty: ""\n');
    expectProblems(empty, [{ at: at(empty, '""'), path: 'flags.treaty', message: 'must not be empty' }]);
    const source = broken(FLAGS, 'flags:\n  treaty: the treaty\n  Summit: a summit\n');
    expectProblems(source, [{ at: at(source, 'Summit', '  Summit: a summit'), path: 'flags.Summit', message: 'ids use lower-case letters, digits and dashes' }]);
  });

  it('still loads a copy an exercise stored before flags had labels', () => {
    const source = broken(FLAGS, '');
    const result = parseScenario(source, 'stored.yaml', { stored: true });
    expect(result.ok).toBe(true);
  });
});

describe('files and output', () => {
  it('reports a missing file as a problem at 1:1', () => {
    const result = loadScenarioFile('no/such/scenario.yaml');
    expect(result).toEqual({ ok: false, problems: [{ file: 'no/such/scenario.yaml', line: 1, col: 1, path: '', message: 'no such file' }] });
  });

  it('formats a problem as FILE:LINE:COL path: message', () => {
    expect(formatProblem({ file: 'a.yaml', line: 3, col: 5, path: 'rounds', message: 'required' })).toBe('a.yaml:3:5 rounds: required');
    expect(formatProblem({ file: 'a.yaml', line: 1, col: 1, path: '', message: 'no such file' })).toBe('a.yaml:1:1 no such file');
  });

  it('keeps scenarios/schema.json in step with the zod schema', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/writeSchema.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('npm run validate', () => {
  const validate = (...files: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/validate.ts', ...files], { cwd: ROOT, encoding: 'utf8' });

  it('prints a one-line summary and exits 0 for a good file', () => {
    const run = validate('tests/fixtures/scenarios/minimal.yaml');
    expect(run.stdout).toBe('tests/fixtures/scenarios/minimal.yaml: ok — "Minimal", 2 rounds, 3 headlines, 12 policy cards, 1 crisis, 6 agendas\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('prints FILE:LINE:COL for every problem and exits 1 for a bad file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'triangles-')), 'bad.yaml');
    const source = broken('{ round: 2, pool', '{ round: 3, pool');
    writeFileSync(file, source);
    const run = validate(file);
    const round = at(source, '3, pool');
    expect(run.stderr.trim().split('\n')).toEqual([
      `${file}:${at(source, '- { round: 1').line}:3 timeline: round 2 has no headline`,
      `${file}:${round.line}:${round.col} timeline[1].round: round 3 is after the last round (rounds: 2)`,
    ]);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(1);
  });

  it('exits 2 with a usage message when given no file', () => {
    const run = validate();
    expect(run.stderr).toMatch(/^usage: npm run validate -- FILE/);
    expect(run.status).toBe(2);
  });
});
