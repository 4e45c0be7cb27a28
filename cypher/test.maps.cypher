// Tests (db.packstream): maps whose keys a decoder could get wrong, built from $value (a JSON-like
// map from the test) and literal keys that JavaScript treats specially: `__proto__`, `constructor`,
// index-like keys and non-ASCII ones, nested in lists and maps, plus an empty map.
RETURN $value AS echoed,
  {`__proto__`: {polluted: true}, constructor: 'c', `1`: 'one', `0`: 'zero', `été`: 'summer', name: 'n'} AS odd,
  [{id: 'a', name: 'A', inner: {`__proto__`: 1, x: [{}, {y: null}]}}] AS nested,
  {} AS empty
