import RehearseCore
import RehearseStore

/// The English catalogue.
public struct EnglishMessages: Messages {
  public init() {}

  public let columnID = "ID"
  public let columnName = "NAME"
  public let columnLanguage = "LANG"
  public let columnQuestions = "QUESTIONS"
  public let columnStages = "STAGES"
  public let columnSource = "SOURCE"
  public func bankCount(banks: Int, questions: Int) -> String {
    "\(banks) \(banks == 1 ? "bank" : "banks"), \(questions) \(questions == 1 ? "question" : "questions")"
  }
  public let noBanks = "No banks found. Create one with `rehearse banks new`, or point to a folder with --banks DIR."
  public let showHint = "Open a prep sheet with `rehearse banks show ID`."
  public func origin(_ origin: BankLocation.Origin) -> String {
    switch origin {
    case .shipped: "shipped"
    case .user: "yours"
    case .environment: "REHEARSE_BANKS"
    case .commandLine: "--banks"
    case .lint: "lint"
    }
  }
  public func bankType(_ type: BankType) -> String {
    switch type {
    case .general: "general"
    case .fictional: "fictional example"
    case .company: "company"
    }
  }
  public func languageName(_ language: Language) -> String {
    switch language {
    case .ja: "Japanese"
    case .en: "English"
    }
  }
  public func brokenBanksNote(_ count: Int) -> String {
    "\(count) bank \(count == 1 ? "file has" : "files have") errors and \(count == 1 ? "was" : "were") skipped; run `rehearse banks lint` for details."
  }

  public let industry = "Industry"
  public let summary = "About"
  public let hiringBackground = "Why they are hiring"
  public let requiredSkills = "Required"
  public let preferredSkills = "Preferred"
  public let mission = "Mission"
  public let vision = "Vision"
  public let values = "Values"
  public let interviewFormat = "Interview format"
  public let stagesHeading = "Stages"
  public let fictionalNotice = "An invented company, for practice. Its questions are examples, not a real company's."
  public let generalNotice = "General questions, asked by many companies."
  public let file = "File"
  public func stageName(_ id: String) -> String? {
    switch id {
    case "casual": "Casual meeting"
    case "group": "Group interview"
    case "first": "First interview"
    case "case": "Case interview"
    case "second": "Second interview"
    case "third": "Third interview"
    case "final": "Final interview"
    default: nil
    }
  }
  public func mode(_ mode: InterviewMode) -> String {
    switch mode {
    case .online: "online"
    case .inPerson: "in person"
    case .phone: "phone"
    }
  }
  public func minutes(_ minutes: Int) -> String { "\(minutes) min" }
  public func kind(_ kind: QuestionKind) -> String {
    switch kind {
    case .selfIntroduction: "self-introduction"
    case .motivation: "motivation"
    case .studentLife: "student life"
    case .behavioural: "behavioural"
    case .failure: "failure"
    case .decision: "decision"
    case .strengthsWeaknesses: "strengths & weaknesses"
    case .careerChange: "reason for changing jobs"
    case .careerPlan: "career plan"
    case .roleSpecific: "role-specific"
    case .case: "case"
    case .values: "values"
    case .reverseQuestion: "your questions"
    case .other: "other"
    }
  }
  public func seconds(_ seconds: Int) -> String {
    seconds % 60 == 0 && seconds >= 60
      ? "\(seconds / 60) min" : seconds > 60 ? "\(seconds / 60) min \(seconds % 60) s" : "\(seconds) s"
  }
  public func answerTime(_ seconds: Int) -> String { "answer \(self.seconds(seconds))" }
  public func thinkTime(_ seconds: Int) -> String { "think \(self.seconds(seconds))" }
  public let followUps = "Follow-ups"
  public func category(_ category: ScoreCategory) -> String {
    switch category {
    case .reasoning: "why you decided"
    case .reproducibility: "reproducibility"
    case .evidence: "evidence"
    case .companyFit: "company fit"
    case .structure: "structure"
    }
  }
  public let answerPoints = "A good answer"
  public let pitfalls = "Avoid"
  public func source(_ source: QuestionSource) -> String {
    let kind =
      switch source.kind {
      case .interviewReport: "interview report"
      case .ownInterview: "your own interview"
      case .guide: "interview guides"
      case .example: "invented example"
      }
    let years = source.years.isEmpty ? "" : ", seen " + source.years.map(String.init).joined(separator: ", ")
    return "Source: \(kind)\(years)"
  }
  public func stageQuestionCount(_ count: Int) -> String { "\(count) \(count == 1 ? "question" : "questions")" }

  public let notChecked = "not checked (give --company ID)"
  public let notAsked = "not needed for this kind of question"
  public let continueToReview = "Press Enter to rate yourself (Ctrl-C ends the drill) > "
  public let planToday = "today"
  public let planNewLeft = "new left"
  public func planStreak(days: Int, done: Int, goal: Int) -> String {
    "Streak: \(days) \(days == 1 ? "day" : "days") · today: \(done) of \(goal) questions practised"
  }
  public func configUnknownKey(_ name: String, suggestion: String?, keys: [String]) -> String {
    "no setting '\(name)'"
      + (suggestion.map { " — did you mean '\($0)'?" } ?? "; the settings: \(keys.joined(separator: ", "))")
  }
  public let configDefault = "default"
  public func configFile(_ path: String) -> String { "Settings file: \(path)" }
  public func configBadValue(_ key: String, value: String, lowest: Int, highest: Int) -> String {
    "\(key) takes a whole number from \(lowest) to \(highest), not '\(value)'"
  }
  public func configCannotWrite(_ path: String, reason: String) -> String {
    "cannot write the settings file \(path): \(reason)"
  }
  public func configSet(_ key: String, value: Int) -> String { "\(key) is now \(value)." }
  public func dailyStart(streak: Int, done: Int, goal: Int, due: Int, new: Int) -> String {
    var parts = ["Daily practice", streakText(streak), "today \(done) of \(goal)"]
    var now: [String] = []
    if due > 0 { now.append("\(due) due again") }
    if new > 0 { now.append("\(new) new") }
    parts.append("now: " + now.joined(separator: ", "))
    return parts.joined(separator: " · ")
  }
  public func dailyEnd(streak: Int, done: Int, goal: Int, dayComplete: Bool, dueTomorrow: Int) -> String {
    let today =
      done >= goal
      ? "today \(done) of \(goal): goal met"
      : dayComplete
        ? "today \(done) of \(goal): all that was due and today's new questions are done"
        : "today \(done) of \(goal): \(goal - done) to go (`rehearse daily` goes on where you stopped)"
    let tomorrow = dueTomorrow == 0 ? "nothing due tomorrow" : "tomorrow \(dueTomorrow) due"
    let line = "\(streakText(streak)) · \(today) · \(tomorrow)."
    return line.prefix(1).uppercased() + line.dropFirst()
  }
  public func dailyNothingLeft(done: Int, goal: Int, moreDue: Int, streak: Int) -> String {
    if done >= goal {
      let more =
        moreDue > 0
        ? " \(moreDue) more \(moreDue == 1 ? "is" : "are") due: `rehearse daily --count \(moreDue)` practises them."
        : " Nothing more is due today."
      return "Today's goal is met: \(done) of \(goal) · \(streakText(streak)).\(more)"
    }
    return
      "Nothing more is due today, and today's new questions are already in (\(done) of \(goal) answered · \(streakText(streak)))."
  }
  public func dailyMoreOptions(newLeft: Int) -> String {
    (newLeft > 0 ? "More? n: new questions (\(newLeft) never practised) · " : "More? ")
      + "r: a second chance for the weakest answers · Enter: stop"
  }
  public let dailyMorePrompt = "n / r / Enter > "
  public func dailyMoreUnknown(_ answer: String) -> String { "'\(answer)' is none of these: n, r or Enter" }
  public func dailyMoreHint(newLeft: Int, newOption: Int) -> String {
    (newLeft > 0
      ? "For more: `rehearse daily --new \(newOption)` introduces new questions (\(newLeft) never practised); "
      : "For more: ")
      + "`rehearse retry` gives the weakest answers a second chance."
  }
  public let dailyFollowHint =
    "Following no company, so questions come from every bank. `rehearse follow ID` keeps daily practice to the companies you are preparing for."
  public let dailyNoNewLeft =
    "Every question in these banks has been practised; `rehearse retry` gives the weakest a second chance."
  public let retryNoPractice =
    "Nothing to retry yet: no answer has been graded. Start with `rehearse daily` or `rehearse drill COMPANY`."
  public let retryNothingWeak =
    "Nothing to retry: every question's latest answer was graded Good or Easy. `rehearse daily` goes on with what is due."
  public func retryStart(count: Int) -> String {
    "A second chance for your \(count) weakest \(count == 1 ? "answer" : "answers"): what last time lacked comes first, then the new answer side by side with it."
  }
  public func retryLastTime(date: String, grade: String, lacked: [String], problems: [String]) -> String {
    var parts: [String] = []
    if !lacked.isEmpty { parts.append("it lacked " + lacked.joined(separator: ", ")) }
    parts += problems
    return "Last time (\(date), graded \(grade)): " + (parts.isEmpty ? "a weak answer" : parts.joined(separator: "; "))
      + "."
  }
  public func retryYourNote(_ note: String) -> String { "Your note for next time: “\(note)”" }
  public let retrySkipped = "skipped"
  public let retryAbandoned = "abandoned"
  public let retryUnanswered = "nothing typed"
  public let retryCutAtDeadline = "cut at the deadline"
  public let retryOverTime = "well over the time limit"
  public let retryHintUsed = "answered with the hint"
  public let retryAgainstLastTime = "Against last time"
  public func levelChange(_ direction: LevelChange.Direction) -> String {
    switch direction {
    case .better: "better"
    case .same: "same"
    case .worse: "worse"
    }
  }
  public func grade(_ grade: FSRS.Grade) -> String {
    switch grade {
    case .again: "Again"
    case .hard: "Hard"
    case .good: "Good"
    case .easy: "Easy"
    }
  }
  func streakText(_ days: Int) -> String {
    days == 0 ? "no streak yet" : "streak \(days) \(days == 1 ? "day" : "days")"
  }
  public func compareNoAttempts(_ question: String) -> String {
    "no finished attempt at '\(question)' yet (question ids: `rehearse banks show COMPANY`)"
  }
  public func compareWhichCompany(_ question: String, companies: [String]) -> String {
    "several companies have a question '\(question)': name one with --company (\(companies.joined(separator: ", ")))"
  }
  public let columnDate = "DATE"
  public let columnTotal = "TOTAL"
  public let columnTime = "TIME"
  public let columnSelf = "SELF"
  public func categoryShort(_ category: ScoreCategory) -> String {
    switch category {
    case .reasoning: "WHY"
    case .reproducibility: "REPRO"
    case .evidence: "EVID"
    case .companyFit: "FIT"
    case .structure: "STRUCT"
    }
  }
  public func compareStatus(_ status: AnswerStatus) -> String {
    switch status {
    case .skipped: "skipped"
    case .abandoned: "abandoned"
    case .unanswered: "empty"
    case .answered, .timedOut: "–"
    }
  }
  public func compareChanged(gained: [String], lost: [String]) -> String {
    if gained.isEmpty && lost.isEmpty { return "First → latest: nothing gained or lost." }
    var parts: [String] = []
    if !gained.isEmpty { parts.append("gained " + gained.joined(separator: ", ")) }
    if !lost.isEmpty { parts.append("lost " + lost.joined(separator: ", ")) }
    return "First → latest: " + parts.joined(separator: "; ") + "."
  }
  public let compareLegend =
    "Levels 0–3 (– not asked); TIME used / limit, ! cut at the deadline; SELF your own mean rating; ★ the best total. # is the drill: `rehearse show #`."
  public func deleteWhat(id: String, company: String, started: String, answers: Int) -> String {
    "drill #\(id) (\(company), \(started), \(answers) \(answers == 1 ? "question" : "questions"))"
  }
  public func deleteQuestion(_ what: String) -> String {
    "Delete \(what) with its answers, reviews and follow-ups? This cannot be undone."
  }
  public func deleted(_ what: String) -> String { "Deleted \(what)." }
  public let nothingDeleted = "Nothing was deleted."
  public func forgetQuestion(_ company: String, drills: Int) -> String {
    "Delete everything about \(company): \(drills) \(drills == 1 ? "drill" : "drills") or answers in them, its schedule, and following it? This cannot be undone."
  }
  public func forgetNothing(_ company: String) -> String { "Nothing is kept about \(company)." }
  public func forgotten(_ company: String, answers: Int) -> String {
    "Deleted everything about \(company) (\(answers) \(answers == 1 ? "answer" : "answers"))."
  }
  public let confirmPrompt = "[y/N] > "
  public let confirmNeedsYes = "this cannot be undone: add --yes to delete without a terminal to ask on"
  public func exportCannotWrite(_ path: String, reason: String) -> String { "cannot write \(path): \(reason)" }
  public func exported(count: Int, path: String) -> String {
    "Exported \(count) \(count == 1 ? "drill" : "drills") to \(path)."
  }
  public func importNotExport(_ path: String, reason: String) -> String {
    "\(path) is not a Rehearse export (`rehearse export --all --format json`): \(reason)"
  }
  public func imported(count: Int, skipped: Int) -> String {
    "Imported \(count) \(count == 1 ? "drill" : "drills")"
      + (skipped > 0 ? "; \(skipped) already here \(skipped == 1 ? "was" : "were") skipped." : ".")
  }
  public func statsHeading(weeks: Int) -> String { "The last \(weeks) \(weeks == 1 ? "week" : "weeks"), oldest first" }
  public let statsPracticeDays = "practice days"
  public func statsThisWeek(_ days: Int) -> String { "\(days) this week" }
  public func statsWeeksAxis(_ weeks: Int) -> String {
    weeks > 1 ? "↑ one mark a week; the last is this week" : "↑ this week"
  }
  public func statsStreaks(current: Int, longest: Int) -> String {
    "Streak: \(current) \(current == 1 ? "day" : "days") now, \(longest) at the longest."
  }
  public func statsInTime(_ percent: Int) -> String { "Within the time limit: \(percent)% of answers." }
  public let statsWeakest = "The weakest questions (mean total)"
  public func statsAttempts(_ count: Int) -> String { "\(count) \(count == 1 ? "attempt" : "attempts")" }
  public let statsNothingYet = "No scored answers in these weeks yet: `rehearse daily` starts today's practice."
  public func statsReadiness(_ score: Int) -> String { "Readiness: \(score) / 100" }
  public let statsLowReadiness = "Not ready yet."
  public func statsAdviceCategory(_ category: String) -> String {
    "What would raise it most: \(category), your weakest category — `rehearse retry` brings back the answers that lacked it."
  }
  public let statsAdviceTiming = "What would raise it most: answering within the time limit (practise with --strict)."
  public let statsAdviceRegularity =
    "What would raise it most: practising on more days (`rehearse daily`, a few minutes is enough)."
  public let htmlLegend = "Marked words:"
  public func htmlExportTitle(drills: Int) -> String { "Rehearse — \(drills) \(drills == 1 ? "drill" : "drills")" }
  public func htmlExportedOn(_ date: String) -> String { "Exported \(date)" }
  public let reviewRatingYours = "yours"
  public let reviewRatingScorer = "scorer"
  public let htmlOnTerminal =
    "That was the page's HTML: write it to a file with -o FILE.html and open that in a browser."
  public func daysOutOfRange(_ days: Int) -> String { "--days must be between 7 and 365 (not \(days))" }
  public let reportTitle = "Rehearse — progress report"
  public func reportSpan(from first: String, to last: String, made: String) -> String {
    "From \(first) to \(last) · made \(made)"
  }
  public let reportReadiness = "readiness (0–100)"
  public let reportCurrentStreak = "days in a row now"
  public let reportLongestStreak = "days in a row at the longest"
  public let reportAnswers = "answers scored"
  public let reportInTime = "within the time limit"
  public let reportLevelsChart = "Each category's mean level per week (0–3)"
  public let reportTimeChart = "Time per week"
  public let reportTimeInLimit = "answers within the limit"
  public let reportTimeUsed = "share of the limit used"
  public let reportCalendar = "Practice calendar: answers per day"
  public func reportCalendarDay(_ day: String, answers: Int) -> String {
    "\(day): \(answers) \(answers == 1 ? "answer" : "answers")"
  }
  public let reportLess = "fewer"
  public let reportMore = "more"
  public let reportWeekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
  public func reportMonth(_ month: Int) -> String {
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][max(1, min(12, month)) - 1]
  }
  public let reportLimitLine = "limit"
  public let reportWeakest = "The weakest questions"
  public let reportQuestionColumn = "Question"
  public let reportCompanyColumn = "Company"
  public let reportMeanColumn = "Mean total"
  public let reportAttemptsColumn = "Attempts"
  public let reportLatestColumn = "Latest answer"
  public let reportTranscripts = "The latest answers to the weakest questions"
  public func reportWritten(_ path: String) -> String { "Wrote the report to \(path)." }
  public let reviewKeys = "←/→ question  [/] older/newer drill  ↑/↓ scroll  e reflections  q quit"
  public let reviewKeysNoEdit = "←/→ question  [/] older/newer drill  ↑/↓ scroll  q quit"
  public func reviewPosition(_ question: Int, of count: Int) -> String { "Question \(question) of \(count)" }
  public let reviewOldest = "This is the oldest drill."
  public let reviewNewest = "This is the newest drill."
  public func reviewEditHeading(_ question: Int) -> String { "Your reflections on Q\(question)" }
  public let reviewEditHint =
    "Each line is saved when you press Enter (an empty line clears it); Ctrl-C leaves the rest as they were."
  public let reviewSaved = "Saved."
  public let reviewEditCancelled = "The rest left as they were."
  public let reviewFollowUpsOnly = "Reflections belong to the main question: go to a question to add them."
  public func preflightHeading(company: String, stage: String?, mode: InterviewMode) -> String {
    "Before your interview with \(company)" + (stage.map { " — \($0)" } ?? "") + " (\(interviewMode(mode)))"
  }
  public func preflightWhen(_ date: String, days: Int) -> String {
    "On \(date)" + (days == 0 ? ", today." : days == 1 ? ", tomorrow." : days > 1 ? ", in \(days) days." : ".")
  }
  public let preflightPast = "That time has passed: is the date right?"
  public let preflightDoneToday =
    "Preflight already done today, everything ready (rehearse preflight to go through it again)."
  public let preflightModeGuessed =
    "The bank does not say how this interview is held: checking for an online one (--mode to choose)."
  public func preflightDisk(free: String, low: Bool) -> String {
    low
      ? "Only \(free) free where your answers are kept: free some space before you practise."
      : "Free space for your answers: \(free)."
  }
  public func preflightNetwork(_ interface: String?) -> String {
    interface.map { "A network connection is up (\($0))." }
      ?? "No network connection found right now. Connect before the interview (this is a note, not a failure: Rehearse itself needs none)."
  }
  public func preflightPrompt(_ number: Int, of count: Int) -> String { "[\(number)/\(count)] y/n > " }
  public let preflightYesNo = "Answer y (done) or n (not yet)."
  public func preflightReady(_ ready: Int, of count: Int) -> String { "Ready: \(ready) of \(count)." }
  public let preflightAllReady = "Everything is ready for the interview."
  public let preflightNotReady = "Not ready yet:"
  public let preflightNotAnswered = "(not answered)"
  public let preflightStopped = "Preflight stopped; nothing was kept."
  public func preflightBadDate(_ text: String) -> String {
    "'\(text)' is not a date and time like 2026-12-10 14:00"
  }
  public func interviewMode(_ mode: InterviewMode) -> String {
    switch mode {
    case .online: "online"
    case .inPerson: "in person"
    case .phone: "by phone"
    }
  }
  public func mockHeading(company: String) -> String { "Mock interview — \(company)" }
  public let mockPrepBackground = "why they are hiring now"
  public func mockStageNeeded(_ stages: [String]) -> String {
    "a mock interview is of one stage: add --stage (\(stages.joined(separator: ", ")))"
  }
  public let mockPreflightNotReady =
    "You can still rehearse now; do these before the real interview."
  public func mockAnswerKept(seconds: Int, limit: Int) -> String {
    "Answer kept (\(timeUsed(seconds, limit: limit)))."
  }
  public func mockEndHeading(company: String, stage: String) -> String { "Mock interview over: \(company) — \(stage)" }
  public let mockAnswersHeading = "Each answer"
  public func mockAskedAgain(_ parts: [String]) -> String { "asked again: " + parts.joined(separator: ", ") }
  public func mockTime(inTime: Int, of: Int, seconds: Int, planned: Int?) -> String {
    "Time: \(inTime) of \(of) answers within their limit (follow-ups included); \(self.seconds(seconds)) of answering"
      + (planned.map { " (the stage is about \($0) min)." } ?? ".")
  }
  public let mockEndedEarly = "Ended before the last question; everything so far is kept and scored."
  public func quoted(_ text: String) -> String { "“\(text)”" }
  public func andMore(_ count: Int) -> String { "and \(count) more" }
  public func mockPrepSheet(touched: Int, of: Int) -> String {
    "Company fit: your answers touched \(touched) of the \(of) lines of the prep sheet."
  }
  public let mockPrepSheetMissing = "Not yet:"
  public let mockRubricHeading = "The rubric as the scorer sees it (1–5)"
  public let mockFixHeading = "Fix first"
  public func mockFixUnanswered(_ count: Int) -> String {
    "\(count) \(count == 1 ? "question was" : "questions were") left unanswered: in a real interview every silence counts. Drill \(count == 1 ? "it" : "them") until you have an answer ready."
  }
  public func mockFixCategory(_ category: ScoreCategory, answers: Int, of: Int) -> String {
    let what: String =
      switch category {
      case .reasoning: "why you decided"
      case .reproducibility: "whether it would carry over to this company"
      default: "a concrete result"
      }
    let how: String =
      switch category {
      case .reasoning: "say the criterion, or the option you turned down and why"
      case .reproducibility: "name the method you would use again and how you would use it here"
      default: "give a number, ideally before and after"
      }
    return "\(answers) of \(of) answers did not say \(what): \(how)."
  }
  public func mockFixDugTwice(_ category: ScoreCategory, times: Int) -> String {
    let what = category == .reasoning ? "why you decided" : "whether it would carry over"
    return "The interviewer had to ask about \(what) twice" + (times == 1 ? "" : ", in \(times) answers")
      + ": answer it the first time it is asked."
  }
  public func mockFixOvertime(_ count: Int) -> String {
    "\(count) \(count == 1 ? "answer ran" : "answers ran") over the time: lead with the conclusion and cut the background."
  }
  public func mockFixPrepSheet(_ lines: [String]) -> String {
    "Tie your experience to what the company asks for: " + lines.map(quoted).joined(separator: ", ") + "."
  }
  public let mockNothingToFix = "Nothing stands out: do it again at the next stage, or with --strict."
  public func mockAfterwards(_ session: SessionID) -> String {
    "Reread it and add your reflections with `rehearse review \(session)`; the weak answers come back in `rehearse daily`."
  }
  public let mockNotScored = "not scored"
  public let checkHeading = "Readiness self-check: how true is each statement for you today?"
  public func checkScale(_ labels: [String]) -> String {
    labels.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: " · ")
  }
  public let checkPrompt = "1–5 > "
  public let checkInvalid = "Type a number from 1 (not at all) to 5 (fully)."
  public func checkBadLine(_ line: Int, _ text: String) -> String {
    "line \(line): '\(text)' is not a rating from 1 to 5; nothing was kept"
  }
  public func checkIncomplete(answered: Int, of: Int) -> String {
    "the check needs a rating for each of the \(of) statements (got \(answered)); nothing was kept"
  }
  public let checkStopped = "Check stopped; nothing was kept."
  public func checkScore(_ score: Int) -> String { "Self-check: \(score) / 100" }
  public let checkLow = "By your own account, not ready yet. Start with the two below."
  public func checkStrengths(_ items: [String]) -> String { "Strengths: " + items.joined(separator: ", ") + "." }
  public let checkImproveFirst = "Improve first"
  public func checkEarlier(_ date: String, score: Int) -> String { "Last time (\(date)): \(score) / 100." }
  public func statsChecks(_ entries: [String]) -> String { "Self-checks: " + entries.joined(separator: " → ") }
  public let reportCheck = "latest self-check (0–100)"
  public func debriefShipped(_ company: String) -> String {
    "a debrief adds the questions you were asked to your own bank of the company, and '\(company)' comes with Rehearse: make your own with `rehearse banks new`"
  }
  public func debriefHeading(company: String, stage: String, date: String) -> String {
    "Debrief: \(company) — \(stage), \(date)"
  }
  public let debriefIntro =
    "While you remember: each question you were asked, what you answered, how the interviewer reacted, and your three reflections. An empty question ends."
  public func debriefQuestionPrompt(_ number: Int) -> String { "Q\(number) > " }
  public func debriefMatched(_ id: String, text: String) -> String { "→ Already in your bank as \(id): \(text)" }
  public let debriefSamePrompt = "The same question? [Y/n] > "
  public func debriefNew(_ id: String) -> String { "→ New: it joins your bank as \(id)." }
  public let debriefAnswerIntro = "Your answer, as you gave it (an empty line ends it):"
  public let debriefReactionPrompt = "How did the interviewer react? > "
  public let debriefNothing = "No questions written down: nothing was kept."
  public func debriefSummary(questions: Int, added: Int, path: String) -> String {
    "\(questions) \(questions == 1 ? "question" : "questions") kept"
      + (added > 0 ? "; \(added) new in your bank (\(path))" : "")
      + ". They come back in `rehearse daily`."
  }
  public func debriefAfter(_ session: SessionID) -> String {
    "When you hear back: `rehearse outcome \(session) passed`, `rejected` or `waiting`."
  }
  public func outcomeNotInterview(_ session: SessionID, mode: SessionMode) -> String {
    "an outcome is for a real interview written down with `rehearse debrief`; #\(session) is a \(sessionMode(mode))"
  }
  public func outcomeName(_ outcome: InterviewOutcome) -> String {
    switch outcome {
    case .passed: "passed"
    case .rejected: "rejected"
    case .waiting: "waiting to hear"
    }
  }
  public func outcomeFact(_ outcome: InterviewOutcome) -> String { "result: \(outcomeName(outcome))" }
  public func outcomeRecorded(_ outcome: InterviewOutcome, session: SessionID, company: String, date: String) -> String
  {
    "Recorded: \(outcomeName(outcome)) (#\(session), \(company), \(date))."
  }
  public func outcomeRejectedIntro(drafts: Int) -> String {
    "A no is not always final: some companies reconsider near-misses when a place opens. "
      + (drafts == 1 ? "A draft" : "Two drafts") + " to read, edit and send — or not:"
  }
  public func outcomeFeedbackHeading(_ number: Int) -> String {
    "\(number). Asking for feedback (companies rarely answer; send it once and do not chase)"
  }
  public let outcomeFeedbackLeftOut =
    "(No feedback request: new graduates rarely get one. `--feedback` shows the draft anyway.)"
  public func outcomeSecondChanceHeading(_ number: Int) -> String {
    "\(number). Asking to be considered again if a place opens"
  }
  public let outcomeBackInPractice = "Back in practice today (`rehearse retry` or `rehearse daily`):"
  public let outcomePassed = "Congratulations. An offer is only an offer once it is in writing."
  public func outcomePassedStage(_ next: String) -> String { "Congratulations — on to the \(next)." }
  public func outcomeNextStage(company: String, stage: String) -> String {
    "Rehearse it: `rehearse mock \(company) --stage \(stage)`."
  }
  public let outcomeWaiting = "While you wait, keep the answers fresh with `rehearse daily`."
  public func searchNothing(_ query: String) -> String { "Nothing found for “\(query)”." }
  public let searchFollowUp = "follow-up"
  public let searchReflection = "your reflections"
  public func searchCount(_ count: Int) -> String {
    "\(count) \(count == 1 ? "hit" : "hits"). Open a drill with `rehearse show ID`."
  }
  public func following(_ ids: [String]) -> String { "Following \(ids.joined(separator: ", "))." }
  public func followed(_ ids: [String]) -> String { "Following: \(ids.joined(separator: ", "))" }
  public let followingNone = "Following no company yet. Follow one with `rehearse follow ID`."
  public func unfollowed(_ ids: [String]) -> String { "No longer following \(ids.joined(separator: ", "))." }
  public func notFollowed(_ ids: [String]) -> String { "Not followed: \(ids.joined(separator: ", "))." }
  public func resumeDeclined(sessionID: String) -> String {
    "Closed that drill as interrupted; its answers are kept (rehearse show \(sessionID))."
  }
  public func unknownCommand(_ word: String, suggestion: String?, commands: [String]) -> String {
    "unknown command '\(word)'"
      + (suggestion.map { " — did you mean '\($0)'?" } ?? " (commands: \(commands.joined(separator: ", ")))")
  }
  public func skipQuestion(lines: Int) -> String {
    "Skip this question? The \(lines == 1 ? "line" : "\(lines) lines") you typed will be kept but not scored."
  }
  public let skipPrompt = "Skip? [y/N] > "
  public func skippedQuestions(_ numbers: [Int]) -> String {
    "Skipped: " + numbers.map { "Q\($0)" }.joined(separator: ", ")
  }
  public func keepRatingsPrompt(count: Int) -> String { "Enter keeps these ratings, or type \(count) digits again > " }
  public func notRated(_ criterion: String) -> String { "\(criterion)  not rated" }
  public func unrated(_ criterion: String) -> String {
    "\(criterion): not rated (the scorer has no view; type all the digits to rate it)"
  }
  public let noCompanyInGeneralBank = "not judged: a general question bank has no company"
  public func level(_ level: Int) -> String { "level \(level)" }
  public func totalScore(_ total: Int) -> String { "Total \(total)/100" }
  public let answerHeading = "Your answer"
  public let cancelledHeading = "Not counted"
  public func rule(_ rule: String) -> String {
    switch rule {
    case "negation": "a disclaimer in the same sentence (no particular reason, just felt right)"
    case "denied-reason": "a reason you denied; the one after it counts"
    case "someone-elses-decision": "the decision was someone else's"
    case "no-decision": "not tied to a decision you made"
    case "non-decision": "explains an event, not a choice"
    case "failure-cause": "the cause of a mistake, not a reason for a choice"
    case "no-content": "a reason with nothing in it"
    case "keyword-gaming": "too many markers with too little content in one sentence"
    case "descriptive-use": "describes a process you followed, not one you built"
    case "not-built": "a document you did not say you made"
    case "not-adopted": "something you made, not said to be still in use"
    case "needs-content": "a claim with no method beside it"
    case "context-number": "a number that is context (size, tenure, time), not a result"
    case "target": "a target or hope, not a result"
    case "vague-result": "a result without a measure"
    case "learned-doubt": "the answer as a whole does not bear it out (learned check)"
    default: rule
    }
  }
  public func ownership(i: Int, we: Int) -> String { "Ownership: I ×\(i), we ×\(we)" }
  public func fillers(_ words: [String]) -> String { "Fillers: " + words.joined(separator: ", ") }
  public func failureReview(cause: Bool, change: Bool, result: Bool) -> String {
    "Failure review: cause \(cause ? "✓" : "✗"), change \(change ? "✓" : "✗"), result \(result ? "✓" : "✗")"
  }
  public let emptyAnswer = "no answer to score: standard input was empty"
  public let typeAnswer = "Type or paste the answer, then press Ctrl-D on an empty line."
  public func invalidBytes(_ count: Int) -> String {
    "the answer had \(count) invalid UTF-8 \(count == 1 ? "byte" : "bytes"), replaced with U+FFFD"
  }

  public func lintSummary(files: Int, errors: Int, warnings: Int) -> String {
    let f = "\(files) \(files == 1 ? "file" : "files")"
    if errors == 0, warnings == 0 { return "\(f) checked: no problems." }
    return
      "\(f) checked: \(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")."
  }

  public func unknownBank(_ id: String) -> String { "no bank has the id '\(id)'" }
  public func didYouMean(_ id: String) -> String { "did you mean '\(id)'?" }
  public let availableBanks = "Banks:"

  public let newIntro =
    "Create a bank for a company you are applying to. Fill it from the job posting and the company's site; press Enter to skip optional items."
  public let promptName = "Company name"
  public let promptID = "Id (a-z, 0-9, -)"
  public let promptLanguage = "Interview language (ja/en)"
  public let promptIndustry = "Industry"
  public let promptBackground = "Why they are hiring (募集背景)"
  public let promptRequired = "Required skills (必須要件)"
  public let promptPreferred = "Preferred skills (歓迎要件)"
  public let promptMission = "Mission"
  public let promptVision = "Vision"
  public let promptValues = "Values"
  public let promptStages = "Stages, in order (first, second, final, casual, group, case, third)"
  public let promptFormat = "Interview format notes (online? who interviews?)"
  public let listInputHint = "one per line; an empty line ends the list"
  public let cancelled = "Cancelled; nothing was written."
  public let optionalHint = "optional"
  public func invalidID(_ problem: String) -> String { "That id \(problem). Use lowercase letters, digits and '-'." }
  public func bankCreated(path: String, questions: Int) -> String {
    "Created \(path) with \(questions) questions."
  }
  public let bankCreatedNext =
    "Add the questions this company is known to ask (source: interview-report, with the years), then check it with `rehearse banks lint`."
  public func bankExists(_ path: String) -> String {
    "\(path) already exists; choose another id or pass --force to replace it"
  }
  public func missingForNonInteractive(_ flags: [String]) -> String {
    "standard input is not a terminal, so these must be given as options: \(flags.joined(separator: ", "))"
  }
  public func unknownStages(_ stages: [String], known: [String]) -> String {
    "unknown stages: \(stages.joined(separator: ", ")) (known: \(known.joined(separator: ", ")))"
  }
  public let noTemplateQuestions = "none of the chosen stages has standard questions"

  public func shellWelcome(version: String) -> String {
    "Rehearse \(version). Type `help` for the commands, Tab to complete, `quit` or Ctrl-D to leave."
  }
  public let shellHelp = """
    In this shell, type a command without `rehearse` (`banks show kiso-consulting`). \
    `help COMMAND` explains one. Tab completes commands, options and company ids; Up recalls \
    earlier lines; Ctrl-C clears the line; `quit`, `exit` or Ctrl-D leaves.
    """
  public func unclosedQuote(_ quote: Character) -> String { "the line ends inside a quote (\(quote)); close it" }
  public let trailingBackslash = "the line ends with a backslash"
  public let columnStarted = "STARTED"
  public let columnCompany = "COMPANY"
  public let columnMode = "MODE"
  public let columnAnswered = "ANSWERED"
  public let columnScore = "SCORE"
  public let columnStatus = "STATUS"
  public func sessionMode(_ mode: SessionMode) -> String {
    switch mode {
    case .drill: "drill"
    case .daily: "daily"
    case .retry: "retry"
    case .mock: "mock interview"
    case .debrief: "debrief"
    default: mode.rawValue
    }
  }
  public func sessionStatus(_ reason: EndReason?) -> String {
    switch reason {
    case .finished: "finished"
    case .quit: "quit early"
    case .interrupted: "interrupted"
    case nil: "not finished"
    }
  }
  public func historyMore(_ total: Int) -> String {
    "The newest 50 of \(total) drills: `rehearse history --limit N` lists more, --since a day or 2w narrows."
  }
  public func sessionCount(_ count: Int) -> String { "\(count) \(count == 1 ? "session" : "sessions")" }
  public let noSessions = "No drills yet. Start one with `rehearse drill COMPANY`."
  public let noMatchingSessions = "No drills match (--company, --since)."
  public let showSessionHint = "Open a transcript with `rehearse show ID`."
  public func unknownSession(_ id: String) -> String { "no session has the id '\(id)' (see `rehearse history`)" }
  public func sessionTitle(_ id: SessionID, mode: SessionMode) -> String {
    "\(mode == .drill ? "Drill" : mode == .mock ? "Mock interview" : "Session") #\(id)"
  }
  public let strictMode = "strict"
  public func seed(_ seed: UInt64) -> String { "seed \(seed)" }
  public let reviewOff = "no self-review"
  public func answerStatus(_ status: AnswerStatus) -> String {
    switch status {
    case .answered: "answered"
    case .skipped: "skipped"
    case .abandoned: "left unfinished"
    case .timedOut: "cut at the deadline"
    case .unanswered: "not answered"
    }
  }
  public let inProgress = "in progress"
  public func timeUsed(_ seconds: Int, limit: Int) -> String { "\(self.seconds(seconds)) of \(self.seconds(limit))" }
  public func overtime(_ seconds: Int) -> String { "overtime \(self.seconds(seconds))" }
  public let hintUsed = "hint used"
  public let noAnswerText = "(no answer)"
  public let draftHeading = "being typed when it stopped"
  public let reactionHeading = "The interviewer's reaction"
  public let selfReviewHeading = "Self-review"
  public func followUpHeading(_ number: Int, category: ScoreCategory?) -> String {
    "Follow-up \(number)" + (category.map { " (\(self.category($0)))" } ?? "")
  }

  // Drill
  public func timeRow(seconds: Int, limit: Int, overtime: Int, timedOut: Bool) -> String {
    "\(Self.clock(seconds)) / \(Self.clock(limit))" + (overtime > 0 ? "  +\(Self.clock(overtime))" : "")
      + (timedOut ? "  cut at the limit" : "")
  }
  public let warningLabel = "warning"
  public let errorLabel = "error"
  public func unknownDrillCommand(_ command: String) -> String {
    "\(command) is not a command (:skip :repeat :hint :quit); the line was not kept."
  }
  public let endDrillQuestion = "End the drill? Ctrl-C again ends it, everything so far kept; Enter goes back."
  public let endDrillPrompt = "> "
  public let reverseQuestionNotScored =
    "A question for the interviewer is kept, not scored: why and reproducibility do not apply."
  public func drillHeader(company: String, stage: String, number: Int, total: Int) -> String {
    "\(company) · \(stage) · Q\(number)/\(total)"
  }
  public let drillInstructions =
    "Enter keeps a line; an empty line (or Ctrl-D) submits. On a line of their own: :skip :repeat :hint :quit"
  public func drillStarting(company: String, count: Int, strict: Bool) -> String {
    "A timed drill with \(company): \(count) question\(count == 1 ? "" : "s"), \(strict ? "strict clock (the answer is submitted at zero)" : "soft clock (overtime is recorded)")."
  }
  public let thinkLabel = "think"
  public let thinkInstructions = "Think time: press Enter to start answering."
  public let interviewerLabel = "Interviewer"
  public let hintHeading = "Points a good answer covers:"
  public let noHints = "This question has no answer points in its bank."
  public func draftNotSaved(_ reason: String) -> String {
    "the line being typed could not be saved as a draft (\(reason)). Keep typing: each line is saved when "
      + "you press Enter"
  }
  public func storeError(_ error: StoreError) -> String { error.description }
  public let diskFull = "the disk is full"
  public let notSavedCopyIt = "Not saved; copy it from here before you close this window:"
  public let timeUpSubmitted = "Time is up: the answer was submitted as typed."
  public let abandonQuestion =
    "Abandon this answer? y abandons it (what you typed is kept), Enter goes on answering, Ctrl-C again ends the drill."
  public let abandonPrompt = "Abandon? [y/N] > "
  public let answerAbandoned = "Answer abandoned: what you typed is kept, not scored."
  public let answerSkipped = "Skipped."
  public let answerEmpty = "No answer given."
  public func answerTime(seconds: Int, limit: Int, overtime: Int, timedOut: Bool) -> String {
    var text = "Time: \(Self.clock(seconds)) of \(Self.clock(limit))"
    if overtime > 0 { text += ", \(Self.clock(overtime)) over" }
    if timedOut { text += ", cut at the limit" }
    return text
  }
  public let reviewHeading = "Self-review"
  public let reviewInstructions = "Rate each criterion 1–5 (the anchors say what 1, 3 and 5 look like)."
  public func suggestion(_ rating: Int?) -> String {
    "(" + (rating.map { "scorer suggests \($0)" } ?? "scorer: no view") + ")"
  }
  public func ratingsPrompt(count: Int) -> String { "Ratings, \(count) digits (Enter accepts the suggestions) > " }
  public func badRatings(count: Int) -> String {
    "Type \(count) digits from 1 to 5, one per criterion in order (e.g. \(String(repeating: "3", count: count))), or press Enter."
  }
  public let reviewSkipHint = " (Enter skips)"
  public let summaryHeading = "Summary"
  public let summaryLevels = "Levels by question"
  public let summaryTime = "Time"
  public let summaryCalibration = "Your ratings beside the scorer's (yours / scorer's)"
  public func calibrationVerdict(_ verdict: Calibration.Verdict) -> String {
    switch verdict {
    case .aligned: "aligned"
    case .overconfident: "rated 2+ above the scorer"
    case .underconfident: "rated 2+ below the scorer"
    }
  }
  public func weakestQuestion(number: Int, text: String) -> String { "Weakest: Q\(number) \(text)" }
  public func retryHint(company: String, question: String?) -> String {
    "Drill it again: rehearse drill \(company)" + (question.map { " --question \($0)" } ?? "")
  }
  public func drillSaved(sessionID: String) -> String { "Saved. Reread it with: rehearse show \(sessionID)" }
  public let drillQuit = "Drill ended early; everything so far is saved."
  public let noAnsweredQuestions = "No question was answered."
  public func resumeOffer(company: String, number: Int, total: Int, started: String) -> String {
    "An unfinished drill with \(company) (started \(started)) stopped at Q\(number)/\(total)."
  }
  public let resumePrompt = "Resume it? [Y/n] > "
  public func resumeUnavailable(company: String) -> String {
    "The unfinished drill with \(company) cannot be resumed (its bank is gone or changed); it is closed, and its answers are kept."
  }
  public func drillPlanProblem(_ problem: DrillPlan.Problem) -> String {
    switch problem {
    case .unknownStage(let stage, let known):
      "no stage '\(stage)' in this bank; its stages: \(known.joined(separator: ", "))"
    case .noQuestions: "this bank has no questions for that choice"
    case .badNumber(let option, let value):
      "\(option) \(value) is out of range (\(["--time": "5–3600 seconds", "--think": "0–600 seconds"][option] ?? "1 or more"))"
    case .unknownQuestion(let id, let suggestion):
      "no question '\(id)' in this bank"
        + (suggestion.map { " — did you mean '\($0)'?" } ?? " (see `rehearse banks show` for the ids)")
    }
  }

  static func clock(_ seconds: Int) -> String { String(format: "%d:%02d", seconds / 60, seconds % 60) }
}
