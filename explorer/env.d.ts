/** Side-effect stylesheet imports, resolved by the bundler. */
declare module '*.css';
