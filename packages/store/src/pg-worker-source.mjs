// The worker's entry when the store runs from its TypeScript sources (vitest, tsx): Node 20
// cannot load pg-worker.ts itself, so tsx compiles it here. Built code starts dist/pg-worker.js.
import { tsImport } from 'tsx/esm/api';

await tsImport('./pg-worker.ts', import.meta.url);
