/**
 * A team's waiting room before Control starts the exercise: the team and its members
 * (the captain and this student marked), who locks in, "waiting for your teacher",
 * the team's chat when the exercise allows it, and the role brief to read together. Rebuilt in parts, only when they change.
 */
import type { BriefModel } from '../../../view/briefModel.js';
import { POWER_STYLE } from '../../../view/palette.js';
import type { RosterModel } from '../../../view/teamModel.js';
import { TEAM_JOIN, TEAM_ROOM } from '../../../view/text/en-team.js';
import { lobbyHeader } from '../../ui/lobby/lobbyDom.js';
import { el, powerSwatch } from '../../ui/screenDom.js';
import { roleBrief } from './roleBrief.js';
import '../../ui/lobby/lobby.css';
import './team.css';

export interface TeamRoom {
  show(roster: RosterModel, brief: BriefModel, notice: string | null): void;
}

/** `chat` is the team's chat panel when the exercise allows chat: the team may talk before the start (the server takes lines then too). */
export function renderTeamRoom(root: HTMLElement, code: string, chat: HTMLElement | null, onLeave: () => void): TeamRoom {
  const heading = el('div', { class: 'team-room-heading' });
  const notice = el('div', { 'aria-live': 'polite' });
  const roster = el('section', { class: 'panel team-roster', 'aria-labelledby': 'roster-title', 'data-testid': 'team-roster' });
  const brief = el('div', { class: 'team-room-brief' });
  root.replaceChildren(
    el(
      'main',
      { class: 'screen lobby-screen team-room', 'data-testid': 'team-room', 'data-code': code },
      lobbyHeader(TEAM_JOIN.title(code), { label: TEAM_JOIN.back, onBack: onLeave }),
      heading,
      el('p', { class: 'notice team-waiting', role: 'status', 'data-testid': 'waiting-teacher' }, TEAM_ROOM.waiting),
      notice,
      el('div', { class: 'team-room-body' }, el('div', { class: 'team-room-side' }, roster, chat ? el('div', { class: 'game-tokens team-room-chat' }, chat) : null), brief),
    ),
  );
  root.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });

  const shown = { heading: '', notice: '', roster: '', brief: '' };
  const changed = (part: keyof typeof shown, value: unknown) => {
    const key = JSON.stringify(value);
    if (shown[part] === key) return false;
    shown[part] = key;
    return true;
  };
  return {
    show(model, briefModel, message) {
      if (changed('heading', model.power)) {
        heading.replaceChildren(el('p', { class: 'team-name', 'data-testid': 'team-name' }, powerSwatch(POWER_STYLE[model.power], 28), ` ${TEAM_ROOM.title(model.powerName)}`));
        root.ownerDocument.title = `${TEAM_ROOM.title(model.powerName)} — Triangles`;
      }
      if (changed('notice', message)) notice.replaceChildren(...(message ? [el('p', { class: 'notice', role: 'status' }, message)] : []));
      if (changed('roster', model)) roster.replaceChildren(...rosterParts(model));
      if (changed('brief', briefModel)) brief.replaceChildren(roleBrief(briefModel, 'h2'));
    },
  };
}

function rosterParts(model: RosterModel): HTMLElement[] {
  const you = model.members.find((m) => m.you);
  return [
    el('h2', { id: 'roster-title' }, TEAM_ROOM.membersTitle),
    memberList(model, { class: 'member-list' }),
    you ? el('p', { class: 'room-you' }, TEAM_ROOM.youAre(you.name)) : el('p', {}),
    el('p', {}, model.youCaptain ? TEAM_ROOM.youCaptain : model.captain ? TEAM_ROOM.captainRole(model.captain) : ''),
    el('p', { class: 'hint' }, TEAM_ROOM.readBrief),
  ];
}

/** The team's members by name, the captain and the reader tagged in words. */
export function memberList(model: RosterModel, attrs: Record<string, string>): HTMLElement {
  return el(
    'ul',
    attrs,
    ...model.members.map((m) =>
      el(
        'li',
        { 'data-testid': 'team-member', 'data-captain': m.captain ? 'true' : undefined, class: m.you ? 'is-you' : undefined },
        m.name,
        m.captain ? el('span', { class: 'tag' }, TEAM_ROOM.captain) : null,
        m.you ? el('span', { class: 'tag tag-you' }, TEAM_ROOM.you) : null,
      ),
    ),
  );
}
