import { startServer } from './server';
import { createVitaConnection } from './transport';

// The transport (--stdio, --node-ipc, --socket=N) is read from the command line; see transport.ts.
const connection = createVitaConnection();

// A stray rejected promise must not take the server (and every open résumé's checks) down with it.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`vita: unexpected error: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});

startServer(connection);
