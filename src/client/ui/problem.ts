/** A problem the game cannot go on from: what happened in plain words, and the one thing to do about it. */
import { PROBLEM_TEXT } from '../../view/text/en-game.js';
import type { ProblemKind } from './contracts.js';
import { el } from './screenDom.js';
import './game.css';

export function renderProblem(root: HTMLElement, kind: ProblemKind, onAction: () => void): void {
  const text = PROBLEM_TEXT[kind];
  const action = el('button', { type: 'button', class: 'button primary big', 'data-testid': 'problem-action' }, text.action);
  action.addEventListener('click', () => onAction(), { once: true });
  root.replaceChildren(
    el(
      'main',
      { class: 'screen problem-screen', 'data-testid': 'problem', 'data-problem': kind, 'aria-labelledby': 'problem-title' },
      el('div', { class: 'problem-box' }, el('div', { role: 'alert' }, el('h1', { id: 'problem-title' }, text.title), el('p', {}, text.body)), action),
    ),
  );
  root.ownerDocument.title = `${text.title} — Triangles`;
  action.focus();
}
