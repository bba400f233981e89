/**
 * The host's settings in the waiting room, editable until the match starts. Built
 * once: the room's polling brings the saved settings back every two seconds, and
 * they replace what is on screen only while the host has nothing unsaved there.
 */
import { LOBBY } from '../../../view/text/en-lobby.js';
import type { MatchSettings } from '../../net/lobbyApi.js';
import { el } from '../screenDom.js';
import { formError } from './lobbyDom.js';
import { settingsFields } from './settingsFields.js';

export interface HostSettings {
  element: HTMLFormElement;
  show(saved: MatchSettings): void;
}

export function hostSettings(initial: MatchSettings, onSave: (settings: MatchSettings) => Promise<void>): HostSettings {
  let edited = false;
  const done = el('span', { class: 'hint', role: 'status', 'data-testid': 'settings-saved' });
  const fields = settingsFields('room', initial, () => {
    edited = true;
    done.textContent = '';
  });
  const error = formError('settings-error');
  const save = el('button', { type: 'submit', class: 'button', 'data-testid': 'save-settings' }, LOBBY.saveSettings);
  const form = el('form', { class: 'panel lobby-form', 'data-testid': 'settings-form', novalidate: true }, fields.element, error.element, el('div', { class: 'actions' }, save, done));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = fields.read();
    if ('problem' in chosen) return error.show(chosen.problem);
    error.show(null);
    save.disabled = true;
    save.textContent = LOBBY.savingSettings;
    onSave(chosen)
      .then(
        () => {
          edited = false;
          done.textContent = LOBBY.settingsSaved;
        },
        (problem: Error) => error.show(problem.message),
      )
      .finally(() => {
        save.disabled = false;
        save.textContent = LOBBY.saveSettings;
      });
  });
  return {
    element: form,
    show(saved) {
      if (!edited) fields.set(saved);
    },
  };
}
