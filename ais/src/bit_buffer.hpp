// bit_buffer.hpp — an AIS payload de-armoured into big-endian 64-bit words, and field readers.
//
// Private to the decoder. load() turns the armoured text into bits (six per character, fill bits
// dropped); ubits/sbits then read any field with two shifts. Every bit past bit_count reads as zero,
// so a field that runs past the end of a short message (gpsd-compatible off-spec lengths) is
// zero-filled instead of reading garbage (up to kZeroWords words past the end), and there is one spare
// word so reads never leave the array.
//
//   BitBuffer b;
//   if (b.load("15RTgt0PAso;90TKcjM8h6g208CQ", 0) == LoadStatus::ok) b.ubits(8, 30);  // MMSI
#pragma once

#include <algorithm>
#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace aiswatch::ais::detail {

// Longest payload any type accepts: five slots (ITU-R M.1371-5, §3.3.7.1: at most 1008 data bits).
inline constexpr std::size_t kMaxPayloadBits = 1008;

// Armour value of each byte ('0'..'W' -> 0..39, '`'..'w' -> 40..63), kBadArmour for everything else.
inline constexpr std::uint8_t kBadArmour = 0x40;
inline constexpr std::array<std::uint8_t, 256> kArmourTable = [] {
  std::array<std::uint8_t, 256> t{};
  for (auto& v : t) v = kBadArmour;
  for (int c = '0'; c <= 'W'; ++c) t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - '0');
  for (int c = '`'; c <= 'w'; ++c) t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - '`' + 40);
  return t;
}();

inline std::uint8_t armour_value(char c) noexcept { return kArmourTable[static_cast<unsigned char>(c)]; }

enum class LoadStatus : std::uint8_t { ok, bad_character, too_long };

class BitBuffer {
 public:
  static constexpr std::size_t kWords = (kMaxPayloadBits + 63) / 64 + 1;  // + 1 spare word of zeros
  // Words zeroed after the payload: fields of a short, gpsd-tolerated form read at most 70 bits past
  // the end (type 15 at 88 of 160 bits), and a read touches the following word too.
  static constexpr std::size_t kZeroWords = 3;

  // De-armours `armoured` minus `fill_bits` (0..5, checked by the caller). Payloads longer than
  // kMaxPayloadBits are still scanned for bad characters (that reason wins) but not stored.
  LoadStatus load(std::string_view armoured, unsigned fill_bits) noexcept {
    assert(fill_bits <= 5);
    const std::size_t total_bits = armoured.size() * 6;
    bit_count_ = total_bits >= fill_bits ? total_bits - fill_bits : 0;
    if (bit_count_ > kMaxPayloadBits) return scan_only(armoured);

    std::uint8_t bad = 0;
    Packer packer{words_.data()};
    std::size_t i = 0;
    // Four characters (24 bits) per step: fewer shifts and stores than one at a time.
    for (; i + 4 <= armoured.size(); i += 4) {
      const std::uint8_t a = armour_value(armoured[i]), b = armour_value(armoured[i + 1]),
                         c = armour_value(armoured[i + 2]), d = armour_value(armoured[i + 3]);
      bad |= a | b | c | d;
      packer.append((std::uint64_t{a} << 18) | (std::uint64_t{b} << 12) | (std::uint64_t{c} << 6) | d, 24);
    }
    for (; i < armoured.size(); ++i) {
      const std::uint8_t a = armour_value(armoured[i]);
      bad |= a;
      packer.append(a, 6);
    }
    if ((bad & kBadArmour) != 0) return LoadStatus::bad_character;
    // The partial word, then kZeroWords words of zeros so that reads past the end see zeros.
    const std::size_t w = packer.finish();
    for (std::size_t z = 0; z < kZeroWords && w + z < kWords; ++z) words_[w + z] = 0;
    readable_bits_ = std::min(w + kZeroWords, kWords - 1) * 64;
    clear_fill_bits();
    return LoadStatus::ok;
  }

  std::size_t bit_count() const noexcept { return bit_count_; }

  // Unsigned field of `width` (1..57) bits starting at bit `start` (0 = first bit of the type).
  std::uint32_t ubits(std::size_t start, unsigned width) const noexcept {
    return static_cast<std::uint32_t>(read(start, width));
  }

  // Two's-complement signed field.
  std::int32_t sbits(std::size_t start, unsigned width) const noexcept {
    const std::uint64_t raw = read(start, width);
    const std::uint64_t sign = std::uint64_t{1} << (width - 1);
    return static_cast<std::int32_t>(static_cast<std::int64_t>(raw ^ sign) - static_cast<std::int64_t>(sign));
  }

  bool bit(std::size_t start) const noexcept { return read(start, 1) != 0; }

 private:
  std::uint64_t read(std::size_t start, unsigned width) const noexcept {
    assert(width >= 1 && width <= 57 && start + width <= readable_bits_);
    const std::size_t w = start >> 6;
    const unsigned off = static_cast<unsigned>(start & 63);
    // Two words spliced; the second shift is split so off == 0 does not shift by 64.
    const std::uint64_t v = (words_[w] << off) | ((words_[w + 1] >> 1) >> (63 - off));
    return v >> (64 - width);
  }

  // Appends bit groups to big-endian words, left to right.
  struct Packer {
    std::uint64_t* out;
    std::uint64_t cur = 0;   // word being filled, left-aligned
    unsigned used = 0;       // bits of cur in use, 0..63
    std::size_t word = 0;

    void append(std::uint64_t value, unsigned n) noexcept {  // value < 2^n, n <= 24
      if (used + n < 64) {
        cur |= value << (64 - used - n);
        used += n;
        return;
      }
      const unsigned over = used + n - 64;  // bits that go to the next word, 0..23
      out[word++] = cur | (value >> over);
      cur = over == 0 ? 0 : value << (64 - over);
      used = over;
    }
    std::size_t finish() noexcept {  // stores the partial word; returns the first unwritten index
      if (used != 0) out[word++] = cur;
      return word;
    }
  };

  LoadStatus scan_only(std::string_view armoured) noexcept {
    std::uint8_t bad = 0;
    for (char c : armoured) bad |= armour_value(c);
    return (bad & kBadArmour) != 0 ? LoadStatus::bad_character : LoadStatus::too_long;
  }

  void clear_fill_bits() noexcept {
    // Zero everything from bit_count_ to the end of its word (the fill bits, if any).
    const std::size_t w = bit_count_ >> 6;
    const unsigned off = static_cast<unsigned>(bit_count_ & 63);
    if (off != 0) words_[w] &= ~std::uint64_t{0} << (64 - off);
  }

  std::array<std::uint64_t, kWords> words_;  // not zeroed up front: load() writes what reads may reach
  std::size_t bit_count_ = 0;
  std::size_t readable_bits_ = 0;  // bits with defined content (payload, then zeros); checked by read()
};

}  // namespace aiswatch::ais::detail
