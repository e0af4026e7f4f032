// tslab compiles notebook cells to CommonJS and runs them in a vm script, where `import()` has no module loader,
// and vega 6 cannot be require()d (vega-canvas uses a top-level await). A real CommonJS module can import() it.
module.exports.importEsm = (specifier) => import(specifier);
