// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'coverage/**',
      'node_modules/**',
      'bench/results/**',
      '*.config.js',
      '*.config.mjs',
      'tools/**/*.mjs',
      // Plain-JS preloads for benches (NODE_OPTIONS=--require), outside the TypeScript project.
      'bench/**/*.cjs',
      'web/src/api/schema.d.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // class-validator's IsOptional lets null through unchecked, so a PATCH could write NULL into a column
    // that needs a value: request DTOs say Optional() (left out) or OptionalOrNull() (null means something).
    files: ['src/**/*.ts'],
    ignores: ['src/platform/http/optional.ts', 'src/platform/config/environment.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message: "Use Optional() or OptionalOrNull() from '@platform/http/optional'.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests poke at loosely typed HTTP bodies; the type checker cannot help there.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The web app: the rules of hooks (and the React compiler's checks), and the browser's console is fine.
    files: ['web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'no-console': ['error', { allow: ['error'] }] },
  },
);
