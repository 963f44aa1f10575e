/**
 * Class fields of src/ exist from construction. tsconfig.json sets useDefineForClassFields to false
 * (see the reason there), so a field without an initializer is a type only: an instance gets it
 * when code first assigns it. A field set later (a lazily computed value, a logger made on demand)
 * would then give instances V8 maps that differ by what was set in which order, on hot objects
 * such as the ephemeris' per-chart contexts and the request context. Such a field is written
 * `= undefined`. Exempt: fields assigned in the constructor, `declare`, `abstract` and static
 * fields, and type-graphql's decorated classes (GraphQL types and inputs, whose fields must not
 * exist until type-graphql or a service assigns them).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './deploy-helpers.js';

/** "Class.field" of each field of `source` that neither has an initializer nor is assigned in its class' constructor. */
function fieldsSetLater(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassLike(node) && !ts.getDecorators(node)?.length) {
      const constructor = node.members.find(ts.isConstructorDeclaration);
      const assigned = new Set<string>();
      const collect = (n: ts.Node): void => {
        if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
          // this.x = … and [this.x, this.y] = …
          const targets = ts.isArrayLiteralExpression(n.left) ? n.left.elements : [n.left];
          for (const t of targets) if (ts.isPropertyAccessExpression(t) && t.expression.kind === ts.SyntaxKind.ThisKeyword) assigned.add(t.name.text);
        }
        ts.forEachChild(n, collect);
      };
      if (constructor?.body) collect(constructor.body);
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || member.initializer) continue;
        const exempt = [ts.SyntaxKind.DeclareKeyword, ts.SyntaxKind.AbstractKeyword, ts.SyntaxKind.StaticKeyword];
        if ((ts.getModifiers(member) ?? []).some((m) => exempt.includes(m.kind))) continue;
        const name = member.name.getText(file);
        if (!assigned.has(name)) found.push(`${node.name?.text ?? '(anonymous class)'}.${name}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('class fields', () => {
  it('a field neither initialised nor assigned in the constructor is found; the exempt forms are not', () => {
    const source = `
      @ObjectType()
      class Answer {
        @Field() name!: string;
        hidden!: string;
      }
      abstract class Context {
        readonly time: number;
        readonly span: [number, number];
        private first: number;
        private second: number;
        private lazy?: number;
        private ready: number | undefined = undefined;
        declare readonly typeOnly: string;
        abstract readonly code: string;
        static shared: number;
        constructor(time: number) {
          this.time = time;
          this.span = [time, time];
          [this.first, this.second] = this.span;
        }
        value(): number { return (this.lazy ??= this.time * 2); }
      }`;
    expect(fieldsSetLater('sample.ts', source)).toEqual(['Context.lazy']);
  });

  it('every field of src/ exists from construction', () => {
    const files = execFileSync('git', ['ls-files', 'src/*.ts', 'src/**/*.ts'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => fieldsSetLater(f, readFileSync(`${ROOT}/${f}`, 'utf8')).map((field) => `${f}: ${field}`));
    expect(found).toEqual([]);
  });
});
