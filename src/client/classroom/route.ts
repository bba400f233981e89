/**
 * The classroom pages are reached by their address, so a teacher's or student's reload
 * comes back to the same page and a link can be shared:
 *   /?exercise=CODE    a student joins (and then plays on) a team
 *   /?control=CODE     Control's console (the control token is kept in this browser,
 *                      or arrives once in the private link's fragment: #key=TOKEN)
 *   /?projector=CODE   the big screen for the room: nothing secret
 *   /?debrief=CODE     the debrief, for Control
 * Each page's code is loaded only when it is opened, so solo play does not pay for it.
 */
import type { GameHost } from '../../game/game.js';
import { tidyCode } from '../net/lobbyApi.js';

export const CLASSROOM_PAGES = ['exercise', 'control', 'projector', 'debrief'] as const;
export type ClassroomPage = (typeof CLASSROOM_PAGES)[number];

export interface ClassroomRoute {
  page: ClassroomPage;
  code: string;
}

/** The classroom page the address names, if any (the first, should it name several). */
export function classroomRoute(search: string): ClassroomRoute | null {
  const params = new URLSearchParams(search);
  for (const page of CLASSROOM_PAGES) {
    const code = params.get(page);
    if (code) return { page, code: tidyCode(code) };
  }
  return null;
}

/** The address of a classroom page, on this server. */
export function classroomLink(page: ClassroomPage, code: string, origin: string = window.location.origin): string {
  return new URL(`/?${page}=${encodeURIComponent(code)}`, origin).href;
}

/** What every classroom page is given: where to draw, the rules' host, and the way back to the start screen. */
export interface ClassroomContext {
  root: HTMLElement;
  host: GameHost;
  storage: Storage;
  code: string;
  onHome(): void;
}

/** Open the page the route names. */
export async function openClassroomPage(route: ClassroomRoute, context: Omit<ClassroomContext, 'code'>): Promise<void> {
  const page = { ...context, code: route.code };
  switch (route.page) {
    case 'control':
      return (await import('./control/page.js')).openControl(page);
    case 'exercise':
      return (await import('./team/page.js')).openExercise(page);
    case 'projector':
      return (await import('./projector/page.js')).openProjector(page);
    case 'debrief':
      return (await import('./debrief/page.js')).openDebrief(page);
  }
}
