/** Scenario files imported by the client: validated and turned into JSON at build time (vitePlugin.ts). */
declare module '*.yaml' {
  import type { Scenario } from './schema.js';
  const scenario: Scenario;
  export default scenario;
}
