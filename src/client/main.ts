/** The page's entry point: load the shipped scenarios, read the URL, show the start screen. */
import { createSeed } from './seed.js';
import { App } from './app.js';
import { bundledScenarios, DEFAULT_SCENARIO } from '../scenario/bundled.js';
import { renderProblem } from './ui/problem.js';
import { preloadMap } from './map/lazyMap.js';
import { readSeedParam } from './seed.js';
import { classroomRoute, openClassroomPage } from './classroom/route.js';
import './ui/styles.css';

const root = document.getElementById('app')!;
try {
  const scenarios = bundledScenarios();
  const host = { scenarios, defaultScenario: DEFAULT_SCENARIO, newSeed: createSeed };
  const app = new App(root, host, window.localStorage, readSeedParam(window.location.search));
  const classroom = classroomRoute(window.location.search);
  if (classroom) {
    void openClassroomPage(classroom, { root, host, storage: window.localStorage, onHome: () => (window.location.href = '/') }).catch((error: unknown) => {
      console.error(error);
      renderProblem(root, 'classroomBroken', () => (window.location.href = '/'));
    });
  } else app.showStart();
  // Phaser is not needed until a game starts: fetch it while the person reads the start screen.
  void preloadMap();
} catch (error) {
  console.error(error);
  renderProblem(root, 'scenarioBroken', () => window.location.reload());
}
