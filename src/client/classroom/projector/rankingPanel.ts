/** The end of the exercise on the big screen: the ranking by points (the agendas wait for the debrief). */
import type { ProjectorModel } from '../../../view/projectorModel.js';
import { POWER_STYLE } from '../../../view/palette.js';
import { PROJECTOR } from '../../../view/text/en-projector.js';
import { panel } from '../../ui/game/dom.js';
import { el, powerSwatch } from '../../ui/screenDom.js';

export function rankingPanel(ranking: NonNullable<ProjectorModel['ranking']>, war: string | null): HTMLElement {
  return panel(
    'ranking',
    PROJECTOR.overTitle,
    { class: 'projector-ranking', 'data-testid': 'projector-ranking' },
    war ? el('p', { class: 'projector-war', role: 'alert' }, war) : null,
    el('h3', {}, PROJECTOR.rankingTitle),
    el(
      'ol',
      {},
      ...ranking.map((row) =>
        el(
          'li',
          { 'data-power': row.power },
          el('span', { class: 'projector-place' }, PROJECTOR.place(row.place)),
          powerSwatch(POWER_STYLE[row.power], 22),
          el('span', { class: 'projector-rank-name' }, row.name),
          el('span', { class: 'projector-rank-vp' }, PROJECTOR.points(row.vp)),
        ),
      ),
    ),
    el('p', { class: 'hint' }, PROJECTOR.debriefNext),
  );
}
