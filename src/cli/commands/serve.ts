/** `nocturna serve`: validate the environment, then start the HTTP server (what `npm start` runs). */
import { ConfigError, loadConfig } from '../../config/config.js';
import { startServer } from '../../main.js';
import type { CliCommand } from '../command.js';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Start the GraphQL gateway on PORT (default 8000)',
  async run() {
    let config;
    try {
      config = loadConfig(process.env);
    } catch (error) {
      if (error instanceof ConfigError) {
        process.stderr.write(`nocturna: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    await startServer(config);
    return new Promise<number>(() => undefined); // runs until a signal handler exits the process
  },
};
