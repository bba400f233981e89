/**
 * "Join a class exercise" on the start screen: a plain form that opens
 * `/?exercise=CODE`, the student's page (route.ts tidies the code as typed).
 */
import { TEAM_ENTRY } from '../../../view/text/en-team.js';
import { el } from '../../ui/screenDom.js';

export function exerciseEntry(): HTMLElement {
  const code = el('input', {
    id: 'exercise-code',
    name: 'exercise',
    type: 'text',
    class: 'text-input',
    'data-testid': 'exercise-code',
    required: true,
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: '12',
    'aria-describedby': 'exercise-hint',
  });
  return el(
    'section',
    { class: 'panel online-entry', 'aria-labelledby': 'exercise-title' },
    el('div', {}, el('h2', { id: 'exercise-title' }, TEAM_ENTRY.title), el('p', { id: 'exercise-hint' }, TEAM_ENTRY.hint)),
    el(
      'form',
      { method: 'get', action: '/', class: 'exercise-entry', 'data-testid': 'exercise-entry' },
      el('label', { for: 'exercise-code', class: 'label' }, TEAM_ENTRY.codeLabel),
      code,
      el('button', { type: 'submit', class: 'button primary', 'data-testid': 'exercise-join' }, TEAM_ENTRY.join),
    ),
  );
}
