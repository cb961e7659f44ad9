/**
 * A real dynamic import() of an ES module from this CommonJS project. TypeScript and SWC compile `import()` to
 * `require()`, and `require()` of node-llama-cpp fails on Node 20 (ERR_REQUIRE_ASYNC_MODULE: it uses top-level
 * await); a function built at run time keeps the import an import.
 */
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

type NodeLlamaCpp = typeof import('node-llama-cpp');
let nodeLlamaCpp: Promise<NodeLlamaCpp> | undefined;

export function loadNodeLlamaCpp(): Promise<NodeLlamaCpp> {
  return (nodeLlamaCpp ??= importModule('node-llama-cpp') as Promise<NodeLlamaCpp>);
}
