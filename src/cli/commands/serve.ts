/** `nocturna serve`: validate the environment, then start the HTTP server (what `npm start` runs). */
import { startServer } from '../../main.js';
import { loadConfigOrReport, type CliCommand } from '../command.js';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Start the GraphQL gateway on PORT (default 8000)',
  async run() {
    const config = loadConfigOrReport();
    if (!config) return 2;
    await startServer(config);
    return new Promise<number>(() => undefined); // runs until a signal handler exits the process
  },
};
