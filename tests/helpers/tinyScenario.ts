/**
 * A small scenario built in code for rules tests: every number is easy to follow by
 * hand, and a test can override any part of it.
 */
import { scenarioSchema, type Scenario, type ScenarioInput } from '../../src/scenario/schema.js';
import { POWERS, type PowerId } from '../../src/game/powers.js';

const objective = { id: 'calm', label: 'Tension at 5 or below', points: 1, when: { track: 'tension' as const, max: 5 } };

function filler(power: PowerId, n: number) {
  return { id: `${power.toLowerCase()}-filler-${n}`, power, title: `Filler ${n}`, sources: ['C1'], text: 'Nothing much.', cost: 0, effects: [{ vp: 'SELF' as const, delta: 0 }] };
}

export function tinyScenarioInput(): ScenarioInput {
  return {
    format: 1,
    id: 'tiny',
    title: 'Tiny',
    summary: 'A scenario for tests.',
    rounds: 3,
    startDate: '2024-01',
    blocs: { north: ['CHN', 'RUS', 'PRK'], south: ['USA', 'JPN', 'KOR'] },
    powers: Object.fromEntries(
      POWERS.map((p) => [p, { capital: 5, income: 2, reserve: 2, interests: 'Its interests.', objectives: [objective] }]),
    ) as ScenarioInput['powers'],
    relations: {
      'CHN-RUS': 2, 'CHN-PRK': 1, 'CHN-USA': -1, 'CHN-JPN': -1, 'CHN-KOR': 0,
      'RUS-PRK': 1, 'RUS-USA': -3, 'RUS-JPN': -2, 'RUS-KOR': -1,
      'PRK-USA': -3, 'PRK-JPN': -3, 'PRK-KOR': -3,
      'USA-JPN': 3, 'USA-KOR': 2, 'JPN-KOR': 1,
    },
    tracks: { tension: 4, polarisation: 5, front: 0, capability: 4 },
    theatres: [
      { id: 'DMZ', name: 'Korean DMZ', garrison: ['PRK', 'KOR'], homeOf: ['KOR'] },
      { id: 'EAST_SEA', name: 'Sea of Japan', altName: 'East Sea', homeOf: ['JPN'] },
      { id: 'FRONT', name: 'Ukraine Front', offMap: true, onlyFor: ['RUS', 'PRK'] },
    ],
    forces: { DMZ: { PRK: 1, KOR: 1, USA: 1 }, EAST_SEA: { JPN: 1 }, FRONT: { RUS: 2 } },
    rules: {
      ordersPerRound: 3,
      handLimit: 4,
      startingHand: 4,
      drawPerRound: 1,
      costs: { pressure: 1, deploy: 1, buildForce: 3, buildCapability: 2 },
      holdGain: 1,
      aidRelationThreshold: 2,
      ukraineAidPerFront: 2,
      frontTheatre: 'FRONT',
      frontResistance: 2,
      polarisation: { crossEngage: -1, crossPressure: 1, blocSummit: 1 },
      hostileRelation: -2,
      crisisAt: 8,
      warAt: 10,
      calmEasing: 1,
      war: { penalty: { CHN: 5, RUS: 5, PRK: 8, USA: 5, JPN: 5, KOR: 5 }, culpritPenalty: 5 },
    },
    timeline: [
      { round: 1, card: 'quiet' },
      { round: 2, card: 'treaty' },
      { round: 3, pool: ['quiet-2', 'quiet-3'] },
    ],
    headlines: [
      { id: 'quiet', title: 'Quiet', date: '2024-01', sources: ['E1'], facts: 'Nothing happens.', question: 'Why?', history: 'Nothing.' },
      { id: 'quiet-2', title: 'Quiet 2', date: '2025-01', hypothetical: true, sources: ['E2'], facts: 'Still nothing.', question: 'Why?', history: 'Hypothetical.' },
      { id: 'quiet-3', title: 'Quiet 3', date: '2025-01', hypothetical: true, sources: ['E3'], facts: 'Nothing again.', question: 'Why?', history: 'Hypothetical.' },
      {
        id: 'treaty',
        title: 'Treaty',
        date: '2024-06',
        sources: ['E4'],
        facts: 'A treaty is offered.',
        question: 'Sign?',
        history: 'They signed.',
        decision: {
          powers: ['RUS', 'PRK'],
          prompt: 'Sign the treaty?',
          options: [
            { id: 'sign', label: 'Sign', effects: [{ vp: 'SELF', delta: 1 }] },
            { id: 'refuse', label: 'Refuse' },
          ],
          outcomes: [{ when: { allChose: 'sign' }, text: 'The treaty holds.', effects: [{ setFlag: 'treaty' }, { relation: ['RUS', 'PRK'], delta: 1 }] }],
        },
      },
    ],
    policies: POWERS.flatMap((p) => [filler(p, 1), filler(p, 2), filler(p, 3), filler(p, 4)]),
    crises: [
      {
        id: 'collision',
        title: 'Collision at sea',
        sources: ['C7'],
        facts: 'Two ships collide.',
        question: 'Escalate?',
        decision: {
          powers: ['CHN', 'USA'],
          prompt: 'Escalate or calm down?',
          options: [
            { id: 'escalate', label: 'Escalate', effects: [{ track: 'tension', delta: 1 }] },
            { id: 'calm', label: 'Calm down' },
          ],
          outcomes: [{ when: { allChose: 'calm' }, text: 'Calm returns.', effects: [{ track: 'tension', delta: -2 }] }],
        },
      },
    ],
    agendas: POWERS.map((p) => ({ id: `${p.toLowerCase()}-agenda`, power: p, title: 'Agenda', sources: ['C9'], text: 'Have Capital.', points: 2, when: { capital: 'SELF', min: 1 } })),
    flags: { treaty: 'the Russia–North Korea treaty' },
  };
}

/** Parse (applying defaults) and freeze, as the loader would. */
export function tinyScenario(edit?: (input: ScenarioInput) => void): Scenario {
  const input = tinyScenarioInput();
  edit?.(input);
  return scenarioSchema.parse(input);
}
