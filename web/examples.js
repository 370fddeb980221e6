// examples.js: the Examples menu's plans, [{name, description, plan}], made by tools/build-web from
// examples/*.json (the virtual module 'ceplan:examples'). A feature script of its own,
// public/page-examples.js (lazy.js): the first verdict does not wait for ~17 KB of plans
// (issue 6); the menu is built from it after the first paint, or when opened before.
import EXAMPLES from 'ceplan:examples';

const list = Array.isArray(EXAMPLES) ? EXAMPLES : [];

export { list };
