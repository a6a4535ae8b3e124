// Worker bootstrap in plain JavaScript: a worker does not inherit tsx's TypeScript loader, so register
// it here before loading the real worker module.
import { register } from 'tsx/esm/api';

register();
await import('./readWorker.ts');
