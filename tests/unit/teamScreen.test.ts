/**
 * The view models of a student's pages in a classroom exercise: which teams one may
 * join, where a member is now, the team's roster, the clock in words, and the role
 * brief, whose secret agenda comes only from the seat's own view.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/game/catalog.js';
import { POWERS, type PowerId } from '../../src/game/powers.js';
import { setupState } from '../../src/game/setup.js';
import { controlView, playerView } from '../../src/game/view.js';
import { briefModel } from '../../src/view/briefModel.js';
import { clockModel, joinChoices, memberPower, rosterModel, type ExerciseTeams } from '../../src/view/teamModel.js';
import { realScenario } from '../helpers/scenarios.js';

/** An exercise of two teams of three (China with two members, the United States full) and bots for the rest. */
function exercise(): ExerciseTeams {
  const team = (power: PowerId, names: string[]) => ({
    power,
    bot: false,
    count: names.length,
    members: names.map((name, i) => ({ id: `${power}-${i}`, name, captain: i === 0 })),
  });
  return {
    teamSize: 3,
    teams: POWERS.map((power) => (power === 'CHN' ? team('CHN', ['Ana', 'Ben']) : power === 'USA' ? team('USA', ['Cy', 'Di', 'Ed']) : { power, bot: true, count: 0, members: [] })),
  };
}

describe('joining', () => {
  it('offers the teams of people, not the bots, each with the room it has left', () => {
    expect(joinChoices(exercise())).toEqual([
      { power: 'CHN', name: 'China', detail: '2 of 3 members', full: false },
      { power: 'USA', name: 'United States', detail: 'Full', full: true },
    ]);
  });

  it('finds the team a member is on now, and none for a member nobody lists', () => {
    expect(memberPower(exercise(), 'USA-2')).toBe('USA');
    expect(memberPower(exercise(), 'CHN-0')).toBe('CHN');
    expect(memberPower(exercise(), 'gone')).toBeNull();
  });
});

describe("a team's roster", () => {
  it('marks the captain and the reader', () => {
    const roster = rosterModel(exercise(), 'CHN', 'CHN-1');
    expect(roster.powerName).toBe('China');
    expect(roster.members).toEqual([
      { id: 'CHN-0', name: 'Ana', captain: true, you: false },
      { id: 'CHN-1', name: 'Ben', captain: false, you: true },
    ]);
    expect(roster.captain).toBe('Ana');
    expect(roster.youCaptain).toBe(false);
    expect(rosterModel(exercise(), 'CHN', 'CHN-0').youCaptain).toBe(true);
  });
});

describe('the clock', () => {
  const now = 1_000_000;

  it('says there is no timer until Control sets one', () => {
    expect(clockModel(undefined, now)).toEqual({ state: 'none', text: 'No timer: your teacher moves the exercise on.', leftMs: null });
    expect(clockModel({ paused: false, deadline: null, left: null }, now).state).toBe('none');
  });

  it('counts down in minutes and seconds, rounding a part second up', () => {
    expect(clockModel({ paused: false, deadline: now + 125_400, left: null }, now)).toEqual({ state: 'running', text: '2:06 left', leftMs: 125_400 });
    expect(clockModel({ paused: false, deadline: now + 9_000, left: null }, now).text).toBe('0:09 left');
  });

  it('says when time is up, and never counts below zero', () => {
    expect(clockModel({ paused: false, deadline: now - 5_000, left: null }, now)).toEqual({ state: 'up', text: 'Time is up: the draft is being locked in.', leftMs: 0 });
  });

  it('says who paused it and what is left', () => {
    expect(clockModel({ paused: true, deadline: null, left: 61_000 }, now)).toEqual({ state: 'paused', text: 'Paused by your teacher, 1:01 left', leftMs: 61_000 });
    expect(clockModel({ paused: true, deadline: null, left: null }, now).text).toBe('Paused by your teacher');
  });
});

describe('the role brief', () => {
  const sc = realScenario();
  const G = setupState(sc, { seed: 'brief' });

  it("draws the power's interests, side, objectives and start from the scenario", () => {
    const brief = briefModel(sc, 'CHN', null);
    expect(brief.title).toBe('Role brief: China');
    expect(brief.interests).toBe(sc.powers.CHN.interests);
    expect(brief.bloc).toBe('You stand with Russia and North Korea.');
    expect(brief.objectives.map((o) => o.label)).toEqual(sc.powers.CHN.objectives.map((o) => o.label));
    expect(brief.objectives[0]!.points).toBe('1 point');
    expect(brief.start).toEqual([`Capital: ${sc.powers.CHN.capital}`, `Income: ${sc.powers.CHN.income} a round`, `Forces in reserve: ${sc.powers.CHN.reserve}`]);
    // Every other power once, with the relation the scenario starts it at (written in either order there).
    expect(brief.relations.map((r) => r.power)).toEqual(['RUS', 'PRK', 'USA', 'JPN', 'KOR']);
    const written = sc.relations['CHN-RUS'] ?? sc.relations['RUS-CHN'];
    expect(brief.relations[0]).toEqual({ power: 'RUS', value: written, text: expect.stringMatching(/^Russia: \+?-?\d \(\w+\)$/) });
    expect(brief.people.map((p) => p.name)).toContain('Xi Jinping');
    expect(brief.people).toEqual(sc.powers.CHN.people);
  });

  it('has no key people when the scenario names none', () => {
    const withoutPeople = { ...sc, powers: { ...sc.powers, JPN: { ...sc.powers.JPN, people: undefined } } };
    expect(briefModel(withoutPeople, 'JPN', null).people).toEqual([]);
  });

  it("describes North Korea's money objective by its rate", () => {
    expect(briefModel(sc, 'PRK', null).objectives[0]!.points).toBe('1 point for each 2 Capital, at most 2 points a round');
  });

  it("shows the secret agenda from the seat's own view only", () => {
    const own = briefModel(sc, 'CHN', playerView(G, 'CHN'));
    const agenda = catalog(sc).agenda(G.seats.CHN.agenda);
    expect(own.agenda).toEqual({ title: agenda.title, text: agenda.text, points: `${agenda.points} points at the end of the game if met` });
    // Another seat's view, or a spectator's, holds no China agenda to show.
    expect(briefModel(sc, 'CHN', playerView(G, 'USA')).agenda).toBeNull();
    expect(briefModel(sc, 'CHN', playerView(G, null)).agenda).toBeNull();
    expect(briefModel(sc, 'CHN', null).agenda).toBeNull();
    // Control sees every agenda: the brief it would draw has China's.
    expect(briefModel(sc, 'CHN', controlView(G)).agenda?.title).toBe(agenda.title);
  });
});
