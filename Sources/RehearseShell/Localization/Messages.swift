import RehearseCore
import RehearseStore

/// The interface language: `REHEARSE_LANG` if set, else the locale (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`; beginning with `ja` means Japanese), else English.
public enum InterfaceLanguage: String, Sendable {
  case en
  case ja

  public static func resolve(environment: [String: String]) -> InterfaceLanguage {
    if let explicit = environment["REHEARSE_LANG"], !explicit.isEmpty {
      return explicit.lowercased().hasPrefix("ja") ? .ja : .en
    }
    for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[variable], !value.isEmpty {
        return value.lowercased().hasPrefix("ja") ? .ja : .en
      }
    }
    return .en
  }

  public var messages: any Messages {
    switch self {
    case .en: EnglishMessages()
    case .ja: JapaneseMessages()
    }
  }
}

/// Every string the interface shows, one conforming type per language (`Messages+English.swift`,
/// `Messages+Japanese.swift`), so a missing translation is a compile error, not a surprise.
/// Diagnostics about bank files stay in English, like a compiler's.
public protocol Messages: Sendable {
  // Bank list
  var columnID: String { get }
  var columnName: String { get }
  var columnLanguage: String { get }
  var columnQuestions: String { get }
  var columnStages: String { get }
  var columnSource: String { get }
  func bankCount(banks: Int, questions: Int) -> String
  var noBanks: String { get }
  var showHint: String { get }
  func origin(_ origin: BankLocation.Origin) -> String
  func bankType(_ type: BankType) -> String
  func languageName(_ language: Language) -> String
  func brokenBanksNote(_ count: Int) -> String

  // Prep sheet
  var industry: String { get }
  var summary: String { get }
  var hiringBackground: String { get }
  var requiredSkills: String { get }
  var preferredSkills: String { get }
  var mission: String { get }
  var vision: String { get }
  var values: String { get }
  var interviewFormat: String { get }
  var stagesHeading: String { get }
  var fictionalNotice: String { get }
  var generalNotice: String { get }
  var file: String { get }
  func stageName(_ id: String) -> String?
  func mode(_ mode: InterviewMode) -> String
  func minutes(_ minutes: Int) -> String
  func kind(_ kind: QuestionKind) -> String
  func seconds(_ seconds: Int) -> String
  func answerTime(_ seconds: Int) -> String
  func thinkTime(_ seconds: Int) -> String
  var followUps: String { get }
  func category(_ category: ScoreCategory) -> String
  var answerPoints: String { get }
  var pitfalls: String { get }
  func source(_ source: QuestionSource) -> String
  func stageQuestionCount(_ count: Int) -> String

  // Score
  var notChecked: String { get }
  /// A category the question's kind does not ask for (a self-introduction needs no number).
  var notAsked: String { get }
  /// After the score report on a terminal: the self-review waits until the report has been read.
  var continueToReview: String { get }
  /// `plan`.
  var planToday: String { get }
  var planNewLeft: String { get }
  func planStreak(days: Int, done: Int, goal: Int) -> String
  /// `config`.
  func configUnknownKey(_ name: String, suggestion: String?, keys: [String]) -> String
  var configDefault: String { get }
  func configFile(_ path: String) -> String
  func configBadValue(_ key: String, value: String, lowest: Int, highest: Int) -> String
  func configCannotWrite(_ path: String, reason: String) -> String
  func configSet(_ key: String, value: Int) -> String
  /// `daily`.
  func dailyStart(streak: Int, done: Int, goal: Int, due: Int, new: Int) -> String
  func dailyEnd(streak: Int, done: Int, goal: Int, dayComplete: Bool, dueTomorrow: Int) -> String
  func dailyNothingLeft(done: Int, goal: Int, moreDue: Int, streak: Int) -> String
  func dailyMoreOptions(newLeft: Int) -> String
  var dailyMorePrompt: String { get }
  func dailyMoreUnknown(_ answer: String) -> String
  func dailyMoreHint(newLeft: Int, newOption: Int) -> String
  var dailyNoNewLeft: String { get }
  /// Daily practice with no company followed.
  var dailyFollowHint: String { get }
  /// `retry`.
  var retryNoPractice: String { get }
  var retryNothingWeak: String { get }
  func retryStart(count: Int) -> String
  func retryLastTime(date: String, grade: String, lacked: [String], problems: [String]) -> String
  func retryYourNote(_ note: String) -> String
  var retrySkipped: String { get }
  var retryAbandoned: String { get }
  var retryUnanswered: String { get }
  var retryCutAtDeadline: String { get }
  var retryOverTime: String { get }
  var retryHintUsed: String { get }
  var retryAgainstLastTime: String { get }
  func levelChange(_ direction: LevelChange.Direction) -> String
  /// An FSRS grade's name.
  func grade(_ grade: FSRS.Grade) -> String
  /// `compare`.
  func compareNoAttempts(_ question: String) -> String
  func compareWhichCompany(_ question: String, companies: [String]) -> String
  var columnDate: String { get }
  var columnTotal: String { get }
  var columnTime: String { get }
  var columnSelf: String { get }
  /// A category's name in a few columns, for table headings.
  func categoryShort(_ category: ScoreCategory) -> String
  func compareStatus(_ status: AnswerStatus) -> String
  func compareChanged(gained: [String], lost: [String]) -> String
  var compareLegend: String { get }
  /// `delete` and `forget`.
  func deleteWhat(id: String, company: String, started: String, answers: Int) -> String
  func deleteQuestion(_ what: String) -> String
  func deleted(_ what: String) -> String
  var nothingDeleted: String { get }
  func forgetQuestion(_ company: String, drills: Int) -> String
  func forgetNothing(_ company: String) -> String
  func forgotten(_ company: String, answers: Int) -> String
  var confirmPrompt: String { get }
  var confirmNeedsYes: String { get }
  /// `export` and `import`.
  func exportCannotWrite(_ path: String, reason: String) -> String
  func exported(count: Int, path: String) -> String
  func importNotExport(_ path: String, reason: String) -> String
  func imported(count: Int, skipped: Int) -> String
  /// `stats`.
  func statsHeading(weeks: Int) -> String
  var statsPracticeDays: String { get }
  func statsThisWeek(_ days: Int) -> String
  func statsWeeksAxis(_ weeks: Int) -> String
  func statsStreaks(current: Int, longest: Int) -> String
  func statsInTime(_ percent: Int) -> String
  var statsWeakest: String { get }
  func statsAttempts(_ count: Int) -> String
  var statsNothingYet: String { get }
  func statsReadiness(_ score: Int) -> String
  var statsLowReadiness: String { get }
  func statsAdviceCategory(_ category: String) -> String
  var statsAdviceTiming: String { get }
  var statsAdviceRegularity: String { get }
  /// HTML exports and `report`.
  var htmlLegend: String { get }
  func htmlExportTitle(drills: Int) -> String
  func htmlExportedOn(_ date: String) -> String
  var reviewRatingYours: String { get }
  var reviewRatingScorer: String { get }
  var htmlOnTerminal: String { get }
  func daysOutOfRange(_ days: Int) -> String
  var reportTitle: String { get }
  func reportSpan(from first: String, to last: String, made: String) -> String
  var reportReadiness: String { get }
  var reportCurrentStreak: String { get }
  var reportLongestStreak: String { get }
  var reportAnswers: String { get }
  var reportInTime: String { get }
  var reportLevelsChart: String { get }
  var reportTimeChart: String { get }
  var reportTimeInLimit: String { get }
  var reportTimeUsed: String { get }
  var reportCalendar: String { get }
  func reportCalendarDay(_ day: String, answers: Int) -> String
  var reportLess: String { get }
  var reportMore: String { get }
  /// Monday to Sunday, short.
  var reportWeekdays: [String] { get }
  /// A month's short name, 1–12 (calendar labels).
  func reportMonth(_ month: Int) -> String
  var reportLimitLine: String { get }
  var reportWeakest: String { get }
  var reportQuestionColumn: String { get }
  var reportCompanyColumn: String { get }
  var reportMeanColumn: String { get }
  var reportAttemptsColumn: String { get }
  var reportLatestColumn: String { get }
  var reportTranscripts: String { get }
  func reportWritten(_ path: String) -> String
  /// `review`, the reader.
  var reviewKeys: String { get }
  var reviewKeysNoEdit: String { get }
  func reviewPosition(_ question: Int, of count: Int) -> String
  var reviewOldest: String { get }
  var reviewNewest: String { get }
  func reviewEditHeading(_ question: Int) -> String
  var reviewEditHint: String { get }
  var reviewSaved: String { get }
  var reviewEditCancelled: String { get }
  var reviewFollowUpsOnly: String { get }
  /// `preflight` (and the start of `mock`).
  func preflightHeading(company: String, stage: String?, mode: InterviewMode) -> String
  func preflightWhen(_ date: String, days: Int) -> String
  var preflightPast: String { get }
  var preflightDoneToday: String { get }
  var preflightModeGuessed: String { get }
  func preflightDisk(free: String, low: Bool) -> String
  func preflightNetwork(_ interface: String?) -> String
  func preflightPrompt(_ number: Int, of count: Int) -> String
  var preflightYesNo: String { get }
  func preflightReady(_ ready: Int, of count: Int) -> String
  var preflightAllReady: String { get }
  var preflightNotReady: String { get }
  var preflightNotAnswered: String { get }
  var preflightStopped: String { get }
  func preflightBadDate(_ text: String) -> String
  func interviewMode(_ mode: InterviewMode) -> String
  /// `mock`.
  func mockHeading(company: String) -> String
  var mockPrepBackground: String { get }
  func mockStageNeeded(_ stages: [String]) -> String
  var mockPreflightNotReady: String { get }
  func mockAnswerKept(seconds: Int, limit: Int) -> String
  func mockEndHeading(company: String, stage: String) -> String
  var mockAnswersHeading: String { get }
  func mockAskedAgain(_ parts: [String]) -> String
  func mockTime(inTime: Int, of: Int, seconds: Int, planned: Int?) -> String
  var mockEndedEarly: String { get }
  /// A name quoted as the language quotes (“…” / 「…」).
  func quoted(_ text: String) -> String
  func andMore(_ count: Int) -> String
  func mockPrepSheet(touched: Int, of: Int) -> String
  var mockPrepSheetMissing: String { get }
  var mockRubricHeading: String { get }
  var mockFixHeading: String { get }
  func mockFixUnanswered(_ count: Int) -> String
  func mockFixCategory(_ category: ScoreCategory, answers: Int, of: Int) -> String
  func mockFixDugTwice(_ category: ScoreCategory, times: Int) -> String
  func mockFixOvertime(_ count: Int) -> String
  func mockFixPrepSheet(_ lines: [String]) -> String
  var mockNothingToFix: String { get }
  func mockAfterwards(_ session: SessionID) -> String
  var mockNotScored: String { get }
  /// `check`.
  var checkHeading: String { get }
  func checkScale(_ labels: [String]) -> String
  var checkPrompt: String { get }
  var checkInvalid: String { get }
  func checkBadLine(_ line: Int, _ text: String) -> String
  func checkIncomplete(answered: Int, of: Int) -> String
  var checkStopped: String { get }
  func checkScore(_ score: Int) -> String
  var checkLow: String { get }
  func checkStrengths(_ items: [String]) -> String
  var checkImproveFirst: String { get }
  func checkEarlier(_ date: String, score: Int) -> String
  func statsChecks(_ entries: [String]) -> String
  var reportCheck: String { get }
  /// `debrief`.
  func debriefShipped(_ company: String) -> String
  func debriefHeading(company: String, stage: String, date: String) -> String
  var debriefIntro: String { get }
  func debriefQuestionPrompt(_ number: Int) -> String
  func debriefMatched(_ id: String, text: String) -> String
  var debriefSamePrompt: String { get }
  func debriefNew(_ id: String) -> String
  var debriefAnswerIntro: String { get }
  var debriefReactionPrompt: String { get }
  var debriefNothing: String { get }
  func debriefSummary(questions: Int, added: Int, path: String) -> String
  func debriefAfter(_ session: SessionID) -> String
  /// `outcome`.
  func outcomeNotInterview(_ session: SessionID, mode: SessionMode) -> String
  func outcomeName(_ outcome: InterviewOutcome) -> String
  func outcomeFact(_ outcome: InterviewOutcome) -> String
  func outcomeRecorded(_ outcome: InterviewOutcome, session: SessionID, company: String, date: String) -> String
  func outcomeRejectedIntro(drafts: Int) -> String
  func outcomeFeedbackHeading(_ number: Int) -> String
  var outcomeFeedbackLeftOut: String { get }
  func outcomeSecondChanceHeading(_ number: Int) -> String
  var outcomeBackInPractice: String { get }
  var outcomePassed: String { get }
  func outcomePassedStage(_ next: String) -> String
  func outcomeNextStage(company: String, stage: String) -> String
  var outcomeWaiting: String { get }
  /// `search`.
  func searchNothing(_ query: String) -> String
  var searchFollowUp: String { get }
  var searchReflection: String { get }
  func searchCount(_ count: Int) -> String
  /// `follow` and `unfollow`.
  func following(_ ids: [String]) -> String
  func followed(_ ids: [String]) -> String
  var followingNone: String { get }
  func unfollowed(_ ids: [String]) -> String
  func notFollowed(_ ids: [String]) -> String
  /// A resume declined with n: the drill is closed, its answers kept.
  func resumeDeclined(sessionID: String) -> String
  /// A first word that is no command (`histroy`).
  func unknownCommand(_ word: String, suggestion: String?, commands: [String]) -> String
  /// `:skip` after typing: the lines would go unscored.
  func skipQuestion(lines: Int) -> String
  var skipPrompt: String { get }
  /// The summary's list of questions passed over with `:skip`.
  func skippedQuestions(_ numbers: [Int]) -> String
  /// After ratings that were flagged or left criteria unrated: Enter keeps them.
  func keepRatingsPrompt(count: Int) -> String
  /// A criterion left without a rating (the scorer had no view and none was typed).
  func unrated(_ criterion: String) -> String
  /// The summary's row for a criterion left unrated in every question.
  func notRated(_ criterion: String) -> String
  /// Company fit in a drill of a general bank: there is no company to judge it against.
  var noCompanyInGeneralBank: String { get }
  func level(_ level: Int) -> String
  func totalScore(_ total: Int) -> String
  var answerHeading: String { get }
  var cancelledHeading: String { get }
  func rule(_ rule: String) -> String
  func ownership(i: Int, we: Int) -> String
  func fillers(_ words: [String]) -> String
  func failureReview(cause: Bool, change: Bool, result: Bool) -> String
  var emptyAnswer: String { get }
  var typeAnswer: String { get }
  func invalidBytes(_ count: Int) -> String

  // Lint
  func lintSummary(files: Int, errors: Int, warnings: Int) -> String

  // Errors
  func unknownBank(_ id: String) -> String
  func didYouMean(_ id: String) -> String
  var availableBanks: String { get }

  // banks new
  var newIntro: String { get }
  var promptName: String { get }
  var promptID: String { get }
  var promptLanguage: String { get }
  var promptIndustry: String { get }
  var promptBackground: String { get }
  var promptRequired: String { get }
  var promptPreferred: String { get }
  var promptMission: String { get }
  var promptVision: String { get }
  var promptValues: String { get }
  var promptStages: String { get }
  var promptFormat: String { get }
  var listInputHint: String { get }
  var cancelled: String { get }
  var optionalHint: String { get }
  func invalidID(_ problem: String) -> String
  func bankCreated(path: String, questions: Int) -> String
  var bankCreatedNext: String { get }
  func bankExists(_ path: String) -> String
  func missingForNonInteractive(_ flags: [String]) -> String
  func unknownStages(_ stages: [String], known: [String]) -> String
  var noTemplateQuestions: String { get }

  // Shell
  func shellWelcome(version: String) -> String
  var shellHelp: String { get }
  func unclosedQuote(_ quote: Character) -> String
  var trailingBackslash: String { get }

  // History and transcripts
  var columnStarted: String { get }
  var columnCompany: String { get }
  var columnMode: String { get }
  var columnAnswered: String { get }
  var columnScore: String { get }
  var columnStatus: String { get }
  func sessionMode(_ mode: SessionMode) -> String
  func sessionStatus(_ reason: EndReason?) -> String
  func sessionCount(_ count: Int) -> String
  /// Under the newest 50 of more drills.
  func historyMore(_ total: Int) -> String
  var noSessions: String { get }
  /// `history` with filters that match no drill.
  var noMatchingSessions: String { get }
  var showSessionHint: String { get }
  func unknownSession(_ id: String) -> String
  func sessionTitle(_ id: SessionID, mode: SessionMode) -> String
  var strictMode: String { get }
  func seed(_ seed: UInt64) -> String
  var reviewOff: String { get }
  func answerStatus(_ status: AnswerStatus) -> String
  var inProgress: String { get }
  func timeUsed(_ seconds: Int, limit: Int) -> String
  func overtime(_ seconds: Int) -> String
  var hintUsed: String { get }
  var noAnswerText: String { get }
  var draftHeading: String { get }
  /// How the interviewer reacted to an answer (a debrief).
  var reactionHeading: String { get }
  var selfReviewHeading: String { get }
  func followUpHeading(_ number: Int, category: ScoreCategory?) -> String

  // Drill
  func timeRow(seconds: Int, limit: Int, overtime: Int, timedOut: Bool) -> String
  var warningLabel: String { get }
  var errorLabel: String { get }
  func unknownDrillCommand(_ command: String) -> String
  var endDrillQuestion: String { get }
  var endDrillPrompt: String { get }
  var reverseQuestionNotScored: String { get }
  func drillHeader(company: String, stage: String, number: Int, total: Int) -> String
  var drillInstructions: String { get }
  func drillStarting(company: String, count: Int, strict: Bool) -> String
  var thinkLabel: String { get }
  var thinkInstructions: String { get }
  var interviewerLabel: String { get }
  var hintHeading: String { get }
  var noHints: String { get }
  /// A tick could not save the line being typed (`reason`: the store's error); said once.
  func draftNotSaved(_ reason: String) -> String
  /// A store failure (`StoreError`), naming the store's path; the English is the store's own.
  func storeError(_ error: StoreError) -> String
  /// Why a draft was not saved when the store's disk is full.
  var diskFull: String { get }
  /// Above text the person typed that the store could not keep, printed so it can be copied.
  var notSavedCopyIt: String { get }
  var timeUpSubmitted: String { get }
  var abandonQuestion: String { get }
  var abandonPrompt: String { get }
  var answerAbandoned: String { get }
  var answerSkipped: String { get }
  var answerEmpty: String { get }
  func answerTime(seconds: Int, limit: Int, overtime: Int, timedOut: Bool) -> String
  var reviewHeading: String { get }
  var reviewInstructions: String { get }
  /// The scorer's suggested rating beside a criterion, in brackets.
  func suggestion(_ rating: Int?) -> String
  func ratingsPrompt(count: Int) -> String
  func badRatings(count: Int) -> String
  var reviewSkipHint: String { get }
  var summaryHeading: String { get }
  var summaryLevels: String { get }
  var summaryTime: String { get }
  var summaryCalibration: String { get }
  func calibrationVerdict(_ verdict: Calibration.Verdict) -> String
  func weakestQuestion(number: Int, text: String) -> String
  /// The command to drill again: the weakest question when there is one.
  func retryHint(company: String, question: String?) -> String
  func drillSaved(sessionID: String) -> String
  var drillQuit: String { get }
  var noAnsweredQuestions: String { get }
  func resumeOffer(company: String, number: Int, total: Int, started: String) -> String
  var resumePrompt: String { get }
  func resumeUnavailable(company: String) -> String
  func drillPlanProblem(_ problem: DrillPlan.Problem) -> String
}

extension Messages {
  /// A stage's display name: the bank's own name, else the localised name of a known id, else the id.
  func stageTitle(_ stage: Stage) -> String {
    stage.name ?? stageName(stage.id) ?? stage.id
  }

  /// A stage id's display name among a bank's `stages` (the bank's own name for it), else the
  /// known id's, else the id.
  func stageTitle(_ id: String, in stages: [Stage]) -> String {
    stages.first { $0.id == id }.map(stageTitle) ?? stageName(id) ?? id
  }

  /// How an answer went, as facts: answered, 1 min 20 s of 1 min 30 s, overtime, hint used (or
  /// still in progress).
  func answerFacts(_ question: AskedQuestion) -> [String] {
    guard let outcome = question.outcome else { return [inProgress] }
    var facts = [
      answerStatus(outcome.status), timeUsed(Int(outcome.secondsUsed.rounded()), limit: question.answerSeconds),
    ]
    if outcome.overtimeSeconds > 0 { facts.append(overtime(Int(outcome.overtimeSeconds.rounded()))) }
    if outcome.hintUsed { facts.append(hintUsed) }
    return facts
  }
}
