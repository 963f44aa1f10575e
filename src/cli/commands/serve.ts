/** `nocturna serve`: validate the environment, then start the HTTP server (what `npm start` runs). */
import { startServer } from '../../main.js';
import { loadConfigOrReport, parseArguments, type CliCommand } from '../command.js';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Start the GraphQL gateway on PORT (default 8000)',
  usage: 'usage: nocturna serve   (configured by environment variables only)',
  async run(args) {
    parseArguments(args, {});
    const config = loadConfigOrReport();
    if (!config) return 2;
    await startServer(config);
    return new Promise<number>(() => undefined); // runs until a signal handler exits the process
  },
};
