/**
 * What two decoders' objects must agree on, as plain data: each own property in order with its
 * descriptor flags and value, and the prototype, recursively (arrays element by element).
 */
export function objectShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(objectShape);
  if (value === null || typeof value !== 'object') return value;
  const proto: unknown = Object.getPrototypeOf(value);
  return {
    proto: proto === Object.prototype ? 'Object.prototype' : String(proto),
    props: Reflect.ownKeys(value).map((k) => {
      const d = Object.getOwnPropertyDescriptor(value, k) as PropertyDescriptor;
      return [String(k), d.writable, d.enumerable, d.configurable, objectShape(d.value)];
    }),
  };
}
