/** Small pieces the lobby screens share. */
import { el } from '../screenDom.js';

/**
 * A form's error line: announced when it changes (role="alert"), empty when there is
 * nothing wrong, and pointed at by the controls it is about (aria-describedby).
 */
export function formError(id: string): { element: HTMLElement; show(message: string | null): void } {
  const element = el('p', { id, class: 'field-error', role: 'alert' });
  return {
    element,
    show(message) {
      element.textContent = message ?? '';
    },
  };
}

/** The lobby's heading row: the screen's title and the way back. */
export function lobbyHeader(title: string, back: { label: string; onBack: () => void }, ...extra: (Node | null)[]): HTMLElement {
  const button = el('button', { type: 'button', class: 'button link-button', 'data-testid': 'lobby-back' }, back.label);
  button.addEventListener('click', () => back.onBack());
  return el('header', { class: 'lobby-header' }, el('h1', { tabindex: '-1' }, title), ...extra, button);
}
