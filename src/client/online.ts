/**
 * The online lobby's controller: the play-online screen, a match's waiting room
 * (polled every two seconds), taking and giving up seats, and the host's start. When
 * the match is on for this device (it holds a seat, or chose to watch), it hands over
 * to the app, which plays the match.
 *
 * The page's address carries the match (`/?match=CODE`), so a reload comes back here,
 * and the seat's credentials in this browser bring the person back to the same seat.
 */
import type { Scenario } from '../scenario/schema.js';
import { LOBBY_PROBLEM } from '../view/text/en-lobby.js';
import { lobbyApi, tidyCode, type PublicMatch } from './net/lobbyApi.js';
import { lastName, readPlace, rememberName, writePlace, type HeldSeat } from './net/onlineSeats.js';
import { renderOnlineHome } from './ui/lobby/onlineHome.js';
import { renderWaitingRoom } from './ui/lobby/waitingRoom.js';

const POLL_MS = 2000;

export interface OnlineHooks {
  onBack(): void;
  /** The match is on: play it with this device's seat, or watch it (seat null). */
  onPlay(match: PublicMatch, seat: HeldSeat | null): void;
}

/** The match code in the page's address, if any. */
export function matchInAddress(search: string): string | null {
  const code = new URLSearchParams(search).get('match');
  return code ? tidyCode(code) : null;
}

/** Put the match in the page's address (or take it out), without a new history entry. */
export function setMatchInAddress(code: string | null): void {
  const url = new URL(window.location.href);
  if (code) url.searchParams.set('match', code);
  else url.searchParams.delete('match');
  if (url.href !== window.location.href) window.history.replaceState(null, '', url);
}

export class OnlineLobby {
  private poll: ReturnType<typeof setInterval> | null = null;
  /** Bumped on every screen change, so an answer that arrives late draws nothing. */
  private generation = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly storage: Storage,
    private readonly scenarios: ReadonlyMap<string, Scenario>,
    private readonly hooks: OnlineHooks,
  ) {}

  async showHome(notice: string | null = null): Promise<void> {
    const generation = this.leaveScreen();
    setMatchInAddress(null);
    const scenarios = await lobbyApi.scenarios().catch((problem: Error) => ({ problem: problem.message }));
    if (generation !== this.generation) return;
    renderOnlineHome(this.root, {
      scenarios,
      notice,
      onCreate: async (request) => {
        const created = await lobbyApi.create(request);
        writePlace(this.storage, created.matchID, { hostToken: created.hostToken });
        await this.openMatch(created.matchID);
      },
      onOpen: (code) => this.openMatch(code),
      listMatches: () => lobbyApi.openMatches(),
      onBack: () => this.hooks.onBack(),
    });
  }

  /** Open a match from a link: a bad or unknown code lands on the play-online screen, saying so. */
  openLink(code: string): Promise<void> {
    return this.openMatch(code).catch((problem: Error) => this.showHome(problem.message));
  }

  /** Look the match up and show its waiting room (or go straight back into it with a held seat). */
  async openMatch(raw: string): Promise<void> {
    const code = tidyCode(raw);
    const match = await lobbyApi.match(code);
    this.enterRoom(match);
  }

  /** Stop polling; the screen is about to change. */
  stop(): void {
    this.leaveScreen();
  }

  private leaveScreen(): number {
    if (this.poll !== null) clearInterval(this.poll);
    this.poll = null;
    return ++this.generation;
  }

  private enterRoom(first: PublicMatch): void {
    const generation = this.leaveScreen();
    const code = first.matchID;
    setMatchInAddress(code);
    let place = readPlace(this.storage, code);
    let notice: string | null = null;
    // A held seat the server no longer shows as taken was given up, here or on another device.
    if (place.seat && first.seats.find((s) => s.power === place.seat!.power)?.name === null) {
      place = writePlace(this.storage, code, { seat: null });
      notice = LOBBY_PROBLEM.seatLost;
    }
    const play = (match: PublicMatch, seat: HeldSeat | null) => {
      this.leaveScreen();
      this.hooks.onPlay(match, seat);
    };
    // A held seat goes straight back into a started match (or to its end screen once it is over).
    if (first.started && place.seat) return play(first, place.seat);

    let latest = first;
    const room = renderWaitingRoom(this.root, {
      code,
      link: new URL(`/?match=${code}`, window.location.origin).href,
      scenarioTitle: this.scenarios.get(first.scenario)?.title ?? first.scenario,
      name: lastName(this.storage),
      onTake: async (power, name) => {
        const joined = await lobbyApi.join(code, power, name);
        rememberName(this.storage, name);
        place = writePlace(this.storage, code, { seat: { power, playerID: joined.playerID, credentials: joined.credentials, name } });
        await refresh();
      },
      onLeave: async () => {
        const seat = place.seat!;
        await lobbyApi.leave(code, seat.power, seat.credentials);
        place = writePlace(this.storage, code, { seat: null });
        await refresh();
      },
      onStart: async () => show(await lobbyApi.start(code, place.hostToken!)),
      onSettings: async (settings) => show(await lobbyApi.settings(code, place.hostToken!, settings)),
      onWatch: () => play(latest, null),
      onBack: () => void this.showHome(),
    });
    const show = (match: PublicMatch) => {
      if (generation !== this.generation) return;
      latest = match;
      if (match.started && place.seat) return play(match, place.seat);
      room.show(match, place);
    };
    const refresh = async () => show(await lobbyApi.match(code));

    show(first);
    room.problem(notice);
    // Only a problem the polling itself showed is cleared by the next good answer.
    let pollFailed = false;
    this.poll = setInterval(() => {
      refresh().then(
        () => {
          if (pollFailed) room.problem(null);
          pollFailed = false;
        },
        (problem: Error) => {
          if (generation !== this.generation) return;
          pollFailed = true;
          room.problem(problem.message);
        },
      );
    }, POLL_MS);
  }
}
