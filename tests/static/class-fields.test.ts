/**
 * Class fields of src/ exist from construction. tsconfig.json sets useDefineForClassFields to false
 * (see the reason there), so a field without an initializer is a type only: an instance gets it
 * when code first assigns it. A field set later (a lazily computed value, a logger made on demand)
 * would then give instances V8 maps that differ by what was set in which order, on hot objects
 * such as the ephemeris' per-chart contexts and the request context. Such a field is written
 * `= undefined`. Exempt: fields the constructor assigns in a statement of its own body before any
 * statement that may return (not in a branch or a callback, which may run later or never; a throw
 * leaves no instance), `declare`, `abstract` and static fields, and
 * the classes of GraphQL types and inputs (type-graphql's @ObjectType, @InputType …, whose fields
 * must not exist until type-graphql or a service assigns them).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './deploy-helpers.js';

/** type-graphql's class decorators: their classes describe GraphQL types (see the module comment). */
const GRAPHQL_TYPE_DECORATORS = new Set(['ObjectType', 'InputType', 'ArgsType', 'InterfaceType']);

function isGraphqlTypeClass(node: ts.ClassLikeDeclaration): boolean {
  return (ts.getDecorators(node) ?? []).some((d) => {
    const call = d.expression;
    return ts.isCallExpression(call) && ts.isIdentifier(call.expression) && GRAPHQL_TYPE_DECORATORS.has(call.expression.text);
  });
}

/** True when `node` holds a `return` of the function it is in (not one of a nested function). */
function returnsEarly(node: ts.Node): boolean {
  if (ts.isReturnStatement(node)) return true;
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
  return ts.forEachChild(node, returnsEarly) ?? false;
}

/**
 * Names of the fields that top-level statements of `body` assign before any statement that may
 * return: `this.x = …`, `this.x = this.y = …` and `[this.x, this.y] = …`.
 */
function assignedAtTop(body: ts.Block): Set<string> {
  const assigned = new Set<string>();
  for (const statement of body.statements) {
    if (returnsEarly(statement)) break;
    if (!ts.isExpressionStatement(statement)) continue;
    for (let e: ts.Expression = statement.expression; ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken; e = e.right) {
      const targets = ts.isArrayLiteralExpression(e.left) ? e.left.elements : [e.left];
      for (const t of targets) if (ts.isPropertyAccessExpression(t) && t.expression.kind === ts.SyntaxKind.ThisKeyword) assigned.add(t.name.text);
    }
  }
  return assigned;
}

/** "Class.field" of each field of `source` that neither has an initializer nor is assigned by its class' constructor (see the module comment). */
function fieldsSetLater(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassLike(node) && !isGraphqlTypeClass(node)) {
      // The implementation, not an overload signature.
      const body = node.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined)?.body;
      const assigned = body ? assignedAtTop(body) : new Set<string>();
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
      @Resolver()
      class AnswerResolver {
        private memo?: Answer;
      }
      abstract class Context {
        readonly time: number;
        readonly span: [number, number];
        private first: number;
        private second: number;
        private lazy?: number;
        private later?: number;
        private sometimes?: number;
        private both: number;
        private afterReturn?: number;
        private ready: number | undefined = undefined;
        declare readonly typeOnly: string;
        abstract readonly code: string;
        static shared: number;
        constructor(time: number);
        constructor(time: number) {
          this.time = time;
          this.span = [time, time];
          [this.first, this.second] = this.span;
          this.first = this.both = time;
          setTimeout(() => { this.later = 1; });
          if (time > 0) this.sometimes = time;
          if (time < 0) return;
          this.afterReturn = time;
        }
        value(): number { return (this.lazy ??= this.time * 2); }
      }`;
    expect(fieldsSetLater('sample.ts', source)).toEqual(['AnswerResolver.memo', 'Context.lazy', 'Context.later', 'Context.sometimes', 'Context.afterReturn']);
  });

  it('every field of src/ exists from construction', () => {
    const files = execFileSync('git', ['ls-files', 'src/*.ts', 'src/**/*.ts'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => fieldsSetLater(f, readFileSync(`${ROOT}/${f}`, 'utf8')).map((field) => `${f}: ${field}`));
    expect(found).toEqual([]);
  });
});
