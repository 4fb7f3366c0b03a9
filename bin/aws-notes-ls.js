#!/usr/bin/env node
// The language server; bundled by `npm run build` into dist/server.js.
require('../dist/server.js');
