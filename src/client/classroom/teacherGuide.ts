/**
 * The teacher's guide (docs/TEACHER.md) in a dialog over Control's pages, as the rules
 * open over a game: Control's page goes on underneath. The guide's text is loaded only
 * when it is first opened, so students' devices never download it.
 */
import { GUIDE } from '../../view/text/en-control.js';
import { renderMarkdown } from '../ui/markdown.js';
import { showModal } from '../ui/rulesPage.js';
import { el } from '../ui/screenDom.js';

let guideHtml: Promise<string> | null = null;

/** A button that opens the guide. */
export function teacherGuideButton(): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'button link-button', 'data-testid': 'open-teacher-guide' }, GUIDE.open);
  button.addEventListener('click', () => void openTeacherGuide(button.ownerDocument));
  return button;
}

async function openTeacherGuide(doc: Document): Promise<void> {
  const open = doc.querySelector<HTMLDialogElement>('dialog[data-testid="teacher-guide"]');
  if (open) return open.focus();
  guideHtml ??= import('../../../docs/TEACHER.md?raw').then(({ default: text }) => renderMarkdown(text, { headingOffset: 1 }));
  const body = el('div', { class: 'rules-text' });
  body.innerHTML = await guideHtml; // escaped by renderMarkdown
  const close = el('button', { type: 'button', class: 'button', 'data-testid': 'close-teacher-guide' }, GUIDE.close);
  const dialog = el(
    'dialog',
    { class: 'rules-dialog', 'data-testid': 'teacher-guide', 'aria-labelledby': 'guide-title', tabindex: '-1' },
    el('header', { class: 'rules-header' }, el('h1', { id: 'guide-title' }, GUIDE.title), close),
    el('div', { class: 'rules-scroll' }, body),
  );
  showModal(dialog, close);
}
