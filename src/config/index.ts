export { loadConfig, ConfigError, type Config, type NodeEnv, type LoadConfigOptions } from './config.js';
export { envSchema, type Env } from './env.schema.js';
export { isPlaceholderSecret, secretKeyProblems, loadOrCreateDevSecret, MIN_SECRET_KEY_LENGTH } from './secret-key.js';
