// A production install (`npm ci --omit=dev`) has only package.json's `dependencies`: every
// module the server loads must come from there. This reads every file under src/ (tests
// aside) and fails on an import of any other package (node: builtins are allowed; `import
// type` is erased before running, so it may name a package of types).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import ts from 'typescript';

/** The modules a file loads when it runs: static imports and re-exports, and `import()`. */
export function runtimeImports(source: string, fileName = 'file.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isImportDeclaration(node) &&
      !node.importClause?.isTypeOnly &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push(node.moduleSpecifier.text);
    else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push(node.moduleSpecifier.text);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The package a specifier names (`@scope/name` or `name`), or undefined for a file or a builtin. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#')) return undefined;
  if (specifier.startsWith('node:') || isBuiltin(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('runtime imports', () => {
  it('are read from imports, re-exports and import(), not from type-only imports', () => {
    const source = [
      "import { chromium } from 'playwright-core';",
      "import type { Page } from 'cheerio';",
      "import { type Pool } from 'undici';",
      "export { x } from '@scope/name/deep/path.js';",
      "export type { Y } from 'typescript';",
      "import { readFileSync } from 'node:fs';",
      "import { helper } from './helper.ts';",
      "const later = () => import('autocannon');",
      "let t: typeof import('supertest');",
    ].join('\n');
    assert.deepEqual(runtimeImports(source).map(packageOf).filter(Boolean), [
      'playwright-core',
      'undici',
      '@scope/name',
      'autocannon',
    ]);
  });

  it('of every file under src/ (tests aside) come from package.json dependencies', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const allowed = new Set(Object.keys(manifest.dependencies));
    const files = globSync('src/**/*.{ts,mts,js,mjs}').filter((file) => !/\.test\.[mc]?[tj]s$/.test(file));
    assert.ok(files.length > 50, `read ${files.length} files`);
    const wrong: string[] = [];
    for (const file of files.sort())
      for (const specifier of runtimeImports(readFileSync(file, 'utf8'), file)) {
        const name = packageOf(specifier);
        if (name && !allowed.has(name))
          wrong.push(`${file} imports ${specifier}: ${name} is not in package.json dependencies`);
      }
    assert.deepEqual(wrong, []);
  });
});
