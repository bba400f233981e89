/**
 * Control's own scenario and the debrief's exports, on a real server over loopback
 * (SQLite): a scenario with errors is refused with line numbers; a valid one (the
 * shipped file under another id and title) runs an exercise that Control adjudicates,
 * survives a restart of the server on the same data, and ends; the JSON and CSV
 * debriefs then say what the stored match's history says.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { awaiting } from '../../src/game/actions.js';
import { CONTROL_SEAT } from '../../src/game/powers.js';
import type { ControlView, GameState } from '../../src/game/types.js';
import type { Debrief } from '../../src/server/exercise/debrief.js';
import type { RunningServer } from '../../src/server/server.js';
import { exerciseDevice } from '../helpers/exerciseDevice.js';
import { until } from '../helpers/until.js';
import { api, startTestServer, tempDir, OPEN_LIMITS } from '../helpers/server.js';
import { parseCsv } from '../helpers/csv.js';

const SHIPPED = readFileSync('scenarios/2024-northern-triangle.yaml', 'utf8');
const VARIANT = SHIPPED.replace(/^id: .*$/m, 'id: class-variant').replace(/^title: .*$/m, 'title: "Our class variant"');
const REASON = 'The class ruled that the summit failed';

/** The 1-based line of the first line of `text` that matches. */
const lineOf = (text: string, pattern: RegExp) => text.split('\n').findIndex((line) => pattern.test(line)) + 1;

/** Control's device: a raw socket on seat "6" that keeps the latest state it was sent and sends Control's commands. */
function controlDevice(url: string, code: string, controlToken: string) {
  const device = exerciseDevice<ControlView>(url, code, CONTROL_SEAT, controlToken);
  return { ...device, command: (command: object) => device.move('control', [command]) };
}

describe('custom scenarios and the debrief', () => {
  const data = tempDir();
  let server: RunningServer | null = null;
  afterAll(async () => {
    await server?.close();
    data.remove();
  });

  it('refuses a scenario with errors, naming each line, before and at creation', async () => {
    server = await startTestServer({ dataDir: data.dir, limits: OPEN_LIMITS });
    const broken = SHIPPED.replace(/^id: .*$/m, 'id: Not An Id').replace(/^rounds: .*$/m, 'rounds: 99');
    const checked = await api(server.url, 'POST', '/api/scenarios/check', { yaml: broken });
    expect(checked.status).toBe(200);
    expect(checked.body.ok).toBe(false);
    expect(checked.body.problems).toEqual([
      { line: lineOf(broken, /^id:/), col: 5, path: 'id', message: expect.stringMatching(/lower-case/) },
      { line: lineOf(broken, /^rounds:/), col: 9, path: 'rounds', message: expect.any(String) },
    ]);

    const created = await api(server.url, 'POST', '/api/exercises', { teamSize: 1, scenarioYaml: broken });
    expect(created.status).toBe(400);
    expect(created.body.problems).toEqual(checked.body.problems);
    expect(created.body.error).toContain(`scenario.yaml:${lineOf(broken, /^id:/)}:5 id: `);

    const syntax = await api(server.url, 'POST', '/api/scenarios/check', { yaml: 'format: 1\nid: [unclosed\n' });
    expect(syntax.body.problems[0]).toMatchObject({ line: expect.any(Number), col: expect.any(Number) });
    expect((await api(server.url, 'POST', '/api/scenarios/check', { yaml: VARIANT })).body).toEqual({ ok: true, problems: [] });
    expect((await api(server.url, 'POST', '/api/exercises', { teamSize: 1, scenarioYaml: VARIANT, scenario: 'x' })).body.error).toMatch(/not both/);
    expect((await api(server.url, 'POST', '/api/exercises', { teamSize: 1, scenarioYaml: 'x'.repeat(200_001) })).body.error).toMatch(/^scenarioYaml: .*200000/);
  });

  it('runs an exercise of a valid custom scenario across a restart, and its debrief matches the stored match', async () => {
    server ??= await startTestServer({ dataDir: data.dir, limits: OPEN_LIMITS });
    const created = await api(server.url, 'POST', '/api/exercises', { teamSize: 1, teams: ['CHN'], rounds: 2, seed: 'debrief-seed', scenarioYaml: VARIANT });
    expect(created.status).toBe(201);
    const { code, controlToken } = created.body;
    const exercise = (await api(server.url, 'GET', `/api/exercises/${code}`)).body;
    expect(exercise.scenario).toMatch(/^class-variant@/);
    // An exercise's own scenario is not offered to anyone else.
    expect((await api(server.url, 'GET', '/api/scenarios')).body.map((s: { id: string }) => s.id)).toEqual(['2024-northern-triangle']);
    expect((await api(server.url, 'POST', '/api/matches', { scenario: exercise.scenario })).status).toBe(400);

    // One student on CHN keeps the match waiting for CHN; the other five powers are bots.
    expect((await api(server.url, 'POST', `/api/exercises/${code}/join`, { name: 'Ann' })).body.power).toBe('CHN');
    expect((await api(server.url, 'POST', `/api/exercises/${code}/start`, { controlToken })).status).toBe(200);
    let control = controlDevice(server.url, code, controlToken);
    await until('round 1, waiting for CHN', () => {
      const G = control.state()?.G;
      return G?.round === 1 && awaiting(G).includes('CHN');
    });
    const before = control.state()!.G.tracks.tension;
    const value = before === 0 ? 1 : 0;
    control.command({ kind: 'adjudicate', track: 'tension', value, reason: REASON });
    await until('the adjudication', () => control.state()?.G.tracks.tension === value);

    const debrief = (query = '', token = controlToken) => api(server!.url, 'GET', `/api/exercises/${code}/debrief.json${query}`, undefined, token ? { authorization: `Bearer ${token}` } : {});
    expect((await debrief('', '')).status).toBe(403);
    expect((await debrief('', 'wrong')).status).toBe(403);
    expect((await debrief()).status).toBe(409);
    const partial = await debrief('?partial=1');
    expect(partial.status).toBe(200);
    expect(partial.body.result).toBeNull();
    // Round 1 is still being played: nothing of it is told yet.
    expect(partial.body.timeline).toEqual([]);

    // Restart on the same data: the scenario comes back from the exercise's record.
    control.socket.close();
    await server.close();
    server = await startTestServer({ dataDir: data.dir, limits: OPEN_LIMITS });
    control = controlDevice(server.url, code, controlToken);
    // Control acts for CHN whenever it is due (advance); the bots play the rest.
    let advancedAt = -1;
    await until(
      'the end of the exercise',
      () => {
        const state = control.state();
        if (state && state.ctx.gameover === undefined && state._stateID !== advancedAt && awaiting(state.G).includes('CHN')) {
          advancedAt = state._stateID;
          control.command({ kind: 'advance' });
        }
        return state?.ctx.gameover !== undefined;
      },
      60_000,
    );
    control.socket.close();

    const { state } = await server.store.fetch(code, { state: true });
    const G = state!.G as GameState;
    const json = await debrief();
    expect(json.status).toBe(200);
    const report = json.body as Debrief;
    expect(report.over).toBe(true);
    expect(report.scenario).toEqual({ id: exercise.scenario, title: 'Our class variant' });
    // Parallel groups are told by a fingerprint of the seed, never the seed itself.
    expect(report.parallel).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(report)).not.toContain('debrief-seed');
    expect(report.timeline.map((r) => r.round)).toEqual(G.history.map((r) => r.round));
    expect(report.timeline).toHaveLength(2);
    expect(report.timeline[0]!.headline.history).toEqual(expect.any(String));
    expect(report.timeline[0]!.adjudications).toEqual([{ what: 'tension', from: before, to: value, reason: REASON }]);
    expect(report.timeline.map((r) => r.orders)).toEqual(G.history.map((r) => r.orders));
    expect(report.timeline.map((r) => r.tracks)).toEqual(G.history.map((r) => r.tracks));
    expect(report.result!.ranking).toEqual(G.result!.ranking);
    expect(report.result!.agendas.CHN.agenda).toBe(G.result!.agendas.CHN.agenda);
    expect(report.participation.find((p) => p.power === 'CHN')).toEqual({ power: 'CHN', members: 1, ordersSubmitted: 2, chatMessages: 0 });

    const csv = await fetch(`${server.url}/api/exercises/${code}/debrief.csv`, { headers: { authorization: `Bearer ${controlToken}` } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const [headers, ...rows] = parseCsv(await csv.text());
    expect(rows).toHaveLength(G.history.length * 6);
    const column = (name: string) => headers!.indexOf(name);
    const chnRound1 = rows.find((r) => r[column('round')] === '1' && r[column('power')] === 'CHN')!;
    expect(chnRound1[column('adjudications')]).toBe(`tension ${before}->${value}: ${REASON}`);
    expect(Number(chnRound1[column('tension')])).toBe(G.history[0]!.tracks.tension);
    expect(Number(chnRound1[column('final_vp')])).toBe(G.result!.ranking.find((r) => r.power === 'CHN')!.vp);
  });
});
