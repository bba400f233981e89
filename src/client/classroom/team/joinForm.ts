/**
 * Joining a classroom exercise: a display name (no account) and either "put me where I
 * am needed" (the server balances the teams) or a team chosen from those with room.
 * The controller polls the exercise and calls `show`, so the teams' counts stay true
 * while a student types; the name being typed and the choice survive.
 */
import type { PowerId } from '../../../game/powers.js';
import { POWER_STYLE } from '../../../view/palette.js';
import { joinChoices, type JoinChoice } from '../../../view/teamModel.js';
import { TEAM_JOIN } from '../../../view/text/en-team.js';
import type { PublicExercise } from '../../net/exerciseApi.js';
import { formError, lobbyHeader } from '../../ui/lobby/lobbyDom.js';
import { el, powerSwatch } from '../../ui/screenDom.js';
import { exerciseEntry } from './joinEntry.js';
import '../../ui/lobby/lobby.css';
import './team.css';

export interface JoinFormProps {
  code: string;
  name: string;
  /** Why the student is here again (their place was lost), or null. */
  notice: string | null;
  /** Join the chosen team, or the one that needs people most (null). */
  onJoin(name: string, power: PowerId | null): Promise<void>;
  onBack(): void;
}

export interface JoinForm {
  show(exercise: PublicExercise): void;
  problem(message: string | null): void;
}

const BALANCE = '';

export function renderJoinForm(root: HTMLElement, props: JoinFormProps): JoinForm {
  const nameInput = el('input', {
    id: 'member-name',
    name: 'name',
    type: 'text',
    class: 'text-input',
    'data-testid': 'member-name',
    autocomplete: 'nickname',
    maxlength: '40',
    'aria-describedby': 'member-name-hint join-error',
    value: props.name,
  });
  const error = formError('join-error');
  const teams = el('div', { class: 'team-choices' });
  const status = el('div', { 'aria-live': 'polite' });
  const submit = el('button', { type: 'submit', class: 'button primary big', 'data-testid': 'join-team' }, TEAM_JOIN.join);
  const form = el(
    'form',
    { class: 'panel team-join-form', 'data-testid': 'exercise-join-form', novalidate: true, 'aria-label': TEAM_JOIN.join },
    el('div', { class: 'field' }, el('label', { for: 'member-name' }, TEAM_JOIN.nameLabel), nameInput, el('p', { id: 'member-name-hint', class: 'hint' }, TEAM_JOIN.nameHint)),
    el('fieldset', { class: 'field', 'aria-describedby': 'team-hint' }, el('legend', {}, TEAM_JOIN.teamLegend), el('p', { id: 'team-hint', class: 'hint' }, TEAM_JOIN.teamHint), teams),
    error.element,
    el('div', { class: 'actions' }, submit),
  );
  root.replaceChildren(
    el(
      'main',
      { class: 'screen lobby-screen team-join', 'data-testid': 'team-join', 'data-code': props.code },
      lobbyHeader(TEAM_JOIN.title(props.code), { label: TEAM_JOIN.back, onBack: props.onBack }),
      el('p', { class: 'pitch' }, TEAM_JOIN.intro),
      props.notice ? el('p', { class: 'notice', role: 'status' }, props.notice) : null,
      status,
      form,
    ),
  );
  root.ownerDocument.title = `${TEAM_JOIN.title(props.code)} — Triangles`;
  root.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });

  let chosen = BALANCE;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    if (!name) {
      error.show(TEAM_JOIN.nameMissing);
      nameInput.setAttribute('aria-invalid', 'true');
      nameInput.focus();
      return;
    }
    nameInput.removeAttribute('aria-invalid');
    error.show(null);
    submit.disabled = true;
    submit.textContent = TEAM_JOIN.joining;
    props.onJoin(name, (chosen || null) as PowerId | null).catch((problem: Error) => {
      error.show(problem.message);
      submit.disabled = false;
      submit.textContent = TEAM_JOIN.join;
      submit.focus();
    });
  });

  let shown = '';
  return {
    show(exercise) {
      const choices = joinChoices(exercise);
      const key = JSON.stringify([choices, exercise.started, exercise.over]);
      if (key === shown) return;
      shown = key;
      form.hidden = exercise.over;
      const open = choices.filter((c) => !c.full);
      // A team that filled up since it was chosen is no choice any more: back to balancing.
      if (!open.some((c) => c.power === chosen)) chosen = BALANCE;
      const focused = root.ownerDocument.activeElement;
      const refocus = focused instanceof HTMLInputElement && teams.contains(focused) ? focused.value : null;
      teams.replaceChildren(
        teamChoice(BALANCE, TEAM_JOIN.balance, TEAM_JOIN.balanceHint, open.length === 0, chosen, (value) => (chosen = value)),
        ...choices.map((c) => powerChoice(c, chosen, (value) => (chosen = value))),
      );
      if (refocus !== null) teams.querySelector<HTMLInputElement>(`input[value="${refocus}"]`)?.focus();
      status.replaceChildren(
        ...(exercise.over ? [el('p', { class: 'notice' }, TEAM_JOIN.over)] : []),
        ...(!exercise.over && open.length === 0 ? [el('p', { class: 'notice notice-problem' }, TEAM_JOIN.noRoom)] : []),
        ...(!exercise.over && exercise.started ? [el('p', { class: 'hint' }, TEAM_JOIN.startedNote)] : []),
      );
      submit.disabled = open.length === 0;
    },
    problem: (message) => error.show(message),
  };
}

/** The exercise could not be opened (a wrong code, the server gone): why, in words, and the code to type again. */
export function renderExerciseProblem(root: HTMLElement, code: string, message: string, onBack: () => void): void {
  root.replaceChildren(
    el(
      'main',
      { class: 'screen lobby-screen team-join', 'data-testid': 'team-problem' },
      lobbyHeader(TEAM_JOIN.title(code), { label: TEAM_JOIN.back, onBack }),
      el('p', { class: 'notice notice-problem', role: 'alert' }, message),
      exerciseEntry(),
    ),
  );
  root.ownerDocument.title = `${TEAM_JOIN.title(code)} — Triangles`;
  root.querySelector<HTMLInputElement>('#exercise-code')?.focus();
}

function powerChoice(choice: JoinChoice, chosen: string, onChoose: (value: string) => void): HTMLElement {
  return teamChoice(choice.power, choice.name, choice.detail, choice.full, chosen, onChoose, powerSwatch(POWER_STYLE[choice.power], 24));
}

function teamChoice(value: string, name: string, detail: string, disabled: boolean, chosen: string, onChoose: (value: string) => void, swatch: Node | null = null): HTMLElement {
  const id = `join-${value || 'balance'}`;
  const input = el('input', { type: 'radio', name: 'team', id, value, 'data-testid': 'join-power', checked: value === chosen, disabled });
  input.addEventListener('change', () => onChoose(value));
  return el(
    'label',
    { class: `choice-card team-choice${disabled ? ' is-full' : ''}`, for: id },
    input,
    swatch,
    el('span', { class: 'choice-body' }, el('strong', { class: 'choice-title' }, name), el('span', { class: 'choice-text' }, detail)),
  );
}
