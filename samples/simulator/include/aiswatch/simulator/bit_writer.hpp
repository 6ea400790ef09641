// bit_writer.hpp — builds an AIS binary payload field by field and armours it into NMEA six-bit text.
//
// AIS messages are bit strings (ITU-R M.1371-5); NMEA carries them "armoured", six bits per character
// ('0'..'W' then '`'..'w'), with 0..5 fill bits padding the last character. Text fields use the AIS
// six-bit ASCII subset (upper case, digits, space and punctuation; '@' pads unused characters).
//
//   BitWriter w;
//   w.put_uint(1, 6);            // message type
//   w.put_int(-1234, 28);        // two's complement
//   w.put_text("EVER GIVEN", 20);
//   ArmouredPayload p = w.armour();   // p.text "1…", p.fill_bits 0..5
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aiswatch::simulator {

struct ArmouredPayload {
  std::string text;        // armoured six-bit characters, all fragments together
  unsigned fill_bits = 0;  // bits added to complete the last character (0..5)
};

// True when every character can be sent in an AIS text field (six-bit ASCII: ' '..'_', no lower case).
bool is_sixbit_text(std::string_view text) noexcept;

// Upper-cases letters and replaces characters six-bit ASCII cannot carry with '?'.
std::string to_sixbit_text(std::string_view text);

class BitWriter {
 public:
  // Appends the low `width` bits of value, most significant first. Precondition: value < 2^width.
  void put_uint(std::uint64_t value, unsigned width);
  // Appends value in two's complement. Precondition: it fits in `width` bits.
  void put_int(std::int64_t value, unsigned width);
  void put_bool(bool value) { put_uint(value ? 1 : 0, 1); }
  // Appends exactly `chars` six-bit characters, padding with '@'. Precondition: is_sixbit_text(text)
  // and text.size() <= chars (callers validate or convert user text first).
  void put_text(std::string_view text, unsigned chars);

  std::size_t bit_count() const noexcept { return bits_.size(); }
  ArmouredPayload armour() const;

 private:
  std::vector<std::uint8_t> bits_;  // one bit per entry; AIS messages are at most 1008 bits
};

}  // namespace aiswatch::simulator
