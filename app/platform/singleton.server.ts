// Keeps one instance of a value per process, even when Vite re-evaluates modules during development.
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __hearbackSingletons?: Map<string, unknown> };
  store.__hearbackSingletons ??= new Map();
  if (!store.__hearbackSingletons.has(name)) store.__hearbackSingletons.set(name, create());
  return store.__hearbackSingletons.get(name) as T;
}
