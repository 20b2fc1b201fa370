// Preact + htm as plain ES modules served from node_modules by `driftwatch serve`: no build step.

import htm from '../vendor/htm.js';
import { h, render } from '../vendor/preact.js';

/** Tagged template producing Preact elements. */
export const html = htm.bind(h);
export { useEffect, useRef, useState } from '../vendor/hooks.js';
export { render };
