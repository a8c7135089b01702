import Foundation
import RehearseCore
import RehearseStore

/// A transcript as HTML: the drill's facts, then each question with the answer (the scorer's
/// spans marked in each category's colour), the levels with the hint for what was missing,
/// follow-ups, and the self-review beside the scorer's view.
struct HTMLTranscript {
  var transcript: Transcript
  var messages: any Messages
  var dates: DateText
  var rubric: Rubric?
  var language: InterfaceLanguage
  /// Each bank's stages (their own names), by company id.
  var stages: [String: [Stage]] = [:]
  /// Only the questions at these positions (the report's weakest answers); every one when nil.
  var only: Set<Int>?

  /// The anchor of a drill (`drill-12`) and of one of its questions (`drill-12-q3`).
  static func anchor(_ session: SessionID, question: Int? = nil) -> String {
    "drill-\(session.rawValue)" + (question.map { "-q\($0)" } ?? "")
  }

  func write(to html: inout HTMLWriter) {
    let m = messages
    let session = transcript.session
    html.element("section", ["class": "drill", "id": Self.anchor(session.id)]) { html in
      html.element("h2") { html in
        html.text(m.sessionTitle(session.id, mode: session.mode) + " — ")
        html.element("span", ["class": "company"], text: session.companyName)
      }
      var when = dates.minute(session.startedAt)
      if let ended = session.endedAt {
        when +=
          " – "
          + (dates.sameDay(session.startedAt, ended) ? String(dates.minute(ended).suffix(5)) : dates.minute(ended))
      }
      var facts = [when, m.sessionStatus(session.endReason), m.sessionMode(session.mode)]
      if let stage = session.settings.stage {
        facts.append(m.stageTitle(stage, in: stages[session.companyID] ?? []))
      }
      facts.append(m.stageQuestionCount(transcript.questions.count))
      html.element("p", ["class": "facts"], text: facts.joined(separator: " · "))
      html.newline()
      for question in transcript.questions where only?.contains(question.position) ?? true {
        html.element("article", ["class": "question", "id": Self.anchor(session.id, question: question.position)]) {
          html in
          write(question, heading: "Q\(question.position)", to: &html)
          for followUp in question.followUps {
            html.element("div", ["class": "follow-up"]) { html in
              write(
                followUp, heading: m.followUpHeading(followUp.position, category: followUp.followUpCategory), to: &html)
            }
          }
          if let review = question.review { write(review, of: question, to: &html) }
        }
        html.newline()
      }
    }
    html.newline()
  }

  private func write(_ q: AskedQuestion, heading: String, to html: inout HTMLWriter) {
    let m = messages
    let main = q.followUpCategory == nil && q.bankQuestionID != nil
    html.element(main ? "h3" : "h4") { html in
      html.text(heading)
      var facts: [String] = []
      if main {
        if let company = q.companyID { facts.append(company) }
        if let id = q.bankQuestionID { facts.append(id) }
        if let stage = q.stage {
          facts.append(m.stageTitle(stage, in: stages[q.companyID ?? transcript.session.companyID] ?? []))
        }
        if let kind = q.kind { facts.append(m.kind(kind)) }
      }
      facts.append(dates.minute(q.askedAt))
      html.element("span", ["class": "facts"], text: facts.joined(separator: " · "))
    }
    html.element("p", ["class": "asked"], text: q.text)
    let status = m.answerFacts(q)
    html.element("p", ["class": "status"]) { html in
      html.element("strong", text: m.answerHeading)
      html.text(" " + status.joined(separator: " · "))
    }
    let text = q.answerText
    let score = StoredScore(json: q.outcome?.scoreJSON)
    if text.isEmpty {
      html.element("p", ["class": "answer empty"], text: m.noAnswerText)
    } else {
      html.element("blockquote", ["class": "answer"]) { html in
        Self.marked(text, score: score, messages: m, to: &html)
      }
    }
    if let reaction = q.reaction {
      html.element("p", ["class": "reaction"]) { html in
        html.element("strong", text: m.reactionHeading)
        html.text(" " + reaction)
      }
    }
    if let score, !score.categories.isEmpty { write(score, to: &html) }
  }

  /// The answer with each span in a `<mark>` of its category (titled with the category's name).
  static func marked(_ text: String, score: StoredScore?, messages: any Messages, to html: inout HTMLWriter) {
    let marks = SpanMarks(text, spans: score?.spans ?? [])
    for run in marks.runs(in: 0..<marks.scalars.count, byCategory: true) {
      if let category = run.category {
        html.element("mark", ["class": Self.cssClass(category), "title": messages.category(category)], text: run.text)
      } else {
        html.text(run.text)
      }
    }
  }

  static func cssClass(_ category: ScoreCategory) -> String {
    switch category {
    case .reasoning: "reasoning"
    case .reproducibility: "reproducibility"
    case .evidence: "evidence"
    case .companyFit: "company-fit"
    case .structure: "structure"
    }
  }

  private func write(_ score: StoredScore, to html: inout HTMLWriter) {
    let m = messages
    html.element("table", ["class": "levels"]) { html in
      for category in ScoreView.order {
        guard let result = score.categories[category] else { continue }
        html.element("tr", ["class": result.present ? "present" : "missing"]) { html in
          html.element("th") { html in
            html.element("span", ["class": "swatch " + Self.cssClass(category)], text: "")
            html.text(" " + m.category(category))
          }
          html.element(
            "td", ["class": "bar"],
            text: String(repeating: "■", count: result.level) + String(repeating: "□", count: 3 - result.level))
          html.element("td", text: m.level(result.level))
          html.element("td", ["class": "hint"], text: result.present ? "" : result.hint ?? "")
        }
      }
    }
    if let total = score.total { html.element("p", ["class": "total"], text: m.totalScore(total)) }
  }

  private func write(
    _ review: SelfReview, of question: AskedQuestion, to html: inout HTMLWriter
  ) {
    let m = messages
    let lang: Language = language == .ja ? .ja : .en
    let criteria = rubric?.criteria ?? []
    let suggestions = question.scorerSuggestions(criteria)
    let order =
      criteria.map(\.id).filter { review.ratings[$0] != nil }
      + review.ratings.keys.filter { id in !criteria.contains { $0.id == id } }.sorted()
    let calibration = Calibration.compare(ratings: review.ratings, suggestions: suggestions, order: order)
    html.element("div", ["class": "review"]) { html in
      html.element("h4", text: m.selfReviewHeading)
      if !calibration.entries.isEmpty {
        html.element("table", ["class": "ratings"]) { html in
          html.element("tr") { html in
            html.element("th", text: "")
            html.element("th", text: m.reviewRatingYours)
            html.element("th", text: m.reviewRatingScorer)
            html.element("th", text: "")
          }
          for entry in calibration.entries {
            html.element("tr") { html in
              html.element("th", text: criteria.first { $0.id == entry.criterion }?.name(lang) ?? entry.criterion)
              html.element("td", text: "\(entry.selfRating)/5")
              html.element("td", text: entry.suggested.map { "\($0)/5" } ?? "—")
              html.element(
                "td", ["class": "verdict"],
                text: entry.verdict == .aligned ? "" : m.calibrationVerdict(entry.verdict))
            }
          }
        }
      }
      let reflections: [(String, String?)] = [
        ("what_went_wrong", review.whatWentWrong), ("why", review.why), ("next_time", review.nextTime),
      ]
      let written = reflections.filter { !($0.1 ?? "").isEmpty }
      if !written.isEmpty {
        html.element("dl", ["class": "reflections"]) { html in
          for (id, text) in written {
            html.element("dt", text: rubric?.reflection.first { $0.id == id }?.text(lang) ?? id)
            html.element("dd", text: text ?? "")
          }
        }
      }
    }
  }
}

/// A self-contained page: inline CSS, no scripts, no network references (an export or a report
/// opened offline, mailed, or printed looks the same).
enum HTMLPage {
  static func opening(title: String, language: InterfaceLanguage) -> String {
    var html = HTMLWriter()
    html.constant("<!DOCTYPE html>\n")
    // Written in pieces: <html> and <body> are closed by `closing`.
    html.begin("html", ["lang": language == .ja ? "ja" : "en"])
    html.newline()
    html.element("head") { head in
      head.void("meta", ["charset": "utf-8"])
      head.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
      head.element("title", text: title)
      head.element("style") { $0.constant(css) }
    }
    html.newline()
    html.begin("body")
    html.newline()
    return html.take()
  }

  static let closing = "</body>\n</html>\n"

  /// The marks' colours, with a legend of which colour is which category.
  static func legend(messages: any Messages, to html: inout HTMLWriter) {
    html.element("p", ["class": "legend"]) { html in
      html.text(messages.htmlLegend + " ")
      for category in ScoreView.order where category != .structure {
        html.element("mark", ["class": HTMLTranscript.cssClass(category)], text: messages.category(category))
        html.text(" ")
      }
    }
  }

  static let css: StaticString = """
    :root{color-scheme:light;--ink:#1d232b;--dim:#5b6673;--line:#d8dde3;--bg:#fbfbfa;--card:#fff;\
    --reasoning:#f4d3ec;--reasoning-ink:#9c2a7d;--reproducibility:#d3e3fb;--reproducibility-ink:#1f5aa6;\
    --evidence:#d4f0d9;--evidence-ink:#23783a;--company-fit:#fbeac4;--company-fit-ink:#8a5a00;\
    --structure:#d6f1f3;--structure-ink:#1f7078}
    *{box-sizing:border-box}
    body{margin:0 auto;max-width:58rem;padding:1.5rem 1.25rem 4rem;background:var(--bg);color:var(--ink);\
    font:15px/1.6 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans CJK JP","Noto Sans JP",sans-serif}
    h1{font-size:1.6rem;margin:.2rem 0 .2rem}h2{font-size:1.25rem;margin:2.2rem 0 .2rem;\
    border-bottom:2px solid var(--line);padding-bottom:.2rem}h3{font-size:1.05rem;margin:0 0 .3rem}\
    h4{font-size:.95rem;margin:.8rem 0 .3rem}
    .facts{color:var(--dim);font-size:.85rem;font-weight:normal;margin-left:.6rem}p.facts{margin:0 0 1rem}
    .question{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem 1.2rem;\
    margin:1rem 0;break-inside:avoid-page}
    .asked{font-weight:600;margin:.2rem 0 .6rem}.status{color:var(--dim);font-size:.9rem;margin:.3rem 0}
    .answer{white-space:pre-wrap;margin:.3rem 0 .8rem;padding:.6rem .9rem;border-left:4px solid var(--line);\
    background:#f6f7f8;border-radius:0 6px 6px 0;overflow-wrap:anywhere}.answer.empty{color:var(--dim);font-style:italic}
    mark{border-radius:3px;padding:0 .1em;color:inherit}
    mark.reasoning,.swatch.reasoning{background:var(--reasoning);box-shadow:inset 0 -2px var(--reasoning-ink)}
    mark.reproducibility,.swatch.reproducibility{background:var(--reproducibility);\
    box-shadow:inset 0 -2px var(--reproducibility-ink)}
    mark.evidence,.swatch.evidence{background:var(--evidence);box-shadow:inset 0 -2px var(--evidence-ink)}
    mark.company-fit,.swatch.company-fit{background:var(--company-fit);box-shadow:inset 0 -2px var(--company-fit-ink)}
    .swatch.structure{background:var(--structure);box-shadow:inset 0 -2px var(--structure-ink)}
    .swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;vertical-align:-.05em}
    table{border-collapse:collapse;font-size:.9rem}td,th{padding:.15rem .6rem .15rem 0;text-align:left;\
    vertical-align:top}th{font-weight:600}
    .levels .bar{letter-spacing:.1em}.levels .bar,.levels th,.levels td:nth-child(3){white-space:nowrap}.levels .missing th,.levels .missing .bar{color:var(--dim)}
    .levels .hint{color:var(--dim);font-size:.85rem}.total{font-weight:600;margin:.4rem 0 0}
    .follow-up{margin:1rem 0 0 1.2rem;padding-left:.9rem;border-left:2px dashed var(--line)}
    .review{margin-top:1rem;border-top:1px solid var(--line);padding-top:.2rem}.verdict{color:#a33}
    dl.reflections dt{color:var(--dim);font-size:.85rem;margin-top:.4rem}dl.reflections dd{margin:0 0 0 1rem}
    .legend{font-size:.85rem;color:var(--dim)}.legend mark{margin-right:.3rem}
    .cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}.card{background:var(--card);\
    border:1px solid var(--line);border-radius:8px;padding:.6rem 1rem;min-width:9rem}\
    .card .value{font-size:1.6rem;font-weight:700}.card .label{color:var(--dim);font-size:.85rem}
    .warning{background:#fdecea;border:1px solid #f3b8b1;color:#8a1f11;border-radius:8px;padding:.6rem 1rem}
    figure{margin:1.2rem 0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem}
    figcaption{font-weight:600;margin-bottom:.4rem}svg{max-width:100%;height:auto;display:block}
    svg text{font:11px system-ui,sans-serif;fill:var(--dim)}
    .weakest td,.weakest th{border-bottom:1px solid var(--line);padding:.35rem .8rem .35rem 0}\
    .weakest th,.weakest td:nth-child(n+3){white-space:nowrap}
    a{color:#1f5aa6}code{font:.9em ui-monospace,"DejaVu Sans Mono",monospace;background:#eef0f2;\
    padding:.05em .3em;border-radius:3px}
    @media print{body{background:#fff;max-width:none}.question,figure{border-color:#bbb}}
    """
}
