/**
 * The rules and a glossary in a modal dialog over whatever is on screen, so a game
 * in progress goes on underneath. Focus stays inside while it is open, Escape
 * closes it, and focus returns to where it was.
 */
import rulesText from '../../../docs/RULES.md?raw';
import { GLOSSARY, RULES } from '../../view/text/en-screens.js';
import { el } from './screenDom.js';
import { renderMarkdown } from './markdown.js';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

let rulesHtml: string | null = null;

export function renderRulesPage(root: HTMLElement): void {
  const doc = root.ownerDocument;
  // The dialog lives on <body>, not in the screen's root: a screen change underneath (a bot finishing the
  // round, the end of the game) must not tear it away while someone is reading.
  const open = doc.querySelector<HTMLDialogElement>('dialog[data-testid="rules-page"]');
  if (open) {
    open.focus();
    return;
  }
  rulesHtml ??= renderMarkdown(rulesText, { headingOffset: 1 });
  const body = el('div', { class: 'rules-text' });
  body.innerHTML = rulesHtml; // escaped by renderMarkdown

  const close = el('button', { type: 'button', class: 'button', 'data-testid': 'close-rules' }, RULES.close);
  const dialog = el(
    'dialog',
    { class: 'rules-dialog', 'data-testid': 'rules-page', 'aria-labelledby': 'rules-title', tabindex: '-1' },
    el('header', { class: 'rules-header' }, el('h1', { id: 'rules-title' }, RULES.title), close),
    el(
      'div',
      { class: 'rules-scroll' },
      body,
      el(
        'section',
        { class: 'glossary', 'aria-labelledby': 'glossary-title' },
        el('h2', { id: 'glossary-title' }, RULES.glossaryTitle),
        el('dl', {}, ...GLOSSARY.flatMap(({ term, text }) => [el('dt', {}, term), el('dd', {}, text)])),
      ),
    ),
  );

  showModal(dialog, close);
}

/**
 * Show a modal dialog on <body>, over whatever is on screen: Tab stays inside, its
 * `close` button or Escape closes and removes it, and focus goes back to where it was.
 */
export function showModal(dialog: HTMLDialogElement, close: HTMLButtonElement): void {
  const doc = dialog.ownerDocument;
  const returnTo = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('keydown', (event) => trapTab(dialog, event));
  // Escape fires "cancel" then "close"; both routes end here.
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (returnTo?.isConnected) returnTo.focus();
  });
  doc.body.append(dialog);
  dialog.showModal();
  close.focus();
}

/** Tab and Shift+Tab cycle inside the dialog instead of leaving for the browser's own controls. */
function trapTab(dialog: HTMLDialogElement, event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.offsetParent !== null || e === dialog.ownerDocument.activeElement);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  const active = dialog.ownerDocument.activeElement;
  if (event.shiftKey && (active === first || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
