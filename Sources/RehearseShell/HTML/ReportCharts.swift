import Foundation
import RehearseCore

/// The report's charts as inline SVG, drawn from `ProgressStats`: nothing is fetched and no
/// script runs. Each mark has a `<title>` (a tooltip in a browser, read by screen readers) and
/// each chart an accessible label.
struct ReportCharts {
  var stats: ProgressStats
  var messages: any Messages

  /// Each category's line colour (the darker ink of its mark in the transcripts).
  static func ink(_ category: ScoreCategory) -> String {
    switch category {
    case .reasoning: "#9c2a7d"
    case .reproducibility: "#1f5aa6"
    case .evidence: "#23783a"
    case .companyFit: "#b07400"
    case .structure: "#1f7078"
    }
  }

  /// `11/03` for a week's last day.
  static func short(_ day: PracticeDay) -> String {
    let parts = day.description.split(separator: "-")
    return "\(Int(parts[1]) ?? 0)/\(Int(parts[2]) ?? 0)"
  }

  /// Which of `count` x positions get a label: about `most` of them, the last always.
  static func labelled(_ count: Int, most: Int) -> Set<Int> {
    let step = max(1, Int((Double(count) / Double(most)).rounded(.up)))
    return Set(stride(from: count - 1, through: 0, by: -step))
  }

  /// A chart's figure: its caption, then what `body` draws (the SVG and a legend).
  private static func figure(
    html: inout HTMLWriter, class name: String, caption: String, _ body: (inout HTMLWriter) -> Void
  ) {
    html.element("figure", ["class": "chart " + name]) { html in
      html.element("figcaption", text: caption)
      body(&html)
    }
  }

  /// An inline SVG of `width` × `height` user units, labelled for screen readers.
  private static func svgAttributes(width: Double, height: Double, label: String) -> HTMLWriter.Attributes {
    [
      "viewBox": "0 0 \(Int(width)) \(Int(height))", "width": "\(Int(width))", "height": "\(Int(height))",
      "role": "img", "aria-label": label, "xmlns": "http://www.w3.org/2000/svg",
    ]
  }

  private static func number(_ value: Double) -> String {
    String(format: "%.1f", value)
  }

  // MARK: - Level trend

  func levels(to html: inout HTMLWriter) {
    let m = messages
    let weeks = stats.weeks
    let categories = ScoreView.order.filter { category in weeks.contains { $0.meanLevels[category] != nil } }
    let (width, height, left, right, top, bottom) = (720.0, 240.0, 34.0, 14.0, 12.0, 26.0)
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    func x(_ index: Int) -> Double {
      weeks.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(weeks.count - 1)
    }
    func y(_ level: Double) -> Double { top + plotHeight * (1 - level / 3) }
    Self.figure(html: &html, class: "levels-chart", caption: m.reportLevelsChart) { html in
      html.element("svg", Self.svgAttributes(width: width, height: height, label: m.reportLevelsChart)) { svg in
        for level in 0...3 {
          let ly = Self.number(y(Double(level)))
          svg.void(
            "line",
            ["x1": Self.number(left), "x2": Self.number(width - right), "y1": ly, "y2": ly, "stroke": "#e3e6ea"],
            svg: true)
          svg.element(
            "text", ["x": Self.number(left - 8), "y": Self.number(y(Double(level)) + 4), "text-anchor": "end"],
            text: "\(level)")
        }
        for index in Self.labelled(weeks.count, most: 9).sorted() {
          svg.element(
            "text", ["x": Self.number(x(index)), "y": Self.number(height - 6), "text-anchor": "middle"],
            text: Self.short(weeks[index].end))
        }
        for category in categories {
          // A line through the weeks that have a level; a week without one breaks it.
          var runs: [[Int]] = [[]]
          for (index, week) in weeks.enumerated() {
            if week.meanLevels[category] != nil {
              runs[runs.count - 1].append(index)
            } else if !runs[runs.count - 1].isEmpty {
              runs.append([])
            }
          }
          for run in runs where run.count > 1 {
            let points = run.map { "\(Self.number(x($0))),\(Self.number(y(weeks[$0].meanLevels[category]!)))" }
            svg.void(
              "polyline",
              [
                "points": points.joined(separator: " "), "fill": "none", "stroke": Self.ink(category),
                "stroke-width": "2.5", "stroke-linejoin": "round", "class": "line " + HTMLTranscript.cssClass(category),
              ], svg: true)
          }
          // Equal means would hide one dot under another: each category's dots a little apart.
          let offset = (Double(categories.firstIndex(of: category) ?? 0) - Double(categories.count - 1) / 2) * 2.5
          for (index, week) in weeks.enumerated() {
            guard let level = week.meanLevels[category] else { continue }
            svg.element(
              "circle",
              [
                "cx": Self.number(x(index) + offset), "cy": Self.number(y(level)), "r": "3.5",
                "fill": Self.ink(category),
              ]
            ) { svg in
              svg.element("title", text: "\(m.category(category)) · \(Self.short(week.end)): \(Self.number(level))")
            }
          }
        }
      }
      html.element("p", ["class": "legend"]) { html in
        for category in categories {
          html.element("span", ["class": "swatch " + HTMLTranscript.cssClass(category)], text: "")
          html.text(" " + m.category(category) + "  ")
        }
      }
    }
  }

  // MARK: - Time use

  func time(to html: inout HTMLWriter) {
    let m = messages
    let weeks = stats.weeks
    let (width, height, left, right, top, bottom) = (720.0, 200.0, 40.0, 14.0, 12.0, 26.0)
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let topShare = 1.5
    func y(_ share: Double) -> Double { top + plotHeight * (1 - min(share, topShare) / topShare) }
    let slot = plotWidth / Double(max(1, weeks.count))
    let bar = min(18, slot * 0.36)
    Self.figure(html: &html, class: "time-chart", caption: m.reportTimeChart) { html in
      html.element("svg", Self.svgAttributes(width: width, height: height, label: m.reportTimeChart)) { svg in
        for share in [0.0, 0.5, 1.0, 1.5] {
          let ly = Self.number(y(share))
          svg.void(
            "line",
            [
              "x1": Self.number(left), "x2": Self.number(width - right), "y1": ly, "y2": ly,
              "stroke": share == 1 ? "#9aa3ad" : "#e3e6ea", "stroke-dasharray": share == 1 ? "5 4" : "none",
            ], svg: true)
          svg.element(
            "text", ["x": Self.number(left - 6), "y": Self.number(y(share) + 4), "text-anchor": "end"],
            text: "\(Int(share * 100))%")
        }
        svg.element(
          "text", ["x": Self.number(width - right), "y": Self.number(y(1) - 4), "text-anchor": "end"],
          text: m.reportLimitLine)
        let labels = Self.labelled(weeks.count, most: 9)
        for (index, week) in weeks.enumerated() {
          let centre = left + slot * (Double(index) + 0.5)
          if let share = week.inTimeShare {
            svg.element(
              "rect",
              [
                "x": Self.number(centre - bar - 1), "y": Self.number(y(share)), "width": Self.number(bar),
                "height": Self.number(max(0.5, y(0) - y(share))), "fill": "#3f9b57", "rx": "2",
              ]
            ) { svg in
              svg.element(
                "title", text: "\(Self.short(week.end)): \(m.reportTimeInLimit) \(Int((share * 100).rounded()))%")
            }
          }
          if let use = week.meanTimeUse {
            svg.element(
              "rect",
              [
                "x": Self.number(centre + 1), "y": Self.number(y(use)), "width": Self.number(bar),
                "height": Self.number(max(0.5, y(0) - y(use))), "fill": "#5b8fd6", "rx": "2",
              ]
            ) { svg in
              svg.element("title", text: "\(Self.short(week.end)): \(m.reportTimeUsed) \(Int((use * 100).rounded()))%")
            }
          }
          if labels.contains(index) {
            svg.element(
              "text", ["x": Self.number(centre), "y": Self.number(height - 6), "text-anchor": "middle"],
              text: Self.short(week.end))
          }
        }
      }
      html.element("p", ["class": "legend"]) { html in
        html.element("span", ["class": "swatch", "style": "background:#3f9b57"], text: "")
        html.text(" " + m.reportTimeInLimit + "  ")
        html.element("span", ["class": "swatch", "style": "background:#5b8fd6"], text: "")
        html.text(" " + m.reportTimeUsed)
      }
    }
  }

  // MARK: - Practice calendar

  /// The heat map's colour for a day's answers.
  static func shade(_ answers: Int) -> String {
    switch answers {
    case 0: "#ebedf0"
    case 1...2: "#b7e1c0"
    case 3...5: "#6cc081"
    case 6...9: "#2f9a4e"
    default: "#1b6b34"
    }
  }

  func calendar(to html: inout HTMLWriter) {
    let m = messages
    let first = stats.firstDay
    let today = stats.weeks.last?.end ?? first
    // Columns are weeks from Monday; rows are Monday to Sunday.
    let start = first.adding(days: -first.weekday)
    let columns = (today.days(since: start)) / 7 + 1
    let (cell, gap, left, top) = (15.0, 3.0, 30.0, 18.0)
    let width = max(left + Double(columns) * (cell + gap) + 10, left + 44 + 5 * (cell + gap) + 50)
    let height = top + 7 * (cell + gap) + 30
    Self.figure(html: &html, class: "calendar-chart", caption: m.reportCalendar) { html in
      html.element("svg", Self.svgAttributes(width: width, height: height, label: m.reportCalendar)) { svg in
        for row in [0, 2, 4] {
          svg.element(
            "text",
            [
              "x": Self.number(left - 6), "y": Self.number(top + Double(row) * (cell + gap) + cell - 2),
              "text-anchor": "end",
            ],
            text: m.reportWeekdays[row])
        }
        var lastMonth = 0
        for column in 0..<columns {
          let x = left + Double(column) * (cell + gap)
          let monday = start.adding(days: column * 7)
          // Each month named above the first week that ends in it.
          let month = Int(monday.adding(days: 6).description.split(separator: "-")[1]) ?? 0
          if month != lastMonth {
            svg.element("text", ["x": Self.number(x), "y": "11"], text: m.reportMonth(month))
            lastMonth = month
          }
          for row in 0..<7 {
            let day = monday.adding(days: row)
            guard day >= first, day <= today else { continue }
            let answers = stats.answersPerDay[day] ?? 0
            svg.element(
              "rect",
              [
                "x": Self.number(x), "y": Self.number(top + Double(row) * (cell + gap)), "width": Self.number(cell),
                "height": Self.number(cell), "rx": "2", "fill": Self.shade(answers),
                "class": answers > 0 ? "day practised" : "day",
              ]
            ) { svg in
              svg.element("title", text: m.reportCalendarDay(day.description, answers: answers))
            }
          }
        }
        // fewer ■■■■■ more
        let legendY = top + 7 * (cell + gap) + 8
        var x = left + 44
        svg.element(
          "text", ["x": Self.number(x - 5), "y": Self.number(legendY + cell - 2), "text-anchor": "end"],
          text: m.reportLess)
        for answers in [0, 1, 3, 6, 10] {
          svg.void(
            "rect",
            [
              "x": Self.number(x), "y": Self.number(legendY), "width": Self.number(cell), "height": Self.number(cell),
              "rx": "2", "fill": Self.shade(answers),
            ], svg: true)
          x += cell + gap
        }
        svg.element("text", ["x": Self.number(x + 4), "y": Self.number(legendY + cell - 2)], text: m.reportMore)
      }
    }
  }
}
