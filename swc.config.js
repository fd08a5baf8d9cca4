// How TypeScript is compiled where tsc's output is not used: jest (@swc/jest) and the benches that boot
// the application (bench/follow-ups.bench.ts). Decorator metadata is on: Nest injects by it.
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
