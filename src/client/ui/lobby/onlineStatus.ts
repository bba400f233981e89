/**
 * A small notice over an online game: shown while the socket is connecting or lost
 * (socket.io reconnects by itself and the seat is kept), and when the server refused
 * something this device sent. It sits outside the screen's root, so the game screen
 * redraws without touching it.
 */
import { LOBBY } from '../../../view/text/en-lobby.js';
import { el } from '../screenDom.js';
import './lobby.css';

export class OnlineStatus {
  private readonly element = el('div', { class: 'notice online-status', role: 'status', 'data-testid': 'online-status', hidden: true });
  private wasConnected = false;

  constructor(parent: HTMLElement) {
    parent.append(this.element);
  }

  update(connected: boolean, refused: string | null): void {
    this.wasConnected ||= connected;
    const text = refused ? LOBBY.refusedByServer(refused) : connected ? null : this.wasConnected ? LOBBY.connectionLost : LOBBY.connecting;
    this.element.hidden = text === null;
    this.element.classList.toggle('notice-problem', refused !== null || (!connected && this.wasConnected));
    if (this.element.textContent !== (text ?? '')) this.element.textContent = text ?? '';
  }

  remove(): void {
    this.element.remove();
  }
}
