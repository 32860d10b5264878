/** The error of class `type` that `run` throws; any other error is thrown on, and none at all fails the test. */
export function thrownBy<E extends Error>(type: abstract new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`no ${type.name} was thrown`);
}

/** The error of class `type` that `run` rejects with; as thrownBy, for promises. */
export async function rejectionBy<E extends Error>(type: abstract new (...args: never[]) => E, run: () => Promise<unknown>): Promise<E> {
  try {
    await run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`no ${type.name} was rejected with`);
}
