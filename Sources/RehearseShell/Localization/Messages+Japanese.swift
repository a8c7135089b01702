import RehearseCore
import RehearseStore

/// The Japanese catalogue.
public struct JapaneseMessages: Messages {
  public init() {}

  public let columnID = "ID"
  public let columnName = "名前"
  public let columnLanguage = "言語"
  public let columnQuestions = "質問数"
  public let columnStages = "選考"
  public let columnSource = "場所"
  public func bankCount(banks: Int, questions: Int) -> String { "\(banks) バンク・\(questions) 問" }
  public let noBanks = "バンクが見つかりません。`rehearse banks new` で作るか、--banks DIR でフォルダを指定してください。"
  public let showHint = "企業研究シートは `rehearse banks show ID` で開けます。"
  public func origin(_ origin: BankLocation.Origin) -> String {
    switch origin {
    case .shipped: "同梱"
    case .user: "自分用"
    case .environment: "REHEARSE_BANKS"
    case .commandLine: "--banks"
    case .lint: "lint"
    }
  }
  public func bankType(_ type: BankType) -> String {
    switch type {
    case .general: "一般"
    case .fictional: "架空の例"
    case .company: "企業"
    }
  }
  public func languageName(_ language: Language) -> String {
    switch language {
    case .ja: "日本語"
    case .en: "英語"
    }
  }
  public func brokenBanksNote(_ count: Int) -> String {
    "\(count) 件のバンクにエラーがあり、読み込みませんでした。詳しくは `rehearse banks lint` を実行してください。"
  }

  public let industry = "業界"
  public let summary = "概要"
  public let hiringBackground = "募集背景"
  public let requiredSkills = "必須要件"
  public let preferredSkills = "歓迎要件"
  public let mission = "ミッション"
  public let vision = "ビジョン"
  public let values = "バリュー"
  public let interviewFormat = "面接の形式"
  public let stagesHeading = "選考ステップ"
  public let fictionalNotice = "練習用の架空の企業です。質問は例であり、実在企業の質問ではありません。"
  public let generalNotice = "多くの企業で聞かれる一般的な質問です。"
  public let file = "ファイル"
  public func stageName(_ id: String) -> String? {
    switch id {
    case "casual": "カジュアル面談"
    case "group": "グループ面接"
    case "first": "一次面接"
    case "case": "ケース面接"
    case "second": "二次面接"
    case "third": "三次面接"
    case "final": "最終面接"
    default: nil
    }
  }
  public func mode(_ mode: InterviewMode) -> String {
    switch mode {
    case .online: "オンライン"
    case .inPerson: "対面"
    case .phone: "電話"
    }
  }
  public func minutes(_ minutes: Int) -> String { "\(minutes)分" }
  public func kind(_ kind: QuestionKind) -> String {
    switch kind {
    case .selfIntroduction: "自己紹介"
    case .motivation: "志望動機"
    case .studentLife: "学生時代に力を入れたこと"
    case .behavioural: "経験・行動"
    case .failure: "挫折・失敗経験"
    case .decision: "判断とその理由"
    case .strengthsWeaknesses: "長所・短所"
    case .careerChange: "転職理由"
    case .careerPlan: "入社後・キャリア"
    case .roleSpecific: "職種固有"
    case .case: "ケース"
    case .values: "価値観"
    case .reverseQuestion: "逆質問"
    case .other: "その他"
    }
  }
  public func seconds(_ seconds: Int) -> String {
    seconds >= 60 ? (seconds % 60 == 0 ? "\(seconds / 60)分" : "\(seconds / 60)分\(seconds % 60)秒") : "\(seconds)秒"
  }
  public func answerTime(_ seconds: Int) -> String { "回答 \(self.seconds(seconds))" }
  public func thinkTime(_ seconds: Int) -> String { "考える時間 \(self.seconds(seconds))" }
  public let followUps = "深掘り"
  public func category(_ category: ScoreCategory) -> String {
    switch category {
    case .reasoning: "判断の理由"
    case .reproducibility: "再現性"
    case .evidence: "根拠・結果"
    case .companyFit: "企業との接続"
    case .structure: "構成"
    }
  }
  public let answerPoints = "よい回答のポイント"
  public let pitfalls = "避けたいこと"
  public func source(_ source: QuestionSource) -> String {
    let kind =
      switch source.kind {
      case .interviewReport: "選考体験記"
      case .ownInterview: "自分の面接"
      case .guide: "就活ガイド"
      case .example: "架空の例"
      }
    let years = source.years.isEmpty ? "" : "（" + source.years.map(String.init).joined(separator: "・") + "年）"
    return "出典: \(kind)\(years)"
  }
  public func stageQuestionCount(_ count: Int) -> String { "\(count) 問" }

  public let notChecked = "未確認（--company ID で企業を指定）"
  public let notAsked = "この種類の質問では問われません"
  public let continueToReview = "Enter で自己評価へ（Ctrl-C でドリルを終了） > "
  public let planToday = "今日"
  public let planNewLeft = "未着手"
  public func planStreak(days: Int, done: Int, goal: Int) -> String {
    "連続 \(days) 日 · 今日：\(goal) 問中 \(done) 問練習済み"
  }
  public func configUnknownKey(_ name: String, suggestion: String?, keys: [String]) -> String {
    "設定 '\(name)' はありません" + (suggestion.map { "。'\($0)' のことですか？" } ?? "。設定：\(keys.joined(separator: "、"))")
  }
  public let configDefault = "既定値"
  public func configFile(_ path: String) -> String { "設定ファイル：\(path)" }
  public func configBadValue(_ key: String, value: String, lowest: Int, highest: Int) -> String {
    "\(key) には \(lowest)〜\(highest) の整数を指定してください（'\(value)' は使えません）"
  }
  public func configCannotWrite(_ path: String, reason: String) -> String {
    "設定ファイル \(path) に書き込めません：\(reason)"
  }
  public func configSet(_ key: String, value: Int) -> String { "\(key) を \(value) にしました。" }
  public func dailyStart(streak: Int, done: Int, goal: Int, due: Int, new: Int) -> String {
    var now: [String] = []
    if due > 0 { now.append("復習 \(due) 問") }
    if new > 0 { now.append("新しい問題 \(new) 問") }
    return "毎日の練習 · 連続 \(streak) 日 · 今日 \(goal) 問中 \(done) 問 · 今回：\(now.joined(separator: "、"))"
  }
  public func dailyEnd(streak: Int, done: Int, goal: Int, dayComplete: Bool, dueTomorrow: Int) -> String {
    let today =
      done >= goal
      ? "今日 \(goal) 問中 \(done) 問：目標達成"
      : dayComplete
        ? "今日 \(goal) 問中 \(done) 問：今日の復習と新しい問題はすべて終わりました"
        : "今日 \(goal) 問中 \(done) 問：あと \(goal - done) 問（`rehearse daily` で続きから）"
    let tomorrow = dueTomorrow == 0 ? "明日の復習はありません" : "明日の復習 \(dueTomorrow) 問"
    return "連続 \(streak) 日 · \(today) · \(tomorrow)。"
  }
  public func dailyNothingLeft(done: Int, goal: Int, moreDue: Int, streak: Int) -> String {
    if done >= goal {
      let more = moreDue > 0 ? "復習がまだ \(moreDue) 問あります。`rehearse daily --count \(moreDue)` で練習できます。" : "今日の復習はもうありません。"
      return "今日の目標は達成済みです（\(goal) 問中 \(done) 問 · 連続 \(streak) 日）。\(more)"
    }
    return "今日の復習はもうなく、今日の新しい問題も出し終えました（\(goal) 問中 \(done) 問回答 · 連続 \(streak) 日）。"
  }
  public func dailyMoreOptions(newLeft: Int) -> String {
    (newLeft > 0 ? "続けますか？ n：新しい問題（未練習 \(newLeft) 問）· " : "続けますか？ ") + "r：苦手な回答に再挑戦 · Enter：終了"
  }
  public let dailyMorePrompt = "n / r / Enter > "
  public func dailyMoreUnknown(_ answer: String) -> String { "「\(answer)」には対応していません。n、r、Enter のどれかを入力してください" }
  public func dailyMoreHint(newLeft: Int, newOption: Int) -> String {
    (newLeft > 0 ? "続けるには：`rehearse daily --new \(newOption)` で新しい問題（未練習 \(newLeft) 問）、" : "続けるには：")
      + "`rehearse retry` で苦手な回答に再挑戦できます。"
  }
  public let dailyFollowHint = "フォロー中の企業がないため、すべての問題集から出題します。`rehearse follow 企業ID` で、準備中の企業に絞れます。"
  public let dailyNoNewLeft = "この問題集の問題はすべて練習済みです。`rehearse retry` で苦手な問題に再挑戦できます。"
  public let retryNoPractice = "再挑戦できる回答はまだありません。`rehearse daily` か `rehearse drill 企業ID` から始めましょう。"
  public let retryNothingWeak = "再挑戦が必要な回答はありません。どの問題も直近の回答は「良い」か「簡単」でした。`rehearse daily` で復習を続けましょう。"
  public func retryStart(count: Int) -> String {
    "苦手な回答 \(count) 問に再挑戦します。前回足りなかったことを先に示し、回答後に前回と並べて比べます。"
  }
  public func retryLastTime(date: String, grade: String, lacked: [String], problems: [String]) -> String {
    var parts: [String] = []
    if !lacked.isEmpty { parts.append(lacked.joined(separator: "・") + "が足りませんでした") }
    parts += problems
    return "前回（\(date)、評価「\(grade)」）：" + (parts.isEmpty ? "弱い回答でした" : parts.joined(separator: "。")) + "。"
  }
  public func retryYourNote(_ note: String) -> String { "次回への自分のメモ：「\(note)」" }
  public let retrySkipped = "スキップしました"
  public let retryAbandoned = "途中でやめました"
  public let retryUnanswered = "何も入力されませんでした"
  public let retryCutAtDeadline = "時間切れで打ち切られました"
  public let retryOverTime = "制限時間を大きく超えました"
  public let retryHintUsed = "ヒントを見て答えました"
  public let retryAgainstLastTime = "前回との比較"
  public func levelChange(_ direction: LevelChange.Direction) -> String {
    switch direction {
    case .better: "向上"
    case .same: "同じ"
    case .worse: "低下"
    }
  }
  public func grade(_ grade: FSRS.Grade) -> String {
    switch grade {
    case .again: "もう一度"
    case .hard: "難しい"
    case .good: "良い"
    case .easy: "簡単"
    }
  }
  public func compareNoAttempts(_ question: String) -> String {
    "「\(question)」に答えた記録はまだありません（質問ID は `rehearse banks show 企業ID` で確認できます）"
  }
  public func compareWhichCompany(_ question: String, companies: [String]) -> String {
    "「\(question)」という質問は複数の企業にあります。--company で指定してください（\(companies.joined(separator: "、"))）"
  }
  public let columnDate = "日付"
  public let columnTotal = "合計"
  public let columnTime = "時間"
  public let columnSelf = "自己"
  public func categoryShort(_ category: ScoreCategory) -> String {
    switch category {
    case .reasoning: "理由"
    case .reproducibility: "再現"
    case .evidence: "根拠"
    case .companyFit: "企業"
    case .structure: "構成"
    }
  }
  public func compareStatus(_ status: AnswerStatus) -> String {
    switch status {
    case .skipped: "スキップ"
    case .abandoned: "中断"
    case .unanswered: "未回答"
    case .answered, .timedOut: "–"
    }
  }
  public func compareChanged(gained: [String], lost: [String]) -> String {
    if gained.isEmpty && lost.isEmpty { return "初回 → 最新：増えた項目も減った項目もありません。" }
    var parts: [String] = []
    if !gained.isEmpty { parts.append("できるようになった項目：" + gained.joined(separator: "・")) }
    if !lost.isEmpty { parts.append("抜けた項目：" + lost.joined(separator: "・")) }
    return "初回 → 最新：" + parts.joined(separator: "。") + "。"
  }
  public let compareLegend =
    "レベル 0〜3（– は問われない項目）。時間は使用／制限（! は時間切れ）、自己は自己評価の平均、★ は合計点が最も高い回。# は練習の番号（`rehearse show #`）。"
  public func deleteWhat(id: String, company: String, started: String, answers: Int) -> String {
    "練習 #\(id)（\(company)、\(started)、\(answers) 問）"
  }
  public func deleteQuestion(_ what: String) -> String {
    "\(what)を、回答・振り返り・深掘り質問ごと削除しますか？元に戻せません。"
  }
  public func deleted(_ what: String) -> String { "\(what)を削除しました。" }
  public let nothingDeleted = "何も削除していません。"
  public func forgetQuestion(_ company: String, drills: Int) -> String {
    "\(company) に関するすべて（練習 \(drills) 回分の回答、復習の予定、フォロー）を削除しますか？元に戻せません。"
  }
  public func forgetNothing(_ company: String) -> String { "\(company) について保存されているものはありません。" }
  public func forgotten(_ company: String, answers: Int) -> String {
    "\(company) に関するすべてを削除しました（回答 \(answers) 件）。"
  }
  public let confirmPrompt = "[y/N] > "
  public let confirmNeedsYes = "元に戻せない操作です。端末で確認できないときは --yes を付けてください"
  public func exportCannotWrite(_ path: String, reason: String) -> String { "\(path) に書き込めません：\(reason)" }
  public func exported(count: Int, path: String) -> String { "\(count) 回分の練習を \(path) に書き出しました。" }
  public func importNotExport(_ path: String, reason: String) -> String {
    "\(path) は Rehearse の書き出し（`rehearse export --all --format json`）ではありません：\(reason)"
  }
  public func imported(count: Int, skipped: Int) -> String {
    "\(count) 回分の練習を読み込みました" + (skipped > 0 ? "（すでにある \(skipped) 回分は飛ばしました）。" : "。")
  }
  public func statsHeading(weeks: Int) -> String { "直近 \(weeks) 週間（古い順）" }
  public let statsPracticeDays = "練習した日数"
  public func statsThisWeek(_ days: Int) -> String { "今週 \(days) 日" }
  public func statsWeeksAxis(_ weeks: Int) -> String { weeks > 1 ? "↑ 1 文字が 1 週間、右端が今週" : "↑ 今週" }
  public func statsStreaks(current: Int, longest: Int) -> String { "連続記録：現在 \(current) 日、最長 \(longest) 日。" }
  public func statsInTime(_ percent: Int) -> String { "制限時間内の回答：\(percent)%。" }
  public let statsWeakest = "苦手な質問（合計点の平均）"
  public func statsAttempts(_ count: Int) -> String { "\(count) 回" }
  public let statsNothingYet = "この期間に採点された回答はまだありません。`rehearse daily` で今日の練習を始めましょう。"
  public func statsReadiness(_ score: Int) -> String { "準備度：\(score) / 100" }
  public let statsLowReadiness = "まだ準備が足りません。"
  public func statsAdviceCategory(_ category: String) -> String {
    "いちばん効果が大きいのは「\(category)」（最も弱い項目）です。`rehearse retry` で、それが足りなかった回答に再挑戦できます。"
  }
  public let statsAdviceTiming = "いちばん効果が大きいのは、制限時間内に答えることです（--strict で練習しましょう）。"
  public let statsAdviceRegularity = "いちばん効果が大きいのは、練習する日を増やすことです（`rehearse daily`、数分で十分です）。"
  public let htmlLegend = "印の付いた語："
  public func htmlExportTitle(drills: Int) -> String { "Rehearse — 練習 \(drills) 回分" }
  public func htmlExportedOn(_ date: String) -> String { "書き出し \(date)" }
  public let reviewRatingYours = "自己"
  public let reviewRatingScorer = "採点"
  public let htmlOnTerminal = "上はページの HTML です。-o FILE.html でファイルに書き出し、ブラウザで開いてください。"
  public func daysOutOfRange(_ days: Int) -> String { "--days は 7 から 365 の間で指定してください（\(days) は範囲外です）" }
  public let reportTitle = "Rehearse 上達レポート"
  public func reportSpan(from first: String, to last: String, made: String) -> String {
    "\(first) 〜 \(last) · 作成 \(made)"
  }
  public let reportReadiness = "準備度（0〜100）"
  public let reportCurrentStreak = "現在の連続練習日数"
  public let reportLongestStreak = "最長の連続練習日数"
  public let reportAnswers = "採点された回答"
  public let reportInTime = "制限時間内の回答"
  public let reportLevelsChart = "観点ごとの週平均レベル（0〜3）"
  public let reportTimeChart = "週ごとの時間の使い方"
  public let reportTimeInLimit = "制限時間内の回答の割合"
  public let reportTimeUsed = "使った時間（制限時間に対する割合）"
  public let reportCalendar = "練習カレンダー：1日の回答数"
  public func reportCalendarDay(_ day: String, answers: Int) -> String { "\(day)：\(answers) 問" }
  public let reportLess = "少"
  public let reportMore = "多"
  public let reportWeekdays = ["月", "火", "水", "木", "金", "土", "日"]
  public func reportMonth(_ month: Int) -> String { "\(month)月" }
  public let reportLimitLine = "制限時間"
  public let reportWeakest = "苦手な質問"
  public let reportQuestionColumn = "質問"
  public let reportCompanyColumn = "企業"
  public let reportMeanColumn = "平均点"
  public let reportAttemptsColumn = "回数"
  public let reportLatestColumn = "最新の回答"
  public let reportTranscripts = "苦手な質問への最新の回答"
  public func reportWritten(_ path: String) -> String { "レポートを \(path) に書き出しました。" }
  public let reviewKeys = "←/→ 質問  [/] 前/次の練習  ↑/↓ スクロール  e 振り返り  q 終了"
  public let reviewKeysNoEdit = "←/→ 質問  [/] 前/次の練習  ↑/↓ スクロール  q 終了"
  public func reviewPosition(_ question: Int, of count: Int) -> String { "質問 \(question) / \(count)" }
  public let reviewOldest = "これより前の練習はありません。"
  public let reviewNewest = "これより後の練習はありません。"
  public func reviewEditHeading(_ question: Int) -> String { "Q\(question) の振り返り" }
  public let reviewEditHint = "Enter を押すたびにその行を保存します（空行で消去）。Ctrl-C で残りはそのままにします。"
  public let reviewSaved = "保存しました。"
  public let reviewEditCancelled = "残りはそのままにしました。"
  public let reviewFollowUpsOnly = "振り返りは元の質問に付けます。質問の画面で追加してください。"
  public func preflightHeading(company: String, stage: String?, mode: InterviewMode) -> String {
    "\(company)の面接の前に" + (stage.map { "（\($0)）" } ?? "") + "・\(interviewMode(mode))"
  }
  public func preflightWhen(_ date: String, days: Int) -> String {
    "\(date)" + (days == 0 ? "（今日）" : days == 1 ? "（明日）" : days > 1 ? "（\(days)日後）" : "")
  }
  public let preflightPast = "その日時はもう過ぎています。日付は正しいですか？"
  public let preflightDoneToday = "今日の事前チェックはすべて準備済みです（もう一度確認するには rehearse preflight）。"
  public let preflightModeGuessed = "この企業の問題集には面接の形式がありません。オンライン面接として確認します（--mode で選べます）。"
  public func preflightDisk(free: String, low: Bool) -> String {
    low ? "回答を保存する場所の空きが \(free) しかありません。練習の前に空けておきましょう。" : "回答を保存する場所の空き：\(free)"
  }
  public func preflightNetwork(_ interface: String?) -> String {
    interface.map { "ネットワークに接続しています（\($0)）。" }
      ?? "今はネットワーク接続が見つかりません。面接の前に接続してください（注意です。Rehearse 自体は接続なしで動きます）。"
  }
  public func preflightPrompt(_ number: Int, of count: Int) -> String { "[\(number)/\(count)] y/n > " }
  public let preflightYesNo = "y（済み）か n（まだ）で答えてください。"
  public func preflightReady(_ ready: Int, of count: Int) -> String { "準備済み：\(count) 項目中 \(ready) 項目。" }
  public let preflightAllReady = "面接の準備はすべて整っています。"
  public let preflightNotReady = "まだ準備ができていないこと："
  public let preflightNotAnswered = "（未回答）"
  public let preflightStopped = "事前チェックを中止しました。何も保存していません。"
  public func preflightBadDate(_ text: String) -> String { "「\(text)」は 2026-12-10 14:00 のような日時ではありません" }
  public func interviewMode(_ mode: InterviewMode) -> String {
    switch mode {
    case .online: "オンライン"
    case .inPerson: "対面"
    case .phone: "電話"
    }
  }
  public func mockHeading(company: String) -> String { "模擬面接 — \(company)" }
  public let mockPrepBackground = "募集背景"
  public func mockStageNeeded(_ stages: [String]) -> String {
    "模擬面接は段階ごとに行います：--stage を付けてください（\(stages.joined(separator: "、"))）"
  }
  public let mockPreflightNotReady = "このまま練習はできます。本番までに上のことを済ませておきましょう。"
  public func mockAnswerKept(seconds: Int, limit: Int) -> String { "回答を保存しました：\(timeUsed(seconds, limit: limit))" }
  public func mockEndHeading(company: String, stage: String) -> String { "模擬面接終了：\(company)・\(stage)" }
  public let mockAnswersHeading = "回答ごとの評価"
  public func mockAskedAgain(_ parts: [String]) -> String { "深掘り：" + parts.joined(separator: "、") }
  public func mockTime(inTime: Int, of: Int, seconds: Int, planned: Int?) -> String {
    "時間：\(of) 問中 \(inTime) 問が制限時間内（深掘りを含む）。回答に使った時間は\(self.seconds(seconds))"
      + (planned.map { "（この段階の面接はおよそ \($0) 分）。" } ?? "。")
  }
  public let mockEndedEarly = "最後の質問の前に終了しました。ここまでの回答は保存し、採点しています。"
  public func quoted(_ text: String) -> String { "「\(text)」" }
  public func andMore(_ count: Int) -> String { "ほか \(count) 項目" }
  public func mockPrepSheet(touched: Int, of: Int) -> String {
    "企業との接続：企業研究シート \(of) 項目のうち \(touched) 項目に回答で触れました。"
  }
  public let mockPrepSheetMissing = "まだ触れていない項目："
  public let mockRubricHeading = "採点から見たルーブリック（1〜5）"
  public let mockFixHeading = "まず直すこと"
  public func mockFixUnanswered(_ count: Int) -> String {
    "答えられなかった質問が \(count) 問ありました。本番では沈黙も評価されます。答えを用意できるまでドリルで練習しましょう。"
  }
  public func mockFixCategory(_ category: ScoreCategory, answers: Int, of: Int) -> String {
    let what: String =
      switch category {
      case .reasoning: "なぜその判断をしたか"
      case .reproducibility: "その力が御社でも再現できるか"
      default: "具体的な結果"
      }
    let how: String =
      switch category {
      case .reasoning: "判断の基準や、選ばなかった選択肢とその理由を話しましょう"
      case .reproducibility: "繰り返し使える方法と、入社後にどう使うかを話しましょう"
      default: "数字で、できれば前後の比較で示しましょう"
      }
    return "\(of) 問中 \(answers) 問で「\(what)」が話せていません。\(how)。"
  }
  public func mockFixDugTwice(_ category: ScoreCategory, times: Int) -> String {
    let what = category == .reasoning ? "判断の理由" : "再現性"
    return "面接官が\(what)を二度聞き直しました" + (times == 1 ? "" : "（\(times) 問で）")
      + "。最初に聞かれたときに答えられるようにしましょう。"
  }
  public func mockFixOvertime(_ count: Int) -> String {
    "\(count) 問で時間を超えました。結論から話し、経緯は短くしましょう。"
  }
  public func mockFixPrepSheet(_ lines: [String]) -> String {
    "企業が求めることと自分の経験を結びつけましょう：" + lines.map(quoted).joined(separator: "、")
  }
  public let mockNothingToFix = "目立った課題はありません。次の段階や --strict でもう一度やってみましょう。"
  public func mockAfterwards(_ session: SessionID) -> String {
    "`rehearse review \(session)` で読み返して振り返りを書きましょう。弱かった回答は `rehearse daily` で出題されます。"
  }
  public let mockNotScored = "採点なし"
  public let checkHeading = "準備度セルフチェック：今日の自分にどれくらい当てはまりますか？"
  public func checkScale(_ labels: [String]) -> String {
    labels.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "・")
  }
  public let checkPrompt = "1〜5 > "
  public let checkInvalid = "1（まったく）から 5（十分に）の数字で答えてください。"
  public func checkBadLine(_ line: Int, _ text: String) -> String {
    "\(line) 行目：「\(text)」は 1〜5 の評価ではありません。何も保存していません"
  }
  public func checkIncomplete(answered: Int, of: Int) -> String {
    "\(of) 項目すべてに評価が必要です（\(answered) 項目のみ）。何も保存していません"
  }
  public let checkStopped = "チェックを中止しました。何も保存していません。"
  public func checkScore(_ score: Int) -> String { "セルフチェック：\(score) / 100" }
  public let checkLow = "自己評価では、まだ準備が整っていません。まず下の二つから始めましょう。"
  public func checkStrengths(_ items: [String]) -> String { "強み：" + items.joined(separator: "、") }
  public let checkImproveFirst = "まず伸ばすこと"
  public func checkEarlier(_ date: String, score: Int) -> String { "前回（\(date)）：\(score) / 100" }
  public func statsChecks(_ entries: [String]) -> String { "セルフチェック：" + entries.joined(separator: " → ") }
  public let reportCheck = "最新のセルフチェック（0〜100）"
  public func debriefShipped(_ company: String) -> String {
    "振り返りは聞かれた質問をあなた自身の企業の問題集に加えます。「\(company)」は Rehearse 付属の問題集です。`rehearse banks new` で自分の問題集を作ってください"
  }
  public func debriefHeading(company: String, stage: String, date: String) -> String {
    "本番の振り返り：\(company)・\(stage)（\(date)）"
  }
  public let debriefIntro = "覚えているうちに、聞かれた質問・自分の答え・面接官の反応・三つの振り返りを書きましょう。質問を空行にすると終わります。"
  public func debriefQuestionPrompt(_ number: Int) -> String { "Q\(number) > " }
  public func debriefMatched(_ id: String, text: String) -> String { "→ 問題集にある質問です（\(id)）：\(text)" }
  public let debriefSamePrompt = "この質問と同じですか？ [Y/n] > "
  public func debriefNew(_ id: String) -> String { "→ 新しい質問として問題集に加えます（\(id)）。" }
  public let debriefAnswerIntro = "実際に答えた内容（空行で終わり）："
  public let debriefReactionPrompt = "面接官の反応は？ > "
  public let debriefNothing = "質問が書かれていないので、何も保存していません。"
  public func debriefSummary(questions: Int, added: Int, path: String) -> String {
    "\(questions) 問を保存しました" + (added > 0 ? "。うち \(added) 問を問題集に追加しました（\(path)）" : "")
      + "。`rehearse daily` で出題されます。"
  }
  public func debriefAfter(_ session: SessionID) -> String {
    "結果が届いたら：`rehearse outcome \(session) passed`（合格）・`rejected`（不合格）・`waiting`（結果待ち）"
  }
  public func outcomeNotInterview(_ session: SessionID, mode: SessionMode) -> String {
    "結果は `rehearse debrief` で記録した本番の面接に付けます。#\(session) は\(sessionMode(mode))です"
  }
  public func outcomeName(_ outcome: InterviewOutcome) -> String {
    switch outcome {
    case .passed: "合格"
    case .rejected: "不合格"
    case .waiting: "結果待ち"
    }
  }
  public func outcomeFact(_ outcome: InterviewOutcome) -> String { "結果：\(outcomeName(outcome))" }
  public func outcomeRecorded(_ outcome: InterviewOutcome, session: SessionID, company: String, date: String) -> String
  {
    "記録しました：\(outcomeName(outcome))（#\(session)・\(company)・\(date)）"
  }
  public func outcomeRejectedIntro(drafts: Int) -> String {
    "不合格で終わりとは限りません。欠員が出たときに再検討する企業もあります。読んで手直しして送れる下書きが"
      + (drafts == 1 ? "あります" : "二つあります") + "（送らなくても構いません）："
  }
  public func outcomeFeedbackHeading(_ number: Int) -> String {
    "\(number). フィードバックのお願い（返事が来ないことがほとんどです。送るのは一度だけ、催促はしないこと）"
  }
  public let outcomeFeedbackLeftOut = "（新卒の選考ではフィードバックはまず得られないため、お願いの下書きは省きました。--feedback で表示します。）"
  public func outcomeSecondChanceHeading(_ number: Int) -> String { "\(number). 今後の募集で再度検討していただくお願い" }
  public let outcomeBackInPractice = "今日の練習に戻しました（`rehearse retry` か `rehearse daily`）："
  public let outcomePassed = "おめでとうございます。内定は書面で受け取るまで確定ではありません。"
  public func outcomePassedStage(_ next: String) -> String { "おめでとうございます。次は\(next)です。" }
  public func outcomeNextStage(company: String, stage: String) -> String {
    "模擬面接で準備しましょう：`rehearse mock \(company) --stage \(stage)`"
  }
  public let outcomeWaiting = "結果を待つ間も `rehearse daily` で回答を磨いておきましょう。"
  public func searchNothing(_ query: String) -> String { "「\(query)」は見つかりませんでした。" }
  public let searchFollowUp = "深掘り質問"
  public let searchReflection = "振り返り"
  public func searchCount(_ count: Int) -> String { "\(count) 件。`rehearse show ID` で練習全体を開けます。" }
  public func following(_ ids: [String]) -> String { "\(ids.joined(separator: "、")) をフォローしました。" }
  public func followed(_ ids: [String]) -> String { "フォロー中：\(ids.joined(separator: "、"))" }
  public let followingNone = "フォロー中の企業はまだありません。`rehearse follow ID` でフォローできます。"
  public func unfollowed(_ ids: [String]) -> String { "\(ids.joined(separator: "、")) のフォローをやめました。" }
  public func notFollowed(_ ids: [String]) -> String { "フォローしていません：\(ids.joined(separator: "、"))" }
  public func resumeDeclined(sessionID: String) -> String {
    "そのドリルは中断として閉じました。回答は保存されています（rehearse show \(sessionID)）。"
  }
  public func unknownCommand(_ word: String, suggestion: String?, commands: [String]) -> String {
    "'\(word)' というコマンドはありません"
      + (suggestion.map { "。'\($0)' のことですか？" } ?? "（コマンド：\(commands.joined(separator: "、"))）")
  }
  public func skipQuestion(lines: Int) -> String {
    "この質問をスキップしますか？入力した \(lines) 行は保存されますが、採点はしません。"
  }
  public let skipPrompt = "スキップする？ [y/N] > "
  public func skippedQuestions(_ numbers: [Int]) -> String {
    "スキップした質問：" + numbers.map { "Q\($0)" }.joined(separator: "、")
  }
  public func keepRatingsPrompt(count: Int) -> String { "Enter でこの評価のまま、変えるなら \(count) 桁を入力 > " }
  public func notRated(_ criterion: String) -> String { "\(criterion)  未評価" }
  public func unrated(_ criterion: String) -> String {
    "\(criterion)：未評価（採点の目安がありません。評価するには全項目の数字を入力）"
  }
  public let noCompanyInGeneralBank = "判定なし（一般の質問集には企業がありません）"
  public func level(_ level: Int) -> String { "レベル \(level)" }
  public func totalScore(_ total: Int) -> String { "合計 \(total)/100" }
  public let answerHeading = "あなたの回答"
  public let cancelledHeading = "数えなかった表現"
  public func rule(_ rule: String) -> String {
    switch rule {
    case "negation": "同じ文に打ち消し（特に理由はない・なんとなく）がある"
    case "denied-reason": "自分で否定した理由（その後の理由は数えます）"
    case "someone-elses-decision": "自分ではなく他の人の判断"
    case "no-decision": "自分の判断に結びついていない"
    case "non-decision": "出来事の説明で、選択の理由ではない"
    case "failure-cause": "失敗の原因で、選択の理由ではない"
    case "no-content": "中身のない理由"
    case "keyword-gaming": "一文に目印の言葉が多すぎて中身が少ない"
    case "descriptive-use": "従った手順の説明で、自分が作った仕組みではない"
    case "not-built": "自分で作ったとは言っていない資料"
    case "not-adopted": "作ったが、今も使われているとは言っていないもの"
    case "needs-content": "方法が伴わない主張"
    case "context-number": "規模・期間などの前提の数字で、結果ではない"
    case "target": "目標や希望で、結果ではない"
    case "vague-result": "数字のない結果"
    case "learned-doubt": "回答全体からは裏づけられない（学習による判定）"
    default: rule
    }
  }
  public func ownership(i: Int, we: Int) -> String { "主語: 私 ×\(i)、私たち ×\(we)" }
  public func fillers(_ words: [String]) -> String { "口癖: " + words.joined(separator: "、") }
  public func failureReview(cause: Bool, change: Bool, result: Bool) -> String {
    "失敗の振り返り: 原因 \(cause ? "✓" : "✗")・改善 \(change ? "✓" : "✗")・結果 \(result ? "✓" : "✗")"
  }
  public let emptyAnswer = "採点する回答がありません（標準入力が空でした）"
  public let typeAnswer = "回答を入力または貼り付けて、空の行で Ctrl-D を押してください。"
  public func invalidBytes(_ count: Int) -> String { "回答に UTF-8 として不正なバイトが \(count) 個あり、U+FFFD に置き換えました" }

  public func lintSummary(files: Int, errors: Int, warnings: Int) -> String {
    if errors == 0, warnings == 0 { return "\(files) ファイルを確認: 問題はありません。" }
    return "\(files) ファイルを確認: エラー \(errors) 件、警告 \(warnings) 件。"
  }

  public func unknownBank(_ id: String) -> String { "ID が '\(id)' のバンクはありません" }
  public func didYouMean(_ id: String) -> String { "'\(id)' のことですか？" }
  public let availableBanks = "バンク一覧:"

  public let newIntro = "応募する企業のバンクを作ります。求人票（募集背景・必須要件・歓迎要件）や企業サイトを見ながら入力してください。任意の項目は Enter で飛ばせます。"
  public let promptName = "企業名"
  public let promptID = "ID（半角英小文字・数字・-）"
  public let promptLanguage = "面接の言語 (ja/en)"
  public let promptIndustry = "業界"
  public let promptBackground = "募集背景"
  public let promptRequired = "必須要件"
  public let promptPreferred = "歓迎要件"
  public let promptMission = "ミッション"
  public let promptVision = "ビジョン"
  public let promptValues = "バリュー（行動指針）"
  public let promptStages = "選考ステップ（順に: first, second, final, casual, group, case, third）"
  public let promptFormat = "面接形式のメモ（オンラインか、面接官は誰か）"
  public let listInputHint = "1行に1つ。空行で終わります"
  public let cancelled = "中止しました。何も書き込んでいません。"
  public let optionalHint = "任意"
  public func invalidID(_ problem: String) -> String { "その ID は使えません（\(problem)）。半角英小文字・数字・- を使ってください。" }
  public func bankCreated(path: String, questions: Int) -> String { "\(path) を作成しました（\(questions) 問）。" }
  public let bankCreatedNext = "この企業で聞かれた質問（source: interview-report と年）を書き足し、`rehearse banks lint` で確認してください。"
  public func bankExists(_ path: String) -> String { "\(path) はすでにあります。別の ID にするか、--force で置き換えてください" }
  public func missingForNonInteractive(_ flags: [String]) -> String {
    "標準入力が端末ではないため、次をオプションで指定してください: \(flags.joined(separator: ", "))"
  }
  public func unknownStages(_ stages: [String], known: [String]) -> String {
    "不明な選考ステップ: \(stages.joined(separator: ", "))（使えるもの: \(known.joined(separator: ", "))）"
  }
  public let noTemplateQuestions = "選んだ選考ステップには標準の質問がありません"

  public func shellWelcome(version: String) -> String {
    "Rehearse \(version)。コマンド一覧は `help`、Tab で補完、`quit` か Ctrl-D で終了します。"
  }
  public let shellHelp = """
    このシェルでは `rehearse` を付けずにコマンドを入力します（例: `banks show kiso-consulting`）。\
    `help コマンド名` で個別の説明を表示します。Tab でコマンド・オプション・企業 ID を補完し、\
    ↑ で前の入力を呼び出せます。Ctrl-C で入力中の行を消し、`quit`・`exit`・Ctrl-D で終了します。
    """
  public func unclosedQuote(_ quote: Character) -> String { "引用符（\(quote)）が閉じないまま行が終わっています" }
  public let trailingBackslash = "行がバックスラッシュで終わっています"
  public let columnStarted = "開始"
  public let columnCompany = "企業"
  public let columnMode = "形式"
  public let columnAnswered = "回答"
  public let columnScore = "平均点"
  public let columnStatus = "状態"
  public func sessionMode(_ mode: SessionMode) -> String {
    switch mode {
    case .drill: "ドリル"
    case .daily: "毎日の練習"
    case .retry: "再挑戦"
    case .mock: "模擬面接"
    case .debrief: "本番の振り返り"
    default: mode.rawValue
    }
  }
  public func sessionStatus(_ reason: EndReason?) -> String {
    switch reason {
    case .finished: "完了"
    case .quit: "途中でやめた"
    case .interrupted: "中断された"
    case nil: "未完了"
    }
  }
  public func historyMore(_ total: Int) -> String {
    "全 \(total) 回のうち新しい 50 回です。`rehearse history --limit N` でさらに表示、--since（日付や 2w）で絞り込めます。"
  }
  public func sessionCount(_ count: Int) -> String { "\(count) 回" }
  public let noSessions = "まだ練習の記録がありません。`rehearse drill COMPANY` で始めましょう。"
  public let noMatchingSessions = "条件（--company、--since）に合うドリルはありません。"
  public let showSessionHint = "記録は `rehearse show ID` で開けます。"
  public func unknownSession(_ id: String) -> String { "ID が '\(id)' の記録はありません（`rehearse history` で確認できます）" }
  public func sessionTitle(_ id: SessionID, mode: SessionMode) -> String {
    "\(mode == .drill ? "ドリル" : mode == .mock ? "模擬面接" : "練習") #\(id)"
  }
  public let strictMode = "時間厳守"
  public func seed(_ seed: UInt64) -> String { "シード \(seed)" }
  public let reviewOff = "自己評価なし"
  public func answerStatus(_ status: AnswerStatus) -> String {
    switch status {
    case .answered: "回答済み"
    case .skipped: "スキップ"
    case .abandoned: "途中で終了"
    case .timedOut: "時間切れで提出"
    case .unanswered: "未回答"
    }
  }
  public let inProgress = "回答中"
  public func timeUsed(_ seconds: Int, limit: Int) -> String { "\(self.seconds(seconds))（制限 \(self.seconds(limit))）" }
  public func overtime(_ seconds: Int) -> String { "超過 \(self.seconds(seconds))" }
  public let hintUsed = "ヒントあり"
  public let noAnswerText = "（回答なし）"
  public let draftHeading = "入力途中だった行"
  public let reactionHeading = "面接官の反応"
  public let selfReviewHeading = "自己評価"
  public func followUpHeading(_ number: Int, category: ScoreCategory?) -> String {
    "深掘り \(number)" + (category.map { "（\(self.category($0))）" } ?? "")
  }

  // Drill
  public func timeRow(seconds: Int, limit: Int, overtime: Int, timedOut: Bool) -> String {
    "\(EnglishMessages.clock(seconds)) / \(EnglishMessages.clock(limit))"
      + (overtime > 0 ? "  +\(EnglishMessages.clock(overtime)) 超過" : "") + (timedOut ? "  時間で打ち切り" : "")
  }
  public let warningLabel = "警告"
  public let errorLabel = "エラー"
  public func unknownDrillCommand(_ command: String) -> String {
    "\(command) はコマンドではありません（:skip :repeat :hint :quit）。この行は記録していません。"
  }
  public let endDrillQuestion = "練習を終了しますか？ もう一度 Ctrl-C で終了（ここまでの内容は保存済み）、Enter で戻ります。"
  public let endDrillPrompt = "> "
  public let reverseQuestionNotScored = "逆質問は採点せずに記録します（判断の理由や再現性の対象外です）。"
  public func drillHeader(company: String, stage: String, number: Int, total: Int) -> String {
    "\(company) · \(stage) · 第\(number)問/全\(total)問"
  }
  public let drillInstructions = "Enter で改行、空行（または Ctrl-D）で提出。単独の行で :skip :repeat :hint :quit"
  public func drillStarting(company: String, count: Int, strict: Bool) -> String {
    "\(company)の時間制限つき練習：\(count) 問、\(strict ? "厳格モード（0 秒で提出）" : "通常モード（超過時間を記録）")。"
  }
  public let thinkLabel = "考える時間"
  public let thinkInstructions = "考える時間です。Enter で回答を始めます。"
  public let interviewerLabel = "面接官"
  public let hintHeading = "良い回答が押さえる点："
  public let noHints = "この質問にはバンクに回答のポイントがありません。"
  public func draftNotSaved(_ reason: String) -> String {
    "入力中の行を下書きとして保存できませんでした（\(reason)）。このまま入力を続けてください。各行は Enter を押したときに保存されます"
  }
  public func storeError(_ error: StoreError) -> String {
    switch error {
    case .folder(let path, let reason):
      "\(path) を記録の保存先フォルダとして使えません：\(reason)"
    case .empty(let path):
      "記録ファイル \(path) は空（0 バイト）です。そのままにしてあります。新しく始めるには、このファイルを別の場所へ移してください"
    case .notADatabase(let path):
      "記録ファイル \(path) は SQLite データベースではありません。そのままにしてあります。新しく始めるには、このファイルを別の場所へ移してください"
    case .corrupt(let path):
      "記録ファイル \(path) は壊れています（ページが欠けているか不正です）。そのままにしてあります。コピーを取ってから "
        + "`sqlite3 \(path) .recover` を試すか、別の場所へ移して新しく始めてください"
    case .foreign(let path):
      "\(path) は Rehearse が作ったものではない SQLite データベースです。そのままにしてあります。別の場所へ移すか、"
        + "REHEARSE_HOME で別のフォルダを指定してください"
    case .newerSchema(let path, let found, let supported):
      "記録ファイル \(path) は新しい Rehearse で書かれています（スキーマ \(found)。このバージョンは \(supported) まで）。"
        + "そのままにしてあります。Rehearse を更新してから開いてください"
    case .full(let path):
      "記録ファイル \(path) のあるディスクがいっぱいです。これまでに保存した内容は残っています。空きを作ってから、同じコマンドをもう一度実行すると続きから再開できます"
    case .readOnly(let path):
      "記録ファイル \(path) に書き込めません。ファイルかそのフォルダが読み取り専用です（SQLite は読むときも -wal と -shm "
        + "のファイルを隣に作ります）。そのままにしてあります。両方を自分が書き込めるようにしてください（chmod u+w）"
    case .busy(let path):
      "記録ファイル \(path) は別のプロセスが使用中です。もう一度お試しください"
    case .unknownSession(let path, let id):
      "記録ファイル \(path) にセッション \(id) はありません"
    case .unknownQuestion(let path, let id):
      "記録ファイル \(path) に質問 \(id) はありません"
    case .rejected(let path, let reason):
      "記録ファイル \(path) への書き込みが拒否されました：\(reason)"
    case .failed(let path, let reason):
      "記録ファイル \(path) を使えません：\(reason)"
    }
  }
  public let diskFull = "ディスクの空きがありません"
  public let notSavedCopyIt = "次の内容は保存されていません。このウィンドウを閉じる前にコピーしてください："
  public let timeUpSubmitted = "時間切れです。入力済みの回答をそのまま提出しました。"
  public let abandonQuestion = "この回答を中断しますか？ y で中断（入力した内容は保存）、Enter で回答を続行、もう一度 Ctrl-C で練習を終了します。"
  public let abandonPrompt = "中断する？ [y/N] > "
  public let answerAbandoned = "回答を中断しました。入力した内容は保存済みです（採点はしません）。"
  public let answerSkipped = "スキップしました。"
  public let answerEmpty = "回答がありませんでした。"
  public func answerTime(seconds: Int, limit: Int, overtime: Int, timedOut: Bool) -> String {
    var text = "時間：\(EnglishMessages.clock(seconds)) / \(EnglishMessages.clock(limit))"
    if overtime > 0 { text += "（\(EnglishMessages.clock(overtime)) 超過）" }
    if timedOut { text += "（制限時間で打ち切り）" }
    return text
  }
  public let reviewHeading = "自己評価"
  public let reviewInstructions = "各項目を 1〜5 で評価してください（1・3・5 の目安を示しています）。"
  public func suggestion(_ rating: Int?) -> String { "（" + (rating.map { "採点の目安 \($0)" } ?? "採点の目安なし") + "）" }
  public func ratingsPrompt(count: Int) -> String { "評価 \(count) 桁（Enter で目安どおり） > " }
  public func badRatings(count: Int) -> String {
    "1〜5 の数字を項目の順に \(count) 個入力してください（例：\(String(repeating: "3", count: count))）。Enter で目安どおりになります。"
  }
  public let reviewSkipHint = "（Enter で省略）"
  public let summaryHeading = "まとめ"
  public let summaryLevels = "質問ごとのレベル"
  public let summaryTime = "時間"
  public let summaryCalibration = "自己評価と採点の比較（自己 / 採点）"
  public func calibrationVerdict(_ verdict: Calibration.Verdict) -> String {
    switch verdict {
    case .aligned: "一致"
    case .overconfident: "採点より 2 以上高い自己評価"
    case .underconfident: "採点より 2 以上低い自己評価"
    }
  }
  public func weakestQuestion(number: Int, text: String) -> String { "いちばん弱かった質問：Q\(number) \(text)" }
  public func retryHint(company: String, question: String?) -> String {
    "もう一度練習：rehearse drill \(company)" + (question.map { " --question \($0)" } ?? "")
  }
  public func drillSaved(sessionID: String) -> String { "保存しました。読み返すには：rehearse show \(sessionID)" }
  public let drillQuit = "途中で終了しました。ここまでの内容はすべて保存済みです。"
  public let noAnsweredQuestions = "回答した質問はありません。"
  public func resumeOffer(company: String, number: Int, total: Int, started: String) -> String {
    "\(company) の練習（\(started) 開始）が第\(number)問/全\(total)問で止まっています。"
  }
  public let resumePrompt = "再開しますか？ [Y/n] > "
  public func resumeUnavailable(company: String) -> String {
    "\(company) の途中の練習は再開できません（バンクが見つからないか変更されています）。練習は閉じ、回答は保存したままです。"
  }
  public func drillPlanProblem(_ problem: DrillPlan.Problem) -> String {
    switch problem {
    case .unknownStage(let stage, let known): "このバンクに段階 '\(stage)' はありません。段階：\(known.joined(separator: "、"))"
    case .noQuestions: "その条件に合う質問がこのバンクにありません"
    case .badNumber(let option, let value):
      "\(option) \(value) は範囲外です（\(["--time": "5〜3600 秒", "--think": "0〜600 秒"][option] ?? "1 以上")）"
    case .unknownQuestion(let id, let suggestion):
      "このバンクに質問 '\(id)' はありません"
        + (suggestion.map { "。'\($0)' のことですか？" } ?? "（id は `rehearse banks show` で確認できます）")
    }
  }
}
