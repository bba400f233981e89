/**
 * The page's controller: which screen shows, the match being played (in this browser,
 * with its bots and its save, or online), and the online lobby before it. Screens
 * render and report what the person did; the rules decide.
 */
import type { PowerId } from '../game/powers.js';
import { POWERS } from '../game/powers.js';
import type { GameHost } from '../game/game.js';
import { BotDriver } from './bots/botDriver.js';
import { LocalMatch, type MatchSetup } from './net/localMatch.js';
import type { Match } from './net/match.js';
import { lobbyApi, type PublicMatch } from './net/lobbyApi.js';
import type { HeldSeat } from './net/onlineSeats.js';
import type { RemoteMatch } from './net/remoteMatch.js';
import type { RoundTimer } from './ui/game/roundTimer.js';
import type { ChatPanel } from './ui/game/chatPanel.js';
import { matchInAddress, OnlineLobby, setMatchInAddress } from './online.js';
import { OnlineStatus } from './ui/lobby/onlineStatus.js';
import { LOBBY_PROBLEM } from '../view/text/en-lobby.js';
import { clearSave, readSave, writeSave, type SavedGame } from './save.js';
import { clearDrafts, localMatchName, seatDrafts } from './drafts.js';
import { renderEndScreen } from './ui/endScreen.js';
import { renderGameScreen } from './ui/gameScreen.js';
import { renderHandover } from './ui/handover.js';
import { renderRevealScreen } from './ui/revealScreen.js';
import { RevealWatch } from './ui/reveal/revealWatch.js';
import { renderRulesPage } from './ui/rulesPage.js';
import { renderStartScreen } from './ui/startScreen.js';
import type { GameScreen, StartChoice } from './ui/contracts.js';
import { renderProblem } from './ui/problem.js';
import { exposeTestHook } from './testHook.js';
import { revealStory } from '../view/revealSteps.js';

/** How often an online match's round timer is asked for: a new step shows its timer within this long. */
const ROUND_TIMER_POLL_MS = 3000;

export class App {
  private match: Match | null = null;
  private bots: BotDriver | null = null;
  private readonly online: OnlineLobby;
  private onlineStatus: OnlineStatus | null = null;
  /** The online match's chat (none in solo and hot-seat play), and how to stop it. */
  private chat: { panel: ChatPanel; stop(): void } | null = null;
  /** The online match's round timer, when its host set one, and how to stop it. */
  private timer: { element: HTMLElement; stop(): void } | null = null;
  /** A match link the page was opened with, taken up by the first screen. */
  private linked: string | null;
  private screen: GameScreen | null = null;
  /** The human seat whose hand is on screen (hot-seat: changes only through the hand-over screen). */
  private shown: PowerId | null = null;
  /** The name the match's order drafts are kept under in this browser (none for a spectator). */
  private draftsName: string | null = null;
  /** Which round's reveal this device still owes, kept across the screens of one match. */
  private reveals: RevealWatch | null = null;
  /** Hot-seat: the table's reveal on screen, and its round. */
  private tableReveal: { round: number; destroy(): void } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: GameHost,
    private readonly storage: Storage,
    private readonly seedFromUrl: { seed: string | null; error: string | null },
  ) {
    exposeTestHook(() => this.match, () => this.shown);
    this.online = new OnlineLobby(root, storage, host.scenarios, { onBack: () => this.showStart(), onPlay: (match, seat) => void this.playOnline(match, seat) });
    this.linked = matchInAddress(window.location.search);
  }

  /** The first screen: the start screen, or the online match the page's link names. */
  showStart(): void {
    this.teardown();
    const linked = this.linked;
    this.linked = null;
    if (linked) {
      void this.online.openLink(linked);
      return;
    }
    setMatchInAddress(null);
    renderStartScreen(this.root, {
      scenarios: [...this.host.scenarios.values()],
      saved: readSave(this.storage),
      seed: this.seedFromUrl,
      onStart: (choice) => this.startNew(choice),
      onResume: (save) => this.resume(save),
      onDiscardSave: () => {
        clearSave(this.storage);
        this.showStart();
      },
      onRules: () => this.showRules(),
      onOnline: () => void this.online.showHome(),
    });
  }

  private startNew(choice: StartChoice): void {
    const setup: MatchSetup = {
      scenario: choice.scenario,
      seed: choice.seed ?? this.host.newSeed(),
      humans: choice.humans,
      botLevel: choice.botLevel,
      ...(choice.rounds ? { rounds: choice.rounds } : {}),
    };
    // A game started again from the same seed is a new game: an abandoned one's drafts are not its own.
    clearDrafts(this.storage, localMatchName(setup.seed));
    this.play(new LocalMatch(setup, this.host));
  }

  /** Rebuild a saved match by replaying its actions; one that does not replay is reported, not half-loaded. */
  private resume(save: SavedGame): void {
    let match: LocalMatch;
    try {
      match = new LocalMatch(save.setup, this.host);
      for (const { power, action } of save.actions) {
        if (match.act(power, action)) throw new Error('an action in the save is not legal');
      }
    } catch {
      this.teardown();
      renderProblem(this.root, 'saveDoesNotReplay', () => {
        clearSave(this.storage);
        this.showStart();
      });
      return;
    }
    this.play(match);
  }

  private play(match: LocalMatch): void {
    this.teardown();
    this.match = match;
    this.draftsName = localMatchName(match.setup.seed);
    const bots = POWERS.filter((p) => !match.humans.includes(p));
    let savedRound = match.view(POWERS[0]).round;
    match.onChange(() => {
      const view = match.view(POWERS[0]);
      // Save after every round (and at the end), as the game promises.
      if (view.round !== savedRound || view.step.kind === 'over') {
        savedRound = view.round;
        if (view.step.kind === 'over') clearSave(this.storage);
        else writeSave(this.storage, match.setup, match.actions, new Date());
      }
      this.refresh();
    });
    writeSave(this.storage, match.setup, match.actions, new Date());
    const driver = new BotDriver(match, bots, (message) => console.warn(message));
    this.bots = driver;
    this.reveals = new RevealWatch((round) => driver.revealedRationales(round), () => this.refresh());
    this.refresh();
  }

  /** An online match, played through this device's seat or watched. The lobby hands over here. */
  private async playOnline(info: PublicMatch, seat: HeldSeat | null): Promise<void> {
    const scenario = this.host.scenarios.get(info.scenario);
    if (!scenario) return this.online.showHome(LOBBY_PROBLEM.unknownScenario);
    // The socket client, the chat and the round timer are loaded only for online play, so solo play does not
    // pay for them; all of them before the match is made, as nothing may wait between its first sync and the listener below.
    const [{ RemoteMatch }, { openChat }, { RoundTimer }] = await Promise.all([
      import('./net/remoteMatch.js'),
      import('./ui/game/chatPanel.js'),
      import('./ui/game/roundTimer.js'),
    ]);
    this.teardown();
    const match: RemoteMatch = new RemoteMatch(scenario, this.host, info.matchID, seat, window.location.origin);
    const status = new OnlineStatus(this.root.ownerDocument.body);
    this.match = match;
    this.draftsName = seat ? info.matchID : null;
    this.onlineStatus = status;
    // The server's bots keep their reasons to themselves: no rationales online.
    this.reveals = new RevealWatch(() => ({}), () => this.refresh());
    if (match.socket) this.chat = openChat(match.socket, info.matchID, seat, info.settings.chat);
    if (info.settings.roundSeconds !== null) this.timer = this.watchRoundTimer(match, new RoundTimer(() => (match.synced ? match.view(POWERS[0]) : null)));
    status.update(match.connected, null);
    match.onChange(() => {
      status.update(match.connected, match.refused, match.unsent);
      if (match.synced) this.refresh();
    });
  }

  /**
   * The host's round timer runs on the server, which tells each step's deadline with the
   * match: it is asked for every few seconds (a new step brings a new deadline).
   */
  private watchRoundTimer(match: RemoteMatch, timer: RoundTimer): { element: HTMLElement; stop(): void } {
    const look = () => lobbyApi.match(match.matchID).then((info) => timer.set(info.deadline), () => undefined);
    void look();
    const poll = setInterval(look, ROUND_TIMER_POLL_MS);
    const unsubscribe = match.onChange(() => timer.draw());
    return {
      element: timer.element,
      stop: () => {
        clearInterval(poll);
        unsubscribe();
        timer.stop();
      },
    };
  }

  /**
   * Decide what the person sees now: the game, the round's reveal, a hand-over between
   * people, or the end. A round's reveal comes before anything else; after the last
   * round, before the results.
   */
  private refresh(): void {
    const match = this.match;
    if (!match) return;
    const view = match.view(POWERS[0]);
    const revealDue = this.reveals?.due(view) ?? null;
    if (revealDue !== null && match.humans.length > 1) return this.showTableReveal(revealDue);
    // Solo, online or watching: the game screen plays the reveal, and Continue comes back here.
    if (revealDue !== null && this.screen) return this.screen.update();
    if (view.step.kind === 'over') {
      this.screen?.destroy();
      this.screen = null;
      if (this.draftsName) clearDrafts(this.storage, this.draftsName);
      const seed = match instanceof LocalMatch ? match.setup.seed : null;
      renderEndScreen(this.root, { match, seed, onNewGame: () => this.showStart(), onRules: () => this.showRules() });
      return;
    }
    const humans = match.humans;
    const due = match.awaiting().filter((p) => humans.includes(p));
    // A spectator (no seat here) watches from one seat's public view and stays there.
    const next = due.includes(this.shown as PowerId) ? this.shown! : (due[0] ?? this.shown ?? humans[0] ?? POWERS[0]);
    if (humans.length > 1 && next !== this.shown) {
      // Hot-seat: hide the previous person's hand before the next one takes the device.
      this.screen?.destroy();
      this.screen = null;
      this.shown = null;
      renderHandover(this.root, next, () => this.showSeat(next));
      return;
    }
    if (!this.screen || this.shown !== next) this.showSeat(next);
    else this.screen.update();
  }

  /** Hot-seat: the round's reveal once for the whole table, on a screen with no one's hand, before the next hand-over. */
  private showTableReveal(round: number): void {
    const match = this.match!;
    if (this.tableReveal?.round === round) return;
    const view = match.view(match.humans[0] ?? POWERS[0]);
    const story = revealStory(match.scenario, view, this.reveals!.rationales(round), round);
    if (!story) return;
    this.screen?.destroy();
    this.screen = null;
    this.shown = null;
    this.tableReveal?.destroy();
    const screen = renderRevealScreen(this.root, {
      scenario: match.scenario,
      view,
      story,
      onContinue: () => {
        screen.destroy();
        this.tableReveal = null;
        this.reveals?.seenRound(round);
      },
    });
    this.tableReveal = { round, destroy: () => screen.destroy() };
  }

  private showSeat(power: PowerId): void {
    const match = this.match!;
    this.screen?.destroy();
    this.shown = power;
    this.screen = renderGameScreen(this.root, {
      match,
      power,
      onAct: (action) => match.act(power, action),
      watching: match.humans.length === 0,
      drafts: this.draftsName ? seatDrafts(this.storage, this.draftsName, power) : null,
      chat: this.chat?.panel.element ?? null,
      timer: this.timer?.element ?? null,
      // Hot-seat plays the reveal on the table's screen; a seat's own screen only replays it.
      reveal: match.humans.length > 1 ? { due: () => null, rationales: (round) => this.reveals?.rationales(round) ?? {}, seenRound: () => undefined } : this.reveals,
      onRules: () => this.showRules(),
      onQuit: () => this.showStart(),
    });
  }

  /** The rules open over whatever is on screen, so the game goes on underneath. */
  private showRules(): void {
    renderRulesPage(this.root);
  }

  private teardown(): void {
    this.online.stop();
    this.onlineStatus?.remove();
    this.onlineStatus = null;
    this.chat?.stop();
    this.chat = null;
    this.timer?.stop();
    this.timer = null;
    this.bots?.stop();
    this.bots = null;
    this.reveals = null;
    this.tableReveal?.destroy();
    this.tableReveal = null;
    this.screen?.destroy();
    this.screen = null;
    this.match?.stop();
    this.match = null;
    this.shown = null;
    this.draftsName = null;
  }
}
