// Reproduction for docs/upstream/neo4j-driver-map-decoder.md. Plain Node, no dependencies:
//   node docs/upstream/map-decoder-repro.mjs
// Builds result-like maps key by key, as the driver's Unpacker._unpackMapWithSize does since 6.3
// (Object.defineProperty per key) and as it did before (assignment), plus the proposed fix
// (assignment, defineProperty only for a key named __proto__), and checks the fix gives the same
// objects. Prints nanoseconds per map for each, median of 7 rounds.
const KEYS = [['id', 'name', 'date'], ['id', 'name', 'isoCode', 'placeType', 'orgType', 'startYear', 'endYear']];
const ROUNDS = 7;
const MAPS = 200_000;

const defineEach = (keys, values) => {
  const value = {};
  for (let i = 0; i < keys.length; i++) Object.defineProperty(value, keys[i], { value: values[i], writable: true, enumerable: true, configurable: true });
  return value;
};
const assignEach = (keys, values) => {
  const value = {};
  for (let i = 0; i < keys.length; i++) value[keys[i]] = values[i];
  return value;
};
const proposed = (keys, values) => {
  const value = {};
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === '__proto__') Object.defineProperty(value, keys[i], { value: values[i], writable: true, enumerable: true, configurable: true });
    else value[keys[i]] = values[i];
  }
  return value;
};

// Same own properties, descriptors, order and prototype as the driver's 6.3 decoder, __proto__ included.
for (const keys of [...KEYS, ['__proto__', 'constructor', '0', '1.5', 'été']]) {
  const values = keys.map((k, i) => `${k}-${i}`);
  const a = defineEach(keys, values);
  const b = proposed(keys, values);
  const same =
    Object.getPrototypeOf(a) === Object.getPrototypeOf(b) &&
    JSON.stringify(Reflect.ownKeys(a)) === JSON.stringify(Reflect.ownKeys(b)) &&
    Reflect.ownKeys(a).every((k) => JSON.stringify(Object.getOwnPropertyDescriptor(a, k)) === JSON.stringify(Object.getOwnPropertyDescriptor(b, k)));
  if (!same) throw new Error(`proposed decoder differs for keys ${keys.join(',')}`);
}

let sink = 0;
function time(build, keys) {
  const values = keys.map((_, i) => i);
  const runs = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < MAPS; i++) sink += Object.keys(build(keys, values)).length;
    runs.push(Number(process.hrtime.bigint() - t0) / MAPS);
  }
  return runs.sort((x, y) => x - y)[ROUNDS >> 1];
}

console.log(`node ${process.version}, ${MAPS} maps a round, median of ${ROUNDS} rounds, ns per map`);
for (const keys of KEYS) {
  const d = time(defineEach, keys);
  const a = time(assignEach, keys);
  const p = time(proposed, keys);
  console.log(`${keys.length} keys: defineProperty ${d.toFixed(0)}, assignment ${a.toFixed(0)}, proposed ${p.toFixed(0)} (defineProperty / proposed ${(d / p).toFixed(1)}x)`);
}
if (sink === 0) console.log('');
