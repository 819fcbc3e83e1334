// dist/server.js: the language server (dist/server-main.js), started through the code cache (boot.ts).
import { boot } from './boot';

boot('server-main.js');
