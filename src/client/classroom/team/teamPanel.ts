/**
 * The team's panel over the game, above the seat's move: the team and its captain, the
 * exercise clock (ticking once a second, told to screen readers only on request: it is
 * a timer, not an alert), what happens when time runs out, and the role brief.
 * Built once and updated in place, so the game screen's redraws never rebuild it.
 */
import type { ClockModel, RosterModel } from '../../../view/teamModel.js';
import { TEAM_BRIEF, TEAM_PLAY, TEAM_ROOM } from '../../../view/text/en-team.js';
import { button, panel } from '../../ui/game/dom.js';
import { el } from '../../ui/screenDom.js';
import { memberList } from './teamRoom.js';
import './team.css';

export class TeamPanel {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly members = el('div');
  private readonly clock = el('p', { class: 'team-clock', role: 'timer', 'data-testid': 'team-clock' });
  private readonly hints = el('div', { class: 'team-hints' });
  private shown = '';

  constructor(onBrief: () => void) {
    this.element = panel(
      'team',
      '',
      { class: 'team-panel', 'data-testid': 'team-panel' },
      this.members,
      this.clock,
      this.hints,
      button({ focus: 'brief', testid: 'open-brief', onClick: onBrief }, TEAM_BRIEF.open),
    );
    this.title = this.element.querySelector('h2')!;
  }

  /** `notice`: something to tell the member once (Control moved them to this team), or null. */
  update(roster: RosterModel, clock: ClockModel, ordersStep: boolean, notice: string | null): void {
    this.showClock(clock);
    const key = JSON.stringify([roster, clock.state === 'none', ordersStep, notice]);
    if (key === this.shown) return;
    this.shown = key;
    this.title.textContent = TEAM_ROOM.title(roster.powerName);
    this.members.replaceChildren(memberList(roster, { class: 'member-list inline', 'data-testid': 'team-members' }));
    this.hints.replaceChildren(
      ...(notice ? [el('p', { class: 'notice', role: 'status' }, notice)] : []),
      ...(ordersStep ? [el('p', { class: 'hint' }, TEAM_PLAY.sharedDraft)] : []),
      ...(ordersStep && clock.state !== 'none' ? [el('p', { class: 'hint' }, TEAM_PLAY.lockOnTime)] : []),
    );
  }

  /** Called every second while the game is on screen. */
  showClock(clock: ClockModel): void {
    if (this.clock.textContent !== clock.text) this.clock.textContent = clock.text;
    this.clock.dataset.state = clock.state;
  }
}
