/**
 * Control's page, `/?control=CODE`: the create-exercise form (`/?control=new`), then
 * the setup room until the start (polled every two seconds), then the console. The
 * control token is kept in this browser; without it, or with one the server does not
 * accept, the page says how to get here.
 */
import { CONTROL_SEAT, POWERS, type PowerId } from '../../../game/powers.js';
import type { Scenario } from '../../../scenario/schema.js';
import { CLASSROOM_PROBLEM } from '../../../view/text/en-classroom.js';
import { NO_TOKEN, SETUP, WRONG_TOKEN } from '../../../view/text/en-control.js';
import { exerciseApi, type PublicExercise } from '../../net/exerciseApi.js';
import { LobbyProblem, lobbyApi } from '../../net/lobbyApi.js';
import { lobbyHeader } from '../../ui/lobby/lobbyDom.js';
import { el } from '../../ui/screenDom.js';
import { classroomLink, type ClassroomContext } from '../route.js';
import { forgetControlToken, NEW_EXERCISE, privateControlLink, readControlToken, takeTokenFromAddress, writeControlToken } from '../controlToken.js';
import { renderCreateForm } from './createForm.js';
import { renderSetupRoom } from './setupRoom.js';
import '../../ui/lobby/lobby.css';
import './control.css';

const POLL_MS = 2000;

export async function openControl(context: ClassroomContext): Promise<void> {
  const { storage, code } = context;
  if (code === NEW_EXERCISE) return openCreateForm(context);
  takeTokenFromAddress(storage, code);
  const token = readControlToken(storage, code);
  // The private link pasted into this very tab changes only the fragment: the page is not loaded again.
  const awaitLink = () => window.addEventListener('hashchange', () => void openControl(context), { once: true });
  if (!token) {
    awaitLink();
    return notice(context, NO_TOKEN.title(code), NO_TOKEN.body, 'control-no-token');
  }
  let exercise: PublicExercise;
  let scenario: Scenario;
  let opens: boolean;
  try {
    exercise = await exerciseApi.get(code);
    opens = await exerciseApi.opensControl(code, token);
    scenario = context.host.scenarios.get(exercise.scenario) ?? (await exerciseApi.scenario(code));
  } catch (problem) {
    if (problem instanceof LobbyProblem && problem.status === 404) return notice(context, CLASSROOM_PROBLEM.notFound(code), '', 'control-not-found');
    throw problem;
  }
  // A refused token is said here: the match's socket would leave the console "connecting" for ever.
  if (!opens) {
    // Proven wrong, it is no use kept: the right one comes with the private link.
    forgetControlToken(storage, code);
    awaitLink();
    return notice(context, WRONG_TOKEN.title(code), CLASSROOM_PROBLEM.wrongControlKey(code), 'control-wrong-token');
  }
  if (exercise.started) return openConsole(context, token, scenario, exercise);
  setupRoom(context, token, scenario);
}

async function openCreateForm(context: ClassroomContext): Promise<void> {
  const scenarios = await lobbyApi.scenarios().catch((problem: Error) => ({ problem: problem.message }));
  renderCreateForm(context.root, {
    scenarios,
    checkScenario: exerciseApi.checkScenario,
    onCreate: async (request) => {
      const created = await exerciseApi.create(request);
      writeControlToken(context.storage, created.code, created.controlToken);
      window.location.assign(classroomLink('control', created.code));
    },
    onBack: context.onHome,
  });
}

function setupRoom(context: ClassroomContext, token: string, scenario: Scenario): void {
  const { code } = context;
  let poll: ReturnType<typeof setInterval> | null = null;
  const stop = () => {
    if (poll) clearInterval(poll);
    poll = null;
  };
  const room = renderSetupRoom(context.root, {
    code,
    scenarioTitle: scenario.title,
    studentLink: classroomLink('exercise', code),
    projectorLink: classroomLink('projector', code),
    privateLink: privateControlLink(code, token),
    onMove: async (member, power) => room.show(await exerciseApi.move(code, token, member, power)),
    onStart: async () => {
      const started = await exerciseApi.start(code, token);
      stop();
      await openConsole(context, token, scenario, started);
    },
    onDelete: async () => {
      await exerciseApi.remove(code, token);
      stop();
      forgetControlToken(context.storage, code);
      notice(context, SETUP.removed(code), '', 'control-deleted');
    },
    onHome: () => {
      stop();
      context.onHome();
    },
  });
  const look = () =>
    exerciseApi.get(code).then(
      (exercise) => {
        if (!poll) return;
        // Started from another device: go on to the console here too.
        if (exercise.started) {
          stop();
          return openConsole(context, token, scenario, exercise);
        }
        room.show(exercise);
      },
      (problem: Error) => room.problem(problem.message),
    );
  poll = setInterval(() => void look(), POLL_MS);
  void look();
}

async function openConsole(context: ClassroomContext, token: string, scenario: Scenario, exercise: PublicExercise): Promise<void> {
  // The socket client is loaded only for the console.
  const [{ ControlMatch }, { ControlConsole }, { openChat }] = await Promise.all([
    import('../../net/controlMatch.js'),
    import('./console.js'),
    import('../../ui/game/chatPanel.js'),
  ]);
  const match = new ControlMatch(scenario, context.host, context.code, token, window.location.origin);
  // Control reads every conversation on the match's own socket, writes public statements and mutes.
  const chat = match.socket ? openChat(match.socket, context.code, { playerID: CONTROL_SEAT, credentials: token }, exercise.chat).panel : null;
  const teams: Partial<Record<PowerId, string[] | null>> = {};
  for (const power of POWERS) {
    const team = exercise.teams.find((t) => t.power === power);
    teams[power] = !team || team.bot || team.count === 0 ? null : team.members.map((m) => m.name);
  }
  new ControlConsole(context.root, {
    match,
    code: context.code,
    teams,
    chat: chat?.element ?? null,
    projectorLink: classroomLink('projector', context.code),
    debriefLink: classroomLink('debrief', context.code),
  });
}

/** A page that only says something, with the way back to the start screen. */
function notice(context: ClassroomContext, title: string, body: string, testid: string): void {
  context.root.replaceChildren(
    el(
      'main',
      { class: 'screen lobby-screen control-screen', 'data-testid': testid },
      lobbyHeader(title, { label: NO_TOKEN.home, onBack: context.onHome }),
      body ? el('p', { class: 'pitch' }, body) : null,
    ),
  );
  context.root.ownerDocument.title = `${title} — Triangles`;
  context.root.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
}
