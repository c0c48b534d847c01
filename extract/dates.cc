#include "extract/dates.h"

#include <array>
#include <cstdio>

#include "core/text.h"

namespace polgraph::extract {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> kMonthAbbrev = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
// Monday first, as in ISO 8601.
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
long DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

std::string CivilFromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y + (m <= 2), m, d);
  return buf;
}

bool ValidDay(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m != 2 || d <= 28 || leap;
}

int Month(std::string_view lower) {
  if (lower.size() > 3 && lower.back() == '.') lower.remove_suffix(1);  // "Sept." as one token
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (lower == kMonths[i]) return static_cast<int>(i) + 1;
    // "Sept." and "Jan" are written by agencies; "may" is the verb more often.
    if (lower == kMonthAbbrev[i] && lower != "may") return static_cast<int>(i) + 1;
  }
  if (lower == "sept") return 9;
  return 0;
}

int Number(std::string_view w) {
  if (w.empty() || w.size() > 4) return -1;
  int v = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// 12, 12th, 1st, 2nd, 3rd.
int DayOfMonth(std::string_view w) {
  if (w.size() > 2) {
    std::string_view suffix = w.substr(w.size() - 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
      w = w.substr(0, w.size() - 2);
    }
  }
  int d = w.size() <= 2 ? Number(w) : -1;
  return d >= 1 && d <= 31 ? d : -1;
}

struct DocDate {
  int y = 0, m = 0, d = 0;
  bool ok = false;
};

DocDate ParseIso(std::string_view s) {
  DocDate out;
  if (!IsIsoDate(s)) return out;
  out.y = Number(s.substr(0, 4));
  out.m = Number(s.substr(5, 2));
  out.d = Number(s.substr(8, 2));
  out.ok = ValidDay(out.y, out.m, out.d);
  return out;
}

std::string Iso(int y, int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace

std::string SentenceDate(const std::vector<nlp::Token>& tokens, std::string_view doc_date) {
  const DocDate doc = ParseIso(doc_date);
  const long doc_days =
      doc.ok ? DaysFromCivil(doc.y, static_cast<unsigned>(doc.m), static_cast<unsigned>(doc.d)) : 0;
  const size_t n = tokens.size();
  std::vector<std::string> lower(n);
  bool future = false;
  for (size_t i = 0; i < n; ++i) {
    lower[i] = AsciiLower(tokens[i].text);
    if (lower[i] == "will" || lower[i] == "'ll" || lower[i] == "next" || lower[i] == "tomorrow") {
      future = true;
    }
  }
  std::string found;
  bool conflict = false;
  const auto take = [&](std::string date) {
    if (date.empty()) return;
    if (!found.empty() && found != date) conflict = true;
    found = std::move(date);
  };
  const auto word = [&](size_t i) -> std::string_view {
    return i < n ? std::string_view(lower[i]) : std::string_view();
  };
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = lower[i];
    if (IsIsoDate(w)) {
      DocDate d = ParseIso(w);
      if (d.ok) take(std::string(w));
      continue;
    }
    if (int m = Month(w); m > 0 && tokens[i].capitalized) {
      // "March 12", "March 12, 2017", "12 March", "12 March 2017", "March 2017" (no day).
      size_t j = i + 1;
      if (word(j) == ".") ++j;  // "Sept. 12"
      int day = DayOfMonth(word(j));
      int year = -1;
      if (day > 0) {
        size_t k = j + 1;
        if (word(k) == ",") ++k;
        year = Number(word(k));
      } else if (i > 0) {
        day = DayOfMonth(lower[i - 1]);
        year = Number(word(j));
      }
      if (day <= 0) continue;
      if (year < 1000) year = doc.ok ? doc.y : -1;
      if (year > 0 && ValidDay(year, m, day)) take(Iso(year, m, day));
      continue;
    }
    if (!doc.ok) continue;
    for (size_t wd = 0; wd < kWeekdays.size(); ++wd) {
      if (w != kWeekdays[wd]) continue;
      // 1970-01-01 was a Thursday (index 3).
      const long doc_wd = ((doc_days % 7) + 7 + 3) % 7;
      long delta = static_cast<long>(wd) - doc_wd;
      if (future) {
        if (delta <= 0) delta += 7;
      } else if (delta > 0) {
        delta -= 7;
      }
      take(CivilFromDays(doc_days + delta));
    }
    if (w == "yesterday") take(CivilFromDays(doc_days - 1));
    if (w == "today") take(CivilFromDays(doc_days));
    if (w == "tomorrow") take(CivilFromDays(doc_days + 1));
  }
  return conflict ? std::string() : found;
}

}  // namespace polgraph::extract
