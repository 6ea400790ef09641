#include "aiswatch/simulator/bit_writer.hpp"

#include <cassert>

namespace aiswatch::simulator {

namespace {

// Six-bit ASCII (ITU-R M.1371-5 Table 47): '@'..'_' are 0..31, ' '..'?' are 32..63.
bool sixbit_char(char c) noexcept { return c >= ' ' && c <= '_'; }

unsigned sixbit_value(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return u >= 64 ? u - 64 : u;
}

// NMEA armouring: values 0..39 become '0'..'W', 40..63 become '`'..'w'.
char armour_char(unsigned value) noexcept {
  assert(value < 64);
  return static_cast<char>(value < 40 ? value + 48 : value + 56);
}

}  // namespace

bool is_sixbit_text(std::string_view text) noexcept {
  for (char c : text)
    if (!sixbit_char(c)) return false;
  return true;
}

std::string to_sixbit_text(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!sixbit_char(c)) c = '?';
  }
  return out;
}

void BitWriter::put_uint(std::uint64_t value, unsigned width) {
  assert(width > 0 && width <= 64);
  assert(width == 64 || value < (std::uint64_t{1} << width));
  for (unsigned i = width; i-- > 0;) bits_.push_back(static_cast<std::uint8_t>((value >> i) & 1U));
}

void BitWriter::put_int(std::int64_t value, unsigned width) {
  assert(width > 1 && width < 64);
  assert(value >= -(std::int64_t{1} << (width - 1)) && value < (std::int64_t{1} << (width - 1)));
  const std::uint64_t mask = (std::uint64_t{1} << width) - 1;
  put_uint(static_cast<std::uint64_t>(value) & mask, width);
}

void BitWriter::put_text(std::string_view text, unsigned chars) {
  assert(text.size() <= chars);
  assert(is_sixbit_text(text));
  for (unsigned i = 0; i < chars; ++i) put_uint(i < text.size() ? sixbit_value(text[i]) : 0, 6);
}

ArmouredPayload BitWriter::armour() const {
  ArmouredPayload out;
  out.fill_bits = static_cast<unsigned>((6 - bits_.size() % 6) % 6);
  out.text.reserve((bits_.size() + 5) / 6);
  for (std::size_t i = 0; i < bits_.size(); i += 6) {
    unsigned value = 0;
    for (std::size_t k = 0; k < 6; ++k) value = (value << 1) | (i + k < bits_.size() ? bits_[i + k] : 0U);
    out.text.push_back(armour_char(value));
  }
  return out;
}

}  // namespace aiswatch::simulator
