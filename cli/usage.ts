export const USAGE = `使い方:
  mieruka ingest FILE.csv|FILE.xlsx... [--db PATH] [--council FILE|kisarazu|kamakura] [--pii mask|reject] [--sheet NAME] [--json]
      事例記録の CSV（UTF-8 または Shift_JIS）か Excel ブック（.xlsx）を検査してデータベースに取り込みます。
      --db       データベースファイル（既定: 環境変数 MIERUKA_DB、なければ data/mieruka.duckdb）
      --council  協議会の設定ファイル（JSON）またはプリセット名 kisarazu / kamakura
      --pii      個人情報を見つけたとき: mask（伏せ字にして取り込む、既定）/ reject（その行を取り込まない）
      --sheet    Excel ブックから読むシートの名前（既定: 標準の見出し行がある最初のシート）
      --json     結果を 1 つの JSON として標準出力に出します（進み具合は標準エラー出力）
  mieruka analyze [--db PATH] [--council FILE] [--full] [--json]
      事例をテーマ案（地域課題の候補）にまとめ、事例数・事業所数・地区数・月数・傾向・スコアと専門部会の案を示します。
      新しい事例が少ないときは前回のテーマを引き継ぎます（ID と協議会の決定はそのまま）。--full ですべて作り直します。
  mieruka terms [--db PATH] [--council FILE] [--top N] [--by 地区|障害種別|年齢層|月] [--json]
      事例の語の出現頻度（出現数、事例数、TF-IDF）を表示します。--by で地区・障害種別・年齢層・月ごとに数えます。
  mieruka kwic TERM [--db PATH] [--council FILE] [--width N] [--json]
      語が使われている箇所を前後の文とともに表示します（個人情報は伏せ字のまま）。GH のような略語は正規形で探します。
  mieruka report [--db PATH] [--council FILE|kisarazu|kamakura] --format pdf|pptx|xlsx --out FILE
      全体会の資料（画面の「全体会の資料（印刷）」と同じ内容。少数の件数はいつも X）をファイルに保存します。
      pptx = グラフと表を編集できる PowerPoint、xlsx = 表とグラフの数字の Excel、pdf = A4 に印刷した PDF（Chromium が必要）
  mieruka serve [--db PATH] [--port N] [--council FILE|kisarazu|kamakura]
      サーバーを 127.0.0.1 で開始します（npm start と同じ）。データベースが空ならデモデータを取り込み、
      初回は事務局の初期アカウントを作ってパスワードを表示します（MIERUKA_ADMIN_PASSWORD で指定も可）。
  mieruka clear-demo [--db PATH]
      デモデータ（と、そこから作った語・テーマ）を削除します。アカウントと操作記録は残ります。
  mieruka help
      この説明を表示します。

終了コード: 0 = 処理できた（取り込めない行があっても 0）、1 = ファイルやデータベースの致命的な問題、2 = 使い方の誤り`;

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
