/**
 * The peer, MeCab + scikit-learn TF-IDF + k-means (peer_tfidf_kmeans.py), run on the same
 * file where `mecab` and a Python with scikit-learn are installed. Its whole process is
 * timed from outside: that is the figure mieruka's is compared with.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runTimed } from './timed-process.ts';

const SCRIPT = fileURLToPath(new URL('./peer_tfidf_kmeans.py', import.meta.url));
/** Debian's python3 has python3-sklearn; the one first on PATH may be another (pyenv) without it. */
const PYTHON_CANDIDATES = ['/usr/bin/python3', 'python3'];

export interface PeerResult {
  readonly python: string;
  /** The whole process, from outside. */
  readonly seconds: number;
  readonly peakRssMb: number | null;
  /** As the script timed itself. */
  readonly inside: { readonly total: number; readonly read: number; readonly tokenise: number; readonly vectorise: number; readonly cluster: number };
  readonly vocabulary: number;
  readonly nInit: number;
  /** Record id → cluster. */
  readonly assignments: ReadonlyMap<string, string>;
}

interface PeerOutput {
  seconds_total: number;
  seconds_read: number;
  seconds_tokenise: number;
  seconds_vectorise: number;
  seconds_cluster: number;
  vocabulary: number;
  n_init: number;
  ids: string[];
  assignments: number[];
}

/** The Python to use, or why the peer cannot run here. */
export function findPeer(): { python: string } | { missing: string } {
  if (spawnSync('mecab', ['-v'], { stdio: 'ignore' }).status !== 0) return { missing: 'mecab is not installed (apt-get install mecab mecab-ipadic-utf8)' };
  for (const python of PYTHON_CANDIDATES) {
    if (spawnSync(python, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0) return { python };
  }
  return { missing: `no Python with scikit-learn (${PYTHON_CANDIDATES.join(', ')}; apt-get install python3-sklearn)` };
}

export async function runPeer(python: string, csvPath: string, clusters: number): Promise<PeerResult> {
  const run = await runTimed(python, [SCRIPT, csvPath, String(clusters)]);
  if (run.exitCode !== 0) throw new Error(`the peer failed (exit ${run.exitCode}): ${run.stderr.map((l) => l.text).join('\n')}`);
  const out = JSON.parse(run.stdout) as PeerOutput;
  return {
    python,
    seconds: run.seconds,
    peakRssMb: run.peakRssMb,
    inside: { total: out.seconds_total, read: out.seconds_read, tokenise: out.seconds_tokenise, vectorise: out.seconds_vectorise, cluster: out.seconds_cluster },
    vocabulary: out.vocabulary,
    nInit: out.n_init,
    assignments: new Map(out.ids.map((id, i) => [id, String(out.assignments[i])])),
  };
}
