/**
 * Control's room before the start: the join code to read out, the student link and
 * its QR code, the link to the projector's page, the private Control link for another
 * device, the teams as students join (the page polls), moving a student, Start, and
 * Delete after a confirmation.
 */
import { POWERS, type PowerId } from '../../../game/powers.js';
import { POWER_STYLE } from '../../../view/palette.js';
import { POWER_NAME } from '../../../view/text/en.js';
import { SETUP } from '../../../view/text/en-control.js';
import type { PublicExercise } from '../../net/exerciseApi.js';
import { formError, lobbyHeader } from '../../ui/lobby/lobbyDom.js';
import { el, powerSwatch } from '../../ui/screenDom.js';
import { qrCodeSvg } from '../qrCode.js';
import { teacherGuideButton } from '../teacherGuide.js';

export interface SetupRoomProps {
  code: string;
  scenarioTitle: string;
  studentLink: string;
  /** The projector's page: before the start it shows the room how to join. */
  projectorLink: string;
  privateLink: string;
  onMove(member: string, power: PowerId): Promise<void>;
  onStart(): Promise<void>;
  onDelete(): Promise<void>;
  onHome(): void;
}

export interface SetupRoom {
  /** The exercise as the last poll found it. */
  show(exercise: PublicExercise): void;
  problem(message: string): void;
}

export function renderSetupRoom(root: HTMLElement, props: SetupRoomProps): SetupRoom {
  const error = formError('setup-error');
  const teams = el('div', { class: 'setup-teams', 'data-testid': 'setup-teams' });
  const status = el('p', { class: 'hint', role: 'status' });
  const start = el('button', { type: 'button', class: 'button primary big', 'data-testid': 'control-start', 'aria-describedby': 'start-hint' }, SETUP.start);
  const actions = el('div', { class: 'actions setup-actions' }, start, el('p', { id: 'start-hint', class: 'hint' }, SETUP.startHint), deleteControl(props, error.show));

  /** A request with its button disabled; a refusal is shown and focus goes back to the button. */
  const run = (button: HTMLButtonElement, request: () => Promise<void>, busy?: string) => {
    const label = button.textContent;
    button.disabled = true;
    if (busy) button.textContent = busy;
    error.show(null);
    request()
      .catch((problem: Error) => {
        error.show(problem.message);
        if (button.isConnected) button.focus();
      })
      .finally(() => {
        button.disabled = false;
        button.textContent = label;
      });
  };
  start.addEventListener('click', () => run(start, props.onStart, SETUP.starting));

  const main = el(
    'main',
    { class: 'screen lobby-screen control-screen', 'data-testid': 'control-setup', 'data-code': props.code },
    lobbyHeader(SETUP.title(props.code), { label: SETUP.home, onBack: props.onHome }, el('p', { class: 'tagline' }, props.scenarioTitle), teacherGuideButton()),
    sharePanel(props),
    el(
      'section',
      { class: 'panel', 'aria-labelledby': 'teams-title' },
      el('h2', { id: 'teams-title' }, SETUP.teamsTitle),
      el('p', { class: 'hint' }, SETUP.teamsHint),
      teams,
      status,
      error.element,
      actions,
    ),
  );
  root.replaceChildren(main);
  root.ownerDocument.title = `${SETUP.title(props.code)} — Triangles`;
  root.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });

  let shown = '';
  return {
    show(exercise) {
      const key = JSON.stringify(exercise.teams);
      if (key === shown) return;
      shown = key;
      // A rebuild replaces the controls: put focus back on the same one.
      const focused = root.ownerDocument.activeElement;
      const refocus = focused instanceof HTMLElement && teams.contains(focused) ? focused.id : null;
      teams.replaceChildren(...exercise.teams.map((team) => teamCard(team, exercise, (member, power, button) => run(button, () => props.onMove(member, power).then(() => {
        const name = exercise.teams.flatMap((t) => t.members).find((m) => m.id === member)?.name ?? '';
        status.textContent = SETUP.moved(name, POWER_NAME[power]);
      })))));
      if (refocus) root.ownerDocument.getElementById(refocus)?.focus();
    },
    problem: (message) => error.show(message),
  };
}

function sharePanel(props: SetupRoomProps): HTMLElement {
  const qrBox = el('div', { class: 'qr-box' }, el('p', { class: 'hint' }, SETUP.qrLoading));
  void qrCodeSvg(props.studentLink, SETUP.qrLabel(props.studentLink)).then(
    (code) => {
      code.dataset.testid = 'control-qr';
      qrBox.replaceChildren(code);
    },
    (problem: Error) => qrBox.replaceChildren(el('p', { class: 'field-error' }, problem.message)),
  );
  const privateLink = el(
    'details',
    { class: 'private-link' },
    el('summary', {}, SETUP.privateTitle),
    el('p', { class: 'hint', id: 'private-link-hint' }, SETUP.privateHint),
    copyRow('private-link', props.privateLink),
  );
  return el(
    'section',
    { class: 'panel share-panel control-share' },
    el(
      'div',
      { class: 'share-text' },
      el('h2', { class: 'label' }, SETUP.codeTitle),
      // Read out letter by letter: spaced on screen, spelled for a screen reader.
      el('p', { class: 'room-code join-code', 'data-testid': 'control-code', 'aria-label': SETUP.codeSpelled(props.code) }, props.code),
      el('p', {}, SETUP.studentsGo),
      el('p', { class: 'student-link' }, el('a', { href: props.studentLink, 'data-testid': 'student-link', target: '_blank', rel: 'noopener' }, props.studentLink)),
      el('p', {}, el('a', { href: props.projectorLink, 'data-testid': 'setup-projector-link', target: '_blank', rel: 'noopener' }, SETUP.projector), ` ${SETUP.projectorHint}`),
      privateLink,
    ),
    qrBox,
  );
}

function copyRow(id: string, text: string): HTMLElement {
  const input = el('input', { id, type: 'text', class: 'text-input', readonly: true, value: text, 'aria-label': SETUP.privateTitle, 'aria-describedby': `${id}-hint`, 'data-testid': id });
  const copied = el('span', { class: 'hint', 'aria-live': 'polite' });
  const copy = el('button', { type: 'button', class: 'button' }, SETUP.copy);
  copy.addEventListener('click', () => {
    input.select();
    void navigator.clipboard?.writeText(text).then(() => (copied.textContent = SETUP.copied), () => undefined);
  });
  return el('div', { class: 'link-row' }, input, copy, copied);
}

type Team = PublicExercise['teams'][number];

function teamCard(team: Team, exercise: PublicExercise, move: (member: string, power: PowerId, button: HTMLButtonElement) => void): HTMLElement {
  const targets = exercise.teams.filter((t) => t.power !== team.power && !t.bot && t.count < exercise.teamSize).map((t) => t.power);
  return el(
    'section',
    { class: `team-card${team.bot ? ' team-bot' : ''}`, 'data-testid': 'setup-team', 'data-power': team.power, 'aria-labelledby': `team-${team.power}` },
    el(
      'h3',
      { id: `team-${team.power}` },
      powerSwatch(POWER_STYLE[team.power], 18),
      ` ${POWER_NAME[team.power]} `,
      el('span', { class: 'hint' }, team.bot ? SETUP.bot : SETUP.members(team.count, exercise.teamSize)),
    ),
    team.bot
      ? null
      : team.members.length === 0
        ? el('p', { class: 'hint' }, SETUP.empty)
        : el('ul', { class: 'setup-members' }, ...team.members.map((m) => memberRow(m, targets, move))),
    !team.bot && team.members.length > 0 && targets.length === 0 ? el('p', { class: 'hint' }, SETUP.noRoomElsewhere) : null,
  );
}

function memberRow(member: Team['members'][number], targets: PowerId[], move: (member: string, power: PowerId, button: HTMLButtonElement) => void): HTMLElement {
  const name = el('span', { class: 'member-name' }, member.name, member.captain ? el('span', { class: 'hint' }, ` (${SETUP.captain})`) : null);
  // An empty list and a dead button said nothing: the team's card says once why there is nowhere to move them.
  if (targets.length === 0) return el('li', { 'data-testid': 'setup-member' }, name);
  const selectId = `move-${member.id}`;
  const select = el(
    'select',
    { id: selectId, class: 'select', 'data-testid': 'move-to', 'aria-label': SETUP.moveLabel(member.name) },
    ...targets.map((power) => el('option', { value: power }, POWER_NAME[power])),
  );
  const button = el('button', { type: 'button', id: `move-button-${member.id}`, class: 'button', 'data-testid': 'move-member', 'data-member': member.id }, SETUP.move);
  button.addEventListener('click', () => {
    const power = POWERS.find((p) => p === select.value);
    if (power) move(member.id, power, button);
  });
  return el(
    'li',
    { 'data-testid': 'setup-member' },
    name,
    el('label', { for: selectId }, SETUP.moveTo),
    select,
    button,
  );
}

/** Delete, then an inline confirmation (keyboard-reachable, unlike a browser dialog's look). */
function deleteControl(props: SetupRoomProps, showError: (message: string | null) => void): HTMLElement {
  const ask = el('button', { type: 'button', class: 'button danger', 'data-testid': 'control-delete' }, SETUP.remove);
  const yes = el('button', { type: 'button', class: 'button danger', 'data-testid': 'control-delete-yes' }, SETUP.removeYes);
  const no = el('button', { type: 'button', class: 'button' }, SETUP.removeNo);
  const confirm = el('div', { class: 'confirm', role: 'group', 'aria-labelledby': 'delete-question', hidden: true }, el('p', { id: 'delete-question' }, SETUP.removeConfirm(props.code)), yes, no);
  ask.addEventListener('click', () => {
    confirm.hidden = false;
    ask.hidden = true;
    no.focus();
  });
  no.addEventListener('click', () => {
    confirm.hidden = true;
    ask.hidden = false;
    ask.focus();
  });
  yes.addEventListener('click', () => {
    yes.disabled = true;
    showError(null);
    props.onDelete().catch((problem: Error) => {
      showError(problem.message);
      yes.disabled = false;
    });
  });
  return el('div', { class: 'delete-control' }, ask, confirm);
}
