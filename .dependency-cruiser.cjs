/** Import-direction rules from docs/architecture (ARCHITECTURE.md). `npm test` fails on any violation. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'lib/core imports only itself and zod: no SDKs, no node built-ins, no other layers.',
      severity: 'error',
      from: { path: '^lib/core/' },
      to: { pathNot: ['^lib/core/', '^node_modules/zod/', '^zod$'] },
    },
    {
      name: 'state-parsers-only-model',
      comment: 'state-parsers import only lib/core/model (+ parsing libraries). Text in, no fetching.',
      severity: 'error',
      from: { path: '^state-parsers/' },
      to: {
        pathNot: [
          '^state-parsers/',
          '^lib/core/model/',
          '^lib/core/sensitive/',
          '^node_modules/(zod|yaml|hcl2-parser)/',
          '^(zod|yaml|hcl2-parser)$',
        ],
      },
    },
    {
      name: 'mappings-only-core',
      severity: 'error',
      from: { path: '^lib/mappings/' },
      to: { pathNot: ['^lib/mappings/', '^lib/core/', '^node_modules/zod/'] },
    },
    {
      name: 'api-router-only-core',
      comment:
        'lib/api is the HTTP router shared by the Lambda and the local server: core ports and zod only.',
      severity: 'error',
      from: { path: '^lib/api/' },
      to: { pathNot: ['^lib/api/', '^lib/core/', '^node_modules/zod/', '^zod$'] },
    },
    {
      name: 'functions-not-imported',
      comment: 'functions/* are composition roots (Lambda handlers): nothing imports them.',
      severity: 'error',
      from: { pathNot: ['^functions/', '^test/'] },
      to: { path: '^functions/' },
    },
    {
      name: 'adapters-do-not-import-each-other',
      severity: 'error',
      from: { path: '^lib/adapters/([^/]+/[^/]+)/' },
      to: { path: '^lib/adapters/', pathNot: ['^lib/adapters/$1/', '^lib/adapters/shared/'] },
    },
    {
      name: 'adapters-not-composition-roots',
      severity: 'error',
      from: { path: '^lib/adapters/' },
      to: { path: ['^lib/cli/', '^functions/', '^lib/infra/', '^bin/'] },
    },
    {
      name: 'infra-only-cdk',
      severity: 'error',
      from: { path: '^lib/infra/' },
      to: {
        pathNot: [
          '^lib/infra/',
          '^node_modules/(aws-cdk-lib|constructs|cdk-nag)/',
          '^(node:)?(path|url|fs)$',
        ],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
