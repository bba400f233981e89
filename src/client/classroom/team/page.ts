/**
 * A student's page in a classroom exercise (`/?exercise=CODE`): join a team, wait with
 * it for Control's start while reading the role brief, then play the team's seat with
 * the team's shared draft, the clock and the team chat, until the end screen.
 *
 * The member's token is kept in this browser (membership.ts), so a reload comes back
 * to the same team. The exercise is polled: when Control moves the member to another
 * team, the server closes the old seat's sockets and this page connects as the new seat.
 */
import { POWERS, seatOfPower, type PowerId } from '../../../game/powers.js';
import type { Scenario } from '../../../scenario/schema.js';
import { briefModel } from '../../../view/briefModel.js';
import { clockModel, memberPower, rosterModel } from '../../../view/teamModel.js';
import { POWER_NAME } from '../../../view/text/en.js';
import { TEAM_JOIN, TEAM_ROOM } from '../../../view/text/en-team.js';
import { exerciseApi, type PublicExercise } from '../../net/exerciseApi.js';
import { LobbyProblem } from '../../net/lobbyApi.js';
import { serverClock } from '../../net/serverClock.js';
import { lastName, rememberName } from '../../net/onlineSeats.js';
import { RemoteMatch } from '../../net/remoteMatch.js';
import { exposeTestHook } from '../../testHook.js';
import type { GameScreen } from '../../ui/contracts.js';
import { renderEndScreen } from '../../ui/endScreen.js';
import { openChat, type ChatPanel } from '../../ui/game/chatPanel.js';
import { renderGameScreen } from '../../ui/gameScreen.js';
import { OnlineStatus } from '../../ui/lobby/onlineStatus.js';
import { renderRulesPage } from '../../ui/rulesPage.js';
import type { ClassroomContext } from '../route.js';
import { readMembership, writeMembership, type Membership } from './membership.js';
import { renderExerciseProblem, renderJoinForm, type JoinForm } from './joinForm.js';
import { openBriefDialog } from './roleBrief.js';
import { TeamPanel } from './teamPanel.js';
import { renderTeamRoom, type TeamRoom } from './teamRoom.js';

const POLL_MS = 2000;
/** An exercise match has a seventh seat, Control's. */
const EXERCISE_SEATS = POWERS.length + 1;

export async function openExercise(page: ClassroomContext): Promise<void> {
  let opened: { exercise: PublicExercise; scenario: Scenario };
  try {
    const exercise = await exerciseApi.get(page.code);
    opened = { exercise, scenario: page.host.scenarios.get(exercise.scenario) ?? (await exerciseApi.scenario(page.code)) };
  } catch (problem) {
    // A wrong code or an unreachable server is said in words, with the code to type again; anything else is a bug.
    if (!(problem instanceof LobbyProblem)) throw problem;
    return renderExerciseProblem(page.root, page.code, problem.message, page.onHome);
  }
  new TeamPage(page, opened.scenario, opened.exercise).open();
}

/** What is on screen: the join form, the team's waiting room, the game or its end. */
type Shown = { kind: 'join'; form: JoinForm } | { kind: 'room'; room: TeamRoom } | { kind: 'game'; screen: GameScreen } | { kind: 'end' } | { kind: 'none' };

/** This device's connection to its team's seat. */
interface Seat {
  membership: Membership;
  match: RemoteMatch;
  chat: { panel: ChatPanel; stop(): void } | null;
  status: OnlineStatus;
  panel: TeamPanel;
}

class TeamPage {
  private shown: Shown = { kind: 'none' };
  private seat: Seat | null = null;
  /** Told in the waiting room or over the game (Control moved the student), while the student is on that team. */
  private notice: string | null = null;
  private tick: ReturnType<typeof setInterval> | null = null;
  /**
   * Bumped whenever this device joins or changes seat: a poll's answer asked for before
   * then is stale (it may not list the member yet, or list them on the old team) and is dropped.
   */
  private generation = 0;
  private lookFailed = false;

  constructor(
    private readonly page: ClassroomContext,
    private readonly scenario: Scenario,
    private exercise: PublicExercise,
  ) {
    exposeTestHook(
      () => this.seat?.match ?? null,
      () => (this.shown.kind === 'game' ? (this.seat?.membership.seat.power ?? null) : null),
    );
  }

  open(): void {
    // The team's countdown is the server's deadline, counted by the server's clock.
    serverClock.keepSynced();
    const membership = readMembership(this.page.storage, this.page.code);
    if (membership && memberPower(this.exercise, membership.memberId)) this.connect(membership);
    else {
      if (membership) writeMembership(this.page.storage, this.page.code, null);
      this.showJoin(membership ? TEAM_JOIN.lostPlace : null);
    }
    this.poll();
  }

  /** The page lives until the student leaves it (a full page load), so the poll is never stopped. */
  private poll(): void {
    setInterval(() => this.look(), POLL_MS);
  }

  /** Look the exercise up once; only a problem the look itself showed is cleared by the next good answer. */
  private look(): void {
    const asked = this.generation;
    exerciseApi.get(this.page.code).then(
      (exercise) => {
        if (asked !== this.generation) return;
        if (this.lookFailed && this.shown.kind === 'join') this.shown.form.problem(null);
        this.lookFailed = false;
        this.exercise = exercise;
        this.follow();
      },
      (problem: Error) => {
        this.lookFailed = true;
        if (this.shown.kind === 'join') this.shown.form.problem(problem.message);
      },
    );
  }

  /** The exercise changed: follow the member to another team (Control moved them), then redraw. */
  private follow(): void {
    const seat = this.seat;
    if (!seat) return this.refresh();
    const power = memberPower(this.exercise, seat.membership.memberId);
    if (!power) {
      this.disconnect();
      writeMembership(this.page.storage, this.page.code, null);
      return this.showJoin(TEAM_JOIN.lostPlace);
    }
    if (power !== seat.membership.seat.power) {
      const moved: Membership = { ...seat.membership, seat: { ...seat.membership.seat, power, playerID: seatOfPower(power) } };
      this.disconnect();
      this.notice = TEAM_ROOM.moved(POWER_NAME[power]);
      this.connect(moved);
      return;
    }
    this.refresh();
  }

  private showJoin(notice: string | null): void {
    this.leaveScreen();
    this.notice = null;
    const form = renderJoinForm(this.page.root, {
      code: this.page.code,
      name: lastName(this.page.storage),
      notice,
      onJoin: async (name, power) => {
        const joined = await exerciseApi.join(this.page.code, name, power ?? undefined);
        rememberName(this.page.storage, name);
        this.exercise = await exerciseApi.get(this.page.code);
        this.connect({ memberId: joined.memberId, seat: { power: joined.power, playerID: joined.playerID, credentials: joined.memberToken, name } });
      },
      onBack: () => this.page.onHome(),
    });
    form.show(this.exercise);
    this.shown = { kind: 'join', form };
  }

  /** Connect this device to its team's seat (before the start too: the brief shows the seat's own agenda). */
  private connect(membership: Membership): void {
    this.generation++;
    writeMembership(this.page.storage, this.page.code, membership);
    const match = new RemoteMatch(this.scenario, this.page.host, this.page.code, membership.seat, window.location.origin, EXERCISE_SEATS);
    const status = new OnlineStatus(this.page.root.ownerDocument.body);
    const chat: Seat['chat'] = match.socket ? openChat(match.socket, this.page.code, membership.seat, this.exercise.chat) : null;
    const power = membership.seat.power;
    const panel = new TeamPanel(() => openBriefDialog(this.page.root.ownerDocument, this.brief(power)));
    this.seat = { membership, match, chat, status, panel };
    status.update(match.connected, null);
    let connected = false;
    match.onChange(() => {
      status.update(match.connected, match.refused, match.unsent);
      // The server closes a seat's sockets when Control moves its member: look where to at once.
      if (connected && !match.connected) this.look();
      connected = match.connected;
      this.refresh();
    });
    this.refresh();
  }

  private disconnect(): void {
    const seat = this.seat;
    if (!seat) return;
    this.leaveScreen();
    seat.chat?.stop();
    seat.status.remove();
    seat.match.stop();
    this.seat = null;
  }

  /** The brief from the seat's own view once it has arrived (with the secret agenda), from the scenario alone until then. */
  private brief(power: PowerId) {
    const match = this.seat?.match;
    return briefModel(this.scenario, power, match?.synced ? match.view(power) : null);
  }

  /** Decide what the member sees now: the waiting room before the start, then the game, then its end. */
  private refresh(): void {
    const seat = this.seat;
    if (!seat) {
      if (this.shown.kind === 'join') this.shown.form.show(this.exercise);
      return;
    }
    const power = seat.membership.seat.power;
    const roster = rosterModel(this.exercise, power, seat.membership.memberId);
    const match = seat.match;
    if (!this.exercise.started || !match.synced) {
      if (this.shown.kind !== 'room') {
        this.leaveScreen();
        this.shown = { kind: 'room', room: renderTeamRoom(this.page.root, this.page.code, this.exercise.chat ? (seat.chat?.panel.element ?? null) : null, () => this.page.onHome()) };
      }
      this.shown.room.show(roster, this.brief(power), this.notice);
      return;
    }
    const view = match.view(power);
    if (view.step.kind === 'over') {
      if (this.shown.kind === 'end') return;
      this.leaveScreen();
      renderEndScreen(this.page.root, { match, seed: null, onNewGame: () => this.page.onHome(), onRules: () => renderRulesPage(this.page.root) });
      this.shown = { kind: 'end' };
      return;
    }
    const clock = () => clockModel(match.view(power).clock, serverClock.now());
    seat.panel.update(roster, clock(), view.step.kind === 'orders' && !view.ready.includes(power), this.notice);
    if (this.shown.kind === 'game') return this.shown.screen.update();
    this.leaveScreen();
    const captain = () => {
      const now = rosterModel(this.exercise, power, seat.membership.memberId);
      return now.youCaptain ? null : (now.captain ?? '');
    };
    const screen = renderGameScreen(this.page.root, {
      match,
      power,
      onAct: (action) => match.act(power, action),
      chat: seat.chat?.panel.element ?? null,
      team: { saveDraft: (orders) => match.saveDraft(orders), captain, panel: seat.panel.element },
      onRules: () => renderRulesPage(this.page.root),
      onQuit: () => this.page.onHome(),
    });
    this.shown = { kind: 'game', screen };
    this.tick = setInterval(() => seat.panel.showClock(clock()), 1000);
  }

  private leaveScreen(): void {
    if (this.shown.kind === 'game') this.shown.screen.destroy();
    if (this.tick !== null) clearInterval(this.tick);
    this.tick = null;
    this.shown = { kind: 'none' };
  }
}
