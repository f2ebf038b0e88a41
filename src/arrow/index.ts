/**
 * `compactly/arrow`: Apache Arrow interop. `apache-arrow` is an optional peer dependency, imported only here.
 * @packageDocumentation
 */
// ARROW-EXPORTS
export {};
