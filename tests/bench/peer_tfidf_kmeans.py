"""The peer mieruka is measured against: MeCab + scikit-learn TF-IDF + k-means.

Usage: peer_tfidf_kmeans.py CASES.csv K

Reads the standard case CSV, joins each case's text fields into one line, tokenises all
lines in one `mecab -Owakati` process (mecab-ipadic-utf8), vectorises the tokens with
TF-IDF and clusters them with k-means told K clusters. Prints one JSON object:
seconds_total, seconds_read, seconds_tokenise, seconds_vectorise, seconds_cluster, and
ids and assignments in the file's order.
"""
import csv
import json
import subprocess
import sys
import time

from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer

TEXT_FIELDS = ["相談内容", "課題", "対応・支援内容", "地域課題メモ"]
# Terms in fewer documents than this are dropped, as mieruka's vocabulary drops one-offs.
MIN_DF = 2
# k-means restarts from different centroids; the best inertia wins (scikit-learn's former default).
N_INIT = 10
RANDOM_STATE = 0


def read_cases(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    ids = [row["記録ID"] for row in rows]
    texts = [" ".join((row.get(field) or "").replace("\r", " ").replace("\n", " ") for field in TEXT_FIELDS).strip() for row in rows]
    return ids, texts


def wakati(texts):
    # One line in, one line out; an empty line would shift the rest, so none is sent.
    lines = "\n".join(text if text else "。" for text in texts) + "\n"
    done = subprocess.run(["mecab", "-Owakati"], input=lines.encode("utf-8"), capture_output=True, check=True)
    out = done.stdout.decode("utf-8").split("\n")[: len(texts)]
    if len(out) != len(texts):
        raise SystemExit(f"mecab returned {len(out)} lines for {len(texts)} texts")
    return out


def main():
    path, k = sys.argv[1], int(sys.argv[2])
    start = time.perf_counter()
    ids, texts = read_cases(path)
    read = time.perf_counter()
    tokens = wakati(texts)
    tokenised = time.perf_counter()
    vectorizer = TfidfVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False, sublinear_tf=True, min_df=MIN_DF)
    matrix = vectorizer.fit_transform(tokens)
    vectorised = time.perf_counter()
    assignments = KMeans(n_clusters=k, n_init=N_INIT, random_state=RANDOM_STATE).fit_predict(matrix)
    clustered = time.perf_counter()
    json.dump(
        {
            "seconds_total": clustered - start,
            "seconds_read": read - start,
            "seconds_tokenise": tokenised - read,
            "seconds_vectorise": vectorised - tokenised,
            "seconds_cluster": clustered - vectorised,
            "vocabulary": len(vectorizer.vocabulary_),
            "n_init": N_INIT,
            "ids": ids,
            "assignments": [int(a) for a in assignments],
        },
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main()
