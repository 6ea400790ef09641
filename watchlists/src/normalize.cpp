// Vessel-name normalisation. Every rule is applied to both sides (list and AIS), so a rule can only
// merge spellings, never invent a match between different words; each one is here because lists and
// AIS write the same ship's name both ways (docs/watchlists.md "Names").
#include "aiswatch/watchlists/normalize.hpp"

#include <string_view>
#include <vector>

#include "text.hpp"

namespace aiswatch::watchlists {
namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Upper-case ASCII base letter of an accented Latin-1 letter (É -> E), 0 when it has none.
char latin1_base(char32_t cp) noexcept {
  static constexpr std::string_view kBase =  // U+00C0..U+00FF
      "AAAAAAACEEEEIIIIDNOOOOO OUUUUYTS" "AAAAAAACEEEEIIIIDNOOOOO OUUUUYTY";
  if (cp < 0xC0 || cp > 0xFF) return 0;
  const char b = kBase[cp - 0xC0];
  return b == ' ' ? '\0' : b;
}

enum class CharClass { letter, digit, separator };

// Words of upper-case letters or digits; a letter-digit boundary also splits ("MAIA1" -> MAIA 1).
std::vector<std::string> words(std::string_view name) {
  std::vector<std::string> out;
  std::string word;
  CharClass last = CharClass::separator;
  auto flush = [&] {
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < name.size();) {
    const std::size_t start = i;
    const char32_t cp = detail::next_code_point(name, i);
    CharClass cls = CharClass::separator;
    std::string piece;
    if (cp < 0x80) {
      const auto c = static_cast<char>(cp);
      if (c >= 'a' && c <= 'z') {
        cls = CharClass::letter;
        piece = static_cast<char>(c - 'a' + 'A');
      } else if (c >= 'A' && c <= 'Z') {
        cls = CharClass::letter;
        piece = c;
      } else if (is_digit(c)) {
        cls = CharClass::digit;
        piece = c;
      } else if (c == '\'' || c == '`') {
        continue;  // O'HARA == OHARA: an apostrophe joins, it does not separate
      }
    } else if (const char base = latin1_base(cp)) {
      cls = CharClass::letter;
      piece = base;
    } else if (cp >= 0x370 && cp != 0xFFFD && !(cp >= 0x2000 && cp <= 0x206F) && !(cp >= 0x3000 && cp <= 0x303F)) {
      cls = CharClass::letter;  // other scripts (Cyrillic, CJK, …) kept as written; punctuation blocks are not
      piece = std::string(name.substr(start, i - start));
    } else if (cp == 0x2019 || cp == 0x2018) {
      continue;  // typographic apostrophes
    }
    if (cls == CharClass::separator || (last != CharClass::separator && cls != last)) flush();
    word += piece;
    last = cls;
  }
  flush();
  return out;
}

bool only_roman_numerals(std::string_view w) noexcept {
  return w.find_first_not_of("IVXLCDM") == std::string_view::npos;
}

bool ends_with(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Russian transliteration variants at the end of a word: MARIYA/MARIA, VOSTOCHNYY/VOSTOCHNY/VOSTOCHNYI,
// BALTIYSKIY/BALTIYSKII/BALTIYSKI. Short words and roman numerals (ARGO II) are left alone.
void fold_transliteration(std::string& w) {
  if (w.size() < 4 || only_roman_numerals(w) || is_digit(w.front())) return;
  if (ends_with(w, "IYA")) {
    w.erase(w.size() - 2, 1);  // IYA -> IA
  } else if (ends_with(w, "YY") || ends_with(w, "YI") || ends_with(w, "YJ")) {
    w.pop_back();  // -> Y
  } else if (ends_with(w, "IY") || ends_with(w, "II") || ends_with(w, "IJ")) {
    w.pop_back();  // -> I
  }
}

bool is_vessel_prefix(const std::vector<std::string>& w, std::size_t& len) {
  // "MV", "M/V", "M.V.", "MT", "M/T" (motor vessel / tanker) before a name.
  if (w.size() >= 2 && (w[0] == "MV" || w[0] == "MT")) {
    len = 1;
    return true;
  }
  if (w.size() >= 3 && w[0] == "M" && (w[1] == "V" || w[1] == "T")) {
    len = 2;
    return true;
  }
  return false;
}

}  // namespace

std::string normalize_vessel_name(std::string_view name) {
  std::vector<std::string> w = words(name);
  std::size_t prefix = 0;
  if (is_vessel_prefix(w, prefix)) w.erase(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(prefix));

  std::string out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    // "NO." before a number: "YARD NO. 1220" == "YARD 1220", "NO5" == "5".
    if (w[i] == "NO" && i + 1 < w.size() && is_digit(w[i + 1].front())) continue;
    fold_transliteration(w[i]);
    if (!out.empty()) out += ' ';
    out += w[i];
  }
  return out;
}

std::string vessel_name_key(std::string_view name) {
  std::string key = normalize_vessel_name(name);
  std::erase(key, ' ');
  return key;
}

std::string normalize_callsign(std::string_view callsign) {
  std::string out;
  for (const char c : callsign) {
    if (c >= 'a' && c <= 'z') out += static_cast<char>(c - 'a' + 'A');
    else if ((c >= 'A' && c <= 'Z') || is_digit(c)) out += c;
  }
  return out;
}

}  // namespace aiswatch::watchlists
