// sha256.hpp — SHA-256 (FIPS 180-4) for the report's reproducibility section (every input file and
// watchlist with its size and digest), the evidence fingerprints of the review workflow, and the
// Content-Security-Policy hashes of the HTML report's inline script and style.
//
//   sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
//   FileDigest d = digest_file("day1.nmea.gz");   // {size_bytes, sha256_hex} of the bytes on disk
//   Sha256 h; h.update(chunk1); h.update(chunk2); auto digest = h.finish();   // streaming (stdin)
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace aiswatch::report {

class Sha256 {
 public:
  using Digest = std::array<std::uint8_t, 32>;

  void update(std::string_view bytes) noexcept;
  // Pads and returns the digest; the object starts over afterwards.
  Digest finish() noexcept;

 private:
  void compress(const std::uint8_t* block) noexcept;

  std::array<std::uint32_t, 8> state_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                         0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

std::string sha256_hex(std::string_view bytes);

std::string to_hex(std::span<const std::uint8_t> bytes);
std::string to_base64(std::span<const std::uint8_t> bytes);  // RFC 4648 with '=' padding

struct FileDigest {
  std::uint64_t size_bytes = 0;
  std::string sha256_hex;
};

// Reads the whole file. Throws ReportError naming the file when it cannot be read.
FileDigest digest_file(const std::filesystem::path& file);

}  // namespace aiswatch::report
