/**
 * How the room joins, before the start: the code in letters a back row can read, the
 * students' link and its QR code, and the teams filling up as people join.
 */
import { POWER_STYLE } from '../../../view/palette.js';
import { POWER_NAME } from '../../../view/text/en.js';
import { PROJECTOR } from '../../../view/text/en-projector.js';
import type { PublicExercise } from '../../net/exerciseApi.js';
import { el, powerSwatch } from '../../ui/screenDom.js';
import { qrCodeSvg } from '../qrCode.js';

export function joinPanel(code: string, link: string): { element: HTMLElement; showTeams(info: PublicExercise): void } {
  const qr = el('div', { class: 'projector-qr', 'data-testid': 'projector-qr' });
  qrCodeSvg(link, PROJECTOR.qrLabel(link)).then(
    (drawn) => qr.replaceChildren(drawn),
    () => qr.replaceChildren(el('p', {}, PROJECTOR.qrMissing)),
  );
  const teams = el('ul', { class: 'projector-teams', 'data-testid': 'projector-teams' });
  const element = el(
    'section',
    { class: 'projector-join-screen', 'aria-labelledby': 'join-title' },
    el(
      'div',
      { class: 'projector-join-words' },
      el('h1', { id: 'join-title' }, PROJECTOR.joinTitle),
      el('p', { class: 'projector-join-how' }, PROJECTOR.joinHow),
      el('p', { class: 'projector-big-label' }, PROJECTOR.codeLabel),
      el('p', { class: 'projector-big-code', 'data-testid': 'projector-code' }, code),
      el('p', { class: 'projector-big-label' }, PROJECTOR.linkLabel),
      el('p', { class: 'projector-link', 'data-testid': 'projector-link' }, link),
      el('p', { class: 'projector-waiting' }, PROJECTOR.waitingStart),
    ),
    qr,
    el('div', { class: 'projector-team-box' }, el('h2', {}, PROJECTOR.teamsTitle), teams),
  );
  return {
    element,
    showTeams(info) {
      teams.replaceChildren(
        ...info.teams.map((team) =>
          el(
            'li',
            { 'data-power': team.power },
            powerSwatch(POWER_STYLE[team.power], 22),
            el('strong', {}, POWER_NAME[team.power]),
            el('span', {}, team.bot ? PROJECTOR.bot : team.count ? PROJECTOR.members(team.count) : PROJECTOR.nobodyYet),
          ),
        ),
      );
    },
  };
}
