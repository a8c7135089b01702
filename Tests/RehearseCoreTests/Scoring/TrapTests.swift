import RehearseCore
import RehearseTestSupport
import Testing

/// One trap or rule from SCORING.md: an answer, the category it concerns, the level the scorer
/// must give, and (between 1️⃣ and 2️⃣) the span it must report as a match, or the guard rule
/// that must cancel a marker.
struct TrapCase: CustomTestStringConvertible, Sendable {
  var name: String
  var marked: String
  var category: ScoreCategory
  var level: ClosedRange<Int>
  var cancelledBy: String?
  /// The question the answer replies to, for rules that read it (a reply to "why…?").
  var question: String?

  init(
    _ name: String, _ marked: String, _ category: ScoreCategory, level: Int, cancelledBy: String? = nil,
    question: String? = nil
  ) {
    self.init(name, marked, category, levels: level...level, cancelledBy: cancelledBy, question: question)
  }

  init(
    _ name: String, _ marked: String, _ category: ScoreCategory, levels: ClosedRange<Int>, cancelledBy: String? = nil,
    question: String? = nil
  ) {
    self.name = name
    self.marked = marked
    self.category = category
    self.level = levels
    self.cancelledBy = cancelledBy
    self.question = question
  }

  var testDescription: String { name }
}

let japaneseTraps: [TrapCase] = [
  TrapCase(
    "a document the speaker keeps up to date is theirs: 更新",
    "その後も私が1️⃣テンプレート2️⃣を更新し、今も使われています。", .reproducibility, level: 2),
  TrapCase(
    "made usable for the team is others using it: チームで使えるようにした",
    "問い合わせの回答を回答テンプレートにまとめ、1️⃣チームで使えるようにし2️⃣ました。", .reproducibility, level: 2),
  TrapCase("learning to use something is no method: 英語を使えるようにした", "英語を使えるようにしました。", .reproducibility, level: 0),
  TrapCase("negated reason: 理由は特にない", "理由は特にないのですが、なんとなくA社を選びました。", .reasoning, level: 0),
  TrapCase(
    "a disclaimer cancels the reason in its sentence", "なんとなく、家から近いので選びました。", .reasoning, level: 0,
    cancelledBy: "negation"),
  TrapCase("言われた通り is no reason of one's own", "上司に言われた通りにやることにしました。だから深く考えていません。", .reasoning, levels: 0...1),
  TrapCase(
    "denied reason is cancelled and the real one counts",
    "安かったから選んだわけではありません。サポートが早い1️⃣から2️⃣、このツールを選びました。", .reasoning, level: 2,
    cancelledBy: "denied-reason"),
  TrapCase(
    "から meaning from or after earns nothing", "大阪から上京し、4月から居酒屋で働き始めました。ゼロから仕事を覚え、見てから動くようにしました。", .reasoning, level: 0),
  TrapCase(
    "a reason for an event, not a decision", "雨だったので学園祭は中止になりました。", .reasoning, levels: 0...1,
    cancelledBy: "non-decision"),
  TrapCase("someone else's decision earns nothing", "店長が人手不足だからと判断し、営業時間を短くすると決めました。", .reasoning, levels: 0...1),
  TrapCase("a marker without content", "志望理由は二つあります。雰囲気と将来性です。", .reasoning, level: 0),
  TrapCase(
    "a reason in the next sentence attaches to the decision before it",
    "担当を二人に分けました。一人だと漏れが出る1️⃣と考えたから2️⃣です。", .reasoning, level: 2),
  TrapCase(
    "an after-the-fact reason reaches back over a denial to its decision",
    "予算を広告から事例記事に移しました。単価が上がったからではありません。商談になる割合が高かったので、質を優先すべきだと考えた1️⃣から2️⃣です。",
    .reasoning, levels: 2...3),
  TrapCase(
    "a criterion beside the reason makes level 3",
    "価格より対応の早さを重視し、地元の業者を選びました。止まると業務が回らない1️⃣ので2️⃣、修理の早さを取りました。", .reasoning, level: 3),
  TrapCase(
    "bare claims of reproducibility earn nothing", "再現性の高い人材です。御社でも必ず活かせると思います。", .reproducibility, level: 0,
    cancelledBy: "needs-content"),
  TrapCase(
    "following a procedure is not building one", "決められた手順通りに作業し、マニュアル通りに対応しました。", .reproducibility, level: 0,
    cancelledBy: "descriptive-use"),
  TrapCase(
    "a method spread to other sites is level 3", "手順をチェックリストにまとめ、今は1️⃣他の2店舗でも使2️⃣われています。", .reproducibility, level: 3),
  TrapCase("a habit since is level 2", "1️⃣それ以来2️⃣、出荷前に必ず伝票を照合しています。", .reproducibility, level: 2),
  TrapCase(
    "keyword gaming earns nothing", "仕組み化と横展開を徹底し、再現性と標準化を意識しています。", .reproducibility, level: 0,
    cancelledBy: "keyword-gaming"),
  TrapCase(
    "numbers that are context stay at level 1", "メンバーは8人で、2年間担当しました。週3日勤務です。", .evidence, level: 1,
    cancelledBy: "context-number"),
  TrapCase("a target is not a result", "来期は売上1.5倍が目標です。", .evidence, level: 0, cancelledBy: "target"),
  TrapCase("予定より早く終わった is a result, not a target", "作業は1️⃣予定より2日早2️⃣く終わりました。", .evidence, level: 3),
  TrapCase("kanji numerals count", "廃棄は1️⃣三割2️⃣減りました。", .evidence, level: 2),
  TrapCase("full-width digits count, reported in the original text", "問い合わせが1️⃣３０％2️⃣減りました。", .evidence, level: 2),
  TrapCase("a before/after is level 3", "作り直しは月1️⃣20件から5件2️⃣に減りました。", .evidence, level: 3),
  TrapCase("vague results earn nothing", "かなり良くなりました。", .evidence, level: 0, cancelledBy: "vague-result"),
  // Voices of the writers' corpus: speech, kana, casual forms.
  TrapCase(
    "a reason in speech (って思ったから) attaches to a decision typed in kana",
    "Ａ４一枚のチェック表をつくりました。紙にかいてあれば後からきた人も見れる1️⃣って思ったから2️⃣です。", .reasoning, level: 2),
  TrapCase(
    "a reason told by a title (施設長) is someone else's",
    "施設長が午後にするって決めました。施設長は事故のリスクを考えたからだと思います。", .reasoning, levels: 0...1),
  TrapCase(
    "a reason for a feeling explains no decision", "前の年は４番目だったので、けっこううれしかったです。", .reasoning, levels: 0...1,
    cancelledBy: "non-decision"),
  TrapCase(
    "a reply to なぜ gives the speaker's reason", "家から近い1️⃣から2️⃣です。", .reasoning, level: 2,
    question: "なぜ当社を志望したのですか？"),
  TrapCase("のが before/after in speech", "申し送りが1️⃣３０分かかってたのが１０分2️⃣くらいになりました。", .evidence, level: 3),
  TrapCase("を…まで下げた is a before/after", "担当ラインでは1️⃣50ppmを12ppmまで下げ2️⃣た。", .evidence, level: 3),
  TrapCase("a zero count achieved is a result", "その３か月、夜間の事故は1️⃣0件2️⃣でした。", .evidence, level: 2),
  TrapCase(
    "a shift moved from one time of day to another is no result", "シフトを7時〜15時半から9時〜17時半に変えてもらいました。",
    .evidence, level: 0),
  TrapCase(
    "a team cut by new owners is no result", "新しいオーナーが安全チームを3人から1人に減らしました。", .evidence, levels: 0...1,
    cancelledBy: "context-number"),
  TrapCase("'発言権はゼロ' is no zero count", "他部署なので、優先順位への発言権はゼロでした。", .evidence, level: 0),
  TrapCase(
    "a speed limit set lower is a decision, not a result", "国道の制限速度を時速100キロから80キロに下げることにしました。", .evidence,
    levels: 0...1, cancelledBy: "context-number"),
  TrapCase(
    "overtime cut from hours to hours is still a result", "残業時間を月1️⃣40時間から12時間2️⃣に減らしました。", .evidence, level: 3),
  TrapCase("a thank-you letter is a verifiable outcome", "娘さんから1️⃣お礼の手紙2️⃣をいただきました。", .evidence, level: 2),
  TrapCase("a rank is a result", "満足度が５つのフロア1️⃣の中で一番に2️⃣なりました。", .evidence, levels: 2...3),
  TrapCase("being selected is a result", "研修の講師1️⃣に選ばれ2️⃣ました。", .evidence, level: 2),
  TrapCase("a habit in speech (ようにしてます)", "配薬は1️⃣かならず二人で名前を読むようにして2️⃣ます。", .reproducibility, level: 2),
  TrapCase("いつもこの順 is a standing habit", "クレーム対応は1️⃣いつもこの順2️⃣だ。", .reproducibility, level: 2),
  TrapCase(
    "a facility adopting the chart is level 3", "表にして壁に貼ったら、1️⃣施設全体でその表をつか2️⃣うようになりました。", .reproducibility,
    level: 3),
  TrapCase(
    "a concrete next time is level 2", "1️⃣次に新人さんを持つなら2️⃣、最初の１週間は横で見てもらって、２週目から１個ずつやってもらいます。",
    .reproducibility, level: 2),
  TrapCase("a thin next time is level 1", "次は気をつけます。", .reproducibility, level: 1),
  TrapCase(
    "an artefact made once, used by nobody, is a one-off", "チェック表を作りました。", .reproducibility, level: 1,
    cancelledBy: "not-adopted"),
  TrapCase("tenure since a year is no habit", "2019年以来ずっと夜勤リーダーです。", .reproducibility, level: 0),
  TrapCase(
    "a sentence opening with そのため after a stop is read from the sentence it ends in",
    "反対が多かったです。1️⃣そのため、2️⃣説明会を開くことにしました。", .reasoning, level: 2),
  TrapCase(
    "a reason leading to a belief about oneself explains no decision",
    "介護の現場で急変がけっこうあったので、あわてずに動く力はついてるとおもいます。", .reasoning, levels: 0...1),
  TrapCase(
    "a sentence ending in an action anchors the reason after it (だ form)",
    "不良が出たら、必ず現物を見る。報告書だけで判断すると見落とす1️⃣から2️⃣だ。", .reasoning, level: 2),
  TrapCase(
    "a standing practice in formal speech (続けております)", "毎朝その日の締切を書き出すことを、1️⃣欠かさず2️⃣続けております。",
    .reproducibility, level: 2),
  TrapCase(
    "a practice written into the rules is adopted", "私が作った様式は、今は予算編成1️⃣要領に定め2️⃣られています。", .reproducibility,
    levels: 2...3),
  TrapCase(
    "two cues of a lasting practice in other words (いつも, 今も)", "ミーティングはいつも同じ順番でやり、1️⃣今もそのまま続い2️⃣ています。",
    .reproducibility, level: 2),
  TrapCase(
    "a before/after told in two sentences with a contrast in time", "以前は会議資料が十ページあった。今は二ページにまとめている。",
    .evidence, level: 3),
  TrapCase("an outside review passed is a result", "担当した2社とも上場1️⃣審査を通過2️⃣した。", .evidence, level: 2),
  TrapCase(
    "an achieved number beside a missed target", "目標は30日以内だったが、実績は34日で、前年の41日から7日短縮した。", .evidence,
    level: 3),
  TrapCase("a list of reasons is no number", "御社を志望する理由は三点。成長性、財務基盤、社風です。", .evidence, levels: 0...1),
  TrapCase(
    "the speaker decides after someone else's wish",
    "母は看護を勧めましたが、若者の困りごとの多くは医療ではないと考えたので、私は社会福祉を第一志望にしました。", .reasoning,
    levels: 2...3),
  TrapCase(
    "someone else decides after the speaker's suggestion",
    "私はウェビナーを提案しましたが、部長は大きなイベントが好きなので展示会に決めました。", .reasoning, levels: 0...1),
  TrapCase(
    "a bare 'Reason is,' after the habit", "電話口では納期を約束しません。理由は、以前その場で約束してチームに休日出勤させてしまったからです。",
    .reasoning, levels: 2...3),
  TrapCase(
    "doing one thing first is a choice", "報告書は後回しにして、先に家庭訪問に行きました。報告書は延長できますが、子どもは待てないからです。",
    .reasoning, levels: 2...3),
  TrapCase("a missed target still names what was done", "目標は90%でしたが、結果は目標には届かず85%でした。", .evidence, levels: 2...3),
  TrapCase("on schedule is no plan", "そのシーズンは遅刻0回で、全試合予定通り会場入りできました。", .evidence, level: 2),
  TrapCase("a met target", "結果は県平均より4.2ポイント上で、目標はクリアできました。", .evidence, levels: 2...3),
  TrapCase("a score on a scale", "事後アンケートの満足度が、1️⃣5段階で平均4.62️⃣でした。", .evidence, level: 2),
  TrapCase("a win-loss record", "その2か月の公式戦は1️⃣4勝1分1敗2️⃣でした。", .evidence, level: 2),
  TrapCase("who came", "150人に案内を出したのに、来てくださったのは30人だけでした。", .evidence, levels: 2...3),
  TrapCase("what is normal against this time", "2人とも、ふつうは3か月かかる夜勤デビューが2か月でできました。", .evidence, level: 3),
  TrapCase("keeping records is no result", "強みは記録を残す習慣があることです。", .evidence, level: 0),
  TrapCase("a wish told as a thought is no reason", "5年後にはマネージャーになりたいと思ってます。", .reasoning, level: 0),
  TrapCase("reasons counted but never given", "御社を志望する理由は三点。成長性、財務基盤、社風です。", .reasoning, levels: 0...1),
  TrapCase(
    "a purpose opening the next sentence without a comma", "5年後には施設長をめざしたいです。1️⃣そのために2️⃣まず主任で現場をまとめます。",
    .reasoning, levels: 2...3),
  TrapCase(
    "a switch, with the old way's cost in the next sentence",
    "96穴プレートを毎回使うのをやめて、24穴での予備実験に切り替えました。フルプレートだと実験台が1週間ふさがる状態でした。",
    .reasoning, levels: 2...3),
  TrapCase("a rate per week", "アラートは週30件まで減りました。", .evidence, levels: 2...3),
  TrapCase(
    "none in the half year after is a result: 半年は、ゼロです", "以前は休憩の苦情がほぼ毎週ありました。その後の半年1️⃣は、ゼロです2️⃣。", .evidence, levels: 2...3),
  TrapCase("wanting zero is no result: 0件にしたい", "来年はクレームを0件にしたいです。", .evidence, levels: 0...1, cancelledBy: "target"),
  TrapCase(
    "an aim to cut is no result: 減らすのが目標です", "年末までに派遣の利用を2割減らすのが目標です。", .evidence, levels: 0...1, cancelledBy: "target"),
  TrapCase("a settlement without going further", "専門家の判定に持ち込まずに、115万円で和解しました。", .evidence, level: 2),
  TrapCase("a bare earlier figure", "誤出荷率は先月0.08%、以前は0.3%でした。", .evidence, level: 3),
  TrapCase("within a month as the later time", "週2件だった商談が、1か月で週6件になりました。", .evidence, level: 3),
  TrapCase("a contract value", "受注額は1440万円でした。", .evidence, level: 2),
  TrapCase(
    "a formal 'used on every engagement since'", "その要約は、それ以来事務所のすべての案件で使われています。", .reproducibility, levels: 2...3),
  TrapCase(
    "the practice since", "以後、すべての監査の中間時点で修正案の一覧を共有するのが慣行になっています。", .reproducibility, levels: 2...3),
  TrapCase("a daily practice told in the present", "出来高は1️⃣毎日自分でつけてます2️⃣。", .reproducibility, levels: 2...3),
  TrapCase("daily effort is no method", "毎日頑張っています。", .reproducibility, levels: 0...1),
  TrapCase("a negative forecast is still no result", "今期は30%には届かない見込みです。", .evidence, levels: 0...1),
  TrapCase("a past perfect cut", "12週目までに派遣費を3分の1減らしていました。", .evidence, levels: 2...3),
  TrapCase("a target reached is done", "目標の120件を達成しました。", .evidence, levels: 2...3),
  TrapCase("a count of what went wrong", "テーブルが11分ロックされ、約200件の注文がエラーになりました。", .evidence, levels: 2...3),
  TrapCase("people who came, in words", "来てくれたのは三人だけでした。", .evidence, levels: 2...3),
  TrapCase("'the first one that came up' is no count", "最初に検索で出てきたところに決めました。", .evidence, level: 0),
  TrapCase("a priority told without 'I'", "中間レビューを優先しました。市場への開示の遅れは取り返しがつかないからです。", .reasoning, levels: 2...3),
  TrapCase("'X first' as a choice", "まずは助成金の期限から。6月までに精算しないといけないからです。", .reasoning, levels: 2...3),
  TrapCase("a softening told in the passive", "指摘の書き方は柔らかくされました。質問しなくなる若手のほうがリスクが大きいためです。", .reasoning, levels: 2...3),
  TrapCase(
    "a dash and a reason", "会議の場で反論せずに資料を引き上げました――CFOと本人の数字で言い合っても勝ち目はないので。", .reasoning,
    levels: 2...3),
  TrapCase("a complaint withdrawn", "ご家族は正式な苦情を取り下げてくださいました。", .evidence, level: 2),
  TrapCase("thanks written to a manager", "施設長から師長あてにお礼の手紙が届きました。", .evidence, level: 2),
  TrapCase("a client who signed", "お客様は翌週に契約してくださいました。", .evidence, level: 2),
  TrapCase("a span of months is no before/after", "4月から5月まで学校が休校になりました。", .evidence, levels: 0...1),
  TrapCase("an ordinal is no before/after", "配筋検査は、4回目から一人でやらせます。", .evidence, levels: 0...1),
  TrapCase("a contract not won", "最初の半年は全然契約取れなくて、へこみました。", .evidence, levels: 0...1),
  TrapCase("a wish to be top", "3年目までに同期の中で営業成績トップを取りたいです。", .evidence, levels: 0...1),
  TrapCase("a purpose for whoever comes next", "後任の人がゼロから始めなくて済むように、引き継ぎメモを残しました。", .reasoning, levels: 2...3),
  TrapCase(
    "a purpose: what the speaker would then have", "資料ではなく動く見本を用意できるように、自分のサービスを先に移行しました。", .reasoning, levels: 2...3),
  TrapCase(
    "a condition is still no result", "もし導入が遅れたら、月20件の問い合わせを失うかもしれません。", .evidence, levels: 0...1),
  TrapCase("a time saved against the last time", "前回の棚卸しより1時間早く終わりました。", .evidence, level: 3),
  TrapCase("the previous release as the baseline", "リリース後1か月の障害は3件で、前回のリリースでは40件以上でした。", .evidence, level: 3),
  TrapCase("a share of a group", "定期的に来ていた14人のうち11人が、1年後も学校に通っていました。", .evidence, levels: 2...3),
  TrapCase("a record beside its number", "その日は312枚を印刷し、そのお客様では過去最高でした。", .evidence, levels: 2...3),
  TrapCase("'the best … ever' with no number is no result", "今まで受けた研修で一番良かったのは、あの講座です。", .evidence, level: 0),
  // Issue 8, the fourth round of writers: the same constructions as the English cases below.
  TrapCase("honours and a grade: 表彰, GPA", "在学中は学部長1️⃣表彰2️⃣を2回受け、GPA3.7で卒業しました。", .evidence, level: 2),
  TrapCase("a thank-you to the speaker's boss", "お客様が部長1️⃣宛てにお礼のメール2️⃣を送ってくださいました。", .evidence, level: 2),
  TrapCase("a complaint to the boss is no thank-you", "お客様が店長宛てに苦情のメールを送ってきました。", .evidence, level: 0),
  TrapCase("signed soon after", "最初は渋っていましたが、1️⃣翌週には契約していただ2️⃣けました。", .evidence, level: 2),
  TrapCase("booked again: 翌年も予約", "その団体は1️⃣翌年も当館を予約してくださ2️⃣いました。", .evidence, level: 2),
  TrapCase("nobody of a group harmed", "濃厚接触者4名のうち、1️⃣発症した人は一人もいませ2️⃣んでした。", .evidence, level: 2),
  TrapCase("a count against last month's", "その月のアップグレード販売は11件で、前月の6〜7件を上回りました。", .evidence, level: 3),
  TrapCase("how long it used to take, then this time", "以前は増床の準備に2時間ほどかかっていましたが、今年1月は40分でできました。", .evidence, level: 3),
  TrapCase("started with, ended with", "1️⃣最初は6人ほどでしたが、最後には35人が常連になり2️⃣ました。", .evidence, level: 3),
  TrapCase("a cost in another currency", "ラックの修理には約1️⃣4000ズウォティ2️⃣かかりました。", .evidence, level: 2),
  TrapCase("what it came to in the end: で済んだ", "最終的に市の負担は1️⃣約400万円2️⃣で済みました。", .evidence, level: 2),
  TrapCase("a plan for next time is no result", "もう一度やるなら、300件ではなく30件に絞って送ります。", .evidence, levels: 0...1),
  TrapCase(
    "a liking is no reason for a choice: 人が好きだから", "全力を尽くしました。人が好きだからです。", .reasoning, levels: 0...1,
    cancelledBy: "no-content"),
  TrapCase("the grounds named: 私の主張は", "理事会に迅速検査を提案しました。1️⃣私の主張は2️⃣、結果待ちで病床が2日間閉鎖されていることでした。", .reasoning, level: 2),
  TrapCase("what a figure was based on: をもとに算出", "希望額は620万円です。御社の募集レンジと職務の範囲1️⃣をもとに算出2️⃣しました。", .reasoning, level: 2),
  TrapCase(
    "someone else's reason, reported: だそうです", "上司は私を夜勤専従にすると決めました。私しかこなせないと思ったからだそうです。", .reasoning,
    levels: 0...1, cancelledBy: "someone-elses-decision"),
  TrapCase("以来 is time, not a reason", "新卒でICUに配属されて以来、夜勤を続けています。", .reasoning, level: 0),
  TrapCase("a way of learning, with its reason", "訓練用の動画は一般的すぎた1️⃣ので2️⃣、毎晩テスト環境の実際の注文で覚えました。", .reasoning, level: 2),
  // The written, formal register (だ・である, 体言止め) of the same round.
  TrapCase(
    "grounds in a formal register: を踏まえ", "不備の大半が記入漏れであったこと1️⃣を踏まえ、2️⃣記入例を朱書きした見本を作成した。", .reasoning,
    level: 2),
  TrapCase("grounds weighed: を勘案し", "他の管理職とのバランス1️⃣を勘案し、2️⃣この額とした。", .reasoning, level: 2),
  TrapCase(
    "a point of view as the reason: との観点から", "一方の言い分だけで判断するのは公平性を欠く1️⃣との観点から2️⃣、双方に聴き取りを行った。", .reasoning,
    level: 2),
  TrapCase(
    "a reason after the decision, ending in である", "答弁案ごとに出典を付けることとした。後から根拠を問われても揺らがないようにする1️⃣ため2️⃣である。", .reasoning,
    level: 2),
  TrapCase("an inspection with nothing found: 指摘事項なし", "県の監査では1️⃣指摘事項なし2️⃣。", .evidence, level: 2),
  TrapCase("chosen by others: 選んでいただきました", "教室で年に一人の優秀講師に、昨年1️⃣選んでいただき2️⃣ました。", .evidence, level: 2),
  TrapCase("in profit: 黒字", "現地工場は初年度から1️⃣黒字です2️⃣。", .evidence, level: 2),
  TrapCase("new business from it", "ご紹介をきっかけに、1️⃣新たにお取引が始ま2️⃣りました。", .evidence, level: 2),
  TrapCase("a cap is no result: 最大２割", "退職手当の割増率は最大２割。", .evidence, level: 0, cancelledBy: "target"),
  TrapCase(
    "a before/after with the action told between", "図書室では年に約200冊が紛失していました。安いバーコードリーダーで貸出の仕組みを作りました。翌年の紛失は40冊でした。",
    .evidence, level: 3),
  TrapCase("letter grades: Aをもらい", "最初のレポートはCでしたが、次の3本は1️⃣Aをもらい2️⃣、最終成績もAでした。", .evidence, level: 2),
  TrapCase("a place in a ranking, a bad one too", "インフルエンサー施策で臨みましたが、6チーム中1️⃣5位2️⃣でした。", .evidence, level: 2),
  TrapCase("asked to stay on", "店長から秋学期も1️⃣続けてほしいと頼まれ2️⃣ました。", .evidence, level: 2),
  TrapCase("full marks", "監査の検体追跡の項目では1️⃣満点を2️⃣いただきました。", .evidence, level: 2),
  TrapCase("not a single day lost", "11週間続けましたが、感染で休診した日1️⃣は一日もありませんでした2️⃣。", .evidence, level: 2),
  TrapCase("the aim named: 狙いは", "撮影は1テイクのスマホ動画にしました。1️⃣狙いは、2️⃣友達が話しているように感じてもらうことでした。", .reasoning, level: 2),
  TrapCase(
    "a trait is no reason: 私が努力家だから", "単純に、私が努力家だからです。", .reasoning, levels: 0...1, cancelledBy: "no-content"),
  TrapCase(
    "grounds for a claim, to 採用すべきですか: not a decision's why", "この仕事をほぼすべて経験してきたからです。肩書きがなかっただけです。",
    .reasoning, levels: 0...1, cancelledBy: "no-decision", question: "なぜ当社はあなたを採用すべきだと思いますか？"),
  TrapCase(
    "a reply to なぜ転職 gives the reason for the speaker's choice", "夜勤がなくなった1️⃣ので2️⃣、将来のある仕事に移りたいと考えました。", .reasoning,
    levels: 2...3, question: "なぜ転職を考えているのですか？"),
  TrapCase(
    "a meeting moved for someone's illness: 変更になりました", "会議はパートナーの体調不良のため金曜日に変更になりました。", .reasoning, levels: 0...1),
  TrapCase("a slip's cause: 手違いで…ので…払ってしまいました", "手違いで請求書が二重に届いたので、手付金を二回払ってしまいました。", .reasoning, levels: 0...1),
  TrapCase(
    "which of two things can wait is a bare reason for the order: 〜は来週でも間に合いますが、〜は待ってくれません",
    "監査の準備を先にしました。棚卸しは1️⃣来週でも間に合いますが、監査は待ってくれません2️⃣。", .reasoning, level: 2,
    question: "優先順位はどうやってつけますか。"),
  TrapCase(
    "the option turned down, then a colon and the why: 研修ではなく…を選びました：…",
    "研修ではなく評価基準表を選びました1️⃣：研修は時間がたつと薄れますが、基準表は毎回手元にあります2️⃣。", .reasoning, levels: 2...3),
  TrapCase(
    "ではなく with no choice before the colon explains nothing: 東京ではなく大阪の出身です：…", "私は東京ではなく大阪の出身です：家族は四人です。",
    .reasoning, levels: 0...1),
  TrapCase(
    "what the other course would have cost: 〜なければ、…ことになっていました",
    "搬入を一日ずらすことにしました。1️⃣ずらさなければ、三店舗分のピッキングを止めることになっていました2️⃣。", .reasoning, level: 2),
  TrapCase("a near miss of the weather's: 雨が降れば…ところでした", "雨が降れば、試合は中止になるところでした。", .reasoning, levels: 0...1),
  TrapCase(
    "two options weighed in two conditionals: 延ばせば…。手検査なら…",
    "手検査で予定どおり出すことにしました。1️⃣延ばせば客先の組立ラインが止まります。手検査なら人が増えるだけです2️⃣。", .reasoning, level: 2),
  TrapCase(
    "だと and なら as 'at' weigh no choice: 前職だと…。今の職場なら…", "前職だと土日は休みでした。今の職場なら平日も休めます。", .reasoning,
    levels: 0...1),
  TrapCase(
    "a certificate one wants to have by then is a hope: 資格も取得しておきたい",
    "5年後には、チームを持ちつつ、社会福祉士の資格も取得しておきたいと考えています。", .evidence, levels: 0...1),
  TrapCase(
    "where a strength comes from: 強みは…。というのも、…",
    "強みは、人の話を最後まで聞けるところです。というのも、子どもの頃から祖父母と同居しておりまして、長い話を聞くのが苦になりません。", .reasoning,
    levels: 0...1, cancelledBy: "no-content", question: "あなたの強みは何ですか。"),
  TrapCase(
    "an event's cause: …欠航になりました。というのも、…",
    "帰りの日に、新千歳空港の便がすべて欠航になりました。というのも、その日は記録的な寒波が来ていたんです。", .reasoning, levels: 0...1,
    cancelledBy: "non-decision"),
  TrapCase("none since: それ以来、…一件も出ていません", "それ以来、入力ミスは1️⃣一件も出ていません2️⃣。", .evidence, level: 2),
  TrapCase(
    "一冊も with no time after is the problem, not a result", "入社したとき、マニュアルは一冊もありませんでした。", .evidence, levels: 0...1),
  TrapCase("a regulator's visit closed with no action: 是正勧告なし", "労基署の調査は、1️⃣是正勧告なし2️⃣で終わりました。", .evidence, level: 2),
  TrapCase("a dialect causal: 〜けん (九州・中国)", "人が足りんかった1️⃣けん2️⃣、シフトを組み直しました。", .reasoning, level: 2),
  TrapCase("a dialect causal: 〜さかい (関西)", "暑い1️⃣さかい2️⃣、早番にしました。", .reasoning, level: 2),
  TrapCase("けんか and 〜によって are no causals", "友達とけんかしました。台風によって、便が止まりました。", .reasoning, levels: 0...1),
  TrapCase(
    "待てます with nothing that cannot wait weighs no options", "面接の結果は一週間待てますと伝えましたが、連絡はありませんでした。", .reasoning,
    levels: 0...1),
  TrapCase(
    "a gift explained: 昔から得意…だったからだと思います", "昔から細かい作業が得意です。たぶん父が時計職人だったからだと思います。", .reasoning,
    levels: 0...1, cancelledBy: "no-content"),
  TrapCase("a design value beside another is no result", "勾配を10%ではなく12%で設計しました。", .evidence, levels: 0...1),
  TrapCase("time off sick is no result: 休職", "同僚はストレスで4か月休職していました。", .evidence, levels: 0...1),
  TrapCase("a renewal contract signed is a result", "年度末に、2年目の1️⃣更新契約を締結2️⃣できました。", .evidence, level: 2),
  TrapCase(
    "passing on a later try is a result", "3日間早出して練習に付き合い、部下は次の受験で1️⃣合格2️⃣しました。", .evidence, level: 2),
  TrapCase("a ranking hoped for is no result", "来年は5店舗中トップを目指します。", .evidence, levels: 0...1),
  TrapCase("時給は結果ではない", "夜勤の仕事は時給が300円高かったので選びました。", .evidence, levels: 0...1),
  TrapCase("年収が下がったのは結果ではない", "人事に移り、年収が５０万円下がりましたが後悔はしていません。", .evidence, levels: 0...1),
  TrapCase(
    "何人中何人が残ったかは結果", "一人ずつ面談して配置転換を相談し、1️⃣25人中182️⃣人が会社に残りました。", .evidence, level: 2),
  TrapCase(
    "決めた後の文の〜んですは本人の理由",
    "35歳になる前に経理に移ると決めました。1️⃣信金だとこの先は管理職のルートになって、実務で数字を触る時間はどんどん減っていくんです2️⃣。",
    .reasoning, level: 2),
  TrapCase(
    "決めた後に起きたことの〜んですは理由ではない", "新しい便を受けると決めました。でも最初は現場に反対されたんです。", .reasoning,
    levels: 0...1),
  TrapCase(
    "作った物の説明の〜もんですは理由ではない", "配車表のテンプレートを作りました。荷主ごとに色分けして、時間指定が一目で分かるようにしたもんです。",
    .reasoning, levels: 0...1),
  TrapCase(
    "〜と思いまして、は本人の理由",
    "電話でお詫びするより、すぐ伺った方が誠意が伝わる1️⃣と思いまして2️⃣、その日の夕方に訪問しました。", .reasoning, levels: 2...3),
  TrapCase("滞納分の全額返済は結果", "その方は夏までに滞納分を1️⃣全額返済され2️⃣ました。", .evidence, level: 2),
  TrapCase("返済の計画は結果ではない", "毎月2万円ずつ返済していく計画を立てました。", .evidence, levels: 0...1),
  TrapCase("訴えの棄却は結果", "相手方の1️⃣訴えは棄却2️⃣されました。", .evidence, level: 2),
  TrapCase("論文の採択は結果", "その論文は最初に投稿した学会誌に1️⃣採択され2️⃣ました。", .evidence, level: 2),
  TrapCase("同期の中で一番は結果", "初月に保険を40件販売し、1️⃣同期の中で一番2️⃣でした。", .evidence, level: 2),
  TrapCase("ゼロが続いたのは結果", "病棟で200日間、褥瘡の新規発生1️⃣ゼロが続2️⃣きました。", .evidence, level: 2),
  TrapCase("他店の指導を頼まれたのは結果", "試行のあと、1️⃣他の4店舗の指導を頼まれ2️⃣ました。", .evidence, level: 2),
  TrapCase(
    "お客様が当社を選んだのは本人の理由ではない", "お客様は他の2社ではなく当社を選んでくださいました。", .reasoning, levels: 0...1),
  TrapCase("会社全体の売上の伸びは本人の結果ではない", "会社全体の売上は前年比34%伸びました。", .evidence, levels: 0...1),
  TrapCase("前任者の実績は本人の結果ではない", "前任者が売上を20%伸ばしていました。", .evidence, levels: 0...1),
  TrapCase("契約の延長は結果", "病院側が清掃1️⃣契約を2年延長して2️⃣くださいました。", .evidence, level: 2),
  TrapCase("勝訴は結果", "裁判は1️⃣勝訴2️⃣で終わりました。", .evidence, level: 2),
  TrapCase("同期で一番を目指すのは結果ではない", "目標は同期の中で一番になることです。", .evidence, levels: 0...1),
  TrapCase("止まっていた時間は悪い結果", "私の設定ミスで、決済が1️⃣47分2️⃣間止まってしまいました。", .evidence, level: 2),
  TrapCase("止まらずに続く時間は結果ではない", "会議は毎週30分間止まらずに続きます。", .evidence, levels: 0...1),
  // Issue 8, the sixteenth round: a criterion is 「〜を基準に」 or 「この基準に」, not the end of a compound noun.
  TrapCase(
    "複合語の末尾の「基準に」（残量基準に切り替え）はやり方で、判断の基準ではない",
    "発注を週１回から残量基準に切り替えました。", .reasoning, levels: 0...1),
  TrapCase(
    "「主軸に付けた」は判断の基準ではない", "加速度センサを主軸に付けました。", .reasoning, levels: 0...1),
  TrapCase(
    "「を基準に」は選んだときの基準", "価格より納期1️⃣を基準に2️⃣A社を選びました。", .reasoning, levels: 2...3),
  TrapCase(
    "「っていう基準にした」は自分で決めた基準", "ご家族にきいて決める、っていう1️⃣基準に2️⃣しました。", .reasoning,
    levels: 2...3),
  TrapCase(
    "「判断基準は」は判断の基準", "1️⃣判断基準は2️⃣安全でした。だからB案にしました。", .reasoning, levels: 2...3),
]

let englishTraps: [TrapCase] = [
  TrapCase(
    "no real reason", "I didn't really decide, I just went with the flow because everyone else did.", .reasoning,
    level: 0, cancelledBy: "negation"),
  TrapCase(
    "denied reason is cancelled and the real one counts",
    "Not because it paid more, but 1️⃣because2️⃣ the team shipped weekly, I chose the startup.", .reasoning, level: 2,
    cancelledBy: "denied-reason"),
  TrapCase(
    "since as time, so as intensifier", "I have worked there since 2021 and I was so tired every night.", .reasoning,
    level: 0),
  TrapCase(
    "someone else's decision", "My manager decided to switch vendors because they were cheaper.", .reasoning,
    levels: 0...1),
  TrapCase(
    "a reason for an event", "The train was late because of the snow.", .reasoning, levels: 0...1,
    cancelledBy: "non-decision"),
  TrapCase(
    "an opening 'because' to 'Why should we hire you?' grounds a claim, not a decision",
    "Because I've done almost every part of this job already, just not with the title.", .reasoning,
    levels: 0...1, cancelledBy: "no-decision", question: "Why should we hire you?"),
  TrapCase(
    "an opening 'because' to a why question about the speaker's choice is its reason",
    "1️⃣Because2️⃣ the new owner cut the night shift and I wanted a role with a future.", .reasoning, level: 2,
    question: "Why are you leaving your current job?"),
  TrapCase(
    "a meeting moved because someone was ill: done to the speaker, not chosen",
    "The audit committee meeting was moved to the Friday because the partner was unwell.", .reasoning, levels: 0...1,
    cancelledBy: "non-decision"),
  TrapCase(
    "which of two things can wait is a bare reason for the order: 'a typo can wait, a wrong balance can't'",
    "Whatever is closest to money moving goes first. A typo on the settings page 1️⃣can wait2️⃣, a wrong balance can't.",
    .reasoning, level: 2, question: "How do you prioritise bugs?"),
  TrapCase(
    "the option not taken, its verb left out, a sentence after its counterpart: 'Cones get moved. A barrier … doesnt.'",
    "Swapped the cones for water filled barriers round the walkways. Cones get moved. 1️⃣A barrier full of water doesnt2️⃣.",
    .reasoning, level: 2),
  TrapCase(
    "someone else's 'he wasn't' and 'some don't' set no options against each other",
    "I asked the driver if he was coming back and he said he wasn't. Some people like nights, some don't.", .reasoning,
    levels: 0...1),
  TrapCase(
    "the option turned down, then a colon and the why: 'picked a rubric over interviewer training: training fades'",
    "I wrote a shared question bank. Picked a rubric over interviewer training1️⃣: training fades2️⃣, a rubric is in the doc every time.",
    .reasoning, levels: 2...3),
  TrapCase(
    "'took over …:' is taking charge, not an option turned down",
    "Took over the team in March: six people, two vacancies, no roadmap.",
    .reasoning, levels: 0...1),
  TrapCase(
    "what the other course costs, told by its gerund: 'Swapping a pump costs nothing'",
    "I swapped to the spare anyway. 1️⃣Swapping a pump costs2️⃣ nothing. A seal failure on hot resid is a fire.",
    .reasoning,
    level: 2),
  TrapCase(
    "a gerund's cost with no decision of the speaker's explains nothing",
    "Spring cleaning costs money, and the office was a mess that week.",
    .reasoning, levels: 0...1),
  TrapCase(
    "two options weighed by what each would bring: 'If it was their side, … If it was ours and we wait, …'",
    "I opened a P1 with our engineering anyway. 1️⃣If it was their side, we lose 2 hours of one dev. If it was ours and we wait, they don't deliver anything on Monday2️⃣.",
    .reasoning, levels: 2...3),
  TrapCase(
    "two ifs about the weather weigh no choice of the speaker's",
    "If it rains, we stay in. If it's sunny, we go to the park.", .reasoning,
    levels: 0...1),
  TrapCase(
    "a certificate one would like to have finished is a hope: 'I'd also like to have finished the … certificate'",
    "In five years I'd hope to have taken one policy to a council vote. I'd also like to have finished the municipal government certificate.",
    .evidence, levels: 0...1, cancelledBy: "target"),
  TrapCase(
    "where a strength comes from, in the next sentence: 'My strength is … That's because I grew up …'",
    "My strength is that I listen to people all the way through. That's because I grew up living with my grandparents.",
    .reasoning, levels: 0...1, cancelledBy: "no-content", question: "What is your greatest strength?"),
  TrapCase(
    "an event's cause in the next sentence: '… was cancelled. That's because a cold snap …'",
    "On the way back every flight out of Sapporo was cancelled. That's because a record cold snap had hit Hokkaido.",
    .reasoning, levels: 0...1, cancelledBy: "non-decision"),
  TrapCase(
    "'That's because' after the speaker's own choice is its reason",
    "I turned the offer down. That's 1️⃣because2️⃣ the team was about to ship.",
    .reasoning, level: 2),
  TrapCase(
    "asked for again by name is an outcome from others",
    "Ask the main contractor from the Wiri job. They 1️⃣asked for me by name2️⃣ on their next two projects.", .evidence,
    level: 2),
  TrapCase(
    "none since: 'Not one charge error has reached a printed paper since'",
    "The print supplier retrained their staff. 1️⃣Not one charge error has reached a printed paper since2️⃣.", .evidence,
    level: 2),
  TrapCase(
    "'not one' with no time after is the problem, not a result",
    "Not one of the staff had been trained when I arrived.", .evidence,
    levels: 0...1),
  TrapCase(
    "approved the first time is an outcome decided by others",
    "I rewrote the business case and it got 1️⃣approved first time2️⃣.",
    .evidence, level: 2),
  TrapCase(
    "a regulator's visit closed with no action is a result",
    "The HSE came in and closed it with 1️⃣no enforcement action2️⃣.", .evidence,
    level: 2),
  TrapCase(
    "the fewest of any is a place among peers",
    "Since the swap it has had 1️⃣the fewest fault calls of any system on site2️⃣.",
    .evidence, level: 2),
  TrapCase(
    "'right first time' as a habit is no result", "I always try to get things right first time.", .evidence,
    levels: 0...1),
  TrapCase(
    "a spoken causal: 'seeing as'", "I took the early shift, 1️⃣seeing as2️⃣ the buses stop at eleven.", .reasoning,
    level: 2),
  TrapCase(
    "pushing back, then a spaced hyphen and the why: 'I pushed back - that alarm comes in with 30 others'",
    "Engineers had the scenario ending at the operator responding. I pushed back 1️⃣- that2️⃣ alarm comes in with 30 others on every crude switch.",
    .reasoning, level: 2),
  TrapCase(
    "'myself -' then how long it took is no reason", "I did the whole stocktake myself - it took three days.",
    .reasoning,
    levels: 0...1),
  TrapCase(
    "what an option costs, as an equation: 'ours = ~1 quarter of work + we own it forever'",
    "i pushed for envoy's built-in one. 1️⃣ours = ~1 quarter of work + we own it forever2️⃣. envoy = ~2 wks of config.",
    .reasoning,
    level: 2),
  TrapCase(
    "a statistic's '=' weighs no option",
    "The effect size came down from about d = 0.9 to 0.6. Our score = 42 this year.", .reasoning,
    levels: 0...1),
  TrapCase(
    "'can't wait to' is eagerness, not a reason",
    "I can't wait to start, and I could wait a week for the answer if needed.",
    .reasoning, levels: 0...1),
  TrapCase(
    "a slip's cause: 'by accident, because'",
    "I paid a venue deposit twice by accident, because the invoice came in once by email and then again by post.",
    .reasoning, levels: 0...1, cancelledBy: "non-decision"),
  TrapCase(
    "someone else's reasoning: 'his reasoning was'",
    "His reasoning was that the new supplier would be cheaper because of the bulk discount.", .reasoning, levels: 0...1,
    cancelledBy: "someone-elses-decision"),
  TrapCase(
    "a decision taken by others, 'on the basis of cost'",
    "In 2022 the decision was taken by the executive team to reduce screening, on the basis of cost.", .reasoning,
    levels: 0...1, cancelledBy: "someone-elses-decision"),
  TrapCase(
    "a trait explained is not a decision", "I'm careful because my father was an accountant.", .reasoning,
    levels: 0...1, cancelledBy: "no-content"),
  TrapCase(
    "a trait explained after the fact: 'thats bc'",
    "im calm, my guys'll tell you i never yell, thats bc my old man yelled alot.",
    .reasoning, levels: 0...1, cancelledBy: "no-content"),
  TrapCase(
    "a gift explained: 'has always come easily, because'",
    "Care with detail has always come easily, probably because my father was a bank manager.", .reasoning,
    levels: 0...1, cancelledBy: "no-content"),
  TrapCase(
    "a value explained: 'I've always cared about …, because'",
    "I've always cared deeply about children's rights, because I grew up in a big family.", .reasoning,
    levels: 0...1, cancelledBy: "no-content"),
  TrapCase(
    "a habit explained: 'I have a tendency to …, because'",
    "I'd have a tendency to do things myself because it feels quicker in the moment.", .reasoning, levels: 0...1,
    cancelledBy: "no-content"),
  TrapCase(
    "reason in the next sentence",
    "I split the checks between two people. That's 1️⃣because2️⃣ one person alone kept missing rooms.",
    .reasoning, level: 2),
  TrapCase(
    "an alternative with a reason is level 3",
    "I went with a rollback 1️⃣instead of2️⃣ a hotfix because the rollback was tested.", .reasoning, level: 3),
  TrapCase(
    "an alternative without a reason says no why", "I sorted the boxes by size instead of by brand.", .reasoning,
    level: 1),
  TrapCase(
    "since then is reproducibility", "1️⃣Since then2️⃣ I check the glossary before every project.", .reproducibility,
    level: 2),
  TrapCase(
    "a bare claim of transferable skills", "I have transferable skills that work in any team.", .reproducibility,
    level: 0, cancelledBy: "needs-content"),
  TrapCase(
    "a process that was only followed", "The hiring process took a month and I followed the standard procedure.",
    .reproducibility, level: 0),
  TrapCase(
    "keyword gaming",
    "Because I prioritized the trade-off, I decided to go with a repeatable, documented playbook rather than ad hoc.",
    .reasoning, levels: 0...1, cancelledBy: "keyword-gaming"),
  TrapCase(
    "English number words count", "We cut handling time 1️⃣from four hours to twenty minutes2️⃣.", .evidence, level: 3),
  TrapCase(
    "context numbers", "I led a 5-person team for 18 months.", .evidence, level: 1, cancelledBy: "context-number"),
  TrapCase("a goal is not a result", "Our goal is 30% growth next year.", .evidence, level: 0, cancelledBy: "target"),
  TrapCase("vague results", "It improved a lot and people loved it.", .evidence, level: 0, cancelledBy: "vague-result"),
  TrapCase("a verifiable outcome without a number", "I was 1️⃣promoted2️⃣ to shift lead after that.", .evidence, level: 2),
  // Voices of the writers' corpus: casual, learners' and shorthand English.
  TrapCase(
    "which is sort of why I'm applying",
    "I like working with people, 1️⃣which is sort of why I'm applying2️⃣ for this role.",
    .reasoning, level: 2),
  TrapCase(
    "a learner's present tense decision",
    "I decide to rewrap all 18 pallets 1️⃣because2️⃣ if one fall on highway it is much worse.",
    .reasoning, levels: 2...3),
  TrapCase(
    "a note without a subject, reason after a dash",
    "Rolled back anyway1️⃣ - figured2️⃣ 20 min of lost feature beats a weekend of degraded checkout.", .reasoning,
    levels: 2...3),
  TrapCase(
    "a reason without a connective in the next sentence",
    "I postponed the pour to Tuesday. Curing blankets 1️⃣would have2️⃣ cost about the same as the delay.", .reasoning,
    level: 2),
  TrapCase(
    "a purpose with a modal", "i stayed on after my shift 1️⃣so he wouldnt2️⃣ be on his own at the end", .reasoning,
    level: 2),
  TrapCase(
    "a reply to why gives the speaker's reason", "1️⃣Because2️⃣ you are family company, not big corporation.", .reasoning,
    levels: 2...3, question: "Why do you want to work for us?"),
  TrapCase(
    "a reason whose clause has nobody deciding explains an event",
    "I checked a guest into a room. The system showed it as ready because housekeeping had updated it by mistake.",
    .reasoning, levels: 0...1, cancelledBy: "non-decision"),
  TrapCase(
    "drifting into a job disclaims the reason", "I kind of fell into it because a friend needed staff.", .reasoning,
    level: 0,
    cancelledBy: "negation"),
  TrapCase(
    "a trait explained by tenure", "I stay calm because I have done this for ten years.", .reasoning, levels: 0...1,
    cancelledBy: "no-content"),
  TrapCase(
    "a casual before/after", "missed wake-up calls went 1️⃣from maybe two or three a week to basically none2️⃣", .evidence,
    level: 3),
  TrapCase("units glued to numbers", "she went 1️⃣from around 600ml a day to over 12002️⃣ most days", .evidence, level: 3),
  TrapCase(
    "a before/after without numbers",
    "complaints about the lounge 1️⃣went from most weeks to2️⃣ maybe once a month", .evidence, level: 3),
  TrapCase("a grade is a result", "Probably 1️⃣getting a first2️⃣ on my dissertation.", .evidence, level: 2),
  TrapCase(
    "a thank-you card is a verifiable outcome", "the family sent a 1️⃣thank-you card2️⃣ to the home addressed to me",
    .evidence,
    level: 2),
  TrapCase(
    "nothing lost since is a result", "i sewed name tags in, and she 1️⃣hasnt lost a thing since2️⃣", .evidence, level: 2),
  TrapCase(
    "a target beside an achieved count in one long sentence",
    "100% was the goal, i got 1️⃣11 out of the 122️⃣ done", .evidence, level: 2, cancelledBy: "target"),
  TrapCase("a rank is a result", "Last year my shift reach 99.7, 1️⃣best shift in the group2️⃣.", .evidence, level: 2),
  TrapCase(
    "a count of people who came is a result", "the show flopped, only about 1️⃣20 people came2️⃣.", .evidence, level: 2),
  TrapCase(
    "an artefact made once, used by nobody, is a one-off", "I made a cheat sheet for myself.", .reproducibility,
    level: 1,
    cancelledBy: "not-adopted"),
  TrapCase(
    "an artefact made for whoever comes next lasts",
    "I wrote a rollback 1️⃣runbook2️⃣ so whoever is on call doesn't have to improvise.", .reproducibility, level: 2),
  TrapCase(
    "now every … is a standing rule", "1️⃣Now every migration gets a dry run2️⃣ on a snapshot.", .reproducibility, level: 2),
  TrapCase("the same way every time", "I triage 1️⃣the same way every2️⃣ time.", .reproducibility, level: 2),
  TrapCase(
    "other sites copying it is level 3", "1️⃣Other two warehouses in our group copy2️⃣ it after they visit us.",
    .reproducibility,
    level: 3),
  TrapCase(
    "a concrete next time is level 2",
    "1️⃣Next time2️⃣ I would test 2 models on the floor for one month before I buy for the whole team.", .reproducibility,
    level: 2),
  TrapCase("a thin next time is level 1", "Next time I'll try to delegate more.", .reproducibility, level: 1),
  TrapCase(
    "tenure is no habit", "I've been a caseworker in child protection for six years now.", .reproducibility, level: 0),
  TrapCase(
    "a decision told in the passive",
    "They were replaced with a one-page checklist, 1️⃣because2️⃣ prose instructions cannot be evidenced on file.",
    .reasoning, level: 2),
  TrapCase(
    "a recommendation as a noun, the reason on the view that",
    "My recommendation was to rewrite the point, 1️⃣on the view that2️⃣ a point nobody reads achieves nothing.", .reasoning,
    level: 2),
  TrapCase(
    "a causal 'as' after a decision", "He was given the revenue section, 1️⃣as he had2️⃣ handled revenue well before.",
    .reasoning,
    level: 2),
  TrapCase(
    "the sentence after a turned-down option is its why",
    "I ran the sims on the ward 1️⃣rather than2️⃣ at the centre. People freeze somewhere unfamiliar.", .reasoning,
    levels: 2...3),
  TrapCase("'to be fair' is no purpose", "It was a lot of phone calls, to be fair.", .reasoning, level: 0),
  TrapCase(
    "two cues that a practice lasts, in plain words", "The spill kits are 1️⃣still2️⃣ at the end of 1️⃣every2️⃣ aisle.",
    .reproducibility, level: 2),
  TrapCase(
    "a standing method over occasions", "I've run the same session in every school in the area since.",
    .reproducibility,
    levels: 2...3),
  TrapCase(
    "using a product every day is no method", "I use your app every day for my budgeting.", .reproducibility, level: 0),
  TrapCase(
    "numbers in words compared across sentences",
    "We got forty one percent at the audit. The next audit we got eighty eight percent.", .evidence, level: 3),
  TrapCase("a qualification passed first time", "All papers were 1️⃣passed at first sitting2️⃣.", .evidence, level: 2),
  TrapCase(
    "money and finance words", "Net fee income up 1️⃣$22M2️⃣ annualized after the redesign.", .evidence, levels: 2...3),
  TrapCase("a threshold is not a result", "Every story needs unit tests above 80% coverage.", .evidence, levels: 0...1),
  TrapCase(
    "the speaker decides after someone else's wish",
    "My mother wanted me to do nursing, but I put social work first 1️⃣because2️⃣ most of what those kids faced wasn't medical.",
    .reasoning, levels: 2...3),
  TrapCase(
    "someone else decides after the speaker's suggestion",
    "I suggested webinars but my manager decided on the conference because he liked big events.", .reasoning,
    levels: 0...1),
  TrapCase(
    "a bare 'Reason is,' after the habit",
    "I never commit to a date on the call. 1️⃣Reason is2️⃣, early on I gave dates and the team worked weekends to meet them.",
    .reasoning, levels: 2...3),
  TrapCase(
    "doing one thing first is a choice",
    "I did the visit first and left the report, 1️⃣because2️⃣ a report can be extended and a child can't wait.",
    .reasoning, levels: 2...3),
  TrapCase(
    "a missed target still names what was done", "We missed the 90% target but got to 85%.", .evidence, levels: 2...3),
  TrapCase("on schedule is no plan", "Zero late arrivals that season, every game on schedule.", .evidence, level: 2),
  TrapCase(
    "a met target", "We came in 4.2 points above the county average and met the target.", .evidence, levels: 2...3),
  TrapCase("a score on a scale", "The feedback survey averaged 1️⃣4.6 out of 52️⃣.", .evidence, level: 2),
  TrapCase("a win-loss record", "In those two months we won 4, drew 1 and lost 1.", .evidence, levels: 2...3),
  TrapCase("who came", "We invited 150 and only 30 came.", .evidence, levels: 2...3),
  TrapCase(
    "what is normal against this time", "Normally it takes 3 months to start nights; both of them did it in 2 months.",
    .evidence, level: 3),
  TrapCase("keeping records is no result", "My strength is that I keep records.", .evidence, level: 0),
  TrapCase(
    "a wish told as a thought is no reason", "I think I'd like to be a manager in five years.", .reasoning, level: 0),
  TrapCase(
    "reasons counted but never given", "My reasons are three: growth, finances and culture.", .reasoning, levels: 0...1),
  TrapCase(
    "a purpose opening the next sentence without a comma",
    "I want to run a care home in five years. 1️⃣To get2️⃣ there I'll lead a unit first.", .reasoning, levels: 2...3),
  TrapCase(
    "a switch, with the old way's cost in the next sentence",
    "I stopped running the full plate and switched to 24-well pilots. A full plate ate a week of bench time.",
    .reasoning, levels: 2...3),
  TrapCase(
    "the place turned down", "I applied here and 1️⃣not at the2️⃣ home near my house. You do a proper induction.",
    .reasoning, levels: 2...3),
  TrapCase("a rate per week", "Alerts came down to ~1️⃣30/wk2️⃣.", .evidence, levels: 2...3),
  TrapCase(
    "a settlement without going further", "Settled at 1️⃣$115k2️⃣ without going to expert determination.", .evidence,
    level: 2),
  TrapCase("a bare earlier figure", "Last quarter mis-picks 0.08%, before 0.3.", .evidence, level: 3),
  TrapCase(
    "within a month as the later time", "He was stuck at 2 demos a week. He was at 6 demos a week within a month.",
    .evidence, level: 3),
  TrapCase("a contract value", "They took it! 1️⃣$144k TCV2️⃣.", .evidence, level: 2),
  TrapCase(
    "a formal 'used on every engagement since'",
    "That summary has been used on every charity engagement in the office since.", .reproducibility, levels: 2...3),
  TrapCase(
    "the practice since",
    "The practice since has been to share a schedule of adjustments at the midpoint of every audit.",
    .reproducibility, levels: 2...3),
  TrapCase(
    "a daily practice told in the present", "I log the site's output myself every day.", .reproducibility, levels: 2...3
  ),
  TrapCase("daily effort is no method", "I work hard every day.", .reproducibility, levels: 0...1),
  TrapCase(
    "a negative forecast is still no result", "We're not going to hit 30% this quarter.", .evidence, levels: 0...1),
  TrapCase("a past perfect cut", "By week twelve we'd 1️⃣cut the agency bill by a third2️⃣.", .evidence, levels: 2...3),
  TrapCase("a target reached is done", "We hit the target of 120 sales.", .evidence, levels: 2...3),
  TrapCase("a count of what went wrong", "Table locked ~11 min, 1️⃣200 failed orders2️⃣.", .evidence, levels: 2...3),
  TrapCase("people who came, in words", "Only 1️⃣three people came2️⃣.", .evidence, levels: 2...3),
  TrapCase(
    "'the first one that came up' is no count", "They were the first one that came up on google.", .evidence, level: 0),
  TrapCase(
    "a priority told without 'I'", "The interim took priority, 1️⃣because2️⃣ a missed announcement cannot be undone.",
    .reasoning,
    levels: 2...3),
  TrapCase(
    "'X first' as a choice", "Grant funding deadlines first, 1️⃣because2️⃣ the money has to be acquitted by June.",
    .reasoning,
    levels: 2...3),
  TrapCase(
    "a softening told in the passive",
    "The tone was softened, 1️⃣since2️⃣ a junior who stops asking questions is a greater risk.", .reasoning, levels: 2...3),
  TrapCase(
    "a dash and a reason",
    "I pulled the deck rather than argue it in the room - arguing with a CFO about his own numbers is a losing game.",
    .reasoning, levels: 2...3),
  TrapCase("a complaint withdrawn", "The family 1️⃣withdrew their formal complaint2️⃣.", .evidence, level: 2),
  TrapCase(
    "thanks written to a manager", "The care home manager 1️⃣wrote to our matron afterwards to thank2️⃣ the ward.",
    .evidence,
    level: 2),
  TrapCase("a span of months is no before/after", "School was closed from April to May.", .evidence, levels: 0...1),
  TrapCase(
    "an ordinal is no before/after", "From the 4th inspection on they go round alone.", .evidence, levels: 0...1),
  TrapCase("a contract not won", "I didn't win a single contract in the first six months.", .evidence, levels: 0...1),
  TrapCase("a wish to be top", "By year three I want to be the top seller in my intake.", .evidence, levels: 0...1),
  TrapCase(
    "a purpose for whoever comes next",
    "I keep notes on every call 1️⃣so whoever2️⃣ picks up the account later isn't starting from zero.", .reasoning,
    levels: 2...3),
  TrapCase(
    "a purpose: what the speaker would then have",
    "I migrated my own service first 1️⃣so I had a2️⃣ working example, not a slide deck.", .reasoning, levels: 2...3),
  TrapCase("the size of a contract is scope", "I managed a $2M contract for the council.", .evidence, levels: 0...1),
  TrapCase(
    "a past perfect 'we'd had' is no condition",
    "We had zero printing complaints after that, we'd had like 3 that spring.", .evidence, level: 3),
  TrapCase(
    "a condition holds only in its own clause",
    "The meds could be 20 mins late, her family put a 1️⃣compliment in2️⃣ to head office after.", .evidence,
    level: 2),
  TrapCase(
    "a condition in the same clause is still no result", "If we went live we could lose 20 customers a week.",
    .evidence, levels: 0...1),
  TrapCase(
    "a time saved against the last time", "We finished about an hour 1️⃣earlier than the2️⃣ last count.",
    .evidence, level: 3),
  TrapCase(
    "the previous release as the baseline",
    "We got only 3 tickets in the first month, previous release it was 40 plus.",
    .evidence, level: 3),
  TrapCase(
    "a share of a group", "Of the 1️⃣14 young people who came regularly, 11 were2️⃣ still in education a year later.",
    .evidence, levels: 2...3),
  TrapCase(
    "a record beside its number", "The booth did 312 prints that night, 1️⃣the most that client ever2️⃣ had.",
    .evidence, level: 2),
  TrapCase(
    "'the best … ever' with no number is no result", "The best course I ever did changed how I teach.", .evidence,
    level: 0),
  TrapCase(
    "a range is not a before/after", "Projects ranging from 40 lakhs to around 6 crore.", .evidence, levels: 0...1),
  TrapCase(
    "a log the speaker keeps is one they made",
    "Since then I keep a small estimate 1️⃣log2️⃣ for every job and compare it at the end.", .reproducibility, level: 2),
  TrapCase(
    "a before/after in ratios is highlighted whole",
    "We went 1️⃣from about one in five releases to one in fifty2️⃣ needing a hotfix.", .evidence, level: 3),
  // Issue 8, the fourth round of writers (et16–et22): how people who type the way they talk
  // mark a result…
  TrapCase("honours in a student's words", "I made 1️⃣dean's list2️⃣ twice and graduated with a 3.7.", .evidence, level: 2),
  TrapCase(
    "a band awarded", "Drove a kid to his exam when his mum's car died. He 1️⃣got a band 52️⃣.", .evidence, level: 2),
  TrapCase("a thank-you in plain words", "She 1️⃣emailed my VP a thank-you2️⃣ about it.", .evidence, level: 2),
  TrapCase("signed soon after", "They were annoyed at first but 1️⃣signed the next week2️⃣.", .evidence, level: 2),
  TrapCase(
    "a letter to the speaker's boss", "She 1️⃣wrote an actual paper letter to our GM2️⃣ afterwards.", .evidence, level: 2),
  TrapCase(
    "a letter to the boss to complain is no thank-you", "She wrote to our GM afterwards to complain about the wait.",
    .evidence, level: 0),
  TrapCase("nobody of a group harmed", "1️⃣None of the four contacts developed2️⃣ influenza.", .evidence, level: 2),
  TrapCase("booked again", "The group 1️⃣booked us again2️⃣ for next year.", .evidence, level: 2),
  TrapCase(
    "'eleven instead of six or seven' is a before/after",
    "I sold more upgrades that month than the month before, 1️⃣eleven instead of six2️⃣ or seven.", .evidence, level: 3),
  TrapCase(
    "a shift moved from one time of day to another is no result",
    "I asked my manager to move his shift from 7-3:30 to 9-5:30 so he could catch the express bus.", .evidence, level: 0
  ),
  TrapCase(
    "opening hours moved are no result", "We moved the bar opening from 6pm to 4pm on gig nights.", .evidence, level: 0),
  TrapCase(
    "a wait that went from minutes to minutes is still a before/after",
    "The check-in queue went 1️⃣from 25 minutes to 8 minutes2️⃣ once we opened the second desk.", .evidence, level: 3),
  // Issue 8, the tenth round: "because" as a learner types it, whose decision a reason explains,
  // reasons counted with nothing in them, a preference between two courses, and results in money
  // and zero counts told in plain words.
  TrapCase(
    "'becos' is 'because'", "I choose hire slower, 1️⃣becos2️⃣ bad hire cost me more than empty chair.", .reasoning,
    levels: 2...3),
  TrapCase(
    "'cause' before a clause is 'because'", "I picked nights 1️⃣cause2️⃣ i wanted my days free for my kids.", .reasoning,
    levels: 2...3),
  TrapCase(
    "'the root cause' is no connective", "The root cause the team found was a bad label on the pallet.", .reasoning,
    level: 0),
  TrapCase(
    "a trait explained with 'becos' is no reason", "I am patient becos my mother teach me.", .reasoning, levels: 0...1,
    cancelledBy: "no-content"),
  TrapCase(
    "the option an other turned down is theirs",
    "Our GM decided we'd open the bar at 4pm instead of 6 on gig nights, because people come into town early.",
    .reasoning, levels: 0...1, cancelledBy: "someone-elses-decision"),
  TrapCase(
    "the speaker's push keeps its reason when the reason names another's wish",
    "My partner wanted to take 3 scenarios to the board. I pushed for one recommendation with the other two in backup, 1️⃣bc2️⃣ the board had told us the last time that they wanted an answer, not a menu.",
    .reasoning, levels: 2...3),
  TrapCase(
    "an owner named by title and name decides",
    "When I work at Regal Nail, owner Mr. Phan decide cut tech commission because his rent go up.",
    .reasoning, levels: 0...1),
  TrapCase(
    "leadership decides",
    "leadership decided to move all time tracking to Harvest because finance wanted one tool for invoicing.",
    .reasoning, levels: 0...1, cancelledBy: "someone-elses-decision"),
  TrapCase(
    "'since we start it' is time in a learner's tense",
    "I write opening and closing SOP. Since we start it, complaint about dirty station drop a lot.", .reasoning,
    level: 0),
  TrapCase(
    "three reasons that are only nouns are no reason",
    "There are three reasons why I want to join your company. First is culture, second is growth, and third is stability.",
    .reasoning, levels: 0...1, cancelledBy: "no-content"),
  TrapCase(
    "a list of bare nouns, then 'that is why'", "I have three reason, company, people and future, that is why I apply.",
    .reasoning,
    levels: 0...1, cancelledBy: "no-content"),
  TrapCase(
    "a preference between two courses is a reason",
    "1️⃣I'd rather go deeper on the operations side than start selling2️⃣, so product ops is the move.", .reasoning,
    levels: 2...3),
  TrapCase(
    "what the other course is not worth", "In 2022 I let go my best tech. One good tech 1️⃣not worth2️⃣ lose two.",
    .reasoning,
    levels: 2...3),
  TrapCase(
    "money a change saves", "We finally switched the old CRM off last March - saves about 1️⃣$60k2️⃣ a year in licenses.",
    .evidence,
    level: 2),
  TrapCase(
    "sales done in a weekend", "Checkout launched on the date and did ~1️⃣$2M2️⃣ in the first weekend.", .evidence, level: 2
  ),
  TrapCase(
    "money lost in write-offs", "Ramp-up took 8 weeks and we ate about 1️⃣$70k2️⃣ in write-offs.", .evidence, level: 2),
  TrapCase(
    "a close that came out wrong by a sum", "The first month-end close came out 1️⃣$48k2️⃣ off.", .evidence, level: 2),
  TrapCase("a zero count of sev-1s", "We went live with 1️⃣0 sev-1s2️⃣ in the first 30 days.", .evidence, level: 2),
  TrapCase(
    "an inspection with no deficiencies", "We came out 1️⃣with no environment of care deficiencies2️⃣.", .evidence, level: 2
  ),
  TrapCase(
    "hours instead of a week", "We had the unit fully open after 1️⃣48 hours instead of a week2️⃣.", .evidence, level: 3),
  TrapCase(
    "'zero say' is no zero count", "QA sits in a different department, so I had zero say over their priorities.",
    .evidence, level: 0),
  TrapCase(
    "'on top of 4' is no rank", "Two committees on top of 4 client projects meant I was doing all of it badly.",
    .evidence,
    levels: 0...1),
  TrapCase(
    "rooms turned a day are volume", "We turn about 120 rooms a day, more in flu season.", .evidence, levels: 0...1),
  TrapCase(
    "'anything more than 5 percent' is a threshold", "Every month I mark anything more than 5 percent off plan.",
    .evidence,
    level: 0, cancelledBy: "target"),
  TrapCase(
    "scope that grew around the speaker is no result",
    "The board merged our sector with the north sector, so my patch went from 1 hospital to 3 plus 11 health centres.",
    .evidence, levels: 0...1, cancelledBy: "context-number"),
  TrapCase(
    "a team cut by new owners is no result", "New owners cut the safety team from three to one.", .evidence,
    levels: 0...1, cancelledBy: "context-number"),
  TrapCase(
    "a territory cut in a reorg is no result", "Our territory also got cut by like 40% in the reorg.", .evidence,
    levels: 0...1, cancelledBy: "context-number"),
  TrapCase(
    "incidents involving staff are still a before/after",
    "Incidents involving bank staff went 1️⃣from 9 in a quarter to 32️⃣.", .evidence, level: 3),
  TrapCase(
    "before, then 'now only' a number", "Before we have 1️⃣302️⃣ no-show every month, now only 6.", .evidence, level: 3),
  TrapCase(
    "'now' a share, then the year it was less",
    "I started a punch card with the 10th pedicure free. Return customer now 62% of all ticket, in 2019 only 41%.",
    .evidence, level: 3),
  TrapCase(
    "'now' and a number with nothing before it is no comparison",
    "Binder now 40 page and Hanh read it before she call me.", .evidence, levels: 0...1),
  TrapCase(
    "which of two can wait, the other told at length",
    "I let the payment calls wait. A payment call 1️⃣can ring back tomorrow, a woman who's been told we'll ring her at two can't be let down2️⃣.",
    .reasoning, levels: 2...3),
  TrapCase(
    "a speed limit set lower is a decision, not a result",
    "Dropped the speed limit on a rural road from 100 to 80 km/h as part of a pavement rehab.", .evidence,
    levels: 0...1, cancelledBy: "context-number"),
  TrapCase(
    "shifts changed from one length to another are no result",
    "I moved us from 1 wk shifts to 2 half-wk shifts without asking the team.", .evidence, levels: 0...1,
    cancelledBy: "context-number"),
  TrapCase(
    "attendance from days a week to days a week is a result",
    "Her school attendance went 1️⃣from 3 days a week to 52️⃣.", .evidence, level: 3),
  TrapCase(
    "'instead of' in a plan for next time is no result",
    "If I did it again I'd do 30 researched ones instead of 300 generic ones.",
    .evidence, level: 0, cancelledBy: "target"),
  TrapCase(
    "how long it used to take us, then this time",
    "It 1️⃣used to take us about two2️⃣ hours to open the extra beds. Last January we did it in 40 minutes.", .evidence,
    level: 3),
  TrapCase(
    "started with, by the end", "Started with maybe 6 kids and by the end there were 35 regulars.", .evidence, level: 3),
  TrapCase(
    "none in the months after is a result",
    "Before that I was getting a complaint about breaks most weeks. 1️⃣In the six months after, none2️⃣.", .evidence,
    levels: 2...3),
  TrapCase("zero in digits is a result", "Launched on time, 1️⃣0 KYC P1s2️⃣ the first month.", .evidence, levels: 2...3),
  TrapCase(
    "a share with a filler: 'out of like 80'", "My regional only changed 1️⃣2 line items out of like 802️⃣.", .evidence,
    level: 2),
  TrapCase(
    "wanting zero is no result", "I want 0 complaints next year.", .evidence, levels: 0...1, cancelledBy: "target"),
  TrapCase(
    "an aim to cut is no result: 'my aim would be to cut … by 20%'",
    "My aim would be to cut agency use on my unit by 20%.", .evidence, levels: 0...1, cancelledBy: "target"),
  TrapCase(
    "'wanna be … closing €500k' is a hope",
    "Five years from now I wanna be a senior AE, closing like €500k in new ARR a year.", .evidence, levels: 0...1,
    cancelledBy: "target"),
  TrapCase(
    "the end of the year is no award", "We got the new rota in by the end of the year.", .evidence, levels: 0...1),
  TrapCase(
    "'before I …' is a step in a routine, not an earlier time",
    "Gym before every shift, 5 days a wk, been doing it 3 yrs, clears my head before i walk in.", .evidence,
    levels: 0...1),
  TrapCase(
    "'before that' is an earlier time",
    "We get about 1️⃣122️⃣ complaints a week now. Before that it was 30.", .evidence, level: 3),
  TrapCase("a cost in another currency", "One upright bent and the repair cost around 1️⃣4000 zł2️⃣.", .evidence, level: 2),
  TrapCase("what it came to in the end", "Council was out about 1️⃣$40k2️⃣ in the end.", .evidence, level: 2),
  TrapCase(
    "how long it takes now instead of before",
    "It 1️⃣takes about 20 minutes each Monday instead of a full day2️⃣.", .evidence, level: 3),
  TrapCase(
    "'must-do' is no threshold",
    "The hospital was 1️⃣rated Good2️⃣ overall; there were no must-do actions on infection control.",
    .evidence, level: 2),
  TrapCase("went 81% to 90%", "Readiness 1️⃣went 81% to 90%2️⃣ by October.", .evidence, level: 3),
  TrapCase("a rating given", "we 1️⃣got a 5 on our food hygiene rating2️⃣ in august.", .evidence, level: 2),
  TrapCase(
    "a review on a named site", "a regular 1️⃣left a google review2️⃣ saying i'm the reason she comes in.", .evidence,
    level: 2),
  TrapCase("someone they trained passed", "she 1️⃣passed her bar sign off2️⃣ in 2 weeks.", .evidence, level: 2),
  TrapCase("a rank reached", "He 1️⃣made sergeant2️⃣ 3 years later.", .evidence, level: 2),
  TrapCase(
    "'we'd three' is 'we had three', no condition",
    "we'd three plant near misses 1️⃣the year before and none in the two years after2️⃣.", .evidence, level: 3),
  TrapCase(
    "no injury, in words", "we handed over 1️⃣with no lost time injury2️⃣ in the whole two years.", .evidence, level: 2),
  TrapCase(
    "an inspection that found nothing", "the HSA did a covid 1️⃣inspection in the August and found nothing2️⃣.", .evidence,
    level: 2),
  TrapCase(
    "a score in words", "the safety officer audits every fortnight and we got 1️⃣ninety four per cent2️⃣ on the last one.",
    .evidence, level: 2),
  // …and a reason.
  TrapCase(
    "'I did' a course, and why",
    "I did Toastmasters for about 8 months 1️⃣because2️⃣ the quarterly presentation was coming my way.", .reasoning,
    level: 2),
  TrapCase(
    "a value is no reason: 'because I care about people'", "I did my best because I care about people.", .reasoning,
    levels: 0...1, cancelledBy: "no-content"),
  TrapCase(
    "a plan: 'I'd want to … because'",
    "I'd want to sit in on a few sessions first, 1️⃣because2️⃣ the fastest way to lose staff is a new person changing everything.",
    .reasoning, level: 2),
  TrapCase(
    "a disagreement and its reason",
    "I didn't really agree with doing it for everyone, 1️⃣because2️⃣ most guests just wanted their key.", .reasoning,
    level: 2),
  TrapCase("a move told as a gerund", "Moving in-house, 1️⃣to see2️⃣ the other side of the table.", .reasoning, level: 2),
  TrapCase(
    "how it was done, as a choice",
    "had to tell one of my leads his crew thought he played favourites, did it in the office not on the floor, doing it in front of his guys 1️⃣would of2️⃣ finished him",
    .reasoning, level: 2),
  TrapCase(
    "', figured' in a run-on",
    "i sent a trailer out short to make the cutoff, 1️⃣figured the2️⃣ client would rather have most of it on time than all of it late",
    .reasoning, level: 2),
  TrapCase(
    "'reasoning being'", "I asked for 85, 1️⃣reasoning being2️⃣ I'm taking on a P&L.", .reasoning, level: 2),
  TrapCase(
    "'my argument was'",
    "I put a business case to the board for rapid PCR. 1️⃣My argument was2️⃣ that bays were kept closed for two days waiting for results.",
    .reasoning, level: 2),
  TrapCase(
    "what a figure was based on",
    "I am looking for 62,000; I have 1️⃣based that figure on2️⃣ your advertised range and the size of the role.",
    .reasoning,
    level: 2),
  TrapCase(
    "'since my training' is time",
    "I worked nights in the ICU, having not worked in critical care since my training in Nigeria.",
    .reasoning, level: 0),
  TrapCase(
    "'since I decided' is time",
    "Every Friday I read one article, been doing that since I decided to make the jump into sales.",
    .reasoning, level: 0),
  TrapCase(
    "'the client told us that' is information, not their decision",
    "i recommended family style instead of dropping a course, 1️⃣bc2️⃣ the client told us the whole point of the dinner was people talking.",
    .reasoning, levels: 2...3),
  TrapCase(
    "a manager's decision, in abbreviations",
    "my old mgr decided to put me on permanent nights bc he reckoned i was the only one who could handle it",
    .reasoning,
    levels: 0...1, cancelledBy: "someone-elses-decision"),
  TrapCase(
    "a learner's present tense",
    "I learn on real orders in the test system every night 1️⃣because2️⃣ the training video was too general.", .reasoning,
    level: 2),
  TrapCase(
    "a fragment that opens with 'Figured'",
    "Signed for a container without opening it. Seal was intact. 1️⃣Figured the2️⃣ seal meant it was good.", .reasoning,
    level: 2),
  TrapCase(
    "'Reason:' as a label", "Asking $85k. 1️⃣Reason:2️⃣ I've run bigger operations than most people at this level.",
    .reasoning, level: 2),
  TrapCase(
    "', that way'",
    "i moved the rota to 2 weeks ahead in a shared sheet, 1️⃣that way ppl2️⃣ sort swaps between themselves.",
    .reasoning, level: 2),
  TrapCase(
    "'so nobody touches'",
    "I made it the first item on the sign off 1️⃣so nobody touches2️⃣ the machine without being checked.", .reasoning,
    level: 2),
  TrapCase(
    "'Started that because'",
    "Every new soldier gets a sponsor. Started that 1️⃣because2️⃣ at my first unit nobody knew I was coming.", .reasoning,
    level: 2),
  TrapCase(
    "the reason after a dash: 'Chose not to — kids are…'",
    "Could stay to 20 for the pension. Chose not to 1️⃣— kids2️⃣ are 9 and 12 and I missed two birthdays.", .reasoning,
    level: 2),
  TrapCase(
    "'took over' is no 'X over Y'", "When I took over the account in 2021 we were at 88%.", .reasoning, level: 0),
  TrapCase(
    "'the way I see it'",
    "I raised it at the design team meeting and pushed for a fixed walkway. 1️⃣the way I see it2️⃣ whoever's cleaning that glass in ten years is the one at risk.",
    .reasoning, level: 2),
  // The formal register's counterparts of 「を踏まえ」「黒字」「新たにお取引が始まりました」「最大２割」.
  TrapCase(
    "grounds in a formal register: 'bearing in mind'",
    "1️⃣Bearing in mind2️⃣ that most errors were in two fields, I redesigned the form.", .reasoning, level: 2),
  TrapCase(
    "grounds in a formal register: 'in view of'", "1️⃣In view of2️⃣ the backlog, I moved the reviews to Mondays.",
    .reasoning,
    level: 2),
  TrapCase("an audit with nothing found", "The 1️⃣audit raised no findings2️⃣.", .evidence, level: 2),
  TrapCase("in profit", "The new site 1️⃣was profitable2️⃣ from its first year.", .evidence, level: 2),
  TrapCase(
    "new business from it", "It brought in a new client: they 1️⃣started trading with us2️⃣ that spring.", .evidence,
    level: 2),
  TrapCase("a cap is no result", "The allowance is capped at 20%.", .evidence, level: 0, cancelledBy: "target"),
  TrapCase(
    "a before/after with the action told between",
    "Our library was losing about 1️⃣2002️⃣ books a year. I set up a self checkout with a cheap scanner. Losses were down to 40 the next year.",
    .evidence, level: 3),
  TrapCase("a GPA typed 'w/'", "comms major, graduated 1️⃣w/ a 3.72️⃣.", .evidence, level: 2),
  TrapCase(
    "letter grades", "my first press release 1️⃣got a C2️⃣. my next 3 releases got A's and i finished the class w/ an A-",
    .evidence, level: 2),
  TrapCase(
    "a place in a ranking, a bad one too", "we went w/ an influencer campaign and 1️⃣placed 5th out of2️⃣ 6.", .evidence,
    level: 2),
  TrapCase("passed boards", "Went NP rather than med school. 1️⃣Passed boards2️⃣ first try.", .evidence, level: 2),
  TrapCase("asked to stay on", "tanya 1️⃣asked me to stay on2️⃣ for fall semester after.", .evidence, level: 2),
  TrapCase("full points", "The test-tracking element was one we 1️⃣got full points2️⃣ on.", .evidence, level: 2),
  TrapCase(
    "not a single day lost", "Ran it 11 wks and we 1️⃣didn't lose a single2️⃣ clinic day to an exposure.", .evidence,
    level: 2),
  TrapCase(
    "'the point was it …'",
    "i decided to film it in one take on my phone. 1️⃣the point was it2️⃣ should feel like a friend telling you about it.",
    .reasoning, level: 2),
  TrapCase(
    "'Didn't want …' without a subject",
    "Pharma rep offered to pay for snacks. Said no. 1️⃣Didn't want2️⃣ pts thinking the group was a drug ad.", .reasoning,
    level: 2),
  TrapCase(
    "what waiting would have meant",
    "I treated all 9 plus household contacts right then. 1️⃣Waiting meant2️⃣ 4-5 more days of spread.", .reasoning, level: 2
  ),
  TrapCase(
    "'it's simply that'",
    "I'm leaving. 1️⃣It's simply that2️⃣ the next step up is held by someone five years from retirement.",
    .reasoning, level: 2),
  TrapCase(
    "'The rationale was' opening a sentence",
    "I designed a new ramp at 12% instead of 10%. 1️⃣The rationale was2️⃣ that it saved a cutback.", .reasoning, level: 3),
  TrapCase(
    "a design value beside another is no result", "I designed a new ramp at 12% instead of 10%.", .evidence,
    levels: 0...1),
  TrapCase(
    "'My numbers:' as a label",
    "In 2018 I proposed going to four crews on 12-hour shifts. 1️⃣My numbers:2️⃣ three shift changes a day against two.",
    .reasoning, level: 2),
  TrapCase(
    "so the others could",
    "I took the 24th and 25th nights myself 1️⃣so the other two could2️⃣ be home with their kids.", .reasoning, level: 2),
  TrapCase(
    "a plan: 'I'd work a shift with every crew'",
    "First month I'd work a shift with every crew, 1️⃣because2️⃣ nobody tells the new manager the truth until they've seen him at 2am.",
    .reasoning, level: 2),
  TrapCase(
    "'The main change was …, because'",
    "The main change was moving the pre-shift check to the machine itself, 1️⃣because2️⃣ in the lamp room it had become a signature exercise.",
    .reasoning, level: 2),
  TrapCase(
    "'my wife and I decided' is the speaker's decision too",
    "My wife and I decided to move now 1️⃣because2️⃣ our son starts high school in 2026.", .reasoning, level: 2),
  TrapCase(
    "a learner's present perfect for a past choice",
    "I have started a 15-minute 1-on-1 every 2 weeks with each agent. 1️⃣The reason is2️⃣ the exit interviews all said nobody listened.",
    .reasoning, level: 2),
  TrapCase(
    "signed off sick is no result", "A colleague had been signed off with stress for four months.", .evidence,
    levels: 0...1),
  TrapCase(
    "a tribunal award is no award", "Tribunal awards for this are usually around £30,000.", .evidence, levels: 0...1),
  TrapCase(
    "'just over twelve years' is tenure", "I've been a business partner for just over twelve years.", .evidence,
    levels: 0...1),
  TrapCase(
    "'it's just that I am …' is a trait", "It's just that I am a hardworking and dedicated person.", .reasoning,
    levels: 0...1),
  TrapCase(
    "'Why should we hire you?' asks for a claim, not a decision's why",
    "Because of my twelve years in retail and my people skills.", .reasoning, levels: 0...1,
    question: "Why should we hire you?"),
  TrapCase(
    "'Why do you want this job?' asks for a decision's why",
    "1️⃣Because2️⃣ of my twelve years in retail and my people skills.", .reasoning, level: 2,
    question: "Why do you want this job?"),
  TrapCase(
    "a place among peers is a result", "Last year my section came in at R21,40/t, the 1️⃣lowest of the four sections2️⃣.",
    .evidence, level: 2),
  TrapCase(
    "a renewal signed is a result",
    "I moved the training to a recorded session so I could keep the meeting, and the 1️⃣renewal was signed2️⃣.",
    .evidence, level: 2),
  TrapCase(
    "passing on a later try is a result",
    "He failed the recert twice, so we practised on the empty racks and he 1️⃣passed on the next try2️⃣.", .evidence,
    level: 2),
  TrapCase(
    "passing with a score is a result", "Last year I 1️⃣passed IOSH Managing Safely with 87%2️⃣.", .evidence, level: 2),
  TrapCase(
    "a ranking hoped for is no result", "Next year I want us to be the best of the five sites.", .evidence,
    levels: 0...1),
  TrapCase(
    "pay by the hour is no result", "I took the night job because it paid $3 more an hour.", .evidence, levels: 0...1),
  TrapCase(
    "a pay cut is no result", "I moved into HR and took a pay cut of about £4,000 to do it.", .evidence, levels: 0...1),
  TrapCase(
    "how many of a group stayed is a result",
    "I worked with each of them on redeployment, and 1️⃣eighteen of the twenty-five stayed2️⃣ with the society.",
    .evidence, level: 2),
  TrapCase(
    "a client choosing us over others is a result", "They 1️⃣picked us2️⃣ over two city-centre hotels for their kick-off.",
    .evidence, level: 2),
  TrapCase(
    "a client booking again is a result",
    "The client have 1️⃣booked their away day with us again2️⃣ this year.", .evidence, level: 2),
  TrapCase(
    "a contract a client signed since is a result",
    "I held the date for them, and the society have 1️⃣since signed a three-year contract2️⃣ with us.", .evidence,
    level: 2),
  TrapCase(
    "an inspection with no actions is a result",
    "The fire service inspected us in March and it 1️⃣came back with no actions2️⃣.", .evidence, level: 2),
  TrapCase(
    "a rating a manager gave is a result",
    "He's 1️⃣rated me 'exceeds2️⃣ expectations' in my last two annual appraisals.", .evidence, level: 2),
  TrapCase(
    "'I'd looked after' is the past, not a condition",
    "The chair 1️⃣wrote to our GM2️⃣ to thank me by name for how I'd looked after a delegate.", .evidence, level: 2),
  TrapCase(
    "a fuel price is no result", "When diesel hit $5.50 the owner parked 6 trucks.", .evidence, levels: 0...1),
  TrapCase(
    "an audit passed, told in words, is a result",
    "Certification 1️⃣audit passed2️⃣, no major non-conformances, two minors.", .evidence, level: 2),
  TrapCase(
    "chosen ahead of other candidates is a result",
    "When I moved up she got my old job, 1️⃣ahead of two external candidates2️⃣.", .evidence, level: 2),
  TrapCase(
    "top of a board is a result", "He's been 1️⃣top of the QA board2️⃣ there for the last year.", .evidence,
    level: 2),
  TrapCase(
    "a debt paid off is a result", "He set up a plan on that call and 1️⃣paid the whole lot off by2️⃣ the summer.",
    .evidence, level: 2),
  TrapCase("a tenant signing is a result", "I proposed a shared upgrade. 1️⃣The tenant signed2️⃣.", .evidence, level: 2),
  TrapCase(
    "too few coming back is a result, a bad one",
    "I sell 340 voucher but 1️⃣only 19 come2️⃣ back and pay full price.", .evidence, level: 2),
  TrapCase(
    "a tenant signing a form is no result", "The tenant signed the waiver before moving in.", .evidence, levels: 0...1),
  TrapCase(
    "an appraisal that came back well is a result",
    "My 1️⃣appraisal came back as 'exceeds2️⃣ expectations' two years running.", .evidence, level: 2),
  TrapCase(
    "a claim dismissed is a result", "The tribunal 1️⃣dismissed the claim2️⃣ against us in full.", .evidence, level: 2),
  TrapCase(
    "an acquittal is a result", "We 1️⃣got an acquittal2️⃣ on both counts.", .evidence, level: 2),
  TrapCase(
    "a retainer a client gave is a result", "The client 1️⃣put us on a monthly retainer2️⃣ after the first job.", .evidence,
    level: 2),
  TrapCase(
    "a contract extended is a result", "The hospital trust 1️⃣extended our cleaning contract2️⃣ for another two years.",
    .evidence, level: 2),
  TrapCase(
    "a paper accepted is a result", "The 1️⃣paper was accepted2️⃣ by the first journal we sent it to.", .evidence, level: 2),
  TrapCase(
    "asked to train the other sites is a result",
    "After the pilot the area manager 1️⃣asked me to go and train the other2️⃣ four sites.", .evidence, level: 2),
  TrapCase(
    "the most in one's intake is a result", "I sold 40 policies in my first month, 1️⃣the most in my intake2️⃣.", .evidence,
    level: 2),
  TrapCase(
    "first in one's batch is a result", "I 1️⃣stood first in my batch in2️⃣ the internal certification.", .evidence,
    level: 2),
  TrapCase(
    "a chart position reached is a result", "the podcast 1️⃣got to number 32️⃣ in the UK business charts", .evidence,
    level: 2),
  TrapCase(
    "money a supplier credited is a result", "The supplier agreed to 1️⃣credit us £42️⃣,500 for the faulty batch.",
    .evidence, level: 2),
  TrapCase(
    "staff lost after a change is a result, a bad one",
    "We 1️⃣lost two nurses2️⃣ to agency work within a month of my rota change.", .evidence, level: 2),
  TrapCase(
    "a streak without harm is a result", "We 1️⃣went 200 days without2️⃣ a single pressure ulcer on the ward.", .evidence,
    level: 2),
  TrapCase(
    "an inspection failed is a result, a bad one", "We 1️⃣failed the first fire inspection2️⃣ on my watch.", .evidence,
    level: 2),
  TrapCase(
    "new clients signed are a result", "We signed 1️⃣four new clients2️⃣ in my first quarter.", .evidence, level: 2),
  TrapCase(
    "how many of a group met a goal is a result",
    "Last year 1️⃣four of my six 4th graders met2️⃣ their annual reading goal.", .evidence, level: 2),
  TrapCase(
    "a letter written to thank is a result", "She 1️⃣wrote to thank me2️⃣ for the two years he spent in my room.",
    .evidence, level: 2),
  TrapCase(
    "the top rating given is a result", "In my evaluation she 1️⃣gave me the top rating2️⃣ for the second year in a row.",
    .evidence, level: 2),
  TrapCase(
    "groups scored proficient is a result",
    "All 3 of the new paras' groups 1️⃣scored 'proficient2️⃣' on the fidelity checklist.", .evidence, level: 2),
  TrapCase(
    "late fees charged are a result, a bad one", "Under their contract we were charged $40,250 1️⃣in late fees2️⃣.",
    .evidence, level: 2),
  TrapCase(
    "a degree class is a result", "I graduated from the University of Nigeria with a 1️⃣second class upper2️⃣.", .evidence,
    level: 2),
  TrapCase(
    "picked to lead is a result", "I 1️⃣was picked to lead2️⃣ the AP workstream for the Oracle go-live.", .evidence,
    level: 2),
  TrapCase(
    "exam sections passed are a result", "I have now 1️⃣passed three of the four CPA sections2️⃣.", .evidence, level: 2),
  TrapCase(
    "a recognition someone got is a result", "Ana 1️⃣got the client's Member Hero recognition2️⃣.", .evidence, level: 2),
  TrapCase(
    "a count against the year before is a result", "We closed AP in six working days, 1️⃣against nine the prior2️⃣ year.",
    .evidence, level: 3),
  TrapCase(
    "a client that picked us chose, not the speaker",
    "The venue picked us over two city-centre hotels after I ran their site visit.", .reasoning, levels: 0...1),
  TrapCase(
    "'have since signed' is time, not a reason",
    "After the site visit they have since signed a three-year contract with us.", .reasoning, levels: 0...1),
  TrapCase(
    "the firm's revenue is not the speaker's result", "The firm's revenue doubled over the time I was there.",
    .evidence,
    levels: 0...1),
  TrapCase(
    "a predecessor's growth is not the speaker's result",
    "My predecessor had grown sales by 20% before handing over to me.", .evidence, levels: 0...1),
  TrapCase(
    "the company's figures told to show research are no result",
    "Your revenue was up 18% year on year at the last annual report.", .evidence, levels: 0...1),
  TrapCase(
    "a launch that slipped is a result, a bad one", "The launch slipped 1️⃣three weeks2️⃣.", .evidence, level: 2),
  TrapCase(
    "a rate by the third month, against the first, is a before/after",
    "Her error rate was about 7% in March. By the third month it was under 1️⃣1%2️⃣.", .evidence, level: 3),
  TrapCase(
    "a letter copied to the superintendent is a result", "His grandma wrote to me and 1️⃣cc'd our superintendent2️⃣.",
    .evidence, level: 2),
  TrapCase(
    "a learner's 'send a letter to my manager' is a result",
    "The customer Mr Okafor he 1️⃣send a letter to my manager2️⃣ for say thank you to me.", .evidence, level: 2),
  TrapCase(
    "made it onto an approved supplier list is a result", "We 1️⃣made it onto the council's approved supplier list2️⃣.",
    .evidence, level: 2),
  TrapCase(
    "money owed and paid in full is a result", "The dispute got sorted and they 1️⃣paid the full £18k they owed2️⃣.",
    .evidence, level: 2),
  TrapCase(
    "a trainee who qualified is a result", "I put him on the simulator for six sessions. 1️⃣He qualified2️⃣ in November.",
    .evidence, level: 2),
  TrapCase(
    "a rosette is a result", "The restaurant got its first 1️⃣AA Rosette2️⃣ while I was head chef.", .evidence, level: 2),
  TrapCase(
    "qualifying as an accountant is a result", "I 1️⃣qualified as a chartered2️⃣ accountant in 2014.", .evidence, level: 2),
  TrapCase("a season's record is a result", "My first year as head coach we 1️⃣went 1-92️⃣.", .evidence, level: 2),
  TrapCase(
    "a range of days is no season's record", "We finished 2-3 days before the deadline.", .evidence, levels: 0...1),
  TrapCase("a talk accepted is a result", "My 1️⃣talk got accepted2️⃣ at DevOpsDays.", .evidence, level: 2),
  TrapCase(
    "an audit accepted as a poster is a result",
    "The audit was 1️⃣accepted as a poster2️⃣ at the national conference.", .evidence, level: 2),
  TrapCase(
    "a complaint withdrawn after the speaker's call is a result",
    "I rang her about the complaint myself. She 1️⃣withdrew2️⃣ it the following week.", .evidence, level: 2),
  TrapCase(
    "a thank-you written to the speaker's boss is a result",
    "The practice 1️⃣wrote to our chief pharmacist the week after to say thank2️⃣ you.", .evidence, level: 2),
  TrapCase(
    "a district asking the speaker to run its clinic is a result",
    "The 1️⃣district asked me to run2️⃣ the coach clinic for all the new coaches.", .evidence, level: 2),
  TrapCase(
    "not one dose missed is a result", "1️⃣Not one neonatal dose was missed2️⃣ during the shortage.", .evidence,
    level: 2),
  TrapCase(
    "none of a group rescheduled is a result", "1️⃣Not one of the 62 students had to be rescheduled2️⃣.", .evidence,
    level: 2),
  TrapCase(
    "'there wasn't a single' over a stretch is a result",
    "In his last six weeks 1️⃣there wasn't a single unapproved start on his2️⃣ patients.", .evidence, level: 2),
  TrapCase(
    "only a few needing fixing is a result", "1️⃣Only two needed fixing2️⃣ in the first month.", .evidence, level: 2),
  TrapCase(
    "funding an analysis won is a result", "The analysis 1️⃣got us the funding2️⃣ for a clinic.", .evidence, level: 2),
  TrapCase(
    "time a service was down is a result, a bad one", "Payments were down for 1️⃣47 mins2️⃣ after my change.",
    .evidence, level: 2),
  TrapCase(
    "days of use lost are a result, a bad one", "We lost 1️⃣eleven days2️⃣ of autoclave use.", .evidence, level: 2),
  TrapCase(
    "practicals cancelled are a result, a bad one", "We 1️⃣had to cancel two2️⃣ practicals.", .evidence, level: 2),
  TrapCase(
    "transactions that failed are a result, a bad one",
    "Around 1️⃣1800 card transactions failed2️⃣ before the rollback.", .evidence, level: 2),
  TrapCase(
    "the earlier value after the later one is a before/after",
    "The sev1s I run now average 34 mins to resolve, 1️⃣they were 58 before2️⃣.", .evidence, level: 3),
  TrapCase(
    "a bill that went to a new figure is a before/after",
    "Our log bill was $42k a month. I moved the debug logs to S3. The bill went to 1️⃣$17k2️⃣.", .evidence, level: 3),
  TrapCase(
    "seconds then milliseconds are a before/after",
    "p99 on the ledger API was 1.2s. I rewrote the query as a single join. p99 went to 1️⃣140ms2️⃣ the day it shipped.",
    .evidence, level: 3),
  TrapCase(
    "day 3 instead of day 12 is a before/after",
    "Commission goes out on 1️⃣day 3 of the month instead of day 122️⃣.", .evidence, level: 3),
  TrapCase(
    "what a check caught, counted, is a result", "The script has since 1️⃣caught 112️⃣ unmasked extracts.", .evidence,
    level: 2),
  TrapCase("a take-up rate is a result", "Take-up was 1️⃣0.4%2️⃣, so the full blast was cancelled.", .evidence, level: 2),
  TrapCase(
    "a client signing an agreement is a result",
    "They stayed, and 1️⃣signed a 3-year agreement2️⃣ at the tiered rates.", .evidence, level: 2),
  TrapCase(
    "money out of pocket is a result, a bad one", "That cost us 1️⃣$7,800 2️⃣out of our pocket.", .evidence, level: 2),
  TrapCase(
    "a count in one year against another is a before/after",
    "We approved 1️⃣32️⃣ new foster carers in 2019, and in 2022 we approved 11.", .evidence, level: 3),
  TrapCase(
    "a rate against the other teams' is a before/after",
    "Our team ended the shift at 81% service level 1️⃣while the other teams were at 55%2️⃣.", .evidence, level: 3),
  TrapCase(
    "beating last year's figure is a before/after", "The campaign hit 112 donors, which 1️⃣beat last year's 802️⃣.",
    .evidence, level: 3),
  TrapCase(
    "a job finished with a rate is a result", "1️⃣Finished the job with a TRIFR of 2.42️⃣.", .evidence, level: 2),
  TrapCase("finishing at five is no result", "I finished at 5pm most days.", .evidence, levels: 0...1),
  TrapCase(
    "a deal signed in the end is a result", "He wouldn't sign for months. 1️⃣Signed in the end2️⃣.", .evidence,
    level: 2),
  TrapCase(
    "how many are still there is a result", "Six have been through it. 1️⃣Four are still with council2️⃣.",
    .evidence, level: 2),
  TrapCase(
    "a client giving more work is a result", "The same client has 1️⃣given us two more schools2️⃣ since.",
    .evidence, level: 2),
  TrapCase("a dismissal upheld is a result", "The dismissal was 1️⃣upheld2️⃣ at appeal.", .evidence, level: 2),
  TrapCase(
    "a customer kept is a result", "He accepted the half credit and 1️⃣kept all 4 lines with us2️⃣.", .evidence,
    level: 2),
  TrapCase("staff deciding to stay is a result", "Two of them 1️⃣decided to stay2️⃣.", .evidence, level: 2),
  TrapCase(
    "a raise the work earned is a result", "My binder of before and after numbers 1️⃣got me a 6% raise2️⃣.",
    .evidence, level: 2),
  TrapCase("a written warning is a result, a bad one", "I 1️⃣got a written warning2️⃣ for it.", .evidence, level: 2),
  TrapCase(
    "selected from forty is a result", "The company 1️⃣selected me from 402️⃣ supervisors for the programme.",
    .evidence, level: 2),
  TrapCase(
    "a pass with no actions is a result", "The last three inspections have all been 1️⃣a Pass with no actions2️⃣.",
    .evidence, level: 2),
  TrapCase("no lost-time injuries is a result", "Fourteen months on that site and 1️⃣no LTIs2️⃣.", .evidence, level: 2),
  TrapCase(
    "faults an inspector found are a result, a bad one",
    "The fire officer 1️⃣found thirty one penetrations not right2️⃣.", .evidence, level: 2),
  TrapCase(
    "parcels mis-sorted are a result, a bad one", "About 1️⃣900 parcels mis-sorted2️⃣ in those two weeks.", .evidence,
    level: 2),
  TrapCase(
    "every guest roomed is a result", "1️⃣All 90 guests were in their rooms2️⃣ by 7:30.", .evidence, level: 2),
  TrapCase("top closer is a result", "She was 1️⃣our top closer2️⃣ by month 4.", .evidence, level: 2),
  TrapCase(
    "no more collapses is a result", "We dug six hundred metres of drainage after that with 1️⃣no more collapses2️⃣.",
    .evidence, level: 2),
  TrapCase(
    "the speaker signing off is no result", "I signed off a generator test in 2021 without watching it myself.",
    .evidence, levels: 0...1),
  TrapCase("auditors signing it off is a result", "The auditors 1️⃣signed it off2️⃣ in March.", .evidence, level: 2),
  TrapCase(
    "a colleague's award is no result", "She won the regional pharmacy education award with it last year.",
    .evidence, levels: 0...1),
  TrapCase(
    "the previous coach's titles are no result", "I took over from a coach who'd won 2 state titles.", .evidence,
    levels: 0...1),
  TrapCase("'we got through it' is vague", "We got through it, that's about all I can say.", .evidence, levels: 0...1),
  TrapCase("got through an interview is a result", "I 1️⃣got through2️⃣ the interview first time.", .evidence, level: 2),
  TrapCase(
    "transactions off by a cent are a result, a bad one",
    "Amounts rounded the wrong way, 1️⃣1,140 transactions off by a2️⃣ cent before finance caught it.", .evidence,
    level: 2),
  TrapCase(
    "a rate from one Singapore-dollar figure to another is a before/after",
    "That took our last mile rate 1️⃣from SGD 4.20 to 3.85 per parcel2️⃣.", .evidence, level: 3),
  TrapCase(
    "only a few that missed the SLA is a result", "1️⃣Only 40 parcels missed2️⃣ SLA that Friday, out of about 6,000.",
    .evidence, level: 2),
  TrapCase(
    "a rate that held is a result", "I covered for 2 months. On-time rate held at 1️⃣94%2️⃣ the whole time.", .evidence,
    level: 2),
  TrapCase(
    "not missing one's own meetings is no result",
    "I'm in a group that meets every month and I haven't missed one in five years.",
    .evidence, levels: 0...1),
  TrapCase(
    "no table missed in thirty events is a result", "Since then we 1️⃣haven't missed a table in2️⃣ like 30 events.",
    .evidence, level: 2),
  TrapCase(
    "a milking time moved is no before/after", "Shifted morning milking from 4.30 to 5am, the team were wrecked.",
    .evidence, levels: 0...1),
  TrapCase(
    "'writing up from memory' is no before/after", "I'd been writing treatments up from memory at the end of the day.",
    .evidence, levels: 0...1),
  TrapCase(
    "none at all over the seasons since is a result", "1️⃣No grades at all in the three seasons2️⃣ since.", .evidence,
    level: 2),
  TrapCase(
    "a risk rating from high to medium is a before/after",
    "The fire officer's report had her risk 1️⃣going from high to2️⃣ medium.", .evidence, level: 3),
  TrapCase(
    "a change on 'my patch' is no change of scope", "Average relet time on my patch 1️⃣went from 41 days to2️⃣ 24.",
    .evidence, level: 3),
  TrapCase("hectares are a measure", "The line held and the fire stayed under 1️⃣200 ha2️⃣.", .evidence, level: 2),
  TrapCase(
    "a client asking for the crew again is a result",
    "Their company 1️⃣asked to be paired with us again2️⃣ the next summer.", .evidence, level: 2),
  TrapCase(
    "time lost is a result, a bad one", "We 1️⃣lost about 40 minutes2️⃣ getting another pump going.", .evidence,
    level: 2),
  TrapCase(
    "not losing a house is a result", "We set up 41 kits and 1️⃣didn't lose a house2️⃣ in those neighbourhoods.",
    .evidence, level: 2),
  TrapCase(
    "homes saved, counted, are a result", "The report credited that stretch with 1️⃣37 homes saved2️⃣.", .evidence,
    level: 2),
  TrapCase(
    "a place won on the first try is a result", "She got the squad boss spot that spring 1️⃣on her first try2️⃣.",
    .evidence, level: 2),
  TrapCase(
    "how many of a group came out well, told with a comma, is a result",
    "1️⃣Of the 23 of my cases that were heading for a notice, 20 were2️⃣ on a stable plan by December.", .evidence,
    level: 2),
  TrapCase(
    "'three reasons I applied' is no count of applicants", "There are three reasons I applied here.", .evidence,
    levels: 0...1),
  TrapCase(
    "thank-you cards the speaker wrote are no result",
    "I took everybody out and wrote each person a handwritten thank you card.", .evidence, levels: 0...1),
  TrapCase("winning most tenders is a result", "We 1️⃣win most tenders2️⃣ we bid for now.", .evidence, level: 2),
  TrapCase(
    "no claims in digits over a season is a result",
    "We had 1️⃣0 frozen pipe claims2️⃣ on our contract customers that whole season.", .evidence, level: 2),
  TrapCase(
    "'the actual was' after a forecast is a result", "My forecast said 2 million loans. The actual was 1️⃣640k2️⃣.",
    .evidence, level: 2),
  TrapCase(
    "a system that went down for hours, not of the speaker's doing, is no result",
    "The phone system went down for three hours on a Monday in 2023.", .evidence, levels: 0...1),
  TrapCase(
    "'no exceptions' as a habit is no result",
    "Every Friday I close out every ticket from the week, phone on dnd, no exceptions.", .evidence, levels: 0...1),
  TrapCase(
    "published salary surveys are no result", "I got that figure from 3 published salary surveys.", .evidence,
    levels: 0...1),
  TrapCase(
    "promoting someone else is no result", "I promoted my best tech to lead in 2020 and it was a mess.", .evidence,
    levels: 0...1),
  TrapCase(
    "P1 to P4 are labels, not a before/after",
    "Every call got a P1 to P4 before it went on the board, and I rank them the same way now.", .evidence,
    levels: 0...1),
  TrapCase(
    "a signed lease as a noun is no result", "Every signed lease, I abstract it the same week on a two-page template.",
    .evidence, levels: 0...1),
  TrapCase(
    "a partner's new job is no result", "My partner got a job in Sydney, so we are moving.", .evidence, levels: 0...1),
  TrapCase(
    "being asked to cover is no result", "I was asked to cover reward on top of my ER work.", .evidence, levels: 0...1),
  TrapCase(
    "what one was brought in to do is no result", "I was brought in to cut churn by 5%.", .evidence, levels: 0...1),
  TrapCase(
    "a fuel price up at a figure is no result", "Diesel was up at £1.60 a litre that summer.", .evidence, levels: 0...1),
  // Round thirteen: results told in a season's, a court's or a clerk's words, and what is not one.
  TrapCase(
    "lost time counted is a (bad) result", "Winch operator got his glove caught. 1 LTI, 1️⃣21 days lost2️⃣.", .evidence,
    level: 2),
  TrapCase(
    "sales counted per week are a result", "Hillcrest 1️⃣sold like 902️⃣ a week and PB like 60.", .evidence, level: 2),
  TrapCase(
    "a figure against the usual one is a result", "That claim settled in 1️⃣12 days, against an average of 262️⃣.",
    .evidence, level: 2),
  TrapCase(
    "zero shortages is a result", "My last layout came out with 1️⃣0 shortages2️⃣ across 312 lines.", .evidence,
    level: 2),
  TrapCase(
    "a stretch of time ahead of a window is a result",
    "We loaded 86 containers in 3 days, 1️⃣a day and a half ahead of the movement window2️⃣.", .evidence, level: 3),
  TrapCase(
    "a share of what it had been is a before/after",
    "Within a few months my complaints were about 1️⃣a third of what they'd been2️⃣.", .evidence, level: 3),
  TrapCase(
    "a season that ended at a figure is a result", "We 1️⃣ended the season at 1,7402️⃣.", .evidence, level: 2),
  TrapCase(
    "a court's orders are a result", "All three 1️⃣ended in suspended orders2️⃣ with payment terms.", .evidence,
    level: 2),
  TrapCase(
    "an inspection grade from B to A is a result", "Our next health 1️⃣inspection went from a B to an A2️⃣.", .evidence,
    level: 2),
  TrapCase(
    "late only twice, then not once, is a result",
    "In my first year it went out 1️⃣late only twice2️⃣, 3️⃣and in the second year not once4️⃣.", .evidence, level: 2),
  TrapCase("nobody hurt is a result", "We sat 4 hours until the team cleared it. 1️⃣Nobody hurt2️⃣.", .evidence, level: 2),
  TrapCase(
    "the figure a measure was brought to is a result",
    "Wait at pickup was averaging 1️⃣14 min and I got it to 62️⃣ by splitting the counter.", .evidence, level: 2),
  TrapCase(
    "hours a week where a change ended are a result, not a frequency",
    "Tony was spending 6 hours a week on scheduling. His scheduling went down to like 1️⃣2 hours2️⃣ a week.",
    .evidence, level: 3),
  TrapCase(
    "families turned away are a bad result", "We got 74 kids and we 1️⃣turned away 302️⃣ families after 2pm.", .evidence,
    level: 2),
  TrapCase(
    "money paid over is a bad result", "We ended up 1️⃣paying about £2,300 more than2️⃣ we should've.", .evidence,
    level: 2),
  TrapCase(
    "'got in' the stack is no admission", "I'll learn your systems faster than anyone you've got in the stack.",
    .evidence, levels: 0...1),
  TrapCase(
    "eleven books on a shelf are no mark", "I've got 11 books on the shelf at home now.", .evidence, levels: 0...1),
  TrapCase(
    "a method passed on is no pass", "She's kept using it since, and she's passed it on to the starters.", .evidence,
    levels: 0...1),
  TrapCase(
    "'twice as hard' is a figure of speech", "A wrong report comes back on you twice as hard.", .evidence, levels: 0...1
  ),
  TrapCase(
    "'zero harm' is a slogan", "Zero harm, that's what I believe in. Safety first, always.", .evidence, levels: 0...1),
  TrapCase(
    "getting from A to B is no grade", "I know how to get a crew from A to B in any weather.", .evidence, levels: 0...1),
  TrapCase(
    "a reassessment passed is a result", "After 6 short sessions he 1️⃣passed his reassessment2️⃣ with no faults.",
    .evidence, level: 2),
  TrapCase(
    "an appeal decided in the family's favour is a result", "The appeal was 1️⃣decided in their favor2️⃣.", .evidence,
    level: 2),
  TrapCase(
    "an auditor's finding is a (bad) result", "The auditor 1️⃣gave us a minor non-conformance2️⃣.", .evidence, level: 2),
  TrapCase(
    "how many were done by the deadline is a result", "Only 85 1️⃣were done by the deadline2️⃣.", .evidence, level: 2),
  TrapCase(
    "money a family was spared is a result",
    "That was roughly eleven thousand dollars they 1️⃣didn't have to pay2️⃣.", .evidence, level: 2),
  TrapCase(
    "a count year by year is a before/after", "Battery change injuries: 1️⃣5 in 2021, 0 in 20222️⃣, 0 in 2023.",
    .evidence, level: 3),
  TrapCase(
    "a test result against its spec is a comparison", "Cylinders 1️⃣came back at 32 MPa on a 30 MPa spec2️⃣.",
    .evidence, level: 3),
  TrapCase(
    "a month ahead of the baseline is a result", "The job topped out 1️⃣a full month ahead of the baseline2️⃣.",
    .evidence, level: 3),
  TrapCase(
    "this time against the time before is a before/after",
    "We had it dewatered 1️⃣in 36 hrs, in 2013 it took 3 weeks2️⃣.", .evidence, level: 3),
  TrapCase(
    "approved some days later is a result, not a timeframe", "It was approved 1️⃣34 days2️⃣ later and backdated.",
    .evidence, level: 2),
  TrapCase(
    "'before he had' a count, then after, is a before/after",
    "1️⃣Before he had 4 phone warnings, in 12 months after2️⃣, 0.", .evidence, level: 3),
  TrapCase(
    "an extra zero keyed in is a slip, not a count", "I once keyed an extra zero into a guest's card payment.",
    .evidence, levels: 0...1),
  TrapCase(
    "a threshold is no result: 'any charge above'", "Any charge above AED 1,000, I read back aloud to the guest.",
    .evidence, levels: 0...1),
  TrapCase(
    "every failed assessment is a routine, not a result",
    "On every failed assessment I start with one thing they did well.", .evidence, levels: 0...1),
  TrapCase(
    "'award' as a verb is no prize", "The hoist goes into the schedule the day we award the framing package.",
    .evidence, levels: 0...1),
  TrapCase(
    "a denial overturned is a result", "The 1️⃣denial was overturned2️⃣ the next day.", .evidence, level: 2),
  TrapCase(
    "a letter of appreciation is a result",
    "The protocol office 1️⃣sent a formal letter of appreciation2️⃣ to our GM.", .evidence, level: 2),
  TrapCase(
    "handed over on the original date is a result", "We 1️⃣handed over on the original date2️⃣.", .evidence,
    level: 2),
  TrapCase(
    "stock damaged is a (bad) result", "Nobody hurt, but 1️⃣£1,200 2️⃣of stock damaged.", .evidence, levels: 2...3),
  TrapCase(
    "withdrawals blocked are a result", "In the first month it 1️⃣blocked 2122️⃣ fraudulent withdrawals.", .evidence,
    level: 2),
  TrapCase(
    "'we'd given up' is the past, not a condition",
    "We'd given up 1️⃣272️⃣ points a game the year before, that year it was 14.", .evidence, level: 3),
  TrapCase(
    "coming in under forecast is done, not forecast",
    "After the fix we came in 1️⃣3%2️⃣ under forecast the next month.", .evidence, level: 2),
  TrapCase(
    "late months in a row are a (bad) result", "The pricing report went out late 1️⃣4 months2️⃣ in a row.",
    .evidence, level: 2),
  TrapCase(
    "a fire held at an area is a result", "We held the fire at 1️⃣120 ha2️⃣ until the relief crew showed up.",
    .evidence, level: 2),
  TrapCase(
    "'from my shift' is no setting changed",
    "Grievances from my shift went 1️⃣from 6 to 12️⃣ the year after I started.", .evidence, level: 3),
  TrapCase(
    "the end of the semester against before is a before/after",
    "He had a 1️⃣1.72️⃣ GPA. End of the semester he had a 2.4 and was eligible.", .evidence, level: 3),
  TrapCase(
    "a time brought down to a number of days is a result", "Average time to close went to 1️⃣6 days2️⃣.",
    .evidence, level: 2),
  TrapCase(
    "a length of time and a count of something else are no before/after",
    "Same 10 min routine for everyone, and afterwards I put 3 bullets in the notes.", .evidence, levels: 0...1),
  TrapCase(
    "time a change saves each week is a result, not a frequency", "It saves our team about 1️⃣4 hours2️⃣ a week.",
    .evidence, level: 2),
  TrapCase(
    "extra tickets are a (bad) result", "We got 1️⃣130 extra tickets2️⃣ asking if it was down.", .evidence, level: 2),
  TrapCase(
    "everyone paid is a result", "Dev fixed it by 1am and the run went out, 1️⃣all 2,300 paid2️⃣.", .evidence,
    level: 2),
  TrapCase("promotions counted are a result", "Since then I 1️⃣got 3 promotions2️⃣.", .evidence, level: 2),
  TrapCase(
    "making varsity is a selection", "He 1️⃣made varsity2️⃣ the next fall as a starting guard.", .evidence, level: 2),
  TrapCase(
    "more minutes gained are a result", "We got 1️⃣15 more minutes2️⃣ of actual reps a day out of it.", .evidence,
    level: 2),
  TrapCase(
    "a test score and a college place are results", "He 1️⃣scored a 12402️⃣ and got into Texas State.", .evidence,
    level: 2),
  TrapCase(
    "a count a store sat at is a result", "That month the store sat at 1️⃣14 complaints2️⃣.", .evidence, level: 2),
  TrapCase(
    "days later than the others are a result, not a timeframe",
    "The release shipped 1️⃣3 days2️⃣ later than the others.", .evidence, level: 2),
  TrapCase(
    "'got into it' is a fight, not a place", "2 of my seniors got into it in the locker room last fall.", .evidence,
    levels: 0...1),
  // Issue 8, the sixteenth round: "1st" is not "s" (seconds) with a letter added, nor "mine" "min".
  TrapCase(
    "places in a table before and after are a result, not a length of time and a count",
    "We were 1️⃣312️⃣st in the league table when I took over the rota. This season we finished 4th.", .evidence,
    levels: 2...3),
  TrapCase(
    "'took over' after a count of stores is taking charge, not other stores taking a method up",
    "We were 31st of 40 stores on the mystery shop when I took over the rota.", .reproducibility, levels: 0...1),
]

@Suite("Scoring traps (SCORING.md)")
struct TrapTests {
  static let scorer = try! Scorer.shipped()

  @Test("Japanese traps", arguments: japaneseTraps)
  func japanese(_ trap: TrapCase) { check(trap) }

  @Test("English traps", arguments: englishTraps)
  func english(_ trap: TrapCase) { check(trap) }

  /// Issue 9.7: "I learned a lot… grew as a person" is neither a change nor a result.
  @Test("a vague failure answer's review finds no change and no result; a real one finds all three")
  func failureReview() {
    let question = ScoringContext(question: "Tell me about a time you failed.")
    let vague = Self.scorer.score(
      "I failed my first big presentation. I learned a lot from it and I grew as a person. Now I am much more confident.",
      context: question)
    #expect(vague.failureReview == FailureReview(cause: false, change: false, result: false))
    let criteria = try! Rubric.shipped().criteria(for: .failure)
    #expect(
      Calibration.suggestions(for: criteria, report: vague, hasCompany: false)["ownership"] == 2,
      "'I learned… I grew' tells no action: no 'role and actions are clear'")
    let real = Self.scorer.score(
      "I missed a deadline because I didn't check the calendar. Since then I check it every morning, and I haven't missed one since.",
      context: question)
    #expect(real.failureReview == FailureReview(cause: true, change: true, result: true))
  }

  /// Issue 9: a "not counted" note that contradicts the answer is worse than none.
  @Test(
    "no note says a document was not made or was a one-off when the answer shows a method",
    arguments: [
      "Since then I keep a small estimate log for every job and compare it at the end.",
      "I proposed a short pre-release checklist and ran it myself on every release.",
      "私は問い合わせの回答を回答テンプレートにまとめ、チームで使えるようにしました。",
      "その後も私がテンプレートを更新し、今も使われています。",
    ])
  func noContradictingNote(_ answer: String) {
    let result = Self.scorer.score(answer)[.reproducibility]
    #expect(result.present)
    #expect(
      !result.cancelled.contains { $0.rule == "not-built" || $0.rule == "not-adopted" },
      "\(result.cancelled.map { "\($0.match.text)[\($0.rule)]" })")
  }

  func check(_ trap: TrapCase) {
    let marked = MarkedText(trap.marked)
    let result = Self.scorer.score(marked.text, context: ScoringContext(question: trap.question))[trap.category]
    #expect(
      trap.level.contains(result.level),
      "level \(result.level); matches \(result.matches.map(\.text)); cancelled \(result.cancelled.map { "\($0.match.text)[\($0.rule)]" })"
    )
    if let span = marked.range(1, 2) {
      let found = result.matches.contains { $0.start == span.lowerBound && $0.end == span.upperBound }
      #expect(
        found,
        "expected a match at \(span) (\(String(String.UnicodeScalarView(Array(marked.text.unicodeScalars)[span])))); got \(result.matches.map { "\($0.text)@\($0.start)..<\($0.end)" })"
      )
    }
    if let rule = trap.cancelledBy {
      #expect(
        result.cancelled.contains { $0.rule == rule },
        "expected a match cancelled by \(rule); got \(result.cancelled.map { "\($0.match.text)[\($0.rule)]" })")
    }
  }
}
