import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CI_LIMITS, caseBytes, fuzzCase } from './helpers/csv-mutations.ts';
import { checkPureIngest, checkStoredIngest } from './helpers/ingest-fuzz-check.ts';
import { tempDatabase, type TempDatabase } from './helpers/temp-db.ts';

/** Fixed, so that CI is deterministic; `npm run fuzz -- --n 10000 --seed N` runs longer, with other seeds. */
const SEED = 20_261_121;
const PURE_RUNS = 300;
/** Through the database and the tokenizer: slower, so fewer, with smaller cells. */
const STORED_RUNS = 30;
const STORED_LIMITS = { maxPiiMatches: 2_000, maxCellLength: 5_000 };

describe('ingest of damaged files (fuzz)', () => {
  it(`keeps its promises on ${PURE_RUNS} damaged files, in mask and reject mode`, () => {
    fc.assert(
      fc.property(fuzzCase(CI_LIMITS), fc.constantFrom('mask' as const, 'reject' as const), (c, piiMode) => {
        checkPureIngest(caseBytes(c), piiMode);
      }),
      { seed: SEED, numRuns: PURE_RUNS },
    );
  });

  describe('through the database', () => {
    let temp: TempDatabase;
    beforeAll(async () => {
      temp = await tempDatabase();
    });
    afterAll(() => temp.close());

    it(`keeps them on ${STORED_RUNS} more, the name guard and storing included`, async () => {
      await fc.assert(
        fc.asyncProperty(fuzzCase(STORED_LIMITS), fc.constantFrom('mask' as const, 'reject' as const), (c, piiMode) =>
          checkStoredIngest(temp.db, caseBytes(c), piiMode).then(() => undefined),
        ),
        { seed: SEED, numRuns: STORED_RUNS },
      );
    });
  });
});
